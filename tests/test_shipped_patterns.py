"""The compiled patterns shipped in the package (imrparse/_shipped_patterns.py).

A pattern built from the table must be exactly what ``re`` compiles (``re.Pattern``
equality compares the compiled program), the table of the running Python must hold
every pattern imrparse compiles on the repository's letters (else
``scripts/compile_patterns.py`` must be run), and a table made by another Python must
not be used.
"""

from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys
from array import array
from pathlib import Path

import _sre
import pytest

from imrparse import _shipped_patterns

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "compile_patterns.py"
TABLE = Path(_shipped_patterns.__file__).parent / "compiled" / _shipped_patterns.table_name()
SHIPPED_FOR = [(3, 10), (3, 11), (3, 12), (3, 13)]

needs_table = pytest.mark.skipif(
    not TABLE.is_file(), reason=f"no table for this Python ({_shipped_patterns.table_name()})")

try:
    from re import _compiler as re_compiler  # type: ignore[attr-defined]
except ImportError:  # Python 3.10
    import sre_compile as re_compiler


def _entries() -> list[tuple]:  # type: ignore[type-arg]
    header, entries = marshal.loads(TABLE.read_bytes())
    assert header == _shipped_patterns.table_header()
    return list(entries)


def test_cpython_versions_have_a_table() -> None:
    if sys.implementation.name != "cpython" or sys.version_info[:2] not in SHIPPED_FOR:
        pytest.skip("imrparse ships tables for CPython 3.10 to 3.13")
    assert TABLE.is_file(), f"{TABLE.name} is missing: run scripts/compile_patterns.py"


@needs_table
def test_every_pattern_of_the_table_is_what_re_compiles() -> None:
    entries = _entries()
    assert len(entries) > 100
    for pattern, flags, final_flags, code, groups, groupindex, indexgroup in entries:
        shipped = _sre.compile(pattern, final_flags, array("I", code).tolist(), groups, groupindex, indexgroup)
        assert shipped == re_compiler.compile(pattern, flags), pattern[:80]


@needs_table
def test_the_table_holds_every_pattern_imrparse_compiles() -> None:
    done = subprocess.run([sys.executable, str(SCRIPT), "--check"], capture_output=True, text=True)
    assert done.returncode == 0, (
        f"{done.stdout}{done.stderr}\nrun scripts/compile_patterns.py (for every Python you can) and commit it")


@needs_table
def test_importing_imrparse_puts_the_table_in_re_cache() -> None:
    code = ("import re, imrparse\n"
            "from imrparse import _shipped_patterns as s\n"
            "from imrparse.text.phrases import _TOKEN\n"
            "print(s.installed())\n"
            "assert re._cache[(str, _TOKEN.pattern, _TOKEN.flags & ~re.UNICODE)] is _TOKEN\n")
    env = {k: v for k, v in os.environ.items() if k != "IMRPARSE_COMPILED_PATTERNS"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert int(done.stdout) == len(_entries())
    off = subprocess.run([sys.executable, "-c", "import imrparse; print(imrparse._shipped_patterns.installed())"],
                         capture_output=True, text=True, env={**env, "IMRPARSE_COMPILED_PATTERNS": "0"},
                         check=True)
    assert off.stdout.strip() == "0"


@needs_table
def test_a_table_of_another_python_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    header = _shipped_patterns.table_header()
    for changed in ({"magic": header["magic"] + 1}, {"version": [2, 7]}, {"format": 0},
                    {"byteorder": "big" if sys.byteorder == "little" else "little"}):
        monkeypatch.setattr(_shipped_patterns, "table_header", lambda c=changed: {**header, **c})
        assert _shipped_patterns._read_table() is None
    monkeypatch.undo()
    assert _shipped_patterns._read_table()


def test_a_damaged_table_changes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """A program that _sre rejects: no pattern of the table is left in re's cache."""
    pattern = "(?:shipped-pattern-test)+x"
    entry = (pattern, 0, re.UNICODE, array("I", [1, 2, 3]).tobytes(), 0, {}, ())
    monkeypatch.setattr(_shipped_patterns, "_installed", 0)
    monkeypatch.setattr(_shipped_patterns, "_read_table", lambda: [entry])
    assert _shipped_patterns.install() == 0
    assert (str, pattern, 0) not in re._cache  # type: ignore[attr-defined]
    assert re.compile(pattern).match("shipped-pattern-testx")
