"""normalize_service: a request as written becomes a typed Service.

Tables of (request, expected fields): each row checks only the fields it names.
``spans`` in a row maps a span key to the text the span must cover.  Rows quoting the
real published letters quote one request each; the rest are constructed for the forms
the samples do not show.
"""

from __future__ import annotations

import re
import string
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from imrparse.fields import drugs as drug_table
from imrparse.fields.services import normalize_service, service_completeness
from imrparse.models import Service
from imrparse.vocab import body_regions, drugs, equipment, modalities, procedures, services

from ..scaling import assert_linear, prefix_of
from ..corpus import REAL_LETTERS

CATEGORIES = set(services.CATEGORIES)

Row = tuple[str, dict[str, Any]]


def check(request: str, expected: dict[str, Any]) -> Service:
    service = normalize_service(request)
    for field, want in expected.items():
        if field == "spans":
            got = {key: service.spans[key].slice(request) for key in want if key in service.spans}
            assert got == want, f"{request!r}: spans {got} != {want}"
            continue
        got = getattr(service, field)
        if isinstance(want, list):
            want = tuple(want)
        assert got == want, f"{request!r}: {field} is {got!r}, expected {want!r}"
    return service


# The gold seeds (../shared/gold/seeds), exactly.
GOLD_SEEDS: list[Row] = [
    ("MRI of the cervical spine",
     {"category": "imaging", "modality": "MRI", "body_regions": ["cervical spine"], "contrast": None}),
    ("MRI of the lumbar spine without contrast as a outpatient",
     {"category": "imaging", "modality": "MRI", "body_regions": ["lumbar spine"], "contrast": False}),
    ("Additional physical therapy 3x2 for the low back and neck",
     {"category": "physical therapy", "body_regions": ["lumbar spine", "cervical spine"],
      "frequency_per_week": 3, "duration_weeks": 2, "sessions": 6}),
    ("MRI of cervical spine without contrast",
     {"category": "imaging", "modality": "MRI", "body_regions": ["cervical spine"], "contrast": False}),
    ("Magnetic Resonance Imaging (MRI) of the Thoracic Spine without contrast",
     {"category": "imaging", "modality": "MRI", "body_regions": ["thoracic spine"], "contrast": False}),
    ("A CT scan of the cervical spine without contrast",
     {"category": "imaging", "modality": "CT", "body_regions": ["cervical spine"], "contrast": False}),
]

# Requests as the published letters write them, one per row.
REAL_FORMS: list[Row] = [
    ("MRI of the right shoulder without contrast",
     {"category": "imaging", "modality": "MRI", "body_regions": ["shoulder"], "laterality": "right",
      "contrast": False}),
    ("Facet joint injections L4-5, L5-S1",
     {"category": "injection", "procedure": "facet joint injection",
      "spine_levels": ["L4-L5", "L5-S1"], "body_regions": ["lumbar spine"]}),
    ("Four sessions of physical therapy two times a week times 2 weeks",
     {"category": "physical therapy", "sessions": 4, "frequency_per_week": 2, "duration_weeks": 2}),
    ("Four sessions of electrical stimulation two times a week times 2 weeks",
     {"category": "physical therapy", "procedure": "electrical stimulation", "sessions": 4}),
    ("Four sessions of biofeedback two times a week times 2 weeks",
     {"category": "psychological services", "procedure": "biofeedback", "sessions": 4}),
    ("MRI (magnetic resonance imaging) of the cervical spine",
     {"category": "imaging", "modality": "MRI", "body_regions": ["cervical spine"]}),
    ("EMG (electromyography)/NCV (nerve conduction velocity) of the bilateral upper extremities",
     {"category": "diagnostic testing", "modality": "EMG/NCV", "body_regions": ["upper extremity"],
      "laterality": "bilateral"}),
    ("Cervical CT scan", {"category": "imaging", "modality": "CT", "body_regions": ["cervical spine"]}),
    ("TOC to ortho spine surgeon eval and treatment",
     {"category": "office visit", "body_regions": [], "spans": {"category": "TOC"}}),
    ("MRI of the cervical and thoracic spine",
     {"category": "imaging", "body_regions": ["cervical spine", "thoracic spine"]}),
    ("Oxycodone HCL ER 20mg #60 day supply: 30",
     {"category": "medication", "drug": "Oxycodone HCL ER", "strength": "20mg", "quantity": 60,
      "spans": {"drug": "Oxycodone HCL ER", "strength": "20mg", "quantity": "#60"}}),
    ("MRI for lumbar spine with contrast", {"category": "imaging", "contrast": True}),
    ("Physical therapy two times a week for three weeks for lumbar",
     {"category": "physical therapy", "body_regions": ["lumbar spine"], "sessions": 6,
      "frequency_per_week": 2, "duration_weeks": 3}),
    ("Acupuncture therapy sessions lumbar spine #6",
     {"category": "acupuncture", "sessions": 6, "body_regions": ["lumbar spine"],
      "spans": {"sessions": "#6", "category": "Acupuncture therapy"}}),
    ("X-Ray of the lumbar spine", {"category": "imaging", "modality": "X-ray"}),
    ("Voltaren gel apply to affected area 4 times a day, #60 grams with 1 refill, DOS: 11/11/2016",
     {"category": "medication", "drug": "Voltaren gel", "quantity": 60, "refills": 1,
      "frequency_per_week": None, "strength": None}),
    ("Lidoderm patch, 12 hours on 12 hours off to affected area, #1 box with 1 refill, DOS: 11/11/2016",
     {"category": "medication", "drug": "Lidoderm patch", "quantity": 1, "refills": 1}),
    ("Chirophysio therapy two times a week for four weeks for the right elbow and right knee",
     {"category": "chiropractic", "body_regions": ["elbow", "knee"], "laterality": "right",
      "sessions": 8}),
    ("Chirophysio therapy for the cervical spine, thoracic spine, and lumbar spine, 2 sessions",
     {"category": "chiropractic", "sessions": 2,
      "body_regions": ["cervical spine", "thoracic spine", "lumbar spine"]}),
    ("Additional chiropractic three times a week for two weeks for the lumbar spine",
     {"category": "chiropractic", "sessions": 6, "frequency_per_week": 3, "duration_weeks": 2}),
    ("continuation for left hand therapy for 6 sessions",
     {"category": "occupational therapy", "body_regions": ["hand"], "laterality": "left", "sessions": 6}),
    ("Home aide 6 hours per day, 5 times a week for 4 weeks to assist with mobility, transfer, "
     "ADL's and safety in the home when wife is working",
     {"category": "home health", "frequency_per_week": 5, "duration_weeks": 4, "sessions": 20}),
    ("5 sessions of chiropractic physiotherapy for the left elbow",
     {"category": "chiropractic", "sessions": 5, "body_regions": ["elbow"]}),
    ("Nerve Conduction Studies of the left upper extremity",
     {"category": "diagnostic testing", "modality": "NCV", "laterality": "left"}),
    ("Eight (8) physical therapy sessions", {"category": "physical therapy", "sessions": 8}),
    ("MRI without contrast for the lumbar spine", {"category": "imaging", "contrast": False}),
    ("1 platelet rich plasma injection to left foot",
     {"category": "injection", "procedure": "platelet-rich plasma injection",
      "body_regions": ["foot"], "laterality": "left", "quantity": 1}),
    ("1 knee scooter",
     {"category": "durable medical equipment", "procedure": "knee scooter", "body_regions": [],
      "quantity": 1}),
    ("Chiropractic care for the low back; six sessions",
     {"category": "chiropractic", "sessions": 6, "body_regions": ["lumbar spine"]}),
    ("Lumbar Spine Epidural Injection at L4-5 under fluoroscopy",
     {"category": "injection", "procedure": "epidural steroid injection", "spine_levels": ["L4-L5"],
      "modality": None}),
    ("Open MRI of the lumbosacral spine",
     {"category": "imaging", "modality": "MRI", "body_regions": ["lumbar spine"]}),
    ("MRI without dye to lumbar spine times 1", {"category": "imaging", "contrast": False}),
    ("Pre-op chest x-ray", {"category": "imaging", "modality": "X-ray", "body_regions": ["chest"]}),
    ("Pre-op labs: CBC", {"category": "diagnostic testing", "modality": "CBC"}),
    ("Pre-op labs: PT/PTT", {"category": "diagnostic testing", "modality": "PT/PTT"}),
    ("Pre-op urinalysis", {"category": "diagnostic testing", "modality": "urinalysis"}),
    ("Post-op Norco 5/325mg #60, 1-2 tabs orally every 4-6 hrs as needed",
     {"category": "medication", "drug": "Norco", "strength": "5/325mg", "quantity": 60}),
    ("Post-op Colace 100mg #60, 1 tablet by mouth as needed",
     {"category": "medication", "drug": "Colace", "strength": "100mg", "quantity": 60}),
    ("Follow up office visit times 2", {"category": "office visit", "sessions": 2}),
    ("Electrocardiogram times 3",
     {"category": "diagnostic testing", "modality": "EKG", "quantity": 3, "sessions": None}),
    ("Naproxen 500mg #60", {"category": "medication", "drug": "Naproxen", "strength": "500mg",
                            "quantity": 60}),
    ("Dextromethorphan 5%/Amitriptyline 5%/Lidocaine/Capsaicin 0.025%, 120grams #1",
     {"category": "medication", "drug": "Dextromethorphan/Amitriptyline/Lidocaine/Capsaicin",
      "strength": None, "quantity": 1}),
    ("Flurbiprofen 10%/Dextromethorphan 5%/Lidocaine 5%, 120grams #1",
     {"category": "medication", "drug": "Flurbiprofen/Dextromethorphan/Lidocaine",
      "strength": "10%/5%/5%", "quantity": 1}),
    ("Physical therapy evaluation and treatment 3 times a week for 4 weeks (12 sessions)",
     {"category": "physical therapy", "sessions": 12, "frequency_per_week": 3, "duration_weeks": 4}),
    ("Operative arthroscopy, superior labral anterior posterior repair, right shoulder",
     {"category": "surgery", "procedure": "arthroscopy, SLAP repair", "body_regions": ["shoulder"],
      "laterality": "right"}),
    ("Associated surgical service: Vascutherm unit, 14 days rental",
     {"category": "durable medical equipment", "procedure": "Vascutherm unit"}),
    ("Associated surgical service: EMS/TENS unit", {"category": "durable medical equipment"}),
    ("Associated surgical service: Medical clearance",
     {"category": "office visit", "procedure": "medical clearance"}),
    ("Associated surgical service: Labs - Chem panel",
     {"category": "diagnostic testing", "modality": "chemistry panel"}),
    ("Associated surgical service: UA", {"category": "diagnostic testing", "modality": "urinalysis"}),
    ("Associated surgical service: 2 leg wraps",
     {"category": "durable medical equipment", "quantity": 2}),
    ("Associated surgical service: Assistant surgeon",
     {"category": "surgery", "procedure": "assistant surgeon"}),
    ("Post-op physical therapy 12-18 sessions", {"category": "physical therapy", "sessions": 18}),
    ("MRI of the bilateral brain/brainstem without contrast",
     {"category": "imaging", "body_regions": ["brain"], "laterality": "bilateral", "contrast": False}),
    ("Physical therapy to the lumbar spine 2 times a week for 2 weeks (4)",
     {"category": "physical therapy", "sessions": 4, "spans": {"sessions": "weeks (4)"}}),
]

HC_APAP, OX_APAP = "hydrocodone/acetaminophen", "oxycodone/acetaminophen"
OPIOID, NSAID, TOPICAL, RELAXANT = "opioid", "nsaid", "topical analgesic", "muscle relaxant"

MEDICATIONS: list[Row] = [
    ("Norco 10/325mg #120",
     {"category": "medication", "drug": "Norco", "strength": "10/325mg", "quantity": 120,
      "refills": None, "spans": {"drug": "Norco", "strength": "10/325mg", "quantity": "#120"}}),
    ("Norco 10/325mg #120 with 1 refill",
     {"generic": HC_APAP, "drug_class": OPIOID,
      "spans": {"generic": "Norco 10/325mg", "drug_class": "Norco 10/325mg"}}),
    ("Lidocaine 5% patch #30",
     {"drug_class": TOPICAL, "spans": {"generic": "Lidocaine 5% patch"}}),
    ("Hydrocodone/APAP 10/325 mg #90 with 2 refills",
     {"drug": "Hydrocodone/APAP", "strength": "10/325mg", "quantity": 90, "refills": 2}),
    ("Hydrocodone-acetaminophen 7.5/325mg, quantity 60",
     {"drug": "Hydrocodone/Acetaminophen", "strength": "7.5/325mg", "quantity": 60}),
    ("Norco (hydrocodone/APAP) 10/325 #120", {"drug": "Norco", "strength": "10/325", "quantity": 120}),
    ("Tramadol ER 150mg, 1 tab daily, Qty: 30",
     {"drug": "Tramadol ER", "strength": "150mg", "quantity": 30}),
    ("Oxycodone hydrochloride extended-release 20 mg #60",
     {"drug": "Oxycodone HCL ER", "strength": "20mg", "quantity": 60}),
    ("OxyContin 40mg #60", {"drug": "OxyContin", "strength": "40mg"}),
    ("Gabapentin 600mg #90 x2 refills", {"drug": "Gabapentin", "quantity": 90, "refills": 2}),
    ("Lyrica 75mg #60 with three refills", {"drug": "Lyrica", "refills": 3}),
    ("Prilosec 20mg #60, no refills", {"drug": "Prilosec", "refills": 0}),
    ("Cyclobenzaprine 7.5mg quantity 60", {"drug": "Cyclobenzaprine", "quantity": 60}),
    ("Soma 350mg #30", {"category": "medication", "drug": "Soma"}),
    ("Omeprazole DR 20mg #60", {"drug": "Omeprazole DR", "strength": "20mg"}),
    ("Naproxen sodium 550mg #60", {"drug": "Naproxen sodium", "strength": "550mg"}),
    ("Ambien CR 12.5mg #30", {"drug": "Ambien CR", "strength": "12.5mg", "quantity": 30}),
    ("Butrans patch 10mcg/hr #4", {"drug": "Butrans patch", "strength": "10mcg/hr", "quantity": 4}),
    ("Lidocaine 5% patch #30", {"drug": "Lidocaine patch", "strength": "5%", "quantity": 30}),
    ("Voltaren 1% gel 100gm", {"drug": "Voltaren gel", "strength": "1%", "quantity": None}),
    ("Ketoprofen 20% cream", {"category": "medication", "drug": "Ketoprofen cream", "strength": "20%"}),
    ("Flurbiprofen 20%/Baclofen 2%/Lidocaine 5% compound cream 180gm",
     {"drug": "Flurbiprofen/Baclofen/Lidocaine", "strength": "20%/2%/5%"}),
    ("Dextromethorphan 5%/Amitriptyline 4%/Gabapentin 10% cream",
     {"category": "medication", "drug": "Dextromethorphan/Amitriptyline/Gabapentin",
      "strength": "5%/4%/10%"}),
    ("Tylenol #3 #60", {"drug": "Tylenol #3", "quantity": 60}),
    ("Ultracet 37.5/325mg #60", {"drug": "Ultracet", "strength": "37.5/325mg"}),
    ("Retrospective request for Terocin patches #30 (DOS 1/2/2016)",
     {"category": "medication", "drug": "Terocin patch", "quantity": 30}),
    ("Medrol Dosepak", {"category": "medication", "drug": "Medrol Dosepak"}),
    ("Cymbalta 60mg, 120 tablets", {"drug": "Cymbalta", "quantity": 120}),
    ("Theramine #120", {"category": "medication", "drug": "Theramine"}),
    # A drug the vocabulary does not know: the words before its strength.
    ("Zzyzxol 10mg #30", {"category": "medication", "drug": "Zzyzxol", "strength": "10mg",
                          "quantity": 30}),
    ("Retrospective request for Fooprofen 200 mg", {"category": "medication", "drug": "Fooprofen"}),
    # A product named by its kind: a drug whose class is known and ingredients are not.
    ("Compounded topical cream", {"category": "medication", "drug": "Compounded topical cream",
                                  "generic": None, "drug_class": "topical analgesic"}),
]

# Class 3: a drug by its generic name and class, whichever way the request writes it
# (brand or generic, case, salts, release and dosage forms, strengths, combinations,
# compounds, kits, medical foods, line breaks).  Invented phrasings.  Columns: the request,
# drug, generic, drug_class.
DRUGS_BY_GENERIC: list[tuple[str, str, str | None, str]] = [
    ("NORCO 10/325 MG #90", "Norco", HC_APAP, OPIOID),
    ("norco (hydrocodone bitartrate/acetaminophen) 7.5/325mg qty 120", "Norco", HC_APAP, OPIOID),
    ("Hydrocodone Bitartrate-Acetaminophen 5/325mg #30",
     "Hydrocodone bitartrate/Acetaminophen", HC_APAP, OPIOID),
    ("Hydrocodone/\nAPAP 10/325, #60", "Hydrocodone/APAP", HC_APAP, OPIOID),
    ("Norco\n10/325mg #120", "Norco", HC_APAP, OPIOID),
    ("Percocet 10/325mg, one tablet every 6 hours as needed, #120", "Percocet", OX_APAP, OPIOID),
    ("Oxycodone HCl 15 mg tablets #60", "Oxycodone HCL", "oxycodone", OPIOID),
    ("OXYCONTIN 20MG #60", "OxyContin", "oxycodone", OPIOID),
    ("Tramadol Hydrochloride ER 100mg #30", "Tramadol HCL ER", "tramadol", OPIOID),
    ("ultram 50 mg", "Ultram", "tramadol", OPIOID),
    ("Roxicodone 5mg #20", "Roxicodone", "oxycodone", OPIOID),
    ("Tylenol with Codeine #3, #60", "Tylenol with Codeine", "acetaminophen/codeine", OPIOID),
    # transdermal opioid patches stay opioids (docs/drug_classes.md)
    ("Butrans 10 mcg/hr transdermal patch #4", "Butrans patch", "buprenorphine", OPIOID),
    ("Fentanyl 25mcg/hr patches, #10", "Fentanyl patch", "fentanyl", OPIOID),
    ("Duragesic patch 50 mcg/hr", "Duragesic patch", "fentanyl", OPIOID),
    ("Flexeril 10 mg #30", "Flexeril", "cyclobenzaprine", RELAXANT),
    ("cyclobenzaprine hcl 7.5mg", "Cyclobenzaprine HCL", "cyclobenzaprine", RELAXANT),
    ("Retro: Fexmid 7.5mg #60 DOS 2/3/15", "Fexmid", "cyclobenzaprine", RELAXANT),
    ("Soma Compound 200/325mg #30", "Soma Compound", "carisoprodol/aspirin", RELAXANT),
    ("Naproxen sodium 550 mg #60", "Naproxen sodium", "naproxen", NSAID),
    ("Anaprox DS 550mg", "Anaprox DS", "naproxen", NSAID),
    ("Celebrex 200mg daily", "Celebrex", "celecoxib", NSAID),
    ("Voltaren XR 100mg #30", "Voltaren XR", "diclofenac", NSAID),
    ("Diclofenac sodium 1% gel 100g", "Diclofenac sodium gel", "diclofenac", TOPICAL),
    ("Voltaren 1% topical gel, 3 tubes", "Voltaren gel", "diclofenac", TOPICAL),
    ("Diclofenac, apply to the left knee twice a day", "Diclofenac", "diclofenac", TOPICAL),
    ("Gabapentin 600 mg #90", "Gabapentin", "gabapentin", "anticonvulsant"),
    ("Neurontin 300mg three times a day", "Neurontin", "gabapentin", "anticonvulsant"),
    ("Lyrica 75 mg capsules #60", "Lyrica", "pregabalin", "anticonvulsant"),
    ("Cymbalta 30 mg", "Cymbalta", "duloxetine", "antidepressant"),
    ("Prilosec 20mg #30", "Prilosec", "omeprazole", "proton pump inhibitor"),
    ("Ambien 10 mg #30", "Ambien", "zolpidem", "sedative-hypnotic"),
    ("Xanax 0.5 mg", "Xanax", "alprazolam", "benzodiazepine"),
    ("Zofran ODT 8mg", "Zofran ODT", "ondansetron", "antiemetic"),
    ("Colace 100 mg #60", "Colace", "docusate", "laxative"),
    ("Medrol Dosepak", "Medrol Dosepak", "methylprednisolone", "corticosteroid"),
    ("Imitrex 50mg #9", "Imitrex", "sumatriptan", "triptan"),
    ("Post-op Keflex 500mg #20", "Keflex", "cephalexin", "other"),
    # medical foods
    ("Theramine #120", "Theramine", "theramine", "medical food"),
    ("Medical food: Theramine (unknown quantity)", "Theramine", "theramine", "medical food"),
    ("Sentra PM, 60 capsules", "Sentra PM", "sentra pm", "medical food"),
    # proprietary topicals, with or without a strength
    ("Terocin patches #30", "Terocin patch", "lidocaine/menthol", TOPICAL),
    ("Terocin lotion 120 ml", "Terocin lotion", "methyl salicylate/capsaicin/menthol/lidocaine",
     TOPICAL),
    ("Lidopro cream 121gm", "LidoPro cream", "capsaicin/lidocaine/menthol/methyl salicylate", TOPICAL),
    ("LIDO-PRO ointment", "LidoPro ointment", "capsaicin/lidocaine/menthol/methyl salicylate",
     TOPICAL),
    ("Menthoderm gel 240 gm", "Menthoderm gel", "methyl salicylate/menthol", TOPICAL),
    # compounds: the ingredients in the order written
    ("Compound cream: Flurbiprofen 20%, Lidocaine 5%", "Flurbiprofen/Lidocaine",
     "flurbiprofen/lidocaine", TOPICAL),
    ("Compounded cream (ketoprofen 10%, gabapentin 6%, lidocaine 5%) 240gm",
     "Ketoprofen/Gabapentin/Lidocaine", "ketoprofen/gabapentin/lidocaine", TOPICAL),
    ("Flurbiprofen/Cyclobenzaprine/Menthol cream 180gm", "Flurbiprofen/Cyclobenzaprine/Menthol",
     "flurbiprofen/cyclobenzaprine/menthol", TOPICAL),
    ("Gabapentin 10% + Ketoprofen 10% transdermal", "Gabapentin/Ketoprofen",
     "gabapentin/ketoprofen", TOPICAL),
    # compounding kits sold as oral suspensions: taken by mouth, they keep their class
    ("Tabradol oral suspension 250ml", "Tabradol", "cyclobenzaprine", RELAXANT),
    ("Synapryn 10mg/ml oral suspension 500ml", "Synapryn", "tramadol", OPIOID),
    ("Deprizine 15 mg/ml oral suspension (unknown quantity)", "Deprizine", "ranitidine",
     "h2 blocker"),
]

# Class 2: a product the tables do not know is still a medication when the words around
# its name say it is one (a strength, a dosage form, a count, a package size, an amount
# left unsaid); its name is read, and generic and drug_class stay null.  Invented names.
UNKNOWN_PRODUCTS: list[Row] = [
    ("Zynqor (unknown quantity)", {"drug": "Zynqor", "spans": {"drug": "Zynqor"}}),
    ("Zynqor, quantity unknown", {"drug": "Zynqor"}),
    ("Bralomex oral suspension 250ml", {"drug": "Bralomex"}),
    ("Quenzacin patches #30", {"drug": "Quenzacin", "quantity": 30}),
    ("Vexadone #120", {"drug": "Vexadone", "quantity": 120}),
    ("Retrospective request for Plexorin cream 120gm (DOS 3/1/2016)", {"drug": "Plexorin"}),
    ("Trivexal compounding kit", {"drug": "Trivexal"}),
    ("Kelvadrin 4 oz", {"drug": "Kelvadrin"}),
    ("Ortomax 60 tablets", {"drug": "Ortomax", "quantity": 60}),
    ("Zyzzel PM 10 mg", {"drug": "Zyzzel PM", "strength": "10mg"}),
    # no name to read: a medication, but no drug
    ("Medical food (unknown quantity)", {"drug": None}),
    ("Unknown medication, 30 tablets", {"drug": None}),
    ("Pain cream 120gm", {"drug": None}),
    ("Muscle relaxant 10 mg #30", {"drug": None, "strength": "10mg"}),
]

# Words that name no drug, though some drug table has a name in them.
NOT_MEDICATIONS: list[Row] = [
    ("ENT consultation for the ears and nose", {"category": "office visit", "drug": None}),
    ("Thyroid panel", {"category": "diagnostic testing"}),
    ("Vitamin D level", {"category": "diagnostic testing"}),
    ("Serum testosterone level", {"category": "diagnostic testing"}),
    ("Urine drug screen for opioids and benzodiazepines", {"category": "diagnostic testing"}),
    ("Inpatient detoxification from Norco", {"category": "program"}),
    ("Physical therapy (unknown quantity)", {"category": "physical therapy"}),
    ("Lumbar brace #1", {"category": "durable medical equipment", "drug": None}),
    ("Toradol 60mg IM injection", {"category": "injection", "drug": "Toradol", "generic": "ketorolac",
                                   "drug_class": NSAID}),
    ("Lidocaine injection to the right shoulder", {"category": "injection", "generic": "lidocaine"}),
    ("Cortisone injection to the left knee",
     {"category": "injection", "drug": "Cortisone", "drug_class": "corticosteroid"}),
]

# Class 6: acupuncture in every wording, and the modalities acupuncturists give with it
# ("with electrical stimulation", "and massage", infrared, myofascial release).
ACUPUNCTURE: list[Row] = [
    ("Acupuncture with electrical stimulation 2x4",
     {"procedure": "electroacupuncture", "sessions": 8}),
    ("ELECTROACUPUNCTURE x 6", {"procedure": "electroacupuncture", "sessions": 6}),
    ("Electro-acupuncture, 8 visits", {"procedure": "electroacupuncture", "sessions": 8}),
    ("acupuncture w/ e-stim for the low back, 6 sessions",
     {"procedure": "electroacupuncture", "body_regions": ["lumbar spine"], "sessions": 6,
      "spans": {"category": "acupuncture", "procedure": "e-stim"}}),
    ("Electrical stimulation and acupuncture to the neck 1x6",
     {"procedure": "electroacupuncture", "body_regions": ["cervical spine"], "sessions": 6,
      "spans": {"category": "acupuncture"}}),
    ("Acupuncture and massage 2x3", {"procedure": "massage therapy", "sessions": 6}),
    ("Massage and acupuncture, six sessions", {"procedure": "massage therapy", "sessions": 6}),
    ("Additional acupuncture 2x4", {"procedure": None, "sessions": 8, "frequency_per_week": 2}),
    ("Acupuncture with infrared heat and myofascial release x 8",
     {"procedure": "infrared therapy, myofascial release", "sessions": 8}),
    ("Acupuncture therapy with e-stim, hot packs and massage to the right shoulder",
     {"procedure": "electroacupuncture, hot/cold packs, massage therapy",
      "body_regions": ["shoulder"], "laterality": "right"}),
    ("Accupuncture treatments x6", {"sessions": 6}),
    ("Continued acupuncture therapy\nsessions, 12", {"sessions": 12}),
    ("Six (6) additional acupuncture sessions for the right shoulder",
     {"sessions": 6, "body_regions": ["shoulder"], "laterality": "right"}),
    ("Acupuncture with cupping and moxibustion", {"procedure": "cupping, moxibustion"}),
    ("Acupuncture evaluation and treatment", {}),
]
ACUPUNCTURE_ROWS: list[Row] = [(r, {"category": "acupuncture", **e}) for r, e in ACUPUNCTURE]

# Not acupuncture: a physical therapy service named first, or needling that is not it.
NOT_ACUPUNCTURE: list[Row] = [
    ("Physical therapy and acupuncture 2x6", {"category": "physical therapy"}),
    ("Chiropractic and acupuncture for the low back", {"category": "chiropractic"}),
    ("Dry needling 2x3", {"category": "physical therapy", "procedure": "dry needling"}),
    ("Electrical stimulation 2x4", {"category": "physical therapy",
                                    "procedure": "electrical stimulation"}),
]

INJECTIONS: list[Row] = [
    ("Lumbar epidural steroid injection at L4-L5 and L5-S1",
     {"category": "injection", "procedure": "epidural steroid injection",
      "spine_levels": ["L4-L5", "L5-S1"], "body_regions": ["lumbar spine"]}),
    ("Bilateral L4-5 transforaminal epidural steroid injections under fluoroscopic guidance",
     {"category": "injection", "laterality": "bilateral", "spine_levels": ["L4-L5"]}),
    ("Cervical ESI C6-7", {"category": "injection", "procedure": "epidural steroid injection",
                           "spine_levels": ["C6-C7"], "body_regions": ["cervical spine"]}),
    ("Right L3-S1 medial branch blocks",
     {"procedure": "medial branch block", "spine_levels": ["L3-L4", "L4-L5", "L5-S1"]}),
    ("Bilateral lumbar facet radiofrequency ablation L3-L4, L4-L5",
     {"category": "injection", "procedure": "radiofrequency ablation"}),
    ("Trigger point injections x4 to the trapezius",
     {"category": "injection", "procedure": "trigger point injection", "quantity": 4}),
    ("Left SI joint injection", {"procedure": "sacroiliac joint injection",
                                 "body_regions": ["sacroiliac joint"], "laterality": "left"}),
    ("Right knee Synvisc injection series of 3",
     {"category": "injection", "procedure": "viscosupplementation", "quantity": 3}),
    ("Ultrasound guided cortisone injection right shoulder",
     {"category": "injection", "procedure": "corticosteroid injection", "modality": None}),
    ("PRP injection to the left elbow", {"procedure": "platelet-rich plasma injection"}),
    ("Toradol 60mg IM injection",
     {"category": "injection", "drug": "Toradol", "strength": "60mg",
      "procedure": "intramuscular injection"}),
    ("Kenalog injection to the right knee", {"category": "injection", "drug": "Kenalog"}),
    ("Occipital nerve block", {"category": "injection", "procedure": "occipital nerve block"}),
    ("Spinal cord stimulator trial", {"category": "injection",
                                      "procedure": "spinal cord stimulator trial"}),
    ("Botox injection 200 units", {"category": "injection", "procedure": "botulinum toxin injection"}),
]

SURGERY: list[Row] = [
    ("Right knee arthroscopy with partial medial meniscectomy",
     {"category": "surgery", "procedure": "arthroscopy, meniscectomy", "body_regions": ["knee"]}),
    ("L4-S1 posterior lumbar interbody fusion",
     {"procedure": "posterior lumbar interbody fusion", "spine_levels": ["L4-L5", "L5-S1"]}),
    ("ACDF C5-6", {"category": "surgery", "procedure": "anterior cervical discectomy and fusion",
                   "body_regions": ["cervical spine"], "spine_levels": ["C5-C6"]}),
    ("Left carpal tunnel release", {"procedure": "carpal tunnel release", "body_regions": ["wrist"],
                                    "laterality": "left"}),
    ("Total knee replacement, left", {"procedure": "total knee arthroplasty", "laterality": "left"}),
    ("Lumbar laminectomy/discectomy at L5",
     {"procedure": "laminectomy, discectomy", "spine_levels": ["L5"]}),
    ("Right shoulder surgery", {"category": "surgery", "procedure": None,
                                "body_regions": ["shoulder"]}),
    ("Post-op knee brace", {"category": "durable medical equipment", "procedure": "brace"}),
    ("Post-op physical therapy for the right knee", {"category": "physical therapy"}),
    # A visit about a surgery is a visit.
    ("Orthopedic surgery consultation", {"category": "office visit"}),
    ("Referral to orthopedic surgeon for consultation regarding right knee arthroscopy",
     {"category": "office visit"}),
    ("Right knee arthroscopy with post-op follow-up visits", {"category": "surgery"}),
]

EQUIPMENT: list[Row] = [
    ("Hot/cold therapy unit, 30 day rental",
     {"category": "durable medical equipment", "procedure": "hot/cold therapy unit"}),
    ("Associated surgical service: cold therapy unit",
     {"category": "durable medical equipment", "procedure": "cold therapy unit"}),
    ("TENS unit and supplies", {"category": "durable medical equipment", "procedure": "TENS unit"}),
    ("Interferential unit rental x 1 month",
     {"procedure": "interferential unit", "quantity": None, "duration_weeks": None}),
    ("Lumbar brace", {"procedure": "brace", "body_regions": ["lumbar spine"]}),
    ("Front wheeled walker", {"category": "durable medical equipment", "procedure": "walker"}),
    ("Purchase of cervical traction unit", {"procedure": "traction unit"}),
    ("Single point cane", {"category": "durable medical equipment", "procedure": "cane"}),
    ("Power wheelchair", {"procedure": "power wheelchair"}),
    ("Orthopedic mattress", {"procedure": "mattress"}),
    ("H-wave unit for home use", {"procedure": "H-wave unit"}),
    ("Continuous passive motion machine for 21 days", {"procedure": "continuous passive motion unit"}),
]

PROGRAMS_AND_SERVICES: list[Row] = [
    ("Functional restoration program x 160 hours",
     {"category": "program", "procedure": "functional restoration program", "sessions": None}),
    ("Work hardening program 10 sessions", {"category": "program", "sessions": 10}),
    ("Work conditioning 12 visits", {"category": "program", "procedure": "work conditioning"}),
    ("Gym membership for 6 months", {"category": "program", "procedure": "gym membership"}),
    ("Weight loss program", {"category": "program"}),
    ("Inpatient detoxification", {"category": "program", "procedure": "detoxification"}),
    ("Follow-up visit with orthopedist", {"category": "office visit", "procedure": "follow-up visit"}),
    ("Pain management consultation", {"category": "office visit"}),
    ("Consultation with a neurosurgeon", {"category": "office visit"}),
    ("Internal medicine consultation for pre-operative clearance", {"category": "office visit"}),
    ("Psychiatric evaluation", {"category": "psychological services"}),
    ("Cognitive behavioral therapy 6 sessions",
     {"category": "psychological services", "sessions": 6}),
    ("Psychotherapy 1x/week x 6 weeks",
     {"category": "psychological services", "sessions": 6, "frequency_per_week": 1,
      "duration_weeks": 6}),
    ("Home health care 4 hours a day 7 days a week for 6 weeks",
     {"category": "home health", "frequency_per_week": 7, "duration_weeks": 6, "sessions": 42}),
    ("Home health nursing visits 2x/week for 4 weeks", {"category": "home health", "sessions": 8}),
    ("Transportation to and from medical appointments", {"category": "transportation"}),
    ("Transportation to and from physical therapy appointments x 12",
     {"category": "transportation", "sessions": 12, "procedure": "round trip"}),
    ("Round trip transportation to medical visits", {"category": "transportation",
                                                    "procedure": "round trip"}),
    ("Transport to/from the clinic", {"category": "transportation", "procedure": "round trip"}),
]

TESTS_AND_IMAGING: list[Row] = [
    ("Urine drug screen", {"category": "diagnostic testing", "modality": "urine drug screen"}),
    ("Sleep study", {"category": "diagnostic testing", "modality": "sleep study"}),
    ("Functional capacity evaluation",
     {"category": "diagnostic testing", "modality": "functional capacity evaluation"}),
    ("EMG/NCS of bilateral lower extremities",
     {"modality": "EMG/NCV", "body_regions": ["lower extremity"], "laterality": "bilateral"}),
    ("Lab work: CBC, CMP, hepatic function panel", {"category": "diagnostic testing", "modality": "CBC"}),
    ("Genetic testing for opioid risk", {"modality": "genetic testing"}),
    ("Bone scan of the right foot", {"category": "imaging", "modality": "bone scan"}),
    ("Ultrasound of the left shoulder", {"category": "imaging", "modality": "ultrasound"}),
    ("MRI of the right knee with and without contrast", {"contrast": True}),
    ("MRI of the right knee w/o contrast", {"contrast": False}),
    ("MRI lumbar spine with or without contrast", {"contrast": None}),
    ("MR arthrogram of the left hip", {"category": "imaging", "modality": "MRI", "contrast": True}),
    ("X-rays of the bilateral knees, 3 views", {"modality": "X-ray", "laterality": "bilateral"}),
    ("X-rays of both knees", {"body_regions": ["knee"], "laterality": "bilateral"}),
    ("CT scan of the brain", {"modality": "CT", "body_regions": ["brain"]}),
    ("MRI of the knee", {"category": "imaging", "body_regions": ["knee"], "laterality": None}),
    ("Repeat MRI of the L-spine", {"body_regions": ["lumbar spine"]}),
]

THERAPY_COUNTS: list[Row] = [
    ("Physical therapy 2x/week x 4 weeks",
     {"frequency_per_week": 2, "duration_weeks": 4, "sessions": 8}),
    ("PT 3x/wk x 4wks for the right shoulder",
     {"category": "physical therapy", "sessions": 12, "body_regions": ["shoulder"]}),
    ("Chiropractic treatment 1 x 6", {"category": "chiropractic", "sessions": 6}),
    ("Acupuncture x 6 sessions", {"category": "acupuncture", "sessions": 6}),
    ("Physical therapy twice weekly for six weeks",
     {"frequency_per_week": 2, "duration_weeks": 6, "sessions": 12}),
    ("Physical therapy 2x4 weeks to the left knee", {"sessions": 8, "laterality": "left"}),
    ("12 physical therapy visits", {"sessions": 12}),
    ("Twelve sessions of physical therapy", {"sessions": 12}),
    ("PT x12", {"category": "physical therapy", "sessions": 12}),
    ("Physical therapy 6 sessions over 3 weeks", {"sessions": 6, "duration_weeks": 3}),
    ("Aquatic therapy 2x4", {"category": "physical therapy", "procedure": "aquatic therapy",
                             "sessions": 8}),
    ("Occupational therapy 2x6 to the right hand",
     {"category": "occupational therapy", "sessions": 12, "body_regions": ["hand"]}),
    ("Massage therapy x 6", {"category": "physical therapy", "sessions": 6}),
    ("Physical therapy, lumbar spine, quantity: 8", {"sessions": 8}),
    ("Physical therapy sessions, 12", {"sessions": 12, "spans": {"sessions": "sessions, 12"}}),
    ("Post-op chiropractic visits, 6 for the neck", {"category": "chiropractic", "sessions": 6}),
    ("Physical therapy visits, 2 times a week for 3 weeks",
     {"sessions": 6, "frequency_per_week": 2, "duration_weeks": 3}),
    ("Acupuncture 2 times per week for 3 weeks for the neck",
     {"category": "acupuncture", "sessions": 6, "body_regions": ["cervical spine"]}),
    ("Physical therapy 2 times a week", {"frequency_per_week": 2, "duration_weeks": None,
                                         "sessions": None}),
]

REMAINING_PORTION: list[Row] = [
    # Constructed in the letters' shape: only the remaining portion is read.
    ("Physical therapy 3 times a week for 4 weeks (12 sessions) was the original request. "
     "Physical therapy for 8 sessions was authorized by the Claims Administrator. The remaining "
     "IMR eligible portion of the original request, 4 sessions of physical therapy for the neck",
     {"category": "physical therapy", "sessions": 4, "frequency_per_week": None,
      "body_regions": ["cervical spine"], "spans": {"sessions": "4 sessions", "body_regions.0": "neck"}}),
    ("remaining IMR eligible portion of the original request, Norco 10/325mg #60",
     {"category": "medication", "drug": "Norco", "quantity": 60, "spans": {"quantity": "#60"}}),
]

UNKNOWN: list[Row] = [
    ("Zzzz request", {"category": "other", "procedure": None}),
    ("", {"category": "other"}),
    ("   ", {"category": "other"}),
    ("Speech therapy", {"category": "other", "procedure": "speech therapy"}),
]

DRUG_ROWS: list[Row] = [
    (request, {"category": "medication", "drug": drug, "generic": generic, "drug_class": drug_class})
    for request, drug, generic, drug_class in DRUGS_BY_GENERIC
]
UNKNOWN_PRODUCT_ROWS: list[Row] = [
    (request, {"category": "medication", "generic": None, "drug_class": None, **expected})
    for request, expected in UNKNOWN_PRODUCTS
]

ROWS = (GOLD_SEEDS + REAL_FORMS + MEDICATIONS + DRUG_ROWS + UNKNOWN_PRODUCT_ROWS + NOT_MEDICATIONS
        + INJECTIONS + SURGERY + EQUIPMENT + PROGRAMS_AND_SERVICES + TESTS_AND_IMAGING
        + THERAPY_COUNTS + ACUPUNCTURE_ROWS + NOT_ACUPUNCTURE + REMAINING_PORTION + UNKNOWN)


@pytest.mark.parametrize(("request_text", "expected"), ROWS, ids=[r[:50] for r, _ in ROWS])
def test_normalize_service(request_text: str, expected: dict[str, Any]) -> None:
    check(request_text, expected)


@pytest.mark.parametrize(("request_text", "completeness"), [
    ("MRI of the knee", "full"),
    ("1 knee scooter", "full"),
    ("Norco 10/325mg #120", "full"),
    ("Physical therapy", "partial"),
    ("Transportation", "partial"),
    ("Zzzz request", "unrecognised"),
    ("", "unrecognised"),
])
def test_service_completeness(request_text: str, completeness: str) -> None:
    assert service_completeness(normalize_service(request_text)) == completeness


def test_spans_cover_what_they_name() -> None:
    request = "Bilateral L4-5 transforaminal epidural steroid injections under fluoroscopy"
    service = normalize_service(request)
    assert {k: v.slice(request) for k, v in service.spans.items()} == {
        "category": "transforaminal epidural steroid injections",
        "procedure": "transforaminal epidural steroid injections",
        "laterality": "Bilateral",
        "spine_levels.0": "L4-5",
        "body_regions.0": "L4-5",
    }


# --------------------------------------------------------------------------- properties

# Fragments of requests, so that generated text reaches the deeper rules.
_FRAGMENTS = [
    "MRI", "of the", "left", "right", "bilateral", "knee", "low back", "neck", "L4-5", "L5-S1",
    "C5-6", "T3", "S1", "without contrast", "with and without contrast", "physical therapy",
    "3x2", "2 times a week", "for 4 weeks", "(12 sessions)", "#6", "x6", "times 2", "twelve",
    "sessions", "Norco", "10/325mg", "#120", "with 1 refill", "Qty: 60", "/", "(", ")", ",",
    "Lidocaine", "5%", "cream", "patch", "HCL", "ER", "injection", "epidural", "facet",
    "arthroscopy", "TENS unit", "referral", "consultation", "surgeon", "Associated surgical service:",
    "Post-op", "remaining IMR eligible portion of the original request,", "12-18", "1", "0", "99",
    "weeks", "week", "per", "a", "x", "-", "#", "Tylenol #3", "no refills", "3 x 4", "(4)",
    "\u00d7", "\xa0", "\u2019", "İ", "ſ", "K",
]
_requests = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(_FRAGMENTS), max_size=25).map(" ".join),
    st.lists(st.sampled_from(_FRAGMENTS + list(string.punctuation)), max_size=40).map("".join),
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_requests)
def test_never_raises_and_spans_lie_inside(request: str) -> None:
    service = normalize_service(request)
    assert service.category in CATEGORIES
    assert service_completeness(service) in {"full", "partial", "unrecognised"}
    for key, span in service.spans.items():
        assert 0 <= span.start <= span.end <= len(request), (key, span)
    for count in (service.sessions, service.frequency_per_week, service.duration_weeks,
                  service.quantity, service.refills):
        assert count is None or count >= 0
    assert len(set(service.body_regions)) == len(service.body_regions)
    assert all(f"body_regions.{i}" in service.spans for i in range(len(service.body_regions)))


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "1" + " " * 999_990 + "weeks",
    "2 x " * 250_000,
    "L4-" * 333_333,
    "Norco/" * 160_000,
    "refills " * 120_000 + "1",
    " ".join(["MRI", "of", "the", "left", "knee", "physical", "therapy", "3x2", "#6", "L4-5",
              "Norco", "10/325mg", "without", "contrast", "x", "times", "2", "sessions", "12",
              "weeks", "a", "week", "(8)", "-", "/"] * 40_000)[:1_000_000],
    "retro #1 " * 111_112,
    "Zynqor (unknown quantity) and acupuncture w/ e-stim, " * 20_000,
], ids=["spaces", "x", "levels", "drugs", "refills", "words", "unnamed products", "contexts"])
def test_linear_on_a_megabyte(text: str) -> None:
    # Quadratic backtracking would take minutes on a megabyte.
    assert_linear(normalize_service, prefix_of(text))


def test_not_a_string_is_other() -> None:
    assert normalize_service(None).category == "other"  # type: ignore[arg-type]


# --------------------------------------------------------------------------- vocabularies


def test_vocabularies_name_only_known_categories_and_regions() -> None:
    assert "other" in CATEGORIES and len(CATEGORIES) == 16
    assert services.SESSION_CATEGORIES <= CATEGORIES
    assert {category for category, _ in services.GENERIC_CUES.values()} <= CATEGORIES
    assert {rank for _, rank in services.GENERIC_CUES.values()} <= set(services.RANK)
    names = set(body_regions.REGION_NAMES)
    assert {n for regions in body_regions.REGIONS.values() for n in regions} <= names
    assert {n for _, regions in body_regions.LATERALITY.values() for n in regions} <= names
    assert set(body_regions.PAIRED_REGIONS.values()) <= names
    assert set(body_regions.LEVEL_REGIONS.values()) <= names


def test_vocabulary_phrases_are_ascii() -> None:
    tables = [services.PHYSICAL_THERAPY, services.OFFICE_VISITS, services.PROGRAMS,
              equipment.EQUIPMENT, procedures.SURGERY, procedures.INJECTIONS, modalities.IMAGING,
              modalities.TESTS, modalities.CONTRAST, body_regions.REGIONS]
    phrases = [p for table in tables for p in table] + list(drugs.SPELLINGS)
    assert all(p.isascii() and re.search(r"[A-Za-z]", p) for p in phrases)


def test_drug_spellings_are_names_of_the_tables() -> None:
    keys = {drug_table.key(name) for name in drug_table.names()}
    assert {drug_table.key(s) for s in drugs.SPELLINGS} <= keys
    assert set(drugs.NOT_DRUG_NAMES) <= keys
    assert set(services.ACUPUNCTURE_ADJUNCTS) <= set(services.PHYSICAL_THERAPY.values())


@pytest.mark.parametrize("how", [str, str.upper, str.lower, lambda n: f"Retrospective request: {n} #30"],
                         ids=["as spelt", "upper", "lower", "wrapped"])
def test_every_drug_name_of_the_tables_is_a_medication(how: Any) -> None:
    """Any name the drug tables know makes a medication (or the drug of an injection),
    with the generic the tables give it."""
    wrong = []
    for name in drug_table.names():
        if drug_table.key(name) in drugs.NOT_DRUG_NAMES:
            continue
        service = normalize_service(how(name))
        info = drug_table.lookup(name)
        assert info is not None
        if service.category == "injection" and service.drug is None:
            continue  # an injectable the injection vocabulary names ("Synvisc", "Durolane")
        if (service.category not in ("medication", "injection") or not service.drug
                or service.generic != info.generic):
            wrong.append((name, service.category, service.drug, service.generic, info.generic))
    assert wrong == []


# --------------------------------------------------------------------------- real letters

_DECISION_LINE = re.compile(r"(?:Upheld|Overturned)\s*$")


def _real_requests() -> list[str]:
    """Each disputed item's request in the real letters' text (../shared), reflowed."""
    requests = []
    for path in sorted(REAL_LETTERS.glob("*.pypdf.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        start = next((i for i, line in enumerate(lines) if "set forth below" in line), 0)
        for i in range(start + 1, len(lines)):
            if not _DECISION_LINE.search(lines[i]) or lines[i].startswith("Decision rationale"):
                continue
            block = []
            j = i
            while j > start and lines[j].strip():
                block.insert(0, lines[j].strip())
                j -= 1
            text = re.sub(r"\s*:?\s*(?:Upheld|Overturned)\s*$", "", " ".join(block))
            requests.append(re.sub(r"\s+", " ", text).strip().rstrip(":"))
    return requests


@pytest.mark.shared
@pytest.mark.skipif(not REAL_LETTERS.is_dir(), reason="../shared/letters/real is absent")
def test_real_requests_are_recognised() -> None:
    requests = _real_requests()
    assert len(requests) >= 80
    kinds = [service_completeness(normalize_service(r)) for r in requests]
    assert kinds.count("unrecognised") == 0
    assert kinds.count("full") == len(requests)
