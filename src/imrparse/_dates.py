"""Dates in every style the letters use: 7/28/2008, 1-30-2014, 10-13-16, July 27, 2015,
13-Oct-2016."""

from __future__ import annotations

import datetime as dt
import re
from typing import Iterator

__all__ = ["DATE_PATTERN", "find_dates", "parse_date", "two_digit_year"]

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH_NAME = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
# Numeric dates: month, day, year with the same separator (/, - or .); ISO dates;
# month-name dates ("July 27, 2015", "Sept. 28 2015", "27 July 2015", "13-Oct-2016", "13-OCT-16").
DATE_PATTERN = (
    r"(?<![\d/.-])(?:"
    r"(?P<m>\d{1,2})(?P<sep>[/.-])\s?(?P<d>\d{1,2})(?P=sep)\s?(?P<y>\d{4}|\d{2})"
    r"|(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})"
    r"|(?P<mon>" + _MONTH_NAME + r")\.?\s+(?P<md>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<my>\d{4})"
    r"|(?P<dd>\d{1,2})\s+(?P<dmon>" + _MONTH_NAME + r")\.?,?\s+(?P<dy>\d{4})"
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


def find_dates(text: str) -> Iterator[tuple[dt.date | None, int, int]]:
    """Every date-shaped string in ``text``: ``(date or None if impossible, start, end)``."""
    for m in _DATE_RE.finditer(text):
        yield _from_match(m), m.start(), m.end()


def parse_date(text: str) -> dt.date | None:
    """The date that ``text`` consists of (surrounding white space and a final period
    allowed), or ``None`` when it is not exactly one valid date."""
    stripped = text.strip().rstrip(".,;")
    m = _DATE_RE.fullmatch(stripped)
    return _from_match(m) if m else None
