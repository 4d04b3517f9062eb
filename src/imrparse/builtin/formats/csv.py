"""Built-in plugin: the ``csv`` output format, one row per disputed item.

Each row repeats its letter's fields, so the file opens as a flat table in a
spreadsheet or ``pandas.read_csv`` with one row per item (a letter without items
still gives one row, its ``item.*`` cells empty). Columns have dotted names from the
contract (``case.decision_date``, ``summary.patient.age``, ``item.service.category``)
and come from a walk over the models, in the converter's key order: letter columns
first, then ``item.index`` (1-based position in the letter) and the item's columns.

Cells: absent values are empty, booleans ``true``/``false``, dates ISO, lists joined
with ``"; "`` (citations and warnings by their text and code), and plugin ``extras``
as a JSON object (empty when there are none). Offsets (``span``, ``spans``) are left
out: the ``json`` and ``parquet`` formats carry them. UTF-8 with RFC 4180 quoting and
CRLF line ends.
"""

from __future__ import annotations

import csv
import datetime as dt
import enum
import functools
import json
from typing import IO, Any, Callable, Iterable, Iterator

import attrs

from ...contract import Shape, fields_of
from ...models import Citation, Determination, Item, Warning
from ...plugin.api import FormatOptions, OutputFormat, hookimpl

__all__ = ["columns", "rows", "write_csv", "JOIN"]

#: How list values are joined in one cell.
JOIN = "; "

ITEM_PREFIX = "item."

# Keys with character offsets: not for a spreadsheet.
_SKIPPED = frozenset({"span", "spans"})

# How one element of a list of objects reads in a cell.
_LABELS: dict[type, Callable[[Any], str]] = {
    Citation: lambda c: c.text,
    Warning: lambda w: w.code,
}


@attrs.frozen
class Column:
    """One CSV column: its dotted name and how to get its cell from a value."""

    name: str
    path: tuple[str, ...]
    shape: Shape


def _walk(cls: type, prefix: tuple[str, ...]) -> Iterator[Column]:
    for field in fields_of(cls):
        if field.name in _SKIPPED or (cls is Determination and field.name == "items"):
            continue
        path = (*prefix, field.name)
        if field.shape.kind == "object" and field.shape.cls is not None:
            yield from _walk(field.shape.cls, path)
        else:
            yield Column(".".join(path), path, field.shape)


@functools.lru_cache(maxsize=None)
def _columns() -> tuple[tuple[Column, ...], tuple[Column, ...]]:
    letter = tuple(_walk(Determination, ()))
    item = tuple(attrs.evolve(c, name=ITEM_PREFIX + c.name) for c in _walk(Item, ()))
    return letter, item


def columns() -> list[str]:
    """The column names, in file order."""
    letter, item = _columns()
    return [c.name for c in letter] + [ITEM_PREFIX + "index"] + [c.name for c in item]


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
        return JOIN.join(_label(v, element, converter) for v in value)
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


def rows(det: Determination, converter: Any) -> Iterator[list[str]]:
    """The CSV rows of one letter (one per item, at least one), as lists of cells."""
    letter, item_columns = _columns()
    head = [_cell(_get(det, c.path), c.shape, converter) for c in letter]
    if not det.items:
        yield head + [""] * (1 + len(item_columns))
        return
    for index, item in enumerate(det.items, 1):
        yield head + [str(index)] + [_cell(_get(item, c.path), c.shape, converter)
                                     for c in item_columns]


def write_csv(dets: Iterable[Determination], stream: IO[Any], options: FormatOptions) -> None:
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
