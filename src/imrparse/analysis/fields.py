"""The fields a table groups, filters or measures by: named fields and contract paths.

A field reads values from one letter (its contract JSON) or from one of its items. It
gives a *list* of values: several for multi-valued fields (a reviewer's specialties, the
guidelines an item cites), each counted in its own group; an empty list is the group
``None`` (shown as "(none)").

Two kinds of names are accepted:

* the named fields of :data:`NAMED` (``category``, ``drug_class``, ``specialty``,
  ``year``, ``days_to_decision`` ...), which cover what analysts group by, including
  values computed from others;
* any dotted path of the contract (docs/contract.md): a letter field
  (``case.priority``, ``summary.patient.sex``, ``reviewer.board_certified``) or an item
  field after ``item.`` (``item.service.modality``, ``item.reviewer_guideline.based_on_mtus``).
  A path through a list reads every element (``item.rationale_citations.guideline``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Callable, Mapping

import attrs

from ..contract import fields_of
from ..errors import UnsupportedInput
from ..models import Determination, Item

__all__ = ["Field", "NAMED", "field", "field_names"]

Letter = Mapping[str, Any]
ItemData = Mapping[str, Any]
Getter = Callable[[Letter, "ItemData | None"], list[Any]]


@attrs.frozen
class Field:
    """A value read from each letter (``scope="letter"``) or each item (``"item"``)."""

    name: str
    scope: str
    get: Getter
    #: Groups sort by value (years, quarters, counts) rather than by size.
    ordered: bool = False
    #: Numeric: can be measured (``--measure``) and compared as a number.
    numeric: bool = False
    #: Several values per letter or item (each counted in its own group).
    multi: bool = False
    doc: str = ""


# -- contract paths -----------------------------------------------------------------------------


def _walk(value: Any, path: tuple[str, ...]) -> list[Any]:
    """The values at ``path`` under ``value``, every element of a list followed."""
    if isinstance(value, list):
        return [v for element in value for v in _walk(element, path)]
    if not path:
        return [] if value is None else [value]
    if not isinstance(value, Mapping):
        return []
    return _walk(value.get(path[0]), path[1:])


def _check_path(cls: type, path: tuple[str, ...], name: str) -> tuple[str, bool]:
    """The kind of the value ``path`` names under ``cls`` and whether it passes through a
    list (raises naming the fields it could be)."""
    multi = False
    for i, part in enumerate(path):
        known = {f.name: f for f in fields_of(cls)}
        if part not in known:
            prefix = ".".join(path[:i])
            raise UnsupportedInput(
                f"no field {name!r}: {prefix + ' has' if prefix else 'a letter has'} no {part!r}",
                expected="a named field (" + ", ".join(sorted(NAMED)) + ") or a contract path: "
                + ", ".join(sorted(prefix + "." + k if prefix else k for k in known)))
        shape = known[part].shape
        while shape.kind == "list" and shape.of is not None:
            shape, multi = shape.of, True
        if shape.kind == "object" and shape.cls is not None:
            cls = shape.cls
            continue
        if i != len(path) - 1:
            raise UnsupportedInput(f"no field {name!r}: {'.'.join(path[:i + 1])} holds no fields",
                                   expected=f"a path ending at {'.'.join(path[:i + 1])}")
        return shape.kind, multi
    raise UnsupportedInput(f"no field {name!r}: {'.'.join(path)} is an object, not a value",
                           expected="a path to one of its fields: " + ", ".join(
                               f"{name}.{f.name}" for f in fields_of(cls)))


def _path_field(name: str) -> Field:
    parts = tuple(name.split("."))
    if parts[0] == "item" and len(parts) > 1:
        rest = parts[1:]
        kind, multi = _check_path(Item, rest, name)
        return Field(name, "item", lambda letter, item: _walk(item, rest), ordered=kind in ("int", "date"),
                     numeric=kind == "int", multi=multi)
    kind, multi = _check_path(Determination, parts, name)
    return Field(name, "letter", lambda letter, item: _walk(letter, parts), ordered=kind in ("int", "date"),
                 numeric=kind == "int", multi=multi)


# -- named fields -------------------------------------------------------------------------------


def _date(letter: Letter, key: str) -> dt.date | None:
    value = (letter.get("case") or {}).get(key)
    try:
        return dt.date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def _period(kind: str) -> Getter:
    def get(letter: Letter, item: ItemData | None) -> list[Any]:
        day = _date(letter, "decision_date")
        if day is None:
            return []
        if kind == "year":
            return [day.year]
        if kind == "quarter":
            return [f"{day.year}-Q{(day.month - 1) // 3 + 1}"]
        return [f"{day.year}-{day.month:02d}"]
    return get


def _days(start: str) -> Getter:
    def get(letter: Letter, item: ItemData | None) -> list[Any]:
        first, last = _date(letter, start), _date(letter, "decision_date")
        return [] if first is None or last is None else [(last - first).days]
    return get


def _injury_year(letter: Letter, item: ItemData | None) -> list[Any]:
    day = _date(letter, "date_of_injury")
    if day is None:
        injured = ((letter.get("summary") or {}).get("patient") or {}).get("date_of_injury")
        day = dt.date.fromisoformat(injured) if injured else None
    return [] if day is None else [day.year]


def _age_group(letter: Letter, item: ItemData | None) -> list[Any]:
    age = ((letter.get("summary") or {}).get("patient") or {}).get("age")
    if age is None:
        return []
    low = age // 10 * 10
    return [f"{low}-{low + 9}"]


def _distinct(values: list[Any]) -> list[Any]:
    return list(dict.fromkeys(values))


def _reviewer_guidelines(letter: Letter, item: ItemData | None) -> list[Any]:
    return _distinct(_walk(item, ("reviewer_guideline", "citations", "guideline"))
                     + _walk(item, ("rationale_citations", "guideline")))


def _item_count(letter: Letter, item: ItemData | None) -> list[Any]:
    return [len(letter.get("items") or ())]


def _item(*path: str) -> Getter:
    return lambda letter, item: _distinct(_walk(item, path))


def _letter(*path: str) -> Getter:
    return lambda letter, item: _distinct(_walk(letter, path))


def _specialties(letter: Letter, item: ItemData | None) -> list[Any]:
    """The reviewer's specialties in one spelling per board (output written before
    canonical names existed has only the letter's spellings: those then)."""
    return _distinct(_walk(letter, ("reviewer", "canonical_specialties"))
                     or _walk(letter, ("reviewer", "specialties")))


#: The named fields, by name.
NAMED: Mapping[str, Field] = {f.name: f for f in (
    Field("category", "item", _item("service", "category"),
          doc="the service category (`item.service.category`)"),
    Field("dwc_category", "item", _item("service", "dwc_category"),
          doc="the state's request category (`item.service.dwc_category`)"),
    Field("modality", "item", _item("service", "modality"), doc="imaging or test modality"),
    Field("procedure", "item", _item("service", "procedure"), doc="the procedures named"),
    Field("body_region", "item", _item("service", "body_regions"), multi=True, doc="each body region (multi-valued)"),
    Field("drug", "item", _item("service", "drug"), doc="the drug as named (`item.service.drug`)"),
    Field("generic", "item", _item("service", "generic"), doc="the drug's active ingredients"),
    Field("drug_class", "item", _item("service", "drug_class"), doc="the drug's class (opioid, nsaid, ...)"),
    Field("decision", "item", _item("decision"), doc="upheld or overturned"),
    Field("guideline", "item", _reviewer_guidelines,
          multi=True, doc="each guideline the expert reviewer cited for the item (guideline line and rationale)"),
    Field("ca_guideline", "item", _item("claims_administrator_guideline", "citations", "guideline"),
          multi=True, doc="each guideline the claims administrator cited"),
    Field("mtus", "item", _item("reviewer_guideline", "based_on_mtus"),
          doc="whether the reviewer's guideline line is based on the MTUS"),
    Field("specialty", "letter", _specialties,
          multi=True, doc="each specialty of the expert reviewer, in one spelling per board "
                          "(`reviewer.canonical_specialties`; multi-valued)"),
    Field("outcome", "letter", _letter("overall_decision"),
          doc="the letter's outcome: upheld, overturned, partially overturned"),
    Field("year", "letter", _period("year"), ordered=True, doc="year of the decision date"),
    Field("quarter", "letter", _period("quarter"), ordered=True, doc="quarter of the decision date (`2016-Q4`)"),
    Field("month", "letter", _period("month"), ordered=True, doc="month of the decision date (`2016-12`)"),
    Field("injury_year", "letter", _injury_year, ordered=True,
          doc="year of the date of injury (the accident year)"),
    Field("items", "letter", _item_count, ordered=True, numeric=True,
          doc="the number of disputed items (decisions) in the letter"),
    Field("days_to_decision", "letter", _days("application_received"), ordered=True, numeric=True,
          doc="days from the application's receipt to the decision date"),
    Field("days_assigned_to_decision", "letter", _days("date_assigned"), ordered=True, numeric=True,
          doc="days from the date assigned to the decision date"),
    Field("priority", "letter", _letter("case", "priority"), doc="Standard or Expedited"),
    Field("sex", "letter", _letter("summary", "patient", "sex"), doc="the injured worker's sex"),
    Field("age_group", "letter", _age_group, ordered=True, doc="the injured worker's age by decade (`40-49`)"),
    Field("layout", "letter", _letter("layout"), doc="the letter layout (standard, notice-2013)"),
    Field("warning", "letter", _letter("warnings", "code"), multi=True, doc="each warning code of the letter"),
    Field("source", "letter", _letter("source"), doc="the letter's file"),
)}


def field(name: str) -> Field:
    """The field called ``name``: a named field or a contract path (raises
    :class:`~imrparse.errors.UnsupportedInput` naming what it could be)."""
    found = NAMED.get(name)
    return found if found is not None else _path_field(name)


def field_names() -> list[str]:
    return sorted(NAMED)
