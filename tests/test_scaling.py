"""Time and memory grow linearly with the input, in strict and lenient mode.

Two inputs that once made lenient mode quadratic: many letters run together (a batch
file that was never split: every letter after the first is unexpected text) and bare
item blocks (items with no letter around them: every token is unexpected). Time is
compared per character between a small and a large input built the same way
(:mod:`tests.scaling`, no absolute timings); memory is the peak of what the parse
allocates, against the size of the input. The 1 MB to 8-10 MB runs, as the speed
targets state them (``benchmarks/``), are marked ``slow``.
"""

from __future__ import annotations

import functools
import gc
import tracemalloc
from typing import Callable

import pytest

import imrparse
from imrparse import errors

from . import corpus
from .scaling import assert_linear

MB = 1_000_000


@functools.lru_cache(maxsize=1)
def _letters() -> str:
    """The seeds and the real letters (when ../shared is there), each once."""
    texts = [corpus.seed_text(n) for n in corpus.seed_names()]
    texts += [corpus.real_text(n) for n in corpus.real_names()]
    return "\n".join(texts) + "\n"


def letters_run_together(size: int) -> str:
    """Letters one after another, as in a batch file nobody split, cut at ``size``."""
    letters = _letters()
    return (letters * (size // len(letters) + 1))[:size]


def bare_items(size: int) -> str:
    """A seed letter's item blocks (headline, guideline lines, rationale) repeated, with
    no header, reviewer or summary around them, cut at ``size``."""
    letter = corpus.seed_text("002_cbf28cedfb10dc80")
    items = letter[letter.index("Additional physical therapy 3x2"):]
    return (items * (size // len(items) + 1))[:size]


INPUTS: dict[str, Callable[[int], str]] = {
    "letters-run-together": letters_run_together,
    "bare-items": bare_items,
}
MODES = {"strict": True, "lenient": False}


def _parser(strict: bool) -> Callable[[str], object]:
    def parse(text: str) -> object:
        try:
            return imrparse.parse(text, strict=strict, plugins=corpus.plugins())
        except errors.ImrParseError as exc:  # strict mode stops at the first damage
            assert strict, f"lenient mode raised {exc!r}"
            return exc
    return parse


@pytest.mark.parametrize("mode", sorted(MODES))
@pytest.mark.parametrize("kind", sorted(INPUTS))
def test_linear_time(kind: str, mode: str) -> None:
    """100 KB against 1 MB (each run under a second or two)."""
    parse, make = _parser(MODES[mode]), INPUTS[kind]
    parse(make(50_000))  # warm up: parsers, regexes, vocabularies
    assert_linear(parse, make, small=100_000, large=MB)


@pytest.mark.slow
@pytest.mark.parametrize("mode", sorted(MODES))
@pytest.mark.parametrize("kind", sorted(INPUTS))
def test_linear_time_to_8_and_10_mb(kind: str, mode: str) -> None:
    """1 MB against 8 MB of letters run together and 10 MB of bare items (the speed
    targets' sizes): a few seconds per run on a quiet 2-core machine."""
    parse, make = _parser(MODES[mode]), INPUTS[kind]
    parse(make(50_000))
    assert_linear(parse, make, small=MB, large=(8 if kind == "letters-run-together" else 10) * MB, runs=1)


@pytest.mark.parametrize("mode", sorted(MODES))
@pytest.mark.parametrize("kind", sorted(INPUTS))
def test_memory_stays_under_ten_times_the_input(kind: str, mode: str) -> None:
    """The peak of what one parse allocates (its result included), at most ten times the
    input's characters; it grows with the input, not faster (1 MB against 300 KB)."""
    parse, make = _parser(MODES[mode]), INPUTS[kind]
    parse(make(50_000))
    peaks = {}
    for size in (300_000, MB):
        text = make(size)
        gc.collect()
        tracemalloc.start()
        try:
            result = parse(text)
            peaks[size] = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        del result
        assert peaks[size] <= 10 * len(text), f"{peaks[size] / len(text):.1f} times the input"
    assert peaks[MB] / MB <= 1.5 * peaks[300_000] / 300_000
