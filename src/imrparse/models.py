"""The typed result of parsing a letter.

Every class is a frozen, slotted ``attrs`` class that only holds data: turning these
objects into the contract's JSON (and back) is the converter's job (:mod:`imrparse.convert`).

Spans are ``(start, end)`` character offsets into the text that was handed to
:func:`imrparse.parse` (for files: the text the reader extracted, see
:func:`imrparse.read_file`), whatever cleaning happened in between.
"""

from __future__ import annotations

import datetime as _dt
import enum
from typing import Any, Mapping

import attrs

SCHEMA_VERSION = "1"

CASE_NUMBER_PATTERN = r"CM\d{2}-\d{7}"

__all__ = [
    "SCHEMA_VERSION",
    "Span",
    "Decision",
    "OverallDecision",
    "Sex",
    "Case",
    "Reviewer",
    "Patient",
    "Summary",
    "Citation",
    "Basis",
    "Service",
    "Item",
    "Warning",
    "Determination",
]


@attrs.frozen(order=True)
class Span:
    """Half-open character range ``[start, end)`` in the parsed text."""

    start: int = attrs.field(validator=attrs.validators.ge(0))
    end: int = attrs.field()

    @end.validator
    def _check_end(self, attribute: attrs.Attribute[int], value: int) -> None:
        if value < self.start:
            raise ValueError(f"span end {value} is before its start {self.start}")

    def slice(self, text: str) -> str:
        """The part of ``text`` this span covers."""
        return text[self.start : self.end]


class Decision(str, enum.Enum):
    """What the expert reviewer decided about one disputed item."""

    UPHELD = "upheld"
    OVERTURNED = "overturned"

    @property
    def medically_necessary(self) -> bool:
        # Upholding the utilization review means the service was found not necessary.
        return self is Decision.OVERTURNED


class OverallDecision(str, enum.Enum):
    UPHELD = "upheld"
    OVERTURNED = "overturned"
    PARTIALLY_OVERTURNED = "partially overturned"

    @classmethod
    def from_decisions(cls, decisions: list[Decision]) -> OverallDecision | None:
        """Every item upheld, every item overturned, or a mix; ``None`` for no items."""
        kinds = set(decisions)
        if not kinds:
            return None
        if kinds == {Decision.UPHELD}:
            return cls.UPHELD
        if kinds == {Decision.OVERTURNED}:
            return cls.OVERTURNED
        return cls.PARTIALLY_OVERTURNED


class Sex(str, enum.Enum):
    FEMALE = "female"
    MALE = "male"


def _spans() -> dict[str, Span]:
    return {}


@attrs.frozen
class Case:
    """The header block of a published letter."""

    case_number: str | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(attrs.validators.matches_re(CASE_NUMBER_PATTERN)),
    )
    date_assigned: _dt.date | None = None
    date_of_injury: _dt.date | None = None
    decision_date: _dt.date | None = None
    ur_denial_date: _dt.date | None = None
    application_received: _dt.date | None = None
    priority: str | None = None
    #: Where each field's value stands in the text, keyed by field name.
    spans: Mapping[str, Span] = attrs.field(factory=_spans, hash=False)


@attrs.frozen
class Reviewer:
    """The expert reviewer's credentials."""

    specialties: tuple[str, ...] = ()
    board_certified: bool | None = None
    subspecialties: tuple[str, ...] = ()
    licensed_in: tuple[str, ...] = ()
    min_years_in_practice: int | None = None
    min_hours_per_week: int | None = None
    span: Span | None = None
    spans: Mapping[str, Span] = attrs.field(factory=_spans, hash=False)


@attrs.frozen
class Patient:
    age: int | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.and_(
            attrs.validators.ge(0), attrs.validators.le(130)))
    )
    sex: Sex | None = None
    date_of_injury: _dt.date | None = None
    spans: Mapping[str, Span] = attrs.field(factory=_spans, hash=False)


@attrs.frozen
class Summary:
    """The clinical case summary and the facts read from it."""

    text: str = ""
    patient: Patient = attrs.field(factory=Patient)
    diagnoses: tuple[str, ...] = ()
    prior_treatments: tuple[str, ...] = ()
    ur_decision_date: _dt.date | None = None
    span: Span | None = None
    spans: Mapping[str, Span] = attrs.field(factory=_spans, hash=False)


@attrs.frozen
class Citation:
    """One guideline reference, with whatever parts of it are certain."""

    text: str
    guideline: str | None = None
    mtus: bool | None = None
    chapter: int | None = None
    title: str | None = None
    year: int | None = None
    edition: str | None = None
    sections: tuple[str, ...] = ()
    topic: str | None = None
    pages: tuple[int, ...] = ()
    table: str | None = None
    updated: _dt.date | None = None
    url: str | None = None
    span: Span | None = None


@attrs.frozen
class Basis:
    """A guideline line: what one side based its decision on."""

    text: str = ""
    cited_evidence: bool = True
    based_on_mtus: bool | None = None
    citations: tuple[Citation, ...] = ()
    span: Span | None = None


@attrs.frozen
class Service:
    """What was requested, normalised."""

    category: str = "other"
    modality: str | None = None
    body_regions: tuple[str, ...] = ()
    laterality: str | None = None
    contrast: bool | None = None
    sessions: int | None = None
    frequency_per_week: int | None = None
    duration_weeks: int | None = None
    drug: str | None = None
    strength: str | None = None
    quantity: int | None = None
    refills: int | None = None
    procedure: str | None = None
    spine_levels: tuple[str, ...] = ()
    #: The drug's active ingredients, lower case, combinations joined with "/" in US
    #: label order ("hydrocodone/acetaminophen" for Norco); None when unknown.
    generic: str | None = None
    #: The main ingredient's class for workers' comp use ("opioid", "muscle relaxant",
    #: "nsaid", "topical analgesic", ...: docs/contract.md lists them); None when unknown.
    drug_class: str | None = None
    #: The request category of the state's own IMR decision search ("Pharmaceuticals",
    #: "Diagnostic Testing", "DMEPOS", ...: docs/contract.md lists them).
    dwc_category: str | None = None
    spans: Mapping[str, Span] = attrs.field(factory=_spans, hash=False)


@attrs.frozen
class Item:
    """One disputed item or service and its decision."""

    request: str
    decision: Decision
    original_request: str | None = None
    authorized: str | None = None
    claims_administrator_guideline: Basis = attrs.field(factory=Basis)
    reviewer_guideline: Basis = attrs.field(factory=Basis)
    rationale: str = ""
    rationale_citations: tuple[Citation, ...] = ()
    service: Service = attrs.field(factory=Service)
    span: Span | None = None
    spans: Mapping[str, Span] = attrs.field(factory=_spans, hash=False)
    #: Fields added by item-level extractor plugins, keyed by plugin name.
    extras: Mapping[str, Any] = attrs.field(factory=dict, hash=False)

    @property
    def medically_necessary(self) -> bool:
        return self.decision.medically_necessary


@attrs.frozen
class Warning:
    """Something the parser noticed but could live with (codes: docs/robustness.md)."""

    code: str
    message: str
    span: Span | None = None


@attrs.frozen
class Determination:
    """One letter: the whole final determination."""

    layout: str
    reviewer: Reviewer = attrs.field(factory=Reviewer)
    summary: Summary = attrs.field(factory=Summary)
    items: tuple[Item, ...] = ()
    case: Case | None = None
    source: str | None = None
    warnings: tuple[Warning, ...] = ()
    extras: Mapping[str, Any] = attrs.field(factory=dict, hash=False)
    schema_version: str = SCHEMA_VERSION

    @property
    def overall_decision(self) -> OverallDecision | None:
        return OverallDecision.from_decisions([item.decision for item in self.items])
