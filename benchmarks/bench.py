#!/usr/bin/env python3
"""Speed and memory of imrparse, measured against baselines in the same run.

Absolute timings drift ±25% between processes and machines; ratios to a baseline
measured in the same process do not. So every target here is a ratio:

* ``text``: imrparse.parse per letter (after ``freeze_long_lived_objects()``, as the
  command line and ``parse_files`` run), against a naive parser (``str.find`` on the
  three headings, one regex for the item lines, the header fields) — what any
  hand-written script would cost. Target: within ``max_text_ratio`` of it.
* ``pdf``: imrparse.parse_files on the published PDFs, against pypdfium2's bare text
  extraction of the same files. Target: parsing adds at most ``max_pdf_overhead``.
* ``memory``: peak traced memory while streaming letters through ``parse_files``
  against the peak for a tenth of them (after a warm-up pass, so that bounded caches
  are full in both). Target: streaming does not grow with the batch
  (``max_memory_growth``), and the peak stays small.
* ``startup``: ``imrparse parse`` on one letter in a fresh process, against a bare
  ``python -c pass``.

Usage::

    python benchmarks/bench.py              # print the figures
    python benchmarks/bench.py --check      # also exit 1 if a target in baseline.json is missed
    python benchmarks/bench.py --letters DIR --rounds 5

Letters: tests/fixtures/letters (always) and the published PDFs in ../shared/letters/real
when present (or ``--letters DIR``, any folder of .txt/.pdf letters).
"""

from __future__ import annotations

import argparse
import gc
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Callable

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
FIXTURES = ROOT / "tests" / "fixtures" / "letters"
SHARED_REAL = ROOT.parent / "shared" / "letters" / "real"

import imrparse  # noqa: E402
import imrparse.batch  # noqa: E402

# ---------------------------------------------------------------------------------------
# The naive baseline: what a quick script does (and all it does).
# ---------------------------------------------------------------------------------------

_ITEM_RE = re.compile(r"^(.+?):\s*(Upheld|Overturned)\s*$", re.MULTILINE)
_HEADER_RE = re.compile(
    r"(Case Number|Date Assigned|Date of Injury|Decision Date|UR Denial Date|Priority|"
    r"Application\s+Received):\s*(\S+)")


def naive_parse(text: str) -> dict[str, object]:
    text = " ".join(text.split(" "))
    how = text.find("HOW THE IMR FINAL DETERMINATION WAS MADE")
    summary = text.find("CLINICAL CASE SUMMARY")
    issues = text.find("IMR ISSUES, DECISIONS AND RATIONALES")
    header = dict(_HEADER_RE.findall(text[:how]))
    items = _ITEM_RE.findall(text[issues:])
    return {"header": header, "reviewer": text[how:summary], "summary": text[summary:issues],
            "items": items}


# ---------------------------------------------------------------------------------------


def _time_per_call(fn: Callable[[], object], calls: int, rounds: int) -> float:
    """Median seconds per call over ``rounds`` rounds of ``calls`` calls."""
    samples = []
    for _ in range(rounds):
        gc.collect()
        start = time.perf_counter()
        for _ in range(calls):
            fn()
        samples.append((time.perf_counter() - start) / calls)
    return statistics.median(samples)


def _letters(folder: Path | None) -> tuple[list[Path], list[Path]]:
    folders = [FIXTURES] + ([folder] if folder else ([SHARED_REAL] if SHARED_REAL.is_dir() else []))
    texts, pdfs = [], []
    for f in folders:
        texts += sorted(f.glob("*.txt"))
        pdfs += sorted(f.glob("*.pdf"))
    texts = [p for p in texts if not p.name.endswith(".pypdf.txt")]
    return texts, pdfs


def bench_text(texts: list[str], rounds: int) -> dict[str, float]:
    for t in texts:  # warm up: grammars, regexes, plugins
        imrparse.parse(t)
        naive_parse(t)
    # As the command line and parse_files do after their first letter.
    imrparse.batch.freeze_long_lived_objects()
    ours = _time_per_call(lambda: [imrparse.parse(t) for t in texts], 1, rounds) / len(texts)
    naive = _time_per_call(lambda: [naive_parse(t) for t in texts], 10, rounds) / len(texts)
    return {"imrparse_ms": ours * 1e3, "naive_ms": naive * 1e3, "ratio": ours / naive,
            "letters_per_s": 1 / ours}


def bench_pdf(pdfs: list[Path], rounds: int) -> dict[str, float]:
    import pypdfium2 as pdfium

    def extract(path: Path) -> str:
        pdf = pdfium.PdfDocument(path.read_bytes(), password="")
        try:
            pages = []
            for page in pdf:
                textpage = page.get_textpage()
                pages.append(textpage.get_text_bounded())
                textpage.close()
                page.close()
            return "\f".join(pages)
        finally:
            pdf.close()

    for p in pdfs[:3]:
        extract(p)
        imrparse.parse_file(p)
    raw = _time_per_call(lambda: [extract(p) for p in pdfs], 1, rounds) / len(pdfs)
    ours = _time_per_call(lambda: list(imrparse.parse_files(pdfs)), 1, rounds) / len(pdfs)
    return {"imrparse_ms": ours * 1e3, "pdfium_ms": raw * 1e3, "overhead": ours / raw,
            "letters_per_s": 1 / ours}


def bench_memory(paths: list[Path], copies: int) -> dict[str, float]:
    """Memory streaming ``copies`` passes over the letters through ``parse_files``,
    against a tenth of them: the peak, and what stays allocated afterwards."""

    def run(n: int) -> tuple[int, int]:
        gc.collect()
        tracemalloc.start()
        count = 0
        for outcome in imrparse.parse_files(paths * n):
            count += outcome.ok
        gc.collect()
        current, high = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        return current, high

    run(1)  # warm up: grammars built, vocabularies compiled, bounded caches filled
    small_kept, small_peak = run(max(1, copies // 10))
    large_kept, large_peak = run(copies)
    return {"letters": len(paths) * copies, "peak_mb": large_peak / 2**20,
            "peak_small_mb": small_peak / 2**20, "kept_kb": large_kept / 2**10,
            "kept_growth": large_kept / max(small_kept, 1)}


def bench_startup(letter: Path, rounds: int) -> dict[str, float]:
    exe = Path(sys.executable)
    cli = [str(exe), "-m", "imrparse", "parse", str(letter)]
    bare = [str(exe), "-c", "pass"]

    def run(cmd: list[str]) -> float:
        samples = []
        for _ in range(rounds):
            start = time.perf_counter()
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
            samples.append(time.perf_counter() - start)
        return statistics.median(samples)

    with tempfile.TemporaryDirectory():
        ours, python = run(cli), run(bare)
    return {"cli_ms": ours * 1e3, "python_ms": python * 1e3, "added_ms": (ours - python) * 1e3}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--letters", type=Path, help="a folder of extra letters (.txt and .pdf)")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--copies", type=int, default=20, help="memory: passes over the letters")
    ap.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    ap.add_argument("--baseline", type=Path, default=HERE / "baseline.json")
    args = ap.parse_args()

    targets = json.loads(args.baseline.read_text())["targets"]
    text_paths, pdfs = _letters(args.letters)
    texts = [imrparse.read_file(p) for p in text_paths] + [imrparse.read_file(p) for p in pdfs]
    results: dict[str, dict[str, float]] = {}
    results["text"] = bench_text(texts, args.rounds)
    if pdfs:
        results["pdf"] = bench_pdf(pdfs, args.rounds)
    results["memory"] = bench_memory(text_paths + pdfs, args.copies)
    results["startup"] = bench_startup(text_paths[0], max(3, args.rounds))

    checks = [
        ("text", "ratio", "<=", targets["max_text_ratio"]),
        ("pdf", "overhead", "<=", targets["max_pdf_overhead"]),
        ("memory", "kept_growth", "<=", targets["max_kept_growth"]),
        ("memory", "peak_mb", "<=", targets["max_peak_mb"]),
        ("startup", "added_ms", "<=", targets["max_startup_added_ms"]),
    ]
    print(f"imrparse {imrparse.__version__}, Python {sys.version.split()[0]}, "
          f"{len(texts)} letters ({len(pdfs)} PDFs)")
    for section, figures in results.items():
        print(f"  {section:<8}" + "  ".join(f"{k}={v:,.3f}" if isinstance(v, float) else f"{k}={v}"
                                           for k, v in figures.items()))
    missed = 0
    for section, key, op, limit in checks:
        if section not in results:
            continue
        value = results[section][key]
        ok = value <= limit
        missed += not ok
        print(f"  {'ok  ' if ok else 'MISS'} {section}.{key} = {value:,.3f} (target {op} {limit})")
    return 1 if (missed and args.check) else 0


if __name__ == "__main__":
    sys.exit(main())
