"""Named tables (``imrparse stats --table NAME``): the tables of the state's IMR reports
and of CWCI's studies that the letters support (docs/analysis.md lists those they do not).

Each preset is the arguments of :func:`imrparse.analysis.stats.outcome_table`; ``--where``
conditions given on the command line are added to the preset's own.
"""

from __future__ import annotations

from typing import Any, Mapping

import attrs

from ..errors import UnsupportedInput

__all__ = ["Preset", "PRESETS", "preset"]


@attrs.frozen
class Preset:
    name: str
    title: str
    #: What the table reproduces, for ``--list-tables`` and the docs.
    description: str
    unit: str = "item"
    by: tuple[str, ...] = ()
    where: tuple[str, ...] = ()
    rate: str = "overturned"
    measure: str | None = None
    sort: str | None = None

    def arguments(self) -> dict[str, Any]:
        return {"unit": self.unit, "by": self.by, "where": self.where, "rate": self.rate,
                "measure": self.measure, "sort": self.sort, "title": self.title, "name": self.name}


PRESETS: Mapping[str, Preset] = {p.name: p for p in (
    Preset("overall", "Decisions overall", "items upheld and overturned, with the overturn rate"),
    Preset("cwci-letters-by-year", "Letters per year", "CWCI: letters per year (and their outcomes)",
           unit="letter", by=("year",)),
    Preset("cwci-letters-by-quarter", "Letters per quarter", "CWCI: letters per quarter",
           unit="letter", by=("quarter",)),
    Preset("cwci-days-to-decision", "Days from application to decision, by quarter",
           "CWCI: days from the application's receipt to the decision", unit="letter",
           by=("quarter",), measure="days_to_decision"),
    Preset("cwci-decisions-per-letter", "Decisions per letter",
           "CWCI: letters by their number of decisions (the share deciding several services)",
           unit="letter", by=("items",)),
    Preset("cwci-uphold-rate", "Uphold rate by year", "CWCI and DWC: the uphold rate of decisions",
           by=("year",), rate="upheld"),
    Preset("cwci-uphold-by-service", "Uphold rate by type of service",
           "CWCI: uphold rate by the state's request category", by=("dwc_category",), rate="upheld"),
    Preset("cwci-service-mix", "Service mix", "CWCI: the share of decisions by type of service",
           by=("category",), rate="upheld", sort="n"),
    Preset("cwci-drug-groups", "Pharmaceutical decisions by drug group",
           "CWCI: drug requests by drug class, with uphold rates", by=("drug_class",),
           where=("dwc_category=Pharmaceuticals",), rate="upheld"),
    Preset("cwci-accident-year", "Decisions by accident year", "CWCI: decisions by year of injury",
           by=("injury_year",), rate="upheld"),
    Preset("dwc-case-outcomes", "Case outcomes",
           "DWC: letters by case outcome (Uphold, Overturn, Partially Overturn)", unit="letter",
           by=("outcome",), sort="n"),
    Preset("dwc-overturn-by-category", "Overturn rate by request category",
           "DWC: overturn rate by the state's request category", by=("dwc_category",)),
    Preset("dwc-by-specialty", "Decisions by reviewer specialty",
           "DWC: decisions by the expert reviewer's specialty", by=("specialty",)),
)}


def preset(name: str) -> Preset:
    try:
        return PRESETS[name]
    except KeyError:
        raise UnsupportedInput(f"no table named {name!r}",
                               expected=", ".join(PRESETS) + " (imrparse stats --list-tables)") from None
