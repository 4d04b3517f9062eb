"""Built-in plugin: the expert reviewer's credentials (both letter styles)."""

from __future__ import annotations

from .._reviewer import read_reviewer
from ..models import Reviewer
from ..plugins import hookimpl


@hookimpl
def imrparse_read_reviewer(text: str) -> Reviewer:
    return read_reviewer(text)
