"""imrparse.testing: the helpers for plugin authors."""

from __future__ import annotations

import types
from pathlib import Path

import attrs
import pytest

import imrparse
from imrparse.errors import PluginError
from imrparse.models import Decision, Determination, OverallDecision
from imrparse.plugin.api import Extractor, OutputFormat
from imrparse.plugin.registry import Plugins
from imrparse.testing import (
    SAMPLE_LETTER,
    assert_extracts,
    parse_with,
    plugin_manager,
    plugins_fixture,
    render_with,
)


def _summary_words(determination: Determination) -> int:
    return len(determination.summary.text.split())


def _request_upper(item: imrparse.models.Item) -> str:
    return item.request.upper()


@attrs.frozen
class Flag:
    upheld: bool


def _flag(item: imrparse.models.Item) -> Flag:
    return Flag(item.decision is Decision.UPHELD)


def _write_count(dets, stream, options):  # type: ignore[no-untyped-def]
    stream.write(f"{sum(1 for _ in dets)} letters\n")


def _plugin(name: str = "sample_plugin", flag_type: type | None = Flag) -> types.ModuleType:
    module = types.ModuleType(name)

    @imrparse.hookimpl
    def imrparse_extractors() -> list[Extractor]:
        return [Extractor(name="summary_words", extract=_summary_words),
                Extractor(name="request_upper", extract=_request_upper, scope="item"),
                Extractor(name="flag", extract=_flag, scope="item", type=flag_type)]

    @imrparse.hookimpl
    def imrparse_formats() -> list[OutputFormat]:
        return [OutputFormat(name="count", extension=".txt", write=_write_count)]

    module.imrparse_extractors = imrparse_extractors  # type: ignore[attr-defined]
    module.imrparse_formats = imrparse_formats  # type: ignore[attr-defined]
    return module


PLUGIN = _plugin()
plugins = plugins_fixture(PLUGIN)


def test_sample_letter_parses_strictly_with_the_standard_layout() -> None:
    det = parse_with(None)
    assert det.layout == "standard" and not det.warnings
    assert det.case is not None and det.case.case_number == "CM99-0000001"
    assert [item.decision for item in det.items] == [Decision.UPHELD, Decision.OVERTURNED]
    assert det.overall_decision is OverallDecision.PARTIALLY_OVERTURNED
    assert det.summary.patient.age == 52
    assert det.items[0].service.category == "imaging"
    assert det.items[1].service.category == "physical therapy"


def test_plugin_manager_registers_then_unregisters() -> None:
    with plugin_manager(PLUGIN) as p:
        assert p.pm.is_registered(PLUGIN)
        assert p.pm.get_plugin("sample_plugin") is PLUGIN
        assert "count" in p.formats and "json" in p.formats
        kept = p.pm
    assert not kept.is_registered(PLUGIN)
    with plugin_manager(PLUGIN, builtins=False) as p:
        assert set(p.formats) == {"count"}


def test_plugins_fixture(plugins: Plugins) -> None:
    assert "summary_words" in plugins.extractors
    det = imrparse.parse(SAMPLE_LETTER, plugins=plugins)
    assert det.extras["summary_words"] == len(det.summary.text.split())


def test_parse_with_text_or_path(tmp_path: Path) -> None:
    path = tmp_path / "letter.txt"
    path.write_text(SAMPLE_LETTER, encoding="utf-8")
    from_path = parse_with(PLUGIN, path)
    from_str_path = parse_with(PLUGIN, str(path))
    from_text = parse_with(PLUGIN, SAMPLE_LETTER)
    assert from_path.source == from_str_path.source == "letter.txt"
    assert from_text.source is None
    assert attrs.evolve(from_path, source=None) == from_text
    assert parse_with(PLUGIN, SAMPLE_LETTER, source="x").source == "x"


def test_assert_extracts_document_and_item() -> None:
    det = assert_extracts(PLUGIN, SAMPLE_LETTER, "summary_words",
                          len(parse_with(None).summary.text.split()))
    assert isinstance(det, Determination)
    assert_extracts(PLUGIN, SAMPLE_LETTER, "request_upper", [
        "MRI OF THE LUMBAR SPINE WITHOUT CONTRAST",
        "PHYSICAL THERAPY 2 TIMES A WEEK FOR 4 WEEKS FOR THE LEFT KNEE"])
    # Typed values compare as themselves or as their JSON.
    assert_extracts(PLUGIN, SAMPLE_LETTER, "flag", [Flag(True), Flag(False)])
    assert_extracts(PLUGIN, SAMPLE_LETTER, "flag", [{"upheld": True}, {"upheld": False}])


def test_assert_extracts_failures_say_why() -> None:
    with pytest.raises(AssertionError, match="stored"):
        assert_extracts(PLUGIN, SAMPLE_LETTER, "summary_words", -1)
    with pytest.raises(AssertionError, match="no extractor named 'nope'"):
        assert_extracts(PLUGIN, SAMPLE_LETTER, "nope", None)
    # A tuple is written as a JSON array and comes back a list.
    pairs = types.ModuleType("pairs_plugin")
    pairs.imrparse_extractors = imrparse.hookimpl(  # type: ignore[attr-defined]
        lambda: [Extractor(name="pair", extract=lambda determination: (1, 2))])
    with pytest.raises(AssertionError, match="does not survive to_dict/from_dict"):
        assert_extracts(pairs, SAMPLE_LETTER, "pair", (1, 2))


def test_an_untyped_attrs_value_is_refused_where_it_is_extracted() -> None:
    untyped = _plugin("untyped_plugin", flag_type=None)
    with pytest.raises(PluginError, match=r"Extractor\(type=Flag\)") as info:
        assert_extracts(untyped, SAMPLE_LETTER, "flag", [Flag(True), Flag(False)])
    assert (info.value.plugin, info.value.call) == ("untyped_plugin", "Extractor.extract")


def test_assert_extracts_items_that_stored_nothing() -> None:
    """An item extractor that returns None for an item stores nothing there; the
    expected list has None in that place."""
    sparse = types.ModuleType("sparse_plugin")
    sparse.imrparse_extractors = imrparse.hookimpl(  # type: ignore[attr-defined]
        lambda: [Extractor(name="upheld_only", scope="item",
                           extract=lambda item: "yes" if item.decision is Decision.UPHELD else None)])
    det = assert_extracts(sparse, SAMPLE_LETTER, "upheld_only", ["yes", None])
    assert "upheld_only" not in det.items[1].extras
    with pytest.raises(AssertionError, match="stored"):
        assert_extracts(sparse, SAMPLE_LETTER, "upheld_only", ["yes"])


def test_render_with() -> None:
    assert render_with(PLUGIN, "count") == "1 letters\n"
    dets = [parse_with(None), parse_with(None)]
    assert render_with(PLUGIN, "count", dets) == "2 letters\n"
    out = render_with(PLUGIN, "jsonl")
    assert isinstance(out, str) and '"summary_words":' in out
    pytest.importorskip("pyarrow")
    data = render_with(None, "parquet", dets)
    assert isinstance(data, bytes) and data.startswith(b"PAR1")


def test_a_plugins_object_is_used_as_it_is() -> None:
    with plugin_manager(PLUGIN) as p:
        assert "summary_words" in parse_with(p).extras
        assert render_with(p, "count") == "1 letters\n"
