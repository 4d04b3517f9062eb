#!/usr/bin/env python3
"""Compile the grammars into the parsers that ship with imrparse.

Writes ``src/imrparse/layout/compiled/<grammar>.parser`` for every grammar of
``grammars/`` (``common.lark`` is imported by the others, not compiled on its own).
Run it after changing a grammar (``tests/layout/test_grammar.py`` fails until then) or
when a new Lark version is out; commit the files it writes.

Usage::

    python scripts/compile_grammars.py            # write the compiled parsers
    python scripts/compile_grammars.py --check    # exit 1 when one is not current
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from imrparse.layout.grammar import compile_parser, compiled_name, shipped_parser_state

ROOT = Path(__file__).resolve().parent.parent
GRAMMARS = ROOT / "grammars"
COMPILED = ROOT / "src" / "imrparse" / "layout" / "compiled"


def grammars() -> list[str]:
    return sorted(p.name for p in GRAMMARS.glob("*.lark") if p.name != "common.lark")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="only check that every shipped parser is current")
    args = ap.parse_args()
    stale = 0
    for name in grammars():
        state = shipped_parser_state(name)
        if args.check:
            print(f"{name}: {state}")
            stale += state != "current"
            continue
        path = COMPILED / compiled_name(name)
        path.write_bytes(compile_parser(name))
        print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size:,} bytes)")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
