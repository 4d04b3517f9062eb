"""Reflowing a piece of the letter, and tracing what was read in it back to the input.

:func:`reflow` joins wrapped lines and keeps paragraphs; a :class:`Field` is such a
reflowed piece that knows where each of its characters came from, and
:meth:`Field.remap` carries every :class:`~imrparse.models.Span` inside a model read
from the field (offsets local to ``field.text``) back to the text handed to
:func:`imrparse.parse`.
"""

from __future__ import annotations

import functools
import re
import typing
from typing import Any, TypeVar

import attrs

from ..models import Span
from .textmap import Edit, MappedText

__all__ = ["reflow", "Field"]

T = TypeVar("T")

# White space that reflowing changes: line breaks with the blanks around them, runs of
# blanks, and white space at either end.
_REFLOW_RE = re.compile(r"[ ]*\n[ \n]*|[ ]{2,}|\A[ ]+|[ ]+\Z")
# A line that ends in mid-sentence: on a word, a number or a comma.
_MID_SENTENCE_RE = re.compile(r"[A-Za-z0-9,;&/]")


def reflow(text: MappedText) -> MappedText:
    """Join wrapped lines, keep paragraphs.

    Line breaks become single spaces (after a hyphen they vanish, keeping the hyphen:
    "sprain-" / "strain" is "sprain-strain"), runs of spaces fold to one, and blank
    lines mark paragraphs, kept as one empty line. Text that is double-spaced
    throughout (a blank line after every line) marks paragraphs with two or more
    blank lines instead, and so on (see :func:`_line_spacing`, which also tells a
    double-spaced letter that was rewrapped from one with paragraphs).
    """
    s = text.text
    runs = [(m.start(), m.end(), m.group().count("\n")) for m in _REFLOW_RE.finditer(s)]
    paragraph_at = _line_spacing(s, runs) + 1
    edits: list[Edit] = []
    for start, end, newlines in runs:
        if start == 0 or end == len(s):
            new = ""
        elif newlines >= paragraph_at:
            new = "\n\n"
        elif newlines and s[start - 1] == "-" and start >= 2 and s[start - 2].isalnum():
            new = ""
        else:
            new = " "
        if s[start:end] != new:
            edits.append((start, end, new))
    return text.edit(edits) if edits else MappedText(s, text)


def _line_spacing(s: str, runs: list[tuple[int, int, int]]) -> int:
    """How many line breaks separate two lines of one paragraph.

    First the largest ``n`` such that more than 60% of the breaks have ``n`` or more
    (1 single-spaced, 2 for a blank line after every line, 3 when those were doubled).
    Then, when a letter was double-spaced and rewrapped, wraps (one break) and old line
    ends (two) mix in any proportion: a larger break count whose breaks mostly fall in
    mid-sentence (after a word or a comma, not after ``.``, ``:``, ``?`` and the like)
    is line spacing too, not a paragraph mark.
    """
    breaks = [(start, n) for start, _, n in runs if n]
    if not breaks:
        return 1
    counts = sorted((n for _, n in breaks), reverse=True)
    # counts[k] is the (k+1)-th largest: more than 60% of breaks are >= it when
    # k + 1 > 0.6 * len(counts), i.e. from k = int(0.6 * len(counts)) on.
    spacing = max(1, counts[min(int(0.6 * len(counts)), len(counts) - 1)])
    by_count: dict[int, list[int]] = {}
    for start, n in breaks:
        by_count.setdefault(n, []).append(start)
    for n in sorted(c for c in by_count if c > spacing):
        starts = by_count[n]
        mid = sum(1 for start in starts if start > 0 and _MID_SENTENCE_RE.match(s, start - 1))
        if 2 * mid <= len(starts):
            break
        spacing = n
    return spacing


@attrs.frozen
class Field:
    """A reflowed piece of the letter that traces its characters back to the input."""

    text: str
    mapped: MappedText

    def span(self, start: int = 0, end: int | None = None) -> Span:
        """The input span of ``text[start:end]`` (the whole field by default)."""
        s, e = self.mapped.to_source(start, len(self.text) if end is None else end)
        return Span(s, e)

    def remap(self, obj: T) -> T:
        """``obj`` with every Span inside it (local to ``text``) traced to the input."""
        remapped: T = _remap(obj, self)
        return remapped


def _remap(obj: Any, field: Field) -> Any:
    if isinstance(obj, Span):
        return field.span(obj.start, obj.end)
    cls = type(obj)
    if attrs.has(cls):
        changes = {}
        for name in _span_fields(cls):
            value = getattr(obj, name)
            new = _remap(value, field)
            if new is not value:
                changes[name] = new
        return attrs.evolve(obj, **changes) if changes else obj
    if isinstance(obj, tuple):
        items = tuple(_remap(v, field) for v in obj)
        return items if any(a is not b for a, b in zip(items, obj)) else obj
    if isinstance(obj, list):
        return [_remap(v, field) for v in obj]
    if isinstance(obj, dict):
        return {k: _remap(v, field) for k, v in obj.items()}
    return obj


@functools.lru_cache(maxsize=None)
def _span_fields(cls: type) -> tuple[str, ...]:
    """The fields of attrs class ``cls`` whose type can hold a Span (directly, or inside
    an attrs class, tuple, list or mapping): only those are walked when remapping."""
    resolved = attrs.resolve_types(cls)
    return tuple(a.name for a in attrs.fields(resolved) if _may_hold_span(a.type, set()))


def _may_hold_span(tp: Any, seen: set[type]) -> bool:
    if tp is Span:
        return True
    if tp is Any:
        return False
    if isinstance(tp, type) and attrs.has(tp):
        if tp in seen:
            return False
        seen.add(tp)
        return any(_may_hold_span(a.type, seen) for a in attrs.fields(attrs.resolve_types(tp)))
    return any(_may_hold_span(arg, seen) for arg in typing.get_args(tp))
