"""References inside a decision rationale: :func:`find_citations`.

Prose names guidelines all the time ("Per the ODG, ...", "MTUS Guidelines state"); a
reference counts as a citation only when a locator anchors it: a chapter, page(s),
table, section, MTUS regulation number or a named chapter ("the MTUS Guideline in ACOEM
Chapter 3, page 48", "page 82 of the MTUS Chronic Pain Medical Treatment Guidelines",
"ODG Low Back Chapter, MRI"). A reference is read from a guideline's name onward, one
element (name, locator, chapter title, filler) per step, at most ``_PROSE_REACH``
characters; names far from any word that can anchor a reference are not read at all
(:func:`_anchor_windows`), which is what keeps a long rationale cheap.
"""

from __future__ import annotations

import re

from ...models import Citation
from ...text.dates import DATE_PATTERN
from ...text.lowercase import lower_keep_offsets
from ...text.phrases import Hit, Prepared, literal_pattern
from ...text.windows import merge_windows
from .locators import (
    CHAPTER, EDITION, ON_PAGE, ONLINE, ORDINAL_WORDS, PAGE_HINTS, PAGE_LIST, PAGE_WORD, PAGES,
    REGULATION, SECTIONS_HEAD, TABLE, UNDER_SECTION,
)
from .names import (
    ACOEM, FILLERS, GUIDES, ODG, Name, known_section_end, skip_spaces, title_with_suffixes,
    weak_rejected,
)
from .parts import PART_OF, Budget, citation

__all__ = ["find_citations"]

#: How far a rationale reference may run after the name it starts with.
_PROSE_REACH = 300

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
    "(?P<filler>(?:\\(\\s*(?:odg|acoem|mtus|cpmtg|twc)\\s*\\)|"
    + FILLERS.pattern()
    + ")(?![a-z0-9]))"
    + "|(?P<year>\\(?(?:19[89]\\d|20[0-4]\\d)\\)?(?![\\w/-]))"
    + "|(?P<date>(?:\\(\\s*)?(?:(?:last\\s+)?(?:updated?|revised|rev\\.)(?:\\s*:)?\\s*(?:on\\s+)?"
    + "|\\(\\s*(?:effective\\s+)?)(?i:" + DATE_PATTERN + ")(?:\\s*\\))?)"
    + "|(?P<edition>" + _anonymous(EDITION) + "|" + _anonymous(ONLINE) + ")"
    + "|(?P<anchor>" + "|".join(_anonymous(rx) for rx in (CHAPTER, TABLE, PAGES, REGULATION))
    + "|" + ON_PAGE + _anonymous(PAGES) + ")"
    + "|(?P<under>" + _anonymous(UNDER_SECTION) + ")"
)
_P_ON_TITLE = re.compile(r"(?:chapter\s+)?on\s+(?:the\s+)?|\(\s*")
_P_CLOSE = re.compile(r"\s*\)")
_P_OPEN = re.compile(r"\(\s*")
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
    r"(?P<t>[a-z][^,.;:()]{0,60}?)(?=\s*,\s*" + PAGE_WORD + r"(?:\s*:)?\s*\d)"
)
_P_LEAD_EDITION = re.compile(
    r"(?<![a-z0-9])(?:" + ORDINAL_WORDS + r"|\d{1,2}(?:st|nd|rd|th))\s+ed(?:ition|\.)?\s+(?:of\s+)?(?:the\s+)?\Z"
)
_P_LEAD_LOC = re.compile(
    r"(?<![a-z])(?:" + PAGE_WORD + r"\s*:?\s*" + PAGE_LIST + r"|(?:chapter|ch\.?)\s*\d{1,2}"
    r"|tables?\s+\d{1,2}(?:-\d{1,2})?)\s+(?:of|in|from)\s+(?:the\s+)?(?:ca(?:lifornia)?\s+)?\Z"
)
# The same clause as PART_OF right after a rationale reference ("ACOEM ..., page 303,
# which is part of the MTUS, ...").
_PART_OF_NEXT = re.compile(r"[\s,]*(?:" + PART_OF.pattern + ")")
_LEAD_REACH = 80
# Strings without which no rationale reference is anchored: the locator keywords of
# _P_ELEMENT and SECTIONS_HEAD, "acute" ("(Acute & Chronic)"), and the first word of
# every ACOEM and ODG chapter name. All literal, so that re skips ahead by first
# character; a hint inside a longer word ("below") only widens a window.
_ANCHOR_HINT = re.compile(
    "("
    + literal_pattern(
        {"chap", "ch.", "tabl", "sect", "9792", "§", "acute", *PAGE_HINTS}
        | {f"ch{space}{d}" for space in ("", " ") for d in range(10)}
        | ACOEM.first_words() | ODG.first_words()
    )
    + ")"
)


class _Chain:
    """A rationale reference being read: names, then locators, left to right."""

    def __init__(self, hit: Hit[Name]) -> None:
        key = hit.value.key
        self.specific = None if key == "MTUS" else key
        self.names_mtus = key == "MTUS"
        self.end = hit.end  # end of the last element that is part of the reference
        self.anchored = False  # has a chapter, page, table, section or chapter title
        self.odg_chapter = False
        self.open_paren = False  # a name read after "(": its ")" closes the reference


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

    searched = Prepared(text, low)
    # Another name: "MTUS Guideline in ACOEM", "MTUS/ACOEM", "MTUS 2016, Chronic Pain ...",
    # "MTUS (ACOEM Chapter 12, page 303)".
    connect = _P_CONNECT.match(low, q, limit) or _P_OPEN.match(low, q, limit)
    for at in ((q, connect.end()) if connect else (q,)):
        hit = GUIDES.match_at(searched, at, limit)
        if hit is None:
            continue
        title = ACOEM.match_at(searched, at, limit) if chain.specific == "ACOEM" else None
        if title is not None and title_with_suffixes(text, low, title, limit)[1] >= hit.end:
            break  # "ACOEM Chronic Pain Guideline": ACOEM's chapter (below), not the CPMTG
        if low[q] == "(":
            chain.open_paren = True
        key = hit.value.key
        if key == "MTUS" or chain.specific in (None, key):
            if comma and chain.specific is not None:
                return None
            if key != "MTUS":
                chain.specific = key
            chain.names_mtus = chain.names_mtus or key == "MTUS"
            chain.end = hit.end
            return hit.end
        return None

    m = SECTIONS_HEAD.match(low, q, limit)
    if m:
        e = known_section_end(low, text, skip_spaces(text, m.end(), limit), limit)
        if e is not None:
            chain.end, chain.anchored = e, True
            return e

    # A chapter title: ACOEM ("ACOEM Chapter 2 on General Approaches", "MTUS/ACOEM (Neck
    # and Upper Back Complaints)"), ODG ("ODG Low Back Chapter, MRI").
    if chain.specific in (None, "ACOEM"):
        opener = _P_ON_TITLE.match(low, q, limit)
        for at in ((q, opener.end()) if opener else (q,)):
            hit = ACOEM.match_at(searched, at, limit)
            if hit is not None and not weak_rejected(text, hit):
                e = hit.end
                close = _P_CLOSE.match(low, e, limit)
                if close and at != q and low[q] == "(":
                    e = close.end()
                suffix = _P_SUFFIX.match(low, skip_spaces(low, e, limit), limit)
                if suffix:
                    e = suffix.end()
                chain.specific = "ACOEM"
                chain.end, chain.anchored = e, True
                return e
    if chain.specific == "ODG":
        hit = ODG.match_at(searched, q, limit)
        if hit is not None and not weak_rejected(text, hit):
            _, e = title_with_suffixes(text, low, hit, limit)
            if e > hit.end or not hit.value.alias:
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
        e = known_section_end(low, text, q, limit)
        if e is None:
            m = _P_ITEM.match(low, q, limit)
            e = m.end() if m else None
        if e is not None:
            chain.end = e
            return e
    return None


def _prose_reference(text: str, low: str, hit: Hit[Name], floor: int,
                     budget: Budget) -> tuple[Citation | None, int]:
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
    if chain.open_paren:
        close = _P_CLOSE.match(low, chain.end, limit)
        if close:
            chain.end = close.end()
    names = (chain.specific, chain.names_mtus)
    part_of = _PART_OF_NEXT.match(low, chain.end, limit)  # "..., which is part of the MTUS"
    mtus = None if part_of is None else not part_of.group("not")
    return citation(text, low, start, chain.end, mtus, budget, names=names), pos


def _anchor_windows(low: str) -> list[tuple[int, int]]:
    """Stretches of text in which a rationale reference may start: around each word that
    can anchor one. Names elsewhere need not be read (it matters for long texts)."""
    return merge_windows((max(0, m.start() - _PROSE_REACH - 100), m.end() + _LEAD_REACH + 100)
                         for m in _ANCHOR_HINT.finditer(low))


def find_citations(text: str) -> list[Citation]:
    """References to guidelines inside a decision rationale (prose), in text order.

    Only references anchored by a locator count (see the module docstring); bare
    mentions ("Per the ODG, ...", "MTUS Guidelines state") are not citations. Spans are
    offsets into ``text``.
    """
    low = lower_keep_offsets(text)
    searched = Prepared(text, low)
    found: list[Citation] = []
    floor = 0  # end of the last reference: the next one's locator cannot start before it
    read_to = 0  # names before this were read as part of a reference (no retry needed)
    budget = Budget()
    for a, b in _anchor_windows(low):
        hit = GUIDES.next_hit(searched, max(a, read_to), b)
        while hit is not None:
            cited, read_to = _prose_reference(text, low, hit, floor, budget)
            if cited is not None and cited.span is not None:
                found.append(cited)
                floor = cited.span.end
            hit = GUIDES.next_hit(searched, max(hit.end, read_to), b)
    return found
