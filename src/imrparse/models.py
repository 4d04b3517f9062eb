"""The typed result of parsing a letter.

Every class is a frozen, slotted ``attrs`` class that only holds data: turning these
objects into the contract's JSON (and back) is the converter's job (:mod:`imrparse.convert`).
They compare by value, are hashable, and change by making a new one
(``attrs.evolve(obj, field=value)``); lists are tuples, dates ``datetime.date``.

Spans are ``(start, end)`` character offsets into the text that was handed to
:func:`imrparse.parse` (for files: the text the reader extracted, see
:func:`imrparse.read_file`), whatever cleaning happened in between.

Each field's docstring is its row of the data contract (docs/contract.md is generated
from them), so it speaks the contract's JSON: ``null`` is ``None``, ``true``/``false``
are ``True``/``False``, ``[...]`` is a tuple, a date is a ``datetime.date``, and an
enumeration is its ``str`` enum (``Decision.UPHELD == "upheld"``).

>>> import imrparse
>>> from imrparse.testing import SAMPLE_LETTER
>>> det = imrparse.parse(SAMPLE_LETTER)
>>> det.case.case_number, det.case.decision_date
('CM99-0000001', datetime.date(2020, 2, 3))
>>> [(item.request, item.decision.value) for item in det.items]
[('MRI of the lumbar spine without contrast', 'upheld'), ('Physical therapy 2 times a week for 4 weeks for the left knee', 'overturned')]
>>> det.items[0].service.category, det.items[0].service.body_regions
('imaging', ('lumbar spine',))
"""

from __future__ import annotations

import datetime as _dt
import enum
from typing import Any, Mapping

import attrs

SCHEMA_VERSION = "1"
"""The version of the data contract, written as ``schema_version``; it changes only with a
breaking change to the contract."""

CASE_NUMBER_PATTERN = r"CM\d{2}-\d{7}"
"""What ``Case.case_number`` must match: ``CM``, a two-digit year, ``-``, seven digits."""

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
    """Half-open character range ``[start, end)`` in the parsed text.

    In the JSON a span is ``[start, end]``; offsets count code points (``str`` indices).

    >>> Span(3, 10).slice("0123456789abc")
    '3456789'
    >>> Span(5, 2)
    Traceback (most recent call last):
      ...
    ValueError: span end 2 is before its start 5
    """

    start: int = attrs.field(validator=attrs.validators.ge(0))
    """The offset of the first character."""
    end: int = attrs.field()
    """The offset after the last character (``start`` for an empty span: a position)."""

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
        """Whether the reviewer found the service medically necessary.

        Upholding the utilization review's denial means it was found not necessary:

        >>> Decision.UPHELD.medically_necessary, Decision("overturned").medically_necessary
        (False, True)
        """
        return self is Decision.OVERTURNED


class OverallDecision(str, enum.Enum):
    """The decision of a whole letter, from its items' decisions."""

    UPHELD = "upheld"
    OVERTURNED = "overturned"
    PARTIALLY_OVERTURNED = "partially overturned"

    @classmethod
    def from_decisions(cls, decisions: list[Decision]) -> OverallDecision | None:
        """Every item upheld, every item overturned, or a mix; ``None`` for no items.

        >>> OverallDecision.from_decisions([Decision.UPHELD, Decision.OVERTURNED])
        <OverallDecision.PARTIALLY_OVERTURNED: 'partially overturned'>
        >>> OverallDecision.from_decisions([]) is None
        True
        """
        kinds = set(decisions)
        if not kinds:
            return None
        if kinds == {Decision.UPHELD}:
            return cls.UPHELD
        if kinds == {Decision.OVERTURNED}:
            return cls.OVERTURNED
        return cls.PARTIALLY_OVERTURNED


class Sex(str, enum.Enum):
    """The patient's sex, as the case summary gives it."""

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
    """The IMR case number, `CM` + two-digit year + `-` + seven digits.

    Example: `"CM16-0213037"`
    """
    date_assigned: _dt.date | None = None
    """The date after "Date Assigned:".

    Example: `"2016-11-09"`
    """
    date_of_injury: _dt.date | None = None
    """The date after "Date of Injury:".

    Example: `"2016-10-13"`
    """
    decision_date: _dt.date | None = None
    """The date after "Decision Date:".

    Example: `"2016-12-09"`
    """
    ur_denial_date: _dt.date | None = None
    """The date after "UR Denial Date:", the utilization review being disputed.

    Example: `"2016-11-03"`
    """
    application_received: _dt.date | None = None
    """The date after "IMR Application Received:".

    Example: `"2016-11-03"`
    """
    priority: str | None = None
    """The word after "Priority:", capitalised: `"Standard"` or `"Expedited"` (`"Regular"` and
    `"Urgent"` are kept too when a letter uses them).

    Example: `"Standard"`
    """
    spans: Mapping[str, Span] = attrs.field(factory=_spans, hash=False)
    """Where each value above stands in the text, keyed by field name.

    Example: `{"case_number": [13, 25], ...}`
    """


@attrs.frozen
class Reviewer:
    """The expert reviewer's credentials."""

    specialties: tuple[str, ...] = ()
    """Board certification or "Certification(s)/Specialty", split on commas and
    semicolons only, spelled as in the letter.

    Example: `["Preventive Medicine", "Occupational Medicine"]`, `["Physical Medicine &
    Rehabilitation"]`
    """
    board_certified: bool | None = None
    """`true` when the letter says "Board Certified"; never `false`.

    Example: `true`
    """
    subspecialties: tuple[str, ...] = ()
    """From "has a subspecialty in ...".

    Example: `["Pain Medicine"]`
    """
    licensed_in: tuple[str, ...] = ()
    """States of licensure, in letter order, canonical names ("CA" and "California" are
    `"California"`; "Washington, D.C." is `"District of Columbia"`).

    Example: `["California", "North Carolina"]`
    """
    min_years_in_practice: int | None = None
    """The number in "in active clinical practice for more than five years".

    Example: `5`
    """
    min_hours_per_week: int | None = None
    """The number in "working at least 24 hours a week".

    Example: `24`
    """
    canonical_specialties: tuple[str, ...] = ()
    """`specialties` in one spelling per board: the [canonical
    names](contract.md#specialties-reviewercanonical_specialties) (ABMS's, and a few
    outside it), repeats dropped; names joined by "and" or "&" inside one written
    specialty are each theirs; a name the list lacks is kept as written. The spans point
    at the words as written.

    Example: `["Physical Medicine and Rehabilitation", "Pain Medicine"]` for "Physical
    Medicine & Rehabilitation, Pain Management"
    """
    canonical_subspecialties: tuple[str, ...] = ()
    """`subspecialties` in one spelling per board, as `canonical_specialties`.

    Example: `["Surgery of the Hand"]` for "Hand Surgery"
    """
    span: Span | None = None
    """The section's text after its heading (credentials block included).

    Example: `[234, 1083]`
    """
    spans: Mapping[str, Span] = attrs.field(factory=_spans, hash=False)
    """Where each value stands; list elements are keyed `name.N` (`"licensed_in.1"`).

    Example: `{"specialties.0": [1068, 1083], ...}`
    """


@attrs.frozen
class Patient:
    """The patient's facts read from the case summary.

    The models check what they can: an age outside 0-130 is not an age.

    >>> Patient(age=200)
    Traceback (most recent call last):
      ...
    ValueError: 'age' must be <= 130: 200
    """

    age: int | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.and_(
            attrs.validators.ge(0), attrs.validators.le(130)))
    )
    """The first "N year old" / "N-year-old" / "N years of age" phrase about the patient
    (ages outside 12–110 are ignored).

    Example: `48`
    """
    sex: Sex | None = None
    """`"female"` or `"male"`: from a sex word in the summary ("female", "male",
    "woman", "man", ...), else from the majority of the patient's pronouns
    (he/his/him, she/her), never from the reviewer paragraph's "He/she"; `null` when
    undecided.

    Example: `"male"`
    """
    date_of_injury: _dt.date | None = None
    """The first date tied to "date of injury" / "DOI" / "industrial injury on" in the
    summary (compare `case.date_of_injury` from the header).

    Example: `"2016-10-13"`
    """
    spans: Mapping[str, Span] = attrs.field(factory=_spans, hash=False)
    """Where each value stands: `age`, `sex` (the deciding word), `date_of_injury`.

    Example: `{"age": [1268, 1270], "sex": [1280, 1284]}`
    """


@attrs.frozen
class Summary:
    """The clinical case summary and the facts read from it."""

    text: str = ""
    """The summary, reflowed, without its heading and its introductory sentence ("The
    expert reviewer developed the following clinical case summary ...:").

    Example: `"The injured worker is a 48 year old male who sustained an industrial
    injury on 10-13-16. ..."`
    """
    patient: Patient = attrs.field(factory=Patient)
    """Age, sex and date of injury."""
    diagnoses: tuple[str, ...] = ()
    """The diagnoses as listed ("diagnoses include a, b, and c" gives three); an ICD-10
    title keeps its inner commas ("strain of muscle, fascia and tendon at neck level,
    initial encounter" is one).

    Example: `["right shoulder contusion", "neck strain", ...]`
    """
    prior_treatments: tuple[str, ...] = ()
    """Treatments to date, as listed ("Treatment to date has included ...").

    Example: `["modified work duties", "diagnostic imaging", "home exercise program"]`
    """
    ur_decision_date: _dt.date | None = None
    """Date of the review that non-certified the disputed request, as the summary tells it:
    a utilization review named as such first, else a prior review, determination or
    denial ("the request was previously denied on ..."); see [Summary](contract.md#summary).

    Example: `"2016-11-03"`
    """
    span: Span | None = None
    """The summary text in the parsed text.

    Example: `[1244, 2950]`
    """
    spans: Mapping[str, Span] = attrs.field(factory=_spans, hash=False)
    """Where each value stands: `diagnoses.N`, `prior_treatments.N`, `ur_decision_date`.

    Example: `{"diagnoses.0": [1393, 1417], ...}`
    """


@attrs.frozen
class Citation:
    """One guideline reference, with whatever parts of it are certain."""

    text: str
    """The reference as written (reflowed).

    Example: `"MTUS Shoulder Complaints 2004, Section(s): Special Studies"`
    """
    guideline: str | None = None
    """Short name of the guideline (see
    [Guidelines](contract.md#guidelines-citationguideline)).

    Example: `"ACOEM"`
    """
    mtus: bool | None = None
    """`true` when cited as part of the MTUS, `false` for a Non-MTUS citation or a
    guideline outside the MTUS (ODG, ACOEM 3rd edition), `null` when unclear.

    Example: `true`
    """
    chapter: int | None = None
    """ACOEM chapter number, stated or implied by a 2nd-edition chapter title ("Shoulder
    Complaints" is 9, "Low Back Complaints" is 12).

    Example: `9`
    """
    title: str | None = None
    """Chapter or guideline title as written, without the year or any other locator
    ("Chronic Pain Medical Treatment 2016 Guidelines" has title "Chronic Pain Medical
    Treatment"); for a book or article its title, for a journal with no article title the
    journal's name.

    Example: `"Shoulder Complaints"`, `"Chronic Pain Medical Treatment"`, `"Low Back -
    Lumbar and Thoracic"`
    """
    year: int | None = None
    """Year of the guideline.

    Example: `2004`, `2016`
    """
    edition: str | None = None
    """Ordinal editions have one form, spelled out ("6th ed", "6th Edition" and "Sixth
    Edition" are all `"Sixth Edition"`, "21st Annual Edition" is `"Twenty-First
    Edition"`; `text` keeps the letter's words); online editions have one spelling
    whatever their capitals (`"Online version"`, `"Online edition"`).

    Example: `"Third Edition"`, `"Online version"`
    """
    sections: tuple[str, ...] = ()
    """From "Section(s): ..." (names may contain commas).

    Example: `["Special Studies"]`, `["Physical medicine treatment"]`
    """
    topic: str | None = None
    """ODG topic after the chapter (or what follows another guideline's name), without
    parentheses around all of it ("(Magnetic resonance imaging)" is `"Magnetic resonance
    imaging"`).

    Example: `"MRI (magnetic resonance imaging)"`, `"Lidoderm (lidocaine patch)"`
    """
    pages: tuple[int, ...] = ()
    """Page numbers, ranges expanded.

    Example: `[176, 177]`
    """
    table: str | None = None
    """Table number.

    Example: `"12-8"`
    """
    updated: _dt.date | None = None
    """The date in "(updated 12/20/16)".

    Example: `"2016-12-20"`
    """
    url: str | None = None
    """A web address given as the reference.

    Example: `"http://www.nhlbi.nih.gov/health/health-topics/topics/ekg"`
    """
    volume: str | None = None
    """A journal's volume, from its "year;volume(issue):pages" ("Spine (Phila Pa 1976).
    2009;34(10):1066-77" is volume `"34"`), as written.

    Example: `"34"`
    """
    issue: str | None = None
    """A journal's issue, the part in parentheses after the volume ("2009;34(10)" is issue
    `"10"`; "2015;(3)" has issue `"3"` and no volume), as written.

    Example: `"10"`, `"Suppl 2"`
    """
    span: Span | None = None
    """The reference in the parsed text.

    Example: `[3257, 3317]`
    """


@attrs.frozen
class Basis:
    """A guideline line: what one side based its decision on."""

    text: str = ""
    """The line, reflowed.

    Example: `"Decision based on MTUS Shoulder Complaints 2004, Section(s): Special
    Studies."`
    """
    cited_evidence: bool = True
    """`false` for "The Claims Administrator did not cite any medical evidence for its
    decision.", else `true`.

    Example: `true`
    """
    based_on_mtus: bool | None = None
    """`false` for "did not base their decision on the MTUS" or "based their decision on
    recommendation(s) outside of the MTUS Guidelines", and for "the MTUS is silent on
    ..." ("does not address", "no section of the MTUS was applicable") when no MTUS
    citation is given; `true` when an MTUS citation is given; `null` otherwise (e.g. no
    evidence cited).

    Example: `true`
    """
    citations: tuple[Citation, ...] = ()
    """One or more per "Decision based on ..." sentence."""
    span: Span | None = None
    """The line in the parsed text (`null` for an item whose line is missing, lenient
    mode only).

    Example: `[3239, 3318]`
    """


@attrs.frozen
class Service:
    """What was requested, normalised."""

    category: str = "other"
    """One of the [service categories](contract.md#service-categories-servicecategory);
    `"other"` when nothing is recognised.

    Example: `"imaging"`
    """
    modality: str | None = None
    """For `imaging` and `diagnostic testing` only: one of the
    [modalities](contract.md#modalities-servicemodality).

    Example: `"MRI"`, `"EMG/NCV"`
    """
    body_regions: tuple[str, ...] = ()
    """The [body region names](contract.md#body-regions-servicebody_regions), in request
    order ("low back" is `"lumbar spine"`).

    Example: `["lumbar spine", "cervical spine"]`
    """
    laterality: str | None = None
    """`"left"`, `"right"` or `"bilateral"` ("left and right", "both knees", "BUE" are
    bilateral).

    Example: `"right"`
    """
    contrast: bool | None = None
    """Imaging only: `false` for "without contrast", `true` for "with contrast" and
    "with and without contrast" (and arthrograms, myelograms), `null` when not said
    or "with or without contrast".

    Example: `false`
    """
    sessions: int | None = None
    """Visits or sessions, for session-like categories (therapies, visits, home health,
    programs, transportation): "12 sessions", "#6", "times 2"; otherwise frequency ×
    duration ("3x2" is 6); a range gives its upper bound.

    Example: `6`
    """
    frequency_per_week: int | None = None
    """Sessions a week: "3x2", "2 times a week", "two times a week".

    Example: `3`
    """
    duration_weeks: int | None = None
    """Weeks: "for 4 weeks", "3x2".

    Example: `2`
    """
    drug: str | None = None
    """For `medication` and `injection`: the drug, in the vocabulary's spelling, with
    salt/release words and a topical form; compounds joined with `/`.

    Example: `"Norco"`, `"Oxycodone HCL ER"`, `"Voltaren gel"`,
    `"Flurbiprofen/Dextromethorphan/Lidocaine"`
    """
    strength: str | None = None
    """The strength, spaces removed; per component for compounds.

    Example: `"10/325mg"`, `"20mg"`, `"10%/5%/5%"`
    """
    quantity: int | None = None
    """Medications: "#120", "Qty: 60", "120 tablets"; other non-session categories: the
    count ("1 knee scooter").

    Example: `120`
    """
    refills: int | None = None
    """Medications: "with 1 refill".

    Example: `1`
    """
    procedure: str | None = None
    """For categories other than imaging and testing: the specific procedures,
    injections, devices, programs or treatments named, joined with `", "`.

    Example: `"facet joint injection"`, `"arthroscopy, SLAP repair"`, `"TENS/EMS unit"`
    """
    spine_levels: tuple[str, ...] = ()
    """Spinal motion segments written in full ("L4-5" is `"L4-L5"`, "L3-S1" expands to
    three); single vertebrae only for injections and surgery.

    Example: `["L4-L5", "L5-S1"]`
    """
    generic: str | None = None
    """For a `drug`: its active ingredients, lower case, combinations joined with "/" in
    US label order (a combination written as parts: in the order written), salts and
    release forms dropped; null when the drug tables do not know the name, or know it
    only as a kind of product ("Compound cream").

    Example: `"hydrocodone/acetaminophen"`
    """
    drug_class: str | None = None
    """For a `drug`: the main ingredient's class for workers' comp use, one of the
    [drug classes](drug_classes.md#the-classes); a transdermal opioid patch is an
    `opioid`; null when the drug tables do not know the name.

    Example: `"opioid"`
    """
    dwc_category: str | None = None
    """The request category of the state's IMR decision search, derived from `category`
    (and `procedure`) as [listed below](#dwc-request-categories-servicedwc_category); null
    for `other` services the state's scheme does not name. Derived, so it has no entry in
    `spans`.

    Example: `"Pharmaceuticals"`
    """
    spans: Mapping[str, Span] = attrs.field(factory=_spans, hash=False)
    """Where each value came from: `category` (the deciding words), `modality`,
    `body_regions.N`, `laterality`, `contrast`, `sessions`, `frequency_per_week`,
    `duration_weeks`, `drug`, `strength`, `quantity`, `refills`, `procedure`,
    `spine_levels.N`, `generic` and `drug_class` (the drug as written, with its strength
    and dosage form).

    Example: `{"category": [3086, 3089], "laterality": [3097, 3102]}`
    """


@attrs.frozen
class Item:
    """One disputed item or service and its decision."""

    request: str
    """The service the decision is about, as written; for a partly authorised request,
    the remaining IMR-eligible portion ("The remaining IMR eligible portion of the
    original request, X is: Upheld"), or the whole original request when the letter
    leaves it all to the IMR ("The original request, X is: Upheld").

    Example: `"MRI of the right shoulder without contrast"`
    """
    decision: Decision
    """`"upheld"` (the denial stands) or `"overturned"`.

    Example: `"upheld"`
    """
    original_request: str | None = None
    """The original request when the preamble names it ("X was the original request",
    "The original request was for X", "The original request, X is").

    Example: `"Physical therapy to the lumbar spine 2 times a week for 3 weeks (6)"`
    """
    authorized: str | None = None
    """What the claims administrator authorised of it, when stated.

    Example: `"Physical therapy to the lumbar spine 2 times a week for 1 week (2)"`
    """
    claims_administrator_guideline: Basis = attrs.field(factory=Basis)
    """The "Claims Administrator guideline:" line."""
    reviewer_guideline: Basis = attrs.field(factory=Basis)
    """The "MAXIMUS guideline:" line (also written "Expert Reviewer guideline:" or "IMR
    guideline:").
    """
    rationale: str = ""
    """The "Decision rationale:", reflowed.

    Example: `"CA MTUS/ACOEM Guidelines state that unequivocal objective findings that
    identify ..."`
    """
    rationale_citations: tuple[Citation, ...] = ()
    """Guideline references inside the rationale that carry a locator (chapter, page,
    table, section): "MTUS Guideline in ACOEM Chapter 12, Table 12-8, page 309". Bare
    mentions ("Per the ODG, ...") are not citations.
    """
    service: Service = attrs.field(factory=Service)
    """The request, normalised."""
    span: Span | None = None
    """The whole item, headline to end of rationale.

    Example: `[3086, 4175]`
    """
    spans: Mapping[str, Span] = attrs.field(factory=_spans, hash=False)
    """`request`, `decision`, `rationale`, and `original_request`, `authorized` when
    present.

    Example: `{"request": [3086, 3128], "decision": [3130, 3136], "rationale": [3340,
    4175]}`
    """
    extras: Mapping[str, Any] = attrs.field(factory=dict, hash=False)
    """Values added by item-scope extractor plugins, keyed by the extractor's name.

    Example: `{}`
    """

    @property
    def medically_necessary(self) -> bool:
        """Derived: `false` when upheld, `true` when overturned.

        Example: `false`
        """
        return self.decision.medically_necessary


@attrs.frozen
class Warning:
    """Something the parser noticed but could live with (codes: docs/robustness.md)."""

    code: str
    """A short, stable code (see [Warning codes](contract.md#warning-codes)).

    Example: `"missing-rationale"`
    """
    message: str
    """What happened, for people; wording may change.

    Example: `"item 'MRI of the lumbar spine without contrast' has no rationale
    (expected a \\"Decision rationale:\\" line)"`
    """
    span: Span | None = None
    """Where in the parsed text (an empty span `[n, n]` marks a position).

    Example: `[2021, 2021]`
    """


@attrs.frozen
class Determination:
    """One letter: the whole final determination."""

    layout: str
    """Name of the layout that recognised the letter: `"standard"` (the letters from
    late 2013 on) or `"notice-2013"` (the first letters, July to about November
    2013), or one a plugin adds; see [layouts.md](layouts.md).

    Example: `"standard"`
    """
    reviewer: Reviewer = attrs.field(factory=Reviewer)
    """The expert reviewer's credentials."""
    summary: Summary = attrs.field(factory=Summary)
    """The clinical case summary."""
    items: tuple[Item, ...] = ()
    """The disputed items/services, in letter order."""
    case: Case | None = None
    """The header block of a published letter; `null` when the letter has none (the
    letter bodies in `tests/fixtures/letters/` start at the first heading).
    """
    source: str | None = None
    """The letter's file name (`parse_file`), `"<stdin>"` on the command line, what you
    passed as `source=` to `imrparse.parse`, else null.

    Example: `"CM16-0213037.pdf"`
    """
    warnings: tuple[Warning, ...] = ()
    """What the parser noticed but could live with (see [Warning
    codes](contract.md#warning-codes)); in strict mode only those that are never
    errors: the doubts (readings the parser is not sure of) and a few others.

    Example: `[]`
    """
    extras: Mapping[str, Any] = attrs.field(factory=dict, hash=False)
    """Values added by extractor plugins, keyed by the extractor's name; `{}` with the
    built-in plugins.

    Example: `{}`
    """
    schema_version: str = SCHEMA_VERSION
    """Version of this contract.

    Example: `"1"`
    """

    @property
    def overall_decision(self) -> OverallDecision | None:
        """Derived from the items: `"upheld"` (every item upheld), `"overturned"` (every
        item overturned), `"partially overturned"` (a mix); `null` only for a letter
        without items.

        Example: `"upheld"`
        """
        return OverallDecision.from_decisions([item.decision for item in self.items])
