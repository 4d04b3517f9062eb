"""scripts/coverage_report.py: its figures add up, and it names what it could not read.

Runs the script's ``main`` on tests/fixtures/letters (always present) and on small
folders made from them.
"""

from __future__ import annotations

import importlib.util
import io
import re
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

import imrparse

from . import corpus
from imrparse.fields.citations import citation_completeness

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "coverage_report.py"
FIXTURES = corpus.SEED_DIR
FIRST = FIXTURES / "000_0fbd6ac09ab502b6.txt"

# One row of the table: label, total, then count and percentage of full, partial, unrecognised.
_ROW = re.compile(r"^  (guideline lines|rationales|requests|case summaries) +(\d+)"
                  r" +(\d+) +(?:[\d.]+%|-) +(\d+) +(?:[\d.]+%|-) +(\d+) +(?:[\d.]+%|-)$", re.MULTILINE)


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("coverage_report", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # attrs classes look their module up
    spec.loader.exec_module(module)
    return module


coverage_report = _load()


def run(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    status = coverage_report.main(list(args), out=out)
    return status, out.getvalue()


def rows(output: str) -> dict[str, tuple[int, int, int, int]]:
    found = {m.group(1): (int(m.group(2)), int(m.group(3)), int(m.group(4)), int(m.group(5)))
             for m in _ROW.finditer(output)}
    assert set(found) == {"guideline lines", "rationales", "requests", "case summaries"}, output
    return found


def test_the_fixture_letters_add_up() -> None:
    status, output = run("--letters", str(FIXTURES), "--limit", "3")
    assert status == 0
    for section in ("Citations", "Services", "Patients"):
        assert re.search(rf"^{section}$", output, re.MULTILINE), section
    table = rows(output)
    for label, (total, full, partial, unrecognised) in table.items():
        assert full + partial + unrecognised == total, label

    # The totals are what the parser gives, counted here independently.
    dets = [imrparse.parse_file(p) for p in sorted(FIXTURES.glob("*.txt"))]
    items = [item for det in dets for item in det.items]
    bases = [b for item in items for b in (item.claims_administrator_guideline, item.reviewer_guideline)]
    assert table["case summaries"][0] == len(dets) == 5
    assert table["requests"][0] == len(items)
    assert table["guideline lines"][0] == sum(len(b.citations) for b in bases)
    assert table["rationales"][0] == sum(len(item.rationale_citations) for item in items)
    partial = sum(citation_completeness(c) == "partial" for b in bases for c in b.citations)
    assert table["guideline lines"][2] == partial
    assert f"{len(dets)} letters: {len(dets)} parsed, 0 failed" in output

    citing = sum(b.cited_evidence for b in bases)
    m = re.search(r"Guideline lines: (\d+) \((\d+) cite evidence, (\d+) cite none, (\d+) missing\)", output)
    assert m is not None
    assert int(m.group(1)) == len(bases) == sum(int(g) for g in m.groups()[1:])
    assert int(m.group(2)) == citing
    assert re.search(rf"no structured citation: 0 of {citing} citing evidence \(0\.0%.*\): ok", output)


def test_partial_phrases_are_listed_with_counts_and_limited() -> None:
    _, output = run("--letters", str(FIXTURES), "--limit", "1")
    partial_patients = rows(output)["case summaries"][2]
    assert partial_patients > 1  # so that the limit shows
    block = output.split("partial, summary openings", 1)[1]
    assert f"({partial_patients}, {partial_patients} distinct, the 1 most frequent):" in block
    listed = re.findall(r"^ +1  (.+)$", block.split("\n\n", 1)[0], re.MULTILINE)
    assert len(listed) == 1 and re.search(r"\[no (age|sex|date of injury)", listed[0])


def test_failed_letters_are_listed_and_pypdf_text_skipped(tmp_path: Path) -> None:
    shutil.copy(FIRST, tmp_path / "a.txt")
    shutil.copy(FIRST, tmp_path / "a.pypdf.txt")  # another reader's text of a.pdf: skipped
    (tmp_path / "b.txt").write_text("This is not a determination letter.\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not a letter\n", encoding="utf-8")
    status, output = run("--letters", str(tmp_path))
    assert status == 0  # failed letters are listed, not an error of the report
    assert "2 letters: 1 parsed, 1 failed" in output
    failed = output.split("Letters that failed to parse (1)", 1)[1]
    assert re.search(r"^  b\.txt: \S", failed, re.MULTILINE)
    assert "a.txt" not in failed
    assert rows(output)["case summaries"][0] == 1


def test_check_fails_over_the_limit(tmp_path: Path) -> None:
    text = FIRST.read_text(encoding="utf-8")
    bare = re.sub(r"Claims Administrator guideline:.*?(?=MAXIMUS guideline:)",
                  "Claims Administrator guideline: Decision based on Non-MTUS Citation.\n\n \n\n",
                  text, count=1, flags=re.DOTALL)
    assert bare != text
    (tmp_path / "letter.txt").write_text(bare, encoding="utf-8")
    status, output = run("--letters", str(tmp_path), "--check")
    assert status == 1
    assert "no structured citation: 1 of 2 citing evidence (50.0%" in output
    assert "OVER THE LIMIT" in output
    listed = output.split("guideline lines with no structured citation (1, 1 distinct):", 1)[1]
    assert listed.lstrip().startswith("1  Decision based on Non-MTUS Citation.")
    assert run("--letters", str(tmp_path))[0] == 0  # without --check: figures only
    assert run("--letters", str(FIXTURES), "--check")[0] == 0


def test_a_missing_folder_is_bad_usage(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("--letters", str(tmp_path / "nowhere"))[0] == 2
    assert "no such folder" in capsys.readouterr().err
