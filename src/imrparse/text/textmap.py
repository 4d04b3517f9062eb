"""Edited text that remembers where every character came from.

Cleaning (normalising characters, dropping page furniture, moving line breaks,
joining wrapped lines) rewrites the letter several times. Each rewrite is a
:class:`MappedText`: the new text plus a compact map back to the text it was made
from, so a span found in the last text can be traced to the original input
(the idea of eyecite's ``SpanUpdater``). A map stores one entry per edit, not per
character, and looks positions up by bisection.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from operator import itemgetter
from typing import Callable, Iterable, MutableSequence, Sequence

__all__ = ["MappedText", "Edit"]

#: ``(start, end, replacement)``: replace ``source[start:end]`` by ``replacement``.
Edit = tuple[int, int, str]


class MappedText:
    """``text`` derived from ``parent`` (another MappedText, or the original string).

    The map is a list of segments. A *copy* segment carries characters over one to one;
    a *replace* segment stands for an edit, and each of its characters maps to the
    whole source range the edit replaced. An edit of one character by one character (a
    line break that becomes a space, a dash that becomes a hyphen) maps like a copied
    one, so it stays inside a copy segment: the maps of reflowed and cleaned text then
    hold one segment per change of length, not one per line.

    >>> m = MappedText.original("Dr.  Smith\u2019s  note")
    >>> cleaned = m.edit([(3, 5, " "), (10, 11, "'")])
    >>> cleaned.text
    "Dr. Smith's  note"
    >>> name = cleaned.slice(4, 11)
    >>> name.text, name.to_source(0, len(name.text)), name.root() is m
    ("Smith's", (5, 12), True)
    """

    __slots__ = ("text", "parent", "_out", "_src", "_src_end", "_copy", "_source_length")

    def __init__(
        self,
        text: str,
        parent: MappedText | None = None,
        segments: list[tuple[int, int, int, bool]] | None = None,
        source_length: int | None = None,
    ) -> None:
        self.text = text
        self.parent = parent
        # Parallel arrays: output start, source start, source end, is-copy. Every
        # segment produces output: a deletion is the gap between two segments.
        segs = segments if segments is not None else [(0, 0, len(text), True)]
        self._out: MutableSequence[int] = [s[0] for s in segs]
        self._src: MutableSequence[int] = [s[1] for s in segs]
        self._src_end: MutableSequence[int] = [s[2] for s in segs]
        self._copy: MutableSequence[int] = [s[3] for s in segs]
        self._source_length = (source_length if source_length is not None
                               else (segs[-1][2] if segs else 0))

    @classmethod
    def original(cls, text: str) -> MappedText:
        """The root: a text that is its own source."""
        return cls(text)

    @property
    def source_length(self) -> int:
        """The length of the text this one was made from (its parent's text)."""
        return self._source_length

    def edit(self, edits: Iterable[Edit]) -> MappedText:
        """A new MappedText with ``edits`` applied to this text (edits must not overlap)."""
        return _apply(self, self.text, 0, edits if isinstance(edits, (list, tuple)) else list(edits))

    def edit_slice(self, start: int, end: int, edits: Iterable[Edit]) -> MappedText:
        """``text[start:end]`` with ``edits`` (offsets local to the piece) applied, mapped
        straight to this text: ``slice(start, end).edit(edits)`` in one layer."""
        start = max(0, min(start, len(self.text)))
        end = max(start, min(end, len(self.text)))
        return _apply(self, self.text[start:end], start,
                      edits if isinstance(edits, (list, tuple)) else list(edits))

    def sub(self, pattern: re.Pattern[str], replace: Callable[[re.Match[str]], str | None]) -> MappedText:
        """Apply ``replace`` to every match; ``None`` leaves a match unchanged."""
        edits: list[Edit] = []
        for m in pattern.finditer(self.text):
            new = replace(m)
            if new is not None and new != m.group():
                edits.append((m.start(), m.end(), new))
        return self.edit(edits) if edits else MappedText(self.text, self)

    # -- mapping -----------------------------------------------------------------------

    def _char_source(self, pos: int) -> tuple[int, int]:
        """The range of the source that output character ``pos`` stands for."""
        i = bisect_right(self._out, pos) - 1
        if i < 0:
            i = 0
        if self._copy[i]:
            src = self._src[i] + (pos - self._out[i])
            return src, src + 1
        return self._src[i], self._src_end[i]

    def _position_source(self, pos: int) -> int:
        """Where a zero-width position (between characters) falls in the source."""
        if pos >= len(self.text):
            return self.source_length
        return self._char_source(pos)[0]

    def to_parent(self, start: int, end: int) -> tuple[int, int]:
        """Map the span ``[start, end)`` of this text to a span of the parent text."""
        # (The hottest function of a parse: every span and field goes through it, so
        # _char_source is written out here.)
        n = len(self.text)
        start = 0 if start < 0 else (n if start > n else start)
        end = start if end < start else (n if end > n else end)
        if end == start:
            p = self._position_source(start)
            return p, p
        out = self._out
        i = bisect_right(out, start) - 1
        if i < 0:
            i = 0
        s = self._src[i] + (start - out[i]) if self._copy[i] else self._src[i]
        j = bisect_right(out, end - 1, i) - 1
        if j < 0:
            j = 0
        e = self._src[j] + (end - out[j]) if self._copy[j] else self._src_end[j]
        return s, e

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map ``[start, end)`` all the way back to the original input."""
        node: MappedText | None = self
        while node is not None and node.parent is not None:
            start, end = node.to_parent(start, end)
            node = node.parent
        return start, end

    def root(self) -> MappedText:
        """The original input at the end of the parent chain."""
        node = self
        while node.parent is not None:
            node = node.parent
        return node

    def slice(self, start: int, end: int) -> MappedText:
        """``text[start:end]`` as a MappedText whose parent is this text."""
        start = max(0, min(start, len(self.text)))
        end = max(start, min(end, len(self.text)))
        return MappedText(self.text[start:end], self, [(0, start, end, True)])

    def __repr__(self) -> str:
        return f"MappedText({self.text[:40]!r}{'...' if len(self.text) > 40 else ''})"


_by_place = itemgetter(0, 1)


def _apply(parent: MappedText, text: str, base: int, edits: Sequence[Edit]) -> MappedText:
    """``text`` (``parent.text[base:base + len(text)]``) with ``edits`` (offsets in
    ``text``) applied, mapped to ``parent``."""
    new = MappedText.__new__(MappedText)
    new.parent = parent
    new._source_length = base + len(text)
    if not edits:  # (a reflowed field, most often): one copy segment
        new.text = text
        new._out, new._src, new._src_end, new._copy = [0], [base], [base + len(text)], [1]
        return new
    pieces: list[str] = []
    outs: list[int] = []
    srcs: list[int] = []
    ends: list[int] = []
    copies: list[int] = []
    # A long input edited on every line: the text is joined and the map moved to
    # arrays of machine integers (25 bytes a segment instead of about 120 as Python
    # ints) every _CHUNK edits, so that memory stays a small multiple of the text.
    chunks: list[str] = []
    arrays: tuple[array[int], array[int], array[int], array[int]] | None = None
    out = 0
    cursor = 0
    for start, end, replacement in sorted(edits, key=_by_place):
        if start < cursor:
            raise ValueError(f"overlapping edit at {start}")
        one_for_one = end - start == 1 == len(replacement)
        copied_to = end if one_for_one else start
        if copied_to > cursor:
            if copies and copies[-1] and ends[-1] == base + cursor:
                ends[-1] = base + copied_to  # extends the copy segment before it
            else:
                outs.append(out)
                srcs.append(base + cursor)
                ends.append(base + copied_to)
                copies.append(1)
            out += copied_to - cursor
            if start > cursor:
                pieces.append(text[cursor:start])
        if replacement:
            pieces.append(replacement)
            if not one_for_one:
                outs.append(out)
                srcs.append(base + start)
                ends.append(base + end)
                copies.append(0)
                out += len(replacement)
        cursor = max(cursor, end)
        if len(outs) > _CHUNK:
            chunks.append("".join(pieces))
            pieces.clear()
            if arrays is None:
                arrays = (array("q"), array("q"), array("q"), array("b"))
            for into, values in zip(arrays, (outs, srcs, ends, copies)):
                into.extend(values[:-1])  # the last segment may still grow
                del values[:-1]
    if cursor < len(text):
        pieces.append(text[cursor:])
        if copies and copies[-1] and ends[-1] == base + cursor:
            ends[-1] = base + len(text)
        else:
            outs.append(out)
            srcs.append(base + cursor)
            ends.append(base + len(text))
            copies.append(1)
    if not outs and arrays is None:  # everything deleted
        outs, srcs, ends, copies = [0], [base], [base + len(text)], [0]
    if chunks:
        chunks.append("".join(pieces))
        new.text = "".join(chunks)
    else:
        new.text = "".join(pieces)
    if arrays is not None:
        for into, values in zip(arrays, (outs, srcs, ends, copies)):
            into.extend(values)
        new._out, new._src, new._src_end, new._copy = arrays
    else:
        new._out, new._src, new._src_end, new._copy = outs, srcs, ends, copies
    return new


# How many segments a map collects before they go to arrays (a letter has a few hundred).
_CHUNK = 4096
