"""Built-in plugin: the ``html`` output format, the letter with every value marked where
it came from. It is how a person checks a parse.

One page (for one letter or a batch, with a table of contents): each letter's text with
every extracted value highlighted over its span and labelled on hover, the fields beside
it (each a link to its highlight), and the warnings marked where they apply. The page is
self-contained: inline styles and a few lines of inline script (hovering a highlight
lights up its field), nothing loaded from anywhere.

Spans index the text the letter was parsed from, which the determination does not hold:
the format gets it from ``FormatOptions.letter_text`` (``imrparse.render(det, "html",
letter_text=text)``; ``imrparse parse`` passes a :class:`imrparse.rendering.SourceTexts`,
which reads each file again with the same reader), else reads ``source`` again when it
is a file. Without the text (standard input, a moved file) the page shows the fields
only and says why.

Every highlight is a ``<mark>`` with ``data-key``: the value's path in the contract's
JSON (``case.decision_date``, ``items.0.service.body_regions.1``,
``items.0.reviewer_guideline.citations.0``, ``warnings.0``); a value whose span crosses
another's is split into several marks with the same key. :func:`span_entries` lists them.
"""

from __future__ import annotations

import datetime as dt
import enum
import os
from typing import IO, Any, Iterable, Iterator, Mapping

import attrs

from ...models import Basis, Citation, Determination, Span
from ...plugin.api import FormatOptions, OutputFormat, hookimpl

__all__ = ["Entry", "span_entries", "letter_text", "render_page", "write_html"]


def _escape(text: str) -> str:
    # html is imported on first use: with html.entities it took a twentieth of every
    # command's start (registering the format is part of it).
    import html

    return html.escape(text)


@attrs.frozen
class Entry:
    """One highlighted value: its key (JSON path), kind (for its colour), label and span."""

    key: str
    kind: str
    label: str
    value: str
    span: Span


def _show(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _field_value(obj: Any, key: str) -> Any:
    name, _, index = key.partition(".")
    value = getattr(obj, name, None)
    if index.isdigit() and isinstance(value, tuple):
        return value[int(index)] if int(index) < len(value) else None
    return value


def _spans_of(obj: Any, prefix: str, kind: str, title: str) -> Iterator[Entry]:
    spans: Mapping[str, Span] = getattr(obj, "spans", {}) or {}
    for key, span in spans.items():
        value = _show(_field_value(obj, key))
        name = key.split(".")[0].replace("_", " ")
        yield Entry(f"{prefix}.{key}", kind, f"{title} {name}: {value}", value, span)


def _citation(c: Citation, key: str, title: str) -> Iterator[Entry]:
    if c.span is None:
        return
    parts = [c.guideline or "citation"]
    if c.mtus:
        parts.append("(MTUS)")
    if c.chapter:
        parts.append(f"chapter {c.chapter}")
    parts += [x for x in (c.topic, c.title, ", ".join(c.sections) or None) if x]
    value = " ".join(parts)
    yield Entry(key, "citation", f"{title}: {value}", value, c.span)


def _basis(basis: Basis, key: str, title: str) -> Iterator[Entry]:
    for j, c in enumerate(basis.citations):
        yield from _citation(c, f"{key}.citations.{j}", title + " citation")


def span_entries(det: Determination) -> list[Entry]:
    """Every value of ``det`` that has a span, in document order."""
    entries: list[Entry] = []
    if det.case is not None:
        entries += _spans_of(det.case, "case", "case", "Case")
    entries += _spans_of(det.reviewer, "reviewer", "reviewer", "Reviewer")
    entries += _spans_of(det.summary, "summary", "summary", "Summary")
    entries += _spans_of(det.summary.patient, "summary.patient", "summary", "Patient")
    for i, item in enumerate(det.items):
        title = f"Item {i + 1}"
        key = f"items.{i}"
        entries += _spans_of(item, key, "item", title)
        entries += _spans_of(item.service, f"{key}.service", "service", f"{title} service")
        entries += _basis(item.claims_administrator_guideline, f"{key}.claims_administrator_guideline",
                          f"{title} claims administrator")
        entries += _basis(item.reviewer_guideline, f"{key}.reviewer_guideline", f"{title} reviewer")
        for j, c in enumerate(item.rationale_citations):
            entries += _citation(c, f"{key}.rationale_citations.{j}", f"{title} rationale citation")
    for k, w in enumerate(det.warnings):
        if w.span is not None:
            entries.append(Entry(f"warnings.{k}", "warning", f"Warning {w.code}: {w.message}", w.code, w.span))
    entries.sort(key=lambda e: (e.span.start, -e.span.end))
    return entries


def letter_text(det: Determination, options: FormatOptions) -> tuple[str | None, str]:
    """The text ``det``'s spans index, and why not when it cannot be had."""
    if options.letter_text is not None:
        text = options.letter_text(det)
        if text is not None:
            return text, ""
    if not det.source or not os.path.isfile(det.source):
        return None, f"the letter's text is not available ({det.source or 'no source'} is not a file)"
    from ...errors import ImrParseError
    from ...reading import read_file

    try:
        return read_file(det.source), ""
    except ImrParseError as exc:
        return None, f"the letter's text could not be read again: {exc}"


def _marked_text(text: str, entries: list[Entry], anchor: str) -> str:
    """``text`` as HTML, each entry's span wrapped in marks (split where spans cross)."""
    points = {0, len(text)}
    for e in entries:
        points |= {e.span.start, e.span.end}
    bounds = sorted(points)
    empty: dict[int, list[Entry]] = {}
    for e in entries:
        if e.span.start == e.span.end:
            empty.setdefault(e.span.start, []).append(e)
    seen: set[str] = set()
    out: list[str] = []
    for a, b in zip(bounds, bounds[1:] + [bounds[-1]]):
        for e in empty.get(a, ()):
            out.append(f'<mark class="k-{e.kind} at" data-key="{e.key}" id="{anchor}-{e.key}" '
                       f'title="{_escape(e.label)}"></mark>')  # the sign comes from CSS: no text
        if a >= b:
            continue
        covering = [e for e in entries if e.span.start <= a and e.span.end >= b and e.span.start < e.span.end]
        piece = _escape(text[a:b])
        for e in reversed(covering):  # the widest outside, the narrowest inside
            ident = "" if e.key in seen else f' id="{anchor}-{e.key}"'
            seen.add(e.key)
            piece = (f'<mark class="k-{e.kind}" data-key="{e.key}"{ident} '
                     f'title="{_escape(e.label)}">{piece}</mark>')
        out.append(piece)
    return "".join(out)


def _row(label: str, value: str, key: str | None, anchor: str, keys: set[str]) -> str:
    shown = _escape(value)
    if key is not None and key in keys:
        shown = f'<a href="#{anchor}-{key}" data-key="{key}">{shown}</a>'
    return f"<tr><th>{_escape(label)}</th><td>{shown}</td></tr>"


def _fields(det: Determination, anchor: str, keys: set[str]) -> str:
    """The fields beside the text, each linked to its highlight."""
    rows: list[str] = []

    def add_spanned(obj: Any, prefix: str, title: str) -> None:
        for a in attrs.fields(type(obj)):
            value = getattr(obj, a.name)
            nested = attrs.has(type(value)) or isinstance(value, Mapping) or (
                isinstance(value, tuple) and any(attrs.has(type(v)) for v in value))
            if a.name in ("span", "text") or nested:  # objects have rows of their own
                continue
            if isinstance(value, tuple):
                for j, v in enumerate(value):
                    rows.append(_row(f"{title}{a.name.replace('_', ' ')} {j + 1}", _show(v),
                                     f"{prefix}.{a.name}.{j}", anchor, keys))
            elif value is not None:
                shown = _show(value)
                if len(shown) > 160:  # the rationale: it is in the text, highlighted
                    shown = shown[:150].rstrip() + " …"
                rows.append(_row(f"{title}{a.name.replace('_', ' ')}", shown, f"{prefix}.{a.name}",
                                 anchor, keys))

    rows.append(f'<tr><th colspan="2" class="h">{_escape(det.source or "letter")}</th></tr>')
    if det.case is not None:
        add_spanned(det.case, "case", "")
    add_spanned(det.reviewer, "reviewer", "reviewer ")
    add_spanned(det.summary.patient, "summary.patient", "patient ")
    add_spanned(det.summary, "summary", "")
    for i, item in enumerate(det.items):
        decision = item.decision.value
        rows.append(f'<tr><th colspan="2" class="h item-{decision}">Item {i + 1}: {decision}</th></tr>')
        add_spanned(item, f"items.{i}", "")
        add_spanned(item.service, f"items.{i}.service", "service ")
        for side, basis in (("claims administrator", item.claims_administrator_guideline),
                            ("reviewer", item.reviewer_guideline)):
            key = f"items.{i}.{'claims_administrator' if side != 'reviewer' else 'reviewer'}_guideline"
            if not basis.cited_evidence:
                rows.append(_row(f"{side} guideline", "no evidence cited", None, anchor, keys))
            for j, c in enumerate(basis.citations):
                rows.append(_row(f"{side} cites", _citation_text(c), f"{key}.citations.{j}", anchor, keys))
        for j, c in enumerate(item.rationale_citations):
            rows.append(_row("rationale cites", _citation_text(c), f"items.{i}.rationale_citations.{j}",
                             anchor, keys))
    if det.warnings:
        rows.append('<tr><th colspan="2" class="h warn">Warnings</th></tr>')
        for k, w in enumerate(det.warnings):
            rows.append(_row(w.code, w.message, f"warnings.{k}", anchor, keys))
    return '<table class="fields">' + "".join(rows) + "</table>"


def _citation_text(c: Citation) -> str:
    return " ".join(x for x in (c.guideline or "?", "(MTUS)" if c.mtus else "",
                                f"ch. {c.chapter}" if c.chapter else "", c.topic or c.title or "") if x)


_CSS = """
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; color: #222; }
header, nav { padding: .6em 1.2em; background: #f4f4f4; border-bottom: 1px solid #ddd; }
nav a { margin-right: 1em; } section.letter { display: flex; gap: 1.2em; padding: 1em 1.2em;
  border-bottom: 3px solid #ccc; align-items: flex-start; }
pre.text { flex: 3; white-space: pre-wrap; font: 13px/1.5 ui-monospace, "DejaVu Sans Mono", monospace;
  margin: 0; min-width: 0; }
.side { flex: 2; position: sticky; top: 0; max-height: 100vh; overflow: auto; min-width: 0; }
table.fields { border-collapse: collapse; width: 100%; font-size: 13px; }
table.fields th { text-align: left; font-weight: normal; color: #666; padding: 1px 8px 1px 0;
  vertical-align: top; white-space: nowrap; }
table.fields td { padding: 1px 0; } table.fields th.h { color: #222; font-weight: 600; padding-top: .7em; }
th.item-upheld { color: #2a5599 !important; } th.item-overturned { color: #b3540e !important; }
th.warn { color: #a00 !important; } a { color: inherit; text-decoration-color: #aaa; }
mark { border-radius: 2px; padding: 0 1px; color: inherit; }
mark.k-case { background: #d9f2d9; } mark.k-reviewer { background: #e8dcf7; }
mark.k-summary { background: #d5eef0; } mark.k-item { background: #dbe7fb; }
mark.k-service { background: #ffe2c4; } mark.k-citation { background: #fff3a8; }
mark.k-warning { background: none; text-decoration: underline wavy #d00; }
mark.at { background: #d00; color: #fff; padding: 0 3px; font-size: 11px; }
mark.at::before { content: "\\26A0"; }
mark.hover, a.hover { outline: 2px solid #e33; } p.missing { color: #a00; }
"""

# Hovering a highlight lights up its field, and the other way round (inline, no network);
# values read from the very same words (a specialty and its canonical name) light up
# together: the highlights around the one hovered that hold no other text.
_SCRIPT = """
document.addEventListener("mouseover", function (e) {
  var t = e.target.closest("[data-key]"); if (!t) return;
  var s = t.closest("section");
  s.querySelectorAll(".hover").forEach(function (n) { n.classList.remove("hover"); });
  for (var m = t; m && m.textContent === t.textContent;
       m = m.parentElement && m.parentElement.closest("mark[data-key]")) {
    var k = m.getAttribute("data-key");
    s.querySelectorAll('[data-key="' + k + '"]').forEach(function (n) { n.classList.add("hover"); });
  }
});
"""


def _section(index: int, det: Determination, options: FormatOptions) -> str:
    anchor = f"L{index}"
    text, why = letter_text(det, options)
    entries = span_entries(det)
    if text is not None and any(e.span.end > len(text) for e in entries):
        text, why = None, "the letter's text does not match its spans (was the file changed after parsing?)"
    if text is None:
        body = f'<p class="missing">Only the fields are shown: {_escape(why)}.</p>'
        keys: set[str] = set()
    else:
        body = f'<pre class="text">{_marked_text(text, entries, anchor)}</pre>'
        keys = {e.key for e in entries}
    return (f'<section class="letter" id="{anchor}">{body}'
            f'<div class="side">{_fields(det, anchor, keys)}</div></section>')


def _title(det: Determination) -> str:
    name = (det.case.case_number if det.case else None) or det.source or "letter"
    outcome = det.overall_decision
    return name + (f" ({outcome.value})" if outcome else "")


def render_page(dets: Iterable[Determination], options: FormatOptions) -> Iterator[str]:
    """The page, in pieces (one per letter after the head)."""
    yield ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
           '<meta name="viewport" content="width=device-width, initial-scale=1">'
           f"<title>imrparse: letters</title><style>{_CSS}</style></head><body>\n")
    sections: list[str] = []
    titles: list[str] = []
    for i, det in enumerate(dets):
        sections.append(_section(i, det, options))
        titles.append(_title(det))
    if len(titles) > 1:
        links = "".join(f'<a href="#L{i}">{_escape(t)}</a>' for i, t in enumerate(titles))
        yield f"<nav><strong>{len(titles)} letters:</strong> {links}</nav>\n"
    elif titles:
        yield f"<header><strong>{_escape(titles[0])}</strong></header>\n"
    for s in sections:
        yield s + "\n"
    yield f"<script>{_SCRIPT}</script></body></html>\n"


def write_html(dets: Iterable[Determination], stream: IO[Any], options: FormatOptions) -> None:
    for piece in render_page(dets, options):
        stream.write(piece)
    stream.flush()


FORMATS = [
    OutputFormat(name="html", extension=".html", write=write_html,
                 description="HTML: each letter's text with every value highlighted where it came from"),
]


@hookimpl
def imrparse_formats() -> list[OutputFormat]:
    return list(FORMATS)
