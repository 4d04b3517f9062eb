"""Built-in plugin: the expert reviewer's credentials (both letter styles).

The extractor module is imported on first use: its vocabularies take a while to
compile, and commands that parse nothing (``imrparse plugins``) should not wait.
"""

from __future__ import annotations

from ...models import Reviewer
from ...plugin.api import hookimpl


@hookimpl
def imrparse_read_reviewer(text: str) -> Reviewer:
    from ...fields.reviewer import read_reviewer

    return read_reviewer(text)
