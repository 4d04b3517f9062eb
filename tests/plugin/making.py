"""Helpers for the plugin tests: a plugin module from functions, the command line run
with a given set of plugins."""

from __future__ import annotations

import types
from typing import Any, Callable, Sequence

import pytest

import imrparse
from imrparse import cli
from imrparse.plugin import registry as registry_module
from imrparse.plugin.manager import get_plugin_manager
from imrparse.plugin.registry import Plugins


def make_plugin(name: str, **hooks: Callable[..., Any]) -> types.ModuleType:
    """A plugin module named ``name`` implementing ``hooks``."""
    module = types.ModuleType(name)
    for hook, function in hooks.items():
        setattr(module, hook, imrparse.hookimpl(function))
    return module


def run_cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
            plugins: Sequence[object], argv: list[str]) -> tuple[int, str, str]:
    """``imrparse ARGV`` with the built-ins and ``plugins`` (registered under their
    ``__name__``): exit status, standard output, standard error."""
    pm = get_plugin_manager(entry_points=False)
    for plugin in plugins:
        pm.register(plugin, name=getattr(plugin, "__name__", None))
    monkeypatch.setattr(registry_module, "_DEFAULT", Plugins(pm))
    code = cli.main(argv)
    out, err = capsys.readouterr()
    return code, out, err
