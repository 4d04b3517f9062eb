"""The values of a published letter's header block: case number, dates, priority.

Every layout reads its header labels its own way; the values after them look the
same in every year's letters, so they are read here.
"""

from __future__ import annotations

import re
from typing import Any

from ..models import CASE_NUMBER_PATTERN
from ..text.dates import find_dates

__all__ = ["read_header_value", "header_expected"]

_CASE_NUMBER_RE = re.compile(CASE_NUMBER_PATTERN)
_PRIORITY_RE = re.compile(r"\b(Standard|Expedited|Regular|Urgent)\b", re.IGNORECASE)


def read_header_value(name: str, text: str, window: int | None = None) -> tuple[Any, tuple[int, int]]:
    """The value of header field ``name`` (a :class:`~imrparse.models.Case` field) at the
    start of ``text``, and its span in ``text``; ``(None, (0, 0))`` when there is none.

    ``case_number`` is a case number, ``priority`` Standard/Expedited (capitalised),
    every other field a date. With ``window``, the value must start within that many
    characters (text further on belongs to something else).
    """
    limit = len(text) if window is None else window
    if name in ("case_number", "priority"):
        pattern = _CASE_NUMBER_RE if name == "case_number" else _PRIORITY_RE
        m = pattern.search(text, 0, limit + 12)
        if m is None or m.start() > limit:
            return None, (0, 0)
        return (m.group(), m.span()) if name == "case_number" else (m.group(1).capitalize(), m.span(1))
    for value, start, end in find_dates(text[:limit + 30]):
        if start > limit:
            break
        if value is not None:
            return value, (start, end)
    return None, (0, 0)


def header_expected(name: str, example_case: str = "CM16-0213037", example_date: str = "11/09/2016") -> str:
    """What a valid value of header field ``name`` looks like, for error messages."""
    if name == "case_number":
        return f"a case number like {example_case}"
    if name == "priority":
        return "Standard or Expedited"
    return f"a date like {example_date}"
