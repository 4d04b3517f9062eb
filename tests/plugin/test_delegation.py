"""Nested contexts and delegating to another layout (ParseContext.derive/.delegate), the
rules of MappedText.edit they rest on, and the coordinates of ParseContext.warn."""

from __future__ import annotations

import re
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import imrparse
from imrparse.errors import MissingSection, PluginError, UnrecognizedLayout
from imrparse.layout.context import ParseContext
from imrparse.models import Determination, Span
from imrparse.plugin.api import Layout
from imrparse.testing import SAMPLE_LETTER, plugin_manager
from imrparse.text.textmap import MappedText

from ..corpus import plugins as builtin
from .making import make_plugin

STAMP = re.compile(r"^RECEIVED BY FAX (\d\d/\d\d/\d{4})\n", re.MULTILINE)
STAMPED = SAMPLE_LETTER.replace("CLINICAL CASE SUMMARY", "RECEIVED BY FAX 02/10/2020\nCLINICAL CASE SUMMARY").replace(
    "is not medically\nnecessary.", "is not medically\nRECEIVED BY FAX 02/11/2020\nnecessary.")


def parse_faxed(ctx: ParseContext) -> Determination:
    stamps = list(STAMP.finditer(ctx.text))
    for m in stamps:
        ctx.warn("fax-stamp", f"a fax stamp of {m.group(1)} was left out", ctx.span(*m.span()))
    clean = ctx.derive(ctx.mapped.edit([(m.start(), m.end(), "") for m in stamps]))
    det = ctx.delegate("standard", clean)
    return attrs.evolve(det, layout="standard-faxed", extras={"fax": [m.group(1) for m in stamps]})


FAXED = make_plugin("faxed", imrparse_layouts=lambda: [Layout(
    name="standard-faxed", recognize=lambda text: 0.1 if STAMP.search(text) else 0.0,
    parse=parse_faxed, refines="standard")])


def test_a_variant_delegates_to_the_layout_it_refines() -> None:
    assert STAMPED.count("RECEIVED BY FAX") == 2
    with plugin_manager(FAXED) as plugins:
        det = imrparse.parse(STAMPED, plugins=plugins)
        plain = imrparse.parse(SAMPLE_LETTER, plugins=plugins)
    assert det.layout == "standard-faxed" and plain.layout == "standard"
    assert det.extras == {"fax": ["02/10/2020", "02/11/2020"]}
    assert "RECEIVED" not in det.items[0].rationale and det.items[0].rationale.endswith("is not medically necessary.")
    # Spans still point into the text handed to parse, stamps and all.
    for field in ("request", "rationale", "decision"):
        assert det.items[1].spans[field].slice(STAMPED) == plain.items[1].spans[field].slice(SAMPLE_LETTER)
    assert det.case is not None and det.case.spans["case_number"].slice(STAMPED) == "CM99-0000001"
    # The warnings reported on the outer context and by the delegate end up in the letter, once.
    assert [w.code for w in det.warnings] == ["fax-stamp", "fax-stamp"]
    assert [w.span.slice(STAMPED) for w in det.warnings if w.span] == [
        "RECEIVED BY FAX 02/10/2020\n", "RECEIVED BY FAX 02/11/2020\n"]


def test_a_derived_context_shares_warnings_and_options() -> None:
    ctx = ParseContext(imrparse.normalize("Some letter text\nsecond line"), readers=builtin(), strict=False,
                       source="x.txt")
    child = ctx.derive(ctx.mapped.slice(5, 16))
    assert child.text == "letter text" and child.source == "x.txt" and child.strict is False
    assert child.layouts is ctx.layouts is builtin() and child.readers is ctx.readers
    child.warn("odd", "odd", child.span(0, 6))
    assert [w.span for w in ctx.warnings] == [Span(5, 11)]
    assert ctx.derive(strict=True).strict is True and ctx.derive().text == ctx.text
    assert child.input_text == ctx.input_text


def test_a_derived_context_must_come_from_the_same_input() -> None:
    ctx = ParseContext(imrparse.normalize("Some letter"), readers=builtin())
    with pytest.raises(ValueError, match="made from this context's text"):
        ctx.derive(MappedText.original("Some letter"))
    # Made from the raw input (before normalising) is fine: spans still lead back.
    assert ctx.derive(ctx.mapped.root().edit([(0, 4, "Any")])).text == "Any letter"


def test_strict_errors_in_a_derived_context_point_into_the_input() -> None:
    letter = "XXXX\nabc def"
    ctx = ParseContext(imrparse.normalize(letter), readers=builtin())
    child = ctx.derive(ctx.mapped.edit([(0, 5, "")]))
    assert child.text == "abc def"
    start, end = child.span(4, 7).start, child.span(4, 7).end
    with pytest.raises(MissingSection) as info:
        child.problem(MissingSection("no def", text=child.input_text, pos=start), "missing-def")
    assert (info.value.line, info.value.column) == (2, 5) and letter[start:end] == "def"


def test_delegating_to_an_unknown_or_failing_layout() -> None:
    def delegate_to(name: str) -> Any:
        return lambda ctx: ctx.delegate(name)

    def crash(ctx: ParseContext) -> Determination:
        raise KeyError("inner")

    outer = make_plugin("outer", imrparse_layouts=lambda: [
        Layout("to-nowhere", lambda t: 0.0, delegate_to("nowhere")),
        Layout("to-crash", lambda t: 0.0, delegate_to("crash"))])
    inner = make_plugin("inner", imrparse_layouts=lambda: [Layout("crash", lambda t: 0.0, crash)])
    with plugin_manager(outer, inner) as plugins:
        with pytest.raises(UnrecognizedLayout, match="no layout named 'nowhere'"):
            imrparse.parse(SAMPLE_LETTER, plugins=plugins, layout="to-nowhere")
        with pytest.raises(PluginError) as info:
            imrparse.parse(SAMPLE_LETTER, plugins=plugins, layout="to-crash")
    # The delegate's plugin is blamed, not the layout that called it.
    assert (info.value.plugin, info.value.call) == ("inner", "Layout.parse")


def test_a_context_without_layouts_cannot_delegate() -> None:
    class Readers:
        def read_reviewer(self, text: str) -> None: return None
        def read_summary(self, text: str) -> None: return None
        def read_basis(self, text: str, side: str) -> None: return None
        def read_rationale_citations(self, text: str) -> None: return None
        def read_service(self, request: str) -> None: return None

    ctx = ParseContext(imrparse.normalize("text"), readers=Readers())
    assert ctx.layouts is None
    with pytest.raises(ValueError, match="without layouts"):
        ctx.delegate("standard")


# -- ParseContext.warn: spans are input coordinates ------------------------------------------


def test_warn_takes_input_spans_not_offsets_into_the_normalised_text() -> None:
    letter = "\u201cQuoted\u201d\r\n\r\nPage 2 of 3\r\nThe MRI request"
    ctx = ParseContext(imrparse.normalize(letter), readers=builtin())
    start = ctx.text.index("MRI")
    assert start != letter.index("MRI")  # the normaliser moved it
    ctx.warn("example", "the MRI", ctx.span(start, start + 3))
    assert ctx.warnings[0].span is not None and ctx.warnings[0].span.slice(letter) == "MRI"


# -- MappedText.edit ----------------------------------------------------------------------------


def test_edit_rules() -> None:
    root = MappedText.original("abcdefghij")
    # Offsets are this text's; order does not matter; insert (start == end), replace, delete.
    edited = root.edit([(8, 10, ""), (2, 2, ">>"), (4, 6, "X")])
    assert edited.text == "ab>>cdXgh" and edited.parent is root
    assert edited.to_source(0, 2) == (0, 2)                       # copied one to one
    assert edited.to_source(2, 4) == (2, 2)                       # inserted: an empty range at its place
    assert edited.to_source(6, 7) == (4, 6)                       # a replacement: the whole range it replaced
    assert edited.to_source(5, 8) == (3, 7)                       # a span across it covers it all
    assert edited.to_source(7, 9) == (6, 8)
    assert edited.to_source(9, 9) == (10, 10)                     # the end maps to the end
    with pytest.raises(ValueError, match="overlapping"):
        root.edit([(2, 5, "x"), (4, 6, "y")])
    with pytest.raises(ValueError, match="overlapping"):
        root.edit([(2, 5, "x"), (3, 3, "y")])                     # an insertion inside a replaced range
    assert root.edit([(3, 3, "1"), (3, 3, "2")]).text == "abc12defghij"  # same place: in the given order
    assert root.edit([]).text == root.text
    second = edited.edit([(0, 1, "A")])
    assert second.to_source(6, 7) == (4, 6) and second.root() is root


@given(st.text(alphabet="ab \n", max_size=40), st.data())
def test_every_character_of_an_edit_maps_back_to_its_source(text: str, data: st.DataObject) -> None:
    """Kept characters map to themselves; replacement characters (another alphabet
    here) to the range they replaced; the edits' order does not matter."""
    points = sorted(data.draw(st.lists(st.integers(0, len(text)), max_size=8)))
    edits = [(points[i], points[i + 1], data.draw(st.sampled_from(["", "X", "XY"])))
             for i in range(0, len(points) - 1, 2)]
    edits = [e for i, e in enumerate(edits) if i == 0 or e[0] >= edits[i - 1][1] and e[0] > edits[i - 1][0]]
    edited = MappedText.original(text).edit(data.draw(st.permutations(edits)))
    assert edited.text == _apply(text, edits)
    replaced = {(start, end) for start, end, new in edits if new}
    for i, char in enumerate(edited.text):
        start, end = edited.to_source(i, i + 1)
        if char in "XY":
            assert (start, end) in replaced
        else:
            assert text[start:end] == char


def _apply(text: str, edits: list[tuple[int, int, str]]) -> str:
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return text
