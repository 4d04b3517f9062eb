"""Number words ("five", "twenty-four") and the quantifiers that make a number a minimum."""

from __future__ import annotations

import re

__all__ = ["UNITS", "TENS", "NUMBER_WORD_PATTERN", "MIN_QUANTIFIERS", "number_value"]

UNITS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}

_UNIT = "|".join(sorted(UNITS, key=len, reverse=True))
_DIGIT = "one|two|three|four|five|six|seven|eight|nine"
_TEN = "|".join(TENS)
#: One number written in words, 0-99: "five", "twenty", "twenty-four", "twenty four".
#: Use with re.IGNORECASE; it has no groups.
NUMBER_WORD_PATTERN = rf"\b(?:(?:{_TEN})(?:[- ](?:{_DIGIT})\b)?|(?:{_UNIT}))\b"

#: Words before a number that make it a lower bound: "more than five years" is at least 5.
MIN_QUANTIFIERS: tuple[str, ...] = (
    "more than", "over", "at least", "a minimum of", "minimum of", "in excess of",
    "greater than", "no less than", "not less than", "upwards of", "upward of",
)

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
