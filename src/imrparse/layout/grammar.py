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
import sys
from pathlib import Path
from typing import Any, Iterator

import lark
from lark.common import LexerConf

__all__ = ["grammar_text", "build_parser", "first_characters", "ContextualLexer"]

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


class ContextualLexer(lark.lexer.Lexer):
    """Lark's contextual lexer, leaner: the same tokens, at a third of the cost.

    In each parser state it matches only the terminals that state accepts (and the
    ignored ones), tried in Lark's order (priority, then the longest pattern first), with
    one regular expression per state built on first use; where none matches, it matches
    every terminal to report an unexpected token, as Lark's does. It keeps no line and
    column count (imrparse places errors by offset) and makes no token for ignored text.
    Lark's own lexer spent more time on that bookkeeping than on matching, with
    paragraph-sized tokens. (Not supported, and not used by imrparse's grammars:
    lexer callbacks, and string terminals that a regular expression terminal also
    matches, which Lark re-types.)
    """

    __future_interface__ = 2

    def __init__(self, conf: LexerConf) -> None:
        self.terminals_by_name: dict[str, lark.lexer.TerminalDef] = dict(conf.terminals_by_name)
        self.ignore = frozenset(conf.ignore)
        self.flags = conf.g_regex_flags
        self._by_state: dict[Any, re.Pattern[str]] = {}
        self._by_terminals: dict[frozenset[str], re.Pattern[str]] = {}
        self._root = self._regex(frozenset(self.terminals_by_name))

    def _regex(self, names: frozenset[str]) -> re.Pattern[str]:
        compiled = self._by_terminals.get(names)
        if compiled is None:
            terminals = sorted((self.terminals_by_name[n] for n in names | self.ignore),
                               key=lambda t: (-t.priority, -t.pattern.max_width, -len(t.pattern.value), t.name))
            compiled = re.compile("|".join(f"(?P<{t.name}>{t.pattern.to_regexp()})" for t in terminals),
                                  self.flags)
            self._by_terminals[names] = compiled
        return compiled

    def _state_regex(self, parser_state: Any) -> re.Pattern[str]:
        state = parser_state.position
        compiled = self._by_state.get(state)
        if compiled is None:
            accepts = parser_state.parse_conf.states[state]
            compiled = self._regex(frozenset(n for n in accepts if n in self.terminals_by_name))
            self._by_state[state] = compiled
        return compiled

    def lex(self, lexer_state: lark.lexer.LexerState, parser_state: Any) -> Iterator[lark.Token]:
        # (Lark 1.3 hands a TextSlice, Lark 1.2 the string.)
        text_slice: Any = lexer_state.text
        text: str = getattr(text_slice, "text", text_slice)
        end: int = getattr(text_slice, "end", len(text))
        line_ctr = lexer_state.line_ctr
        ignore = self.ignore
        new_token = lark.Token
        by_state = self._by_state
        while line_ctr.char_pos < end:
            pos = line_ctr.char_pos
            regex = by_state.get(parser_state.position) or self._state_regex(parser_state)
            m = regex.match(text, pos, end)
            if m is None:
                self._unexpected(lexer_state, parser_state, pos, end)
            assert m is not None
            type_ = m.lastgroup or ""
            line_ctr.char_pos = m.end()
            if type_ in ignore:
                continue
            token = new_token(type_, m.group(), pos, None, None, None, None, m.end())
            lexer_state.last_token = token
            yield token

    def _unexpected(self, lexer_state: lark.lexer.LexerState, parser_state: Any, pos: int, end: int) -> None:
        """Raise what Lark's contextual lexer raises where no terminal of the state
        matches: the token any terminal makes there, as unexpected (past it, so that
        lenient parsing goes on after it), else the unexpected character."""
        accepts = parser_state.parse_conf.states[parser_state.position]
        allowed = {n for n in accepts if n in self.terminals_by_name} - self.ignore or {"<END-OF-FILE>"}
        text: Any = lexer_state.text
        text = getattr(text, "text", text)
        m = self._root.match(text, pos, end)
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


def build_parser(name: str, transformer: lark.Transformer[Any, Any] | None = None,
                 *, strict: bool = False, cache: bool = True) -> lark.Lark:
    """An LALR parser with a contextual lexer for grammar ``name``.

    ``strict=True`` makes Lark reject shift/reduce conflicts and colliding terminals
    (the tests build every grammar that way), with Lark's own contextual lexer, whose
    checks those are; otherwise the parser gets imrparse's leaner one
    (:class:`ContextualLexer`). The compiled parser is cached on disk
    (``IMRPARSE_CACHE_DIR``, default ``~/.cache/imrparse``) unless ``cache=False``.
    """
    options: dict[str, Any] = dict(
        parser="lalr", lexer="contextual" if strict else ContextualLexer, transformer=transformer,
        strict=strict, maybe_placeholders=False,
    )
    path = _cache_path(name) if cache and not strict else None
    if path:
        try:
            return _open(name, {**options, "cache": path})
        except (OSError, EOFError, ValueError):
            pass  # unwritable or damaged cache: build without it
    return _open(name, options)


def first_characters(pattern: str) -> frozenset[str] | None:
    """The characters a match of ``pattern`` can start with, or ``None`` when that set
    is unknown or unbounded (then no prefilter can be built)."""
    if sys.version_info >= (3, 11):
        import re._parser as sre_parse
    else:  # pragma: no cover
        import sre_parse
    from re import IGNORECASE

    constants = sre_parse  # the opcode names are re-exported there
    try:
        parsed = sre_parse.parse(pattern)
    except Exception:
        return None

    def first(items: Any, flags: int) -> tuple[set[str] | None, bool]:
        found: set[str] = set()
        for op, av in items:
            chars, nullable = one(op, av, flags)
            if chars is None:
                return None, False
            found |= chars
            if not nullable:
                return found, False
        return found, True

    def one(op: Any, av: Any, flags: int) -> tuple[set[str] | None, bool]:
        if op is constants.LITERAL:
            ch = chr(av)
            return ({ch, ch.swapcase()} if flags & IGNORECASE else {ch}), False
        if op is constants.IN:
            chars: set[str] = set()
            for sub_op, sub_av in av:
                if sub_op is constants.LITERAL:
                    chars.add(chr(sub_av))
                elif sub_op is constants.RANGE and sub_av[1] - sub_av[0] < 64:
                    chars.update(chr(c) for c in range(sub_av[0], sub_av[1] + 1))
                else:
                    return None, False
            if flags & IGNORECASE:
                chars |= {c.swapcase() for c in chars}
            return chars, False
        if op is constants.BRANCH:
            union: set[str] = set()
            nullable = False
            for branch in av[1]:
                chars_b, null_b = first(branch, flags)
                if chars_b is None:
                    return None, False
                union |= chars_b
                nullable = nullable or null_b
            return union, nullable
        if op is constants.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            return first(sub, (flags | add_flags) & ~del_flags)
        if op in (constants.MAX_REPEAT, constants.MIN_REPEAT):
            low, _high, sub = av
            chars_r, null_r = first(sub, flags)
            return chars_r, null_r or low == 0
        if op in (constants.AT, constants.ASSERT, constants.ASSERT_NOT):
            return set(), True
        return None, False

    chars, nullable = first(parsed, parsed.state.flags)
    return None if chars is None or nullable or not chars else frozenset(chars)
