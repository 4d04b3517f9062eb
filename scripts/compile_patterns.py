#!/usr/bin/env python3
"""Compile imrparse's regular expressions into the tables that ship with it.

Collects every pattern imrparse compiles while parsing the repository's letters (the
seeds, the 2013 notices, the sample letter; strict and lenient; through every output
format of the command line), in two fresh processes with different hash seeds (a
pattern that differs between them is built from a set's order and is reported: sort
it), and writes, for each Python given, what that Python's ``re`` compiler makes of
each pattern to ``src/imrparse/compiled/patterns-<implementation>-<version>.bin``
(see ``imrparse/_shipped_patterns.py``). The other Pythons need nothing but their
standard library. Run it after changing a pattern or a vocabulary
(``tests/test_shipped_patterns.py`` fails until then), and commit the files it writes.

Usage::

    python scripts/compile_patterns.py                      # the running Python's table
    python scripts/compile_patterns.py --python python3.12  # and another Python's (repeatable)
    python scripts/compile_patterns.py --check              # exit 1 when the running Python's is not current
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import marshal
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
COMPILED = ROOT / "src" / "imrparse" / "compiled"
MODULE = ROOT / "src" / "imrparse" / "_shipped_patterns.py"

# Run in a fresh process: record the patterns imrparse's own code hands to re (a
# dependency's function called by imrparse counts, the dependency's own patterns do not).
_COLLECT = r'''
import json, os, re, sys, tempfile
from pathlib import Path
found = {}
_compile = re._compile
def _record(pattern, flags):
    if isinstance(pattern, str):
        frame = sys._getframe(1)
        while frame is not None and frame.f_globals.get("__name__") == "re":
            frame = frame.f_back
        names = [f.f_globals.get("__name__") or "" for f in (frame, frame and frame.f_back) if f is not None]
        if any(n.startswith("imrparse") for n in names):
            found[(pattern, int(flags))] = None
    return _compile(pattern, flags)
re._compile = _record
os.environ["IMRPARSE_COMPILED_PATTERNS"] = "0"  # compile everything: the point is to see it
import imrparse
from imrparse.cli import main
from imrparse.plugin.registry import get_plugins
from imrparse.testing import SAMPLE_LETTER
root = Path(sys.argv[1])
letters = sorted((root / "tests" / "fixtures" / "letters").glob("*.txt"))
letters += sorted((root / "tests" / "fixtures" / "letters_2013").glob("*.txt"))
for text in [SAMPLE_LETTER] + [p.read_text(encoding="utf-8") for p in letters]:
    for strict in (True, False):
        try:
            imrparse.to_dict(imrparse.parse(text, strict=strict))
        except imrparse.ImrParseError:
            pass
with tempfile.TemporaryDirectory() as tmp:
    for fmt in sorted(get_plugins().formats):
        main(["parse", "-q", "--format", fmt, "-o", str(Path(tmp) / fmt)] + [str(p) for p in letters[:2]])
with open(sys.argv[2], "w", encoding="utf-8") as out:
    json.dump(sorted(found), out)
'''

# Run by any Python (standard library only): the arguments its re compiler hands to
# _sre.compile for each pattern, read as JSON on standard input.
_COMPILE = r'''
import json, marshal, sys
from array import array
import _sre
try:
    from re import _compiler as compiler
except ImportError:  # Python 3.10
    import sre_compile as compiler
class _Capture:
    def __getattr__(self, name):
        return getattr(_sre, name)
    def compile(self, *args):
        return args
compiler._sre = _Capture()
entries = []
for pattern, flags in json.load(sys.stdin):
    text, final_flags, code, groups, groupindex, indexgroup = compiler.compile(pattern, flags)
    assert _sre.CODESIZE == array("I").itemsize
    entries.append((pattern, flags, final_flags, array("I", code).tobytes(), groups, dict(groupindex),
                    tuple(indexgroup)))
header = _load_module(sys.argv[1]).table_header()
sys.stdout.buffer.write(marshal.dumps((header, entries), 2))
'''

_LOAD_MODULE = r'''
import importlib.util
def _load_module(path):
    spec = importlib.util.spec_from_file_location("_shipped_patterns", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
'''


def _module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("_shipped_patterns", MODULE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def collect() -> list[tuple[str, int]]:
    """The patterns imrparse compiles on the repository's letters, in both of two
    processes with different hash seeds (sorted)."""
    runs = []
    for seed in ("1", "2"):
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "patterns.json"
            env = {**os.environ, "PYTHONHASHSEED": seed, "IMRPARSE_CACHE_DIR": tmp}
            subprocess.run([sys.executable, "-c", _COLLECT, str(ROOT), str(out)], check=True, env=env,
                           cwd=tmp)
            runs.append({(p, f) for p, f in json.loads(out.read_text(encoding="utf-8"))})
    unstable = runs[0] ^ runs[1]
    for pattern, _ in sorted(unstable)[:20]:
        print(f"not the same in every process (built from a set's order?), left out: {pattern[:100]!r}",
              file=sys.stderr)
    return sorted(runs[0] & runs[1])


def compile_table(python: str, patterns: list[tuple[str, int]]) -> tuple[str, bytes]:
    """The table of ``patterns`` compiled by interpreter ``python``: its file name and bytes."""
    done = subprocess.run([python, "-c", _LOAD_MODULE + _COMPILE, str(MODULE)], check=True,
                          input=json.dumps(patterns).encode(), capture_output=True)
    header, _ = marshal.loads(done.stdout)
    name = _module().table_name(header["implementation"], tuple(header["version"]))
    return name, done.stdout


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--python", action="append", default=[], metavar="PYTHON",
                    help="also write the table of this interpreter (repeatable)")
    ap.add_argument("--check", action="store_true",
                    help="only check that the running Python's table is current")
    args = ap.parse_args()
    patterns = collect()
    if args.check:
        name, data = compile_table(sys.executable, patterns)
        path = COMPILED / name
        if not path.is_file():
            print(f"{path.relative_to(ROOT)}: missing")
            return 1
        if marshal.loads(path.read_bytes()) != marshal.loads(data):
            shipped = {(e[0], e[1]) for e in marshal.loads(path.read_bytes())[1]}
            missing = [p for p in patterns if p not in shipped]
            print(f"{path.relative_to(ROOT)}: stale ({len(missing)} of {len(patterns)} patterns missing"
                  + (f", e.g. {missing[0][0][:80]!r})" if missing else ", or compiled differently)"))
            return 1
        print(f"{path.relative_to(ROOT)}: current ({len(patterns)} patterns)")
        return 0
    COMPILED.mkdir(exist_ok=True)
    for python in [sys.executable, *args.python]:
        name, data = compile_table(python, patterns)
        path = COMPILED / name
        path.write_bytes(data)
        print(f"wrote {path.relative_to(ROOT)} ({len(patterns)} patterns, {len(data):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
