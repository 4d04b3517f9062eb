"""imrparse's regular expressions, compiled ahead of time and shipped in the package.

Python's ``re`` compiles a pattern in Python code (``re._parser``, ``re._compiler``):
the field readers, the phrase sets and the layouts compile about 250 patterns, most of
them on import or on the first letter, which took about a third of a one-letter
command's time (0.1 s of processor time on a first run). The compiler's output, the
program that ``re``'s C engine runs, is plain data: ``scripts/compile_patterns.py``
collects every pattern imrparse compiles while parsing the repository's letters and
writes what the compiler makes of each, for each Python version it is given, to
``imrparse/compiled/patterns-<implementation>-<version>.bin``.

:func:`install` (run by ``import imrparse``, before any of its modules compiles a
pattern) builds those patterns from their programs with ``_sre.compile``, as
``re.compile`` does after compiling, and puts them in ``re``'s own cache, where
``re.compile`` (and ``re.search`` ...) looks first. Nothing else changes: a pattern
is the same object ``re.compile`` would have made, and one that is not in the table
(changed since, or built from a letter's words) is compiled as usual. The table is used
only when it was made by the same Python version (``re``'s program format and its
``MAGIC`` number) on a machine of the same byte order, and only when ``re`` keeps its
cache as Python 3.10 to 3.13 do; otherwise everything is compiled as before.
``IMRPARSE_COMPILED_PATTERNS=0`` turns it off.
"""

from __future__ import annotations

import marshal
import os
import re
import sys
from array import array
from typing import Any

import _sre  # type: ignore[import-not-found]  # re's C engine (loaded with re; no stubs)

__all__ = ["FORMAT", "install", "table_name", "table_header", "installed"]

#: The version of the table's layout (see :func:`table_header`).
FORMAT = 1

# One entry: the pattern and the flags given to re.compile (re's cache key), then the
# arguments of _sre.compile with the program as native-order bytes.
Entry = tuple[str, int, int, bytes, int, dict[str, int], tuple[Any, ...]]

_installed = 0


def table_name(implementation: str | None = None, version: tuple[int, int] | None = None) -> str:
    """The file name of the table for a Python (default: the running one)."""
    impl = implementation or sys.implementation.name
    major, minor = version or sys.version_info[:2]
    return f"patterns-{impl}-{major}{minor}.bin"


def table_header() -> dict[str, Any]:
    """What a table must have been made with to be used by this interpreter."""
    return {"format": FORMAT, "implementation": sys.implementation.name,
            "version": list(sys.version_info[:2]), "magic": _sre.MAGIC,
            "codesize": _sre.CODESIZE, "byteorder": sys.byteorder}


def _read_table() -> list[Entry] | None:
    path = os.path.join(os.path.dirname(__file__), "compiled", table_name())
    try:
        # The module's loader reads package data from a folder or a zip file alike.
        data = __spec__.loader.get_data(path)  # type: ignore[union-attr]
        header, entries = marshal.loads(data)
    except Exception:  # missing (another Python version), unreadable or damaged
        return None
    if header != table_header():
        return None
    return list(entries)


def install() -> int:
    """Put the shipped compiled patterns into ``re``'s cache (once per process); the
    number put there (0 when there is no usable table)."""
    global _installed
    if _installed or os.environ.get("IMRPARSE_COMPILED_PATTERNS", "1") == "0":
        return _installed
    cache = getattr(re, "_cache", None)
    if not isinstance(cache, dict):
        return 0
    entries = _read_table()
    if not entries:
        return 0
    put: list[tuple[Any, ...]] = []
    try:
        for pattern, flags, final_flags, code, groups, groupindex, indexgroup in entries:
            key = (str, pattern, flags)
            if key in cache:
                continue
            # _sre.compile checks the program before accepting it.
            cache[key] = _sre.compile(pattern, final_flags, array("I", code).tolist(), groups,
                                      groupindex, indexgroup)
            put.append(key)
        # re must find them where they were put (its cache as Python 3.10-3.13 keep it).
        if put and re.compile(put[0][1], put[0][2]) is not cache.get(put[0]):
            raise LookupError("re does not look in its _cache")
    except Exception:
        for key in put:
            cache.pop(key, None)
        return 0
    _installed = len(put)
    return _installed


def installed() -> int:
    """How many patterns :func:`install` put in ``re``'s cache in this process."""
    return _installed
