"""The built-in output formats: csv, parquet, markdown (and json/jsonl through the CLI)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import imrparse
from imrparse import cli
from imrparse.builtin.formats import csv as format_csv
from imrparse.builtin.formats import markdown as format_markdown
from imrparse.builtin.formats import parquet as format_parquet
from imrparse.errors import UnsupportedInput
from imrparse.models import Basis, Citation, Decision, Determination, Item, Service
from imrparse.plugin.registry import Plugins

from ..corpus import (
    builtin_plugins,
    local_letters,
    needs_shared,
    real_letters,
    seed_paths,
)

pd = pytest.importorskip("pandas")
pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")


@pytest.fixture(scope="module")
def plugins() -> Plugins:
    return builtin_plugins()


@pytest.fixture(scope="module")
def letters(plugins: Plugins) -> list[Determination]:
    return local_letters(plugins)


@pytest.fixture(scope="module")
def real(plugins: Plugins) -> list[Determination]:
    return real_letters(plugins)


def expected_rows(dets: list[Determination]) -> int:
    return sum(max(1, len(d.items)) for d in dets)


def test_builtin_formats_come_from_their_plugins(plugins: Plugins) -> None:
    assert {"json", "jsonl", "csv", "parquet", "markdown"} <= set(plugins.formats)
    assert plugins.provider("imrparse_formats", "csv") == "format_csv"
    assert plugins.provider("imrparse_formats", "parquet") == "format_parquet"
    assert plugins.provider("imrparse_formats", "markdown") == "format_markdown"
    assert plugins.formats["parquet"].binary
    assert not plugins.formats["csv"].binary


# -- csv ---------------------------------------------------------------------------------


def read_csv(text: str) -> Any:
    return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)


def test_csv_opens_in_pandas_with_one_row_per_item(plugins: Plugins, letters: list[Determination]) -> None:
    text = imrparse.render(letters, "csv", plugins=plugins)
    assert isinstance(text, str)
    frame = read_csv(text)
    assert len(frame) == expected_rows(letters)
    assert list(frame.columns) == format_csv.columns()
    # One row per item, in letter order, with the letter's fields repeated.
    row = 0
    for det in letters:
        for index, item in enumerate(det.items, 1):
            assert frame["source"][row] == det.source
            assert frame["item.index"][row] == str(index)
            assert frame["item.request"][row] == item.request
            assert frame["item.decision"][row] == item.decision.value
            assert frame["item.medically_necessary"][row] == str(item.medically_necessary).lower()
            assert frame["item.service.category"][row] == item.service.category
            assert format_csv.split_cell(frame["item.service.body_regions"][row]) == list(
                item.service.body_regions)
            row += 1
        if not det.items:
            assert frame["source"][row] == det.source
            assert frame["item.index"][row] == ""
            assert frame["item.request"][row] == ""
            assert frame["overall_decision"][row] == ""
            row += 1


def test_csv_typed_columns_in_pandas(plugins: Plugins, letters: list[Determination]) -> None:
    with_items = [d for d in letters if d.items]
    frame = pd.read_csv(io.StringIO(str(imrparse.render(with_items, "csv", plugins=plugins))))
    assert frame["item.medically_necessary"].dtype == bool
    assert frame["item.index"].dtype.kind == "i"


def test_csv_columns_follow_the_models() -> None:
    names = format_csv.columns()
    assert names[:3] == ["schema_version", "layout", "source"]
    for expected in ("case.case_number", "case.decision_date", "reviewer.specialties",
                     "summary.patient.age", "summary.patient.sex", "overall_decision",
                     "item.index", "item.request", "item.decision", "item.medically_necessary",
                     "item.service.category", "item.service.body_regions",
                     "item.claims_administrator_guideline.citations",
                     "item.reviewer_guideline.citations", "item.rationale_citations",
                     "extras", "item.extras"):
        assert expected in names
    assert names.index("case.case_number") < names.index("reviewer.specialties") < names.index(
        "summary.patient.age") < names.index("overall_decision") < names.index("item.index")
    assert names.index("item.index") == names.index("item.request") - 1
    assert names.index("item.decision") + 1 == names.index("item.medically_necessary")
    # Every field of a nested model has its column (checked against attrs, not the walker).
    for field in attrs.fields(Service):
        if field.name != "spans":
            assert f"item.service.{field.name}" in names
    assert not any(n.endswith((".span", ".spans")) or n in ("span", "spans") for n in names)
    assert len(set(names)) == len(names)


def _json_at(data: Any, path: list[str]) -> Any:
    for name in path:
        if data is None:
            return None
        data = data[name]
    return data


def test_csv_cells_agree_with_the_json(plugins: Plugins, letters: list[Determination]) -> None:
    """Every scalar cell is the JSON value at the column's dotted path."""
    frame = read_csv(str(imrparse.render(letters, "csv", plugins=plugins)))
    records = frame.to_dict("records")
    row = 0
    for det in letters:
        data = imrparse.to_dict(det, plugins.converter)
        for item in data["items"] or [None]:
            record = records[row]
            for column, cell in record.items():
                if column == "item.index":
                    continue
                parts = column.split(".")
                if column in format_csv.added_columns():
                    continue  # added for counting, not a key of the JSON (tested below)
                value = (_json_at(item, parts[1:]) if parts[0] == "item" else _json_at(data, parts))
                if isinstance(value, bool):
                    assert cell == str(value).lower(), column
                elif isinstance(value, (str, int)) and not isinstance(value, bool):
                    assert cell == str(value), column
                elif value is None:
                    assert cell == "", column
                elif isinstance(value, list) and all(isinstance(v, str) for v in value):
                    assert format_csv.split_cell(cell) == value, column
                elif isinstance(value, list) and all(isinstance(v, dict) and "text" in v for v in value):
                    assert format_csv.split_cell(cell) == [v["text"] for v in value], column
            row += 1
    assert row == len(records)


def test_csv_quoting_and_encoding(plugins: Plugins, letters: list[Determination]) -> None:
    base = next(d for d in letters if d.items)
    tricky = 'Zoë\'s "TENS" unit, 2 pads; 1 | lead\nsecond line'
    det = attrs.evolve(base, items=(attrs.evolve(base.items[0], request=tricky),),
                       extras={"plugin": {"note": "é, \"x\""}})
    text = imrparse.render([det], "csv", plugins=plugins)
    assert isinstance(text, str)
    assert text.endswith("\r\n") and text.split("\r\n")[0].startswith("schema_version,")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert len(rows) == 2
    header, row = rows
    cells = dict(zip(header, row))
    assert cells["item.request"] == tricky
    assert json.loads(cells["extras"]) == {"plugin": {"note": 'é, "x"'}}
    frame = read_csv(text)
    assert frame["item.request"][0] == tricky


_LIST_VALUES = st.lists(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1),
                        max_size=6)


@given(_LIST_VALUES)
def test_a_list_cell_splits_back_exactly(values: list[str]) -> None:
    assert format_csv.split_cell(format_csv.join_cell(values)) == values


@given(st.lists(_LIST_VALUES, min_size=1, max_size=3))
def test_list_cells_survive_the_csv_file(citation_texts: list[list[str]]) -> None:
    """Citation texts with "|", "\\", "; ", quotes and line breaks: written into the CSV file,
    read back with the csv module, split back to the same texts."""
    items = tuple(Item(request="MRI", decision=Decision.UPHELD, reviewer_guideline=Basis(
        text="x", citations=tuple(Citation(text=t) for t in texts))) for texts in citation_texts)
    text = imrparse.render([Determination(layout="standard", items=items)], "csv", plugins=_PLUGINS)
    header, *rows = list(csv.reader(io.StringIO(str(text), newline="")))
    column = header.index("item.reviewer_guideline.citations")
    assert [format_csv.split_cell(row[column]) for row in rows] == citation_texts


_PLUGINS = builtin_plugins()


@pytest.mark.parametrize(("citations", "guidelines", "reversed_guidelines"), [
    # "MTUS Shoulder Complaints 2004" is ACOEM chapter 9: the code says so, the text does not.
    ([("MTUS Shoulder Complaints 2004", "ACOEM", True), ("ODG Shoulder chapter", "ODG", False),
      ("Official Disability Guidelines, Shoulder", "ODG", False)], "ACOEM|ODG", "ODG|ACOEM"),
    ([("Chronic Pain Medical Treatment Guidelines", "CPMTG", True)], "CPMTG", "CPMTG"),
    ([("A journal article", None, None)], "", ""),
    ([], "", ""),
])
def test_csv_guideline_codes_of_both_sides(citations: list[tuple[str, str | None, bool | None]],
                                           guidelines: str, reversed_guidelines: str) -> None:
    basis = Basis(text="Decision based on them.", based_on_mtus=True if citations else None,
                  citations=tuple(Citation(text=t, guideline=g, mtus=m) for t, g, m in citations))
    item = Item(request="MRI", decision=Decision.UPHELD, claims_administrator_guideline=basis,
                reviewer_guideline=attrs.evolve(basis, citations=basis.citations[::-1]))
    text = imrparse.render([Determination(layout="standard", items=(item,))], "csv", plugins=_PLUGINS)
    header, row = list(csv.reader(io.StringIO(str(text), newline="")))
    cells = dict(zip(header, row))
    assert cells["item.claims_administrator_guideline.guidelines"] == guidelines
    assert cells["item.reviewer_guideline.guidelines"] == reversed_guidelines
    assert cells["item.claims_administrator_guideline.based_on_mtus"] == ("true" if citations else "")
    names = format_csv.columns()
    for side in ("claims_administrator_guideline", "reviewer_guideline"):
        assert names.index(f"item.{side}.guidelines") == names.index(f"item.{side}.citations") + 1


def test_csv_cli_file_is_utf8(tmp_path: Path) -> None:
    out = tmp_path / "letters.csv"
    seeds = [str(p) for p in seed_paths()]
    assert cli.main(["parse", *seeds, "--format", "csv", "-o", str(out)]) == 0
    frame = pd.read_csv(out, encoding="utf-8")
    dets = [imrparse.parse_file(p, plugins=builtin_plugins()) for p in seeds]
    assert len(frame) == expected_rows(dets)


@needs_shared
def test_csv_real_letters(plugins: Plugins, real: list[Determination]) -> None:
    frame = read_csv(str(imrparse.render(real, "csv", plugins=plugins)))
    assert len(frame) == expected_rows(real)
    assert set(frame["case.case_number"]) == {d.case.case_number for d in real if d.case}


# -- parquet -----------------------------------------------------------------------------


def parquet_roundtrip(dets: list[Determination], plugins: Plugins) -> tuple[Any, list[Determination]]:
    data = imrparse.render(dets, "parquet", plugins=plugins)
    assert isinstance(data, bytes) and data[:4] == b"PAR1"
    table = pq.read_table(io.BytesIO(data))
    back = [imrparse.from_dict(format_parquet.from_record(row), plugins.converter)
            for row in table.to_pylist()]
    return table, back


def test_parquet_round_trips(plugins: Plugins, letters: list[Determination]) -> None:
    table, back = parquet_roundtrip(letters, plugins)
    assert table.num_rows == len(letters)
    assert back == letters
    assert format_parquet.read_parquet(io.BytesIO(imrparse.render(letters, "parquet", plugins=plugins))) == letters  # type: ignore[arg-type]


@needs_shared
def test_parquet_round_trips_real_letters(plugins: Plugins, real: list[Determination]) -> None:
    table, back = parquet_roundtrip(real, plugins)
    assert back == real


def test_parquet_columns_are_typed(plugins: Plugins, letters: list[Determination]) -> None:
    table, _ = parquet_roundtrip(letters, plugins)
    schema = table.schema
    assert schema == format_parquet.arrow_schema()
    case = schema.field("case").type
    assert pa.types.is_struct(case)
    assert case.field("decision_date").type == pa.date32()
    assert case.field("case_number").type == pa.string()
    reviewer = schema.field("reviewer").type
    assert reviewer.field("specialties").type.value_type == pa.string()
    assert pa.types.is_list(reviewer.field("specialties").type)
    assert reviewer.field("min_years_in_practice").type == pa.int64()
    assert reviewer.field("board_certified").type == pa.bool_()
    patient = schema.field("summary").type.field("patient").type
    assert patient.field("age").type == pa.int64()
    assert patient.field("date_of_injury").type == pa.date32()
    items = schema.field("items").type
    assert pa.types.is_list(items) and pa.types.is_struct(items.value_type)
    item = items.value_type
    assert item.field("decision").type == pa.string()
    assert item.field("medically_necessary").type == pa.bool_()
    assert pa.types.is_struct(item.field("service").type)
    assert pa.types.is_list(item.field("service").type.field("body_regions").type)
    citations = item.field("claims_administrator_guideline").type.field("citations").type
    assert pa.types.is_struct(citations.value_type)
    assert pa.types.is_list(citations.value_type.field("pages").type)
    assert citations.value_type.field("pages").type.value_type == pa.int64()
    assert item.field("span").type == pa.list_(pa.int64(), 2)
    assert pa.types.is_map(item.field("spans").type)
    assert schema.field("overall_decision").type == pa.string()
    assert schema.field("overall_decision").nullable
    assert not schema.field("layout").nullable
    # The values are typed too.
    rows = table.to_pylist()
    dated = [r for r in rows if r["case"] is not None]
    if dated:
        assert isinstance(dated[0]["case"]["decision_date"], dt.date)
    assert isinstance(rows[0]["items"][0]["medically_necessary"], bool)


def test_parquet_no_letters(plugins: Plugins) -> None:
    data = imrparse.render([], "parquet", plugins=plugins)
    assert isinstance(data, bytes)
    table = pq.read_table(io.BytesIO(data))
    assert table.num_rows == 0 and table.schema == format_parquet.arrow_schema()


def test_parquet_row_groups(plugins: Plugins, letters: list[Determination], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(format_parquet, "ROW_GROUP", 2)
    data = imrparse.render(letters, "parquet", plugins=plugins)
    assert isinstance(data, bytes)
    assert pq.ParquetFile(io.BytesIO(data)).num_row_groups == -(-len(letters) // 2)
    assert format_parquet.read_parquet(io.BytesIO(data)) == letters


def test_parquet_without_pyarrow_says_how_to_install(
    plugins: Plugins, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    with pytest.raises(UnsupportedInput) as info:
        imrparse.render([], "parquet", plugins=plugins)
    assert "pip install 'imrparse[parquet]'" in str(info.value)
    assert cli.main(["parse", str(seed_paths()[0]), "--format", "parquet",
                     "-o", str(tmp_path / "x.parquet")]) == 2
    assert "pip install 'imrparse[parquet]'" in capsys.readouterr().err
    # The format is still listed: it only fails when used.
    assert "parquet" in plugins.formats


def test_parquet_cli_stdout_and_file(tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    seeds = [str(p) for p in seed_paths()]
    assert cli.main(["parse", *seeds, "--format", "parquet"]) == 0
    data = capsysbinary.readouterr().out
    assert data[:4] == b"PAR1" and data[-4:] == b"PAR1"
    assert pq.read_table(io.BytesIO(data)).num_rows == len(seeds)
    out = tmp_path / "letters.parquet"
    assert cli.main(["parse", *seeds, "--format", "parquet", "-o", str(out)]) == 0
    assert out.read_bytes() == data


# -- markdown ----------------------------------------------------------------------------


def test_markdown_summarises_each_letter(plugins: Plugins, letters: list[Determination]) -> None:
    text = imrparse.render(letters, "markdown", plugins=plugins)
    assert isinstance(text, str)
    parts = text.split("\n---\n\n")
    assert len(parts) == len(letters)
    for det, part in zip(letters, parts):
        assert part.startswith("# ")
        title = (det.case.case_number if det.case else None) or det.source
        assert title and title in part.splitlines()[0]
        assert "**Expert reviewer:**" in part and "**Patient:**" in part
        if det.items:
            rows = [line for line in part.splitlines() if line.startswith("| ") and line[2:3].isdigit()]
            assert len(rows) == len(det.items)
            for row, item in zip(rows, det.items):
                assert item.decision.value.capitalize() in row
                assert item.service.category in row
        else:
            assert "No disputed items." in part


def test_markdown_sample_letter(plugins: Plugins) -> None:
    from imrparse.testing import SAMPLE_LETTER

    det = imrparse.parse(SAMPLE_LETTER, plugins=plugins)
    text = format_markdown.render_letter(det)
    assert text.startswith("# CM99-0000001: Partially overturned\n")
    assert "| Decision date | 2020-02-03 |" in text
    assert "| 1 | MRI of the lumbar spine without contrast | Upheld | no | imaging" in text
    assert "| 2 | Physical therapy 2 times a week for 4 weeks for the left knee | Overturned | yes" in text
    assert "ACOEM (MTUS)" in text


def test_markdown_escapes_table_cells(plugins: Plugins) -> None:
    item = Item(request="TENS | pads\nand leads", decision=Decision.UPHELD)
    text = format_markdown.render_letter(Determination(layout="standard", items=(item,)))
    assert "| 1 | TENS \\| pads and leads | Upheld |" in text


# -- every format through the command line -------------------------------------------------


@pytest.mark.parametrize("name", ["json", "jsonl", "csv", "parquet", "markdown"])
def test_every_format_through_the_cli(name: str, tmp_path: Path) -> None:
    out = tmp_path / f"out.{name}"
    seeds = [str(p) for p in seed_paths()]
    assert cli.main(["parse", *seeds, "--format", name, "-o", str(out)]) == 0
    assert out.stat().st_size > 0
    if name == "parquet":
        assert len(format_parquet.read_parquet(out)) == len(seeds)
    else:
        out.read_text(encoding="utf-8")
