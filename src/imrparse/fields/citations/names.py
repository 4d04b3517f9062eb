"""Names in citations: guidelines, ACOEM and ODG chapter titles, section names.

The tables of :mod:`imrparse.vocab.guidelines` as phrase sets
(:mod:`imrparse.text.phrases`, compiled on first use), and the helpers that read a name
where it stands: a chapter title with its suffixes ("Neck Chapter", "Pain (Chronic)
(Acute & Chronic)"), a title that is an ordinary word too ("pain management" is no
title), a known section name. Every function takes the citation's text and its
lowercase copy (same offsets).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ...text.phrases import Hit, PhraseSet, Prepared
from ...vocab import guidelines as vocab

__all__ = [
    "Name", "GUIDES", "ACOEM", "ODG", "SECTIONS", "FILLERS", "LITERATURE", "SUFFIX_WORDS",
    "GUIDELINE_MTUS", "GENERIC", "PUBLICATIONS", "clean", "skip_spaces", "trailing_end",
    "strip_suffix_words", "weak_rejected", "title_with_suffixes", "first_title", "known_section_end",
]


class Name(NamedTuple):
    """What a name in a citation names."""

    kind: str  # "guideline", "acoem", "odg", "section"
    key: str  # guideline short name, or the canonical title / section
    number: int | None = None  # ACOEM chapter
    weak: bool = False  # an ordinary word too (see vocab.WEAK_TITLES)
    alias: bool = False  # not the canonical title


_ANY_CASE = vocab.ANY_CASE_ACRONYMS

#: Guideline names ("Official Disability Guidelines", "ODG", "NICE").
GUIDES: PhraseSet[Name] = PhraseSet(
    ((name, Name("guideline", g.short)) for g in vocab.GUIDELINES for name in g.names),
    any_case=_ANY_CASE,
)
#: ACOEM chapter titles ("Low Back Complaints" is chapter 12).
ACOEM: PhraseSet[Name] = PhraseSet(
    ((name, Name("acoem", ch.title, ch.number, name in vocab.WEAK_TITLES, name != ch.title))
     for ch in vocab.ACOEM_CHAPTERS for name in (ch.title, *ch.aliases)),
    any_case=_ANY_CASE,
)
# The marks that join the parts of an ODG chapter name written with a dash ("Low Back -
# Lumbar & Thoracic"): letters write them with a comma, a slash or a colon too.
_PART_JOINS = (", ", "/", ": ")


def _joined_forms(name: str) -> tuple[str, ...]:
    """``name`` and, where a dash joins its parts, the other ways letters join them."""
    if " - " not in name:
        return (name,)
    return (name, *(name.replace(" - ", join) for join in _PART_JOINS))


#: ODG chapter names ("Low Back - Lumbar & Thoracic", "Low Back, Lumbar & Thoracic", "Low Back").
ODG: PhraseSet[Name] = PhraseSet(
    ((form, Name("odg", ch.title, None, name in vocab.WEAK_TITLES, name != ch.title))
     for ch in vocab.ODG_CHAPTERS for name in (ch.title, *ch.aliases) for form in _joined_forms(name)),
    any_case=_ANY_CASE,
)
#: Section names cited after "Section(s):".
SECTIONS: PhraseSet[Name] = PhraseSet(
    ((name, Name("section", name)) for name in vocab.KNOWN_SECTIONS), any_case=_ANY_CASE,
)
#: Words of a guideline's name that name no part of it ("Practice Guidelines").
FILLERS: PhraseSet[str] = PhraseSet.of(vocab.NAME_FILLERS)
#: Marks of a journal article or book ("et al", "PMID").
LITERATURE: PhraseSet[str] = PhraseSet.of(vocab.LITERATURE_MARKERS, any_case=vocab.LITERATURE_MARKERS)
#: Words after a chapter name that are not part of its title ("Neck Chapter").
SUFFIX_WORDS: PhraseSet[str] = PhraseSet.of(vocab.TITLE_SUFFIX_WORDS)

#: Whether each guideline is part of the MTUS (``None``: depends on the edition).
GUIDELINE_MTUS: dict[str, bool | None] = {g.short: g.mtus for g in vocab.GUIDELINES}
GUIDELINE_MTUS["Literature"] = False
#: Names that yield to a narrower one named with them.
GENERIC = frozenset({"MTUS", "Other"})
#: Publications (vocab.GuidelineInfo.publication): named alone, their name is the title.
PUBLICATIONS = frozenset(g.short for g in vocab.GUIDELINES if g.publication)

# --------------------------------------------------------------------------- text helpers

_WS = re.compile(r"\s+")
_WRAP_HYPHEN = re.compile(r"(?<=[A-Za-z])- (?=[a-z])")
_EDGE_JUNK = " \t\r\n\f\v,;:./-"


def clean(s: str) -> str:
    """Fold white space, rejoin a hyphenated word split by reflow, strip punctuation ends."""
    s = _WRAP_HYPHEN.sub("-", _WS.sub(" ", s))
    return s.strip(_EDGE_JUNK)


def skip_spaces(s: str, pos: int, end: int) -> int:
    while pos < end and s[pos].isspace():
        pos += 1
    return pos


def trailing_end(text: str, a: int, b: int) -> int:
    """``b`` moved back over white space and ".,;"."""
    while b > a and (text[b - 1].isspace() or text[b - 1] in ".,;"):
        b -= 1
    return b


_TRAILING_TITLE_WORD = re.compile(r"\s+(?:" + SUFFIX_WORDS.pattern() + r")\s*$")


def strip_suffix_words(s: str, words: re.Pattern[str] = _TRAILING_TITLE_WORD) -> str:
    """``s`` without trailing "Chapter", "Guidelines" ... words (never all of it)."""
    while True:
        m = words.search(s.lower())
        if m is None or m.start() == 0:
            return s
        s = s[: m.start()]


# --------------------------------------------------------------------------- titles

# A lowercase word after a weak title, other than a suffix word, means it was not a title.
_LOWER_WORD_AFTER = re.compile(r"\s+(?!(?:" + SUFFIX_WORDS.pattern() + r")(?![a-z]))[a-z]")
_SUFFIX = re.compile(
    r"\s*(?:(?:" + SUFFIX_WORDS.pattern() + r")(?![a-z])|(?P<ac>\(\s*acute\s*(?:&|and)\s*chronic\s*\)))"
)
_PART_DELIM = re.compile(r"[,/:;]|\s-\s")
_ITEM_END = re.compile(r"\s*(?:[,;.]|$)")


def weak_rejected(text: str, hit: Hit[Name]) -> bool:
    """A weak title followed by a lowercase word ("pain management") is not a title."""
    return hit.value.weak and _LOWER_WORD_AFTER.match(text, hit.end) is not None


def title_with_suffixes(text: str, low: str, hit: Hit[Name], end: int) -> tuple[str, int]:
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
    return clean(title), pos


def first_title(phrases: PhraseSet[Name], text: str, low: str, start: int, end: int,
                anchored: bool) -> Hit[Name] | None:
    """The first chapter title in ``[start, end)``: anywhere, or (``anchored``) only at the
    start of a comma/slash/colon-separated part."""
    searched = Prepared(text, low)
    if not anchored:
        return next((h for h in phrases.scan(searched, start, end) if not weak_rejected(text, h)), None)
    pos = start
    while pos < end:
        pos = skip_spaces(text, pos, end)
        hit = phrases.match_at(searched, pos, end)
        if hit is not None and not weak_rejected(text, hit):
            return hit
        delim = _PART_DELIM.search(low, pos, end)
        if delim is None:
            return None
        pos = delim.end()
    return None


def known_section_end(low: str, text: str, pos: int, end: int) -> int | None:
    """Where a known section name that starts at ``pos`` and ends an item ends."""
    hit = SECTIONS.match_at(Prepared(text, low), pos, end)
    if hit is None or not _ITEM_END.match(low, hit.end, end):
        return None
    return hit.end
