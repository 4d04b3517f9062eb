"""The plugin manager: unknown names in IMRPARSE_DISABLE_PLUGINS are reported, and hook
wrappers (``@hookimpl(wrapper=True)``) adjust a built-in's answer."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys
import warnings
from typing import Any, Generator

import attrs
import pytest

import imrparse
from imrparse.models import Service
from imrparse.plugin.api import ENTRY_POINT_GROUP
from imrparse.plugin.manager import PluginWarning, get_plugin_manager
from imrparse.testing import SAMPLE_LETTER, plugin_manager

from .making import make_plugin


def test_an_unknown_name_to_disable_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IMRPARSE_DISABLE_PLUGINS", "format_csv,fromats, nope")
    with pytest.warns(PluginWarning) as record:
        pm = get_plugin_manager(entry_points=False)
    [warning] = record
    message = str(warning.message)
    assert "'fromats', 'nope'" in message and "format_csv" in message  # the known names are listed
    assert "'format_csv'," not in message.split("plugins:")[0]
    assert pm.is_blocked("format_csv") and pm.is_blocked("fromats")
    assert warning.filename == __file__  # points at the caller


def test_known_names_are_not_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = importlib.metadata.EntryPoint(name="not_loaded_here", value="no_such_module", group=ENTRY_POINT_GROUP)
    real = importlib.metadata.entry_points
    monkeypatch.setattr(importlib.metadata, "entry_points", lambda **kw: [*real(**kw), fake])
    monkeypatch.setenv("IMRPARSE_DISABLE_PLUGINS", "formats,not_loaded_here")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        # A third-party plugin is known by its entry point, even when entry points are not loaded.
        get_plugin_manager(entry_points=False)
        assert get_plugin_manager().is_blocked("not_loaded_here")  # blocked, so never imported


def test_block_names_from_code_are_not_reported() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert get_plugin_manager(entry_points=False, block=["not_installed"]).is_blocked("not_installed")


def test_the_command_line_shows_the_warning_on_stderr() -> None:
    run = subprocess.run([sys.executable, "-m", "imrparse", "plugins"], capture_output=True, text=True,
                         env={**__import__("os").environ, "IMRPARSE_DISABLE_PLUGINS": "fromats"})
    assert run.returncode == 0
    assert "PluginWarning" in run.stderr and "'fromats'" in run.stderr


# -- hook wrappers ------------------------------------------------------------------------------


class TherapyAsRehabilitation:
    """Adjusts the built-in service reader's answer instead of replacing it."""

    @imrparse.hookimpl(wrapper=True)
    def imrparse_read_service(self, request: str) -> Generator[None, Service | None, Service | None]:
        service = yield  # what the other implementations (the built-in) answered
        if service is not None and "therapy" in request.lower():
            return attrs.evolve(service, category="rehabilitation")
        return service


def test_a_wrapper_adjusts_the_builtin_answer() -> None:
    with plugin_manager() as plugins:
        plain = imrparse.parse(SAMPLE_LETTER, plugins=plugins)
    with plugin_manager(TherapyAsRehabilitation()) as plugins:
        wrapped = imrparse.parse(SAMPLE_LETTER, plugins=plugins)
    assert plain.items[1].service.category != "rehabilitation"
    assert wrapped.items[1].service == attrs.evolve(plain.items[1].service, category="rehabilitation")
    assert wrapped.items[0].service == plain.items[0].service


def test_a_wrapper_sees_a_replacement_too() -> None:
    """Wrappers run around every implementation: the answer it gets is the first
    non-None one, from whichever plugin gave it."""
    seen: list[Any] = []

    class Spy:
        @imrparse.hookimpl(wrapper=True)
        def imrparse_read_service(self, request: str) -> Generator[None, Any, Any]:
            answer = yield
            seen.append(answer)
            return answer

    replacing = make_plugin("replacing", imrparse_read_service=lambda request: Service(category="x"))
    with plugin_manager(replacing, Spy()) as plugins:
        imrparse.parse(SAMPLE_LETTER, plugins=plugins)
    assert [s.category for s in seen] == ["x", "x"]
