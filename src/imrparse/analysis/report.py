"""``imrparse stats --html``: one self-contained HTML page with the tables and charts.

The charts are drawn with matplotlib (``pip install 'imrparse[report]'``) as SVG and put
inline, so the page loads nothing: no scripts, no fonts, no style sheets from anywhere.
Each grouped table gets a bar chart of its rate with the 95% interval (or, for a
measure, of its median with the quartiles); the page opens with the decisions per month.
"""

from __future__ import annotations

import datetime as dt
import html
import io
from typing import Any, Iterable, Mapping, Sequence

from ..errors import UnsupportedInput
from .output import cells, headers
from .stats import NONE_LABEL, Table

__all__ = ["write_report", "render_report", "INSTALL_HINT"]

INSTALL_HINT = "pip install 'imrparse[report]'"
#: Groups drawn in one chart at most (the table lists them all).
MAX_BARS = 25

_UPHELD, _OVERTURNED, _INTERVAL = "#4c72b0", "#dd8452", "#333333"

_CSS = """
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2em auto;
       max-width: 70em; padding: 0 1em; color: #222; }
h1 { font-size: 1.6em; } h2 { font-size: 1.25em; margin-top: 2em; border-bottom: 1px solid #ddd; }
table { border-collapse: collapse; margin: .8em 0; font-variant-numeric: tabular-nums; }
th, td { padding: .2em .7em; border-bottom: 1px solid #eee; }
th { text-align: left; background: #f5f5f5; } td.num, th.num { text-align: right; }
tr.total td { font-weight: 600; border-top: 2px solid #999; }
.meta, .note { color: #555; } figure { margin: .5em 0; } figure svg { max-width: 100%; height: auto; }
"""


def _matplotlib() -> Any:
    try:
        import matplotlib
        from matplotlib.figure import Figure
    except ImportError:
        raise UnsupportedInput("the HTML report needs matplotlib",
                               expected=f"matplotlib installed: {INSTALL_HINT}") from None
    # The same page for the same data: fixed ids in the SVG, no creation date; text as
    # text (smaller, selectable; drawn with the reader's own sans-serif font).
    matplotlib.rcParams["svg.hashsalt"] = "imrparse"
    matplotlib.rcParams["svg.fonttype"] = "none"
    return Figure


def _svg(fig: Any) -> str:
    out = io.StringIO()
    fig.savefig(out, format="svg", bbox_inches="tight", metadata={"Date": None})
    text = out.getvalue()
    text = text[text.index("<svg"):]  # inline: no XML declaration or doctype
    start, end = text.find("<metadata>"), text.find("</metadata>")
    if 0 <= start < end:  # the RDF credits: links a reader might take for requests
        text = text[:start] + text[end + len("</metadata>"):]
    return text


def _label(table: Table, row: Mapping[str, Any]) -> str:
    key = " · ".join(NONE_LABEL if row[b] is None else str(row[b]) for b in table.by)
    return f"{key} ({row['n']})"


def _rate_chart(Figure: Any, table: Table) -> str:
    rows = [r for r in table.rows if r.get("rate") is not None][:MAX_BARS]
    fig = Figure(figsize=(8, 0.6 + 0.32 * max(len(rows), 1)))
    ax = fig.add_subplot()
    labels = [_label(table, r) for r in rows][::-1]
    rates = [100 * r["rate"] for r in rows][::-1]
    # max(): the interval's ends may differ from the rate by a rounding error only.
    low = [max(0.0, 100 * (r["rate"] - r["ci_low"])) for r in rows][::-1]
    high = [max(0.0, 100 * (r["ci_high"] - r["rate"])) for r in rows][::-1]
    colour = _UPHELD if table.rate == "upheld" else _OVERTURNED
    ax.barh(range(len(rows)), rates, color=colour, height=0.6)
    ax.errorbar(rates, range(len(rows)), xerr=[low, high], fmt="none", ecolor=_INTERVAL, capsize=3, lw=1)
    total = table.total.get("rate")
    if total is not None:
        ax.axvline(100 * total, color="#888888", ls="--", lw=1)
    ax.set_yticks(range(len(rows)), labels)
    ax.set_xlim(0, 100)
    ax.set_xlabel(("uphold" if table.rate == "upheld" else "overturn") + " rate, % (bars: 95% interval; "
                  "dashed: all)")
    ax.spines[["top", "right"]].set_visible(False)
    return _svg(fig)


def _measure_chart(Figure: Any, table: Table) -> str:
    rows = [r for r in table.rows if r.get("median") is not None][:MAX_BARS]
    fig = Figure(figsize=(8, 0.6 + 0.32 * max(len(rows), 1)))
    ax = fig.add_subplot()
    medians = [r["median"] for r in rows][::-1]
    low = [max(0.0, r["median"] - r["p25"]) for r in rows][::-1]
    high = [max(0.0, r["p75"] - r["median"]) for r in rows][::-1]
    ax.barh(range(len(rows)), medians, color=_UPHELD, height=0.6)
    ax.errorbar(medians, range(len(rows)), xerr=[low, high], fmt="none", ecolor=_INTERVAL, capsize=3, lw=1)
    ax.set_yticks(range(len(rows)), [_label(table, r) for r in rows][::-1])
    ax.set_xlabel(f"{table.measure}: median (bars: 25th to 75th percentile)")
    ax.spines[["top", "right"]].set_visible(False)
    return _svg(fig)


def _month(letter: Mapping[str, Any]) -> str | None:
    value = (letter.get("case") or {}).get("decision_date")
    try:
        day = dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None
    return f"{day.year}-{day.month:02d}" if day else None


def _time_chart(Figure: Any, letters: Iterable[Mapping[str, Any]]) -> str | None:
    """Decisions per month of the decision date, upheld and overturned stacked."""
    counts: dict[str, list[int]] = {}
    for letter in letters:
        month = _month(letter)
        if month is None:
            continue
        slot = counts.setdefault(month, [0, 0])
        for item in letter.get("items") or ():
            slot[item.get("decision") == "overturned"] += 1
    if not counts:
        return None
    months = sorted(counts)
    upheld = [counts[m][0] for m in months]
    overturned = [counts[m][1] for m in months]
    fig = Figure(figsize=(8, 3))
    ax = fig.add_subplot()
    ax.bar(months, upheld, color=_UPHELD, label="upheld")
    ax.bar(months, overturned, bottom=upheld, color=_OVERTURNED, label="overturned")
    ax.set_ylabel("decisions")
    ax.set_xlabel("month of the decision date")
    ax.legend(frameon=False)
    if len(months) > 12:
        ax.tick_params(axis="x", labelrotation=90)
    ax.spines[["top", "right"]].set_visible(False)
    return _svg(fig)


def _html_table(table: Table) -> str:
    groups = len(table.by)
    head = "".join(f'<th{"" if i < groups else " class=num"}>{html.escape(h)}</th>'
                   for i, h in enumerate(headers(table)))

    def tr(values: Sequence[str], css: str = "") -> str:
        tds = "".join(f'<td{"" if i < groups else " class=num"}>{html.escape(v)}</td>'
                      for i, v in enumerate(values))
        return f"<tr{css}>{tds}</tr>"

    body = [tr(cells(table, r)) for r in table.rows]
    body.append(tr(cells(table, table.total, total=True), ' class="total"' if table.by else ""))
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def render_report(tables: Sequence[Table], *, letters: Sequence[Mapping[str, Any]],
                  sources: Sequence[str] = (), failures: int = 0) -> str:
    """The report page (HTML text)."""
    Figure = _matplotlib()
    items = sum(len(letter.get("items") or ()) for letter in letters)
    named = ", ".join(sources[:3]) + (f" and {len(sources) - 3} more" if len(sources) > 3 else "")
    parts = [f"<h1>IMR decisions: {len(letters)} letters, {items} decisions</h1>",
             f'<p class="meta">Sources: {html.escape(named) or "—"}.'
             + (f" {failures} letters failed to parse and are not counted." if failures else "")
             + " Rates with 95% Wilson score intervals. Made by imrparse.</p>"]
    timeline = _time_chart(Figure, letters)
    if timeline:
        parts += ["<h2>Decisions over time</h2>", f"<figure>{timeline}</figure>"]
    for table in tables:
        parts.append(f'<h2 id="{html.escape(table.name or "")}">{html.escape(table.title)}</h2>')
        parts += [f'<p class="meta">Where <code>{html.escape(w)}</code>.</p>' for w in table.where]
        if table.by and table.rows:
            chart = _measure_chart(Figure, table) if table.kind == "measure" else _rate_chart(Figure, table)
            parts.append(f"<figure>{chart}</figure>")
        parts.append(_html_table(table))
        parts += [f'<p class="note">{html.escape(n)}</p>' for n in table.notes]
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            "<title>imrparse statistics</title>"
            f"<style>{_CSS}</style></head><body>{''.join(parts)}</body></html>\n")


def write_report(tables: Sequence[Table], path: str, *, letters: Sequence[Mapping[str, Any]],
                 sources: Sequence[str] = (), failures: int = 0) -> None:
    page = render_report(tables, letters=letters, sources=sources, failures=failures)
    with open(path, "w", encoding="utf-8") as f:
        f.write(page)
