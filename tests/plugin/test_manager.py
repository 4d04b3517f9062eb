"""The plugin manager: unknown names in IMRPARSE_DISABLE_PLUGINS are reported, and hook
wrappers (``@hookimpl(wrapper=True)``) adjust a built-in's answer."""

from __future__ import annotations

import subprocess
import sys
from importlib.machinery import PathFinder
import warnings
from pathlib import Path
from typing import Any, Generator

import attrs
import pytest

import imrparse
from imrparse.models import Service
from imrparse.plugin.api import ENTRY_POINT_GROUP
from imrparse.plugin.manager import PluginWarning, get_plugin_manager
from imrparse.testing import SAMPLE_LETTER, plugin_manager

from .making import install_entry_points, make_plugin


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


def test_known_names_are_not_reported(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    install_entry_points(monkeypatch, tmp_path, not_loaded_here="no_such_module")
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


def test_entry_points_are_looked_for_without_importlib_metadata_when_none_is_declared(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    from imrparse.plugin import manager

    other = tmp_path / "other"
    info = other / "Other_Dist-2.0.DIST-INFO"  # any letter case, as importlib.metadata reads it
    info.mkdir(parents=True)
    (info / "entry_points.txt").write_text("[console_scripts]\nimrparse = x:y\n[ imrparse ]\na = b\n")
    (other / "loose.egg-info").write_text("Name: loose\n")  # an egg-info file: no entry points
    # Python's own finder only: a finder of distributions that another test or package
    # added (to sys.meta_path) rightly makes the look give way to importlib.metadata.
    monkeypatch.setattr(sys, "meta_path", [m for m in sys.meta_path
                                           if getattr(m, "find_distributions", None) is None or m is PathFinder])
    monkeypatch.setattr(sys, "path", [str(other), str(tmp_path / "missing")])
    assert manager._declared_nowhere(ENTRY_POINT_GROUP)
    assert manager.installed_entry_points() == []
    (info / "entry_points.txt").write_text("[console_scripts]\nx = y\n\n  [imrparse]  \n")
    assert not manager._declared_nowhere(ENTRY_POINT_GROUP)  # an empty group: importlib.metadata decides
    # Where distributions may hide elsewhere, importlib.metadata is asked.
    zipped = tmp_path / "plugins.zip"
    zipped.write_bytes(b"PK\x05\x06" + bytes(18))
    monkeypatch.setattr(sys, "path", [str(zipped)])
    assert not manager._declared_nowhere(ENTRY_POINT_GROUP)
    monkeypatch.setattr(sys, "path", [str(tmp_path / "missing")])
    assert manager._declared_nowhere(ENTRY_POINT_GROUP)

    class Finder:
        @staticmethod
        def find_distributions(*args: Any) -> list[Any]:
            return []

    monkeypatch.setattr(sys, "meta_path", [*sys.meta_path, Finder])
    assert not manager._declared_nowhere(ENTRY_POINT_GROUP)


def test_the_command_line_does_not_import_importlib_metadata() -> None:
    code = ("import sys\nfrom imrparse.cli import main\n"
            "main(['parse', '-q', sys.argv[1]])\n"
            "assert 'importlib.metadata' not in sys.modules, 'imported'\n")
    from ..corpus import seed_paths

    subprocess.run([sys.executable, "-c", code, str(seed_paths()[0])], check=True, capture_output=True)
