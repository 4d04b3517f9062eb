"""From letter text to a Determination: normalise, pick a layout, parse, check, extend."""

from __future__ import annotations

import os
import re
from typing import Iterable

import attrs

from .text.normalize import normalize
from .layout.context import ParseContext
from .doubts import find_doubts
from .errors import EmptyInput, ImrParseError, NotALetter, UnrecognizedLayout
from .models import Determination, Warning
from .plugin.api import Layout
from .plugin.registry import Plugins, get_plugins, named
from .reading import read_path

__all__ = ["parse", "parse_file", "choose_layout"]

# Words that make a text an IMR letter even when no layout knows its structure.
_IMR_WORDS_RE = re.compile(
    r"Independent\s+Medical\s+Review|\bIMR\b|MAXIMUS|Upheld|Overturned|Claims\s+Administrator"
    r"|Utilization\s+Review|medically\s+necessary", re.IGNORECASE)


def choose_layout(text: str, plugins: Plugins, name: str | None = None) -> Layout:
    """The layout named, else the one that recognises ``text`` best.

    ``text`` is the normalised letter (``imrparse.normalize(raw).text``).

    >>> import imrparse
    >>> from imrparse.plugin.registry import get_plugins
    >>> from imrparse.testing import SAMPLE_LETTER
    >>> choose_layout(imrparse.normalize(SAMPLE_LETTER).text, get_plugins()).name
    'standard'
    """
    layouts = plugins.layouts
    if name is not None:
        return named(layouts, name, "layout", UnrecognizedLayout)
    scored = sorted(((lay.recognize(text), lay.name) for lay in layouts.values()), reverse=True)
    if scored and scored[0][0] > 0:
        return layouts[scored[0][1]]
    if not _IMR_WORDS_RE.search(text[:200_000]):
        raise NotALetter("this text is not an IMR determination letter",
                         expected="an IMR final determination letter")
    raise UnrecognizedLayout("an IMR letter in a layout no installed plugin knows",
                             expected="one of the layouts " + ", ".join(sorted(layouts)) if layouts else None)


def parse(
    text: str,
    *,
    source: str | None = None,
    strict: bool = True,
    layout: str | None = None,
    plugins: Plugins | None = None,
) -> Determination:
    """Parse one letter's text.

    ``strict`` (the default) raises an :class:`~imrparse.errors.ImrParseError` subclass for
    any damaged part; ``strict=False`` returns what could be read, with ``warnings``.
    ``layout`` forces a layout by name. ``source`` names the letter in errors and output.
    Spans in the result index into ``text``.

    >>> import imrparse
    >>> from imrparse.testing import SAMPLE_LETTER
    >>> det = imrparse.parse(SAMPLE_LETTER, source="sample.txt")
    >>> det.layout, det.case.case_number, [item.decision.value for item in det.items]
    ('standard', 'CM99-0000001', ['upheld', 'overturned'])
    >>> imrparse.parse("Dear Sir, your parcel has shipped.")
    Traceback (most recent call last):
      ...
    imrparse.errors.NotALetter: this text is not an IMR determination letter (expected an IMR final determination letter)
    """
    plugins = plugins or get_plugins()
    try:
        return _parse(text, source=source, strict=strict, layout=layout, plugins=plugins)
    except ImrParseError as exc:
        raise exc.with_source(source)
    except RecursionError:
        raise ImrParseError("the letter is nested too deeply to parse", source=source) from None


def _parse(text: str, *, source: str | None, strict: bool, layout: str | None,
           plugins: Plugins, reader_warnings: Iterable[Warning] = ()) -> Determination:
    if not isinstance(text, str):
        raise TypeError(f"parse() takes the letter's text (str), not {type(text).__name__}")
    if not text.strip():
        raise EmptyInput("the letter is empty", expected="the text of an IMR letter")
    normalized = normalize(text)
    if not normalized.text.strip():
        raise EmptyInput("the letter holds no readable text", expected="the text of an IMR letter")
    chosen = choose_layout(normalized.text, plugins, layout)
    ctx = ParseContext(normalized, readers=plugins, strict=strict, source=source)
    ctx.warnings.extend(reader_warnings)
    det = chosen.parse(ctx)
    det = attrs.evolve(det, source=source, warnings=tuple(det.warnings) + tuple(ctx.warnings))
    det = attrs.evolve(det, warnings=det.warnings + tuple(find_doubts(det, text)))
    return plugins.run_extractors(det, text)


def parse_file(
    path: str | os.PathLike[str],
    *,
    strict: bool = True,
    layout: str | None = None,
    reader: str | None = None,
    plugins: Plugins | None = None,
) -> Determination:
    """Read and parse one letter file (text or PDF; ``reader`` forces a reader by name).

    ``source`` in the result is the file's name; spans index into the text that
    :func:`imrparse.read_file` returns for the same file.

    >>> import imrparse
    >>> det = imrparse.parse_file("tests/fixtures/letters/000_0fbd6ac09ab502b6.txt")
    >>> det.source, det.reviewer.specialties, det.summary.patient.age
    ('000_0fbd6ac09ab502b6.txt', ('Physical Medicine and Rehabilitation',), 34)
    """
    plugins = plugins or get_plugins()
    name = os.fspath(path)
    read = read_path(path, reader=reader, plugins=plugins)
    source = os.path.basename(name)
    try:
        return _parse(read.text, source=source, strict=strict, layout=layout, plugins=plugins,
                      reader_warnings=read.warnings)
    except ImrParseError as exc:
        raise exc.with_source(source)
