"""Writing determinations in any output format a plugin provides."""

from __future__ import annotations

import io
from typing import IO, Any, Iterable

from .models import Determination
from .plugin.api import FormatOptions, OutputFormat
from .plugin.registry import Plugins, get_plugins, named

__all__ = ["render", "get_format"]


def get_format(name: str, plugins: Plugins | None = None) -> OutputFormat:
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
    output (``str``, or ``bytes`` for binary formats such as parquet).

    A single Determination renders as one object where the format distinguishes
    (``json``); an iterable renders as a collection.
    """
    plugins = plugins or get_plugins()
    fmt = get_format(format, plugins)
    single = isinstance(determinations, Determination)
    dets: Iterable[Determination] = (
        [determinations] if isinstance(determinations, Determination) else determinations)
    options = FormatOptions(converter=plugins.converter, single=single)
    if stream is not None:
        plugins.write(fmt, dets, stream, options)
        return None
    buffer: io.BytesIO | io.StringIO = io.BytesIO() if fmt.binary else io.StringIO()
    plugins.write(fmt, dets, buffer, options)
    return buffer.getvalue()
