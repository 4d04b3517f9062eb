"""The layout machinery shared by the grammar-driven layouts (``imrparse.layout.kit``).

Besides unit tests, the kit is checked against the standard layout's own segmenter: its
marker scan and its segmentation give the same results on every seed letter (and the
real letters when ../shared is there), so layout_standard can switch to the kit.
"""

from __future__ import annotations

import re

import lark
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import imrparse
from imrparse.layout.grammar import build_parser
from imrparse.layout.kit import (
    Builder,
    MarkerScanner,
    Node,
    ToNodes,
    grammar_error,
    last_sentence_end,
    list_number,
    marker_patterns,
    parse_tree,
    segment,
    subfield,
)
from imrparse.text.textmap import MappedText
from imrparse.builtin.layouts import notice_2013 as layout_notice_2013
from imrparse.builtin.layouts import standard as layout_standard
from imrparse.layout.context import ParseContext
from imrparse.errors import ImrParseError, MalformedItem, MissingSection

from .. import corpus

GRAMMAR = r"""
start: head? item*
head: HEAD _text?
item: ITEM _text? part*
part: LABEL _text?
_text: PARA | _text PARA
HEAD: /HEADING/
ITEM: /(?:[0-9]{1,2}[.)]\s*)?Item\s*:/
LABEL: /Label\s*:/
PARA.-1: /[^\n]+(?:\n[^\n]+)*/
%ignore /\n+/
"""


@pytest.fixture(scope="module")
def parser() -> lark.Lark:
    return lark.Lark(GRAMMAR, parser="lalr", lexer="contextual", transformer=ToNodes())


def _ctx(text: str, strict: bool = True) -> ParseContext:
    return ParseContext(imrparse.normalize(text), readers=corpus.plugins(), strict=strict, source="t.txt")


def test_marker_patterns_leave_out_content_and_ignored_terminals(parser: lark.Lark) -> None:
    assert set(marker_patterns(parser)) == {"HEAD", "ITEM", "LABEL"}
    assert set(marker_patterns(parser, content=("PARA", "LABEL"))) == {"HEAD", "ITEM"}


def test_scanner_prefilter_guard_share_and_cache(parser: lark.Lark) -> None:
    scanner = MarkerScanner(marker_patterns(parser), guard=r"(?:(?<![\w/.])|(?![0-9]))")
    text = "HEADING on 9/23/2013. Item: one Label: x 2) Item: two"
    found = scanner.markers(text)
    assert [(m.name, text[m.start:m.end]) for m in found] == [
        ("HEAD", "HEADING"), ("ITEM", "Item:"), ("LABEL", "Label:"), ("ITEM", "2) Item:")]
    assert scanner.markers(text) is found  # the same text is scanned once
    assert scanner.share(text, [{"HEAD"}, {"ITEM", "X"}, {"NOPE"}]) == pytest.approx(2 / 3)
    assert scanner.share(text, []) == 0.0
    # Without the guard, "13. " of the date opens a numbered marker.
    pattern = {"ITEM": r"(?:[0-9]{1,2}[.)]\s*)?Item\s*:"}
    assert MarkerScanner(pattern).markers("9/23/2013. Item:")[0].start == 7
    assert MarkerScanner(pattern, guard=r"(?:(?<![\w/.])|(?![0-9]))").markers("9/23/2013. Item:")[0].start == 11


def _union_markers(patterns: dict[str, str], guard: str, text: str) -> list[tuple[int, int, str]]:
    """What the scanner must find: the union of the patterns, tried at every position."""
    union = re.compile(guard + "(?:" + "|".join(f"(?P<{n}>{p})" for n, p in patterns.items()) + ")")
    return [(m.start(), m.end(), m.lastgroup or "") for m in union.finditer(text)]


_SCANNERS = {
    "standard": lambda: (layout_standard._segmenter().scanner, ""),
    "2013": lambda: (layout_notice_2013._scanner(), layout_notice_2013._GUARD),
}
# Pieces of markers and of the text around them, glued in any order: markers that
# overlap, start inside one another, or lack a word.
_PIECES = st.sampled_from([
    "IMR ", "Case ", "Number:", "No.", "Date ", "Assigned:", "of Injury:", "Decision ", "rationale:",
    "UR Denial Date:", "Priority:", "Application\n", "Received:", "HOW THE IMR FINAL DETERMINATION WAS MADE",
    "The Expert Reviewer has the following credentials:", "State(s) of Licensure:", "Certification(s)/Specialty:",
    "CLINICAL CASE SUMMARY", "IMR ISSUES, DECISIONS AND RATIONALES", "Claims Administrator guideline:",
    "MAXIMUS guideline:", "Maximus ", "Expert reviewer ", "guidelines:", "DOCUMENTS REVIEWED", "Notice of ",
    "Independent Medical Review Determination", "Dated:", "1) ", "2. ", "(3) ", "9/23/2013. ", "x", " ", "\n",
    "The ", "expert reviewer developed the following clinical case summary:", "MAXIMUS ",
])


@settings(max_examples=400, deadline=None)
@given(name=st.sampled_from(sorted(_SCANNERS)), pieces=st.lists(_PIECES, max_size=14))
def test_scanner_finds_what_the_union_of_patterns_finds(name: str, pieces: list[str]) -> None:
    scanner, guard = _SCANNERS[name]()
    text = "".join(pieces)
    assert [tuple(m) for m in MarkerScanner(scanner.patterns, guard=guard).markers(text)] == \
        _union_markers(scanner.patterns, guard, text)


def test_scanner_without_known_first_characters_scans_everywhere() -> None:
    scanner = MarkerScanner({"ANY": r"\w+:", "HEAD": "HEADING"})
    assert not scanner.prefiltered and layout_standard._segmenter().scanner.prefiltered
    text = "HEADING x: y HEADING"
    assert [tuple(m) for m in scanner.markers(text)] == _union_markers(scanner.patterns, "", text)


def test_segment_puts_each_cut_on_a_paragraph_of_its_own() -> None:
    text = MappedText.original("  first line\nsecond\n\n\nthird MARK glued\nline")
    cut = text.text.index("MARK")
    out = segment(text, [cut, text.text.index("glued")], one_line=[(text.text.index("third"), cut)])
    assert out.text == "first line\nsecond\nthird\n\nMARK\n\nglued\nline"
    # Offsets trace back to the input.
    start = out.text.index("MARK")
    assert out.to_source(start, start + 4) == (cut, cut + 4)
    glued = MappedText.original("ENDNext")
    assert segment(glued, [3]).text == "END\n\nNext"


def test_parse_tree_builds_nodes(parser: lark.Lark) -> None:
    text = "HEADING intro 1) Item: a request Label: one 2) Item: b Label: two more"
    ctx = _ctx(text)
    scanner = MarkerScanner(marker_patterns(parser))
    segmented = segment(ctx.mapped, [m.start for m in scanner.markers(ctx.text)])
    tree = parse_tree(parser, ctx, segmented, lambda exc: grammar_error(ctx, segmented, exc, describe={}))
    assert [n.kind for n in tree.parts] == ["head", "item", "item"]
    item = tree.parts[1]
    builder = Builder(ctx, segmented)
    assert builder.field(*item.content()).text == "a request"  # type: ignore[misc]
    assert builder.field(*item.body()).text == "a request Label: one"  # the letter's own line breaks
    assert [builder.field(*p.body()).text for p in item.find("part")] == ["one"]
    assert Node("x", None, [], []).content() is None


def test_grammar_errors_are_mapped_and_placed(parser: lark.Lark) -> None:
    text = "Label: before any item"
    ctx = _ctx(text)
    segmented = segment(ctx.mapped, [0])

    def describe(exc: lark.exceptions.UnexpectedInput) -> ImrParseError:
        return grammar_error(ctx, segmented, exc, describe={"LABEL": 'a "Label:"', "ITEM": 'an "Item:"'},
                             kinds=[(MissingSection, ("HEAD",)), (MalformedItem, ("ITEM",))])

    with pytest.raises(MissingSection) as info:
        parse_tree(parser, ctx, segmented, describe)
    assert info.value.message == 'unexpected a "Label:"'
    assert info.value.expected is not None and 'an "Item:"' in info.value.expected
    assert (info.value.line, info.value.column) == (1, 1)
    lenient = _ctx(text, strict=False)
    tree = parse_tree(parser, lenient, segment(lenient.mapped, [0]), describe)
    assert isinstance(tree, Node) and lenient.warnings
    assert {w.code for w in lenient.warnings} == {"unexpected-text"}


def test_headline_helpers() -> None:
    assert list_number("1) Regarding") == (1, 3)
    assert list_number("(12) x") == (12, 5)
    assert list_number("3. x") == (3, 3)
    assert list_number("Regarding") == (None, 0)
    assert list_number("2.5% lidocaine") == (None, 0)
    window = "Seen by Dr. Smith on 1/2/2013. He was fine. Norco 10 mg"
    assert window[last_sentence_end(window) or 0:] == "Norco 10 mg"
    assert last_sentence_end("no end here") is None


def test_subfield_traces_to_the_input() -> None:
    text = "header\nMRI of the\nleft knee: Upheld"
    ctx = _ctx(text)
    field = ctx.field(0, len(ctx.text))
    start = field.text.index("MRI")
    piece = subfield(field, start, field.text.index(":"))
    assert piece.text == "MRI of the left knee"
    span = piece.span()
    assert text[span.start:span.end] == "MRI of the\nleft knee"


# -- the kit reproduces the standard layout's segmenter ---------------------------------------


def _letters() -> list[str]:
    texts = [corpus.seed_text(n) for n in corpus.seed_names()]
    return texts + [corpus.real_text(n) for n in corpus.real_names()]


@pytest.mark.parametrize("index", range(len(_letters())))
def test_kit_matches_the_standard_segmenter(index: int) -> None:
    make = getattr(layout_standard, "_segmenter", None)
    standard = make() if make is not None else None
    if standard is None or not hasattr(standard, "_item_heads"):
        pytest.skip("layout_standard no longer has a segmenter of its own")
    text = imrparse.normalize(_letters()[index])
    patterns = marker_patterns(layout_standard._parser(), content=("PARA", "ITEM_HEAD"))
    scanner = MarkerScanner(patterns)
    markers = standard.markers(text.text)
    assert [tuple(m) for m in scanner.markers(text.text)] == markers
    heads, marked = standard._item_heads(text.text, markers)
    cuts = [m[0] for m in markers] + [h[0] for h in heads]
    assert segment(text, cuts, one_line=heads, marked=marked).text == standard.segment(text).text


def test_the_2013_grammar_builds_with_the_kit() -> None:
    parser = build_parser("imr_letter_2013.lark", transformer=ToNodes(), cache=False)
    assert {"ITEM_HEAD", "DECISION_LINE"} <= set(marker_patterns(parser))
