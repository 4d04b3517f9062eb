#!/usr/bin/env python3
"""Batch throughput and memory: 20,000 PDF paths (the published samples repeated, each
path a link of its own).

Each mode runs in a fresh process; this script samples the resident memory of that
process and of every process under it (workers, Dask's nanny and workers) every 0.2 s:

* ``inprocess``: ``parse_files(paths)`` in the calling process (no workers; the
  reference);
* ``workers-1`` / ``workers-2``: ``parse_files(paths, jobs=N, timeout=300)``, the pool
  the command line uses (results shipped back to the caller, in input order);
* ``dask-2``: ``imrparse.dask.read_letters(paths)`` on a ``distributed.LocalCluster``
  of 2 worker processes with 1 thread each, counting items on the workers (nothing
  shipped back but the counts), cluster start-up included.

Reported: letters/s over the whole run (start-up included); CPU time of the whole
process tree per letter and the cores it kept busy on average (on a machine shared
with other work, fewer than the workers when they had to wait for a core); peak RSS of
the main process, of the largest process and of the whole tree; and the main process's
RSS after a tenth of the letters against its RSS at the end (flat memory: about 1.0).

Usage::

    python benchmarks/batch.py                       # 20,000 paths, every mode
    python benchmarks/batch.py --letters 2000 --modes workers-2 dask-2
    python benchmarks/batch.py --markdown            # the table for RESULTS.md
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SHARED_REAL = HERE.parent.parent / "shared" / "letters" / "real"
MODES = ("inprocess", "workers-1", "workers-2", "dask-2")


def _paths(folder: Path, count: int, into: Path) -> list[str]:
    """``count`` paths to the sample PDFs, each its own file name (a symbolic link in
    ``into``): Dask would otherwise run identical tasks once."""
    samples = sorted(folder.glob("*.pdf"))
    if not samples:
        sys.exit(f"no PDFs in {folder}: give --samples DIR")
    paths = []
    for i in range(count):
        link = into / f"{i:06d}-{samples[i % len(samples)].name}"
        link.symlink_to(samples[i % len(samples)].resolve())
        paths.append(str(link))
    return paths


# -- inside the measured process -------------------------------------------------------------

def _rss_mb() -> float:
    import psutil

    return float(psutil.Process().memory_info().rss) / 2**20


def _run(mode: str, paths: list[str], report: Path) -> None:
    import imrparse

    tenth = max(1, len(paths) // 10)
    started = time.perf_counter()
    letters = items = failed = 0
    rss_tenth = 0.0
    if mode == "dask-2":
        import dask.bag  # noqa: F401
        import distributed

        import imrparse.dask

        with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                      dashboard_address=None) as cluster, distributed.Client(cluster):
            bag, errors = imrparse.dask.read_letters(paths, files_per_partition=50)
            import dask

            counts, failures = dask.compute(bag.map(lambda d: len(d.items)).fold(
                lambda acc, n: (acc[0] + 1, acc[1] + n), lambda a, b: (a[0] + b[0], a[1] + b[1]),
                initial=(0, 0)), errors.count())
            letters, items = counts
            failed = failures
            letters += failed
            rss_tenth = _rss_mb()
    else:
        jobs = 0 if mode == "inprocess" else int(mode.split("-")[1])
        outcomes = (imrparse.parse_files(paths) if jobs == 0
                    else imrparse.parse_files(paths, jobs=jobs, timeout=300))
        for outcome in outcomes:
            letters += 1
            if outcome.determination is not None:
                items += len(outcome.determination.items)
            else:
                failed += 1
            if letters == tenth:
                rss_tenth = _rss_mb()
    elapsed = time.perf_counter() - started
    report.write_text(json.dumps({"letters": letters, "items": items, "failed": failed, "seconds": elapsed,
                                  "rss_tenth_mb": rss_tenth, "rss_end_mb": _rss_mb()}))


# -- the driver --------------------------------------------------------------------------------

def _measure(mode: str, paths_file: Path) -> dict[str, Any]:
    import psutil

    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        proc = subprocess.Popen([sys.executable, __file__, "--child", mode, str(paths_file), str(report)])
        main = psutil.Process(proc.pid)
        peak_main = peak_one = peak_tree = 0.0
        cpu: dict[int, float] = {}  # CPU seconds of each process of the tree, last seen
        done = threading.Event()

        def sample() -> None:
            nonlocal peak_main, peak_one, peak_tree
            while not done.is_set():
                try:
                    tree = [main, *main.children(recursive=True)]
                    sizes = []
                    for p in tree:
                        try:
                            sizes.append(p.memory_info().rss / 2**20)
                            times = p.cpu_times()
                            cpu[p.pid] = times.user + times.system
                        except psutil.Error:
                            pass
                    if sizes:
                        peak_main = max(peak_main, sizes[0])
                        peak_one = max(peak_one, max(sizes))
                        peak_tree = max(peak_tree, sum(sizes))
                except psutil.Error:
                    pass
                done.wait(0.2)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        code = proc.wait()
        done.set()
        sampler.join()
        if code != 0:
            raise SystemExit(f"{mode} failed with status {code}")
        result: dict[str, Any] = json.loads(report.read_text())
    result.update(mode=mode, peak_main_mb=peak_main, peak_process_mb=peak_one, peak_tree_mb=peak_tree,
                  letters_per_s=result["letters"] / result["seconds"],
                  cpu_ms_per_letter=1000 * sum(cpu.values()) / result["letters"],
                  cores_used=sum(cpu.values()) / result["seconds"])
    return result


def _table(results: list[dict[str, Any]]) -> str:
    lines = ["| mode | letters | letters/s | CPU ms per letter | cores used | peak RSS main "
             "| peak RSS largest process | peak RSS all processes | main RSS end / at 10% |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        growth = r["rss_end_mb"] / r["rss_tenth_mb"] if r["rss_tenth_mb"] else float("nan")
        lines.append(f"| {r['mode']} | {r['letters']:,} | {r['letters_per_s']:.0f} | {r['cpu_ms_per_letter']:.1f} "
                     f"| {r['cores_used']:.2f} | {r['peak_main_mb']:.0f} MB "
                     f"| {r['peak_process_mb']:.0f} MB | {r['peak_tree_mb']:.0f} MB | {growth:.2f} |")
    return "\n".join(lines)


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        mode, paths_file, report = sys.argv[2:5]
        _run(mode, json.loads(Path(paths_file).read_text()), Path(report))
        return
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--letters", type=int, default=20_000, help="paths in the batch (default 20,000)")
    ap.add_argument("--samples", type=Path, default=SHARED_REAL, help="folder of sample PDFs")
    ap.add_argument("--modes", nargs="+", choices=MODES, default=list(MODES))
    ap.add_argument("--markdown", action="store_true", help="print a Markdown table")
    args = ap.parse_args()
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "letters").mkdir()
        paths = _paths(args.samples, args.letters, Path(tmp) / "letters")
        samples = len({os.path.realpath(p) for p in paths})
        paths_file = Path(tmp) / "paths.json"
        paths_file.write_text(json.dumps(paths))
        for mode in args.modes:
            result = _measure(mode, paths_file)
            results.append(result)
            print(json.dumps(result), file=sys.stderr, flush=True)
    print(f"{args.letters:,} paths ({samples} sample PDFs repeated), {os.cpu_count()} cores")
    print(_table(results) if args.markdown else json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
