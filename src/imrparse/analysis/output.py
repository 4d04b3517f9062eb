"""Tables as text for a terminal, CSV, JSON and Markdown (the HTML report is in
:mod:`imrparse.analysis.report`)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any, Iterable, Mapping, Sequence

from .stats import NONE_LABEL, Table

__all__ = ["FORMATS", "render_tables", "headers", "cells"]

FORMATS = ("text", "csv", "json", "markdown")

_LABELS = {"n": "{unit}s", "upheld": "upheld", "overturned": "overturned",
           "partially_overturned": "partially overturned", "rate": "{rate}", "ci": "95% CI",
           "share": "share", "mean": "mean", "median": "median", "p25": "p25", "p75": "p75",
           "min": "min", "max": "max"}


def _shown_columns(table: Table) -> list[str]:
    """The value columns as people read them (the interval in one column)."""
    columns = [c for c in table.value_columns if c not in ("ci_low", "ci_high")]
    if "rate" in columns:
        columns.insert(columns.index("rate") + 1, "ci")
    return columns


def headers(table: Table) -> list[str]:
    rate = "uphold rate" if table.rate == "upheld" else "overturn rate"
    return [*table.by, *(_LABELS[c].format(unit=table.unit, rate=rate) for c in _shown_columns(table))]


def _percent(value: float | None) -> str:
    return "" if value is None else f"{100 * value:.1f}%"


def _number(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


def _key(value: Any) -> str:
    return NONE_LABEL if value is None else str(value)


def cells(table: Table, row: Mapping[str, Any], *, total: bool = False) -> list[str]:
    """One row as displayed text (the total row says "all")."""
    out = ["all" if total and i == 0 else ("" if total else _key(row[b])) for i, b in enumerate(table.by)]
    for column in _shown_columns(table):
        if column in ("rate", "share"):
            out.append(_percent(row.get(column)))
        elif column == "ci":
            low, high = row.get("ci_low"), row.get("ci_high")
            out.append("" if low is None or high is None else f"{100 * low:.1f}–{100 * high:.1f}%")
        else:
            out.append(_number(row.get(column)))
    return out


def _rows(table: Table) -> list[list[str]]:
    rows = [cells(table, r) for r in table.rows]
    total = cells(table, table.total, total=True)
    if not table.by:
        return [total]
    return [*rows, total]


def _text_table(table: Table) -> str:
    head = headers(table)
    body = _rows(table)
    widths = [max(len(h), *(len(r[i]) for r in body)) for i, h in enumerate(head)]
    groups = len(table.by)

    def line(values: Sequence[str]) -> str:
        parts = [v.ljust(w) if i < groups else v.rjust(w) for i, (v, w) in enumerate(zip(values, widths))]
        return "  ".join(parts).rstrip()

    rule = "  ".join("-" * w for w in widths)
    lines = [table.title, *(f"  where {w}" for w in table.where), "", line(head), rule]
    lines += [line(r) for r in body[:-1]] if table.by else []
    if table.by:
        lines.append(rule)
    lines.append(line(body[-1]))
    lines += [f"note: {n}" for n in table.notes]
    return "\n".join(lines) + "\n"


def _markdown_table(table: Table) -> str:
    def row(values: Sequence[str]) -> str:
        return "| " + " | ".join(v.replace("|", "\\|") for v in values) + " |"

    head = headers(table)
    align = ["---"] * len(table.by) + ["---:"] * (len(head) - len(table.by))
    body = _rows(table)
    if table.by:
        body[-1] = [f"**{c}**" if c else c for c in body[-1]]
    lines = [f"### {table.title}", ""]
    lines += [f"Where `{w}`." for w in table.where] + ([""] if table.where else [])
    lines += [row(head), row(align), *(row(r) for r in body)]
    lines += [""] + [f"*{n}*" for n in table.notes] if table.notes else []
    return "\n".join(lines) + "\n"


def _csv(tables: Sequence[Table]) -> str:
    by: list[str] = list(dict.fromkeys(b for t in tables for b in t.by))
    values: list[str] = list(dict.fromkeys(c for t in tables for c in t.value_columns))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["table", "row", *by, *values])
    for table in tables:
        for kind, rows in (("group", table.rows), ("total", (table.total,))):
            for r in rows:
                writer.writerow([table.name or table.title, kind,
                                 *("" if kind == "total" or b not in table.by else _key(r.get(b)) for b in by),
                                 *("" if r.get(c) is None else r.get(c) for c in values)])
    return out.getvalue()


def render_tables(tables: Sequence[Table], format: str, *, letters: int,
                  failures: Iterable[tuple[str, str]] = ()) -> str:
    """The tables in ``format`` (``text``, ``csv``, ``json`` or ``markdown``)."""
    failed = list(failures)
    if format == "json":
        return json.dumps({"letters": letters, "failures": [{"source": s, "error": e} for s, e in failed],
                           "tables": [t.to_json() for t in tables]}, indent=2, ensure_ascii=False) + "\n"
    if format == "csv":
        return _csv(tables)
    if format == "markdown":
        return "\n".join(_markdown_table(t) for t in tables)
    return "\n".join(_text_table(t) for t in tables)
