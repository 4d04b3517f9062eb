"""``imrparse show LETTER...``: a letter in the terminal, readable (with rich).

Shows the header, the expert reviewer, the patient, then each disputed item with its
decision, the service read from it, the guidelines each side cited and the rationale,
and the warnings. LETTER is a letter (PDF or text) or imrparse's output (``.json``,
``.jsonl``, ``.parquet``, ``.sqlite``: every letter in it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from ..models import Basis, Decision, Determination, Item, Service
from ..plugin.registry import Plugins

if TYPE_CHECKING:
    from rich.console import RenderableType

NAME = "show"
HELP = "show a letter in the terminal: header, reviewer, items, citations, rationale"

_DECISION_STYLE = {Decision.UPHELD: "bold blue", Decision.OVERTURNED: "bold dark_orange"}


def add_arguments(p: argparse.ArgumentParser, plugins: Plugins) -> None:
    p.description = "Show letters in the terminal, readable."
    p.add_argument("letters", nargs="+", metavar="LETTER",
                   help="a letter (PDF or text) or imrparse's output (.json, .jsonl, .parquet, .sqlite)")
    p.add_argument("--lenient", action="store_true", help="parse damaged letters leniently")
    p.add_argument("--reader", metavar="NAME", help="force an input reader (e.g. pypdf)")
    p.add_argument("--width", type=int, metavar="N", help="line width (default: the terminal's)")


def _load(path: str, args: argparse.Namespace, plugins: Plugins) -> Iterator[Determination]:
    from ..analysis.stats import is_output, read_output
    from ..convert import from_dict
    from ..parsing import parse_file

    if is_output(path):
        for record in read_output(path):
            yield from_dict(record, plugins.converter)
        return
    yield parse_file(path, strict=not args.lenient, reader=args.reader, plugins=plugins)


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else "—"


def _service(service: Service) -> str:
    parts = [service.category]
    if service.dwc_category:
        parts.append(f"[{service.dwc_category}]")
    details = [d for d in (service.modality, service.drug, service.strength, service.procedure) if d]
    if service.laterality:
        details.append(service.laterality)
    details += service.body_regions
    details += service.spine_levels
    for label, value in (("sessions", service.sessions), ("quantity", service.quantity),
                         ("refills", service.refills)):
        if value is not None:
            details.append(f"{label} {value}")
    if service.drug_class:
        details.append(service.drug_class)
    return " ".join(parts) + (": " + ", ".join(details) if details else "")


def _basis(basis: Basis) -> str:
    if not basis.cited_evidence:
        return "no evidence cited"
    cited = []
    for c in basis.citations:
        name = c.guideline or "?"
        extra = [x for x in (f"ch. {c.chapter}" if c.chapter else None, c.topic, c.title,
                             ", ".join(c.sections) or None) if x]
        cited.append(name + (" (MTUS)" if c.mtus else "") + (f": {'; '.join(extra)}" if extra else ""))
    return "; ".join(cited) or (" ".join(basis.text.split()) or "—")


def _item(index: int, item: Item) -> list[RenderableType]:
    from rich.table import Table
    from rich.text import Text

    title = Text.assemble((f"{index}. ", "bold"), (" ".join(item.request.split()), "bold"), "  ",
                          (item.decision.value.upper(), _DECISION_STYLE[item.decision]))
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="dim", no_wrap=True)
    grid.add_column()
    if item.original_request:
        grid.add_row("original request", " ".join(item.original_request.split()))
    if item.authorized:
        grid.add_row("authorized", " ".join(item.authorized.split()))
    grid.add_row("service", _service(item.service))
    grid.add_row("claims administrator", _basis(item.claims_administrator_guideline))
    grid.add_row("reviewer", _basis(item.reviewer_guideline))
    if item.rationale_citations:
        grid.add_row("rationale cites", "; ".join(dict.fromkeys(
            c.guideline or c.text for c in item.rationale_citations)))
    rationale = Text(" ".join(item.rationale.split()) or "—")
    return [title, grid, Text("Rationale", style="dim"), rationale, Text("")]


def render(det: Determination) -> RenderableType:
    """One letter as a rich renderable."""
    from rich.console import Group
    from rich.panel import Panel
    from rich.rule import Rule
    from rich.table import Table
    from rich.text import Text

    case = det.case
    name = (case.case_number if case else None) or det.source or "IMR determination"
    outcome = det.overall_decision
    head = Table.grid(padding=(0, 2))
    head.add_column(style="dim", no_wrap=True)
    head.add_column()
    if case is not None:
        head.add_row("dates", f"assigned {_date(case.date_assigned)}, received "
                              f"{_date(case.application_received)}, UR denial {_date(case.ur_denial_date)}, "
                              f"decided {_date(case.decision_date)}")
        head.add_row("injury", f"{_date(case.date_of_injury)}" + (f", {case.priority}" if case.priority else ""))
    reviewer = det.reviewer
    credentials = ", ".join(reviewer.specialties) or "not stated"
    if reviewer.board_certified:
        credentials = "board certified in " + credentials
    if reviewer.licensed_in:
        credentials += "; licensed in " + ", ".join(reviewer.licensed_in)
    head.add_row("reviewer", credentials)
    patient = det.summary.patient
    who = [p for p in (f"{patient.age} years" if patient.age is not None else None,
                       patient.sex.value if patient.sex else None) if p]
    head.add_row("patient", ", ".join(who) or "not stated")
    if det.summary.diagnoses:
        head.add_row("diagnoses", "; ".join(det.summary.diagnoses))
    head.add_row("source", f"{det.source or '—'} (layout {det.layout})")
    body: list[RenderableType] = [head, Rule("Disputed items", style="dim")]
    for i, item in enumerate(det.items, 1):
        body += _item(i, item)
    if not det.items:
        body.append(Text("No disputed items."))
    if det.warnings:
        body.append(Rule("Warnings", style="yellow"))
        body += [Text.assemble((w.code, "yellow"), ": ", " ".join(w.message.split())) for w in det.warnings]
    title = Text.assemble((name, "bold"), "  ", (outcome.value.upper() if outcome else "NO ITEMS",
                          "bold dark_orange" if outcome and outcome.value != "upheld" else "bold blue"))
    return Panel(Group(*body), title=title, title_align="left")


def run(args: argparse.Namespace, plugins: Plugins) -> int:
    from rich.console import Console

    from ..errors import ImrParseError

    console = Console(width=args.width, soft_wrap=False, highlight=False)
    failed = 0
    for path in args.letters:
        try:
            for det in _load(path, args, plugins):
                console.print(render(det))
        except ImrParseError as exc:
            failed += 1
            print(f"imrparse: {exc.with_source(Path(path).name)}", file=sys.stderr)  # unwrapped: the caret
        except (OSError, ValueError) as exc:
            failed += 1
            print(f"imrparse: {path}: {exc}", file=sys.stderr)
    return 1 if failed else 0

