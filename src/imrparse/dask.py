"""Letters on a Dask cluster (``pip install 'imrparse[dask]'``).

    letters, errors = imrparse.dask.read_letters("letters/**/*.pdf")   # Bag, Bag
    items, errors = imrparse.dask.read_items("letters/")               # DataFrame, DataFrame

Both are lazy. The letters are parsed once per partition (``files_per_partition``
files) on whichever workers the scheduler picks, each worker building the parser once
(its first letter) and keeping it. A letter that fails is never dropped: it becomes a
record of the error collection (``source``, ``error``, ``message``, ``expected``,
``line``, ``column``: the records of ``imrparse parse --errors``), a Bag of dicts
beside the Bag of letters, a DataFrame beside the DataFrame of items. The letters and the
errors come from the same tasks: compute or write them together (``dask.compute(a, b)``)
and each letter is parsed once.

``read_items`` gives one row per disputed item with the columns of the ``csv`` format
(a letter without items gives one row), typed: ``string``, ``Int64``, ``boolean`` and
``datetime64`` columns instead of text. Lists are joined into one cell as in the CSV.

The paths must be readable by the workers (a folder they share); the workers parse with
the plugins installed where they run. See docs/batches.md for a real scheduler and for
writing Parquet to object storage.
"""

from __future__ import annotations

import glob
import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, NamedTuple, Sequence

from .batch import (ERROR_FIELDS, Outcome, _Settings, _warm_up, error_record, expand_paths, parse_files,
                    parse_one)
from .contract import Shape, fields_of
from .errors import UnsupportedInput
from .models import Determination, Item
from .plugin.registry import Plugins, get_plugins

if TYPE_CHECKING:
    import dask.bag
    import dask.dataframe
    import pandas

__all__ = ["read_letters", "read_items", "Letters", "Items", "items_frame", "errors_frame"]

INSTALL_HINT = "pip install 'imrparse[dask]'"


class Letters(NamedTuple):
    """What :func:`read_letters` gives: the letters and the failures (error records), both lazy."""

    letters: dask.bag.Bag
    errors: dask.bag.Bag


class Items(NamedTuple):
    """What :func:`read_items` gives: the item rows and the failures, both lazy."""

    items: dask.dataframe.DataFrame
    errors: dask.dataframe.DataFrame


def _dask() -> Any:
    try:
        import dask
        import dask.bag  # noqa: F401
        import dask.dataframe  # noqa: F401
    except ImportError:
        raise UnsupportedInput("imrparse.dask needs dask", expected=f"dask installed: {INSTALL_HINT}") from None
    return dask


# -- in the workers ----------------------------------------------------------------------------

_lock = threading.Lock()
_plugins: Plugins | None = None
#: How many times this process built its plugins (once: the tests check it).
_builds = 0


def _worker_plugins() -> Plugins:
    """The plugins of this worker process, built by its first task and kept."""
    global _plugins, _builds
    with _lock:
        if _plugins is None:
            _plugins = get_plugins()
            _warm_up(_plugins)  # the parser built now, and frozen out of the collector's way
            _builds += 1
        return _plugins


def _parse_partition(paths: Sequence[str], strict: bool, layout: str | None, reader: str | None,
                     timeout: float | None = None) -> list[Outcome]:
    plugins = _worker_plugins()
    if timeout is not None:
        # Each letter in a child process of this worker: a crash or a hang costs one letter.
        import multiprocessing

        if multiprocessing.current_process().daemon:
            raise UnsupportedInput("imrparse.dask with timeout= starts processes in the Dask workers",
                                   expected="workers that may: dask config distributed.worker.daemon: False")
        return list(parse_files(paths, strict=strict, layout=layout, reader=reader, jobs=1,
                                timeout=timeout, plugins=plugins))
    settings = _Settings(strict=strict, layout=layout, reader=reader)
    return [parse_one(Path(p), settings, plugins) for p in paths]


def _letters_of(outcomes: list[Outcome]) -> list[Determination]:
    return [o.determination for o in outcomes if o.determination is not None]


def _error_records(outcomes: list[Outcome]) -> list[dict[str, Any]]:
    return [error_record(o) for o in outcomes if not o.ok]


def errors_frame(outcomes: Iterable[Outcome]) -> pandas.DataFrame:
    """The failed outcomes as a pandas DataFrame of error records."""
    import pandas as pd

    frame = pd.DataFrame.from_records(_error_records(list(outcomes)), columns=list(ERROR_FIELDS))
    return frame.astype(_ERROR_DTYPES)


_ERROR_DTYPES = {"source": "string", "error": "string", "message": "string", "expected": "string",
                 "line": "Int64", "column": "Int64"}


# -- item rows: the CSV columns, typed ----------------------------------------------------------

def _column_shape(name: str) -> Shape:
    """The contract shape of a CSV column (``case.decision_date``, ``item.service.category``)."""
    if name == "item.index":
        return Shape("int")
    parts = name.split(".")
    cls: type | None = Determination
    if parts[0] == "item":
        cls, parts = Item, parts[1:]
    shape = Shape("object", cls=cls)
    for part in parts:
        found = [f.shape for f in fields_of(shape.cls) if f.name == part] if shape.cls is not None else []
        if not found:  # a column the format derives (e.g. the guideline codes): text
            return Shape("str")
        shape = found[0]
    return shape


_DTYPE_OF_KIND = {"int": "Int64", "bool": "boolean", "date": "datetime64[s]"}


def _dtypes() -> dict[str, str]:
    from .builtin.formats.csv import columns

    return {name: _DTYPE_OF_KIND.get(_column_shape(name).kind, "string") for name in columns()}


def items_frame(determinations: Iterable[Determination], plugins: Plugins | None = None) -> pandas.DataFrame:
    """The item rows of letters as a typed pandas DataFrame (the ``csv`` format's
    columns and cells, with numbers, flags and dates as such; empty cells missing)."""
    import pandas as pd

    from .builtin.formats.csv import columns, rows

    converter = (plugins or get_plugins()).converter
    cells = [row for det in determinations for row in rows(det, converter)]
    frame = pd.DataFrame(cells, columns=columns(), dtype=object)
    frame = frame.replace("", None)
    typed: dict[str, Any] = {}
    for name, dtype in _dtypes().items():
        column = frame[name]
        if dtype == "boolean":
            column = column.map({"true": True, "false": False, None: None})
        elif dtype.startswith("datetime64"):
            column = pd.to_datetime(column, format="%Y-%m-%d")
        typed[name] = column.astype(dtype)
    return pd.DataFrame(typed)


def _items_of(outcomes: list[Outcome]) -> pandas.DataFrame:
    return items_frame(_letters_of(outcomes), _worker_plugins())


# -- on the client -----------------------------------------------------------------------------

def _paths(paths_or_glob: str | os.PathLike[str] | Iterable[str | os.PathLike[str]], recurse: bool) -> list[str]:
    """Files, folders (their letter files) and glob patterns (``**`` included), in order."""
    given = [paths_or_glob] if isinstance(paths_or_glob, (str, os.PathLike)) else list(paths_or_glob)
    out: list[str] = []
    for item in given:
        text = os.fspath(item)
        if glob.has_magic(text):
            out.extend(sorted(p for p in glob.glob(text, recursive=True) if os.path.isfile(p)))
        else:
            out.extend(str(p) for p in expand_paths([text], recurse=recurse))
    return out


def _partitions(paths_or_glob: Any, strict: bool, layout: str | None, reader: str | None,
                files_per_partition: int, recurse: bool, timeout: float | None) -> list[Any]:
    dk = _dask()
    files = _paths(paths_or_glob, recurse)
    parse = dk.delayed(_parse_partition, pure=True)
    return [parse(files[i:i + files_per_partition], strict, layout, reader, timeout)
            for i in range(0, len(files), files_per_partition)]


def _error_frames(parts: list[Any]) -> dask.dataframe.DataFrame:
    dk = _dask()
    meta = errors_frame([])
    frames: dask.dataframe.DataFrame
    if not parts:
        frames = dk.dataframe.from_pandas(meta, npartitions=1)
    else:
        to_frame = dk.delayed(errors_frame, pure=True)
        frames = dk.dataframe.from_delayed([to_frame(p) for p in parts], meta=meta, verify_meta=False)
    return frames


def read_letters(
    paths_or_glob: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    strict: bool = True,
    layout: str | None = None,
    reader: str | None = None,
    files_per_partition: int = 50,
    recurse: bool = True,
    timeout: float | None = None,
) -> Letters:
    """A lazy ``dask.bag.Bag`` of :class:`~imrparse.models.Determination`, in input
    order, and the failures as a lazy Bag of error records (dicts with the keys
    ``source``, ``error``, ``message``, ``expected``, ``line``, ``column``).

    ``paths_or_glob``: a file, a folder (its letter files, sub-folders included unless
    ``recurse`` is false), a glob pattern (``letters/**/*.pdf``), or a list of them.
    ``timeout`` (seconds per letter) parses each task's letters in a child process of
    its worker, so that a letter that crashes (C code) or hangs fails alone, with
    ``WorkerCrashed`` or ``TimedOut``, instead of taking its task down; the Dask
    workers must be allowed to start processes (``distributed.worker.daemon: False``).
    """
    dk = _dask()
    parts = _partitions(paths_or_glob, strict, layout, reader, files_per_partition, recurse, timeout)
    if not parts:
        return Letters(dk.bag.from_sequence([]), dk.bag.from_sequence([]))
    letters_of = dk.delayed(_letters_of, pure=True)
    errors_of = dk.delayed(_error_records, pure=True)
    return Letters(dk.bag.from_delayed([letters_of(p) for p in parts]),
                   dk.bag.from_delayed([errors_of(p) for p in parts]))


def read_items(
    paths_or_glob: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    strict: bool = True,
    layout: str | None = None,
    reader: str | None = None,
    files_per_partition: int = 50,
    recurse: bool = True,
    timeout: float | None = None,
) -> Items:
    """A lazy ``dask.dataframe.DataFrame`` with one row per disputed item (the ``csv``
    format's columns, typed), and the failures as a lazy DataFrame of error records.
    The arguments are those of :func:`read_letters`."""
    dk = _dask()
    parts = _partitions(paths_or_glob, strict, layout, reader, files_per_partition, recurse, timeout)
    meta = items_frame([])
    if parts:
        items_of = dk.delayed(_items_of, pure=True)
        items = dk.dataframe.from_delayed([items_of(p) for p in parts], meta=meta, verify_meta=False)
    else:
        items = dk.dataframe.from_pandas(meta, npartitions=1)
    return Items(items, _error_frames(parts))
