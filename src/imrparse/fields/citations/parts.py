"""One citation: its text read into a :class:`~imrparse.models.Citation`.

The locators are read and blanked out first (:mod:`.locators`); then the first guideline
named decides the guideline ("MTUS" and "Other Medical Treatment Guideline" yield to a
narrower name; an ACOEM chapter title means ACOEM), and what follows the name is read
as that guideline's chapter, title, topic or sections (:mod:`.names`). A citation is
read from at most ``WINDOW`` characters, and one call of a reader reads at most
``FULL_READS`` citations in full (:class:`Budget`).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from typing import NamedTuple

from ...models import Citation, Span
from ...text.phrases import Hit, Prepared
from ...vocab import guidelines as vocab
from .locators import Locators, Window, read_locators, split_list, url_guideline
from .names import (
    ACOEM, FILLERS, GENERIC, GUIDELINE_MTUS, GUIDES, LITERATURE, ODG, PUBLICATIONS, Name, clean,
    first_title, known_section_end, strip_suffix_words, title_with_suffixes, trailing_end,
)

__all__ = ["Budget", "citation", "citation_completeness", "PART_OF"]

#: Longest stretch of one citation that is read for its parts (real ones stay under 300
#: characters); a longer citation keeps its whole text and span but is parsed from its
#: first WINDOW characters only.
WINDOW = 500
#: How many citations one call reads in full. A guideline line holds a handful and a
#: rationale a few dozen at most; past this the text is not a letter's (a whole file in
#: one line, say), and further citations keep their text, span, guideline and MTUS flag
#: only. This keeps every call fast without dropping any citation.
FULL_READS = 100

_NON_BEFORE = re.compile(r"non\s*-?\s*\Z")
_ALNUM = re.compile(r"[a-z0-9]")
# A book or an article, when no guideline is named (vocab.LITERATURE_MARKERS): an author's
# possessive opening the title ("Harrison's Principles of ...", "Rockwood and Green's
# Fractures"), or a journal abbreviated in NLM style, with "J" as a word ("Clin J Pain").
_POSSESSIVE_TITLE = re.compile(
    r"\s*(?:[A-Z][\w-]*\s+(?:and|&)\s+)?[A-Z][\w-]*['’]s\s+(?:[A-Z]|the\s+[A-Z])")
_NLM_JOURNAL = re.compile(r"(?<![\w.])J\s+[A-Z][a-z]")


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
    volume: str | None
    issue: str | None
    has_mtus_name: bool


#: "..., which is (not) part of the MTUS": the MTUS named by its acronym or its full name
#: ("the California Medical Treatment Utilization Schedule (MTUS)"). Not part of the citation.
PART_OF = re.compile(
    r"(?<![a-z])(?:which|that)\s+(?:is|are)\s+(?P<not>not\s+)?(?:a\s+)?part\s+of\s+(?:the\s+)?"
    r"(?:ca(?:lifornia)?\s+)?(?:mtus|medical\s+treatment\s+utilization\s+schedules?"
    r"(?:\s*\(\s*mtus\s*\))?)(?![a-z])"
)

# What may stand between a guideline's name and the rest of its citation. One character
# or one word per repetition, and no two alternatives start alike: linear.
_FILLER = re.compile(
    r"(?:[\s,:;/-]|\(\s*(?:odg|acoem|mtus|cpmtg|twc)\s*\)|(?:"
    + FILLERS.pattern() + r"|in|the|california|ca)(?![a-z0-9]))+"
)
# A topic keeps "Guidelines" ("Physical Therapy Guidelines"); "MRI section" is "MRI".
_TRAILING_TOPIC_WORD = re.compile(r"\s+(?:chapters?|sections?|topic)\s*$")
_ACOEM_AFTER_CHAPTER = re.compile(r"[\s,:-]*(?P<t>[a-z][^,;:.()]{1,80})")
_PART_DELIM = re.compile(r"[,/:;]|\s-\s")


def _rest_parts(text: str, low: str, start: int, end: int,
                sections_ok: bool = True) -> tuple[str | None, tuple[str, ...]]:
    """Unread text after a title: known sections (where ``sections_ok``), else one topic."""
    a, b = start, end
    while a < b and (text[a].isspace() or text[a] in ",;:./-)"):
        a += 1
    if a >= b or _FILLER.fullmatch(low, a, trailing_end(text, a, b)):
        return None, ()
    items = split_list(text, low, a, b) if sections_ok else []
    if items and all(known_section_end(low, text, x, y) == trailing_end(text, x, y) for x, y in items):
        return None, tuple(clean(text[x:y]) for x, y in items if clean(text[x:y]))
    topic = _unwrapped(clean(strip_suffix_words(clean(text[a:b]), _TRAILING_TOPIC_WORD)))
    return (topic if _ALNUM.search(topic.lower()) else None), ()


def _unwrapped(topic: str) -> str:
    """A topic without the parentheses around all of it: "(Magnetic resonance imaging)" is
    "Magnetic resonance imaging"; "MRI (magnetic resonance imaging)" keeps its own."""
    while len(topic) > 2 and topic[0] == "(" and topic[-1] == ")":
        depth = 0
        for i, ch in enumerate(topic):
            depth += (ch == "(") - (ch == ")")
            if depth == 0 and i < len(topic) - 1:
                return topic  # "(a) and (b)": the first group closes early
        topic = clean(topic[1:-1])
    return topic


def _read(text: str, low: str, mtus_name_only: bool = False) -> _Parts:
    """Read one citation's text (at most WINDOW characters). ``mtus_name_only``: the
    letter labels it an MTUS citation, so with no narrower name it is "MTUS"."""
    w = Window(text, low)
    n = len(text)
    loc = read_locators(w)

    # Names of guidelines: the first one decides, but "MTUS" and "Other Medical Treatment
    # Guideline" yield to a narrower one ("Other ...: Official Disability Guidelines").
    mt, ml = w.masked()
    located, located_low = mt, ml  # the text without its locators: a title never carries a year or page
    hits = [h for h in GUIDES.scan(Prepared(mt, ml), 0, n)
            if not (h.value.key == "MTUS" and _NON_BEFORE.search(ml, max(0, h.start - 6), h.start))]
    specific = next((h for h in hits if h.value.key not in GENERIC), None)
    other = next((h for h in hits if h.value.key == "Other"), None)
    has_mtus = any(h.value.key == "MTUS" for h in hits)
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

    guideline: str | None = specific.value.key if specific else None
    chapter = loc.chapter
    # A regulation number names its guideline outright ("MTUS, section 9792.24.2,
    # Opioids" is the CPMTG, not the ACOEM "Opioids" chapter); an ACOEM one still reads
    # its chapter title below.
    if guideline is None and loc.regulation is not None:
        guideline = loc.regulation[0]
        if chapter is None:
            chapter = loc.regulation[1]
    acoem: Hit[Name] | None = None
    tt, tl = mt, ml  # where the ACOEM title is read
    if guideline == "ACOEM":
        # After "ACOEM" a title may be written like another guideline's name ("ACOEM Chronic
        # Pain Guideline (2017)" is ACOEM's chapter, not the CPMTG), when nothing but
        # "Guideline(s)" follows it in that name ("Chronic Pain Medical Treatment" stays a name).
        hit = first_title(ACOEM, located, located_low, rest, n, anchored=False)
        if hit is not None:
            _, after = title_with_suffixes(located, located_low, hit, n)
            if not any(h.start <= hit.start < h.end and after < h.end for h in hits):
                tt, tl = located, located_low
    if guideline in (None, "ACOEM"):  # "MTUS Low Back Complaints 2004" is ACOEM chapter 12
        acoem = first_title(ACOEM, tt, tl, rest, n, anchored=False)
        if acoem is not None and guideline is None and acoem.value.weak and not (has_mtus or mtus_name_only):
            # A title that is an ordinary word too, with no guideline named ("Guidelines for
            # the management of chronic pain"): no evidence of ACOEM; left unknown.
            acoem = None
        if acoem is not None:
            guideline = "ACOEM"
    if guideline is None and other is not None:
        known = url_guideline(loc.url) if loc.url is not None else "Other"
        guideline = "Other" if known == "MTUS" else known
    if guideline is None and (has_mtus or mtus_name_only):
        guideline = "MTUS"
    if guideline is None and loc.url is not None:
        guideline = url_guideline(loc.url)
    if guideline in (None, "Other") and _is_literature(text, low, loc, located, rest):
        guideline = "Literature"

    title: str | None = None
    topic: str | None = None
    rest_sections: tuple[str, ...] = ()
    if guideline == "ACOEM":
        if acoem is not None:
            title, after = title_with_suffixes(tt, tl, acoem, n)
            if chapter is None:
                chapter = acoem.value.number
            rest = after
        elif loc.chapter_end >= 0:  # "ACOEM Chapter 7 Independent Medical Examinations"
            t = _ACOEM_AFTER_CHAPTER.match(ml, loc.chapter_end)
            if t and len(t.group("t").split()) <= 8 and mt[t.start("t")].isupper():
                title = clean(mt[t.start("t") : t.end("t")]) or None
                rest = t.end("t")
        topic, rest_sections = _rest_parts(mt, ml, rest, n)
    elif guideline == "ODG":
        title, topic = _odg_title_topic(mt, ml, rest)
    elif guideline in vocab.MTUS_FAMILY:  # named, or given by its regulation number
        if specific is not None:
            title = clean(strip_suffix_words(located[specific.start : specific.end])) or None
        topic, rest_sections = _rest_parts(mt, ml, rest, n)
    elif guideline == "MTUS":
        topic, rest_sections = _rest_parts(mt, ml, rest, n)
    elif guideline is not None:
        title = _other_title(mt, specific or other, rest, n)
        if title is None and specific is not None and guideline in PUBLICATIONS:
            # "Cochrane Database Syst Rev. 2015;(3)": the publication is what is cited
            title = clean(located[specific.start : specific.end]) or None
    sections = loc.sections + tuple(s for s in rest_sections if s not in loc.sections)

    return _Parts(
        guideline=guideline, chapter=chapter, title=title, year=loc.year, edition=loc.edition,
        sections=sections, topic=topic, pages=loc.pages, table=loc.table,
        updated=loc.updated, url=loc.url, volume=loc.volume, issue=loc.issue,
        has_mtus_name=has_mtus,
    )


def _is_literature(text: str, low: str, loc: Locators, located: str, rest: int) -> bool:
    """Whether a citation that names no guideline (or only an unnamed "Other Medical
    Treatment Guideline") cites a book or an article: a mark of vocab.LITERATURE_MARKERS,
    a journal's "year;volume", an edition, an author's possessive opening the title, an
    NLM journal abbreviation."""
    return (loc.volume is not None or loc.issue is not None
            or (loc.edition is not None and not loc.edition.startswith("Online"))
            or LITERATURE.next_hit(Prepared(text, low)) is not None
            or _POSSESSIVE_TITLE.match(located, rest) is not None
            or _NLM_JOURNAL.search(located) is not None)


def _odg_title_topic(text: str, low: str, rest: int) -> tuple[str | None, str | None]:
    """An ODG chapter and topic: the part that starts with a chapter name (vocab) is the
    chapter ("Pain (Chronic) Acupuncture", "Physical therapy/Preface"), what follows it
    (else what precedes it) the topic; without a known chapter, a first part that ends
    in "Chapter" or "Section" is one."""
    n = len(text)
    odg = first_title(ODG, text, low, rest, n, anchored=True)
    if odg is not None:
        title, after = title_with_suffixes(text, low, odg, n)
        topic, _ = _rest_parts(text, low, after, n, sections_ok=False)
        if topic is None:
            topic, _ = _rest_parts(text, low, rest, odg.start, sections_ok=False)
        return title, topic
    delim = _PART_DELIM.search(low, rest, n)
    first_end = delim.start() if delim else n
    first = clean(text[rest:first_end])
    if first and strip_suffix_words(first, _TRAILING_TOPIC_WORD) != first:
        topic, _ = _rest_parts(text, low, first_end, n, sections_ok=False)
        return strip_suffix_words(first, _TRAILING_TOPIC_WORD), topic
    return None, _rest_parts(text, low, rest, n, sections_ok=False)[0]


_SENTENCE_END = re.compile(r"[.?!](?:\s|$)")
# A Vancouver author list ("Benditt D, et al. ", "Smith J, Jones K. ") before a title.
_AUTHORS = re.compile(
    r"\s*(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?\s+[A-Z]{1,3}(?:\s*,\s*|\s+(?=et\b)|\s*\.\s*))+"
    r"(?:et\s+al\.?\s*)?"
)


def _other_title(text: str, name: Hit[Name] | None, rest: int, n: int) -> str | None:
    """Title of a reference to another body or to the literature: the text before the
    publisher's name, else the first sentence after it (after an author list)."""
    before = text[: name.start] if name is not None else ""
    tail = before if clean(before) else (text[rest:n] if name is not None else text)
    tail = tail[:300]
    m = _AUTHORS.match(tail)
    if m:
        tail = tail[m.end() :]
    stop = _SENTENCE_END.search(tail)
    title = clean(strip_suffix_words(clean(tail[: stop.start() + 1] if stop else tail)))
    return title[:200] or None


class Budget:
    """How many more citations this call may read in full (see FULL_READS)."""

    def __init__(self) -> None:
        self.left = FULL_READS

    def take(self) -> bool:
        self.left -= 1
        return self.left >= 0


def _derived_mtus(guideline: str | None, names_mtus: bool) -> bool | None:
    """Whether a citation is an MTUS one when the letter does not say."""
    if names_mtus or guideline in vocab.MTUS_FAMILY:
        return True
    if guideline is not None and GUIDELINE_MTUS.get(guideline, False) is False:
        return False
    return None


def citation(text: str, low: str, start: int, end: int, mtus: bool | None,
             budget: Budget, mtus_label: bool = False,
             names: tuple[str | None, bool] | None = None) -> Citation:
    """The Citation for ``text[start:end]``. ``mtus`` is what the letter says about it
    (label or "which is part of the MTUS"); ``None`` lets the guideline decide. ``names``
    is what the caller already knows: (first guideline named other than the MTUS,
    whether the MTUS is named)."""
    if not budget.take():
        # Past the budget: the citation keeps its text, span, guideline and MTUS flag.
        if names is None:
            found = GUIDES.scan(Prepared(text, low), start, min(end, start + 200))
            hits = list(itertools.islice(found, 4))
            names = (next((h.value.key for h in hits if h.value.key != "MTUS"), None),
                     any(h.value.key == "MTUS" for h in hits))
        guideline, names_mtus = names
        if guideline is None and (names_mtus or mtus_label):
            guideline = "MTUS"
        return Citation(text=text[start:end], guideline=guideline,
                        mtus=_derived_mtus(guideline, names_mtus) if mtus is None else mtus,
                        span=Span(start, end))
    stop = min(end, start + WINDOW)
    parts = _read(text[start:stop], low[start:stop], mtus_name_only=mtus_label)
    if mtus is None:
        mtus = _derived_mtus(parts.guideline, parts.has_mtus_name)
    elif mtus and GUIDELINE_MTUS.get(parts.guideline or "", None) is False:
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
        volume=parts.volume,
        issue=parts.issue,
        span=Span(start, end),
    )


def citation_completeness(c: Citation) -> str:
    """``"full"``: the guideline is known and at least one locator (chapter, title,
    section, topic, page or table) is; ``"partial"``: only the guideline is known;
    ``"unrecognised"``: no guideline."""
    if not c.guideline:
        return "unrecognised"
    if c.chapter is not None or c.title or c.sections or c.topic or c.pages or c.table:
        return "full"
    return "partial"
