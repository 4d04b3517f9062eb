"""``imrparse parse PATH...``: parse letters and write them in one output format.

A batch accounts for every input: each letter ends in the output or as a failure (on
standard error and in ``--errors FILE``), a worker killed in C code or a letter over
``--timeout`` included. Files are written beside their target and renamed when
complete; Ctrl-C (or SIGTERM) stops between letters, closes the output so it is valid,
and exits 130 (143); ``--resume`` then parses only the letters not yet in it.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import time
from pathlib import Path
from types import FrameType
from typing import IO, TYPE_CHECKING, Any, Generator, Iterable, Iterator

import attrs

from ..batch import (Outcome, error_record, freeze_long_lived_objects, letter_files, letter_suffixes,
                     parse_files, workers_can_load)
from ..errors import ImrParseError, InternalError, UnsupportedInput, UnwritableOutput
from ..models import Determination
from ..output import AtomicOutput, check_target
from ..parsing import parse
from ..plugin.api import FormatOptions, OutputFormat
from ..plugin.registry import Plugins, named
from ..reading import read_bytes
from ..rendering import SourceTexts, get_format
from ._progress import Reporter, Tally, count, reporter

if TYPE_CHECKING:
    from ..resume import Carry

NAME = "parse"
HELP = "parse letters (text or PDF files, folders, or - for stdin)"
STDIN = "-"

#: Seconds a letter may take in a batch before its worker is stopped (a letter takes
#: milliseconds; this only catches one that hangs).
DEFAULT_TIMEOUT = 300.0


def add_arguments(p: argparse.ArgumentParser, plugins: Plugins) -> None:
    p.description = "Parse letters and write them in one output format."
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="a letter file, a folder (its letter files, sub-folders included, sorted), "
                        "or - for stdin")
    out = p.add_argument_group("output")
    out.add_argument("-f", "--format", default="json",
                     help=f"output format: {', '.join(sorted(plugins.formats))} (default: json)")
    out.add_argument("-o", "--output", metavar="FILE",
                     help="write here instead of standard output (written as FILE.part, renamed when complete)")
    out.add_argument("--errors", metavar="FILE",
                     help="also write each failure as a JSON line "
                          "(source, error, message, expected, line, column)")
    out.add_argument("--resume", action="store_true",
                     help="keep the letters already in -o FILE (and --errors FILE) and parse only the rest")
    out.add_argument("--no-spans", dest="spans", action="store_false",
                     help="leave out character offsets (span, spans) in json, jsonl and sqlite")
    reading = p.add_argument_group("parsing")
    reading.add_argument("--lenient", action="store_true",
                         help="read what can be read from damaged letters, with warnings, instead of failing")
    reading.add_argument("--layout", metavar="NAME", help="force a layout instead of recognising it")
    reading.add_argument("--reader", metavar="NAME", help="force an input reader (e.g. pypdf)")
    batch = p.add_argument_group("batches")
    batch.add_argument("-j", "--jobs", type=int, default=1, metavar="N",
                       help="worker processes (worth it for PDFs; default 1)")
    batch.add_argument("--timeout", type=float, metavar="SECONDS",
                       help=f"time limit per letter in a batch (default {DEFAULT_TIMEOUT:g})")
    batch.add_argument("--no-recurse", dest="recurse", action="store_false",
                       help="take only the files directly in a folder, not those of its sub-folders")
    batch.add_argument("-q", "--quiet", action="store_true",
                       help="no progress, failure messages or end line on standard error")


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


def _check_names(args: argparse.Namespace, plugins: Plugins) -> None:
    """Unknown layout or reader names are bad usage, found before any letter is read."""
    for option, known in (("layout", plugins.layouts), ("reader", plugins.readers)):
        name = getattr(args, option)
        if name is not None:
            named(known, name, option)


def _check_usage(args: argparse.Namespace, fmt: OutputFormat, plugins: Plugins) -> None:
    """Bad usage found before any letter is read (exit status 2)."""
    _check_names(args, plugins)
    if fmt.needs_path and not args.output:
        raise UnsupportedInput(f"output format {fmt.name!r} writes a file", expected="-o FILE")
    if args.resume and not args.output:
        raise UnsupportedInput("--resume continues an output file", expected="-o FILE")
    if args.resume and STDIN in args.paths:
        raise UnsupportedInput("--resume cannot tell whether standard input was parsed",
                               expected="files or folders")
    if args.resume:
        from ..resume import resumer

        resumer(fmt.name)
    if args.timeout is not None and not args.timeout > 0:
        raise UnsupportedInput(f"--timeout {args.timeout:g}", expected="a number of seconds above 0")
    if args.output and args.errors and Path(args.output).resolve() == Path(args.errors).resolve():
        raise UnwritableOutput(f"-o and --errors name the same file: {args.output}",
                               expected="two different files")
    for target, option in ((args.output, "-o"), (args.errors, "--errors")):
        if target:
            check_target(target, option)


@attrs.frozen
class _Inputs:
    """The inputs in order: runs of files, with ``None`` for standard input."""

    runs: list[list[Path] | None]

    @property
    def count(self) -> int:
        return sum(1 if run is None else len(run) for run in self.runs)

    def files(self) -> list[Path]:
        return [p for run in self.runs if run is not None for p in run]


def _inputs(args: argparse.Namespace, plugins: Plugins, say: Reporter) -> _Inputs:
    """Expand folders (saying so when one holds no letters); keep the given order."""
    suffixes = letter_suffixes(plugins)
    runs: list[list[Path] | None] = []
    for raw in args.paths:
        if raw == STDIN:
            runs.append(None)
            continue
        path = Path(raw)
        if path.is_dir():
            found = letter_files(path, suffixes, recurse=args.recurse)
            if not found:
                where = "in this folder" + (" or its sub-folders" if args.recurse else "")
                hint = ""
                if not args.recurse and any(p.is_dir() for p in path.iterdir()):
                    hint = " (sub-folders were not searched: --no-recurse)"
                say.say(f"imrparse: {raw}: no letter files {where} (looked for {', '.join(suffixes)}){hint}")
        else:
            found = [path]
        last = runs[-1] if runs else None
        if last is not None:
            last.extend(found)
        else:
            runs.append(found)
    return _Inputs(runs)


class _Stop:
    """Ctrl-C (SIGINT) and SIGTERM stop the batch between letters, so that the output
    format closes its file properly. A signal that arrives while the batch waits for a
    letter interrupts the wait; one that arrives while a letter is being written only
    takes effect after it. A second signal stops at once."""

    def __init__(self) -> None:
        self.signum: int | None = None
        self.waiting = False
        self._saved: dict[int, Any] = {}

    def __enter__(self) -> _Stop:
        for signum in (signal.SIGINT, signal.SIGTERM):
            try:
                self._saved[signum] = signal.signal(signum, self._handle)
            except ValueError:  # not the main thread: leave signals alone
                break
        return self

    def __exit__(self, *exc: object) -> None:
        for signum, handler in self._saved.items():
            signal.signal(signum, handler)

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        again = self.signum is not None
        self.signum = signum
        if self.waiting or again:
            raise KeyboardInterrupt

    @property
    def status(self) -> int:
        return 128 + (self.signum or signal.SIGINT)


def _outcomes(args: argparse.Namespace, inputs: _Inputs, plugins: Plugins) -> Generator[Outcome, None, None]:
    strict = not args.lenient
    # A batch runs in worker processes (a crash or a hang costs one letter); a single
    # letter runs here, where start-up is fastest, unless a time limit is asked for. So
    # does a batch whose plugins workers could not rebuild (made on the fly), unless
    # workers were asked for (then parse_files says why it cannot).
    asked = args.jobs > 1 or args.timeout is not None
    pooled = asked or (inputs.count > 1 and workers_can_load(plugins))
    timeout = (args.timeout or DEFAULT_TIMEOUT) if pooled else None
    for run in inputs.runs:
        if run is None:
            yield _stdin_outcome(strict, args.layout, args.reader, plugins)
        elif run:
            yield from parse_files(run, strict=strict, layout=args.layout, reader=args.reader,
                                   jobs=args.jobs, timeout=timeout, plugins=plugins)


@attrs.frozen
class _Earlier:
    """What an earlier run left (``--resume``): the inputs still to parse and how its
    letters are carried into the new output."""

    todo: list[Path] = attrs.Factory(list)
    carry: Carry | None = None  # None: nothing to carry (imrparse.resume is imported with --resume only)
    kept: int = 0  # letters already in the output
    failed: int = 0  # failures already in the errors file


def _resume(fmt: OutputFormat, out: AtomicOutput, errors_out: AtomicOutput | None, inputs: _Inputs,
            plugins: Plugins, say: Reporter) -> _Earlier:
    """Read the earlier output (and errors file), start the new ones with what they
    keep, and say what was found."""
    from ..resume import previous, remaining

    before = previous(fmt.name, out.target, plugins.converter)
    errors_before = previous("jsonl", errors_out.target, plugins.converter) if errors_out is not None else None
    failed_before = errors_before.scan.sources if errors_before is not None else ()
    todo, strangers = remaining(inputs.files(), before.scan.sources, failed_before)
    for note in before.notes:
        say.say(f"imrparse: {note}")
    if strangers:
        say.say(f"imrparse: {out.target} holds {count(strangers, 'letter')} that are not among the inputs: kept")
    kept = len(before.scan.sources)
    if kept or failed_before:
        say.say(f"imrparse: resuming: {count(kept, 'letter')} already in {out.target}"
                + (f", {count(len(failed_before), 'failure')} already in {errors_out.target}"
                   if errors_out is not None and failed_before else "")
                + f"; {len(todo):,} to parse")
    if before.carry.prefix:
        out.prefill(before.target, before.carry.prefix)
    if errors_out is not None and errors_before is not None and errors_before.scan.end:
        errors_out.prefill(errors_before.target, errors_before.scan.end)
    return _Earlier(todo, before.carry, kept, len(failed_before))


def run(args: argparse.Namespace, plugins: Plugins) -> int:
    fmt = get_format(args.format, plugins)
    _check_usage(args, fmt, plugins)
    say = reporter(args.quiet)
    tally = Tally()
    inputs = _inputs(args, plugins, say)
    # One object only when the user named exactly one letter: a folder always gives an
    # array, whatever it holds, so scripts can rely on the shape.
    single = (len(args.paths) == 1 and not args.resume
              and (args.paths[0] == STDIN or not Path(args.paths[0]).is_dir()))
    texts = SourceTexts(reader=args.reader, plugins=plugins)
    options = FormatOptions(converter=plugins.converter, single=single, spans=args.spans, letter_text=texts)

    out = AtomicOutput(args.output, binary=fmt.binary) if args.output else None
    errors_out = AtomicOutput(args.errors) if args.errors else None
    earlier = _Earlier()
    if args.resume:
        assert out is not None
        earlier = _resume(fmt, out, errors_out, inputs, plugins, say)
        inputs = _Inputs([earlier.todo])

    errors_stream = errors_out.open() if errors_out is not None else None
    written = 0
    stop = _Stop()

    def determinations() -> Iterator[Determination]:
        nonlocal written
        for letter in earlier.carry.letters if earlier.carry is not None else ():
            written += 1
            yield letter
        outcomes = _outcomes(args, inputs, plugins)
        try:
            while stop.signum is None:
                stop.waiting = True
                try:
                    outcome = next(outcomes)
                except StopIteration:
                    return
                except KeyboardInterrupt:
                    stop.signum = stop.signum or signal.SIGINT
                    return
                finally:
                    stop.waiting = False
                tally.letters += 1
                if tally.letters > 1:  # a batch (for one letter, not worth a full collection)
                    freeze_long_lived_objects()
                say.advance()
                det = outcome.determination
                if det is None:
                    tally.failed += 1
                    say.say(f"imrparse: {outcome.error}")
                    if errors_stream is not None:
                        errors_stream.write(json.dumps(error_record(outcome)) + "\n")
                        errors_stream.flush()
                    continue
                tally.parsed += 1
                tally.warned += bool(det.warnings)
                tally.items += len(det.items)
                written += 1
                texts.note(det, outcome.source)  # for formats that show the letter's text
                yield det
        finally:
            outcomes.close()  # stops the workers

    say.start(inputs.count)
    try:
        with stop:
            _write(fmt, determinations(), out, earlier.carry is not None and earlier.carry.skip_header,
                   options, plugins)
    except BaseException as exc:
        say.stop()
        for target in (out, errors_out):
            if target is not None:
                target.discard()
        if isinstance(exc, KeyboardInterrupt):
            say.say("imrparse: stopped at once: " + (
                f"{out.target} was left as it was" if out is not None else "the output is incomplete"))
            return stop.status
        if isinstance(exc, OSError) and not isinstance(exc, BrokenPipeError) and out is not None:
            raise UnwritableOutput(f"writing {out.target} failed: {exc.strerror or exc}") from None
        raise
    say.stop()
    if errors_out is not None:
        errors_out.commit()
    if out is not None:
        out.commit()
    if stop.signum is not None:
        where = f"{out.target} holds {count(written, 'letter')}" if out else f"{count(written, 'letter')} written"
        say.say(f"imrparse: interrupted: {where}" + ("; --resume continues" if out else ""))
    if inputs.count == 0 and not earlier.kept:
        say.say("imrparse: no letters were read")
    say.say(tally.line())
    if stop.signum is not None:
        return stop.status
    if tally.failed or earlier.failed or (inputs.count == 0 and not earlier.kept):
        return 1
    return 0


def _write(fmt: OutputFormat, dets: Iterable[Determination], out: AtomicOutput | None, skip_header: bool,
           options: FormatOptions, plugins: Plugins) -> None:
    if out is None:
        plugins.write(fmt, dets, sys.stdout.buffer if fmt.binary else sys.stdout, options)
        sys.stdout.flush()
        return
    if fmt.needs_path:
        plugins.write(fmt, dets, str(out.path_for_writer), options)
        return
    stream: IO[Any] = out.open()
    if skip_header:
        from ..resume import SkipFirstLine

        stream = SkipFirstLine(stream)  # type: ignore[assignment]
    plugins.write(fmt, dets, stream, options)
