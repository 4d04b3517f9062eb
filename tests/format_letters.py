"""Letters for the format, schema and plugin tests: the seeds, the synthetic sample
letter, a letter without items, and the real letters when ../shared is there."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

import imrparse
from imrparse.models import Determination
from imrparse.plugins import Plugins, get_plugin_manager
from imrparse.testing import SAMPLE_LETTER

from .shared import SHARED

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "letters"
SHARED_SEEDS = SHARED / "letters" / "seeds"
REAL_PDFS = SHARED / "letters" / "real"


def seed_paths() -> list[Path]:
    """The seed letters: tests/fixtures/letters, else ../shared/letters/seeds."""
    return sorted(FIXTURES.glob("*.txt")) or sorted(SHARED_SEEDS.glob("*.txt"))


def real_pdf_paths() -> list[Path]:
    return sorted(REAL_PDFS.glob("*.pdf")) if REAL_PDFS.is_dir() else []


needs_real = pytest.mark.skipif(not real_pdf_paths(), reason=f"{REAL_PDFS} is absent")


def builtin_plugins(**kwargs: object) -> Plugins:
    """imrparse's own plugins only (whatever else is installed)."""
    return Plugins(get_plugin_manager(entry_points=False, **kwargs))  # type: ignore[arg-type]


def no_items(det: Determination) -> Determination:
    """``det`` without its items (a letter that still gives one CSV row)."""
    return attrs.evolve(det, items=())


def local_letters(plugins: Plugins) -> list[Determination]:
    """The seeds, the sample letter and a letter without items."""
    dets = [imrparse.parse_file(p, plugins=plugins) for p in seed_paths()]
    sample = imrparse.parse(SAMPLE_LETTER, source="sample.txt", plugins=plugins)
    return [*dets, sample, no_items(attrs.evolve(sample, source="no-items.txt"))]


def real_letters(plugins: Plugins) -> list[Determination]:
    return [imrparse.parse_file(p, plugins=plugins) for p in real_pdf_paths()]
