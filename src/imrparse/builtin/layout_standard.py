"""The "standard" layout: IMR final determination letters from late 2013 on.

Three steps, each with one job:

1. **Segment** (:class:`Segmenter`): put every marker of the grammar (headings,
   header labels, credential labels, the three labelled lines of an item) at the start
   of a paragraph of its own, and make each item's headline one line. This is what
   lets the grammar work on paragraph tokens whatever PDF extraction, page breaks or
   rewrapping did to the line breaks. The marker patterns come from the grammar's own
   terminals, so the grammar stays the single description of the letter.
2. **Parse** with the Lark grammar ``grammars/imr_letter.lark`` (LALR, contextual
   lexer) and a thin transformer that keeps each section's marker and paragraphs.
3. **Build** the Determination: header values here; reviewer, summary, guideline
   lines, citations and services through the field hooks of the context.
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import Any, NamedTuple

import attrs
import lark

from .._dates import find_dates
from .._grammar import build_parser, first_characters
from .._textmap import Edit, MappedText
from ..context import Field, ParseContext
from ..errors import (
    ImrParseError,
    InvalidValue,
    MalformedItem,
    MissingSection,
    UnrecognizedLayout,
)
from ..models import (
    CASE_NUMBER_PATTERN,
    Basis,
    Case,
    Decision,
    Determination,
    Item,
    Reviewer,
    Span,
    Summary,
)
from ..plugins import Layout, hookimpl

NAME = "standard"
GRAMMAR = "imr_letter.lark"

# Terminals that hold content rather than start a paragraph.
_CONTENT_TERMINALS = {"PARA", "ITEM_HEAD"}
_LABELS = ("CA_GUIDELINE", "REVIEWER_GUIDELINE", "RATIONALE")
_ISSUES_OPENERS = {"ISSUES_HEADING", "ISSUES_INTRO"}
# The header block's labels (the grammar's header_field rule).
_HEADER_TERMINALS = frozenset({"CASE_NUMBER", "DATE_ASSIGNED", "DATE_OF_INJURY", "DECISION_DATE",
                               "UR_DENIAL_DATE", "PRIORITY", "APPLICATION_RECEIVED"})

# What each terminal is, for error messages.
_DESCRIBE = {
    "HOW_HEADING": 'the heading "HOW THE IMR FINAL DETERMINATION WAS MADE"',
    "SUMMARY_HEADING": 'the heading "CLINICAL CASE SUMMARY"',
    "ISSUES_HEADING": 'the heading "IMR ISSUES, DECISIONS AND RATIONALES"',
    "ITEM_HEAD": 'a disputed item ("<request>: Upheld" or "<request>: Overturned")',
    "CA_GUIDELINE": 'a "Claims Administrator guideline:" line',
    "REVIEWER_GUIDELINE": 'a "MAXIMUS guideline:" line',
    "RATIONALE": 'a "Decision rationale:" line',
    "PARA": "text",
    "$END": "the end of the letter",
}

# ---------------------------------------------------------------------------------------
# 1. Segmentation
# ---------------------------------------------------------------------------------------

_ABBREVIATIONS = frozenset(
    "dr mr mrs ms no nos vs etc approx inc st jr sr qty pt pts dept fig ref e.g i.e "
    "b.i.d t.i.d q.i.d p.o p.r.n q.d q.h h.s a.m p.m u.s oz lb lbs ca".split()
)
# A sentence ends at . ! or ? (closing quotes/brackets allowed) followed by white space,
# or glued straight to a capital letter as PDF page joins leave it ("necessary.Nerve").
_SENTENCE_END_RE = re.compile(r"[.!?][\"')\]]*(?:[ \n]+|(?=[A-Z]))")
_WORD_BEFORE_RE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
# A rationale whose last sentence lacks its period still ends on words like these.
_RATIONALE_END_RE = re.compile(
    r"(?:necessary|appropriate|indicated|recommended|supported|established|warranted"
    r"|certified|approved|denied|upheld|overturned)[ ]*\n", re.IGNORECASE)
_REMAINING_RE = re.compile(r"(?:The\s+)?remaining\s+(?:IMR\s+)?eligible\s+portion", re.IGNORECASE)
_ORIGINAL_REQUEST_RE = re.compile(r"was\s+the\s+original\s+request", re.IGNORECASE)
_DECISION_WORDS = r"(?:Upheld|Overturned|UPHELD|OVERTURNED|upheld|overturned)"
_NL_RUN_RE = re.compile(r"[ ]*\n[ \n]*")


class Segmenter:
    """Rewrites normalised letter text so that the grammar's paragraph tokens line up."""

    def __init__(self, terminal_patterns: dict[str, str]) -> None:
        markers = {n: p for n, p in terminal_patterns.items()
                   if n not in _CONTENT_TERMINALS and not n.startswith("_")}
        union = "|".join(f"(?P<{n}>{p})" for n, p in markers.items())
        # Try the markers only where one can start: a cheap character-class test skips
        # nearly every position (ten times faster than trying every alternative).
        first = first_characters(union)
        prefix = "(?=[" + "".join(re.escape(c) for c in sorted(first)) + "])" if first else ""
        self.marker_re = re.compile(prefix + "(?:" + union + ")")
        labels = "|".join(f"(?:{terminal_patterns[n]})" for n in _LABELS)
        # A decision: the colon and Upheld/Overturned, followed only by white space and
        # an item's labelled line (or the end of the letter). Any white space may stand
        # between the colon and the decision: a wrap, or a blank line where the letter
        # is double-spaced or a page break fell.
        self.decision_re = re.compile(
            r":[ \n]*" + _DECISION_WORDS + r"\b(?=[ \n]*(?:" + labels + r")|[ \n]*\Z)")
        self._last: tuple[str, list[tuple[int, int, str]]] = ("", [])

    def markers(self, s: str) -> list[tuple[int, int, str]]:
        """``(start, end, terminal name)`` of every marker in ``s``.

        The last answer is kept: recognising a letter and segmenting it scan the same text.
        """
        if self._last[0] is not s:
            self._last = (s, [(m.start(), m.end(), m.lastgroup or "") for m in self.marker_re.finditer(s)])
        return self._last[1]

    def segment(self, text: MappedText) -> MappedText:
        s = text.text
        markers = _front_only_header_labels(self.markers(s))
        heads = self._item_heads(s, markers)
        cuts = {start for start, _, _ in markers} | {start for start, _ in heads}
        edits: dict[int, Edit] = {}
        for cut in cuts:
            ws = cut
            while ws > 0 and s[ws - 1] in " \n":
                ws -= 1
            edits[ws] = (ws, cut, "" if ws == 0 else "\n\n")
        head_starts = [h[0] for h in heads]
        for m in _NL_RUN_RE.finditer(s):
            if m.start() in edits or m.end() in cuts:
                continue
            i = bisect.bisect_right(head_starts, m.start()) - 1
            if i >= 0 and m.end() <= heads[i][1]:
                edits[m.start()] = (m.start(), m.end(), " ")  # headlines are one line
            elif m.group().count("\n") >= 2 or m.start() == 0:
                edits[m.start()] = (m.start(), m.end(), "" if m.start() == 0 else "\n")
        lead = len(s) - len(s.lstrip(" \n"))
        if lead and 0 not in edits:
            edits[0] = (0, lead, "")
        return text.edit(edits.values())

    def _item_heads(self, s: str, markers: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
        """``(start, end)`` of every item headline, from its request to its decision."""
        opener = next((m for m in markers if m[2] == "ISSUES_HEADING"), None)
        if opener is None:
            return []
        marker_ends = [m[1] for m in markers]
        heads: list[tuple[int, int]] = []
        previous_end = opener[1]
        for d in self.decision_re.finditer(s, opener[1]):
            colon = d.start()
            i = bisect.bisect_right(marker_ends, colon) - 1
            last_marker = markers[i] if i >= 0 else opener
            lower = max(previous_end, last_marker[1])
            after_text = not (last_marker[1] >= previous_end and last_marker[2] in _ISSUES_OPENERS)
            heads.append((self._headline_start(s, lower, colon, after_text), d.end()))
            previous_end = d.end()
        return heads

    def _headline_start(self, s: str, lower: int, colon: int, after_text: bool) -> int:
        """Where the headline that ends at ``colon`` begins, searching back to ``lower``.

        After the previous item's rationale, the headline starts after that text's last
        sentence, except that a partly authorised item's headline takes in its
        "... was the original request. ... was authorized ..." preamble.
        """
        start = lower
        if after_text:
            window = s[lower:colon]
            last = _last_sentence_end(window)
            if last is not None:
                start = lower + last
            breaks = [m.end() for m in _RATIONALE_END_RE.finditer(s, start, colon)]
            if breaks:
                start = breaks[-1]
            if _REMAINING_RE.match(s, start) or re.match(r"[^.]*was\s+(?:authorized|certified|approved|modified)",
                                                          s[start:colon], re.IGNORECASE):
                original = [m.start() for m in _ORIGINAL_REQUEST_RE.finditer(s, lower, start)]
                if original:
                    before = _last_sentence_end(s[lower:original[-1]])
                    start = lower + before if before is not None else lower
        while start < colon and s[start] in " \n":
            start += 1
        return start


def _front_only_header_labels(markers: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The markers, less header labels ("Priority:", "Date of Injury:", "Case Number:")
    after the first section heading: there they are words of the text (a summary that
    quotes a date of injury, a running header rewrapped into a line), not the header."""
    for i, (_, _, name) in enumerate(markers):
        if name not in _HEADER_TERMINALS:
            return markers[:i] + [m for m in markers[i:] if m[2] not in _HEADER_TERMINALS]
    return markers


def _last_sentence_end(window: str) -> int | None:
    """Offset just after the last sentence end in ``window`` (abbreviations skipped)."""
    last = None
    for m in _SENTENCE_END_RE.finditer(window):
        word = _WORD_BEFORE_RE.search(window, max(0, m.start() - 24), m.start())
        if word and window[m.start()] == ".":
            w = word.group(1).lower()
            if len(w) == 1 or w in _ABBREVIATIONS or w.rstrip(".") in _ABBREVIATIONS:
                continue
        if m.end() < len(window):
            last = m.end()
    return last


# ---------------------------------------------------------------------------------------
# 2. Parsing
# ---------------------------------------------------------------------------------------


class Node(NamedTuple):
    """A section of the letter: its marker token (if any), its paragraphs, its parts."""

    kind: str
    marker: lark.Token | None
    paras: list[lark.Token]
    parts: list[Node]

    @property
    def start(self) -> int:
        first = self.marker or (self.paras[0] if self.paras else None)
        return first.start_pos if first is not None and first.start_pos is not None else 0

    @property
    def end(self) -> int:
        ends = [t.end_pos for t in ([self.marker] if self.marker else []) + self.paras
                if t.end_pos is not None]
        return max(ends + [p.end for p in self.parts], default=self.start)

    def content(self) -> tuple[int, int] | None:
        """Span of the paragraphs after the marker (or after the part named ``intro``)."""
        if not self.paras:
            return None
        return self.paras[0].start_pos or 0, self.paras[-1].end_pos or 0


class _ToNodes(lark.Transformer[lark.Token, Any]):
    """Keeps each section's marker, paragraphs and sub-sections; nothing else."""

    def __default__(self, data: str, children: list[Any], meta: Any) -> Any:
        if data.startswith("_"):
            # Lark's own helper rules (for PARA* and the like) are inlined into their
            # parent by the tree builder, which needs them as trees.
            return lark.Tree(data, children)
        marker = None
        paras: list[lark.Token] = []
        parts: list[Node] = []
        for child in children:
            if isinstance(child, Node):
                parts.append(child)
            elif child.type == "PARA":
                paras.append(child)
            elif marker is None:
                marker = child
            else:
                # A second marker in one section (the summary's intro): keep it as a part.
                parts.append(Node(child.type.lower(), child, [], []))
        return Node(str(data), marker, paras, parts)


@functools.lru_cache(maxsize=1)
def _parser() -> lark.Lark:
    return build_parser(GRAMMAR, transformer=_ToNodes())


@functools.lru_cache(maxsize=1)
def _segmenter() -> Segmenter:
    return Segmenter({t.name: t.pattern.to_regexp() for t in _parser().terminals})


def _parse_tree(ctx: ParseContext, segmented: MappedText) -> Node:
    errors: list[lark.exceptions.UnexpectedInput] = []

    def skip(error: lark.exceptions.UnexpectedInput) -> bool:
        errors.append(error)
        return not ctx.strict  # lenient: drop the token and go on

    try:
        tree = _parser().parse(segmented.text, on_error=skip)
    except lark.exceptions.UnexpectedInput as exc:
        raise _grammar_error(ctx, segmented, exc) from None
    except lark.exceptions.VisitError as exc:  # a bug in the transformer, not bad input
        raise exc.orig_exc from None
    for error in errors:
        problem = _grammar_error(ctx, segmented, error)
        ctx.problem(problem, "unexpected-text", ctx.span(*segmented.to_parent(error.pos_in_stream or 0,
                                                                               error.pos_in_stream or 0)))
    if not isinstance(tree, Node):
        raise UnrecognizedLayout("the letter could not be read", source=ctx.source)
    return tree


def _grammar_error(ctx: ParseContext, segmented: MappedText,
                   exc: lark.exceptions.UnexpectedInput) -> ImrParseError:
    pos = segmented.to_source(exc.pos_in_stream or 0, exc.pos_in_stream or 0)[0]
    expected = sorted(getattr(exc, "expected", None) or getattr(exc, "allowed", None) or ())
    wanted = [_DESCRIBE.get(name, name) for name in expected if name != "PARA"]
    described = " or ".join(wanted) or None
    found = getattr(exc, "token", None)
    what = f"unexpected {_DESCRIBE.get(found.type, found.type)}" if isinstance(found, lark.Token) else "unexpected text"
    kind: type[ImrParseError] = UnrecognizedLayout
    if any(n in expected for n in ("HOW_HEADING", "SUMMARY_HEADING", "ISSUES_HEADING")):
        kind = MissingSection
    elif any(n in expected for n in _LABELS + ("ITEM_HEAD",)):
        kind = MalformedItem
    return kind(what, expected=described, source=ctx.source, text=ctx.input_text, pos=pos)


# ---------------------------------------------------------------------------------------
# 3. Building the Determination
# ---------------------------------------------------------------------------------------

_CASE_NUMBER_RE = re.compile(CASE_NUMBER_PATTERN)
_PRIORITY_RE = re.compile(r"\b(Standard|Expedited|Regular|Urgent)\b", re.IGNORECASE)
_HEAD_RE = re.compile(r"^(?P<body>.*?)\s*:\s*(?P<decision>" + _DECISION_WORDS + r")\s*$", re.DOTALL)
_PARTIAL_RE = re.compile(
    r"^(?P<original>.+?)\s+was\s+the\s+original\s+request\s*[.;,]?\s*"
    r"(?:(?P<authorized>.+?)\s+was\s+(?:authorized|certified|approved|modified)\b[^.]*?\.\s*"
    r"|The\s+Claims\s+Administrator\s+(?:authorized|certified|approved)\s+(?P<authorized2>.+?)\.\s*)?"
    r"(?:The\s+)?remaining\s+(?:IMR\s+)?eligible\s+portion\s+of\s+the\s+original\s+request\s*,?\s*"
    r"(?:is\s+)?(?P<request>.+?)(?:\s*,)?(?:\s+is)?$",
    re.IGNORECASE | re.DOTALL,
)
_DATE_FIELDS = ("date_assigned", "date_of_injury", "decision_date", "ur_denial_date",
                "application_received")


class _Builder:
    def __init__(self, ctx: ParseContext, segmented: MappedText) -> None:
        self.ctx = ctx
        self.segmented = segmented

    def span_of(self, start: int, end: int) -> tuple[int, int]:
        """Segmented offsets to normalised offsets."""
        return self.segmented.to_parent(start, end)

    def field(self, start: int, end: int) -> Field:
        return self.ctx.field(*self.span_of(start, end))

    def input_span(self, start: int, end: int) -> Span:
        return self.ctx.span(*self.span_of(start, end))

    def missing(self, error_type: type[ImrParseError], what: str, code: str, pos: int,
                expected: str | None = None) -> None:
        norm = self.span_of(pos, pos)[0]
        source_pos = self.ctx.span(norm, norm).start
        self.ctx.problem(error_type(what, expected=expected, source=self.ctx.source,
                                    text=self.ctx.input_text, pos=source_pos), code,
                         self.ctx.span(norm, norm))

    def build(self, tree: Node) -> Determination:
        sections = {part.kind: part for part in tree.parts}
        front = sections.get("front")
        case = self.case(front) if front is not None and front.parts else None
        how = sections.get("how")
        if how is None:
            self.missing(MissingSection, "no reviewer section", "missing-reviewer", tree.start,
                         _DESCRIBE["HOW_HEADING"])
        summary_node = sections.get("summary")
        issues = sections.get("issues")
        if summary_node is None:
            # Say where it was expected: just before the issues, when they are there.
            self.missing(MissingSection, "no case summary", "missing-summary",
                         issues.start if issues is not None else tree.end, _DESCRIBE["SUMMARY_HEADING"])
        if issues is None or not issues.parts:
            pos = issues.end if issues is not None else tree.end
            self.missing(MissingSection, "no disputed items", "missing-items", pos,
                         _DESCRIBE["ITEM_HEAD"])
        items = [self.item(node) for node in (issues.parts if issues is not None else [])
                 if node.kind == "item"]
        if issues is not None and issues.paras:
            self.ctx.warn("unexpected-text", "text between the issues heading and the first item",
                          self.input_span(*issues.content() or (issues.start, issues.start)))
        return Determination(
            layout=NAME,
            case=case,
            reviewer=self.reviewer(how) if how is not None else Reviewer(),
            summary=self.summary(summary_node) if summary_node is not None else Summary(),
            items=tuple(item for item in items if item is not None),
            source=self.ctx.source,
        )

    # -- header --------------------------------------------------------------------

    def case(self, front: Node) -> Case:
        values: dict[str, Any] = {}
        spans: dict[str, Span] = {}
        for node in front.parts:
            name = node.kind
            if name in values:
                self.ctx.warn("duplicate-header-field", f"{name} appears twice; the first is kept",
                              self.input_span(node.start, node.end))
                continue
            if not node.paras:
                continue
            first = node.paras[0]
            field = self.field(first.start_pos or 0, first.end_pos or 0)
            value, (start, end) = self.header_value(name, field.text)
            if value is None:
                self.missing(InvalidValue, f"{name.replace('_', ' ')} {field.text!r} is not valid",
                             "invalid-header-value", first.start_pos or 0, _HEADER_EXPECTED[name])
                continue
            values[name] = value
            spans[name] = field.span(start, end)
        return Case(**values, spans=spans)

    def header_value(self, name: str, text: str) -> tuple[Any, tuple[int, int]]:
        if name == "case_number":
            m = _CASE_NUMBER_RE.search(text)
            return (m.group(), m.span()) if m else (None, (0, 0))
        if name == "priority":
            m = _PRIORITY_RE.search(text)
            return (m.group(1).capitalize(), m.span(1)) if m else (None, (0, 0))
        for value, start, end in find_dates(text):
            return value, (start, end)
        return None, (0, 0)

    # -- reviewer and summary --------------------------------------------------------------

    def reviewer(self, how: Node) -> Reviewer:
        start = how.marker.end_pos if how.marker is not None and how.marker.end_pos else how.start
        field = self.field(start, how.end)
        return attrs.evolve(self.ctx.read_reviewer(field), span=field.span())

    def summary(self, node: Node) -> Summary:
        intro = next((p for p in node.parts if p.kind == "summary_intro"), None)
        content = node.content()
        if content is None:
            self.missing(MissingSection, "the case summary is empty", "empty-summary", node.end,
                         "the summary's text")
            return self.ctx.read_summary(self.field(node.end, node.end))
        start = content[0]
        if intro is None and node.marker is not None:
            start = node.marker.end_pos or start
        return self.ctx.read_summary(self.field(start, content[1]))

    # -- items -------------------------------------------------------------------------

    def item(self, node: Node) -> Item | None:
        head = node.marker
        assert head is not None and head.start_pos is not None and head.end_pos is not None
        headline = self.field(head.start_pos, head.end_pos)
        m = _HEAD_RE.match(headline.text)
        if m is None:  # the grammar's ITEM_HEAD guarantees the shape; keep it safe anyway
            self.missing(MalformedItem, "item headline without a decision", "malformed-item",
                         head.start_pos, "<request>: Upheld|Overturned")
            return None
        decision = Decision(m.group("decision").lower())
        body_start, body_end = m.span("body")
        spans: dict[str, Span] = {}
        original = authorized = None
        request_span = (body_start, body_end)
        partial = _PARTIAL_RE.match(headline.text, body_start, body_end)
        if partial is not None:
            original = partial.group("original")
            spans["original_request"] = headline.span(*partial.span("original"))
            auth_group = "authorized" if partial.group("authorized") else "authorized2"
            if partial.group(auth_group):
                authorized = partial.group(auth_group)
                spans["authorized"] = headline.span(*partial.span(auth_group))
            request_span = partial.span("request")
        elif _REMAINING_RE.search(headline.text, body_start, body_end):
            self.ctx.warn("unparsed-partial-authorization",
                          "a partly authorised item whose preamble was not understood; "
                          "request holds the whole headline", headline.span(body_start, body_end))
        request = headline.text[request_span[0]:request_span[1]]
        spans["request"] = headline.span(*request_span)
        spans["decision"] = headline.span(*m.span("decision"))

        parts: dict[str, Node] = {}
        for part in node.parts:
            if part.kind in parts:
                # Two of one part: the next item's headline was not recognised (damaged
                # or missing), so an item would be lost without a word in strict mode.
                span = self.input_span(part.start, part.end)
                self.ctx.problem(MalformedItem(
                    f"item {request[:60]!r} has a second {part.kind.replace('_', ' ')}; the first is kept",
                    expected="the next item's headline (\"<request>: Upheld\" or \"<request>: Overturned\") "
                             f"before {_DESCRIBE[_PART_TERMINAL[part.kind]]}",
                    source=self.ctx.source, text=self.ctx.input_text, pos=span.start),
                    "duplicate-item-part", span)
                continue
            parts[part.kind] = part
        order = (("claims_administrator_guideline", "missing-claims-administrator-guideline"),
                 ("reviewer_guideline", "missing-reviewer-guideline"),
                 ("rationale", "missing-rationale"))
        for i, (kind, code) in enumerate(order):
            if kind not in parts:
                # Where it was expected: before the next part the item has.
                at = next((parts[later].start for later, _ in order[i + 1:] if later in parts), node.end)
                self.missing(MalformedItem, f"item {request[:60]!r} has no {kind.replace('_', ' ')}",
                             code, at, _DESCRIBE[_PART_TERMINAL[kind]])

        def content(kind: str) -> Field | None:
            part = parts.get(kind)
            if part is None or not part.paras:
                return None
            start, end = part.content() or (part.end, part.end)
            return self.field(start, end)

        ca = content("claims_administrator_guideline")
        rv = content("reviewer_guideline")
        rationale = content("rationale")
        if rationale is not None:
            spans["rationale"] = rationale.span()

        return Item(
            request=request,
            decision=decision,
            original_request=original,
            authorized=authorized,
            claims_administrator_guideline=self.ctx.read_basis(ca, "claims_administrator") if ca else Basis(),
            reviewer_guideline=self.ctx.read_basis(rv, "reviewer") if rv else Basis(),
            rationale=rationale.text if rationale is not None else "",
            rationale_citations=self.ctx.read_rationale_citations(rationale) if rationale else (),
            service=self.ctx.read_service(_subfield(headline, *request_span)),
            span=self.input_span(node.start, node.end),
            spans=spans,
        )


_PART_TERMINAL = {"claims_administrator_guideline": "CA_GUIDELINE",
                  "reviewer_guideline": "REVIEWER_GUIDELINE", "rationale": "RATIONALE"}
_HEADER_EXPECTED = {
    "case_number": "a case number like CM16-0213037",
    "priority": "Standard or Expedited",
    **{name: "a date like 11/09/2016" for name in _DATE_FIELDS},
}


def _subfield(field: Field, start: int, end: int) -> Field:
    piece = field.mapped.slice(start, end)
    return Field(piece.text, piece)


# ---------------------------------------------------------------------------------------
# The layout, as a plugin
# ---------------------------------------------------------------------------------------

# The landmarks that make a letter this layout's: its headings and item labels.
_LANDMARKS = frozenset({"HOW_HEADING", "SUMMARY_HEADING", "ISSUES_HEADING", *_LABELS})


def recognize(text: str) -> float:
    """Share of this layout's landmarks (grammar terminals) present in ``text``, 0 to 1."""
    found = {name for _, _, name in _segmenter().markers(text)} & _LANDMARKS
    return len(found) / len(_LANDMARKS)


def parse(ctx: ParseContext) -> Determination:
    segmented = _segmenter().segment(ctx.mapped)
    tree = _parse_tree(ctx, segmented)
    return _Builder(ctx, segmented).build(tree)


LAYOUT = Layout(
    name=NAME,
    recognize=recognize,
    parse=parse,
    description="IMR final determination letters, late 2013 on (both reviewer styles, "
                "with or without the published header)",
)


@hookimpl
def imrparse_layouts() -> list[Layout]:
    return [LAYOUT]
