"""Doubts: each low-confidence reading gets its warning, in both modes, and no other does.

The checks are tested on Determinations built by hand (so that they hold whatever the
field readers learn to read) and through :func:`imrparse.parse` where the pipeline's
part matters (strict mode keeps the letter, spans point into the input).
"""

from __future__ import annotations

import datetime as dt
import re

import attrs
import pytest

import imrparse
from imrparse.doubts import CHECKS, doubts
from imrparse.models import (Basis, Case, Citation, Decision, Determination, Item, Patient, Service,
                             Span, Summary, Warning)

from .letters import ItemSpec, LetterSpec, make_letter


def _codes(det: Determination, text: str | None = None) -> list[str]:
    return [d.code for d in doubts(det, text)]


def _item(request: str = "MRI of the right knee", **service: object) -> Item:
    """An item whose service is read (imaging unless ``service`` says otherwise)."""
    fields: dict[str, object] = {"category": "imaging", **service}
    return Item(request=request, decision=Decision.UPHELD, service=Service(**fields),  # type: ignore[arg-type]
                spans={"request": Span(0, len(request))})


def _letter(*items: Item, summary: Summary | None = None, case: Case | None = None) -> Determination:
    return Determination(layout="standard", items=items, summary=summary or Summary(), case=case)


# -- dates ---------------------------------------------------------------------------------------

D = dt.date


@pytest.mark.parametrize(("case", "summary", "phrase"), [
    (Case(date_of_injury=D(2017, 10, 13), decision_date=D(2016, 12, 9)), Summary(),
     "case.date_of_injury after case.decision_date"),
    (Case(date_assigned=D(2016, 12, 10), decision_date=D(2016, 12, 9)), Summary(),
     "case.date_assigned after case.decision_date"),
    (Case(ur_denial_date=D(2017, 1, 1), decision_date=D(2016, 12, 9)), Summary(),
     "case.ur_denial_date after case.decision_date"),
    (Case(application_received=D(2017, 1, 1), decision_date=D(2016, 12, 9)), Summary(),
     "case.application_received after case.decision_date"),
    (Case(date_of_injury=D(2016, 11, 20), ur_denial_date=D(2016, 11, 3)), Summary(),
     "case.date_of_injury after case.ur_denial_date"),
    # A typo in the summary ("December 9, 3026") is as implausible as one in the header.
    (Case(decision_date=D(2016, 12, 9)), Summary(ur_decision_date=D(3026, 12, 9)),
     "summary.ur_decision_date after case.decision_date"),
    (Case(decision_date=D(2016, 12, 9)), Summary(patient=Patient(date_of_injury=D(2017, 2, 1))),
     "summary.patient.date_of_injury after case.decision_date"),
    (None, Summary(ur_decision_date=D(2015, 1, 5), patient=Patient(date_of_injury=D(2015, 3, 2))),
     "summary.patient.date_of_injury after summary.ur_decision_date"),
])
def test_implausible_dates(case: Case | None, summary: Summary, phrase: str) -> None:
    found = doubts(_letter(summary=summary, case=case))
    assert [(d.code, d.phrase) for d in found] == [("implausible-date", phrase)]


@pytest.mark.parametrize(("case", "summary"), [
    (Case(date_of_injury=D(2016, 10, 13), date_assigned=D(2016, 11, 9), decision_date=D(2016, 12, 9),
          ur_denial_date=D(2016, 11, 3), application_received=D(2016, 11, 3)),
     Summary(ur_decision_date=D(2016, 11, 3), patient=Patient(date_of_injury=D(2015, 3, 2)))),
    # The same day is no contradiction; a missing date is none either.
    (Case(date_of_injury=D(2016, 12, 9), decision_date=D(2016, 12, 9)), Summary()),
    (Case(date_of_injury=D(2017, 12, 9)), Summary()),
])
def test_plausible_dates(case: Case, summary: Summary) -> None:
    assert _codes(_letter(summary=summary, case=case)) == []


@pytest.mark.parametrize("strict", [True, False])
@pytest.mark.parametrize(("old", "new", "where"), [
    ("Date of Injury:  10/13/2016", "Date of Injury:  10/13/2017", "10/13/2017"),
    ("Date Assigned: 11/09/2016", "Date Assigned: 1/9/2017", "1/9/2017"),
    ("UR Denial Date:  11/03/2016", "UR Denial Date:  December 30, 2016", "December 30, 2016"),
])
def test_an_implausible_date_keeps_the_letter_in_both_modes(old: str, new: str, where: str, strict: bool) -> None:
    text = make_letter().replace(old, new)
    assert new in text
    det = imrparse.parse(text, strict=strict)
    warnings = [w for w in det.warnings if w.code == "implausible-date"]
    assert warnings and det.items and det.case is not None
    assert all(w.span is not None for w in warnings)
    assert where in {w.span.slice(text) for w in warnings if w.span is not None}


# -- items ---------------------------------------------------------------------------------------


def test_a_request_in_no_category() -> None:
    text = make_letter(LetterSpec(items=[ItemSpec(request="Frobnication of the widget")]))
    for strict in (True, False):
        det = imrparse.parse(text, strict=strict)
        warning = next(w for w in det.warnings if w.code == "unrecognized-service")
        assert warning.span is not None and warning.span.slice(text) == "Frobnication of the widget"
    assert _codes(_letter(_item(category="imaging"))) == []


@pytest.mark.parametrize(("service", "doubted"), [
    ({"category": "medication", "drug": "Norco", "generic": None}, True),
    ({"category": "medication", "drug": None, "generic": None}, True),  # a drug product not named
    ({"category": "medication", "drug": "Norco", "generic": "hydrocodone/acetaminophen"}, False),
    # a product the tables know by its kind: its class is known, its ingredients unsaid
    ({"category": "medication", "drug": "Compound cream", "generic": None,
      "drug_class": "topical analgesic"}, False),
    ({"category": "injection", "drug": "Depo-Medrol", "generic": None}, False),
    ({"category": "physical therapy"}, False),
])
def test_a_medication_without_its_generic(service: dict[str, object], doubted: bool) -> None:
    found = doubts(_letter(_item("Norco 10/325mg #120", **service)))
    assert [d.code for d in found] == (["drug-without-generic"] if doubted else [])
    if doubted:
        assert found[0].item == 0 and found[0].phrase == (service["drug"] or "Norco 10/325mg #120")


_ODG = Citation(text="ODG Knee chapter", guideline="ODG")


@pytest.mark.parametrize(("basis", "doubted"), [
    (Basis(text="Decision based on the Frobnitz Manual of Everything.", citations=()), True),
    (Basis(text="Decision based on something.", citations=(Citation(text="something"),)), True),
    (Basis(text="Decision based on ODG Knee chapter.", citations=(_ODG,)), False),
    (Basis(text="Decision based on ODG and a book.", citations=(Citation(text="a book"), _ODG)), False),
    # Says it cites nothing, or the line is missing: nothing was left unread.
    (Basis(text="The Claims Administrator did not cite any medical evidence for its decision.",
           cited_evidence=False), False),
    (Basis(), False),
])
def test_a_guideline_line_with_no_structured_citation(basis: Basis, doubted: bool) -> None:
    item = Item(request="MRI", decision=Decision.UPHELD, service=Service(category="imaging"),
                claims_administrator_guideline=basis,
                reviewer_guideline=Basis(text="Decision based on ODG.", citations=(_ODG,)))
    found = [d for d in doubts(_letter(item)) if d.code == "guideline-line-not-read"]
    assert len(found) == doubted
    if doubted:
        assert found[0].phrase == basis.text


_BOOK = Citation(text="The Frobnitz Manual of Everything", span=Span(40, 73))


@pytest.mark.parametrize(("citations", "doubted"), [
    ((_ODG, _BOOK), True),  # one read, one not: the line was read only in part
    ((_BOOK, _ODG), True),
    ((_ODG,), False),
    ((_ODG, Citation(text="Non-MTUS Citation")), False),  # a label, not a reference
    ((_BOOK,), False),  # nothing read at all: guideline-line-not-read says so
    ((Citation(text="Official Disability Guidelines (ODG)", guideline="ODG"),), False),  # named, no more
])
def test_a_citation_not_recognised(citations: tuple[Citation, ...], doubted: bool) -> None:
    basis = Basis(text="Decision based on ODG Knee chapter and a book.", citations=citations)
    item = Item(request="MRI", decision=Decision.UPHELD, service=Service(category="imaging"),
                claims_administrator_guideline=basis,
                reviewer_guideline=Basis(text="Decision based on ODG.", citations=(_ODG,)))
    found = [d for d in doubts(_letter(item)) if d.code == "unrecognized-citation"]
    assert [d.phrase for d in found] == (["The Frobnitz Manual of Everything"] if doubted else [])
    if doubted:
        assert found[0].item == 0 and found[0].span == Span(40, 73)


@pytest.mark.parametrize(("headline", "doubted"), [
    ("Norco #90 was the original request. Norco #60 was authorized by the Claims Administrator. "
     "The remaining IMR eligible portion, Norco #30", True),
    ("The remaining IMR eligible portion of the original request, Norco #30", True),
    ("Norco #30", False),
    ("Home health aide to assist the original caregiver", False),
])
def test_preamble_words_left_in_a_request(headline: str, doubted: bool) -> None:
    found = doubts(_letter(_item(headline)))
    assert [d.code for d in found] == (["unparsed-partial-authorization"] if doubted else [])


def test_a_partial_authorization_is_not_warned_twice() -> None:
    # The layout warned about this headline already (its span covers the request).
    request = "The remaining IMR eligible portion of the original request, Norco #30"
    layout_warning = Warning("unparsed-partial-authorization", "from the layout", Span(0, len(request) + 10))
    det = attrs.evolve(_letter(_item(request)), warnings=(layout_warning,))
    assert _codes(det) == []


# -- the summary ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("sentence", "doubted"), [
    ("The original utilization review 12-07-2016 non-certified the request.", True),
    ("The UR dated December 7, 2016 modified the request.", True),
    ("On 12/7/16 the request was non-certified by utilization review.", True),
    # A review named without a date: the letter gave none, nothing was missed.
    ("Utilization review non-certified the request.", False),
    # a review that does not say "utilization review" is one too
    ("The request was denied on 12-07-2016.", True),
    ("A non-certification letter of 12-07-2016 is on file.", True),
    ("The adverse determination was issued 12-07-2016.", True),
    ("Your injury occurred on 12-07-2016 during a tour.", False),  # "ur" inside words
    ("The patient denied numbness on 12-07-2016.", False),  # the patient, not a review
    ("Modified duty started on 12-07-2016.", False),
])
def test_a_utilization_review_date_not_read(sentence: str, doubted: bool) -> None:
    summary = Summary(text=f"The injured worker is a 41 year old female. {sentence} Treatment continues.")
    found = doubts(_letter(summary=summary))
    assert [d.code for d in found] == (["ur-date-not-read"] if doubted else [])
    if doubted:
        assert found[0].phrase == sentence
    read = Summary(text=summary.text, ur_decision_date=D(2016, 12, 7))
    assert _codes(_letter(summary=read)) == []


@pytest.mark.parametrize(("text", "doubted"), [
    ("The injured worker has diagnosis that include strain of muscle, fascia and tendon.", True),
    ("She was diagnosed with carpal tunnel syndrome in 2015.", True),
    ("He is being treated for lumbar radiculopathy.", True),
    ("Diagnostic studies included an MRI.", False),  # "diagnostic" is no diagnosis cue
    ("The injured worker reports low back pain.", False),
])
def test_diagnoses_not_read(text: str, doubted: bool) -> None:
    found = doubts(_letter(summary=Summary(text=text)))
    assert [d.code for d in found] == (["diagnoses-not-read"] if doubted else [])
    assert _codes(_letter(summary=Summary(text=text, diagnoses=("strain",)))) == []


def test_summary_doubts_point_at_their_words_in_the_input() -> None:
    # The parsed text has line breaks where the summary has spaces; the span still
    # points at the cue in it, and the second mention is the one with the date.
    text = ("CLINICAL CASE SUMMARY\nThe patient had utilization review. The original\nutilization "
            "review 12-07-2016 non-certified the\nrequest.\n")
    start = text.index("The patient")
    summary = Summary(text=" ".join(text[start:].split()), span=Span(start, len(text)))
    (doubt,) = doubts(_letter(summary=summary), text)
    assert doubt.span is not None
    assert re.sub(r"\s+", " ", doubt.span.slice(text)) == "utilization review"
    assert doubt.span.start > text.index("The original")
    # Without the text, the whole summary.
    (doubt,) = doubts(_letter(summary=summary))
    assert doubt.span == summary.span


# -- the header ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("case", "text", "doubted"), [
    (None, "Decision Date: 12/09/2016\nCASE NO. CM16-0213037\n", True),
    (Case(decision_date=D(2016, 12, 9)), "Case #: CM16-0213037", True),
    (Case(case_number="CM16-0213037"), "Case Number: CM16-0213037", False),
    (None, "a letter body that names no case", False),
    (None, "claim XCM16-02130371", False),  # not a case number: glued to other characters
])
def test_a_case_number_not_read(case: Case | None, text: str, doubted: bool) -> None:
    summary = Summary(text="...", span=Span(len(text), len(text) + 3))  # the body follows
    found = [d for d in doubts(_letter(case=case, summary=summary), text)
             if d.code == "case-number-not-read"]
    assert bool(found) == doubted
    if found:
        span = found[0].span
        assert span is not None and text[span.start:span.end] == "CM16-0213037"


def test_a_case_number_in_the_page_furniture_of_a_letter_body_is_not_doubted() -> None:
    text = make_letter(LetterSpec(header=False))
    k = text.index("Decision rationale:")
    text = text[:k] + "\nCase Number: CM16-0213037 Page 2 of 3\n" + text[k:]
    det = imrparse.parse(text)
    assert det.case is None and "case-number-not-read" not in [w.code for w in det.warnings]


def test_header_labels_in_capitals_are_read_and_not_doubted() -> None:
    text = make_letter(LetterSpec(header=True))
    shouted = re.sub(r"(?m)^(Case Number|Date Assigned|Decision Date|Priority)", lambda m: m.group(1).upper(), text)
    assert shouted != text
    det = imrparse.parse(shouted, strict=True)
    assert det.case is not None and det.case.case_number is not None
    assert "case-number-not-read" not in [w.code for w in det.warnings]


# -- the reviewer ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("written", "doubted"), [
    ("Orthopedic Surgery", False),
    ("Physical Medicine & Rehabilitation, Pain Management", False),
    ("Sports Medicinea", False),  # one slip from a known name
    ("Board Certified Orthopaedic Surgeon", True),  # a credential phrase, not a board name
    ("Xenomedicine", True),
])
def test_a_specialty_not_recognised(written: str, doubted: bool) -> None:
    text = make_letter().replace("Certification(s)/Specialty: Preventive Medicine, Occupational\nMedicine",
                                 f"Certification(s)/Specialty: {written}")
    det = imrparse.parse(text)
    found = [w for w in det.warnings if w.code == "unrecognized-specialty"]
    assert bool(found) == doubted, det.reviewer.canonical_specialties
    if found:
        span = found[0].span
        assert span is not None and text[span.start:span.end] == written


@pytest.mark.parametrize(("written", "read", "doubted"), [
    ("California, Nevada", ("California", "Nevada"), False),
    ("CA, NV", ("California", "Nevada"), False),
    ("Calif., N.Y.", ("California", "New York"), False),  # the traditional abbreviations
    ("Ind. and Ill.", ("Indiana", "Illinois"), False),
    ("Californa", ("Californa",), True),  # a misspelling, kept as written
    ("Germany", ("Germany",), True),
])
def test_a_state_of_licensure_not_recognised(written: str, read: tuple[str, ...], doubted: bool) -> None:
    text = make_letter().replace("State(s) of Licensure: California, Nevada", f"State(s) of Licensure: {written}")
    det = imrparse.parse(text)
    assert det.reviewer.licensed_in == read
    found = [w for w in det.warnings if w.code == "unrecognized-jurisdiction"]
    assert bool(found) == doubted
    if found:
        span = found[0].span
        assert span is not None and text[span.start:span.end] == written


# -- the table -----------------------------------------------------------------------------------


def test_every_check_has_a_distinct_code_and_is_documented() -> None:
    from .test_docs import DOCS

    codes = [c.code for c in CHECKS]
    assert len(set(codes)) == len(codes)
    contract = (DOCS / "contract.md").read_text(encoding="utf-8")
    robustness = (DOCS / "robustness.md").read_text(encoding="utf-8")
    for check in CHECKS:
        assert check.scope in ("letter", "item")
        assert f"| `{check.code}` |" in contract, check.code
        assert f"| `{check.code}` |" in robustness, check.code


def test_a_clean_letter_has_no_doubt() -> None:
    for strict in (True, False):
        assert imrparse.parse(make_letter(), strict=strict).warnings == ()
