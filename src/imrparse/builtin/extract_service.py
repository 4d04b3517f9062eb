"""Built-in plugin: a disputed item's request, normalised into a Service."""

from __future__ import annotations

from .._services import normalize_service
from ..models import Service
from ..plugins import hookimpl


@hookimpl
def imrparse_read_service(request: str) -> Service:
    return normalize_service(request)
