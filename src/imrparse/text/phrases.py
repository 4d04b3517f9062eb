"""Phrases: how every vocabulary is written, and the one matcher that finds it in text.

Every table of :mod:`imrparse.vocab` (guideline names and chapters, services, drugs,
body regions, summary cues, persons, specialties, states ...) lists *phrases*, each
written as letters write it, and every field reader finds them with a
:class:`PhraseSet`: phrases and their values, compiled on first use and shared.

The syntax
----------
A phrase is words (runs of letters and digits) and punctuation. Written in a phrase:

* a **space** between two words matches any run of white space, line breaks included;
* **case** does not matter, except that a phrase that is one word in capitals (``ACP``,
  ``NICE``) is an *acronym* and matches only in capitals ("nice" is a word), unless the
  set is told otherwise (``any_case``: ``MTUS``, ``ODG`` are no English words);
* a **hyphen** between two words matches a hyphen, white space or nothing:
  ``Post-surgical`` is also "post - surgical", "Post surgical" and "Postsurgical";
* a **slash**, **colon**, **parentheses**, ``#`` (and any other mark not named here)
  match themselves, with or without white space around them: ``Pain (Chronic)`` is also
  "pain(chronic)", ``Stress/Mental`` also "Stress / Mental";
* **"&" and "and"** between two words match each other (``Knee & Leg`` is also "knee and
  leg", "Knee&Leg"), and a comma before them is optional (``Forearm, Wrist, & Hand``);
  at the start or end of a phrase, or after a parenthesis, "and" is just a word;
* a **comma** between two words matches a comma (white space around it allowed) or
  white space alone: ``Opioids, dosing`` is also "Opioids dosing";
* a **period** after a word is optional, and the next word may follow it with or without
  white space: ``U.S. Virgin Islands`` is also "US Virgin Islands", "U. S. Virgin Islands";
* an **apostrophe** in or after a word matches "'", "’" or nothing: ``Workers'``,
  ``Physician's`` ("Physicians");
* ``(s)`` or ``(es)`` right after a word is an optional **plural** ending:
  ``Guideline(s)`` matches "Guideline" and "Guidelines";
* words in **brackets** are optional: ``date of [the] injury``;
* ``®`` right after a word is optional.

A phrase matches whole words only: no letter or digit stands right before or after it.
Where phrases overlap, the one that starts first wins, and of those that start at one
place the longest; a hit carries the values of every phrase written alike (``x-ray`` and
``X Ray`` in one table are one phrase, with both values).

Loose sets
----------
Requests ("Norco 10/325mg #120", "x-ray L-spine b/l") are written carelessly, so a set
built with ``loose=True`` reads its phrases more freely: every mark but ``&`` and ``#``
counts as a mere break between words, words may be broken or run together at the
phrase's word breaks ("x-ray" = "X Ray" = "xray"; "b/l" = "BL"), any phrase may take a
final "s" or "es" (the exact phrase wins over a plural reading), and capitals are never
required.

How it works (cost)
-------------------
A set is compiled on first use, once. Every written form of every phrase (a hyphen
written, spaced or left out; a plural taken or not ...) is cut into tokens: words, marks,
and the white space that matters. For an ordinary set, one pattern of the forms' first
words finds where a phrase may start, and the forms that begin with one word make one
regular expression, a trie of their characters (where a form ends, the end of a word is
tried after every way of going on), compiled when a text first shows that word (``re``
compiles in Python; a letter shows few of a vocabulary's first words). So a search runs
in ``re``'s C loop and a match at one place is the longest form there; which form
matched is read back from the matched text. A loose set keys each form by its words run
together, with the prefixes of those keys; a request is cut into words once
(:class:`Prepared`) and a match runs words together while they are a prefix of a key:
a dictionary look-up per word. Both are linear in the text. :meth:`PhraseSet.pattern`
gives the same phrases as a regular expression fragment, for the few readers that embed
a vocabulary in a larger pattern (wrap it in a group before a repeat).
"""

from __future__ import annotations

import bisect
import itertools
import re
import threading
from typing import Generic, Iterable, Iterator, NamedTuple, Sequence, TypeVar, Union

from .lowercase import lower_keep_offsets

__all__ = ["PhraseSet", "Hit", "Prepared", "prepare", "literal_pattern"]

V = TypeVar("V")

_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")

# --------------------------------------------------------------------------- tokens

# A text's tokens (on its lowercase copy): words, and single marks, with the white space
# before each. Marks that stick to the word before them (".", "'", "®") keep a space
# written before them; the next word after "." may follow with or without one; white
# space around every other mark does not matter.
_TOKEN = re.compile(r"(\s*)(?:([a-z0-9]+)|(\S))")
_STICKY = frozenset(".'®")
_APOSTROPHES = {"’": "'"}
# Token kinds: word, free mark, period, sticky mark.
_WORD, _FREE, _PERIOD, _STICKY_MARK = 0, 1, 2, 3


def _mark_kind(ch: str) -> int:
    if ch == ".":
        return _PERIOD
    return _STICKY_MARK if ch in _STICKY else _FREE


def _strict_tokens(s: str) -> list[str]:
    """``s`` (lower case) as the keys of its tokens: a word or mark, with a leading
    space where the white space before it matters."""
    out: list[str] = []
    prev = -1
    for m in _TOKEN.finditer(s):
        ws, word, mark = m.groups()
        if word is not None:
            key, kind = word, _WORD
        else:
            key = _APOSTROPHES.get(mark, mark)
            kind = _mark_kind(key)
        if ws and out and kind != _FREE and prev not in (_FREE, _PERIOD):
            key = " " + key
        out.append(key)
        prev = kind
    return out


# Loose tokens: words, "#" and "&" (read as "and"); every other mark is a break.
_LOOSE_TOKEN = re.compile(r"[a-z0-9]+|[#&]")


def _loose_key(token: str) -> str:
    return "and" if token == "&" else token


# --------------------------------------------------------------------------- phrases

_PART = re.compile(
    r"(?P<word>[a-z0-9]+(?:['’][a-z0-9]*)*)(?P<plural>\((?:e?s)\))?"
    r"|(?P<space>\s+)|(?P<open>\[)|(?P<close>\])|(?P<mark>\S)"
)


class _Part(NamedTuple):
    kind: str  # "word", "space", "mark", "optional"
    text: str = ""
    plural: str = ""  # "s" or "es" after a word written "(s)" / "(es)"
    inner: tuple[_Part, ...] = ()  # an optional group's parts


def _parse(phrase: str) -> list[_Part]:
    """A phrase (lower case) as parts; brackets become optional groups."""
    stack: list[list[_Part]] = [[]]
    for m in _PART.finditer(phrase):
        kind = "word" if m.group("word") is not None else m.lastgroup
        if kind == "word":
            plural = (m.group("plural") or "")[1:-1]
            stack[-1].append(_Part("word", m.group("word"), plural))
        elif kind == "space":
            stack[-1].append(_Part("space", " "))
        elif kind == "open":
            stack.append([])
        elif kind == "close" and len(stack) > 1:
            inner = tuple(stack.pop())
            stack[-1].append(_Part("optional", inner=inner))
        else:
            stack[-1].append(_Part("mark", m.group()))
    while len(stack) > 1:  # an unclosed bracket: its words are optional to the end
        inner = tuple(stack.pop())
        stack[-1].append(_Part("optional", inner=inner))
    return stack[0]


def _word_forms(part: _Part) -> list[str]:
    """A word as it may be written: apostrophes as "'" or left out; a plural or not."""
    pieces = re.split(r"['’]", part.text)
    forms = [pieces[0]]
    for piece in pieces[1:]:
        forms = [f + sep + piece for f in forms for sep in ("'", "")]
    if part.plural:
        forms = [f + ending for f in forms for ending in ("", part.plural)]
    return forms


def _is_word(part: _Part | None) -> bool:
    return part is not None and (part.kind == "word" or part.kind == "optional")


def _choices(parts: Sequence[_Part]) -> list[tuple[str, ...]]:
    """The phrase as a list of choices: its written forms are every way of picking one
    string from each choice and joining them."""
    out: list[tuple[str, ...]] = []
    solid = [p for p in parts if p.kind != "space"]  # neighbours, white space aside
    spaced = {id(p) for j, p in enumerate(parts) if j and parts[j - 1].kind == "space"}
    for i, part in enumerate(solid):
        before = solid[i - 1] if i else None
        after = solid[i + 1] if i + 1 < len(solid) else None
        between = _is_word(before) and _is_word(after)
        # "&" or "and" between two words, perhaps after a comma: a connector.
        connects = _is_word(after) and (_is_word(before) or (
            before is not None and before.text == "," and i >= 2 and _is_word(solid[i - 2])))
        # White space written before a word is a space, unless a mark before it says
        # what may stand there.
        lead = " " if id(part) in spaced and (_is_word(before) or before is None
                                              or before.text == "®") else ""
        if connects and (part.text == "&" or part.kind == "word" and part.text == "and"):
            out.append((" & ", " and "))
        elif part.kind == "word":
            out.append(tuple(lead + f for f in _word_forms(part)))
        elif part.kind == "optional":
            inner = ["".join(form) for form in itertools.product(*_choices(part.inner))]
            out.append(tuple(" " + f for f in inner) + ("",))
        elif part.text == "," and _is_word(before) and after is not None and (
            after.text in ("&", "and") and i + 2 < len(solid) and _is_word(solid[i + 2])
        ):
            out.append((",", ""))  # "Forearm, Wrist, & Hand": the comma is optional
        elif part.text == "," and between:
            out.append((", ", " "))
        elif part.text == "-" and between:
            out.append(("-", " ", ""))
        elif part.text == "." and _is_word(before):
            out.append((". ", " ", "") if _is_word(after) else (".", ""))
        elif part.text == "®":
            out.append(("®", ""))
        else:
            out.append((" " + part.text + " ",))
    return out


def _written_forms(phrase: str) -> Iterator[str]:
    """Every way of writing ``phrase`` that the syntax allows (lower case)."""
    for pick in itertools.product(*_choices(_parse(phrase.lower()))):
        yield "".join(pick)


def _is_acronym(phrase: str) -> bool:
    return phrase.isalpha() and phrase.isupper()


# --------------------------------------------------------------------------- regex output

_END = ""  # marks the end of a sequence in a trie (no atom is empty)
_Trie = dict[str, "_Trie"]


def _alternation(sequences: Iterable[Sequence[str]]) -> str:
    """A regular expression for any one of ``sequences`` (each a list of regex atoms),
    factored by common prefixes, so that ``re`` takes a few steps per position however
    long the list; where a sequence ends and a longer one goes on, the longer is tried
    first."""
    trie: _Trie = {}
    for seq in sequences:
        node = trie
        for atom in seq:
            if atom:
                node = node.setdefault(atom, {})
        node[_END] = {}

    def emit(node: _Trie) -> str:
        # A word's end is tried after every way of going on: the longest form wins.
        atoms = sorted(node, key=lambda atom: (atom == _NOT_ALNUM_NEXT, atom))
        alts = [atom + emit(node[atom]) for atom in atoms if atom != _END]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if _END in node else body

    # emit() gives one alternative or a group: either stands alone inside a larger pattern.
    return emit(trie) if trie else "(?!)"


def literal_pattern(strings: Iterable[str]) -> str:
    """A regular expression for any one of ``strings``, literally (no phrase syntax),
    factored by common prefixes; the longest is preferred where one is a prefix of
    another."""
    return _alternation([re.escape(ch) for ch in s] for s in strings)


_NOT_ALNUM_NEXT = "(?![a-z0-9])"


def _regex_atoms(tokens: Sequence[str]) -> list[str]:
    """The regex atoms of a written form's tokens (see :func:`_strict_tokens`): one per
    character of a word, one per mark or stretch of white space."""
    atoms: list[str] = []
    prev = -1
    for token in tokens:
        spaced = token.startswith(" ")
        body = token[1:] if spaced else token
        kind = _WORD if body[0] in _ALNUM else _mark_kind(body)
        if prev == -1:
            sep = ""
        elif kind == _FREE or prev in (_FREE, _PERIOD):
            sep = r"\s*"
        elif spaced:
            sep = r"\s+"
        else:
            sep = ""
        atoms.append(sep)
        if kind == _WORD:
            atoms.extend(body)
        elif body == "'":
            atoms.append("['’]")
        else:
            atoms.append(re.escape(body))
        prev = kind
    return atoms


# --------------------------------------------------------------------------- matching


class Hit(NamedTuple, Generic[V]):
    """A phrase found in a text: ``text[start:end]``, and the values of the phrases
    written like it."""

    start: int
    end: int
    values: tuple[V, ...]

    @property
    def value(self) -> V:
        """The first value (the phrase listed first, when several are written alike)."""
        return self.values[0]


# A text's loose tokens: their keys (words, "#", "and" for "&"), starts and ends.
_LooseTokens = tuple[list[str], list[int], list[int]]


class Prepared:
    """A text ready to be searched: its lowercase copy with the same offsets and, made
    on first need, its loose tokens. Searching one text with several sets, prepare it
    once (:func:`prepare`)."""

    __slots__ = ("text", "low", "_loose")

    def __init__(self, text: str, low: str | None = None) -> None:
        self.text = text
        self.low = lower_keep_offsets(text) if low is None else low
        self._loose: _LooseTokens | None = None

    def loose_tokens(self) -> _LooseTokens:
        """The loose tokens' keys, starts and ends."""
        if self._loose is None:
            found = list(_LOOSE_TOKEN.finditer(self.low))
            self._loose = (
                ["and" if m.group() == "&" else m.group() for m in found],
                [m.start() for m in found],
                [m.end() for m in found],
            )
        return self._loose


def prepare(text: str, low: str | None = None) -> Prepared:
    """``text`` ready to be searched by several sets (``low``: its lowercase copy, when
    the caller has one)."""
    return Prepared(text, low)


Searchable = Union[str, Prepared]

# How many matched texts a set remembers the form of (see _Compiled.hit).
_KEY_CACHE = 4096
# One entry of a key: a value, and the capitals the text must show (an acronym) or "".
_Entry = tuple[V, str]


class _Compiled(Generic[V]):
    """What a set compiles to (see the module docstring): the keys of its written forms
    and their entries; for a loose set the keys' prefixes (for the word walk), for
    another set a pattern of the forms' first words and, made on first need, one pattern
    per first word of the forms it begins."""

    def __init__(self, entries: Sequence[tuple[str, V]], loose: bool, any_case: frozenset[str]) -> None:
        self.loose = loose
        keys: dict[str, list[_Entry[V]]] = {}
        forms: dict[str, list[str]] = {}  # key -> its tokens (one list: strict keys are unambiguous)
        prefixes: set[str] = set()  # loose keys' prefixes at every token break of every form
        for phrase, value in entries:
            case = phrase if not loose and _is_acronym(phrase) and phrase not in any_case else ""
            for tokens in self.token_forms(phrase, loose):
                if not tokens:
                    continue
                key = "".join(tokens)
                forms.setdefault(key, tokens)
                if loose:
                    prefixes.update("".join(tokens[:k]) for k in range(1, len(tokens)))
                bucket = keys.setdefault(key, [])
                if (value, case) not in bucket:
                    bucket.append((value, case))
        self.keys = {k: tuple(v) for k, v in keys.items()}
        if loose:  # no acronyms: a key's values are all there is
            self.loose_values = {k: tuple(v for v, _ in found) for k, found in self.keys.items()}
            self.prefixes = frozenset(prefixes)
            # A word that can begin a phrase, plurals included.
            self.starters = self.prefixes.union(self.keys, *((k + "s", k + "es") for k in self.keys))
            return
        # The forms by their first token; the trigger finds where a first token stands
        # (a whole word), and the pattern of the forms it begins is made on first need.
        self.groups: dict[str, list[list[str]]] = {}
        for tokens in forms.values():
            self.groups.setdefault(tokens[0], []).append(tokens)
        self.trigger = re.compile(_alternation(
            [*map(re.escape, first), _NOT_ALNUM_NEXT] if first[0] in _ALNUM else [re.escape(first)]
            for first in self.groups
        ))
        self.matchers: dict[str, re.Pattern[str]] = {}
        # Matched text -> the values of its form, and the entries to check for an
        # acronym's capitals (phrases recur: the form is read back once).
        self.found: dict[str, tuple[tuple[V, ...], tuple[_Entry[V], ...] | None]] = {}
        # The values of each key, and for a key of an acronym the entries to check.
        self.values = {k: tuple(v for v, _ in found) for k, found in self.keys.items()}
        self.cased = {k: found for k, found in self.keys.items() if any(case for _, case in found)}

    @staticmethod
    def token_forms(phrase: str, loose: bool) -> Iterator[list[str]]:
        """The tokens of every written form of ``phrase`` (see :func:`_strict_tokens`)."""
        if not loose:
            for form in _written_forms(phrase):
                yield _strict_tokens(form)
            return
        # Loose: only the words (and "#", "and") count, so marks and spacing give no new
        # keys; only plurals and optional words do.
        low = phrase.lower()
        if "(" not in low and "[" not in low:
            yield [_loose_key(t) for t in _LOOSE_TOKEN.findall(low)]
            return
        seen: set[tuple[str, ...]] = set()
        for form in _written_forms(phrase):
            tokens = tuple(_loose_key(t) for t in _LOOSE_TOKEN.findall(form))
            if tokens not in seen:
                seen.add(tokens)
                yield list(tokens)

    def matcher(self, first: str) -> re.Pattern[str]:
        """The pattern of the forms that begin with token ``first``: each form's atoms,
        then no letter or digit (a match ends where a word does)."""
        found = self.matchers.get(first)
        if found is None:
            found = re.compile(_alternation(
                [*_regex_atoms(tokens), _NOT_ALNUM_NEXT] for tokens in self.groups[first]
            ))
            self.matchers[first] = found
        return found

    def next_hit(self, text: str, low: str, pos: int, limit: int) -> Hit[V] | None:
        """The first phrase that starts at or after ``pos``: where the trigger finds a
        first word (not inside a word), the longest form there."""
        search = self.trigger.search
        while pos < limit:
            t = search(low, pos, limit)
            if t is None:
                return None
            s = t.start()
            if not (s and low[s - 1] in _ALNUM and low[s] in _ALNUM):
                m = self.matcher(t.group()).match(low, s, limit)
                hit = None if m is None else self.hit(text, m)
                if hit is not None:
                    return hit
            pos = t.end()
        return None

    def hit(self, text: str, m: re.Match[str]) -> Hit[V] | None:
        """The hit of a match of a :meth:`matcher` (``None``: an acronym not in capitals)."""
        written = m.group()
        found = self.found.get(written)
        if found is None:  # the form that matched, read back from what it matched
            if len(self.found) >= _KEY_CACHE:
                self.found.clear()
            key = "".join(_strict_tokens(written))
            found = self.found[written] = (self.values[key], self.cased.get(key))
        values, cased = found
        start, end = m.span()
        if cased is not None:
            values = tuple(v for v, case in cased if not case or text[start:end] == case)
            if not values:
                return None
        return Hit(start, end, values)

    def walk_loose(self, tokens: _LooseTokens, i: int, limit: int) -> tuple[int, Hit[V]] | None:
        """The longest phrase that starts at loose token ``i``: its last token and hit."""
        words, starts, ends = tokens
        keys, prefixes = self.loose_values, self.prefixes
        found = None
        joined = ""
        for j in range(i, len(words)):
            if ends[j] > limit:
                break
            joined += words[j]
            values = keys.get(joined)
            if values is None and joined[-1] == "s":  # a plural, unless a phrase ends so
                values = keys.get(joined[:-1])
                if values is None and joined.endswith("es"):
                    values = keys.get(joined[:-2])
            if values is not None:
                found = (j, Hit(starts[i], ends[j], values))
            if joined not in prefixes:
                break
        return found

    def loose_hits(self, prepared: Prepared, start: int, limit: int) -> list[Hit[V]]:
        """Every phrase in ``[start, limit)`` of a loose set: a look-up per word."""
        tokens = prepared.loose_tokens()
        words, starts, _ = tokens
        hits: list[Hit[V]] = []
        i = bisect.bisect_left(starts, start) if start else 0
        starters = self.starters
        count = len(words)
        while i < count and starts[i] < limit:
            if words[i] in starters:
                found = self.walk_loose(tokens, i, limit)
                if found is not None:
                    hits.append(found[1])
                    i = found[0] + 1
                    continue
            i += 1
        return hits


class PhraseSet(Generic[V]):
    """Phrases (in the syntax of the module docstring) and their values.

    ``entries`` are ``(phrase, value)`` pairs; ``loose`` reads the phrases as requests
    are written (see the module docstring); ``any_case`` names acronyms that need no
    capitals. The set is compiled on first use, once, and may be shared between
    threads. Searches take a text (or a :class:`Prepared` one) and an optional range
    ``[start, end)``; offsets are offsets into the text.
    """

    def __init__(self, entries: Iterable[tuple[str, V]], *, loose: bool = False,
                 any_case: Iterable[str] = ()) -> None:
        self._entries = tuple(entries)
        self._loose = loose
        self._any_case = frozenset(any_case)
        self._compiled: _Compiled[V] | None = None
        self._pattern: str | None = None
        self._lock = threading.Lock()

    @classmethod
    def of(cls, phrases: Iterable[str], *, loose: bool = False,
           any_case: Iterable[str] = ()) -> PhraseSet[str]:
        """A set whose values are the phrases themselves."""
        return PhraseSet(((p, p) for p in phrases), loose=loose, any_case=any_case)

    @property
    def compiled(self) -> bool:
        """Whether the set has been compiled (it is, on first search)."""
        return self._compiled is not None

    def _get(self) -> _Compiled[V]:
        compiled = self._compiled
        if compiled is None:
            with self._lock:
                if self._compiled is None:
                    self._compiled = _Compiled(self._entries, self._loose, self._any_case)
                compiled = self._compiled
        return compiled

    # ------------------------------------------------------------------ searching

    def match_at(self, text: Searchable, pos: int, end: int | None = None) -> Hit[V] | None:
        """The longest phrase that starts exactly at ``pos`` and ends by ``end``."""
        c = self._compiled or self._get()
        p = Prepared(text) if isinstance(text, str) else text
        low = p.low
        limit = len(low) if end is None else end
        if pos >= limit or (pos and low[pos] in _ALNUM and low[pos - 1] in _ALNUM):
            return None
        if c.loose:
            tokens = p.loose_tokens()
            starts = tokens[1]
            i = bisect.bisect_left(starts, pos)
            if i == len(starts) or starts[i] != pos:
                return None
            found = c.walk_loose(tokens, i, limit)
            return found[1] if found else None
        t = c.trigger.match(low, pos, limit)
        if t is None:
            return None
        m = c.matcher(t.group()).match(low, pos, limit)
        return None if m is None else c.hit(p.text, m)

    def next_hit(self, text: Searchable, start: int = 0, end: int | None = None) -> Hit[V] | None:
        """The first phrase that starts at or after ``start`` and ends by ``end``."""
        c = self._compiled or self._get()
        p = Prepared(text) if isinstance(text, str) else text
        limit = len(p.low) if end is None else end
        if c.loose:
            return next(iter(c.loose_hits(p, start, limit)), None)
        return c.next_hit(p.text, p.low, start, limit)

    def find_all(self, text: Searchable, start: int = 0, end: int | None = None) -> list[Hit[V]]:
        """Every phrase in ``[start, end)``, left to right, not overlapping (the longest
        of those starting at one place)."""
        c = self._compiled or self._get()
        p = Prepared(text) if isinstance(text, str) else text
        limit = len(p.low) if end is None else end
        if c.loose:
            return c.loose_hits(p, start, limit)
        hits: list[Hit[V]] = []
        hit = c.next_hit(p.text, p.low, start, limit)
        while hit is not None:
            hits.append(hit)
            hit = c.next_hit(p.text, p.low, hit.end, limit)
        return hits

    def scan(self, text: Searchable, start: int = 0, end: int | None = None) -> Iterator[Hit[V]]:
        """:meth:`find_all`, one hit at a time (for a caller that wants the first few)."""
        c = self._compiled or self._get()
        p = Prepared(text) if isinstance(text, str) else text
        limit = len(p.low) if end is None else end
        if c.loose:
            yield from c.loose_hits(p, start, limit)
            return
        hit = c.next_hit(p.text, p.low, start, limit)
        while hit is not None:
            yield hit
            hit = c.next_hit(p.text, p.low, hit.end, limit)

    # ------------------------------------------------------------------ as data

    def first_words(self) -> frozenset[str]:
        """The words phrases begin with, lower case (as written: "work" for "Work-Relatedness")."""
        words = (next((p.text for p in _parse(phrase.lower()) if p.kind == "word"), "")
                 for phrase, _ in self._entries)
        return frozenset(re.split(r"['’]", w)[0] for w in words if w)

    def pattern(self) -> str:
        """A regular expression (no groups, no boundaries) for any one phrase of the set,
        to embed in a larger pattern: lower case, so use it on a lowercase copy or inside
        ``(?i:...)``; acronyms need no capitals there. It may be an alternation in a
        group or a plain sequence: wrap it in ``(?:...)`` before a repeat."""
        if self._pattern is None:
            forms = {tuple(tokens) for phrase, _ in self._entries
                     for tokens in _Compiled.token_forms(phrase, self._loose) if tokens}
            if self._loose:  # any break or none between the tokens, and a plural
                self._pattern = _alternation(
                    [*itertools.chain.from_iterable(
                        ("[^a-z0-9#&]*" if k else "", *map(re.escape, token))
                        for k, token in enumerate(tokens)), "(?:e?s)?"]
                    for tokens in sorted(forms)
                )
            else:
                self._pattern = _alternation(_regex_atoms(tokens) for tokens in sorted(forms))
        return self._pattern
