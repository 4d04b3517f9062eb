"""How sure the parser is of a corpus: ``imrparse check``'s counting.

For each warning code, the share of letters and of items that carry it, and for the
doubts (:mod:`imrparse.doubts`) the phrases behind them (the requests whose category is
``other``, the guideline lines with no citation, the summary sentences that date a
utilization review the reader missed ...), normalised and counted, most common first:
the next wordings to teach the parser, and the part of the data to treat with care.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any, Iterable

import attrs

from .batch import Outcome
from .doubts import CHECKS, doubts
from .models import Determination, Span
from .text.dates import find_dates

__all__ = ["CorpusReport", "check_corpus", "normalize_phrase"]

#: Codes whose phrases are counted: the doubts (an item's request stands in for the
#: layout's own ``unparsed-partial-authorization``).
PHRASED = frozenset(check.code for check in CHECKS)
_SCOPES = {check.code: check.scope for check in CHECKS}
_NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*")


def normalize_phrase(text: str) -> str:
    """``text`` folded for counting: lower case, white space folded, dates as ``<date>``
    and other numbers as ``<n>`` ("Norco 10/325mg #120" is "norco <n>/<n>mg #<n>")."""
    parts: list[str] = []
    at = 0
    for _, start, end in find_dates(text):
        parts += [text[at:start], "\0"]
        at = end
    parts.append(text[at:])
    folded = _NUMBER_RE.sub("<n>", "".join(parts)).replace("\0", "<date>")
    return " ".join(folded.lower().split())


@attrs.define
class CodeCount:
    """One warning code over the corpus."""

    letters: int = 0
    items: int = 0
    warnings: int = 0
    phrases: Counter[str] = attrs.field(factory=Counter)


@attrs.define
class CorpusReport:
    """What :func:`check_corpus` counted."""

    letters: int = 0  # letters parsed
    items: int = 0
    failures: Counter[str] = attrs.field(factory=Counter)  # error class -> letters
    codes: dict[str, CodeCount] = attrs.field(factory=dict)

    @property
    def failed(self) -> int:
        return sum(self.failures.values())

    def add(self, det: Determination) -> None:
        """Count one parsed letter."""
        self.letters += 1
        self.items += len(det.items)
        # The doubts again, for their phrases, met with the warnings in order by code and
        # item (spans may differ: without the text, a summary doubt spans the summary).
        found: dict[tuple[str, int | None], list[str]] = {}
        for doubt in doubts(attrs.evolve(det, warnings=())):
            found.setdefault((doubt.code, doubt.item), []).append(doubt.phrase)
        letter_codes: set[str] = set()
        item_codes: set[tuple[str, int]] = set()
        for warning in det.warnings:
            count = self.codes.setdefault(warning.code, CodeCount())
            count.warnings += 1
            letter_codes.add(warning.code)
            item = _item_of(det, warning.span)
            if item is not None:
                item_codes.add((warning.code, item))
            if warning.code in PHRASED:
                same = found.get((warning.code, item)) or found.get((warning.code, None))
                phrase = same.pop(0) if same else det.items[item].request if item is not None else None
                if phrase:
                    count.phrases[normalize_phrase(phrase)] += 1
        for code in letter_codes:
            self.codes[code].letters += 1
        for code, _ in item_codes:
            self.codes[code].items += 1

    def add_failure(self, outcome: Outcome) -> None:
        self.failures[type(outcome.error).__name__] += 1

    def rows(self) -> list[tuple[str, CodeCount]]:
        """Every code seen, and every doubt's code even when it never fired, most
        letters first."""
        codes = dict(self.codes)
        for check in CHECKS:
            codes.setdefault(check.code, CodeCount())
        return sorted(codes.items(), key=lambda kv: (-kv[1].letters, -kv[1].items, kv[0]))

    def to_dict(self, top: int = 10) -> dict[str, Any]:
        """The report as JSON-ready data (``imrparse check --json``)."""
        return {
            "letters": self.letters,
            "items": self.items,
            "failed": self.failed,
            "failures": dict(sorted(self.failures.items())),
            "codes": [
                {
                    "code": code,
                    "scope": _SCOPES.get(code),
                    "letters": c.letters,
                    "letters_share": _share(c.letters, self.letters),
                    "items": c.items,
                    "items_share": _share(c.items, self.items),
                    "warnings": c.warnings,
                    "phrases": [{"phrase": p, "count": n} for p, n in _top(c.phrases, top)],
                    "distinct_phrases": len(c.phrases),
                }
                for code, c in self.rows()
            ],
        }


def _item_of(det: Determination, span: Span | None) -> int | None:
    """The item whose span holds ``span`` (its start), None for a letter-wide warning. A
    position at an item's very end (where a missing part was expected) is that item's."""
    if span is None:
        return None
    ends = None
    for i, item in enumerate(det.items):
        if item.span is None:
            continue
        if item.span.start <= span.start < item.span.end:
            return i
        if span.start == span.end == item.span.end:
            ends = i
    return ends


def _share(n: int, total: int) -> float:
    return round(n / total, 4) if total else 0.0


def _top(phrases: Counter[str], top: int) -> list[tuple[str, int]]:
    return sorted(phrases.items(), key=lambda kv: (-kv[1], kv[0]))[:top]


def check_corpus(outcomes: Iterable[Outcome]) -> CorpusReport:
    """Count the warnings of parsed letters (failures by error class)."""
    report = CorpusReport()
    for outcome in outcomes:
        if outcome.determination is not None:
            report.add(outcome.determination)
        else:
            report.add_failure(outcome)
    return report


def format_report(report: CorpusReport, top: int = 10, width: int = 100) -> str:
    """The report as a table for people (``imrparse check``)."""
    lines = [f"{report.letters + report.failed} letters: {report.letters} parsed "
             f"({report.items} items), {report.failed} failed"]
    if report.failures:
        lines.append("failed: " + ", ".join(f"{name} {n}" for name, n in sorted(report.failures.items())))
    lines += ["", f"{'warning code':<36}{'letters':>16}{'items':>16}{'warnings':>10}"]
    for code, c in report.rows():
        letters = f"{c.letters} {_pct(c.letters, report.letters)}"
        items = f"{c.items} {_pct(c.items, report.items)}" if _SCOPES.get(code) != "letter" else "-"
        lines.append(f"{code:<36}{letters:>16}{items:>16}{c.warnings:>10}")
    phrased = [(code, c) for code, c in report.rows() if c.phrases]
    if phrased:
        lines += ["", f"most common unread phrases (at most {top} per code; numbers as <n>, dates as <date>)"]
    for code, c in phrased:
        lines.append(f"{code} ({sum(c.phrases.values())}, {len(c.phrases)} distinct)")
        for phrase, n in _top(c.phrases, top):
            shown = phrase if len(phrase) <= width else phrase[:width - 3] + "..."
            lines.append(f"{n:>6}  {shown}")
    return "\n".join(lines) + "\n"


def _pct(n: int, total: int) -> str:
    return f"{100 * n / total:5.1f}%" if total else "    -"
