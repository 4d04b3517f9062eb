"""The standard layout's grammar and segmenter, case by case (synthetic letters)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import imrparse
from imrparse.layout.grammar import build_parser, first_characters, grammar_text
from imrparse.builtin.layouts.standard import GRAMMAR, _segmenter
from imrparse.models import Decision

from .. import corpus
from ..letters import ItemSpec, LetterSpec, make_letter
from ..mangle import mangle


def test_grammar_is_lalr_without_conflicts_or_collisions() -> None:
    # strict=True makes Lark reject shift/reduce conflicts and colliding terminals.
    parser = build_parser(GRAMMAR, strict=True, cache=False)
    assert parser.options.parser == "lalr"
    assert parser.options.lexer == "contextual"


def test_grammar_ships_as_package_data() -> None:
    assert "start:" in grammar_text(GRAMMAR)


def test_markers_start_with_a_known_capital() -> None:
    # The segmenter's prefilter relies on every marker starting with a fixed character.
    assert _segmenter().scanner.prefiltered


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"(?i:abc)|D", "aAD"),
    (r"(?:IMR\s+)?Case\s+No\.?", "IC"),
    (r"(?P<A>State)(?i:\s*:)|(?P<B>[0-9]{1,3}\s*[.)])", "S0123456789"),
    (r"\(\s*[0-9]", "("),
    (r"(?=Q)A|(?<!x)B\b", "AB"),  # look-arounds consume nothing
    (r"(?i:k)s", "kK\u212a"),  # re's IGNORECASE folds the Kelvin sign to "k"
    (r"e{0,2}f", "ef"),
    (r"x*", None),  # may match nothing
    (r"a|", None),
    (r"\d+", None),  # any Unicode digit
    (r"\s*A", None),
    (r"[^a]", None),
    (r".", None),
    (r"[ -~]", None),  # too wide to help
    (r"(?i:é)", None),  # a non-ASCII letter's case folds: unknown
    (r"(?x) a", None),  # verbose: not read
])
def test_first_characters(pattern: str, expected: str | None) -> None:
    assert first_characters(pattern) == (None if expected is None else frozenset(expected))


ATOMS = [r"a", r"B", r"(?i:ab)", r"(?-i:X)", r"[0-9]", r"\(", r"\s", r"x*", r"y?", r"z+",
         r"(?:a|b)", r"(?=Q)", r"(?!R)", r"\b", r"^", r"\.", r"(?P<n>k)", r"e{2}", r"f{0,2}",
         r"(?i:[a-c])", r"(?i:k)", r"\n", r"[A-F]"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(ATOMS), min_size=1, max_size=4),
       st.lists(st.sampled_from(ATOMS), max_size=3))
def test_first_characters_holds_every_start(left: list[str], right: list[str]) -> None:
    """Every character a match can start with is in the set (the prefilter loses nothing)."""
    pattern = "".join(left) + ("|" + "".join(right) if right else "")
    first = first_characters(pattern)
    try:
        rx = re.compile(pattern)
    except re.error:  # a group name twice
        return
    if first is None:
        return
    for ch in map(chr, range(0x2200)):
        m = rx.match(ch + "zz")
        assert m is None or m.end() == 0 or ch in first, (pattern, ch)


def test_every_terminal_is_described_for_error_messages() -> None:
    from imrparse.builtin.layouts.standard import _DESCRIBE, _parser

    parser = _parser()
    names = {t.name for t in parser.terminals if not t.name.startswith("_")} - set(parser.lexer_conf.ignore)
    assert names <= set(_DESCRIBE)


def test_stray_text_before_the_first_item_is_not_the_request() -> None:
    text = make_letter().replace("set forth below:\n", "set forth below:\nSee the attached list.\n")
    det = imrparse.parse(text)
    assert det.items[0].request == "MRI of the right knee"
    assert [w.code for w in det.warnings] == ["unexpected-text"]


def test_no_items_is_a_missing_section() -> None:
    text = make_letter()
    text = text[:text.index("MRI of the right knee: Upheld")]
    with pytest.raises(imrparse.errors.MissingSection) as exc:
        imrparse.parse(text)
    assert exc.value.expected is not None and exc.value.expected.startswith("a disputed item")
    assert [w.code for w in imrparse.parse(text, strict=False).warnings] == ["missing-items"]


def test_published_letter_header_with_split_labels() -> None:
    det = imrparse.parse(make_letter())
    assert det.case is not None
    assert det.case.case_number == "CM16-0000001"
    assert det.case.date_assigned == dt.date(2016, 11, 9)
    assert det.case.date_of_injury == dt.date(2016, 10, 13)
    assert det.case.decision_date == dt.date(2016, 12, 9)
    assert det.case.ur_denial_date == dt.date(2016, 11, 3)
    # "Application" and "Received:" on two lines, the value on a third.
    assert det.case.application_received == dt.date(2016, 11, 3)
    assert det.case.priority == "Standard"


# Other wordings of each header label (other years' templates, re-typed letters), each in
# place of the label the seeds use, in any case after its first letter.
HEADER_LABEL_ROWS = [
    ("Case Number:", "IMR Case No.", "case_number", "CM16-0000001"),
    ("Case Number:", "Case #:", "case_number", "CM16-0000001"),
    ("Case Number:", "CASE NUMBER:", "case_number", "CM16-0000001"),
    ("Date Assigned:", "Assignment Date:", "date_assigned", dt.date(2016, 11, 9)),
    ("Date Assigned:", "Date of Assignment:", "date_assigned", dt.date(2016, 11, 9)),
    ("Date of Injury:", "Injury Date:", "date_of_injury", dt.date(2016, 10, 13)),
    ("Date of Injury:", "DOI:", "date_of_injury", dt.date(2016, 10, 13)),
    ("Decision Date:", "Date of Determination:", "decision_date", dt.date(2016, 12, 9)),
    ("Decision Date:", "Determination Date:", "decision_date", dt.date(2016, 12, 9)),
    ("Decision Date:", "Date of Decision:", "decision_date", dt.date(2016, 12, 9)),
    ("UR Denial Date:", "Date of UR Decision:", "ur_denial_date", dt.date(2016, 11, 3)),
    ("UR Denial Date:", "UR Decision Date:", "ur_denial_date", dt.date(2016, 11, 3)),
    ("UR Denial Date:", "Date of the UR Denial:", "ur_denial_date", dt.date(2016, 11, 3)),
]


@pytest.mark.parametrize(("label", "other", "name", "value"), HEADER_LABEL_ROWS)
def test_header_labels_in_other_words(label: str, other: str, name: str, value: object) -> None:
    text = make_letter()
    assert label in text
    det = imrparse.parse(text.replace(label, other, 1), strict=True)
    assert det.case is not None
    assert getattr(det.case, name) == value
    assert getattr(imrparse.parse(text).case, name) == value


def _headlines_letter(*headlines: str) -> str:
    """A letter whose items have these headlines (the decision included)."""
    text = make_letter(LetterSpec(items=[ItemSpec(request=f"REQUEST{i}") for i in range(len(headlines))]))
    for i, headline in enumerate(headlines):
        text = text.replace(f"REQUEST{i}: Upheld", headline)
    return text


# Headlines in the statute's words and numbered lists: (headline, request, decision).
HEADLINE_ROWS = [
    ("1. MRI of the right knee is not medically necessary and appropriate.", "MRI of the right knee", "upheld"),
    ("Physical therapy 2x6 is medically necessary and appropriate.", "Physical therapy 2x6", "overturned"),
    ("2) Norco 10/325mg #120 is not medically necessary", "Norco 10/325mg #120", "upheld"),
    ("(3) Lumbar brace purchase was medically necessary", "Lumbar brace purchase", "overturned"),
    ("Two sessions of acupuncture are not medically\nnecessary and appropriate.", "Two sessions of acupuncture", "upheld"),
    ("1. MRI of the right knee: Upheld", "MRI of the right knee", "upheld"),
    ("12. Retrospective urine drug screen: Overturned", "Retrospective urine drug screen", "overturned"),
]


@pytest.mark.parametrize(("headline", "requested", "decision"), HEADLINE_ROWS)
def test_headlines_in_the_statutes_words_and_numbered(headline: str, requested: str, decision: str) -> None:
    text = _headlines_letter(headline)
    for strict in (True, False):
        det = imrparse.parse(text, strict=strict)
        assert [(i.request, i.decision.value) for i in det.items] == [(requested, decision)]
        assert [w.code for w in det.warnings if w.code != "unrecognized-service"] == []
        span = det.items[0].spans["request"]
        assert text[span.start:span.end] == requested


def test_numbered_items_of_both_forms_in_one_letter() -> None:
    det = imrparse.parse(_headlines_letter("1. Tramadol 50mg #60 is not medically necessary and appropriate.",
                                           "2. Six chiropractic visits is medically necessary and appropriate."))
    assert [(i.request, i.decision.value) for i in det.items] == [
        ("Tramadol 50mg #60", "upheld"), ("Six chiropractic visits", "overturned")]
    assert det.overall_decision is not None and det.warnings == ()


def _in_the_statutes_words(text: str) -> str:
    """``text`` with every item headline rewritten as a numbered one in the statute's words
    ("2. <request> is not medically necessary and appropriate.")."""
    det = imrparse.parse(text, plugins=corpus.plugins())
    for number, item in reversed(list(enumerate(det.items, 1))):
        start, end = item.spans["request"].start, item.spans["decision"].end
        words = "is not" if item.decision is Decision.UPHELD else "is"
        text = f"{text[:start]}{number}. {item.request} {words} medically necessary and appropriate.{text[end:]}"
    return text


@pytest.mark.parametrize("transformation", [None, "rewrap_letter", "one_line", "blank_lines_removed",
                                            "page_furniture", "all_at_once"])
@pytest.mark.parametrize("name", corpus.seed_names())
def test_seed_letters_in_the_statutes_words_keep_their_items(name: str, transformation: str | None) -> None:
    """Every seed, its headlines in the other form (its rationales end in the same words),
    parses to the same items and warnings, also after the transformations that join lines."""
    text = corpus.seed_text(name)
    before = imrparse.parse(text, plugins=corpus.plugins())
    rewritten = _in_the_statutes_words(text)
    if transformation is not None:
        rewritten = mangle(transformation, rewritten, seed=name)
    after = imrparse.parse(rewritten, strict=True, plugins=corpus.plugins())
    assert [(i.request, i.decision) for i in after.items] == [(i.request, i.decision) for i in before.items]
    assert [w.code for w in after.warnings] == [w.code for w in before.warnings]


def test_a_rationale_that_ends_in_the_statutes_words_is_no_headline() -> None:
    """The seed items' rationales end "The request is not medically necessary."; before the
    next headline and at the end of the letter, that is rationale."""
    det = imrparse.parse(make_letter(LetterSpec(items=[ItemSpec(), ItemSpec(request="CT of the knee")])),
                         strict=True)
    assert [i.request for i in det.items] == ["MRI of the right knee", "CT of the knee"]
    assert all(i.rationale.endswith("The request is not medically necessary.") for i in det.items)


def test_header_spans_point_at_their_values() -> None:
    text = make_letter()
    det = imrparse.parse(text)
    assert det.case is not None
    for name in ("case_number", "date_assigned", "application_received", "priority"):
        span = det.case.spans[name]
        assert text[span.start:span.end].strip(), name
    assert text[det.case.spans["case_number"].start:det.case.spans["case_number"].end] == "CM16-0000001"


def test_body_only_letter_has_no_case() -> None:
    det = imrparse.parse(make_letter(LetterSpec(header=False)))
    assert det.case is None
    assert len(det.items) == 1


@pytest.mark.parametrize("style", ["credentials", "board"])
def test_both_reviewer_styles(style: str) -> None:
    det = imrparse.parse(make_letter(LetterSpec(reviewer_style=style)))
    if style == "credentials":
        assert det.reviewer.licensed_in == ("California", "Nevada")
        # The value wraps onto the next line.
        assert det.reviewer.specialties == ("Preventive Medicine", "Occupational Medicine")
    else:
        assert det.reviewer.specialties == ("Orthopaedic Surgery",)
        assert det.reviewer.board_certified is True
        assert det.reviewer.licensed_in == ("California",)


def test_summary_is_reflowed_without_intro() -> None:
    det = imrparse.parse(make_letter())
    assert det.summary.text.startswith("The injured worker is a 41 year old female")
    assert "\n" not in det.summary.text
    assert det.summary.patient.age == 41


@pytest.mark.parametrize("count", [1, 2, 7, 23])
def test_one_to_twenty_odd_items(count: int) -> None:
    items = [ItemSpec(request=f"Physical therapy visit number {i}",
                      decision="Overturned" if i % 3 == 0 else "Upheld") for i in range(count)]
    det = imrparse.parse(make_letter(LetterSpec(items=items)))
    assert [i.request for i in det.items] == [s.request for s in items]
    assert [i.decision.value for i in det.items] == [s.decision.lower() for s in items]


@pytest.mark.parametrize("next_line", [False, True])
def test_decision_on_same_or_next_line(next_line: bool) -> None:
    items = [ItemSpec(request="Norco 10/325mg #120", decision="Overturned", decision_on_next_line=next_line),
             ItemSpec(request="Lidoderm 5% patch #30", decision_on_next_line=next_line)]
    det = imrparse.parse(make_letter(LetterSpec(items=items)))
    assert [(i.request, i.decision) for i in det.items] == [
        ("Norco 10/325mg #120", Decision.OVERTURNED), ("Lidoderm 5% patch #30", Decision.UPHELD)]
    assert det.overall_decision is not None and det.overall_decision.value == "partially overturned"


@pytest.mark.parametrize(
    ("preamble", "headline_request", "original", "authorized"),
    [
        ("Physical therapy 2 times a week for 6 weeks was the original request. Physical therapy "
         "for 6 sessions was authorized by the Claims Administrator. The remaining IMR eligible "
         "portion of the original request, ", "physical therapy for 6 sessions is",
         "Physical therapy 2 times a week for 6 weeks", "Physical therapy for 6 sessions"),
        # Wrapped over several lines, with the authorization sentence on its own line.
        ("Home health aide 8 hours per day was the original\nrequest. Home health aide 4 hours per "
         "day was authorized\nby the Claims Administrator. The remaining IMR eligible portion of the\n"
         "original request, ", "Home health aide 4 hours per day is",
         "Home health aide 8 hours per day", "Home health aide 4 hours per day"),
        ("Norco 10/325mg #90 was the original request. The Claims Administrator authorized Norco "
         "10/325mg #60. The remaining IMR eligible portion of the original request, ",
         "Norco 10/325mg #30 is", "Norco 10/325mg #90", "Norco 10/325mg #60"),
    ],
)
def test_partial_authorization_preamble(preamble: str, headline_request: str, original: str,
                                        authorized: str) -> None:
    items = [ItemSpec(request="MRI of the left knee"),
             ItemSpec(preamble=preamble, request=headline_request)]
    det = imrparse.parse(make_letter(LetterSpec(items=items)))
    second = det.items[1]
    assert second.request == headline_request.removesuffix(" is")
    assert second.original_request == original
    assert second.authorized == authorized
    assert det.items[0].request == "MRI of the left knee"


@pytest.mark.parametrize(("ca", "rv", "rat", "decision"), [
    ("Claims Administrator guideline:", "MAXIMUS guideline:", "Decision rationale:", "Upheld"),
    ("Claims Administrator Guideline:", "Maximus Guideline:", "Decision Rationale:", "UPHELD"),
    ("CLAIMS ADMINISTRATOR GUIDELINE:", "MAXIMUS GUIDELINE:", "DECISION RATIONALE:", "Upheld."),
])
def test_label_spellings(ca: str, rv: str, rat: str, decision: str) -> None:
    text = (make_letter().replace("Claims Administrator guideline:", ca).replace("MAXIMUS guideline:", rv)
            .replace("Decision rationale:", rat).replace(": Upheld", ": " + decision))
    det = imrparse.parse(text)
    item = det.items[0]
    assert (item.request, item.decision) == ("MRI of the right knee", Decision.UPHELD)
    assert item.reviewer_guideline.citations and item.rationale.endswith("not medically necessary.")


def test_label_words_inside_prose_stay_text() -> None:
    text = make_letter().replace("None are documented here.",
                                 "The decision rationale: none are documented here.")
    det = imrparse.parse(text)
    assert "decision rationale: none" in det.items[0].rationale


def test_three_labelled_lines() -> None:
    det = imrparse.parse(make_letter())
    item = det.items[0]
    assert item.claims_administrator_guideline.text == "Decision based on MTUS Knee Complaints 2004."
    assert item.reviewer_guideline.text.startswith("Decision based on MTUS Knee Complaints 2004, Section(s)")
    assert item.rationale.endswith("The request is not medically necessary.")


@pytest.mark.parametrize("furniture", ["", "Page 2 of 3\n", "Case Number: CM16-0000001\nPage 2 of 3\n",
                                       "Final Determination Letter for IMR Case Number CM16-0000001\n"])
def test_page_break_inside_an_item(furniture: str) -> None:
    spec = LetterSpec(items=[ItemSpec(page_break_in_rationale=True), ItemSpec(request="X-ray of the hip")],
                      furniture=furniture)
    det = imrparse.parse(make_letter(spec))
    assert [i.request for i in det.items] == ["MRI of the right knee", "X-ray of the hip"]
    rationale = det.items[0].rationale
    assert "Page" not in rationale and "CM16" not in rationale
    assert rationale == ItemSpec().rationale


def test_headline_glued_to_previous_rationale() -> None:
    # PDF page joins leave "...necessary.Next request: Upheld" on one line.
    text = make_letter(LetterSpec(items=[ItemSpec(), ItemSpec(request="CT scan of the thoracic spine")]))
    text = text.replace("not medically necessary.\nCT scan", "not medically necessary.CT scan")
    det = imrparse.parse(text)
    assert [i.request for i in det.items] == ["MRI of the right knee", "CT scan of the thoracic spine"]


def test_everything_on_one_line() -> None:
    # Rewrapping may put every marker mid-line: the segmenter finds them anyway.
    text = " ".join(make_letter(LetterSpec(items=[ItemSpec(), ItemSpec(request="Acupuncture x6")])).split())
    det = imrparse.parse(text)
    assert det.case is not None and det.case.case_number == "CM16-0000001"
    assert [i.request for i in det.items] == ["MRI of the right knee", "Acupuncture x6"]
    assert det.summary.patient.age == 41
    assert det.reviewer.licensed_in == ("California", "Nevada")


def test_item_span_covers_the_item() -> None:
    text = make_letter(LetterSpec(items=[ItemSpec(), ItemSpec(request="X-ray of the hip")]))
    det = imrparse.parse(text)
    first, second = det.items
    assert first.span is not None and second.span is not None
    assert text[first.span.start:].startswith("MRI of the right knee: Upheld")
    assert text[first.span.start:first.span.end].rstrip().endswith("not medically necessary.")
    assert text[second.span.start:].startswith("X-ray of the hip")
    assert text[first.spans["request"].start:first.spans["request"].end] == "MRI of the right knee"
