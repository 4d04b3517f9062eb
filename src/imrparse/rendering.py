"""Writing determinations in any output format a plugin provides."""

from __future__ import annotations

import io
import os
import tempfile
from typing import IO, Any, Iterable

from .models import Determination
from .plugin.api import FormatOptions, OutputFormat
from .plugin.registry import Plugins, get_plugins, named

__all__ = ["render", "get_format"]


def get_format(name: str, plugins: Plugins | None = None) -> OutputFormat:
    """The installed output format called ``name``, or
    :class:`~imrparse.errors.UnsupportedInput` listing the installed ones.

    >>> get_format("csv").extension
    '.csv'
    >>> get_format("xlsx")
    Traceback (most recent call last):
      ...
    imrparse.errors.UnsupportedInput: no output format named 'xlsx' (expected csv or ...)
    """
    formats = (plugins or get_plugins()).formats
    return named(formats, name, "output format")


def render(
    determinations: Determination | Iterable[Determination],
    format: str = "json",
    stream: IO[Any] | None = None,
    *,
    plugins: Plugins | None = None,
) -> str | bytes | None:
    """Write determinations in ``format`` to ``stream``; without a stream, return the
    output (``str``, or ``bytes`` for binary formats such as parquet and for formats that
    write a file of their own, such as a database).

    A single Determination renders as one object where the format distinguishes
    (``json``); an iterable renders as a collection. ``format`` is any installed
    format's name (``imrparse plugins`` lists them).

    >>> import imrparse
    >>> from imrparse.testing import SAMPLE_LETTER
    >>> det = imrparse.parse(SAMPLE_LETTER, source="sample.txt")
    >>> render(det, "jsonl")[:50]
    '{"schema_version":"1","layout":"standard","source"'
    >>> render([det], "csv").splitlines()[0][:45]
    'schema_version,layout,source,case.case_number'
    >>> type(render(det, "parquet"))
    <class 'bytes'>
    >>> import io
    >>> out = io.StringIO()
    >>> render([det, det], "jsonl", out)
    >>> len(out.getvalue().splitlines())
    2
    """
    plugins = plugins or get_plugins()
    fmt = get_format(format, plugins)
    single = isinstance(determinations, Determination)
    dets: Iterable[Determination] = (
        [determinations] if isinstance(determinations, Determination) else determinations)
    options = FormatOptions(converter=plugins.converter, single=single)
    if fmt.needs_path:
        return _render_to_file(plugins, fmt, dets, stream, options)
    if stream is not None:
        plugins.write(fmt, dets, stream, options)
        return None
    buffer: io.BytesIO | io.StringIO = io.BytesIO() if fmt.binary else io.StringIO()
    plugins.write(fmt, dets, buffer, options)
    return buffer.getvalue()


def _render_to_file(plugins: Plugins, fmt: OutputFormat, dets: Iterable[Determination],
                    stream: IO[Any] | None, options: FormatOptions) -> bytes | None:
    """A format that writes a file of its own (``needs_path``): write it in a temporary
    folder, then copy its bytes to ``stream`` or return them."""
    with tempfile.TemporaryDirectory(prefix="imrparse-") as folder:
        path = os.path.join(folder, "output" + fmt.extension)
        plugins.write(fmt, dets, path, options)
        with open(path, "rb") as f:
            data = f.read()
    if stream is None:
        return data
    stream.write(data)
    return None
