"""imrparse 0.1's parse-context module, kept for layouts written against it.

:class:`ParseContext` lives in :mod:`imrparse.layout.context`, :class:`Field` and
:func:`reflow` in :mod:`imrparse.text.reflow`.
"""

from .layout.context import FieldReaders, ParseContext
from .text.reflow import Field, reflow

__all__ = ["ParseContext", "FieldReaders", "Field", "reflow"]
