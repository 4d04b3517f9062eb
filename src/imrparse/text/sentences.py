"""Where sentences end: one rule for every reader (the summary's lists and dates, an
item headline's start).

A sentence ends at a run of ".", "!" or "?" (closing quotes and brackets after it
belong to it) that white space, the end of the text or a capital letter follows: PDF
page joins glue sentences together ("necessary.Nerve conduction ..."). A blank line
ends one too (:func:`sentence_ends` with ``blank_lines=True``). A period does not end a
sentence after

* an initial: a single letter ("J. Smith", "vitamin D. level");
* an initialism: letters and periods ending in a single letter ("U.S.", "e.g.",
  "b.i.d.", "p.m.");
* an abbreviation of :data:`ABBREVIATIONS` ("Dr. Smith", "approx. 3 weeks"), except that
  one marked to end a sentence before a capital does so ("... PT, meds, etc. The
  patient ...", "... lifting over 20 lbs. She ...").

A word glued to a number before the period ("5mg.", "1st.") is no abbreviation.
"""

from __future__ import annotations

import re
from typing import Mapping

__all__ = ["ABBREVIATIONS", "sentence_ends", "last_sentence_end"]

#: Abbreviations whose final period does not end a sentence, lower case without that
#: period. ``True``: it does end one when a capitalised word follows ("etc. The"); units
#: and list tails end sentences often, titles ("Dr. Smith") never.
ABBREVIATIONS: Mapping[str, bool] = {
    # titles, and words that always go on
    "dr": False, "drs": False, "mr": False, "mrs": False, "ms": False, "jr": False,
    "sr": False, "st": False, "vs": False, "approx": False, "cf": False, "eg": False,
    "ie": False, "no": False, "nos": False, "fig": False, "pt": False, "pts": False,
    "dept": False, "univ": False, "inc": False, "co": False, "corp": False,
    # units and list tails: inside a request ("Norco #60 qty. 2", "(A, B, etc.) 120g")
    # they go on, before a capital they end the sentence
    "etc": True, "qty": True, "ref": True, "oz": True, "lb": True, "lbs": True, "ca": True,
}

_CANDIDATE = re.compile(r"""\n[ \t]*\n(?:[ \t]*\n)*|[.!?]+["')\]]*(?=\s|\Z|[A-Z])""")
# The word before a period: letters and periods, not glued to a digit.
_WORD_BEFORE = re.compile(r"(?<![A-Za-z0-9])[A-Za-z][A-Za-z.]*\Z")
# How far back the word before a period is looked for (a longer word is no abbreviation).
_REACH = 24


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _ends(text: str, start: int, end: int) -> bool:
    """Whether the candidate terminator ``text[start:end]`` ends a sentence."""
    if text[start] != ".":
        return True  # "!", "?", a blank line
    m = _WORD_BEFORE.search(text, max(0, start - _REACH), start)
    if m is None:
        return True
    last = m.group().rsplit(".", 1)[-1]  # "U.S" -> "S", "Mr.Smith" -> "Smith"
    if len(last) == 1:
        return False  # an initial or initialism
    ends_before_capital = ABBREVIATIONS.get(last.lower())
    if ends_before_capital is None:
        return True
    if not ends_before_capital:
        return False
    nxt = _skip_space(text, end)
    return nxt < len(text) and text[nxt].isupper()


def sentence_ends(text: str, *, blank_lines: bool = True) -> list[tuple[int, int]]:
    """Every sentence end in ``text``, in order: ``(start, end)`` of its terminator (the
    run of ".!?" with the closing quotes and brackets after it, or a run of blank lines).
    ``blank_lines=False``: only punctuation ends a sentence (for text whose blank lines
    may be page breaks)."""
    found: list[tuple[int, int]] = []
    for m in _CANDIDATE.finditer(text):
        start, end = m.span()
        if text[start] == "\n":
            if blank_lines:
                found.append((start, end))
        elif _ends(text, start, end):
            found.append((start, end))
    return found


def last_sentence_end(window: str) -> int | None:
    """Where the last sentence that ends inside ``window`` is followed by more text: the
    offset just after its terminator and the white space after it; ``None`` when no
    sentence ends before the window's end. Blank lines do not count (page breaks)."""
    last = None
    for _, end in sentence_ends(window, blank_lines=False):
        after = _skip_space(window, end)
        if after < len(window):
            last = after
    return last
