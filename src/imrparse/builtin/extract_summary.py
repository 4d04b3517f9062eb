"""Built-in plugin: patient facts, diagnoses, treatments and UR date from the case summary."""

from __future__ import annotations

from .._summary_facts import read_summary
from ..models import Summary
from ..plugins import hookimpl


@hookimpl
def imrparse_read_summary(text: str) -> Summary:
    return read_summary(text)
