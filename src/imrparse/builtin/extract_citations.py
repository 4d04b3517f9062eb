"""Built-in plugin: guideline lines and the citations inside rationales."""

from __future__ import annotations

from .._citations import find_citations, parse_basis
from ..models import Basis, Citation
from ..plugins import hookimpl


@hookimpl
def imrparse_read_basis(text: str) -> Basis:
    return parse_basis(text)


@hookimpl
def imrparse_read_rationale_citations(text: str) -> list[Citation]:
    return find_citations(text)
