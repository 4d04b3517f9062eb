"""Number words ("five", "twenty") and the quantifiers that make a number a minimum.

Read by :mod:`imrparse.text.numbers` ("twenty-four" is 24).
"""

from __future__ import annotations

__all__ = ["UNITS", "TENS", "MIN_QUANTIFIERS"]

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

#: Words before a number that make it a lower bound: "more than five years" is at least 5
#: (phrases, see :mod:`imrparse.text.phrases`).
MIN_QUANTIFIERS: tuple[str, ...] = (
    "more than", "over", "at least", "a minimum of", "minimum of", "in excess of",
    "greater than", "no less than", "not less than", "upwards of", "upward of",
)
