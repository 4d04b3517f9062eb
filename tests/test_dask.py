"""imrparse.dask on a real (local) cluster: two worker processes, loopback only."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

import pytest

pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

import dask  # noqa: E402
import pandas as pd  # noqa: E402

import imrparse  # noqa: E402
import imrparse.dask as idask  # noqa: E402
from imrparse.cli import main  # noqa: E402

from . import corpus  # noqa: E402
from .test_batch import nested_letters  # noqa: E402

SEEDS = corpus.seed_paths()


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    # Workers that may start processes, for timeout= (each letter in a child process).
    with dask.config.set({"distributed.worker.daemon": False}), distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as c:
        yield c


@pytest.fixture
def letters(tmp_path: Path) -> Path:
    return nested_letters(tmp_path)


#: The letters of ``nested_letters`` in input order (one name is in both folders).
NAMES = [p.name for p in SEEDS[:3]] + [p.name for p in SEEDS[2:]]
PATHS = SEEDS[:3] + SEEDS[2:]


def test_read_letters_on_two_workers(client: Any, letters: Path) -> None:
    bag, errors = idask.read_letters(letters, files_per_partition=2)
    assert bag.npartitions == 4
    dets, failures = dask.compute(bag, errors)
    assert [d.source for d in dets] == NAMES
    assert all(isinstance(d, imrparse.Determination) for d in dets)
    assert [imrparse.to_dict(d) for d in dets] == [imrparse.to_dict(imrparse.parse_file(p)) for p in PATHS]
    assert [(Path(f["source"]).name, f["error"]) for f in failures] == [("zz-recipe.txt", "NotALetter")]
    # A glob gives the same; the parser was built once in each worker that parsed.
    again = idask.read_letters(str(letters / "**" / "*.txt"), files_per_partition=1).letters.compute()
    assert [d.source for d in again] == NAMES
    builds = client.run(lambda: __import__("imrparse.dask").dask._builds)
    assert len(builds) == 2 and set(builds.values()) <= {0, 1} and sum(builds.values()) >= 1


def test_a_time_limit_parses_each_letter_in_a_child_process(client: Any, letters: Path) -> None:
    bag, errors = idask.read_letters(letters, files_per_partition=3, timeout=60)
    dets, failures = dask.compute(bag, errors)
    assert [d.source for d in dets] == NAMES
    assert [f["error"] for f in failures] == ["NotALetter"]


def test_read_items_has_the_csv_columns_typed(client: Any, letters: Path, tmp_path: Path) -> None:
    items, errors = idask.read_items(letters, files_per_partition=2)
    frame, failures = dask.compute(items, errors)
    csv_path = tmp_path / "items.csv"
    assert main(["parse", str(letters), "-f", "csv", "-o", str(csv_path), "-q"]) == 1
    expected = pd.read_csv(csv_path, dtype=str, keep_default_na=False)
    assert list(frame.columns) == list(expected.columns)
    assert len(frame) == len(expected)
    assert str(frame["item.index"].dtype) == "Int64"
    assert str(frame["summary.patient.age"].dtype) == "Int64"
    assert str(frame["item.medically_necessary"].dtype) == "boolean"
    assert str(frame["case.decision_date"].dtype).startswith("datetime64")
    assert frame["item.decision"].tolist() == expected["item.decision"].tolist()
    assert [str(v).lower() for v in frame["item.medically_necessary"]] == expected["item.medically_necessary"].tolist()
    ages = ["" if pd.isna(v) else str(v) for v in frame["summary.patient.age"]]
    assert ages == expected["summary.patient.age"].tolist()
    assert failures["error"].tolist() == ["NotALetter"]
    assert str(failures["line"].dtype) == "Int64"


def test_items_and_errors_written_to_parquet_with_dask_s_writers(client: Any, letters: Path,
                                                                  tmp_path: Path) -> None:
    items, errors = idask.read_items(letters, files_per_partition=2)
    dask.compute(items.to_parquet(tmp_path / "items", compute=False),
                 errors.to_parquet(tmp_path / "errors", compute=False))
    back = pd.read_parquet(tmp_path / "items")
    assert len(back) == sum(len(imrparse.parse_file(p).items) for p in PATHS)
    assert pd.read_parquet(tmp_path / "errors")["error"].tolist() == ["NotALetter"]


def test_no_letters_gives_empty_collections(tmp_path: Path) -> None:
    bag, errors = idask.read_letters(tmp_path)
    assert bag.compute(scheduler="sync") == [] and errors.compute(scheduler="sync") == []
    items, item_errors = idask.read_items(tmp_path)
    assert len(items.compute(scheduler="sync")) == 0 and list(items.columns)[:2] == ["schema_version", "layout"]
