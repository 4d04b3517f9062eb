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

__all__ = ["ABBREVIATIONS", "sentence_ends", "last_sentence_end", "period_ends_sentence"]

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

def _after(words: list[str], negate: bool) -> str:
    """Look-behinds, one per word length (each must have a fixed width): the period just
    read follows (``negate``: does not follow) one of ``words`` as a whole word."""
    by_length: dict[int, list[str]] = {}
    for word in sorted(words):
        by_length.setdefault(len(word), []).append(re.escape(word))
    checks = [("(?<!" if negate else "(?<=") + r"\b(?i:" + "|".join(alts) + r")\.)"
              for _, alts in sorted(by_length.items())]
    return "".join(checks) if negate else "(?:" + "|".join(checks) + ")"


_GOES_ON = [w for w, ends in ABBREVIATIONS.items() if not ends]
_ENDS_BEFORE_CAPITAL = [w for w, ends in ABBREVIATIONS.items() if ends]
# The rest of a run of ".!?" and its closing quotes, before white space, the end or a
# capital.
_RUN = r"""[.!?]*["')\]]*(?=\s|\Z|[A-Z])"""
# After a period: not after an abbreviation, an initial ("J.") or an initialism ("U.S.");
# or after an abbreviation that ends a sentence before a capital (checked in code).
_PERIOD_ENDS = (
    _after(_GOES_ON + _ENDS_BEFORE_CAPITAL, negate=True) + r"(?<!\b[A-Za-z]\.)(?<!\.[A-Za-z]\.)"
)
_PERIOD_ENDS_BEFORE_CAPITAL = _after(_ENDS_BEFORE_CAPITAL, negate=False)
# One pattern, that starts with a plain character class (so that re skips ahead in C);
# look-behinds after the first character decide. A run of ".!?" is read from its first
# character only.
_TERMINATOR = re.compile(
    r"[.!?\n](?:(?<=\n)[ \t]*\n(?:[ \t]*\n)*"
    r"|(?<=[!?])(?<![.!?][!?])" + _RUN
    + r"|(?<=\.)(?<![.!?]\.)" + _PERIOD_ENDS + _RUN
    + r"|(?P<soft>(?<=\.)(?<![.!?]\.)" + _PERIOD_ENDS_BEFORE_CAPITAL + _RUN + "))"
)
_PERIOD = re.compile(r"\.(?:" + _PERIOD_ENDS + "|(?P<soft>" + _PERIOD_ENDS_BEFORE_CAPITAL + "))")


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _capital_next(text: str, pos: int) -> bool:
    nxt = _skip_space(text, pos)
    return nxt < len(text) and text[nxt].isupper()


def period_ends_sentence(text: str, pos: int) -> bool:
    """Whether the period at ``text[pos]`` may end a sentence: it follows no abbreviation,
    initial or initialism (for a reader that finds its own candidates, such as clause
    ends)."""
    m = _PERIOD.match(text, pos)
    if m is None:
        return False
    return m.group("soft") is None or _capital_next(text, m.end())


def sentence_ends(text: str, *, blank_lines: bool = True) -> list[tuple[int, int]]:
    """Every sentence end in ``text``, in order: ``(start, end)`` of its terminator (the
    run of ".!?" with the closing quotes and brackets after it, or a run of blank lines).
    ``blank_lines=False``: only punctuation ends a sentence (for text whose blank lines
    may be page breaks)."""
    found: list[tuple[int, int]] = []
    for m in _TERMINATOR.finditer(text):
        start, end = m.span()
        if text[start] == "\n" and not blank_lines:
            continue
        if m.group("soft") is not None and not _capital_next(text, end):
            continue  # "etc." ends a sentence before a capital only
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
