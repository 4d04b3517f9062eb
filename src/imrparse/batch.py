"""Many letters at once, in input order, none lost: each ends parsed or with its error."""

from __future__ import annotations

import gc
import importlib
import math
import os
import pickle
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

import attrs

from .errors import ImrParseError, InternalError, PluginError, TimedOut, WorkerCrashed
from .models import Determination
from .parsing import parse_file
from .plugin.registry import Plugins, get_plugins

__all__ = ["Outcome", "parse_files", "expand_paths", "letter_files", "letter_suffixes",
           "freeze_long_lived_objects", "hold_collection", "release_collection", "error_record",
           "ERROR_FIELDS", "workers_can_load"]


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


#: The fields of a failure record (``--errors FILE``, the Dask error collection).
ERROR_FIELDS = ("source", "error", "message", "expected", "line", "column")


def error_record(outcome: Outcome) -> dict[str, Any]:
    """A failed outcome as a flat record: its path, the error's class name, message,
    what was expected, and the line and column in the letter (when known)."""
    err = outcome.error
    assert err is not None, "error_record() of a letter that parsed"
    return {"source": outcome.source, "error": type(err).__name__, "message": err.message,
            "expected": err.expected, "line": err.line, "column": err.column}


def letter_suffixes(plugins: Plugins | None = None) -> tuple[str, ...]:
    """The file name endings the installed readers claim (``.pdf``, ``.txt``, ...),
    lower case and sorted: what a folder given as input contributes."""
    return (plugins or get_plugins()).letter_suffixes()


def letter_files(folder: str | os.PathLike[str], suffixes: Sequence[str], *,
                 recurse: bool = True) -> list[Path]:
    """The letter files in ``folder`` (and its sub-folders unless ``recurse`` is false):
    names ending with one of ``suffixes`` in any letter case, hidden files and folders
    (``.git``, macOS ``._x.pdf``) left out, sorted by path so the order is stable."""
    ends = tuple(s.lower() for s in suffixes)
    root = Path(folder)
    found: list[Path] = []
    for top, dirs, names in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")] if recurse else []
        found.extend(Path(top, n) for n in names
                     if not n.startswith(".") and n.lower().endswith(ends) and os.path.isfile(Path(top, n)))
    return sorted(found, key=lambda p: p.relative_to(root).parts)


def expand_paths(paths: Iterable[str | os.PathLike[str]], suffixes: Sequence[str] | None = None, *,
                 recurse: bool = True, plugins: Plugins | None = None) -> list[Path]:
    """Files as given; folders replaced by their letter files (:func:`letter_files`,
    with the installed readers' suffixes unless ``suffixes`` is given)."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            if suffixes is None:
                suffixes = letter_suffixes(plugins)
            out.extend(letter_files(path, suffixes, recurse=recurse))
        else:
            out.append(path)
    return out


_frozen = False
# The collector's thresholds while it is held back (hold_collection), to restore.
_held: tuple[int, int, int] | None = None
_freeze_at_exit = False
# Objects allocated (less those freed) before the youngest generation is collected, while
# held back: Python's default is 700.
_HELD_THRESHOLD = 200_000


def freeze_long_lived_objects() -> None:
    """Move everything alive now (grammars, vocabularies, plugins) out of the cyclic
    garbage collector's way. Parsing allocates many short-lived objects, and each full
    collection would otherwise walk the long-lived ones again: about a third of the
    time per letter. Called once a process has parsed its first letter (the command
    line and the batch workers do; a long-running program of your own can too). Ends
    :func:`hold_collection`."""
    global _frozen
    if not _frozen:
        gc.collect()
        gc.freeze()
        _frozen = True
    release_collection()


def hold_collection() -> None:
    """Let the cyclic garbage collector run rarely until :func:`release_collection` (or
    :func:`freeze_long_lived_objects`, after a batch's first letter), and skip the
    objects alive at exit in the interpreter's last collection. Starting up and parsing
    a first letter allocate mostly objects that live as long as the process (modules,
    compiled patterns, parser tables, vocabularies), which every collection walked again:
    together with the last collection at exit, a tenth of a one-letter command. (The
    command line calls this as it starts; collections still run, every 200,000
    allocations instead of every 700, so memory stays bounded on a huge letter.)"""
    global _held, _freeze_at_exit
    if _held is None:
        _held = gc.get_threshold()
        gc.set_threshold(_HELD_THRESHOLD, *_held[1:])
    if not _freeze_at_exit:
        import atexit

        atexit.register(gc.freeze)  # runs before the interpreter's last collection
        _freeze_at_exit = True


def release_collection() -> None:
    """Undo :func:`hold_collection` (the collector's own thresholds again)."""
    global _held
    if _held is not None:
        gc.set_threshold(*_held)
        _held = None


@attrs.frozen
class _Settings:
    """What every letter of a batch is parsed with (sent to each worker once)."""

    strict: bool
    layout: str | None
    reader: str | None
    #: The caller's plugins, in registration order: (name, module name or None, pickle or None).
    plugins: tuple[tuple[str, str | None, bytes | None], ...] = ()


def parse_one(path: Path, settings: _Settings, plugins: Plugins | None) -> Outcome:
    """One file's outcome; never raises for a bad letter or a plugin's bug."""
    try:
        det = parse_file(path, strict=settings.strict, layout=settings.layout, reader=settings.reader,
                         plugins=plugins)
        return Outcome(source=str(path), determination=det)
    except ImrParseError as exc:
        return Outcome(source=str(path), error=exc.with_source(path.name))
    except Exception as exc:  # a bug must not cost the rest of the batch
        return Outcome(source=str(path), error=InternalError(
            f"imrparse failed unexpectedly: {type(exc).__name__}: {exc}", source=path.name))


def _plugin_spec(plugins: Plugins) -> tuple[tuple[str, str | None, bytes | None], ...]:
    """How a worker rebuilds ``plugins``: modules by name, other plugin objects pickled."""
    spec: list[tuple[str, str | None, bytes | None]] = []
    for name, plugin in plugins.pm.list_name_plugin():
        if plugin is None:  # blocked
            continue
        module = getattr(plugin, "__name__", None)
        if isinstance(module, str) and getattr(plugin, "__spec__", None) is not None:
            spec.append((name, module, None))
            continue
        try:
            spec.append((name, None, pickle.dumps(plugin)))
        except Exception as exc:
            raise PluginError(f"plugin {name!r} cannot be sent to worker processes ({exc}): "
                              "register a module, or a picklable object",
                              plugin=name, hook="register") from None
    return tuple(spec)


def workers_can_load(plugins: Plugins) -> bool:
    """Whether worker processes can rebuild ``plugins``: every plugin is an importable
    module or an object that pickles (not, say, a module made on the fly in a test)."""
    try:
        _plugin_spec(plugins)
    except PluginError:
        return False
    return True


def _worker_init(settings: _Settings) -> tuple[Plugins, _Settings]:
    """In a worker: the caller's plugins, rebuilt once (grammars load on the first letter)."""
    import pluggy

    from .plugin import hookspecs
    from .plugin.api import PROJECT_NAME

    pm = pluggy.PluginManager(PROJECT_NAME)
    pm.add_hookspecs(hookspecs)
    for name, module, data in settings.plugins:
        try:
            pm.register(importlib.import_module(module) if module else pickle.loads(data or b""), name=name)
        except Exception as exc:
            raise PluginError(f"a worker process cannot load plugin {name!r} ({module or 'pickled'}): "
                              f"{type(exc).__name__}: {exc}", plugin=name, hook="load") from None
    plugins = Plugins(pm)
    _warm_up(plugins)
    return plugins, settings


def _warm_up(plugins: Plugins) -> None:
    """Build the parser now (grammars, compiled patterns) by parsing a sample letter,
    so that a letter's time limit counts the letter only, and freeze what it built."""
    from .parsing import parse
    from .testing import SAMPLE_LETTER

    try:
        parse(SAMPLE_LETTER, plugins=plugins)
    except Exception:  # a plugin that dislikes the sample: its letters will say so
        pass
    freeze_long_lived_objects()


def _worker_parse(state: tuple[Plugins, _Settings], path: Path) -> Outcome:
    plugins, settings = state
    outcome = parse_one(path, settings, plugins)
    freeze_long_lived_objects()  # in a worker process: its own heap
    return outcome


def _failed(path: Path, failure: object) -> Outcome:
    from ._pool import Failure

    assert isinstance(failure, Failure)
    error: ImrParseError
    if failure.kind == "timeout":
        error = TimedOut(f"reading and parsing took longer than the time limit ({failure.detail})",
                         expected="a letter that parses in time (raise --timeout for huge files)",
                         source=path.name)
    elif failure.kind == "crashed":
        error = WorkerCrashed(f"the worker process reading this file died ({failure.detail})",
                              expected="a file the PDF library can read (a damaged or hostile PDF?)",
                              source=path.name)
    else:
        error = InternalError(f"imrparse failed unexpectedly: {failure.detail}", source=path.name)
    return Outcome(source=str(path), error=error)


def parse_files(
    paths: Iterable[str | os.PathLike[str]],
    *,
    strict: bool = True,
    layout: str | None = None,
    reader: str | None = None,
    jobs: int = 1,
    chunk_size: int = 50,
    timeout: float | None = None,
    recurse: bool = True,
    plugins: Plugins | None = None,
) -> Iterator[Outcome]:
    """Parse letter files (folders expand to their letter files, sub-folders included
    unless ``recurse`` is false), yielding one :class:`Outcome` per file in input order.

    With ``jobs > 1`` or a ``timeout`` (seconds per letter), letters are parsed in
    worker processes, ``chunk_size`` files at a time (PDF extraction dominates, so
    processes pay off there). A worker that dies on a letter (killed in C code) or
    overruns ``timeout`` costs that letter only: its outcome carries a
    :class:`~imrparse.errors.WorkerCrashed` or :class:`~imrparse.errors.TimedOut` error.
    Workers rebuild ``plugins`` (default: the installed ones) from their modules. Memory
    stays flat however many files there are. In the calling process (``jobs=1``, no
    timeout), the objects alive after the first letter are frozen out of the garbage
    collector's way (:func:`freeze_long_lived_objects`), which makes bulk parsing about a
    third faster.

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
    files = expand_paths(paths, recurse=recurse, plugins=plugins)
    settings = _Settings(strict=strict, layout=layout, reader=reader)
    if jobs <= 1 and timeout is None:
        for i, path in enumerate(files):
            if i:  # from the second letter on (one letter is not worth a full collection)
                freeze_long_lived_objects()
            yield parse_one(path, settings, plugins)
        return
    from . import _pool

    settings = attrs.evolve(settings, plugins=_plugin_spec(plugins or get_plugins()))
    # Small batches are cut finer so that every worker gets some.
    size = max(1, min(chunk_size, math.ceil(len(files) / (2 * jobs))))
    yield from _pool.imap(files, init=_worker_init, init_arg=settings,
                          work=_worker_parse, on_failure=_failed, jobs=jobs, chunk_size=size,
                          timeout=timeout, preload=["imrparse.batch"])
