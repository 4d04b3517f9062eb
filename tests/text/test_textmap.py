"""Offset maps: every edit keeps a way back to the original text."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from imrparse.text.normalize import _char_edits, _char_regex, _replace, normalize
from imrparse.text.textmap import MappedText
from imrparse.text.reflow import reflow

WORDS = st.text(alphabet=st.sampled_from(list("ab -.\n\r\t\f\u00a0\u2013\ufb01\x02é")), max_size=60)


@st.composite
def edited(draw: st.DrawFn) -> tuple[str, list[tuple[int, int, str]]]:
    text = draw(st.text(alphabet="abcdef \n", min_size=0, max_size=40))
    cuts = sorted(set(draw(st.lists(st.integers(0, len(text)), max_size=8))))
    edits = []
    for a, b in zip(cuts[::2], cuts[1::2]):
        edits.append((a, b, draw(st.text(alphabet="XY", max_size=3))))
    return text, edits


@settings(max_examples=300, deadline=None)
@given(edited())
def test_copied_characters_map_back_to_themselves(case: tuple[str, list[tuple[int, int, str]]]) -> None:
    text, edits = case
    out = MappedText.original(text).edit(edits)
    expected = text
    for a, b, new in sorted(edits, reverse=True):
        expected = expected[:a] + new + expected[b:]
    assert out.text == expected
    for pos in range(len(out.text)):
        start, end = out.to_source(pos, pos + 1)
        assert 0 <= start <= end <= len(text)
        if out.text[pos] not in "XY":  # a copied character, not a replacement
            assert end - start == 1 and text[start] == out.text[pos]


@settings(max_examples=300, deadline=None)
@given(edited(), st.data())
def test_spans_map_in_order_and_inside_the_source(case: tuple[str, list[tuple[int, int, str]]],
                                                  data: st.DataObject) -> None:
    text, edits = case
    out = MappedText.original(text).edit(edits)
    a = data.draw(st.integers(0, len(out.text)))
    b = data.draw(st.integers(a, len(out.text)))
    start, end = out.to_source(a, b)
    assert 0 <= start <= end <= len(text)


def test_layers_compose() -> None:
    root = MappedText.original("ab\r\ncd\r\nPage 2 of 4\r\nef")
    crlf = root.edit([(2, 4, "\n"), (6, 8, "\n"), (19, 21, "\n")])
    assert crlf.text == "ab\ncd\nPage 2 of 4\nef"
    dropped = crlf.edit([(6, 18, "")])
    assert dropped.text == "ab\ncd\nef"
    assert dropped.to_source(6, 8) == (21, 23)  # "ef"
    assert dropped.to_source(5, 6) == (6, 8)  # the line break stands for "\r\n"
    piece = dropped.slice(3, 8)
    assert root.text[slice(*piece.to_source(0, len(piece.text)))].startswith("cd\r\n")


@settings(max_examples=500, deadline=None)
@given(WORDS)
def test_fast_character_pass_finds_what_the_regex_finds(text: str) -> None:
    # _char_edits looks only where an unusual character stands; it must agree with
    # running the regex over every position.
    slow = [(m.start(), m.end(), _replace(m)) for m in _char_regex().finditer(text)]
    assert _char_edits(text) == [e for e in slow if text[e[0]:e[1]] != e[2]]


@pytest.mark.parametrize(("raw", "clean"), [
    ("a\u2013b \u201cc\u201d", 'a-b "c"'),
    ("\ufb01ne\u00a0day", "fine day"),
    ("line  \r\n   next\r\n", "line\nnext\n"),
    ("one\n\fPage 2 of 3\ntwo", "one\ntwo"),
    ("Adminis-\ntrator and Administrator", "Administrator and Administrator"),
    ("sprain-\nstrain", "sprain-\nstrain"),
])
def test_normalize_examples(raw: str, clean: str) -> None:
    out = normalize(raw)
    assert out.text == clean
    start, end = out.to_source(0, len(out.text))
    assert (start, end) == (0, len(raw.rstrip()) if clean.endswith("\n") is False else end)


def test_reflow_joins_lines_and_keeps_paragraphs() -> None:
    text = MappedText.original("The patient is\na 48 year old male.\n\nHe had sprain-\nstrain.  Done.")
    flowed = reflow(text)
    assert flowed.text == "The patient is a 48 year old male.\n\nHe had sprain-strain. Done."
    i = flowed.text.index("48")
    assert text.text[slice(*flowed.to_source(i, i + 2))] == "48"


def test_reflow_of_double_spaced_text() -> None:
    lines = ["The injured worker is a 34 year-old", "individual with a date of injury.", "",
             "A second paragraph."]
    text = "\n\n".join(lines)  # every line followed by a blank line, paragraphs by two
    assert reflow(MappedText.original(text)).text == (
        "The injured worker is a 34 year-old individual with a date of injury.\n\nA second paragraph.")


def test_no_catastrophic_backtracking_in_the_character_pass() -> None:
    text = " " * 200_000 + "x"
    assert _char_edits(text) == [(0, 200_000, "")]
    assert re.fullmatch(r"x", normalize(text).text)


@settings(max_examples=300, deadline=None)
@given(edited())
def test_long_maps_in_chunks_map_as_short_ones(case: tuple[str, list[tuple[int, int, str]]]) -> None:
    # A long edit list is joined and moved to arrays every _CHUNK segments: with a tiny
    # chunk, the text and every mapped position must be what one chunk gives.
    from imrparse.text import textmap

    text, edits = case
    whole = MappedText.original(text).edit(edits)
    saved = textmap._CHUNK
    textmap._CHUNK = 1
    try:
        chunked = MappedText.original(text).edit(edits)
    finally:
        textmap._CHUNK = saved
    assert chunked.text == whole.text
    for a in range(len(whole.text) + 1):
        for b in range(a, min(len(whole.text), a + 3) + 1):
            assert chunked.to_source(a, b) == whole.to_source(a, b)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Adminis", "trator", "administrator", "x", "ray", "-\n", "\x02", "\x02\n", " ",
                                 "\n", "é", "X"]), max_size=30).map("".join))
def test_hyphenated_words_looked_up_one_by_one_or_all_at_once(text: str) -> None:
    # A few hyphenated line ends are looked up one search each, many through the set of
    # all the letter's words (linear time): both give the same edits.
    from imrparse.text import normalize as module

    one_by_one = module._hyphenation_edits(text)
    saved = module._SEARCHES
    module._SEARCHES = 0
    try:
        assert module._hyphenation_edits(text) == one_by_one
    finally:
        module._SEARCHES = saved
