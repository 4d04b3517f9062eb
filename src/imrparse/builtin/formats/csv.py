"""Built-in plugin: the ``csv`` output format, one row per disputed item.

Each row repeats its letter's fields, so the file opens as a flat table in a
spreadsheet or ``pandas.read_csv`` with one row per item (a letter without items
still gives one row, its ``item.*`` cells empty). Columns have dotted names from the
contract (``case.decision_date``, ``summary.patient.age``, ``item.service.category``)
and come from a walk over the models, in the converter's key order: letter columns
first, then ``item.index`` (1-based position in the letter) and the item's columns.

Cells: absent values are empty, booleans ``true``/``false``, dates ISO, lists joined
with ``"|"`` (citations and warnings by their text and code; an element's own ``|`` and
``\\`` are escaped as ``\\|`` and ``\\\\``, so that :func:`split_cell` gives the list back
exactly), and plugin ``extras`` as a JSON object (empty when there are none). Offsets
(``span``, ``spans``) are left out: the ``json`` and ``parquet`` formats carry them.
UTF-8 with RFC 4180 quoting and CRLF line ends.

For counting in a spreadsheet, each guideline line also has a ``guidelines`` column
(``item.reviewer_guideline.guidelines``: ``"ACOEM|ODG"``, the distinct guideline short
names of its citations in order), beside its MTUS flag (``based_on_mtus``): "MTUS
Shoulder Complaints 2004" is ACOEM chapter 9, which a count of "ACOEM" in the citation
text misses.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import json
from typing import IO, TYPE_CHECKING, Any, Callable, Iterable, Iterator

import attrs

from ...models import Basis, Citation, Determination, Item, Warning
from ...plugin.api import FormatOptions, OutputFormat, hookimpl

if TYPE_CHECKING:  # the contract's shapes and csv are imported on first use (see _walk)
    from ...contract import Shape

__all__ = ["columns", "added_columns", "rows", "write_csv", "join_cell", "split_cell", "JOIN", "ESCAPE"]

#: How list values are joined in one cell, and the character that escapes a ``JOIN`` or
#: itself inside a value (a citation's text may hold "; " or anything else).
JOIN = "|"
ESCAPE = "\\"

ITEM_PREFIX = "item."

# Keys with character offsets: not for a spreadsheet.
_SKIPPED = frozenset({"span", "spans"})

# How one element of a list of objects reads in a cell.
_LABELS: dict[type, Callable[[Any], str]] = {
    Citation: lambda c: c.text,
    Warning: lambda w: w.code,
}


def join_cell(values: Iterable[str]) -> str:
    """``values`` as one cell: joined with :data:`JOIN`, each value's own ``JOIN`` and
    :data:`ESCAPE` escaped."""
    return JOIN.join(v.replace(ESCAPE, ESCAPE + ESCAPE).replace(JOIN, ESCAPE + JOIN) for v in values)


def split_cell(cell: str) -> list[str]:
    """The list a cell of this format holds: ``split_cell(join_cell(values)) == values``
    (an empty cell is the empty list; the parser writes no empty values)."""
    if not cell:
        return []
    values: list[str] = []
    value: list[str] = []
    chars = iter(cell)
    for ch in chars:
        if ch == ESCAPE:
            value.append(next(chars, ""))
        elif ch == JOIN:
            values.append("".join(value))
            value = []
        else:
            value.append(ch)
    values.append("".join(value))
    return values


def _guidelines(basis: Basis) -> list[str]:
    """The distinct guideline short names of a line's citations, in order."""
    return list(dict.fromkeys(c.guideline for c in basis.citations if c.guideline))


# Columns the CSV adds after a model's own, for counting: (name, value from the object).
_ADDED: dict[type, tuple[tuple[str, Callable[[Any], Any]], ...]] = {
    Basis: (("guidelines", _guidelines),),
}


@attrs.frozen
class Column:
    """One CSV column: its dotted name and how to get its cell from a value."""

    name: str
    path: tuple[str, ...]
    shape: Shape
    #: For an added column: its value from the object at ``path``.
    derive: Callable[[Any], Any] | None = None


def _walk(cls: type, prefix: tuple[str, ...]) -> Iterator[Column]:
    # imrparse.contract is imported here, not with the module: registering the format is
    # part of every command's start, and most commands write no CSV.
    from ...contract import Shape, fields_of

    for field in fields_of(cls):
        if field.name in _SKIPPED or (cls is Determination and field.name == "items"):
            continue
        path = (*prefix, field.name)
        if field.shape.kind == "object" and field.shape.cls is not None:
            yield from _walk(field.shape.cls, path)
        else:
            yield Column(".".join(path), path, field.shape)
    for name, derive in _ADDED.get(cls, ()):
        yield Column(".".join((*prefix, name)), prefix, Shape("list", of=Shape("str")), derive)


@functools.lru_cache(maxsize=None)
def _columns() -> tuple[tuple[Column, ...], tuple[Column, ...]]:
    letter = tuple(_walk(Determination, ()))
    item = tuple(attrs.evolve(c, name=ITEM_PREFIX + c.name) for c in _walk(Item, ()))
    return letter, item


def columns() -> list[str]:
    """The column names, in file order."""
    letter, item = _columns()
    return [c.name for c in letter] + [ITEM_PREFIX + "index"] + [c.name for c in item]


def added_columns() -> list[str]:
    """The columns that are no key of the contract's JSON: added for counting."""
    letter, item = _columns()
    return [c.name for c in (*letter, *item) if c.derive is not None]


def _get(obj: Any, path: tuple[str, ...]) -> Any:
    for name in path:
        if obj is None:
            return None
        obj = getattr(obj, name)
    return obj


def _cell(value: Any, shape: Shape, converter: Any) -> str:
    if value is None:
        return ""
    if shape.kind == "map":
        if not value:
            return ""
        return json.dumps(converter.unstructure(dict(value)), ensure_ascii=False, sort_keys=True)
    if shape.kind == "list":
        assert shape.of is not None
        element = shape.of
        return join_cell(_label(v, element, converter) for v in value)
    return _scalar(value)


def _label(value: Any, shape: Shape, converter: Any) -> str:
    if shape.kind == "object":
        label = _LABELS.get(type(value))
        if label is not None:
            return label(value)
        return json.dumps(converter.unstructure(value), ensure_ascii=False)
    return _scalar(value)


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _value(obj: Any, column: Column) -> Any:
    value = _get(obj, column.path)
    return column.derive(value) if column.derive is not None and value is not None else value


def rows(det: Determination, converter: Any) -> Iterator[list[str]]:
    """The CSV rows of one letter (one per item, at least one), as lists of cells."""
    letter, item_columns = _columns()
    head = [_cell(_value(det, c), c.shape, converter) for c in letter]
    if not det.items:
        yield head + [""] * (1 + len(item_columns))
        return
    for index, item in enumerate(det.items, 1):
        yield head + [str(index)] + [_cell(_value(item, c), c.shape, converter) for c in item_columns]


def write_csv(dets: Iterable[Determination], stream: IO[Any], options: FormatOptions) -> None:
    import csv

    writer = csv.writer(stream, dialect="excel", lineterminator="\r\n")
    writer.writerow(columns())
    for det in dets:
        writer.writerows(rows(det, options.converter))
        stream.flush()


FORMATS = [
    OutputFormat(name="csv", extension=".csv", write=write_csv,
                 description="CSV: one row per disputed item, the letter's fields repeated"),
]


@hookimpl
def imrparse_formats() -> list[OutputFormat]:
    return list(FORMATS)
