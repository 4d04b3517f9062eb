"""The contract's shape, read from the attrs models (for the schema and the table formats).

:func:`fields_of` lists the keys the converter writes for a model class, in the order
it writes them, derived keys (``medically_necessary``, ``overall_decision``) included,
each with a :class:`Shape` built from the field's type hint. The JSON Schema
(:mod:`imrparse.schema`), the CSV columns and the Arrow schema are all derived from
this one walk, so they follow the models instead of a hand-written list that drifts.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import types
import typing
from typing import Any, Mapping, Union

import attrs

from . import models
from .convert import DERIVED_KEYS
from .models import Span

__all__ = ["Shape", "ContractField", "shape_of", "fields_of", "constraints"]


@attrs.frozen
class Shape:
    """What a value looks like in the contract's JSON.

    ``kind`` is one of ``str``, ``int``, ``bool``, ``date``, ``enum`` (``cls`` is the
    enum), ``span`` (``[start, end]``), ``object`` (``cls`` is the attrs class),
    ``list`` (``of`` is the element), ``map`` (string keys, ``of`` is the value) or
    ``any`` (plain JSON, e.g. plugin extras).
    """

    kind: str
    optional: bool = False
    cls: type | None = None
    of: Shape | None = None


@attrs.frozen
class ContractField:
    """One key of a model's JSON object."""

    name: str
    shape: Shape
    #: Computed from other fields (written by the converter, ignored when read back).
    derived: bool = False
    #: The attrs attribute, for its validators (``None`` for derived keys).
    attribute: attrs.Attribute[Any] | None = None


# The converter's key order for the two classes it orders (everything else follows
# the attrs field order, which is what cattrs writes).
def _key_order() -> dict[type, tuple[str, ...]]:
    from . import convert

    return {
        models.Determination: convert._DETERMINATION_ORDER,
        models.Item: convert._ITEM_ORDER,
    }


_SCALARS: Mapping[type, str] = {str: "str", int: "int", bool: "bool", dt.date: "date"}


def shape_of(hint: Any) -> Shape:
    """The :class:`Shape` of a resolved type hint from the models."""
    origin = typing.get_origin(hint)
    if origin is Union or origin is types.UnionType:
        members = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(members) != 1:
            raise TypeError(f"unsupported union in the models: {hint!r}")
        return attrs.evolve(shape_of(members[0]), optional=True)
    if hint is Any:
        return Shape("any")
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) != 2 or args[1] is not Ellipsis:
            raise TypeError(f"only tuple[X, ...] is supported in the models, not {hint!r}")
        return Shape("list", of=shape_of(args[0]))
    if origin is not None and isinstance(origin, type) and issubclass(origin, Mapping):
        key, value = typing.get_args(hint)
        if key is not str:
            raise TypeError(f"mappings in the models have string keys, not {hint!r}")
        return Shape("map", of=shape_of(value))
    if hint is Span:
        return Shape("span")
    if isinstance(hint, type):
        if issubclass(hint, enum.Enum):
            return Shape("enum", cls=hint)
        if attrs.has(hint):
            return Shape("object", cls=hint)
        for scalar, kind in _SCALARS.items():
            if hint is scalar:
                return Shape(kind)
    raise TypeError(f"unsupported type in the models: {hint!r}")


@functools.lru_cache(maxsize=None)
def fields_of(cls: type) -> tuple[ContractField, ...]:
    """The keys the converter writes for ``cls``, in its order, with their shapes."""
    hints = typing.get_type_hints(cls, vars(models))
    found: dict[str, ContractField] = {
        a.name: ContractField(a.name, shape_of(hints[a.name]), attribute=a)
        for a in attrs.fields(cls)
    }
    for name in DERIVED_KEYS.get(cls, ()):
        prop = getattr(cls, name)
        returns = typing.get_type_hints(prop.fget, vars(models))["return"]
        found[name] = ContractField(name, shape_of(returns), derived=True)
    order = _key_order().get(cls, ())
    ordered = [found[k] for k in order if k in found]
    ordered += [f for k, f in found.items() if k not in order]
    return tuple(ordered)


def constraints(attribute: attrs.Attribute[Any] | None) -> dict[str, Any]:
    """What an attribute's validators promise, as JSON Schema keywords: ``pattern``
    (``matches_re``), ``minimum``/``maximum`` (``ge``/``le``), ``enum`` (``in_``)."""
    out: dict[str, Any] = {}
    if attribute is None or attribute.validator is None:
        return out
    pending: list[Any] = [attribute.validator]
    while pending:
        v = pending.pop()
        inner = getattr(v, "validator", None)  # optional(...)
        if inner is not None:
            pending.extend(inner if isinstance(inner, (list, tuple)) else [inner])
        pending.extend(getattr(v, "_validators", ()))  # and_(...)
        pattern = getattr(v, "pattern", None)
        if pattern is not None and hasattr(v, "match_func"):
            source = pattern.pattern if hasattr(pattern, "pattern") else str(pattern)
            out["pattern"] = f"^(?:{source})$"
        bound, op = getattr(v, "bound", None), getattr(v, "compare_op", None)
        if isinstance(bound, (int, float)) and op in (">=", "<="):
            out["minimum" if op == ">=" else "maximum"] = bound
        options = getattr(v, "options", None)
        if isinstance(options, (list, tuple, set, frozenset)) and options:
            out["enum"] = sorted(options, key=str)
    return out
