"""Building the plugin manager: imrparse's built-ins, then third-party entry points.

:data:`BUILTIN_PLUGINS` is the one list of imrparse's own plugins. They are registered
by name, through the same hooks and the same manager as third-party plugins (as tox
and datasette do); the ``imrparse`` entry-point group is for third parties only.
"""

from __future__ import annotations

import importlib
import os
import sys
import warnings
from typing import TYPE_CHECKING, Iterable, Mapping

import pluggy

from ..errors import PluginError
from . import hookspecs
from .api import ENTRY_POINT_GROUP, PROJECT_NAME

if TYPE_CHECKING:
    import importlib.metadata

__all__ = ["BUILTIN_PLUGINS", "get_plugin_manager", "disabled_plugin_names", "PluginWarning", "installed_entry_points"]

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
        for ep in installed_entry_points():
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
    known = set(BUILTIN_PLUGINS) | {ep.name for ep in installed_entry_points()}
    unknown = sorted(disabled - known)
    if unknown:
        warnings.warn(
            f"IMRPARSE_DISABLE_PLUGINS names {', '.join(map(repr, unknown))}, which no installed "
            f"plugin is called (plugins: {', '.join(sorted(known))})",
            PluginWarning, stacklevel=3)


def installed_entry_points(group: str = ENTRY_POINT_GROUP) -> list[importlib.metadata.EntryPoint]:
    """The installed entry points of ``group`` (``importlib.metadata``'s).

    Importing ``importlib.metadata`` (with ``email``, ``zipfile``, ``csv`` ...) and
    reading every distribution's metadata cost more than a tenth of a one-letter
    command. So the metadata folders on ``sys.path`` are looked through first, and when
    none declares ``group`` in its ``entry_points.txt`` there are no entry points to load;
    where that cannot be known so simply (a zip file or an egg on the path, a finder of
    distributions besides Python's own), ``importlib.metadata`` is asked as always.
    """
    if _declared_nowhere(group):
        return []
    import importlib.metadata

    return list(importlib.metadata.entry_points(group=group))


def _declared_nowhere(group: str) -> bool:
    """True when no ``*.dist-info`` or ``*.egg-info`` folder on ``sys.path`` has an
    ``entry_points.txt`` with a ``[group]`` section (read as ``importlib.metadata`` reads
    it), and no other place could hold distributions; False when unsure."""
    from importlib.machinery import PathFinder

    if any(getattr(finder, "find_distributions", None) is not None and finder is not PathFinder
           for finder in sys.meta_path):
        return False
    header = f"[{group}]"
    for entry in sys.path:
        folder = entry or "."
        if folder.lower().endswith(".egg"):
            return False
        try:
            children = os.scandir(folder)
        except FileNotFoundError:
            continue
        except OSError:  # a zip file, or unreadable
            return False
        with children:
            for child in children:
                if not child.name.lower().endswith((".dist-info", ".egg-info")):
                    continue
                try:
                    with open(os.path.join(child.path, "entry_points.txt"), encoding="utf-8") as fh:
                        if any(line.strip() == header for line in fh):
                            return False
                except FileNotFoundError:
                    continue
                except OSError:  # an .egg-info file, not a folder: PKG-INFO only
                    continue
    return True


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
