"""Built-in plugin: guideline lines and the citations inside rationales.

The extractor module is imported on first use (see extract_reviewer).
"""

from __future__ import annotations

from ...models import Basis, Citation
from ...plugin.api import hookimpl


@hookimpl
def imrparse_read_basis(text: str) -> Basis:
    from ...fields.citations import parse_basis

    return parse_basis(text)


@hookimpl
def imrparse_read_rationale_citations(text: str) -> list[Citation]:
    from ...fields.citations import find_citations

    return find_citations(text)
