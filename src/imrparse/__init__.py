"""imrparse: California workers' compensation IMR final determination letters as typed data.

>>> import imrparse
>>> det = imrparse.parse_file("letter.pdf")            # doctest: +SKIP
>>> det.items[0].decision, det.items[0].service.category  # doctest: +SKIP
(<Decision.UPHELD: 'upheld'>, 'imaging')
>>> imrparse.to_dict(det)["overall_decision"]          # doctest: +SKIP
'upheld'

The public API is the names in ``__all__``; the result types are in
:mod:`imrparse.models`, the errors in :mod:`imrparse.errors`, and everything a plugin
needs in :mod:`imrparse.plugins` and :mod:`imrparse.hookspecs`.
"""

from __future__ import annotations

from . import errors, models
from .text.normalize import normalize
from .batch import Outcome, parse_files
from .convert import from_dict, make_converter, to_dict
from .errors import ImrParseError
from .models import Determination
from .parsing import parse, parse_file
from .plugin.manager import get_plugin_manager
from .plugin.api import hookimpl
from .reading import read_file
from .rendering import render

__version__ = "0.1.0"

__all__ = [
    "parse",
    "parse_file",
    "parse_files",
    "read_file",
    "normalize",
    "render",
    "to_dict",
    "from_dict",
    "make_converter",
    "get_plugin_manager",
    "hookimpl",
    "Determination",
    "Outcome",
    "ImrParseError",
    "errors",
    "models",
    "__version__",
]
