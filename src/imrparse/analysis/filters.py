"""``--where``: filters on fields, one condition per option, all of them must hold.

A condition is ``FIELD OP VALUE`` with no spaces needed around ``OP``:

=========  ===================================================================
``=``      equal (text case-insensitively); ``a|b`` means a or b
``!=``     none of the values equal (``a|b``: neither)
``<`` ...  ``<``, ``<=``, ``>``, ``>=``: numbers as numbers, anything else as text
           (ISO dates and ``2016-Q4`` quarters compare correctly as text)
``~``      contains the text, case-insensitively (``a|b``: either)
=========  ===================================================================

``FIELD`` is any field of :mod:`imrparse.analysis.fields`. ``null`` stands for a missing
value (``item.service.drug=null``, ``case.decision_date!=null``). A multi-valued field
(``specialty``, ``guideline``, ``body_region``) meets ``=``, ``~`` and comparisons when
*any* of its values does, and ``!=`` when *none* does.
"""

from __future__ import annotations

import re
from typing import Any

import attrs

from ..errors import UnsupportedInput
from .fields import Field, ItemData, Letter, field

__all__ = ["Condition", "parse_condition"]

_CONDITION = re.compile(r"^\s*([A-Za-z_][\w.]*)\s*(!=|<=|>=|=|<|>|~)\s*(.*?)\s*$", re.DOTALL)
NULL = "null"


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value).casefold()


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _compare(op: str, value: Any, wanted: str) -> bool:
    left, right = _number(value), _number(wanted)
    if left is None or right is None:
        a, b = _text(value), wanted.casefold()
        return {"<": a < b, "<=": a <= b, ">": a > b, ">=": a >= b}[op]
    return {"<": left < right, "<=": left <= right, ">": left > right, ">=": left >= right}[op]


@attrs.frozen
class Condition:
    """One ``--where`` condition."""

    text: str
    field: Field
    op: str
    values: tuple[str, ...]

    @property
    def scope(self) -> str:
        return self.field.scope

    def holds(self, letter: Letter, item: ItemData | None) -> bool:
        found = self.field.get(letter, item)
        if self.op in ("=", "!="):
            hit = any((not found) if v.casefold() == NULL else any(_text(f) == v.casefold() for f in found)
                      for v in self.values)
            return hit if self.op == "=" else not hit
        if self.op == "~":
            return any(v.casefold() in _text(f) for v in self.values for f in found)
        return any(_compare(self.op, f, self.values[0]) for f in found)


def parse_condition(text: str) -> Condition:
    """A ``--where`` condition (raises :class:`~imrparse.errors.UnsupportedInput`
    saying what a condition looks like)."""
    m = _CONDITION.match(text)
    if not m or not m.group(3):
        raise UnsupportedInput(f"cannot read the condition {text!r}",
                               expected="FIELD OP VALUE with OP one of = != < <= > >= ~ "
                                        "(e.g. category=medication, case.decision_date>=2016-01-01)")
    name, op, value = m.groups()
    values = tuple(v.strip() for v in value.split("|")) if op in ("=", "!=", "~") else (value,)
    return Condition(text=text, field=field(name), op=op, values=values)

