"""The documentation is checked like code, so that it cannot drift from the package.

* Every ```python block of README.md and of every page of the site (docs/ and its
  sub-folders, with the files a page includes) runs, in order, in one namespace per
  file (later blocks use names from earlier ones), from a scratch folder that has the
  repository's ``tests/`` folder linked in, so examples read
  ``tests/fixtures/letters/...`` and write their output files where they like.
  Every ```pycon block runs as a doctest in the same namespace, so the output it
  shows is the real output. A block preceded by the line ``<!-- skip-test -->`` (e.g. one
  that needs a PDF of your own) is not run. docs/plugins.md and docs/robustness.md are
  tested elsewhere (tests/plugin/test_plugins.py) or written by hand; their blocks run only if
  the file contains the line ``<!-- docs-test: run -->``.
* docs/api.md has a heading for every name in ``imrparse.__all__``, mentions every
  name in the ``__all__`` of the public modules, and shows a message for every error.
* docs/contract.md names every key ``imrparse.to_dict`` writes (the keys of ``spans``
  maps by the field they point at), has a row for every field of each model in that
  model's section, in the order the output has them, and lists the controlled
  vocabularies of ``imrparse.vocab``.
* docs/cli.md names every option of every ``imrparse`` command, every output format and
  every environment variable the code reads.
* Every warning code the code can emit (found in the source, not listed by hand) is
  documented in docs/contract.md or docs/robustness.md.
* Relative links between the docs point at files and headings that exist, and no table
  cell hides a ``|`` in code (GitHub would split the row there).
* The site (mkdocs.yml; CI builds it with ``mkdocs build --strict``): docs/contract.md's
  field tables are the ones generated from the models' field docstrings; every ``>>>``
  example in the docstrings of the public modules runs; every public name has a
  docstring, and the API reference (docs/reference/) renders it; every page of docs/ is
  in the navigation.

Everything runs offline on the fixture letters and ``imrparse.testing.SAMPLE_LETTER``
in a few seconds.
"""

from __future__ import annotations

import ast
import codecs
import contextlib
import doctest
import functools
import importlib
import importlib.util
import inspect
import io
import re
from pathlib import Path
from typing import Any, Iterator, NamedTuple

import attrs
import pytest

import imrparse

from . import corpus
from imrparse import models
from imrparse.cli import main
from imrparse.testing import SAMPLE_LETTER

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
SRC = ROOT / "src" / "imrparse"
FIXTURE = corpus.SEED_DIR / "000_0fbd6ac09ab502b6.txt"

HOOKS = DOCS / "_hooks"

SKIP_MARK = "<!-- skip-test -->"
OPT_IN_MARK = "<!-- docs-test: run -->"
#: Pages whose examples are tested elsewhere or not meant to run, unless they opt in.
NOT_RUN_BY_DEFAULT = {"plugins.md", "robustness.md"}
#: Pages other engineers are still writing: links to them may dangle for now.
IN_PROGRESS = {"robustness.md"}

PUBLIC_MODULES = ("models", "errors", "convert", "plugins", "context", "testing")


def read(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8")


# -- 1. examples run --------------------------------------------------------------------------


class Block(NamedTuple):
    lang: str  # "python" or "pycon"
    code: str
    line: int  # 1-based line of the opening fence


_FENCE_RE = re.compile(r"^```(\w*)[^\n]*\n(.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)


def code_blocks(text: str) -> list[Block]:
    """The ```python and ```pycon blocks of a Markdown text, minus those marked skip-test."""
    blocks = []
    for m in _FENCE_RE.finditer(text):
        lang = m.group(1)
        if lang not in ("python", "pycon"):
            continue
        before = text[: m.start()].rstrip("\n").rsplit("\n", 1)[-1].strip()
        if before == SKIP_MARK:
            continue
        blocks.append(Block(lang, m.group(2), text.count("\n", 0, m.start()) + 1))
    return blocks


@functools.lru_cache(maxsize=None)
def load_hook(name: str) -> Any:
    """A module of docs/_hooks (they are MkDocs hooks, not part of the package)."""
    spec = importlib.util.spec_from_file_location(f"docs_hooks_{name}", HOOKS / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def site_pages() -> list[Path]:
    """Every page of the site: the Markdown files of docs/ and its sub-folders."""
    return sorted(p for p in DOCS.rglob("*.md") if HOOKS not in p.parents)


def page_text(page: Path) -> str:
    """A page as the site shows it: with the files it includes (docs/_hooks/includes.py)."""
    text = page.read_text(encoding="utf-8")
    return load_hook("includes").expand(text, page) if page.is_relative_to(DOCS) else text


def example_pages() -> list[Path]:
    pages = [ROOT / "README.md"] + site_pages()
    return [p for p in pages
            if p.name not in NOT_RUN_BY_DEFAULT or OPT_IN_MARK in p.read_text(encoding="utf-8")]


def run_block(block: Block, page: Path, globs: dict[str, Any]) -> None:
    where = f"{page.relative_to(ROOT)}:{block.line}"
    if block.lang == "python":
        exec(compile(block.code, where, "exec"), globs)  # noqa: S102 - our own docs
        return
    test = doctest.DocTestParser().get_doctest(block.code, globs, where, str(page), block.line)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    report = io.StringIO()
    runner.run(test, out=report.write, clear_globs=False)
    globs.update(test.globs)  # DocTest works on a copy: keep what the block defined
    assert runner.failures == 0, f"{where}: the pycon block's output is not what it shows\n{report.getvalue()}"


@pytest.mark.parametrize("page", example_pages(), ids=lambda p: str(p.relative_to(ROOT)))
def test_examples_run(page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocks = code_blocks(page_text(page))
    if not blocks:
        pytest.skip(f"{page.name} has no runnable examples")
    (tmp_path / "tests").symlink_to(ROOT / "tests", target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    globs: dict[str, Any] = {"__name__": "__docs__"}
    with contextlib.redirect_stdout(io.StringIO()):
        for block in blocks:
            run_block(block, page, globs)


def test_skip_marks_are_used_sparingly() -> None:
    """Most examples must run: skip-test is for what needs files we cannot ship."""
    for page in example_pages():
        text = page_text(page)
        skipped = text.count(SKIP_MARK)
        assert skipped <= max(2, len(code_blocks(text)) // 3), f"{page.name}: too many skipped examples"


# -- 2. the API reference covers the public API ----------------------------------------------


def headings(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if line.startswith("#"))


@pytest.mark.parametrize("name", imrparse.__all__)
def test_every_public_name_has_a_section_in_api_md(name: str) -> None:
    assert re.search(rf"(?<![\w.])(?:imrparse\.)?{re.escape(name)}(?!\w)", headings(read("api.md"))), \
        f"docs/api.md has no heading for imrparse.{name}"


@pytest.mark.parametrize("module", PUBLIC_MODULES)
def test_every_name_of_the_public_modules_is_in_api_md(module: str) -> None:
    text = read("api.md")
    mod = importlib.import_module(f"imrparse.{module}")
    missing = [n for n in mod.__all__ if not re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text)]
    assert not missing, f"docs/api.md does not mention imrparse.{module}: {', '.join(missing)}"


def test_every_error_class_has_an_example_message_in_api_md() -> None:
    text = read("api.md")
    for name in imrparse.errors.__all__:
        cls = getattr(imrparse.errors, name)
        if isinstance(cls, type) and issubclass(cls, imrparse.ImrParseError) \
                and cls is not imrparse.ImrParseError:  # the root has its own section
            section = re.search(rf"^#### `{name}`.*?(?=^#)", text, re.MULTILINE | re.DOTALL)
            assert section, f"docs/api.md has no '#### `{name}`' section"
            assert "```text" in section.group(), f"docs/api.md: no example message for {name}"


# -- 3. the contract names every key ---------------------------------------------------------


@functools.lru_cache(maxsize=1)
def sample_dicts() -> list[dict[str, Any]]:
    damaged = SAMPLE_LETTER.replace("Decision rationale: Guidelines support", "Guidelines support")
    dets = [imrparse.parse(SAMPLE_LETTER, source="sample.txt"),
            imrparse.parse_file(FIXTURE),
            imrparse.parse(damaged, strict=False)]  # lenient: warnings have their keys too
    assert any(d.warnings for d in dets)
    return [imrparse.to_dict(d) for d in dets]


def keys_of(value: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """``(path, key)`` of every key in the JSON; a ``spans`` map's keys by their field
    (``diagnoses.2`` is ``diagnoses``); ``extras`` keys (plugin names) left out."""
    if isinstance(value, list):
        for v in value:
            yield from keys_of(v, path + "[]")
    elif isinstance(value, dict):
        for key, v in value.items():
            if path.endswith(".extras"):
                continue
            if path.endswith(".spans"):
                yield path, key.split(".", 1)[0]
                continue
            yield path, key
            yield from keys_of(v, f"{path}.{key}")


def test_contract_names_every_key_to_dict_writes() -> None:
    contract = read("contract.md")
    missing = sorted({f"{path}.{key}" for d in sample_dicts() for path, key in keys_of(d)
                      if f"`{key}`" not in contract})
    assert not missing, f"docs/contract.md does not name: {', '.join(missing)}"


def test_spans_keys_name_fields_of_their_object() -> None:
    """What the contract promises about ``spans``: each key is a field of the object, or
    ``field.N`` for the N-th element of a list field."""
    def check(value: Any) -> None:
        if isinstance(value, list):
            for v in value:
                check(v)
        elif isinstance(value, dict):
            for key in value.get("spans", {}):
                field, _, index = key.partition(".")
                assert field in value, f"spans key {key!r} names no field of {sorted(value)}"
                assert not index or (index.isdigit() and int(index) < len(value[field])), key
            for v in value.values():
                check(v)
    for d in sample_dicts():
        check(d)


MODEL_SECTIONS = {
    models.Determination: "Determination", models.Case: "Case", models.Reviewer: "Reviewer",
    models.Summary: "Summary", models.Patient: "Patient", models.Item: "Item",
    models.Basis: "Basis", models.Citation: "Citation", models.Service: "Service",
    models.Warning: "Warning",
}


def section(text: str, title: str) -> str:
    m = re.search(rf"^## {re.escape(title)}\b.*?(?=^## |\Z)", text, re.MULTILINE | re.DOTALL)
    assert m, f"no '## {title}' section"
    return m.group()


@pytest.mark.parametrize("cls", list(MODEL_SECTIONS), ids=lambda c: c.__name__)
def test_contract_lists_every_field_of_each_model(cls: type) -> None:
    body = section(read("contract.md"), MODEL_SECTIONS[cls])
    missing = [a.name for a in attrs.fields(cls) if f"| `{a.name}` |" not in body]
    assert not missing, f"contract.md, section {MODEL_SECTIONS[cls]}: no row for {missing}"


def example_objects() -> dict[str, dict[str, Any]]:
    """One JSON object of each model, as ``to_dict`` writes it."""
    sample, _, lenient = sample_dicts()
    item = sample["items"][0]
    return {
        "Determination": sample, "Case": sample["case"], "Reviewer": sample["reviewer"],
        "Summary": sample["summary"], "Patient": sample["summary"]["patient"], "Item": item,
        "Basis": item["reviewer_guideline"], "Citation": item["reviewer_guideline"]["citations"][0],
        "Service": item["service"], "Warning": lenient["warnings"][0],
    }


@pytest.mark.parametrize("title", list(MODEL_SECTIONS.values()))
def test_contract_tables_follow_the_key_order_of_the_output(title: str) -> None:
    """The contract says every key is written "in the order shown here"."""
    rows = re.findall(r"^\| `(\w+)` \|", section(read("contract.md"), title), re.MULTILINE)
    assert rows == list(example_objects()[title]), f"contract.md, section {title}: rows out of order"


def vocabularies() -> dict[str, list[str]]:
    from imrparse.vocab import body_regions, dwc, guidelines, modalities, services, specialties

    modality_names = set(modalities.IMAGING.values()) | set(modalities.COMBINED_MODALITIES.values())
    modality_names |= {v for v in modalities.TESTS.values() if v}
    return {
        "Service categories": list(services.CATEGORIES),
        "Body regions": list(body_regions.REGION_NAMES),
        "Laterality": sorted({side for side, _ in body_regions.LATERALITY.values()}),
        "Modalities": sorted(modality_names),
        "Guidelines": [g.short for g in guidelines.GUIDELINES] + ["Literature"],
        "DWC request categories": [*dwc.DWC_CATEGORIES, *dwc.BY_CATEGORY, *dwc.BY_PROCEDURE],
        "Specialties": sorted(set(specialties.NAMES.values())),
    }


@pytest.mark.parametrize("title", list(vocabularies()))
def test_contract_lists_the_controlled_vocabularies(title: str) -> None:
    m = re.search(rf"^### {title}\b.*?(?=^##)", read("contract.md"), re.MULTILINE | re.DOTALL)
    assert m, f"contract.md has no '### {title}' section"
    listed = set(re.findall(r"`([^`]+)`", m.group()))
    missing = [v for v in vocabularies()[title] if v not in listed]
    assert not missing, f"contract.md, {title}: missing {missing}"


def test_contract_states_the_schema_version() -> None:
    assert f'`"{models.SCHEMA_VERSION}"`' in read("contract.md")


# -- 4. the CLI reference names every option ---------------------------------------------------


def help_text(*argv: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), pytest.raises(SystemExit) as exit_:
        main([*argv, "--help"])
    assert exit_.value.code == 0
    return out.getvalue()


def commands() -> list[str]:
    """The sub-commands listed by ``imrparse --help``."""
    return re.findall(r"^    (\w+) ", help_text(), re.MULTILINE)


_OPTION_RE = re.compile(r"(?<![\w-])(--?[A-Za-z][\w-]*)")


@pytest.mark.parametrize("command", ["parse", "stats", "show", "plugins", "schema"])
def test_cli_md_names_every_option(command: str) -> None:
    doc = read("cli.md")
    assert f"imrparse {command}" in doc
    options = set(_OPTION_RE.findall(help_text(command).split("options:", 1)[1]))
    missing = sorted(o for o in options if f"`{o}" not in doc)
    assert not missing, f"docs/cli.md does not name the options of imrparse {command}: {missing}"


def test_cli_md_names_every_command_and_format() -> None:
    doc = read("cli.md")
    assert set(commands()) == {"parse", "check", "stats", "show", "plugins", "schema"}, "a new command: document it"
    for name in commands():
        assert f"\n## imrparse {name}\n" in doc, f"docs/cli.md has no section for the command {name!r}"
    for name in imrparse.plugins.get_plugins().formats:
        assert f"`{name}`" in doc, f"docs/cli.md does not describe the format {name!r}"


def environment_variables() -> set[str]:
    found = set()
    for path in SRC.rglob("*.py"):
        found |= set(re.findall(r"os\.environ(?:\.get)?[(\[]\s*\"([A-Z_]+)\"", path.read_text(encoding="utf-8")))
    return found


def test_cli_md_names_every_environment_variable() -> None:
    variables = environment_variables()
    assert "IMRPARSE_CACHE_DIR" in variables
    doc = read("cli.md")
    missing = sorted(v for v in variables if f"`{v}" not in doc)
    assert not missing, f"docs/cli.md does not describe {missing}"


# -- 5. warning codes -------------------------------------------------------------------------------

_CODE_RE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$")
_REPORTING_CALLS = {"warn", "problem", "missing", "Warning", "Doubt"}


def _is_codec(name: str) -> bool:
    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True


@functools.lru_cache(maxsize=1)
def warning_codes() -> dict[str, str]:
    """Every warning code in src: the kebab-case string constants of each function that
    reports a problem (``ctx.warn``, ``ctx.problem``, the layout's ``missing``, ``Warning``, ``Doubt``),
    which catches codes passed through variables too."""
    codes: dict[str, str] = {}
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for fn in ast.walk(tree):
            if not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            reports = any(
                isinstance(n, ast.Call)
                and (n.func.attr if isinstance(n.func, ast.Attribute) else getattr(n.func, "id", None))
                in _REPORTING_CALLS
                for n in ast.walk(fn))
            if not reports:
                continue
            for n in ast.walk(fn):
                if (isinstance(n, ast.Constant) and isinstance(n.value, str)
                        and _CODE_RE.match(n.value) and not _is_codec(n.value)):
                    codes.setdefault(n.value, f"{path.relative_to(ROOT)}:{n.lineno}")
    return codes


def test_warning_codes_are_found() -> None:
    codes = warning_codes()
    assert {"missing-rationale", "decoded-cp1252", "implausible-date", "unexpected-text", "ur-date-not-read"} <= set(codes)


def test_every_warning_code_is_documented() -> None:
    docs = read("contract.md")
    if (DOCS / "robustness.md").exists():
        docs += read("robustness.md")
    missing = {code: where for code, where in warning_codes().items() if f"`{code}`" not in docs}
    assert not missing, f"warning codes not in docs/contract.md or docs/robustness.md: {missing}"


# -- links ------------------------------------------------------------------------------------------

_LINK_RE = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")


def slug(heading: str) -> str:
    """GitHub's anchor for a Markdown heading."""
    text = heading.strip().lstrip("#").strip().lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def anchors(path: Path) -> set[str]:
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"^```.*?^```", "", text, flags=re.MULTILINE | re.DOTALL)
    return {slug(line) for line in text.splitlines() if line.startswith("#")}


@pytest.mark.parametrize("page", [ROOT / "README.md"] + site_pages(), ids=lambda p: str(p.relative_to(ROOT)))
def test_relative_links_resolve(page: Path) -> None:
    text = re.sub(r"^```.*?^```", "", page_text(page), flags=re.MULTILINE | re.DOTALL)
    for target in _LINK_RE.findall(text):
        if re.match(r"[a-z]+:", target):
            continue  # an absolute URL
        file, _, anchor = target.partition("#")
        dest = (page.parent / file).resolve() if file else page
        if dest.name in IN_PROGRESS and not dest.exists():
            continue
        assert dest.exists(), f"{page.name}: link to missing {target}"
        if anchor and dest.suffix == ".md":
            assert anchor in anchors(dest), f"{page.name}: no heading for #{anchor} in {dest.name}"


@pytest.mark.parametrize("page", [ROOT / "README.md"] + site_pages(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_pipe_inside_code_in_a_table(page: Path) -> None:
    """GitHub splits a table row at every ``|``, even inside backticks."""
    text = re.sub(r"^```.*?^```", "", page_text(page), flags=re.MULTILINE | re.DOTALL)
    for line in text.splitlines():
        if line.startswith("|"):
            bad = [code for code in re.findall(r"`[^`]*`", line) if "|" in code]
            assert not bad, f"{page.name}: a table cell has {bad}; write it without the pipe"


# -- 6. the site: generated tables, docstrings, the API reference, the nav --------------------------


def test_contract_tables_are_the_ones_generated_from_the_models() -> None:
    """docs/contract.md's field tables are what the site generates from the models
    (edit the field docstrings in models.py, then ``python docs/_hooks/contract_tables.py``)."""
    tables = load_hook("contract_tables")
    page = read("contract.md")
    regions = re.findall(r"<!-- fields: (\w+) -->", page)
    assert sorted(regions) == sorted(MODEL_SECTIONS.values()), "one generated table per model"
    assert tables.render(page) == page, \
        "docs/contract.md is out of date with imrparse.models: run python docs/_hooks/contract_tables.py"


@pytest.mark.parametrize("cls", list(MODEL_SECTIONS), ids=lambda c: c.__name__)
def test_every_model_field_has_a_meaning(cls: type) -> None:
    """Each key of the contract is described where the code defines it."""
    tables = load_hook("contract_tables")
    from imrparse.contract import fields_of

    missing = [f.name for f in fields_of(cls) if not tables.field_doc(cls, f.name)[0]]
    assert not missing, f"imrparse.models.{cls.__name__}: no docstring for {missing}"


#: The modules of the public API: their doctests run, their public names have docstrings.
API_MODULES = (
    "imrparse", "imrparse.models", "imrparse.errors", "imrparse.convert", "imrparse.schema",
    "imrparse.testing", "imrparse.reading", "imrparse.rendering", "imrparse.parsing",
    "imrparse.batch", "imrparse.plugin.api", "imrparse.plugin.hookspecs",
    "imrparse.plugin.registry", "imrparse.plugin.manager", "imrparse.layout.context",
    "imrparse.text.textmap", "imrparse.text.reflow", "imrparse.text.normalize",
)


@pytest.mark.parametrize("module", API_MODULES)
def test_docstring_examples_run(module: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every ``>>>`` example in the docstrings of the public modules (what the API
    reference shows) runs, from a folder where ``tests/fixtures/letters`` exists. As on
    the pages, the examples of one module share a namespace, the module docstring's
    first (the finder sorts by name), so it can define what the others use."""
    mod = importlib.import_module(module)
    (tmp_path / "tests").symlink_to(ROOT / "tests", target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    finder = doctest.DocTestFinder(exclude_empty=True)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    report = io.StringIO()
    globs = dict(vars(mod))
    for test in finder.find(mod, module):
        if test.filename and Path(test.filename).resolve().is_relative_to(SRC):
            test.globs = globs
            runner.run(test, out=report.write, clear_globs=False)
    assert runner.failures == 0, f"{module}: docstring examples fail\n{report.getvalue()}"


def _documented_constants(module: Any) -> set[str]:
    """Module-level names with an attribute docstring (a string right after the
    assignment) or ``#:`` comment lines right above it, as the API reference reads them."""
    source = inspect.getsource(module)
    lines = source.splitlines()
    found = set()
    body = ast.parse(source).body
    for stmt, after in zip(body, [*body[1:], None]):
        if not isinstance(stmt, (ast.Assign, ast.AnnAssign)):
            continue
        targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
        names = {t.id for t in targets if isinstance(t, ast.Name)}
        doc_after = (isinstance(after, ast.Expr) and isinstance(after.value, ast.Constant)
                     and isinstance(after.value.value, str))
        comment_above = stmt.lineno >= 2 and lines[stmt.lineno - 2].strip().startswith("#:")
        if doc_after or comment_above:
            found |= names
    return found


def _own_docstring(obj: Any) -> str | None:
    doc = obj.__doc__ if isinstance(obj, (type, property)) or callable(obj) else None
    if isinstance(obj, type) and attrs.has(obj) and doc and doc.startswith(obj.__name__ + "("):
        return None  # the signature attrs writes for an undocumented class
    return doc


def public_api() -> Iterator[tuple[str, Any, Any]]:
    """``(qualified name, object, module)`` of every name in the ``__all__`` of the API
    modules, and every public method and property of their classes."""
    for module_name in API_MODULES:
        mod = importlib.import_module(module_name)
        for name in mod.__all__:
            obj = getattr(mod, name)
            if inspect.ismodule(obj) or name.startswith("__"):
                continue
            yield f"{module_name}.{name}", obj, mod
            if isinstance(obj, type) and obj.__module__.startswith("imrparse"):
                for member, value in vars(obj).items():
                    if member.startswith("_") or not (callable(value) or isinstance(
                            value, (property, classmethod, staticmethod))):
                        continue
                    if isinstance(value, (classmethod, staticmethod)):
                        value = value.__func__
                    yield f"{module_name}.{name}.{member}", value, None


@pytest.mark.parametrize("qualname,obj,module", list(public_api()), ids=lambda v: v if isinstance(v, str) else "")
def test_every_public_name_has_a_docstring(qualname: str, obj: Any, module: Any) -> None:
    """What the API reference shows for each public name: a class's, function's or
    property's own docstring; for a value (a constant, pluggy's ``hookimpl`` marker, a
    type alias) the attribute docstring or ``#:`` comment where it is assigned."""
    own_code = (inspect.isclass(obj) or inspect.isroutine(obj) or isinstance(obj, property)) \
        and getattr(obj, "__module__", "imrparse").startswith("imrparse")
    if own_code or module is None:
        assert _own_docstring(obj), f"{qualname} has no docstring"
    else:
        name = qualname.rsplit(".", 1)[-1]
        assert name in _documented_constants(importlib.import_module(obj_module(qualname))), \
            f"{qualname} has no docstring (a string after the assignment, or #: comments above it)"


def obj_module(qualname: str) -> str:
    """The module that defines a module-level name: follow ``from x import name``."""
    module_name, name = qualname.rsplit(".", 1)
    mod = importlib.import_module(module_name)
    tree = ast.parse(inspect.getsource(mod))
    for stmt in tree.body:
        if isinstance(stmt, ast.ImportFrom) and any(a.name == name for a in stmt.names):
            base = module_name if mod.__name__ == module_name and hasattr(mod, "__path__") \
                else module_name.rsplit(".", 1)[0]
            for _ in range(stmt.level - 1):
                base = base.rsplit(".", 1)[0]
            return f"{base}.{stmt.module}" if stmt.level else str(stmt.module)
    return module_name


REFERENCE = DOCS / "reference"
_DIRECTIVE_RE = re.compile(r"^::: ([\w.]+)\n((?:    .*\n|\n)*)", re.MULTILINE)


def rendered_names() -> set[str]:
    """What the API reference pages render: ``module.name`` for each member of each
    ``::: module`` directive (its ``members:`` list, else the module's ``__all__``)."""
    names = set()
    for page in REFERENCE.glob("*.md"):
        for target, options in _DIRECTIVE_RE.findall(page.read_text(encoding="utf-8")):
            listed = re.search(r"members:\n((?:\s+- \S+\n)+)", options)
            if listed:
                members = re.findall(r"- (\S+)", listed.group(1))
            else:
                members = list(getattr(importlib.import_module(target), "__all__", []))
            names |= {f"{target}.{m}" for m in members}
    return names


REFERENCED_MODULES = (
    "imrparse", "imrparse.models", "imrparse.errors", "imrparse.schema", "imrparse.testing",
    "imrparse.plugin.api", "imrparse.plugin.hookspecs", "imrparse.plugin.registry",
    "imrparse.layout.context", "imrparse.text.textmap", "imrparse.text.reflow",
)


@pytest.mark.parametrize("module", REFERENCED_MODULES)
def test_the_api_reference_renders_every_public_name(module: str) -> None:
    mod = importlib.import_module(module)
    rendered = rendered_names()
    missing = []
    for name in mod.__all__:
        obj = getattr(mod, name)
        if inspect.ismodule(obj):  # imrparse.errors, imrparse.models: a page of their own
            assert (REFERENCE / f"{name}.md").exists(), f"no docs/reference/{name}.md"
            continue
        defined = getattr(obj, "__module__", None)
        if f"{module}.{name}" not in rendered and f"{defined}.{name}" not in rendered:
            missing.append(name)
    assert not missing, f"docs/reference/ renders no {', '.join(missing)} of {module}"


def test_every_page_is_in_the_nav() -> None:
    """A page of docs/ that mkdocs.yml's nav does not list is not reachable on the site."""
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    listed = set(re.findall(r"^\s*-\s+(?:[^:\n]+:\s+)?([\w/.-]+\.md)\s*$", nav, re.MULTILINE))
    missing = [str(p.relative_to(DOCS)) for p in site_pages() if str(p.relative_to(DOCS)) not in listed]
    assert not missing, f"mkdocs.yml: add these pages to the nav: {missing}"
