"""The example plugin package (examples/imrparse-example-plugin), registered through
imrparse.testing without installing anything."""

from __future__ import annotations

import importlib
import io
import os
from pathlib import Path
from types import ModuleType

import pytest

import imrparse
from imrparse.testing import SAMPLE_LETTER, assert_extracts, parse_with, plugin_manager, render_with

from .corpus import seed_paths

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "imrparse-example-plugin"
TSV_HEADER = "source\tcase_number\titem\trequest\tdecision\tcategory\trationale_words"


@pytest.fixture
def example(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    monkeypatch.syspath_prepend(str(EXAMPLE / "src"))
    return importlib.import_module("imrparse_example")


def words(text: str) -> int:
    return len(text.split())


def test_document_extractor(example: ModuleType) -> None:
    plain = parse_with(None)
    expected = {"summary": words(plain.summary.text),
                "rationales": [words(item.rationale) for item in plain.items]}
    expected["total"] = expected["summary"] + sum(expected["rationales"])  # type: ignore[operator]
    det = assert_extracts(example, SAMPLE_LETTER, "example_word_count", expected)
    assert det.extras["example_word_count"]["rationales"] == [41, 44]


def test_item_extractor_is_typed_and_round_trips(example: ModuleType) -> None:
    plain = parse_with(None)
    expected = [example.ItemStats(
        rationale_words=words(item.rationale),
        citations=len(item.claims_administrator_guideline.citations)
        + len(item.reviewer_guideline.citations) + len(item.rationale_citations))
        for item in plain.items]
    assert_extracts(example, SAMPLE_LETTER, "example_item_stats", expected)
    with plugin_manager(example) as plugins:
        det = imrparse.parse(SAMPLE_LETTER, plugins=plugins)
        data = imrparse.to_dict(det, plugins.converter)
        assert data["items"][0]["extras"]["example_item_stats"] == {
            "rationale_words": expected[0].rationale_words, "citations": expected[0].citations}
        back = imrparse.from_dict(data, plugins.converter)
        assert isinstance(back.items[0].extras["example_item_stats"], example.ItemStats)
        assert back == det


def test_extras_in_the_other_formats(example: ModuleType) -> None:
    with plugin_manager(example) as plugins:
        det = imrparse.parse(SAMPLE_LETTER, plugins=plugins)
        csv_text = imrparse.render([det], "csv", plugins=plugins)
        assert isinstance(csv_text, str) and "example_item_stats" in csv_text
        pytest.importorskip("pyarrow")
        from imrparse.builtin.formats.parquet import read_parquet

        data = imrparse.render([det], "parquet", plugins=plugins)
        assert isinstance(data, bytes)
        assert read_parquet(io.BytesIO(data), plugins.converter) == [det]


def test_tsv_format_sample(example: ModuleType) -> None:
    out = render_with(example, "tsv")
    assert isinstance(out, str)
    lines = out.splitlines()
    assert lines[0] == TSV_HEADER
    assert lines[1].split("\t") == ["", "CM99-0000001", "1", "MRI of the lumbar spine without contrast",
                                    "upheld", "imaging", "41"]
    assert lines[2].split("\t")[2:5] == ["2", "Physical therapy 2 times a week for 4 weeks for the left knee",
                                         "overturned"]


def test_tsv_format_seeds(example: ModuleType) -> None:
    paths = seed_paths()
    with plugin_manager(example) as plugins:
        dets = [imrparse.parse_file(p, plugins=plugins) for p in paths]
        out = imrparse.render(dets, "tsv", plugins=plugins)
    assert isinstance(out, str)
    lines = out.splitlines()
    assert len(lines) == 1 + sum(len(d.items) for d in dets)
    assert all(len(line.split("\t")) == 7 for line in lines)
    assert {line.split("\t")[0] for line in lines[1:]} == {p.name for p in paths if any(
        d.source == p.name and d.items for d in dets)}


def test_package_declares_its_entry_point() -> None:
    tomllib = pytest.importorskip("tomllib")
    with open(EXAMPLE / "pyproject.toml", "rb") as f:
        project = tomllib.load(f)
    assert project["project"]["entry-points"]["imrparse"] == {"example": "imrparse_example"}
    assert project["build-system"]["build-backend"] == "hatchling.build"
    assert (EXAMPLE / "README.md").is_file()


def test_check_script_is_executable() -> None:
    script = ROOT / "examples" / "check_example_plugin.sh"
    assert script.is_file() and os.access(script, os.X_OK)
    text = script.read_text(encoding="utf-8")
    assert "imrparse plugins" in text.replace('"$BIN/imrparse" plugins', "imrparse plugins")
    assert "--format tsv" in text
