"""A service's request category in the state's IMR decision search: :func:`dwc_category`.

The state's categories (:data:`imrparse.vocab.dwc.DWC_CATEGORIES`) are coarser than
imrparse's, so the mapping only needs what the service reader already found: its
``category`` and, for the few services whose place in the state's scheme depends on
what exactly they are, its ``procedure`` (the first one named, when there are
several: "Physical therapy: manual therapy, laser therapy" stays rehabilitation).  The value is derived, so it has no span of its own (the
``category`` span shows the deciding words).
"""

from __future__ import annotations

import attrs

from ..models import Service
from ..vocab import dwc as _dwc

__all__ = ["dwc_category", "with_dwc_category"]


def dwc_category(service: Service) -> str | None:
    """The state's category for ``service``, or ``None`` when it names none (``other``)."""
    first = (service.procedure or "").split(", ")[0]
    return _dwc.BY_PROCEDURE.get(first) or _dwc.BY_CATEGORY.get(service.category)


def with_dwc_category(service: Service) -> Service:
    """``service`` with its ``dwc_category`` filled in (one a reader set is kept)."""
    if service.dwc_category is not None:
        return service
    found = dwc_category(service)
    return service if found is None else attrs.evolve(service, dwc_category=found)
