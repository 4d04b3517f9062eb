"""``--no-spans`` (``FormatOptions.spans``): json and jsonl without character offsets."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import imrparse
from imrparse import cli
from imrparse.builtin.formats.json import SPAN_KEYS, without_spans
from imrparse.errors import UnsupportedInput

from ..corpus import builtin_plugins, local_letters, seed_paths


def keys(value: Any, *, skip_extras: bool = True) -> set[str]:
    found: set[str] = set()
    if isinstance(value, dict):
        for k, v in value.items():
            found.add(k)
            if k not in SPAN_KEYS and not (skip_extras and k == "extras"):
                found |= keys(v)
    elif isinstance(value, list):
        for v in value:
            found |= keys(v)
    return found


def test_without_spans_drops_every_offset_and_nothing_else() -> None:
    plugins = builtin_plugins()
    for det in local_letters(plugins):
        full = imrparse.to_dict(det)
        bare = without_spans(full)
        assert not keys(bare) & SPAN_KEYS
        assert keys(full) - keys(bare) <= SPAN_KEYS
        assert bare["items"] == [without_spans(i) for i in full["items"]]


def test_extras_are_left_alone() -> None:
    data = {"span": [1, 2], "extras": {"mine": {"span": "kept"}}, "items": [{"spans": {}, "x": 1}]}
    assert without_spans(data) == {"extras": {"mine": {"span": "kept"}}, "items": [{"x": 1}]}


@pytest.mark.parametrize("name", ["json", "jsonl"])
def test_render_no_spans(name: str) -> None:
    det = imrparse.parse_file(seed_paths()[0], plugins=builtin_plugins())
    out = imrparse.render([det], name, spans=False)
    assert isinstance(out, str)
    data = json.loads(out)[0] if name == "json" else json.loads(out.splitlines()[0])
    assert not keys(data) & SPAN_KEYS
    assert data["items"][0]["request"] == det.items[0].request
    assert "span" in json.loads(imrparse.render(det, name) or "")["items"][0]  # the default keeps them


def test_cli_no_spans(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    seeds = [str(p) for p in seed_paths()]
    assert cli.main(["parse", *seeds, "-f", "jsonl", "--no-spans", "-o", str(out)]) == 0
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == len(seeds)
    assert all(not keys(d) & SPAN_KEYS for d in lines)
    # Smaller by the offsets only: the letters still read back (spans are optional).
    assert imrparse.from_dict(lines[0]).items[0].span is None


def test_one_text_for_several_letters_is_refused() -> None:
    det = imrparse.parse_file(seed_paths()[0], plugins=builtin_plugins())
    with pytest.raises(UnsupportedInput, match="several letters"):
        imrparse.render([det, det], "json", letter_text="text")
