"""Say where the parser is unsure: checks over a finished Determination.

The layout builds the Determination from the letter's structure; the field readers read
the values in it. Some readings can be wrong without anything failing: a request in
words no category knows, a drug without its generic name, a summary whose utilization
review date or diagnoses were written in a phrasing the reader missed, a guideline line
that yields no structured citation, dates that contradict each other. This stage looks
at the finished result (one pass, after the layout, in both modes) and gives each such
reading a warning, so that a study can leave it out or look at it.

Each check is a small function in :data:`CHECKS`, with its code, its scope (a letter or
an item) and what it means; docs/contract.md and docs/robustness.md list the codes. A
check yields doubts (:class:`Doubt`): the warning plus the *phrase* the parser could not read
(a request, a guideline line, a summary sentence), which ``imrparse check`` counts over
a corpus. Warnings here are doubts, not errors: strict mode never raises for them.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Callable, Iterable, Iterator, NamedTuple

import attrs

from .layout.partial import PREAMBLE_WORDS_RE
from .models import CASE_NUMBER_PATTERN, Basis, Determination, Item, Span, Warning
from .text.dates import find_dates

__all__ = ["Check", "Doubt", "CHECKS", "find_doubts", "doubts"]


@attrs.frozen
class Doubt:
    """One reading the parser is not sure of."""

    code: str
    message: str
    span: Span | None = None
    #: What could not be read, as the letter words it (a request, a guideline line, a
    #: summary sentence): what ``imrparse check`` counts over a corpus.
    phrase: str = ""
    #: The item it is about (0-based), None for the letter.
    item: int | None = None

    def warning(self) -> Warning:
        return Warning(self.code, self.message, self.span)


class Check(NamedTuple):
    """One check of :data:`CHECKS`."""

    #: The warning code it gives.
    code: str
    #: "letter" (the header, the summary) or "item" (one disputed item).
    scope: str
    #: ``find(det, text)``: the doubts about ``det`` (``text`` is what was parsed, or None).
    find: Callable[[Determination, str | None], Iterable[Doubt]]
    #: When it fires, in a sentence.
    meaning: str


# -- dates -----------------------------------------------------------------------------

# (earlier, later): a letter whose first date follows its second says something
# impossible (an injury after its review, a review after the decision), so one of the
# two was misread or mistyped. Paths are attribute names from the Determination.
_DATE_ORDER = (
    (("case", "date_of_injury"), ("case", "decision_date")),
    (("case", "date_assigned"), ("case", "decision_date")),
    (("case", "ur_denial_date"), ("case", "decision_date")),
    (("case", "application_received"), ("case", "decision_date")),
    (("case", "date_of_injury"), ("case", "ur_denial_date")),
    (("summary", "patient", "date_of_injury"), ("case", "decision_date")),
    (("summary", "ur_decision_date"), ("case", "decision_date")),
    (("summary", "patient", "date_of_injury"), ("summary", "ur_decision_date")),
)


def _date(det: Determination, path: tuple[str, ...]) -> tuple[dt.date | None, Span | None]:
    owner: object = det
    for name in path[:-1]:
        owner = getattr(owner, name, None)
        if owner is None:
            return None, None
    value = getattr(owner, path[-1], None)
    spans = getattr(owner, "spans", {})
    return value, spans.get(path[-1])


def _implausible_dates(det: Determination, text: str | None) -> Iterator[Doubt]:
    for earlier, later in _DATE_ORDER:
        first, span = _date(det, earlier)
        second, _ = _date(det, later)
        if first is None or second is None or first <= second:
            continue
        a, b = ".".join(earlier), ".".join(later)
        yield Doubt("implausible-date", f"{a} {first} is after {b} {second}; one of them was "
                    "misread or mistyped (both are kept as written)", span, f"{a} after {b}")


# -- the header -------------------------------------------------------------------------

_CASE_NUMBER_RE = re.compile(r"(?<![\w-])" + CASE_NUMBER_PATTERN + r"(?!\d)")


def _body_start(det: Determination) -> int | None:
    """Where the letter's body (the first value read from its reviewer section, its
    summary or its first item) begins in the text."""
    starts = [span.start for span in (*det.reviewer.spans.values(), det.summary.span,
                                      *(_request_span(i) for i in det.items[:1]))
              if span is not None]
    return min(starts) if starts else None


def _case_number_not_read(det: Determination, text: str | None) -> Iterator[Doubt]:
    """A case number stands where a header would, before the letter's body, but no header
    label gave it: a label in words the layout does not know, or a header the extraction
    scrambled. (A letter body with no header, such as the seeds, is not doubted, even
    where its page furniture repeats the case number.)"""
    body = _body_start(det)
    # (With no body read, where a header would stand is unknown, and the layout has
    # reported the damage itself.)
    if text is None or body is None or (det.case is not None and det.case.case_number is not None):
        return
    found = _CASE_NUMBER_RE.search(text, 0, body)
    if found is not None:
        yield Doubt("case-number-not-read", f"the letter holds the case number {found.group()} "
                    "but its header gave none (case_number is null)",
                    Span(found.start(), found.end()), _sentence_around(text, found.start()))


# -- the reviewer ---------------------------------------------------------------------------


@functools.cache
def _board_names() -> frozenset[str]:
    from .vocab.specialties import NAMES

    return frozenset(NAMES.values())


@functools.cache
def _jurisdictions() -> frozenset[str]:
    from .vocab.states import JURISDICTIONS

    return frozenset(JURISDICTIONS)


def _unknown_reviewer_names(det: Determination, keys: tuple[str, ...], known: frozenset[str],
                            code: str, message: str) -> Iterator[Doubt]:
    """A doubt for each name of the reviewer's lists ``keys`` that is not ``known`` (the
    readers keep a name they do not know as written); ``message`` has a ``{name}`` field."""
    reviewer = det.reviewer
    for key in keys:
        for i, name in enumerate(getattr(reviewer, key)):
            if name not in known:
                yield Doubt(code, message.format(name=_short(name)), reviewer.spans.get(f"{key}.{i}"), name)


def _unrecognized_specialty(det: Determination, text: str | None) -> Iterator[Doubt]:
    """A specialty no board name of the vocabulary matches: counts by specialty would give
    it a group of its own (or a credential phrase was taken for a specialty)."""
    return _unknown_reviewer_names(det, ("canonical_specialties", "canonical_subspecialties"),
                                   _board_names(), "unrecognized-specialty",
                                   "the specialty {name} matches no known board name (kept as written)")


def _unrecognized_jurisdiction(det: Determination, text: str | None) -> Iterator[Doubt]:
    """A state of licensure that is no US jurisdiction's name, code or abbreviation (a
    misspelling, a glued word, a country)."""
    return _unknown_reviewer_names(det, ("licensed_in",), _jurisdictions(), "unrecognized-jurisdiction",
                                   "the state of licensure {name} is no known US jurisdiction (kept as written)")


# -- items -----------------------------------------------------------------------------


def _request_span(item: Item) -> Span | None:
    return item.spans.get("request")


def _preamble_left_in_request(det: Determination, text: str | None) -> Iterator[Doubt]:
    """A request that still holds preamble words ("... was the original request",
    "IMR eligible portion"), whatever layout read it; the standard layout warns itself
    when it reads such a preamble only in part, and is not warned twice."""
    warned = {w.span for w in det.warnings if w.code == "unparsed-partial-authorization"}
    for i, item in enumerate(det.items):
        span = _request_span(item)
        if PREAMBLE_WORDS_RE.search(item.request) and not any(
                s is not None and span is not None and s.start <= span.start < s.end for s in warned):
            yield Doubt("unparsed-partial-authorization",
                        f"request {_short(item.request)} still holds the words of a partial "
                        "authorization's preamble", span, item.request, i)


def _unrecognized_service(det: Determination, text: str | None) -> Iterator[Doubt]:
    for i, item in enumerate(det.items):
        if item.service.category == "other":
            yield Doubt("unrecognized-service", f"request {_short(item.request)} matches no service "
                        "category (category \"other\")", _request_span(item), item.request, i)


def _drug_without_generic(det: Determination, text: str | None) -> Iterator[Doubt]:
    for i, item in enumerate(det.items):
        service = item.service
        # A product the tables know by its kind only ("Compound cream") has a class and
        # no generic: the letter does not say more, so there is nothing to doubt.
        if service.category == "medication" and service.generic is None and service.drug_class is None:
            named = service.drug or item.request
            yield Doubt("drug-without-generic", f"medication {_short(named)} has no known generic "
                        "name (generic and drug_class are null)",
                        service.spans.get("drug") or _request_span(item), named, i)


def _reads_no_citation(basis: Basis) -> bool:
    """A line that cites evidence but yields no citation whose guideline is known."""
    return bool(basis.text.strip()) and basis.cited_evidence and not any(c.guideline for c in basis.citations)


def _guideline_line_not_read(det: Determination, text: str | None) -> Iterator[Doubt]:
    for i, item in enumerate(det.items):
        for side, basis in (("claims administrator", item.claims_administrator_guideline),
                            ("reviewer", item.reviewer_guideline)):
            if _reads_no_citation(basis):
                yield Doubt("guideline-line-not-read", f"the {side} guideline line cites evidence but "
                            "no guideline was recognised in it", basis.span, basis.text, i)


# What a "Decision based on Non-MTUS Citation." line holds when it names nothing: a label,
# not a reference.
_LABEL_ONLY_RE = re.compile(r"(?:non\s*-?\s*)?mtus(?:\s+citations?)?", re.IGNORECASE)


def _unrecognized_citation(det: Determination, text: str | None) -> Iterator[Doubt]:
    """A citation whose guideline is unknown, in a line where others were read (a line
    with none read is guideline-line-not-read's): a study counting guidelines would miss
    it. A citation whose guideline is known but that gives nothing more ("Official
    Disability Guidelines (ODG)") is no doubt: the letter named nothing more."""
    for i, item in enumerate(det.items):
        for side, basis in (("claims administrator", item.claims_administrator_guideline),
                            ("reviewer", item.reviewer_guideline)):
            if _reads_no_citation(basis) or not basis.cited_evidence:
                continue
            for c in basis.citations:
                if c.guideline is None and c.text.strip() and not _LABEL_ONLY_RE.fullmatch(c.text.strip()):
                    yield Doubt("unrecognized-citation", f"the {side} guideline line cites {_short(c.text)}, "
                                "whose guideline was not recognised", c.span or basis.span, c.text, i)


# -- the summary -----------------------------------------------------------------------

# A sentence about a review of the request: one that says "utilization review" or "UR", or
# one the summary reader also dates without those words (a non-certification, a denial or
# determination, a request "was denied"); not "the patient denied numbness", nor "modified
# duty", which the reader rightly leaves alone.
_UR_RE = re.compile(
    r"(?i:\butilization\s+review)|\bUR\b|(?i:\bnon\s*-?\s*certif|\bdenials?\b|\bdeterminations?\b"
    r"|\b(?:was|were|been|is|are)\s+(?:[a-z]+ly\s+)?(?:denied|reviewed\s+and\s+denied)\b)"
)
_DIAGNOSIS_RE = re.compile(r"\bdiagnos(?:is|es|ed)\b|\bbeing\s+treated\s+for\b", re.IGNORECASE)
# The end of a sentence: a period, ! or ? that is no decimal point.
_SENTENCE_END_RE = re.compile(r"[.!?](?!\d)")
_SENTENCE_REACH = 600  # characters searched either side of a cue for its sentence


def _sentence_around(text: str, pos: int) -> str:
    """The sentence of ``text`` that holds ``pos``, white space folded."""
    lo = max(0, pos - _SENTENCE_REACH)
    ends = [m.end() for m in _SENTENCE_END_RE.finditer(text, lo, pos)]
    start = ends[-1] if ends else lo
    m = _SENTENCE_END_RE.search(text, pos, pos + _SENTENCE_REACH)
    return " ".join(text[start:m.end() if m else pos + _SENTENCE_REACH].split())


def _locate(det: Determination, text: str | None, cue: re.Pattern[str], nth: int) -> Span | None:
    """The ``nth`` match of ``cue`` in the summary as the input text has it (line breaks
    and all), else the whole summary."""
    span = det.summary.span
    if span is None or text is None:
        return span
    for i, m in enumerate(cue.finditer(text, span.start, span.end)):
        if i == nth:
            return Span(m.start(), m.end())
    return span


def _summary_cue(det: Determination, text: str | None, cue: re.Pattern[str],
                 holds: Callable[[str], bool]) -> tuple[Span | None, str] | None:
    """Where the first ``cue`` whose summary sentence ``holds`` stands, and the sentence."""
    summary = det.summary.text
    for nth, m in enumerate(cue.finditer(summary)):
        sentence = _sentence_around(summary, m.start())
        if holds(sentence):
            return _locate(det, text, cue, nth), sentence
    return None


def _ur_date_not_read(det: Determination, text: str | None) -> Iterator[Doubt]:
    if det.summary.ur_decision_date is not None:
        return
    found = _summary_cue(det, text, _UR_RE, lambda s: any(True for _ in find_dates(s)))
    if found is not None:
        yield Doubt("ur-date-not-read", "the summary dates a utilization review but no UR date "
                    "was read from it", found[0], found[1])


def _diagnoses_not_read(det: Determination, text: str | None) -> Iterator[Doubt]:
    if det.summary.diagnoses:
        return
    found = _summary_cue(det, text, _DIAGNOSIS_RE, lambda s: True)
    if found is not None:
        yield Doubt("diagnoses-not-read", "the summary speaks of diagnoses but none was read from "
                    "it", found[0], found[1])


def _short(text: str, limit: int = 80) -> str:
    return repr(text if len(text) <= limit else text[:limit - 3] + "...")


#: Every check, in the order its warnings are listed.
CHECKS: tuple[Check, ...] = (
    Check("implausible-date", "letter", _implausible_dates,
          "a date after one it must precede: a header date after the decision date, the injury "
          "after the UR denial, a summary's date of injury or UR date after the decision, or the "
          "injury after the summary's UR date; both dates are kept as written"),
    Check("case-number-not-read", "letter", _case_number_not_read,
          "the letter's text holds a case number (CM16-0213037) but case_number is null: a "
          "header label the layout does not know, or a header scrambled by extraction"),
    Check("unrecognized-specialty", "letter", _unrecognized_specialty,
          "a reviewer specialty or subspecialty that matches no board name of the vocabulary: "
          "kept as written in canonical_specialties (canonical_subspecialties)"),
    Check("unrecognized-jurisdiction", "letter", _unrecognized_jurisdiction,
          "a state of licensure that is no US state, district or territory by name, postal code or "
          "abbreviation: kept as written in licensed_in"),
    Check("unparsed-partial-authorization", "item", _preamble_left_in_request,
          "a request that still holds preamble words (\"was the original request\", \"IMR "
          "eligible portion\"): a partial authorization not split"),
    Check("unrecognized-service", "item", _unrecognized_service,
          "a request whose service category is \"other\": no category's words were found"),
    Check("drug-without-generic", "item", _drug_without_generic,
          "a medication the drug tables do not know (generic and drug_class null): a name "
          "not in the tables, or no name read"),
    Check("guideline-line-not-read", "item", _guideline_line_not_read,
          "a guideline line that cites evidence but yields no citation with a known guideline"),
    Check("unrecognized-citation", "item", _unrecognized_citation,
          "a citation of a guideline line whose guideline is unknown, in a line where other "
          "citations were read (a line with none read is guideline-line-not-read)"),
    Check("ur-date-not-read", "letter", _ur_date_not_read,
          "a summary sentence about a review of the request (\"utilization review\", \"UR\", a "
          "non-certification, denial or determination, a request \"was denied\") holds a date, but "
          "ur_decision_date is null"),
    Check("diagnoses-not-read", "letter", _diagnoses_not_read,
          "the summary speaks of diagnoses (\"diagnoses include\", \"was diagnosed with\", "
          "\"is being treated for\") but diagnoses is empty"),
)


def doubts(det: Determination, text: str | None = None) -> list[Doubt]:
    """Every doubt about ``det``, check by check. ``text`` is the text that was parsed
    (spans index into it); without it, summary doubts point at the whole summary."""
    return [doubt for check in CHECKS for doubt in check.find(det, text)]


def find_doubts(det: Determination, text: str) -> list[Warning]:
    """The warnings of :func:`doubts`, for :func:`imrparse.parse`."""
    return [doubt.warning() for doubt in doubts(det, text)]
