"""Guideline lines and rationale citations in the wordings of every era (made up).

The sample letters are all from December 2016 to February 2017. Letters of 2013-2016 cite
the 2009 MTUS (Chronic Pain Medical Treatment Guidelines, ACOEM 2nd Edition chapters,
Postsurgical and Acupuncture guidelines) and the ODG by chapter and topic; letters of
2017-2019 cite the updated MTUS (ACOEM 3rd Edition guidelines, the Drug Formulary,
regulation numbers) and the literature. Every row below is written from how
utilization-review and IMR letters cite them, not copied from a letter; only the fields
a row names are checked (see test_citations.check_citations).
"""

from __future__ import annotations

from typing import Any

import pytest

from imrparse.fields.citations import find_citations, parse_basis

from .test_citations import check_citations, check_spans

CP = {"guideline": "CPMTG", "mtus": True}
AC = {"guideline": "ACOEM"}
ODG = {"guideline": "ODG", "mtus": False}
LIT = {"guideline": "Literature", "mtus": False}
R74_96 = list(range(74, 97))

Row = tuple[str, dict[str, Any], list[dict[str, Any]]]

# --------------------------------------------------------------------------- 2013-2014
# "The Claims Administrator based its decision on ..., which is (not) part of the MTUS."
EARLY: list[Row] = [
    ("The Claims Administrator based its decision on the Chronic Pain Medical Treatment Guidelines 2009, "
     "Opioids, criteria for use, page 76-78, which is part of the MTUS.",
     {"based_on_mtus": True},
     [CP | {"year": 2009, "pages": [76, 77, 78], "sections": ["Opioids, criteria for use"]}]),
    ("The Claims Administrator based its decision on the American College of Occupational and "
     "Environmental Medicine (ACOEM), 2nd Edition, (2004), Chapter 12, Low Back Complaints, page 303, "
     "which is part of the MTUS.",
     {"based_on_mtus": True},
     [AC | {"mtus": True, "chapter": 12, "title": "Low Back Complaints", "edition": "Second Edition",
            "year": 2004, "pages": [303]}]),
    ("The Claims Administrator based its decision on the Official Disability Guidelines - Treatment in "
     "Workers' Compensation, Knee & Leg Chapter, Hyaluronic acid injections, which is not part of the MTUS.",
     {"based_on_mtus": False},
     [ODG | {"title": "Knee & Leg", "topic": "Hyaluronic acid injections"}]),
    ("The Expert Reviewer based his/her decision on the MTUS Chronic Pain Medical Treatment Guidelines, "
     "Topical Analgesics, pages 111-113, which is part of the MTUS.",
     {"based_on_mtus": True},
     [CP | {"pages": [111, 112, 113], "sections": ["Topical Analgesics"]}]),
    ("The Expert Reviewer based his/her decision on the Official Disability Guidelines (ODG), Pain "
     "Chapter, Opioids, criteria for use, which is not part of the MTUS.",
     {"based_on_mtus": False},
     [ODG | {"title": "Pain", "topic": "Opioids, criteria for use"}]),
    ("The Expert Reviewer found that the MTUS did not address the request. The Expert Reviewer based "
     "his/her decision on the Official Disability Guidelines (ODG), Low Back Chapter, Lumbar supports.",
     {"based_on_mtus": False},
     [ODG | {"title": "Low Back", "topic": "Lumbar supports"}]),
    ("The MTUS is silent on cold therapy units; therefore the Expert Reviewer based his/her decision "
     "on the ODG, Shoulder Chapter, Continuous-flow cryotherapy.",
     {"based_on_mtus": False},
     [ODG | {"title": "Shoulder", "topic": "Continuous-flow cryotherapy"}]),
    ("The MTUS does not address home traction units. The Expert Reviewer based his/her decision on the "
     "ODG Neck and Upper Back Chapter, Traction (mechanical).",
     {"based_on_mtus": False},
     [ODG | {"title": "Neck and Upper Back", "topic": "Traction (mechanical)"}]),
    ("The Expert Reviewer found that no section of the MTUS was applicable. Per the Strength of Evidence "
     "hierarchy established by the California Department of Industrial Relations, Division of Workers' "
     "Compensation, the Expert Reviewer based his/her decision on the Official Disability Guidelines "
     "(ODG), Neck and Upper Back Chapter, Magnetic resonance imaging (MRI).",
     {"based_on_mtus": False},
     [ODG | {"title": "Neck and Upper Back", "topic": "Magnetic resonance imaging (MRI)"}]),
    ("The Expert Reviewer found that the MTUS was not applicable and based his/her decision on the "
     "Official Disability Guidelines (ODG), Head Chapter, CT (computed tomography).",
     {"based_on_mtus": False},
     [ODG | {"title": "Head", "topic": "CT (computed tomography)"}]),
    ("The Expert Reviewer did not cite any guidelines for his/her decision.",
     {"cited_evidence": False}, []),
    ("The Claims Administrator based its decision on the ACOEM Occupational Medicine Practice "
     "Guidelines, 2nd Edition (2004), Chapter 7, Independent Medical Examinations and Consultations, "
     "page 127, which is part of the MTUS.",
     {"based_on_mtus": True},
     [AC | {"mtus": True, "chapter": 7, "title": "Independent Medical Examinations and Consultations",
            "pages": [127], "edition": "Second Edition", "year": 2004}]),
    ("The Physician Reviewer based his/her decision on the MTUS ACOEM Guidelines, Chapter 9, Shoulder "
     "Complaints, page 207-209.",
     {"based_on_mtus": True},
     [AC | {"mtus": True, "chapter": 9, "title": "Shoulder Complaints", "pages": [207, 208, 209]}]),
    ("The Expert Reviewer based his/her decision on the Postsurgical Treatment Guidelines (2009), Knee, "
     "page 24-25, which is part of the MTUS.",
     {"based_on_mtus": True},
     [{"guideline": "PTG", "mtus": True, "year": 2009, "pages": [24, 25]}]),
    ("The Expert Reviewer based his/her decision on the Acupuncture Medical Treatment Guidelines, which "
     "is part of the MTUS.",
     {"based_on_mtus": True}, [{"guideline": "AMTG", "mtus": True}]),
    ("The Claims Administrator based its decision on the ODG-TWC Pain Procedure Summary, Opioids, "
     "criteria for use, which is not part of the MTUS.",
     {"based_on_mtus": False},
     [ODG | {"title": "Pain", "topic": "Opioids, criteria for use"}]),
    ("The Claims Administrator based its decision on the Official Disability Guidelines (ODG), Treatment "
     "Index, 11th Edition (web), 2013, Low Back Chapter, MRI.",
     {}, [ODG | {"edition": "Eleventh Edition", "year": 2013, "title": "Low Back", "topic": "MRI"}]),
    ("The Expert Reviewer based his/her decision on the MTUS ACOEM Practice Guidelines, 2nd Edition "
     "(2004), Chapter 12, page 303-305, which is part of the MTUS, and the Official Disability Guidelines "
     "(ODG), Low Back Chapter, MRI, which is not part of the MTUS.",
     {"based_on_mtus": True},
     [AC | {"mtus": True, "chapter": 12, "pages": [303, 304, 305]},
      ODG | {"title": "Low Back", "topic": "MRI"}]),
    ("The Expert Reviewer based his/her decision on the MTUS Chronic Pain Medical Treatment Guidelines, "
     "page 78, and the ODG Pain Chapter, Urine Drug Testing.",
     {"based_on_mtus": True},
     [CP | {"pages": [78]}, ODG | {"title": "Pain", "topic": "Urine Drug Testing"}]),
    ("The Expert Reviewer based his/her decision on the CA MTUS ACOEM, 2nd Edition, Chapter 8, page "
     "177-178.",
     {"based_on_mtus": True},
     [AC | {"mtus": True, "chapter": 8, "pages": [177, 178], "edition": "Second Edition"}]),
    ("The Expert Reviewer based his/her decision on the Non-MTUS Official Disability Guidelines (ODG), "
     "Knee & Leg Chapter, Criteria for the use of TENS.",
     {}, [ODG | {"title": "Knee & Leg", "topic": "Criteria for the use of TENS"}]),
    ("The Expert Reviewer based his/her decision on the MTUS Postsurgical Treatment Guidelines, page 10, "
     "which is part of the MTUS.",
     {}, [{"guideline": "PTG", "mtus": True, "pages": [10]}]),
    ("The Expert Reviewer based his/her decision on the American College of Occupational and "
     "Environmental Medicine (ACOEM) Practice Guidelines, 3rd Edition, Chapter 6, which is not part of "
     "the MTUS.",
     {"based_on_mtus": False},
     [AC | {"mtus": False, "chapter": 6, "edition": "Third Edition"}]),
    ("The Claims Administrator based its decision on the Chronic Pain Medical Treatment Guidelines "
     "(May 2009), Muscle relaxants (for pain), page 63-66, which is part of the MTUS.",
     {}, [CP | {"year": 2009, "pages": [63, 64, 65, 66], "sections": ["Muscle relaxants (for pain)"]}]),
    ("the claims administrator based its decision on the mtus chronic pain medical treatment guidelines, "
     "page 111, which is part of the mtus.",
     {"based_on_mtus": True}, [CP | {"pages": [111]}]),
    ("The Claims Administrator based its decision on the Official Disability Guidelines (ODG), "
     "Forearm, Wrist & Hand Chapter, Splints, which is not part of the MTUS.",
     {}, [ODG | {"title": "Forearm, Wrist & Hand", "topic": "Splints"}]),
    ("The Claims Administrator based its decision on the ODG Mental Illness & Stress Chapter, "
     "Psychotherapy Guidelines, which is not part of the MTUS.",
     {}, [ODG | {"title": "Mental Illness & Stress", "topic": "Psychotherapy Guidelines"}]),
    ("The Expert Reviewer based his/her decision on the Official Disability Guidelines (ODG), Hip & "
     "Pelvis (Acute & Chronic), Arthroscopy, which is not part of the MTUS.",
     {}, [ODG | {"title": "Hip & Pelvis (Acute & Chronic)", "topic": "Arthroscopy"}]),
]

# --------------------------------------------------------------------------- 2014-2016
# "Decision based on MTUS ..." / "Decision based on Non-MTUS Citation ...", messy forms.
MIDDLE: list[Row] = [
    ("Decision based on MTUS Chronic Pain Medical Treatment Guidelines 2009, Page(s): 78.",
     {"based_on_mtus": True}, [CP | {"year": 2009, "pages": [78]}]),
    ("Decision based on MTUS Chronic Pain Medical Treatment 2009, Page(s): 74-96, Opioids.",
     {}, [CP | {"year": 2009, "pages": R74_96, "topic": "Opioids"}]),
    ("Decision based on MTUS ACOEM Chapter 12 Low Back Complaints Page(s): 303-305.",
     {}, [AC | {"mtus": True, "chapter": 12, "pages": [303, 304, 305]}]),
    ("Decision based on MTUS Knee Complaints 2004, Section(s): Summary, Special Studies.",
     {}, [AC | {"mtus": True, "chapter": 13, "year": 2004, "sections": ["Summary", "Special Studies"]}]),
    ("Decision based on MTUS Shoulder Complaints 2004, and Chronic Pain Medical Treatment 2009, "
     "Section(s): Physical Medicine.",
     {}, [AC | {"chapter": 9, "year": 2004}, CP | {"year": 2009, "sections": ["Physical Medicine"]}]),
    ("Decision based on MTUS Forearm, Wrist, and Hand Complaints 2004, Section(s): Special Studies.",
     {}, [AC | {"chapter": 11, "title": "Forearm, Wrist, and Hand Complaints", "year": 2004}]),
    ("Decision based on MTUS Ankle and Foot Complaints 2004.", {}, [AC | {"chapter": 14, "year": 2004}]),
    ("Decision based on MTUS Stress Related Conditions 2004.", {}, [AC | {"chapter": 15, "year": 2004}]),
    ("Decision based on MTUS Elbow Disorders (Revised 2007).",
     {}, [AC | {"chapter": 10, "title": "Elbow Disorders", "year": 2007}]),
    ("Decision based on MTUS Postsurgical Treatment 2009, Section(s): Shoulder.",
     {}, [{"guideline": "PTG", "year": 2009, "sections": ["Shoulder"]}]),
    ("Decision based on Non-MTUS Citation ODG-TWC Low Back Procedure Summary, Epidural steroid "
     "injections.",
     {}, [ODG | {"title": "Low Back", "topic": "Epidural steroid injections"}]),
    ("Decision based on Non-MTUS Citation ODG-TWC, Knee & Leg (Acute & Chronic), Platelet-rich plasma "
     "(PRP).",
     {}, [ODG | {"title": "Knee & Leg (Acute & Chronic)", "topic": "Platelet-rich plasma (PRP)"}]),
    ("Decision based on Non-MTUS Citation Official Disability Guidelines - Treatment in Workers' "
     "Compensation, Pain (Chronic), Opioids, criteria for use.",
     {}, [ODG | {"title": "Pain (Chronic)", "topic": "Opioids, criteria for use"}]),
    ("Decision based on Non-MTUS Citation Official Disability Guidelines, Mental Illness & Stress, "
     "Cognitive therapy for depression.",
     {}, [ODG | {"title": "Mental Illness & Stress", "topic": "Cognitive therapy for depression"}]),
    ("Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Head, MRI (magnetic "
     "resonance imaging).",
     {}, [ODG | {"title": "Head", "topic": "MRI (magnetic resonance imaging)"}]),
    ("Decision based on Non-MTUS Citation ODG Forearm, Wrist & Hand (Acute & Chronic), Splints.",
     {}, [ODG | {"title": "Forearm, Wrist & Hand (Acute & Chronic)", "topic": "Splints"}]),
    ("Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Shoulder (Acute & "
     "Chronic), Surgery for impingement syndrome.",
     {}, [ODG | {"title": "Shoulder (Acute & Chronic)", "topic": "Surgery for impingement syndrome"}]),
    ("Decision based on Non-MTUS Citation ODG Low Back - Lumbar & Thoracic (Acute & Chronic), Lumbar "
     "supports.",
     {}, [ODG | {"title": "Low Back - Lumbar & Thoracic (Acute & Chronic)", "topic": "Lumbar supports"}]),
    ("Decision based on Non-MTUS Citation ODG TWC Neck and Upper Back (Acute & Chronic), Cervical "
     "traction.",
     {}, [ODG | {"title": "Neck and Upper Back (Acute & Chronic)", "topic": "Cervical traction"}]),
    ("Decision based on Non-MTUS Citation Official Disability Guidelines Treatment in Workers' Comp, "
     "Knee and Leg, Durable medical equipment (DME).",
     {}, [ODG | {"title": "Knee and Leg", "topic": "Durable medical equipment (DME)"}]),
    ("Decision based on Non-MTUS Citation ODG, Pain Chapter, Opioids, specific drug list.",
     {}, [ODG | {"title": "Pain", "topic": "Opioids, specific drug list"}]),
    ("Decision based on Non-MTUS Citation Official Disability Guidelines, Carpal Tunnel Syndrome, "
     "Carpal tunnel release surgery (CTR).",
     {}, [ODG | {"title": "Carpal Tunnel Syndrome", "topic": "Carpal tunnel release surgery (CTR)"}]),
    ("Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Ankle & Foot, "
     "Orthotic devices.",
     {}, [ODG | {"title": "Ankle & Foot", "topic": "Orthotic devices"}]),
    ("Decision based on Non-MTUS Citation ODG Elbow Chapter, Tennis elbow band.",
     {}, [ODG | {"title": "Elbow", "topic": "Tennis elbow band"}]),
    ("Decision based on Non-MTUS Citation ACOEM, 3rd Edition (2011), Chronic Pain Chapter, Opioids.",
     {}, [AC | {"mtus": False, "title": "Chronic Pain", "edition": "Third Edition", "year": 2011,
                "topic": "Opioids"}]),
    ("Decision based on Non-MTUS Citation ACOEM Practice Guidelines, 3rd Edition, Low Back Disorders "
     "(2011).",
     {}, [AC | {"mtus": False, "title": "Low Back Disorders", "edition": "Third Edition", "year": 2011,
                "chapter": None}]),
    ("Decision based on Non-MTUS Citation American College of Occupational and Environmental Medicine "
     "(ACOEM), 2nd Edition, (2004), Chapter 6, page 115.",
     {}, [AC | {"mtus": False, "chapter": 6, "pages": [115], "edition": "Second Edition", "year": 2004}]),
    ("decision based on mtus chronic pain medical treatment guidelines page 78",
     {"based_on_mtus": True}, [CP | {"pages": [78]}]),
    ("Decision based on CA MTUS Chronic Pain Medical Treatment Guidelines pg. 113",
     {}, [CP | {"pages": [113]}]),
    ("Decision based on MTUS ACOEM Chapter 6 page 115",
     {}, [AC | {"mtus": True, "chapter": 6, "pages": [115]}]),
    ("Decision based on MTUS Chronic Pain Medical Treatment Guidelines p 78",
     {}, [CP | {"pages": [78]}]),
    ("Decision based on MTUS Chronic Pain Medical Treatment Guidelines, pp. 74-96",
     {}, [CP | {"pages": R74_96}]),
    ("Decision based on MTUS Chronic Pain Medical Treatment Guidelines, p. 9",
     {}, [CP | {"pages": [9]}]),
    ("Decision based on Non-MTUS Citation ODG Pain chapter, opioids",
     {}, [ODG | {"title": "Pain", "topic": "opioids"}]),
    ("Decision based on MTUS Chronic Pain Medical Treatment Guideline, page 22",
     {}, [CP | {"pages": [22]}]),
    ("Decision based on MTUS Chronic Pain Guidelines, page 67-68",
     {}, [CP | {"pages": [67, 68]}]),
    ("Decision based on MTUS Chronic Pain Treatment Guidelines, Lidoderm (lidocaine patch), page 56-57",
     {}, [CP | {"pages": [56, 57], "sections": ["Lidoderm (lidocaine patch)"]}]),
    ("Decision based on MTUS ACOEM Practice Guidelines 2nd Edition 2004 Chapter 12 page 303",
     {}, [AC | {"mtus": True, "chapter": 12, "pages": [303], "edition": "Second Edition", "year": 2004}]),
    ("Decision based on MTUS/ACOEM, Chapter 13, Knee Complaints, Table 13-6, page 346",
     {}, [AC | {"mtus": True, "chapter": 13, "title": "Knee Complaints", "table": "13-6", "pages": [346]}]),
    ("Decision based on Medical Treatment Utilization Schedule, Chronic Pain Medical Treatment "
     "Guidelines, Muscle relaxants (for pain), pages 63-66",
     {}, [CP | {"pages": [63, 64, 65, 66], "sections": ["Muscle relaxants (for pain)"]}]),
    ("Decision based on Non-MTUS Citation ODG Knee and Leg; ODG Low Back.",
     {}, [ODG | {"title": "Knee and Leg"}, ODG | {"title": "Low Back"}]),
    ("Decision based on MTUS Low Back Complaints 2004 and Chronic Pain Medical Treatment 2009.",
     {}, [AC | {"chapter": 12, "year": 2004}, CP | {"year": 2009}]),
    ("Decision based on MTUS Low Back Complaints 2004; Chronic Pain Medical Treatment 2009, Section(s): "
     "Opioids, criteria for use.",
     {}, [AC | {"chapter": 12}, CP | {"sections": ["Opioids, criteria for use"]}]),
    ("Decision based on MTUS: ACOEM, Chapter 12: Low Back Complaints, Page 303.",
     {}, [AC | {"mtus": True, "chapter": 12, "title": "Low Back Complaints", "pages": [303]}]),
    ("Decision based on MTUS 2009: Chronic Pain Medical Treatment Guidelines, page 60.",
     {}, [CP | {"year": 2009, "pages": [60]}]),
    ("Decision based on MTUS Chronic Pain Medical Treatment 2009, Section(s): Antidepressants for "
     "chronic pain, Antiepilepsy drugs (AEDs).",
     {}, [CP | {"sections": ["Antidepressants for chronic pain", "Antiepilepsy drugs (AEDs)"]}]),
    ("Decision based on MTUS Acupuncture Medical Treatment Guidelines, 9792.24.1.",
     {}, [{"guideline": "AMTG", "mtus": True}]),
    ("Decision based on MTUS ACOEM, Chapter 11, Forearm, Wrist and Hand Complaints, Table 11-7, page 272.",
     {}, [AC | {"chapter": 11, "table": "11-7", "pages": [272]}]),
    ("DECISION BASED ON MTUS CHRONIC PAIN MEDICAL TREATMENT GUIDELINES, PAGE 49.",
     {"based_on_mtus": True}, [CP | {"pages": [49]}]),
    ("Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Low Back, Fusion (spinal);"
     " and Official Disability Guidelines (ODG), Low Back, Hospital length of stay (LOS).",
     {}, [ODG | {"title": "Low Back", "topic": "Fusion (spinal)"},
          ODG | {"title": "Low Back", "topic": "Hospital length of stay (LOS)"}]),
]

# --------------------------------------------------------------------------- 2017-2019
LATE: list[Row] = [
    ("Decision based on MTUS (ACOEM Practice Guidelines, 3rd Edition (2017)) Low Back Disorders.",
     {"based_on_mtus": True},
     [AC | {"mtus": True, "title": "Low Back Disorders", "edition": "Third Edition", "year": 2017}]),
    ("Decision based on MTUS Low Back Disorders Guideline.",
     {}, [AC | {"mtus": True, "title": "Low Back Disorders", "chapter": None}]),
    ("Decision based on MTUS ACOEM Chronic Pain Guideline (2017).",
     {}, [AC | {"mtus": True, "title": "Chronic Pain", "year": 2017}]),
    ("Decision based on ACOEM Chronic Pain Guideline (2017), Opioids.",
     {}, [AC | {"title": "Chronic Pain", "year": 2017, "topic": "Opioids"}]),
    ("Decision based on MTUS ACOEM Opioids Guideline (2017).",
     {}, [AC | {"mtus": True, "title": "Opioids", "year": 2017}]),
    ("Decision based on MTUS Drug Formulary.",
     {"based_on_mtus": True}, [{"guideline": "Formulary", "mtus": True}]),
    ("Decision based on MTUS Drug Formulary, 8 CCR 9792.27.15.",
     {}, [{"guideline": "Formulary", "mtus": True}]),
    ("Decision based on California MTUS Drug Formulary (effective January 1, 2018).",
     {}, [{"guideline": "Formulary", "mtus": True, "year": 2018}]),
    ("Decision based on Non-MTUS Citation ODG Drug Formulary.",
     {}, [ODG]),
    ("Decision based on MTUS Opioids Guideline (2017).",
     {}, [{"guideline": "OTG", "mtus": True, "year": 2017}]),
    ("Decision based on California MTUS Guidelines 8 CCR 9792.24.2.",
     {"based_on_mtus": True}, [CP]),
    ("Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Treatment Index, 13th "
     "Edition (web), 2015, Pain Chapter, Opioids.",
     {}, [ODG | {"edition": "Thirteenth Edition", "year": 2015, "title": "Pain", "topic": "Opioids"}]),
    ("Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Treatment Index, 13th "
     "Edition (web), 2015.",
     {}, [ODG | {"edition": "Thirteenth Edition", "year": 2015, "title": None, "topic": None}]),
    ("Decision based on MTUS (ACOEM Practice Guidelines, 3rd Edition (2017)), Chapter 12 Low Back "
     "Disorders, page 64.",
     {}, [AC | {"mtus": True, "chapter": 12, "title": "Low Back Disorders", "pages": [64]}]),
    ("Decision based on MTUS Cervical and Thoracic Spine Disorders (2016), Section(s): Diagnostic "
     "Investigations.",
     {}, [AC | {"mtus": True, "title": "Cervical and Thoracic Spine Disorders", "year": 2016,
                "sections": ["Diagnostic Investigations"]}]),
    ("Decision based on MTUS Shoulder Disorders (2016).",
     {}, [AC | {"mtus": True, "title": "Shoulder Disorders", "chapter": None}]),
    ("Decision based on MTUS Knee Disorders 2017.", {}, [AC | {"mtus": True, "title": "Knee Disorders"}]),
    ("Decision based on MTUS Hip and Groin Disorders (2011).",
     {}, [AC | {"mtus": True, "title": "Hip and Groin Disorders", "year": 2011}]),
    ("Decision based on MTUS Workplace Mental Health 2017.",
     {}, [AC | {"mtus": True, "title": "Workplace Mental Health"}]),
    ("Decision based on MTUS Hand, Wrist, and Forearm Disorders (2016).",
     {}, [AC | {"mtus": True, "title": "Hand, Wrist, and Forearm Disorders"}]),
    ("Decision based on MTUS Ankle and Foot Disorders (2017), Section(s): Orthotics.",
     {}, [AC | {"mtus": True, "title": "Ankle and Foot Disorders", "sections": ["Orthotics"]}]),
    ("Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Opioids, criteria for "
     "use. Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Pain (Chronic), "
     "Opioids, criteria for use (updated 12/13/17).",
     {"based_on_mtus": True},
     [CP | {"year": 2016, "sections": ["Opioids, criteria for use"]},
      ODG | {"title": "Pain (Chronic)", "topic": "Opioids, criteria for use"}]),
    ("Decision based on MTUS Opioid Treatment 2016, Section(s): 3.3.6 Opioids for Chronic Pain, Tapering.",
     {}, [{"guideline": "OTG", "sections": ["3.3.6 Opioids for Chronic Pain, Tapering"]}]),
    ("Decision based on MTUS Chronic Pain Medical Treatment Guidelines 8 C.C.R. 9792.20 - 9792.26 MTUS "
     "(Effective July 18, 2009), page 78.",
     {}, [CP | {"pages": [78], "year": 2009}]),
    ("Decision based on MTUS 8 CCR 9792.24.4, Opioids Treatment Guidelines.",
     {}, [{"guideline": "OTG", "mtus": True}]),
    ("Decision based on MTUS section 9792.24.3, page 26.",
     {}, [{"guideline": "PTG", "mtus": True, "pages": [26]}]),
    ("Decision based on MTUS Chronic Pain Medical Treatment Guidelines (2016), Chapter 6 page 115.",
     {}, [CP | {"year": 2016, "pages": [115]}]),
    ("Decision based on MTUS 2016 Chronic Pain Medical Treatment Guidelines, pages 48-49.",
     {}, [CP | {"year": 2016, "pages": [48, 49]}]),
    ("Decision based on Non-MTUS Citation Official Disability Guidelines, Low Back - Lumbar & Thoracic "
     "(Acute & Chronic) (updated 10/09/2017), Radiofrequency neurotomy.",
     {}, [ODG | {"title": "Low Back - Lumbar & Thoracic (Acute & Chronic)",
                 "topic": "Radiofrequency neurotomy"}]),
    ("Decision based on Non-MTUS Citation ODG Knee & Leg, Viscosupplementation (hyaluronic acid "
     "injections), updated 2/27/2018.",
     {}, [ODG | {"title": "Knee & Leg", "topic": "Viscosupplementation (hyaluronic acid injections)"}]),
]

# --------------------------------------------------------------------------- other bodies, literature
OTHERS: list[Row] = [
    ("Decision based on Non-MTUS Citation Other Medical Treatment Guideline or Medical Evidence: Chou R, "
     "et al. Spine. 2009;34(10):1066-77.",
     {}, [LIT | {"year": 2009, "volume": "34", "issue": "10"}]),
    ("Decision based on Non-MTUS Citation Smith AB, Jones CD, et al. Radiofrequency denervation for "
     "facet joint pain. Spine. 2014;39(6):E123-9.",
     {}, [LIT | {"year": 2014, "volume": "39", "issue": "6",
                 "title": "Radiofrequency denervation for facet joint pain"}]),
    ("Decision based on Non-MTUS Citation Nelson DA et al. Mechanism of injury. Pain Physician. "
     "2015;18(2):127-134.",
     {}, [LIT | {"year": 2015, "volume": "18", "issue": "2", "pages": list(range(127, 135))}]),
    ("Decision based on Non-MTUS Citation http://www.ncbi.nlm.nih.gov/pubmed/23456789",
     {}, [LIT]),
    ("Decision based on Non-MTUS Citation UpToDate: Treatment of acute low back pain.",
     {}, [{"guideline": "UpToDate", "mtus": False}]),
    ("Decision based on Non-MTUS Citation American Academy of Orthopaedic Surgeons, Management of "
     "Osteoarthritis of the Knee, 2nd Edition, 2013.",
     {}, [{"guideline": "AAOS", "mtus": False, "edition": "Second Edition", "year": 2013}]),
    ("Decision based on Non-MTUS Citation ACR Appropriateness Criteria, Chronic Neck Pain.",
     {}, [{"guideline": "ACR", "mtus": False}]),
    ("Decision based on Non-MTUS Citation Official Disability Guidelines, Neck & Upper Back; and "
     "American College of Radiology, ACR Appropriateness Criteria, Chronic Neck Pain.",
     {}, [ODG | {"title": "Neck & Upper Back"}, {"guideline": "ACR", "mtus": False}]),
    ("Decision based on Non-MTUS Citation Food and Drug Administration, Medication Guide for Soma.",
     {}, [{"guideline": "FDA", "mtus": False}]),
    ("Decision based on Non-MTUS Citation Centers for Disease Control and Prevention, Guideline for "
     "Prescribing Opioids for Chronic Pain, 2016.",
     {}, [{"guideline": "CDC", "mtus": False, "year": 2016}]),
    ("Decision based on Non-MTUS Citation Work Loss Data Institute, Pain (Chronic), Opioids.",
     {}, [ODG | {"title": "Pain (Chronic)", "topic": "Opioids"}]),
    # not a guideline a reader can name: left unknown (a doubt), never guessed
    ("Decision based on Non-MTUS Citation Guidelines for the management of chronic pain.",
     {}, [{"guideline": None, "mtus": False}]),
    ("Decision based on Non-MTUS Citation Evidence based medicine review.",
     {}, [{"guideline": None, "mtus": False}]),
]

ALL_ROWS = EARLY + MIDDLE + LATE + OTHERS


@pytest.mark.parametrize(("text", "basis", "citations"), ALL_ROWS,
                         ids=[f"line{i}" for i in range(len(ALL_ROWS))])
def test_guideline_lines_of_every_era(text: str, basis: dict[str, Any],
                                      citations: list[dict[str, Any]]) -> None:
    result = parse_basis(text)
    for key, value in basis.items():
        assert getattr(result, key) == value, key
    check_spans(text, result.citations)
    check_citations(result.citations, citations)


# --------------------------------------------------------------------------- rationales

PROSE_ROWS: list[tuple[str, list[dict[str, Any]]]] = [
    ("According to the CA MTUS Chronic Pain Medical Treatment Guidelines, page 78, ongoing management "
     "requires documentation.", [CP | {"pages": [78]}]),
    ("Per CA MTUS ACOEM, Chapter 12, Table 12-8, pages 308-310, imaging is recommended.",
     [AC | {"mtus": True, "chapter": 12, "table": "12-8", "pages": [308, 309, 310]}]),
    ("The MTUS Chronic Pain guidelines on page 113 state that it is not recommended.",
     [CP | {"pages": [113]}]),
    ("The Chronic Pain Medical Treatment Guidelines 2009, p 78, recommend four domains.",
     [CP | {"year": 2009, "pages": [78]}]),
    ("The MTUS Guidelines, pg. 113, state that it is not recommended.",
     [{"guideline": "MTUS", "mtus": True, "pages": [113]}]),
    ("ACOEM Guidelines Chapter 6 page 115 note that rest is not advised.",
     [AC | {"chapter": 6, "pages": [115]}]),
    ("Per ODG-TWC, Pain Chapter, Urine drug testing, testing is recommended.",
     [ODG | {"title": "Pain", "topic": "Urine drug testing"}]),
    ("As per the Official Disability Guidelines, Low Back - Lumbar & Thoracic (Acute & Chronic), "
     "Discography is not recommended.",
     [ODG | {"title": "Low Back - Lumbar & Thoracic (Acute & Chronic)", "topic": "Discography"}]),
    ("According to the MTUS Low Back Disorders Guideline, page 64, bed rest is not recommended.",
     [AC | {"mtus": True, "title": "Low Back Disorders", "pages": [64]}]),
    ("California MTUS Guidelines 8 CCR 9792.24.2 state that opioids are not first line.", [CP]),
    ("the Postsurgical Treatment Guidelines, page 24, allow 24 visits over 16 weeks.",
     [{"guideline": "PTG", "mtus": True, "pages": [24]}]),
    ("The MTUS Acupuncture Medical Treatment Guidelines, section 9792.24.1, state that it may be used.",
     [{"guideline": "AMTG", "mtus": True}]),
    ("MTUS ACOEM Chapter 7, page 127, states that a referral may be made.",
     [AC | {"mtus": True, "chapter": 7, "pages": [127]}]),
    ("Per ACOEM, 2nd Edition, Chapter 9, Shoulder Complaints, page 209, surgery is indicated.",
     [AC | {"chapter": 9, "pages": [209], "edition": "Second Edition"}]),
    ("The ACOEM Guidelines, 2nd Edition (2004), Table 11-7, list splinting as an option.",
     [AC | {"table": "11-7", "year": 2004}]),
    ("According to ODG, Knee & Leg (Acute & Chronic) Chapter, Hyaluronic acid injections, they are "
     "recommended.",
     [ODG | {"title": "Knee & Leg (Acute & Chronic)", "topic": "Hyaluronic acid injections"}]),
    ("Per MTUS Chronic Pain Medical Treatment Guidelines pages 48-49, a program is recommended.",
     [CP | {"pages": [48, 49]}]),
    ("The MTUS (ACOEM Chapter 12, page 303) recommends imaging for red flags.",
     [AC | {"mtus": True, "chapter": 12, "pages": [303]}]),
    ("Per the ODG Neck and Upper Back chapter, cervical epidurals are an option.",
     [ODG | {"title": "Neck and Upper Back"}]),
    ("The American College of Occupational and Environmental Medicine (ACOEM) guidelines, Chapter 13, "
     "page 343 state that surgery is indicated.", [AC | {"chapter": 13, "pages": [343]}]),
    ("MTUS Chronic Pain Medical Treatment Guidelines, page 78 and ACOEM Chapter 12, page 303 both apply.",
     [CP | {"pages": [78]}, AC | {"chapter": 12, "pages": [303]}]),
    ("Per the MTUS Opioids Guideline (2017), page 9, tapering is advised.",
     [{"guideline": "OTG", "mtus": True, "pages": [9], "year": 2017}]),
    ("The ODG Treatment Index, 13th Edition (web), 2015, Pain Chapter, Opioids, recommends screening.",
     [ODG | {"title": "Pain", "edition": "Thirteenth Edition", "year": 2015}]),
    ("As stated in MTUS Chronic Pain Medical Treatment Guidelines, Opioids, criteria for use, page 76-80, "
     "a trial is reasonable.", [CP | {"pages": [76, 77, 78, 79, 80]}]),
    ("The MTUS ACOEM guidelines Chapter 8 Table 8-8 page 181-183 recommend it.",
     [AC | {"mtus": True, "chapter": 8, "table": "8-8", "pages": [181, 182, 183]}]),
    ("Per the ACOEM Chronic Pain Guideline (2017), page 45, opioids are not recommended.",
     [AC | {"title": "Chronic Pain", "year": 2017, "pages": [45]}]),
    ("per the mtus chronic pain medical treatment guidelines, page 9, a plan is required.",
     [CP | {"pages": [9]}]),
    ("The MTUS Drug Formulary, 8 CCR 9792.27.15, lists it as non-exempt.",
     [{"guideline": "Formulary", "mtus": True}]),
]


@pytest.mark.parametrize(("text", "expected"), PROSE_ROWS, ids=[f"prose{i}" for i in range(len(PROSE_ROWS))])
def test_rationale_citations_of_every_era(text: str, expected: list[dict[str, Any]]) -> None:
    found = find_citations(text)
    check_spans(text, found)
    check_citations(found, expected)
