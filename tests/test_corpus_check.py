"""``imrparse check``: shares of letters and items per warning code, and the unread phrases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from imrparse.cli import main
from imrparse.corpus_check import normalize_phrase
from imrparse.doubts import CHECKS

from .letters import ItemSpec, LetterSpec, make_letter


def _corpus(folder: Path) -> None:
    """Four letters: a clean one, two with requests in no category (one twice, in other
    numbers), one with a medication the drug tables do not know; and a recipe that is no
    letter."""
    letters = {
        "a_clean.txt": [ItemSpec()],
        "b_unknown.txt": [ItemSpec(request="Frobnication of the widget x3"), ItemSpec()],
        "c_unknown.txt": [ItemSpec(request="frobnication of the  widget x12")],
        "d_drug.txt": [ItemSpec(request="Zynqor 10mg #120"), ItemSpec(request="MRI of the left knee")],
    }
    for name, items in letters.items():
        (folder / name).write_text(make_letter(LetterSpec(items=items)), encoding="utf-8")
    (folder / "e_recipe.txt").write_text("Mix two cups of flour with one egg.\n", encoding="utf-8")


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(["check", *argv])
    return code, capsys.readouterr().out


def test_json_counts_letters_items_and_phrases(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    _corpus(tmp_path)
    code, out = _run(capsys, str(tmp_path), "--json")
    assert code == 1  # a letter failed, as with imrparse parse
    report = json.loads(out)
    assert (report["letters"], report["items"], report["failed"]) == (4, 6, 1)
    assert report["failures"] == {"NotALetter": 1}
    codes = {c["code"]: c for c in report["codes"]}
    unknown = codes["unrecognized-service"]
    assert (unknown["letters"], unknown["items"], unknown["warnings"]) == (2, 2, 2)
    assert unknown["letters_share"] == 0.5 and unknown["items_share"] == round(2 / 6, 4)
    # The same request in other numbers and spacing counts as one phrase.
    assert unknown["phrases"] == [{"phrase": "frobnication of the widget x<n>", "count": 2}]
    assert codes["drug-without-generic"]["phrases"] == [{"phrase": "zynqor", "count": 1}]
    # Every doubt is listed, fired or not, with its scope.
    assert {c.code for c in CHECKS} <= set(codes)
    assert codes["ur-date-not-read"] == {
        "code": "ur-date-not-read", "scope": "letter", "letters": 0, "letters_share": 0.0, "items": 0,
        "items_share": 0.0, "warnings": 0, "phrases": [], "distinct_phrases": 0}
    # Most letters first.
    assert report["codes"][0]["code"] == "unrecognized-service"


def test_table(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    _corpus(tmp_path)
    code, out = _run(capsys, str(tmp_path), "--top", "1")
    lines = out.splitlines()
    assert lines[0] == "5 letters: 4 parsed (6 items), 1 failed"
    assert lines[1] == "failed: NotALetter 1"
    row = next(line for line in lines if line.startswith("unrecognized-service"))
    assert row.split() == ["unrecognized-service", "2", "50.0%", "2", "33.3%", "2"]
    # A letter-wide code has no item share.
    assert next(line for line in lines if line.startswith("ur-date-not-read")).split()[3] == "-"
    i = lines.index("unrecognized-service (2, 1 distinct)")
    assert lines[i + 1].split() == ["2", "frobnication", "of", "the", "widget", "x<n>"]


def test_lenient_mode_counts_damaged_letters_and_their_items(capsys: pytest.CaptureFixture[str],
                                                           tmp_path: Path) -> None:
    damaged = make_letter(LetterSpec(items=[ItemSpec(), ItemSpec(request="X-ray of the hip", rationale=None)]))
    (tmp_path / "damaged.txt").write_text(damaged, encoding="utf-8")
    code, out = _run(capsys, str(tmp_path), "--json")
    assert code == 1 and json.loads(out)["failures"] == {"MalformedItem": 1}
    code, out = _run(capsys, str(tmp_path), "--json", "--lenient")
    assert code == 0
    missing = {c["code"]: c for c in json.loads(out)["codes"]}["missing-rationale"]
    assert (missing["letters"], missing["items"], missing["scope"]) == (1, 1, None)


def test_bad_usage(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["check", str(tmp_path), "--top", "-1"]) == 2
    assert main(["check", str(tmp_path), "--layout", "no-such-layout"]) == 2


@pytest.mark.parametrize(("phrase", "normalised"), [
    ("Norco 10/325mg #120", "norco <n>/<n>mg #<n>"),
    ("The original  utilization review\n12-07-2016 non-certified", "the original utilization review <date> non-certified"),
    ("UR dated December 1, 2016 and 12/1/16", "ur dated <date> and <date>"),
    ("Lidoderm 5% patch, 1.5 boxes", "lidoderm <n>% patch, <n> boxes"),
])
def test_phrases_are_normalised_for_counting(phrase: str, normalised: str) -> None:
    assert normalize_phrase(phrase) == normalised
