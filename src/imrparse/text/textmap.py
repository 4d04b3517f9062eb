"""Edited text that remembers where every character came from.

Cleaning (normalising characters, dropping page furniture, moving line breaks,
joining wrapped lines) rewrites the letter several times. Each rewrite is a
:class:`MappedText`: the new text plus a compact map back to the text it was made
from, so a span found in the last text can be traced to the original input
(the idea of eyecite's ``SpanUpdater``). A map stores one entry per edit, not per
character, and looks positions up by bisection.
"""

from __future__ import annotations

import bisect
import re
from typing import Callable, Iterable

__all__ = ["MappedText", "Edit"]

#: ``(start, end, replacement)``: replace ``source[start:end]`` by ``replacement``.
Edit = tuple[int, int, str]


class MappedText:
    """``text`` derived from ``parent`` (another MappedText, or the original string).

    The map is a list of segments. A *copy* segment carries characters over one to one;
    a *replace* segment stands for an edit, and each of its characters maps to the
    whole source range the edit replaced.

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
        self._out = [s[0] for s in segs]
        self._src = [s[1] for s in segs]
        self._src_end = [s[2] for s in segs]
        self._copy = [s[3] for s in segs]
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
        text = self.text
        pieces: list[str] = []
        segments: list[tuple[int, int, int, bool]] = []
        out = 0
        cursor = 0
        for start, end, replacement in sorted(edits, key=lambda e: (e[0], e[1])):
            if start < cursor:
                raise ValueError(f"overlapping edit at {start}")
            if start > cursor:
                pieces.append(text[cursor:start])
                segments.append((out, cursor, start, True))
                out += start - cursor
            if replacement:
                pieces.append(replacement)
                segments.append((out, start, end, False))
                out += len(replacement)
            cursor = max(cursor, end)
        if cursor < len(text):
            pieces.append(text[cursor:])
            segments.append((out, cursor, len(text), True))
            out += len(text) - cursor
        if not segments:  # everything deleted
            segments.append((0, 0, len(text), False))
        return MappedText("".join(pieces), self, segments, len(text))

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
        i = bisect.bisect_right(self._out, pos) - 1
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
        start = max(0, min(start, len(self.text)))
        end = max(start, min(end, len(self.text)))
        if end == start:
            p = self._position_source(start)
            return p, p
        return self._char_source(start)[0], self._char_source(end - 1)[1]

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
