"""Numbers written in digits or words: "12", "twelve", "Twenty-Four".

The words are the vocabulary :mod:`imrparse.vocab.numbers`; this module reads them.
"""

from __future__ import annotations

import re

from ..vocab.numbers import TENS, UNITS

__all__ = ["NUMBER_WORD_PATTERN", "number_value"]

_UNIT = "|".join(sorted(UNITS, key=len, reverse=True))
_DIGIT = "|".join(w for w, n in UNITS.items() if 1 <= n <= 9)
_TEN = "|".join(TENS)
#: One number written in words, 0-99: "five", "twenty", "twenty-four", "twenty four".
#: Use with re.IGNORECASE; it has no groups.
NUMBER_WORD_PATTERN = rf"\b(?:(?:{_TEN})(?:[- ](?:{_DIGIT})\b)?|(?:{_UNIT}))\b"

_SPLIT = re.compile(r"[- ]+")


def number_value(word: str) -> int | None:
    """``"24"`` -> 24, ``"five"`` -> 5, ``"Twenty-Four"`` -> 24; ``None`` for anything else."""
    w = word.strip().lower()
    if w.isascii() and w.isdigit():
        return int(w)
    parts = [p for p in _SPLIT.split(w) if p]
    if len(parts) == 1:
        if parts[0] in UNITS:
            return UNITS[parts[0]]
        return TENS.get(parts[0])
    if len(parts) == 2 and parts[0] in TENS and parts[1] in UNITS and 1 <= UNITS[parts[1]] <= 9:
        return TENS[parts[0]] + UNITS[parts[1]]
    return None
