"""The JSON Schema of the data contract, generated from the models.

:func:`json_schema` walks the attrs models (their fields, type hints and validators)
and the converter's derived keys, so the schema cannot drift from what
:func:`imrparse.to_dict` writes. ``imrparse schema`` prints it::

    >>> from imrparse.schema import json_schema
    >>> schema = json_schema()
    >>> schema["$schema"]
    'https://json-schema.org/draft/2020-12/schema'
    >>> schema["properties"]["overall_decision"]["enum"]
    ['upheld', 'overturned', 'partially overturned', None]
"""

from __future__ import annotations

import inspect
from typing import Any

from .contract import Shape, constraints, fields_of
from .models import SCHEMA_VERSION, Determination

__all__ = ["json_schema", "DRAFT"]

DRAFT = "https://json-schema.org/draft/2020-12/schema"
"""The JSON Schema dialect of :func:`json_schema` (its ``$schema``)."""

_SPAN = {
    "type": "array",
    "description": "[start, end) character offsets into the parsed text",
    "prefixItems": [{"type": "integer", "minimum": 0}, {"type": "integer", "minimum": 0}],
    "items": False,
    "minItems": 2,
    "maxItems": 2,
}

_DERIVED = {
    "medically_necessary": "false when the decision upheld the denial, true when it overturned it",
    "overall_decision": "upheld (every item upheld), overturned (every item overturned), "
                        "partially overturned (a mix); null for a letter without items",
}

_EXTRAS = "fields added by extractor plugins, keyed by plugin name (plain JSON)"


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    if "enum" in schema:
        return {**schema, "enum": [*schema["enum"], None]}
    if "$ref" in schema:
        return {"anyOf": [schema, {"type": "null"}]}
    kind = schema["type"]
    return {**schema, "type": [*(kind if isinstance(kind, list) else [kind]), "null"]}


def _schema(shape: Shape, defs: dict[str, Any], closed: bool) -> dict[str, Any]:
    if shape.kind == "str":
        out: dict[str, Any] = {"type": "string"}
    elif shape.kind == "int":
        out = {"type": "integer"}
    elif shape.kind == "bool":
        out = {"type": "boolean"}
    elif shape.kind == "date":
        out = {"type": "string", "format": "date"}
    elif shape.kind == "enum":
        assert shape.cls is not None
        out = {"enum": [member.value for member in shape.cls]}  # type: ignore[attr-defined]
    elif shape.kind == "span":
        out = dict(_SPAN)
    elif shape.kind == "list":
        assert shape.of is not None
        out = {"type": "array", "items": _schema(shape.of, defs, closed)}
    elif shape.kind == "map":
        assert shape.of is not None
        out = {"type": "object"}
        if shape.of.kind != "any":
            out["additionalProperties"] = _schema(shape.of, defs, closed)
    elif shape.kind == "any":
        out = {}
    elif shape.kind == "object":
        assert shape.cls is not None
        name = shape.cls.__name__
        if name not in defs:
            defs[name] = {}  # a placeholder first: the models may refer to themselves
            defs[name] = _object(shape.cls, defs, closed)
        out = {"$ref": f"#/$defs/{name}"}
    else:  # pragma: no cover - _fields.shape_of only makes the kinds above
        raise TypeError(f"unknown shape {shape.kind!r}")
    return _nullable(out) if shape.optional and out else out


def _object(cls: type, defs: dict[str, Any], closed: bool) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    for field in fields_of(cls):
        prop = _schema(field.shape, defs, closed)
        prop.update(constraints(field.attribute))
        if field.derived:
            prop["description"] = _DERIVED.get(field.name, "derived from the other fields")
            prop["readOnly"] = True
        elif field.name == "extras":
            prop["description"] = _EXTRAS
        elif field.name == "spans":
            prop["description"] = "where each field's value stands in the text, keyed by field name"
        properties[field.name] = prop
    out: dict[str, Any] = {"type": "object"}
    doc = inspect.getdoc(cls)
    if doc and not doc.startswith(cls.__name__ + "("):  # attrs' generated docstring
        out["description"] = doc.split("\n\n")[0].replace("\n", " ")
    out["properties"] = properties
    # The converter writes every key, absent values as null and lists as [] (never null).
    out["required"] = list(properties)
    if closed:
        out["additionalProperties"] = False
    return out


def json_schema(*, closed: bool = False) -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) of one letter as :func:`imrparse.to_dict` writes it.

    Every key the converter writes is required; absent values are ``null``. Objects
    are open by default (the contract only ever adds keys); ``closed=True`` forbids
    keys the models do not define, which is how imrparse's own tests check that the
    schema and the output agree exactly.

    >>> import imrparse, jsonschema
    >>> from imrparse.testing import SAMPLE_LETTER
    >>> schema = json_schema(closed=True)
    >>> schema["required"][:3]
    ['schema_version', 'layout', 'source']
    >>> jsonschema.validate(imrparse.to_dict(imrparse.parse(SAMPLE_LETTER)), schema)
    """
    defs: dict[str, Any] = {}
    root = _object(Determination, defs, closed)
    root["properties"]["schema_version"]["const"] = SCHEMA_VERSION
    return {
        "$schema": DRAFT,
        "$id": f"urn:imrparse:schema:determination:{SCHEMA_VERSION}",
        "title": "imrparse Determination",
        **root,
        "$defs": dict(sorted(defs.items())),
    }
