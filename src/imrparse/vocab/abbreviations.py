"""Abbreviations whose final period does not end a sentence ("Dr. Smith", "e.g. NSAIDs").

Only abbreviations that are nearly always followed by more of the sentence belong here:
units such as "yrs." or "min." often end one, so they are left out. Initials ("J.") and
initialisms ("U.S.", "b.i.d.") are recognised without a list.
"""

from __future__ import annotations

__all__ = ["NON_TERMINAL_ABBREVIATIONS"]

#: Lower case, without the final period.
NON_TERMINAL_ABBREVIATIONS: frozenset[str] = frozenset({
    "dr", "drs", "mr", "mrs", "ms", "vs", "v", "e.g", "i.e", "eg", "ie", "approx", "st", "no",
    "nos", "jr", "sr", "inc", "co", "corp", "fig", "cf", "pt", "pts", "dept", "univ",
})
