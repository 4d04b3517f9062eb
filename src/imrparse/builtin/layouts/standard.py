"""The "standard" layout: IMR final determination letters from late 2013 on.

Three steps, each with one job (the generic parts live in :mod:`imrparse.layout.kit`):

1. **Segment**: put every marker of the grammar (headings, header labels, credential
   labels, the three labelled lines of an item) at the start of a paragraph of its own,
   and make each item's headline one line. This is what lets the grammar work on
   paragraph tokens whatever PDF extraction, page breaks or rewrapping did to the line
   breaks. The marker patterns come from the grammar's own terminals, so the grammar
   stays the single description of the letter; finding where a headline starts (after
   the previous rationale's last sentence) is this module's job.
2. **Parse** with the Lark grammar ``grammars/imr_letter.lark`` (LALR, contextual
   lexer) and a thin transformer that keeps each section's marker and paragraphs.
3. **Build** the Determination: header values here; reviewer, summary, guideline
   lines, citations and services through the field hooks of the context.
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import Any

import attrs
import lark

from ...layout.grammar import build_parser
from ...layout.kit import (
    Builder,
    Marker,
    MarkerScanner,
    SEGMENT_MARK,
    Node,
    ToNodes,
    grammar_error,
    last_sentence_end,
    list_number,
    marker_patterns,
    parse_tree,
    segment,
    subfield,
)
from ...layout.header import header_expected, read_header_value
from ...layout.partial import preamble_start, read_partial
from ...text.textmap import MappedText
from ...text.reflow import Field
from ...layout.context import ParseContext
from ...errors import ImrParseError, InvalidValue, MalformedItem, MissingSection
from ...models import Case, Decision, Determination, Item, Reviewer, Span, Summary
from ...plugin.api import Layout, hookimpl

NAME = "standard"
GRAMMAR = "imr_letter.lark"

# Terminals the marker scan leaves out: paragraphs, and headlines (found by the
# segmenter from their decisions).
_CONTENT_TERMINALS = {"PARA", "ITEM_HEAD"}
_LABELS = ("CA_GUIDELINE", "REVIEWER_GUIDELINE", "RATIONALE")
# The header block's labels (the grammar's header_field rule).
_HEADER_TERMINALS = frozenset({"CASE_NUMBER", "DATE_ASSIGNED", "DATE_OF_INJURY", "DECISION_DATE",
                               "UR_DENIAL_DATE", "PRIORITY", "APPLICATION_RECEIVED"})

# What each terminal is, for error messages (a test checks every terminal is here).
_DESCRIBE = {
    "CASE_NUMBER": 'a "Case Number:" label',
    "DATE_ASSIGNED": 'a "Date Assigned:" label',
    "DATE_OF_INJURY": 'a "Date of Injury:" label',
    "DECISION_DATE": 'a "Decision Date:" label',
    "UR_DENIAL_DATE": 'a "UR Denial Date:" label',
    "PRIORITY": 'a "Priority:" label',
    "APPLICATION_RECEIVED": 'an "Application Received:" label',
    "HOW_HEADING": 'the heading "HOW THE IMR FINAL DETERMINATION WAS MADE"',
    "CREDENTIALS": 'the line "The Expert Reviewer has the following credentials:"',
    "LICENSURE": 'a "State(s) of Licensure:" line',
    "CERTIFICATION": 'a "Certification(s)/Specialty:" line',
    "DOCUMENTS_HEADING": 'the heading "DOCUMENTS REVIEWED"',
    "SUMMARY_HEADING": 'the heading "CLINICAL CASE SUMMARY"',
    "SUMMARY_INTRO": 'the sentence "The expert reviewer developed the following clinical case summary ..."',
    "ISSUES_HEADING": 'the heading "IMR ISSUES, DECISIONS AND RATIONALES"',
    "ISSUES_INTRO": 'the sentence "The Final Determination was based on decisions ..."',
    "ITEM_HEAD": 'a disputed item ("<request>: Upheld", "<request>: Overturned" or "<request> is (not) medically necessary")',
    "CA_GUIDELINE": 'a "Claims Administrator guideline:" line',
    "REVIEWER_GUIDELINE": 'a "MAXIMUS guideline:" line',
    "RATIONALE": 'a "Decision rationale:" line',
    "PARA": "text",
    "$END": "the end of the letter",
}

# ---------------------------------------------------------------------------------------
# 1. Segmentation
# ---------------------------------------------------------------------------------------

# A rationale whose last sentence lacks its period still ends on words like these.
_RATIONALE_END_RE = re.compile(
    r"(?:necessary|appropriate|indicated|recommended|supported|established|warranted"
    r"|certified|approved|denied|upheld|overturned)[ ]*\n", re.IGNORECASE)
_DECISION_WORDS = r"(?:Upheld|Overturned|UPHELD|OVERTURNED|upheld|overturned)"
# The other headline form, the statute's words: "<request> is not medically necessary and
# appropriate" (the denial upheld) or "... is medically necessary and appropriate"
# (overturned). Letters that number their items ("1. ...") use it too.
_NECESSITY_WORDS = (r"(?:is|are|was|were)[ \n]+(?P<negation>not[ \n]+)?medically[ \n]+necessary"
                    r"(?:[ \n]+and[ \n]+appropriate)?")
# How a rationale's last sentence opens ("Therefore, the request ...", "The request for
# ... is not medically necessary."): no headline in the statute's words opens so.
_CONCLUSION_RE = re.compile(
    r"(?:therefore|thus|hence|as\s+such|accordingly|consequently|in\s+(?:conclusion|summary)"
    r"|(?:the|this)\s+requests?)\b", re.IGNORECASE)
# A list number just before a headline ("1.", "2)", "(3)"), where a list number stands: at
# a line's start, or after a sentence or the introduction's colon when a rewrap joined the
# lines ("... set forth below: 1. MRI ..."); not after a word ("... page 12. MRI ...").
_LIST_NUMBER_BEFORE_RE = re.compile(r"(?:^|(?<=\n)|(?<=[.:;!?)][ ]))[ ]*(?:\(\d{1,3}\)|\d{1,3}[.)])[ \n]*\Z")


class Segmenter:
    """Rewrites normalised letter text so that the grammar's paragraph tokens line up."""

    def __init__(self, terminal_patterns: dict[str, str]) -> None:
        self.scanner = MarkerScanner(terminal_patterns)
        labels = "|".join(f"(?:{terminal_patterns[n]})" for n in _LABELS)
        # A decision: the colon and Upheld/Overturned (a period allowed), followed only by white space and
        # an item's labelled line (or the end of the letter). Any white space may stand
        # between the colon and the decision: a wrap, or a blank line where the letter
        # is double-spaced or a page break fell.
        # The statute's words end a headline only before an item's labelled line: at the
        # end of the letter they are a rationale's last sentence ("The request is not
        # medically necessary.").
        self.decision_re = re.compile(
            r"(?::[ \n]*" + _DECISION_WORDS + r"\b\.?(?=[ \n]*(?:" + labels + r")|[ \n]*\Z)"
            # (tried only where a run of white space begins: linear on long blank runs)
            r"|(?<![ \n])[ \n]+" + _NECESSITY_WORDS.replace("?P<negation>", "?:")
            + r"\b\.?(?=[ \n]*(?:" + labels + r")))")

    def markers(self, s: str) -> list[Marker]:
        return self.scanner.markers(s)

    def segment(self, text: MappedText) -> MappedText:
        s = text.text
        markers = _front_only_header_labels(self.markers(s))
        heads, statute = self._item_heads(s, markers)
        return segment(text, [m.start for m in markers] + [start for start, _ in heads], one_line=heads,
                       marked=statute)

    def _item_heads(self, s: str, markers: list[Marker]) -> tuple[list[tuple[int, int]], set[int]]:
        """``(start, end)`` of every item headline, from its request to its decision, and
        the starts of those in the statute's words (which the grammar knows by the
        segmenter's mark: only here is it known that they stand where a headline does)."""
        opener = next((m for m in markers if m.name == "ISSUES_HEADING"), None)
        if opener is None:
            return [], set()
        marker_ends = [m.end for m in markers]
        heads: list[tuple[int, int]] = []
        previous_end = opener.end
        decisions = list(self.decision_re.finditer(s, opener.end))
        if any(d.group().startswith(":") for d in decisions):
            # A letter writes its headlines one way: where they end in ": Upheld", the
            # statute's words are a rationale's conclusion (before a lost headline).
            decisions = [d for d in decisions if d.group().startswith(":")]
        statute: set[int] = set()
        for d in decisions:
            colon = d.start()
            i = bisect.bisect_right(marker_ends, colon) - 1
            lower = max(previous_end, markers[i].end if i >= 0 else opener.end)
            start = self._headline_start(s, lower, colon)
            if not d.group().startswith(":"):
                if _CONCLUSION_RE.match(s, start):
                    continue  # a rationale's conclusion, before a lost headline
                statute.add(start)
            heads.append((start, d.end()))
            previous_end = d.end()
        return heads, statute

    def _headline_start(self, s: str, lower: int, colon: int) -> int:
        """Where the headline that ends at ``colon`` begins, searching back to ``lower``
        (the end of the last marker or headline before it).

        The headline starts after the last sentence before it: the previous item's
        rationale, or anything else that stands between the issues' introduction and the
        first item (kept as stray text, with a warning). A partly authorised item's
        headline takes in its "... was the original request. ... was authorized ..."
        preamble (:func:`imrparse.layout.partial.preamble_start`), so the rationale before
        it ends where the preamble begins.
        """
        start = lower
        last = last_sentence_end(s[lower:colon])
        if last is not None:
            start = lower + last
        breaks = [m.end() for m in _RATIONALE_END_RE.finditer(s, start, colon)]
        if breaks:
            start = breaks[-1]
        start = preamble_start(s, lower, start, colon, _RATIONALE_END_RE)
        while start < colon and s[start] in " \n":
            start += 1
        # A numbered item's "1." ends no sentence: it starts the headline.
        number = _LIST_NUMBER_BEFORE_RE.search(s, lower, start)
        if number is not None:
            start = number.start()
            while s[start] in " \n":
                start += 1
        return start


def _front_only_header_labels(markers: list[Marker]) -> list[Marker]:
    """The markers, less header labels ("Priority:", "Date of Injury:", "Case Number:")
    after the first section heading: there they are words of the text (a summary that
    quotes a date of injury, a running header rewrapped into a line), not the header."""
    for i, marker in enumerate(markers):
        if marker.name not in _HEADER_TERMINALS:
            return markers[:i] + [m for m in markers[i:] if m.name not in _HEADER_TERMINALS]
    return markers


# ---------------------------------------------------------------------------------------
# 2. Parsing
# ---------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _parser() -> lark.Lark:
    # ITEM_HEAD is found by the segmenter, not scanned for, but in the tree it is an
    # item's marker: only PARA is content there.
    return build_parser(GRAMMAR, transformer=ToNodes(("PARA",)))


@functools.lru_cache(maxsize=1)
def _segmenter() -> Segmenter:
    return Segmenter(marker_patterns(_parser(), _CONTENT_TERMINALS))


def _describe_error(ctx: ParseContext, segmented: MappedText,
                    exc: lark.exceptions.UnexpectedInput) -> ImrParseError:
    return grammar_error(ctx, segmented, exc, describe=_DESCRIBE, kinds=(
        (MissingSection, ("HOW_HEADING", "SUMMARY_HEADING", "ISSUES_HEADING")),
        (MalformedItem, _LABELS + ("ITEM_HEAD",)),
    ))


# ---------------------------------------------------------------------------------------
# 3. Building the Determination
# ---------------------------------------------------------------------------------------

_HEAD_RE = re.compile(r"^(?P<body>.*?)(?:\s*:\s*(?P<decision>" + _DECISION_WORDS + r")|\s+(?P<necessity>"
                      + _NECESSITY_WORDS + r"))\.?\s*$", re.DOTALL)


class _Builder(Builder):
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
        item_nodes = issues.find("item") if issues is not None else []
        if not item_nodes:
            pos = issues.end if issues is not None else tree.end
            self.missing(MissingSection, "no disputed items", "missing-items", pos,
                         _DESCRIBE["ITEM_HEAD"])
        items = [self.item(node) for node in item_nodes]
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
            value, (start, end) = read_header_value(name, field.text)
            if value is None:
                self.missing(InvalidValue, f"{name.replace('_', ' ')} {field.text!r} is not valid",
                             "invalid-header-value", first.start_pos or 0, header_expected(name))
                continue
            values[name] = value
            spans[name] = field.span(start, end)
        return Case(**values, spans=spans)

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
        start = head.start_pos + (self.segmented.text.startswith(SEGMENT_MARK, head.start_pos))
        headline = self.field(start, head.end_pos)
        m = _HEAD_RE.match(headline.text)
        if m is None:  # the grammar's ITEM_HEAD guarantees the shape; keep it safe anyway
            self.missing(MalformedItem, "item headline without a decision", "malformed-item",
                         head.start_pos, "<request>: Upheld|Overturned")
            return None
        if m.group("decision") is not None:
            decision, decision_group = Decision(m.group("decision").lower()), "decision"
        else:  # "is not medically necessary": the denial upheld
            decision = Decision.UPHELD if m.group("negation") else Decision.OVERTURNED
            decision_group = "necessity"
        body_start, body_end = m.span("body")
        body_start += list_number(headline.text[body_start:body_end])[1]
        spans: dict[str, Span] = {}
        original = authorized = None
        request_span = (body_start, body_end)
        partial = read_partial(headline.text, body_start, body_end)
        if partial is not None:
            request_span = partial.request
            if partial.original is not None:
                original = headline.text[slice(*partial.original)]
                spans["original_request"] = headline.span(*partial.original)
            if partial.authorized is not None:
                authorized = headline.text[slice(*partial.authorized)]
                spans["authorized"] = headline.span(*partial.authorized)
            if not partial.understood:
                self.ctx.warn("unparsed-partial-authorization",
                              "a partly authorised item whose preamble was not fully understood; "
                              "request, original_request and authorized may be wrong",
                              headline.span(body_start, body_end))
        request = headline.text[request_span[0]:request_span[1]]
        spans["request"] = headline.span(*request_span)
        spans["decision"] = headline.span(*m.span(decision_group))

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
            **self.item_parts(ca, rv, rationale),
            service=self.ctx.read_service(subfield(headline, *request_span)),
            span=self.input_span(node.start, node.end),
            spans=spans,
        )


_PART_TERMINAL = {"claims_administrator_guideline": "CA_GUIDELINE",
                  "reviewer_guideline": "REVIEWER_GUIDELINE", "rationale": "RATIONALE"}


# ---------------------------------------------------------------------------------------
# The layout, as a plugin
# ---------------------------------------------------------------------------------------

# The landmarks that make a letter this layout's: its headings and item labels.
_LANDMARKS = frozenset({"HOW_HEADING", "SUMMARY_HEADING", "ISSUES_HEADING", *_LABELS})


def recognize(text: str) -> float:
    """Share of this layout's landmarks (grammar terminals) present in ``text``, 0 to 1."""
    found = {m.name for m in _segmenter().markers(text)} & _LANDMARKS
    return len(found) / len(_LANDMARKS)


def parse(ctx: ParseContext) -> Determination:
    segmented = _segmenter().segment(ctx.mapped)
    tree = parse_tree(_parser(), ctx, segmented,
                      functools.partial(_describe_error, ctx, segmented))
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
