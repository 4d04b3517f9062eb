"""The letters the robustness tests run on, and the plugins to parse them with.

* the seed letters: ``tests/fixtures/letters/*.txt`` (synthetic, in the repository), with
  their gold from ``*.gold.json`` beside them, else from ``../shared/gold/seeds``;
* the real published letters: ``/work/shared/letters/real/*.pdf`` with gold in
  ``/work/shared/gold/real``. They are public records that must never be copied into the
  repository: tests read them from the shared folder (see ``tests/shared.py``;
  ``IMRPARSE_SHARED`` overrides its place) and skip when it is absent.
"""

from __future__ import annotations

import functools
import importlib
import json
from pathlib import Path
from typing import Any

import imrparse
from imrparse.plugins import Plugins

from .shared import SHARED

__all__ = ["SHARED", "SEED_DIR", "seed_names", "seed_text", "seed_gold", "real_names",
           "real_pdf", "real_pdfs", "real_gold", "real_text", "plugins", "blocked_plugins", "parse_dict"]

HERE = Path(__file__).resolve().parent
SEED_DIR = HERE / "fixtures" / "letters"
_REAL_DIR = SHARED / "letters" / "real"
_REAL_GOLD = SHARED / "gold" / "real"
_SEED_GOLD = SHARED / "gold" / "seeds"

# The extractor plugins and the module each needs: a plugin whose module is not there
# yet (work in progress) is blocked, so the layout can still be tested.
_EXTRACTORS = {
    "extract_reviewer": "imrparse._reviewer",
    "extract_summary": "imrparse._summary_facts",
    "extract_citations": "imrparse._citations",
    "extract_service": "imrparse._services",
}


def seed_names() -> list[str]:
    return sorted(p.stem for p in SEED_DIR.glob("*.txt"))


def seed_text(name: str) -> str:
    return (SEED_DIR / f"{name}.txt").read_text(encoding="utf-8")


def seed_gold(name: str) -> Any:
    for path in (SEED_DIR / f"{name}.gold.json", SEED_DIR / f"{name}.json", _SEED_GOLD / f"{name}.json"):
        if path.is_file():
            return json.loads(path.read_text(encoding="utf-8"))
    return None


def real_names() -> list[str]:
    """Names of the real letters that have both a PDF and a gold file (none when absent)."""
    if not _REAL_GOLD.is_dir() or not _REAL_DIR.is_dir():
        return []
    return sorted(p.stem for p in _REAL_GOLD.glob("*.json") if (_REAL_DIR / f"{p.stem}.pdf").is_file())


def real_pdfs() -> list[Path]:
    """Every real letter PDF (with or without gold)."""
    return sorted(_REAL_DIR.glob("*.pdf")) if _REAL_DIR.is_dir() else []


def real_pdf(name: str) -> Path:
    return _REAL_DIR / f"{name}.pdf"


def real_gold(name: str) -> Any:
    return json.loads((_REAL_GOLD / f"{name}.json").read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=None)
def real_text(name: str) -> str:
    """The letter's text as imrparse's own default reader extracts it."""
    return imrparse.read_file(real_pdf(name), plugins=plugins())


def blocked_plugins() -> list[str]:
    """The extractor plugins whose module cannot be imported (yet)."""
    blocked = []
    for plugin, module in _EXTRACTORS.items():
        try:
            importlib.import_module(module)
        except Exception:  # missing, or half-written: leave the plugin out
            blocked.append(plugin)
    return blocked


@functools.lru_cache(maxsize=1)
def plugins() -> Plugins:
    """imrparse's plugins, minus any extractor whose module is missing."""
    return Plugins(imrparse.get_plugin_manager(block=blocked_plugins()))


def parse_dict(text: str, *, strict: bool = True) -> dict[str, Any]:
    return imrparse.to_dict(imrparse.parse(text, strict=strict, plugins=plugins()))
