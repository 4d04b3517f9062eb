"""The "notice-2013" layout: the first IMR letters (July to about November 2013).

The letters in ``tests/fixtures/letters_2013`` are synthetic (invented patients, requests
and case numbers) in the published shape described in docs/layouts.md:

* ``2013_01``: one item, upheld; "1)" numbering; a summary quoted from the UR behind a
  "Disclaimer:" (whose date is the summary's UR date);
* ``2013_02``: three items, mixed decisions; "1." numbering; the reviewer, summary and
  documents before the decision section; a PDF page break (footer, form feed, running
  header) inside an item's rationale;
* ``2013_03``: two items, overturned; no numbering; the whole letter on one line;
* ``2013_04``: "(1)" numbering; "Section of the Medical Treatment Utilization Schedule
  (MTUS) Applied:" labels that do not say whose they are; a decision "medically
  necessary and appropriate in part" (overturned, with a ``partial-decision`` warning);
  no "Date of UR Decision:" in the header (it comes from the decision section); a priority.

Each parses to its ``.gold.json`` (the shared gold format, :mod:`tests.goldmatch`), keeps
its gold, warnings and spans under every transformation of :mod:`tests.mangle`, and is
recognised as this layout, while the later letters (the seeds, the real letters) are not.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import random
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import imrparse
from imrparse import errors
from imrparse.layout.grammar import build_parser, grammar_text
from imrparse.text.normalize import normalize
from imrparse.builtin.layouts import notice_2013 as layout_2013
from imrparse.builtin.layouts import standard as layout_standard
from imrparse.models import Decision, Determination, Span

from .. import corpus, goldmatch
from ..mangle import (
    FURNITURE_LINE_RE,
    TRANSFORMATIONS,
    furniture_spans,
    mangle,
    without_furniture,
)
from ..scaling import assert_linear
from ..test_errors import check_error
from ..test_fuzz import FUZZ, parse_both
from ..test_transformations import fold, spans_of

FIXTURES = corpus.NOTICE_DIR
NAMES = corpus.notice_names()
ONE, THREE, ONE_LINE, PARTIAL = NAMES  # the four letters, by their role


def text_of(name: str) -> str:
    return (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")


def gold_of(name: str) -> Any:
    return json.loads((FIXTURES / f"{name}.gold.json").read_text(encoding="utf-8"))


def parse(text: str, strict: bool = True, **kw: Any) -> Determination:
    """The layout's reading (the field readers' doubts are tested in tests/test_doubts.py)."""
    return corpus.layout_warnings(
        imrparse.parse(text, strict=strict, plugins=corpus.plugins(), source="letter.txt", **kw))


def codes(det: Determination) -> list[str]:
    """The warnings, but the unverified-layout one every letter of this layout carries."""
    assert [w.code for w in det.warnings].count("unverified-layout") == 1
    return [w.code for w in det.warnings if w.code != "unverified-layout"]


def edit(text: str, old: str, new: str, count: int = 1) -> str:
    """``text`` with ``old`` replaced (it must be there)."""
    assert old in text, old
    return text.replace(old, new, count)


def edit_last(text: str, old: str, new: str) -> str:
    """``text`` with the last ``old`` replaced."""
    head, found, tail = text.rpartition(old)
    assert found, old
    return head + new + tail


# -- golden files --------------------------------------------------------------------------


def test_there_are_fixtures_with_gold() -> None:
    assert len(NAMES) >= 4
    assert all((FIXTURES / f"{n}.gold.json").is_file() for n in NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_fixture_matches_gold(name: str) -> None:
    det = corpus.layout_warnings(imrparse.parse_file(FIXTURES / f"{name}.txt", plugins=corpus.plugins()))
    goldmatch.assert_gold(gold_of(name), imrparse.to_dict(det), name)


@pytest.mark.parametrize("name", NAMES)
def test_fixture_round_trips_through_the_converter(name: str) -> None:
    det = parse(text_of(name))
    assert imrparse.from_dict(json.loads(json.dumps(imrparse.to_dict(det)))) == det


# -- the grammar -----------------------------------------------------------------------------


def test_grammar_is_lalr_without_conflicts_or_collisions() -> None:
    parser = build_parser(layout_2013.GRAMMAR, strict=True, cache=False)
    assert parser.options.parser == "lalr"
    assert parser.options.lexer == "contextual"


def test_grammar_ships_as_package_data() -> None:
    assert "start:" in grammar_text(layout_2013.GRAMMAR)


def test_marker_scan_has_a_first_character_prefilter() -> None:
    scanner = layout_2013._scanner()
    assert scanner.prefiltered
    # Every marker terminal of the grammar is scanned for, and nothing else.
    assert "PARA" not in scanner.patterns and {"ITEM_HEAD", "DECISION_LINE", "RATIONALE"} <= set(scanner.patterns)


def test_contextual_lexer_keeps_each_context_apart() -> None:
    """A header label inside the summary or a rationale is text, not the header's field."""
    text = edit(text_of(ONE), "The provider requested", "MAXIMUS Case Number: CM13-9999999. Date of Injury: "
                "1/2/2003. The provider requested")
    text = edit(text, "The criteria for", "Dated: 1/1/2012. IMR Case Number: CM13-8888888. The criteria for")
    det = parse(text)
    assert det.case is not None and det.case.case_number == "CM13-0004417"
    assert "Date of Injury: 1/2/2003" in det.summary.text
    assert "IMR Case Number: CM13-8888888" in det.items[0].rationale
    assert not codes(det)


def test_regarding_the_request_in_a_rationale_is_text() -> None:
    sentence = ("Regarding the request for a functional restoration program, the guidelines say: "
                "Rationale for the decision must follow the criteria. ")
    text = edit(text_of(ONE), "The criteria for", sentence + "The criteria for")
    det = parse(text)
    assert len(det.items) == 1
    assert sentence.strip() in det.items[0].rationale


# -- choosing the layout ----------------------------------------------------------------------


def _scores(text: str) -> tuple[float, float]:
    normalized = normalize(text).text
    return layout_standard.recognize(normalized), layout_2013.recognize(normalized)


@pytest.mark.parametrize("name", NAMES)
def test_2013_letters_choose_this_layout(name: str) -> None:
    standard, notice = _scores(text_of(name))
    assert (standard, notice) == (0.0, 1.0)
    assert parse(text_of(name)).layout == "notice-2013"


@pytest.mark.parametrize("name", corpus.seed_names())
def test_later_letters_choose_the_standard_layout(name: str) -> None:
    standard, notice = _scores(corpus.seed_text(name))
    assert notice == 0.0 and standard == 1.0
    assert parse(corpus.seed_text(name)).layout == "standard"


@pytest.mark.parametrize("heading", ["HOW THE IMR FINAL DETERMINATION WAS MADE", "CLINICAL CASE SUMMARY",
                                     "IMR ISSUES, DECISIONS AND RATIONALES"])
def test_a_damaged_later_letter_still_chooses_the_standard_layout(heading: str) -> None:
    text = corpus.seed_text("002_cbf28cedfb10dc80").replace(heading, "")
    standard, notice = _scores(text)
    assert notice == 0.0 < standard
    assert parse(text, strict=False).layout == "standard"


@pytest.mark.shared
@pytest.mark.skipif(not corpus.real_pdfs(), reason="the real letters are not there")
def test_real_letters_choose_the_standard_layout() -> None:
    for pdf in corpus.real_pdfs():
        text = imrparse.read_file(pdf, plugins=corpus.plugins())
        standard, notice = _scores(text)
        assert notice == 0.0 and standard == 1.0, pdf.name


def test_the_layout_can_be_forced() -> None:
    with pytest.raises(errors.MissingSection):
        parse(corpus.seed_text("000_0fbd6ac09ab502b6"), layout="notice-2013")
    det = parse(corpus.seed_text("000_0fbd6ac09ab502b6"), strict=False, layout="notice-2013")
    assert det.layout == "notice-2013" and "missing-items" in codes(det)


# -- robustness: what PDF tools and office software do to the text ----------------------------


@functools.lru_cache(maxsize=None)
def _input(name: str, transformation: str | None) -> str:
    """The letter, transformed. A transformation starts from the letter without its own page
    furniture (it adds its own): rewrapping would make the furniture of ``2013_02`` words of
    its rationale, and typographic dashes would hide it from the span checks."""
    text = text_of(name)
    if transformation is None:
        return text
    without = re.sub("\0\n?|\f", "", FURNITURE_LINE_RE.sub("\0", text))
    return mangle(transformation, without, seed=name)


@functools.lru_cache(maxsize=None)
def _parsed(name: str, transformation: str | None) -> Determination:
    return imrparse.parse(_input(name, transformation), plugins=corpus.plugins())


# Known failures of other parts, with the reason (strict: fixing them fails these marks).
_KNOWN: dict[tuple[str, str], str] = {}


def _cases() -> list[Any]:
    return [pytest.param(n, t, id=f"{n}-{t}",
                         marks=[pytest.mark.xfail(strict=True, reason=_KNOWN[(n, t)])] if (n, t) in _KNOWN else [])
            for n in NAMES for t in TRANSFORMATIONS]


@pytest.mark.parametrize(("name", "transformation"), _cases())
def test_transformed_letter_keeps_gold_and_warnings(name: str, transformation: str) -> None:
    gold = gold_of(name)
    before = {c.path for c in goldmatch.checks(gold, imrparse.to_dict(_parsed(name, None))) if not c.ok}
    after = [c for c in goldmatch.checks(gold, imrparse.to_dict(_parsed(name, transformation)))
             if not c.ok and c.path not in before]
    assert not after, "\n".join(f"{c.path}: {c.why}" for c in after)
    assert Counter(codes(_parsed(name, transformation))) == Counter(codes(_parsed(name, None)))


# The letter's own header ends where the cover letter starts; furniture stands after it.
_HEADER_END_RE = re.compile(r"\bDear\b|Final\s+Determination\s*:")
# Values the letter holds word for word: their span must contain them.
_VERBATIM = re.compile(r"spans\[(?:request|rationale|case_number)\]$|\.span$")


def _at_span(text: str, span: Span) -> str:
    """``text`` at ``span`` without the furniture that tests/mangle.py puts in after the
    letter's header (these letters' header ends where the cover letter starts)."""
    header = _HEADER_END_RE.search(text)
    return without_furniture(text, span.start, span.end, furniture_spans(text, header.start() if header else 0))


def _check_spans(det: Determination, text: str, label: str) -> dict[str, str]:
    """Every span in bounds and every verbatim value at its span; the folded text at each span."""
    slices: dict[str, str] = {}
    problems: list[str] = []
    for path, span, value in spans_of(det):
        if not 0 <= span.start <= span.end <= len(text):
            problems.append(f"{path}: {span} outside the input")
            continue
        slices[path] = at = fold(_at_span(text, span))
        if isinstance(value, str) and value.strip() and _VERBATIM.search(path) and fold(value) not in at:
            problems.append(f"{path}: {value[:60]!r} is not at its span, which reads {at[:80]!r}")
        elif isinstance(value, dt.date) and not at:
            problems.append(f"{path}: empty span for {value}")
    assert not problems, f"{label}:\n  " + "\n  ".join(problems)
    return slices


@pytest.mark.parametrize("transformation", [None, *TRANSFORMATIONS])
@pytest.mark.parametrize("name", NAMES)
def test_spans_point_at_their_values(name: str, transformation: str | None) -> None:
    label = f"{name} {transformation or 'untransformed'}"
    slices = _check_spans(_parsed(name, transformation), _input(name, transformation), label)
    if transformation is not None:
        before = _check_spans(_parsed(name, None), _input(name, None), name)
        moved = [path for path, at in slices.items() if path in before and before[path] != at]
        assert not moved, f"{label}: spans moved: {moved}"


def test_spans_of_the_2013_fields() -> None:
    text = text_of(ONE)
    det = parse(text)
    assert det.case is not None
    at = {name: span.slice(text) for name, span in det.case.spans.items()}
    assert at == {"decision_date": "9/26/2013", "ur_denial_date": "8/30/2013", "date_of_injury": "8/28/2001",
                  "application_received": "9/6/2013", "case_number": "CM13-0004417", "date_assigned": "9/23/2013"}
    item = det.items[0]
    assert item.spans["request"].slice(text) == "28 day functional restoration program"  # from the headline
    assert item.spans["decision"].slice(text) == "not medically necessary and appropriate"
    assert det.summary.spans["ur_decision_date"].slice(text) == "August 30, 2013"
    assert det.summary.span is not None and det.summary.span.slice(text).startswith("The patient is a 44")


# -- the letter's variants --------------------------------------------------------------------


@pytest.mark.parametrize("number", ["1) ", "1. ", "(1) ", "1.", ""])
def test_numbering_styles(number: str) -> None:
    text = text_of(ONE).replace("1) MAXIMUS", number + "MAXIMUS").replace("1) Regarding", number + "Regarding")
    det = parse(text)
    assert [(i.request, i.decision) for i in det.items] == [("28 day functional restoration program", Decision.UPHELD)]
    assert not codes(det)


def test_the_requested_x_in_the_decision_list() -> None:
    text = edit(text_of(ONE), "has determined the request for a 28 day", "has determined that the requested 28 day")
    det = parse(text)
    assert det.items[0].decision is Decision.UPHELD and not codes(det)


def _sections(text: str) -> tuple[str, list[str]]:
    """The letter up to its first detailed item, and each item's section."""
    starts = [m.start() for m in re.finditer(r"^\S*\s*Regarding the request", text, re.MULTILINE)]
    return text[:starts[0]], [text[a:b] for a, b in zip(starts, starts[1:] + [len(text)])]


def test_items_are_paired_by_number_whatever_their_order() -> None:
    head, items = _sections(text_of(THREE))
    det = parse(head + items[2] + "\n" + items[0] + "\n" + items[1])
    assert [(i.request, i.decision.value) for i in det.items] == [
        ("MRI of the lumbar spine without contrast", "upheld"), ("Norco 10/325mg #120", "overturned"),
        ("physical therapy 2 times a week for 6 weeks for the right shoulder", "upheld")]
    assert all(i.rationale.endswith(f"{i.request} is {'' if i.medically_necessary else 'not '}medically necessary "
                                    "and appropriate.") for i in det.items)


def test_unnumbered_items_are_paired_by_their_requests() -> None:
    text = re.sub(r"^(\d)\. (?=MAXIMUS|Regarding)", "", text_of(THREE), flags=re.MULTILINE)
    # The second decision line is lost: the others still find their sections.
    text = edit(text, "MAXIMUS Federal Services, Inc. has determined the request for Norco 10/325mg #120 is\n"
                "   medically necessary and appropriate.\n", "")
    with pytest.raises(errors.MalformedItem, match="Norco"):
        parse(text)
    det = parse(text, strict=False)
    assert codes(det) == ["missing-decision"]
    assert [(i.request, i.decision.value) for i in det.items] == [
        ("MRI of the lumbar spine without contrast", "upheld"),
        ("Norco 10/325mg #120", "overturned"),  # from the rationale's last sentence
        ("physical therapy 2 times a week for 6 weeks for the right shoulder", "upheld")]


def test_a_decision_without_its_section() -> None:
    head, items = _sections(text_of(THREE))
    text = head + items[0] + "\n" + items[2]
    for strict in (True, False):  # no public letter shows the item sections: a warning only
        det = parse(text, strict=strict)
        assert codes(det) == ["missing-item-detail"] and "Norco" in det.warnings[1].message
        norco = det.items[1]
        assert (norco.request, norco.decision, norco.rationale) == ("Norco 10/325mg #120", Decision.OVERTURNED, "")


def test_without_the_decision_list_the_rationales_decide() -> None:
    text = re.sub(r"^\d\. MAXIMUS Federal Services.*?appropriate\.\n", "", text_of(THREE),
                  flags=re.MULTILINE | re.DOTALL)
    assert "has determined" not in text
    error = check_error(_raises(text), errors.MissingSection, expected="MAXIMUS Federal Services", located=True)
    assert "decision list" in error.message
    det = parse(text, strict=False)
    assert codes(det) == ["missing-decisions"]
    assert [i.decision.value for i in det.items] == ["upheld", "overturned", "upheld"]


def test_without_a_decision_anywhere_the_final_determination_decides() -> None:
    text = edit(text_of(ONE), "1) MAXIMUS Federal Services, Inc. has determined the request for a 28 day functional\n"
                "   restoration program is not medically necessary and appropriate.", "")
    text = edit(text, "The request for a 28 day functional\nrestoration program is not medically necessary and "
                "appropriate.", "The program is therefore not supported.")
    det = parse(text, strict=False)
    assert codes(det) == ["missing-decisions"]
    assert det.items[0].decision is Decision.UPHELD
    span = det.items[0].spans["decision"]
    assert span.slice(text) == "UPHOLD"


def test_a_heading_lost_keeps_the_decisions() -> None:
    text = edit(text_of(ONE), "INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE\n", "")
    check_error(_raises(text), errors.MissingSection, expected="INDEPENDENT MEDICAL REVIEW DECISION", located=True)
    det = parse(text, strict=False)
    assert codes(det) == ["missing-decisions"]
    assert det.items[0].decision is Decision.UPHELD and det.items[0].spans["decision"].slice(text).startswith("not")
    assert det.case is not None and det.case.date_assigned is None  # its paragraph went with the heading


def test_the_rationale_contradicting_the_decision_list_is_a_warning() -> None:
    text = edit_last(text_of(ONE), "restoration program is not medically necessary and appropriate.\n",
                     "restoration program is medically necessary and appropriate.\n")
    det = parse(text)  # a warning in strict mode too
    assert codes(det) == ["conflicting-decisions"]
    assert det.items[0].decision is Decision.UPHELD


def test_the_final_determination_contradicting_the_items_is_a_warning() -> None:
    det = parse(edit(text_of(ONE), "Final Determination: UPHOLD.", "Final Determination: OVERTURN."))
    assert codes(det) == ["conflicting-decisions"]
    assert det.overall_decision is not None and det.overall_decision.value == "upheld"


@pytest.mark.parametrize("phrase", ["medically necessary and appropriate in part", "partially medically necessary",
                                    "medically necessary and appropriate as modified"])
def test_necessary_in_part_is_overturned_with_a_warning(phrase: str) -> None:
    text = text_of(ONE).replace("not medically necessary and appropriate.", phrase + ".")
    text = edit(text, "Final Determination: UPHOLD.", "Final Determination: OVERTURN IN PART.")
    det = parse(text)
    assert det.items[0].decision is Decision.OVERTURNED
    assert codes(det) == ["partial-decision"]


def test_the_summary_without_its_heading_or_disclaimer() -> None:
    original = parse(text_of(ONE)).summary
    no_heading = parse(edit(text_of(ONE), "Expert Reviewer Case Summary:\n", "")).summary
    assert (no_heading.text, no_heading.ur_decision_date) == (original.text, original.ur_decision_date)
    text = edit(text_of(ONE), "Disclaimer: The following case summary was taken directly from the utilization review\n"
                "denial/modification dated August 30, 2013:\n", "")
    plain = parse(text).summary
    assert plain.text == '"' + original.text + '"'  # quotes kept: no disclaimer says it is quoted
    assert plain.ur_decision_date is None


def test_the_summary_reader_date_wins_over_the_disclaimer() -> None:
    text = edit(text_of(ONE), "The provider requested", "A utilization review dated 8/29/2013 denied the request. "
                "The provider requested")
    summary = parse(text).summary
    assert summary.ur_decision_date is not None and summary.ur_decision_date.isoformat() == "2013-08-29"


@pytest.mark.parametrize(("second", "warned"), [("IMR Case Number: CM13-0004417\n", False),
                                                ("IMR Case Number: CM13-0004418\n", True)])
def test_two_case_number_labels(second: str, warned: bool) -> None:
    det = parse(edit(text_of(ONE), "\n\n\nDear", "\n" + second + "\n\nDear"))
    assert det.case is not None and det.case.case_number == "CM13-0004417"
    assert codes(det) == (["duplicate-header-field"] if warned else [])


def test_an_intro_date_that_disagrees_with_the_header_is_a_warning() -> None:
    det = parse(edit(text_of(ONE), "was filed on 9/6/2013", "was filed on 9/5/2013"))
    assert det.case is not None and det.case.application_received is not None
    assert det.case.application_received.isoformat() == "2013-09-06"
    assert codes(det) == ["duplicate-header-field"]


def test_an_invalid_header_value() -> None:
    text = edit(text_of(ONE), "8/28/2001\nIMR", "13/45/2001\nIMR")
    error = check_error(_raises(text), errors.InvalidValue, expected="a date", located=True, text=text)
    assert error.context is not None
    excerpt, caret = error.context.split("\n")
    assert excerpt[len(caret) - 1:].startswith("13/45/2001")  # the caret under the value
    det = parse(text, strict=False)
    assert codes(det) == ["invalid-header-value"]
    assert det.case is not None and det.case.date_of_injury is None


def test_a_header_without_values_gives_no_case() -> None:
    text = re.sub(r"(?m)^(Dated|Date of UR Decision|Date of Injury|IMR Application Received|MAXIMUS Case Number):.*\n",
                  "", text_of(ONE))
    text = edit(text, "An application for Independent Medical Review was filed on 9/6/2013 disputing the\n"
                "Utilization Review Denial dated 8/30/2013. A Notice of Assignment and Request for\n"
                "Information was provided to the above parties on 9/23/2013. ", "")
    det = parse(text)
    assert det.case is None and len(det.items) == 1


# -- errors: strict raises, lenient warns, nothing is lost without a word -----------------------


def _raises(text: str) -> errors.ImrParseError:
    with pytest.raises(errors.ImrParseError) as info:
        parse(text)
    return info.value


@pytest.mark.parametrize(("remove", "kind", "code", "expected"), [
    ("Medical Qualifications of the Expert Reviewer:\n", errors.MissingSection, "missing-reviewer",
     "Medical Qualifications"),
    ("Case Summary:\n", errors.MissingSection, "missing-summary", "Case Summary"),
])
def test_a_missing_part(remove: str, kind: type[errors.ImrParseError], code: str, expected: str) -> None:
    text = edit(text_of(THREE), remove, "")
    # (Not text=text: the letter has a form feed, a line break to str.splitlines only.)
    check_error(_raises(text), kind, expected=re.escape(expected), located=True)
    det = parse(text, strict=False)
    assert code in codes(det)
    assert len(det.items) == 3


@pytest.mark.parametrize(("remove", "code", "expected"), [
    ("Rationale for the Decision:\n", "missing-rationale", "Rationale for the Decision"),
    ("Medical Treatment Guideline(s) Used by the Expert Reviewer:\n", "missing-reviewer-guideline",
     "Used by the Expert Reviewer"),
])
def test_a_missing_unconfirmed_label_is_a_warning_in_both_modes(remove: str, code: str, expected: str) -> None:
    """No public letter shows the item sections' labels: lacking one never fails a letter."""
    text = edit(text_of(THREE), remove, "")
    for strict in (True, False):
        det = parse(text, strict=strict)
        assert code in codes(det) and len(det.items) == 3
        assert expected in next(w.message for w in det.warnings if w.code == code)


def test_a_label_outside_any_item() -> None:
    text = edit(text_of(ONE), "1) Regarding the request for a 28 day functional restoration program:\n", "")
    for strict in (True, False):
        det = parse(text, strict=strict)
        assert codes(det) == ["unexpected-text", "missing-item-detail"]
        assert "outside any item" in det.warnings[1].message
        assert det.items[0].decision is Decision.UPHELD


def test_a_lost_headline_between_items() -> None:
    text = edit(text_of(THREE), "2. Regarding the request for Norco 10/325mg #120:\n", "")
    for strict in (True, False):
        det = parse(text, strict=strict)
        assert "duplicate-item-part" in codes(det) and "missing-item-detail" in codes(det)
        assert [i.request for i in det.items][1] == "Norco 10/325mg #120"


def test_no_items_at_all() -> None:
    text = text_of(ONE)
    text = text[:text.index("1) MAXIMUS")] + text[text.index("Medical Qualifications"):text.index("1) Regarding")]
    check_error(_raises(text), errors.MissingSection, expected="Regarding the request for", located=True)
    det = parse(text, strict=False)
    assert codes(det) == ["missing-items"] and det.items == ()


# The lines whose labels the public quotes show, and those no public letter shows.
_CONFIRMED_RE = re.compile(
    r"INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE|Medical Qualifications of the Expert Reviewer|^Case Summary:"
    r"|has determined the request", re.MULTILINE)
_UNCONFIRMED_RE = re.compile(
    r"Regarding the request for|Medical Treatment Guideline\(s\) Used by|Section of the Medical Treatment"
    r"|Rationale for the Decision:", re.MULTILINE)


@pytest.mark.parametrize("name", [ONE, THREE, PARTIAL])
def test_every_labelled_line_lost_is_reported(name: str) -> None:
    """Deleting any heading, label, decision or headline line is reported: strict mode
    raises for a part the public quotes show and warns for one they do not; lenient mode
    warns (no section or item is lost without a word)."""
    lines = text_of(name).splitlines(keepends=True)
    deleted = Counter[str]()
    for i, line in enumerate(lines):
        confirmed = bool(_CONFIRMED_RE.search(line))
        if not confirmed and not _UNCONFIRMED_RE.search(line):
            continue
        text = "".join(lines[:i] + lines[i + 1:])
        det = parse(text, strict=False)
        assert set(codes(det)) - {"partial-decision"}, f"{name}: no warning after deleting {line!r}"
        if confirmed:
            with pytest.raises((errors.MissingSection, errors.MalformedItem)):
                parse(text)
        else:
            assert set(codes(parse(text))) - {"partial-decision"} <= layout_2013.UNVERIFIED_CODES
        deleted["confirmed" if confirmed else "unconfirmed"] += 1
    assert deleted["confirmed"] >= 3 and deleted["unconfirmed"] >= 4


# -- what the layout rests on -----------------------------------------------------------------

# A letter in the shape of the public quotes, and only that: the cover with "Dated:" and
# the decision list, the decision section repeating it, the qualifications and a summary
# quoted behind its disclaimer. No header labels, no item sections. (Invented content;
# "notmedically" glued as text extraction leaves it.)
PUBLIC_SHAPE = """\
MAXIMUS FEDERAL SERVICES, INC.
Notice of Independent Medical Review Determination
Dated: 10/04/2013

1) MAXIMUS Federal Services, Inc. has determined the request for twelve sessions of
aquatic therapy is notmedically necessary and appropriate.
2) MAXIMUS Federal Services, Inc. has determined the request for a lumbar support brace
is medically necessary and appropriate.

INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE
An application for Independent Medical Review was filed on 9/12/2013 disputing the
Utilization Review Denial dated 9/03/2013. A Notice of Assignment and Request for
Information was provided to the above parties on 9/27/2013. A decision has been made
for each of the treatment and/or services that were in dispute:
1) MAXIMUS Federal Services, Inc. has determined the request for twelve sessions of
aquatic therapy is notmedically necessary and appropriate.
2) MAXIMUS Federal Services, Inc. has determined the request for a lumbar support brace
is medically necessary and appropriate.
Medical Qualifications of the Expert Reviewer:
The independent Medical Doctor who made the decision has no affiliation with the
employer, employee, providers or the claims administrator. The physician reviewer is
Board Certified in Physical Medicine and Rehabilitation and is licensed to practice in
California.
Case Summary:
Disclaimer: The following case summary was taken directly from the utilization review
denial/modification dated September 3, 2013.
"The patient is a 51 year-old male with a date of injury of 2/14/2011. He reports low
back pain after lifting a pallet."
"""


@pytest.mark.parametrize("name", NAMES)
def test_every_letter_says_the_layout_is_unverified(name: str) -> None:
    for strict in (True, False):
        det = parse(text_of(name), strict=strict)
        assert det.warnings[0].code == "unverified-layout" and det.warnings[0].span is None
        assert "partial public quotes" in det.warnings[0].message


def test_the_description_says_what_the_layout_rests_on() -> None:
    description = corpus.plugins().layouts["notice-2013"].description
    assert "UNVERIFIED" in description and "public quotes" in description


def test_a_letter_with_only_what_the_public_quotes_show_parses_strictly() -> None:
    det = parse(PUBLIC_SHAPE)
    assert det.layout == "notice-2013"
    assert [(i.request, i.decision) for i in det.items] == [
        ("twelve sessions of aquatic therapy", Decision.UPHELD), ("lumbar support brace", Decision.OVERTURNED)]
    assert codes(det) == ["missing-item-detail", "missing-item-detail"]
    case = det.case
    assert case is not None and case.case_number is None
    assert (str(case.decision_date), str(case.application_received), str(case.ur_denial_date),
            str(case.date_assigned)) == ("2013-10-04", "2013-09-12", "2013-09-03", "2013-09-27")
    assert det.reviewer.specialties == ("Physical Medicine and Rehabilitation",)
    assert det.summary.patient.age == 51 and str(det.summary.ur_decision_date) == "2013-09-03"
    assert det.summary.text.startswith("The patient is a 51") and "Disclaimer" not in det.summary.text
    # The decision is the section's line (not the cover's copy), its span on "notmedically ...".
    decision = det.items[0].spans["decision"]
    assert decision.start > PUBLIC_SHAPE.index("INDEPENDENT MEDICAL REVIEW DECISION")
    assert decision.slice(PUBLIC_SHAPE).startswith("notmedically necessary")


def test_the_cover_list_disagreeing_with_the_decision_section_is_a_warning() -> None:
    first = "aquatic therapy is notmedically necessary and appropriate."
    text = edit(PUBLIC_SHAPE, first, "aquatic therapy is medically necessary and appropriate.")  # the cover's copy
    det = parse(text)
    assert det.items[0].decision is Decision.UPHELD  # the decision section's line is kept
    assert codes(det) == ["conflicting-decisions", "missing-item-detail", "missing-item-detail"]


def test_a_cover_list_item_the_section_lacks_is_kept() -> None:
    text = edit_last(PUBLIC_SHAPE, "2) MAXIMUS Federal Services, Inc. has determined the request for a lumbar "
                     "support brace\nis medically necessary and appropriate.\n", "")
    det = parse(text)
    assert [i.request for i in det.items] == ["twelve sessions of aquatic therapy", "lumbar support brace"]


# -- fuzzing ----------------------------------------------------------------------------------

_MARKERS_2013 = ["Notice of Independent Medical Review Determination", "Dated:", "MAXIMUS Case Number: CM13-0000001",
                 "Date of Injury: 13/45/2013", "Final Determination: UPHOLD",
                 "INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE",
                 "1) MAXIMUS Federal Services, Inc. has determined the request for",
                 "is not medically necessary and appropriate.", "Medical Qualifications of the Expert Reviewer:",
                 "Expert Reviewer Case Summary:", "Disclaimer: The following case summary",
                 "Documents Reviewed for Determination:", "2) Regarding the request for x:",
                 "Medical Treatment Guideline(s) Used by the Claims Administrator:",
                 "Section of the Medical Treatment Utilization Schedule (MTUS) Applied:",
                 "Rationale for the Decision:", "\f", "Page 2 of 4", "\x02", "\r"]


@FUZZ
@given(st.sampled_from(NAMES), st.lists(st.sampled_from(_MARKERS_2013), min_size=1, max_size=6),
       st.randoms(use_true_random=False))
def test_markers_in_the_wrong_places(name: str, markers: list[str], rng: random.Random) -> None:
    text = text_of(name)
    for marker in markers:
        k = rng.randrange(len(text) + 1)
        text = text[:k] + rng.choice(["", "\n", " "]) + marker + rng.choice(["", "\n", " "]) + text[k:]
    parse_both(text)


@FUZZ
@given(st.sampled_from(NAMES), st.data())
def test_mutated_letters(name: str, data: st.DataObject) -> None:
    lines = text_of(name).splitlines(keepends=True)
    for _ in range(data.draw(st.integers(1, 5))):
        i = data.draw(st.integers(0, len(lines) - 1))
        op = data.draw(st.sampled_from(["delete", "duplicate", "swap", "noise"]))
        if op == "delete" and len(lines) > 1:
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = data.draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        else:
            k = data.draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:k] + data.draw(st.text(max_size=20)) + lines[i][k:]
    text = "".join(lines)
    if data.draw(st.booleans()):
        text = text[:data.draw(st.integers(0, len(text)))]
    parse_both(text)


def test_time_is_linear_in_the_number_of_items() -> None:
    """A letter whose numbered item sections repeat (hundreds of items) parses in linear time."""
    head, items = _sections(text_of(THREE))
    body = "\n".join(items) + "\n"

    def make(size: int) -> str:
        return head + body * max(1, (size - len(head)) // len(body))

    text = make(40 * len(body))
    assert len(parse(text, strict=False).items) >= 40
    assert_linear(lambda t: parse(t, strict=False), make, small=40 * len(body), large=400 * len(body))


# -- the citation reader on 2013 guideline sentences (owned by _citations.py) --------------------


def test_gap_citation_with_part_of_the_mtus_clause() -> None:
    basis = parse(text_of(ONE)).items[0].claims_administrator_guideline
    citation = basis.citations[0]
    assert "part of" not in citation.text
    assert citation.topic in (None, "Chronic pain programs (functional restoration programs)")


def test_gap_not_part_of_the_mtus() -> None:
    basis = parse(text_of(PARTIAL)).items[1].claims_administrator_guideline
    assert basis.based_on_mtus is False


def test_gap_mtus_regulation_section() -> None:
    citation = parse(text_of(ONE_LINE)).items[0].reviewer_guideline.citations[0]
    assert citation.topic != "section"
