"""Loading the Lark grammars shipped in the package (``imrparse/grammars/``).

The grammars live in the repository's top-level ``grammars/`` folder; the wheel maps
that folder into the package, and :func:`build_parser` loads it with
``lark.Lark.open_from_package`` (``importlib.resources`` underneath, zip-safe), which
also resolves a grammar's ``%import .common (...)``. In a source checkout or an editable
install, where the package folder has no copy, it reads the repository's folder
instead, so edits show at once.

Compiling a grammar into its LALR tables takes Lark 15-25 ms per grammar, as long as
the rest of a one-letter command. So the compiled parsers ship with the package
(``imrparse/layout/compiled/*.parser``, written by ``scripts/compile_grammars.py`` and
kept in the repository; a test checks that they match the grammars): loading one takes
about 2 ms, on the first run after installing too. A shipped parser is used only when
it was compiled from the grammar texts in use by the Lark version in use; otherwise
the parser is compiled and cached on disk (``IMRPARSE_CACHE_DIR``, default
``~/.cache/imrparse``), or compiled on each run where no cache can be written.
"""

from __future__ import annotations

import hashlib
import importlib.resources
import io
import os
import pickle
import re
from pathlib import Path
from typing import Any, Iterator, NoReturn

import lark
from lark.common import LexerConf

__all__ = ["grammar_text", "build_parser", "first_characters", "ContextualLexer", "grammar_key",
           "compile_parser", "compiled_name", "shipped_parser_state"]

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


def grammar_key(name: str) -> str:
    """What a compiled parser of grammar ``name`` depends on, hashed: the text of the
    grammar and of the grammars it imports (Lark's own cache key ignores those), and the
    options of :func:`build_parser` (Lark's version is checked separately)."""
    texts = "\0".join(grammar_text(n) for n in (name, "common.lark"))
    options = sorted((k, v if isinstance(v, str) else f"{getattr(v, '__module__', '')}.{getattr(v, '__qualname__', v)}")
                     for k, v in _options(strict=False, transformer=None).items() if k != "transformer")
    return hashlib.sha256(f"{_COMPILED_FORMAT}\0{texts}\0{options}".encode()).hexdigest()


def _cache_path(name: str) -> str | None:
    """Where Lark may cache the compiled parser: keyed by :func:`grammar_key` and Lark's
    version (so that checkouts of different versions sharing the folder do not keep
    replacing each other's cache)."""
    folder = os.environ.get("IMRPARSE_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(Path.home(), ".cache"), "imrparse"
    )
    key = hashlib.sha256(f"{lark.__version__}\0{grammar_key(name)}".encode()).hexdigest()[:16]
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


class ContextualLexer(lark.lexer.Lexer):
    """Lark's contextual lexer, leaner: the same tokens and errors, at a third of the cost.

    In each parser state Lark's lexer matches only the terminals that state accepts
    (and the ignored ones), tried in Lark's order (priority, then the longest pattern
    first). This one matches all terminals in that order with one regular expression;
    when the terminal that matches first is one the state accepts, it is also the first
    acceptable one, which is the usual case. Otherwise it tries the acceptable terminals
    one by one, and where none matches it reports the first match as an unexpected token
    (past it, so that lenient parsing goes on after it), as Lark's lexer does. One
    regular expression instead of one per state also compiles in a fraction of the time,
    which counts in a command that parses one letter. It keeps no line and column count
    (imrparse places errors by offset) and makes no token for ignored text. (Not
    supported, and not used by imrparse's grammars: lexer callbacks, and string terminals
    that a regular expression terminal also matches, which Lark re-types.)
    """

    __future_interface__ = 2

    def __init__(self, conf: LexerConf) -> None:
        self.terminals_by_name: dict[str, lark.lexer.TerminalDef] = dict(conf.terminals_by_name)
        self.ignore = frozenset(conf.ignore)
        self.flags = conf.g_regex_flags
        self.order = sorted(self.terminals_by_name.values(),
                            key=lambda t: (-t.priority, -t.pattern.max_width, -len(t.pattern.value), t.name))
        self._union: re.Pattern[str] | None = None
        self._single: dict[str, re.Pattern[str]] = {}

    def _first(self) -> re.Pattern[str]:
        if self._union is None:
            self._union = re.compile("|".join(f"(?P<{t.name}>{t.pattern.to_regexp()})" for t in self.order),
                                     self.flags)
        return self._union

    def lex(self, lexer_state: lark.lexer.LexerState, parser_state: Any) -> Iterator[lark.Token]:
        # (Lark 1.3 hands a TextSlice, Lark 1.2 the string.)
        text_slice: Any = lexer_state.text
        text: str = getattr(text_slice, "text", text_slice)
        end: int = getattr(text_slice, "end", len(text))
        line_ctr = lexer_state.line_ctr
        ignore = self.ignore
        new_token = lark.Token
        first = self._first().match
        states = parser_state.parse_conf.states
        while line_ctr.char_pos < end:
            pos = line_ctr.char_pos
            m = first(text, pos, end)
            if m is None or not (m.lastgroup in ignore or m.lastgroup in states[parser_state.position]):
                m = self._acceptable(text, pos, end, states[parser_state.position])
                if m is None:
                    self._unexpected(lexer_state, parser_state, text, pos, end)
                    return
            type_ = m.lastgroup or ""
            line_ctr.char_pos = m.end()
            if type_ in ignore:
                continue
            token = new_token(type_, m.group(), pos, None, None, None, None, m.end())
            lexer_state.last_token = token
            yield token

    def _acceptable(self, text: str, pos: int, end: int, accepts: Any) -> re.Match[str] | None:
        """The match of the first terminal the state accepts (or ignores), in Lark's order."""
        for t in self.order:
            if t.name in accepts or t.name in self.ignore:
                single = self._single.get(t.name)
                if single is None:
                    single = self._single[t.name] = re.compile(f"(?P<{t.name}>{t.pattern.to_regexp()})",
                                                               self.flags)
                m = single.match(text, pos, end)
                if m is not None:
                    return m
        return None

    def _unexpected(self, lexer_state: lark.lexer.LexerState, parser_state: Any, text: str,
                    pos: int, end: int) -> NoReturn:
        """Raise what Lark's contextual lexer raises where no terminal of the state
        matches: the token that any terminal makes there, as unexpected, else the
        unexpected character."""
        accepts = parser_state.parse_conf.states[parser_state.position]
        allowed = {n for n in accepts if n in self.terminals_by_name} - self.ignore or {"<END-OF-FILE>"}
        m = self._first().match(text, pos, end)
        history = [lexer_state.last_token] if lexer_state.last_token else None
        if m is None or m.lastgroup in self.ignore:
            raise lark.exceptions.UnexpectedCharacters(  # type: ignore[no-untyped-call]
                text, pos, None, None, allowed=allowed, token_history=history,
                state=parser_state, terminals_by_name=self.terminals_by_name)
        token = lark.Token(m.lastgroup or "", m.group(), pos, None, None, None, None, m.end())
        lexer_state.line_ctr.char_pos = m.end()
        lexer_state.last_token = token
        raise lark.exceptions.UnexpectedToken(token, allowed,  # type: ignore[no-untyped-call]
                                              state=parser_state, token_history=history,
                                              terminals_by_name=self.terminals_by_name)


def _options(*, strict: bool, transformer: lark.Transformer[Any, Any] | None) -> dict[str, Any]:
    return dict(parser="lalr", lexer="contextual" if strict else ContextualLexer, transformer=transformer,
                strict=strict, maybe_placeholders=False)


# -- the compiled parsers shipped in the package -------------------------------------------

_COMPILED_PACKAGE = "imrparse.layout"
_COMPILED_FOLDER = "compiled"
_COMPILED_FORMAT = 1


def compiled_name(name: str) -> str:
    """The file name of grammar ``name``'s compiled parser in ``imrparse/layout/compiled``."""
    return f"{Path(name).stem}.parser"


def compile_parser(name: str) -> bytes:
    """Grammar ``name`` compiled, as the bytes of the file that ships it: the parser
    Lark saves (without a transformer, which is given when loading), its grammar key
    and Lark's version."""
    parser = _open(name, _options(strict=False, transformer=None))
    saved = io.BytesIO()
    parser.save(saved, exclude_options=("transformer",))
    saved.seek(0)
    payload = {"format": _COMPILED_FORMAT, "key": grammar_key(name), "lark": lark.__version__,
               "parser": pickle.load(saved)}
    return pickle.dumps(payload, protocol=4)


def shipped_parser_state(name: str) -> str:
    """Whether the shipped parser of grammar ``name`` can be used: ``"current"``,
    ``"missing"``, ``"stale"`` (compiled from other grammar texts or options) or
    ``"other-lark"`` (compiled by another version of Lark)."""
    payload = _shipped_payload(name)
    if payload is None:
        return "missing"
    if payload.get("format") != _COMPILED_FORMAT or payload.get("key") != grammar_key(name):
        return "stale"
    return "current" if payload.get("lark") == lark.__version__ else "other-lark"


def _shipped_payload(name: str) -> dict[str, Any] | None:
    try:
        data = (importlib.resources.files(_COMPILED_PACKAGE).joinpath(_COMPILED_FOLDER)
                .joinpath(compiled_name(name)).read_bytes())
        payload = pickle.loads(data)
    except Exception:  # missing, unreadable or damaged: compile instead
        return None
    return payload if isinstance(payload, dict) else None


def _load_shipped(name: str, transformer: lark.Transformer[Any, Any] | None) -> lark.Lark | None:
    payload = _shipped_payload(name)
    if payload is None or payload.get("lark") != lark.__version__ \
            or payload.get("format") != _COMPILED_FORMAT or payload.get("key") != grammar_key(name):
        return None
    try:
        # What Lark's own cache does to load a saved parser with a transformer
        # (Lark.load takes none).
        parser: lark.Lark = lark.Lark.__new__(lark.Lark)._load(payload["parser"], transformer=transformer)
    except Exception:
        return None
    return parser


def build_parser(name: str, transformer: lark.Transformer[Any, Any] | None = None,
                 *, strict: bool = False, cache: bool = True) -> lark.Lark:
    """An LALR parser with a contextual lexer for grammar ``name``.

    ``strict=True`` makes Lark reject shift/reduce conflicts and colliding terminals
    (the tests build every grammar that way), with Lark's own contextual lexer, whose
    checks those are; otherwise the parser gets imrparse's leaner one
    (:class:`ContextualLexer`), loaded from the compiled parser shipped in the package
    when that one is current, else compiled and cached on disk (``IMRPARSE_CACHE_DIR``,
    default ``~/.cache/imrparse``). ``cache=False`` always compiles the grammar.
    """
    options = _options(strict=strict, transformer=transformer)
    if cache and not strict:
        shipped = _load_shipped(name, transformer)
        if shipped is not None:
            return shipped
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
