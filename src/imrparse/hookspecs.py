"""imrparse 0.1's hook specification module, kept for plugins written against it.

The specifications live in :mod:`imrparse.plugin.hookspecs`.
"""

from .plugin.api import PROJECT_NAME
from .plugin.hookspecs import *  # noqa: F403
from .plugin.hookspecs import __all__ as _specs

__all__ = ["PROJECT_NAME", *_specs]
