"""Built-in plugin: the ``parquet`` output format (needs ``pip install 'imrparse[parquet]'``).

One row per letter with typed, nested columns: the Arrow schema is derived from the
models (:func:`arrow_schema`), so dates are ``date32``, counts ``int64``, flags
``bool``, enums their string values, lists Arrow lists, nested objects structs, the
items a ``list<struct>``, spans ``fixed_size_list<int64>[2]`` and the ``spans`` of each
object a ``map<string, span>``. Only plugin ``extras`` (whatever JSON a plugin
stores) are JSON text. The derived ``overall_decision`` and
``items[].medically_necessary`` are stored too, for querying.

The file round-trips: :func:`read_parquet` (or :func:`from_record` on the rows of
``pyarrow.parquet.read_table(path).to_pylist()``) gives back the contract's JSON, and
``imrparse.from_dict`` of that equals the Determination that was written.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
from typing import IO, TYPE_CHECKING, Any, Iterable, Iterator

from ...errors import UnsupportedInput
from ...models import Determination
from ...plugin.api import FormatOptions, OutputFormat, hookimpl

if TYPE_CHECKING:  # the contract's shapes are imported on first use (see _root)
    from ...contract import ContractField, Shape
    import cattrs
    import pyarrow

__all__ = ["arrow_schema", "to_record", "from_record", "read_parquet", "write_parquet"]

#: Letters per Parquet row group (and per batch held in memory while writing).
ROW_GROUP = 512

INSTALL_HINT = "pip install 'imrparse[parquet]'"


def _pyarrow() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet  # noqa: F401
    except ImportError:
        raise UnsupportedInput("the parquet format needs pyarrow",
                               expected=f"pyarrow installed: {INSTALL_HINT}") from None
    return pyarrow


def _arrow_type(shape: Shape, pa: Any) -> Any:
    kind = shape.kind
    if kind in ("str", "enum"):
        return pa.string()
    if kind == "int":
        return pa.int64()
    if kind == "bool":
        return pa.bool_()
    if kind == "date":
        return pa.date32()
    if kind == "span":
        return pa.list_(pa.int64(), 2)
    if kind == "list":
        assert shape.of is not None
        return pa.list_(pa.field("element", _arrow_type(shape.of, pa), nullable=shape.of.optional))
    if kind == "map":
        assert shape.of is not None
        if shape.of.kind == "any":
            return pa.string()  # plugin extras: JSON text
        return pa.map_(pa.string(), _arrow_type(shape.of, pa))
    if kind == "any":
        return pa.string()
    if kind == "object":
        assert shape.cls is not None
        return pa.struct(_arrow_fields(shape.cls, pa))
    raise TypeError(f"unknown shape {kind!r}")  # pragma: no cover


def _arrow_fields(cls: type, pa: Any) -> list[Any]:
    return [pa.field(f.name, _arrow_type(f.shape, pa), nullable=f.shape.optional)
            for f in _fields_of(cls)]


def arrow_schema() -> pyarrow.Schema:
    """The Arrow schema of a letter (one row), derived from the models."""
    pa = _pyarrow()
    schema: pyarrow.Schema = pa.schema(_arrow_fields(Determination, pa))
    return schema


def _to_arrow(value: Any, shape: Shape) -> Any:
    """A value of the contract's JSON as pyarrow takes it for ``shape``."""
    if value is None:
        return None
    kind = shape.kind
    if kind == "date":
        return dt.date.fromisoformat(value)
    if kind == "list":
        assert shape.of is not None
        return [_to_arrow(v, shape.of) for v in value]
    if kind == "map":
        assert shape.of is not None
        if shape.of.kind == "any":
            return json.dumps(value, ensure_ascii=False, sort_keys=True)
        return [(k, _to_arrow(v, shape.of)) for k, v in value.items()]
    if kind == "any":
        return json.dumps(value, ensure_ascii=False)
    if kind == "object":
        assert shape.cls is not None
        return {f.name: _to_arrow(value.get(f.name), f.shape) for f in _fields_of(shape.cls)}
    return value


def _from_arrow(value: Any, shape: Shape) -> Any:
    """The contract's JSON for a value pyarrow read back (the inverse of :func:`_to_arrow`)."""
    if value is None:
        return None
    kind = shape.kind
    if kind == "date":
        return value.isoformat()
    if kind == "span":
        return list(value)
    if kind == "list":
        assert shape.of is not None
        return [_from_arrow(v, shape.of) for v in value]
    if kind == "map":
        assert shape.of is not None
        if shape.of.kind == "any":
            return json.loads(value)
        pairs = value.items() if isinstance(value, dict) else value
        return {k: _from_arrow(v, shape.of) for k, v in pairs}
    if kind == "any":
        return json.loads(value)
    if kind == "object":
        assert shape.cls is not None
        return {f.name: _from_arrow(value.get(f.name), f.shape) for f in _fields_of(shape.cls)}
    return value


def _fields_of(cls: type) -> tuple[ContractField, ...]:
    from ...contract import fields_of

    return fields_of(cls)


@functools.lru_cache(maxsize=1)
def _root() -> Shape:
    # imrparse.contract is imported here, not with the module: registering the format is
    # part of every command's start.
    from ...contract import Shape

    return Shape("object", cls=Determination)


def to_record(det: Determination, converter: cattrs.Converter) -> dict[str, Any]:
    """One letter as a row for :func:`arrow_schema` (dates as dates, maps as pairs)."""
    record: dict[str, Any] = _to_arrow(converter.unstructure(det, Determination), _root())
    return record


def from_record(row: dict[str, Any]) -> dict[str, Any]:
    """The contract's JSON for one row read back from a file this format wrote."""
    data: dict[str, Any] = _from_arrow(row, _root())
    return data


def read_parquet(
    source: str | os.PathLike[str] | IO[bytes], converter: cattrs.Converter | None = None
) -> list[Determination]:
    """The letters in a Parquet file written by this format."""
    _pyarrow()
    import pyarrow.parquet as pq

    from ...convert import from_dict

    table = pq.read_table(source)
    return [from_dict(from_record(row), converter) for row in table.to_pylist()]


def _batches(dets: Iterable[Determination], converter: cattrs.Converter) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for det in dets:
        batch.append(to_record(det, converter))
        if len(batch) >= ROW_GROUP:
            yield batch
            batch = []
    if batch:
        yield batch


def write_parquet(dets: Iterable[Determination], stream: IO[Any], options: FormatOptions) -> None:
    pa = _pyarrow()
    import pyarrow.parquet as pq

    schema = arrow_schema()
    # pyarrow keeps its own count of what it wrote: pipes (standard output) work too.
    with pq.ParquetWriter(stream, schema) as writer:
        for batch in _batches(dets, options.converter):
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
    stream.flush()


FORMATS = [
    OutputFormat(name="parquet", extension=".parquet", write=write_parquet, binary=True,
                 description=f"Apache Parquet: one row per letter, typed nested columns ({INSTALL_HINT})"),
]


@hookimpl
def imrparse_formats() -> list[OutputFormat]:
    return list(FORMATS)
