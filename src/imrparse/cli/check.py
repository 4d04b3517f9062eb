"""``imrparse check PATH...``: how sure the parser is of a corpus.

Parses the letters and prints, for each warning code, how many letters and items carry
it, and the most common phrases behind the doubts (requests in no category, guideline
lines with no citation, summary sentences with an unread date ...), so that users can
judge the data of their own corpus before they count with it.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Iterator

from ..batch import Outcome, freeze_long_lived_objects, parse_files
from ..corpus_check import check_corpus, format_report
from ..plugin.registry import Plugins
from .parse import _check_names as check_names

NAME = "check"
HELP = "parse letters and report the share with each warning, and the phrases not read"


def add_arguments(p: argparse.ArgumentParser, plugins: Plugins) -> None:
    p.description = ("Parse letters and report, per warning code, the share of letters and items "
                     "that carry it, and the most common phrases the parser could not read.")
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="a letter file or a folder (its .txt and .pdf files, sorted)")
    p.add_argument("--json", action="store_true", help="the report as JSON")
    p.add_argument("--top", type=int, default=10, metavar="N",
                   help="phrases listed per warning code (default 10)")
    p.add_argument("--lenient", action="store_true",
                   help="parse damaged letters too, with warnings, instead of counting them as failed")
    p.add_argument("--layout", metavar="NAME", help="force a layout instead of recognising it")
    p.add_argument("--reader", metavar="NAME", help="force an input reader (e.g. pypdf)")
    p.add_argument("-j", "--jobs", type=int, default=1, metavar="N",
                   help="worker processes (worth it for PDFs; default 1)")


def _outcomes(args: argparse.Namespace, plugins: Plugins) -> Iterator[Outcome]:
    for outcome in parse_files(args.paths, strict=not args.lenient, layout=args.layout, reader=args.reader,
                               jobs=args.jobs, plugins=None if args.jobs > 1 else plugins):
        freeze_long_lived_objects()
        yield outcome


def run(args: argparse.Namespace, plugins: Plugins) -> int:
    if args.top < 0:
        print("imrparse: --top must not be negative", file=sys.stderr)
        return 2
    check_names(args, plugins)
    report = check_corpus(_outcomes(args, plugins))
    if args.json:
        print(json.dumps(report.to_dict(args.top), indent=2))
    else:
        sys.stdout.write(format_report(report, args.top))
    return 1 if report.failed else 0
