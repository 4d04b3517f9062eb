"""An example imrparse plugin.

It adds:

* ``example_word_count`` (document extractor): word counts of the case summary and of
  each item's rationale, stored as plain JSON under ``extras["example_word_count"]``;
* ``example_item_stats`` (item extractor): an attrs value per item (rationale words,
  citations on the guideline lines and in the rationale), stored under
  ``item.extras["example_item_stats"]``; it names its ``type`` so that
  ``imrparse.from_dict`` rebuilds it;
* ``tsv`` (output format): one tab-separated line per disputed item.

imrparse finds it through the entry point in this package's ``pyproject.toml``
(group ``imrparse``).
"""

from __future__ import annotations

from typing import IO, Any, Iterable

import attrs

import imrparse
from imrparse.models import Determination, Item
from imrparse.plugin.api import Extractor, FormatOptions, OutputFormat

__all__ = ["ItemStats", "word_count", "item_stats", "write_tsv"]


def _words(text: str) -> int:
    return len(text.split())


def word_count(determination: Determination) -> dict[str, Any]:
    """Words in the case summary and in each item's rationale."""
    summary = _words(determination.summary.text)
    rationales = [_words(item.rationale) for item in determination.items]
    return {"summary": summary, "rationales": rationales, "total": summary + sum(rationales)}


@attrs.frozen
class ItemStats:
    """How much an item's decision says."""

    rationale_words: int
    citations: int


def item_stats(item: Item) -> ItemStats:
    """Extractors take only the arguments they name (here the item)."""
    citations = (len(item.claims_administrator_guideline.citations)
                 + len(item.reviewer_guideline.citations)
                 + len(item.rationale_citations))
    return ItemStats(rationale_words=_words(item.rationale), citations=citations)


TSV_COLUMNS = ("source", "case_number", "item", "request", "decision", "category", "rationale_words")


def _clean(value: object) -> str:
    """A TSV cell: no tabs or line breaks inside."""
    return "" if value is None else " ".join(str(value).split())


def write_tsv(dets: Iterable[Determination], stream: IO[Any], options: FormatOptions) -> None:
    stream.write("\t".join(TSV_COLUMNS) + "\n")
    for det in dets:
        case_number = det.case.case_number if det.case else None
        for index, item in enumerate(det.items, 1):
            row = (det.source, case_number, index, item.request, item.decision.value,
                   item.service.category, _words(item.rationale))
            stream.write("\t".join(_clean(v) for v in row) + "\n")
        stream.flush()


@imrparse.hookimpl
def imrparse_extractors() -> list[Extractor]:
    return [
        Extractor(name="example_word_count", extract=word_count, scope="document",
                  description="words in the case summary and the rationales (example plugin)"),
        Extractor(name="example_item_stats", extract=item_stats, scope="item", type=ItemStats,
                  description="rationale words and citations per item (example plugin)"),
    ]


@imrparse.hookimpl
def imrparse_formats() -> list[OutputFormat]:
    return [OutputFormat(name="tsv", extension=".tsv", write=write_tsv,
                         description="tab-separated, one line per disputed item (example plugin)")]
