"""Stretches of a text worth reading: windows around cue words, merged where they meet.

A reader that looks for something only near its cues (a rationale reference near a
locator word, a review's noun just before a date) reads those windows instead of the
whole text, which keeps a long text cheap.
"""

from __future__ import annotations

from typing import Iterable

__all__ = ["merge_windows"]


def merge_windows(windows: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """``windows`` (``(start, end)``, in order of their starts) with those that overlap or
    touch joined into one.

    >>> merge_windows([(0, 5), (3, 8), (10, 12), (12, 14)])
    [(0, 8), (10, 14)]
    """
    merged: list[tuple[int, int]] = []
    for a, b in windows:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged
