"""The ``imrparse`` command: output shapes, exit statuses, failures never lost."""

from __future__ import annotations

import io
import json
import shutil
import sys
from pathlib import Path

import pytest

import imrparse

from . import corpus
from imrparse.cli import main

FIXTURES = corpus.SEED_DIR
SEEDS = corpus.seed_paths()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_one_letter_prints_one_object(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "parse", str(SEEDS[0]))
    assert code == 0
    data = json.loads(out)
    assert data["source"] == SEEDS[0].name and data["items"]


def test_several_letters_print_an_array(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "parse", str(SEEDS[0]), str(SEEDS[1]))
    assert code == 0
    assert [d["source"] for d in json.loads(out)] == [SEEDS[0].name, SEEDS[1].name]


def test_a_folder_always_prints_an_array(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    shutil.copy(SEEDS[0], tmp_path)
    code, out, _ = run(capsys, "parse", str(tmp_path))
    assert code == 0 and isinstance(json.loads(out), list)


def test_folder_letters_are_sorted_and_jsonl_keeps_input_order(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "parse", str(FIXTURES), "--format", "jsonl")
    assert code == 0
    assert [json.loads(line)["source"] for line in out.splitlines()] == [p.name for p in SEEDS]


def test_failures_go_to_stderr_and_the_rest_is_printed(capsys: pytest.CaptureFixture[str],
                                                       tmp_path: Path) -> None:
    bad = tmp_path / "recipe.txt"
    bad.write_text("Mix two cups of flour with one egg. Bake for an hour.\n")
    errors = tmp_path / "errors.jsonl"
    code, out, err = run(capsys, "parse", str(SEEDS[0]), str(bad), str(SEEDS[1]),
                         "--format", "jsonl", "--errors", str(errors))
    assert code == 1
    assert [json.loads(line)["source"] for line in out.splitlines()] == [SEEDS[0].name, SEEDS[1].name]
    assert "recipe.txt: this text is not an IMR determination letter" in err
    assert err.splitlines()[-1].startswith("3 letters: 2 parsed (0 with warnings), 1 failed; ")
    record = json.loads(errors.read_text())
    assert record["source"].endswith("recipe.txt") and record["error"] == "NotALetter"
    assert record["expected"]


def test_missing_file_is_a_failure_not_a_crash(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "parse", str(tmp_path / "nope.pdf"))
    assert code == 1 and "nope.pdf" in err


@pytest.mark.parametrize("option", [("--format", "nope"), ("--layout", "nope"), ("--reader", "nope")])
def test_bad_usage_exits_2(capsys: pytest.CaptureFixture[str], option: tuple[str, str]) -> None:
    code, out, err = run(capsys, "parse", str(SEEDS[0]), *option)
    assert code == 2 and out == "" and "nope" in err


def test_argparse_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["parse"])
    assert exc.value.code == 2


def test_stdin(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    data = SEEDS[0].read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    code, out, _ = run(capsys, "parse", "-")
    assert code == 0 and json.loads(out)["source"] == "<stdin>"


def test_output_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    code, out, _ = run(capsys, "parse", str(FIXTURES), "--format", "jsonl", "-o", str(target))
    assert code == 0 and out == ""
    assert len(target.read_text().splitlines()) == len(SEEDS)


def test_lenient_keeps_a_damaged_letter(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.txt"
    damaged.write_text(SEEDS[0].read_text().replace("MAXIMUS guideline:", "MAXIMUS notes"))
    assert run(capsys, "parse", str(damaged))[0] == 1
    code, out, _ = run(capsys, "parse", str(damaged), "--lenient")
    assert code == 0
    assert "missing-reviewer-guideline" in {w["code"] for w in json.loads(out)["warnings"]}


def test_jobs_give_the_same_output_in_the_same_order(capsys: pytest.CaptureFixture[str]) -> None:
    _, one, _ = run(capsys, "parse", str(FIXTURES), "--format", "jsonl")
    code, two, _ = run(capsys, "parse", str(FIXTURES), "--format", "jsonl", "--jobs", "2")
    assert code == 0 and one == two


def test_parse_files_lists_every_input(tmp_path: Path) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_text("   \n")
    outcomes = list(imrparse.parse_files([SEEDS[0], bad, tmp_path / "missing.txt", SEEDS[1]], jobs=2,
                                         chunk_size=1))
    assert [Path(o.source).name for o in outcomes] == [SEEDS[0].name, "empty.txt", "missing.txt",
                                                       SEEDS[1].name]
    assert [o.ok for o in outcomes] == [True, False, False, True]
    assert type(outcomes[1].error).__name__ == "EmptyInput"
    assert outcomes[2].error is not None and outcomes[2].error.source == "missing.txt"


def test_schema_command(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "schema")
    assert code == 0 and "items" in json.loads(out)["properties"]
