"""Guideline citations: the "guideline:" lines of a letter and references inside rationales.

Two pure functions, text in, models out:

* :func:`parse_basis` reads one guideline line ("Decision based on MTUS Low Back
  Complaints 2004, Section(s): Special Studies. Decision based on Non-MTUS Citation
  Official Disability Guidelines (ODG), Low Back Chapter, MRI.") into a :class:`Basis`;
* :func:`find_citations` finds the references inside a decision rationale ("the MTUS
  Guideline in ACOEM Chapter 8, Table 8-8, page 182").

Both take reflowed text (PDF line wraps joined by a space, ASCII dashes, NBSP as space;
runs of spaces allowed) and return citations whose spans are offsets into that text, with
``citation.text == text[span.start:span.end]``. Neither raises on any input.

How a citation is read. Names of guidelines, ACOEM chapters, ODG chapters and sections
come from :mod:`imrparse.vocab.guidelines` (phrases, compiled here at import); locators
(chapter, page(s), table, section list, year, edition, "updated" date, URL, MTUS
regulation number) are regular expressions. The locators are read and blanked out
first; then the first guideline named decides the guideline ("MTUS" and "Other Medical
Treatment Guideline" yield to a narrower name; an ACOEM chapter title means ACOEM), and
what follows the name is read as that guideline's chapter, title, topic or sections.
``Citation.guideline`` is one of the short names of ``vocab.GUIDELINES``, or
"Literature" (a journal article or book), or ``None``.

What a sentence says about a citation is not part of it: "..., which is (not) part of
the MTUS" (or of "the California Medical Treatment Utilization Schedule (MTUS)") ends
the citation's text and sets its MTUS flag. An MTUS regulation number ("section
9792.24.1", "§ 9792.24.2", "8 CCR 9792.23.5") is a locator that names its guideline.

``Citation.edition`` has one spelling per edition: ordinal editions are spelled out in
words whatever the letter wrote ("2nd Edition", "2nd ed." and "Second Edition" all read
"Second Edition"; the letter's own words stay in ``Citation.text``), and the online
editions read "Online version" / "Online edition" whatever their capitals.

Cost. Every pattern is linear (no quantified part can match the same text two ways).
Names are found with a prefix trie of their first words over a length-preserving
lowercase copy of the text (case-insensitive alternations of a hundred phrases are ten
times slower in :mod:`re`); patterns without a literal prefix run only where a cheap
substring test says they can match. Each citation is read from at most ``_WINDOW``
characters, one call reads at most ``_FULL_READS`` citations in full (the rest keep
text, span, guideline and MTUS flag), and a sentence is cut at most ``_MAX_PIECES``
times. A real guideline line costs about 0.2 ms on the project's machines (a few µs
when it repeats: see parse_basis), a megabyte line of anything a fraction of a second.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import itertools
import re
from typing import Iterable, Iterator, NamedTuple

from ...text.dates import DATE_PATTERN, parse_date
from ...models import Basis, Citation, Span
from ...vocab import guidelines as vocab

__all__ = ["parse_basis", "find_citations", "citation_completeness"]

#: Longest stretch of one citation that is read for its parts (real ones stay under 300
#: characters); a longer citation keeps its whole text and span but is parsed from its
#: first _WINDOW characters only.
_WINDOW = 500
#: How far a rationale reference may run after the name it starts with.
_PROSE_REACH = 300
#: How many citations one call reads in full. A guideline line holds a handful and a
#: rationale a few dozen at most; past this the text is not a letter's (a whole file in
#: one line, say), and further citations keep their text, span, guideline and MTUS flag
#: only. This keeps every call fast without dropping any citation.
_FULL_READS = 100
#: One "Decision based on" sentence is cut into at most this many citations (real ones
#: hold one to three), at one of its first _MAX_SEPARATORS commas, semicolons and "and"s
#: (real ones have a dozen); the rest of a longer one stays in its last citation.
_MAX_PIECES = 100
_MAX_SEPARATORS = 1000
#: Guideline lines up to this length are cached (see parse_basis): at most
#: _CACHE_SIZE of them, a few megabytes at worst.
_CACHED_LENGTH = 1000
_CACHE_SIZE = 2048

_GUIDELINE_MTUS: dict[str, bool | None] = {g.short: g.mtus for g in vocab.GUIDELINES}
_GUIDELINE_MTUS["Literature"] = False
# Names that yield to a narrower one named with them.
_GENERIC = frozenset({"MTUS", "Other"})
_NON_BEFORE = re.compile(r"non\s*-?\s*\Z")


# --------------------------------------------------------------------------- text helpers

_UPPER_TO_LOWER = {c: c + 32 for c in range(ord("A"), ord("Z") + 1)}


def _lower(text: str) -> str:
    """A lowercase copy of ``text`` with the same length (so offsets carry over)."""
    low = text.lower()
    if len(low) != len(text):  # U+0130 lowercases to two characters
        low = text.translate(_UPPER_TO_LOWER)
    return low


_WS = re.compile(r"\s+")
_WRAP_HYPHEN = re.compile(r"(?<=[A-Za-z])- (?=[a-z])")
_EDGE_JUNK = " \t\r\n\f\v,;:./-"


def _clean(s: str) -> str:
    """Fold white space, rejoin a hyphenated word split by reflow, strip punctuation ends."""
    s = _WRAP_HYPHEN.sub("-", _WS.sub(" ", s))
    return s.strip(_EDGE_JUNK)


# --------------------------------------------------------------------------- phrases

_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
_PHRASE_TOKEN = re.compile(r"[a-z0-9]+(?:['’][a-z0-9]*)?|[&,/().:®-]")
_ALNUM = re.compile(r"[a-z0-9]")


def _word_regex(word: str) -> str:
    if word in ("guideline", "guidelines"):
        return "guidelines?"
    if "'" in word or "’" in word:
        head, _, tail = word.replace("’", "'").partition("'")
        return re.escape(head) + "['’]?" + re.escape(tail)
    return re.escape(word)


def _phrase_regex(phrase: str) -> str:
    """The pattern of one vocabulary phrase (see the phrase syntax in the vocab module),
    for the lowercased text. Linear: every quantified part is followed by a literal."""
    out: list[str] = []
    sep = ""  # what goes before the next word
    comma = False
    for tok in _PHRASE_TOKEN.findall(phrase.lower()):
        if tok == ",":
            comma = True
            continue
        if tok in ("&", "and"):
            out.append(r"(?:\s*,)?(?:\s*&\s*|\s+and\s+)" if comma else r"(?:\s*&\s*|\s+and\s+)")
            sep, comma = "", False
        elif tok == "-":
            out.append(r"(?:\s*-\s*|\s+)?")
            sep, comma = "", False
        elif tok == "/":
            out.append(r"\s*/\s*")
            sep, comma = "", False
        elif tok == "(":
            out.append(r"\s*\(\s*")
            sep, comma = "", False
        elif tok == ")":
            out.append(r"\s*\)")
            sep, comma = r"\s*", False
        elif tok == ".":
            out.append(r"\.?")
            sep, comma = r"\s*", False
        elif tok == ":":
            out.append(r"\s*:")
            sep, comma = r"\s*", False
        elif tok == "®":
            out.append("®?")
        else:
            if comma:
                out.append(r"(?:\s*,\s*|\s+)")
            elif sep:
                out.append(sep)
            out.append(_word_regex(tok))
            sep, comma = r"\s+", False
    return "".join(out)


_Trie = dict[str, "_Trie"]


def _trie_regex(words: Iterable[str]) -> str:
    """One alternation of literal words, factored by prefix (fast in :mod:`re`)."""
    trie: _Trie = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: _Trie) -> str:
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return emit(trie)


class _Payload(NamedTuple):
    kind: str  # "guideline", "acoem", "odg", "section"
    key: str  # guideline short name, or the canonical title / section
    number: int | None  # ACOEM chapter
    weak: bool  # an ordinary word too (see vocab.WEAK_TITLES)
    alias: bool  # not the canonical title
    case: str | None  # an acronym that must be written in capitals


class _Hit(NamedTuple):
    start: int
    end: int
    kind: str
    key: str
    number: int | None
    weak: bool
    alias: bool


class _PhraseSet:
    """A vocabulary compiled for the lowercased text: a trie of first words finds where a
    phrase may start, then that first word's phrases are tried, longest first."""

    def __init__(self, entries: Iterable[tuple[str, _Payload]]) -> None:
        groups: dict[str, list[tuple[str, _Payload]]] = {}
        for phrase, payload in entries:
            tokens = _PHRASE_TOKEN.findall(phrase.lower())
            if not tokens or not _ALNUM.match(tokens[0]):
                raise ValueError(f"phrase must start with a word: {phrase!r}")
            first = tokens[0].replace("’", "'").split("'")[0]
            keys = {first}
            if len(tokens) > 2 and tokens[1] == "-":  # "Post-surgical" is also "Postsurgical"
                keys.add(first + tokens[2])
            for key in keys:
                groups.setdefault(key, []).append((_phrase_regex(phrase), payload))
        self._by_first: dict[str, tuple[re.Pattern[str], list[_Payload]]] = {}
        for first, items in groups.items():
            items.sort(key=lambda item: len(item[0]), reverse=True)
            alternation = "|".join(f"({rx})" for rx, _ in items)
            self._by_first[first] = (
                re.compile(f"(?:{alternation})(?![a-z0-9])"),
                [payload for _, payload in items],
            )
        # No lookbehind in front: a pattern that starts with a plain alternation of
        # literals lets re skip ahead by first character. The word boundary before a
        # match is checked in Python.
        self._trigger = re.compile("(" + _trie_regex(self._by_first) + r")(?=[^a-z0-9]|\Z)")

    def _try(self, low: str, text: str, first: str, pos: int, end: int) -> _Hit | None:
        regex, payloads = self._by_first[first]
        m = regex.match(low, pos, end)
        if m is None or m.lastindex is None:
            return None
        p = payloads[m.lastindex - 1]
        if p.case is not None and text[m.start() : m.end()] != p.case:
            return None
        return _Hit(m.start(), m.end(), p.kind, p.key, p.number, p.weak, p.alias)

    def match_at(self, low: str, text: str, pos: int, end: int) -> _Hit | None:
        """The phrase that starts exactly at ``pos``, if any."""
        if pos > 0 and low[pos - 1] in _WORD_CHARS:
            return None
        t = self._trigger.match(low, pos, end)
        return self._try(low, text, t.group(1), pos, end) if t else None

    def next_hit(self, low: str, text: str, pos: int, end: int) -> _Hit | None:
        """The first phrase that starts at or after ``pos`` and ends by ``end``."""
        while pos < end:
            t = self._trigger.search(low, pos, end)
            if t is None:
                return None
            if t.start() > 0 and low[t.start() - 1] in _WORD_CHARS:
                pos = t.start() + 1
                continue
            hit = self._try(low, text, t.group(1), t.start(), end)
            if hit is not None:
                return hit
            pos = t.end()
        return None

    def scan(self, low: str, text: str, start: int, end: int) -> Iterator[_Hit]:
        """Every phrase in ``[start, end)``, left to right, not overlapping."""
        hit = self.next_hit(low, text, start, end)
        while hit is not None:
            yield hit
            hit = self.next_hit(low, text, hit.end, end)


def _acronym(phrase: str) -> str | None:
    if phrase.isupper() and phrase.isalpha() and phrase not in vocab.ANY_CASE_ACRONYMS:
        return phrase
    return None


def _is_weak(name: str) -> bool:
    return name in vocab.WEAK_TITLES


_GUIDES = _PhraseSet(
    (name, _Payload("guideline", g.short, None, False, False, _acronym(name)))
    for g in vocab.GUIDELINES
    for name in g.names
)
_ACOEM = _PhraseSet(
    (name, _Payload("acoem", ch.title, ch.number, _is_weak(name), name != ch.title, None))
    for ch in vocab.ACOEM_CHAPTERS
    for name in (ch.title, *ch.aliases)
)
_ODG = _PhraseSet(
    (name, _Payload("odg", ch.title, None, _is_weak(name), name != ch.title, _acronym(name)))
    for ch in vocab.ODG_CHAPTERS
    for name in (ch.title, *ch.aliases)
)
_SECTIONS = _PhraseSet(
    (name, _Payload("section", name, None, False, False, None)) for name in vocab.KNOWN_SECTIONS
)

_SUFFIX_WORDS = "|".join(w.lower() for w in vocab.TITLE_SUFFIX_WORDS)
# A lowercase word after a weak title, other than a suffix word, means it was not a title.
_LOWER_WORD_AFTER = re.compile(r"\s+(?!(?:" + _SUFFIX_WORDS + r")(?![a-z]))[a-z]")


def _weak_rejected(text: str, hit: _Hit) -> bool:
    """A weak title followed by a lowercase word ("pain management") is not a title."""
    return hit.weak and _LOWER_WORD_AFTER.match(text, hit.end) is not None


# --------------------------------------------------------------------------- locators

_NUMBER_WORDS = _trie_regex(vocab.NUMBER_WORDS)
_ORDINAL_WORDS = _trie_regex(vocab.ORDINAL_WORDS)
_ORDINAL_NAMES = {n: w.capitalize() for w, n in vocab.ORDINAL_WORDS.items()}

_PAGE_NUM = r"\d{1,4}(?![\w/])"
_PAGE_RANGE = _PAGE_NUM + r"(?:\s*-\s*" + _PAGE_NUM + ")?"
_PAGE_LIST = _PAGE_RANGE + r"(?:\s*(?:,|and|&)\s*" + _PAGE_RANGE + ")*"
_PAGE_WORD = r"(?:page\s*\(\s*s\s*\)|pages?|pgs?\.?|pp\.|p\.)"
_PAGES = re.compile(r"(?<![a-z])" + _PAGE_WORD + r"(?:\s*:)?\s*(?P<nums>" + _PAGE_LIST + ")")
_PAGE_ITEM = re.compile(r"(\d{1,4})(?:\s*-\s*(\d{1,4}))?")
_TABLE = re.compile(
    r"(?<![a-z])tables?\s+(?P<t>\d{1,2}(?:\s*-\s*\d{1,2}|(?:\.\d{1,2})+)?[a-z]?)(?![\w-])"
)
_CHAPTER = re.compile(
    r"(?<![a-z])(?:chapter|chap\.?|ch\.?)\s*(?:(?P<n>\d{1,2})(?![\w])|(?P<w>" + _NUMBER_WORDS + r")(?![a-z]))"
)
_REGULATION = re.compile(
    r"(?:(?:8\s*)?(?:c\.?\s*c\.?\s*r\.?|cal(?:ifornia)?\.?\s*code\s*(?:of\s*)?reg(?:ulation)?s?\.?)\s*"
    r"(?:§+\s*|sec(?:tion)?s?\.?\s*)?|§+\s*|(?<![a-z])(?:sub)?sec(?:tion)?s?\.?\s*)?"
    r"(?P<reg>9792\.\d{1,2}(?:\.\d{1,2})?)(?![\d])"
)
_EDITION = re.compile(
    r"(?<![a-z0-9])(?:(?P<w>" + _ORDINAL_WORDS + r")|(?P<n>\d{1,2})\s*(?:st|nd|rd|th))"
    r"\s+ed(?:ition|n)?(?![a-z])\.?"
)
_ONLINE = re.compile(r"(?:\(\s*)?(?P<e>online\s+(?:version|edition))(?:\s*\))?")
_UPDATED = re.compile(
    r"(?:\(\s*)?(?:last\s+)?(?:updated?|revised|rev\.)(?:\s*:)?\s*(?:on\s+)?(?P<date>" + DATE_PATTERN
    + r")(?:\s*\))?",
    re.IGNORECASE,
)
_PAREN_DATE = re.compile(r"\(\s*(?:effective\s+)?(?P<date>" + DATE_PATTERN + r")\s*\)", re.IGNORECASE)
_ACCESSED = re.compile(
    r"(?:accessed|retrieved|viewed)(?:\s+on)?(?:\s*:)?\s*(?:" + DATE_PATTERN + ")", re.IGNORECASE
)
_YEAR = re.compile(r"(?<![\w/.-])\(?(?P<y>19[89]\d|20[0-4]\d)\)?(?![\w/-])")
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"]+")
# "... Chapter notes on page 607": the words that bridge a title and its page.
_ON_PAGE = (
    r"(?:(?:notes?|states?|stipulates?|indicates?|recommends?|says|explains?|reports?|discusses|"
    r"mentions?|acknowledges?|specifies|suggests?)\s+)?(?:on|at)\s+"
)
_ON_PAGE_BEFORE = re.compile(r"(?<![a-z])" + _ON_PAGE + r"\Z")
_SECTIONS_HEAD = re.compile(r"(?<![a-z])sections?\s*(?:\(\s*s\s*\)\s*:?|:)")
_UNDER_SECTION = re.compile(
    r"(?<![a-z])under\s+(?:the\s+)?(?P<sec>[a-z][^,.;:()]{0,60}?)\s+section(?![a-z])"
)
_LITERATURE = re.compile(
    r"(?<![a-z])(?:" + "|".join(re.escape(m.lower()) for m in vocab.LITERATURE_MARKERS) + r")(?![a-z])"
    r"|\b(?:19|20)\d\d\s*;\s*\d"
)
_URL_HOST = re.compile(r"^(?:https?://)?(?:www\.)?([^/:?#\s]+)")


def _found(low: str, rx: re.Pattern[str], *hints: str) -> Iterator[re.Match[str]]:
    """``rx.finditer(low)``, or nothing when none of ``hints`` occurs in ``low``. Most
    locator patterns have no literal prefix for :mod:`re` to skip ahead by; a substring
    test first makes a citation without that locator cost almost nothing."""
    for hint in hints:
        if hint in low:
            return rx.finditer(low)
    return iter(())


def _pages(nums: str) -> list[int]:
    pages: list[int] = []
    for m in _PAGE_ITEM.finditer(nums):
        a = int(m.group(1))
        if m.group(2) is None:
            pages.append(a)
            continue
        b_text = m.group(2)
        b = int(b_text)
        if b < a and len(b_text) < len(m.group(1)):  # "176-7" is 176-177
            b = int(m.group(1)[: len(m.group(1)) - len(b_text)] + b_text)
        if a <= b <= a + 200:
            pages.extend(range(a, b + 1))
        else:
            pages.extend((a, b))
    return list(dict.fromkeys(pages))


def _online_edition(low: str) -> str:
    """"Online Version", "online  version" and "ONLINE VERSION" all read "Online version"
    (the first word capitalised, the rest lowercase): letters write it every way."""
    return _clean(low).capitalize()


def _url_guideline(url: str) -> str:
    m = _URL_HOST.match(url.lower())
    host = m.group(1) if m else ""
    for tail, short in vocab.URL_HOSTS.items():
        if host == tail or host.endswith("." + tail):
            return short
    return "Other"


# --------------------------------------------------------------------------- sections

_LIST_PUNCT = re.compile(r"[()\[\],;]")
_NUMBERED_ITEM = re.compile(r"\d{1,2}(?:\.\d{1,2})+\.?\s+\S")
_ITEM_END = re.compile(r"\s*(?:[,;.]|$)")
_AND_WORD = re.compile(r"(?:and|&)\s+")


def _known_section_end(low: str, text: str, pos: int, end: int) -> int | None:
    hit = _SECTIONS.match_at(low, text, pos, end)
    if hit is None or not _ITEM_END.match(low, hit.end, end):
        return None
    return hit.end


def _skip_spaces(s: str, pos: int, end: int) -> int:
    while pos < end and s[pos].isspace():
        pos += 1
    return pos


def _split_list(text: str, low: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a section list at the commas that begin a new section.

    A comma inside brackets never splits. A known section name (vocab) is never split and
    always starts an item. Otherwise a comma splits when what follows is capitalised or
    numbered ("Special Studies, Summary") and joins when it is lowercase ("TENS, chronic
    pain (...)"). A list of numbered sections ("1.3 Opioids ..., 3.3.6 ...") splits only
    before a number.
    """
    commas: list[int] = []
    depth = 0
    for m in _LIST_PUNCT.finditer(text, start, end):
        ch = m.group()
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif depth == 0:
            commas.append(m.start())
    first = _skip_spaces(text, start, end)
    numbered = _NUMBERED_ITEM.match(text, first, end) is not None
    items: list[tuple[int, int]] = []
    item_start = first
    protected = _known_section_end(low, text, first, end) or -1
    for c in commas:
        if c < protected:
            continue
        nxt = _skip_spaces(text, c + 1, end)
        and_word = _AND_WORD.match(low, nxt, end)
        if and_word:
            nxt = and_word.end()
        if nxt >= end:
            continue
        known = _known_section_end(low, text, nxt, end)
        if numbered:
            split = _NUMBERED_ITEM.match(text, nxt, end) is not None
        else:
            split = known is not None or text[nxt].isupper() or text[nxt].isdigit()
        if split:
            items.append((item_start, c))
            item_start = nxt
            protected = known or -1
    items.append((item_start, end))
    return items


def _section_names(text: str, low: str, start: int, end: int) -> list[str]:
    names = []
    for a, b in _split_list(text, low, start, end):
        name = _clean(text[a:b])
        if name:
            names.append(name)
    return names


# --------------------------------------------------------------------------- one citation


class _Window:
    """One citation's text with the parts already read blanked out (same offsets)."""

    def __init__(self, text: str, low: str) -> None:
        self.text = text
        self.low = low
        self._mask = bytearray(len(text))  # 1 where a part was read
        self._dirty = False

    def cut(self, a: int, b: int) -> None:
        if b > a:
            self._mask[a:b] = b"\x01" * (b - a)
            self._dirty = True

    def overlaps(self, a: int, b: int) -> bool:
        return self._mask.find(1, a, b) >= 0

    def next_cut_after(self, pos: int) -> int:
        i = self._mask.find(1, pos)
        return len(self.text) if i < 0 else i

    def masked(self) -> tuple[str, str]:
        """(text, lowercase text) with every cut replaced by spaces."""
        if not self._dirty:
            return self.text, self.low
        parts: list[str] = []
        lparts: list[str] = []
        pos = 0
        mask = self._mask
        while True:
            a = mask.find(1, pos)
            if a < 0:
                break
            b = mask.find(0, a)
            b = len(mask) if b < 0 else b
            parts += (self.text[pos:a], " " * (b - a))
            lparts += (self.low[pos:a], " " * (b - a))
            pos = b
        parts.append(self.text[pos:])
        lparts.append(self.low[pos:])
        return "".join(parts), "".join(lparts)


class _Locators(NamedTuple):
    """The parts of a citation that patterns find wherever they stand."""

    url: str | None
    updated: dt.date | None
    year: int | None
    pages: tuple[int, ...]
    table: str | None
    chapter: int | None
    chapter_end: int  # where "Chapter N" ends (-1 without one): a title may follow it
    regulation: tuple[str, int | None] | None  # (guideline, ACOEM chapter) of "9792.x"
    edition: str | None
    sections: tuple[str, ...]


class _Parts(NamedTuple):
    """What a citation's text says, before it becomes a Citation."""

    guideline: str | None
    chapter: int | None
    title: str | None
    year: int | None
    edition: str | None
    sections: tuple[str, ...]
    topic: str | None
    pages: tuple[int, ...]
    table: str | None
    updated: dt.date | None
    url: str | None
    has_mtus_name: bool


# What may stand between a guideline's name and the rest of its citation. One character
# or one word per repetition, and no two alternatives start alike: linear.
_FILLER = re.compile(
    r"(?:[\s,:;/-]|\(\s*(?:odg|acoem|mtus|cpmtg|twc)\s*\)|(?:"
    + "|".join(_phrase_regex(f) for f in sorted(vocab.NAME_FILLERS, key=len, reverse=True))
    + r"|in|the|california|ca)(?![a-z0-9]))+"
)
_PART_DELIM = re.compile(r"[,/:;]|\s-\s")
_SUFFIX = re.compile(r"\s*(?:(?:" + _SUFFIX_WORDS + r")(?![a-z])|(?P<ac>\(\s*acute\s*(?:&|and)\s*chronic\s*\)))")
_TRAILING_TITLE_WORD = re.compile(r"\s+(?:" + _SUFFIX_WORDS + r")\s*$")
# A topic keeps "Guidelines" ("Physical Therapy Guidelines"); "MRI section" is "MRI".
_TRAILING_TOPIC_WORD = re.compile(r"\s+(?:chapters?|sections?|topic)\s*$")
_ACOEM_AFTER_CHAPTER = re.compile(r"[\s,:-]*(?P<t>[a-z][^,;:.()]{1,80})")


def _strip_suffix_words(s: str, words: re.Pattern[str] = _TRAILING_TITLE_WORD) -> str:
    """``s`` without trailing "Chapter", "Guidelines" ... words (never all of it)."""
    while True:
        m = words.search(s.lower())
        if m is None or m.start() == 0:
            return s
        s = s[: m.start()]


def _title_with_suffixes(text: str, low: str, hit: _Hit, end: int) -> tuple[str, int]:
    """A chapter title as written, with "(Acute & Chronic)" kept and "Chapter" dropped,
    and where the title and its suffixes end."""
    title = text[hit.start : hit.end]
    pos = hit.end
    while True:
        m = _SUFFIX.match(low, pos, end)
        if m is None:
            break
        if m.group("ac"):
            title += " " + text[m.start("ac") : m.end("ac")]
        pos = m.end()
    return _clean(title), pos


def _rest_parts(text: str, low: str, start: int, end: int,
                sections_ok: bool = True) -> tuple[str | None, tuple[str, ...]]:
    """Unread text after a title: known sections (where ``sections_ok``), else one topic."""
    a, b = start, end
    while a < b and (text[a].isspace() or text[a] in ",;:./-)"):
        a += 1
    if a >= b or _FILLER.fullmatch(low, a, _trailing_end(text, a, b)):
        return None, ()
    items = _split_list(text, low, a, b) if sections_ok else []
    if items and all(_known_section_end(low, text, x, y) == _trailing_end(text, x, y) for x, y in items):
        return None, tuple(_clean(text[x:y]) for x, y in items if _clean(text[x:y]))
    topic = _clean(_strip_suffix_words(_clean(text[a:b]), _TRAILING_TOPIC_WORD))
    return (topic if _ALNUM.search(topic.lower()) else None), ()


def _trailing_end(text: str, a: int, b: int) -> int:
    while b > a and (text[b - 1].isspace() or text[b - 1] in ".,;"):
        b -= 1
    return b


def _first_title(phrases: _PhraseSet, text: str, low: str, start: int, end: int,
                 anchored: bool) -> _Hit | None:
    """The first chapter title in ``[start, end)``: anywhere, or (``anchored``) only at the
    start of a comma/slash/colon-separated part."""
    if not anchored:
        return next((h for h in phrases.scan(low, text, start, end) if not _weak_rejected(text, h)), None)
    pos = start
    while pos < end:
        pos = _skip_spaces(text, pos, end)
        hit = phrases.match_at(low, text, pos, end)
        if hit is not None and not _weak_rejected(text, hit):
            return hit
        delim = _PART_DELIM.search(low, pos, end)
        if delim is None:
            return None
        pos = delim.end()
    return None


def _read_locators(w: _Window) -> _Locators:
    """Find the locators of one citation and blank them out of ``w``. Order matters:
    dates before pages and years, pages before years, everything before the years."""
    text, low = w.text, w.low
    url = None
    m = _URL.search(text) if "http" in low or "www." in low else None
    if m:
        url = m.group().rstrip(".,;:)")
        w.cut(m.start(), m.start() + len(url))

    updated: dt.date | None = None
    for m in _found(low, _UPDATED, "updat", "revis", "rev."):
        if updated is None:
            updated = parse_date(text[m.start("date") : m.end("date")])
        w.cut(m.start(), m.end())
    year: int | None = None
    for m in _found(low, _ACCESSED, "accessed", "retrieved", "viewed"):
        w.cut(m.start(), m.end())
    for m in _found(low, _PAREN_DATE, "("):  # "(July 28, 2016)": the version's year
        if w.overlaps(m.start(), m.end()):
            continue
        d = parse_date(text[m.start("date") : m.end("date")])
        if d is not None and year is None:
            year = d.year
        w.cut(m.start(), m.end())

    pages: dict[int, None] = {}  # in order, once each
    for m in _found(low, _PAGES, "pag", "pg", "pp.", "p."):
        if w.overlaps(m.start(), m.end()):
            continue
        pages.update(dict.fromkeys(_pages(m.group("nums"))))
        bridge = _ON_PAGE_BEFORE.search(low, max(0, m.start() - 30), m.start())
        w.cut(bridge.start() if bridge else m.start(), m.end())

    table = None
    for m in _found(low, _TABLE, "table"):
        if table is None:
            table = _WS.sub("", text[m.start("t") : m.end("t")]).upper()
        w.cut(m.start(), m.end())

    chapter: int | None = None
    chapter_end = -1
    for m in _found(low, _CHAPTER, "ch"):
        if chapter is None:
            chapter = int(m.group("n")) if m.group("n") else vocab.NUMBER_WORDS[m.group("w")]
            chapter_end = m.end()
        w.cut(m.start(), m.end())

    regulation: tuple[str, int | None] | None = None
    for m in _found(low, _REGULATION, "9792"):
        if regulation is None:
            regulation = vocab.MTUS_REGULATIONS.get(m.group("reg"))
        w.cut(m.start(), m.end())

    edition = None
    for m in _found(low, _EDITION, " ed", "edition"):
        if edition is None:
            number = int(m.group("n")) if m.group("n") else vocab.ORDINAL_WORDS[m.group("w")]
            edition = f"{_ORDINAL_NAMES.get(number, str(number) + 'th')} Edition"
        w.cut(m.start(), m.end())
    for m in _found(low, _ONLINE, "online"):
        if edition is None:
            edition = _online_edition(low[m.start("e") : m.end("e")])
        w.cut(m.start(), m.end())

    sections: list[str] = []
    head = _SECTIONS_HEAD.search(low) if "section" in low else None
    if head:  # the list runs to the next locator or the end
        region_end = w.next_cut_after(head.end())
        w.cut(head.start(), head.end())
        mt, ml = w.masked()
        sections.extend(_section_names(mt, ml, head.end(), region_end))
        w.cut(head.end(), region_end)
    for m in _found(low, _UNDER_SECTION, "under"):
        sections.append(_clean(text[m.start("sec") : m.end("sec")]))
        w.cut(m.start(), m.end())

    for m in _found(low, _YEAR, "19", "20"):
        if w.overlaps(m.start(), m.end()):
            continue
        if year is None:
            year = int(m.group("y"))
        w.cut(m.start(), m.end())

    return _Locators(url, updated, year, tuple(pages), table, chapter, chapter_end, regulation,
                     edition, tuple(sections))


def _read(text: str, low: str, mtus_name_only: bool = False) -> _Parts:
    """Read one citation's text (at most _WINDOW characters). ``mtus_name_only``: the
    letter labels it an MTUS citation, so with no narrower name it is "MTUS"."""
    w = _Window(text, low)
    n = len(text)
    loc = _read_locators(w)

    # Names of guidelines: the first one decides, but "MTUS" and "Other Medical Treatment
    # Guideline" yield to a narrower one ("Other ...: Official Disability Guidelines").
    mt, ml = w.masked()
    hits = [h for h in _GUIDES.scan(ml, mt, 0, n)
            if not (h.key == "MTUS" and _NON_BEFORE.search(ml, max(0, h.start - 6), h.start))]
    specific = next((h for h in hits if h.key not in _GENERIC), None)
    other = next((h for h in hits if h.key == "Other"), None)
    has_mtus = any(h.key == "MTUS" for h in hits)
    for h in hits:
        w.cut(h.start, h.end)
        f = _FILLER.match(low, h.end)
        if f:
            w.cut(h.end, f.end())
    # What follows the deciding name (and its filler words) is its chapter, title, topic.
    anchor = specific or other or (hits[0] if hits else None)
    rest = 0
    if anchor is not None:
        f = _FILLER.match(low, anchor.end)
        rest = f.end() if f else anchor.end
    mt, ml = w.masked()

    guideline: str | None = specific.key if specific else None
    chapter = loc.chapter
    # A regulation number names its guideline outright ("MTUS, section 9792.24.2,
    # Opioids" is the CPMTG, not the ACOEM "Opioids" chapter); an ACOEM one still reads
    # its chapter title below.
    if guideline is None and loc.regulation is not None:
        guideline = loc.regulation[0]
        if chapter is None:
            chapter = loc.regulation[1]
    acoem: _Hit | None = None
    if guideline in (None, "ACOEM"):  # "MTUS Low Back Complaints 2004" is ACOEM chapter 12
        acoem = _first_title(_ACOEM, mt, ml, rest, n, anchored=False)
        if acoem is not None:
            guideline = "ACOEM"
    if guideline is None and other is not None:
        known = _url_guideline(loc.url) if loc.url is not None else "Other"
        guideline = "Other" if known == "MTUS" else known
    if guideline is None and (has_mtus or mtus_name_only):
        guideline = "MTUS"
    if guideline is None and loc.url is not None:
        guideline = _url_guideline(loc.url)
    if guideline is None and _LITERATURE.search(low):
        guideline = "Literature"

    title: str | None = None
    topic: str | None = None
    rest_sections: tuple[str, ...] = ()
    if guideline == "ACOEM":
        if acoem is not None:
            title, after = _title_with_suffixes(mt, ml, acoem, n)
            if chapter is None:
                chapter = acoem.number
            rest = after
        elif loc.chapter_end >= 0:  # "ACOEM Chapter 7 Independent Medical Examinations"
            t = _ACOEM_AFTER_CHAPTER.match(ml, loc.chapter_end)
            if t and len(t.group("t").split()) <= 8 and mt[t.start("t")].isupper():
                title = _clean(mt[t.start("t") : t.end("t")]) or None
                rest = t.end("t")
        topic, rest_sections = _rest_parts(mt, ml, rest, n)
    elif guideline == "ODG":
        title, topic = _odg_title_topic(mt, ml, rest)
    elif guideline in vocab.MTUS_FAMILY:  # named, or given by its regulation number
        if specific is not None:
            title = _clean(_strip_suffix_words(text[specific.start : specific.end])) or None
        topic, rest_sections = _rest_parts(mt, ml, rest, n)
    elif guideline == "MTUS":
        topic, rest_sections = _rest_parts(mt, ml, rest, n)
    elif guideline is not None:
        title = _other_title(mt, specific or other, rest, n)
    sections = loc.sections + tuple(s for s in rest_sections if s not in loc.sections)

    return _Parts(
        guideline=guideline, chapter=chapter, title=title, year=loc.year, edition=loc.edition,
        sections=sections, topic=topic, pages=loc.pages, table=loc.table,
        updated=loc.updated, url=loc.url, has_mtus_name=has_mtus,
    )


def _odg_title_topic(text: str, low: str, rest: int) -> tuple[str | None, str | None]:
    """An ODG chapter and topic: the part that starts with a chapter name (vocab) is the
    chapter ("Pain (Chronic) Acupuncture", "Physical therapy/Preface"), what follows it
    (else what precedes it) the topic; without a known chapter, a first part that ends
    in "Chapter" or "Section" is one."""
    n = len(text)
    odg = _first_title(_ODG, text, low, rest, n, anchored=True)
    if odg is not None:
        title, after = _title_with_suffixes(text, low, odg, n)
        topic, _ = _rest_parts(text, low, after, n, sections_ok=False)
        if topic is None:
            topic, _ = _rest_parts(text, low, rest, odg.start, sections_ok=False)
        return title, topic
    delim = _PART_DELIM.search(low, rest, n)
    first_end = delim.start() if delim else n
    first = _clean(text[rest:first_end])
    if first and _strip_suffix_words(first, _TRAILING_TOPIC_WORD) != first:
        topic, _ = _rest_parts(text, low, first_end, n, sections_ok=False)
        return _strip_suffix_words(first, _TRAILING_TOPIC_WORD), topic
    return None, _rest_parts(text, low, rest, n, sections_ok=False)[0]


_SENTENCE_END = re.compile(r"[.?!](?:\s|$)")
# A Vancouver author list ("Benditt D, et al. ", "Smith J, Jones K. ") before a title.
_AUTHORS = re.compile(
    r"\s*(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?\s+[A-Z]{1,3}(?:\s*,\s*|\s+(?=et\b)|\s*\.\s*))+"
    r"(?:et\s+al\.?\s*)?"
)


def _other_title(text: str, name: _Hit | None, rest: int, n: int) -> str | None:
    """Title of a reference to another body or to the literature: the text before the
    publisher's name, else the first sentence after it (after an author list)."""
    before = text[: name.start] if name is not None else ""
    tail = before if _clean(before) else (text[rest:n] if name is not None else text)
    tail = tail[:300]
    m = _AUTHORS.match(tail)
    if m:
        tail = tail[m.end() :]
    stop = _SENTENCE_END.search(tail)
    title = _clean(_strip_suffix_words(_clean(tail[: stop.start() + 1] if stop else tail)))
    return title[:200] or None


class _Budget:
    """How many more citations this call may read in full (see _FULL_READS)."""

    def __init__(self) -> None:
        self.left = _FULL_READS

    def take(self) -> bool:
        self.left -= 1
        return self.left >= 0


def _derived_mtus(guideline: str | None, names_mtus: bool) -> bool | None:
    """Whether a citation is an MTUS one when the letter does not say."""
    if names_mtus or guideline in vocab.MTUS_FAMILY:
        return True
    if guideline is not None and _GUIDELINE_MTUS.get(guideline, False) is False:
        return False
    return None


def _citation(text: str, low: str, start: int, end: int, mtus: bool | None,
              budget: _Budget, mtus_label: bool = False,
              names: tuple[str | None, bool] | None = None) -> Citation:
    """The Citation for ``text[start:end]``. ``mtus`` is what the letter says about it
    (label or "which is part of the MTUS"); ``None`` lets the guideline decide. ``names``
    is what the caller already knows: (first guideline named other than the MTUS,
    whether the MTUS is named)."""
    if not budget.take():
        # Past the budget: the citation keeps its text, span, guideline and MTUS flag.
        if names is None:
            hits = list(itertools.islice(_GUIDES.scan(low, text, start, min(end, start + 200)), 4))
            names = (next((h.key for h in hits if h.key != "MTUS"), None),
                     any(h.key == "MTUS" for h in hits))
        guideline, names_mtus = names
        if guideline is None and (names_mtus or mtus_label):
            guideline = "MTUS"
        return Citation(text=text[start:end], guideline=guideline,
                        mtus=_derived_mtus(guideline, names_mtus) if mtus is None else mtus,
                        span=Span(start, end))
    stop = min(end, start + _WINDOW)
    parts = _read(text[start:stop], low[start:stop], mtus_name_only=mtus_label)
    if mtus is None:
        mtus = _derived_mtus(parts.guideline, parts.has_mtus_name)
    elif mtus and _GUIDELINE_MTUS.get(parts.guideline or "", None) is False:
        mtus = False  # an MTUS sentence that goes on to name the ODG: that part is not MTUS
    return Citation(
        text=text[start:end],
        guideline=parts.guideline,
        mtus=mtus,
        chapter=parts.chapter,
        title=parts.title,
        year=parts.year,
        edition=parts.edition,
        sections=parts.sections,
        topic=parts.topic,
        pages=parts.pages,
        table=parts.table,
        updated=parts.updated,
        url=parts.url,
        span=Span(start, end),
    )


# --------------------------------------------------------------------------- guideline lines

_WHO = r"(?:his\s*/\s*her|his|her|their|its)"
_INTRO = re.compile(
    r"decision\s+(?:was\s+)?based\s+(?:up)?on(?![a-z])"
    r"|based\s+" + _WHO + r"\s+(?:decision|determination)\s+(?:up)?on(?![a-z])"
)
_NO_EVIDENCE = re.compile(r"did\s+not\s+cite\s+any(?![a-z])")
_NOT_MTUS = re.compile(
    r"did\s+not\s+base\s+" + _WHO + r"\s+(?:decision|determination)\s+(?:up)?on\s+(?:the\s+)?"
    r"(?:ca(?:lifornia)?\s+)?mtus(?:\s+guidelines?)?(?![a-z])"
    r"|based\s+" + _WHO + r"\s+(?:decision|determination)\s+(?:up)?on\s+(?:the\s+)?recommendations?"
    r"(?:\s*\(\s*s\s*\))?\s+(?:that\s+(?:are|were)\s+)?outside\s+(?:of\s+)?(?:the\s+)?"
    r"(?:ca(?:lifornia)?\s+)?mtus(?:\s+guidelines?)?(?![a-z])"
)
_LABEL = re.compile(
    r"[\s:,-]*(?:the\s+)?(?:ca(?:lifornia)?\s+)?(?:(?P<non>non)(?:\s*-)?\s*mtus|(?P<mtus>mtus))"
    r"(?:\s+citations?)?(?![a-z])[\s:,-]*"
)
# "..., which is (not) part of the MTUS": the MTUS named by its acronym or its full name
# ("the California Medical Treatment Utilization Schedule (MTUS)"). Not part of the citation.
_PART_OF = re.compile(
    r"(?<![a-z])(?:which|that)\s+(?:is|are)\s+(?P<not>not\s+)?(?:a\s+)?part\s+of\s+(?:the\s+)?"
    r"(?:ca(?:lifornia)?\s+)?(?:mtus|medical\s+treatment\s+utilization\s+schedules?"
    r"(?:\s*\(\s*mtus\s*\))?)(?![a-z])"
)
# The same clause right after a rationale reference ("ACOEM ..., page 303, which is part
# of the MTUS, ...").
_PART_OF_NEXT = re.compile(r"[\s,]*(?:" + _PART_OF.pattern + ")")
# Separators between two citations in one sentence (see _split_points).
_SEP_TOKEN = re.compile(r"[;,]|(?<![a-z0-9])and(?=\s)")
_AFTER_PUNCT = re.compile(r"\s*(?:(?P<word>and|also|as\s+well\s+as)\s+)?(?:the\s+)?")
_AFTER_AND = re.compile(r"\s+(?:also\s+)?(?:the\s+)?")
_YEAR_NEXT = re.compile(r"(?:\s*,)?\s*\(?(?:19[89]\d|20[0-4]\d)(?![\w/-])")
_AUTHOR_SPLIT = re.compile(
    r",\s+(?=[A-Z][A-Za-z'’-]+\s+[A-Z]{1,3}(?:,\s*|\s+)(?:et\s+al\b|[A-Z][A-Za-z'’-]+\s+[A-Z]{1,3}\b))"
)
_LEAD_TRIM = re.compile(r"(?:[\s,;:.-]|(?:and|also|the)(?![a-z]))*")


def _split_points(text: str, low: str, start: int, end: int, mtus: bool | None) -> list[tuple[int, int]]:
    """Where one "Decision based on" sentence holds several citations: ``(end of the
    previous citation, start of the next)`` at each "; ", ", and ", " and " (", as well as",
    ", also") followed by a guideline's name, and at each ", " followed by an MTUS
    guideline or ACOEM chapter with its year ("... 2004, Low Back Complaints 2004").
    In MTUS citations an ACOEM chapter title counts as a name (with a year after it)."""
    points: list[tuple[int, int]] = []
    read_to = start
    for m in itertools.islice(_SEP_TOKEN.finditer(low, start, end), _MAX_SEPARATORS):
        if len(points) >= _MAX_PIECES:
            break
        if m.start() < read_to:
            continue
        token = m.group()
        if token in ",;":
            after = _AFTER_PUNCT.match(low, m.end(), end)
            strong = token == ";" or after is not None and after.group("word") is not None
            sep_start = m.start()
        else:  # "and"
            after = _AFTER_AND.match(low, m.end(), end)
            strong = True
            sep_start = m.start()
            while sep_start > start and low[sep_start - 1].isspace():
                sep_start -= 1
        q = after.end() if after is not None else m.end()
        read_to = q
        hit = _GUIDES.match_at(low, text, q, end)
        if hit is None and mtus is not False:
            hit = _ACOEM.match_at(low, text, q, end)
            if hit is not None and hit.weak:
                hit = None
        if hit is None:
            continue
        with_year = _YEAR_NEXT.match(low, hit.end, end) is not None
        if strong and (hit.kind == "guideline" or with_year) or (
            token == "," and with_year and (hit.kind == "acoem" or hit.key in vocab.MTUS_FAMILY)
        ):
            points.append((sep_start, hit.start))
    if mtus is not True:
        for a in itertools.islice(_AUTHOR_SPLIT.finditer(text, start, end), _MAX_PIECES):
            points.append((a.start(), a.end()))
        points.sort()
    return points


def _segment(text: str, low: str, start: int, end: int,
             budget: _Budget) -> tuple[list[Citation], bool]:
    """The citations of one "Decision based on ..." sentence, ``text[start:end]``, and
    whether the sentence says outright that one of them is not part of the MTUS."""
    mtus: bool | None = None
    label = _LABEL.match(low, start, end)
    label_span: tuple[int, int] | None = None
    if label is not None:
        if label.group("non"):
            mtus = False
            label_span = (label.start("non"), label.end())
            start = label.end()
        else:
            mtus = True
            label_span = (label.start("mtus"), label.end("mtus"))
            start = label.start("mtus")
    bounds: list[tuple[int, int]] = []
    piece_start = start
    for prev_end, next_start in _split_points(text, low, start, end, mtus):
        if prev_end < piece_start:
            continue
        bounds.append((piece_start, prev_end))
        piece_start = next_start
    bounds.append((piece_start, end))

    citations = []
    stated_not_mtus = False
    for a, b in bounds:
        piece_mtus = mtus
        part_of = _PART_OF.search(low, a, b)
        if part_of is not None:  # "..., which is (not) part of the MTUS" says it outright
            b = part_of.start()  # the comma and spaces before it go with the trailing trim
            piece_mtus = not part_of.group("not")
            stated_not_mtus = stated_not_mtus or not piece_mtus
        lead = _LEAD_TRIM.match(low, a, b)
        if lead is not None:
            a = lead.end()
        b = _trailing_end(text, a, b)
        if b <= a:
            continue
        citations.append(_citation(text, low, a, b, piece_mtus, budget, mtus_label=mtus is True))
    if not citations and label_span is not None:
        # "Decision based on Non-MTUS Citation." still says something: keep it.
        a, b = label_span
        b = _trailing_end(text, a, b)
        if b > a:
            citations.append(_citation(text, low, a, b, mtus, budget, mtus_label=mtus is True))
    return citations, stated_not_mtus


def parse_basis(text: str) -> Basis:
    """Read one guideline line (the text after "Claims Administrator guideline:" or
    "MAXIMUS guideline:", reflowed) into a :class:`Basis`.

    ``cited_evidence`` is ``False`` for "... did not cite any medical evidence ...";
    ``based_on_mtus`` is ``False`` for "did not base their decision on the MTUS" and
    "based their decision on recommendation(s) outside of the MTUS", ``True`` when an
    MTUS citation is given (a Non-MTUS label or "which is not part of the MTUS" on one
    citation does not undo another's MTUS flag), ``False`` when the line says outright of
    its citations that they are not part of the MTUS ("based its decision on the ODG,
    which is not part of the MTUS") and none is an MTUS one, else ``None`` (a bare
    "Non-MTUS Citation" label alone leaves it ``None``). Every "Decision based on" sentence gives at
    least one citation; citation spans are offsets into ``text``.
    """
    # Guideline lines repeat across letters (many are picked from a list); a Basis is
    # immutable, so the same line gives the same object.
    return _parse_basis_cached(text) if len(text) <= _CACHED_LENGTH else _parse_basis(text)


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _parse_basis_cached(text: str) -> Basis:
    return _parse_basis(text)


def _parse_basis(text: str) -> Basis:
    low = _lower(text)
    budget = _Budget()
    negations = [(m.start(), m.end()) for m in _NOT_MTUS.finditer(low)]
    statements = sorted(negations + [(m.start(), m.end()) for m in _NO_EVIDENCE.finditer(low)])
    starts = [a for a, _ in statements]
    reach = list(itertools.accumulate((b for _, b in statements), max))  # furthest end so far

    def in_statement(pos: int) -> bool:
        i = bisect.bisect_right(starts, pos) - 1
        return i >= 0 and reach[i] > pos

    intros = [m for m in _INTRO.finditer(low) if not in_statement(m.start())]
    segments: list[tuple[int, int]] = []
    for i, m in enumerate(intros):
        seg_end = intros[i + 1].start() if i + 1 < len(intros) else len(text)
        j = bisect.bisect_left(starts, m.end())
        if j < len(starts):
            seg_end = min(seg_end, starts[j])  # a statement after it ends it too
        segments.append((m.end(), seg_end))
    if not intros:
        # No "Decision based on": read what follows the last statement, if it names a guideline.
        start = reach[-1] if reach else 0
        if next(_GUIDES.scan(low, text, start, len(text)), None) is not None:
            segments.append((start, len(text)))
    citations: list[Citation] = []
    stated_not_mtus = False
    for a, b in segments:
        found, stated = _segment(text, low, a, b, budget)
        citations.extend(found)
        stated_not_mtus = stated_not_mtus or stated

    based_on_mtus: bool | None = None
    if negations:
        based_on_mtus = False
    elif any(c.mtus for c in citations):
        based_on_mtus = True
    elif stated_not_mtus and all(c.mtus is False for c in citations):
        based_on_mtus = False
    cited = _NO_EVIDENCE.search(low) is None
    return Basis(text=text.strip(), cited_evidence=cited, based_on_mtus=based_on_mtus,
                 citations=tuple(citations))


# --------------------------------------------------------------------------- rationales

_P_SEP = re.compile(r"\s*[,:/-]\s*|\s+")
_P_CONNECT = re.compile(r"(?:in|of|from|per)\s+(?:the\s+)?(?:ca(?:lifornia)?\s+)?")
_NAMED_GROUP = re.compile(r"\(\?P<\w+>")


def _anonymous(pattern: re.Pattern[str]) -> str:
    """A locator pattern's source without its group names, to join with others."""
    return _NAMED_GROUP.sub("(?:", pattern.pattern)


# Everything after a name that the reference reads with one pattern (one match per step):
# what it skips (filler), what it keeps, and what anchors it (chapter, table, page(s),
# regulation). Only one copy of DATE_PATTERN, whose group names must stay unique.
_P_ELEMENT = re.compile(
    "(?P<filler>(?:\\(\\s*(?:odg|acoem|mtus|cpmtg|twc)\\s*\\)|(?:"
    + "|".join(_phrase_regex(f) for f in sorted(vocab.NAME_FILLERS, key=len, reverse=True))
    + "))(?![a-z0-9]))"
    + "|(?P<year>\\(?(?:19[89]\\d|20[0-4]\\d)\\)?(?![\\w/-]))"
    + "|(?P<date>(?:\\(\\s*)?(?:(?:last\\s+)?(?:updated?|revised|rev\\.)(?:\\s*:)?\\s*(?:on\\s+)?"
    + "|\\(\\s*(?:effective\\s+)?)(?i:" + DATE_PATTERN + ")(?:\\s*\\))?)"
    + "|(?P<edition>" + _anonymous(_EDITION) + "|" + _anonymous(_ONLINE) + ")"
    + "|(?P<anchor>" + "|".join(_anonymous(rx) for rx in (_CHAPTER, _TABLE, _PAGES, _REGULATION))
    + "|" + _ON_PAGE + _anonymous(_PAGES) + ")"
    + "|(?P<under>" + _anonymous(_UNDER_SECTION) + ")"
)
_P_ON_TITLE = re.compile(r"(?:chapter\s+)?on\s+(?:the\s+)?|\(\s*")
_P_CLOSE = re.compile(r"\s*\)")
_P_SUFFIX = re.compile(r"(?:chapters?|sections?)(?![a-z])")
_P_TOPIC = re.compile(r"(?P<t>[a-z0-9][^,.;:()]{0,50}(?:\([^()]{0,40}\))?)")
# Where a topic named in prose ends: the verb (or modal, or adverb) of its sentence.
_P_TOPIC_STOP = re.compile(
    r"\s+(?:states?|notes?|indicates?|recommends?|supports?|says|stipulates?|agrees?|shows?|"
    r"suggests?|requires?|allows?|advises?|reports?|describes?|explains?|mentions?|lists?|"
    r"specifies|discusses|addresses|reads|cites?|defines?|endorses?|confirms?|provides?|"
    r"is|are|was|were|has|have|had|does|do|can|may|might|should|would|will|must|"
    r"also|further|however|only|not|that|which|and|or|but)(?![a-z])"
)
_P_ITEM = re.compile(
    r"(?P<t>[a-z][^,.;:()]{0,60}?)(?=\s*,\s*" + _PAGE_WORD + r"(?:\s*:)?\s*\d)"
)
_P_LEAD_EDITION = re.compile(
    r"(?<![a-z0-9])(?:" + _ORDINAL_WORDS + r"|\d{1,2}(?:st|nd|rd|th))\s+ed(?:ition|\.)?\s+(?:of\s+)?(?:the\s+)?\Z"
)
_P_LEAD_LOC = re.compile(
    r"(?<![a-z])(?:" + _PAGE_WORD + r"\s*:?\s*" + _PAGE_LIST + r"|(?:chapter|ch\.?)\s*\d{1,2}"
    r"|tables?\s+\d{1,2}(?:-\d{1,2})?)\s+(?:of|in|from)\s+(?:the\s+)?(?:ca(?:lifornia)?\s+)?\Z"
)
_LEAD_REACH = 80
# Strings without which no rationale reference is anchored: the locator keywords of
# _P_ELEMENT and _SECTIONS_HEAD, "acute" ("(Acute & Chronic)"), and the first word of
# every ACOEM and ODG chapter name. All literal, so that re skips ahead by first
# character; a hint inside a longer word ("below") only widens a window.
_ANCHOR_HINT = re.compile(
    "("
    + _trie_regex(
        {"chap", "ch.", "pag", "pg", "pp.", "p.", "tabl", "sect", "9792", "§", "acute"}
        | {f"ch{space}{d}" for space in ("", " ") for d in range(10)}
        | {
            _PHRASE_TOKEN.findall(name.lower())[0]
            for name in itertools.chain(
                (n for ch in vocab.ACOEM_CHAPTERS for n in (ch.title, *ch.aliases)),
                (n for ch in vocab.ODG_CHAPTERS for n in (ch.title, *ch.aliases)),
            )
        }
    )
    + ")"
)


class _Chain:
    """A rationale reference being read: names, then locators, left to right."""

    def __init__(self, hit: _Hit) -> None:
        self.specific = None if hit.key == "MTUS" else hit.key
        self.names_mtus = hit.key == "MTUS"
        self.end = hit.end  # end of the last element that is part of the reference
        self.anchored = False  # has a chapter, page, table, section or chapter title
        self.odg_chapter = False


def _prose_step(text: str, low: str, chain: _Chain, pos: int, limit: int) -> int | None:
    """Read one more element of a reference at ``pos`` (after its separator); its end, or
    ``None`` when nothing there belongs to the reference."""
    sep = _P_SEP.match(low, pos, limit)
    q = sep.end() if sep else pos
    comma = sep is not None and "," in low[pos:q]
    if q >= limit:
        return None

    m = _P_ELEMENT.match(low, q, limit)
    if m:
        if m.lastgroup != "filler":  # a filler word does not extend the reference
            chain.end = m.end()
        chain.anchored = chain.anchored or m.lastgroup == "anchor"
        return m.end()

    # Another name: "MTUS Guideline in ACOEM", "MTUS/ACOEM", "MTUS 2016, Chronic Pain ...".
    connect = _P_CONNECT.match(low, q, limit)
    for at in ((q, connect.end()) if connect else (q,)):
        hit = _GUIDES.match_at(low, text, at, limit)
        if hit is None:
            continue
        if hit.key == "MTUS" or chain.specific in (None, hit.key):
            if comma and chain.specific is not None:
                return None
            if hit.key != "MTUS":
                chain.specific = hit.key
            chain.names_mtus = chain.names_mtus or hit.key == "MTUS"
            chain.end = hit.end
            return hit.end
        return None

    m = _SECTIONS_HEAD.match(low, q, limit)
    if m:
        e = _known_section_end(low, text, _skip_spaces(text, m.end(), limit), limit)
        if e is not None:
            chain.end, chain.anchored = e, True
            return e

    # A chapter title: ACOEM ("ACOEM Chapter 2 on General Approaches", "MTUS/ACOEM (Neck
    # and Upper Back Complaints)"), ODG ("ODG Low Back Chapter, MRI").
    if chain.specific in (None, "ACOEM"):
        opener = _P_ON_TITLE.match(low, q, limit)
        for at in ((q, opener.end()) if opener else (q,)):
            hit = _ACOEM.match_at(low, text, at, limit)
            if hit is not None and not _weak_rejected(text, hit):
                e = hit.end
                close = _P_CLOSE.match(low, e, limit)
                if close and at != q and low[q] == "(":
                    e = close.end()
                suffix = _P_SUFFIX.match(low, _skip_spaces(low, e, limit), limit)
                if suffix:
                    e = suffix.end()
                chain.specific = "ACOEM"
                chain.end, chain.anchored = e, True
                return e
    if chain.specific == "ODG":
        hit = _ODG.match_at(low, text, q, limit)
        if hit is not None and not _weak_rejected(text, hit):
            _, e = _title_with_suffixes(text, low, hit, limit)
            if e > hit.end or not hit.alias:
                chain.end, chain.anchored, chain.odg_chapter = e, True, True
                return e
        if chain.odg_chapter and comma:
            t = _P_TOPIC.match(low, q, limit)
            if t and text[q].isupper():
                stop = _P_TOPIC_STOP.search(low, q, t.end())
                e = stop.start() if stop else t.end()
                if e > q:
                    chain.end = e
                    chain.odg_chapter = False
                    return e
    if comma and text[q].isupper():
        e = _known_section_end(low, text, q, limit)
        if e is None:
            m = _P_ITEM.match(low, q, limit)
            e = m.end() if m else None
        if e is not None:
            chain.end = e
            return e
    return None


def _prose_reference(text: str, low: str, hit: _Hit, floor: int,
                     budget: _Budget) -> tuple[Citation | None, int]:
    """The reference that starts with the name ``hit`` (or with a locator just before it:
    "page 82 of the MTUS ..."), and how far it was read."""
    start = hit.start
    lo = max(floor, start - _LEAD_REACH)
    chain = _Chain(hit)
    before = low[max(lo, start - 24) : start]  # cheap tests first: most names have neither
    lead = None
    if "of " in before or "in " in before or "from " in before:
        lead = _P_LEAD_LOC.search(low, lo, start)
        if lead is not None:
            start, chain.anchored = lead.start(), True
    if lead is None and "ed" in before:
        lead = _P_LEAD_EDITION.search(low, lo, start)
        if lead is not None:
            start = lead.start()
    limit = min(len(text), hit.end + _PROSE_REACH)
    pos = hit.end
    for _ in range(24):
        nxt = _prose_step(text, low, chain, pos, limit)
        if nxt is None or nxt <= pos:
            break
        pos = nxt
    if not chain.anchored:
        return None, pos
    names = (chain.specific, chain.names_mtus)
    part_of = _PART_OF_NEXT.match(low, chain.end, limit)  # "..., which is part of the MTUS"
    mtus = None if part_of is None else not part_of.group("not")
    return _citation(text, low, start, chain.end, mtus, budget, names=names), pos


def _anchor_windows(low: str) -> list[tuple[int, int]]:
    """Stretches of text in which a rationale reference may start: around each word that
    can anchor one. Names elsewhere need not be read (it matters for long texts)."""
    windows: list[tuple[int, int]] = []
    for m in _ANCHOR_HINT.finditer(low):
        a, b = max(0, m.start() - _PROSE_REACH - 100), m.end() + _LEAD_REACH + 100
        if windows and a <= windows[-1][1]:
            windows[-1] = (windows[-1][0], b)
        else:
            windows.append((a, b))
    return windows


def find_citations(text: str) -> list[Citation]:
    """References to guidelines inside a decision rationale (prose), in text order.

    Only references anchored by a locator count: a chapter, page(s), table, section,
    MTUS regulation number or a named chapter ("the MTUS Guideline in ACOEM Chapter 3,
    page 48", "page 82 of the MTUS Chronic Pain Medical Treatment Guidelines", "ODG Low
    Back Chapter, MRI"). Bare mentions ("Per the ODG, ...", "MTUS Guidelines state")
    are not citations. Spans are offsets into ``text``.
    """
    low = _lower(text)
    found: list[Citation] = []
    floor = 0  # end of the last reference: the next one's locator cannot start before it
    read_to = 0  # names before this were read as part of a reference (no retry needed)
    budget = _Budget()
    for a, b in _anchor_windows(low):
        hit = _GUIDES.next_hit(low, text, max(a, read_to), b)
        while hit is not None:
            citation, read_to = _prose_reference(text, low, hit, floor, budget)
            if citation is not None and citation.span is not None:
                found.append(citation)
                floor = citation.span.end
            hit = _GUIDES.next_hit(low, text, max(hit.end, read_to), b)
    return found


# --------------------------------------------------------------------------- reports


def citation_completeness(c: Citation) -> str:
    """``"full"``: the guideline is known and at least one locator (chapter, title,
    section, topic, page or table) is; ``"partial"``: only the guideline is known;
    ``"unrecognised"``: no guideline."""
    if not c.guideline:
        return "unrecognised"
    if c.chapter is not None or c.title or c.sections or c.topic or c.pages or c.table:
        return "full"
    return "partial"
