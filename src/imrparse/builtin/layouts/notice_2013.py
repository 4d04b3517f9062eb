"""The "notice-2013" layout: the first IMR letters, July to about November 2013.

**What it rests on.** No 2013 letter is in the test corpus. The layout was written from
partial public quotes of one letter of September 2013, which show its cover (the notice
heading, "Dated:", the decision list), the decision section's heading, its paragraph of
dates and its numbered decisions ("MAXIMUS Federal Services, Inc. has determined the
request for X is (not) medically necessary and appropriate"), "Medical Qualifications of
the Expert Reviewer:", "Case Summary:" and its "Disclaimer:". The rest (the header
labels but "Dated:", "Final Determination:", "Documents Reviewed for Determination:",
the "Regarding the request for X:" item sections with their guideline and rationale
labels) appears in no public source: it is what such letters plausibly hold. So every
letter it reads carries an ``unverified-layout`` warning, and a letter is never failed
(strict mode) for lacking the unconfirmed parts or for their arrangement: those are
warnings (:data:`UNVERIFIED_CODES`); what the quotes show is required as usual.

MAXIMUS Federal Services' first letters open with a cover letter ("Notice of
Independent Medical Review Determination", a header with "Dated:", "Date of UR
Decision:", "MAXIMUS Case Number:" ..., "Final Determination: UPHOLD"), then give
the decision twice over: a numbered list under "INDEPENDENT MEDICAL REVIEW DECISION
AND RATIONALE" ("1) MAXIMUS Federal Services, Inc. has determined the request for X
is not medically necessary and appropriate."), and, after the reviewer's
qualifications, the case summary and the documents reviewed, one section per item
("1) Regarding the request for X:") with the two guideline paragraphs and the
rationale. The grammar is ``grammars/imr_letter_2013.lark``; the machinery
(scanning, segmenting, parsing, error mapping) is :mod:`imrparse.layout.kit`.

How the letter maps onto the Determination (docs/layouts.md has the full table):

* ``case``: "Dated:" is the decision date, "Date of UR Decision:" the UR denial date,
  "IMR Application Received:" the application date, "MAXIMUS Case Number:" or "IMR
  Case Number:" the case number; the decision section's first paragraph gives the
  date of assignment ("A Notice of Assignment ... was provided ... on") and, when
  the header lacks them, the application ("filed on") and UR ("Utilization Review
  Denial dated") dates. ``priority`` only when a "Priority:" label says so.
* ``items``: the decision list and the detailed sections are paired by their list
  numbers when both are numbered, else in order (requests that read alike paired
  first). ``request`` comes from the detailed section's headline (the decision list's
  when the section is missing), without a leading "a"/"an"; ``decision`` from the
  decision list: "is not medically necessary and appropriate" is upheld, "is
  medically necessary and appropriate" overturned. Necessary "in part" (or "as
  modified") counts as overturned, the UR denial not standing in full, with a
  ``partial-decision`` warning. Without a decision line the rationale's closing
  sentence decides (lenient mode), else a uniform "Final Determination:".
* ``summary``: the case summary without its "Disclaimer: ..." sentence (and the
  quotes around a summary quoted from the UR); when the summary names no UR date,
  the disclaimer's date is the ``ur_decision_date``.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from typing import Any, NamedTuple

import attrs
import lark

from ...text.dates import find_dates
from ...layout.grammar import build_parser
from ...layout.kit import (
    Builder,
    Marker,
    MarkerScanner,
    Node,
    ToNodes,
    grammar_error,
    list_number,
    marker_patterns,
    parse_tree,
    segment,
    subfield,
)
from ...layout.header import header_expected, read_header_value
from ...text.reflow import Field
from ...layout.context import ParseContext
from ...errors import ImrParseError, InvalidValue, MalformedItem, MissingSection
from ...models import (
    Case,
    Decision,
    Determination,
    Item,
    OverallDecision,
    Reviewer,
    Span,
    Summary,
)
from ...plugin.api import Layout, hookimpl

NAME = "notice-2013"
GRAMMAR = "imr_letter_2013.lark"

#: Problems that rest only on the parts no public source shows (the item sections and
#: their labels; ``unexpected-text`` for a label outside any item, not for a grammar
#: error): warnings in strict mode too, never errors.
UNVERIFIED_CODES = frozenset({"missing-item-detail", "missing-claims-administrator-guideline",
                              "missing-reviewer-guideline", "missing-rationale", "duplicate-item-part",
                              "unexpected-text"})
UNVERIFIED_WARNING = (
    "the notice-2013 layout was written from partial public quotes of one 2013 letter: the decision "
    "list, the reviewer's qualifications and the case summary are as those quotes show, the header "
    "labels and the item sections (guidelines, rationale) are not confirmed by any public letter; "
    "check what it read")

_CONTENT_TERMINALS = ("PARA",)
# A marker that opens with a list number ("1)", "(2)") must not be glued to a word or a
# number before it: "... dated 9/23/2013. MAXIMUS ..." is not item 13.
_GUARD = r"(?:(?<![\w/.,()-])|(?![\d(]))"

# The landmarks that make a letter this layout's, each a set of terminals any of which counts.
_LANDMARKS = (
    {"NOTICE_HEADING"},
    {"DECISION_HEADING"},
    {"DECISION_LINE"},
    {"ITEM_HEAD"},
    {"CA_GUIDELINE", "REVIEWER_GUIDELINE", "GUIDELINE"},
    {"RATIONALE"},
    {"QUALIFICATIONS"},
    {"SUMMARY_HEADING", "DISCLAIMER"},
)
_LABELS = ("CA_GUIDELINE", "REVIEWER_GUIDELINE", "GUIDELINE", "RATIONALE")

# What each terminal is, for error messages.
_DESCRIBE = {
    "NOTICE_HEADING": 'the heading "Notice of Independent Medical Review Determination"',
    "DECISION_HEADING": 'the heading "INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE"',
    "DECISION_LINE": 'a decision ("MAXIMUS Federal Services, Inc. has determined the request for ... '
                     'is (not) medically necessary and appropriate")',
    "QUALIFICATIONS": 'the heading "Medical Qualifications of the Expert Reviewer:"',
    "SUMMARY_HEADING": 'the heading "Expert Reviewer Case Summary:"',
    "DISCLAIMER": 'a "Disclaimer:" before the case summary',
    "DOCUMENTS_HEADING": 'the heading "Documents Reviewed for Determination:"',
    "ITEM_HEAD": 'a disputed item ("Regarding the request for ...:")',
    "CA_GUIDELINE": 'a "Medical Treatment Guideline(s) Used by the Claims Administrator:" label',
    "REVIEWER_GUIDELINE": 'a "Medical Treatment Guideline(s) Used by the Expert Reviewer:" label',
    "GUIDELINE": 'a "Section of the Medical Treatment Utilization Schedule (MTUS) Applied:" label',
    "RATIONALE": 'a "Rationale for the Decision:" label',
    "PARA": "text",
    "$END": "the end of the letter",
}
_ERROR_KINDS: tuple[tuple[type[ImrParseError], tuple[str, ...]], ...] = (
    (MissingSection, ("DECISION_HEADING", "QUALIFICATIONS", "SUMMARY_HEADING")),
    (MalformedItem, ("ITEM_HEAD", "DECISION_LINE") + _LABELS),
)

# ---------------------------------------------------------------------------------------
# Recognising and parsing
# ---------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _parser() -> lark.Lark:
    return build_parser(GRAMMAR, transformer=ToNodes(_CONTENT_TERMINALS))


@functools.lru_cache(maxsize=1)
def _scanner() -> MarkerScanner:
    return MarkerScanner(marker_patterns(_parser(), _CONTENT_TERMINALS), guard=_GUARD)


def recognize(text: str) -> float:
    """Share of this layout's landmarks present in ``text``, 0 to 1 (0 on the later letters)."""
    if not _CUES_RE.search(text):
        return 0.0  # none of its strongest landmarks: skip the full scan on later letters
    return _scanner().share(text, _LANDMARKS)


# Phrases only this layout's letters use (each within one of its landmark terminals).
_CUES_RE = re.compile(
    r"Regarding\s+the\s+requests?\s+for|Rationale\s+for\s+the\s+[Dd]ecision|has\s+determined"
    r"|N(?i:otice\s+of\s+Independent)|INDEPENDENT\s+MEDICAL\s+REVIEW\s+DECISION"
    r"|Independent\s+Medical\s+Review\s+Decision|Medical\s+Qualifications")


def parse(ctx: ParseContext) -> Determination:
    ctx.warn("unverified-layout", UNVERIFIED_WARNING)
    markers = _scanner().markers(ctx.text)
    segmented = segment(ctx.mapped, [m.start for m in markers])

    def describe(exc: lark.exceptions.UnexpectedInput) -> ImrParseError:
        return grammar_error(ctx, segmented, exc, describe=_DESCRIBE, kinds=_ERROR_KINDS)

    tree = parse_tree(_parser(), ctx, segmented, describe)
    builder = _Builder(ctx, segmented)
    builder.check_stray_labels(tree, markers)
    return builder.build(tree)


# ---------------------------------------------------------------------------------------
# Reading the pieces
# ---------------------------------------------------------------------------------------

# A header value must start this close to its label, or the label has none (the text
# after the last label is the cover letter).
_VALUE_WINDOW = 40
_HEADER_FIELDS = ("case_number", "decision_date", "ur_denial_date", "date_of_injury",
                  "application_received", "priority")
# Dates the decision section's first paragraph gives, after these words.
_INTRO_DATES = (
    ("application_received", re.compile(r"\bfiled\s+on\s+", re.IGNORECASE)),
    ("ur_denial_date", re.compile(
        r"Utilization\s+Review\s+(?:Denial|Decision|Determination|Modification)(?:/\w+)?\s+dated\s+",
        re.IGNORECASE)),
    ("date_assigned", re.compile(
        r"Notice\s+of\s+Assignment\b[^.]{0,160}?\bprovided\s+to\s+the\s+(?:above\s+)?parties\s+on\s+",
        re.IGNORECASE)),
)

# ("notmedically": text extraction glues the two words, as the public quotes show.)
_NECESSARY = (r"(?:is|are|was|were)\s+(?P<phrase>(?P<pre>partially\s+|in\s+part\s+)?(?P<neg>not\s*)?"
              r"medically\s+necessary(?:\s+(?:and|or)\s+appropriate)?"
              r"(?P<post>\s+(?:in\s+part|as\s+modified|with\s+modifications?|partially))?)")
# "1) MAXIMUS Federal Services, Inc. has determined the request for X is not medically
# necessary and appropriate."
# (Also "... has determined that the requested X is ...".)
_DECISION_LINE_RE = re.compile(
    r"MAXIMUS\b.*?\bhas\s+determined\s+(?:that\s+)?(?:the\s+)?(?:requests?\s+for|requested)\s+"
    r"(?P<request>.+?)\s+" + _NECESSARY, re.IGNORECASE | re.DOTALL)
# "1) Regarding the request for X:"
_ITEM_HEAD_RE = re.compile(r"Regarding\s+the\s+requests?\s+for\s+(?P<request>.+?)\s*:\s*\Z",
                           re.IGNORECASE | re.DOTALL)
# The rationale's closing sentence: "The request for X is not medically necessary and appropriate."
_CONCLUSION_RE = re.compile(r"\b" + _NECESSARY + r"(?:\s+at\s+this\s+time)?\s*[.!]?[\"')\]]*\s*\Z",
                            re.IGNORECASE)
_ARTICLE_RE = re.compile(r"(?:an?|the\s+following)\s+(?=\S)", re.IGNORECASE)
# "Final Determination: UPHOLD" / "OVERTURN" / "OVERTURN IN PART" / "PARTIAL OVERTURN".
_FINAL_RE = re.compile(
    r"\s*(?P<pre>partial(?:ly)?\s+)?(?P<word>uphold|upheld|overturn(?:ed)?)\b(?P<post>\s+in\s+part|\s+partial(?:ly)?)?",
    re.IGNORECASE)
# The guideline paragraph's subject, for a label that does not say whose it is.
_SIDE_RE = re.compile(r"\b(?P<ca>Claims\s+Administrator)\b|\b(?P<rv>(?:Expert|Physician|IMR)\s+Reviewer)\b",
                      re.IGNORECASE)
# The disclaimer sentence ends with a period or a colon ("... dated August 30, 2013:").
_DISCLAIMER_SENTENCE_END_RE = re.compile(r"[.:!?][\"')\]]*(?=\s|\Z|[\"A-Z])")
_FOLD_RE = re.compile(r"[^a-z0-9]+")


def _fold(text: str) -> str:
    return _FOLD_RE.sub(" ", text.lower()).strip()


def _request_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The request inside ``text[start:end]``: trimmed, without a leading "a"/"an" and a
    trailing comma or period."""
    while start < end and text[start] in " \n\"'":
        start += 1
    while end > start and text[end - 1] in " \n,;.\"'":
        end -= 1
    article = _ARTICLE_RE.match(text, start, end)
    if article is not None and article.end() < end:
        start = article.end()
    return start, end


class _DecisionLine(NamedTuple):
    node: Node
    field: Field
    number: int | None
    request: tuple[int, int]  # in field.text
    decision: Decision
    partial: bool
    decision_span: tuple[int, int]  # in field.text


class _Detail(NamedTuple):
    node: Node
    headline: Field
    number: int | None
    request: tuple[int, int]  # in headline.text


class _Conclusion(NamedTuple):
    decision: Decision
    partial: bool
    span: tuple[int, int]  # in the rationale's text


def _necessary(m: re.Match[str]) -> tuple[Decision, bool]:
    partial = bool(m.group("pre") or m.group("post"))
    if partial or not m.group("neg"):
        return Decision.OVERTURNED, partial
    return Decision.UPHELD, False


# ---------------------------------------------------------------------------------------
# Building the Determination
# ---------------------------------------------------------------------------------------


class _Builder(Builder):
    def doubt(self, what: str, code: str, pos: int, expected: str | None = None) -> None:
        """Warn (in both modes) about a part that rests on labels no public letter shows
        (:data:`UNVERIFIED_CODES`), at segmented offset ``pos``."""
        assert code in UNVERIFIED_CODES, code
        self.ctx.warn(code, what + (f" (expected {expected})" if expected else ""), self.input_span(pos, pos))

    def build(self, tree: Node) -> Determination:
        front = tree.parts[0] if tree.parts and tree.parts[0].kind == "front" else Node("front", None, [], [])
        sections: dict[str, list[Node]] = {}
        for node in tree.parts[1:]:
            sections.setdefault(node.kind, []).append(node)
        for kind in ("decisions", "qualifications", "summary", "disclaimer", "documents"):
            for extra in sections.get(kind, [])[1:]:
                self.ctx.warn("unexpected-text", f"a second {kind} section; the first is used",
                              self.input_span(extra.start, extra.end))
        decisions = sections.get("decisions", [])
        return Determination(
            layout=NAME,
            case=self.case(front, decisions[0] if decisions else None),
            reviewer=self.reviewer(sections.get("qualifications", []), tree),
            summary=self.summary(sections.get("summary", []), sections.get("disclaimer", []), tree),
            items=self.items(front, decisions, sections.get("item", []), tree),
            source=self.ctx.source,
        )

    # -- header ----------------------------------------------------------------------

    def case(self, front: Node, decisions: Node | None) -> Case | None:
        values: dict[str, Any] = {}
        spans: dict[str, Span] = {}
        for node in front.parts:
            name = node.kind
            if name not in _HEADER_FIELDS:
                continue
            field = self.field(*node.body())
            value, (start, end) = read_header_value(name, field.text, _VALUE_WINDOW)
            if value is None:
                at = node.body()[0]  # the caret under the value, after the label
                while at < node.end and self.segmented.text[at] in " \n":
                    at += 1
                self.missing(InvalidValue, f"{name.replace('_', ' ')} {field.text[:40]!r} is not valid",
                             "invalid-header-value", at, header_expected(name, "CM13-0012345", "9/26/2013"))
                continue
            if name in values:
                if values[name] != value:
                    self.ctx.warn("duplicate-header-field",
                                  f"{name} is given twice ({values[name]} and {value}); the first is kept",
                                  field.span(start, end))
                continue
            values[name] = value
            spans[name] = field.span(start, end)
        if decisions is not None:
            intro = decisions.content()
            first_decision = decisions.parts[0].start if decisions.parts else None
            if intro is not None:
                end = intro[1] if first_decision is None else min(intro[1], first_decision)
                self.intro_dates(self.field(intro[0], end), values, spans)
        return Case(**values, spans=spans) if values else None

    def intro_dates(self, field: Field, values: dict[str, Any], spans: dict[str, Span]) -> None:
        """The dates of "... was filed on 9/6/2013 disputing the Utilization Review Denial
        dated 8/30/2013. A Notice of Assignment ... was provided ... on 9/23/2013."""
        for name, cue in _INTRO_DATES:
            m = cue.search(field.text)
            if m is None:
                continue
            found = next(iter(find_dates(field.text[m.end():m.end() + 40])), None)
            if found is None or found[0] is None or found[1] > 2:
                continue
            value, start, end = found[0], m.end() + found[1], m.end() + found[2]
            if name in values:
                if values[name] != value:
                    self.ctx.warn("duplicate-header-field",
                                  f"{name} is {values[name]} in the header and {value} in the decision "
                                  "section; the header's is kept", field.span(start, end))
                continue
            values[name] = value
            spans[name] = field.span(start, end)

    # -- reviewer and summary -------------------------------------------------------------

    @staticmethod
    def before(tree: Node, kinds: tuple[str, ...]) -> int:
        """Where a missing section is reported: at the first of the sections that
        usually follow it, else at the end of the letter."""
        return next((node.start for node in tree.parts[1:] if node.kind in kinds), tree.end)

    def reviewer(self, nodes: list[Node], tree: Node) -> Reviewer:
        if not nodes:
            self.missing(MissingSection, "no reviewer qualifications", "missing-reviewer",
                         self.before(tree, ("summary", "disclaimer", "documents", "item")),
                         _DESCRIBE["QUALIFICATIONS"])
            return Reviewer()
        field = self.field(*nodes[0].body())
        return attrs.evolve(self.ctx.read_reviewer(field), span=field.span())

    def summary(self, headings: list[Node], disclaimers: list[Node], tree: Node) -> Summary:
        if not headings and not disclaimers:
            self.missing(MissingSection, "no case summary", "missing-summary",
                         self.before(tree, ("documents", "item")), _DESCRIBE["SUMMARY_HEADING"])
            return Summary()
        heading = headings[0] if headings else None
        disclaimer = disclaimers[0] if disclaimers else None
        own = heading.content() if heading is not None else None  # text under the heading
        quoted: Field | None = None  # text after the disclaimer sentence
        ur_date: tuple[dt.date, Span] | None = None
        if disclaimer is not None:
            quoted, ur_date = self.after_disclaimer(disclaimer)
            if not quoted.text:
                quoted = None
        field: Field | None = None
        if own is not None and quoted is not None and disclaimer is not None:
            # Text under the heading and after a disclaimer (rare): one summary, the
            # disclaimer sentence inside it, when nothing else stands between them.
            between = self.segmented.text[own[1]:disclaimer.start]
            field = self.field(own[0], disclaimer.end) if not between.strip() else self.field(*own)
        elif quoted is not None:
            field = quoted
        elif own is not None:
            field = self.field(*own)
        if field is None or not field.text.strip():
            at = (heading or disclaimer or tree).end
            self.missing(MissingSection, "the case summary is empty", "empty-summary", at,
                         "the summary's text")
            return self.ctx.read_summary(self.field(at, at))
        summary = self.ctx.read_summary(field)
        if summary.ur_decision_date is None and ur_date is not None:
            summary = attrs.evolve(summary, ur_decision_date=ur_date[0],
                                   spans={**summary.spans, "ur_decision_date": ur_date[1]})
        return summary

    def after_disclaimer(self, node: Node) -> tuple[Field, tuple[dt.date, Span] | None]:
        """The text after the disclaimer sentence (quotes around it dropped), and the
        date the disclaimer gives for the UR decision."""
        field = self.field(*node.body())
        text = field.text
        date: tuple[dt.date, Span] | None = None
        sentence_from = 0
        for value, start, end in find_dates(text[:300]):
            if value is not None:
                date = (value, field.span(start, end))
                sentence_from = end
                break
        m = _DISCLAIMER_SENTENCE_END_RE.search(text, sentence_from)
        start = m.end() if m is not None else len(text)
        end = len(text)
        while start < end and text[start] in " \n":
            start += 1
        while end > start and text[end - 1] in " \n":
            end -= 1
        if end - start >= 2 and text[start] == '"' and text[end - 1] == '"':
            start, end = start + 1, end - 1
        return subfield(field, start, end), date

    # -- items -------------------------------------------------------------------------

    def items(self, front: Node, decision_sections: list[Node], details: list[Node],
              tree: Node) -> tuple[Item, ...]:
        cover_nodes = front.find("decision")
        listed_nodes = [d for s in decision_sections for d in s.find("decision")]
        line_nodes = sorted(cover_nodes + listed_nodes, key=lambda n: n.start)
        listed = [line for line in map(self.decision_line, listed_nodes) if line is not None]
        cover = [line for line in map(self.decision_line, cover_nodes) if line is not None]
        lines = _in_list_order(listed + self.unrepeated(cover, listed))
        heads = [self.detail(n) for n in details]
        if not line_nodes and not heads:
            self.missing(MissingSection, "no disputed items", "missing-items", tree.end,
                         f"{_DESCRIBE['DECISION_LINE']} or {_DESCRIBE['ITEM_HEAD']}")
            return ()
        if not decision_sections:
            # The decisions may still have been read (a decision line stands out without
            # its heading), but the heading's paragraph with the assignment date is lost.
            pos = line_nodes[0].start if line_nodes else heads[0].node.start
            self.missing(MissingSection, "no decision section", "missing-decisions", pos,
                         _DESCRIBE["DECISION_HEADING"])
        elif not line_nodes:
            self.missing(MissingSection, "no decision list", "missing-decisions", decision_sections[0].end,
                         _DESCRIBE["DECISION_LINE"])
        final = self.final_determination(front)
        built: list[Item] = []
        partly = False
        for line, head in _pair(lines, heads):
            found = self.item(line, head, final, report_missing=bool(line_nodes))
            if found is not None:
                built.append(found[0])
                partly = partly or found[1]
        if final is not None and built:
            overall = OverallDecision.from_decisions([i.decision for i in built])
            # An item necessary "in part" makes an "OVERTURN IN PART" of a letter.
            agree = {overall} | ({OverallDecision.PARTIALLY_OVERTURNED} if partly else set())
            if overall is not None and final[0] not in agree:
                self.ctx.warn("conflicting-decisions",
                              f"the Final Determination reads {final[0].value}, the items {overall.value}",
                              final[1])
        return tuple(built)

    def unrepeated(self, cover: list[_DecisionLine], listed: list[_DecisionLine]) -> list[_DecisionLine]:
        """The cover letter's decision lines that the decision section does not repeat
        (the public quotes show the list twice, before the section and in it). A repeat
        that disagrees is a ``conflicting-decisions`` warning; the section's line is kept."""
        by_request = {_fold(line.field.text[slice(*line.request)]): line for line in listed}
        kept = []
        for line in cover:
            request = line.field.text[slice(*line.request)]
            twin = by_request.get(_fold(request))
            if twin is None:
                kept.append(line)
            elif (twin.decision, twin.partial) != (line.decision, line.partial):
                self.ctx.warn("conflicting-decisions",
                              f"item {request[:60]!r}: the cover letter's list reads {line.decision.value}, the "
                              f"decision section's {twin.decision.value}; the decision section's is kept",
                              line.field.span(*line.decision_span))
        return kept

    def decision_line(self, node: Node) -> _DecisionLine | None:
        field = self.field(node.start, node.end)
        number, rest = list_number(field.text)
        m = _DECISION_LINE_RE.match(field.text, rest)
        if m is None:
            self.missing(MalformedItem, "a decision without a readable request and decision", "malformed-item",
                         node.start, "\"MAXIMUS ... has determined the request for <request> is (not) "
                                     "medically necessary and appropriate\"")
            return None
        decision, partial = _necessary(m)
        request = _request_bounds(field.text, *m.span("request"))
        return _DecisionLine(node, field, number, request, decision, partial, m.span("phrase"))

    def detail(self, node: Node) -> _Detail:
        assert node.marker is not None
        headline = self.field(node.marker.start_pos or 0, node.marker.end_pos or 0)
        number, rest = list_number(headline.text)
        m = _ITEM_HEAD_RE.match(headline.text, rest)
        # The grammar's ITEM_HEAD guarantees the shape; keep it safe anyway.
        request = _request_bounds(headline.text, *m.span("request")) if m else (rest, len(headline.text))
        return _Detail(node, headline, number, request)

    def final_determination(self, front: Node) -> tuple[OverallDecision, Span] | None:
        for node in front.find("final_determination"):
            field = self.field(*node.body())
            m = _FINAL_RE.match(field.text)
            if m is None:
                continue
            if m.group("pre") or m.group("post"):
                return OverallDecision.PARTIALLY_OVERTURNED, field.span(*m.span())
            word = m.group("word").lower()
            overall = OverallDecision.UPHELD if word.startswith("uph") else OverallDecision.OVERTURNED
            return overall, field.span(m.start("word"), m.end("word"))
        return None

    def item(self, line: _DecisionLine | None, head: _Detail | None,
             final: tuple[OverallDecision, Span] | None, *,
             report_missing: bool) -> tuple[Item, bool] | None:
        """The item, and whether it was found necessary only in part."""
        spans: dict[str, Span] = {}
        if head is not None:
            source, bounds, node = head.headline, head.request, head.node
        else:
            assert line is not None
            source, bounds, node = line.field, line.request, line.node
        request = source.text[bounds[0]:bounds[1]]
        spans["request"] = source.span(*bounds)
        label = request[:60]

        parts = self.parts(head, label) if head is not None else {}
        if head is None:
            self.doubt(f"item {label!r} has a decision but no \"Regarding the request for\" section",
                       "missing-item-detail", node.end, _DESCRIBE["ITEM_HEAD"])
        rationale = parts.get("rationale")
        conclusion = self.conclusion(rationale) if rationale is not None else None

        if line is not None:
            decision, partial = line.decision, line.partial
            spans["decision"] = line.field.span(*line.decision_span)
            if conclusion is not None and conclusion.decision is not decision:
                self.ctx.warn("conflicting-decisions",
                              f"item {label!r}: the decision list reads {decision.value}, the rationale's "
                              f"last sentence {conclusion.decision.value}; the decision list is kept",
                              spans["decision"])
        else:
            if report_missing:
                self.missing(MalformedItem, f"item {label!r} is not in the decision list", "missing-decision",
                             node.start, _DESCRIBE["DECISION_LINE"])
            if conclusion is not None and rationale is not None:
                decision, partial = conclusion.decision, conclusion.partial
                spans["decision"] = rationale.span(*conclusion.span)
            elif final is not None and final[0] is not OverallDecision.PARTIALLY_OVERTURNED:
                decision, partial = Decision(final[0].value), False
                spans["decision"] = final[1]
            else:
                self.missing(MalformedItem, f"item {label!r} has no readable decision", "malformed-item",
                             node.start, _DESCRIBE["DECISION_LINE"])
                return None
        if partial:
            self.ctx.warn("partial-decision",
                          f"item {label!r} was found medically necessary in part; recorded as overturned",
                          spans["decision"])

        ca = parts.get("claims_administrator_guideline")
        rv = parts.get("reviewer_guideline")
        if rationale is not None:
            spans["rationale"] = rationale.span()
        span = self.input_span(node.start, node.end)
        return Item(
            request=request,
            decision=decision,
            **self.item_parts(ca, rv, rationale),
            service=self.ctx.read_service(subfield(source, *bounds)),
            span=span,
            spans=spans,
        ), partial

    def parts(self, head: _Detail, label: str) -> dict[str, Field]:
        """The item's guideline paragraphs and rationale, each reported when missing or twice."""
        found: dict[str, Node] = {}
        sideless: list[Node] = []
        for part in head.node.parts:
            if part.kind == "guideline":
                sideless.append(part)
                continue
            self.keep_part(found, part.kind, part, label)
        for part in sideless:
            # A label that does not say whose guideline it is: the paragraph's subject
            # decides ("The Claims Administrator based its decision on ..."), else the
            # first free side, the Claims Administrator's first.
            m = _SIDE_RE.search(self.field(*part.body()).text[:120])
            if m is not None:
                kind = "claims_administrator_guideline" if m.group("ca") else "reviewer_guideline"
            elif "claims_administrator_guideline" not in found:
                kind = "claims_administrator_guideline"
            else:
                kind = "reviewer_guideline"
            self.keep_part(found, kind, part, label)
        for kind, code, terminal in (
                ("claims_administrator_guideline", "missing-claims-administrator-guideline", "CA_GUIDELINE"),
                ("reviewer_guideline", "missing-reviewer-guideline", "REVIEWER_GUIDELINE"),
                ("rationale", "missing-rationale", "RATIONALE")):
            if kind not in found:
                self.doubt(f"item {label!r} has no {kind.replace('_', ' ')}", code, head.node.end,
                           _DESCRIBE[terminal])
        fields: dict[str, Field] = {}
        for kind, part in found.items():
            field = self.field(*part.body())
            if field.text:
                fields[kind] = field
        return fields

    def keep_part(self, found: dict[str, Node], kind: str, part: Node, label: str) -> None:
        if kind in found:
            # Two of one part: the next item's headline was not recognised (damaged or
            # missing). That item still comes from the decision list (with a
            # missing-item-detail warning), so nothing is lost without a word.
            self.doubt(f"item {label!r} has a second {kind.replace('_', ' ')}; the first is kept",
                       "duplicate-item-part", part.start,
                       f"the next item's headline ({_DESCRIBE['ITEM_HEAD']})")
            return
        found[kind] = part

    def conclusion(self, rationale: Field) -> _Conclusion | None:
        """The decision the rationale's last sentence states, if it states one."""
        text = rationale.text
        m = _CONCLUSION_RE.search(text, max(0, len(text) - 400))
        if m is None:
            return None
        decision, partial = _necessary(m)
        return _Conclusion(decision, partial, m.span("phrase"))

    # -- labels outside any item ------------------------------------------------------------

    def check_stray_labels(self, tree: Node, markers: list[Marker]) -> None:
        """A guideline label or rationale label that is not inside an item (its headline
        was damaged or lost) was read as text: report it, the item is missing."""
        lexed = set()
        for node in tree.parts:
            if node.kind == "item":
                for part in node.parts:
                    if part.marker is not None and part.marker.start_pos is not None:
                        lexed.add(self.span_of(part.marker.start_pos, part.marker.start_pos)[0])
        for marker in markers:
            if marker.name in _LABELS and marker.start not in lexed:
                self.ctx.warn("unexpected-text", f"{_DESCRIBE[marker.name]} outside any item (expected "
                              f"{_DESCRIBE['ITEM_HEAD']} before it)", self.ctx.span(marker.start, marker.end))
                return


def _in_list_order(lines: list[_DecisionLine]) -> list[_DecisionLine]:
    """Decision lines by their list numbers when each has its own, else in letter order
    (the cover's and the decision section's lists merged)."""
    numbers = [line.number for line in lines]
    if None not in numbers and len(set(numbers)) == len(numbers):
        return sorted(lines, key=lambda line: line.number or 0)
    return sorted(lines, key=lambda line: line.node.start)


# Above this many decision lines or item sections, unnumbered items are paired in order.
_MATCH_AT_MOST = 200


def _pair(lines: list[_DecisionLine], heads: list[_Detail]) -> list[tuple[_DecisionLine | None, _Detail | None]]:
    """Decision lines and detailed sections, paired.

    By list number when every line and section is numbered (numbers unique on each
    side); else in order, the requests that read alike (case, punctuation and spaces
    aside) paired first and the rest in order between them.
    """
    line_numbers = [line.number for line in lines]
    head_numbers = [head.number for head in heads]
    if (lines and heads and None not in line_numbers and None not in head_numbers
            and len(set(line_numbers)) == len(lines) and len(set(head_numbers)) == len(heads)):
        by_line = {line.number: line for line in lines}
        by_head = {head.number: head for head in heads}
        numbers = sorted(set(by_line) | set(by_head), key=lambda n: n or 0)
        return [(by_line.get(n), by_head.get(n)) for n in numbers]
    if max(len(lines), len(heads)) > _MATCH_AT_MOST:
        # No letter has this many items: pair in order rather than spend quadratic time.
        return list(itertools.zip_longest(lines, heads))
    a = [_fold(line.field.text[slice(*line.request)]) for line in lines]
    b = [_fold(head.headline.text[slice(*head.request)]) for head in heads]
    pairs: list[tuple[_DecisionLine | None, _Detail | None]] = []
    import difflib  # (here: only 2013 notices need it, and every command imports this layout)

    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag in ("equal", "replace"):
            for k in range(max(i2 - i1, j2 - j1)):
                pairs.append((lines[i1 + k] if i1 + k < i2 else None, heads[j1 + k] if j1 + k < j2 else None))
        elif tag == "delete":
            pairs.extend((lines[i], None) for i in range(i1, i2))
        else:
            pairs.extend((None, heads[j]) for j in range(j1, j2))
    return pairs


# ---------------------------------------------------------------------------------------
# The layout, as a plugin
# ---------------------------------------------------------------------------------------

LAYOUT = Layout(
    name=NAME,
    recognize=recognize,
    parse=parse,
    description="the first IMR letters, July to about November 2013 (\"Notice of Independent Medical "
                "Review Determination\"). UNVERIFIED: written from partial public quotes of one 2013 letter; "
                "its header labels and item sections appear in no public source (warning unverified-layout)",
)


@hookimpl
def imrparse_layouts() -> list[Layout]:
    return [LAYOUT]
