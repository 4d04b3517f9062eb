"""Built-in plugin: the JSON output formats.

* ``json``: one object for a single letter, else an array, indented;
* ``jsonl``: one compact object per line, in input order, each with its ``source``.
"""

from __future__ import annotations

import json
from typing import IO, Any, Iterable

from ...models import Determination
from ...plugin.api import FormatOptions, OutputFormat, hookimpl


def write_json(dets: Iterable[Determination], stream: IO[Any], options: FormatOptions) -> None:
    if options.single:
        for det in dets:
            json.dump(options.converter.unstructure(det), stream, indent=2, ensure_ascii=False)
            stream.write("\n")
        return
    stream.write("[")
    first = True
    for det in dets:
        stream.write("\n" if first else ",\n")
        json.dump(options.converter.unstructure(det), stream, indent=2, ensure_ascii=False)
        first = False
    stream.write("\n]\n" if not first else "]\n")


def write_jsonl(dets: Iterable[Determination], stream: IO[Any], options: FormatOptions) -> None:
    for det in dets:
        stream.write(json.dumps(options.converter.unstructure(det), ensure_ascii=False,
                                separators=(",", ":")))
        stream.write("\n")
        stream.flush()


FORMATS = [
    OutputFormat(name="json", extension=".json", write=write_json,
                 description="one JSON object per letter (an array for several)"),
    OutputFormat(name="jsonl", extension=".jsonl", write=write_jsonl,
                 description="JSON Lines: one object per letter per line, in input order"),
]


@hookimpl
def imrparse_formats() -> list[OutputFormat]:
    return list(FORMATS)
