"""imrparse: California workers' compensation IMR final determination letters as typed data.

Parse a letter (a published PDF, or text), read typed values, write the data contract's JSON:

>>> import imrparse
>>> det = imrparse.parse_file("tests/fixtures/letters/000_0fbd6ac09ab502b6.txt")
>>> det.items[0].request, det.items[0].decision, det.items[0].service.category
('MRI of the cervical spine', <Decision.UPHELD: 'upheld'>, 'imaging')
>>> imrparse.to_dict(det)["overall_decision"]
'upheld'

The public API is the names in ``__all__``; the result types are in
:mod:`imrparse.models`, the errors in :mod:`imrparse.errors`, and everything a plugin
needs in :mod:`imrparse.plugin.api` and :mod:`imrparse.plugin.hookspecs` (also importable
as ``imrparse.plugins`` and ``imrparse.hookspecs``, their 0.1 names).
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
"""The installed version (``imrparse --version`` prints it)."""

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
