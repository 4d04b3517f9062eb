"""Golden files: every seed letter in tests/fixtures/letters parses to its gold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import imrparse

from . import corpus
from .goldmatch import assert_gold

FIXTURES = corpus.SEED_DIR
SEEDS = corpus.seed_names()


@pytest.mark.parametrize("name", SEEDS)
def test_seed_matches_gold(name: str) -> None:
    det = imrparse.parse_file(FIXTURES / f"{name}.txt")
    gold = json.loads((FIXTURES / f"{name}.gold.json").read_text())
    assert_gold(gold, imrparse.to_dict(det), name)


@pytest.mark.parametrize("name", SEEDS)
def test_seed_round_trips_through_the_converter(name: str) -> None:
    det = imrparse.parse_file(FIXTURES / f"{name}.txt")
    data = imrparse.to_dict(det)
    assert imrparse.from_dict(json.loads(json.dumps(data))) == det


def test_every_seed_has_gold() -> None:
    assert SEEDS and all((FIXTURES / f"{n}.gold.json").exists() for n in SEEDS)
