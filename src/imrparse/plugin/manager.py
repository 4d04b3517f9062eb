"""Building the plugin manager: imrparse's built-ins, then third-party entry points.

:data:`BUILTIN_PLUGINS` is the one list of imrparse's own plugins. They are registered
by name, through the same hooks and the same manager as third-party plugins (as tox
and datasette do); the ``imrparse`` entry-point group is for third parties only.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import os
import sys
import warnings
from typing import Iterable, Mapping

import pluggy

from ..errors import PluginError
from . import hookspecs
from .api import ENTRY_POINT_GROUP, PROJECT_NAME

__all__ = ["BUILTIN_PLUGINS", "get_plugin_manager", "disabled_plugin_names", "PluginWarning"]

#: imrparse's own plugins: registered name -> module. Each module is an ordinary
#: plugin; blocking one (``IMRPARSE_DISABLE_PLUGINS=formats``) removes its feature.
BUILTIN_PLUGINS: Mapping[str, str] = {
    "layout_standard": "imrparse.builtin.layouts.standard",
    "layout_2013": "imrparse.builtin.layouts.notice_2013",
    "extract_reviewer": "imrparse.builtin.fields.reviewer",
    "extract_summary": "imrparse.builtin.fields.summary",
    "extract_citations": "imrparse.builtin.fields.citations",
    "extract_service": "imrparse.builtin.fields.services",
    "readers": "imrparse.builtin.readers",
    "formats": "imrparse.builtin.formats.json",
    "format_csv": "imrparse.builtin.formats.csv",
    "format_parquet": "imrparse.builtin.formats.parquet",
    "format_markdown": "imrparse.builtin.formats.markdown",
    "format_sqlite": "imrparse.builtin.formats.sqlite",
    "format_html": "imrparse.builtin.formats.html",
}


class PluginWarning(UserWarning):
    """The plugin set is probably not what the user meant: ``IMRPARSE_DISABLE_PLUGINS``
    names a plugin that is neither built in nor installed (a typo?)."""


def disabled_plugin_names() -> set[str]:
    """The names in ``IMRPARSE_DISABLE_PLUGINS`` (comma-separated)."""
    return {n.strip() for n in os.environ.get("IMRPARSE_DISABLE_PLUGINS", "").split(",") if n.strip()}


def get_plugin_manager(
    *, entry_points: bool = True, builtins: bool = True, block: Iterable[str] = ()
) -> pluggy.PluginManager:
    """A new plugin manager with imrparse's built-ins and the installed plugins.

    ``builtins=False`` leaves imrparse's own plugins out (an empty system to test a
    plugin in isolation); ``entry_points=False`` leaves out third-party plugins; ``block``
    names plugins not to load. The ``IMRPARSE_DISABLE_PLUGINS`` environment variable
    (comma-separated names) blocks plugins too, and ``IMRPARSE_TRACE_PLUGINS=1`` traces
    every hook call on standard error.
    """
    pm = pluggy.PluginManager(PROJECT_NAME)
    pm.add_hookspecs(hookspecs)
    disabled = disabled_plugin_names()
    for name in set(block) | disabled:
        pm.set_blocked(name)
    _warn_unknown(disabled)
    # Built-ins first, third-party plugins after them: pluggy calls the most recently
    # registered implementation first, so a plugin overrides a built-in (a field hook
    # returning non-None, or an object registered under a built-in's name).
    if builtins:
        for name, module in BUILTIN_PLUGINS.items():
            if not pm.is_blocked(name):
                pm.register(importlib.import_module(module), name=name)
    if entry_points:
        for ep in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP):
            _register_entry_point(pm, ep)
    pm.check_pending()
    if os.environ.get("IMRPARSE_TRACE_PLUGINS"):
        pm.trace.root.setwriter(sys.stderr.write)
        pm.enable_tracing()
    return pm


def _warn_unknown(disabled: set[str]) -> None:
    """A name in IMRPARSE_DISABLE_PLUGINS that no plugin has is reported (a
    :class:`PluginWarning`): a misspelled name would otherwise silently disable nothing.
    (Names given to ``block=`` are not: code may block a plugin that is not installed.)"""
    if not disabled:
        return
    known = set(BUILTIN_PLUGINS) | {ep.name for ep in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP)}
    unknown = sorted(disabled - known)
    if unknown:
        warnings.warn(
            f"IMRPARSE_DISABLE_PLUGINS names {', '.join(map(repr, unknown))}, which no installed "
            f"plugin is called (plugins: {', '.join(sorted(known))})",
            PluginWarning, stacklevel=3)


def _register_entry_point(pm: pluggy.PluginManager, ep: importlib.metadata.EntryPoint) -> None:
    if pm.is_blocked(ep.name) or pm.has_plugin(ep.name):
        return
    try:
        plugin = ep.load()
    except Exception as exc:  # a broken plugin must say who it is
        raise PluginError(f"could not load plugin {ep.name!r} ({ep.value}): {exc}",
                          plugin=ep.name, hook="load") from exc
    if pm.is_registered(plugin):  # the same module under two entry-point names
        return
    pm.register(plugin, name=ep.name)
