"""Hook specifications: everything a plugin can add to or replace in imrparse.

A plugin is a module or object with functions marked ``@imrparse.hookimpl`` whose
names are the hooks below. Install it as a package that declares an entry point in
the ``imrparse`` group::

    [project.entry-points.imrparse]
    my_plugin = "my_package.plugin"

Hooks are always called with keyword arguments, and an implementation may accept
only the arguments it needs, so new arguments can be added without breaking plugins.
imrparse's own layouts, readers, formats and field readers are registered through
exactly these hooks (see :mod:`imrparse.builtin`); docs/plugins.md describes each hook
with an example, and a test checks that every hook here is documented there.

Registration hooks (``imrparse_layouts``, ``imrparse_readers``, ``imrparse_formats``,
``imrparse_extractors``) return lists of small objects from :mod:`imrparse.plugin.api`.
Field hooks (``imrparse_read_*``) are ``firstresult``: the first implementation that
returns something other than ``None`` wins, so a plugin marked
``@hookimpl(tryfirst=True)`` replaces the built-in reader of that field, and one that
returns ``None`` defers to it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from ..models import Basis, Citation, Reviewer, Service, Summary
    from .api import Extractor, Layout, OutputFormat, Reader

# The project name of imrparse.plugin.api.PROJECT_NAME, written out so that this
# module stays a leaf: it imports nothing of imrparse at run time.
#: The marker of the hook specifications below (pluggy's ``HookspecMarker("imrparse")``).
hookspec = pluggy.HookspecMarker("imrparse")

__all__ = [
    "hookspec",
    "imrparse_layouts",
    "imrparse_readers",
    "imrparse_formats",
    "imrparse_extractors",
    "imrparse_read_reviewer",
    "imrparse_read_summary",
    "imrparse_read_basis",
    "imrparse_read_rationale_citations",
    "imrparse_read_service",
]


@hookspec
def imrparse_layouts() -> list[Layout]:
    """Letter layouts this plugin can parse.

    Each :class:`~imrparse.plugin.api.Layout` names itself, scores how well it recognises a
    (normalised) letter, and turns the letter into a Determination, usually through a
    Lark grammar. The layout with the highest score parses the letter.
    """
    raise NotImplementedError


@hookspec
def imrparse_readers() -> list[Reader]:
    """Input readers: turn a file's bytes into letter text.

    A :class:`~imrparse.plugin.api.Reader` claims files by suffix or by sniffing their
    first bytes; the reader with the highest priority among those that claim a file reads it.
    """
    raise NotImplementedError


@hookspec
def imrparse_formats() -> list[OutputFormat]:
    """Output formats for ``imrparse parse --format NAME`` and :func:`imrparse.render`."""
    raise NotImplementedError


@hookspec
def imrparse_extractors() -> list[Extractor]:
    """Extra fields: each :class:`~imrparse.plugin.api.Extractor` computes a value per letter
    (scope ``"document"``) or per disputed item (scope ``"item"``), stored under
    ``extras[extractor.name]`` of the Determination or the Item."""
    raise NotImplementedError


@hookspec(firstresult=True)
def imrparse_read_reviewer(text: str) -> Reviewer | None:
    """Read the expert reviewer's credentials from the reflowed "how the determination was
    made" section (credentials block included). Spans are offsets into ``text``."""
    raise NotImplementedError


@hookspec(firstresult=True)
def imrparse_read_summary(text: str) -> Summary | None:
    """Read patient facts, diagnoses, treatments and the UR date from the reflowed case
    summary. Spans are offsets into ``text``."""
    raise NotImplementedError


@hookspec(firstresult=True)
def imrparse_read_basis(text: str, side: str) -> Basis | None:
    """Read one guideline line (the text after its label). ``side`` is
    ``"claims_administrator"`` or ``"reviewer"``. Spans are offsets into ``text``."""
    raise NotImplementedError


@hookspec(firstresult=True)
def imrparse_read_rationale_citations(text: str) -> list[Citation] | None:
    """Find the guideline citations inside a decision rationale. Spans are offsets into ``text``."""
    raise NotImplementedError


@hookspec(firstresult=True)
def imrparse_read_service(request: str) -> Service | None:
    """Normalise a disputed item's request into a Service. Spans are offsets into ``request``."""
    raise NotImplementedError
