"""imrparse stats on the command line: every input kind, every output format, the report,
and the real letters against a hand count."""

from __future__ import annotations

import collections
import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

import imrparse
from imrparse import cli
from imrparse.analysis import report as report_module
from imrparse.analysis.presets import PRESETS
from imrparse.analysis.stats import load_letters, outcome_table, wilson
from imrparse.errors import UnsupportedInput

from ..browser import needs_browser, open_page
from ..corpus import needs_shared, real_pdfs, seed_paths


def stats_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, Any]:
    code = cli.main(["stats", *argv, "--format", "json"])
    out = capsys.readouterr().out
    assert code == 0, out
    data: dict[str, Any] = json.loads(out)
    return data


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The seeds written in every format stats reads."""
    folder = tmp_path_factory.mktemp("outputs")
    seeds = [str(p) for p in seed_paths()]
    made = {}
    for name, suffix in (("jsonl", ".jsonl"), ("json", ".json"), ("parquet", ".parquet"), ("sqlite", ".sqlite")):
        path = folder / f"letters{suffix}"
        assert cli.main(["parse", *seeds, "-f", name, "-o", str(path)]) == 0
        made[name] = path
    return made


def test_every_input_gives_the_same_table(outputs: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    seeds = [str(p) for p in seed_paths()]
    want = stats_json(capsys, *seeds, "--by", "category")["tables"]
    assert want[0]["total"]["n"] == 6
    for path in outputs.values():
        assert stats_json(capsys, str(path), "--by", "category")["tables"] == want, path.name
    folder = str(seed_paths()[0].parent)
    assert stats_json(capsys, folder, "--by", "category")["tables"] == want


def test_output_formats(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    seeds = [str(p) for p in seed_paths()]
    assert cli.main(["stats", *seeds, "--by", "category"]) == 0
    text = capsys.readouterr().out
    assert "imaging" in text and "95% CI" in text and "all" in text
    assert cli.main(["stats", *seeds, "--by", "category", "-f", "markdown"]) == 0
    md = capsys.readouterr().out
    assert "| category | items |" in md and "| ---: |" in md
    out = tmp_path / "t.csv"
    assert cli.main(["stats", *seeds, "--by", "category", "-t", "overall", "-f", "csv", "-o", str(out)]) == 0
    table = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert {r["table"] for r in table} == {"overall", "Overturn rate of items by category"}
    imaging = next(r for r in table if r["category"] == "imaging")
    assert int(imaging["n"]) == 5 and float(imaging["rate"]) == 0.0


def test_list_tables_and_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["stats", "--list-tables"]) == 0
    listed = capsys.readouterr().out
    assert all(name in listed for name in PRESETS)
    seed = str(seed_paths()[0])
    for argv, says in ((["-t", "nope"], "no table named 'nope'"), (["--by", "categroy"], "no field"),
                       (["--where", "category"], "FIELD OP VALUE"), ([], "no sources")):
        assert cli.main(["stats", *([seed] if argv else []), *argv]) == 2
        assert says in capsys.readouterr().err


def test_failed_letters_are_reported_not_lost(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "notes.txt"
    bad.write_text("shopping list: milk, eggs\n", encoding="utf-8")
    assert cli.main(["stats", str(seed_paths()[0]), str(bad), "-f", "json"]) == 1
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert data["letters"] == 1 and data["failures"][0]["source"].endswith("notes.txt")
    assert "1 letters failed" in captured.err


def test_a_broken_jsonl_line_is_named(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text('{"items": []}\nnot json\n', encoding="utf-8")
    with pytest.raises(imrparse.errors.InvalidValue, match=r"x.jsonl:2"):
        load_letters([path])


def test_the_report_is_self_contained(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seeds = [str(p) for p in seed_paths()]
    page = tmp_path / "report.html"
    assert cli.main(["stats", *seeds, "--by", "category", "-t", "cwci-decisions-per-letter",
                     "--html", str(page)]) == 0
    html = page.read_text(encoding="utf-8")
    assert html.count("<svg") == 2  # one chart per grouped table (the seeds have no dates)
    # Only references inside the page: the SVG's own clip paths and markers.
    assert "src=" not in html and "@import" not in html and "<metadata>" not in html
    references = re.findall(r'href="([^"]*)"|url\(([^)]*)\)', html)
    assert references and all((a or b).startswith("#") for a, b in references), references


def test_the_report_without_matplotlib_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    real_import = builtins.__import__

    def no_matplotlib(name: str, *args: Any, **kwargs: Any) -> Any:
        if name.startswith("matplotlib"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_matplotlib)
    with pytest.raises(UnsupportedInput, match=r"imrparse\[report\]"):
        report_module.render_report([], letters=[])


# -- the real letters -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def real_jsonl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("real") / "real.jsonl"
    assert cli.main(["parse", *map(str, real_pdfs()), "-f", "jsonl", "-o", str(path), "-q"]) in (0, 1)
    return path


@needs_shared
def test_real_letters_rates_by_category_match_a_hand_count(real_jsonl: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    """``imrparse stats`` over the real PDFs agrees with counting the jsonl by hand."""
    counts: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for line in real_jsonl.read_text(encoding="utf-8").splitlines():
        for it in json.loads(line)["items"]:
            counts[it["service"]["category"]][it["decision"]] += 1
    table = stats_json(capsys, *map(str, real_pdfs()), "--by", "category")["tables"][0]
    got = {r["category"]: r for r in table["rows"]}
    assert set(got) == set(counts)
    for category, c in counts.items():
        n = c["upheld"] + c["overturned"]
        row = got[category]
        assert (row["n"], row["upheld"], row["overturned"]) == (n, c["upheld"], c["overturned"])
        assert row["rate"] == pytest.approx(c["overturned"] / n)
        assert (row["ci_low"], row["ci_high"]) == pytest.approx(wilson(c["overturned"], n))
    assert table["total"]["n"] == sum(sum(c.values()) for c in counts.values())
    # The terminal table shows the same figures.
    assert cli.main(["stats", *map(str, real_pdfs()), "--by", "category"]) == 0
    text = capsys.readouterr().out
    imaging = counts["imaging"]
    line = next(ln for ln in text.splitlines() if ln.startswith("imaging "))
    assert line.split()[1:4] == [str(imaging["upheld"] + imaging["overturned"]), str(imaging["upheld"]),
                                 str(imaging["overturned"])]


@needs_shared
def test_real_letters_every_preset(real_jsonl: Path, capsys: pytest.CaptureFixture[str]) -> None:
    letters = load_letters([real_jsonl]).letters
    for preset in PRESETS.values():
        table = outcome_table(letters, **preset.arguments())
        assert table.total["n"] > 0, preset.name
    mix = {r["dwc_category"]: r for r in outcome_table(letters, by=["dwc_category"]).rows}
    assert "Diagnostic Testing" in mix and "Pharmaceuticals" in mix


@needs_shared
@needs_browser
def test_the_report_opens_in_headless_chromium(real_jsonl: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    page_path = tmp_path / "report.html"
    tables = [n for n in PRESETS if n != "overall"]
    argv = ["stats", str(real_jsonl), "--html", str(page_path), *(a for n in tables for a in ("-t", n))]
    assert cli.main(argv) == 0
    capsys.readouterr()
    with open_page(page_path) as (page, requests, errors):
        assert page.locator("h1").inner_text().startswith("IMR decisions:")
        charts = page.locator("figure svg")
        assert charts.count() >= len(tables)  # one per grouped table, and the months
        box = charts.first.bounding_box()
        assert box is not None and box["width"] > 300 and box["height"] > 100
        assert page.locator("table").count() == len(tables)
    assert requests == [page_path.resolve().as_uri()], requests
    assert errors == []
