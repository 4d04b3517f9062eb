"""The plugin contract blames the plugin: whatever a layout, reader, field hook or
extractor raises (other than an ImrParseError) or returns against its contract comes
out as a PluginError naming that plugin, in ``parse()``, ``parse_files()`` and on the
command line."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any, Callable

import attrs
import pytest

import imrparse
from imrparse.errors import ImrParseError, MissingSection, PluginError, UnreadableFile
from imrparse.layout.context import ParseContext
from imrparse.models import Determination, Reviewer, Service, Warning
from imrparse.plugin.api import Extractor, Layout, Reader, ReadText
from imrparse.plugin.registry import Plugins
from imrparse.testing import SAMPLE_LETTER, plugin_manager

from .making import make_plugin, run_cli

# -- three ways in: parse(), parse_files(), the command line --------------------------------


def failure_in_parse(plugin: object, text: str = SAMPLE_LETTER, **kwargs: Any) -> PluginError:
    with plugin_manager(plugin) as plugins, pytest.raises(PluginError) as info:
        imrparse.parse(text, plugins=plugins, **kwargs)
    return info.value


def failure_in_parse_files(plugin: object, tmp_path: Path, name: str = "letter.txt",
                           data: bytes = SAMPLE_LETTER.encode(), **kwargs: Any) -> PluginError:
    path = tmp_path / name
    path.write_bytes(data)
    with plugin_manager(plugin) as plugins:
        [outcome] = imrparse.parse_files([path], plugins=plugins, **kwargs)
    assert isinstance(outcome.error, PluginError), outcome.error
    assert outcome.error.source == name
    return outcome.error


def failure_on_command_line(plugin: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                            capsys: pytest.CaptureFixture[str], name: str = "letter.txt",
                            data: bytes = SAMPLE_LETTER.encode(), args: tuple[str, ...] = ()) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    code, _, err = run_cli(monkeypatch, capsys, [plugin], ["parse", str(path), *args])
    assert code == 1, err
    assert plugin.__name__ in err and "Traceback" not in err and "failed unexpectedly" not in err
    return err


def check(error: PluginError, plugin: str, hook: str, call: str | None, *words: str) -> None:
    assert (error.plugin, error.hook, error.call) == (plugin, hook, call), str(error)
    for word in words:
        assert word in str(error), (word, str(error))


def _boom(*args: Any, **kwargs: Any) -> Any:
    raise ValueError("boom")


def layout_plugin(name: str, recognize: Callable[..., Any] = lambda text: 1.0,
                  parse: Callable[..., Any] = _boom, priority: int = 1, **kwargs: Any) -> Any:
    """A plugin with one layout (its priority wins a tie with the built-in standard)."""
    layout = Layout(name=name.replace("_", "-"), recognize=recognize, parse=parse, priority=priority,
                    **kwargs)
    return make_plugin(name, imrparse_layouts=lambda: [layout])


# -- layouts ----------------------------------------------------------------------------------


def test_a_raising_layout_parse_is_blamed_everywhere(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    plugin = layout_plugin("crash_layout")
    for error in (failure_in_parse(plugin), failure_in_parse_files(plugin, tmp_path)):
        check(error, "crash_layout", "imrparse_layouts", "Layout.parse", "'crash-layout'", "ValueError: boom")
        assert isinstance(error.__cause__, ValueError)
    err = failure_on_command_line(plugin, tmp_path, monkeypatch, capsys)
    assert "Layout.parse failed: ValueError: boom" in err


def test_a_raising_recognize_is_blamed_everywhere(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    plugin = layout_plugin("bad_recognizer", recognize=_boom)
    for error in (failure_in_parse(plugin), failure_in_parse_files(plugin, tmp_path)):
        check(error, "bad_recognizer", "imrparse_layouts", "Layout.recognize", "ValueError")
    failure_on_command_line(plugin, tmp_path, monkeypatch, capsys)


@pytest.mark.parametrize("score", ["0.9", None, 1.5, -0.1, math.nan, [1.0]])
def test_a_score_that_is_not_from_0_to_1_is_blamed(score: Any) -> None:
    error = failure_in_parse(layout_plugin("odd_score", recognize=lambda text: score))
    check(error, "odd_score", "imrparse_layouts", "Layout.recognize", "not a score from 0 to 1")


@pytest.mark.parametrize("score", [True, 1, 0.5])
def test_scores_of_any_real_type_are_taken(score: Any) -> None:
    mine = Determination(layout="mine")
    with plugin_manager(layout_plugin("real_score", recognize=lambda text: score,
                                      parse=lambda ctx: mine)) as plugins:
        assert plugins.recognize("real-score", "text") == float(score)
        assert imrparse.parse(SAMPLE_LETTER, plugins=plugins, layout="real-score").layout == "mine"


@pytest.mark.parametrize("answer", [None, {"layout": "x"}, "a determination"])
def test_a_layout_returning_something_else_is_blamed(answer: Any, tmp_path: Path) -> None:
    plugin = layout_plugin("wrong_answer", parse=lambda ctx: answer)
    for error in (failure_in_parse(plugin), failure_in_parse_files(plugin, tmp_path)):
        check(error, "wrong_answer", "imrparse_layouts", "Layout.parse", "not a Determination")


def test_an_imrparse_error_from_a_layout_stays_what_it_is() -> None:
    """A layout reporting a damaged letter (MissingSection in strict mode) is not a plugin failure."""

    def strict_parse(ctx: ParseContext) -> Determination:
        ctx.problem(MissingSection("no summary", expected='"Summary:"'), "missing-summary")
        return Determination(layout="picky")

    plugin = layout_plugin("picky", parse=strict_parse)
    with plugin_manager(plugin) as plugins:
        with pytest.raises(MissingSection) as info:
            imrparse.parse(SAMPLE_LETTER, plugins=plugins, layout="picky")
        assert not isinstance(info.value, PluginError)
        lenient = imrparse.parse(SAMPLE_LETTER, plugins=plugins, layout="picky", strict=False)
        assert [w.code for w in lenient.warnings] == ["missing-summary"]


def test_a_layout_too_deep_for_python_is_reported_as_the_letters_depth(tmp_path: Path) -> None:
    def recurse(ctx: ParseContext) -> Determination:
        return recurse(ctx)

    plugin = layout_plugin("deep", parse=recurse)
    path = tmp_path / "deep.txt"
    path.write_text(SAMPLE_LETTER)
    with plugin_manager(plugin) as plugins:
        for call in (lambda: imrparse.parse(SAMPLE_LETTER, plugins=plugins),
                     lambda: imrparse.parse_file(path, plugins=plugins)):
            with pytest.raises(ImrParseError, match="nested too deeply") as info:
                call()
            assert not isinstance(info.value, PluginError)


def test_a_builtin_failure_says_it_is_imrparses_bug(monkeypatch: pytest.MonkeyPatch) -> None:
    from imrparse.builtin.layouts import standard

    monkeypatch.setattr(standard, "LAYOUT", attrs.evolve(standard.LAYOUT, parse=_boom))
    with plugin_manager() as plugins, pytest.raises(PluginError) as info:
        imrparse.parse(SAMPLE_LETTER, plugins=plugins)
    check(info.value, "layout_standard", "imrparse_layouts", "Layout.parse", "a bug in imrparse")


# -- readers ----------------------------------------------------------------------------------


def reader_plugin(name: str, **fields: Any) -> Any:
    reader = Reader(**{"name": name.replace("_", "-"), "read": lambda data: data.decode(),
                       "suffixes": (".ltr",), **fields})
    return make_plugin(name, imrparse_readers=lambda: [reader])


def test_a_raising_reader_is_blamed_everywhere(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    plugin = reader_plugin("crash_reader", read=_boom)
    check(failure_in_parse_files(plugin, tmp_path, "a.ltr"),
          "crash_reader", "imrparse_readers", "Reader.read", "'crash-reader'", "ValueError: boom")
    with plugin_manager(plugin) as plugins, pytest.raises(PluginError) as info:
        imrparse.parse_file(tmp_path / "a.ltr", plugins=plugins)
    check(info.value, "crash_reader", "imrparse_readers", "Reader.read")
    failure_on_command_line(plugin, tmp_path, monkeypatch, capsys, name="a.ltr")


def test_a_raising_sniff_is_blamed(tmp_path: Path) -> None:
    """Every reader's sniff is asked about a file, so a broken one fails even a .txt."""
    plugin = reader_plugin("bad_sniffer", sniff=_boom)
    check(failure_in_parse_files(plugin, tmp_path), "bad_sniffer", "imrparse_readers", "Reader.sniff")


@pytest.mark.parametrize("answer", [b"bytes", None, ReadText(b"bytes"),  # type: ignore[arg-type]
                                    ReadText("text", ("a warning",))])  # type: ignore[arg-type]
def test_a_reader_returning_something_else_is_blamed(answer: Any, tmp_path: Path) -> None:
    plugin = reader_plugin("wrong_text", read=lambda data: answer)
    check(failure_in_parse_files(plugin, tmp_path, "a.ltr"),
          "wrong_text", "imrparse_readers", "Reader.read", "not the letter's text")


def test_an_unreadable_file_from_a_reader_stays_what_it_is(tmp_path: Path) -> None:
    def refuse(data: bytes) -> str:
        raise UnreadableFile("not one of mine", expected="a .ltr letter")

    (tmp_path / "a.ltr").write_text(SAMPLE_LETTER)
    with plugin_manager(reader_plugin("refusing", read=refuse)) as plugins:
        with pytest.raises(UnreadableFile) as info:
            imrparse.parse_file(tmp_path / "a.ltr", plugins=plugins)
    assert not isinstance(info.value, PluginError) and info.value.source == "a.ltr"


def test_a_reader_may_return_text_or_readtext(tmp_path: Path) -> None:
    (tmp_path / "a.ltr").write_text(SAMPLE_LETTER)
    warned = ReadText(SAMPLE_LETTER, (Warning(code="odd-file", message="odd"),))
    for read in (lambda data: data.decode(), lambda data: warned):
        with plugin_manager(reader_plugin("fine", read=read)) as plugins:
            det = imrparse.parse_file(tmp_path / "a.ltr", plugins=plugins)
        assert len(det.items) == 2


# -- field hooks ------------------------------------------------------------------------------


@pytest.mark.parametrize("hook,answer", [
    ("imrparse_read_service", "imaging"),
    ("imrparse_read_service", Reviewer()),
    ("imrparse_read_reviewer", {"specialties": ["x"]}),
    ("imrparse_read_summary", Service()),
    ("imrparse_read_basis", []),
    ("imrparse_read_rationale_citations", ["ODG"]),
    ("imrparse_read_rationale_citations", Service()),
])
def test_a_field_hook_returning_the_wrong_type_is_blamed(
        hook: str, answer: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    arg = "request" if hook == "imrparse_read_service" else "text"
    plugin = make_plugin("wrong_field", **{hook: eval(f"lambda {arg}: answer", {"answer": answer})})
    for error in (failure_in_parse(plugin), failure_in_parse_files(plugin, tmp_path)):
        check(error, "wrong_field", hook, None, "returned", "or None")
    failure_on_command_line(plugin, tmp_path, monkeypatch, capsys)


def test_a_field_hook_raising_is_blamed_in_a_batch_and_on_the_command_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    plugin = make_plugin("boom_summary", imrparse_read_summary=_boom)
    check(failure_in_parse_files(plugin, tmp_path), "boom_summary", "imrparse_read_summary", None, "ValueError")
    failure_on_command_line(plugin, tmp_path, monkeypatch, capsys)


def test_a_wrapper_that_spoils_an_answer_is_blamed() -> None:
    """The wrong answer came from a hook wrapper, not from the built-in it wrapped."""

    @imrparse.hookimpl(wrapper=True)
    def imrparse_read_service(request: str) -> Any:
        service = yield
        return service.category if service is not None else None  # a str: wrong

    spoiler = make_plugin("spoiler")
    spoiler.imrparse_read_service = imrparse_read_service  # type: ignore[attr-defined]
    check(failure_in_parse(spoiler), "spoiler", "imrparse_read_service", None, "'imaging'")


def test_the_first_answer_is_blamed_not_a_later_plugin() -> None:
    wrong = make_plugin("wrong_first", imrparse_read_service=lambda request: 42)
    right = make_plugin("right_later", imrparse_read_service=lambda request: Service(category="x"))
    # wrong_first is registered last, so pluggy asks it first.
    with plugin_manager(right, wrong) as plugins, pytest.raises(PluginError) as info:
        imrparse.parse(SAMPLE_LETTER, plugins=plugins)
    assert info.value.plugin == "wrong_first"


# -- extractors -------------------------------------------------------------------------------


@attrs.frozen
class Tally:
    words: int


@pytest.mark.parametrize("value,words", [
    ({"a", "b"}, "a set"),
    (math.inf, "inf"),
    ({"scores": [1.0, math.nan]}, "nan at ['scores'][1]"),
    ({1: "one"}, "the key 1"),
    (Tally(3), "Extractor(type=Tally)"),
    (b"bytes", "a bytes"),
])
def test_an_extractor_returning_non_json_is_blamed_where_it_returns(
        value: Any, words: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    plugin = make_plugin("odd_extras", imrparse_extractors=lambda: [
        Extractor(name="odd", extract=lambda determination: value)])
    for error in (failure_in_parse(plugin), failure_in_parse_files(plugin, tmp_path)):
        check(error, "odd_extras", "imrparse_extractors", "Extractor.extract", "'odd'", "not JSON data", words)
    # The command line fails the letter (exit 1), before any output format sees the value.
    err = failure_on_command_line(plugin, tmp_path, monkeypatch, capsys, args=("--format", "csv"))
    assert "not JSON data" in err


def test_a_typed_extractor_must_return_its_type() -> None:
    plugin = make_plugin("typed_extras", imrparse_extractors=lambda: [
        Extractor(name="tally", scope="item", type=Tally, extract=lambda item: {"words": 3})])
    check(failure_in_parse(plugin), "typed_extras", "imrparse_extractors", "Extractor.extract",
          "not a Tally")


@pytest.mark.parametrize("value", [None, True, 3, 2.5, "x", [1, "a", None], (1, 2),
                                   {"nested": {"list": [1.5, {"k": False}]}}])
def test_json_values_are_stored(value: Any) -> None:
    plugin = make_plugin("json_extras", imrparse_extractors=lambda: [
        Extractor(name="value", extract=lambda: value)])
    with plugin_manager(plugin) as plugins:
        det = imrparse.parse(SAMPLE_LETTER, plugins=plugins)
    assert det.extras.get("value") == value
    assert ("value" in det.extras) == (value is not None)


def test_an_extractor_asking_for_an_argument_nobody_passes_is_refused_when_collected() -> None:
    plugin = make_plugin("typo_extras", imrparse_extractors=lambda: [
        Extractor(name="words", extract=lambda det: 1),
        Extractor(name="fine", extract=lambda determination, text, extra=None: 1)])
    with plugin_manager(plugin) as plugins, pytest.raises(PluginError) as info:
        plugins.extractors
    check(info.value, "typo_extras", "imrparse_extractors", "Extractor.extract", "needs det")
    item_only = make_plugin("item_in_document", imrparse_extractors=lambda: [
        Extractor(name="words", extract=lambda item: 1)])
    with plugin_manager(item_only) as plugins, pytest.raises(PluginError, match="needs item"):
        plugins.extractors


def test_a_raising_extractor_is_blamed_in_a_batch_and_on_the_command_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    plugin = make_plugin("boom_extras", imrparse_extractors=lambda: [
        Extractor(name="boom", scope="item", extract=lambda item: 1 / 0)])
    check(failure_in_parse_files(plugin, tmp_path), "boom_extras", "imrparse_extractors",
          "Extractor.extract", "ZeroDivisionError")
    failure_on_command_line(plugin, tmp_path, monkeypatch, capsys)


def test_a_failing_letter_does_not_stop_the_batch(tmp_path: Path) -> None:
    """Only the letters the plugin fails on are lost, each with its PluginError."""
    plugin = make_plugin("picky_extras", imrparse_extractors=lambda: [
        Extractor(name="picky", extract=lambda determination: {1} if determination.source == "b.txt" else 1)])
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(SAMPLE_LETTER)
    with plugin_manager(plugin) as plugins:
        outcomes = list(imrparse.parse_files([tmp_path], plugins=plugins))
    assert [o.ok for o in outcomes] == [True, False, True]
    assert isinstance(outcomes[1].error, PluginError) and outcomes[1].error.plugin == "picky_extras"


# -- the registry's own checks -------------------------------------------------------------------


def test_plugins_methods_work_on_objects_and_names() -> None:
    with plugin_manager() as plugins:
        standard = plugins.layouts["standard"]
        text = imrparse.normalize(SAMPLE_LETTER).text
        assert plugins.recognize("standard", text) == plugins.recognize(standard, text) == 1.0
        assert plugins.sniff(plugins.readers["pdfium"], b"%PDF-1.7") is True
        assert plugins.sniff(plugins.readers["pdfium"], b"Case Number") is False
        assert plugins.read(plugins.readers["text"], b"abc") == ReadText("abc")
        with pytest.raises(imrparse.errors.UnrecognizedLayout, match="no layout named 'nope'"):
            plugins.recognize("nope", text)


def test_the_registry_is_checked_by_mypy_as_a_layout_registry() -> None:
    """Plugins is what a two-argument recognize gets (a structural check at run time)."""
    from imrparse.plugin.api import LayoutRegistry

    with plugin_manager() as plugins:
        registry: LayoutRegistry = plugins
        assert set(registry.layouts) == {"standard", "notice-2013"}
        assert isinstance(plugins, Plugins)
