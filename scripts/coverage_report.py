#!/usr/bin/env python3
"""How much of a folder of letters imrparse reads in full, and what it does not know yet.

Parses every letter in a folder (``.pdf`` and ``.txt``; ``*.pypdf.txt`` files are
another reader's text of a PDF beside them, so they are skipped) with
:func:`imrparse.parse_files` and prints, for each of three sections:

* **Citations**: the citations of the guideline lines ("Claims Administrator guideline",
  "MAXIMUS guideline") and those found in rationales, counted separately, as full /
  partial / unrecognised (:func:`imrparse.fields.citations.citation_completeness`);
* **Services**: one per disputed item (:func:`imrparse.fields.services.service_completeness`);
* **Patients**: one per letter (:func:`imrparse.fields.summary.patient_completeness`).

Then the share of guideline lines that cite evidence (``cited_evidence`` true, text not
empty) and end with no structured citation, i.e. no citation whose guideline is known;
it must stay below 2% (``--check`` exits 1 when it does not). Then, deduplicated with
their counts (most frequent first, at most ``--limit`` of each), the phrases to grow the
vocabularies from: unrecognised and partial citation texts, guideline lines with no
structured citation, requests, summary openings. Letters that failed to parse are
listed with their error.

Usage::

    python scripts/coverage_report.py                   # ../shared/letters/real
    python scripts/coverage_report.py --letters DIR --limit 50
    python scripts/coverage_report.py --check           # exit 1 over the 2% limit

Exit status: 0, 1 with ``--check`` when the limit is not met, 2 for bad usage (no such
folder). Letters that fail do not change the status: they are listed.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Iterable, Sequence, TextIO

import attrs

import imrparse
from imrparse.fields.citations import citation_completeness
from imrparse.fields.services import service_completeness
from imrparse.fields.summary import patient_completeness
from imrparse.models import Basis, Determination, Patient

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_LETTERS = ROOT.parent / "shared" / "letters" / "real"
#: Guideline lines (citing evidence) that may end with no structured citation: fewer than this.
MAX_UNSTRUCTURED_SHARE = 0.02
#: Completeness grades, in the order they are printed.
GRADES = ("full", "partial", "unrecognised")
_SKIPPED_SUFFIX = ".pypdf.txt"
_OPENING_CHARS = 100
_SHOWN_CHARS = 160
_WS = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")


@attrs.define
class Tally:
    """How many things were read fully, partly or not at all, and the phrases behind
    the partial and unrecognised ones."""

    counts: Counter[str] = attrs.field(factory=Counter)
    phrases: dict[str, Counter[str]] = attrs.field(
        factory=lambda: {"partial": Counter(), "unrecognised": Counter()})

    def add(self, grade: str, phrase: str) -> None:
        self.counts[grade] += 1
        if grade in self.phrases:
            self.phrases[grade][_fold(phrase)] += 1

    @property
    def total(self) -> int:
        return sum(self.counts[g] for g in GRADES)


@attrs.define
class Report:
    """The figures of one run (see the module docstring)."""

    letters: int = 0
    failed: list[tuple[str, str]] = attrs.field(factory=list)  # (file name, error)
    guideline_citations: Tally = attrs.field(factory=Tally)
    rationale_citations: Tally = attrs.field(factory=Tally)
    services: Tally = attrs.field(factory=Tally)
    patients: Tally = attrs.field(factory=Tally)
    #: Guideline lines that cite evidence, and those of them with no structured citation;
    #: lines that say they cite none; items' lines that are missing (empty text).
    guideline_lines: int = 0
    unstructured_lines: Counter[str] = attrs.field(factory=Counter)
    lines_citing_nothing: int = 0
    lines_absent: int = 0

    @property
    def parsed(self) -> int:
        return self.letters - len(self.failed)

    @property
    def unstructured_share(self) -> float:
        n = sum(self.unstructured_lines.values())
        return n / self.guideline_lines if self.guideline_lines else 0.0

    @property
    def within_limit(self) -> bool:
        return self.unstructured_share < MAX_UNSTRUCTURED_SHARE


def _fold(text: str) -> str:
    return _WS.sub(" ", text).strip()


def letter_files(folder: Path) -> list[Path]:
    """The letters of ``folder``: ``.pdf`` and ``.txt`` files, not ``*.pypdf.txt``, sorted."""
    return sorted(p for p in folder.iterdir()
                  if p.is_file() and p.suffix.lower() in (".pdf", ".txt")
                  and not p.name.lower().endswith(_SKIPPED_SUFFIX))


def summary_opening(text: str) -> str:
    """The summary's first sentence, or its first _OPENING_CHARS characters."""
    text = _fold(text)
    end = _SENTENCE_END.search(text, 0, _OPENING_CHARS)
    if end is not None:
        return text[: end.end()]
    return text[:_OPENING_CHARS] + ("..." if len(text) > _OPENING_CHARS else "")


def _patient_phrase(text: str, patient: Patient) -> str:
    missing = [name for name, value in (("age", patient.age), ("sex", patient.sex),
                                        ("date of injury", patient.date_of_injury)) if value is None]
    opening = summary_opening(text) or "(no summary)"
    return f"{opening}  [no {', '.join(missing)}]" if missing else opening


def _has_structured_citation(basis: Basis) -> bool:
    return any(citation_completeness(c) != "unrecognised" for c in basis.citations)


def add_letter(report: Report, det: Determination) -> None:
    """Count one parsed letter into ``report``."""
    patient = det.summary.patient
    report.patients.add(patient_completeness(patient), _patient_phrase(det.summary.text, patient))
    for item in det.items:
        report.services.add(service_completeness(item.service), item.request)
        for basis in (item.claims_administrator_guideline, item.reviewer_guideline):
            for c in basis.citations:
                report.guideline_citations.add(citation_completeness(c), c.text)
            if not basis.text.strip():
                report.lines_absent += 1
            elif not basis.cited_evidence:
                report.lines_citing_nothing += 1
            else:
                report.guideline_lines += 1
                if not _has_structured_citation(basis):
                    report.unstructured_lines[_fold(basis.text)] += 1
        for c in item.rationale_citations:
            report.rationale_citations.add(citation_completeness(c), c.text)


def build_report(files: Iterable[Path], jobs: int = 1, strict: bool = True) -> Report:
    """Parse ``files`` and count what was read."""
    report = Report()
    for outcome in imrparse.parse_files(list(files), jobs=jobs, strict=strict):
        report.letters += 1
        if outcome.determination is None:
            message = str(outcome.error).strip().splitlines()
            report.failed.append((Path(outcome.source).name, message[0] if message else "error"))
        else:
            add_letter(report, outcome.determination)
    return report


# --------------------------------------------------------------------------- printing


def _pct(n: int, total: int) -> str:
    return f"{100 * n / total:5.1f}%" if total else "    -"


def _row(label: str, tally: Tally) -> str:
    cells = "".join(f"  {tally.counts[g]:6d} {_pct(tally.counts[g], tally.total)}" for g in GRADES)
    return f"  {label:<22}{tally.total:7d}{cells}"


def _shorten(phrase: str) -> str:
    return phrase if len(phrase) <= _SHOWN_CHARS else phrase[: _SHOWN_CHARS - 3] + "..."


def _phrase_list(out: TextIO, title: str, phrases: Counter[str], limit: int) -> None:
    distinct = len(phrases)
    shown = sorted(phrases.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    more = f", the {limit} most frequent" if distinct > limit else ""
    print(f"  {title} ({sum(phrases.values())}, {distinct} distinct{more}):", file=out)
    if not shown:
        print("    (none)", file=out)
    for phrase, n in shown:
        print(f"    {n:4d}  {_shorten(phrase)}", file=out)


def print_report(report: Report, folder: Path, limit: int, out: TextIO) -> None:
    print(f"imrparse coverage report: {folder}", file=out)
    print(f"{report.letters} letters: {report.parsed} parsed, {len(report.failed)} failed", file=out)
    print(file=out)
    header = "".join(f"  {g:>13}" for g in GRADES)
    print(f"  {'':<22}{'total':>7}{header}", file=out)
    print("Citations", file=out)
    print(_row("guideline lines", report.guideline_citations), file=out)
    print(_row("rationales", report.rationale_citations), file=out)
    print("Services", file=out)
    print(_row("requests", report.services), file=out)
    print("Patients", file=out)
    print(_row("case summaries", report.patients), file=out)
    print(file=out)

    n = sum(report.unstructured_lines.values())
    verdict = "ok" if report.within_limit else "OVER THE LIMIT"
    lines = report.guideline_lines + report.lines_citing_nothing + report.lines_absent
    print(f"Guideline lines: {lines} ({report.guideline_lines} cite evidence, "
          f"{report.lines_citing_nothing} cite none, {report.lines_absent} missing)", file=out)
    print(f"Guideline lines with no structured citation: {n} of {report.guideline_lines} "
          f"citing evidence ({100 * report.unstructured_share:.1f}%; must stay below "
          f"{100 * MAX_UNSTRUCTURED_SHARE:.0f}%): {verdict}", file=out)
    print(file=out)

    print(f"Phrases to grow the vocabularies from (at most {limit} of each)", file=out)
    print("Citations", file=out)
    for source, tally in (("guideline lines", report.guideline_citations),
                          ("rationales", report.rationale_citations)):
        for grade in ("unrecognised", "partial"):
            _phrase_list(out, f"{grade}, {source}", tally.phrases[grade], limit)
    _phrase_list(out, "guideline lines with no structured citation", report.unstructured_lines, limit)
    print("Services", file=out)
    for grade in ("unrecognised", "partial"):
        _phrase_list(out, f"{grade} requests", report.services.phrases[grade], limit)
    print("Patients", file=out)
    for grade in ("unrecognised", "partial"):
        _phrase_list(out, f"{grade}, summary openings", report.patients.phrases[grade], limit)
    print(file=out)

    print(f"Letters that failed to parse ({len(report.failed)})", file=out)
    if not report.failed:
        print("  (none)", file=out)
    for name, error in report.failed:
        print(f"  {name}: {error}", file=out)


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    out = sys.stdout if out is None else out
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--letters", type=Path, default=DEFAULT_LETTERS,
                    help="folder of .pdf/.txt letters (default: ../shared/letters/real)")
    ap.add_argument("--limit", type=int, default=20, metavar="N",
                    help="list at most N phrases of each kind (default 20)")
    ap.add_argument("--check", action="store_true",
                    help="exit 1 unless fewer than 2%% of guideline lines lack a structured citation")
    ap.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    ap.add_argument("--lenient", action="store_true", help="parse in lenient mode")
    args = ap.parse_args(argv)
    if args.limit < 0:
        ap.error("--limit must not be negative")
    if not args.letters.is_dir():
        print(f"coverage_report: no such folder: {args.letters}", file=sys.stderr)
        return 2
    report = build_report(letter_files(args.letters), jobs=args.jobs, strict=not args.lenient)
    print_report(report, args.letters, args.limit, out)
    return 1 if args.check and not report.within_limit else 0


if __name__ == "__main__":
    sys.exit(main())
