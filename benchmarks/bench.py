#!/usr/bin/env python3
"""Speed and memory of imrparse, measured against baselines in the same run.

Absolute timings drift ±25% between processes and machines; ratios to a baseline
measured in the same process do not. So every target here is a ratio (the targets of
issue 10, in ``baseline.json``), of processor time (several engineers share the
machines: waiting for a processor is not the code's time), the two sides measured in
turns, and the median of the per-turn ratios is the figure (``spread`` is the largest
ratio over the smallest, a measure of the noise):

* ``text``: imrparse.parse per letter, every field and span (after
  ``freeze_long_lived_objects()``, as the command line and ``parse_files`` run), against
  a naive parser (``str.find`` on the three headings, one regex for the item lines, the
  header fields): what any hand-written script would cost. Target: ``max_text_ratio``.
* ``pdf``: imrparse.parse_files on the published PDFs, against pypdfium2's bare text
  extraction of the same files. Target: ``max_pdf_overhead``.
* ``startup``: ``imrparse parse one.pdf --format json`` in a fresh process, from a wheel
  built from this checkout and installed in a temporary folder (as after
  ``pip install``: byte code compiled, nothing cached: every run gets an empty
  ``IMRPARSE_CACHE_DIR``, so each is a first run), against a bare
  ``python -c "import lark, attrs, cattrs, pluggy, pypdfium2"``, run in turns; the
  median of the per-pair ratios. Target: ``max_startup_ratio``.
* ``linear``: strict and lenient parsing of letters run together (1 MB and 8 MB) and of
  bare item blocks (1 MB and 10 MB): the time per character of the large input over
  that of the small one (``max_linear_growth``: flat is 1), and the peak memory the
  parse allocates (tracemalloc) over the input's size (``max_memory_ratio``).
* ``memory``: peak traced memory while streaming letters through ``parse_files``
  against the peak for a tenth of them (after a warm-up pass, so that bounded caches
  are full in both). Target: streaming does not grow with the batch
  (``max_kept_growth``), and the peak stays small.

Usage::

    python benchmarks/bench.py              # print the figures
    python benchmarks/bench.py --check      # also exit 1 if a target in baseline.json is missed
    python benchmarks/bench.py --letters DIR --rounds 5
    python benchmarks/bench.py --only text,pdf   # some sections only

Letters: tests/fixtures/letters (always) and the published PDFs in ../shared/letters/real
when present (or ``--letters DIR``, any folder of .txt/.pdf letters).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import re
import resource
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


def _paired(ours: Callable[[], object], base: Callable[[], object], rounds: int,
            base_calls: int = 1) -> tuple[float, float, float, float]:
    """Processor seconds per call of ``ours`` and ``base`` (``base_calls`` calls a round),
    measured in turns (ours, base, ours, base, ...) so that a machine whose speed drifts
    slows both alike: the medians, the median of the per-round ratios, and the spread
    of those ratios (max / min)."""
    a, b, ratios = [], [], []
    for _ in range(rounds):
        gc.collect()
        start = time.process_time()
        ours()
        a.append(time.process_time() - start)
        gc.collect()
        start = time.process_time()
        for _ in range(base_calls):
            base()
        b.append((time.process_time() - start) / base_calls)
        ratios.append(a[-1] / b[-1])
    return statistics.median(a), statistics.median(b), statistics.median(ratios), max(ratios) / min(ratios)


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
    ours, naive, ratio, spread = _paired(lambda: [imrparse.parse(t) for t in texts],
                                         lambda: [naive_parse(t) for t in texts], rounds, base_calls=10)
    ours, naive = ours / len(texts), naive / len(texts)
    return {"imrparse_ms": ours * 1e3, "naive_ms": naive * 1e3, "ratio": ratio, "spread": spread,
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
    ours, raw, overhead, spread = _paired(lambda: list(imrparse.parse_files(pdfs)),
                                          lambda: [extract(p) for p in pdfs], rounds)
    ours, raw = ours / len(pdfs), raw / len(pdfs)
    return {"imrparse_ms": ours * 1e3, "pdfium_ms": raw * 1e3, "overhead": overhead, "spread": spread,
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


def _installed_wheel(folder: Path) -> Path:
    """This checkout built as a wheel and installed in ``folder`` (no dependencies: the
    running interpreter's are used), as ``pip install`` leaves it; the folder to put on
    PYTHONPATH."""
    dist = folder / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(ROOT)],
                   check=True, stdout=subprocess.DEVNULL)
    wheel = next(dist.glob("imrparse-*.whl"))
    target = folder / "site"
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": ""}  # pip compiles the byte code
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target),
                    str(wheel)], check=True, stdout=subprocess.DEVNULL, env=env)
    return target


def bench_startup(letter: Path, rounds: int) -> dict[str, float]:
    """``imrparse parse LETTER --format json`` against importing its dependencies, in
    fresh processes run in turns, each imrparse run with an empty cache folder."""
    exe = sys.executable
    with tempfile.TemporaryDirectory(prefix="imrparse-bench-") as tmp:
        site = _installed_wheel(Path(tmp))
        script = site / "bin" / "imrparse"  # the command pip installed
        cli = ([str(script)] if script.is_file() else
               [exe, "-c", "import sys; from imrparse.cli import main; sys.exit(main())"])
        cli += ["parse", str(letter), "--format", "json"]
        bare = [exe, "-c", "import lark, attrs, cattrs, pluggy, pypdfium2"]
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPATH")}
        env["PYTHONPATH"] = str(site)

        def run(cmd: list[str], cache: Path | None) -> tuple[float, float]:
            """Wall and processor seconds of one run."""
            run_env = dict(env)
            if cache is not None:
                run_env["IMRPARSE_CACHE_DIR"] = str(cache)
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, cwd=tmp, env=run_env)
            wall = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            return wall, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)

        ours, base, ratios, wall_ratios = [], [], [], []
        for _ in range(rounds):
            a = run(cli, Path(tempfile.mkdtemp(dir=tmp)))  # a first run every time
            b = run(bare, None)
            ours.append(a[1])
            base.append(b[1])
            ratios.append(a[1] / b[1])
            wall_ratios.append(a[0] / b[0])
    return {"cli_cpu_ms": statistics.median(ours) * 1e3, "deps_cpu_ms": statistics.median(base) * 1e3,
            "first_ratio": ratios[0], "ratio": statistics.median(ratios),
            "wall_ratio": statistics.median(wall_ratios), "spread": max(ratios) / min(ratios)}


def _run_together(size: int) -> str:
    texts, pdfs = _letters(None)
    letters = "\n".join([imrparse.read_file(p) for p in texts + pdfs]) + "\n"
    return (letters * (size // len(letters) + 1))[:size]


def _bare_items(size: int) -> str:
    letter = (FIXTURES / "002_cbf28cedfb10dc80.txt").read_text(encoding="utf-8")
    items = letter[letter.index("Additional physical therapy 3x2"):]
    return (items * (size // len(items) + 1))[:size]


LINEAR_INPUTS: dict[str, tuple[Callable[[int], str], int]] = {
    "run_together": (_run_together, 8),  # name: (maker, large size in MB)
    "bare_items": (_bare_items, 10),
}


def _parse_any(text: str, strict: bool) -> None:
    try:
        imrparse.parse(text, strict=strict)
    except imrparse.ImrParseError:
        pass  # strict mode stops at the first damage


def bench_linear(rounds: int) -> dict[str, float]:
    """Time per character from 1 MB to 8 or 10 MB, and peak memory over the input."""
    out: dict[str, float] = {}
    for kind, (make, large_mb) in LINEAR_INPUTS.items():
        small, large = make(1_000_000), make(large_mb * 1_000_000)
        for strict in (True, False):
            mode = "strict" if strict else "lenient"
            _parse_any(make(50_000), strict)  # warm up
            per_char = []
            for text in (small, large):
                times = []
                for _ in range(rounds):
                    gc.collect()
                    start = time.process_time()
                    _parse_any(text, strict)
                    times.append(time.process_time() - start)
                per_char.append(min(times) / len(text))
            gc.collect()
            tracemalloc.start()
            _parse_any(large, strict)
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            out[f"{kind}_{mode}_s_per_mb"] = per_char[1] * 1e6
            out[f"{kind}_{mode}_growth"] = per_char[1] / per_char[0]
            out[f"{kind}_{mode}_memory"] = peak / len(large)
    out["worst_growth"] = max(v for k, v in out.items() if k.endswith("_growth"))
    out["worst_memory"] = max(v for k, v in out.items() if k.endswith("_memory"))
    return out


SECTIONS = ("text", "pdf", "startup", "linear", "memory")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    ap.add_argument("--letters", type=Path, help="a folder of extra letters (.txt and .pdf)")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--copies", type=int, default=20, help="memory: passes over the letters")
    ap.add_argument("--only", default=",".join(SECTIONS), help="the sections to run, comma-separated")
    ap.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    ap.add_argument("--baseline", type=Path, default=HERE / "baseline.json")
    args = ap.parse_args()
    only = set(args.only.split(","))

    targets = json.loads(args.baseline.read_text())["targets"]
    text_paths, pdfs = _letters(args.letters)
    texts = [imrparse.read_file(p) for p in text_paths] + [imrparse.read_file(p) for p in pdfs]
    results: dict[str, dict[str, float]] = {}
    if "text" in only:
        results["text"] = bench_text(texts, args.rounds)
    if pdfs and "pdf" in only:
        results["pdf"] = bench_pdf(pdfs, args.rounds)
    if "startup" in only:
        results["startup"] = bench_startup(pdfs[0] if pdfs else text_paths[0], max(7, args.rounds))
    if "linear" in only:
        results["linear"] = bench_linear(max(1, args.rounds // 3))
    if "memory" in only:
        results["memory"] = bench_memory(text_paths + pdfs, args.copies)

    checks = [
        ("text", "ratio", targets["max_text_ratio"]),
        ("pdf", "overhead", targets["max_pdf_overhead"]),
        ("startup", "ratio", targets["max_startup_ratio"]),
        ("linear", "worst_growth", targets["max_linear_growth"]),
        ("linear", "worst_memory", targets["max_memory_ratio"]),
        ("memory", "kept_growth", targets["max_kept_growth"]),
        ("memory", "peak_mb", targets["max_peak_mb"]),
    ]
    print(f"imrparse {imrparse.__version__}, Python {sys.version.split()[0]}, lark {_version('lark')}, "
          f"{len(texts)} letters ({len(pdfs)} PDFs), {os.cpu_count()} cores, {platform.machine()} "
          f"{platform.processor() or ''}".rstrip())
    for section, figures in results.items():
        print(f"  {section:<8}" + "  ".join(f"{k}={v:,.3f}" if isinstance(v, float) else f"{k}={v}"
                                           for k, v in figures.items()))
    missed = 0
    for section, key, limit in checks:
        if section not in results:
            continue
        value = results[section][key]
        ok = value <= limit
        missed += not ok
        print(f"  {'ok  ' if ok else 'MISS'} {section}.{key} = {value:,.3f} (target <= {limit})")
    return 1 if (missed and args.check) else 0


def _version(dist: str) -> str:
    from importlib.metadata import version

    return version(dist)


if __name__ == "__main__":
    sys.exit(main())
