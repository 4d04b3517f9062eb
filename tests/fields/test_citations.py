"""The guideline-citation parser: guideline lines (parse_basis) and rationales (find_citations).

Tables of (input, expected fields); only the fields a row names are checked. Inputs are
reflowed single lines, as the layout hands them over. Rows marked "real" quote one
guideline line of a published letter; the others are made up in the letters' shapes.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from imrparse.fields.citations import citation_completeness, find_citations, parse_basis
from imrparse.models import Basis, Citation
from imrparse.vocab import guidelines as vocab

from ..scaling import assert_linear, prefix_of

ACOEM8 = {"guideline": "ACOEM", "mtus": True, "chapter": 8, "title": "Neck and Upper Back Complaints"}
ACOEM12 = {"guideline": "ACOEM", "mtus": True, "chapter": 12, "title": "Low Back Complaints"}


def check_spans(text: str, citations: tuple[Citation, ...] | list[Citation]) -> None:
    """Every span slices the citation's own text out of the input; in order, no overlap."""
    end = 0
    for c in citations:
        assert c.span is not None
        assert 0 <= c.span.start <= c.span.end <= len(text)
        assert c.span.slice(text) == c.text
        assert c.span.start >= end
        end = c.span.end


def check_citations(citations: tuple[Citation, ...] | list[Citation], expected: list[dict[str, Any]]) -> None:
    assert len(citations) == len(expected), [c.text for c in citations]
    for c, want in zip(citations, expected):
        got = {k: getattr(c, k) for k in want}
        want = {k: tuple(v) if isinstance(v, list) else v for k, v in want.items()}
        assert got == want, c.text


# --------------------------------------------------------------------------- parse_basis

BASIS_CASES: list[tuple[str, dict[str, Any], list[dict[str, Any]]]] = [
    # The gold seeds, exactly.
    ("Decision based on MTUS ACOEM Chapter 8 Neck and Upper Back Complaints.  Decision based on "
     "Non-MTUS Citation Official Disability Guidelines (ODG), Neck and Upper Back, Magnetic Resonance "
     "Imaging (MRI)",
     {"cited_evidence": True, "based_on_mtus": True},
     [ACOEM8 | {"pages": [], "text": "MTUS ACOEM Chapter 8 Neck and Upper Back Complaints"},
      {"guideline": "ODG", "mtus": False, "title": "Neck and Upper Back",
       "topic": "Magnetic Resonance Imaging (MRI)"}]),
    ("Decision based on MTUS ACOEM Chapter 8 Neck and Upper Back Complaints Page(s): 176-177.  "
     "Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Neck Chapter, MRI",
     {"based_on_mtus": True},
     [ACOEM8 | {"pages": [176, 177],
                "text": "MTUS ACOEM Chapter 8 Neck and Upper Back Complaints Page(s): 176-177"},
      {"guideline": "ODG", "mtus": False, "title": "Neck", "topic": "MRI",
       "text": "Official Disability Guidelines (ODG), Neck Chapter, MRI"}]),
    ("The Claims Administrator did not base their decision on the MTUS. Decision based on Non-MTUS "
     "Citation Official Disability Guidelines, Low back, MRIs.",
     {"cited_evidence": True, "based_on_mtus": False},
     [{"guideline": "ODG", "mtus": False, "title": "Low back", "topic": "MRIs"}]),
    ("Decision based on MTUS Low Back Complaints 2004, Section(s): Special Studies, Summary.",
     {"based_on_mtus": True},
     [ACOEM12 | {"year": 2004, "sections": ["Special Studies", "Summary"], "pages": []}]),
    ("Decision based on MTUS Neck and Upper Back Complaints 2004, and Low Back Complaints 2004. "
     "Decision based on Non-MTUS Citation ACOEM Practice Guidelines, Second Edition, Chapter 12 "
     "(update 11/30/2007) Low Back Complaints page 134.",
     {"based_on_mtus": True},
     [ACOEM8 | {"year": 2004, "pages": [], "text": "MTUS Neck and Upper Back Complaints 2004"},
      ACOEM12 | {"year": 2004, "pages": [], "text": "Low Back Complaints 2004"},
      ACOEM12 | {"mtus": False, "pages": [134], "edition": "Second Edition",
                 "updated": dt.date(2007, 11, 30)}]),
    ("Decision based on MTUS General Approaches 2004, Section(s): Initial Approaches to Treatment.",
     {},
     [{"guideline": "ACOEM", "mtus": True, "chapter": None, "title": "General Approaches", "year": 2004,
       "sections": ["Initial Approaches to Treatment"], "pages": []}]),
    ("The Claims Administrator did not cite any medical evidence for its decision.",
     {"cited_evidence": False, "based_on_mtus": None}, []),
    ("Decision based on MTUS Neck and Upper Back Complaints 2004, Section(s): Summary.",
     {}, [ACOEM8 | {"year": 2004, "sections": ["Summary"], "pages": []}]),
    ("Decision based on MTUS ACOEM Chapter 12 Low Back Complaints.", {}, [ACOEM12 | {"pages": []}]),
    ("Decision based on MTUS ACOEM Chapter 8 Neck and Upper Back Complaints Page(s): 179-180.  "
     "Decision based on Non-MTUS Citation Official Disability Guidelines.",
     {},
     [ACOEM8 | {"pages": [179, 180]},
      {"guideline": "ODG", "mtus": False, "title": None, "topic": None}]),
    # real: the MTUS guidelines other than ACOEM
    ("Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Physical medicine treatment.",
     {"based_on_mtus": True},
     [{"guideline": "CPMTG", "mtus": True, "title": "Chronic Pain Medical Treatment", "year": 2016,
       "sections": ["Physical medicine treatment"]}]),
    ("Decision based on MTUS Chronic Pain Medical Treatment 2009, Section(s): Epidural steroid "
     "injections (ESIs).",
     {}, [{"guideline": "CPMTG", "year": 2009, "sections": ["Epidural steroid injections (ESIs)"]}]),
    ("Decision based on MTUS Opioid Treatment 2016, Section(s): 1.3 Opioids for Acute Pain: Severe "
     "Acute Injuries.",
     {}, [{"guideline": "OTG", "mtus": True, "title": "Opioid Treatment", "year": 2016,
           "sections": ["1.3 Opioids for Acute Pain: Severe Acute Injuries"]}]),
    ("Decision based on MTUS Acupuncture Treatment 2007. Decision based on Non-MTUS Citation Official "
     "Disability Guidelines (ODG) Pain (Chronic) Acupuncture.",
     {"based_on_mtus": True},
     [{"guideline": "AMTG", "mtus": True, "title": "Acupuncture Treatment", "year": 2007},
      {"guideline": "ODG", "mtus": False, "title": "Pain (Chronic)", "topic": "Acupuncture"}]),
    ("Decision based on MTUS Elbow Complaints 2007, Section(s): Recommendations, Radial Head Fracture.",
     {}, [{"guideline": "ACOEM", "chapter": 10, "title": "Elbow Complaints", "year": 2007,
           "sections": ["Recommendations", "Radial Head Fracture"]}]),
    # real: one sentence, several guidelines
    ("Decision based on MTUS Low Back Complaints 2004, Section(s): Summary, and Chronic Pain Medical "
     "Treatment 2016, Section(s): Facet blocks.  Decision based on Non-MTUS Citation ACOEM "
     "Occupational Medicine Practice Guidelines, 3rd ed., Low Back Disorders, pg. 607.",
     {"based_on_mtus": True},
     [ACOEM12 | {"sections": ["Summary"], "text": "MTUS Low Back Complaints 2004, Section(s): Summary"},
      {"guideline": "CPMTG", "sections": ["Facet blocks"],
       "text": "Chronic Pain Medical Treatment 2016, Section(s): Facet blocks"},
      {"guideline": "ACOEM", "mtus": False, "chapter": None, "title": "Low Back Disorders",
       "edition": "Third Edition", "pages": [607]}]),
    # real: ODG chapters and topics, with and without commas
    ("Decision based on MTUS General Approaches 2004, Section(s): Initial Approaches to Treatment.  "
     "Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Pain Chapter (Online "
     "version) Diclofenac.",
     {}, [{"title": "General Approaches"},
          {"guideline": "ODG", "title": "Pain", "topic": "Diclofenac", "edition": "Online version"}]),
    ("The Expert Reviewer based their decision on recommendation(s) outside of the MTUS Guidelines.  "
     "Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Pain Section/Voltaren® "
     "Gel (diclofenac) Topic.",
     {"based_on_mtus": False},
     [{"guideline": "ODG", "mtus": False, "title": "Pain", "topic": "Voltaren® Gel (diclofenac)"}]),
    ("The Claims Administrator based their decision on recommendation(s) outside of the MTUS "
     "Guidelines.  Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Knee & "
     "Leg (updated 11/22/16) Chapter: Home Health Services: Criteria for skilled nursing facility.",
     {"based_on_mtus": False, "cited_evidence": True},
     [{"guideline": "ODG", "title": "Knee & Leg", "updated": dt.date(2016, 11, 22),
       "topic": "Home Health Services: Criteria for skilled nursing facility"}]),
    ("Decision based on MTUS Low Back Complaints 2004. Decision based on Non-MTUS Citation Official "
     "Disability Guidelines (ODG) Low Back Chapter, Radiography (x-rays).",
     {}, [ACOEM12 | {"year": 2004},
          {"guideline": "ODG", "title": "Low Back", "topic": "Radiography (x-rays)"}]),
    ("The Claims Administrator based their decision on recommendation(s) outside of the MTUS "
     "Guidelines. Decision based on Non-MTUS Citation Official Disability Guidelines: Neck & Upper Back "
     "(Acute & Chronic) Magnetic resonance imaging (MRI), Indications for imaging.",
     {"based_on_mtus": False},
     [{"guideline": "ODG", "title": "Neck & Upper Back (Acute & Chronic)",
       "topic": "Magnetic resonance imaging (MRI), Indications for imaging"}]),
    ("The Claims Administrator based their decision on recommendation(s) outside of the MTUS "
     "Guidelines. Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Low Back & "
     "Thoracic chapter (Acute & Chronic), Preoperative testing, general.",
     {}, [{"title": "Low Back & Thoracic (Acute & Chronic)", "topic": "Preoperative testing, general"}]),
    ("Decision based on MTUS Low Back Complaints 2004, Section(s): Special Studies. Decision based on "
     "Non-MTUS Citation Official Disability Guidelines (ODG) Low Back - Lumbar and Thoracic Chapter "
     "(updated 12/20/16), MRI (magnetic resonance imaging).",
     {}, [ACOEM12 | {"sections": ["Special Studies"]},
          {"title": "Low Back - Lumbar and Thoracic", "updated": dt.date(2016, 12, 20),
           "topic": "MRI (magnetic resonance imaging)"}]),
    ("Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Physical medicine "
     "treatment. Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Physical "
     "therapy/Preface.",
     {}, [{"guideline": "CPMTG"}, {"guideline": "ODG", "title": "Preface", "topic": "Physical therapy"}]),
    ("Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Physical medicine "
     "treatment.  Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Forearm, "
     "wrist and hand, Physical/Occupational therapy.",
     {}, [{"guideline": "CPMTG"},
          {"title": "Forearm, wrist and hand", "topic": "Physical/Occupational therapy"}]),
    ("Decision based on MTUS Low Back Complaints 2004. Decision based on Non-MTUS Citation Official "
     "Disability Guidelines (ODG), Physical Therapy Guidelines.",
     {}, [ACOEM12, {"guideline": "ODG", "title": None, "topic": "Physical Therapy Guidelines"}]),
    ("The Expert Reviewer based their decision on recommendation(s) outside of the MTUS Guidelines. "
     "Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) PRP.",
     {}, [{"guideline": "ODG", "title": None, "topic": "PRP"}]),
    # real: a reference list that is not a guideline
    ("The Expert Reviewer based their decision on recommendation(s) outside of the MTUS Guidelines. "
     "Decision based on Non-MTUS Citation What is an electrocardiogram? National Heart, Lung, and Blood "
     "Institute, Department of Health and Human Services. http://www.nhlbi.nih.gov/health/health-"
     "topics/topics/ekg, accessed 02/18/2017, Benditt D, et al. Syncope in adults: Clinical "
     "manifestations and diagnostic evaluation. Topic 969, version 21.0. UpToDate, accessed 02/18/2017.",
     {"based_on_mtus": False},
     [{"guideline": "NIH", "mtus": False, "title": "What is an electrocardiogram?",
       "url": "http://www.nhlbi.nih.gov/health/health-topics/topics/ekg"},
      {"guideline": "UpToDate", "mtus": False,
       "title": "Syncope in adults: Clinical manifestations and diagnostic evaluation"}]),
    # the forms of other years and other writers (made up)
    ("Decision based on MTUS Chronic Pain Medical Treatment 2016,Section(s): Topical analgesics.",
     {}, [{"guideline": "CPMTG", "year": 2016, "sections": ["Topical analgesics"]}]),
    ("Decision based on MTUS ACOEM Chapter 8 Neck and Upper Back Complaints Page(s):176-7.",
     {}, [ACOEM8 | {"pages": [176, 177]}]),
    ("Decision based on   MTUS   Low Back\tComplaints  2004,  Section(s):   Special   Studies.",
     {}, [ACOEM12 | {"year": 2004, "sections": ["Special Studies"]}]),
    ("Decision based on Non-MTUS Citation ACOEM Guidelines, 2nd Edition (2004), Chapter 12, page 303.",
     {}, [{"guideline": "ACOEM", "mtus": False, "chapter": 12, "year": 2004, "edition": "Second Edition",
           "pages": [303]}]),
    ("Decision based on Medical Treatment Utilization Schedule (MTUS), ACOEM Chapter Twelve, page 303.",
     {"based_on_mtus": True}, [{"guideline": "ACOEM", "mtus": True, "chapter": 12, "pages": [303]}]),
    ("Decision based on MTUS 9792.24.2.", {}, [{"guideline": "CPMTG", "mtus": True}]),
    ("Decision based on MTUS 8 C.C.R. 9792.23.5, page 303.",
     {}, [{"guideline": "ACOEM", "mtus": True, "chapter": 12, "pages": [303]}]),
    ("Decision based on MTUS Postsurgical Treatment 2009, Section(s): Knee.",
     {}, [{"guideline": "PTG", "mtus": True, "title": "Postsurgical Treatment", "year": 2009,
           "sections": ["Knee"]}]),
    ("Decision based on MTUS Eye 2004.", {}, [{"guideline": "ACOEM", "chapter": 16, "title": "Eye"}]),
    ("Decision based on Non-MTUS Citation Work Loss Data Institute, Official Disability Guidelines, "
     "Knee & Leg Chapter, Continuous passive motion (CPM).",
     {}, [{"guideline": "ODG", "mtus": False, "title": "Knee & Leg",
           "topic": "Continuous passive motion (CPM)"}]),
    ("Decision based on Non-MTUS Citation ODG Treatment in Workers' Compensation, 14th edition (web), "
     "2016, Low Back Chapter, MRI (updated 11/3/16).",
     {}, [{"guideline": "ODG", "title": "Low Back", "topic": "MRI", "year": 2016,
           "edition": "Fourteenth Edition", "updated": dt.date(2016, 11, 3)}]),
    ("Decision based on MTUS Chronic Pain Medical Treatment Guidelines, and Other Medical Treatment "
     "Guidelines http://www.ncbi.nlm.nih.gov/pubmed/12345678.",
     {"based_on_mtus": True},
     [{"guideline": "CPMTG", "mtus": True},
      {"guideline": "Literature", "mtus": False, "url": "http://www.ncbi.nlm.nih.gov/pubmed/12345678"}]),
    ("Decision based on MTUS Chronic Pain Medical Treatment Guidelines, and Other Medical Treatment "
     "Guideline or Medical Evidence: Official Disability Guidelines (ODG), Pain Chapter, Opioids.",
     {}, [{"guideline": "CPMTG", "mtus": True},
          {"guideline": "ODG", "mtus": False, "title": "Pain", "topic": "Opioids"}]),
    ("Decision based on Non-MTUS Citation Other Medical Treatment Guidelines: Merck Manual of "
     "Diagnosis and Therapy.",
     {}, [{"guideline": "Other", "mtus": False, "title": "Merck Manual of Diagnosis and Therapy"}]),
    # 2013-2014 letters
    ("The Physician Reviewer based his/her decision on the MTUS Chronic Pain Medical Treatment "
     "Guidelines, Opioids, pages 74-96, which is part of the MTUS.",
     {"based_on_mtus": True},
     [{"guideline": "CPMTG", "mtus": True, "topic": "Opioids", "pages": list(range(74, 97)),
       "text": "MTUS Chronic Pain Medical Treatment Guidelines, Opioids, pages 74-96"}]),
    ("The Claims Administrator based its decision on the MTUS ACOEM Practice Guidelines, 2nd Edition "
     "(2004), Chapter 8, pages 177-178, which is part of the MTUS, and the Official Disability "
     "Guidelines (ODG), Neck and Upper Back Chapter, which is not part of the MTUS.",
     {"based_on_mtus": True},
     [{"guideline": "ACOEM", "mtus": True, "chapter": 8, "pages": [177, 178]},
      {"guideline": "ODG", "mtus": False, "title": "Neck and Upper Back"}]),
    ("The Claims Administrator did not cite any evidence-based guidelines for its decision.",
     {"cited_evidence": False}, []),
    # 2013-2014 letters: "which is (not) part of the MTUS" is a statement about the citation,
    # not part of it, whether the MTUS is named by its acronym or in full
    ("The Claims Administrator based its decision on the Chronic Pain Medical Treatment Guidelines "
     "(2009), Chronic pain programs (functional restoration programs), pages 30-32, which are part of "
     "the California Medical Treatment Utilization Schedule (MTUS).",
     {"based_on_mtus": True},
     [{"guideline": "CPMTG", "mtus": True, "year": 2009, "pages": [30, 31, 32], "topic": None,
       "sections": ["Chronic pain programs (functional restoration programs)"],
       "text": "Chronic Pain Medical Treatment Guidelines (2009), Chronic pain programs (functional "
               "restoration programs), pages 30-32"}]),
    ("The Claims Administrator based its decision on the Chronic Pain Medical Treatment Guidelines, "
     "which are part of the Medical Treatment Utilization Schedule.",
     {"based_on_mtus": True},
     [{"guideline": "CPMTG", "mtus": True, "topic": None,
       "text": "Chronic Pain Medical Treatment Guidelines"}]),
    ("The Expert Reviewer based his/her decision on the MTUS Chronic Pain Medical Treatment Guidelines, "
     "pages 30-32.",
     {"based_on_mtus": True, "cited_evidence": True},
     [{"guideline": "CPMTG", "mtus": True, "title": "Chronic Pain Medical Treatment", "topic": None,
       "pages": [30, 31, 32], "text": "MTUS Chronic Pain Medical Treatment Guidelines, pages 30-32"}]),
    ("The Claims Administrator based its decision on the ACOEM Practice Guidelines, 2nd Edition (2004), "
     "Chapter 12, page 303, which is part of the MTUS.",
     {"based_on_mtus": True},
     [{"guideline": "ACOEM", "mtus": True, "chapter": 12, "year": 2004, "edition": "Second Edition",
       "pages": [303], "topic": None,
       "text": "ACOEM Practice Guidelines, 2nd Edition (2004), Chapter 12, page 303"}]),
    ("The Claims Administrator based its decision on the Official Disability Guidelines (ODG), which is "
     "not part of the MTUS.",
     {"based_on_mtus": False, "cited_evidence": True},
     [{"guideline": "ODG", "mtus": False, "title": None, "topic": None,
       "text": "Official Disability Guidelines (ODG)"}]),
    ("The Claims Administrator based its decision on the Official Disability Guidelines (ODG), Pain "
     "Chapter, Opioids, that are not a part of the California MTUS.",
     {"based_on_mtus": False},
     [{"guideline": "ODG", "mtus": False, "title": "Pain", "topic": "Opioids"}]),
    # one MTUS citation among them makes the basis an MTUS one, whatever the order
    ("The Claims Administrator based its decision on the Official Disability Guidelines (ODG), Knee and "
     "Leg Chapter, which is not part of the MTUS, and the MTUS Chronic Pain Medical Treatment "
     "Guidelines, page 99, which are part of the MTUS.",
     {"based_on_mtus": True},
     [{"guideline": "ODG", "mtus": False, "title": "Knee and Leg", "topic": None,
       "text": "Official Disability Guidelines (ODG), Knee and Leg Chapter"},
      {"guideline": "CPMTG", "mtus": True, "pages": [99],
       "text": "MTUS Chronic Pain Medical Treatment Guidelines, page 99"}]),
    # ... and one whose MTUS standing is unclear (ACOEM 3rd edition) leaves it unknown
    ("The Claims Administrator based its decision on the ACOEM Practice Guidelines, 3rd Edition, Low "
     "Back Disorders, and the Official Disability Guidelines (ODG), Low Back Chapter, which is not part "
     "of the MTUS.",
     {"based_on_mtus": None},
     [{"guideline": "ACOEM", "mtus": None, "title": "Low Back Disorders", "edition": "Third Edition"},
      {"guideline": "ODG", "mtus": False, "title": "Low Back"}]),
    # MTUS regulation sections: the number names the guideline and is no topic
    ("The Expert Reviewer based his/her decision on the MTUS Acupuncture Medical Treatment Guidelines, "
     "section 9792.24.1.",
     {"based_on_mtus": True},
     [{"guideline": "AMTG", "mtus": True, "title": "Acupuncture Medical Treatment", "topic": None,
       "sections": []}]),
    ("Decision based on MTUS Chronic Pain Medical Treatment 2009, subsection 9792.24.2.",
     {}, [{"guideline": "CPMTG", "year": 2009, "topic": None}]),
    ("The Expert Reviewer based his/her decision on the Medical Treatment Utilization Schedule, Sec. "
     "9792.23.5, page 303.",
     {}, [{"guideline": "ACOEM", "mtus": True, "chapter": 12, "pages": [303], "topic": None}]),
    ("The Expert Reviewer based his/her decision on the MTUS, § 9792.24.2, Opioids, pages 74-96.",
     {}, [{"guideline": "CPMTG", "mtus": True, "title": None, "topic": "Opioids",
           "pages": list(range(74, 97))}]),
    # editions other than ordinal ones have one spelling, whatever the letter's capitals
    ("Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Pain Chapter (Online "
     "Version) Diclofenac.",
     {}, [{"guideline": "ODG", "title": "Pain", "topic": "Diclofenac", "edition": "Online version"}]),
    ("Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Pain Chapter, online "
     "version, Diclofenac.",
     {}, [{"guideline": "ODG", "title": "Pain", "topic": "Diclofenac", "edition": "Online version"}]),
    ("Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Pain Chapter (ONLINE "
     "EDITION), Diclofenac.",
     {}, [{"guideline": "ODG", "title": "Pain", "topic": "Diclofenac", "edition": "Online edition"}]),
    # no "Decision based on" at all
    ("MTUS Chronic Pain Medical Treatment Guidelines, page 112.",
     {}, [{"guideline": "CPMTG", "mtus": True, "pages": [112]}]),
    # other bodies
    ("Decision based on Non-MTUS Citation American College of Physicians, Noninvasive Treatments for "
     "Acute, Subacute, and Chronic Low Back Pain, 2017.",
     {"based_on_mtus": None},
     [{"guideline": "ACP", "mtus": False, "year": 2017,
       "title": "Noninvasive Treatments for Acute, Subacute, and Chronic Low Back Pain"}]),
    ("Decision based on Non-MTUS Citation Smith J, Jones K. Lumbar fusion outcomes. Spine "
     "2010;35:123-130.",
     {}, [{"guideline": "Literature", "title": "Lumbar fusion outcomes", "year": 2010}]),
    ("Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Hip & Pelvis (Acute & "
     "Chronic), Arthroplasty; and ACOEM Practice Guidelines, Hip and Groin Disorders.",
     {}, [{"guideline": "ODG", "title": "Hip & Pelvis (Acute & Chronic)", "topic": "Arthroplasty"},
          {"guideline": "ACOEM", "mtus": False, "title": "Hip and Groin Disorders", "chapter": None}]),
    # nothing but the label: kept, with nothing certain but the flag
    ("Decision based on Non-MTUS Citation.", {}, [{"guideline": None, "mtus": False,
                                                  "text": "Non-MTUS Citation"}]),
    ("", {"text": "", "cited_evidence": True, "based_on_mtus": None}, []),
]


@pytest.mark.parametrize(("text", "basis", "citations"), BASIS_CASES,
                         ids=[f"basis{i}" for i in range(len(BASIS_CASES))])
def test_parse_basis(text: str, basis: dict[str, Any], citations: list[dict[str, Any]]) -> None:
    result = parse_basis(text)
    assert isinstance(result, Basis)
    assert result.text == text.strip()
    assert result.span is None
    for key, value in basis.items():
        assert getattr(result, key) == value, key
    check_spans(text, result.citations)
    check_citations(result.citations, citations)


def test_parse_basis_spans_are_local_to_the_input() -> None:
    text = "  Decision based on MTUS Knee Complaints 2004, Section(s): Special Studies.  "
    (c,) = parse_basis(text).citations
    assert c.span is not None and (c.span.start, c.span.end) == (20, 74)
    assert c.text == "MTUS Knee Complaints 2004, Section(s): Special Studies"


# Section lists: split by knowledge, not blindly at commas.
SECTION_CASES = [
    ("Special Studies, Summary", ["Special Studies", "Summary"]),
    ("Initial Care, Activity Modification, Special Studies, Summary",
     ["Initial Care", "Activity Modification", "Special Studies", "Summary"]),
    ("TENS, chronic pain (transcutaneous electrical nerve stimulation)",
     ["TENS, chronic pain (transcutaneous electrical nerve stimulation)"]),
    ("NSAIDs, GI symptoms & cardiovascular risk, Proton Pump Inhibitors (PPIs)",
     ["NSAIDs, GI symptoms & cardiovascular risk", "Proton Pump Inhibitors (PPIs)"]),
    ("Naproxen (Naprosyn, EC-Naprosyn, Anaprox, Anaprox DS [otc], Naprelan), NSAIDs (non-steroidal "
     "anti-inflammatory drugs)",
     ["Naproxen (Naprosyn, EC-Naprosyn, Anaprox, Anaprox DS [otc], Naprelan)",
      "NSAIDs (non-steroidal anti-inflammatory drugs)"]),
    ("Manual therapy & manipulation", ["Manual therapy & manipulation"]),
    ("Forearm, Wrist, & Hand, Special Studies", ["Forearm, Wrist, & Hand", "Special Studies"]),
    ("Pain, Suffering, and the Restoration of Function, Prevention",
     ["Pain, Suffering, and the Restoration of Function", "Prevention"]),
    ("Opioids, criteria for use, Opioids, specific drug list",
     ["Opioids, criteria for use", "Opioids, specific drug list"]),
    ("Capsaicin, topical, Lidoderm (lidocaine patch)", ["Capsaicin, topical", "Lidoderm (lidocaine patch)"]),
    ("3.3.6 Opioids for Chronic Pain, Tapering, 3.3.7 Opioids for Chronic Pain: Opioid Rotation",
     ["3.3.6 Opioids for Chronic Pain, Tapering", "3.3.7 Opioids for Chronic Pain: Opioid Rotation"]),
    ("Electro- diagnostic testing (EMG/NCS)", ["Electro-diagnostic testing (EMG/NCS)"]),
    ("Diagnostic Criteria, and Summary", ["Diagnostic Criteria", "Summary"]),
]


@pytest.mark.parametrize(("sections", "expected"), SECTION_CASES)
def test_section_lists(sections: str, expected: list[str]) -> None:
    text = f"Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): {sections}."
    (c,) = parse_basis(text).citations
    assert list(c.sections) == expected


# --------------------------------------------------------------------------- class 5 (made up)

def _one(line: str) -> Citation:
    (c,) = parse_basis(line).citations
    return c


def _cased(line: str) -> list[str]:
    """A line as written, in lower case, and with runs of spaces (a reflowed PDF)."""
    return [line, line.lower(), line.replace(" ", "  ")]


# A title never carries the year, wherever the year stands.
YEAR_ROWS = [
    ("MTUS Chronic Pain Medical Treatment 2016 Guidelines, Opioids",
     "CPMTG", "Chronic Pain Medical Treatment", 2016),
    ("MTUS 2009 Chronic Pain Medical Treatment Guidelines, page 78",
     "CPMTG", "Chronic Pain Medical Treatment", 2009),
    ("Chronic Pain Medical Treatment Guidelines (2009), page 78",
     "CPMTG", "Chronic Pain Medical Treatment", 2009),
    ("MTUS Acupuncture Medical Treatment 2007 Guidelines", "AMTG", "Acupuncture Medical Treatment", 2007),
    ("MTUS Low Back Complaints (2004), Section(s): Special Studies", "ACOEM", "Low Back Complaints", 2004),
    ("Official Disability Guidelines, Low Back 2016 Chapter, MRI", "ODG", "Low Back", 2016),
    ("ODG 2017 Knee & Leg (Acute & Chronic), MRI", "ODG", "Knee & Leg (Acute & Chronic)", 2017),
]


@pytest.mark.parametrize(("cited", "guideline", "title", "year"), YEAR_ROWS)
def test_a_title_never_carries_the_year(cited: str, guideline: str, title: str, year: int) -> None:
    for line in _cased(cited):
        c = _one(f"Decision based on {line}.")
        assert (c.guideline, c.year) == (guideline, year), line
        assert c.title is not None and c.title.lower() == title.lower()
        assert str(year) not in c.title


# ODG chapter names with commas, slashes, dashes and parentheses, in every joining.
ODG_TITLE_ROWS = [
    ("Low Back, Lumbar & Thoracic (Acute & Chronic)", "MRI"),
    ("Low Back - Lumbar & Thoracic (Acute & Chronic)", "MRI"),
    ("Low Back/Lumbar and Thoracic (Acute and Chronic)", "Discography"),
    ("Low Back: Lumbar & Thoracic", "Lumbar supports"),
    ("Low Back-Lumbar & Thoracic Chapter", "Facet joint injections"),
    ("Knee & Leg (Acute & Chronic)", "Arthroscopic surgery"),
    ("Knee and Leg", "Continuous passive motion (CPM)"),
    ("Neck and Upper Back (Acute & Chronic)", "Cervical collar"),
    ("Forearm, Wrist, & Hand (Acute & Chronic)", "Splinting"),
    ("Hips and Pelvis (Acute and Chronic)", "Arthroplasty"),
    ("Pain (Chronic)", "Opioids, specific drug list"),
]


@pytest.mark.parametrize(("title", "topic"), ODG_TITLE_ROWS)
@pytest.mark.parametrize("lead", ["Non-MTUS Citation Official Disability Guidelines (ODG),",
                                  "Non-MTUS Citation ODG", "Official Disability Guidelines:"])
def test_odg_titles_with_commas_and_parentheses(lead: str, title: str, topic: str) -> None:
    for sep in (", ", " - ", ": "):
        c = _one(f"Decision based on {lead} {title}{sep}{topic}.")
        assert (c.guideline, c.title, c.topic) == ("ODG", title.replace(" Chapter", ""), topic), sep


@pytest.mark.parametrize(("written", "topic"), [
    ("(Magnetic resonance imaging)", "Magnetic resonance imaging"),
    ("(Opioids)", "Opioids"),
    ("( Physical therapy )", "Physical therapy"),
    ("((Lidoderm))", "Lidoderm"),
    ("MRI (magnetic resonance imaging)", "MRI (magnetic resonance imaging)"),
    ("(MRI) and (CT)", "(MRI) and (CT)"),
])
def test_a_topic_in_parentheses_is_stored_without_them(written: str, topic: str) -> None:
    for lead in ("Official Disability Guidelines (ODG), Neck and Upper Back (Acute & Chronic),",
                 "ODG Pain (Chronic)"):
        c = _one(f"Decision based on Non-MTUS Citation {lead} {written}.")
        assert (c.title is not None, c.topic) == (True, topic)


# Editions in one form, the spelled-out one of the gold ("Second Edition"), whatever the
# letter writes; the letter's words stay in the citation's text.
EDITION_ROWS = [
    ("6th ed", "Sixth Edition"), ("6th ed.", "Sixth Edition"), ("6th Ed.", "Sixth Edition"),
    ("6th edn", "Sixth Edition"), ("6th Edition", "Sixth Edition"), ("Sixth Edition", "Sixth Edition"),
    ("sixth edition", "Sixth Edition"), ("SIXTH EDITION", "Sixth Edition"),
    ("2nd ed", "Second Edition"), ("3rd Ed", "Third Edition"), ("1st edition", "First Edition"),
    ("12th edition", "Twelfth Edition"), ("20th ed.", "Twentieth Edition"),
    ("21st Annual Edition", "Twenty-First Edition"), ("21th Annual Edition", "Twenty-First Edition"),
    ("Twenty-First Edition", "Twenty-First Edition"), ("twenty first edition", "Twenty-First Edition"),
    ("22nd ed", "Twenty-Second Edition"), ("30th ed", "Thirtieth Edition"),
    ("14th edition (web)", "Fourteenth Edition"),
]


@pytest.mark.parametrize(("written", "edition"), EDITION_ROWS)
@pytest.mark.parametrize(("before", "after", "guideline"), [
    ("ACOEM Practice Guidelines,", ", Chapter 12", "ACOEM"),
    ("Official Disability Guidelines (ODG),", ", Pain Chapter", "ODG"),
    ("Harrison's Principles of Internal Medicine,", "", "Literature"),
    ("Campbell's Operative Orthopaedics", ", 2012", "Literature"),
])
def test_editions_in_one_form(before: str, after: str, guideline: str, written: str, edition: str) -> None:
    c = _one(f"Decision based on Non-MTUS Citation {before} {written}{after}.")
    assert (c.guideline, c.edition) == (guideline, edition)
    assert written.rstrip(".") in c.text and (c.topic is None or "ed" not in c.topic.lower())


def test_every_ordinal_reads_back_to_itself() -> None:
    for n in range(1, 100):
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(n % 10 if n % 100 not in (11, 12, 13) else 0, "th")
        spelled = _one(f"Decision based on ACOEM, {n}{suffix} Edition.").edition
        assert spelled is not None and spelled.endswith(" Edition")
        assert _one(f"Decision based on ACOEM, {spelled.lower()}.").edition == spelled, n


# Books and journal articles: guideline "Literature" (or the publication's own short
# name), with title, edition, year, volume, issue and pages.
LITERATURE_ROWS: list[tuple[str, dict[str, Any]]] = [
    ("Harrison's Principles of Internal Medicine, 19th Edition, 2015",
     {"guideline": "Literature", "title": "Harrison's Principles of Internal Medicine",
      "edition": "Nineteenth Edition", "year": 2015}),
    ("Harrison's Principles of Internal Medicine",
     {"guideline": "Literature", "title": "Harrison's Principles of Internal Medicine", "edition": None}),
    ("Rockwood and Green's Fractures in Adults, Eighth Edition",
     {"guideline": "Literature", "title": "Rockwood and Green's Fractures in Adults",
      "edition": "Eighth Edition"}),
    ("Netter's Atlas of Human Anatomy, 6th ed, page 212",
     {"guideline": "Literature", "title": "Netter's Atlas of Human Anatomy", "edition": "Sixth Edition",
      "pages": [212]}),
    ("Textbook of Pain, Fifth Edition, Chapter 3",
     {"guideline": "Literature", "title": "Textbook of Pain", "edition": "Fifth Edition", "chapter": 3}),
    ("Spine (Phila Pa 1976). 2009;34(10):1066-77",
     {"guideline": "Literature", "title": "Spine (Phila Pa 1976)", "year": 2009, "volume": "34",
      "issue": "10", "pages": list(range(1066, 1078))}),
    ("J Bone Joint Surg Am 2008",
     {"guideline": "Literature", "title": "J Bone Joint Surg Am", "year": 2008}),
    ("J Bone Joint Surg Am. 2008 May;90(5):1000-10",
     {"guideline": "Literature", "title": "J Bone Joint Surg Am", "year": 2008, "volume": "90",
      "issue": "5", "pages": list(range(1000, 1011))}),
    ("Clin J Pain 2014;30:1-8",
     {"guideline": "Literature", "title": "Clin J Pain", "year": 2014, "volume": "30", "issue": None,
      "pages": list(range(1, 9))}),
    ("Doe A, Roe B. Opioids for low back pain. Pain Physician 2012;15(3 Suppl):ES67-76",
     {"guideline": "Literature", "title": "Opioids for low back pain", "year": 2012, "volume": "15",
      "issue": "3 Suppl", "pages": []}),
    ("Cochrane Database Syst Rev. 2015;(3):CD001234",
     {"guideline": "Cochrane", "title": "Cochrane Database Syst Rev", "year": 2015, "volume": None,
      "issue": "3"}),
    ("Roe B, et al. Massage for low back pain. Cochrane Database of Systematic Reviews 2015;9",
     {"guideline": "Cochrane", "title": "Massage for low back pain", "year": 2015, "volume": "9"}),
    ("UpToDate, Evaluation of low back pain in adults",
     {"guideline": "UpToDate", "title": "Evaluation of low back pain in adults"}),
    ("Medscape, Lumbar radiculopathy, 2016",
     {"guideline": "Medscape", "title": "Lumbar radiculopathy", "year": 2016}),
    ("Official Disability Guidelines Treatment in Workers' Compensation, 21st Annual Edition, 2016",
     {"guideline": "ODG", "title": None, "edition": "Twenty-First Edition", "year": 2016}),
    ("Other Medical Treatment Guidelines: Harrison's Principles of Internal Medicine, 20th ed",
     {"guideline": "Literature", "title": "Harrison's Principles of Internal Medicine",
      "edition": "Twentieth Edition"}),
]


@pytest.mark.parametrize(("cited", "expected"), LITERATURE_ROWS)
def test_books_and_journals(cited: str, expected: dict[str, Any]) -> None:
    for label in ("Non-MTUS Citation ", ""):
        result = parse_basis(f"Decision based on {label}{cited}.")
        check_spans(f"Decision based on {label}{cited}.", result.citations)
        check_citations(result.citations, [{"mtus": False} | expected])


@pytest.mark.parametrize(("line", "texts"), [
    ("Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Low Back, Physical "
     "Therapy. Official Disability Guidelines (ODG) Preface, Physical Therapy Guidelines.",
     ["Official Disability Guidelines (ODG) Low Back, Physical Therapy",
      "Official Disability Guidelines (ODG) Preface, Physical Therapy Guidelines"]),
    ("Decision based on Non-MTUS Citation ODG Knee. ACOEM Practice Guidelines, Chapter 13.",
     ["ODG Knee", "ACOEM Practice Guidelines, Chapter 13"]),
    # a period before a guideline's name inside a reference that names none before it
    ("Decision based on Non-MTUS Citation Doe A, et al. Syncope in adults. UpToDate, accessed "
     "02/18/2017.", ["Doe A, et al. Syncope in adults. UpToDate, accessed 02/18/2017"]),
])
def test_two_citations_in_one_sentence_cut_at_a_period(line: str, texts: list[str]) -> None:
    assert [c.text for c in parse_basis(line).citations] == texts


# --------------------------------------------------------------------------- find_citations

PROSE_CASES: list[tuple[str, list[dict[str, Any]]]] = [
    # the gold seeds, exactly
    ("Yes, the request was medically necessary. The MTUS Guideline in ACOEM Chapter 3, page 48 does "
     "stipulate that the value of physical therapy increases with a prescription.",
     [{"guideline": "ACOEM", "mtus": True, "chapter": 3, "pages": [48],
       "text": "MTUS Guideline in ACOEM Chapter 3, page 48"}]),
    ("While the MTUS Guideline in ACOEM Chapter 8, Table 8-8, page 182 does acknowledge that MRI or CT "
     "imaging is recommended, here, however, it was not.",
     [{"guideline": "ACOEM", "mtus": True, "chapter": 8, "pages": [182], "table": "8-8"}]),
    ("While the MTUS Guideline in ACOEM Chapter 8, page 178 does acknowledge that an imaging study may "
     "be appropriate.",
     [{"guideline": "ACOEM", "mtus": True, "chapter": 8, "pages": [178]}]),
    # bare mentions are not citations
    ("The California MTUS supports imaging studies with red flag conditions.", []),
    ("Per the ODG, the use of topical analgesics is recommended as an option for some agents.", []),
    ("MTUS Guidelines state that unequivocal objective findings are sufficient evidence.", []),
    ("According to the ACOEM and MTUS Guidelines, physical therapy is recommended for 8-10 sessions.", []),
    ("The Official Disability Guidelines (ODG) state that for uncomplicated low back pain MRI is not "
     "recommended.", []),
    ("Techniques vary in their abilities to define abnormalities (Table 12-7).", []),
    # anchored references
    ("As noted on page 82 of the MTUS Chronic Pain Medical Treatment Guidelines (July 28, 2016), no "
     "more than one set is recommended.",
     [{"guideline": "CPMTG", "mtus": True, "pages": [82], "year": 2016,
       "title": "Chronic Pain Medical Treatment",
       "text": "page 82 of the MTUS Chronic Pain Medical Treatment Guidelines (July 28, 2016)"}]),
    ("and while the Third Edition ACOEM Guidelines Low Back Disorders Chapter notes on page 607 that "
     "injections are not recommended",
     [{"guideline": "ACOEM", "mtus": None, "title": "Low Back Disorders", "edition": "Third Edition",
       "pages": [607], "topic": None}]),
    ("The MTUS/ACOEM (Neck and Upper Back Complaints) guidelines recommend MRI or CT to evaluate "
     "red-flag diagnoses.",
     [{"guideline": "ACOEM", "mtus": True, "chapter": 8, "title": "Neck and Upper Back Complaints",
       "text": "MTUS/ACOEM (Neck and Upper Back Complaints)"}]),
    ("Per the ODG Low Back Chapter, MRI section, repeat MRI is not routinely recommended.",
     [{"guideline": "ODG", "mtus": False, "title": "Low Back", "topic": "MRI"}]),
    ("MTUS 2016, Chronic Pain Medical Treatment Guidelines, pages 89-90 under Home health care services "
     "Section states that it is recommended.",
     [{"guideline": "CPMTG", "mtus": True, "year": 2016, "pages": [89, 90],
       "sections": ["Home health care services"]}]),
    ("The MTUS refers to ACOEM, Chapter 12, Low Back Complaints, Initial Care, Page 300 and Summary.",
     [{"guideline": "ACOEM", "chapter": 12, "title": "Low Back Complaints", "sections": ["Initial Care"],
       "pages": [300]}]),
    ("As noted in the MTUS Guideline in ACOEM Chapter 8, Table 8-8, page 181, NSAIDs are recommended. "
     "In a similar vein, the MTUS Guideline in ACOEM Chapter 3, Table 3-1, page 49 likewise notes so.",
     [{"chapter": 8, "table": "8-8", "pages": [181]}, {"chapter": 3, "table": "3-1", "pages": [49]}]),
    ("The MTUS 9792.24.2 states that opioids are not first line.", [{"guideline": "CPMTG", "mtus": True}]),
    ("Per ACOEM Guidelines, 2nd Edition (2004), Chapter 12, page 303, an MRI is indicated.",
     [{"guideline": "ACOEM", "chapter": 12, "pages": [303], "year": 2004, "edition": "Second Edition"}]),
    # what the sentence says about the reference decides its MTUS flag
    ("Per ACOEM Guidelines, 2nd Edition (2004), Chapter 12, page 303, which is part of the MTUS, an MRI "
     "is indicated.",
     [{"guideline": "ACOEM", "mtus": True, "chapter": 12, "pages": [303],
       "text": "ACOEM Guidelines, 2nd Edition (2004), Chapter 12, page 303"}]),
    ("According to the MTUS, section 9792.24.1, acupuncture is used when pain medication is reduced.",
     [{"guideline": "AMTG", "mtus": True, "topic": None, "text": "MTUS, section 9792.24.1"}]),
    ("Per the ODG Pain Chapter (Online Version), Opioids, an opioid is not a first-line drug.",
     [{"guideline": "ODG", "title": "Pain", "edition": "Online version", "topic": "Opioids"}]),
]


@pytest.mark.parametrize(("text", "expected"), PROSE_CASES, ids=[f"prose{i}" for i in range(len(PROSE_CASES))])
def test_find_citations(text: str, expected: list[dict[str, Any]]) -> None:
    found = find_citations(text)
    check_spans(text, found)
    check_citations(found, expected)


# --------------------------------------------------------------------------- completeness


@pytest.mark.parametrize(("citation", "expected"), [
    (Citation(text="x", guideline="ACOEM", chapter=8), "full"),
    (Citation(text="x", guideline="ODG", topic="MRI"), "full"),
    (Citation(text="x", guideline="CPMTG", sections=("Biofeedback",)), "full"),
    (Citation(text="x", guideline="ACOEM", pages=(48,)), "full"),
    (Citation(text="x", guideline="ODG"), "partial"),
    (Citation(text="x", guideline="Other", url="http://example.org"), "partial"),
    (Citation(text="x"), "unrecognised"),
    (Citation(text="x", chapter=8, pages=(1,)), "unrecognised"),
])
def test_citation_completeness(citation: Citation, expected: str) -> None:
    assert citation_completeness(citation) == expected


# --------------------------------------------------------------------------- the vocabulary


@pytest.mark.parametrize("guideline", vocab.GUIDELINES, ids=lambda g: g.short)
def test_every_guideline_name_is_found(guideline: vocab.GuidelineInfo) -> None:
    for name in guideline.names:
        (c,) = parse_basis(f"Decision based on Non-MTUS Citation {name}, page 12.").citations
        assert c.guideline == guideline.short, name
        assert c.pages == (12,)


def test_acronyms_need_capitals_but_core_names_do_not() -> None:
    assert parse_basis("Decision based on Non-MTUS Citation nice guidelines.").citations[0].guideline is None
    assert parse_basis("Decision based on Non-MTUS Citation NICE guidelines.").citations[0].guideline == "NICE"
    assert parse_basis("Decision based on Non-MTUS Citation odg, Knee.").citations[0].guideline == "ODG"


@pytest.mark.parametrize("chapter", [c for c in vocab.ACOEM_CHAPTERS], ids=lambda c: c.title)
def test_acoem_titles_imply_their_chapter(chapter: vocab.AcoemChapter) -> None:
    for title in (chapter.title, *chapter.aliases):
        (c,) = parse_basis(f"Decision based on MTUS {title} 2004.").citations
        assert (c.guideline, c.mtus, c.chapter, c.title, c.year) == ("ACOEM", True, chapter.number, title, 2004)


def test_acoem_chapter_numbers() -> None:
    numbers = {c.title: c.number for c in vocab.ACOEM_CHAPTERS}
    assert numbers["Neck and Upper Back Complaints"] == 8
    assert numbers["Shoulder Complaints"] == 9
    assert numbers["Elbow Complaints"] == 10
    assert numbers["Forearm, Wrist, and Hand Complaints"] == 11
    assert numbers["Low Back Complaints"] == 12
    assert numbers["Knee Complaints"] == 13
    assert numbers["Ankle and Foot Complaints"] == 14
    assert numbers["Stress Related Conditions"] == 15
    assert numbers["Eye"] == 16
    assert numbers["General Approaches"] is None


@pytest.mark.parametrize("chapter", vocab.ODG_CHAPTERS, ids=lambda c: c.title)
def test_odg_chapters(chapter: vocab.OdgChapter) -> None:
    for name in (chapter.title, *chapter.aliases):
        text = f"Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), {name} Chapter, Zeta."
        (c,) = parse_basis(text).citations
        assert (c.guideline, c.title, c.topic) == ("ODG", name, "Zeta"), name


@pytest.mark.parametrize("section", vocab.KNOWN_SECTIONS)
def test_known_sections_stay_whole(section: str) -> None:
    text = f"Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): {section}, Summary."
    (c,) = parse_basis(text).citations
    assert list(c.sections) == [section, "Summary"]


@pytest.mark.parametrize(("number", "expected"), sorted(vocab.MTUS_REGULATIONS.items()))
def test_mtus_regulations(number: str, expected: tuple[str, int | None]) -> None:
    (c,) = parse_basis(f"Decision based on MTUS {number}.").citations
    assert (c.guideline, c.chapter, c.mtus) == (*expected, True)


def test_mtus_family() -> None:
    assert vocab.MTUS_FAMILY == {"MTUS", "CPMTG", "OTG", "AMTG", "PTG", "Formulary"}


# --------------------------------------------------------------------------- robustness

FRAGMENTS = [
    "Decision based on ", "MTUS ", "Non-MTUS Citation ", "Official Disability Guidelines (ODG)", "ACOEM ",
    "Chapter 8 ", "Chapter Twelve", "Low Back Complaints 2004", "Neck and Upper Back", ", Section(s): ",
    "Special Studies", ", and ", "; ", "Page(s): 176-177", "page 12-4", "Table 8-8", "(updated 11/3/16)",
    "(July 28, 2016)", "3rd ed.", "Second Edition", "9792.24.2", "section 9792.24.1",
    ", which is not part of the MTUS", "which are part of the Medical Treatment Utilization Schedule (MTUS)",
    "(Online Version)", "8 C.C.R. ", "http://x.org/a.", "et al. ",
    "Pain (Chronic)", "(Acute & Chronic)", "Chapter:", "Topic", "which is not part of the MTUS",
    "did not cite any", "did not base their decision on the MTUS", "outside of the MTUS Guidelines",
    "Other Medical Treatment Guideline", "Smith J, ", "(", ")", ",", ".", " ", "  ", "-", "/", "İ", "\u00a0",
    "Forearm, Wrist, & Hand", "1.3 Opioids for Acute Pain: ", "the MTUS Guideline in ", "on page 607 ",
    "2009;34(10):1066-77", ";(3):CD001234", "Harrison's ", "21st Annual Edition", "(web)", ". ",
    "Low Back, Lumbar & Thoracic", "twenty-first edition", "J Bone Joint Surg Am ", "Cochrane ",
]

texts = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6)), max_size=40).map("".join),
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_parse_basis_never_fails(text: str) -> None:
    basis = parse_basis(text)
    assert basis.text == text.strip()
    check_spans(text, basis.citations)
    for c in basis.citations:
        assert citation_completeness(c) in ("full", "partial", "unrecognised")
        assert all(0 <= p <= 9999 for p in c.pages) and len(set(c.pages)) == len(c.pages)
        assert c.chapter is None or 0 <= c.chapter <= 99


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_find_citations_never_fails(text: str) -> None:
    check_spans(text, find_citations(text))


MEGABYTE = 1_000_000
HUGE_LINES = {
    "spaces": " " * MEGABYTE,
    "letters": ("abcdefghij klmnop " * 60000)[:MEGABYTE],
    "parentheses": "(" * MEGABYTE,
    "names": ("ODG MTUS ACOEM " * 70000)[:MEGABYTE],
    "space runs": ("Decision based on Non-MTUS Citation ODG, Knee" + " " * 5000 + "x, ") * 190,
    "sections": ("Decision based on MTUS Low Back Complaints 2004, Section(s): " + "Aa, bb, " * 130000)[:MEGABYTE],
    "citations": ("Decision based on MTUS Low Back Complaints 2004, and Knee Complaints 2004. " * 14000)[:MEGABYTE],
    "references": ("the MTUS Guideline in ACOEM Chapter 8, Table 8-8, page 182, " * 17000)[:MEGABYTE],
    "part of": (("ODG, page 1, which is not part of the California Medical Treatment Utilization Schedule"
                 + " " * 200 + "(  mtus " * 20) * 3000)[:MEGABYTE],
    "journals": ("Decision based on Spine 2009;34(10):1066-77, J Pain 2010;(2):e1-9; " * 16000)[:MEGABYTE],
    "periods": ("Decision based on ODG Knee. ACOEM. Harrison's Book, 6th ed. " * 17000)[:MEGABYTE],
    "regulation words": ("Decision based on MTUS subsection" + " " * 300 + "§ sec. 9792.24.1 8 CCR "
                         + " " * 300) * 1500,
}


@pytest.mark.slow
@pytest.mark.parametrize("name", HUGE_LINES)
def test_linear_up_to_a_megabyte_line(name: str) -> None:
    # Linear patterns and a per-call budget: no input makes the reader slow down per
    # character as it grows (quadratic backtracking would).
    for fn in (parse_basis, find_citations):
        assert_linear(fn, prefix_of(HUGE_LINES[name]))
