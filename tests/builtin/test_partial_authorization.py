"""Partly authorised items: every wording of the preamble, invented for these tests.

A preamble names the original request, what the claims administrator authorised (or
denied), and how much is left for the IMR, in sentences whose order and wording vary;
the headline then names the request decided. Each phrasing below is a template over
{O} (original), {A} (authorised), {R} (remaining) and is tried with two sets of values,
in three capitalisations, and after the transformations PDF tools apply (rewraps, one
line, page breaks with furniture), in a letter where a plain item stands before and after.
"""

from __future__ import annotations

import re

import pytest

import imrparse
from imrparse.models import Determination, Item

from ..letters import ItemSpec, LetterSpec, make_letter
from ..mangle import mangle

VALUES = [
    {"O": "Norco 10/325mg #90", "A": "Norco 10/325mg #60", "R": "Norco 10/325mg #30"},
    # Values with commas, parentheses and a number word, as therapy requests have.
    {"O": "Chiropractic care, cervical and lumbar spine, 2 times a week for 6 weeks (12 sessions)",
     "A": "Chiropractic care, cervical and lumbar spine, six sessions",
     "R": "Chiropractic care, cervical and lumbar spine, 6 sessions"},
]

# (template, request, original, authorized): which value each field must hold.
PHRASINGS = [
    # The usual order and words.
    ("{O} was the original request. {A} was authorized by the Claims Administrator. The remaining "
     "IMR eligible portion of the original request, {R} is", "R", "O", "A"),
    # The whole original request left to the IMR ("The original request, X is").
    ("{O} was the original request. {A} was authorized by the Claims Administrator for weaning "
     "purposes, leaving the original request IMR eligible. The original request, {O} is", "O", "O", "A"),
    ("{O} was the original request. The Claims Administrator modified the request to {A}, leaving "
     "the original request IMR eligible. The original request, {O} is", "O", "O", "A"),
    ("The original request, {O} is", "O", "O", None),
    # Sentence order varied; the head says "is X" instead of ", X is".
    ("The Claims Administrator authorized {A}. {O} was the original request. The remaining IMR "
     "eligible portion of the original request is {R}", "R", "O", "A"),
    ("{A} was approved by Utilization Review. {O} was the original request. {R} was non-certified. "
     "The remaining IMR eligible portion of the original request, {R}", "R", "O", "A"),
    # The original named after its verb; "the request was modified to".
    ("The original request was for {O}. The request was modified to {A}. The remaining portion "
     "of the original request, {R} is", "R", "O", "A"),
    ("The request for {O} was modified by Utilization Review to {A}. The remaining IMR eligible "
     "portion, {R} is", "R", "O", "A"),
    ("{O} was originally requested. {A} was partially certified by the claims administrator, "
     "with the remaining portion IMR eligible. The remaining portion of the original request, "
     "{R} is", "R", "O", "A"),
    # Clauses joined by semicolons, or by commas in one sentence.
    ("{O} was the original request; {A} was authorized by the Claims Administrator; the remaining "
     "IMR eligible portion of the original request, {R}", "R", "O", "A"),
    ("{O} was the original request, {A} was certified by the Claims Administrator, the remaining "
     "IMR eligible portion of the original request, {R} is", "R", "O", "A"),
    # Nothing authorised: only a denial named.
    ("{O} was the original request. {R} was non-certified by the Claims Administrator. The "
     "remaining IMR eligible portion of the original request, {R} is", "R", "O", None),
    ("{O} was the original request. The UR physician certified {A}. The remaining IMR eligible "
     "portion of the original request, {R} is", "R", "O", "A"),
    # A plain request after the preamble.
    ("{O} was the original request. {A} was authorized by the Claims Administrator. {R}", "R", "O", "A"),
    # Clauses joined by "and", "of which".
    ("{O} was the original request and {A} was authorized by the Claims Administrator. The "
     "remaining IMR eligible portion of the original request, {R} is", "R", "O", "A"),
    ("{O} was the original request, of which {A} was certified by the Claims Administrator. The "
     "portion of the original request that remains IMR eligible, {R} is", "R", "O", "A"),
    # "this request", "modified from X to Y", "partially certified the request, authorizing Y".
    ("{O} was the original request. The Claims Administrator modified this request to {A}. The "
     "remaining portion of the original request, {R} is", "R", "O", "A"),
    ("Utilization review modified the request from {O} to {A}. The remaining IMR eligible portion "
     "of the original request, {R} is", "R", "O", "A"),
    ("{O} was requested. The Claims Administrator partially certified the request, authorizing "
     "{A}. The remaining IMR eligible portion of the original request, {R} is", "R", "O", "A"),
    ("{O} was the original request. The Claims Administrator authorized {A} for weaning purposes, "
     "leaving the original request IMR eligible. The original request, {O} is", "O", "O", "A"),
    # No "original request" or "IMR eligible" anywhere: "X was requested", "leaving ... remaining".
    ("{O} was requested. {A} was authorized, leaving the rest remaining. {R}", "R", "O", "A"),
]

CASES = ["as written", "upper", "lower"]


def _recase(template: str, case: str) -> str:
    """The template's own words in another case; the {X} slots stay."""
    parts = re.split(r"(\{[OAR]\})", template)
    change = str.upper if case == "upper" else str.lower if case == "lower" else str
    return "".join(p if re.fullmatch(r"\{[OAR]\}", p) else change(p) for p in parts)


def _letter(template: str, values: dict[str, str], case: str = "as written") -> str:
    head = _recase(template, case).format(**values)
    items = [ItemSpec(request="MRI of the left knee"), ItemSpec(preamble="", request=head),
             ItemSpec(request="X-ray of the right hip", decision="Overturned")]
    return make_letter(LetterSpec(items=items))


def _fold(text: str) -> str:
    return " ".join(text.split())


def _check(det: Determination, text: str, values: dict[str, str], expect: tuple[str, str, str | None]) -> Item:
    request, original, authorized = expect
    assert [i.request for i in (det.items[0], det.items[2])] == ["MRI of the left knee", "X-ray of the right hip"]
    # The item before ends where the preamble begins: its rationale keeps only its own words.
    assert det.items[0].rationale == ItemSpec().rationale
    item = det.items[1]
    assert _fold(item.request).lower() == values[request].lower()
    assert _fold(item.original_request or "").lower() == values[original].lower()
    assert _fold(item.authorized or "").lower() == (values[authorized].lower() if authorized else "")
    # Every part is traceable to its words in the letter.
    for key in ("request", "original_request", "authorized"):
        if key in item.spans:
            span = item.spans[key]
            assert _fold(re.sub(r"\n\f?Page \d+ of \d+\n|\f", " ", text[span.start:span.end])) \
                .lower() == _fold(getattr(item, key)).lower()
    assert "unparsed-partial-authorization" not in {w.code for w in det.warnings}
    return item


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("values", VALUES, ids=["drug", "therapy"])
@pytest.mark.parametrize(("template", "decided", "original", "authorized"), PHRASINGS)
def test_preamble_wordings(template: str, decided: str, original: str, authorized: str | None,
                           values: dict[str, str], case: str) -> None:
    text = _letter(template, values, case)
    _check(imrparse.parse(text), text, values, (decided, original, authorized))


@pytest.mark.parametrize("transformation", ["rewrap_paragraphs", "rewrap_letter", "one_line",
                                            "pages_rewrapped", "all_at_once", "all_at_once_block"])
@pytest.mark.parametrize(("template", "decided", "original", "authorized"), PHRASINGS)
def test_preamble_survives_wraps_and_page_breaks(template: str, decided: str, original: str,
                                                 authorized: str | None, transformation: str) -> None:
    values = VALUES[1]
    text = mangle(transformation, _letter(template, values), seed=template)
    _check(imrparse.parse(text), text, values, (decided, original, authorized))


def test_preamble_with_a_page_break_and_blank_lines_inside() -> None:
    values = VALUES[0]
    template = PHRASINGS[0][0].replace("authorized by the", "authorized by the\n\fPage 2 of 3\n")
    text = _letter(template.replace("The remaining", "The\n\n\nremaining"), values)
    _check(imrparse.parse(text), text, values, ("R", "O", "A"))


def test_preamble_of_the_first_item() -> None:
    values = VALUES[1]
    head = PHRASINGS[1][0].format(**values)
    text = make_letter(LetterSpec(items=[ItemSpec(request=head), ItemSpec(request="MRI of the left knee")]))
    det = imrparse.parse(text)
    assert (det.items[0].request, det.items[0].original_request, det.items[0].authorized) == (
        values["O"], values["O"], values["A"])
    assert not det.warnings


@pytest.mark.parametrize("ending", [
    # The previous rationale restates a partial request in its last sentence.
    "Therefore, the remaining IMR eligible portion of the original request, Norco #30, is not "
    "medically necessary.",
    # ... or ends without its period, on a line of its own.
    "The request is not medically necessary",
    # ... or with a sentence about an earlier authorisation.
    "Six sessions were authorized by the Claims Administrator last year. The request is not supported.",
])
def test_previous_rationale_keeps_its_last_sentence(ending: str) -> None:
    values = VALUES[0]
    items = [ItemSpec(request="MRI of the left knee", rationale=ending),
             ItemSpec(request=PHRASINGS[0][0].format(**values))]
    det = imrparse.parse(make_letter(LetterSpec(items=items)))
    assert det.items[0].rationale == ending
    assert (det.items[1].request, det.items[1].original_request, det.items[1].authorized) == (
        values["R"], values["O"], values["A"])


def test_a_rationale_ending_on_an_authorisation_is_no_preamble() -> None:
    # Without "original request" or an eligible portion, "... was authorized." is the
    # previous rationale's last sentence, not the next item's preamble.
    ending = "The request is not supported. Six visits were authorized by the Claims Administrator."
    items = [ItemSpec(rationale=ending), ItemSpec(request="X-ray of the right hip")]
    det = imrparse.parse(make_letter(LetterSpec(items=items)))
    assert det.items[0].rationale == ending
    assert det.items[1].request == "X-ray of the right hip" and det.items[1].original_request is None


@pytest.mark.parametrize("plain", [
    "Chiropractic care for the low back; six sessions",
    "Follow-up visit with Dr. Smith in 4 weeks",
])
def test_a_plain_request_with_punctuation_is_not_a_preamble(plain: str) -> None:
    det = imrparse.parse(make_letter(LetterSpec(items=[ItemSpec(request=plain)])))
    assert det.items[0].request == plain and det.items[0].original_request is None
    assert not det.warnings


@pytest.mark.parametrize(("template", "decided"), [
    # A sentence of the preamble in words no rule knows: kept in the headline, and said.
    ("{O} was the original request. A peer-to-peer call took place with the provider. The "
     "remaining IMR eligible portion of the original request, {R} is", "R"),
    # A preamble clause where the request should stand.
    ("{O} was the original request. {A} was authorized by the Claims Administrator, leaving the "
     "original request IMR eligible", "O"),
])
def test_a_preamble_not_understood_always_warns(template: str, decided: str) -> None:
    values = VALUES[0]
    text = _letter(template, values)
    for strict in (True, False):
        det = imrparse.parse(text, strict=strict)
        warnings = [w for w in det.warnings if w.code == "unparsed-partial-authorization"]
        assert len(warnings) == 1 and warnings[0].span is not None
        assert det.items[1].request == values[decided]
        assert det.items[1].original_request == values["O"]
        # The whole preamble stays in the headline, out of the previous rationale.
        assert det.items[0].rationale == ItemSpec().rationale
