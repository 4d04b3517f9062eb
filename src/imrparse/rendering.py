"""Writing determinations in any output format a plugin provides."""

from __future__ import annotations

import io
import os
import tempfile
from typing import IO, Any, Callable, Iterable

from .errors import UnsupportedInput
from .models import Determination
from .plugin.api import FormatOptions, OutputFormat
from .plugin.registry import Plugins, get_plugins, named

__all__ = ["render", "get_format", "SourceTexts"]


class SourceTexts:
    """``FormatOptions.letter_text`` for letters parsed from files: the text of each
    letter, read again from the file it was parsed from, with the same reader.

    The determinations do not hold their text (it would double the JSON), and their
    ``source`` is a file name only, so whoever parses the files notes each
    determination's path (:meth:`note`) before handing it to the format. Texts are read
    only when a format asks (``html``), as it receives each letter: only the last
    :attr:`KEEP` letters noted are remembered, so a long batch in another format costs
    no memory.
    """

    KEEP = 64

    def __init__(self, reader: str | None = None, plugins: Plugins | None = None) -> None:
        self.reader = reader
        self.plugins = plugins
        self._paths: dict[int, str] = {}

    def note(self, det: Determination, path: str) -> None:
        """``det`` was parsed from the file ``path``."""
        self._paths[id(det)] = path
        if len(self._paths) > self.KEEP:
            del self._paths[next(iter(self._paths))]  # the oldest (dicts keep insertion order)

    def __call__(self, det: Determination) -> str | None:
        path = self._paths.pop(id(det), None)
        if path is None or not os.path.isfile(path):
            return None
        from .errors import ImrParseError
        from .reading import read_file

        try:
            return read_file(path, reader=self.reader, plugins=self.plugins)
        except ImrParseError:
            return None


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
    spans: bool = True,
    letter_text: str | Callable[[Determination], str | None] | None = None,
) -> str | bytes | None:
    """Write determinations in ``format`` to ``stream``; without a stream, return the
    output (``str``, or ``bytes`` for binary formats such as parquet and for formats that
    write a file of their own, such as a database).

    A single Determination renders as one object where the format distinguishes
    (``json``); an iterable renders as a collection. ``format`` is any installed
    format's name (``imrparse plugins`` lists them).

    ``spans=False`` leaves character offsets out (``json``, ``jsonl``, ``sqlite``).
    ``letter_text`` is the text the spans index into, for formats that show the letter
    (``html``): the text itself when rendering one Determination, or a function from a
    Determination to its text; without it they read ``source`` again.

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
    if isinstance(letter_text, str):
        if not single:
            raise UnsupportedInput("one letter_text was given for several letters",
                                   expected="a function from a Determination to its text")
        text = letter_text
        letter_text = lambda _det: text  # noqa: E731 - one letter, one text
    options = FormatOptions(converter=plugins.converter, single=single, spans=spans,
                            letter_text=letter_text)
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
