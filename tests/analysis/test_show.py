"""imrparse show: a letter in the terminal, from a letter file or from imrparse's output."""

from __future__ import annotations

from pathlib import Path

import pytest

import imrparse
from imrparse import cli
from imrparse.testing import SAMPLE_LETTER

from ..corpus import seed_paths


def show(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(["show", "--width", "110", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_shows_header_reviewer_items_and_rationale(capsys: pytest.CaptureFixture[str]) -> None:
    path = seed_paths()[2]
    det = imrparse.parse_file(path)
    code, out, _ = show(capsys, str(path))
    assert code == 0
    flat = " ".join(out.replace("│", " ").split())
    assert "PARTIALLY OVERTURNED" in flat
    for i, item in enumerate(det.items, 1):
        assert f"{i}. {' '.join(item.request.split())}" in flat
        assert item.decision.value.upper() in flat
        assert " ".join(item.rationale.split())[:60] in flat
    assert "Preventive Medicine" in flat and "physical therapy [Rehabilitation]" in flat
    assert "ACOEM (MTUS)" in flat


def test_reads_imrparse_output_and_shows_warnings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    damaged = SAMPLE_LETTER.replace("Decision rationale: Guidelines support", "Guidelines support")
    letter = tmp_path / "damaged.txt"
    letter.write_text(damaged, encoding="utf-8")
    code, out, err = show(capsys, str(letter))
    assert code == 1 and "has no rationale" in err and out == ""
    code, out, _ = show(capsys, str(letter), "--lenient")
    assert code == 0 and "missing-rationale" in out
    jsonl = tmp_path / "letters.jsonl"
    assert cli.main(["parse", *map(str, seed_paths()[:2]), "-f", "jsonl", "-o", str(jsonl)]) == 0
    code, out, _ = show(capsys, str(jsonl))
    assert code == 0 and out.count("Disputed items") == 2


def test_a_missing_file_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = show(capsys, str(tmp_path / "nope.txt"))
    assert code == 1 and "nope.txt" in err
