"""Layout-independent cleaning of letter text, with offsets kept.

What PDF tools and office software do to a letter, undone before any layout sees it:

* line endings (CRLF, CR, form feeds, Unicode line separators) become ``\\n``; a page
  break (form feeds with the line breaks next to them) becomes one ``\\n``;
* typographic dashes become ``-``, curly quotes straight, non-breaking and other
  spaces a plain space, zero-width characters and soft hyphens vanish, and other
  compatibility characters (ligatures such as "ﬁ", full-width forms) take their NFKC
  form when that form is plain ASCII;
* white space at the start and end of every line is dropped (indented lines);
* page furniture is removed: "Page 2 of 4", bare page numbers, and running headers
  or footers that repeat the case number ("Case Number: CM16-0213037",
  "Final Determination Letter for IMR Case Number CM16-0213037"), as lines of their
  own, or pulled into a line of text by a rewrap;
* a word hyphenated across a line break is joined when the joined word occurs
  elsewhere in the letter ("Adminis-" / "trator"); pdfium's mark for a line-end
  hyphen (``\\x02``, "x\\x02ray") is read the same way: joined, or a hyphen ("x-ray").

Every step is a :class:`~imrparse.text.textmap.MappedText` edit, so spans found later map
back to the original input.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata

from .textmap import Edit, MappedText

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
    # pdfium's mark for a hyphen that ended a line (it joins the line): kept for
    # _hyphenation_edits, which makes it a hyphen or joins the word.
    "\x02": "\x02",
}

# One pass over the text: every line break with the spaces around it (line endings of
# every kind, page breaks, indentation, trailing blanks), the ends of the text, control
# characters, and anything outside ASCII.
_SPACE = "[ \\t\u00a0\u2000-\u200a\u202f\u205f\u3000]"
_EOL = r"(?:\r\n?|\n)"
# A page break: form feeds, with at most one line break before and after. Readers
# and tools differ ("\f", "\n\f", "\f\n", "\n\f\n"); all of them are one line break,
# not a blank line (that would split a paragraph or an item headline at every page).
# (Written so that no two starred runs of blanks follow each other: a long run of
# blanks must not be re-scanned from every position of the run before it.)
_PAGE_BREAK = ("(?:(?:" + _EOL + _SPACE + "*)?\f(?:" + _SPACE + "*\f)*(?:" + _SPACE + "*" + _EOL + ")?)")
_CHAR_PATTERN = (
    # Most characters are plain ASCII letters or a space between words: let a quick
    # look-ahead skip them (a space only matters before a line break or the end).
    r"(?=[^ -~]|[ ]+(?:[^ !-~]|\Z)|\A)"
    r"(?:" + _SPACE + r"*(?:" + _PAGE_BREAK + r"|\r\n?|[\n\v\x85\u2028\u2029])" + _SPACE + r"*"
    r"|\A" + _SPACE + r"+|" + _SPACE + r"+\Z"
    r"|[\x00-\x08\x0e-\x1f\x7f\t]|[^\x00-\x7f])"
)


@functools.lru_cache(maxsize=1)
def _char_regex() -> re.Pattern[str]:
    """What the character pass cleans, as one regex (:func:`_char_edits` finds the same
    matches faster; compiled on first use, which most letters never need: 2 ms saved on
    every start)."""
    return re.compile(_CHAR_PATTERN)

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


_HAS_BREAK = re.compile("[\r\n\f\v\x85\u2028\u2029]").search


def _replace(m: re.Match[str]) -> str:
    found = m.group()
    if len(found) == 1 and found not in _BREAKS:
        return _replace_char(found)
    if _HAS_BREAK(found):
        return "\n"
    return ""  # blanks at the very start or end of the text


_CASE_NUMBER = r"CM\d{2}-\d{7}"
# Where furniture may stand: a case number or a page number (in any case), a line that
# is only a number. Three searches, each led by literal characters (the first two run
# over the text in lower case), find these faster than one pattern of alternatives.
_CASE_CUE_RE = re.compile(r"cm\d{2}-\d{7}")
_PAGE_CUE_RE = re.compile(r"page\s*\d")
_NUMBER_LINE = r"(?=[-(\[0-9])[-(\[]?[ ]?\d{1,3}[ ]?[-)\]]?(?=\n|\Z)"
_NUMBER_LINE_CUE_RE = re.compile(r"\n" + _NUMBER_LINE)
_FIRST_NUMBER_LINE_RE = re.compile(_NUMBER_LINE)
# The same cues in one pattern: for text whose lower case changes its length.
_FURNITURE_CUE_RE = re.compile(
    r"(?=[CcPp0-9(\[-])(?:"  # the first characters, to skip the rest quickly
    + _CASE_NUMBER + r"|Page\s*\d|^[-(\[]?[ ]?\d{1,3}[ ]?[-)\]]?$)", re.MULTILINE | re.IGNORECASE)


def _lower(text: str) -> str:
    """``text.lower()``, in pieces when the text is not ASCII: Python then sets aside
    room for three 4-byte characters per character, 50 MB for 4 MB of text. (Pieces do
    not change what lower() gives the ASCII letters these searches look for.)"""
    if text.isascii() or len(text) <= _LOWER_PIECE:
        return text.lower()
    return "".join(text[i:i + _LOWER_PIECE].lower() for i in range(0, len(text), _LOWER_PIECE))


_LOWER_PIECE = 1 << 16


def _furniture_cues(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every cue in order (some overlap: the caller skips a cue on a
    line it has looked at already, as for the matches of ``_FURNITURE_CUE_RE``)."""
    lower = _lower(text)
    if len(lower) != len(text):  # a character whose lower case is longer: rare
        return [m.span() for m in _FURNITURE_CUE_RE.finditer(text)]
    cues = [m.span() for m in _CASE_CUE_RE.finditer(lower)]
    cues += [m.span() for m in _PAGE_CUE_RE.finditer(lower)]
    cues += [(m.start() + 1, m.end()) for m in _NUMBER_LINE_CUE_RE.finditer(text)]
    first = _FIRST_NUMBER_LINE_RE.match(text)
    if first is not None:
        cues.append(first.span())
    cues.sort()
    return cues
# What may stand on a furniture line besides its case or page number.
_FURNITURE_WORDS_RE = re.compile(
    # Words count only inside the phrases of furniture, so that a word of the text glued
    # to a running header by a rewrap ("... Case Number CM17-0004547 Decision") keeps the
    # line from being taken for furniture.
    r"\bPage\s*\d+(?:\s*(?:of|/)\s*\d+)?"
    r"|(?:\b(?:Final\s+Determination\s+Letter\s+for\s+)?(?:MAXIMUS\s+)?(?:IMR\s+)?Case\s+(?:Number|No\.?)"
    r"\s*[:#]?\s*)?" + _CASE_NUMBER
    + r"|\bFinal\s+Determination(?:\s+Letter)?\b|\bIndependent\s+Medical\s+Review\b"
    r"|\bMAXIMUS\s+Federal\s+Services(?:\s*,?\s*Inc\b)?"
    r"|\b(?:Decision\s+)?Dated?\s*:?\s*\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}/\d{1,2}/\d{2,4}|\b\d{1,3}\b"
    r"|[\s:#.,|()\[\]/-]",
    re.IGNORECASE,
)
_PAGE_RE = re.compile(r"Page\s*\d", re.IGNORECASE)
# "Page 2 of 4": furniture wherever it stands (when 2 <= 4).
_PAGE_OF_RE = re.compile(r"\bPage\s*(\d{1,3})\s*(?:of|/)\s*(\d{1,3})\b", re.IGNORECASE)
# A line that is only a page number: "Page 2", "PAGE 2", "2", "- 2 -", "[2]". Content
# can look like that ("page 134." ending a wrapped citation, a "120" left alone by a
# rewrap), so such a line is furniture only when its number continues the letter's
# page count (see _furniture_edits).
_PAGE_ALONE_RE = re.compile(
    r"(?:(?:Page|PAGE)[ ]*)?(\d{1,3})|-[ ]?(\d{1,3})[ ]?-|\((\d{1,3})\)|\[(\d{1,3})\]")
# No running header or page footer is longer than this.
_FURNITURE_MAX = 200
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
    """Lines of page furniture to drop.

    A candidate line holds a case number or a page number and nothing but furniture
    words. It is dropped when it is
    * "Page N of M" (N <= M), alone or with a case number;
    * a case number line (a running header or footer) below the letter's own header;
    * a page number alone ("Page 2"; a bare "2", "- 2 -", "(2)") that continues the page
      count: the first one seen is 1 or 2, each later one the last plus one; bare numbers
      only when the count is confirmed (two of them, or other page footers). So
      "page 134." or a number left alone on a line ("1-" / "2") is never taken for one.
    """
    header_end = -1
    edits: list[Edit] = []
    bare: list[Edit] = []  # bare page numbers, kept only if the page count is confirmed
    confirmed = False
    done = -1
    last_page: int | None = None
    for cue_start, cue_end in _furniture_cues(text):
        if cue_start <= done:
            continue  # a second cue on a line already looked at
        # Search back no further than the last line looked at: a long line with many
        # cues must not be scanned once per cue (quadratic time).
        start = text.rfind("\n", done + 1, cue_start) + 1 or done + 1
        end = text.find("\n", cue_end)
        end = len(text) if end < 0 else end
        done = end
        if end - start > _FURNITURE_MAX:
            continue  # a long line is content (and not worth scanning word by word)
        line = text[start:end]
        if _FURNITURE_WORDS_RE.sub("", line):
            continue  # something else stands on the line: it is content
        # Drop the line and its line break, so the lines around it join up.
        edit = (start, end + 1, "") if end < len(text) else (max(0, start - 1), end, "")
        page_of = _PAGE_OF_RE.search(line)
        alone = _PAGE_ALONE_RE.fullmatch(line)
        if page_of is not None:
            page, pages = int(page_of.group(1)), int(page_of.group(2))
            if not 0 < page <= pages:
                continue
            last_page, confirmed = page, True
        elif re.search(_CASE_NUMBER, line):
            if not _PAGE_RE.search(line):
                if header_end < 0:
                    header_end = _header_end(text)
                if start < header_end:
                    continue  # the letter's own header, not a running header
        elif alone is not None:
            page = int(next(g for g in alone.groups() if g is not None))
            if not (page == last_page + 1 if last_page is not None else 0 < page <= 2):
                continue  # a number in the text, not the next page's
            last_page = page
            if not _PAGE_RE.match(line):
                bare.append(edit)
                continue
            confirmed = True
        else:
            continue
        edits.append(edit)
    if bare and (confirmed or len(bare) >= 2):
        edits += bare
    # All of these are deletions: where a furniture line and furniture pulled into the
    # next line overlap ("Page 3 of 4 Final Determination Letter for IMR Case Number" /
    # "CM15-8592269 MAXIMUS guideline: ..."), delete the union.
    united: list[Edit] = []
    for start, end, _ in sorted(edits + _inline_furniture_edits(text)):
        if united and start <= united[-1][1]:
            united[-1] = (united[-1][0], max(end, united[-1][1]), "")
        else:
            united.append((start, end, ""))
    # A deletion that would glue two words together (it took the white space on both
    # sides: "Decision Page 2 of 3 Final⏎Determination ... CM16-0213037⏎rationale:")
    # leaves one separator: a line break if it took one, else a space.
    return [(start, end, "") if start == 0 or end >= len(text) or text[start - 1].isspace()
            or text[end].isspace() else (start, end, "\n" if "\n" in text[start:end] else " ")
            for start, end, _ in united]


# Running headers and footers that a rewrap pulled into a line of text.
# (A rewrap may have broken them over lines: any white space between the words.)
# (Each starts with its literal word, so the regex engine can skip ahead to it; the
# space before it is taken in code.)
_INLINE_PAGE_RE = re.compile(r"(?:Page|PAGE)\s+(\d{1,3})\s+(?:of|OF)\s+(\d{1,3})\b")
_INLINE_HEADER_RE = re.compile(
    r"[ ]?\b(?i:(?:Final\s+Determination\s+Letter\s+for\s+)?(?:MAXIMUS\s+)?(?:IMR\s+)?Case\s+(?:Number|No\.?):?)\s+("
    + _CASE_NUMBER + r")\b")


def _with_space_before(text: str, start: int) -> int:
    return start - 1 if start and text[start - 1] == " " else start


def _inline_furniture_edits(text: str) -> list[Edit]:
    """Furniture inside a line: "Page 2 of 4", and after the first such footer, a
    running header that repeats the letter's case number ("Case Number: CM16-0213037").
    The letter's number is the one that stands before the first footer (its own header,
    which is kept), else one repeated in running headers.
    (Where these overlap a furniture line, _furniture_edits deletes both.)"""
    pages = [m for m in _INLINE_PAGE_RE.finditer(text) if 0 < int(m.group(1)) <= int(m.group(2))
             and not (m.start() and text[m.start() - 1].isalnum())]
    edits: list[Edit] = [(_with_space_before(text, m.start()), m.end(), "") for m in pages]
    if not pages:
        return edits  # no page break seen: a case number is the letter's own
    first_page = pages[0].start()
    headers = list(_INLINE_HEADER_RE.finditer(text, first_page))
    own = {m.group(1) for m in _INLINE_HEADER_RE.finditer(text, 0, first_page)}
    if not own:
        counts: dict[str, int] = {}
        for m in headers:
            counts[m.group(1)] = counts.get(m.group(1), 0) + 1
        own = {number for number, n in counts.items() if n >= 2}
    edits += [(m.start(), m.end(), "") for m in headers if m.group(1) in own]
    return edits


# A word hyphenated at a line break; or pdfium's \x02, a hyphen that ended a line.
# (Written to start with its literal characters, so that the regex engine can skip to them.)
_HYPHEN_BREAK_RE = re.compile(r"-\n(?<=[A-Za-z]-\n)(?=[a-z])|\x02\n?")
_WORD_END_RE = re.compile(r"[A-Za-z]+$")
_WORD_START_RE = re.compile(r"[a-z]+")
_WORD_RE = re.compile(r"[a-z]+")
# Words looked up one search at a time before all of them are collected.
_SEARCHES = 8


def _hyphenation_edits(text: str) -> list[Edit]:
    """Join a word hyphenated at a line end when the joined word occurs elsewhere in the
    letter ("Adminis-" / "trator"); otherwise keep the hyphen ("x-" / "ray"). pdfium's
    line-end hyphen mark (\x02) becomes a plain hyphen unless the word is joined."""
    edits: list[Edit] = []
    lower: str | None = None
    words: set[str] | None = None
    looked = 0
    for m in _HYPHEN_BREAK_RE.finditer(text):
        soft = text[m.start()] == "\x02"
        before = _WORD_END_RE.search(text, max(0, m.start() - 40), m.start())
        after = _WORD_START_RE.match(text, m.end())
        if before is not None and after is not None:
            if lower is None:
                lower = _lower(text)
            word = (before.group() + after.group()).lower()
            # A letter has a few of these: a search each is quickest. Many (a long
            # input) would make that quadratic: then every word, once.
            looked += 1
            if words is None and looked > _SEARCHES:
                words = {m.group() for m in _WORD_RE.finditer(lower)}  # (no list of every word)
            if word in words if words is not None else _has_word(lower, word):
                edits.append((m.start(), m.end(), ""))
                continue
        if soft:
            edits.append((m.start(), m.start() + 1, "-"))
    return edits


def _has_word(lower: str, word: str) -> bool:
    """Whether ``word`` (lower case letters) is one of the words (runs of ``a-z``) of
    ``lower`` (the letter in lower case)."""
    i = lower.find(word)
    while i >= 0:
        end = i + len(word)
        if (i == 0 or not "a" <= lower[i - 1] <= "z") and (end == len(lower) or not "a" <= lower[end] <= "z"):
            return True
        i = lower.find(word, i + 1)
    return False


def _merge(*edit_lists: list[Edit]) -> list[Edit]:
    """Combine edit lists, dropping any edit that overlaps one already kept."""
    merged: list[Edit] = []
    for edit in sorted((e for edits in edit_lists for e in edits), key=lambda e: (e[0], -e[1])):
        if merged and edit[0] < merged[-1][1]:
            continue
        merged.append(edit)
    return merged


# Where a _char_regex() match can be: at a character outside printable ASCII (a line break,
# a tab, a control or non-ASCII character; a CRLF is one). A plain character class
# lets the regex engine skip everything else at C speed.
# (Written to start with the class: "\r\n|[^ -~]" would be three times slower.)
_UNUSUAL_RE = re.compile(r"[^ -~](?:(?<=\r)\n)?")
_SPACES = frozenset(" \t\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
                    "\u202f\u205f\u3000")


def _char_edits(text: str) -> list[Edit]:
    """The edits of ``_char_regex()`` over ``text`` (what ``finditer`` would find), found
    faster: only where an unusual character stands (or at the ends of the text) can a
    match start, at most a run of blanks before it."""
    edits: list[Edit] = []
    done = 0

    def at(pos: int) -> None:
        nonlocal done
        m = _char_regex().match(text, pos)
        if m is None or m.end() == m.start():
            return
        new = _replace(m)
        if new != m.group():
            edits.append((m.start(), m.end(), new))
        done = m.end()

    if text[:1] in _SPACES and text:
        at(0)
    n = len(text)
    for u in _UNUSUAL_RE.finditer(text):
        pos = u.start()
        if pos < done:
            continue
        after = u.end()
        c = text[pos]
        if after < n and (c in "\r\n" and text[after] not in _SPACES and text[after] != "\f"
                          or c == "\f" and "!" <= text[after] <= "~"):
            # The common case, once a line: a line break (CRLF, CR or LF) not followed
            # by blanks or a form feed, or a page break (a form feed, as pdfium joins
            # pages) before a printable character, after plain spaces or none, which
            # _char_regex() would match from the first space and make one "\n".
            start = pos
            while start > done and text[start - 1] == " ":
                start -= 1
            if start == done or text[start - 1] not in _SPACES:
                if after - start > 1 or text[pos] != "\n":
                    edits.append((start, after, "\n"))
                done = after
                continue
        elif c not in _SPACES and c not in _BREAKS and c != "\f":
            # A character to clean on its own (a curly quote, a dash, a ligature, a
            # control character): what _char_regex()'s last alternative would match.
            new = _replace_char(c)
            if new != c:
                edits.append((pos, pos + 1, new))
            done = after
            continue
        start = pos
        while start > done and text[start - 1] in _SPACES:
            start -= 1
        if text[pos] in _SPACES:
            # An unusual blank (a tab, a no-break space): take its whole run at once.
            end = pos
            while end < len(text) and text[end] in _SPACES:
                end += 1
            if end < len(text) and text[end] not in _BREAKS and text[end] != "\f":
                # Blanks between words: each becomes a plain space, no regex needed
                # (matching from each blank would re-scan the run: quadratic time).
                for i in range(pos, end):
                    if text[i] != " ":
                        edits.append((i, i + 1, _replace_char(text[i])))
                done = end
                continue
        at(start)
        if done <= pos:  # the blanks before it were not part of its match
            at(pos)
    end = len(text)
    while end > done and text[end - 1] in _SPACES:
        end -= 1
    if end < len(text) and end >= done:
        at(end)
    return edits


def normalize(text: str | MappedText) -> MappedText:
    """Clean ``text`` for the layouts; the result maps back to ``text`` (in one step:
    its parent is ``text``)."""
    root = text if isinstance(text, MappedText) else MappedText.original(text)
    char_edits = _char_edits(root.text)
    cleaned = root.edit(char_edits) if char_edits else MappedText(root.text, root)
    body = cleaned.text
    edits = _merge(_furniture_edits(body), _hyphenation_edits(body))
    if not edits:
        return cleaned
    if any(start == end for start, end, _ in edits):  # (none today: an insertion)
        return cleaned.edit(edits)
    # The furniture and hyphenation edits, made on the cleaned text, moved to the input
    # and applied with the character edits in one go: one map back to the input, so
    # every span found later is traced back in one step less.
    moved = [(*cleaned.to_parent(start, end), new) for start, end, new in edits]
    starts = [start for start, _, _ in moved]
    kept = []
    for edit in char_edits:
        i = bisect.bisect_right(starts, edit[0]) - 1
        if i < 0 or edit[1] > moved[i][1]:
            kept.append(edit)  # not inside a moved edit (which replaces it)
    try:
        return root.edit(kept + moved)
    except ValueError:  # a character edit across the end of a moved one: never seen
        return cleaned.edit(edits)
