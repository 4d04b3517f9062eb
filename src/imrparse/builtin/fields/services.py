"""Built-in plugin: a disputed item's request, normalised into a Service.

The extractor module is imported on first use (see extract_reviewer).
"""

from __future__ import annotations

from ...models import Service
from ...plugin.api import hookimpl


@hookimpl
def imrparse_read_service(request: str) -> Service:
    from ...fields.dwc import with_dwc_category
    from ...fields.services import normalize_service

    return with_dwc_category(normalize_service(request))
