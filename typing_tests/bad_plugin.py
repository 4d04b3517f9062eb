"""Mistakes mypy --strict catches in a plugin: each line with an ``E:`` comment must
have an error whose message contains the comment's words, and no other line may have one.

tests/plugin/test_typing.py runs mypy on this file."""

from __future__ import annotations

from typing import Iterable

import imrparse
from imrparse.layout.context import ParseContext
from imrparse.models import Determination, Item
from imrparse.plugin.api import ExtractItem, FormatOptions, Layout, OutputFormat, Reader


def recognize_bytes(text: bytes) -> float:
    return 0.0


def recognize_bool(text: str) -> str:
    return "yes"


def parse_text(text: str) -> Determination:
    return Determination(layout="x")


def read_to_bytes(data: bytes) -> bytes:
    return data


def write_two(dets: Iterable[Determination], stream: object) -> None:
    pass


def rationale(*, item: Item) -> int:
    return 0


@imrparse.hookimpl
def imrparse_layouts() -> list[Layout]:
    return [
        Layout(name="a", recognize=recognize_bytes, parse=parse_text),  # E: "recognize" # E: "parse"
        Layout(name="b", recognize=recognize_bool, parse=lambda ctx: Determination(layout="x")),  # E: "recognize"
        Layout(name="c", recognize=lambda t: 0.0, parse=lambda ctx: Determination(layout="x"), refines=1),  # E: "refines"
    ]


@imrparse.hookimpl
def imrparse_readers() -> list[Reader]:
    return [Reader(name="r", read=read_to_bytes, suffixes=(".x",))]  # E: "read"


@imrparse.hookimpl
def imrparse_formats() -> list[OutputFormat]:
    return [OutputFormat(name="f", extension=".x", write=write_two)]  # E: "write"


checked: ExtractItem = rationale  # E: Incompatible types in assignment


def misuse(ctx: ParseContext) -> None:
    ctx.delegate(1)  # E: "delegate"
    ctx.warn("code", "message", (1, 2))  # E: "warn"
    ctx.derive("text")  # E: "derive"
    FormatOptions()  # E: Missing positional argument
