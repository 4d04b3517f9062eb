"""Building blocks for a layout that reads a letter with a Lark grammar over paragraphs.

Every grammar-driven layout does the same three things, and this module holds the parts
that do not depend on the layout:

1. **Scan and segment.** A :class:`MarkerScanner` finds every *marker* of the grammar
   (its headings and labels: every named terminal but the content ones) with one regular
   expression built from the grammar's own terminal patterns, tried only where a marker
   can start (a first-character prefilter, see :func:`imrparse.layout.grammar.first_characters`).
   :func:`segment` then rewrites the text so that each marker starts a paragraph of its
   own and every other blank line is gone: the paragraphs the grammar sees are exactly
   the sections between markers, whatever PDF extraction or rewrapping did to the line
   breaks (the whole letter may be one line). The same scan scores a letter for the
   layout's ``recognize`` (:meth:`MarkerScanner.share`).
2. **Parse** with a Lark LALR parser (contextual lexer) built with ``transformer=ToNodes()``,
   which keeps each section as a :class:`Node` (its marker token, its paragraph tokens,
   its sub-sections) and nothing else. :func:`parse_tree` runs it, skipping unexpected
   tokens in lenient mode, and turns Lark's errors into :class:`~imrparse.errors.ImrParseError`
   subclasses that say what was expected and where (:func:`grammar_error`).
3. **Build** the Determination. :class:`Builder` maps offsets of the segmented text back
   to the letter (fields reflowed, spans in the input) and reports a missing part with
   its place (:meth:`Builder.missing`).

Plus a few helpers for item headlines: :func:`last_sentence_end` (from
:mod:`imrparse.text.sentences`), :func:`list_number`, :func:`subfield`. A new layout
needs a grammar, the names of its content terminals and its builder; see docs/layouts.md
for a worked example (``imrparse.builtin.layouts.notice_2013``).
"""

from __future__ import annotations

import bisect
import re
from typing import Any, Callable, Collection, Iterable, Mapping, NamedTuple, Sequence

import lark

from ..errors import ImrParseError, UnrecognizedLayout
from ..models import Basis, Span
from ..text.reflow import Field
from ..text.sentences import last_sentence_end
from ..text.textmap import Edit, MappedText
from .context import ParseContext
from .grammar import first_characters

__all__ = [
    "Node",
    "Piece",
    "ToNodes",
    "Marker",
    "MarkerScanner",
    "marker_patterns",
    "segment",
    "parse_tree",
    "grammar_error",
    "Builder",
    "subfield",
    "last_sentence_end",
    "list_number",
]

# ---------------------------------------------------------------------------------------
# The section tree
# ---------------------------------------------------------------------------------------


class Piece(NamedTuple):
    """A token of the section tree: its terminal and where it stands in the segmented
    text (the attributes of a ``lark.Token`` that layouts use, without its copy of the
    text: a long input has tens of thousands of tokens)."""

    type: str
    start_pos: int
    end_pos: int


class Node(NamedTuple):
    """A section of the letter: its marker token (if any), its paragraphs, its parts.

    Offsets (``start``, ``end``, the tokens' positions) are in the segmented text the
    parser ran on; :class:`Builder` maps them back.
    """

    kind: str
    marker: Piece | None
    paras: list[Piece]
    parts: list[Node]

    @property
    def start(self) -> int:
        first = self.marker or (self.paras[0] if self.paras else None)
        if first is not None and first.start_pos is not None:
            return first.start_pos
        return self.parts[0].start if self.parts else 0

    @property
    def end(self) -> int:
        ends = [t.end_pos for t in ([self.marker] if self.marker else []) + self.paras
                if t.end_pos is not None]
        return max(ends + [p.end for p in self.parts], default=self.start)

    def content(self) -> tuple[int, int] | None:
        """Span of the section's own paragraphs (after its marker), or None without any."""
        if not self.paras:
            return None
        return self.paras[0].start_pos or 0, self.paras[-1].end_pos or 0

    def body(self) -> tuple[int, int]:
        """From the end of the marker to the end of the section (its parts included)."""
        start = self.marker.end_pos if self.marker is not None and self.marker.end_pos is not None else self.start
        return start, max(start, self.end)

    def find(self, kind: str) -> list[Node]:
        """The parts of this kind, in letter order."""
        return [p for p in self.parts if p.kind == kind]


class ToNodes(lark.Transformer[lark.Token, Any]):
    """Keeps each section's marker, paragraphs and sub-sections; nothing else.

    Give it to :func:`imrparse.layout.grammar.build_parser` as ``transformer=ToNodes()``: with
    LALR the tree is never built, each rule becomes a :class:`Node` as it is reduced.
    ``content`` names the terminals that are a section's paragraphs (``PARA``); the
    first other token of a rule is its marker, and any further marker becomes a part
    of its own (e.g. a summary's "Disclaimer:" inside the summary section).
    """

    def __init__(self, content: Collection[str] = ("PARA",)) -> None:
        super().__init__()
        self.content = frozenset(content)

    def __default__(self, data: str, children: list[Any], meta: Any) -> Any:
        if data.startswith("_"):
            # Lark's own helper rules (for PARA* and the like) and inlined rules are
            # inlined into their parent by the tree builder, which needs them as trees.
            return lark.Tree(data, children)
        marker = None
        paras: list[Piece] = []
        parts: list[Node] = []
        for child in children:
            if isinstance(child, Node):
                parts.append(child)
                continue
            piece = Piece(child.type, child.start_pos, child.end_pos)
            if child.type in self.content:
                paras.append(piece)
            elif marker is None:
                marker = piece
            else:
                parts.append(Node(child.type.lower(), piece, [], []))
        return Node(str(data), marker, paras, parts)


# ---------------------------------------------------------------------------------------
# Scanning and segmenting
# ---------------------------------------------------------------------------------------


class Marker(NamedTuple):
    start: int
    end: int
    name: str


def marker_patterns(parser: lark.Lark, content: Collection[str] = ("PARA",)) -> dict[str, str]:
    """The regular expression of every marker terminal of ``parser``'s grammar: every
    named terminal except the ``content`` ones, the ignored ones (``%ignore``) and those
    whose name starts with ``_`` (Lark's anonymous terminals)."""
    skip = set(content) | set(parser.lexer_conf.ignore)
    return {t.name: t.pattern.to_regexp() for t in parser.terminals
            if t.name not in skip and not t.name.startswith("_")}


class MarkerScanner:
    """Finds a grammar's markers in letter text.

    ``patterns`` maps terminal names to regular expressions (:func:`marker_patterns`).
    ``guard`` is an optional zero-width pattern every match must satisfy at its start
    (e.g. that a marker beginning with a list number is not glued to a preceding number).

    The markers are found with one regular expression whose every alternative starts
    with a literal character: then the regex engine skips at C speed to the places
    where one of those characters stands, and tries there only the alternatives that
    start with it (about twice as fast as trying the whole union at every position).
    Each pattern gets one alternative per character it can start with
    (:func:`~imrparse.layout.grammar.first_characters`), which matches that character
    and checks the whole pattern in a look-ahead from it. (``prefiltered`` says whether
    that was possible; a pattern whose first characters are unknown makes the union be
    tried everywhere.)
    """

    def __init__(self, patterns: Mapping[str, str], *, guard: str = "") -> None:
        self.patterns = dict(patterns)
        self._names: dict[str, str] = {}  # regex group name -> terminal name
        alternatives = [self._alternatives(i, name, pattern, guard)
                        for i, (name, pattern) in enumerate(self.patterns.items())]
        if any(alt is None for alt in alternatives):
            # A pattern whose first characters are unknown: the plain union, tried everywhere.
            union = "|".join(f"(?P<{n}>{p})" for n, p in self.patterns.items())
            self._names = {n: n for n in self.patterns}
            self.prefiltered = False
            self.regex = re.compile(guard + "(?:" + (union or "(?!)") + ")")
        else:
            self.prefiltered = True
            self.regex = re.compile("|".join(alt for alts in alternatives if alts for alt in alts) or "(?!)")
        self._last: tuple[str, list[Marker]] = ("", [])

    def _alternatives(self, index: int, name: str, pattern: str, guard: str) -> list[str] | None:
        """The alternatives for one pattern, each led by a literal character (see above)."""
        first = first_characters(pattern)
        if not first:
            return None
        alternatives = []
        for k, c in enumerate(sorted(first)):
            group = f"m{index}_{k}"
            self._names[group] = name
            esc = re.escape(c)
            alternatives.append(f"{esc}(?<=(?={guard}(?P<{group}>{pattern})){esc})")
        return alternatives

    def markers(self, text: str) -> list[Marker]:
        """Every marker in ``text``, in order (matches do not overlap).

        The last answer is kept: recognising a letter and segmenting it scan the same text.
        """
        if self._last[0] is not text:
            self._last = (text, self._scan(text))
        return self._last[1]

    def _scan(self, text: str) -> list[Marker]:
        names = self._names
        if not self.prefiltered:
            return [Marker(m.start(), m.end(), names[m.lastgroup or ""]) for m in self.regex.finditer(text)]
        found: list[Marker] = []
        search = self.regex.search
        pos = 0
        m = search(text, pos)
        while m is not None:
            group = m.lastgroup or ""
            start, end = m.start(), max(m.end(), m.end(group))
            found.append(Marker(start, end, names[group]))
            # Go on from the end of the marker (a look-ahead alternative matched only
            # its first character), as finditer over the union would.
            m = search(text, end if end > start else end + 1)
        return found

    def names(self, text: str) -> set[str]:
        return {m.name for m in self.markers(text)}

    def share(self, text: str, landmarks: Iterable[Collection[str]]) -> float:
        """The share of ``landmarks`` present in ``text``, 0 to 1: a score for ``recognize``.

        Each landmark is a set of terminal names, any one of which counts (two spellings
        of one label are one landmark).
        """
        groups = [frozenset(g) for g in landmarks]
        if not groups:
            return 0.0
        found = self.names(text)
        return sum(1 for g in groups if g & found) / len(groups)


# A run of line breaks and blanks. It starts at the line break (a pattern that began
# with the blanks would be tried at every blank of a long run: quadratic time); the
# blanks before it are added in code.
_NL_RUN_RE = re.compile(r"\n[ \n]*")


#: The character the segmenter puts before a paragraph that only it can recognise (an
#: item headline in the statute's words, which the grammar cannot tell from a rationale's
#: last sentence): the grammar's terminal for it starts with this character. The
#: normaliser drops control characters, so no letter holds it.
SEGMENT_MARK = "\x1e"


def segment(text: MappedText, cuts: Iterable[int], *,
            one_line: Sequence[tuple[int, int]] = (), marked: Collection[int] = ()) -> MappedText:
    """``text`` with a paragraph break (a blank line) at every cut and no other.

    The white space before each cut becomes ``"\\n\\n"`` (a break is inserted where a
    marker is glued to the text before it, "RATIONALESThe"); every other run of line
    breaks becomes a single ``"\\n"``, except inside the ``one_line`` ranges (sorted,
    not overlapping, e.g. item headlines), where line breaks become spaces. White space
    at the start of the text goes. The paragraphs that start at a cut in ``marked``
    begin with :data:`SEGMENT_MARK`. The result maps back to ``text``.
    """
    s = text.text
    cut_set = set(cuts)
    edits: dict[int, Edit] = {}
    for cut in cut_set:
        if not 0 <= cut <= len(s):
            continue
        ws = cut
        while ws > 0 and s[ws - 1] in " \n":
            ws -= 1
        mark = SEGMENT_MARK if cut in marked else ""
        edits[ws] = (ws, cut, ("" if ws == 0 else "\n\n") + mark)
    starts = [r[0] for r in one_line]
    previous_end = 0
    for m in _NL_RUN_RE.finditer(s):
        run_start, run_end = m.start(), m.end()
        while run_start > previous_end and s[run_start - 1] == " ":
            run_start -= 1
        previous_end = run_end
        if run_start in edits or run_end in cut_set:
            continue
        i = bisect.bisect_right(starts, run_start) - 1
        if i >= 0 and run_end <= one_line[i][1]:
            edits[run_start] = (run_start, run_end, " ")
        elif s.count("\n", run_start, run_end) >= 2 or run_start == 0:
            edits[run_start] = (run_start, run_end, "" if run_start == 0 else "\n")
    lead = len(s) - len(s.lstrip(" \n"))
    if lead and 0 not in edits:
        edits[0] = (0, lead, "")
    return text.edit(edits.values())


# ---------------------------------------------------------------------------------------
# Parsing, with Lark's errors mapped
# ---------------------------------------------------------------------------------------

ErrorMapper = Callable[[lark.exceptions.UnexpectedInput], ImrParseError]


def parse_tree(parser: lark.Lark, ctx: ParseContext, segmented: MappedText,
               describe: ErrorMapper) -> Node:
    """Parse the segmented text into its :class:`Node` tree.

    ``parser`` must have been built with ``transformer=ToNodes(...)``. In strict mode the
    first grammar error is raised as ``describe(error)``; in lenient mode each unexpected
    token is skipped and kept as an ``unexpected-text`` warning at its place.
    """
    def skip(error: lark.exceptions.UnexpectedInput) -> bool:
        if ctx.strict:
            return False  # Lark raises it
        # Lenient: a warning at once (Lark's error, which holds the parser's state, is
        # not kept: a long damaged input has thousands), then drop the token and go on.
        pos = error.pos_in_stream or 0
        ctx.problem(describe(error), "unexpected-text", ctx.span(*segmented.to_parent(pos, pos)))
        return True

    try:
        tree = parser.parse(segmented.text, on_error=skip)
    except lark.exceptions.UnexpectedInput as exc:
        raise describe(exc) from None
    except lark.exceptions.VisitError as exc:  # a bug in the transformer, not bad input
        raise exc.orig_exc from None
    if not isinstance(tree, Node):
        raise UnrecognizedLayout("the letter could not be read", source=ctx.source)
    return tree


def grammar_error(ctx: ParseContext, segmented: MappedText, exc: lark.exceptions.UnexpectedInput, *,
                  describe: Mapping[str, str],
                  kinds: Sequence[tuple[type[ImrParseError], Collection[str]]] = ()) -> ImrParseError:
    """The ImrParseError for a Lark error, placed in the letter.

    ``describe`` names terminals for people ("CA_GUIDELINE" is 'a "Claims Administrator
    guideline:" line'); ``PARA`` is never listed as expected. The error's class is the
    first of ``kinds`` whose terminal names include one the parser expected, else
    :class:`~imrparse.errors.UnrecognizedLayout`.
    """
    pos = segmented.to_source(exc.pos_in_stream or 0, exc.pos_in_stream or 0)[0]
    expected = sorted(getattr(exc, "expected", None) or getattr(exc, "allowed", None) or ())
    wanted = [describe.get(name, name) for name in expected if name != "PARA"]
    found = getattr(exc, "token", None)
    what = (f"unexpected {describe.get(found.type, found.type)}" if isinstance(found, lark.Token)
            else "unexpected text")
    kind: type[ImrParseError] = UnrecognizedLayout
    for candidate, names in kinds:
        if any(n in expected for n in names):
            kind = candidate
            break
    return kind(what, expected=" or ".join(wanted) or None, source=ctx.source,
                text=ctx.input_text, pos=pos)


# ---------------------------------------------------------------------------------------
# Building
# ---------------------------------------------------------------------------------------


class Builder:
    """Base of a layout's builder: offsets of the segmented text to fields and spans."""

    def __init__(self, ctx: ParseContext, segmented: MappedText) -> None:
        self.ctx = ctx
        self.segmented = segmented

    def span_of(self, start: int, end: int) -> tuple[int, int]:
        """Segmented offsets to offsets in the normalised text (``ctx.text``)."""
        return self.segmented.to_parent(start, end)

    def field(self, start: int, end: int) -> Field:
        """The segmented range ``[start, end)`` as a reflowed field of the letter."""
        return self.ctx.field(*self.span_of(start, end))

    def input_span(self, start: int, end: int) -> Span:
        return self.ctx.span(*self.span_of(start, end))

    def item_parts(self, ca: Field | None, rv: Field | None, rationale: Field | None) -> dict[str, Any]:
        """An item's guideline lines and rationale, read through the field hooks, as
        :class:`~imrparse.models.Item` keyword arguments (a part the letter lacks is
        empty)."""
        return {
            "claims_administrator_guideline": self.ctx.read_basis(ca, "claims_administrator") if ca else Basis(),
            "reviewer_guideline": self.ctx.read_basis(rv, "reviewer") if rv else Basis(),
            "rationale": rationale.text if rationale is not None else "",
            "rationale_citations": self.ctx.read_rationale_citations(rationale) if rationale else (),
        }

    def missing(self, error_type: type[ImrParseError], what: str, code: str, pos: int,
                expected: str | None = None) -> None:
        """Report a missing or damaged part at segmented offset ``pos``: raised in strict
        mode, warning ``code`` in lenient mode (:meth:`ParseContext.problem`)."""
        norm = self.span_of(pos, pos)[0]
        span = self.ctx.span(norm, norm)
        self.ctx.problem(error_type(what, expected=expected, source=self.ctx.source,
                                    text=self.ctx.input_text, pos=span.start), code, span)


def subfield(field: Field, start: int, end: int) -> Field:
    """``field.text[start:end]`` as a field of its own (spans still trace to the input)."""
    piece = field.mapped.slice(start, end)
    return Field(piece.text, piece)


# ---------------------------------------------------------------------------------------
# Headline helpers
# ---------------------------------------------------------------------------------------

# (Not "2.5% lidocaine": a number's decimal point is no list number's.)
_LIST_NUMBER_RE = re.compile(r"\s*(?:\(\s*(\d{1,3})\s*\)|(\d{1,3})\s*[.)](?!\d))\s*")


def list_number(text: str) -> tuple[int | None, int]:
    """The list number opening ``text`` and where the rest begins: ``(1, 3)`` for
    "1) Regarding ...", ``(None, 0)`` without a number."""
    m = _LIST_NUMBER_RE.match(text)
    if m is None:
        return None, 0
    return int(m.group(1) or m.group(2)), m.end()
