"""What PDF tools and office software do to a letter's text, as pure functions.

Every transformation is ``(text, rng) -> str`` with ``rng`` a :class:`random.Random`;
the result depends only on the text and the rng's state, so a seed reproduces it.
:data:`TRANSFORMATIONS` names them all (``all_at_once`` and ``all_at_once_block``
compose them). Each one changes only the *form* of the letter (line breaks, white
space, page furniture, typography), never its words, so a letter must parse to the
same values after any of them.
"""

from __future__ import annotations

import random
import re
import textwrap
from typing import Callable

__all__ = ["Transformation", "TRANSFORMATIONS", "FURNITURE_LINE_RE", "FURNITURE_INLINE_RE", "case_number_of"]

Transformation = Callable[[str, random.Random], str]

_CASE_NUMBER_RE = re.compile(r"CM\d{2}-\d{7}")


def _lines(text: str) -> list[str]:
    return re.split(r"\r\n|\n", text)


def _eol(text: str) -> str:
    """The letter's own line ending (pdfium writes CRLF): kept by the line-wise steps."""
    return "\r\n" if "\r\n" in text else "\n"


def _is_blank(line: str) -> bool:
    return not line.strip()


# -- line endings and blank lines --------------------------------------------------------


def crlf(text: str, rng: random.Random) -> str:
    """Windows line endings."""
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


def blank_lines_removed(text: str, rng: random.Random) -> str:
    """Every blank line dropped (paragraphs run together, as many PDF extractors do)."""
    return _eol(text).join(line for line in _lines(text) if not _is_blank(line))


def blank_lines_doubled(text: str, rng: random.Random) -> str:
    """Every blank line twice (a double-spaced letter becomes triple-spaced)."""
    out: list[str] = []
    for line in _lines(text):
        out.append(line)
        if _is_blank(line):
            out.append(line)
    return _eol(text).join(out)


# -- rewrapping ------------------------------------------------------------------------


def _width(rng: random.Random) -> int:
    return rng.randint(68, 104)


def _unwrap(lines: list[str]) -> str:
    """Lines joined into one, as a careful tool does: with a space, except after a word
    hyphenated at the line end ("11-" / "16-2016" is "11-16-2016", not "11- 16-2016")."""
    out = ""
    for line in lines:
        piece = line.strip()
        if not piece:
            continue
        glued = len(out) > 1 and out[-1] in "-\x02" and not out[-2].isspace()
        out += piece if glued or not out else " " + piece
    return out


def rewrap_paragraphs(text: str, rng: random.Random) -> str:
    """Each run of non-blank lines refilled to one random width in 68-104 columns."""
    width = _width(rng)
    out: list[str] = []
    para: list[str] = []

    def flush() -> None:
        if para:
            joined = _unwrap(para)
            out.extend(textwrap.wrap(joined, width, break_long_words=False, break_on_hyphens=False)
                       or [""])
            para.clear()

    for line in _lines(text.replace("\f", "\n")):  # page breaks are line breaks to a rewrap
        if _is_blank(line):
            flush()
            out.append("")
        else:
            para.append(line)
    flush()
    return _eol(text).join(out)


def rewrap_letter(text: str, rng: random.Random) -> str:
    """The whole letter refilled as one block, breaking after hyphens as textwrap does
    ("year-" / "old")."""
    return textwrap.fill(re.sub(r"\s+", " ", _unwrap(_lines(text.replace("\f", "\n")))), _width(rng),
                         break_long_words=False, break_on_hyphens=True)


def one_line(text: str, rng: random.Random) -> str:
    """The whole letter on one line (pasted into a one-line field)."""
    return re.sub(r"\s+", " ", _unwrap(_lines(text.replace("\f", "\n")))).strip()


# -- indentation and trailing blanks -------------------------------------------------------


def indented(text: str, rng: random.Random) -> str:
    """Every line indented by the same random run of spaces or tabs."""
    indent = rng.choice(["  ", "    ", "\t", "\t\t", " \t"])
    return _eol(text).join(indent + line for line in _lines(text))


def trailing_spaces(text: str, rng: random.Random) -> str:
    """Random blanks at the end of about half the lines."""
    return _eol(text).join(line + (rng.choice([" ", "  ", "   ", "\t", " \t "]) if rng.random() < 0.5 else "")
                     for line in _lines(text))


# -- pages ---------------------------------------------------------------------------------

#: A line that :func:`page_furniture` inserts (for tests that must ignore them).
FURNITURE_LINE_RE = re.compile(
    # A line, or a part of one between form feeds (pdfium joins pages with a bare \f).
    r"(?:^|(?<=\f))[^\S\n\f]*(?:Page\s\d+(?:\sof\s\d+)?|Case\sNumber:\sCM\d{2}-\d{7}"
    r"|Final\sDetermination\sLetter\sfor\sIMR\sCase\sNumber\sCM\d{2}-\d{7})[^\S\n\f]*(?=$|\f)",
    re.MULTILINE)


#: Furniture that :func:`pages_rewrapped` leaves inside lines (after the letter's header).
FURNITURE_INLINE_RE = re.compile(
    r"Page\s\d+\sof\s\d+|Case\sNumber:\sCM\d{2}-\d{7}"
    r"|Final\sDetermination\sLetter\sfor\sIMR\sCase\sNumber\sCM\d{2}-\d{7}")


def furniture_spans(text: str, after: int = 0) -> list[tuple[int, int]]:
    """Where the page furniture these transformations insert stands in ``text``, from
    ``after`` on (before it stands the letter's own header): whole lines, or the
    phrases a rewrap pulled into lines. Sorted."""
    return sorted(m.span() for pattern in (FURNITURE_LINE_RE, FURNITURE_INLINE_RE)
                  for m in pattern.finditer(text) if m.start() >= after)


def without_furniture(text: str, start: int, end: int, furniture: list[tuple[int, int]]) -> str:
    """``text[start:end]`` less the ``furniture`` spans inside it."""
    out, cursor = [], start
    for f_start, f_end in furniture:
        if f_end <= cursor or f_start >= end:
            continue
        out.append(text[cursor:max(cursor, f_start)])
        cursor = max(cursor, f_end)
    out.append(text[cursor:end])
    return "".join(out)


def case_number_of(text: str, rng: random.Random) -> str:
    """The letter's case number, or a made-up one."""
    m = _CASE_NUMBER_RE.search(text)
    return m.group() if m else f"CM{rng.randint(13, 19):02d}-{rng.randint(0, 9_999_999):07d}"


def _paginate(text: str, rng: random.Random, *, furniture: bool, form_feed: bool,
              with_total: bool | None = None, keep_hyphenated: bool = False) -> str:
    """Break the letter into pages of about 40 lines; at each break put a footer
    ("Page 2 of 4"), a form feed and a running header, as asked."""
    lines = _lines(text)
    per_page = rng.randint(36, 44)
    pages: list[list[str]] = []
    start = 0
    while start < len(lines) or not pages:
        end = min(start + per_page, len(lines))
        # A page that ends in a hyphenated word would let a later rewrap glue the word's
        # halves to the furniture ("10-Page 2 of 4 ... 25-16"): end the page a line later.
        while keep_hyphenated and end < len(lines) and lines[end - 1].rstrip().endswith("-"):
            end += 1
        pages.append(lines[start:end])
        start = end
    number = case_number_of(text, rng)
    eol = _eol(text)
    header = rng.choice([f"Case Number: {number}", f"Final Determination Letter for IMR Case Number {number}"])
    if with_total is None:
        with_total = rng.random() < 0.7
    built: list[str] = []
    for i, page in enumerate(pages, 1):
        lines_on_page = list(page)
        if i > 1 and furniture:
            lines_on_page.insert(0, header)
        if i < len(pages) and furniture:
            lines_on_page.append(f"Page {i} of {len(pages)}" if with_total else f"Page {i}")
        built.append(eol.join(lines_on_page))
    out = built[0]
    for page_text in built[1:]:
        # pdfium joins pages with a bare form feed; other tools add a line break.
        out += (rng.choice(["\f", "\f" + eol, eol + "\f"]) if form_feed else eol) + page_text
    return out


def page_furniture(text: str, rng: random.Random) -> str:
    """ "Page 2 of 4" footers and a running header repeating the case number every ~40 lines."""
    return _paginate(text, rng, furniture=True, form_feed=False)


def form_feeds(text: str, rng: random.Random) -> str:
    """A form feed at every page break (about every 40 lines)."""
    return _paginate(text, rng, furniture=False, form_feed=True)


def pages_rewrapped(text: str, rng: random.Random) -> str:
    """Pages with furniture ("Page 2 of 4" footers, running headers), then the whole text
    refilled as one block: a PDF's text pasted into a form, the furniture now inside lines."""
    paged = _paginate(text, rng, furniture=True, form_feed=False, with_total=True, keep_hyphenated=True)
    return rewrap_letter(paged, rng)


def pages_with_form_feeds(text: str, rng: random.Random) -> str:
    """Page furniture with form feeds between the pages."""
    return _paginate(text, rng, furniture=True, form_feed=True)


# -- typography --------------------------------------------------------------------------

_NUMBER_HYPHEN_RE = re.compile(r"(?<=\d)-(?=\d)")
_SPACED_HYPHEN_RE = re.compile(r"(?<= )-(?= )")


def typographic_dashes(text: str, rng: random.Random) -> str:
    """En or em dashes for hyphens in ranges and dates ("176\u2013177", "1\u201330\u20132014")
    and for a spaced hyphen used as a dash."""
    dash = rng.choice(["\u2013", "\u2014"])
    text = _NUMBER_HYPHEN_RE.sub(dash, text)
    return _SPACED_HYPHEN_RE.sub("\u2014", text)


def curly_quotes(text: str, rng: random.Random) -> str:
    """Typographic quotes: \u201c \u201d in pairs, \u2019 for apostrophes, \u2018 opening a single quote."""
    out: list[str] = []
    opened = False
    for i, ch in enumerate(text):
        if ch == '"':
            out.append("\u201d" if opened else "\u201c")
            opened = not opened
        elif ch == "'":
            before = text[i - 1] if i else " "
            out.append("\u2018" if before.isspace() or before in "(\"" else "\u2019")
        else:
            out.append(ch)
    return "".join(out)


_LIGATURES = [("ffi", "\ufb03"), ("ffl", "\ufb04"), ("ff", "\ufb00"), ("fi", "\ufb01"), ("fl", "\ufb02")]


def ligatures(text: str, rng: random.Random) -> str:
    """Ligature characters for ffi, ffl, ff, fi and fl, as PDF text layers keep them."""
    for plain, lig in _LIGATURES:
        text = text.replace(plain, lig)
    return text


def nonbreaking_spaces(text: str, rng: random.Random) -> str:
    """About a third of the spaces are no-break spaces (U+00A0, some U+202F)."""
    return "".join(rng.choice(["\u00a0", "\u00a0", "\u202f"]) if ch == " " and rng.random() < 0.33 else ch
                   for ch in text)


# -- capitals ------------------------------------------------------------------------------

# The labels of a letter's header and items, wherever they stand.
_LABEL_RE = re.compile(
    r"\b(?:(?:IMR\s+)?Case\s+Number|Date\s+Assigned|Date\s+of\s+Injury|Decision\s+Date"
    r"|UR\s+Denial\s+Date|Priority|(?:IMR\s+)?Application\s+Received|Claims\s+Administrator\s+guideline"
    r"|MAXIMUS\s+guideline|Decision\s+rationale)(?=\s*:)")
_HEADING_RE = re.compile(
    r"HOW\s+THE\s+IMR\s+FINAL\s+DETERMINATION\s+WAS\s+MADE|CLINICAL\s+CASE\s+SUMMARY"
    r"|IMR\s+ISSUES\s*,\s+DECISIONS\s+AND\s+RATIONALES")
_SMALL_WORDS = {"the", "and", "was", "of"}


def labels_in_capitals(text: str, rng: random.Random) -> str:
    """The header's and the items' labels in capitals ("CASE NUMBER:", "DECISION
    RATIONALE:"), as re-typed letters and other years' templates write them."""
    return _LABEL_RE.sub(lambda m: m.group().upper(), text)


def headings_in_title_case(text: str, rng: random.Random) -> str:
    """The section headings in title case ("Clinical Case Summary", "How the IMR Final
    Determination Was Made"), as office software's "change case" leaves them."""
    def title(m: re.Match[str]) -> str:
        words = re.split(r"(\s+|,)", m.group())
        return "".join(w if w == "IMR" or not w.strip(" ,\n") else
                       (w.lower() if w.lower() in _SMALL_WORDS and i else w.capitalize())
                       for i, w in enumerate(words))
    return _HEADING_RE.sub(title, text)


# -- everything together ------------------------------------------------------------------


def _compose(*steps: Transformation) -> Transformation:
    def composed(text: str, rng: random.Random) -> str:
        for step in steps:
            text = step(text, rng)
        return text
    return composed


all_at_once = _compose(
    typographic_dashes, curly_quotes, ligatures, rewrap_paragraphs, blank_lines_doubled,
    pages_with_form_feeds, indented, trailing_spaces, nonbreaking_spaces, crlf,
)
all_at_once.__doc__ = ("Typography, paragraphs rewrapped, blank lines doubled, pages with furniture "
                       "and form feeds, indentation, trailing blanks, no-break spaces, CRLF.")

all_at_once_block = _compose(
    typographic_dashes, curly_quotes, ligatures, rewrap_letter, pages_with_form_feeds,
    indented, trailing_spaces, nonbreaking_spaces, crlf,
)
all_at_once_block.__doc__ = "As all_at_once, but the whole letter rewrapped as one block."

TRANSFORMATIONS: dict[str, Transformation] = {
    "crlf": crlf,
    "blank_lines_removed": blank_lines_removed,
    "blank_lines_doubled": blank_lines_doubled,
    "rewrap_paragraphs": rewrap_paragraphs,
    "rewrap_letter": rewrap_letter,
    "one_line": one_line,
    "indented": indented,
    "trailing_spaces": trailing_spaces,
    "page_furniture": page_furniture,
    "form_feeds": form_feeds,
    "pages_with_form_feeds": pages_with_form_feeds,
    "pages_rewrapped": pages_rewrapped,
    "typographic_dashes": typographic_dashes,
    "curly_quotes": curly_quotes,
    "ligatures": ligatures,
    "nonbreaking_spaces": nonbreaking_spaces,
    "labels_in_capitals": labels_in_capitals,
    "headings_in_title_case": headings_in_title_case,
    "all_at_once": all_at_once,
    "all_at_once_block": all_at_once_block,
}


def mangle(name: str, text: str, seed: int | str = 0) -> str:
    """``TRANSFORMATIONS[name]`` applied with a fresh rng seeded from ``seed`` and ``name``."""
    return TRANSFORMATIONS[name](text, random.Random(f"{seed}:{name}"))
