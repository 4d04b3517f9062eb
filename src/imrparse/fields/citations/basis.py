"""Guideline lines: :func:`parse_basis` reads the text after "Claims Administrator
guideline:" or "MAXIMUS guideline:" into a :class:`~imrparse.models.Basis`.

A line states what the decision was based on: "Decision based on MTUS Low Back
Complaints 2004, Section(s): Special Studies. Decision based on Non-MTUS Citation
Official Disability Guidelines (ODG), Low Back Chapter, MRI.", or "did not cite any
medical evidence", or "did not base their decision on the MTUS". Each "Decision based
on" sentence is cut into citations at the separators ("; ", ", and ") that a guideline's
name follows, and each piece is read by :func:`.parts.citation`. A sentence is cut at
most ``_MAX_PIECES`` times, at one of its first ``_MAX_SEPARATORS`` separators.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re

from ...models import Basis, Citation
from ...text.lowercase import lower_keep_offsets
from ...text.phrases import Prepared
from ...vocab import guidelines as vocab
from .names import ACOEM, GUIDES, trailing_end
from .parts import PART_OF, Budget, citation

__all__ = ["parse_basis"]

#: One "Decision based on" sentence is cut into at most this many citations (real ones
#: hold one to three), at one of its first _MAX_SEPARATORS commas, semicolons and "and"s
#: (real ones have a dozen); the rest of a longer one stays in its last citation.
_MAX_PIECES = 100
_MAX_SEPARATORS = 1000
#: Guideline lines up to this length are cached (see parse_basis): at most
#: _CACHE_SIZE of them, a few megabytes at worst.
_CACHED_LENGTH = 1000
_CACHE_SIZE = 2048

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
# "The MTUS is silent on ...", "found that the MTUS did not address ...", "no section of
# the MTUS was applicable" (2013-2016 letters, before the ODG is cited instead): weaker than
# _NOT_MTUS, it says the decision was not based on the MTUS only where no MTUS citation is given.
_MTUS_SILENT = re.compile(
    r"(?<![a-z-])mtus(?:\s+guidelines?)?\s+(?:"
    r"(?:is|are|was|were)\s+(?:silent|not\s+(?:applicable|relevant))"
    r"|(?:does|do|did)\s+not\s+(?:specifically\s+|directly\s+)?(?:address|apply|discuss|cover))(?![a-z])"
    r"|(?<![a-z])no\s+(?:section|part|portion)\s+of\s+the\s+(?:ca(?:lifornia)?\s+)?mtus\s+"
    r"(?:is|was|were)\s+(?:applicable|relevant)"
)
_LABEL = re.compile(
    r"[\s:,-]*(?:the\s+)?(?:ca(?:lifornia)?\s+)?(?:(?P<non>non)(?:\s*-)?\s*mtus|(?P<mtus>mtus))"
    r"(?:\s+citations?)?(?![a-z])[\s:,-]*"
)
# Separators between two citations in one sentence (see _split_points).
_SEP_TOKEN = re.compile(r"[;,]|\.(?=\s)|(?<![a-z0-9])and(?=\s)")
_AFTER_PUNCT = re.compile(r"\s*(?:(?P<word>and|also|as\s+well\s+as)\s+)?(?:the\s+)?")
_AFTER_AND = re.compile(r"\s+(?:also\s+)?(?:the\s+)?")
_YEAR_NEXT = re.compile(r"(?:\s*,)?\s*\(?(?:19[89]\d|20[0-4]\d)(?![\w/-])")
_AUTHOR_SPLIT = re.compile(
    r",\s+(?=[A-Z][A-Za-z'’-]+\s+[A-Z]{1,3}(?:,\s*|\s+)(?:et\s+al\b|[A-Z][A-Za-z'’-]+\s+[A-Z]{1,3}\b))"
)
# An author just before an _AUTHOR_SPLIT comma: that comma is inside one author list.
_AUTHOR_BEFORE = re.compile(r"(?<![\w'’-])[A-Z][A-Za-z'’-]+\s+[A-Z]{1,3}\Z")
_LEAD_TRIM = re.compile(r"(?:[\s,;:.-]|(?:and|also|the)(?![a-z]))*")


def _split_points(text: str, low: str, start: int, end: int, mtus: bool | None) -> list[tuple[int, int]]:
    """Where one "Decision based on" sentence holds several citations: ``(end of the
    previous citation, start of the next)`` at each "; ", ", and ", " and " (", as well as",
    ", also") followed by a guideline's name, at each ". " followed by one when the
    citation before it names one too ("ODG Low Back, Physical Therapy. ODG Preface"), and
    at each ", " followed by an MTUS guideline or ACOEM chapter with its year ("... 2004,
    Low Back Complaints 2004"). In MTUS citations an ACOEM chapter title counts as a name
    (with a year after it). A reference list is cut before each author list ("...,
    Benditt D, et al. ...")."""
    authors = [(a.start(), a.end()) for a in itertools.islice(
        _AUTHOR_SPLIT.finditer(text, start, end), _MAX_PIECES)
        if not _AUTHOR_BEFORE.search(text, max(start, a.start() - 40), a.start())] if mtus is not True else []
    points: list[tuple[int, int]] = []
    read_to = start
    searched = Prepared(text, low)
    for m in itertools.islice(_SEP_TOKEN.finditer(low, start, end), _MAX_SEPARATORS):
        if len(points) >= _MAX_PIECES:
            break
        if m.start() < read_to:
            continue
        token = m.group()
        if token == ".":
            # Only between two named guidelines: "et al.", "Rev." and a sentence of a
            # reference's title are no separators.
            piece = max([start] + [b for _, b in points + authors if b <= m.start()])
            after = _AFTER_AND.match(low, m.end(), end)
            q = after.end() if after is not None else m.end()
            hit = GUIDES.match_at(searched, q, end)
            if hit is not None and GUIDES.next_hit(searched, piece, m.start()) is not None:
                points.append((m.start(), hit.start))
                read_to = hit.end
            continue
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
        hit = GUIDES.match_at(searched, q, end)
        if hit is None and mtus is not False:
            hit = ACOEM.match_at(searched, q, end)
            if hit is not None and hit.value.weak:
                hit = None
        if hit is None:
            continue
        with_year = _YEAR_NEXT.match(low, hit.end, end) is not None
        if strong and (hit.value.kind == "guideline" or with_year) or (
            token == "," and with_year and (hit.value.kind == "acoem" or hit.value.key in vocab.MTUS_FAMILY)
        ):
            points.append((sep_start, hit.start))
    points.extend(authors)
    points.sort()
    return points


def _segment(text: str, low: str, start: int, end: int,
             budget: Budget) -> tuple[list[Citation], bool]:
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
        part_of = PART_OF.search(low, a, b)
        if part_of is not None:  # "..., which is (not) part of the MTUS" says it outright
            b = part_of.start()  # the comma and spaces before it go with the trailing trim
            piece_mtus = not part_of.group("not")
            stated_not_mtus = stated_not_mtus or not piece_mtus
        lead = _LEAD_TRIM.match(low, a, b)
        if lead is not None:
            a = lead.end()
        b = trailing_end(text, a, b)
        if b <= a:
            continue
        citations.append(citation(text, low, a, b, piece_mtus, budget, mtus_label=mtus is True))
    if not citations and label_span is not None:
        # "Decision based on Non-MTUS Citation." still says something: keep it.
        a, b = label_span
        b = trailing_end(text, a, b)
        if b > a:
            citations.append(citation(text, low, a, b, mtus, budget, mtus_label=mtus is True))
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
    which is not part of the MTUS") or that the MTUS is silent ("The MTUS does not address
    ...") and none is an MTUS one, else ``None`` (a bare
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
    low = lower_keep_offsets(text)
    budget = Budget()
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
        if GUIDES.next_hit(Prepared(text, low), start, len(text)) is not None:
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
    elif (stated_not_mtus or _MTUS_SILENT.search(low) is not None) and all(c.mtus is False for c in citations):
        based_on_mtus = False
    cited = _NO_EVIDENCE.search(low) is None
    return Basis(text=text.strip(), cited_evidence=cited, based_on_mtus=based_on_mtus,
                 citations=tuple(citations))
