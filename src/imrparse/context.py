"""What a layout gets to work with while it parses one letter.

A :class:`ParseContext` holds the normalised letter text and knows how to trace any
place in it back to the input (:meth:`ParseContext.span`), how to cut out a field and
reflow it (:meth:`ParseContext.field`), how to run the field hooks on it (reviewer,
summary, guideline lines, citations, services) with every span traced back, and how
to report a problem: raise it in strict mode, keep it as a warning in lenient mode.
"""

from __future__ import annotations

import re
from typing import Any, TypeVar

import attrs

from ._textmap import Edit, MappedText
from .errors import ImrParseError
from .models import Basis, Citation, Reviewer, Service, Span, Summary, Warning
from .plugins import Plugins

__all__ = ["ParseContext", "Field", "reflow"]

T = TypeVar("T")

# White space that reflowing changes: line breaks with the blanks around them, runs of
# blanks, and white space at either end.
_REFLOW_RE = re.compile(r"[ ]*\n[ \n]*|[ ]{2,}|\A[ ]+|[ ]+\Z")


def reflow(text: MappedText) -> MappedText:
    """Join wrapped lines, keep paragraphs.

    Line breaks become single spaces (after a hyphen they vanish, keeping the hyphen:
    "sprain-" / "strain" is "sprain-strain"), runs of spaces fold to one, and blank
    lines mark paragraphs, kept as one empty line. Text that is double-spaced
    throughout (a blank line after every line) marks paragraphs with two or more
    blank lines instead.
    """
    s = text.text
    runs = [(m.start(), m.end(), m.group().count("\n")) for m in _REFLOW_RE.finditer(s)]
    with_breaks = [n for _, _, n in runs if n]
    double_spaced = bool(with_breaks) and sum(n >= 2 for n in with_breaks) > 0.6 * len(with_breaks)
    paragraph_at = 3 if double_spaced else 2
    edits: list[Edit] = []
    for start, end, newlines in runs:
        if start == 0 or end == len(s):
            new = ""
        elif newlines >= paragraph_at:
            new = "\n\n"
        elif newlines and s[start - 1] == "-" and start >= 2 and s[start - 2].isalnum():
            new = ""
        else:
            new = " "
        if s[start:end] != new:
            edits.append((start, end, new))
    return text.edit(edits) if edits else MappedText(s, text)


@attrs.frozen
class Field:
    """A reflowed piece of the letter that traces its characters back to the input."""

    text: str
    mapped: MappedText

    def span(self, start: int = 0, end: int | None = None) -> Span:
        """The input span of ``text[start:end]`` (the whole field by default)."""
        s, e = self.mapped.to_source(start, len(self.text) if end is None else end)
        return Span(s, e)

    def remap(self, obj: T) -> T:
        """``obj`` with every Span inside it (local to ``text``) traced to the input."""
        return _remap(obj, self)


def _remap(obj: Any, field: Field) -> Any:
    if isinstance(obj, Span):
        return field.span(obj.start, obj.end)
    if attrs.has(type(obj)):
        changes = {}
        for a in attrs.fields(type(obj)):
            value = getattr(obj, a.name)
            new = _remap(value, field)
            if new is not value:
                changes[a.name] = new
        return attrs.evolve(obj, **changes) if changes else obj
    if isinstance(obj, tuple):
        items = tuple(_remap(v, field) for v in obj)
        return items if any(a is not b for a, b in zip(items, obj)) else obj
    if isinstance(obj, list):
        return [_remap(v, field) for v in obj]
    if isinstance(obj, dict):
        return {k: _remap(v, field) for k, v in obj.items()}
    return obj


class ParseContext:
    """The letter being parsed, for a layout's ``parse`` function."""

    def __init__(
        self,
        mapped: MappedText,
        *,
        plugins: Plugins,
        strict: bool = True,
        source: str | None = None,
    ) -> None:
        self.mapped = mapped
        self.plugins = plugins
        self.strict = strict
        self.source = source
        self.warnings: list[Warning] = []

    @property
    def text(self) -> str:
        """The normalised letter text (see :func:`imrparse.normalize`)."""
        return self.mapped.text

    @property
    def input_text(self) -> str:
        """The text handed to :func:`imrparse.parse`: what spans refer to."""
        return self.mapped.root().text

    def span(self, start: int, end: int) -> Span:
        """The input span of ``text[start:end]``."""
        s, e = self.mapped.to_source(start, end)
        return Span(s, e)

    def field(self, start: int, end: int) -> Field:
        """``text[start:end]`` reflowed (see :func:`reflow`)."""
        flowed = reflow(self.mapped.slice(start, end))
        return Field(flowed.text, flowed)

    def warn(self, code: str, message: str, span: Span | None = None) -> None:
        self.warnings.append(Warning(code=code, message=message, span=span))

    def problem(self, error: ImrParseError, code: str, span: Span | None = None) -> None:
        """Raise ``error`` in strict mode; in lenient mode keep it as warning ``code``."""
        if self.strict:
            raise error.with_source(self.source)
        self.warn(code, error.message + (f" (expected {error.expected})" if error.expected else ""), span)

    # -- field hooks, spans traced back -----------------------------------------------

    def read_reviewer(self, field: Field) -> Reviewer:
        found = self.plugins.read_reviewer(field.text)
        return field.remap(found) if found is not None else Reviewer()

    def read_summary(self, field: Field) -> Summary:
        found = self.plugins.read_summary(field.text)
        summary = field.remap(found) if found is not None else Summary()
        return attrs.evolve(summary, text=field.text, span=field.span())

    def read_basis(self, field: Field, side: str) -> Basis:
        found = self.plugins.read_basis(field.text, side)
        basis = field.remap(found) if found is not None else Basis()
        return attrs.evolve(basis, text=field.text, span=field.span())

    def read_rationale_citations(self, field: Field) -> tuple[Citation, ...]:
        found = self.plugins.read_rationale_citations(field.text)
        return tuple(field.remap(found)) if found else ()

    def read_service(self, field: Field) -> Service:
        found = self.plugins.read_service(field.text)
        return field.remap(found) if found is not None else Service()
