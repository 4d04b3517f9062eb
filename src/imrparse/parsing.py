"""From letter text to a Determination: normalise, pick a layout, parse, check, extend."""

from __future__ import annotations

import os
import re
from typing import Iterable

import attrs

from .text.normalize import normalize
from .layout.context import ParseContext
from .doubts import find_doubts
from .errors import EmptyInput, ImrParseError, NotALetter, PluginError, UnrecognizedLayout
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

    ``text`` is the normalised letter (``imrparse.normalize(raw).text``). Every layout
    scores it (:meth:`Plugins.recognize`). A layout that ``refines`` another and scores
    above 0 competes with at least the score of the layout it refines. The highest score
    wins; among equal scores the higher ``priority``, then the refinement over what it
    refines, then the name sorting last. No score above 0 is :class:`NotALetter` for a
    text without IMR words, else :class:`UnrecognizedLayout`.

    >>> import imrparse
    >>> from imrparse.plugin.registry import get_plugins
    >>> from imrparse.testing import SAMPLE_LETTER
    >>> choose_layout(imrparse.normalize(SAMPLE_LETTER).text, get_plugins()).name
    'standard'
    """
    layouts = plugins.layouts
    if name is not None:
        return named(layouts, name, "layout", UnrecognizedLayout)
    scores = {n: plugins.recognize(lay, text) for n, lay in layouts.items()}
    ranks = {n: _rank(n, layouts, scores, plugins) for n in layouts}
    best = max(ranks, key=ranks.__getitem__, default=None)
    if best is not None and ranks[best][0] > 0:
        return layouts[best]
    if not _IMR_WORDS_RE.search(text[:200_000]):
        raise NotALetter("this text is not an IMR determination letter",
                         expected="an IMR final determination letter")
    raise UnrecognizedLayout("an IMR letter in a layout no installed plugin knows",
                             expected="one of the layouts " + ", ".join(sorted(layouts)) if layouts else None)


def _rank(name: str, layouts: dict[str, Layout], scores: dict[str, float],
          plugins: Plugins) -> tuple[float, int, int, str]:
    """(score, priority, refinement depth, name): the larger wins. A refinement that
    recognises the letter scores at least what the layouts it refines score."""
    score, depth = scores[name], 0
    chain = [name]
    parent = layouts[name].refines
    while parent is not None and parent in layouts:  # a refined layout not installed: no boost
        if parent in chain:
            plugin = plugins.provider("imrparse_layouts", name)
            raise PluginError(f"layout {name!r} of plugin {plugin!r}: Layout.refines goes round in a "
                              f"circle ({' -> '.join(chain + [parent])})",
                              plugin=plugin, hook="imrparse_layouts", call="Layout.refines")
        chain.append(parent)
        depth += 1
        if score > 0:
            score = max(score, scores[parent])
        parent = layouts[parent].refines
    return score, layouts[name].priority, depth, name


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
        raise _too_deep(source) from None


def _too_deep(source: str | None) -> ImrParseError:
    return ImrParseError("the letter is nested too deeply to parse", source=source)


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
    ctx = ParseContext(normalized, readers=plugins, layouts=plugins, strict=strict, source=source)
    ctx.warnings.extend(reader_warnings)
    det = plugins.parse_layout(chosen, ctx)
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
    except RecursionError:
        raise _too_deep(source) from None
