"""The ``sqlite`` output format: normalised tables that round-trip, re-ingesting in place."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any, Iterable, Iterator

import attrs
import pytest

import imrparse
from imrparse import cli
from imrparse.builtin.formats import sqlite as format_sqlite
from imrparse.errors import UnsupportedInput
from imrparse.models import Determination
from imrparse.plugin.api import FormatOptions

from ..corpus import builtin_plugins, local_letters, needs_shared, real_pdfs, seed_paths


@pytest.fixture(scope="module")
def letters() -> list[Determination]:
    return local_letters(builtin_plugins())


def write(dets: Iterable[Determination], path: Path, **options: Any) -> None:
    opts = FormatOptions(converter=builtin_plugins().converter, **options)
    builtin_plugins().write(builtin_plugins().formats["sqlite"], dets, str(path), opts)


def dump(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return list(conn.iterdump())


def rows(path: Path, sql: str, *args: Any) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def test_tables_hold_every_letter_item_and_citation(letters: list[Determination], tmp_path: Path) -> None:
    db = tmp_path / "l.sqlite"
    write(letters, db)
    assert rows(db, "SELECT count(*) FROM letters") == [(len(letters),)]
    assert rows(db, "SELECT count(*) FROM items") == [(sum(len(d.items) for d in letters),)]
    cited = sum(len(i.claims_administrator_guideline.citations) + len(i.reviewer_guideline.citations)
                + len(i.rationale_citations) for d in letters for i in d.items)
    assert rows(db, "SELECT count(*) FROM citations") == [(cited,)]
    assert rows(db, "SELECT count(*) FROM diagnoses") == [(sum(len(d.summary.diagnoses) for d in letters),)]
    assert rows(db, "SELECT count(*) FROM warnings") == [(sum(len(d.warnings) for d in letters),)]
    for det in letters:
        got = rows(db, "SELECT item_index, request, decision, service_category, service_dwc_category "
                       "FROM letter_items WHERE source = ? ORDER BY item_index", det.source)
        assert got == [(i, it.request, it.decision.value, it.service.category, it.service.dwc_category)
                       for i, it in enumerate(det.items, 1)]
    assert format_sqlite.read_sqlite(str(db)) == letters


def test_writing_again_leaves_the_database_unchanged(letters: list[Determination], tmp_path: Path) -> None:
    db = tmp_path / "l.sqlite"
    write(letters, db)
    before = dump(db)
    write(letters, db)
    write(list(reversed(letters)), db)
    assert dump(db) == before


def test_a_letter_already_there_is_replaced_in_place(letters: list[Determination], tmp_path: Path) -> None:
    db = tmp_path / "l.sqlite"
    write(letters, db)
    first = letters[0]
    ids = rows(db, "SELECT letter_id, source FROM letters ORDER BY letter_id")
    changed = attrs.evolve(first, items=first.items[:0])
    write([changed], db)
    assert rows(db, "SELECT letter_id, source FROM letters ORDER BY letter_id") == ids
    assert rows(db, "SELECT count(*) FROM letter_items WHERE source = ?", first.source) == [(0,)]
    assert rows(db, "SELECT count(*) FROM citations JOIN letters USING (letter_id) WHERE source = ?",
                first.source) == [(0,)]
    # A new source is a new letter.
    write([attrs.evolve(first, source="elsewhere/" + str(first.source))], db)
    assert rows(db, "SELECT count(*) FROM letters") == [(len(letters) + 1,)]


def test_a_failure_leaves_the_database_untouched(letters: list[Determination], tmp_path: Path) -> None:
    db = tmp_path / "l.sqlite"
    write(letters[:2], db)
    before = dump(db)

    def failing() -> Iterator[Determination]:
        yield letters[2]
        yield attrs.evolve(letters[0], items=())  # a replacement, then the failure
        raise RuntimeError("the batch broke")

    with pytest.raises(imrparse.errors.PluginError, match="the batch broke"):
        write(failing(), db)
    assert dump(db) == before


def test_no_spans_leaves_offsets_out(letters: list[Determination], tmp_path: Path) -> None:
    db = tmp_path / "l.sqlite"
    write(letters, db, spans=False)
    for (document,) in rows(db, "SELECT json FROM letters"):
        assert '"span' not in document
    assert rows(db, "SELECT count(*) FROM warnings WHERE span_start IS NOT NULL") == [(0,)]


def test_foreign_keys_and_indexes(letters: list[Determination], tmp_path: Path) -> None:
    db = tmp_path / "l.sqlite"
    write(letters, db)
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert {"letters_key", "items_dwc_category", "citations_guideline", "warnings_code"} <= indexes
        with pytest.raises(sqlite3.IntegrityError):  # the key: one letter per source and case
            conn.execute("INSERT INTO letters (source, case_number, json) "
                         "SELECT source, case_number, json FROM letters LIMIT 1")
    finally:
        conn.close()


def test_other_databases_are_refused(tmp_path: Path, letters: list[Determination]) -> None:
    foreign = tmp_path / "foreign.sqlite"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE t (x)")
    with pytest.raises(UnsupportedInput, match="did not write"):
        write(letters, foreign)
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(UnsupportedInput, match="not a SQLite database"):
        write(letters, junk)
    old = tmp_path / "old.sqlite"
    write(letters[:1], old)
    with sqlite3.connect(old) as conn:
        conn.execute("UPDATE imrparse_meta SET value = '0' WHERE key = 'layout_version'")
    with pytest.raises(UnsupportedInput, match="another version"):
        write(letters, old)


def test_render_returns_the_database_bytes(letters: list[Determination], tmp_path: Path) -> None:
    data = imrparse.render(letters, "sqlite")
    assert isinstance(data, bytes) and data.startswith(b"SQLite format 3\0")
    db = tmp_path / "r.sqlite"
    db.write_bytes(data)
    assert len(format_sqlite.read_sqlite(str(db))) == len(letters)


def test_cli_needs_a_file_and_appends(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seeds = [str(p) for p in seed_paths()]
    assert cli.main(["parse", seeds[0], "-f", "sqlite"]) == 2
    assert "-o FILE" in capsys.readouterr().err
    db = tmp_path / "c.sqlite"
    assert cli.main(["parse", seeds[0], "-f", "sqlite", "-o", str(db)]) == 0
    assert cli.main(["parse", *seeds, "-f", "sqlite", "-o", str(db)]) == 0
    assert rows(db, "SELECT count(*) FROM letters") == [(len(seeds),)]


@needs_shared
def test_real_letters_round_trip_through_jsonl_and_sqlite(tmp_path: Path) -> None:
    """Every letter and item of the jsonl is in the database; writing again changes nothing."""
    pdfs = [str(p) for p in real_pdfs()]
    jsonl, db = tmp_path / "real.jsonl", tmp_path / "real.sqlite"
    assert cli.main(["parse", *pdfs, "-f", "jsonl", "-o", str(jsonl), "-q"]) in (0, 1)
    assert cli.main(["parse", *pdfs, "-f", "sqlite", "-o", str(db), "-q"]) in (0, 1)
    letters = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines()]
    assert letters
    stored = {(s, c): json.loads(j) for s, c, j in rows(db, "SELECT source, case_number, json FROM letters")}
    assert len(stored) == len(letters)
    for d in letters:
        assert stored[(d["source"], (d["case"] or {}).get("case_number"))] == d
    items = {(s, c, i): (r, dec) for s, c, i, r, dec in rows(
        db, "SELECT source, case_number, item_index, request, decision FROM letter_items")}
    expected = {(d["source"], (d["case"] or {}).get("case_number"), i): (it["request"], it["decision"])
                for d in letters for i, it in enumerate(d["items"], 1)}
    assert items == expected
    before = dump(db)
    assert cli.main(["parse", *pdfs, "-f", "sqlite", "-o", str(db), "-q"]) in (0, 1)
    assert dump(db) == before
