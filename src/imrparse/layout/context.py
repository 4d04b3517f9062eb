"""What a layout gets to work with while it parses one letter.

A :class:`ParseContext` holds the normalised letter text and knows how to trace any
place in it back to the input (:meth:`ParseContext.span`), how to cut out a field and
reflow it (:meth:`ParseContext.field`), how to run the field readers on it (reviewer,
summary, guideline lines, citations, services) with every span traced back, and how
to report a problem: raise it in strict mode, keep it as a warning in lenient mode.

The field readers come in as a :class:`FieldReaders`: in a parse, the plugin registry
(:class:`imrparse.plugin.registry.Plugins`), whose field hooks a plugin can replace.
"""

from __future__ import annotations

from typing import Protocol

import attrs

from ..errors import ImrParseError
from ..models import Basis, Citation, Reviewer, Service, Span, Summary, Warning
from ..text.reflow import Field, reflow_slice
from ..text.textmap import MappedText

__all__ = ["ParseContext", "FieldReaders", "Field"]


class FieldReaders(Protocol):
    """The readers of a letter's fields, text in, model out (spans local to the text);
    ``None`` when the reader has nothing to say."""

    def read_reviewer(self, text: str) -> Reviewer | None: ...

    def read_summary(self, text: str) -> Summary | None: ...

    def read_basis(self, text: str, side: str) -> Basis | None: ...

    def read_rationale_citations(self, text: str) -> list[Citation] | None: ...

    def read_service(self, request: str) -> Service | None: ...


class ParseContext:
    """The letter being parsed, for a layout's ``parse`` function."""

    def __init__(
        self,
        mapped: MappedText,
        *,
        readers: FieldReaders,
        strict: bool = True,
        source: str | None = None,
    ) -> None:
        self.mapped = mapped
        self.readers = readers
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
        flowed = reflow_slice(self.mapped, start, end)
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
        found = self.readers.read_reviewer(field.text)
        return field.remap(found) if found is not None else Reviewer()

    def read_summary(self, field: Field) -> Summary:
        found = self.readers.read_summary(field.text)
        summary = field.remap(found) if found is not None else Summary()
        return attrs.evolve(summary, text=field.text, span=field.span())

    def read_basis(self, field: Field, side: str) -> Basis:
        found = self.readers.read_basis(field.text, side)
        basis = field.remap(found) if found is not None else Basis()
        return attrs.evolve(basis, text=field.text, span=field.span())

    def read_rationale_citations(self, field: Field) -> tuple[Citation, ...]:
        found = self.readers.read_rationale_citations(field.text)
        return tuple(field.remap(found)) if found else ()

    def read_service(self, field: Field) -> Service:
        found = self.readers.read_service(field.text)
        return field.remap(found) if found is not None else Service()
