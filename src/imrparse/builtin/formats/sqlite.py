"""Built-in plugin: the ``sqlite`` output format, a normalised SQLite database (standard
library only).

Tables (keys in brackets; every child table references ``letters`` and is deleted with it):

* ``letters`` [``letter_id``]: one row per letter, its values as columns (``source``,
  ``case_number``, ``decision_date`` ..., ``reviewer_specialties`` as a JSON array,
  ``summary_patient_age`` ..., ``overall_decision``) and ``json``, the whole letter as
  imrparse's JSON (so the database loses nothing: :func:`read_sqlite` gives back the
  Determinations);
* ``items`` [``letter_id``, ``item_index``]: one row per disputed item, 1-based index;
  the guideline lines and the service flattened (``reviewer_guideline_text``,
  ``service_category``, ``service_dwc_category``, ``service_body_regions`` as JSON ...);
* ``citations`` [``letter_id``, ``item_index``, ``basis``, ``position``]: every citation
  of an item, ``basis`` saying where it stands (``claims_administrator_guideline``,
  ``reviewer_guideline`` or ``rationale``);
* ``diagnoses`` [``letter_id``, ``position``], ``specialties`` [``letter_id``,
  ``position``] (the reviewer's), ``warnings`` [``letter_id``, ``position``];
* the view ``letter_items``: every item with its letter's source, case number and dates;
* ``imrparse_meta``: the contract's ``schema_version`` and this layout's version.

Columns are derived from the models (:mod:`imrparse.contract`), like the CSV columns:
a dotted contract path with ``_`` for ``.`` (``case.`` dropped). Dates are ISO text,
flags 0/1, lists and ``extras`` JSON text, offsets only in ``json`` (and the
``span_start``/``span_end`` of warnings).

Writing into an existing database adds the letters, replacing a letter already there
with the same ``source`` and case number (it keeps its ``letter_id``, so writing the
same letters again leaves the database as it was), all in one transaction: a failure
leaves the database untouched.
"""

from __future__ import annotations

import functools
import json
from typing import TYPE_CHECKING, Any, Iterable, Iterator

import attrs

from ...errors import UnsupportedInput
from ...models import SCHEMA_VERSION, Basis, Citation, Determination, Item
from ...plugin.api import FormatOptions, OutputFormat, hookimpl
from .json import letter_json

if TYPE_CHECKING:  # sqlite3 and the contract's shapes are imported on first use (see _connect)
    import sqlite3

    from ...contract import Shape

__all__ = ["LAYOUT_VERSION", "TABLES", "write_sqlite", "read_sqlite", "iter_letters"]

#: The version of this database layout (tables and columns), stored in ``imrparse_meta``.
LAYOUT_VERSION = "1"

# Lists stored in tables of their own (not as JSON in a column).
_CHILD_LISTS = {
    (Determination, "items"), (Determination, "warnings"),
    (Item, "rationale_citations"), (Basis, "citations"),
}
_OWN_TABLE_LISTS = {("summary", "diagnoses"): "diagnoses", ("reviewer", "specialties"): "specialties"}
_SKIPPED = frozenset({"span", "spans"})
_SQL_TYPES = {"str": "TEXT", "enum": "TEXT", "date": "TEXT", "int": "INTEGER", "bool": "INTEGER"}


@attrs.frozen
class Column:
    name: str
    path: tuple[str, ...]
    shape: Shape

    @property
    def sql_type(self) -> str:
        return _SQL_TYPES.get(self.shape.kind, "TEXT")  # lists, maps, extras: JSON text


def _walk(cls: type, prefix: tuple[str, ...]) -> Iterator[Column]:
    from ...contract import fields_of

    for field in fields_of(cls):
        path = (*prefix, field.name)
        if field.name in _SKIPPED or (cls, field.name) in _CHILD_LISTS or path in _OWN_TABLE_LISTS:
            continue
        if field.shape.kind == "object" and field.shape.cls is not None:
            yield from _walk(field.shape.cls, path)
        else:
            name = "_".join(path[1:] if path[0] == "case" else path)
            yield Column(name, path, field.shape)


@functools.lru_cache(maxsize=None)
def _columns(cls: type) -> tuple[Column, ...]:
    return tuple(_walk(cls, ()))


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _coldefs(cls: type) -> str:
    return "".join(f", {_q(c.name)} {c.sql_type}" for c in _columns(cls))


@functools.lru_cache(maxsize=1)
def _schema() -> list[str]:
    """The CREATE statements, in order (tables, indexes, view)."""
    fk = "FOREIGN KEY (letter_id) REFERENCES letters (letter_id) ON DELETE CASCADE"
    return [
        "CREATE TABLE IF NOT EXISTS imrparse_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        f"CREATE TABLE IF NOT EXISTS letters (letter_id INTEGER PRIMARY KEY{_coldefs(Determination)}, "
        "json TEXT NOT NULL)",
        "CREATE UNIQUE INDEX IF NOT EXISTS letters_key ON letters "
        "(ifnull(source, ''), ifnull(case_number, ''))",
        "CREATE INDEX IF NOT EXISTS letters_decision_date ON letters (decision_date)",
        f"CREATE TABLE IF NOT EXISTS items (letter_id INTEGER NOT NULL, item_index INTEGER NOT NULL"
        f"{_coldefs(Item)}, PRIMARY KEY (letter_id, item_index), {fk}) WITHOUT ROWID",
        "CREATE INDEX IF NOT EXISTS items_category ON items (service_category, decision)",
        "CREATE INDEX IF NOT EXISTS items_dwc_category ON items (service_dwc_category, decision)",
        f"CREATE TABLE IF NOT EXISTS citations (letter_id INTEGER NOT NULL, item_index INTEGER NOT NULL, "
        f"basis TEXT NOT NULL, position INTEGER NOT NULL{_coldefs(Citation)}, "
        "PRIMARY KEY (letter_id, item_index, basis, position), "
        "FOREIGN KEY (letter_id, item_index) REFERENCES items (letter_id, item_index) "
        "ON DELETE CASCADE) WITHOUT ROWID",
        "CREATE INDEX IF NOT EXISTS citations_guideline ON citations (guideline)",
        "CREATE TABLE IF NOT EXISTS diagnoses (letter_id INTEGER NOT NULL, position INTEGER NOT NULL, "
        f"diagnosis TEXT NOT NULL, PRIMARY KEY (letter_id, position), {fk}) WITHOUT ROWID",
        "CREATE INDEX IF NOT EXISTS diagnoses_diagnosis ON diagnoses (diagnosis)",
        "CREATE TABLE IF NOT EXISTS specialties (letter_id INTEGER NOT NULL, position INTEGER NOT NULL, "
        f"specialty TEXT NOT NULL, PRIMARY KEY (letter_id, position), {fk}) WITHOUT ROWID",
        "CREATE INDEX IF NOT EXISTS specialties_specialty ON specialties (specialty)",
        "CREATE TABLE IF NOT EXISTS warnings (letter_id INTEGER NOT NULL, position INTEGER NOT NULL, "
        "code TEXT NOT NULL, message TEXT NOT NULL, span_start INTEGER, span_end INTEGER, "
        f"PRIMARY KEY (letter_id, position), {fk}) WITHOUT ROWID",
        "CREATE INDEX IF NOT EXISTS warnings_code ON warnings (code)",
        "CREATE VIEW IF NOT EXISTS letter_items AS SELECT letters.source, letters.case_number, "
        "letters.decision_date, letters.date_assigned, letters.application_received, items.* "
        "FROM items JOIN letters USING (letter_id)",
    ]


#: The tables, for documentation and tests.
TABLES = ("letters", "items", "citations", "diagnoses", "specialties", "warnings", "imrparse_meta")


def _get(data: Any, path: tuple[str, ...]) -> Any:
    for name in path:
        if data is None:
            return None
        data = data.get(name)
    return data


def _cell(value: Any, shape: Shape) -> Any:
    if value is None:
        return None
    if shape.kind in ("list", "map", "any"):
        return json.dumps(value, ensure_ascii=False, sort_keys=shape.kind != "list")
    if shape.kind == "bool":
        return int(value)
    return value


def _values(cls: type, data: dict[str, Any]) -> list[Any]:
    return [_cell(_get(data, c.path), c.shape) for c in _columns(cls)]


def _insert(conn: sqlite3.Connection, table: str, names: list[str], rows: Iterable[list[Any]]) -> None:
    marks = ", ".join("?" for _ in names)
    conn.executemany(f"INSERT INTO {table} ({', '.join(map(_q, names))}) VALUES ({marks})", rows)


def _prepare(conn: sqlite3.Connection, path: str) -> None:
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if tables and "imrparse_meta" not in tables:
        raise UnsupportedInput(f"{path} is a SQLite database imrparse did not write",
                               expected="a new file or a database written by imrparse's sqlite format")
    if "imrparse_meta" in tables:
        meta = dict(conn.execute("SELECT key, value FROM imrparse_meta").fetchall())
        if meta.get("layout_version") != LAYOUT_VERSION or meta.get("schema_version") != SCHEMA_VERSION:
            raise UnsupportedInput(
                f"{path} was written by another version of imrparse's sqlite format "
                f"(layout {meta.get('layout_version')}, schema {meta.get('schema_version')})",
                expected=f"layout {LAYOUT_VERSION}, schema {SCHEMA_VERSION}: write a new file")
    for statement in _schema():
        conn.execute(statement)
    conn.executemany("INSERT OR REPLACE INTO imrparse_meta VALUES (?, ?)",
                     [("schema_version", SCHEMA_VERSION), ("layout_version", LAYOUT_VERSION)])


def _store(conn: sqlite3.Connection, data: dict[str, Any]) -> None:
    """One letter (its contract JSON), replacing the letter of the same key."""
    source, case_number = data.get("source"), (data.get("case") or {}).get("case_number")
    row = conn.execute("SELECT letter_id FROM letters WHERE ifnull(source, '') = ? "
                       "AND ifnull(case_number, '') = ?", (source or "", case_number or "")).fetchone()
    if row is not None:
        conn.execute("DELETE FROM letters WHERE letter_id = ?", row)
    letter_names = ["letter_id", *(c.name for c in _columns(Determination)), "json"]
    document = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    cursor = conn.execute(
        f"INSERT INTO letters ({', '.join(map(_q, letter_names))}) "
        f"VALUES ({', '.join('?' for _ in letter_names)})",
        [row[0] if row else None, *_values(Determination, data), document])
    letter_id = cursor.lastrowid
    items, citations = [], []
    for index, item in enumerate(data.get("items") or (), 1):
        items.append([letter_id, index, *_values(Item, item)])
        sides = [("claims_administrator_guideline", (item.get("claims_administrator_guideline") or {})
                  .get("citations")), ("reviewer_guideline", (item.get("reviewer_guideline") or {})
                  .get("citations")), ("rationale", item.get("rationale_citations"))]
        for basis, cited in sides:
            for position, citation in enumerate(cited or ()):
                citations.append([letter_id, index, basis, position, *_values(Citation, citation)])
    _insert(conn, "items", ["letter_id", "item_index", *(c.name for c in _columns(Item))], items)
    _insert(conn, "citations", ["letter_id", "item_index", "basis", "position",
                                *(c.name for c in _columns(Citation))], citations)
    summary, reviewer = data.get("summary") or {}, data.get("reviewer") or {}
    _insert(conn, "diagnoses", ["letter_id", "position", "diagnosis"],
            [[letter_id, i, d] for i, d in enumerate(summary.get("diagnoses") or ())])
    _insert(conn, "specialties", ["letter_id", "position", "specialty"],
            [[letter_id, i, s] for i, s in enumerate(reviewer.get("specialties") or ())])
    warnings = []
    for i, w in enumerate(data.get("warnings") or ()):
        span = w.get("span") or (None, None)
        warnings.append([letter_id, i, w["code"], w["message"], span[0], span[1]])
    _insert(conn, "warnings", ["letter_id", "position", "code", "message", "span_start", "span_end"],
            warnings)


def _connect(path: str) -> sqlite3.Connection:
    # sqlite3 is imported here, not with the module: registering the format is part of
    # every command's start, and most commands write no database.
    import sqlite3

    conn = sqlite3.connect(path, isolation_level=None)  # transactions are ours
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise UnsupportedInput(f"{path} is not a SQLite database ({exc})",
                               expected="a new file or a database written by imrparse") from None
    return conn


def write_sqlite(dets: Iterable[Determination], path: str, options: FormatOptions) -> None:
    conn = _connect(path)
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            _prepare(conn, path)
            for det in dets:
                _store(conn, letter_json(det, options))
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    finally:
        conn.close()


def iter_letters(path: str) -> Iterator[dict[str, Any]]:
    """The contract JSON of each letter of a database this format wrote, in ``letter_id`` order."""
    import sqlite3

    conn = _connect(path)
    try:
        for (document,) in conn.execute("SELECT json FROM letters ORDER BY letter_id"):
            yield json.loads(document)
    except sqlite3.DatabaseError as exc:
        raise UnsupportedInput(f"{path} has no letters table ({exc})",
                               expected="a database written by imrparse's sqlite format") from None
    finally:
        conn.close()


def read_sqlite(path: str, converter: Any = None) -> list[Determination]:
    """The letters of a database this format wrote, in ``letter_id`` order."""
    from ...convert import from_dict

    return [from_dict(data, converter) for data in iter_letters(path)]


FORMATS = [
    OutputFormat(name="sqlite", extension=".sqlite", write=write_sqlite, needs_path=True,
                 description="SQLite database: letters, items, citations, diagnoses, specialties "
                             "and warnings tables; adds to an existing one (-o FILE)"),
]


@hookimpl
def imrparse_formats() -> list[OutputFormat]:
    return list(FORMATS)
