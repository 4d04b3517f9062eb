"""Helpers for the plugin tests: a plugin module from functions, the command line run
with a given set of plugins."""

from __future__ import annotations

import types
from pathlib import Path
from typing import Any, Callable, Sequence

import pytest

import imrparse
from imrparse import cli
from imrparse.plugin import registry as registry_module
from imrparse.plugin.api import ENTRY_POINT_GROUP
from imrparse.plugin.manager import get_plugin_manager
from imrparse.plugin.registry import Plugins


def make_plugin(name: str, **hooks: Callable[..., Any]) -> types.ModuleType:
    """A plugin module named ``name`` implementing ``hooks``."""
    module = types.ModuleType(name)
    for hook, function in hooks.items():
        setattr(module, hook, imrparse.hookimpl(function))
    return module


def install_entry_points(monkeypatch: pytest.MonkeyPatch, folder: Path, **entry_points: str) -> None:
    """A distribution declaring ``entry_points`` (name = "module" or "module:object") in
    imrparse's group, installed in ``folder`` at the front of ``sys.path``: found as pip's
    would be, by imrparse's look through the metadata folders and by importlib.metadata."""
    info = folder / "fake_imrparse_plugins-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: fake-imrparse-plugins\nVersion: 1.0\n",
                                   encoding="utf-8")
    lines = [f"[{ENTRY_POINT_GROUP}]", *(f"{name} = {value}" for name, value in entry_points.items())]
    (info / "entry_points.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(folder))


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
