"""Where sentences end (imrparse.text.sentences): one rule for the summary and headlines."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from imrparse.text.sentences import ABBREVIATIONS, last_sentence_end, sentence_ends

from ..scaling import assert_linear, prefix_of


def sentences(text: str) -> list[str]:
    """The text cut after each sentence end, stripped."""
    out, start = [], 0
    for _, end in sentence_ends(text):
        out.append(text[start:end].strip())
        start = end
    if text[start:].strip():
        out.append(text[start:].strip())
    return out


@pytest.mark.parametrize(("text", "expected"), [
    ("He fell. She did not.", ["He fell.", "She did not."]),
    ("Was it? Yes! Fine...  Next", ["Was it?", "Yes!", "Fine...", "Next"]),
    ('He said "yes." Then left', ['He said "yes."', "Then left"]),
    ("(See above.) Next", ["(See above.)", "Next"]),
    # a period glued to a capital (page joins)
    ("medically necessary.Nerve conduction", ["medically necessary.", "Nerve conduction"]),
    ("not indicated.MRI of the knee", ["not indicated.", "MRI of the knee"]),
    # titles and abbreviations that always go on
    ("Seen by Dr. Smith today. Fine", ["Seen by Dr. Smith today.", "Fine"]),
    ("For approx. 3 weeks. Then", ["For approx. 3 weeks.", "Then"]),
    ("St. Mary's hospital", ["St. Mary's hospital"]),
    # initials and initialisms
    ("J. Smith saw him", ["J. Smith saw him"]),
    ("vitamin D. level", ["vitamin D. level"]),
    ("e.g. NSAIDs, b.i.d. dosing in the U.S. Army", ["e.g. NSAIDs, b.i.d. dosing in the U.S. Army"]),
    ("at 10 p.m. She left", ["at 10 p.m. She left"]),
    # units and list tails end a sentence only before a capital
    ("PT, meds, etc. The patient", ["PT, meds, etc.", "The patient"]),
    ("(cream, gel, etc.) 120 grams", ["(cream, gel, etc.) 120 grams"]),
    ("lifting over 20 lbs. She", ["lifting over 20 lbs.", "She"]),
    ("20 lbs. of weight", ["20 lbs. of weight"]),
    # a word glued to a number is no abbreviation
    ("On March 1st. He", ["On March 1st.", "He"]),
    ("Norco 10mg. Then", ["Norco 10mg.", "Then"]),
    # blank lines
    ("a list\n\nNext paragraph", ["a list", "Next paragraph"]),
    ("2.5 mg and 3.75 mg", ["2.5 mg and 3.75 mg"]),
])
def test_sentence_ends(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_blank_lines_can_be_page_breaks() -> None:
    text = "Physical therapy for the\n\nlumbar spine"
    assert sentence_ends(text, blank_lines=False) == []
    assert last_sentence_end(text) is None


@pytest.mark.parametrize(("window", "rest"), [
    ("Seen by Dr. Smith on 1/2/2013. He was fine. Norco 10 mg", "Norco 10 mg"),
    ("not medically necessary.MRI of the knee", "MRI of the knee"),
    ("is not medically necessary. Compound (flurbiprofen, baclofen, etc.) 120g", "Compound (flurbiprofen, baclofen, etc.) 120g"),
    ("necessary. Norco #60 qty. 2 refills", "Norco #60 qty. 2 refills"),
])
def test_last_sentence_end(window: str, rest: str) -> None:
    assert window[last_sentence_end(window) or 0:] == rest


def test_a_sentence_end_at_the_very_end_is_no_start() -> None:
    assert last_sentence_end("no end here") is None
    assert last_sentence_end("It ends here.  ") is None


def test_the_abbreviations_are_lower_case_without_their_period() -> None:
    assert all(a == a.lower() and not a.endswith(".") for a in ABBREVIATIONS)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aZ .!?\n\"')etcDr5")), max_size=80))
def test_ends_are_ordered_terminators(text: str) -> None:
    ends = sentence_ends(text)
    assert all(a < b <= c for (a, b), (c, _) in zip(ends, ends[1:]))
    for a, b in ends:
        assert text[a] in ".!?\n" and a < b


def test_linear() -> None:
    assert_linear(sentence_ends, prefix_of("Dr. Smith saw J. Doe. etc. It... ok?! U.S.A. \n\n" * 30_000))
