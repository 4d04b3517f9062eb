"""imrparse stats: Wilson intervals, fields, filters, grouping by item and by letter."""

from __future__ import annotations

import json
import math
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from imrparse.analysis.fields import NAMED, field
from imrparse.analysis.filters import parse_condition
from imrparse.analysis.presets import PRESETS
from imrparse.analysis.stats import outcome_table, wilson
from imrparse.errors import UnsupportedInput


def item(decision: str, category: str = "imaging", **service: Any) -> dict[str, Any]:
    return {"decision": decision, "service": {"category": category, **service},
            "reviewer_guideline": {"citations": [{"guideline": g} for g in service.pop("_cites", ())]}}


def letter(source: str, items: list[dict[str, Any]], decided: str | None = "2016-12-09",
           specialties: tuple[str, ...] = ("Family Practice",), received: str | None = "2016-11-03") -> dict[str, Any]:
    return {"source": source, "layout": "standard", "items": items,
            "case": {"decision_date": decided, "application_received": received, "case_number": None},
            "reviewer": {"specialties": list(specialties)}, "summary": {"patient": {"age": 48}},
            "warnings": []}


LETTERS = [
    letter("a", [item("upheld"), item("overturned", "medication", drug="Norco")]),
    letter("b", [item("upheld", "medication", drug="Norco")], decided="2017-01-20",
           specialties=("Family Practice", "Pain Medicine")),
    letter("c", [item("overturned"), item("overturned")], decided="2017-02-01", received="2017-01-01"),
    letter("d", [item("upheld", "physical therapy")], decided=None, specialties=()),
    letter("e", []),
]


# -- the interval -------------------------------------------------------------------------------

@pytest.mark.parametrize(("k", "n", "low", "high"), [
    (0, 10, 0.0, 0.2775), (5, 10, 0.2366, 0.7634), (10, 10, 0.7225, 1.0), (21, 169, 0.0827, 0.1825),
    (1, 1, 0.2065, 1.0),
])
def test_wilson_known_values(k: int, n: int, low: float, high: float) -> None:
    got = wilson(k, n)
    assert got is not None
    assert got == pytest.approx((low, high), abs=5e-5)


@given(st.integers(1, 10_000).flatmap(lambda n: st.tuples(st.integers(0, n), st.just(n))))
def test_wilson_holds_the_rate_inside_zero_one(kn: tuple[int, int]) -> None:
    k, n = kn
    interval = wilson(k, n)
    assert interval is not None
    low, high = interval
    assert 0.0 <= low <= k / n + 1e-12 and k / n - 1e-12 <= high <= 1.0
    assert high - low <= 2 * 1.96 * math.sqrt(0.25 / n) + 1e-9  # never wider than the worst case


def test_wilson_of_nothing() -> None:
    assert wilson(0, 0) is None


# -- fields and filters ------------------------------------------------------------------------

def test_fields_named_and_by_path() -> None:
    a = LETTERS[0]
    assert field("category").get(a, a["items"][1]) == ["medication"]
    assert field("item.service.drug").get(a, a["items"][1]) == ["Norco"]
    assert field("year").get(a, None) == [2016] and field("quarter").get(a, None) == ["2016-Q4"]
    assert field("month").get(LETTERS[1], None) == ["2017-01"]
    assert field("days_to_decision").get(a, None) == [36]
    assert field("specialty").get(LETTERS[1], None) == ["Family Practice", "Pain Medicine"]
    assert field("specialty").multi and field("reviewer.specialties").multi
    assert field("items").get(a, None) == [2] and field("items").numeric
    assert field("summary.patient.age").numeric and not field("case.priority").numeric
    assert field("age_group").get(a, None) == ["40-49"]
    assert set(NAMED) >= {"category", "drug", "drug_class", "specialty", "guideline", "year", "dwc_category"}


@pytest.mark.parametrize(("name", "says"), [
    ("categroy", "named field"), ("item.service.categroy", "service has no 'categroy'"),
    ("case", "is an object"), ("case.decision_date.year", "holds no fields"),
])
def test_unknown_fields_say_what_exists(name: str, says: str) -> None:
    with pytest.raises(UnsupportedInput) as err:
        field(name)
    assert says in str(err.value)


@pytest.mark.parametrize(("text", "index", "holds"), [
    ("category=imaging", 0, True), ("category = IMAGING", 0, True), ("category=medication|imaging", 1, True),
    ("category!=imaging", 0, False), ("category!=medication|surgery", 0, True),
    ("item.service.drug=null", 0, True), ("item.service.drug=null", 1, False), ("drug~orc", 1, True),
    ("case.decision_date>=2016-12-01", 0, True), ("case.decision_date<2016-12-01", 0, False),
    ("days_to_decision>30", 0, True), ("days_to_decision<=9", 0, False), ("year=2016", 0, True),
    ("specialty=family practice", 0, True), ("specialty!=family practice", 0, False),
    ("quarter>=2016-Q4", 0, True),
])
def test_conditions(text: str, index: int, holds: bool) -> None:
    a = LETTERS[0]
    assert parse_condition(text).holds(a, a["items"][index]) is holds


@pytest.mark.parametrize("text", ["category", "=x", "category=", "category imaging"])
def test_bad_conditions_say_what_a_condition_is(text: str) -> None:
    with pytest.raises(UnsupportedInput, match="FIELD OP VALUE|no field"):
        parse_condition(text)


# -- tables ------------------------------------------------------------------------------------

def rows(table: Any) -> dict[Any, dict[str, Any]]:
    return {tuple(r[b] for b in table.by): dict(r) for r in table.rows}


def test_items_by_category() -> None:
    t = outcome_table(LETTERS, by=["category"])
    got = rows(t)
    assert got[("imaging",)]["n"] == 3 and got[("imaging",)]["overturned"] == 2
    assert got[("medication",)]["n"] == 2 and got[("medication",)]["rate"] == 0.5
    assert got[("physical therapy",)]["upheld"] == 1
    assert t.total["n"] == 6 and t.total["overturned"] == 3
    assert sum(r["share"] for r in t.rows) == pytest.approx(1.0)
    assert [r["category"] for r in t.rows] == ["imaging", "medication", "physical therapy"]  # by size
    assert any("without" in n for n in t.notes)  # the letter with no items


def test_letters_grouped_by_an_item_field_count_once_per_group() -> None:
    t = outcome_table(LETTERS, by=["category"], unit="letter")
    got = rows(t)
    # a: imaging upheld + medication overturned -> in both groups, decided by its items there.
    assert got[("imaging",)]["n"] == 2 and got[("imaging",)]["upheld"] == 1 and got[("imaging",)]["overturned"] == 1
    assert got[("medication",)]["n"] == 2 and got[("medication",)]["overturned"] == 1
    assert t.total == {**t.total, "n": 4, "upheld": 2, "partially_overturned": 1, "overturned": 1}
    assert t.total["rate"] == 0.5  # a and c


def test_filters_and_rates() -> None:
    t = outcome_table(LETTERS, where=["category=imaging", "year=2016"], rate="upheld")
    assert t.total["n"] == 1 and t.total["rate"] == 1.0
    t = outcome_table(LETTERS, by=["year"], unit="letter")
    assert [r["year"] for r in t.rows] == [2016, 2017, None]  # ordered field: by value, none last


def test_multi_valued_groups_and_size_limits() -> None:
    t = outcome_table(LETTERS, by=["specialty"])
    got = rows(t)
    assert got[("Family Practice",)]["n"] == 5 and got[("Pain Medicine",)]["n"] == 1 and got[(None,)]["n"] == 1
    assert any("multi-valued" in n for n in t.notes)
    small = outcome_table(LETTERS, by=["specialty"], min_n=2)
    assert [r["specialty"] for r in small.rows] == ["Family Practice"] and small.total["n"] == 6
    assert len(outcome_table(LETTERS, by=["category"], top=1).rows) == 1
    assert outcome_table(LETTERS, by=["category"], sort="rate").rows[0]["category"] == "imaging"


def test_crossed_groups() -> None:
    t = outcome_table(LETTERS, by=["category", "year"])
    assert rows(t)[("imaging", 2017)]["n"] == 2


def test_measures() -> None:
    t = outcome_table(LETTERS, measure="days_to_decision", by=["year"])
    assert t.unit == "letter" and t.kind == "measure"
    assert rows(t)[(2016,)]["median"] == 36 and rows(t)[(2017,)]["n"] == 2
    assert outcome_table(LETTERS, measure="items").total["max"] == 2
    with pytest.raises(UnsupportedInput, match="not numbers"):
        outcome_table(LETTERS, measure="category")


def test_every_preset_makes_a_table() -> None:
    for preset in PRESETS.values():
        table = outcome_table(LETTERS, **preset.arguments())
        assert table.name == preset.name and json.dumps(table.to_json())
