"""Dates in every style the letters use: 7/28/2008, 1-30-2014, 10-13-16, 12.01.2016,
2016-12-01, July 27, 2015, Dec. 1st, 2016, 1 December 2016, the 1st of December, 2016,
13-Oct-2016, Dec-01-2016.

Numeric dates are month first (US letters): 12/1/16 is December 1, 2016. Two-digit years
are read by :func:`two_digit_year`. A month name may be written in full or cut to three
letters (four for "Sept"), with or without a period, in any case; the day may carry an
ordinal ending ("1st", "22nd"); the comma before the year may have white space on either
side or none ("December 1,2016" is how a PDF's text sometimes has it)."""

from __future__ import annotations

import datetime as dt
import heapq
import re
from typing import Iterator

from .lowercase import lower_keep_offsets

__all__ = ["DATE_PATTERN", "MONTH_NAME", "find_dates", "parse_date", "two_digit_year"]

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH_NAME = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
#: A month's name, in full or cut to three letters (for patterns of other modules).
MONTH_NAME = _MONTH_NAME
# Numeric dates: month, day, year with the same separator (/, - or .), a two-digit year
# not followed by a letter ("12/09/20l6", an OCR or typing slip, is no date of 2020);
# ISO dates;
# month-name dates ("July 27, 2015", "Sept. 28 2015", "Dec.1,2016", "Dec-01-2016", "27 July
# 2015", "1st of December, 2016", "13-Oct-2016", "13-OCT-16").
_ORDINAL_END = r"(?:st|nd|rd|th)?"
# Before the year: a comma (white space around it or not), white space, or a hyphen.
_BEFORE_YEAR = r"(?:\s*,\s*|\s+)"
DATE_PATTERN = (
    r"(?<![\d/.-])(?:"
    r"(?P<m>\d{1,2})(?P<sep>[/.-])\s?(?P<d>\d{1,2})(?P=sep)\s?(?P<y>\d{4}|\d{2}(?![^\W\d_]))"
    r"|(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})"
    r"|(?P<mon>" + _MONTH_NAME + r")(?:\.\s*|\s+|(?P<mh>-))(?P<md>\d{1,2})" + _ORDINAL_END
    + r"(?(mh)-|" + _BEFORE_YEAR + r")(?P<my>\d{4})"
    r"|(?P<dd>\d{1,2})" + _ORDINAL_END + r"\s+(?:(?:day\s+)?of\s+)?(?P<dmon>" + _MONTH_NAME + r")\.?"
    + _BEFORE_YEAR + r"(?P<dy>\d{4})"
    r"|(?P<hd>\d{1,2})-(?P<hmon>" + _MONTH_NAME + r")-(?P<hy>\d{4}|\d{2})"
    r")(?![\d/])"
)
_DATE_RE = re.compile(DATE_PATTERN, re.IGNORECASE)

# Two-digit years: letters date from 2013 on and injuries rarely before 1950, so
# 00-40 are read as 20xx and 41-99 as 19xx.
_PIVOT = 40


def two_digit_year(year: int) -> int:
    if year >= 100:
        return year
    return 2000 + year if year <= _PIVOT else 1900 + year


def _from_match(m: re.Match[str]) -> dt.date | None:
    try:
        if m.group("m"):
            return dt.date(two_digit_year(int(m.group("y"))), int(m.group("m")), int(m.group("d")))
        if m.group("iy"):
            return dt.date(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
        if m.group("mon"):
            month = _MONTHS[m.group("mon")[:3].lower()]
            return dt.date(int(m.group("my")), month, int(m.group("md")))
        if m.group("hd"):
            month = _MONTHS[m.group("hmon")[:3].lower()]
            return dt.date(two_digit_year(int(m.group("hy"))), month, int(m.group("hd")))
        month = _MONTHS[m.group("dmon")[:3].lower()]
        return dt.date(int(m.group("dy")), month, int(m.group("dd")))
    except ValueError:
        # 2/30/2016 and the like: the shape of a date with an impossible value.
        return None


# Where a date can start: a digit followed by the rough shape of a date, or a month
# abbreviation followed by a day. These patterns begin with a plain character (class), so
# the regex engine skips ahead in C; the full pattern is then tried only at these places.
# That is 10-20x faster than running DATE_PATTERN (which starts with a look-behind) at
# every position. They consume one character (look-ahead only), so they hide no start.
_MON3 = "(?i:" + "|".join(_MONTHS) + ")"
_DIGIT_ANCHOR = re.compile(
    r"\d(?=\d?[/.-]\s?\d\d?[/.-]\s?\d\d|\d{3}-\d\d-\d\d|\d?-" + _MON3
    + r"|\d?(?i:st|nd|rd|th)?\s+(?i:(?:day\s+)?of\s+)?" + _MON3 + ")"
)
# On the lowercase text. Three character classes, then a look-behind for the month: a
# pattern that begins with a class lets re skip ahead in C (an alternation of the twelve
# names does not).
_MONTH_ANCHOR = re.compile(
    "[" + "".join(sorted({m[0] for m in _MONTHS})) + "][" + "".join(sorted({m[1] for m in _MONTHS}))
    + "][" + "".join(sorted({m[2] for m in _MONTHS})) + "](?<=" + "|".join(_MONTHS) + ")"
    r"(?=[a-z]{0,6}(?:\.\s*|\s+|-)\d\d?(?:st|nd|rd|th)?(?:\s*,\s*|\s+|-)\d\d\d\d)"
)


# Runs of five or more digits hold no date start (a date never touches one); skipping
# them keeps a long run of digits from costing one regex attempt per digit.
_LONG_DIGIT_RUN = re.compile(r"\d{5}\d*")


def _digit_anchors(text: str) -> Iterator[int]:
    pos = 0
    for run in _LONG_DIGIT_RUN.finditer(text):
        for m in _DIGIT_ANCHOR.finditer(text, pos, run.start()):
            yield m.start()
        pos = run.end()
    for m in _DIGIT_ANCHOR.finditer(text, pos):
        yield m.start()


def find_dates(text: str) -> Iterator[tuple[dt.date | None, int, int]]:
    """Every date-shaped string in ``text``: ``(date or None if impossible, start, end)``."""
    anchors = heapq.merge(
        _digit_anchors(text),
        (m.start() for m in _MONTH_ANCHOR.finditer(lower_keep_offsets(text))),
    )
    last_end = 0
    for pos in anchors:
        if pos < last_end:
            continue
        m = _DATE_RE.match(text, pos)
        if m:
            last_end = m.end()
            yield _from_match(m), m.start(), m.end()


def parse_date(text: str) -> dt.date | None:
    """The date that ``text`` consists of (surrounding white space and a final period
    allowed), or ``None`` when it is not exactly one valid date."""
    stripped = text.strip().rstrip(".,;")
    m = _DATE_RE.fullmatch(stripped)
    return _from_match(m) if m else None
