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
from ..text.reflow import Field, reflow
from ..text.textmap import MappedText

__all__ = ["ParseContext", "FieldReaders", "Field"]


class FieldReaders(Protocol):
    """The readers of a letter's fields, text in, model out (spans local to the text);
    ``None`` when the reader has nothing to say."""

    def read_reviewer(self, text: str) -> Reviewer | None:
        """The reviewer's credentials in a reflowed "how the determination was made" section."""

    def read_summary(self, text: str) -> Summary | None:
        """The facts of a reflowed case summary."""

    def read_basis(self, text: str, side: str) -> Basis | None:
        """One guideline line (``side``: ``"claims_administrator"`` or ``"reviewer"``)."""

    def read_rationale_citations(self, text: str) -> list[Citation] | None:
        """The guideline citations inside a decision rationale."""

    def read_service(self, request: str) -> Service | None:
        """A disputed item's request, normalised."""


class ParseContext:
    """The letter being parsed, for a layout's ``parse`` function.

    A layout finds its parts in :attr:`text`, cuts them out with :meth:`field`, reads
    them with the ``read_*`` methods (spans come back in input coordinates) and reports
    problems with :meth:`problem` or :meth:`warn`:

    >>> import imrparse
    >>> from imrparse.plugin.registry import get_plugins
    >>> letter = "Request:   MRI of the\\nright knee."
    >>> ctx = ParseContext(imrparse.normalize(letter), readers=get_plugins(), strict=False)
    >>> field = ctx.field(9, len(ctx.text))
    >>> field.text
    'MRI of the right knee.'
    >>> service = ctx.read_service(field)
    >>> service.category, service.body_regions, service.spans["body_regions.0"].slice(letter)
    ('imaging', ('knee',), 'knee')
    """

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
        flowed = reflow(self.mapped.slice(start, end))
        return Field(flowed.text, flowed)

    def warn(self, code: str, message: str, span: Span | None = None) -> None:
        """Record a :class:`~imrparse.models.Warning` (in either mode); ``span`` is an
        input span (from :meth:`span` or ``field.span``)."""
        self.warnings.append(Warning(code=code, message=message, span=span))

    def problem(self, error: ImrParseError, code: str, span: Span | None = None) -> None:
        """Raise ``error`` in strict mode; in lenient mode keep it as warning ``code``."""
        if self.strict:
            raise error.with_source(self.source)
        self.warn(code, error.message + (f" (expected {error.expected})" if error.expected else ""), span)

    # -- field hooks, spans traced back -----------------------------------------------

    def read_reviewer(self, field: Field) -> Reviewer:
        """The reviewer field hook on ``field``, spans traced to the input."""
        found = self.readers.read_reviewer(field.text)
        return field.remap(found) if found is not None else Reviewer()

    def read_summary(self, field: Field) -> Summary:
        """The summary field hook on ``field``, spans traced to the input; ``text`` and
        ``span`` are the field's."""
        found = self.readers.read_summary(field.text)
        summary = field.remap(found) if found is not None else Summary()
        return attrs.evolve(summary, text=field.text, span=field.span())

    def read_basis(self, field: Field, side: str) -> Basis:
        """The guideline-line field hook on ``field``, spans traced to the input; ``text``
        and ``span`` are the field's."""
        found = self.readers.read_basis(field.text, side)
        basis = field.remap(found) if found is not None else Basis()
        return attrs.evolve(basis, text=field.text, span=field.span())

    def read_rationale_citations(self, field: Field) -> tuple[Citation, ...]:
        """The rationale-citations field hook on ``field``, spans traced to the input."""
        found = self.readers.read_rationale_citations(field.text)
        return tuple(field.remap(found)) if found else ()

    def read_service(self, field: Field) -> Service:
        """The service field hook on ``field`` (a request), spans traced to the input."""
        found = self.readers.read_service(field.text)
        return field.remap(found) if found is not None else Service()
