"""The ``imrparse`` command.

    imrparse parse PATH... [--format NAME] [-o FILE] [--lenient] [--jobs N] ...
    imrparse stats SRC... [--by FIELD] [--where COND] [--table NAME] [--format] [--html FILE] ...
    imrparse show LETTER
    imrparse check PATH... [--json] [--top N] [--lenient] [--jobs N]
    imrparse plugins [--json]
    imrparse schema

Each command is a module of this package with ``NAME``, ``HELP``,
``add_arguments(parser, plugins)`` and ``run(args, plugins) -> int``, listed once in
:data:`COMMANDS`.

Exit status: 0 when every letter parsed, 1 when any failed (the others are still
written; failures go to standard error, and with ``--errors FILE`` to a JSON Lines
file), 2 for bad usage.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from types import ModuleType
from typing import NoReturn, Sequence

from .. import __version__
from ..batch import hold_collection, release_collection
from ..errors import ImrParseError
from ..plugin.registry import Plugins, get_plugins

__all__ = ["main", "console", "COMMANDS"]

#: The commands, in the order ``imrparse --help`` lists them (modules of this package).
COMMANDS = ("parse", "check", "stats", "show", "plugins", "schema")


def _command(name: str) -> ModuleType:
    return importlib.import_module(f"{__name__}.{name}")


def _parser(plugins: Plugins, argv: Sequence[str]) -> argparse.ArgumentParser:
    """The command line's parser. When ``argv`` starts with a command's name, only that
    command's module is imported and its arguments added (the others are not run, and
    importing them all cost a one-letter command 5%); otherwise every command is listed."""
    ap = argparse.ArgumentParser(
        prog="imrparse",
        description="Parse California IMR final determination letters into typed data.",
    )
    ap.add_argument("--version", action="version", version=f"imrparse {__version__}")
    sub = ap.add_subparsers(dest="command", required=True, metavar="COMMAND")
    named = [argv[0]] if argv and argv[0] in COMMANDS else COMMANDS
    for name in named:
        module = _command(name)
        module.add_arguments(sub.add_parser(module.NAME, help=module.HELP), plugins)
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line on ``argv`` (default: ``sys.argv[1:]``); the exit status."""
    hold_collection()  # until a batch's first letter is parsed (see there)
    try:
        return _main(sys.argv[1:] if argv is None else list(argv))
    finally:
        release_collection()


def console() -> NoReturn:
    """The ``imrparse`` program (and ``python -m imrparse``): :func:`main` in a process
    that ends with it, so the garbage collector stays held back to the end (a one-letter
    command then never walks the objects it made; releasing it would)."""
    hold_collection()
    sys.exit(_main(sys.argv[1:]))


def _main(argv: list[str]) -> int:
    try:
        plugins = get_plugins()
        parser = _parser(plugins, argv)
    except ImrParseError as exc:
        print(f"imrparse: {exc}", file=sys.stderr)
        return 2
    args = parser.parse_args(argv)
    if getattr(args, "jobs", 1) < 1:
        print("imrparse: --jobs must be at least 1", file=sys.stderr)
        return 2
    try:
        code: int = _command(args.command).run(args, plugins)
        return code
    except ImrParseError as exc:  # bad usage: an unknown format, layout or reader
        print(f"imrparse: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    console()
