"""Layout-independent cleaning of letter text, with offsets kept.

What PDF tools and office software do to a letter, undone before any layout sees it:

* line endings (CRLF, CR, form feeds, Unicode line separators) become ``\\n``;
* typographic dashes become ``-``, curly quotes straight, non-breaking and other
  spaces a plain space, zero-width characters and soft hyphens vanish, and other
  compatibility characters (ligatures such as "ﬁ", full-width forms) take their NFKC
  form when that form is plain ASCII;
* white space at the start and end of every line is dropped (indented lines);
* page furniture is removed: "Page 2 of 4", bare page numbers, and running headers
  or footers that repeat the case number ("Case Number: CM16-0213037",
  "Final Determination Letter for IMR Case Number CM16-0213037");
* a word hyphenated across a line break is joined when the joined word occurs
  elsewhere in the letter ("Adminis-" / "trator").

Every step is a :class:`~imrparse._textmap.MappedText` edit, so spans found later map
back to the original input.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from ._textmap import Edit, MappedText

__all__ = ["normalize"]

_EXPLICIT = {
    "\t": " ",
    # Soft hyphen, zero-width space/joiners, word joiner, byte-order mark.
    "\u00ad": "", "\u200b": "", "\u200c": "", "\u200d": "", "\u2060": "", "\ufeff": "",
    # Dashes and minus signs.
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
    "\u2015": "-", "\u2212": "-", "\ufe58": "-", "\ufe63": "-", "\uff0d": "-",
    # Quotes and primes.
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"',
    "\u2022": "-",  # bullet
}

# One pass over the text: every line break with the spaces around it (line endings of
# every kind, page breaks, indentation, trailing blanks), the ends of the text, control
# characters, and anything outside ASCII.
_SPACE = "[ \\t\u00a0\u2000-\u200a\u202f\u205f\u3000]"
_CHAR_RE = re.compile(
    # Most characters are plain ASCII letters: let a character-class test skip them.
    r"(?=[^!-~])(?:" + _SPACE + r"*(?:\r\n?|[\n\f\v\x85\u2028\u2029])" + _SPACE + r"*"
    r"|\A" + _SPACE + r"+|" + _SPACE + r"+\Z"
    r"|[\x00-\x08\x0e-\x1f\x7f\t]|[^\x00-\x7f])"
)
_BREAKS = frozenset("\r\n\f\v\x85\u2028\u2029")


@functools.lru_cache(maxsize=4096)
def _replace_char(ch: str) -> str:
    if ch in _EXPLICIT:
        return _EXPLICIT[ch]
    category = unicodedata.category(ch)
    if category == "Zs":
        return " "
    if category in ("Cc", "Cf"):
        return ""  # control and format characters: binary noise, invisible marks
    folded = unicodedata.normalize("NFKC", ch)
    # "Where safe": only when the compatibility form is plain ASCII (ligatures,
    # full-width letters), never changing accented letters or symbols like ®.
    return folded if folded != ch and folded.isascii() else ch


def _replace(m: re.Match[str]) -> str:
    found = m.group()
    if len(found) == 1 and found not in _BREAKS:
        return _replace_char(found)
    if any(c in _BREAKS for c in found):
        return "\n"
    return ""  # blanks at the very start or end of the text


_CASE_NUMBER = r"CM\d{2}-\d{7}"
# Where furniture may stand: a case number, a page number, a line that is only a number.
_FURNITURE_CUE_RE = re.compile(
    _CASE_NUMBER + r"|Page\s*\d|^[-(\[]?[ ]?\d{1,3}[ ]?[-)\]]?$", re.MULTILINE | re.IGNORECASE)
# What may stand on a furniture line besides its case or page number.
_FURNITURE_WORDS_RE = re.compile(
    r"\bPage\s*\d+(?:\s*(?:of|/)\s*\d+)?|" + _CASE_NUMBER
    + r"|\b(?:IMR|Case|Number|No|Final|Determination|Letter|for|Independent|Medical|Review"
    r"|MAXIMUS|Federal|Services|Inc|Dated?|Decision)\b|\d{1,2}/\d{1,2}/\d{2,4}|\d+|[\s:#.,|()\[\]/-]",
    re.IGNORECASE,
)
_PAGE_RE = re.compile(r"Page\s*\d", re.IGNORECASE)
_LOWER_WORD_RE = re.compile(r"\b[a-z]{2,}\b")
_LINE_RE = re.compile(r"[^\n]*")


def _header_end(text: str) -> int:
    """Where the first line of prose starts: the header area ends there."""
    for m in _LINE_RE.finditer(text):
        line = m.group()
        if len(line.split()) >= 6 and len(_LOWER_WORD_RE.findall(line)) >= 4:
            return m.start()
    return len(text)


def _furniture_edits(text: str) -> list[Edit]:
    header_end = -1
    edits: list[Edit] = []
    done = -1
    for cue in _FURNITURE_CUE_RE.finditer(text):
        start = text.rfind("\n", 0, cue.start()) + 1
        if start <= done:
            continue  # a second cue on a line already looked at
        end = text.find("\n", cue.end())
        end = len(text) if end < 0 else end
        done = end
        line = text[start:end]
        if _FURNITURE_WORDS_RE.sub("", line):
            continue  # something else stands on the line: it is content
        if re.search(_CASE_NUMBER, line) and not _PAGE_RE.search(line):
            if header_end < 0:
                header_end = _header_end(text)
            if start < header_end:
                continue  # the letter's own header, not a running header
        # Drop the line and its line break, so the lines around it join up.
        if end < len(text):
            edits.append((start, end + 1, ""))
        else:
            edits.append((max(0, start - 1), end, ""))
    return edits


_HYPHEN_BREAK_RE = re.compile(r"(?<=[A-Za-z])-\n(?=[a-z])")
_WORD_END_RE = re.compile(r"[A-Za-z]+$")
_WORD_START_RE = re.compile(r"[a-z]+")
_WORD_RE = re.compile(r"[a-z]+")


def _hyphenation_edits(text: str) -> list[Edit]:
    edits: list[Edit] = []
    words: set[str] | None = None
    for m in _HYPHEN_BREAK_RE.finditer(text):
        before = _WORD_END_RE.search(text, max(0, m.start() - 40), m.start())
        after = _WORD_START_RE.match(text, m.end())
        if before is None or after is None:
            continue
        if words is None:
            words = set(_WORD_RE.findall(text.lower()))
        if (before.group() + after.group()).lower() in words:
            edits.append((m.start(), m.end(), ""))
    return edits


def _merge(*edit_lists: list[Edit]) -> list[Edit]:
    """Combine edit lists, dropping any edit that overlaps one already kept."""
    merged: list[Edit] = []
    for edit in sorted((e for edits in edit_lists for e in edits), key=lambda e: (e[0], -e[1])):
        if merged and edit[0] < merged[-1][1]:
            continue
        merged.append(edit)
    return merged


def normalize(text: str | MappedText) -> MappedText:
    """Clean ``text`` for the layouts; the result maps back to ``text``."""
    root = text if isinstance(text, MappedText) else MappedText.original(text)
    cleaned = root.sub(_CHAR_RE, _replace)
    body = cleaned.text
    edits = _merge(_furniture_edits(body), _hyphenation_edits(body))
    return cleaned.edit(edits) if edits else cleaned
