"""The expert reviewer's credentials, from the "HOW THE IMR FINAL DETERMINATION WAS MADE"
section.

:func:`read_reviewer` takes the reflowed section body (possibly followed by the credentials
block) and returns a :class:`~imrparse.models.Reviewer` whose spans are offsets into that
text. It never raises. Two styles are read:

* prose: "The expert reviewer is Board Certified in Physical Medicine and Rehabilitation
  has a subspecialty in Pain Medicine and is licensed to practice in California." (also
  "The physician reviewer is ...", "is a Licensed Psychologist", "is a Doctor of
  Chiropractic", "Medical Qualifications of the Expert Reviewer: ...");
* labels: "State(s) of Licensure: California,North Carolina Certification(s)/Specialty:
  Preventive Medicine, Occupational Medicine" (labels may sit mid-line and values may wrap).

When a label gives a field, the prose is not consulted for that field.

Rules where the contract leaves room:

* specialties are split on commas and semicolons only, never on "and"/"&", and keep the
  letter's spelling (white space folded); a known name that itself contains a comma
  ("Endocrinology, Diabetes and Metabolism") stays whole; repeats are dropped ("&" and
  "and" compare equal).
* canonical_specialties / canonical_subspecialties: the same names in one spelling per
  board (:mod:`imrparse.vocab.specialties`: the ABMS names, "Physical Medicine &
  Rehabilitation" is "Physical Medicine and Rehabilitation", "Pain Management" is "Pain
  Medicine"); known names joined by "and" in one written specialty are each theirs; a
  name one typing slip from exactly one known name of eight letters or more is that name
  ("Sports Medicinea"); any other name is kept as written; repeats are dropped; the
  spans point at the words as written.
* subspecialties ("has a subspecialty in A", "subspecialties in A and B") are split on
  commas and also on "and"/"&" unless the words around it form a known name
  ("Hospice and Palliative Medicine") or a part would be a single unknown word.
* licensed_in lists jurisdictions in letter order under their canonical names (US states,
  DC, territories; "Washington, D.C." is "District of Columbia"; two-letter capitals such
  as "CA" are read as postal codes when they stand alone); anything else between the
  separators (",", ";", "/", "&", "and", "or") is kept as written. Repeats are dropped.
* board_certified is ``True`` for "Board Certified" / "board-certified" / "Board
  Certification" (not after "not"), else ``None`` (never ``False``).
* min_years_in_practice / min_hours_per_week take the number of "more than five years"
  (5) / "at least 24 hours a week" (24), digits or words; the span covers the quantifier,
  number and unit.
"""

from __future__ import annotations

import functools
import itertools
import re
from typing import Iterable, Iterator

from ..text.lowercase import lower_keep_offsets
from ..models import Reviewer, Span
from ..text import numbers
from ..text.phrases import Prepared, PhraseSet, prepare
from ..vocab import numbers as number_words
from ..vocab import specialties, states

__all__ = ["read_reviewer"]

_SPACES = re.compile(r"\s+")

# Speed (as in _summary_facts): whole-text scans run on a lower-cased copy with patterns
# that start with a literal word, so the regex engine skips ahead in C; the left word
# boundary and the context around a cue are checked afterwards in short windows. Values
# are read from bounded regions, and at most _MAX_CANDIDATES cues of a kind are examined.
_MAX_CANDIDATES = 200
_MAX_VALUE_CHARS = 400


def _norm(s: str) -> str:
    return _SPACES.sub(" ", s).strip()


def _words(pattern: re.Pattern[str], low: str) -> Iterator[re.Match[str]]:
    """Matches of a literal-first ``pattern`` in ``low`` that start a word."""
    ok = (
        m for m in pattern.finditer(low)
        if m.start() == 0 or not (low[m.start() - 1].isalnum() or low[m.start() - 1] in "_-")
    )
    return itertools.islice(ok, _MAX_CANDIDATES)


# --------------------------------------------------------------------------- labels

_LABEL = re.compile(
    r"(?P<lic>\bStates?\s*(?:\(\s*s\s*\))?\s+of\s+Licensure|\bLicensure|\bLicensed\s+in"
    r"|\bState\s*\(\s*s\s*\))\s*:"
    r"|(?P<spec>\bCertifications?\s*(?:\(\s*s\s*\))?\s*/\s*Specialt(?:y|ies)(?:\s*\(\s*ies\s*\))?"
    r"|\bBoard\s+Certifications?(?:\s*\(\s*s\s*\))?|\bBoard\s+Certified"
    r"|\bCertifications?(?:\s*\(\s*s\s*\))?|\bSpecialt(?:y|ies)(?:\s*\(\s*ies\s*\))?)\s*:"
    r"|(?P<sub>\bSub-?\s*specialt(?:y|ies)(?:\s*\(\s*ies\s*\))?)\s*:",
    re.IGNORECASE,
)
# Where a label may start: one of its first words, with a colon close behind.
_LABEL_ANCHOR = re.compile(r"(?:state|licens|certif|board|specialt|sub)(?=[^:]{0,40}:)")
_VALUE_END = re.compile(
    r"\n[ \t]*\n|\b(?:CLINICAL\s+CASE\s+SUMMARY|IMR\s+ISSUES|HOW\s+THE\s+IMR)\b"
    r"|(?<![.\s][A-Z])\.(?=\s+(?:He|She|The|This|MAXIMUS)\b)"
)


def _labels(text: str, low: str) -> list[re.Match[str]]:
    out: list[re.Match[str]] = []
    for a in _words(_LABEL_ANCHOR, low):
        if out and a.start() < out[-1].end():
            continue  # "Licensure" inside "State(s) of Licensure:"
        m = _LABEL.match(text, a.start())
        if m:
            out.append(m)
    return out


def _labelled(text: str, low: str) -> dict[str, list[tuple[int, int]]]:
    """Value regions of the credential labels, by kind ("lic", "spec", "sub")."""
    found: dict[str, list[tuple[int, int]]] = {}
    matches = _labels(text, low)
    for i, m in enumerate(matches):
        kind = m.lastgroup or ""
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        end = min(end, m.end() + _MAX_VALUE_CHARS)
        stop = _VALUE_END.search(text, m.end(), end)
        if stop:
            end = stop.start()
        found.setdefault(kind, []).append((m.end(), end))
    return found


# --------------------------------------------------------------------------- prose

_PROSE_STOP = re.compile(
    r"\s*,?\s*(?:\band\s+)?\b(?:is|are|has|have|holds|was|who|with|whose|currently|since"
    r"|he|she)\b|(?<![.\s][A-Z])\.(?=\s|$)|[;:(]|\n[ \t]*\n",
    re.IGNORECASE,
)
# Prose cues, on the lower-cased text.
_BOARD_WORDS = re.compile(r"board[\s-]+certifi(?:ed|cations?)\b")
_NOT_BEFORE = re.compile(r"\bnot\s+(?:been\s+)?\Z")
_BOARD_IN = re.compile(
    r"board[\s-]+certifi(?:ed|cations?)\s+(?:in|by\s+the\s+american\s+board\s+of)\s+"
)
# "is a Licensed Psychologist", "is a Doctor of Chiropractic"
_LICENSED_AS = re.compile(r"(?:licensed|registered|doctor\s+of)\s+")
_IS_A_BEFORE = re.compile(r"\bis\s+an?\s+\Z")
_CAPITAL = re.compile(r"[A-Z]")
_SUB_IN = re.compile(
    r"sub-?\s*specialt(?:y|ies)(?:\s+(?:certifications?|training|board\s+certification))?"
    r"\s+(?:in|of)\s+"
)
_LICENSED_IN = re.compile(
    r"licensed\s+(?:to\s+practice\s+)?(?:medicine\s+)?in\s+(?:the\s+)?"
    r"(?:(?:states?|commonwealth)\s+of\s+)?"
)


def _prose_value(text: str, start: int) -> tuple[int, int]:
    end = min(len(text), start + _MAX_VALUE_CHARS)
    stop = _PROSE_STOP.search(text, start, end)
    return start, stop.start() if stop else end


def _prose(pattern: re.Pattern[str], text: str, low: str) -> list[tuple[int, int]]:
    out = []
    for m in _words(pattern, low):
        if pattern is _LICENSED_AS and not (
            _IS_A_BEFORE.search(low, max(0, m.start() - 12), m.start())
            and _CAPITAL.match(text, m.end())
        ):
            continue
        a, b = _prose_value(text, m.end())
        if b > a:
            out.append((a, b))
    return out


# --------------------------------------------------------------------------- splitting

_ITEM_SEP = re.compile(r"[,;]")
_AND = re.compile(r"\s+(?:and|&)\s+|\s*&\s*", re.IGNORECASE)
_TRIM_LEAD = re.compile(r"""(?:\s|["'`:,.\-]|\band(?=\s)|\bor(?=\s))*""", re.IGNORECASE)
_HAS_LETTER = re.compile(r"[A-Za-z]")


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    m = _TRIM_LEAD.match(text, a, b)
    if m:
        a = m.end()
    seg = text[a:b]
    while True:  # back over white space and punctuation
        shorter = seg.rstrip().rstrip("\"'`:,.;-")
        if shorter == seg:
            return a, a + len(seg)
        seg = shorter


# Specialty names, each valued with its canonical name; those with a comma or "and"
# inside ("Endocrinology, Diabetes and Metabolism", "Physical Medicine & Rehabilitation")
# are never split there.
_SPECIALTIES = PhraseSet(specialties.NAMES.items())
_JOINED_NAMES = PhraseSet.of(n for n in specialties.NAMES if "," in n or " and " in n or "&" in n)


def _protected(doc: Prepared, a: int, b: int) -> list[tuple[int, int]]:
    """Known names with a comma or "and" inside, found in ``[a, b)``."""
    return [(h.start, h.end) for h in _JOINED_NAMES.find_all(doc, a, b)]


def _is_known(doc: Prepared, a: int, b: int) -> bool:
    """Whether ``doc.text[a:b]`` is one known name."""
    hit = _SPECIALTIES.match_at(doc, a, b)
    return hit is not None and hit.end == b


def _fold(name: str) -> str:
    """A name reduced for comparison: case folded, "&" read as "and", spaces folded."""
    return _SPACES.sub(" ", name.replace("&", " and ")).strip().casefold()


def _split_commas(doc: Prepared, a: int, b: int) -> list[tuple[int, int]]:
    text = doc.text
    guards = _protected(doc, a, b)
    pieces: list[tuple[int, int]] = []
    s = a
    for m in _ITEM_SEP.finditer(text, a, b):
        if any(g0 <= m.start() < g1 for g0, g1 in guards):
            continue
        pieces.append((s, m.start()))
        s = m.end()
    pieces.append((s, b))
    out = []
    for x, y in pieces:
        x, y = _trim(text, x, y)
        if y > x and _HAS_LETTER.search(text, x, y):
            out.append((x, y))
    return out


def _split_and(doc: Prepared, a: int, b: int) -> list[tuple[int, int]]:
    """Split a subspecialty phrase on "and"/"&" unless it names one known subspecialty."""
    text = doc.text
    if _is_known(doc, a, b):
        return [(a, b)]
    guards = _protected(doc, a, b)
    cuts = [m for m in _AND.finditer(text, a, b)
            if not any(g0 <= m.start() < g1 for g0, g1 in guards)]
    if not cuts:
        return [(a, b)]
    parts: list[tuple[int, int]] = []
    s = a
    for m in cuts:
        parts.append((s, m.start()))
        s = m.end()
    parts.append((s, b))
    # re-join neighbours that together form a known name
    merged: list[tuple[int, int]] = []
    i = 0
    while i < len(parts):
        best = i
        for j in range(min(len(parts) - 1, i + 3), i, -1):  # a name holds at most 3 "and"s
            if _is_known(doc, parts[i][0], parts[j][1]):
                best = j
                break
        merged.append((parts[i][0], parts[best][1]))
        i = best + 1
    for x, y in merged:
        lone = len(text[x:y].split()) == 1
        if lone and not _is_known(doc, x, y):
            return [(a, b)]  # "Sports and Exercise Medicine": a lone unknown word is no name
    return merged


def _canonical(text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[str, Span]]:
    """The canonical names (:mod:`imrparse.vocab.specialties`) of the names written at
    ``spans``, repeats dropped: a known name is its canonical name; names joined by
    "and", "&", "/" or "," are each theirs ("Physical Medicine and Rehabilitation and Pain
    Medicine"); a name one typing slip from exactly one known name of eight letters or
    more is that name ("Sports Medicinea"); any other is kept as written."""
    out: list[tuple[str, Span]] = []
    seen: set[str] = set()
    for a, b in spans:
        for name, start, end in _canonical_names(text[a:b]):
            if name not in seen:
                seen.add(name)
                out.append((name, Span(a + start, a + end)))
    return out


_NAME_JOINER = re.compile(r"\s*(?:&|/|,|\band\b)\s*", re.IGNORECASE)


@functools.lru_cache(maxsize=1024)
def _canonical_names(written: str) -> tuple[tuple[str, int, int], ...]:
    """The canonical names of one written specialty, with where each stands in it
    (remembered: letters write the same few specialties again and again)."""
    return _known_names(written) or ((_misspelt(written) or _norm(written), 0, len(written)),)


def _known_names(written: str) -> tuple[tuple[str, int, int], ...]:
    """``written`` as known names, one after another with a joiner between (the longest
    name at each place); empty unless the names cover it all."""
    doc = prepare(written)
    found: list[tuple[str, int, int]] = []
    pos, end = 0, len(written)
    while pos < end:
        hit = _SPECIALTIES.match_at(doc, pos)
        if hit is None:
            return ()
        found.append((hit.value, hit.start, hit.end))
        if hit.end == end:
            break
        joiner = _NAME_JOINER.match(written, hit.end)
        if joiner is None:
            return ()
        pos = joiner.end()
    return tuple(found)


# Written names of eight letters or more, folded, with their canonical names: a name
# one slip away from one of them is it.
_MIN_FUZZY = 8


@functools.cache
def _folded_names() -> dict[str, str]:
    return {_fold(name): canonical for name, canonical in specialties.NAMES.items()
            if len(name) >= _MIN_FUZZY}


def _misspelt(written: str) -> str | None:
    """The canonical name of the one known name ``written`` misses by one slip (a
    letter added, dropped, changed, or two swapped), else None."""
    folded = _fold(written)
    if len(folded) < _MIN_FUZZY:
        return None
    near = {canonical for name, canonical in _folded_names().items()
            if abs(len(name) - len(folded)) <= 1 and _one_slip(name, folded)}
    return near.pop() if len(near) == 1 else None


def _one_slip(x: str, y: str) -> bool:
    """Whether ``x`` and ``y`` differ by exactly one edit (Damerau: a swap counts one)."""
    if x == y:
        return False
    if len(x) > len(y):
        x, y = y, x
    i = 0
    while i < len(x) and x[i] == y[i]:
        i += 1
    if len(x) == len(y):
        return x[i + 1:] == y[i + 1:] or (
            i + 1 < len(x) and x[i] == y[i + 1] and x[i + 1] == y[i] and x[i + 2:] == y[i + 2:])
    return x[i:] == y[i + 1:]


def _dedupe(text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[str, Span]]:
    out: list[tuple[str, Span]] = []
    seen: set[str] = set()
    for a, b in spans:
        value = _norm(text[a:b])
        k = _fold(value)
        if value and k not in seen:
            seen.add(k)
            out.append((value, Span(a, b)))
    return out


# --------------------------------------------------------------------------- states


# Jurisdictions by every name, each giving its canonical one ("Washington, D.C." is
# "District of Columbia").
_STATES = PhraseSet([(n, n) for n in states.JURISDICTIONS] + list(states.ALIASES.items()))
_GAP_SEP = re.compile(r"[,;/&]|\band\b|\bor\b", re.IGNORECASE)
_GAP_FILLER = re.compile(
    r"^(?:the\s+)?(?:(?:states?|commonwealth)(?:\s+of)?|both|the|in|of)$", re.IGNORECASE
)
_FILLER_LEAD = re.compile(r"^(?:the\s+)?(?:states?|commonwealth)\s+of\s+", re.IGNORECASE)
_PUNCT_ONLY = re.compile(r"[\W_]*")


def _gap_tokens(text: str, a: int, b: int) -> list[tuple[str, Span]]:
    out: list[tuple[str, Span]] = []
    s = a
    bounds = [(m.start(), m.end()) for m in _GAP_SEP.finditer(text, a, b)] + [(b, b)]
    for x, y in bounds:
        ta, tb = _trim(text, s, x)
        s = y
        if tb <= ta:
            continue
        raw = text[ta:tb]
        lead = _FILLER_LEAD.match(raw)
        if lead:
            ta += lead.end()
            raw = text[ta:tb]
        if not raw or _GAP_FILLER.match(_norm(raw)) or _PUNCT_ONLY.fullmatch(raw):
            continue
        if raw in states.POSTAL_CODES:
            out.append((states.POSTAL_CODES[raw], Span(ta, tb)))
        elif (abbreviated := states.ABBREVIATIONS.get(raw.rstrip("."))) is not None:
            out.append((abbreviated, Span(ta, tb)))
        else:
            out.append((_norm(raw), Span(ta, tb)))
    return out


def _jurisdictions(doc: Prepared, a: int, b: int) -> list[tuple[str, Span]]:
    out: list[tuple[str, Span]] = []
    pos = a
    for hit in _STATES.find_all(doc, a, b):
        out.extend(_gap_tokens(doc.text, pos, hit.start))
        out.append((hit.value, Span(hit.start, hit.end)))
        pos = hit.end
    out.extend(_gap_tokens(doc.text, pos, b))
    return out


# --------------------------------------------------------------------------- numbers

# The unit word is the anchor; the number (with "more than", "at least" ...) is read from
# a window behind it, the context from either side. All on the lower-cased text.
_NUM = rf"(?:(?<![\d.])\d{{1,3}}|{numbers.NUMBER_WORD_PATTERN})"
_MINQ = PhraseSet.of(number_words.MIN_QUANTIFIERS).pattern()
_QUANTITY = re.compile(rf"(?:{_MINQ}\s+)?(?P<n>{_NUM})\s*\+?\s*\Z")
_YEAR_WORD = re.compile(r"y(?:ears?|rs?)\b")
_PRACTICE_BEFORE = re.compile(r"\b(?:practice|practicing|practiced|experience)\s+(?:for\s+)?\Z")
_PRACTICE_AFTER = re.compile(
    r"\s+(?:of|in)\s+(?:active\s+)?(?:clinical\s+)?(?:practice|experience)\b"
)
_HOUR_WORD = re.compile(r"h(?:ours?|rs?)\b")
_PER_WEEK_AFTER = re.compile(r"\.?\s*(?:a|per|/|each|every)\s*(?:week|wk)\b")
_WINDOW = 40


def _quantity(low: str, unit: re.Match[str]) -> tuple[int, int] | None:
    """The number before ``unit`` and where its phrase starts."""
    q = _QUANTITY.search(low, max(0, unit.start() - _WINDOW), unit.start())
    if q is None:
        return None
    value = numbers.number_value(q.group("n"))
    return None if value is None else (value, q.start())


def _years(low: str) -> tuple[int, Span] | None:
    for m in itertools.islice(_YEAR_WORD.finditer(low), _MAX_CANDIDATES):  # "5years" counts
        found = _quantity(low, m)
        if found is None:
            continue
        value, start = found
        if _PRACTICE_BEFORE.search(low, max(0, start - _WINDOW), start) or _PRACTICE_AFTER.match(
            low, m.end()
        ):
            return value, Span(start, m.end())
    return None


def _hours(low: str) -> tuple[int, Span] | None:
    for m in itertools.islice(_HOUR_WORD.finditer(low), _MAX_CANDIDATES):
        found = _quantity(low, m)
        if found is None:
            continue
        value, start = found
        per = _PER_WEEK_AFTER.match(low, m.end())
        if per and value <= 168:
            return value, Span(start, per.end())
    return None


# --------------------------------------------------------------------------- entry point


def read_reviewer(text: str) -> Reviewer:
    """The reviewer's specialties, board certification, subspecialties, licensure and
    practice minimums stated in ``text``."""
    low = lower_keep_offsets(text)
    doc = prepare(text, low)
    labels = _labelled(text, low)
    spans: dict[str, Span] = {}

    spec_regions = (
        labels.get("spec") or _prose(_BOARD_IN, text, low) or _prose(_LICENSED_AS, text, low)
    )
    spec = _dedupe(text, (p for a, b in spec_regions for p in _split_commas(doc, a, b)))

    sub_regions = labels.get("sub") or _prose(_SUB_IN, text, low)
    sub = _dedupe(text, (
        q for a, b in sub_regions for p in _split_commas(doc, a, b) for q in _split_and(doc, *p)
    ))
    canonical_spec = _canonical(text, ((s.start, s.end) for _, s in spec))
    canonical_sub = _canonical(text, ((s.start, s.end) for _, s in sub))

    lic_regions = labels.get("lic") or _prose(_LICENSED_IN, text, low)
    lic: list[tuple[str, Span]] = []
    seen: set[str] = set()
    for a, b in lic_regions:
        for name, span in _jurisdictions(doc, a, b):
            if name.casefold() not in seen:
                seen.add(name.casefold())
                lic.append((name, span))

    board: bool | None = None
    for m in _words(_BOARD_WORDS, low):
        if not _NOT_BEFORE.search(low, max(0, m.start() - 20), m.start()):
            board = True
            spans["board_certified"] = Span(m.start(), m.end())
            break

    for key, items in (("specialties", spec), ("subspecialties", sub), ("licensed_in", lic),
                       ("canonical_specialties", canonical_spec),
                       ("canonical_subspecialties", canonical_sub)):
        for i, (_, span) in enumerate(items):
            spans[f"{key}.{i}"] = span
    years = _years(low)
    if years:
        spans["min_years_in_practice"] = years[1]
    hours = _hours(low)
    if hours:
        spans["min_hours_per_week"] = hours[1]
    return Reviewer(
        specialties=tuple(v for v, _ in spec),
        board_certified=board,
        subspecialties=tuple(v for v, _ in sub),
        licensed_in=tuple(v for v, _ in lic),
        min_years_in_practice=years[0] if years else None,
        min_hours_per_week=hours[0] if hours else None,
        canonical_specialties=tuple(v for v, _ in canonical_spec),
        canonical_subspecialties=tuple(v for v, _ in canonical_sub),
        spans=spans,
    )
