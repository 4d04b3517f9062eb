"""Where the project's shared letters live (``../shared``), for tests that skip without them.

The real letters are public records taken from another repository: they are read from
``../shared`` (or ``$IMRPARSE_SHARED``) and never copied into this one.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED = Path(os.environ.get("IMRPARSE_SHARED", Path(__file__).resolve().parents[2] / "shared"))
REAL_LETTERS = SHARED / "letters" / "real"
REAL_GOLD = SHARED / "gold" / "real"


def real_letter_names() -> list[str]:
    """Names (case numbers) of the real letters that have gold, or [] without ../shared."""
    if not REAL_GOLD.is_dir():
        return []
    return sorted(p.stem for p in REAL_GOLD.glob("*.json") if (REAL_LETTERS / f"{p.stem}.pdf").exists())


def needs_shared() -> pytest.MarkDecorator:
    return pytest.mark.skipif(not REAL_GOLD.is_dir(), reason=f"{SHARED} (the shared letters) is absent")


def shared_letters(kind: str, suffix: str) -> list[tuple[str, Path]]:
    """``(name, path)`` of the letters in ``../shared/letters/<kind>`` ending in
    ``suffix``, or [] without ../shared."""
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
