"""Every letter the tests read, and the plugins to parse them with: the one corpus helper.

* the seed letters: ``tests/fixtures/letters/*.txt`` (public redacted bodies, in the
  repository), with their gold beside them (``*.gold.json``);
* the synthetic 2013 notices: ``tests/fixtures/letters_2013/*.txt`` with their gold;
* the real published letters: ``../shared/letters/real/*.pdf`` with gold in
  ``../shared/gold/real``. They are public records that must never be copied into the
  repository: tests read them from the shared folder (``IMRPARSE_SHARED`` overrides its
  place) and skip cleanly when it is absent (:data:`needs_shared`).
"""

from __future__ import annotations

import functools
import json
import os
from pathlib import Path
from typing import Any

import attrs
import pytest

import imrparse
from imrparse.models import Determination
from imrparse.plugin.manager import get_plugin_manager
from imrparse.plugin.registry import Plugins
from imrparse.testing import SAMPLE_LETTER

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SEED_DIR = HERE / "fixtures" / "letters"
NOTICE_DIR = HERE / "fixtures" / "letters_2013"
SHARED = Path(os.environ.get("IMRPARSE_SHARED", ROOT.parent / "shared"))
REAL_LETTERS = SHARED / "letters" / "real"
REAL_GOLD = SHARED / "gold" / "real"
SHARED_SEED_GOLD = SHARED / "gold" / "seeds"

#: Marks a test that reads ../shared: skipped, with the reason, when it is absent.
needs_shared = pytest.mark.skipif(not REAL_GOLD.is_dir() or not REAL_LETTERS.is_dir(),
                                  reason=f"{SHARED} (the shared letters) is absent")


# -- the seeds ---------------------------------------------------------------------------------

def seed_paths() -> list[Path]:
    return sorted(SEED_DIR.glob("*.txt"))


def seed_names() -> list[str]:
    return [p.stem for p in seed_paths()]


def seed_text(name: str) -> str:
    return (SEED_DIR / f"{name}.txt").read_text(encoding="utf-8")


def seed_gold(name: str) -> Any:
    for path in (SEED_DIR / f"{name}.gold.json", SHARED_SEED_GOLD / f"{name}.json"):
        if path.is_file():
            return json.loads(path.read_text(encoding="utf-8"))
    return None


# -- the 2013 notices --------------------------------------------------------------------------

def notice_names() -> list[str]:
    return sorted(p.stem for p in NOTICE_DIR.glob("*.txt"))


def notice_text(name: str) -> str:
    return (NOTICE_DIR / f"{name}.txt").read_text(encoding="utf-8")


# -- the real letters in ../shared -------------------------------------------------------------

def real_names() -> list[str]:
    """Names (case numbers) of the real letters with both a PDF and gold (none when absent)."""
    if not REAL_GOLD.is_dir() or not REAL_LETTERS.is_dir():
        return []
    return sorted(p.stem for p in REAL_GOLD.glob("*.json") if (REAL_LETTERS / f"{p.stem}.pdf").is_file())


def real_pdfs() -> list[Path]:
    """Every real letter PDF (with or without gold)."""
    return sorted(REAL_LETTERS.glob("*.pdf")) if REAL_LETTERS.is_dir() else []


def real_pdf(name: str) -> Path:
    return REAL_LETTERS / f"{name}.pdf"


def real_gold(name: str) -> Any:
    return json.loads((REAL_GOLD / f"{name}.json").read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=None)
def real_text(name: str) -> str:
    """The letter's text as imrparse's own default reader extracts it."""
    return imrparse.read_file(real_pdf(name), plugins=plugins())


def shared_letters(kind: str, suffix: str) -> list[tuple[str, Path]]:
    """``(name, path)`` of the letters in ``../shared/letters/<kind>`` ending in ``suffix``
    (e.g. the pypdf text beside each real PDF), or [] without ../shared."""
    folder = SHARED / "letters" / kind
    if not folder.is_dir():
        return []
    return [(p.name.split(".")[0], p) for p in sorted(folder.glob("*" + suffix))]


def fold_for_gold(value: object) -> object:
    """A value as the gold compares it: white space folded, case ignored."""
    if isinstance(value, str):
        return " ".join(value.split()).casefold()
    if isinstance(value, list):
        return [fold_for_gold(v) for v in value]
    return value


# -- parsing them ------------------------------------------------------------------------------

def builtin_plugins(**kwargs: Any) -> Plugins:
    """imrparse's own plugins only, whatever else is installed (``block=[...]`` passes on)."""
    return Plugins(get_plugin_manager(entry_points=False, **kwargs))


@functools.lru_cache(maxsize=1)
def plugins() -> Plugins:
    """imrparse's own plugins, built once for the whole test run."""
    return builtin_plugins()


#: The doubts about what the field readers read (imrparse.doubts; tests/test_doubts.py
#: tests them). A layout's tests leave them out, so that they hold whatever the readers
#: learn (a medication gets its generic name from the drug dictionary, and its
#: ``drug-without-generic`` goes).
READING_DOUBTS = frozenset({"unrecognized-service", "drug-without-generic", "guideline-line-not-read",
                            "ur-date-not-read", "diagnoses-not-read"})


def layout_warnings(det: Determination) -> Determination:
    """``det`` without the warnings of :data:`READING_DOUBTS`."""
    return attrs.evolve(det, warnings=tuple(w for w in det.warnings if w.code not in READING_DOUBTS))


def parse_dict(text: str, *, strict: bool = True) -> dict[str, Any]:
    return imrparse.to_dict(imrparse.parse(text, strict=strict, plugins=plugins()))


def real_letters(plugins: Plugins) -> list[Determination]:
    return [imrparse.parse_file(p, plugins=plugins) for p in real_pdfs()]


def no_items(det: Determination) -> Determination:
    """``det`` without its items (a letter that still gives one CSV row)."""
    return attrs.evolve(det, items=())


def local_letters(plugins: Plugins) -> list[Determination]:
    """The seeds, the sample letter and a letter without items (for the format tests)."""
    dets = [imrparse.parse_file(p, plugins=plugins) for p in seed_paths()]
    sample = imrparse.parse(SAMPLE_LETTER, source="sample.txt", plugins=plugins)
    return [*dets, sample, no_items(attrs.evolve(sample, source="no-items.txt"))]
