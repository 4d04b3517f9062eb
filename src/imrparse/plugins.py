"""imrparse 0.1's plugin module, kept so that plugins written against it keep working.

New code imports from :mod:`imrparse.plugin` (the registration types and ``hookimpl``),
:mod:`imrparse.plugin.manager` and :mod:`imrparse.plugin.registry`.
"""

from .layout.context import ParseContext
from .plugin.api import (
    ENTRY_POINT_GROUP,
    Extractor,
    FormatOptions,
    Layout,
    OutputFormat,
    PluginInfo,
    Reader,
    ReadText,
    hookimpl,
)
from .plugin.manager import BUILTIN_PLUGINS, get_plugin_manager
from .plugin.registry import Plugins, get_plugins, named

__all__ = [
    "hookimpl", "Layout", "Reader", "ReadText", "OutputFormat", "FormatOptions", "Extractor",
    "Plugins", "PluginInfo", "ParseContext", "get_plugin_manager", "get_plugins", "named",
    "BUILTIN_PLUGINS", "ENTRY_POINT_GROUP",
]
