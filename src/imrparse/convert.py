"""The one place where models become the contract's JSON and back (cattrs).

``to_dict(det)`` gives exactly the keys of ``CONTRACT.md`` (plus the added ``spans`` and
``extras``), with ISO dates, enum values as strings, spans as ``[start, end]`` and
tuples as lists. ``from_dict(to_dict(det)) == det``.

Extractor plugins that store typed values (attrs classes) under ``extras`` name their
type, and :func:`make_converter` structures them back to that type.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any, Callable, Mapping

import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from .models import Decision, Determination, Item, OverallDecision, Sex, Span

__all__ = ["make_converter", "to_dict", "from_dict"]

# Keys computed from other fields: written by to_dict, ignored by from_dict.
DERIVED_KEYS = {Item: ("medically_necessary",), Determination: ("overall_decision",)}

# The contract's key order, so that JSON reads like the contract.
_DETERMINATION_ORDER = (
    "schema_version", "layout", "source", "case", "reviewer", "summary", "items",
    "overall_decision", "warnings", "extras",
)
_ITEM_ORDER = (
    "request", "original_request", "authorized", "decision", "medically_necessary",
    "claims_administrator_guideline", "reviewer_guideline", "rationale",
    "rationale_citations", "service", "span", "spans", "extras",
)


def _date_from_iso(value: Any, _: type) -> dt.date:
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _span_from_pair(value: Any, _: type) -> Span:
    start, end = value
    return Span(int(start), int(end))


def _ordered(d: dict[str, Any], order: tuple[str, ...]) -> dict[str, Any]:
    out = {k: d[k] for k in order if k in d}
    out.update((k, v) for k, v in d.items() if k not in out)
    return out


def make_converter(extras_types: Mapping[str, type] | None = None) -> cattrs.Converter:
    """A fresh converter for the contract's JSON.

    ``extras_types`` maps a plugin name to the attrs class its extractor stores under
    ``extras[name]``; values of other plugins stay plain JSON. Pass the converter to
    :func:`to_dict` and :func:`from_dict` (a plugin set's own is
    ``Plugins.converter``, built from its extractors' ``type``):

    >>> import attrs, imrparse
    >>> @attrs.frozen
    ... class Counts:
    ...     words: int
    >>> conv = make_converter({"counts": Counts})
    >>> det = imrparse.models.Determination(layout="standard", extras={"counts": Counts(3)})
    >>> data = to_dict(det, conv)
    >>> data["extras"]
    {'counts': {'words': 3}}
    >>> from_dict(data, conv).extras["counts"]
    Counts(words=3)
    >>> from_dict(data).extras["counts"]   # the default converter keeps plain JSON
    {'words': 3}
    """
    conv = cattrs.Converter()
    types = dict(extras_types or {})

    conv.register_unstructure_hook(dt.date, lambda d: d.isoformat())
    conv.register_structure_hook(dt.date, _date_from_iso)
    conv.register_unstructure_hook(Span, lambda s: [s.start, s.end])
    conv.register_structure_hook(Span, _span_from_pair)
    for enum_type in (Decision, OverallDecision, Sex):
        conv.register_unstructure_hook(enum_type, lambda e: e.value)

    def unstructure_extras(extras: Mapping[str, Any]) -> dict[str, Any]:
        return {name: conv.unstructure(value) for name, value in extras.items()}

    def structure_extras(value: Any) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, raw in dict(value or {}).items():
            out[name] = conv.structure(raw, types[name]) if name in types else raw
        return out

    def with_derived(
        cls: type, order: tuple[str, ...], derived: Callable[[Any], dict[str, Any]]
    ) -> None:
        base: Callable[[Any], dict[str, Any]] = make_dict_unstructure_fn(cls, conv)

        def unstructure(obj: Any) -> dict[str, Any]:
            d = base(obj)
            d.update(derived(obj))
            d["extras"] = unstructure_extras(obj.extras)
            return _ordered(d, order)

        conv.register_unstructure_hook(cls, unstructure)
        # Made on first use: writing output (the common case) never structures, and
        # generating these functions took a one-letter command 3%.
        structure_base: Callable[[Mapping[str, Any], Any], Any] | None = None

        def structure(value: Mapping[str, Any], _: type) -> Any:
            nonlocal structure_base
            if structure_base is None:
                structure_base = make_dict_structure_fn(cls, conv, extras=override(omit=True))
            d = {k: v for k, v in value.items() if k not in DERIVED_KEYS[cls]}
            extras = structure_extras(d.pop("extras", None))
            obj = structure_base(d, cls)
            return obj if not extras else _replace_extras(obj, extras)

        conv.register_structure_hook(cls, structure)

    with_derived(
        Item, _ITEM_ORDER, lambda item: {"medically_necessary": item.medically_necessary}
    )
    with_derived(
        Determination,
        _DETERMINATION_ORDER,
        lambda det: {
            "overall_decision": det.overall_decision.value if det.overall_decision else None
        },
    )
    return conv


def _replace_extras(obj: Any, extras: dict[str, Any]) -> Any:
    import attrs

    return attrs.evolve(obj, extras=extras)


@functools.lru_cache(maxsize=1)
def _default_converter() -> cattrs.Converter:
    return make_converter()


def to_dict(det: Determination, converter: cattrs.Converter | None = None) -> dict[str, Any]:
    """The contract's JSON object for one letter (plain dicts, lists, str, int, bool, None).

    Every key of the contract is written, in its order: dates as ISO strings, enums as
    their values, spans as ``[start, end]``, tuples as lists; ``json.dumps`` takes it as
    it is.

    >>> import imrparse
    >>> from imrparse.testing import SAMPLE_LETTER
    >>> data = to_dict(imrparse.parse(SAMPLE_LETTER))
    >>> list(data)[:4], data["case"]["decision_date"], data["overall_decision"]
    (['schema_version', 'layout', 'source', 'case'], '2020-02-03', 'partially overturned')
    >>> data["items"][0]["decision"], data["items"][0]["span"]
    ('upheld', [1498, 2041])
    """
    conv = converter or _default_converter()
    result: dict[str, Any] = conv.unstructure(det, Determination)
    return result


def from_dict(data: Mapping[str, Any], converter: cattrs.Converter | None = None) -> Determination:
    """Rebuild a :class:`~imrparse.models.Determination` from :func:`to_dict`'s output.

    ``from_dict(to_dict(det)) == det``; derived keys (``overall_decision``,
    ``medically_necessary``) are ignored. Raises :class:`~imrparse.errors.InvalidValue`
    naming the JSON path of a bad value:

    >>> import imrparse
    >>> from imrparse.testing import SAMPLE_LETTER
    >>> det = imrparse.parse(SAMPLE_LETTER)
    >>> from_dict(to_dict(det)) == det
    True
    >>> from_dict({"layout": "standard", "case": {"decision_date": "2020-13-45"}})
    Traceback (most recent call last):
      ...
    imrparse.errors.InvalidValue: not a valid determination: ... @ $.case.decision_date (expected the JSON written by imrparse.to_dict)
    """
    from .errors import InvalidValue

    conv = converter or _default_converter()
    try:
        det: Determination = conv.structure(dict(data), Determination)
    except (cattrs.BaseValidationError, ValueError, TypeError, KeyError) as exc:
        detail = "; ".join(cattrs.transform_error(exc)) if isinstance(
            exc, cattrs.BaseValidationError) else str(exc)
        raise InvalidValue(f"not a valid determination: {detail}",
                           expected="the JSON written by imrparse.to_dict") from None
    return det
