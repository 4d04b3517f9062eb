"""The request categories of the state's IMR decision search (``Service.dwc_category``).

The Division of Workers' Compensation (DWC) files every disputed service of a published
letter under one "Treatment Request Category" (:data:`DWC_CATEGORIES`).  imrparse
derives it from the normalised service (:func:`imrparse.fields.dwc.dwc_category`):
first from :data:`BY_PROCEDURE` (a specific service whose category in the state's
scheme differs from its category here), then from :data:`BY_CATEGORY`.  docs/contract.md
says which assignments public sources confirm and which are imrparse's reading.
"""

from __future__ import annotations

from typing import Mapping

__all__ = ["DWC_CATEGORIES", "BY_CATEGORY", "BY_PROCEDURE"]

#: The state's categories, in the order of its search page.
DWC_CATEGORIES: tuple[str, ...] = (
    "DMEPOS", "Diagnostic Testing", "Evaluation & Management", "Home Health", "Injection",
    "Pharmaceuticals", "Programs", "Psych Services", "Rehabilitation", "Surgery",
    "Therapies", "Transportation",
)

#: ``service.category`` -> the state's category (``other`` has none unless its
#: procedure is in :data:`BY_PROCEDURE`).
BY_CATEGORY: Mapping[str, str] = {
    "imaging": "Diagnostic Testing",
    "diagnostic testing": "Diagnostic Testing",
    "medication": "Pharmaceuticals",
    "physical therapy": "Rehabilitation",
    "occupational therapy": "Rehabilitation",
    "chiropractic": "Rehabilitation",
    "acupuncture": "Therapies",
    "injection": "Injection",
    "surgery": "Surgery",
    "durable medical equipment": "DMEPOS",
    "office visit": "Evaluation & Management",
    "psychological services": "Psych Services",
    "home health": "Home Health",
    "program": "Programs",
    "transportation": "Transportation",
}

#: ``service.procedure`` -> the state's category, where the procedure decides: the
#: services imrparse leaves in ``other`` that the state files somewhere, and therapies
#: given as a treatment of their own rather than as rehabilitation sessions.
BY_PROCEDURE: Mapping[str, str] = {
    "extracorporeal shockwave therapy": "Therapies",
    "laser therapy": "Therapies",
    "speech therapy": "Therapies",
    "oxygen therapy": "Therapies",
    "hyperbaric oxygen therapy": "Therapies",
    "vocational rehabilitation": "Programs",
    "skilled nursing facility": "Home Health",
    "hearing aids": "DMEPOS",
    "eyeglasses": "DMEPOS",
    "nutrition consultation": "Evaluation & Management",
}
