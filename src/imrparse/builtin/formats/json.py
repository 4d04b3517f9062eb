"""Built-in plugin: the JSON output formats.

* ``json``: one object for a single letter, else an array, indented;
* ``jsonl``: one compact object per line, in input order, each with its ``source``.

With ``FormatOptions.spans`` false (``--no-spans``) every ``span`` and ``spans`` key is
left out (plugin ``extras`` are kept as they are).
"""

from __future__ import annotations

import json
from typing import IO, Any, Iterable

from ...models import Determination
from ...plugin.api import FormatOptions, OutputFormat, hookimpl

__all__ = ["SPAN_KEYS", "letter_json", "without_spans", "write_json", "write_jsonl"]

#: The keys that hold character offsets.
SPAN_KEYS = frozenset({"span", "spans"})


def without_spans(value: Any) -> Any:
    """The contract's JSON ``value`` without its ``span``/``spans`` keys, at any depth
    (``extras``, which belong to plugins, are left as they are)."""
    if isinstance(value, dict):
        return {k: (v if k == "extras" else without_spans(v))
                for k, v in value.items() if k not in SPAN_KEYS}
    if isinstance(value, list):
        return [without_spans(v) for v in value]
    return value


def letter_json(det: Determination, options: FormatOptions) -> Any:
    """One letter's JSON as the options ask for it."""
    data = options.converter.unstructure(det)
    return data if options.spans else without_spans(data)


def write_json(dets: Iterable[Determination], stream: IO[Any], options: FormatOptions) -> None:
    if options.single:
        for det in dets:
            json.dump(letter_json(det, options), stream, indent=2, ensure_ascii=False)
            stream.write("\n")
        return
    stream.write("[")
    first = True
    for det in dets:
        stream.write("\n" if first else ",\n")
        json.dump(letter_json(det, options), stream, indent=2, ensure_ascii=False)
        first = False
    stream.write("\n]\n" if not first else "]\n")


def write_jsonl(dets: Iterable[Determination], stream: IO[Any], options: FormatOptions) -> None:
    for det in dets:
        stream.write(json.dumps(letter_json(det, options), ensure_ascii=False,
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
