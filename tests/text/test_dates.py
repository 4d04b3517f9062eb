"""Dates in every style (imrparse.text.dates): one reader for the header, the summary and
the citations. Rows are invented: every style is written for one day (December 1, 2016)
and then varied in case, spacing and punctuation."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from imrparse.text.dates import DATE_PATTERN, find_dates, parse_date, two_digit_year

from ..scaling import assert_linear, prefix_of

D = dt.date
DEC_1 = D(2016, 12, 1)

# Every style of one day: numeric (month first), ISO, month name first, day first, and
# the hyphenated forms, each in a few of the ways letters (and their PDF text) write them.
STYLES = [
    "12-01-2016", "12/01/2016", "12/1/2016", "12-1-16", "12/1/16", "12.01.2016", "12.1.16",
    "12- 01-2016", "12/ 1/ 2016", "2016-12-01",
    "December 1, 2016", "December 01, 2016", "December 1 2016", "December 1,2016",
    "December 1 , 2016", "DECEMBER 1, 2016", "december 1, 2016", "December 1st, 2016",
    "December 1st 2016", "Dec 1, 2016", "Dec. 1, 2016", "Dec. 1st, 2016", "Dec.1, 2016",
    "Dec.1,2016", "DEC 1 2016", "Dec-01-2016", "Dec-1-2016",
    "1 December 2016", "1 December, 2016", "01 December 2016", "1st December 2016",
    "1st of December, 2016", "1st day of December, 2016", "1 Dec 2016", "1 Dec. 2016",
    "1ST OF DEC 2016", "1-Dec-2016", "01-DEC-2016", "1-dec-16",
]


@pytest.mark.parametrize("written", STYLES)
def test_every_style_of_one_day(written: str) -> None:
    for text in (written, f"seen on {written}.", f"({written})", f"on\n{written}, the"):
        found = list(find_dates(text))
        assert [d for d, *_ in found] == [DEC_1], text
        _, start, end = found[0]
        assert text[start:end] == written
    assert parse_date(written) == DEC_1


DATE_ROWS = [
    ("on 7/28/2008.", [D(2008, 7, 28)]),
    ("1-30-2014 and 10-13-16", [D(2014, 1, 30), D(2016, 10, 13)]),
    ("July 27, 2015; Sept. 28 2015; 27 July 2015", [D(2015, 7, 27), D(2015, 9, 28), D(2015, 7, 27)]),
    ("13-Oct-2016, 13-OCT-16", [D(2016, 10, 13), D(2016, 10, 13)]),
    ("x-rays dated 11- 16-2016", [D(2016, 11, 16)]),
    ("the 22nd of January, 2017 and the 3rd of March 2017", [D(2017, 1, 22), D(2017, 3, 3)]),
    ("2/30/2016", [None]),  # the shape of a date, an impossible day
    ("February 30, 2016", [None]),
    # no dates: ranges, scores, levels, doses, a month and year alone, mixed separators
    ("rated 6-8 on a 10-point scale, 3-4 out of 10, L4-5, 37.5/325 mg", []),
    ("12345678/1/2016 111/1/2016", []),
    ("in December 2016", []),
    ("March 3-4, 2016", []),
    ("May 2016-2017", []),
    ("Dec-1 2016, Dec 1-2016, 12/1-2016", []),
    ("1st dose, 2nd of 3 visits, 2016", []),
]


@pytest.mark.parametrize(("text", "expected"), DATE_ROWS)
def test_find_dates(text: str, expected: list[dt.date | None]) -> None:
    assert [d for d, *_ in find_dates(text)] == expected


@pytest.mark.parametrize(("year", "expected"), [(0, 2000), (16, 2016), (40, 2040), (41, 1941),
                                                (99, 1999), (2016, 2016)])
def test_two_digit_years(year: int, expected: int) -> None:
    assert two_digit_year(year) == expected


@given(st.text(alphabet="0123456789/-. ,JanOctSeptulydofs\n\u0663", max_size=60))
@settings(max_examples=600, deadline=None)
def test_find_dates_equals_the_plain_pattern(text: str) -> None:
    """find_dates scans from anchors for speed; it must find what DATE_PATTERN finds."""
    plain = [(m.start(), m.end()) for m in re.finditer(DATE_PATTERN, text, re.IGNORECASE)]
    assert [(s, e) for _, s, e in find_dates(text)] == plain


@given(st.lists(st.sampled_from(STYLES + [" ", ", ", "of ", "1st ", "Dec", ".", "-", "\n", "x"]),
                max_size=12).map("".join))
@settings(max_examples=400, deadline=None)
def test_find_dates_equals_the_plain_pattern_on_dates(text: str) -> None:
    plain = [(m.start(), m.end()) for m in re.finditer(DATE_PATTERN, text, re.IGNORECASE)]
    assert [(s, e) for _, s, e in find_dates(text)] == plain


_MB = 1_000_000
LARGE = {
    "dates": ("December 1st, 2016 " * (_MB // 19 + 1))[:_MB],
    "near dates": ("Dec 1 , 1st of Dec , " * (_MB // 21 + 1))[:_MB],
    "month and spaces": "dec" + " " * _MB,
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(LARGE))
def test_linear_up_to_a_megabyte(name: str) -> None:
    assert_linear(lambda t: list(find_dates(t)), prefix_of(LARGE[name]))
