"""The claims of docs/plugins.md, one test each (the page's examples run in
tests/test_docs.py; the contract's details are in test_contract.py, test_choice.py,
test_delegation.py, test_file_formats.py, test_manager.py and test_typing.py).

Each test's docstring quotes or paraphrases the claim it checks."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any, Generator, Iterable

import pytest

import imrparse
from imrparse.layout.context import ParseContext
from imrparse.models import Basis, Citation, Determination, Reviewer, Service, Span, Summary
from imrparse.plugin.api import Extractor, FormatOptions, OutputFormat
from imrparse.plugin.manager import BUILTIN_PLUGINS
from imrparse.plugin.registry import Plugins
from imrparse.testing import SAMPLE_LETTER, plugin_manager

from ..corpus import builtin_plugins, seed_paths
from .making import make_plugin, run_cli

DOCS = Path(__file__).resolve().parents[2] / "docs" / "plugins.md"


def section(title: str) -> str:
    text = DOCS.read_text(encoding="utf-8")
    return text.split(title, 1)[1].split("\n## ", 1)[0]


# -- writing a plugin ---------------------------------------------------------------------------


def test_an_implementation_may_accept_only_the_arguments_it_needs() -> None:
    """"imrparse_read_basis gets text and side, and an implementation that ignores side
    may leave it out.\""""
    seen: list[str] = []
    plugin = make_plugin("no_side", imrparse_read_basis=lambda text: seen.append(text))
    with plugin_manager(plugin) as plugins:
        imrparse.parse(SAMPLE_LETTER, plugins=plugins)
    assert len(seen) == 4 and all(isinstance(t, str) for t in seen)


def test_extract_receives_only_the_arguments_it_names() -> None:
    """"extract receives only the arguments among determination, item and text that it names.\""""
    got: list[tuple[str, ...]] = []

    def record(**kwargs: Any) -> None:  # **kwargs: it names none, so it gets them all
        got.append(tuple(sorted(kwargs)))

    plugin = make_plugin("args", imrparse_extractors=lambda: [
        Extractor(name="text_only", extract=lambda text: got.append(("text",)) and None),
        Extractor(name="everything", scope="item", extract=record)])
    with plugin_manager(plugin) as plugins:
        imrparse.parse(SAMPLE_LETTER, plugins=plugins)
    assert Counter(got) == {("text",): 1, ("determination", "item", "text"): 2}


def test_spans_are_offsets_into_the_text_the_hook_was_given() -> None:
    """"Spans are Span(start, end) offsets into the text your hook was given; imrparse
    traces them back to the letter.\""""
    def find_guidelines(text: str) -> list[Citation]:
        start = text.index("Guidelines")
        return [Citation(text="Guidelines", span=Span(start, start + len("Guidelines")))]

    plugin = make_plugin("spans", imrparse_read_rationale_citations=find_guidelines)
    with plugin_manager(plugin) as plugins:
        det = imrparse.parse(SAMPLE_LETTER, plugins=plugins)
    spans = [c.span for item in det.items for c in item.rationale_citations]
    assert len(spans) == 2 and all(s is not None and s.slice(SAMPLE_LETTER) == "Guidelines" for s in spans)
    assert spans[0] != spans[1]


# -- when each hook is called ------------------------------------------------------------------


def test_registration_hooks_are_called_once_per_plugins() -> None:
    """"once per Plugins (the list is cached)\""""
    calls = Counter[str]()
    plugin = make_plugin("counting", imrparse_layouts=lambda: calls.update(["layouts"]) or [],
                         imrparse_extractors=lambda: calls.update(["extractors"]) or [])
    with plugin_manager(plugin) as plugins:
        for _ in range(3):
            imrparse.parse(SAMPLE_LETTER, plugins=plugins)
    assert calls == {"layouts": 1, "extractors": 1}


def test_how_often_each_field_hook_is_called() -> None:
    """reviewer and summary once per letter, basis twice per item (with side), citations
    and service once per item."""
    calls = Counter[str]()
    sides: list[str] = []
    plugin = make_plugin(
        "counting_fields",
        imrparse_read_reviewer=lambda text: calls.update(["reviewer"]),
        imrparse_read_summary=lambda text: calls.update(["summary"]),
        imrparse_read_basis=lambda text, side: calls.update(["basis"]) or sides.append(side),
        imrparse_read_rationale_citations=lambda text: calls.update(["citations"]),
        imrparse_read_service=lambda request: calls.update(["service"]))
    with plugin_manager(plugin) as plugins:
        det = imrparse.parse(SAMPLE_LETTER, plugins=plugins)
    assert len(det.items) == 2
    assert calls == {"reviewer": 1, "summary": 1, "basis": 4, "citations": 2, "service": 2}
    assert sides == ["claims_administrator", "reviewer"] * 2


def test_imrparse_sets_the_text_and_span_of_summary_and_basis() -> None:
    """"imrparse sets text and span itself" (summary, basis)."""
    plugin = make_plugin("bare", imrparse_read_summary=lambda text: Summary(),
                         imrparse_read_basis=lambda text, side: Basis())
    with plugin_manager(plugin) as plugins:
        det = imrparse.parse(SAMPLE_LETTER, plugins=plugins)
    plain = imrparse.parse(SAMPLE_LETTER, plugins=builtin_plugins())
    assert det.summary.patient.age is None and plain.summary.patient.age == 52
    assert (det.summary.text, det.summary.span) == (plain.summary.text, plain.summary.span)
    assert det.summary.text.startswith("The injured worker is a 52 year old female")
    basis = det.items[0].claims_administrator_guideline
    assert basis.text.startswith("Decision based on MTUS") and basis.span is not None
    assert basis.span.slice(SAMPLE_LETTER).startswith("Decision based on MTUS")


def test_an_empty_citation_list_is_a_result() -> None:
    """The guide: an empty list is a result ('no citations') and stops the search."""
    would_find = make_plugin("would_find", imrparse_read_rationale_citations=lambda text: [Citation(text="x")])
    none_found = make_plugin("none_found", imrparse_read_rationale_citations=lambda text: [])
    with plugin_manager(would_find) as plugins:
        assert all(i.rationale_citations == (Citation(text="x"),)
                   for i in imrparse.parse(SAMPLE_LETTER, plugins=plugins).items)
    with plugin_manager(would_find, none_found) as plugins:  # none_found, registered last, answers first
        assert all(i.rationale_citations == () for i in imrparse.parse(SAMPLE_LETTER, plugins=plugins).items)
    nothing = make_plugin("nothing", imrparse_read_rationale_citations=lambda text: None)
    with plugin_manager(would_find, nothing) as plugins:  # None defers to the next
        assert all(i.rationale_citations == (Citation(text="x"),)
                   for i in imrparse.parse(SAMPLE_LETTER, plugins=plugins).items)


def test_no_answer_leaves_the_default() -> None:
    """"Without any result the reviewer is Reviewer()"; the service is Service()."""
    plugins = builtin_plugins(block=["extract_reviewer", "extract_service"])
    det = imrparse.parse(SAMPLE_LETTER, plugins=plugins)
    assert det.reviewer.specialties == () and det.items[0].service == Service()


# -- formats ------------------------------------------------------------------------------------


def test_the_command_line_streams_determinations_to_the_format(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """"the command line streams them as letters are parsed": the format has written the
    first letter before the second is parsed."""
    events: list[str] = []

    def write(dets: Iterable[Determination], stream: Any, options: FormatOptions) -> None:
        for det in dets:
            events.append(f"write {det.source}")

    plugin = make_plugin("streaming", imrparse_formats=lambda: [OutputFormat("log", ".txt", write)],
                         imrparse_extractors=lambda: [
                             Extractor("seen", lambda determination: events.append(f"parsed {determination.source}"))])
    first, second = seed_paths()[:2]
    code, _, _ = run_cli(monkeypatch, capsys, [plugin], ["parse", str(first), str(second), "-f", "log"])
    assert code == 0
    assert events == [f"parsed {first.name}", f"write {first.name}", f"parsed {second.name}", f"write {second.name}"]


@pytest.mark.parametrize("paths,single", [(1, True), (2, False), ("folder", False)])
def test_options_single_is_one_letter_named(
        paths: Any, single: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """"options.single is true when the user asked for exactly one letter.\""""
    seen: list[bool] = []

    def write(dets: Iterable[Determination], stream: Any, options: FormatOptions) -> None:
        seen.append(options.single)
        list(dets)

    plugin = make_plugin("single", imrparse_formats=lambda: [OutputFormat("probe", ".txt", write)])
    if paths == "folder":
        (tmp_path / "a.txt").write_text(SAMPLE_LETTER)
        args = [str(tmp_path)]
    else:
        args = [str(p) for p in seed_paths()[:paths]]
    assert run_cli(monkeypatch, capsys, [plugin], ["parse", *args, "-f", "probe"])[0] == 0
    assert seen == [single]


def test_a_text_format_writes_utf8_to_an_output_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """"a text stream (UTF-8, opened with newline="")\""""
    def write(dets: Iterable[Determination], stream: Any, options: FormatOptions) -> None:
        list(dets)
        stream.write("Soci\u00e9t\u00e9\r\nnext\n")

    plugin = make_plugin("utf8", imrparse_formats=lambda: [OutputFormat("utf8", ".txt", write)])
    out = tmp_path / "out.txt"
    assert run_cli(monkeypatch, capsys, [plugin], ["parse", str(seed_paths()[0]), "-f", "utf8", "-o", str(out)])[0] == 0
    assert out.read_bytes() == "Soci\u00e9t\u00e9\r\nnext\n".encode("utf-8")


def test_a_broken_pipe_is_not_the_formats_fault() -> None:
    """A BrokenPipeError from an output format passes through (a closed pipe)."""
    def write(dets: Iterable[Determination], stream: Any, options: FormatOptions) -> None:
        raise BrokenPipeError

    plugin = make_plugin("piped", imrparse_formats=lambda: [OutputFormat("piped", ".txt", write)])
    with plugin_manager(plugin) as plugins, pytest.raises(BrokenPipeError):
        imrparse.render([], "piped", plugins=plugins)


# -- hook wrappers ------------------------------------------------------------------------------


def test_an_error_below_a_wrapper_is_raised_at_its_yield() -> None:
    """"An exception from the wrapped implementations is raised at the yield.\""""
    caught: list[BaseException] = []

    class Catching:
        @imrparse.hookimpl(wrapper=True)
        def imrparse_read_service(self, request: str) -> Generator[None, Service | None, Service | None]:
            try:
                return (yield)
            except ValueError as exc:
                caught.append(exc)
                return Service(category="recovered")

    def broken(request: str) -> Service:
        raise ValueError("broken reader")

    with plugin_manager(make_plugin("broken_reader", imrparse_read_service=broken), Catching()) as plugins:
        det = imrparse.parse(SAMPLE_LETTER, plugins=plugins)
    assert len(caught) == 2 and {i.service.category for i in det.items} == {"recovered"}


def test_old_style_hookwrappers_work_too() -> None:
    """"The older hookwrapper=True style works too.\""""
    class OldStyle:
        @imrparse.hookimpl(hookwrapper=True)
        def imrparse_read_service(self, request: str) -> Generator[None, Any, None]:
            outcome = yield
            service = outcome.get_result()
            if service is not None:
                outcome.force_result(Service(category="old-style", drug=service.drug))

    with plugin_manager(OldStyle()) as plugins:
        det = imrparse.parse(SAMPLE_LETTER, plugins=plugins)
    assert {i.service.category for i in det.items} == {"old-style"}


# -- the context a layout gets ------------------------------------------------------------------


def test_every_context_member_the_guide_lists_exists() -> None:
    table = section("### imrparse_layouts").split("| member | what |", 1)[1].split("\n\n", 1)[0]
    names = {name for cell in re.findall(r"^\| ([^|]+) \|", table, re.MULTILINE)
             for name in re.findall(r"`(\w+)", cell)}
    assert {"text", "span", "field", "warn", "problem", "derive", "delegate", "read_service"} <= names
    ctx = ParseContext(imrparse.normalize(SAMPLE_LETTER), readers=builtin_plugins())
    missing = sorted(n for n in names if not hasattr(ctx, n))
    assert not missing, f"docs/plugins.md lists ParseContext members it does not have: {missing}"


# -- the built-in plugins -----------------------------------------------------------------------


def test_the_builtin_table_is_the_authoritative_list() -> None:
    """Every plugin of the "Built-in plugins" table is in BUILTIN_PLUGINS and provides
    the layouts, readers and formats the table says."""
    table = section("## Built-in plugins")
    rows = dict(re.findall(r"^\| `(\w+)` \| (.*) \|$", table, re.MULTILINE))
    assert set(rows) == set(BUILTIN_PLUGINS)
    plugins: Plugins = builtin_plugins()
    for hook, registry, kind in (("imrparse_layouts", plugins.layouts, "layout"),
                                 ("imrparse_readers", plugins.readers, "reader"),
                                 ("imrparse_formats", plugins.formats, "format")):
        for name in registry:
            provider = plugins.provider(hook, name)
            assert re.search(rf"{kind}s? [^|]*`{re.escape(name)}`", rows[provider]), (name, provider)


def test_a_folder_contributes_every_installed_readers_files(tmp_path: Path) -> None:
    """"A folder given as input contributes the files whose names end with a suffix of an
    installed reader.\""""
    from imrparse.plugin.api import Reader

    html = Reader(name="html", read=lambda data: data.decode(), suffixes=(".html",))
    (tmp_path / "a.html").write_text(SAMPLE_LETTER)
    (tmp_path / "b.txt").write_text(SAMPLE_LETTER)
    (tmp_path / "c.json").write_text("{}")
    with plugin_manager(make_plugin("html_reader", imrparse_readers=lambda: [html])) as plugins:
        outcomes = list(imrparse.parse_files([tmp_path], plugins=plugins))
    assert sorted(Path(o.source).name for o in outcomes) == ["a.html", "b.txt"]


def test_a_plugin_object_of_any_kind() -> None:
    """"A plugin is a module (or any object) with functions marked @imrparse.hookimpl.\""""
    class Instance:
        @imrparse.hookimpl
        def imrparse_read_reviewer(self, text: str) -> Reviewer:
            return Reviewer(specialties=("Instance",))

    class ClassLevel:
        @staticmethod
        @imrparse.hookimpl
        def imrparse_read_reviewer(text: str) -> Reviewer:
            return Reviewer(specialties=("Class",))

    for plugin, expected in ((Instance(), ("Instance",)), (ClassLevel, ("Class",))):
        with plugin_manager(plugin) as plugins:
            assert imrparse.parse(SAMPLE_LETTER, plugins=plugins).reviewer.specialties == expected


def test_item_is_given_only_to_item_extractors() -> None:
    """"item (item scope only)\""""
    with plugin_manager(make_plugin("doc_item", imrparse_extractors=lambda: [
            Extractor("x", lambda item: 1)])) as plugins, pytest.raises(imrparse.errors.PluginError):
        plugins.extractors
