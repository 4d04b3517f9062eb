"""What a layout gets to work with while it parses one letter.

A :class:`ParseContext` holds the normalised letter text and knows how to trace any
place in it back to the input (:meth:`ParseContext.span`), how to cut out a field and
reflow it (:meth:`ParseContext.field`), how to run the field readers on it (reviewer,
summary, guideline lines, citations, services) with every span traced back, and how
to report a problem: raise it in strict mode, keep it as a warning in lenient mode.

The field readers come in as a :class:`FieldReaders` and the installed layouts as
:class:`Layouts`: in a parse, both are the plugin registry
(:class:`imrparse.plugin.registry.Plugins`), whose field hooks a plugin can replace.

A layout that is a variant of another can run it: :meth:`ParseContext.derive` makes a
nested context over an edited copy of the text (spans still trace back to the input)
and :meth:`ParseContext.delegate` parses a context with an installed layout by name.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

import attrs

from ..errors import ImrParseError
from ..models import Basis, Citation, Determination, Reviewer, Service, Span, Summary, Warning
from ..text.reflow import Field, reflow_slice
from ..text.textmap import MappedText

__all__ = ["ParseContext", "FieldReaders", "Layouts", "Field"]


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


@runtime_checkable
class Layouts(Protocol):
    """The installed layouts, for :meth:`ParseContext.delegate`."""

    def parse_layout(self, layout: str, context: ParseContext) -> Determination:
        """Parse ``context`` with the installed layout named ``layout``."""
        ...


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

    ``layouts`` defaults to ``readers`` when that is also a :class:`Layouts` (the plugin
    registry is both), so ``ParseContext(mapped, readers=plugins)`` can delegate.
    """

    def __init__(
        self,
        mapped: MappedText,
        *,
        readers: FieldReaders,
        strict: bool = True,
        source: str | None = None,
        layouts: Layouts | None = None,
    ) -> None:
        self.mapped = mapped
        self.readers = readers
        self.strict = strict
        self.source = source
        self.layouts = layouts if layouts is not None else (
            readers if isinstance(readers, Layouts) else None)
        self.warnings: list[Warning] = []

    def derive(self, mapped: MappedText | None = None, *, strict: bool | None = None) -> ParseContext:
        """A nested context over ``mapped``, a text made from this one
        (``ctx.mapped.edit(...)``, ``.sub(...)``, ``.slice(...)``, or an edit of those),
        so that its spans still trace back to the same input. It shares this context's
        readers, layouts, source and *warnings* (what is reported on it is reported for
        the letter); ``strict`` defaults to this context's. Without ``mapped``, the same text.

        >>> import imrparse
        >>> from imrparse.plugin.registry import get_plugins
        >>> letter = "STAMP\\nMRI of the knee"
        >>> ctx = ParseContext(imrparse.normalize(letter), readers=get_plugins())
        >>> nested = ctx.derive(ctx.mapped.edit([(0, 6, "")]))
        >>> nested.text
        'MRI of the knee'
        >>> nested.span(0, 3).slice(letter)
        'MRI'
        """
        mapped = self.mapped if mapped is None else mapped
        if mapped.root() is not self.mapped.root():
            raise ValueError("a derived context's text must be made from this context's text "
                             "(ctx.mapped.edit(...), .sub(...) or .slice(...)), so that spans trace back")
        child = ParseContext(mapped, readers=self.readers, strict=self.strict if strict is None else strict,
                             source=self.source, layouts=self.layouts)
        child.warnings = self.warnings
        return child

    def delegate(self, layout: str, context: ParseContext | None = None) -> Determination:
        """Parse ``context`` (this one by default, or one from :meth:`derive`) with the
        installed layout named ``layout``, as imrparse would: an error it raises that is
        not an ImrParseError is a PluginError naming *its* plugin, and an unknown name is
        an ``UnrecognizedLayout``. The Determination's ``layout`` is the delegate's name;
        set your own with ``attrs.evolve``."""
        if self.layouts is None:
            raise ValueError("this context was made without layouts to delegate to (layouts=)")
        return self.layouts.parse_layout(layout, self if context is None else context)

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
        """Record a :class:`~imrparse.models.Warning` (in either mode). ``span`` is in the
        *input's* coordinates, like every span of the output: pass ``ctx.span(start, end)``
        or ``field.span(...)``, never offsets into ``ctx.text``."""
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
