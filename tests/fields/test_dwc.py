"""The state's request category (``Service.dwc_category``), derived from the service.

Requests are read by the service reader (so the table also checks the path a letter
takes); the wordings vary case, order and punctuation on purpose.
"""

from __future__ import annotations

import attrs
import pytest

import imrparse
from imrparse.fields.dwc import dwc_category, with_dwc_category
from imrparse.fields.services import normalize_service
from imrparse.models import Service
from imrparse.vocab import dwc, services
from imrparse.testing import SAMPLE_LETTER

from ..corpus import plugins

ROWS = [
    ("MRI of the right shoulder without contrast", "Diagnostic Testing"),
    ("x-ray, LEFT knee, 3 views", "Diagnostic Testing"),
    ("EMG/NCV bilateral upper extremities", "Diagnostic Testing"),
    ("urine drug screen", "Diagnostic Testing"),
    ("Norco 10/325mg #120", "Pharmaceuticals"),
    ("flurbiprofen 20% cream 120 gm", "Pharmaceuticals"),
    ("Physical therapy 2x6 for the lumbar spine", "Rehabilitation"),
    ("chiropractic manipulation x 6 visits, neck", "Rehabilitation"),
    ("hand therapy, 8 sessions", "Rehabilitation"),
    ("Acupuncture 6 sessions", "Therapies"),
    ("ESWT right heel, three sessions", "Therapies"),
    ("Lumbar epidural steroid injection L4-5", "Injection"),
    ("Right knee arthroscopy with partial meniscectomy", "Surgery"),
    ("TENS unit purchase", "DMEPOS"),
    ("Follow-up visit with orthopedist", "Evaluation & Management"),
    ("consultation with a pain management specialist", "Evaluation & Management"),
    ("cognitive behavioral therapy, 6 sessions", "Psych Services"),
    ("Home health aide 4 hours a day", "Home Health"),
    ("Functional restoration program, 80 hours", "Programs"),
    ("transportation to and from medical appointments", "Transportation"),
    ("speech therapy evaluation", "Therapies"),
]


@pytest.mark.parametrize(("request_text", "expected"), ROWS)
def test_requests_get_the_states_category(request_text: str, expected: str) -> None:
    service = normalize_service(request_text)
    assert dwc_category(service) == expected, (request_text, service.category, service.procedure)


def test_every_category_but_other_has_one_of_the_states_categories() -> None:
    assert set(dwc.BY_CATEGORY) == set(services.CATEGORIES) - {"other"}
    assert set(dwc.BY_CATEGORY.values()) | set(dwc.BY_PROCEDURE.values()) <= set(dwc.DWC_CATEGORIES)
    # Every state category is reachable from some service.
    assert set(dwc.BY_CATEGORY.values()) | set(dwc.BY_PROCEDURE.values()) == set(dwc.DWC_CATEGORIES)


def test_other_has_none_and_the_first_procedure_decides() -> None:
    assert dwc_category(Service()) is None
    assert dwc_category(Service(category="other", procedure="interpreter")) is None
    pt = Service(category="physical therapy", procedure="manual therapy, laser therapy")
    assert dwc_category(pt) == "Rehabilitation"
    assert dwc_category(attrs.evolve(pt, procedure="laser therapy, manual therapy")) == "Therapies"


def test_a_category_set_by_a_reader_is_kept() -> None:
    mine = Service(category="medication", dwc_category="Programs")
    assert with_dwc_category(mine) is mine
    assert with_dwc_category(Service(category="medication")).dwc_category == "Pharmaceuticals"


def test_parsed_letters_carry_the_states_category() -> None:
    det = imrparse.parse(SAMPLE_LETTER, plugins=plugins())
    for item in det.items:
        assert item.service.dwc_category == dwc.BY_CATEGORY.get(item.service.category)
    assert imrparse.to_dict(det)["items"][0]["service"]["dwc_category"] is not None
