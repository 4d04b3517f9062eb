"""``imrparse parse PATH...``: parse letters and write them in one output format."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import IO, Any, Iterator

from ..batch import Outcome, expand_paths, freeze_long_lived_objects, parse_files
from ..errors import ImrParseError, InternalError, UnsupportedInput
from ..models import Determination
from ..parsing import parse
from ..plugin.api import FormatOptions
from ..plugin.registry import Plugins, named
from ..reading import read_bytes
from ..rendering import SourceTexts, get_format

NAME = "parse"
HELP = "parse letters (text or PDF files, folders, or - for stdin)"
STDIN = "-"


def add_arguments(p: argparse.ArgumentParser, plugins: Plugins) -> None:
    p.description = "Parse letters and write them in one output format."
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="a letter file, a folder (its .txt and .pdf files, sorted), or - for stdin")
    p.add_argument("-f", "--format", default="json",
                   help=f"output format: {', '.join(sorted(plugins.formats))} (default: json)")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")
    p.add_argument("--lenient", action="store_true",
                   help="read what can be read from damaged letters, with warnings, instead of failing")
    p.add_argument("--layout", metavar="NAME", help="force a layout instead of recognising it")
    p.add_argument("--reader", metavar="NAME", help="force an input reader (e.g. pypdf)")
    p.add_argument("-j", "--jobs", type=int, default=1, metavar="N",
                   help="worker processes (worth it for PDFs; default 1)")
    p.add_argument("--errors", metavar="FILE",
                   help="also write each failure as a JSON line "
                        "(source, error, message, expected, line, column)")
    p.add_argument("-q", "--quiet", action="store_true", help="no failure messages on standard error")
    p.add_argument("--no-spans", dest="spans", action="store_false",
                   help="leave out character offsets (span, spans) in json, jsonl and sqlite")


def _error_record(outcome: Outcome) -> dict[str, Any]:
    err = outcome.error
    assert err is not None
    return {
        "source": outcome.source,
        "error": type(err).__name__,
        "message": err.message,
        "expected": err.expected,
        "line": err.line,
        "column": err.column,
    }


def _stdin_outcome(strict: bool, layout: str | None, reader: str | None, plugins: Plugins) -> Outcome:
    data = sys.stdin.buffer.read()
    try:
        read = read_bytes(data, None, reader=reader, plugins=plugins)
        det = parse(read.text, source="<stdin>", strict=strict, layout=layout, plugins=plugins)
        return Outcome(source="<stdin>", determination=det)
    except ImrParseError as exc:
        return Outcome(source="<stdin>", error=exc.with_source("<stdin>"))
    except Exception as exc:  # never a bare traceback for one bad letter
        return Outcome(source="<stdin>", error=InternalError(
            f"imrparse failed unexpectedly: {type(exc).__name__}: {exc}", source="<stdin>"))


def _outcomes(args: argparse.Namespace, plugins: Plugins) -> Iterator[Outcome]:
    strict = not args.lenient
    files: list[str] = []
    for path in args.paths:
        if path == STDIN:
            if files:
                yield from parse_files(files, strict=strict, layout=args.layout, reader=args.reader,
                                       jobs=args.jobs, plugins=None if args.jobs > 1 else plugins)
                files = []
            yield _stdin_outcome(strict, args.layout, args.reader, plugins)
        else:
            files.append(path)
    if files:
        yield from parse_files(files, strict=strict, layout=args.layout, reader=args.reader,
                               jobs=args.jobs, plugins=None if args.jobs > 1 else plugins)


def _check_names(args: argparse.Namespace, plugins: Plugins) -> None:
    """Unknown layout or reader names are bad usage, found before any letter is read."""
    for option, known in (("layout", plugins.layouts), ("reader", plugins.readers)):
        name = getattr(args, option)
        if name is not None:
            named(known, name, option)


def run(args: argparse.Namespace, plugins: Plugins) -> int:
    fmt = get_format(args.format, plugins)
    _check_names(args, plugins)
    if fmt.needs_path and not args.output:
        raise UnsupportedInput(f"output format {fmt.name!r} writes a file", expected="-o FILE")
    letters = sum(1 if p == STDIN else len(expand_paths([p])) for p in args.paths)
    # One object only when the user named exactly one letter: a folder always gives an
    # array, whatever it holds, so scripts can rely on the shape.
    single = len(args.paths) == 1 and (args.paths[0] == STDIN or not Path(args.paths[0]).is_dir())
    failures: list[Outcome] = []
    texts = SourceTexts(reader=args.reader, plugins=plugins)
    errors_out: IO[str] | None = open(args.errors, "w", encoding="utf-8") if args.errors else None

    def determinations() -> Iterator[Determination]:
        for outcome in _outcomes(args, plugins):
            freeze_long_lived_objects()
            if outcome.determination is not None:
                texts.note(outcome.determination, outcome.source)  # for formats that show the text
                yield outcome.determination
                continue
            failures.append(outcome)
            if not args.quiet:
                print(f"imrparse: {outcome.error}", file=sys.stderr)
            if errors_out is not None:
                errors_out.write(json.dumps(_error_record(outcome)) + "\n")

    options = FormatOptions(converter=plugins.converter, single=single, spans=args.spans,
                            letter_text=texts)
    try:
        if fmt.needs_path:
            plugins.write(fmt, determinations(), args.output, options)
        elif args.output:
            out: IO[Any] = (open(args.output, "wb") if fmt.binary
                            else open(args.output, "w", encoding="utf-8", newline=""))
            with out:
                plugins.write(fmt, determinations(), out, options)
        else:
            plugins.write(fmt, determinations(), sys.stdout.buffer if fmt.binary else sys.stdout,
                          options)
            sys.stdout.flush()
    finally:
        if errors_out is not None:
            errors_out.close()
    if failures and not args.quiet:
        print(f"imrparse: {len(failures)} of {letters} letters failed", file=sys.stderr)
    return 1 if failures else 0


