"""A plugin written against imrparse's typed plugin API: mypy --strict finds nothing.

tests/plugin/test_typing.py runs mypy on this file and on bad_plugin.py."""

from __future__ import annotations

from typing import IO, Any, Generator, Iterable

import attrs

import imrparse
from imrparse.layout.context import ParseContext
from imrparse.models import Determination, Item, Service
from imrparse.plugin.api import (
    Extractor,
    ExtractDocument,
    ExtractItem,
    FormatOptions,
    Layout,
    LayoutRegistry,
    OutputFormat,
    Reader,
    ReadText,
)
from imrparse.testing import plugin_manager


def recognize(text: str, plugins: LayoutRegistry) -> float:
    return plugins.recognize("standard", text) if "FAXED" in text else 0.0


def parse(context: ParseContext) -> Determination:
    det = context.delegate("standard", context.derive())
    return attrs.evolve(det, layout="standard-faxed")


def read_ltr(data: bytes) -> ReadText:
    return ReadText(data.decode("utf-8"))


def sniff_ltr(head: bytes) -> bool:
    return head.startswith(b"LTR")


def write_lines(dets: Iterable[Determination], stream: IO[str], options: FormatOptions) -> None:
    for det in dets:
        stream.write(f"{det.source}\n")


def words(*, determination: Determination, text: str, **_: object) -> int:
    return len(determination.summary.text.split())


def rationale_words(*, item: Item, determination: Determination, text: str) -> int:
    return len(item.rationale.split())


checked_document: ExtractDocument = words
checked_item: ExtractItem = rationale_words


@imrparse.hookimpl
def imrparse_layouts() -> list[Layout]:
    return [Layout(name="standard-faxed", recognize=recognize, parse=parse, refines="standard"),
            Layout(name="by-text-only", recognize=lambda text: 0.0, parse=parse, priority=-1)]


@imrparse.hookimpl
def imrparse_readers() -> list[Reader]:
    return [Reader(name="ltr", read=read_ltr, suffixes=(".ltr",), sniff=sniff_ltr)]


@imrparse.hookimpl
def imrparse_formats() -> list[OutputFormat]:
    return [OutputFormat(name="lines", extension=".txt", write=write_lines)]


@imrparse.hookimpl
def imrparse_extractors() -> list[Extractor]:
    return [Extractor(name="words", extract=words),
            Extractor(name="rationale_words", extract=rationale_words, scope="item")]


@imrparse.hookimpl(wrapper=True)
def imrparse_read_service(request: str) -> Generator[None, Service | None, Service | None]:
    service = yield
    return service


def use(module: Any, text: str) -> Determination:
    with plugin_manager(module) as plugins:
        return imrparse.parse(text, plugins=plugins)
