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
from .textmap import Edit, MappedText, _apply

__all__ = ["reflow", "reflow_slice", "Field"]

T = TypeVar("T")

# The white space that reflowing changes, found with searches that start with a literal
# character (the regex engine skips to those at C speed; one pattern of alternatives
# that can start with a space would be tried at every space of the text, which cost
# more than all the rest of reflowing): line breaks followed by more white space,
# blanks before a line break, runs of blanks, a hyphen before a line break. A lone
# line break between two words (most of them) is left to one str.replace.
_BREAK_RUN_RE = re.compile(r"\n[ \n]+")
_BLANK_BREAK_RE = re.compile(r" \n[ \n]*")
_BLANK_RUN_RE = re.compile(r"  +")
_HYPHEN_BREAK = "-\n"
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
    return reflow_slice(text, 0, len(text.text))


def reflow_slice(text: MappedText, start: int, end: int) -> MappedText:
    """``reflow(text.slice(start, end))`` in one layer: the result maps straight to ``text``."""
    start = max(0, min(start, len(text.text)))
    end = max(start, min(end, len(text.text)))
    s = text.text[start:end]
    edits = _reflow_edits(s)
    if "\n" in s:
        # Every line break left is a lone one between words: a space (one character
        # for one, so the map stays a copy).
        s = s.replace("\n", " ")
    return _apply(text, s, start, edits)


def _runs(s: str) -> tuple[list[tuple[int, int, int]], int]:
    """The runs of white space that reflowing may change, as ``(start, end, line
    breaks)`` in order, and how many lone line breaks (between two words, not at
    either end of ``s``, not after a hyphen) are left out."""
    n = len(s)
    found: list[tuple[int, int]] = []
    if "\n" in s:
        if "\n\n" in s or "\n " in s:
            found += [m.span() for m in _BREAK_RUN_RE.finditer(s)]
        if " \n" in s:
            for m in _BLANK_BREAK_RE.finditer(s):
                start = m.start()
                while start > 0 and s[start - 1] == " ":
                    start -= 1
                found.append((start, m.end()))
        if _HYPHEN_BREAK in s:
            found += [(i + 1, i + 2) for i in _find_all(s, _HYPHEN_BREAK)]
        if s[0] == "\n":
            found.append((0, 1))
        if s[-1] == "\n":
            found.append((n - 1, n))
    if "  " in s:
        found += [m.span() for m in _BLANK_RUN_RE.finditer(s)]
    if s[:1] == " ":
        found.append((0, len(s) - len(s.lstrip(" "))))
    if s[-1:] == " ":
        found.append((len(s.rstrip(" ")), n))
    if not found:
        return [], s.count("\n")
    runs: list[tuple[int, int, int]] = []
    last_end = -1
    breaks = 0
    # Sorted by start, longest first: a run inside one already taken is part of it.
    for start, end in sorted(found, key=lambda r: (r[0], -r[1])):
        if start < last_end:
            continue
        count = s.count("\n", start, end)
        runs.append((start, end, count))
        breaks += count
        last_end = end
    return runs, s.count("\n") - breaks


def _find_all(s: str, sub: str) -> list[int]:
    found = []
    i = s.find(sub)
    while i >= 0:
        found.append(i)
        i = s.find(sub, i + 1)
    return found


def _reflow_edits(s: str) -> list[Edit]:
    runs, lone = _runs(s)
    if not runs:
        return []  # at most lone line breaks, which all become spaces
    paragraph_at = _line_spacing(s, runs, lone) + 1
    edits: list[Edit] = []
    n = len(s)
    for start, end, newlines in runs:
        if start == 0 or end == n:
            new = ""
        elif newlines >= paragraph_at:
            new = "\n\n"
        elif newlines and s[start - 1] == "-" and start >= 2 and s[start - 2].isalnum():
            new = ""
        else:
            new = " "
        if s[start:end] != new:
            edits.append((start, end, new))
        elif newlines:
            # A paragraph break that stays as it is: kept character by character (which
            # maps them one to one), since every line break outside an edit becomes a
            # space.
            edits += [(i, i + 1, s[i]) for i in range(start, end)]
    return edits


def _line_spacing(s: str, runs: list[tuple[int, int, int]], lone: int = 0) -> int:
    """How many line breaks separate two lines of one paragraph (``runs``: the runs of
    white space with their line breaks; ``lone``: how many other single breaks).

    First the largest ``n`` such that more than 60% of the breaks have ``n`` or more
    (1 single-spaced, 2 for a blank line after every line, 3 when those were doubled).
    Then, when a letter was double-spaced and rewrapped, wraps (one break) and old line
    ends (two) mix in any proportion: a larger break count whose breaks mostly fall in
    mid-sentence (after a word or a comma, not after ``.``, ``:``, ``?`` and the like)
    is line spacing too, not a paragraph mark.
    """
    breaks = [(start, n) for start, _, n in runs if n]
    if not breaks and not lone:
        return 1
    # The lone breaks (one each) are the smallest counts.
    counts = sorted((n for _, n in breaks), reverse=True) + [1] * lone
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
        return _valid_span(s, e)

    def remap(self, obj: T) -> T:
        """``obj`` with every Span inside it (local to ``text``) traced to the input."""
        remapped: T = _remap(obj, self)
        return remapped


_new = object.__new__
_set = object.__setattr__


def _valid_span(start: int, end: int) -> Span:
    """``Span(start, end)`` for a span mapped back to the input, which is valid by
    construction (``0 <= start <= end``: maps are monotonic and clamped), made without
    running the validators: a letter has hundreds of spans."""
    span: Span = _new(Span)
    _set(span, "start", start)
    _set(span, "end", end)
    return span


# How to walk an object of each type: (_ATTRS, the fields that may hold a span), or
# (_SEQUENCE | _MAPPING | _LEAF, ()). One dict look-up per object.
_ATTRS, _TUPLE, _LIST, _MAPPING, _LEAF = range(5)
_plans: dict[type, tuple[int, tuple[str, ...]]] = {}


def _plan(cls: type) -> tuple[int, tuple[str, ...]]:
    plan = _plans.get(cls)
    if plan is None:
        if attrs.has(cls):
            plan = (_ATTRS, _span_fields(cls))
        elif issubclass(cls, tuple):
            plan = (_TUPLE, ())
        elif issubclass(cls, list):
            plan = (_LIST, ())
        elif issubclass(cls, dict):
            plan = (_MAPPING, ())
        else:
            plan = (_LEAF, ())
        _plans[cls] = plan
    return plan


def _remap(obj: Any, field: Field) -> Any:
    if isinstance(obj, Span):
        return field.span(obj.start, obj.end)
    kind, names = _plan(type(obj))
    if kind == _ATTRS:
        changes: dict[str, Any] = {}
        for name in names:
            value = getattr(obj, name)
            new = _remap(value, field)
            if new is not value:
                changes[name] = new
        return _replaced(obj, changes) if changes else obj
    if kind == _TUPLE:
        items = tuple(_remap(v, field) for v in obj)
        return items if any(a is not b for a, b in zip(items, obj)) else obj
    if kind == _LIST:
        return [_remap(v, field) for v in obj]
    if kind == _MAPPING:
        return {k: _remap(v, field) for k, v in obj.items()}
    return obj


def _replaced(obj: Any, changes: dict[str, Any]) -> Any:
    """``attrs.evolve(obj, **changes)``, faster for the plain frozen classes of the
    models (no ``__attrs_post_init__``): the other fields are copied as they are, not
    validated again (only spans change, and those are valid)."""
    cls: type = type(obj)
    names = _copyable(cls)
    if names is None:
        return attrs.evolve(obj, **changes)
    new: Any = _new(cls)
    for name in names:
        _set(new, name, changes[name] if name in changes else getattr(obj, name))
    return new


@functools.lru_cache(maxsize=None)
def _copyable(cls: type) -> tuple[str, ...] | None:
    """The field names of ``cls`` when an instance may be copied field by field."""
    if getattr(cls, "__attrs_post_init__", None) or getattr(cls, "__attrs_pre_init__", None):
        return None
    if any(not a.init for a in attrs.fields(cls)):
        return None
    return tuple(a.name for a in attrs.fields(cls))


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
