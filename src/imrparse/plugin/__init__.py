"""The plugin system: what a plugin registers, the hooks, the manager, the registry.

* :mod:`imrparse.plugin.api`: :data:`hookimpl` and the objects plugins register;
* :mod:`imrparse.plugin.hookspecs`: the hook specifications;
* :mod:`imrparse.plugin.manager`: the built-ins and the entry points, loaded;
* :mod:`imrparse.plugin.registry`: typed calls into the hooks, blaming the plugin.
"""

from .api import Extractor, FormatOptions, Layout, OutputFormat, Reader, ReadText, hookimpl

__all__ = ["hookimpl", "Layout", "Reader", "ReadText", "OutputFormat", "FormatOptions", "Extractor"]
