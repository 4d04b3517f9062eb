"""Built-in plugin: the ``markdown`` output format, a readable summary of each letter.

Per letter: a heading (case number or file name, and the overall decision), the case
header, the expert reviewer, the patient, and a table of the disputed items with
their decision, service and the guidelines each side cited. Letters are separated by
a horizontal rule. Meant for people (a pull request, a wiki, a chat); use ``json``,
``csv`` or ``parquet`` for data.
"""

from __future__ import annotations

import datetime as dt
from typing import IO, Any, Iterable

from ...models import Basis, Case, Determination, Item, Reviewer, Service, Summary
from ...plugin.api import FormatOptions, OutputFormat, hookimpl

__all__ = ["render_letter", "write_markdown"]

_MAX_CELL = 120


def _cell(text: str, limit: int = _MAX_CELL) -> str:
    """Text safe inside a Markdown table cell: one line, pipes escaped, shortened."""
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text.replace("\\", "\\\\").replace("|", "\\|")


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else "—"


def _join(values: Iterable[str]) -> str:
    values = list(values)
    if len(values) <= 1:
        return "".join(values)
    return ", ".join(values[:-1]) + " and " + values[-1]


def _title(det: Determination) -> str:
    name = (det.case.case_number if det.case else None) or det.source or "IMR determination"
    decision = det.overall_decision
    return f"# {name}" + (f": {decision.value.capitalize()}" if decision else "")


def _case(case: Case | None) -> list[str]:
    if case is None:
        return []
    rows = [
        ("Case number", case.case_number or "—"),
        ("Date assigned", _date(case.date_assigned)),
        ("Date of injury", _date(case.date_of_injury)),
        ("UR denial date", _date(case.ur_denial_date)),
        ("Application received", _date(case.application_received)),
        ("Decision date", _date(case.decision_date)),
        ("Priority", case.priority or "—"),
    ]
    return ["| Case | |", "|---|---|", *(f"| {k} | {_cell(v)} |" for k, v in rows), ""]


def _reviewer(reviewer: Reviewer) -> str:
    parts: list[str] = []
    if reviewer.specialties:
        certified = "board certified in " if reviewer.board_certified else ""
        parts.append(certified + _join(reviewer.specialties))
    if reviewer.subspecialties:
        parts.append("subspecialty in " + _join(reviewer.subspecialties))
    if reviewer.licensed_in:
        parts.append("licensed in " + _join(reviewer.licensed_in))
    if reviewer.min_years_in_practice is not None:
        parts.append(f"more than {reviewer.min_years_in_practice} years in practice")
    if reviewer.min_hours_per_week is not None:
        parts.append(f"at least {reviewer.min_hours_per_week} hours a week")
    return "**Expert reviewer:** " + ("; ".join(parts) if parts else "not stated") + "."


def _patient(summary: Summary) -> list[str]:
    patient = summary.patient
    who = []
    if patient.age is not None:
        who.append(f"{patient.age} years old")
    if patient.sex is not None:
        who.append(patient.sex.value)
    if patient.date_of_injury is not None:
        who.append(f"injured {patient.date_of_injury.isoformat()}")
    lines = ["**Patient:** " + (", ".join(who) if who else "not stated") + "."]
    if summary.diagnoses:
        lines.append("**Diagnoses:** " + "; ".join(summary.diagnoses) + ".")
    if summary.prior_treatments:
        lines.append("**Prior treatment:** " + "; ".join(summary.prior_treatments) + ".")
    if summary.ur_decision_date is not None:
        lines.append(f"**Utilization review:** {summary.ur_decision_date.isoformat()}.")
    return [line + "  " for line in lines[:-1]] + lines[-1:]


def _service(service: Service) -> str:
    details = [d for d in (service.modality, service.drug, service.procedure) if d]
    if service.laterality:
        details.append(service.laterality)
    details += service.body_regions
    return service.category + (f" ({', '.join(details)})" if details else "")


def _guidelines(basis: Basis) -> str:
    if not basis.cited_evidence:
        return "no evidence cited"
    names: list[str] = []
    for citation in basis.citations:
        name = citation.guideline or citation.text
        if citation.mtus:
            name += " (MTUS)"
        if name not in names:
            names.append(name)
    if names:
        return ", ".join(names)
    return basis.text or "—"


def _item_row(index: int, item: Item) -> str:
    decision = item.decision.value.capitalize()
    necessary = "yes" if item.medically_necessary else "no"
    cells = [str(index), _cell(item.request), decision, necessary, _cell(_service(item.service)),
             _cell(_guidelines(item.claims_administrator_guideline), 80),
             _cell(_guidelines(item.reviewer_guideline), 80)]
    return "| " + " | ".join(cells) + " |"


def render_letter(det: Determination) -> str:
    """One letter as Markdown."""
    lines = [_title(det), ""]
    if det.source:
        lines += [f"Source: `{det.source}`, layout `{det.layout}`.", ""]
    lines += _case(det.case)
    lines += [_reviewer(det.reviewer), ""]
    lines += [*_patient(det.summary), ""]
    lines.append("## Disputed items")
    lines.append("")
    if det.items:
        lines.append("| # | Request | Decision | Medically necessary | Service "
                     "| Claims administrator guideline | Reviewer guideline |")
        lines.append("|---:|---|---|---|---|---|---|")
        lines += [_item_row(i, item) for i, item in enumerate(det.items, 1)]
    else:
        lines.append("No disputed items.")
    if det.warnings:
        lines += ["", "## Warnings", ""]
        lines += [f"- `{w.code}`: {' '.join(w.message.split())}" for w in det.warnings]
    return "\n".join(lines) + "\n"


def write_markdown(dets: Iterable[Determination], stream: IO[Any], options: FormatOptions) -> None:
    first = True
    for det in dets:
        if not first:
            stream.write("\n---\n\n")
        stream.write(render_letter(det))
        stream.flush()
        first = False


FORMATS = [
    OutputFormat(name="markdown", extension=".md", write=write_markdown,
                 description="Markdown: a readable summary of each letter with a table of its items"),
]


@hookimpl
def imrparse_formats() -> list[OutputFormat]:
    return list(FORMATS)
