"""Table tests for imrparse.fields.reviewer: the expert reviewer's credentials.

Rows are (section text, expected). Both styles are covered: prose ("The expert reviewer is
Board Certified in ...") and labels ("State(s) of Licensure: ... Certification(s)/Specialty:
..."); the letters themselves stay in ../shared and are only read by tests marked ``shared``.
"""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from imrparse.fields.reviewer import read_reviewer
from imrparse.models import Reviewer

from ..scaling import assert_linear, prefix_of
from ..corpus import SHARED, fold_for_gold, shared_letters

PRACTICE = (
    " He/she has been in active clinical practice for more than five years and is currently "
    "working at least 24 hours a week in active practice."
)


def _inside(r: Reviewer, text: str) -> None:
    for span in r.spans.values():
        assert 0 <= span.start <= span.end <= len(text)


# --------------------------------------------------------------------------- specialties

SPECIALTY_ROWS = [
    ("The expert reviewer is Board Certified in Physical Medicine and Rehabilitation has a "
     "subspecialty in Pain Medicine and is licensed to practice in California.",
     ["Physical Medicine and Rehabilitation"]),
    ("The expert reviewer is Board Certified in Occupational Medicine, and is licensed to "
     "practice in California.", ["Occupational Medicine"]),
    ("The expert reviewer is Board Certified in Orthopedic Surgery and is licensed to practice "
     "in California and Texas.", ["Orthopedic Surgery"]),
    ("The physician reviewer is Board Certified in Internal Medicine, has a subspecialty in "
     "Cardiovascular Disease and is licensed to practice in California.", ["Internal Medicine"]),
    ("Medical Qualifications of the Expert Reviewer: The expert reviewer is Board Certified in "
     "Anesthesiology, has a subspecialty in Pain Medicine and is licensed to practice in "
     "California.", ["Anesthesiology"]),
    ("The expert reviewer is board-certified in Neurology with a subspecialty in Clinical "
     "Neurophysiology.", ["Neurology"]),
    ("The expert reviewer is Board Certified in Physical Medicine & Rehabilitation, Pain "
     "Medicine and is licensed to practice in California.",
     ["Physical Medicine & Rehabilitation", "Pain Medicine"]),
    ("The expert reviewer is Board Certified in Family Practice, Sports Medicine, and "
     "Occupational Medicine and is licensed to practice in California.",
     ["Family Practice", "Sports Medicine", "Occupational Medicine"]),
    ("The expert reviewer is a Licensed Psychologist and is licensed to practice in California.",
     ["Psychologist"]),
    ("The expert reviewer is a Licensed Chiropractor and is licensed to practice in California.",
     ["Chiropractor"]),
    ("The expert reviewer is a Doctor of Chiropractic and is licensed to practice in Oregon.",
     ["Chiropractic"]),
    ("The expert reviewer is a licensed psychologist.", []),  # only a capitalised title
    # labels
    ("The Expert Reviewer has the following credentials: State(s) of Licensure: California,"
     "North Carolina Certification(s)/Specialty: Family Practice", ["Family Practice"]),
    ("The Expert Reviewer has the following credentials:\nState(s) of Licensure: Texas, New York, "
     "California\nCertification(s)/Specialty: Preventive Medicine, Occupational Medicine\n",
     ["Preventive Medicine", "Occupational Medicine"]),
    ("State(s) of Licensure: Texas, New York\nCertification(s)/Specialty: Physical Medicine & "
     "Rehabilitation, Sports\nMedicine", ["Physical Medicine & Rehabilitation", "Sports Medicine"]),
    ("Certification(s)/Specialty: Preventive Medicine, Occupational Medicine, Family Practice",
     ["Preventive Medicine", "Occupational Medicine", "Family Practice"]),
    ("Certification(s)/Specialty: Internal Medicine, Hospice & Palliative Medicine",
     ["Internal Medicine", "Hospice & Palliative Medicine"]),
    ("Certification(s)/Specialty: Chiropractor", ["Chiropractor"]),
    ("Certification(s)/Specialty: Endocrinology, Diabetes and Metabolism, Internal Medicine",
     ["Endocrinology, Diabetes and Metabolism", "Internal Medicine"]),
    ("Certification(s)/Specialty: Surgery; Hand Surgery", ["Surgery", "Hand Surgery"]),
    ("Board Certification: Orthopaedic Surgery", ["Orthopaedic Surgery"]),
    ("Specialty: Neurology\nState(s) of Licensure: Florida", ["Neurology"]),
    ("Certification(s)/\nSpecialty: Neurology", ["Neurology"]),
    ("Certification(s)/Specialty: Family Practice, family practice", ["Family Practice"]),
    # labels win over prose
    ("The expert reviewer is Board Certified in Surgery. Certification(s)/Specialty: Urology",
     ["Urology"]),
    ("Certification(s)/Specialty:", []),
    ("MAXIMUS Federal Services sent the complete case file to an expert reviewer.", []),
    ("", []),
]


@pytest.mark.parametrize("text, expected", SPECIALTY_ROWS)
def test_specialties(text: str, expected: list[str]) -> None:
    r = read_reviewer(text)
    assert list(r.specialties) == expected
    for i, value in enumerate(r.specialties):
        assert " ".join(r.spans[f"specialties.{i}"].slice(text).split()) == value


# --------------------------------------------------------------------------- board certified

BOARD_ROWS = [
    ("The expert reviewer is Board Certified in Occupational Medicine.", True),
    ("The expert reviewer is board-certified in Neurology.", True),
    ("The physician reviewer is Board Certified in Surgery.", True),
    ("Board Certification: Urology", True),
    ("State(s) of Licensure: California Certification(s)/Specialty: Emergency Medicine", None),
    ("The expert reviewer is not board certified.", None),
    ("", None),
]


@pytest.mark.parametrize("text, expected", BOARD_ROWS)
def test_board_certified(text: str, expected: bool | None) -> None:
    r = read_reviewer(text)
    assert r.board_certified is expected
    if expected:
        assert r.spans["board_certified"].slice(text).lower().startswith("board")


# --------------------------------------------------------------------------- subspecialties

SUB_ROWS = [
    ("The expert reviewer is Board Certified in Physical Medicine and Rehabilitation has a "
     "subspecialty in Pain Medicine and is licensed to practice in California.", ["Pain Medicine"]),
    ("The expert reviewer is Board Certified in Anesthesiology, has subspecialties in Pain "
     "Medicine and Sports Medicine and is licensed to practice in California.",
     ["Pain Medicine", "Sports Medicine"]),
    ("The expert reviewer is Board Certified in Internal Medicine, has subspecialties in "
     "Hospice and Palliative Medicine and Geriatric Medicine.",
     ["Hospice and Palliative Medicine", "Geriatric Medicine"]),
    ("... has a subspecialty in Hospice & Palliative Medicine and is licensed to practice.",
     ["Hospice & Palliative Medicine"]),
    ("... has subspecialties in Spine Surgery, Hand Surgery, and Sports Medicine.",
     ["Spine Surgery", "Hand Surgery", "Sports Medicine"]),
    ("... board-certified in Neurology with a subspecialty in Clinical Neurophysiology.",
     ["Clinical Neurophysiology"]),
    ("... has a sub-specialty in Pain Medicine.", ["Pain Medicine"]),
    ("Subspecialty: Sports and Exercise Medicine", ["Sports and Exercise Medicine"]),
    ("Subspecialty: Pain Medicine, Addiction Medicine", ["Pain Medicine", "Addiction Medicine"]),
    ("The expert reviewer is Board Certified in Occupational Medicine.", []),
    ("", []),
]


@pytest.mark.parametrize("text, expected", SUB_ROWS)
def test_subspecialties(text: str, expected: list[str]) -> None:
    r = read_reviewer(text)
    assert list(r.subspecialties) == expected
    for i, value in enumerate(r.subspecialties):
        assert " ".join(r.spans[f"subspecialties.{i}"].slice(text).split()) == value


# --------------------------------------------------------------------------- licensure

# --------------------------------------------------------------------------- canonical names

# (credentials as a letter might write them, canonical specialties, canonical
# subspecialties, the words each canonical specialty's span covers).  Invented phrasings:
# case, "&" or "and", spellings of one board, joined names, repeats, slips, line breaks.
CANONICAL_ROWS: list[tuple[str, list[str], list[str], list[str]]] = [
    ("Certification(s)/Specialty: Physical Medicine & Rehabilitation, Pain Management\n",
     ["Physical Medicine and Rehabilitation", "Pain Medicine"], [],
     ["Physical Medicine & Rehabilitation", "Pain Management"]),
    ("Certification(s)/Specialty: PHYSICAL MEDICINE AND REHABILITATION\n",
     ["Physical Medicine and Rehabilitation"], [], ["PHYSICAL MEDICINE AND REHABILITATION"]),
    ("The expert reviewer is Board Certified in Physical Medicine and Rehabilitation and Pain "
     "Medicine and is licensed to practice in Ohio.",
     ["Physical Medicine and Rehabilitation", "Pain Medicine"], [],
     ["Physical Medicine and Rehabilitation", "Pain Medicine"]),
    ("Certification(s)/Specialty: Orthopedic Surgery; Orthopaedic Surgery, orthopedics\n",
     ["Orthopaedic Surgery"], [], ["Orthopedic Surgery"]),
    ("Certification(s)/Specialty: Family Practice, Sports Medicinea\n",
     ["Family Medicine", "Sports Medicine"], [], ["Family Practice", "Sports Medicinea"]),
    ("Certification(s)/Specialty: Anesthesiolgy, Interventional Pain Management\n",
     ["Anesthesiology", "Pain Medicine"], [], ["Anesthesiolgy", "Interventional Pain Management"]),
    ("The expert reviewer is Board Certified in Neurosurgery, has a subspecialty in Hand "
     "Surgery & Spine Surgery and is licensed to practice in Texas.",
     ["Neurological Surgery"], ["Surgery of the Hand", "Spine Surgery"], ["Neurosurgery"]),
    ("The expert reviewer is Board Certified in Internal Medicine, has a subspecialty in "
     "Endocrinology, Diabetes & Metabolism and is licensed to practice in Utah.",
     ["Internal Medicine"], ["Endocrinology, Diabetes and Metabolism"], ["Internal Medicine"]),
    ("The expert reviewer is Board Certified in Psychiatry &\nNeurology and is licensed to "
     "practice in Maine.", ["Psychiatry and Neurology"], [], ["Psychiatry &\nNeurology"]),
    ("The expert reviewer is a Licensed Chiropractor and is licensed to practice in California.",
     ["Chiropractic"], [], ["Chiropractor"]),
    ("The expert reviewer is a Doctor of Chiropractic and is licensed to practice in Nevada.",
     ["Chiropractic"], [], ["Chiropractic"]),
    ("Certification(s)/Specialty: Podiatric Surgery, Hospice & Palliative Medicine\n",
     ["Foot and Ankle Surgery", "Hospice and Palliative Medicine"], [],
     ["Podiatric Surgery", "Hospice & Palliative Medicine"]),
    ("Certification(s)/Specialty: Neurologist, Physiatrist\n",
     ["Neurology", "Physical Medicine and Rehabilitation"], [], ["Neurologist", "Physiatrist"]),
    # a name no list knows is kept as written
    ("Certification(s)/Specialty: Undersea Basket Weaving, Wellness\n",
     ["Undersea Basket Weaving", "Wellness"], [], ["Undersea Basket Weaving", "Wellness"]),
]


@pytest.mark.parametrize("text, specialties, subspecialties, written", CANONICAL_ROWS)
def test_canonical_specialties(text: str, specialties: list[str], subspecialties: list[str],
                               written: list[str]) -> None:
    r = read_reviewer(text)
    assert list(r.canonical_specialties) == specialties
    assert list(r.canonical_subspecialties) == subspecialties
    assert [r.spans[f"canonical_specialties.{i}"].slice(text)
            for i in range(len(r.canonical_specialties))] == written
    _inside(r, text)


@pytest.mark.parametrize("how", [str, str.upper, str.lower, lambda s: s.replace(" and ", " & ")],
                         ids=["as written", "upper", "lower", "ampersand"])
def test_every_spelling_has_its_canonical_name(how: object) -> None:
    from imrparse.vocab import specialties

    for name, canonical in specialties.NAMES.items():
        if how is str.lower and name.isalpha() and name.isupper():
            continue  # an acronym ("PMR") is read in capitals only
        written = how(name)  # type: ignore[operator]
        r = read_reviewer(f"Certification(s)/Specialty: {written}\n")
        assert r.specialties == (written,) and r.canonical_specialties == (canonical,), written


def test_canonical_names_are_listed_once() -> None:
    from imrparse.vocab import specialties

    names = specialties.ABMS_SPECIALTIES + specialties.ABMS_SUBSPECIALTIES + specialties.OTHER_NAMES
    assert len(names) == len(set(names))
    assert set(specialties.SPELLINGS.values()) <= set(names)
    assert not set(specialties.SPELLINGS) & set(names)


LICENSE_ROWS = [
    ("... and is licensed to practice in California. He/she has been in practice.",
     ["California"]),
    ("... and is licensed to practice in California and Texas.", ["California", "Texas"]),
    ("... and is licensed to practice in Texas, New York and California.",
     ["Texas", "New York", "California"]),
    ("... is licensed in the State of New York.", ["New York"]),
    ("... is licensed to practice in the District of Columbia and West Virginia.",
     ["District of Columbia", "West Virginia"]),
    ("... is licensed to practice in California, Washington, D.C. and Nevada.",
     ["California", "District of Columbia", "Nevada"]),
    ("... is licensed to practice in Puerto Rico.", ["Puerto Rico"]),
    ("State(s) of Licensure: Washington,D.C., Maryland", ["District of Columbia", "Maryland"]),
    ("State(s) of Licensure: Washington, Oregon", ["Washington", "Oregon"]),
    ("... is licensed to practice in Arkansas and Kansas.", ["Arkansas", "Kansas"]),
    ("... is licensed to practice in Virginia and West Virginia.", ["Virginia", "West Virginia"]),
    # labels: any separator, or none
    ("State(s) of Licensure: California,North Carolina Certification(s)/Specialty: Family "
     "Practice", ["California", "North Carolina"]),
    ("State(s) of Licensure: Texas,New York,California\nCertification(s)/Specialty: x",
     ["Texas", "New York", "California"]),
    ("State(s) of Licensure: Texas, New\nYork\nCertification(s)/Specialty: x",
     ["Texas", "New York"]),
    ("State(s) of Licensure: Illinois, California, Michigan",
     ["Illinois", "California", "Michigan"]),
    ("State(s) of Licensure: California and Texas", ["California", "Texas"]),
    ("State(s) of Licensure: California Texas", ["California", "Texas"]),
    ("State(s) of Licensure: California / Nevada; Oregon", ["California", "Nevada", "Oregon"]),
    ("State(s) of Licensure: CA, TX", ["California", "Texas"]),
    ("State(s) of Licensure: CALIFORNIA", ["California"]),
    ("State(s) of Licensure: California, Ontario", ["California", "Ontario"]),
    ("State(s) of Licensure: Californa, Texas", ["Californa", "Texas"]),
    ("State(s) of Licensure: Texas, Texas", ["Texas"]),
    ("States of Licensure: Florida", ["Florida"]),
    ("State(s) of Licensure:", []),
    ("The expert reviewer is Board Certified in Surgery.", []),
    ("", []),
]


@pytest.mark.parametrize("text, expected", LICENSE_ROWS)
def test_licensed_in(text: str, expected: list[str]) -> None:
    r = read_reviewer(text)
    assert list(r.licensed_in) == expected
    assert sum(k.startswith("licensed_in.") for k in r.spans) == len(expected)


def test_licensed_in_spans_cover_the_written_names() -> None:
    text = "State(s) of Licensure: California,North Carolina, CA, Ontario"
    r = read_reviewer(text)
    assert r.licensed_in == ("California", "North Carolina", "Ontario")
    assert [r.spans[f"licensed_in.{i}"].slice(text) for i in range(3)] == [
        "California", "North Carolina", "Ontario"]


# --------------------------------------------------------------------------- practice

PRACTICE_ROWS = [
    (PRACTICE, 5, 24),
    ("He/she has been in active clinical practice for more than five years.", 5, None),
    ("He/she has been practicing for over 10 years.", 10, None),
    ("He/she has 12 years of clinical experience and works 30 hrs/week.", 12, 30),
    ("He/she has been in practice for at least fifteen years and works a minimum of "
     "twenty-four hours per week.", 15, 24),
    ("He/she works 20 hours per week.", None, 20),
    ("He/she is currently working at least 24 hours a week in active practice.", None, 24),
    ("He/she has five years.", None, None),  # no practice wording
    ("He/she works 500 hours a week.", None, None),
    ("", None, None),
]


@pytest.mark.parametrize("text, years, hours", PRACTICE_ROWS)
def test_practice_minimums(text: str, years: int | None, hours: int | None) -> None:
    r = read_reviewer(text)
    assert r.min_years_in_practice == years
    assert r.min_hours_per_week == hours
    if years is not None:
        assert "year" in r.spans["min_years_in_practice"].slice(text)
    if hours is not None:
        assert "week" in r.spans["min_hours_per_week"].slice(text)


# --------------------------------------------------------------------------- whole sections

SEED_STYLE_A = (
    "MAXIMUS Federal Services sent the complete case file to an expert reviewer. He/she has no "
    "affiliation with the employer, employee, providers or the claims administrator. The expert "
    "reviewer is Board Certified in Physical Medicine and Rehabilitation has a subspecialty in "
    "Pain Medicine and is licensed to practice in California." + PRACTICE
)
SEED_STYLE_B = (
    "MAXIMUS Federal Services sent the complete case file to an expert reviewer." + PRACTICE
    + "\n\nThe Expert Reviewer has the following credentials:\nState(s) of Licensure: Texas, New "
    "York, California\nCertification(s)/Specialty: Preventive Medicine, Occupational Medicine\n"
)


def test_style_a_section() -> None:
    r = read_reviewer(SEED_STYLE_A)
    assert attrs.evolve(r, spans={}) == Reviewer(
        specialties=("Physical Medicine and Rehabilitation",), board_certified=True,
        subspecialties=("Pain Medicine",), licensed_in=("California",),
        min_years_in_practice=5, min_hours_per_week=24,
        canonical_specialties=("Physical Medicine and Rehabilitation",),
        canonical_subspecialties=("Pain Medicine",),
    )
    assert r.span is None
    assert {k: v.slice(SEED_STYLE_A) for k, v in r.spans.items()} == {
        "specialties.0": "Physical Medicine and Rehabilitation",
        "canonical_specialties.0": "Physical Medicine and Rehabilitation",
        "board_certified": "Board Certified",
        "subspecialties.0": "Pain Medicine",
        "canonical_subspecialties.0": "Pain Medicine",
        "licensed_in.0": "California",
        "min_years_in_practice": "more than five years",
        "min_hours_per_week": "at least 24 hours a week",
    }


def test_style_b_section() -> None:
    r = read_reviewer(SEED_STYLE_B)
    assert r.specialties == ("Preventive Medicine", "Occupational Medicine")
    assert r.licensed_in == ("Texas", "New York", "California")
    assert r.board_certified is None and r.subspecialties == ()
    assert (r.min_years_in_practice, r.min_hours_per_week) == (5, 24)


def test_style_b_reflowed_into_one_line() -> None:
    text = " ".join(SEED_STYLE_B.split())
    r = read_reviewer(text)
    assert r.specialties == ("Preventive Medicine", "Occupational Medicine")
    assert r.licensed_in == ("Texas", "New York", "California")


# --------------------------------------------------------------------------- robustness

_FRAGMENTS = [
    "State(s) of Licensure:", "Certification(s)/Specialty:", "Subspecialty:", "Board Certified in ",
    "board-certified", "has a subspecialty in ", "subspecialties in ", "licensed to practice in ",
    "is a Licensed ", "California", "New York", "Washington, D.C.", "D.C.", "CA", "Ontario",
    "Physical Medicine & Rehabilitation", "Pain Medicine", " and ", " & ", ", ", ",", "; ", ".",
    ". ", "\n", "\n\n", "more than five years", "at least 24 hours a week", "practice for ",
    "twenty-four", "hours", "years", "He/she", "(", ")", ":", "\u0130", " ", "x",
]
_SECTIONISH = st.lists(st.sampled_from(_FRAGMENTS), max_size=40).map("".join)


@given(st.one_of(st.text(), _SECTIONISH))
@settings(max_examples=500, deadline=None)
def test_never_raises_and_spans_lie_inside(text: str) -> None:
    r = read_reviewer(text)
    _inside(r, text)
    assert r.board_certified in (True, None)
    for key, values in (("specialties", r.specialties), ("subspecialties", r.subspecialties),
                        ("licensed_in", r.licensed_in)):
        assert sum(k.startswith(key + ".") for k in r.spans) == len(values)
        assert all(v and v == v.strip() for v in values)


_MB = 1_000_000
LARGE_INPUTS = {
    "sections": ((SEED_STYLE_A + "\n\n" + SEED_STYLE_B) * (_MB // 1000))[:_MB],
    "spaces": " " * _MB,
    "labels": ("State(s) of Licensure: Texas Certification(s)/Specialty: A, B "
               * (_MB // 60))[:_MB],
    "prose cues": ("Board Certified in " * (_MB // 19))[:_MB],
    "subspecialties": ("subspecialties in A and B and " * (_MB // 30))[:_MB],
    "states": ("licensed to practice in California and " * (_MB // 39))[:_MB],
    "numbers": ("more than 5 years 24 hours " * (_MB // 27))[:_MB],
    "open parentheses": "(" * _MB,
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(LARGE_INPUTS))
def test_linear_up_to_a_megabyte(name: str) -> None:
    assert_linear(lambda t: _inside(read_reviewer(t), t), prefix_of(LARGE_INPUTS[name]))


# --------------------------------------------------------------------------- shared samples

_START = "HOW THE IMR FINAL DETERMINATION WAS MADE"
_END = "CLINICAL CASE SUMMARY"


def _cut_section(letter: str) -> str:
    """The section body of a letter, wrapped lines joined by a space."""
    a = letter.find(_START)
    b = letter.find(_END, a)
    body = letter[a + len(_START):b]
    return " ".join(line.strip() for line in body.splitlines() if line.strip())


@pytest.mark.shared
@pytest.mark.parametrize(
    "name, path", shared_letters("seeds", ".txt") + shared_letters("real", ".pypdf.txt")
    or [pytest.param("none", None, marks=pytest.mark.skip("../shared is absent"))],
)
def test_matches_gold(name: str, path: Path) -> None:
    kind = "seeds" if path.parent.name == "seeds" else "real"
    gold = json.loads((SHARED / "gold" / kind / f"{name}.json").read_text())["reviewer"]
    r = read_reviewer(_cut_section(path.read_text()))
    got = {
        "specialties": list(r.specialties), "subspecialties": list(r.subspecialties),
        "licensed_in": list(r.licensed_in), "board_certified": r.board_certified,
        "min_years_in_practice": r.min_years_in_practice,
        "min_hours_per_week": r.min_hours_per_week,
    }
    for key, want in gold.items():
        assert fold_for_gold(got[key]) == fold_for_gold(want), key
