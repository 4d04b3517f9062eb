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

The modules, in the order a citation is read:

* :mod:`.names`: guideline names, ACOEM and ODG chapter titles and section names, the
  phrase sets of :mod:`imrparse.vocab.guidelines` (a new way of writing a name is one
  line there);
* :mod:`.locators`: chapter, page(s), table, section list, year, edition, "updated"
  date, URL and MTUS regulation number, one regular expression each;
* :mod:`.parts`: one citation's text into a :class:`Citation` (locators first, then the
  deciding name, then what follows it: chapter title, topic, sections);
* :mod:`.basis`: a guideline line, cut into citations at its separators;
* :mod:`.prose`: references in a rationale, read from a name onward.

``Citation.guideline`` is one of the short names of ``vocab.GUIDELINES``, or
"Literature" (a journal article or book), or ``None``. What a sentence says about a
citation is not part of it: "..., which is (not) part of the MTUS" (or of "the
California Medical Treatment Utilization Schedule (MTUS)") ends the citation's text and
sets its MTUS flag. An MTUS regulation number ("section 9792.24.1", "§ 9792.24.2",
"8 CCR 9792.23.5") is a locator that names its guideline.

``Citation.edition`` has one spelling per edition: ordinal editions are spelled out in
words whatever the letter wrote ("2nd Edition", "2nd ed." and "Second Edition" all read
"Second Edition"; the letter's own words stay in ``Citation.text``), and the online
editions read "Online version" / "Online edition" whatever their capitals.

Cost. Every pattern is linear (no quantified part can match the same text two ways),
and names are found by the phrase sets' dictionary walk. Each citation is read from at
most 500 characters, one call reads at most 100 citations in full (the rest keep text,
span, guideline and MTUS flag), and a sentence is cut at most 100 times. A real
guideline line costs a fraction of a millisecond (a few µs when it repeats: see
parse_basis), a megabyte line of anything a fraction of a second.
"""

from __future__ import annotations

from .basis import parse_basis
from .parts import citation_completeness
from .prose import find_citations

__all__ = ["parse_basis", "find_citations", "citation_completeness"]
