"""docs/design.md opens with the pipeline as a picture naming the module of each stage:
every path in it exists, every name in parentheses after a module is defined in that
module, and every ``Class.member`` it names exists, so the picture follows the code."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

import imrparse
from imrparse.layout.context import ParseContext
from imrparse.plugin.registry import Plugins

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "imrparse"


def picture() -> str:
    text = (ROOT / "docs" / "design.md").read_text(encoding="utf-8")
    block = re.search(r"```text\n(.*?)```", text, re.DOTALL)
    assert block is not None and text.index(block.group()) < text.index("\n## "), "the picture opens the page"
    # One line of prose: without the arrows, bars and dotted stage labels.
    flat = re.sub(r"[│▼→·]|\.{3,}", " ", block.group(1))
    return re.sub(r"\s+", " ", flat)


def paths() -> list[str]:
    """Every module or folder path in the picture. A bare ``x.py`` is a top-level module,
    or else in the folder of the path before it (``builtin/formats/json.py, csv.py``)."""
    found, folder = [], ""
    for token in re.findall(r"[\w*]+(?:/[\w*]*)*\.(?:py|lark)|\w+(?:/\w+)*/(?=[\s),]|$)", picture()):
        if "/" in token:
            folder = token.rsplit("/", 1)[0] + "/" if not token.endswith("/") else token
            found.append(token)
        else:
            found.append(token if (SRC / token).exists() else folder + token)
    return found


def test_the_picture_names_the_modules_of_every_stage() -> None:
    text = picture()
    for stage in ("read", "normalise", "choose layout", "segment + parse", "build", "field hooks",
                  "checks", "extractors", "convert/render"):
        assert f" {stage} " in f" {text} ", stage
    assert len(paths()) >= 25


@pytest.mark.parametrize("path", paths())
def test_every_path_exists(path: str) -> None:
    base = ROOT if path.startswith("grammars/") else SRC
    assert list(base.glob(path)) if "*" in path else (base / path).exists(), path


def _module(path: str) -> str:
    return "imrparse." + path.removesuffix(".py").replace("/", ".")


def test_every_name_after_a_module_is_defined_there() -> None:
    checked = 0
    for path, names in re.findall(r"([\w/]+\.py) \(([\w, ]+)\)", picture()):
        module = importlib.import_module(_module(path))
        for name in (n.strip() for n in names.split(",")):
            assert hasattr(module, name), f"{path} defines no {name}"
            checked += 1
    assert checked >= 15


def test_every_class_member_exists() -> None:
    owners = {"Plugins": Plugins, "ParseContext": ParseContext}
    members = re.findall(r"\b(Plugins|ParseContext)\.(\w+)", picture())
    assert len(members) >= 6
    for owner, member in members:
        if member == "read_":  # ParseContext.read_*: the field hooks
            assert hasattr(ParseContext, "read_service")
            continue
        assert hasattr(owners[owner], member), f"{owner}.{member}"


def test_the_stages_are_in_the_order_parse_runs_them() -> None:
    """parsing._parse: normalise, choose the layout, parse, check, extract."""
    import inspect

    source = inspect.getsource(imrparse.parsing._parse)
    calls = ["normalize(", "choose_layout(", "parse_layout(", "find_doubts(", "run_extractors("]
    assert [source.index(c) for c in calls] == sorted(source.index(c) for c in calls)
    text = picture()
    stages = ["normalise", "choose layout", "segment + parse", "checks", "extractors", "convert/render"]
    assert [text.index(s) for s in stages] == sorted(text.index(s) for s in stages)
