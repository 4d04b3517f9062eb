"""The JSON Schema of the contract (imrparse.schema) and the outputs that must satisfy it."""

from __future__ import annotations

import copy
import io
import json
from typing import Any

import attrs
import pytest

import imrparse
from imrparse import cli, models
from imrparse.builtin.formats import csv as format_csv
from imrparse.builtin.formats import parquet as format_parquet
from imrparse.models import Determination
from imrparse.plugin.registry import Plugins
from imrparse.schema import DRAFT, json_schema

from .corpus import builtin_plugins, local_letters, needs_shared, real_letters

jsonschema = pytest.importorskip("jsonschema")


def validator(closed: bool = True) -> Any:
    cls = jsonschema.Draft202012Validator
    return cls(json_schema(closed=closed), format_checker=cls.FORMAT_CHECKER)


def errors(data: Any, closed: bool = True) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
            for e in validator(closed).iter_errors(data)]


@pytest.fixture(scope="module")
def plugins() -> Plugins:
    return builtin_plugins()


@pytest.fixture(scope="module")
def letters(plugins: Plugins) -> list[Determination]:
    return local_letters(plugins)


def test_schema_is_valid_draft_2020_12() -> None:
    schema = json_schema()
    assert schema["$schema"] == DRAFT
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator.check_schema(json_schema(closed=True))
    json.dumps(schema)  # plain JSON


def test_cli_prints_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == json_schema()


def _resolve(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    if "anyOf" in node:
        node = next(n for n in node["anyOf"] if n.get("type") != "null")
    if "$ref" in node:
        node = schema["$defs"][node["$ref"].rsplit("/", 1)[1]]
    return node


def test_schema_follows_the_models() -> None:
    """Every attrs field of every model is a required property (checked with attrs)."""
    schema = json_schema()
    classes = [models.Case, models.Reviewer, models.Patient, models.Summary, models.Citation,
               models.Basis, models.Service, models.Item, models.Warning]
    for cls in classes:
        definition = schema["$defs"][cls.__name__]
        for field in attrs.fields(cls):
            assert field.name in definition["properties"], (cls.__name__, field.name)
            assert field.name in definition["required"]
    for field in attrs.fields(Determination):
        assert field.name in schema["properties"] and field.name in schema["required"]
    # The derived keys and extras.
    assert schema["properties"]["overall_decision"]["enum"] == [
        "upheld", "overturned", "partially overturned", None]
    item = schema["$defs"]["Item"]
    assert item["properties"]["medically_necessary"]["type"] == "boolean"
    assert "medically_necessary" in item["required"]
    assert item["properties"]["decision"]["enum"] == ["upheld", "overturned"]
    assert schema["properties"]["extras"]["type"] == "object"
    assert item["properties"]["extras"]["type"] == "object"
    # Types from the hints.
    case = schema["$defs"]["Case"]["properties"]
    assert case["decision_date"] == {"type": ["string", "null"], "format": "date"}
    assert case["case_number"]["pattern"] == r"^(?:CM\d{2}-\d{7})$"
    assert schema["$defs"]["Reviewer"]["properties"]["specialties"] == {
        "type": "array", "items": {"type": "string"}}
    span = item["properties"]["span"]
    assert span["type"] == ["array", "null"] and span["minItems"] == span["maxItems"] == 2
    patient = schema["$defs"]["Patient"]["properties"]
    assert patient["age"]["minimum"] == 0 and patient["age"]["maximum"] == 130
    assert patient["sex"]["enum"] == ["female", "male", None]
    assert schema["properties"]["schema_version"]["const"] == models.SCHEMA_VERSION


def test_letters_validate(plugins: Plugins, letters: list[Determination]) -> None:
    for det in letters:
        assert errors(imrparse.to_dict(det, plugins.converter)) == [], det.source


@needs_shared
def test_real_letters_validate(plugins: Plugins) -> None:
    for det in real_letters(plugins):
        assert errors(imrparse.to_dict(det, plugins.converter)) == [], det.source


def test_invalid_documents_fail(plugins: Plugins, letters: list[Determination]) -> None:
    good = imrparse.to_dict(next(d for d in letters if d.items and d.case), plugins.converter)
    bad = copy.deepcopy(good)
    bad["items"][0]["decision"] = "maybe"
    assert errors(bad)
    bad = copy.deepcopy(good)
    bad["case"]["decision_date"] = "2016-13-01"
    assert errors(bad)
    bad = copy.deepcopy(good)
    bad["case"]["case_number"] = "CM16-12"
    assert errors(bad)
    bad = copy.deepcopy(good)
    del bad["overall_decision"]
    assert errors(bad)
    bad = copy.deepcopy(good)
    bad["items"][0]["service"]["body_regions"] = None  # lists are never null
    assert errors(bad)
    bad = copy.deepcopy(good)
    bad["items"][0]["span"] = [1, 2, 3]
    assert errors(bad)
    bad = copy.deepcopy(good)
    bad["new_key"] = 1
    assert errors(bad, closed=True) and not errors(bad, closed=False)


def test_json_and_jsonl_outputs_validate(plugins: Plugins, letters: list[Determination]) -> None:
    array = json.loads(str(imrparse.render(letters, "json", plugins=plugins)))
    single = json.loads(str(imrparse.render(letters[0], "json", plugins=plugins)))
    lines = [json.loads(line) for line in str(imrparse.render(letters, "jsonl", plugins=plugins)).splitlines()]
    assert len(array) == len(lines) == len(letters)
    for record in [*array, single, *lines]:
        assert errors(record) == []


def test_parquet_records_validate(plugins: Plugins, letters: list[Determination]) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    data = imrparse.render(letters, "parquet", plugins=plugins)
    assert isinstance(data, bytes)
    for row in pq.read_table(io.BytesIO(data)).to_pylist():
        assert errors(format_parquet.from_record(row)) == []


def test_csv_columns_are_schema_paths() -> None:
    """Each CSV column names a property of the schema (``item.`` is an element of items),
    but for the columns the CSV adds for counting."""
    schema = json_schema()
    added = format_csv.added_columns()
    assert added == ["item.claims_administrator_guideline.guidelines", "item.reviewer_guideline.guidelines"]
    for column in format_csv.columns():
        if column == "item.index" or column in added:
            continue
        parts = column.split(".")
        node = schema
        if parts[0] == "item":
            node = _resolve(schema, schema["properties"]["items"]["items"])
            parts = parts[1:]
        for part in parts:
            node = _resolve(schema, node)
            assert part in node["properties"], column
            node = node["properties"][part]
        leaf = _resolve(schema, node)
        assert "$ref" not in leaf and "properties" not in leaf, f"{column} is an object, not a cell"
