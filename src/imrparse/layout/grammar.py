"""Loading the Lark grammars shipped in the package (``imrparse/grammars/``).

The grammars live in the repository's top-level ``grammars/`` folder; the wheel maps
that folder into the package, and :func:`build_parser` loads it with
``lark.Lark.open_from_package`` (``importlib.resources`` underneath, zip-safe), which
also resolves a grammar's ``%import .common (...)``. In a source checkout or an editable
install, where the package folder has no copy, it reads the repository's folder
instead, so edits show at once.
"""

from __future__ import annotations

import hashlib
import importlib.resources
import os
import re
from pathlib import Path
from typing import Any

import lark

__all__ = ["grammar_text", "build_parser", "first_characters"]

_PACKAGE = "imrparse"
_FOLDER = "grammars"
# The repository's folder, for a checkout without the packaged copy.
_CHECKOUT = Path(__file__).resolve().parents[3] / _FOLDER


def _packaged(name: str) -> bool:
    return importlib.resources.files(_PACKAGE).joinpath(_FOLDER).joinpath(name).is_file()


def grammar_text(name: str) -> str:
    """The text of grammar ``name`` (e.g. ``"imr_letter.lark"``, ``"common.lark"``)."""
    if _packaged(name):
        return importlib.resources.files(_PACKAGE).joinpath(_FOLDER).joinpath(name).read_text(encoding="utf-8")
    checkout = _CHECKOUT / name
    if checkout.is_file():
        return checkout.read_text(encoding="utf-8")
    raise FileNotFoundError(f"grammar {name!r} is not installed with imrparse")


def _cache_path(name: str) -> str | None:
    """Where Lark may cache the compiled parser: keyed by Lark's version and the text of
    the grammar and of what it imports (Lark's own key ignores imported grammars)."""
    folder = os.environ.get("IMRPARSE_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(Path.home(), ".cache"), "imrparse"
    )
    texts = "\0".join(grammar_text(n) for n in (name, "common.lark"))
    key = hashlib.sha256(f"{lark.__version__}\0{texts}".encode()).hexdigest()[:16]
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError:
        return None
    if not os.access(folder, os.W_OK):
        return None
    return os.path.join(folder, f"{Path(name).stem}-{key}.lark.cache")


def _open(name: str, options: dict[str, Any]) -> lark.Lark:
    if _packaged(name):
        return lark.Lark.open_from_package(_PACKAGE, name, (_FOLDER,), **options)
    return lark.Lark.open(str(_CHECKOUT / name), **options)


def build_parser(name: str, transformer: lark.Transformer[Any, Any] | None = None,
                 *, strict: bool = False, cache: bool = True) -> lark.Lark:
    """An LALR parser with the contextual lexer for grammar ``name``.

    ``strict=True`` makes Lark reject shift/reduce conflicts and colliding terminals
    (the tests build every grammar that way). The compiled parser is cached on disk
    (``IMRPARSE_CACHE_DIR``, default ``~/.cache/imrparse``) unless ``cache=False``.
    """
    options: dict[str, Any] = dict(
        parser="lalr", lexer="contextual", transformer=transformer, strict=strict,
        maybe_placeholders=False,
    )
    path = _cache_path(name) if cache and not strict else None
    if path:
        try:
            return _open(name, {**options, "cache": path})
        except (OSError, EOFError, ValueError):
            pass  # unwritable or damaged cache: build without it
    return _open(name, options)


# --------------------------------------------------------------------------- first characters

# Characters that re's IGNORECASE matches besides the two cases of an ASCII letter.
_FOLDS = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}
_SPECIAL = frozenset(".^$*+?{}[]\\|()")
_REPEAT = re.compile(r"\{(\d*)(,?)(\d*)\}")
_ESCAPED = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a"}
_ZERO_WIDTH_ESCAPES = frozenset("bBAZ")
_SCOPED_FLAGS = re.compile(r"([aiLmsux]*)(?:-([imsx]+))?:")  # after "(?"


class _Unsure(Exception):
    """The pattern uses something the reader below does not know: no prefilter."""


def _cased(chars: set[str] | None, ignorecase: bool) -> set[str] | None:
    if chars is None or not ignorecase:
        return chars
    out: set[str] = set()
    for ch in chars:
        if ch.isascii():
            low = ch.lower()
            out.update((low, ch.upper()), _FOLDS.get(low, ""))
        elif ch.lower() == ch.upper():
            out.add(ch)  # no case: a digit, a mark
        else:
            return None  # a non-ASCII letter: its case folds are re's business
    return out


class _FirstChars:
    """A reader of the regular expressions that grammar terminals are written in:
    literals, escapes, classes, groups (named, non-capturing, with scoped flags),
    look-arounds, alternation and repeats. For a (sub)pattern it answers the set of
    characters a match can start with (``None``: unknown) and whether it can match the
    empty string; it raises :class:`_Unsure` on syntax it does not read."""

    def __init__(self, pattern: str) -> None:
        self.p = pattern
        self.i = 0

    def peek(self, k: int = 0) -> str:
        j = self.i + k
        return self.p[j] if j < len(self.p) else ""

    def alternation(self, icase: bool) -> tuple[set[str] | None, bool]:
        chars, nullable = self.sequence(icase)
        while self.peek() == "|":
            self.i += 1
            more, null = self.sequence(icase)
            chars = None if chars is None or more is None else chars | more
            nullable = nullable or null
        return chars, nullable

    def sequence(self, icase: bool) -> tuple[set[str] | None, bool]:
        chars: set[str] | None = set()
        nullable = True  # until a piece that must consume a character
        while self.peek() not in ("", "|", ")"):
            piece, null = self.atom(icase)
            null = self.repeat() or null
            if nullable:  # later pieces are read only to find the sequence's end
                chars = None if chars is None or piece is None else chars | piece
                nullable = null
        return chars, nullable

    def repeat(self) -> bool:
        """Skip a repeat after an atom; whether it allows none."""
        ch = self.peek()
        if ch in ("*", "?", "+"):
            self.i += 1
            allows_none = ch != "+"
        elif ch == "{" and (m := _REPEAT.match(self.p, self.i)) and (m.group(1) or m.group(3)):
            self.i = m.end()
            allows_none = not m.group(1) or int(m.group(1)) == 0
        else:
            return False
        if self.peek() in ("?", "+"):  # lazy or possessive
            self.i += 1
        return allows_none

    def atom(self, icase: bool) -> tuple[set[str] | None, bool]:
        ch = self.peek()
        self.i += 1
        if ch == "(":
            return self.group(icase)
        if ch == "[":
            return _cased(self.char_class(), icase), False
        if ch == "\\":
            return self.escape(icase)
        if ch in ("^", "$"):
            return set(), True
        if ch == ".":
            return None, False
        if ch == "{" or ch not in _SPECIAL:  # "{" that starts no repeat is itself
            return _cased({ch}, icase), False
        raise _Unsure  # a repeat with nothing to repeat

    def escape(self, icase: bool) -> tuple[set[str] | None, bool]:
        ch = self.peek()
        self.i += 1
        if ch in _ZERO_WIDTH_ESCAPES:
            return set(), True
        if ch in _ESCAPED:
            return {_ESCAPED[ch]}, False
        if ch and not ch.isalnum():
            return _cased({ch}, icase), False
        if ch in ("d", "D", "w", "W", "s", "S"):
            return None, False  # any Unicode digit, letter, space ...
        raise _Unsure  # \x.., \u...., back references

    def char_class(self) -> set[str] | None:
        known = self.peek() != "^"  # a negated class: unknown
        if not known:
            self.i += 1
        chars: set[str] = set()
        first = True
        while True:
            ch = self.peek()
            if ch == "":
                raise _Unsure
            if ch == "]" and not first:
                self.i += 1
                return chars if known else None
            first = False
            lo = self.class_char()
            if self.peek() == "-" and self.peek(1) not in ("]", ""):
                self.i += 1
                hi = self.class_char()
                if lo is None or hi is None or ord(hi) - ord(lo) >= 64:
                    known = False  # a wide range: no use as a prefilter
                else:
                    chars.update(chr(c) for c in range(ord(lo), ord(hi) + 1))
            elif lo is None:
                known = False
            else:
                chars.add(lo)

    def class_char(self) -> str | None:
        """One character of a class, or ``None`` for \\d, \\s, \\w ..."""
        ch = self.peek()
        self.i += 1
        if ch != "\\":
            return ch
        esc = self.peek()
        self.i += 1
        if esc in _ESCAPED:
            return _ESCAPED[esc]
        if esc and not esc.isalnum():
            return esc
        if esc in ("d", "D", "w", "W", "s", "S"):
            return None
        raise _Unsure

    def group(self, icase: bool) -> tuple[set[str] | None, bool]:
        if self.peek() != "?":
            return self.closed(icase)  # a capturing group
        self.i += 1
        kind = self.peek()
        if kind == ":":
            self.i += 1
            return self.closed(icase)
        if kind == "P" and self.peek(1) == "<":
            end = self.p.find(">", self.i)
            if end < 0:
                raise _Unsure
            self.i = end + 1
            return self.closed(icase)
        if kind in ("=", "!") or (kind == "<" and self.peek(1) in ("=", "!")):
            self.i += 1 if kind != "<" else 2
            self.closed(icase)  # a look-around consumes nothing
            return set(), True
        m = _SCOPED_FLAGS.match(self.p, self.i)
        if m is None or "x" in (m.group(1) or "") or "L" in (m.group(1) or ""):
            raise _Unsure  # global flags, verbose patterns, conditionals, comments
        self.i = m.end()
        on, off = m.group(1) or "", m.group(2) or ""
        return self.closed(("i" in on or icase) and "i" not in off)

    def closed(self, icase: bool) -> tuple[set[str] | None, bool]:
        result = self.alternation(icase)
        if self.peek() != ")":
            raise _Unsure
        self.i += 1
        return result


def first_characters(pattern: str) -> frozenset[str] | None:
    """The characters a match of ``pattern`` can start with, or ``None`` when that set
    is unknown or unbounded (then no prefilter can be built).

    Reads the subset of regular expressions that grammar terminals use (see
    :class:`_FirstChars`); anything else (``.``, ``\\d``, ``\\s``, a negated or wide
    class, global or verbose flags) gives ``None``, as does a pattern that can match
    the empty string. Under ``(?i:...)`` an ASCII letter stands for both its cases and
    the few other characters ``re`` folds to it (the Kelvin sign for "k").
    """
    reader = _FirstChars(pattern)
    try:
        chars, nullable = reader.alternation(False)
    except _Unsure:
        return None
    if reader.i != len(pattern) or chars is None or nullable or not chars:
        return None
    return frozenset(chars)
