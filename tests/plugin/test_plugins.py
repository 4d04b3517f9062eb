"""The plugin system: built-ins as plugins, blocking, overrides, errors naming plugins,
``imrparse plugins``, the environment variables, and docs/plugins.md."""

from __future__ import annotations

import importlib
import importlib.metadata
import inspect
import json
import re
import sys
import types
from pathlib import Path
from typing import Any, Callable

import attrs
import pluggy
import pytest

import imrparse
from imrparse import cli, hookspecs
from imrparse.plugin import registry as plugins_module
from imrparse.errors import PluginError, UnsupportedInput
from imrparse.models import Basis, Patient, Reviewer, Service
from imrparse.plugin.manager import BUILTIN_PLUGINS, get_plugin_manager
from imrparse.plugin.api import ENTRY_POINT_GROUP, Extractor, Layout, OutputFormat
from imrparse.plugin.registry import Plugins
from imrparse.testing import SAMPLE_LETTER, plugin_manager

from ..corpus import builtin_plugins, seed_paths
from .making import install_entry_points, make_plugin

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs" / "plugins.md"


def parse(plugins: Plugins, text: str = SAMPLE_LETTER) -> imrparse.Determination:
    return imrparse.parse(text, plugins=plugins)


@pytest.fixture
def fresh_default(monkeypatch: pytest.MonkeyPatch) -> None:
    """Let the CLI build its default plugins anew (after the environment changed)."""
    monkeypatch.setattr(plugins_module, "_DEFAULT", None)


# -- the built-ins are declared once ----------------------------------------------------------


def test_builtins_are_named_once_in_code_not_as_entry_points() -> None:
    """The entry-point group is for third parties: pyproject declares none of the built-ins."""
    tomllib = pytest.importorskip("tomllib")
    with open(ROOT / "pyproject.toml", "rb") as f:
        project = tomllib.load(f)
    declared = project["project"].get("entry-points", {}).get(ENTRY_POINT_GROUP, {})
    assert not set(declared) & set(BUILTIN_PLUGINS)
    assert not set(declared.values()) & set(BUILTIN_PLUGINS.values())


def test_installed_metadata_declares_no_builtin_entry_point() -> None:
    try:
        dist = importlib.metadata.distribution("imrparse")
    except importlib.metadata.PackageNotFoundError:
        pytest.skip("imrparse is not installed (running from a source tree)")
    installed = {ep.name for ep in dist.entry_points if ep.group == ENTRY_POINT_GROUP}
    assert not installed & set(BUILTIN_PLUGINS), "reinstall: pip install -e '.[test]'"


def test_every_builtin_is_registered_under_its_name() -> None:
    pm = get_plugin_manager(entry_points=False)
    for name, module in BUILTIN_PLUGINS.items():
        assert pm.get_plugin(name) is importlib.import_module(module)
        assert pm.get_hookcallers(pm.get_plugin(name)), f"{name} implements no hook"


# -- blocking a plugin removes its feature -----------------------------------------------------


def test_blocking_formats_removes_json() -> None:
    plugins = builtin_plugins(block=["formats"])
    assert "json" not in plugins.formats and "jsonl" not in plugins.formats
    assert {"csv", "parquet", "markdown"} <= set(plugins.formats)
    with pytest.raises(UnsupportedInput, match="no output format named 'json'"):
        imrparse.render([], "json", plugins=plugins)


@pytest.mark.parametrize("plugin,fmt", [("format_csv", "csv"), ("format_parquet", "parquet"),
                                        ("format_markdown", "markdown")])
def test_blocking_a_format_plugin(plugin: str, fmt: str) -> None:
    plugins = builtin_plugins(block=[plugin])
    assert fmt not in plugins.formats and "json" in plugins.formats


def test_builtins_false_is_empty() -> None:
    plugins = Plugins(get_plugin_manager(builtins=False, entry_points=False))
    assert not plugins.formats and not plugins.layouts and not plugins.readers


def test_blocking_a_field_plugin_leaves_the_field_at_its_default() -> None:
    full = parse(builtin_plugins())
    assert full.summary.patient.age == 52 and full.items[0].service.category == "imaging"

    det = parse(builtin_plugins(block=["extract_service"]))
    assert all(item.service == Service() for item in det.items)
    assert det.summary == full.summary

    det = parse(builtin_plugins(block=["extract_summary"]))
    assert det.summary.patient == Patient() and det.summary.diagnoses == ()
    assert det.summary.text == full.summary.text  # the layout still finds the section

    det = parse(builtin_plugins(block=["extract_reviewer"]))
    assert attrs.evolve(det.reviewer, span=None) == Reviewer()

    det = parse(builtin_plugins(block=["extract_citations"]))
    for item in det.items:
        assert attrs.evolve(item.claims_administrator_guideline, text="", span=None) == Basis()
        assert item.rationale_citations == ()


def test_disable_plugins_environment_variable(
    monkeypatch: pytest.MonkeyPatch, fresh_default: None, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("IMRPARSE_DISABLE_PLUGINS", " format_markdown , formats")
    pm = get_plugin_manager()
    assert pm.is_blocked("format_markdown") and pm.is_blocked("formats")
    plugins = Plugins(pm)
    assert "markdown" not in plugins.formats and "json" not in plugins.formats
    assert cli.main(["plugins"]) == 0
    out = capsys.readouterr().out
    assert "format_markdown" not in out and "imrparse.builtin.formats " not in out
    assert "format_csv" in out
    assert cli.main(["parse", str(seed_paths()[0]), "--format", "markdown"]) == 2
    assert "no output format named 'markdown'" in capsys.readouterr().err


# -- overrides and ordering ----------------------------------------------------------------------


def _write_marker(marker: str) -> Callable[..., None]:
    def write(dets: Any, stream: Any, options: Any) -> None:
        stream.write(marker)
    return write


def test_a_plugin_replaces_a_builtin_format_of_the_same_name() -> None:
    mine = OutputFormat(name="csv", extension=".csv", write=_write_marker("mine"))
    plugin = make_plugin("my_csv", imrparse_formats=lambda: [mine])
    with plugin_manager(plugin) as plugins:
        assert plugins.formats["csv"] is mine
        assert plugins.provider("imrparse_formats", "csv") == "my_csv"
        assert imrparse.render([], "csv", plugins=plugins) == "mine"


def test_a_field_hook_overrides_the_builtin_unless_it_returns_none() -> None:
    overriding = make_plugin("svc", imrparse_read_service=lambda request: Service(category="custom"))
    with plugin_manager(overriding) as plugins:
        assert {item.service.category for item in parse(plugins).items} == {"custom"}
    deferring = make_plugin("svc_none", imrparse_read_service=lambda request: None)
    with plugin_manager(deferring) as plugins:
        assert parse(plugins).items[0].service.category == "imaging"


def test_tryfirst_decides_between_third_party_plugins() -> None:
    first = OutputFormat(name="dup", extension=".x", write=_write_marker("first"))
    second = OutputFormat(name="dup", extension=".x", write=_write_marker("second"))

    def eager() -> list[OutputFormat]:
        return [first]

    eager_plugin = types.ModuleType("eager")
    eager_plugin.imrparse_formats = imrparse.hookimpl(tryfirst=True)(eager)  # type: ignore[attr-defined]
    later = make_plugin("later", imrparse_formats=lambda: [second])
    # "later" is registered last, so pluggy would call it first; tryfirst wins anyway.
    with plugin_manager(eager_plugin, later) as plugins:
        assert plugins.formats["dup"] is first
    with plugin_manager(later, eager_plugin) as plugins:
        assert plugins.formats["dup"] is first


def test_third_party_entry_points_override_builtins_whatever_their_order(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    """Entry points of other distributions may be listed before imrparse's: the
    built-ins are still registered first, so the plugin is called first."""
    plugin = make_plugin("ep_override", imrparse_read_service=lambda request: Service(category="ep"))
    monkeypatch.setitem(sys.modules, "ep_override", plugin)
    install_entry_points(monkeypatch, tmp_path, ep_override="ep_override")  # first on sys.path
    pm = get_plugin_manager()
    names = [name for name, _ in pm.list_name_plugin()]
    assert names.index("ep_override") > max(names.index(n) for n in BUILTIN_PLUGINS if n in names)
    assert {item.service.category for item in parse(Plugins(pm)).items} == {"ep"}
    assert "ep_override" not in dict(get_plugin_manager(entry_points=False).list_name_plugin())


# -- errors name the plugin and the hook ---------------------------------------------------------


def _boom(*args: Any, **kwargs: Any) -> Any:
    raise ValueError("boom")


def test_a_raising_field_hook_is_named() -> None:
    plugin = make_plugin("boom_service", imrparse_read_service=_boom)
    with plugin_manager(plugin) as plugins, pytest.raises(PluginError) as info:
        parse(plugins)
    assert info.value.plugin == "boom_service"
    assert info.value.hook == "imrparse_read_service"
    assert "boom_service" in str(info.value) and "ValueError: boom" in str(info.value)
    assert isinstance(info.value.__cause__, ValueError)


def test_a_raising_registration_hook_is_named() -> None:
    plugin = make_plugin("boom_formats", imrparse_formats=_boom)
    with plugin_manager(plugin) as plugins, pytest.raises(PluginError) as info:
        plugins.formats
    assert (info.value.plugin, info.value.hook) == ("boom_formats", "imrparse_formats")


@pytest.mark.parametrize("hook,bad", [
    ("imrparse_formats", {"name": "dict-format"}),
    ("imrparse_extractors", Layout(name="x", recognize=lambda text: 0.0, parse=_boom)),
    ("imrparse_layouts", "standard"),
])
def test_registering_the_wrong_type_is_named(hook: str, bad: object) -> None:
    plugin = make_plugin("wrong_type", **{hook: lambda: [bad]})
    with plugin_manager(plugin) as plugins, pytest.raises(PluginError) as info:
        getattr(plugins, hook.removeprefix("imrparse_"))
    assert (info.value.plugin, info.value.hook) == ("wrong_type", hook)
    assert "wrong_type" in str(info.value) and "not a" in str(info.value)


def test_a_raising_extractor_names_its_plugin() -> None:
    plugin = make_plugin("boom_extractor", imrparse_extractors=lambda: [
        Extractor(name="exploding", extract=lambda determination: 1 / 0)])
    with plugin_manager(plugin) as plugins, pytest.raises(PluginError) as info:
        parse(plugins)
    assert (info.value.plugin, info.value.hook) == ("boom_extractor", "imrparse_extractors")
    assert "'exploding'" in str(info.value) and "ZeroDivisionError" in str(info.value)


def test_a_raising_format_names_its_plugin(
    monkeypatch: pytest.MonkeyPatch, fresh_default: None, capsys: pytest.CaptureFixture[str]
) -> None:
    plugin = make_plugin("boom_format", imrparse_formats=lambda: [
        OutputFormat(name="boom", extension=".x", write=_boom)])
    with plugin_manager(plugin) as plugins, pytest.raises(PluginError) as info:
        imrparse.render([], "boom", plugins=plugins)
    assert (info.value.plugin, info.value.hook) == ("boom_format", "imrparse_formats")
    # On the command line: a message, not a traceback.
    pm = get_plugin_manager(entry_points=False)
    pm.register(plugin)
    monkeypatch.setattr(plugins_module, "_DEFAULT", Plugins(pm))
    assert cli.main(["parse", str(seed_paths()[0]), "--format", "boom"]) == 2
    err = capsys.readouterr().err
    assert "boom_format" in err and "Traceback" not in err


def test_a_plugin_that_fails_to_load_is_named(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    install_entry_points(monkeypatch, tmp_path, broken="no_such_module_for_imrparse")
    with pytest.raises(PluginError) as info:
        get_plugin_manager()
    assert (info.value.plugin, info.value.hook) == ("broken", "load")
    # Blocked, it is not even imported.
    assert get_plugin_manager(block=["broken"]).is_blocked("broken")


def test_a_misspelled_hook_fails_registration() -> None:
    plugin = make_plugin("typo", imrparse_formatz=lambda: [])
    with pytest.raises(pluggy.PluginValidationError):
        with plugin_manager(plugin):
            pass


# -- imrparse plugins, tracing ------------------------------------------------------------------


def test_imrparse_plugins_lists_what_is_loaded(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["plugins"]) == 0
    out = capsys.readouterr().out
    for name, module in BUILTIN_PLUGINS.items():
        assert re.search(rf"^  {name}\s+{re.escape(module)}  \(", out, re.MULTILINE), name
    for section in ("Layouts:", "Readers:", "Formats:", "Extractors:"):
        assert section in out
    for fmt in ("json", "jsonl", "csv", "parquet", "markdown"):
        assert re.search(rf"^  {fmt}\s", out, re.MULTILINE)


def test_imrparse_plugins_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["plugins", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    loaded = {p["name"]: p for p in data["plugins"]}
    assert set(BUILTIN_PLUGINS) <= set(loaded)
    assert loaded["format_csv"]["module"] == "imrparse.builtin.formats.csv"
    assert loaded["format_csv"]["hooks"] == ["imrparse_formats"]
    try:
        importlib.metadata.distribution("imrparse")
    except importlib.metadata.PackageNotFoundError:
        pass
    else:
        assert loaded["format_csv"]["distribution"] == "imrparse"
    assert {"csv", "parquet", "markdown", "json", "jsonl"} <= set(data["formats"])


def test_trace_plugins(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("IMRPARSE_TRACE_PLUGINS", "1")
    parse(Plugins(get_plugin_manager(entry_points=False)))
    err = capsys.readouterr().err
    assert "imrparse_read_service" in err and "imrparse_layouts" in err


# -- docs/plugins.md ------------------------------------------------------------------------------


def hookspec_names() -> list[str]:
    return [name for name in hookspecs.__all__ if name.startswith("imrparse_")]


def signature(name: str) -> str:
    """``name(arg: type, ...) -> type`` as written in hookspecs.py."""
    sig = inspect.signature(getattr(hookspecs, name))
    params = ", ".join(f"{p.name}: {p.annotation}" for p in sig.parameters.values())
    return f"{name}({params}) -> {sig.return_annotation}"


def test_hookspecs_are_all_listed() -> None:
    pm = pluggy.PluginManager(hookspecs.PROJECT_NAME)
    pm.add_hookspecs(hookspecs)
    assert sorted(hookspec_names()) == sorted(
        name for name in dir(pm.hook) if name.startswith("imrparse_"))


@pytest.mark.parametrize("name", hookspec_names())
def test_every_hookspec_is_documented_with_its_signature(name: str) -> None:
    docs = DOCS.read_text(encoding="utf-8")
    sections = re.split(r"^### ", docs, flags=re.MULTILINE)
    section = next((s for s in sections if s.startswith(name + "\n")), None)
    assert section is not None, f"docs/plugins.md has no '### {name}' section"
    assert f"```text\n{signature(name)}\n```" in section, f"signature of {name} not documented"
    assert "**When:**" in section and "**Return:**" in section
    assert "@imrparse.hookimpl" in section, f"{name} has no example"


def test_docs_cover_the_rules_and_environment() -> None:
    docs = DOCS.read_text(encoding="utf-8")
    for needed in ("## Writing a plugin", "## Testing a plugin", "## The entry-point group",
                   "## Ordering and overrides", "tryfirst", "IMRPARSE_TRACE_PLUGINS",
                   "IMRPARSE_DISABLE_PLUGINS", "[project.entry-points.imrparse]",
                   "imrparse.testing"):
        assert needed in docs, needed


def _python_blocks(section: str) -> list[str]:
    return re.findall(r"```python\n(.*?)```", section, flags=re.DOTALL)


def test_docs_plugin_example_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    """The "Writing a plugin" module and the "Testing a plugin" tests work as written."""
    docs = DOCS.read_text(encoding="utf-8")
    writing = docs.split("## Writing a plugin", 1)[1].split("\n## ", 1)[0]
    testing = docs.split("## Testing a plugin", 1)[1].split("\n## ", 1)[0]
    my_plugin = types.ModuleType("my_plugin")
    exec(compile(_python_blocks(writing)[0], "docs:my_plugin", "exec"), my_plugin.__dict__)
    monkeypatch.setitem(sys.modules, "my_plugin", my_plugin)
    tests: dict[str, Any] = {}
    exec(compile(_python_blocks(testing)[0], "docs:test_my_plugin", "exec"), tests)
    tests["test_item_extractor"]()
    tests["test_output"]()
    with plugin_manager(my_plugin) as plugins:
        tests["test_with_fixture"](plugins)
