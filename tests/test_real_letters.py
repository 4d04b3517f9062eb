"""The real published letters in ../shared (skipped when it is absent).

The gold for two letters disagrees with what the letters say; those fields are listed
in KNOWN_GOLD_DISAGREEMENTS with the reason, and everything else must match.
"""

from __future__ import annotations

import json

import pytest

import imrparse

from .goldmatch import checks
from .corpus import REAL_GOLD, REAL_LETTERS, needs_shared, real_names

pytestmark = needs_shared

# Fields where the gold was made from a text whose paragraph breaks cut the item's
# headline: the letters say "X was the original request. Y was authorized by the Claims
# Administrator. The remaining IMR eligible portion of the original request, Z is:
# Upheld", and imrparse reads Z as the request and X as the original request.
KNOWN_GOLD_DISAGREEMENTS = {
    ("CM16-0249735", "items[0].request"): "the gold's request starts at a PDF paragraph break "
                                          "inside the partial-authorization preamble",
    ("CM17-0020728", "items[0].request"): "the gold's request starts at a PDF paragraph break "
                                          "inside the partial-authorization preamble",
}


def _parse(name: str) -> dict[str, object]:
    return imrparse.to_dict(imrparse.parse_file(REAL_LETTERS / f"{name}.pdf"))


@pytest.mark.parametrize("name", real_names())
def test_real_letter_matches_gold(name: str) -> None:
    gold = json.loads((REAL_GOLD / f"{name}.json").read_text())
    failed = [c for c in checks(gold, _parse(name)) if not c.ok and (name, c.path) not in KNOWN_GOLD_DISAGREEMENTS]
    assert not failed, "\n".join(f"{c.path}: {c.why}" for c in failed)


def test_known_disagreements_still_disagree() -> None:
    # If the gold is corrected, this list must shrink.
    for (name, path), _reason in KNOWN_GOLD_DISAGREEMENTS.items():
        gold = json.loads((REAL_GOLD / f"{name}.json").read_text())
        found = {c.path: c.ok for c in checks(gold, _parse(name))}
        assert found.get(path) is False, f"{name} {path} now matches the gold: drop it from the list"


def test_share_of_gold_fields_passed() -> None:
    passed = total = 0
    for name in real_names():
        gold = json.loads((REAL_GOLD / f"{name}.json").read_text())
        for c in checks(gold, _parse(name)):
            total += c.weight
            passed += c.weight if c.ok else 0
    assert total and passed / total >= 0.99, f"{passed}/{total}"


def test_pdfium_and_pypdf_readers_agree_on_items() -> None:
    pytest.importorskip("pypdf")
    for name in real_names()[:5]:
        a = imrparse.parse_file(REAL_LETTERS / f"{name}.pdf")
        b = imrparse.parse_file(REAL_LETTERS / f"{name}.pdf", reader="pypdf")
        assert [(i.request, i.decision) for i in a.items] == [(i.request, i.decision) for i in b.items]
        assert a.case is not None and b.case is not None
        assert (a.case.case_number, a.case.decision_date) == (b.case.case_number, b.case.decision_date)
