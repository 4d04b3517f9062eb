"""The phrase syntax and matcher (imrparse.text.phrases), element by element."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from imrparse.text.lowercase import lower_keep_offsets
from imrparse.text.phrases import PhraseSet, literal_pattern, prepare

from ..scaling import assert_linear, prefix_of


def found(phrases: PhraseSet[str], text: str) -> list[str]:
    return [text[h.start:h.end] for h in phrases.find_all(text)]


# What each element of the syntax matches, and what it does not.
@pytest.mark.parametrize(("phrase", "matches", "misses"), [
    # a space: any run of white space
    ("Low Back", ["low back", "LOW  BACK", "Low\nback"], ["lowback", "low-back", "low, back"]),
    # a hyphen: a hyphen (spaced or not), white space or nothing
    ("Post-surgical", ["Post-surgical", "post - surgical", "post surgical", "Postsurgical"],
     ["post/surgical", "post. surgical"]),
    # a slash, colon, parentheses: themselves, with white space around or not
    ("Stress/Mental", ["stress/mental", "Stress / Mental"], ["stress mental", "stressmental"]),
    ("Opioids: dosing", ["opioids:dosing", "Opioids : dosing"], ["opioids dosing"]),
    ("Pain (Chronic)", ["pain (chronic)", "Pain(Chronic)", "pain ( chronic )"], ["pain chronic"]),
    # "&" and "and" between words are one; a comma before them is optional
    ("Knee & Leg", ["knee and leg", "Knee&Leg", "knee & leg"], ["knee, leg", "kneeandleg"]),
    ("Forearm, Wrist, & Hand", ["Forearm, wrist, and hand", "forearm wrist & hand",
                                "forearm,wrist,&hand"], ["forearm wrist hand"]),
    ("Glucosamine (and Chondroitin)", ["glucosamine (and chondroitin)"],
     ["glucosamine (& chondroitin)"]),  # "and" after "(" is a word, not "&"
    # a comma: a comma or white space alone
    ("Opioids, dosing", ["opioids, dosing", "Opioids ,dosing", "opioids dosing"], ["opioidsdosing"]),
    # a period after a word: optional; the next word with or without white space
    ("U.S. Virgin Islands", ["U.S. Virgin Islands", "US virgin islands", "u. s. virgin islands",
                             "U.S.Virgin Islands"], ["U S A Virgin Islands"]),
    # an apostrophe: "'", "’" or nothing
    ("Physician's Desk", ["physician's desk", "Physician’s Desk", "physicians desk"],
     ["physician s desk"]),
    ("Workers' Comp", ["workers' comp", "Workers comp"], ["workers'comp"]),
    # "(s)": an optional plural; brackets: optional words; "®" optional
    ("Guideline(s)", ["guideline", "Guidelines"], ["guidelined", "guideliness"]),
    ("date of [the] injury", ["date of injury", "date of the injury"], ["date of a injury"]),
    ("ACOEM® Guides", ["ACOEM® guides", "acoem guides"], ["acoem®guides"]),
    # whole words only
    ("knee", ["Knee", "KNEE"], ["kneel", "knees", "2knee"]),
])
def test_syntax(phrase: str, matches: list[str], misses: list[str]) -> None:
    phrases = PhraseSet.of([phrase])
    for text in matches:
        assert found(phrases, f"x {text} y") == [text], text
        assert re.fullmatch(phrases.pattern(), lower_keep_offsets(text)), text
    for text in misses:
        assert found(phrases, f"x {text} y") == [], text


def test_acronyms_need_capitals_unless_the_set_says_otherwise() -> None:
    phrases = PhraseSet([("NICE", "nice"), ("MTUS", "mtus")], any_case={"MTUS"})
    assert found(phrases, "Nice work by NICE and the mtus") == ["NICE", "mtus"]
    # pattern() is for lowercase text: no capitals there
    assert re.fullmatch(phrases.pattern(), "nice")


def test_leftmost_longest_and_values_of_phrases_written_alike() -> None:
    phrases = PhraseSet([("low back", "a"), ("low back pain", "b"), ("back pain", "c"),
                         ("Low-Back", "d")])
    hits = phrases.find_all("chronic low back pain and back pain")
    assert [(h.start, h.end, h.values) for h in hits] == [(8, 21, ("b",)), (26, 35, ("c",))]
    (hit,) = phrases.find_all("low back")
    assert hit.values == ("a", "d") and hit.value == "a"  # "low back" is both phrases


def test_match_at_and_next_hit_respect_the_range() -> None:
    phrases = PhraseSet.of(["back pain", "pain"])
    text = "low back pain"
    assert phrases.match_at(text, 4) == (4, 13, ("back pain",))
    assert phrases.match_at(text, 5) is None  # inside a word
    assert phrases.match_at(text, 4, 11) is None  # "back pa" is no phrase
    assert phrases.match_at(text, 9, 13) == (9, 13, ("pain",))
    assert phrases.next_hit(text, 5) == (9, 13, ("pain",))
    assert phrases.next_hit(text, 0, 8) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("X-Ray of the knee", ["X-Ray", "knee"]),
    ("xray, KNEES", ["xray", "KNEES"]),
    ("x ray b/l knee", ["x ray", "b/l", "knee"]),
    ("E & M, E and M, E&M", ["E & M", "E and M", "E&M"]),
    ("Tylenol #3 and Tylenol#3, not Tylenol 3", ["Tylenol #3", "Tylenol#3"]),
    ("PT&OT", ["PT", "OT"]),
    ("kneel", []),
])
def test_loose_sets_read_requests(text: str, expected: list[str]) -> None:
    phrases = PhraseSet([("x-ray", "x-ray"), ("knee", "knee"), ("b/l", "bilateral"),
                         ("E&M", "evaluation"), ("Tylenol #3", "Tylenol #3"), ("PT", "PT"),
                         ("OT", "OT")], loose=True)
    assert found(phrases, text) == expected


def test_loose_sets_prefer_the_exact_phrase_to_a_plural() -> None:
    phrases = PhraseSet([("hip", "one"), ("hips", "both")], loose=True)
    assert phrases.find_all("hips")[0].values == ("both",)
    assert phrases.find_all("kneeses hipes")[0].values == ("one",)


def test_one_prepared_text_serves_several_sets() -> None:
    text = prepare("MRI of the Knee")
    assert PhraseSet.of(["mri"], loose=True).find_all(text)[0].end == 3
    assert PhraseSet.of(["knee"]).find_all(text)[0].start == 11


def test_literal_pattern_is_literal() -> None:
    rx = re.compile(literal_pattern(["mg", "mg/ml", "%", "a.b"]))
    assert [m.group() for m in rx.finditer("5mg/ml 5mg 5% aXb a.b")] == ["mg/ml", "mg", "%", "a.b"]


def test_sets_compile_on_first_use() -> None:
    phrases = PhraseSet.of(["a phrase"])
    assert not phrases.compiled
    phrases.find_all("a phrase")
    assert phrases.compiled


def test_importing_the_package_compiles_no_vocabulary() -> None:
    code = (
        "import gc, imrparse\n"
        "import imrparse.fields.citations, imrparse.fields.services\n"
        "import imrparse.fields.summary, imrparse.fields.reviewer\n"
        "from imrparse.text.phrases import PhraseSet\n"
        "sets = [o for o in gc.get_objects() if isinstance(o, PhraseSet)]\n"
        "assert len(sets) > 10 and not any(s.compiled for s in sets)\n"
        "imrparse.parse(open(sys.argv[1]).read())\n"
        "assert any(s.compiled for s in sets)\n"
    )
    from ..corpus import seed_paths

    letter = str(seed_paths()[0])
    subprocess.run([sys.executable, "-c", "import sys\n" + code, letter], check=True)


# --------------------------------------------------------------------------- properties

WORD = st.text(alphabet="abcxyz", min_size=1, max_size=4)
PHRASES = st.lists(st.lists(WORD, min_size=1, max_size=3).map(" ".join), min_size=1, max_size=6)
TEXT = st.lists(st.one_of(WORD, st.sampled_from([" ", "  ", "\n", ",", "-", "A", "ab c"])),
                max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(PHRASES, TEXT, st.booleans())
def test_hits_are_phrases_in_order_and_never_overlap(phrases: list[str], text: str, loose: bool) -> None:
    ps = PhraseSet.of(phrases, loose=loose)
    hits = ps.find_all(text)
    assert all(a.end <= b.start for a, b in zip(hits, hits[1:]))
    for hit in hits:
        assert hit.start < hit.end and hit.values
        if not loose:
            assert re.fullmatch(ps.pattern(), lower_keep_offsets(text[hit.start:hit.end]))
            assert ps.match_at(text, hit.start) == hit


@settings(max_examples=300, deadline=None)
@given(PHRASES, TEXT)
def test_every_whole_word_occurrence_is_found(phrases: list[str], text: str) -> None:
    """Where the pattern matches whole words and no hit covers the place, no phrase could
    start there (a hit that starts earlier or is longer took it)."""
    ps = PhraseSet.of(phrases)
    hits = ps.find_all(text)
    low = lower_keep_offsets(text)
    for m in re.finditer(r"(?<![a-z0-9])(?:" + ps.pattern() + r")(?![a-z0-9])", low):
        assert any(h.start <= m.start() < h.end or h.start == m.start() for h in hits), m


def test_matching_is_linear() -> None:
    strict = PhraseSet.of(["low back pain", "low-back", "back", "pain (chronic)"])
    loose = PhraseSet.of(["low back pain", "x-ray", "back"], loose=True)
    text = "low back pain, low - back x ray (chronic) lowback " * 20_000
    assert_linear(strict.find_all, prefix_of(text))
    assert_linear(loose.find_all, prefix_of(text))
    assert_linear(strict.find_all, prefix_of("low " + " " * 1_000_000))
