"""``imrparse stats SRC...``: outcome statistics over letters or imrparse's own output."""

from __future__ import annotations

import argparse
import sys
from typing import IO

from ..plugin.registry import Plugins

NAME = "stats"
HELP = "outcome statistics (rates with 95%% intervals) over letters or parsed output"


def add_arguments(p: argparse.ArgumentParser, plugins: Plugins) -> None:
    p.description = ("Count decisions and overturn rates (with 95% Wilson intervals) over letters "
                     "(PDF or text files, folders) or imrparse's output (.jsonl, .json, .parquet, "
                     ".sqlite; - for jsonl on standard input), grouped and filtered by fields. "
                     "See docs/analysis.md.")
    p.add_argument("sources", nargs="*", metavar="SRC", help="letters, folders, or imrparse output files")
    p.add_argument("--by", action="append", default=[], metavar="FIELD",
                   help="group by this field (repeat to cross several): category, dwc_category, drug, "
                        "drug_class, specialty, guideline, year, quarter, ... or a contract path "
                        "such as item.service.modality")
    p.add_argument("--where", action="append", default=[], metavar="COND",
                   help="keep what meets FIELD OP VALUE (OP: = != < <= > >= ~; a|b for either), "
                        "e.g. category=medication or case.decision_date>=2016-01-01; repeat for and")
    p.add_argument("--unit", choices=("item", "letter"), default=None,
                   help="count disputed items (default) or letters")
    p.add_argument("--rate", choices=("overturned", "upheld"), default="overturned",
                   help="the rate shown (default: overturned)")
    p.add_argument("--measure", metavar="FIELD",
                   help="instead of rates, the distribution of a numeric field (days_to_decision, items, ...)")
    p.add_argument("-t", "--table", action="append", default=[], metavar="NAME",
                   help="a named table (repeatable; --list-tables lists them), e.g. cwci-service-mix")
    p.add_argument("--list-tables", action="store_true", help="list the named tables and exit")
    p.add_argument("--sort", choices=("n", "rate", "key"), help="row order (default: by size, "
                   "or by value for years, quarters and counts)")
    p.add_argument("--min-n", type=int, default=0, metavar="N", help="hide groups with fewer than N units")
    p.add_argument("--top", type=int, metavar="K", help="show only the first K groups")
    p.add_argument("-f", "--format", choices=("text", "csv", "json", "markdown"), default="text",
                   help="output format (default: text, a table for the terminal)")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")
    p.add_argument("--html", metavar="FILE",
                   help="also write a self-contained HTML report with charts (needs imrparse[report])")
    p.add_argument("-j", "--jobs", type=int, default=1, metavar="N", help="worker processes for parsing letters")
    p.add_argument("--lenient", action="store_true", help="parse damaged letters leniently")
    p.add_argument("--reader", metavar="NAME", help="force an input reader for letters (e.g. pypdf)")
    p.add_argument("-q", "--quiet", action="store_true", help="no failure messages on standard error")


def run(args: argparse.Namespace, plugins: Plugins) -> int:
    from ..analysis import presets
    from ..analysis.output import render_tables
    from ..analysis.stats import load_letters, outcome_table
    from ..errors import UnsupportedInput

    if args.list_tables:
        width = max(len(n) for n in presets.PRESETS)
        for name, p in presets.PRESETS.items():
            print(f"{name.ljust(width)}  {p.description}")
        return 0
    if not args.sources:
        raise UnsupportedInput("no sources given", expected="letters, folders or imrparse output files")
    chosen = [presets.preset(n) for n in args.table]  # unknown names fail before any reading
    loaded = load_letters(args.sources, jobs=args.jobs, strict=not args.lenient, reader=args.reader)
    common = {"min_n": args.min_n, "top": args.top}
    tables = [outcome_table(loaded.letters, **{**p.arguments(), "where": (*p.where, *args.where),
                                               "sort": args.sort or p.sort}, **common)
              for p in chosen]
    if not chosen or args.by or args.measure:
        tables.append(outcome_table(loaded.letters, by=args.by, where=args.where, unit=args.unit or "item",
                                    rate=args.rate, measure=args.measure, sort=args.sort, **common))
    if not args.quiet:
        for source, message in loaded.failures:
            print(f"imrparse: {message}", file=sys.stderr)
        if loaded.failures:
            print(f"imrparse: {len(loaded.failures)} letters failed and are not counted", file=sys.stderr)
    text = render_tables(tables, args.format, letters=len(loaded.letters), failures=loaded.failures)
    if args.output:
        with open(args.output, "w", encoding="utf-8", newline="") as out:
            out.write(text)
    else:
        stream: IO[str] = sys.stdout
        stream.write(text)
        stream.flush()
    if args.html:
        from ..analysis.report import write_report

        write_report(tables, args.html, letters=loaded.letters, sources=args.sources,
                     failures=len(loaded.failures))
    return 1 if loaded.failures else 0
