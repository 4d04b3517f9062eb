"""Many letters at once, in input order, none lost: each ends parsed or with its error."""

from __future__ import annotations

import gc
import itertools
import os
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Iterable, Iterator, Sequence

import attrs

from .errors import ImrParseError, InternalError
from .models import Determination
from .parsing import parse_file
from .plugin.registry import Plugins

__all__ = ["Outcome", "parse_files", "expand_paths", "freeze_long_lived_objects", "LETTER_SUFFIXES"]

#: What a folder given as input contributes: its letters, sorted by name.
LETTER_SUFFIXES = (".txt", ".pdf")


@attrs.frozen
class Outcome:
    """One input of a batch: its determination, or the error that stopped it."""

    source: str
    """The input's path, as given (or as found in a folder)."""
    determination: Determination | None = None
    """The parsed letter; ``None`` when it failed."""
    error: ImrParseError | None = None
    """Why it failed (an :class:`~imrparse.errors.ImrParseError` naming the file); ``None``
    when it parsed."""

    @property
    def ok(self) -> bool:
        """True when the letter parsed (``determination`` is set, ``error`` is None)."""
        return self.error is None


def expand_paths(paths: Iterable[str | os.PathLike[str]],
                 suffixes: Sequence[str] = LETTER_SUFFIXES) -> list[Path]:
    """Files as given; folders replaced by their letter files (``.txt``, ``.pdf``), sorted."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            out.extend(sorted(p for p in path.iterdir()
                              if p.is_file() and p.suffix.lower() in suffixes))
        else:
            out.append(path)
    return out


_frozen = False


def freeze_long_lived_objects() -> None:
    """Move everything alive now (grammars, vocabularies, plugins) out of the cyclic
    garbage collector's way. Parsing allocates many short-lived objects, and each full
    collection would otherwise walk the long-lived ones again: about a third of the
    time per letter. Called once a process has parsed its first letter (the command
    line and the batch workers do; a long-running program of your own can too)."""
    global _frozen
    if not _frozen:
        gc.collect()
        gc.freeze()
        _frozen = True


def _parse_one(path: Path, strict: bool, layout: str | None, reader: str | None,
               plugins: Plugins | None) -> Outcome:
    try:
        det = parse_file(path, strict=strict, layout=layout, reader=reader, plugins=plugins)
        return Outcome(source=str(path), determination=det)
    except ImrParseError as exc:
        return Outcome(source=str(path), error=exc.with_source(path.name))
    except Exception as exc:  # a bug must not cost the rest of the batch
        return Outcome(source=str(path), error=InternalError(
            f"imrparse failed unexpectedly: {type(exc).__name__}: {exc}", source=path.name))


def _parse_chunk(args: tuple[list[Path], bool, str | None, str | None]) -> list[Outcome]:
    paths, strict, layout, reader = args
    outcomes = []
    for path in paths:
        outcomes.append(_parse_one(path, strict, layout, reader, None))
        freeze_long_lived_objects()  # in a worker process: its own heap
    return outcomes


def parse_files(
    paths: Iterable[str | os.PathLike[str]],
    *,
    strict: bool = True,
    layout: str | None = None,
    reader: str | None = None,
    jobs: int = 1,
    chunk_size: int = 50,
    plugins: Plugins | None = None,
) -> Iterator[Outcome]:
    """Parse letter files (folders expand to their letters), yielding one
    :class:`Outcome` per file in input order.

    ``jobs > 1`` parses in that many worker processes, ``chunk_size`` files at a time
    (PDF extraction dominates, so processes pay off there). Worker processes load the
    installed plugins themselves, so ``plugins`` must be ``None`` with ``jobs > 1``.
    After the first letter, the objects alive then are frozen out of the garbage
    collector's way (:func:`freeze_long_lived_objects`), which makes bulk parsing
    about a third faster.

    >>> import imrparse
    >>> for outcome in imrparse.parse_files(["tests/fixtures/letters/", "missing.pdf"]):
    ...     print(outcome.ok, outcome.determination.source if outcome.ok else outcome.error)
    True 000_0fbd6ac09ab502b6.txt
    True 001_04d8dc147ef1d0e3.txt
    True 002_cbf28cedfb10dc80.txt
    True 003_719f28c06be338f8.txt
    True 004_ab5ab072779df70a.txt
    False missing.pdf: cannot read the file: No such file or directory
    """
    files = expand_paths(paths)
    if jobs <= 1 or len(files) <= 1:
        for path in files:
            yield _parse_one(path, strict, layout, reader, plugins)
            freeze_long_lived_objects()
        return
    if plugins is not None:
        raise ValueError("jobs > 1 loads the installed plugins in each worker; pass plugins=None")
    chunks = [(files[i:i + chunk_size], strict, layout, reader)
              for i in range(0, len(files), chunk_size)]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        # Keep only a few chunks in flight, so a slow consumer does not make finished
        # results pile up in memory; yield them in input order.
        pending: deque[Future[list[Outcome]]] = deque()
        queued = iter(chunks)
        for chunk in itertools.islice(queued, 2 * jobs):
            pending.append(pool.submit(_parse_chunk, chunk))
        while pending:
            outcomes = pending.popleft().result()
            for chunk in itertools.islice(queued, 1):
                pending.append(pool.submit(_parse_chunk, chunk))
            yield from outcomes
