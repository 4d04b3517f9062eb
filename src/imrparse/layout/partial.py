"""Partly authorised items: the preamble before their headline, read clause by clause.

When the claims administrator authorised part of a request, the letter names the parts
before the decision, in sentences whose order and wording vary::

    Norco 10/325mg #90 was the original request. Norco 10/325mg #60 was authorized by
    the Claims Administrator. The remaining IMR eligible portion of the original
    request, Norco 10/325mg #30 is: Upheld

    Tramadol 50mg #120 was the original request. The Claims Administrator modified the
    request to Tramadol 50mg #60, leaving the original request IMR eligible. The
    original request, Tramadol 50mg #120 is: Upheld

The rule is written for the class, not for these strings: the preamble is a run of
*clauses* (sentences, or parts of one joined by ";", ",", "and", "of which"), each one
of a few kinds, before a *head* clause that ends at the decision's colon:

* ``original``: "X was the original request", "The original request was (for) X",
  "X was originally requested", "The request was originally for X" (and ``requested``:
  "X was requested", which fills the original request but is no sign of a preamble);
* ``granted``: "Y was authorized/certified/approved/modified [by the Claims
  Administrator] [...]", "The Claims Administrator (partially) authorized/modified Y",
  "The request (for X / from X) was modified to Y", with an optional tail (", leaving
  the original request IMR eligible", "for weaning purposes");
* ``refused``: "Z was non-certified/denied/not certified [...]", "The Claims
  Administrator non-certified Z";
* ``note``: any other clause about the IMR-eligible or remaining portion or the
  original request ("The original request remains IMR eligible");
* the head: "The remaining IMR eligible portion of the original request, R is",
  "The original request, R is", "The remaining portion of the original request is R",
  or a plain request R after the preamble.

:func:`preamble_start` tells the segmenter where such a preamble begins, so the item
before it ends there; :func:`read_partial` reads a headline's parts with their offsets.
Both work on text with any line breaks (a preamble may wrap or cross a page) and any
capitalisation.
"""

from __future__ import annotations

import re
from typing import Iterator, NamedTuple

from ..text.sentences import last_sentence_end, period_ends_sentence

__all__ = ["PREAMBLE_WORDS_RE", "Partial", "preamble_start", "read_partial"]

_FLAGS = re.IGNORECASE | re.DOTALL

# Who authorised or denied: the claims administrator or its utilization review.
_AGENT = (r"(?:the\s+)?(?:claims\s+administrator|claims\s+adjuster|carrier|insurer|employer"
          r"|(?:utilization\s+review|UR)(?:\s+(?:physician|reviewer|provider|organization))?)")
_BY_AGENT = r"(?:\s+by\s+" + _AGENT + r")?"
_GRANTED = r"(?:partially\s+)?(?:authori[sz]ed|certified|approved|modified|allowed|granted)"
_REFUSED = (r"(?:non-?\s?certified|non-?\s?authori[sz]ed|not\s+(?:been\s+)?(?:certified|authori[sz]ed"
            r"|approved)|denied)")
_BE = r"(?:was|were|is|are|has\s+been|have\s+been|had\s+been)"
_ELIGIBLE = r"(?:IMR[\s-]+eligible|eligible\s+for\s+(?:IMR|independent\s+medical\s+review))"
# What may follow a granted or refused part in the same clause: how much is left, why.
_TAIL = (r"(?P<tail>(?:,\s*|\s+)(?:leaving|which\s+leaves|with\s+the\s+remaining|and\s+the\s+remaining"
         r"|and\s+(?:non-?\s?certified|denied)|for\s+(?:the\s+purposes?\s+of\s+)?(?:weaning|tapering)"
         r"|to\s+(?:allow|initiate)\s+(?:for\s+)?(?:weaning|tapering))\b.*)?")

#: Words of a preamble: a headline (or a request) that still holds them was not split.
PREAMBLE_WORDS_RE = re.compile(
    r"\boriginal(?:ly)?\s+request|" + _ELIGIBLE + r"|\bremaining\s+(?:\w+\s+){0,2}portion\b"
    r"|\b(?:was|were)\s+(?:partially\s+)?(?:authori[sz]ed|certified|approved|modified"
    r"|non-?\s?certified|denied)\s+by\b", _FLAGS)

# Rationale words: a sentence holding them ends the previous item, it is no preamble
# (a rationale may well end "... the remaining IMR eligible portion ... is not medically
# necessary.").
_RATIONALE_WORDS_RE = re.compile(
    r"\b(?:medically\s+necessary|not\s+(?:medically\s+)?(?:necessary|indicated|supported|appropriate"
    r"|warranted|recommended)|therefore|guidelines?|MTUS|ODG|ACOEM|evidence|documentation)\b", _FLAGS)

# A leading "The request for" in a named part is not part of it; "the request" alone
# names nothing ("The Utilization Review modified the request").
_LEAD_RE = re.compile(r"(?:the\s+)?(?:original\s+)?request(?:ed\s+treatment)?\s+(?:for|of)\s+", _FLAGS)
_BARE_RE = re.compile(r"(?:(?:the|this|that)\s+)?(?:original\s+|initial\s+)?(?:request|it|them|same|this|that)",
                      _FLAGS)
# Words that join a clause to the one before ("..., and Y was authorized", "..., of which
# Y was certified"): not part of what it names.
_JOINER_RE = re.compile(r"(?:and|but|while|whereas|however|of\s+which|of\s+this|of\s+these)\b,?\s*", _FLAGS)

# Kinds of clause: (kind, pattern); the first that matches the whole clause wins.
# "v" is the named part, "o" an original request named on the way, "tail" more clauses.
_THE = r"(?:the|this|that)\s+"
_REQUEST = r"(?:" + _THE + r")?(?:original\s+)?request"
_CLAUSES: tuple[tuple[str, re.Pattern[str]], ...] = tuple((kind, re.compile(p, _FLAGS)) for kind, p in (
    # "(The request for) X was modified (from X) to Y", "The Claims Administrator modified
    # the request (for X) to Y": before "original" so that "The original request was
    # modified to Y" is what was granted.
    ("granted", r"(?P<o>.+?)\s+" + _BE + r"\s+(?:modified|partially\s+(?:certified|authori[sz]ed|approved))"
                + _BY_AGENT + r"(?:\s+from\s+.+?)?\s+(?:to|as)\s+(?P<v>.+?)" + _TAIL),
    ("granted", _AGENT + r"\s+(?:has\s+)?" + _GRANTED + r"\s+(?:" + _REQUEST
                + r"(?:\s+(?:for|from)\s+(?P<o>.+))?\s+(?:to|as)\s+|" + _REQUEST
                + r",?\s+(?:authori[sz]ing|certifying|approving|allowing)\s+"
                r"|a\s+modified\s+(?:request|quantity)\s+of\s+)?(?P<v>.+?)" + _TAIL),
    ("refused", _AGENT + r"\s+" + _REFUSED + r"\s+(?P<v>.+?)" + _TAIL),
    ("original", r"(?P<v>.+?),?\s+(?:was|were|is|being)\s+the\s+(?:original|initial)\s+request\b"
                 r"(?P<tail>.*)"),
    ("original", r"(?P<v>.+?),?\s+(?:was|were)\s+(?:originally|initially)\s+requested\b(?P<tail>.*)"),
    ("original", r"(?:the\s+)?(?:original|initial)\s+request\s+(?:was|is)\s+(?:for\s+)?(?P<v>.+?)" + _TAIL),
    ("original", r"(?:the\s+)?request\s+was\s+(?:originally|initially)\s+(?:for\s+)?(?P<v>.+?)" + _TAIL),
    ("granted", r"(?P<v>.+?)\s+" + _BE + r"\s+" + _GRANTED + r"\b(?P<tail>.*)"),
    ("refused", r"(?P<v>.+?)\s+" + _BE + r"\s+" + _REFUSED + r"(?P<tail>.*)"),
    # "X was requested": the original request, but no sign of a preamble by itself (a
    # rationale may say so); see preamble_start.
    ("requested", r"(?P<v>.+?),?\s+(?:was|were)\s+requested\b(?P<tail>.*)"),
))
# A clause about the eligible or remaining portion that names nothing we keep.
_NOTE_RE = re.compile(_ELIGIBLE + r"|\bremaining\b|\bremainder\b|\boriginal\s+request\b|\bleaving\b", _FLAGS)
# The head: what the decision is about, after the preamble.
_PORTION = (r"(?:the\s+)?(?:(?:remaining\s+)?(?:IMR[\s-]+)?eligible\s+(?:portion|part)|remaining\s+(?:portion|part)"
            r"|remainder|portion(?:\s+remaining)?)(?:\s+of\s+the\s+(?:original\s+)?request)?")
_ORIGINAL_HEAD = r"(?:the\s+)?(?:IMR[\s-]+eligible\s+)?original\s+request"
_HEAD_REST = (r"(?:\s+(?:that\s+)?(?:is|was|remains|remaining)\s+" + _ELIGIBLE + r")?"
              r"(?:\s*[,:-]\s*(?:(?:is|was)\s+)?|\s+(?:is|was|for)\s+)(?P<v>.+?)(?:\s*,)?(?:\s+(?:is|was))?")
_HEADS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("remaining", re.compile(_PORTION + _HEAD_REST, _FLAGS)),
    # "the remaining portion Norco #30": a portion takes its request without a comma too.
    ("remaining", re.compile(_PORTION + r"\s+(?P<v>(?!is\b|was\b|remains?\b|that\b).+?)(?:\s*,)?(?:\s+(?:is|was))?",
                             _FLAGS)),
    ("original", re.compile(_ORIGINAL_HEAD + _HEAD_REST, _FLAGS)),
)

_COMMA_RE = re.compile(r"[,;]\s*")
# A clause ends at a sentence end or a semicolon.
_CLAUSE_END_RE = re.compile(r"[.;](?:[\"')\]]*)(?=\s|$)")
_SENTENCE_END_RE = re.compile(r"[.](?:[\"')\]]*)(?=\s|$)")

# How far back a preamble may reach (sentences, and characters per sentence): preambles
# are a few sentences; the bound keeps the segmenter linear on any input.
_MAX_SENTENCES = 8
_MAX_UNKNOWN = 2
_MAX_SENTENCE = 1500
_MAX_HEADLINE = 8000


class _Clause(NamedTuple):
    kind: str  # original, requested, granted, refused, note, or "" (not a preamble clause)
    start: int
    end: int
    value: tuple[int, int] | None  # the part it names
    original: tuple[int, int] | None  # an original request named on the way


def _trim(s: str, start: int, end: int) -> tuple[int, int]:
    """``start, end`` without surrounding white space, punctuation and a leading "the
    request for"."""
    while start < end and s[start] in " \n\t,;:":
        start += 1
    while end > start and s[end - 1] in " \n\t,;:.":
        end -= 1
    joiner = _JOINER_RE.match(s, start, end)
    if joiner is not None and joiner.end() < end:
        start = joiner.end()
    lead = _LEAD_RE.match(s, start, end)
    if lead is not None and lead.end() < end:
        start = lead.end()
    return start, end


def _classify(s: str, start: int, end: int) -> Iterator[_Clause]:
    """The clause(s) of ``s[start:end]``: one, or several when a clause's tail holds more
    (", leaving the original request IMR eligible"). A clause no pattern reads comes back
    with kind ""."""
    start, end = _trim(s, start, end)
    if start >= end:
        return
    for kind, pattern in _CLAUSES:
        m = pattern.fullmatch(s, start, end)
        if m is None:
            continue
        value: tuple[int, int] | None = _trim(s, *m.span("v"))
        assert value is not None
        if value[0] >= value[1] or _BARE_RE.fullmatch(s, *value):
            value = None
        original = _trim(s, *m.span("o")) if "o" in pattern.groupindex and m.group("o") else None
        if original is not None and (original[0] >= original[1] or _BARE_RE.fullmatch(s, *original)):
            original = None
        yield _Clause(kind if value is not None else "note", start, end, value, original)
        tail = m.span("tail") if m.group("tail") else None
        if tail is not None and s[tail[0]:tail[1]].strip(" ,;.\n"):
            more = list(_classify(s, *tail))
            # A tail that reads as clauses is more preamble; one that does not and says
            # nothing of the portions is why it was granted ("for weaning purposes").
            if all(c.kind for c in more) or _NOTE_RE.search(s, *tail):
                yield from more
        return
    yield _Clause("note" if _NOTE_RE.search(s, start, end) else "", start, end, None, None)


def _clauses(s: str, start: int, end: int, ends: re.Pattern[str] = _CLAUSE_END_RE) -> list[tuple[int, int]]:
    """``s[start:end]`` cut at sentence ends and semicolons (``ends``), not after an
    abbreviation or a single letter ("Dr.", "q.d.", "E. coli")."""
    cuts: list[tuple[int, int]] = []
    at = start
    for m in ends.finditer(s, start, end):
        if s[m.start()] == "." and not period_ends_sentence(s, m.start()):
            continue
        cuts.append((at, m.end()))
        at = m.end()
    cuts.append((at, end))
    return [(a, b) for a, b in cuts if s[a:b].strip(" \n\t.;")]


def _preamble_clause(s: str, start: int, end: int) -> str:
    """The kind of preamble clause ``s[start:end]`` is (a sentence, maybe holding several
    clauses): "" when any part of it is not one, or it holds rationale words."""
    if _RATIONALE_WORDS_RE.search(s, start, end):
        return ""
    kinds = [c.kind for a, b in _clauses(s, start, end) for c in _classify(s, a, b)]
    if not kinds or "" in kinds:
        return ""
    return "original" if "original" in kinds else "note" if "note" in kinds else kinds[0]


def preamble_start(s: str, lower: int, start: int, colon: int, rationale_end: re.Pattern[str]) -> int:
    """Where the headline whose last sentence runs from ``start`` to ``colon`` begins
    when a partial-authorization preamble stands before it (else ``start``), searching
    back to ``lower``.

    Sentences are taken back one by one. A preamble clause moves the start to it; a
    sentence that is no clause but holds no rationale words either is passed over (at
    most two in a row: a preamble sentence in a wording not known, which the item then
    warns about); a sentence with rationale words ("... is not medically necessary.")
    ends the search, and so does a clause that begins after a rationale's last words
    without their period ("... not medically necessary⏎X was the original request.").
    The run counts as a preamble when the headline carries preamble words or the run
    names the original request or the eligible portion; a lone "... was authorized." is
    a rationale's. ``rationale_end`` finds a rationale's last words without their period
    (the layout's own rule).
    """
    begin, pos = start, start
    anchored = bool(PREAMBLE_WORDS_RE.search(s, start, colon))
    unknown = 0
    for _ in range(_MAX_SENTENCES):
        if pos <= lower:
            break
        window = max(lower, pos - _MAX_SENTENCE)
        end = last_sentence_end(s[window:pos])
        if end is None and window > lower:
            break  # a sentence longer than any preamble's
        sentence = window + end if end is not None else window
        cut, kind = sentence, _preamble_clause(s, sentence, pos)
        for m in rationale_end.finditer(s, sentence, pos):
            if kind:
                break
            cut, kind = m.end(), _preamble_clause(s, m.end(), pos)
        if not kind:
            unknown += 1
            if unknown > _MAX_UNKNOWN or _RATIONALE_WORDS_RE.search(s, sentence, pos):
                break
            pos = sentence
            continue
        unknown = 0
        begin = cut
        anchored = anchored or kind in ("original", "note")
        if cut != sentence:
            break
        pos = sentence
    return begin if anchored else start


class Partial(NamedTuple):
    """A headline's parts, as offsets into its text."""

    request: tuple[int, int]
    original: tuple[int, int] | None
    authorized: tuple[int, int] | None
    #: Every clause of the preamble was read; when False the caller warns.
    understood: bool


def _head(text: str, start: int, end: int) -> tuple[int, str, tuple[int, int]] | None:
    """The head clause inside ``text[start:end]``: where it begins (the clause's start,
    or after a comma when the preamble runs on in one sentence: "X was the original
    request, Y was authorized, the remaining portion Z"), its kind and the request."""
    for at in [start] + [m.end() for m in _COMMA_RE.finditer(text, start, end)]:
        for kind, pattern in _HEADS:
            m = pattern.fullmatch(text, at, end)
            if m is not None:
                request = _trim(text, *m.span("v"))
                if request[0] < request[1]:
                    return at, kind, request
    return None


def read_partial(text: str, start: int, end: int) -> Partial | None:
    """The parts of the headline body ``text[start:end]`` (the text before the
    decision's colon), or None when it is a plain request without a preamble."""
    if end - start > _MAX_HEADLINE:
        # No headline is this long; a preamble in it is not read (the caller warns).
        return Partial((start, end), None, None, False) if PREAMBLE_WORDS_RE.search(text, start, end) else None
    sentences = _clauses(text, start, end, _SENTENCE_END_RE)
    if len(sentences) < 2 and not PREAMBLE_WORDS_RE.search(text, start, end):
        # A plain request, even with a semicolon in it. (A headline holds more than one
        # sentence only when the segmenter took a preamble in.)
        return None
    if not sentences:
        return Partial((start, end), None, None, False)
    *before, (last_start, last_end) = sentences
    last_start, last_end = _trim(text, last_start, last_end)
    head = _head(text, last_start, last_end)
    if head is not None:
        before.append((last_start, head[0]))
        rest = head[2]
    else:
        # No head: the request is what follows the last preamble clause of the sentence
        # ("..., Y was authorized; Chiropractic care for the low back; six sessions").
        parts = _clauses(text, last_start, last_end)
        while len(parts) > 1 and all(c.kind for c in _classify(text, *parts[0])):
            before.append(parts.pop(0))
        rest = _trim(text, parts[0][0], last_end)
    original = authorized = None
    understood = True
    for a, b in (clause for sentence in before for clause in _clauses(text, *sentence)):
        for clause in _classify(text, a, b):
            understood = understood and clause.kind != ""
            if clause.kind in ("original", "requested") and original is None:
                original = clause.value
            if clause.kind == "granted":
                authorized = authorized or clause.value
                original = original or clause.original
    if head is not None and head[1] == "original" and original is None:
        original = rest  # "The original request, X is": X is the original request
    if head is None and (PREAMBLE_WORDS_RE.search(text, *rest) or _NOTE_RE.search(text, *rest)):
        # A preamble clause where the request should stand ("... leaving the original
        # request IMR eligible: Upheld"): not understood; the original request stands in.
        return Partial(original or rest, original, authorized, False)
    return Partial(rest, original, authorized, understood)
