"""Property tests: whatever text comes in, imrparse answers with a result or an ImrParseError.

Mutated letters (lines deleted, duplicated and swapped, random Unicode and binary noise
inserted, the text cut short) and random strings go to :func:`imrparse.parse` in strict
and lenient mode. Only ImrParseError subclasses may come out, and never InternalError
or PluginError (those are bugs). Lenient mode raises only when the text is not a letter
of a known layout at all; a letter missing a labelled line gives warnings.

The number of examples comes from the Hypothesis profile (tests/conftest.py): 200 per
test by default; ``pytest tests/test_fuzz.py --hypothesis-profile=long`` runs 10,000.

The linear-time tests parse a letter whose items are repeated to ~1 MB and ~10 MB, and
random text of those sizes: the time per MB may grow by a generous factor at most (no
absolute timings). The 10 MB tests are marked ``slow``.
"""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import imrparse
from imrparse import errors
from imrparse.models import Determination

from . import corpus
from .scaling import assert_linear

FUZZ = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

LETTERS = [corpus.seed_text(n) for n in corpus.seed_names()]
# A few real letters too, as imrparse's reader extracts them (CRLF, form feeds, \x02).
LETTERS += [corpus.real_text(n) for n in corpus.real_names()[:6]]

# Raised for a text that is not a letter of a known layout: the only errors lenient mode
# may raise (everything else about a letter becomes a warning there).
NOT_A_LETTER = (errors.EmptyInput, errors.NotALetter, errors.UnrecognizedLayout)
BUGS = (errors.InternalError, errors.PluginError)


def parse_both(text: str) -> tuple[Determination | errors.ImrParseError, Determination | errors.ImrParseError]:
    """Strict and lenient results: a Determination or the ImrParseError raised. Anything
    else (a traceback of ours, Lark's, cattrs' ...) propagates and fails the test."""
    results: list[Determination | errors.ImrParseError] = []
    for strict in (True, False):
        try:
            det = imrparse.parse(text, strict=strict, plugins=corpus.plugins())
            imrparse.to_dict(det)  # the result is always serialisable
            results.append(det)
        except errors.ImrParseError as exc:
            assert not isinstance(exc, BUGS), f"a bug: {exc!r}"
            str(exc)  # the message can be built
            if exc.pos is not None:
                assert exc.line is not None and exc.column is not None and exc.context is not None
            results.append(exc)
    strict_result, lenient_result = results
    if isinstance(lenient_result, errors.ImrParseError):
        assert isinstance(lenient_result, NOT_A_LETTER), f"lenient mode raised {lenient_result!r}"
        # What lenient mode cannot read, strict mode cannot either.
        assert isinstance(strict_result, errors.ImrParseError)
    if isinstance(strict_result, Determination):
        assert isinstance(lenient_result, Determination)
    return strict_result, lenient_result


# -- mutations ---------------------------------------------------------------------------------

_NOISE = st.text(st.characters(codec="utf-8"), min_size=1, max_size=40)
_BINARY = st.binary(min_size=1, max_size=200).map(lambda b: b.decode("latin-1"))


@st.composite
def mutated_letters(draw: st.DrawFn) -> str:
    lines = draw(st.sampled_from(LETTERS)).splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 5))):
        op = draw(st.sampled_from(["delete", "duplicate", "swap", "unicode", "binary"]))
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        else:
            k = draw(st.integers(0, len(lines[i])))
            noise = draw(_NOISE if op == "unicode" else _BINARY)
            lines[i] = lines[i][:k] + noise + lines[i][k:]
    text = "".join(lines)
    if draw(st.booleans()):
        text = text[:draw(st.integers(0, len(text)))]  # cut short anywhere
    return text


@FUZZ
@given(mutated_letters())
def test_mutated_letters(text: str) -> None:
    parse_both(text)


@FUZZ
@given(st.text(max_size=3000))
def test_random_strings(text: str) -> None:
    parse_both(text)


@FUZZ
@given(st.binary(max_size=4000))
def test_binary_noise(data: bytes) -> None:
    parse_both(data.decode("latin-1"))
    parse_both(data.decode("utf-8", errors="replace"))


@FUZZ
@given(st.sampled_from(LETTERS), st.lists(st.sampled_from(
    ["HOW THE IMR FINAL DETERMINATION WAS MADE", "CLINICAL CASE SUMMARY", "IMR ISSUES, DECISIONS AND RATIONALES",
     "Claims Administrator guideline:", "MAXIMUS guideline:", "Decision rationale:", ": Upheld", ": Overturned",
     "Case Number: CM16-0213037", "Date of Injury: 13/45/2016", "Decision Date: 01/01/2001", "\f", "\x02",
     "Page 2 of 4", "\u2028", "\u00ad", "ﬁ", "\r"]), min_size=1, max_size=6), st.randoms(use_true_random=False))
def test_markers_in_the_wrong_places(letter: str, markers: list[str], rng: random.Random) -> None:
    """The grammar's own landmarks dropped anywhere: the hardest input for the segmenter."""
    text = letter
    for marker in markers:
        k = rng.randrange(len(text) + 1)
        text = text[:k] + rng.choice(["", "\n", " "]) + marker + rng.choice(["", "\n", " "]) + text[k:]
    parse_both(text)


# -- lenient mode and a labelled line gone -----------------------------------------------------

# Lines whose loss a letter's structure shows: headings, an item's labelled lines, an item's
# headline. (A header line is optional: its loss cannot be seen.)
_LABELLED_RE = re.compile(
    r"HOW THE IMR FINAL DETERMINATION WAS MADE|CLINICAL CASE SUMMARY|IMR ISSUES, DECISIONS AND RATIONALES"
    r"|Claims Administrator guideline:|MAXIMUS guideline:|Decision rationale:|:\s*(?:Upheld|Overturned)\s*$")


@FUZZ
@given(st.sampled_from(LETTERS), st.data())
def test_lenient_mode_warns_about_a_missing_labelled_line(letter: str, data: st.DataObject) -> None:
    lines = letter.splitlines(keepends=True)
    labelled = [i for i, line in enumerate(lines) if _LABELLED_RE.search(line)]
    assume(labelled)
    i = data.draw(st.sampled_from(labelled), label="deleted line")
    text = "".join(lines[:i] + lines[i + 1:])
    det = imrparse.parse(text, strict=False, plugins=corpus.plugins())
    assert det.warnings, f"no warning after deleting {lines[i]!r}"
    assert all(w.code and w.message for w in det.warnings)
    for w in det.warnings:
        assert w.span is None or 0 <= w.span.start <= w.span.end <= len(text)


def test_lenient_mode_on_each_labelled_line() -> None:
    """The same for every labelled line of every seed, and strict mode raising for each:
    no item or section is lost without a word."""
    for name in corpus.seed_names():
        lines = corpus.seed_text(name).splitlines(keepends=True)
        for i, line in enumerate(lines):
            if not _LABELLED_RE.search(line):
                continue
            text = "".join(lines[:i] + lines[i + 1:])
            det = imrparse.parse(text, strict=False, plugins=corpus.plugins())
            assert det.warnings, f"{name}: no warning after deleting {line!r}"
            with pytest.raises((errors.MissingSection, errors.MalformedItem)):
                imrparse.parse(text, strict=True, plugins=corpus.plugins())


# -- linear time -------------------------------------------------------------------------------

MB = 1_000_000


def _repeated_items(size: int) -> str:
    """A seed letter whose items section is repeated up to ``size`` characters."""
    letter = corpus.seed_text("002_cbf28cedfb10dc80")
    start = letter.index("Additional physical therapy 3x2")
    head, items = letter[:start], letter[start:]
    return head + items * max(1, (size - len(head)) // len(items))


def _random_words(size: int) -> str:
    """The letters' own words in random order, with their line breaks: markers, dates and
    labels turn up anywhere (a parse error, found in linear time)."""
    rng = random.Random(size)
    words = [w for text in LETTERS for w in text.split(" ")]
    out: list[str] = []
    total = 0
    while total < size:
        word = rng.choice(words)
        out.append(word)
        total += len(word) + 1
    return " ".join(out)


def _random_characters(size: int) -> str:
    rng = random.Random(size)
    alphabet = "abcdefghij klmnopqrstuvwxyz ABCDEFGHIJKLM :.,-/()0123456789\n\n\f\u00a0\u2013ﬁ"
    return "".join(rng.choices(alphabet, k=size))


def _long_blank_runs(size: int) -> str:
    """A letter with runs of blanks (spaces, tabs, NBSP, around line and page breaks)
    that grow with the input: every pattern that starts with a starred run of blanks
    would re-scan a run from each of its positions (quadratic time)."""
    letter = corpus.seed_text("002_cbf28cedfb10dc80")
    run = max(1, (size - len(letter)) // 8)
    blanks = [" " * run, "\t" * run, "\u00a0" * run, " " * run + "\n", "\n" + " " * run + "\f",
              " " * run + "\f" + " " * run, " " * run + "\r\n", " " * run]
    words = letter.split(" ")
    step = max(1, len(words) // len(blanks))
    for i, blank in enumerate(blanks):
        words[i * step] += blank
    return " ".join(words)


def _parse(text: str) -> None:
    try:
        imrparse.parse(text, plugins=corpus.plugins())
    except errors.ImrParseError as exc:
        assert not isinstance(exc, BUGS), repr(exc)


INPUTS = {"repeated-items": _repeated_items, "random-words": _random_words,
          "random-characters": _random_characters, "long-blank-runs": _long_blank_runs}


@pytest.mark.slow
@pytest.mark.parametrize("kind", list(INPUTS))
def test_linear_time_10mb(kind: str) -> None:
    """On a quiet 2-core machine, 10 MB of the letter parse in ~20 s (1.5-2 s/MB: the
    extractors read every item) and of the random inputs in ~4 s; with the 1 MB runs and
    a busy machine each test takes 10-35 s, hence ``slow``."""
    make = INPUTS[kind]
    _parse(make(20_000))  # build the parser and warm the caches first
    assert_linear(_parse, make, small=MB, large=10 * MB)


@pytest.mark.parametrize("kind", list(INPUTS))
def test_linear_time_1mb(kind: str) -> None:
    """The quick version of the 10 MB test, for every run: 100 KB against 1 MB."""
    make = INPUTS[kind]
    _parse(make(20_000))
    assert_linear(_parse, make, small=MB // 10, large=MB)


def test_one_long_line() -> None:
    """A letter with no line breaks at all (rewrapped to one line), grown to 1 MB, with
    case numbers and page numbers all along the line: the furniture scan stays linear."""
    letter = corpus.seed_text("002_cbf28cedfb10dc80")
    start = letter.index("Additional physical therapy 3x2")
    items = " ".join(letter[start:].split()) + " Case Number: CM16-0213037 Page 2 of 4 "
    head = " ".join(letter[:start].split()) + " "

    def make(size: int) -> str:
        return head + items * max(1, (size - len(head)) // len(items))

    _parse(make(20_000))
    assert_linear(_parse, make, small=MB // 10, large=MB)
