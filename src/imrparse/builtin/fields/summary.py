"""Built-in plugin: patient facts, diagnoses, treatments and UR date from the case summary.

The extractor module is imported on first use (see extract_reviewer).
"""

from __future__ import annotations

from ...models import Summary
from ...plugin.api import hookimpl


@hookimpl
def imrparse_read_summary(text: str) -> Summary:
    from ...fields.summary import read_summary

    return read_summary(text)
