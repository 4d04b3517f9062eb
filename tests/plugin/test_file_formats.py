"""Output formats that need a real file (``OutputFormat(needs_path=True)``): they get a
path, ``render()`` returns the file's bytes, and the command line requires ``-o FILE``."""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path
from typing import Any, Iterable

import pytest

import imrparse
from imrparse.errors import PluginError, UnsupportedInput
from imrparse.models import Determination
from imrparse.plugin.api import FormatOptions, OutputFormat
from imrparse.testing import SAMPLE_LETTER, plugin_manager, render_with

from ..corpus import seed_paths
from .making import make_plugin, run_cli

targets: list[object] = []


def write_sqlite(dets: Iterable[Determination], path: str, options: FormatOptions) -> None:
    targets.append(path)
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE items (source TEXT, request TEXT, decision TEXT)")
        for det in dets:
            db.executemany("INSERT INTO items VALUES (?, ?, ?)",
                           [(det.source, i.request, i.decision.value) for i in det.items])


SQLITE = make_plugin("sqlite_format", imrparse_formats=lambda: [OutputFormat(
    name="item-table", extension=".sqlite", write=write_sqlite, needs_path=True, binary=True)])


def rows(path: Path) -> list[tuple[Any, ...]]:
    with sqlite3.connect(path) as db:
        return db.execute("SELECT source, decision FROM items").fetchall()


def test_render_returns_the_files_bytes(tmp_path: Path) -> None:
    targets.clear()
    data = render_with(SQLITE, "item-table")
    assert isinstance(data, bytes) and data.startswith(b"SQLite format 3\x00")
    [target] = targets
    assert isinstance(target, str) and target.endswith(".sqlite") and not Path(target).exists()
    (tmp_path / "out.sqlite").write_bytes(data)
    assert rows(tmp_path / "out.sqlite") == [(None, "upheld"), (None, "overturned")]


def test_render_to_a_stream_copies_the_bytes() -> None:
    with plugin_manager(SQLITE) as plugins:
        det = imrparse.parse(SAMPLE_LETTER, plugins=plugins)
        stream = io.BytesIO()
        assert imrparse.render(det, "item-table", stream, plugins=plugins) is None
    assert stream.getvalue().startswith(b"SQLite format 3")


def test_write_gives_a_path_format_a_path_and_a_stream_format_a_stream() -> None:
    with plugin_manager(SQLITE) as plugins:
        options = FormatOptions(converter=plugins.converter)
        with pytest.raises(UnsupportedInput, match="writes a file"):
            plugins.write(plugins.formats["item-table"], [], io.BytesIO(), options)
        with pytest.raises(UnsupportedInput, match="writes to a stream"):
            plugins.write(plugins.formats["json"], [], "out.json", options)


def test_the_command_line_requires_an_output_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    letter = str(seed_paths()[0])
    code, out, err = run_cli(monkeypatch, capsys, [SQLITE], ["parse", letter, "-f", "item-table"])
    assert code == 2 and out == "" and "writes a file" in err and "-o FILE" in err
    target = tmp_path / "letters.sqlite"
    code, out, err = run_cli(monkeypatch, capsys, [SQLITE],
                             ["parse", letter, str(seed_paths()[1]), "-f", "item-table", "-o", str(target)])
    assert (code, out) == (0, "") and err.startswith("2 letters: 2 parsed")  # the end line only
    assert [source for source, _ in rows(target)][:1] == [seed_paths()[0].name]


def test_a_failing_file_format_is_blamed() -> None:
    def broken(dets: Iterable[Determination], path: str, options: FormatOptions) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    plugin = make_plugin("broken_sqlite", imrparse_formats=lambda: [OutputFormat(
        name="item-table", extension=".sqlite", write=broken, needs_path=True)])
    with plugin_manager(plugin) as plugins, pytest.raises(PluginError) as info:
        imrparse.render([], "item-table", plugins=plugins)
    assert (info.value.plugin, info.value.call) == ("broken_sqlite", "OutputFormat.write")


# -- a format failing midway on the command line ------------------------------------------------


def test_a_format_failing_midway_exits_2_after_what_it_wrote(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """What the format wrote before it failed stays written; the status is 2 and the
    message names the plugin (no traceback, no per-letter failure count)."""

    def two_then_fail(dets: Iterable[Determination], stream: Any, options: FormatOptions) -> None:
        for n, det in enumerate(dets):
            if n == 2:
                raise RuntimeError("out of ink")
            stream.write(json.dumps({"source": det.source}) + "\n")
            stream.flush()

    plugin = make_plugin("flaky_format", imrparse_formats=lambda: [OutputFormat(
        name="flaky", extension=".jsonl", write=two_then_fail)])
    code, out, err = run_cli(monkeypatch, capsys, [plugin],
                             ["parse", *map(str, seed_paths()[:4]), "-f", "flaky"])
    assert code == 2
    assert [json.loads(line)["source"] for line in out.splitlines()] == [p.name for p in seed_paths()[:2]]
    assert "flaky_format" in err and "out of ink" in err and "Traceback" not in err
    assert "letters failed" not in err
