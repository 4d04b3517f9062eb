"""Outcome statistics over many letters: counts, rates with 95% Wilson intervals, and
numeric measures, grouped by fields and filtered by conditions.

:func:`load_letters` reads letters (PDF or text, parsed with :func:`imrparse.parse_files`)
or imrparse's own output (jsonl, json, parquet, sqlite) into the contract's JSON;
:func:`outcome_table` makes one :class:`Table` of them.

Units
-----
``unit="item"`` counts disputed items: each is upheld or overturned. ``unit="letter"``
counts letters: a letter is *upheld* when all its counted items are, *overturned* when
all are overturned, *partially overturned* otherwise, and its rate counts the letters
with at least one item overturned (the state's "Overturn" and "Partially Overturn"
together). Filters on item fields keep only the matching items of each letter; grouped
by an item field, a letter counts once in each group it has items in, its outcome there
decided by those items. Letters with no item left are not counted (a note says how many).

Multi-valued fields (a reviewer's specialties, the guidelines cited) put a unit in each
of its groups, so groups may add up to more than the total; ``share`` is always a
group's units over all units counted.
"""

from __future__ import annotations

import itertools
import json
import math
import os
import sys
from pathlib import Path
from typing import IO, Any, Iterable, Iterator, Mapping, Sequence

import attrs

from ..errors import InvalidValue, UnsupportedInput
from .fields import Field, field
from .filters import Condition, parse_condition

__all__ = ["Table", "Loaded", "load_letters", "read_output", "is_output", "outcome_table", "wilson",
           "NONE_LABEL", "DATA_SUFFIXES"]

#: How a missing value reads in a table.
NONE_LABEL = "(none)"
#: 95%: the normal quantile for a two-sided 95% interval.
Z95 = 1.959963984540054

#: Files read as imrparse's output rather than as letters, by suffix.
DATA_SUFFIXES = (".jsonl", ".ndjson", ".json", ".parquet", ".sqlite", ".sqlite3", ".db")

# What the tables never read: dropped on loading, so that many letters fit in memory.
_BULKY = frozenset({"span", "spans", "text", "rationale"})


def wilson(successes: int, n: int, z: float = Z95) -> tuple[float, float] | None:
    """The Wilson score interval for ``successes`` out of ``n`` (``None`` for ``n == 0``).

    Unlike the normal approximation it stays inside [0, 1] and is sensible for rates
    near 0 or 1 and for small groups, which is most of what IMR tables hold."""
    if n <= 0:
        return None
    p = successes / n
    denominator = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator
    return max(0.0, centre - half), min(1.0, centre + half)


# -- loading ------------------------------------------------------------------------------------


@attrs.frozen
class Loaded:
    """Letters read for statistics (their contract JSON, slimmed) and what could not be read."""

    letters: list[dict[str, Any]]
    #: ``(source, message)`` of each letter that failed to parse.
    failures: list[tuple[str, str]] = attrs.field(factory=list)


def _slim(value: Any) -> Any:
    """The contract JSON without the keys statistics never read (texts and offsets)."""
    if isinstance(value, dict):
        return {k: _slim(v) for k, v in value.items() if k not in _BULKY}
    if isinstance(value, list):
        return [_slim(v) for v in value]
    return value


def _json_letters(stream: IO[str], name: str) -> Iterator[dict[str, Any]]:
    head = stream.read(1)
    while head and head.isspace():
        head = stream.read(1)
    if head == "[" or (head == "{" and name.endswith(".json")):
        data = json.loads(head + stream.read())
        yield from (data if isinstance(data, list) else [data])
        return
    for number, line in enumerate(itertools.chain([head + stream.readline()], stream), 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InvalidValue(f"{name}:{number}: not a JSON object ({exc.msg})",
                               expected="imrparse's jsonl output, one letter per line") from None
        yield data


def _parquet_letters(path: Path) -> Iterator[dict[str, Any]]:
    from ..builtin.formats import parquet

    parquet._pyarrow()
    import pyarrow.parquet as pq

    table = pq.ParquetFile(path)
    for batch in table.iter_batches():
        for row in batch.to_pylist():
            yield parquet.from_record(row)


def read_output(source: str) -> Iterator[dict[str, Any]]:
    """The contract JSON of each letter in imrparse's output: ``.jsonl``, ``.json``,
    ``.parquet``, ``.sqlite``/``.db``, or ``-`` (JSON Lines on standard input)."""
    if source == "-":
        yield from _json_letters(sys.stdin, "<stdin>")
        return
    path = Path(source)
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        yield from _parquet_letters(path)
    elif suffix in (".sqlite", ".sqlite3", ".db"):
        from ..builtin.formats.sqlite import iter_letters

        yield from iter_letters(str(path))
    else:
        with open(path, encoding="utf-8") as f:
            yield from _json_letters(f, path.name)


def is_output(source: str) -> bool:
    """Whether ``source`` names imrparse's output (by its suffix) rather than a letter."""
    return source == "-" or Path(source).suffix.lower() in DATA_SUFFIXES


def load_letters(sources: Sequence[str | os.PathLike[str]], *, jobs: int = 1, strict: bool = True,
                 reader: str | None = None) -> Loaded:
    """Read every source: imrparse's output (``.jsonl``, ``.json``, ``.parquet``,
    ``.sqlite``/``.db``, ``-`` for jsonl on standard input) or letters (PDF or text files,
    folders of them), which are parsed (``jobs`` processes). A letter that fails to parse
    is listed in ``failures``; a data file that cannot be read raises."""
    from ..batch import parse_files
    from ..convert import to_dict

    letters: list[dict[str, Any]] = []
    failures: list[tuple[str, str]] = []
    pending: list[str] = []

    def parse_pending() -> None:
        for outcome in parse_files(pending, strict=strict, reader=reader, jobs=jobs):
            if outcome.determination is not None:
                letters.append(_slim(to_dict(outcome.determination)))
            else:
                failures.append((outcome.source, str(outcome.error)))
        pending.clear()

    for raw in sources:
        source = os.fspath(raw)
        if not is_output(source):
            pending.append(source)
            continue
        parse_pending()
        try:
            letters.extend(_slim(d) for d in read_output(source) if isinstance(d, dict))
        except OSError as exc:
            raise UnsupportedInput(f"cannot read {source}: {exc.strerror or exc}",
                                   expected="a readable jsonl, json, parquet or sqlite file") from None
    parse_pending()
    return Loaded(letters, failures)


# -- tables -------------------------------------------------------------------------------------


@attrs.frozen
class Table:
    """One table: a row per group (``key`` is the tuple of its ``by`` values), a total.

    Rate tables (``kind="rate"``) have ``n``, ``upheld``, ``overturned`` (and
    ``partially_overturned`` for letters), ``rate``, ``ci_low``, ``ci_high`` (95% Wilson)
    and ``share``; measure tables (``kind="measure"``) have ``n``, ``mean``, ``median``,
    ``p25``, ``p75``, ``min``, ``max`` of the measured field.
    """

    title: str
    unit: str
    by: tuple[str, ...]
    where: tuple[str, ...]
    kind: str
    rate: str
    measure: str | None
    rows: tuple[Mapping[str, Any], ...]
    total: Mapping[str, Any]
    notes: tuple[str, ...] = ()
    name: str | None = None

    @property
    def value_columns(self) -> tuple[str, ...]:
        if self.kind == "measure":
            return ("n", "mean", "median", "p25", "p75", "min", "max")
        counts = ("upheld", "partially_overturned", "overturned") if self.unit == "letter" \
            else ("upheld", "overturned")
        return ("n", *counts, "rate", "ci_low", "ci_high", "share")

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "title": self.title, "unit": self.unit, "by": list(self.by),
                "where": list(self.where), "kind": self.kind, "rate": self.rate,
                "measure": self.measure, "rows": [dict(r) for r in self.rows],
                "total": dict(self.total), "notes": list(self.notes)}


_OUTCOMES = ("upheld", "overturned")


def _letter_outcome(decisions: list[str]) -> str:
    kinds = set(decisions)
    if kinds == {"upheld"}:
        return "upheld"
    if kinds == {"overturned"}:
        return "overturned"
    return "partially_overturned"


def _rates(unit: str, units: list[Any], rate: str) -> dict[str, Any]:
    """Counts and the rate of one group: ``units`` are item decisions, or for letters
    the list of their items' decisions."""
    n = len(units)
    if unit == "item":
        counts = {k: sum(1 for d in units if d == k) for k in _OUTCOMES}
    else:
        outcomes = [_letter_outcome(ds) for ds in units]
        counts = {k: outcomes.count(k) for k in ("upheld", "partially_overturned", "overturned")}
    hits = counts["upheld"] if rate == "upheld" else n - counts["upheld"]
    interval = wilson(hits, n)
    return {"n": n, **counts, "rate": hits / n if n else None,
            "ci_low": interval[0] if interval else None, "ci_high": interval[1] if interval else None}


def _quantile(values: list[float], q: float) -> float:
    position = (len(values) - 1) * q
    low = math.floor(position)
    high = min(low + 1, len(values) - 1)
    return values[low] + (values[high] - values[low]) * (position - low)


def _measures(values: list[Any]) -> dict[str, Any]:
    numbers = sorted(float(v) for v in values)
    if not numbers:
        return {"n": 0, "mean": None, "median": None, "p25": None, "p75": None, "min": None, "max": None}
    return {"n": len(numbers), "mean": sum(numbers) / len(numbers), "median": _quantile(numbers, 0.5),
            "p25": _quantile(numbers, 0.25), "p75": _quantile(numbers, 0.75),
            "min": numbers[0], "max": numbers[-1]}


def _sort_key(value: Any) -> tuple[int, Any]:
    if value is None:
        return (2, "")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return (0, value)
    return (1, str(value).casefold())


def _keys(fields: Sequence[Field], letter: Mapping[str, Any], item: Mapping[str, Any] | None
          ) -> Iterator[tuple[Any, ...]]:
    values = [f.get(letter, item) or [None] for f in fields]
    yield from itertools.product(*values)


def outcome_table(
    letters: Iterable[Mapping[str, Any]],
    *,
    by: Sequence[str] = (),
    where: Sequence[str | Condition] = (),
    unit: str = "item",
    rate: str = "overturned",
    measure: str | None = None,
    sort: str | None = None,
    min_n: int = 0,
    top: int | None = None,
    title: str | None = None,
    name: str | None = None,
) -> Table:
    """One table over ``letters`` (contract JSON): rates (or ``measure``'s distribution)
    for each group of the ``by`` fields, after the ``where`` conditions.

    ``sort``: ``"n"`` (largest first), ``"rate"`` (highest first) or ``"key"`` (by the
    group values); by default ``key`` when every ``by`` field is ordered (years,
    quarters, counts), else ``n``. ``min_n`` hides smaller groups (the total still
    counts them), ``top`` keeps the first rows.
    """
    if unit not in ("item", "letter"):
        raise UnsupportedInput(f"no unit {unit!r}", expected="item or letter")
    if rate not in ("overturned", "upheld"):
        raise UnsupportedInput(f"no rate {rate!r}", expected="overturned or upheld")
    if sort not in (None, "n", "rate", "key"):
        raise UnsupportedInput(f"cannot sort by {sort!r}", expected="n, rate or key")
    group_fields = [field(b) for b in by]
    conditions = [c if isinstance(c, Condition) else parse_condition(c) for c in where]
    letter_conds = [c for c in conditions if c.scope == "letter"]
    item_conds = [c for c in conditions if c.scope == "item"]
    measured = field(measure) if measure else None
    if measured is not None and not measured.numeric:
        raise UnsupportedInput(f"cannot measure {measure!r}: its values are not numbers",
                               expected="a numeric field: days_to_decision, days_assigned_to_decision, "
                                        "items, or a count of the contract (summary.patient.age ...)")
    if measured is not None and measured.scope == "letter" and not any(f.scope == "item" for f in group_fields):
        unit = "letter"

    if measured is not None and measured.scope == "item" and unit == "letter":
        raise UnsupportedInput(f"cannot measure the item field {measure!r} per letter", expected="--unit item")
    item_grouped = any(f.scope == "item" for f in group_fields)

    # group key -> unit -> the values of that unit in the group (item decisions, or the
    # measured value). A unit is a letter (its index) or an item (letter index, position).
    groups: dict[tuple[Any, ...], dict[Any, list[Any]]] = {}
    every: dict[Any, list[Any]] = {}
    skipped = 0
    for index, letter in enumerate(letters):
        if not all(c.holds(letter, None) for c in letter_conds):
            continue
        items = [it for it in (letter.get("items") or ()) if all(c.holds(letter, it) for c in item_conds)]
        if not items and (measured is None or item_conds):
            skipped += 1
            continue
        units: list[tuple[Mapping[str, Any] | None, Any]]
        if measured is None:
            units = [(it, it.get("decision")) for it in items]
        elif measured.scope == "letter":
            value = measured.get(letter, None)[:1]
            if not value:
                continue
            units = [(it, value[0]) for it in items] if items and (item_grouped or unit == "item") \
                else [(None, value[0])]
        else:
            units = [(it, v) for it in items for v in measured.get(letter, it)[:1]]
        for position, (it, value) in enumerate(units):
            slot: Any = index if unit == "letter" else (index, position)
            every.setdefault(slot, []).append(value)
            for key in set(_keys(group_fields, letter, it)):
                groups.setdefault(key, {}).setdefault(slot, []).append(value)

    def summarise(members: dict[Any, list[Any]]) -> dict[str, Any]:
        if measured is not None:
            return _measures([vs[0] for vs in members.values()])
        if unit == "letter":
            return _rates("letter", list(members.values()), rate)
        return _rates("item", [vs[0] for vs in members.values()], rate)

    total = summarise(every)
    rows: list[dict[str, Any]] = []
    for key, members in (groups.items() if group_fields else ()):
        row = {**dict(zip(by, key)), **summarise(members)}
        if measured is None:
            row["share"] = row["n"] / total["n"] if total["n"] else None
        rows.append(row)
    if measured is None:
        total["share"] = 1.0 if total["n"] else None
    order = sort or ("key" if group_fields and all(f.ordered for f in group_fields) else "n")

    def by_key(row: Mapping[str, Any]) -> tuple[tuple[int, Any], ...]:
        return tuple(_sort_key(row[b]) for b in by)

    if order == "key":
        rows.sort(key=by_key)
    elif order == "rate" and measured is None:
        rows.sort(key=lambda r: (-(r["rate"] or 0), -r["n"], by_key(r)))
    else:
        rows.sort(key=lambda r: (-r["n"], by_key(r)))
    hidden = [r for r in rows if r["n"] < min_n]
    rows = [r for r in rows if r["n"] >= min_n][:top]
    notes = []
    if skipped:
        notes.append(f"{skipped} letter(s) without {'matching ' if item_conds else ''}items not counted")
    if hidden:
        notes.append(f"{len(hidden)} group(s) with fewer than {min_n} {unit}s not shown")
    if any(f.multi for f in group_fields):
        notes.append(f"multi-valued field: each {unit} counts in each of its groups, which may add "
                     "up to more than the total")
    return Table(
        title=title or _title(unit, by, measure, rate), unit=unit, by=tuple(by),
        where=tuple(c.text for c in conditions), kind="measure" if measured else "rate",
        rate=rate, measure=measure, rows=tuple(rows), total=total, notes=tuple(notes), name=name)


def _title(unit: str, by: Sequence[str], measure: str | None, rate: str) -> str:
    what = f"{measure} per {unit}" if measure else \
        f"{'Uphold' if rate == 'upheld' else 'Overturn'} rate of {unit}s"
    return what + (" by " + ", ".join(by) if by else "")
