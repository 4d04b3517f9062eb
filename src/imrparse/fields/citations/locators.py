"""Locators in citations: chapter, page(s), table, section list, year, edition, "updated"
date, URL, MTUS regulation number, and a journal's "year;volume(issue):pages".

Each is a regular expression over the citation's lowercase copy. :func:`read_locators`
finds them all in one citation and blanks each out of a :class:`Window` (same offsets),
so that what is left is names, titles and topics. Patterns without a literal prefix
run only where a cheap substring test says they can match (:func:`_found`).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Iterator, NamedTuple

from ...text.dates import DATE_PATTERN, MONTH_NAME, parse_date
from ...text.phrases import PhraseSet
from ...vocab import guidelines as vocab
from .names import clean, known_section_end, skip_spaces

__all__ = [
    "Window", "Locators", "read_locators", "url_guideline", "split_list",
    "PAGE_WORD", "PAGE_HINTS", "PAGE_LIST", "ON_PAGE", "ORDINAL_WORDS", "PAGES", "TABLE", "CHAPTER",
    "REGULATION", "EDITION", "ONLINE", "SECTIONS_HEAD", "UNDER_SECTION", "JOURNAL",
    "spelled_ordinal",
]

_NUMBER_WORDS = PhraseSet.of(vocab.NUMBER_WORDS).pattern()
#: An ordinal in words: "second", "twentieth", "twenty-first" (lowercase text).
ORDINAL_WORDS = (
    "(?:(?:" + PhraseSet.of(vocab.TENS_WORDS).pattern() + r")[\s-]*(?:"
    + PhraseSet.of(vocab.ORDINAL_WORDS).pattern() + ")|"
    + PhraseSet.of({**vocab.TENS_ORDINAL_WORDS, **vocab.ORDINAL_WORDS}).pattern() + ")"
)
_ORDINAL_NAMES = {n: w.capitalize() for w, n in {**vocab.ORDINAL_WORDS, **vocab.TENS_ORDINAL_WORDS}.items()}
_TENS_NAMES = {n: w.capitalize() for w, n in vocab.TENS_WORDS.items()}
_ORDINAL_WORD = re.compile(r"[a-z]+")
_WORD_VALUES = {**vocab.ORDINAL_WORDS, **vocab.TENS_ORDINAL_WORDS, **vocab.TENS_WORDS}
_SUFFIXES = {1: "st", 2: "nd", 3: "rd"}

_WS = re.compile(r"\s+")
_PAGE_NUM = r"\d{1,4}(?![\w/])"
_PAGE_RANGE = _PAGE_NUM + r"(?:\s*-\s*" + _PAGE_NUM + ")?"
PAGE_LIST = _PAGE_RANGE + r"(?:\s*(?:,|and|&)\s*" + _PAGE_RANGE + ")*"
# "p 78" (a bare "p" before a number) is a page too; "p < 0.05" is not.
PAGE_WORD = r"(?:page\s*\(\s*s\s*\)|pages?|pgs?\.?|pp\.|p\.|p(?=\s+[1-9]))"
#: Substrings without which PAGES cannot match (see _found).
PAGE_HINTS = ("pag", "pg", "pp.", "p.", *(f"p {d}" for d in range(1, 10)))
PAGES = re.compile(r"(?<![a-z])" + PAGE_WORD + r"(?:\s*:)?\s*(?P<nums>" + PAGE_LIST + ")")
_PAGE_NUMBERS = re.compile(r"\d{1,4}(?:\s*-\s*\d{1,4})?")
_PAGE_ITEM = re.compile(r"(\d{1,4})(?:\s*-\s*(\d{1,4}))?")
TABLE = re.compile(
    r"(?<![a-z])tables?\s+(?P<t>\d{1,2}(?:\s*-\s*\d{1,2}|(?:\.\d{1,2})+)?[a-z]?)(?![\w-])"
)
CHAPTER = re.compile(
    r"(?<![a-z])(?:chapter|chap\.?|ch\.?)\s*(?:(?P<n>\d{1,2})(?![\w])|(?P<w>" + _NUMBER_WORDS + r")(?![a-z]))"
)
REGULATION = re.compile(
    r"(?:(?:8\s*)?(?:c\.?\s*c\.?\s*r\.?|cal(?:ifornia)?\.?\s*code\s*(?:of\s*)?reg(?:ulation)?s?\.?)\s*"
    r"(?:§+\s*|sec(?:tion)?s?\.?\s*)?|§+\s*|(?<![a-z])(?:sub)?sec(?:tion)?s?\.?\s*)?"
    r"(?P<reg>9792\.\d{1,2}(?:\.\d{1,2})?)(?![\d])"
)
# "6th ed", "Sixth Edition", "21st Annual Edition", "14th edition (web)".
EDITION = re.compile(
    r"(?<![a-z0-9])(?:(?P<w>" + ORDINAL_WORDS + r")|(?P<n>\d{1,2})\s*(?:st|nd|rd|th))"
    r"\s+(?:annual\s+|revised\s+)?ed(?:ition|n)?(?![a-z])\.?(?:\s*\(\s*web\s*\))?"
)
# A journal's "2009;34(10):1066-77", "2008 May;90(5):1000-10", "2015;(3):CD001234": year,
# volume, issue, pages (or an article number).
JOURNAL = re.compile(
    r"(?<![\w/.-])(?P<y>(?:19|20)\d\d)(?:\s+[a-z]{3,9}\.?(?:\s+\d{1,2})?)?\s*;\s*"
    r"(?P<vol>\d{1,4}[a-z]?)?\s*(?:\(\s*(?P<iss>[a-z0-9-]{1,12}(?:\s+[a-z0-9-]{1,8})?)\s*\))?"
    r"(?:\s*:\s*(?P<pages>[a-z]{0,3}\d{1,7}(?:\s*-\s*[a-z]{0,3}\d{1,7})?))?"
)
ONLINE = re.compile(r"(?:\(\s*)?(?P<e>online\s+(?:version|edition))(?:\s*\))?")
_UPDATED = re.compile(
    r"(?:\(\s*)?(?:last\s+)?(?:updated?|revised|rev\.)(?:\s*:)?\s*(?:on\s+)?(?P<date>" + DATE_PATTERN
    + r")(?:\s*\))?",
    re.IGNORECASE,
)
_PAREN_DATE = re.compile(r"\(\s*(?:effective\s+)?(?P<date>" + DATE_PATTERN + r")\s*\)", re.IGNORECASE)
# "(May 2009)", "(effective Jan. 2018)": a version's month and year, no day.
_PAREN_MONTH = re.compile(
    r"\(\s*(?:effective\s+)?" + MONTH_NAME + r"\.?\s+(?P<y>(?:19|20)\d\d)\s*\)", re.IGNORECASE)
_ACCESSED = re.compile(
    r"(?:accessed|retrieved|viewed)(?:\s+on)?(?:\s*:)?\s*(?:" + DATE_PATTERN + ")", re.IGNORECASE
)
_YEAR = re.compile(r"(?<![\w/.-])\(?(?P<y>19[89]\d|20[0-4]\d)\)?(?![\w/-])")
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"]+")
#: "... Chapter notes on page 607": the words that bridge a title and its page.
ON_PAGE = (
    r"(?:(?:notes?|states?|stipulates?|indicates?|recommends?|says|explains?|reports?|discusses|"
    r"mentions?|acknowledges?|specifies|suggests?)\s+)?(?:on|at)\s+"
)
_ON_PAGE_BEFORE = re.compile(r"(?<![a-z])" + ON_PAGE + r"\Z")
SECTIONS_HEAD = re.compile(r"(?<![a-z])sections?\s*(?:\(\s*s\s*\)\s*:?|:)")
UNDER_SECTION = re.compile(
    r"(?<![a-z])under\s+(?:the\s+)?(?P<sec>[a-z][^,.;:()]{0,60}?)\s+section(?![a-z])"
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


def spelled_ordinal(number: int) -> str:
    """An edition's number as its one spelling: 2 is "Second", 21 "Twenty-First"."""
    if number in _ORDINAL_NAMES:
        return _ORDINAL_NAMES[number]
    tens, ones = divmod(number, 10)
    if tens * 10 in _TENS_NAMES and ones in _ORDINAL_NAMES:
        return f"{_TENS_NAMES[tens * 10]}-{_ORDINAL_NAMES[ones]}"
    return f"{number}{_SUFFIXES.get(number % 10 if number % 100 not in (11, 12, 13) else 0, 'th')}"


def _ordinal_value(words: str) -> int:
    """The number of an ordinal in words ("twenty-first" is 21)."""
    return sum(_WORD_VALUES.get(w, 0) for w in _ORDINAL_WORD.findall(words))


def _online_edition(low: str) -> str:
    """"Online Version", "online  version" and "ONLINE VERSION" all read "Online version"
    (the first word capitalised, the rest lowercase): letters write it every way."""
    return clean(low).capitalize()


def url_guideline(url: str) -> str:
    """The guideline a URL's host names (vocab.URL_HOSTS), else "Other"."""
    m = _URL_HOST.match(url.lower())
    host = m.group(1) if m else ""
    for tail, short in vocab.URL_HOSTS.items():
        if host == tail or host.endswith("." + tail):
            return short
    return "Other"


# --------------------------------------------------------------------------- sections

_LIST_PUNCT = re.compile(r"[()\[\],;]")
_NUMBERED_ITEM = re.compile(r"\d{1,2}(?:\.\d{1,2})+\.?\s+\S")
_AND_WORD = re.compile(r"(?:and|&)\s+")


def split_list(text: str, low: str, start: int, end: int) -> list[tuple[int, int]]:
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
    first = skip_spaces(text, start, end)
    numbered = _NUMBERED_ITEM.match(text, first, end) is not None
    items: list[tuple[int, int]] = []
    item_start = first
    protected = known_section_end(low, text, first, end) or -1
    for c in commas:
        if c < protected:
            continue
        nxt = skip_spaces(text, c + 1, end)
        and_word = _AND_WORD.match(low, nxt, end)
        if and_word:
            nxt = and_word.end()
        if nxt >= end:
            continue
        known = known_section_end(low, text, nxt, end)
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
    for a, b in split_list(text, low, start, end):
        name = clean(text[a:b])
        if name:
            names.append(name)
    return names


# --------------------------------------------------------------------------- one citation


class Window:
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


class Locators(NamedTuple):
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
    volume: str | None
    issue: str | None


def read_locators(w: Window) -> Locators:
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
    for m in _found(low, _PAREN_MONTH, "("):
        if w.overlaps(m.start(), m.end()):
            continue
        if year is None:
            year = int(m.group("y"))
        w.cut(m.start(), m.end())

    pages: dict[int, None] = {}  # in order, once each
    volume: str | None = None
    issue: str | None = None
    for m in _found(low, JOURNAL, ";"):
        if w.overlaps(m.start(), m.end()) or (m.group("vol") is None and m.group("iss") is None):
            continue
        if volume is None and issue is None:  # the first reference's: "year;volume(issue):pages"
            if year is None:
                year = int(m.group("y"))
            if m.group("vol") is not None:
                volume = text[m.start("vol") : m.end("vol")]
            if m.group("iss") is not None:
                issue = _WS.sub(" ", text[m.start("iss") : m.end("iss")])
            nums = m.group("pages")
            if nums is not None and _PAGE_NUMBERS.fullmatch(nums):  # not an article number
                pages.update(dict.fromkeys(_pages(nums)))
        w.cut(m.start(), m.end())
    for m in _found(low, PAGES, *PAGE_HINTS):
        if w.overlaps(m.start(), m.end()):
            continue
        pages.update(dict.fromkeys(_pages(m.group("nums"))))
        bridge = _ON_PAGE_BEFORE.search(low, max(0, m.start() - 30), m.start())
        w.cut(bridge.start() if bridge else m.start(), m.end())

    table = None
    for m in _found(low, TABLE, "table"):
        if table is None:
            table = _WS.sub("", text[m.start("t") : m.end("t")]).upper()
        w.cut(m.start(), m.end())

    chapter: int | None = None
    chapter_end = -1
    for m in _found(low, CHAPTER, "ch"):
        if chapter is None:
            chapter = int(m.group("n")) if m.group("n") else vocab.NUMBER_WORDS[m.group("w")]
            chapter_end = m.end()
        w.cut(m.start(), m.end())

    regulation: tuple[str, int | None] | None = None
    for m in _found(low, REGULATION, "9792"):
        if regulation is None:
            regulation = vocab.MTUS_REGULATIONS.get(m.group("reg"))
        w.cut(m.start(), m.end())

    edition = None
    for m in _found(low, EDITION, " ed", "edition"):
        if edition is None:
            number = int(m.group("n")) if m.group("n") else _ordinal_value(m.group("w"))
            edition = f"{spelled_ordinal(number)} Edition"
        w.cut(m.start(), m.end())
    for m in _found(low, ONLINE, "online"):
        if edition is None:
            edition = _online_edition(low[m.start("e") : m.end("e")])
        w.cut(m.start(), m.end())

    sections: list[str] = []
    head = SECTIONS_HEAD.search(low) if "section" in low else None
    if head:  # the list runs to the next locator or the end
        region_end = w.next_cut_after(head.end())
        w.cut(head.start(), head.end())
        mt, ml = w.masked()
        sections.extend(_section_names(mt, ml, head.end(), region_end))
        w.cut(head.end(), region_end)
    for m in _found(low, UNDER_SECTION, "under"):
        sections.append(clean(text[m.start("sec") : m.end("sec")]))
        w.cut(m.start(), m.end())

    for m in _found(low, _YEAR, "19", "20"):
        if w.overlaps(m.start(), m.end()):
            continue
        if year is None:
            year = int(m.group("y"))
        w.cut(m.start(), m.end())

    return Locators(url, updated, year, tuple(pages), table, chapter, chapter_end, regulation,
                    edition, tuple(sections), volume, issue)
