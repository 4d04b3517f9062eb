"""Checking that work grows linearly with input size, without absolute timings.

Speed targets live in benchmarks/; these tests only guard against quadratic (or
worse) behaviour, which is a correctness problem: a pathological letter must not hang
a batch. They compare the time per character of a large input with that of a small one
built the same way, so a slow or busy machine slows both alike.
"""

from __future__ import annotations

import gc
import time
from typing import Callable

# Time per character may grow this much from the small input to the large one
# (linear: about 1; quadratic: the size ratio). Generous, for a busy machine.
GROWTH = 4.0
# Below this, a run is too short to time reliably, and too short to matter.
TOO_FAST = 0.05


def seconds(fn: Callable[[str], object], text: str) -> float:
    """Processor seconds for ``fn(text)`` (this process's own time: other processes on a
    busy machine do not count), with the cyclic garbage collector off (its passes cost
    in proportion to everything alive in the test session, not to this input)."""
    gc.collect()
    gc.disable()
    try:
        start = time.process_time()
        fn(text)
        return time.process_time() - start
    finally:
        gc.enable()


def assert_linear(fn: Callable[[str], object], make: Callable[[int], str], *,
                  small: int = 100_000, large: int = 1_000_000, runs: int = 2) -> None:
    """``fn`` on ``make(large)`` costs at most GROWTH times more per character than on
    ``make(small)`` (the fastest of ``runs`` runs each)."""
    small_text, large_text = make(small), make(large)
    t_large = min(seconds(fn, large_text) for _ in range(runs))
    if t_large < TOO_FAST:
        return
    # The small input is cheap: more runs make its minimum steady.
    t_small = min(seconds(fn, small_text) for _ in range(3 * runs))
    per_char_small = max(t_small, 1e-6) / len(small_text)
    per_char_large = t_large / len(large_text)
    assert per_char_large <= GROWTH * per_char_small, (
        f"{per_char_large * 1e6:.2f} s/MB at {len(large_text):,} characters against "
        f"{per_char_small * 1e6:.2f} s/MB at {len(small_text):,}: not linear")


def prefix_of(text: str) -> Callable[[int], str]:
    """Inputs of any size cut from one long input made of a repeated pattern."""
    return lambda size: text[:size]
