"""Service categories and the phrases that name them in a request.

Every table maps a *phrase* to the canonical name of the specific service it names, or to
``None`` when the phrase names only the category ("physical therapy", "office visit").
Phrases are written in the syntax of :mod:`imrparse.text.phrases` and read loosely, as
requests are written: in any case, on word boundaries, words parted by any mark or
none ("x-ray" matches "X-Ray", "xray" and "x ray"; "&" and "and" are one), and a final
"s"/"es" plural always allowed.

Which category wins when a request names several is decided by :data:`RANK`: the highest
rank wins, and among equal ranks the phrase that comes first in the request.  Injections
outrank everything (a drug or an imaging guidance named in an injection request does not
make it a medication or imaging), specific services outrank visit words ("Physical
therapy evaluation" is physical therapy), and visit words outrank the bare words
"surgery"/"surgeon" ("TOC to ortho spine surgeon eval" is an office visit).

The vocabularies of the other subjects live beside this one: imaging and tests in
:mod:`.modalities`, surgical procedures and injections in :mod:`.procedures`, equipment in
:mod:`.equipment`, drugs in :mod:`.drugs`, body regions in :mod:`.body_regions`.
"""

from __future__ import annotations

from typing import Mapping

__all__ = [
    "CATEGORIES",
    "SESSION_CATEGORIES",
    "RANK",
    "PHYSICAL_THERAPY",
    "OCCUPATIONAL_THERAPY",
    "CHIROPRACTIC",
    "ACUPUNCTURE",
    "ACUPUNCTURE_ADJUNCTS",
    "HOME_MODALITIES",
    "PSYCHOLOGICAL_SERVICES",
    "HOME_HEALTH",
    "PROGRAMS",
    "TRANSPORTATION",
    "OFFICE_VISITS",
    "MEDICATION_WORDS",
    "MEDICATION_CONTEXT",
    "OTHER_SERVICES",
    "GENERIC_CUES",
    "NEUTRAL_PHRASES",
    "TIMES_WORDS",
]

#: The contract's categories, in the contract's order.
CATEGORIES: tuple[str, ...] = (
    "imaging", "diagnostic testing", "medication", "physical therapy", "occupational therapy",
    "chiropractic", "acupuncture", "injection", "surgery", "durable medical equipment",
    "office visit", "psychological services", "home health", "program", "transportation",
    "other",
)

#: Categories whose counts are sessions/visits ("#6", "times 2", "12 sessions"); in the
#: others a count is a ``quantity`` (units of equipment, number of studies or injections).
SESSION_CATEGORIES: frozenset[str] = frozenset({
    "physical therapy", "occupational therapy", "chiropractic", "acupuncture",
    "psychological services", "office visit", "home health", "program", "transportation",
})

#: How strongly a phrase decides the category (see the module docstring).
RANK: Mapping[str, int] = {
    "injection": 40,       # injections, blocks, ablations: beat drugs and guidance
    "specific": 30,        # a named service, test, drug, device or procedure
    "generic test": 25,    # "imaging", "labs", "diagnostic testing"
    "visit": 20,           # evaluation, consultation, referral, follow-up, TOC
    "drug form": 20,       # cream, gel, patch, topical, compound
    "generic surgery": 15, # surgery, surgical, surgeon, operative
    "generic": 12,         # medication, prescription, rental, purchase, supplies
    "injection site": 12,  # "facet", "intra-articular": an injection, if nothing else
    "strength": 8,         # a drug strength ("20mg", "5%") and nothing else
    "therapy": 5,          # a bare "therapy"/"rehab": most often physical therapy
    "drug context": 4,     # "(unknown quantity)", "#60", "250ml": a product, if nothing else
}

PHYSICAL_THERAPY: Mapping[str, str | None] = {
    "physical therapy": None, "PT": None, "physiotherapy": None, "physio": None,
    "physio therapy": None, "physical therapist": None, "physical medicine": None,
    "physical rehabilitation": None, "post-op rehab": None, "rehab therapy": None,
    "aquatic therapy": "aquatic therapy", "aqua therapy": "aquatic therapy",
    "aquatic physical therapy": "aquatic therapy", "pool therapy": "aquatic therapy",
    "water therapy": "aquatic therapy", "hydrotherapy": "aquatic therapy",
    "land-based therapy": None, "land therapy": None,
    "therapeutic exercise": "therapeutic exercise", "therapeutic activities": "therapeutic exercise",
    "exercise therapy": "therapeutic exercise", "neuromuscular re-education": "neuromuscular re-education",
    "manual therapy": "manual therapy", "massage therapy": "massage therapy",
    "massage": "massage therapy", "myofascial release": "myofascial release",
    "soft tissue mobilization": "manual therapy", "joint mobilization": "manual therapy",
    "electrical stimulation": "electrical stimulation", "electric stimulation": "electrical stimulation",
    "electrical muscle stimulation": "electrical stimulation", "e-stim": "electrical stimulation",
    "estim": "electrical stimulation", "infrared therapy": "infrared therapy",
    "infrared": "infrared therapy", "therapeutic ultrasound": "therapeutic ultrasound",
    "ultrasound therapy": "therapeutic ultrasound", "iontophoresis": "iontophoresis",
    "phonophoresis": "phonophoresis", "paraffin bath": "paraffin", "paraffin": "paraffin",
    "hot packs": "hot/cold packs", "cold packs": "hot/cold packs",
    "moist heat": "hot/cold packs", "traction therapy": "traction", "mechanical traction": "traction",
    "dry needling": "dry needling", "kinesio taping": "kinesio taping", "kinesiotaping": "kinesio taping",
    "gait training": "gait training", "vestibular therapy": "vestibular therapy",
    "vestibular rehabilitation": "vestibular therapy",
    "shockwave therapy": "extracorporeal shockwave therapy",
    "shock wave therapy": "extracorporeal shockwave therapy",
    "extracorporeal shockwave therapy": "extracorporeal shockwave therapy",
    "extracorporeal shock wave therapy": "extracorporeal shockwave therapy",
    "ESWT": "extracorporeal shockwave therapy", "laser therapy": "laser therapy",
    "cold laser": "laser therapy", "low level laser therapy": "laser therapy",
    "LLLT": "laser therapy", "class IV laser": "laser therapy", "McKenzie": "McKenzie therapy",
    "McKenzie therapy": "McKenzie therapy", "Graston": "Graston technique",
    "decompression therapy": "spinal decompression therapy",
    "spinal decompression therapy": "spinal decompression therapy",
    "physical therapy evaluation": None, "PT evaluation": None,
}

OCCUPATIONAL_THERAPY: Mapping[str, str | None] = {
    "occupational therapy": None, "OT": None, "occupational therapist": None,
    "hand therapy": "hand therapy", "hand therapist": "hand therapy",
    "certified hand therapist": "hand therapy", "CHT": "hand therapy",
}

CHIROPRACTIC: Mapping[str, str | None] = {
    "chiropractic": None, "chiropractor": None, "chiro": None, "chirophysio": None,
    "chirophysio therapy": None, "chiro physio": None, "chirophysiotherapy": None,
    "chiropractic physiotherapy": None, "chiropractic therapy": None, "chiropractic care": None,
    "chiropractic treatment": None, "chiropractic manipulation": "manipulation",
    "chiropractic manipulative treatment": "manipulation", "CMT": "manipulation",
    "manipulation": "manipulation", "spinal manipulation": "manipulation",
    "manipulative therapy": "manipulation", "spinal manipulative therapy": "manipulation",
    "osteopathic manipulation": "osteopathic manipulation",
    "osteopathic manipulative treatment": "osteopathic manipulation",
    "OMT": "osteopathic manipulation", "adjustments": "manipulation",
    "chiropractic adjustment": "manipulation",
}

ACUPUNCTURE: Mapping[str, str | None] = {
    "acupuncture": None, "acupuncturist": None, "acupuncture therapy": None,
    "accupuncture": None, "acupunture": None, "accupunture": None,
    "electroacupuncture": "electroacupuncture", "electro-acupuncture": "electroacupuncture",
    "acupuncture with electrical stimulation": "electroacupuncture",
    "acupressure": "acupressure", "cupping": "cupping", "moxibustion": "moxibustion",
    "moxa": "moxibustion",
}

#: Physical therapy modalities that acupuncturists give with acupuncture (and bill beside
#: it): named in a request with acupuncture they do not make it physical therapy, and they
#: join its ``procedure`` under these names ("Acupuncture with e-stim and infrared" is
#: acupuncture, "electroacupuncture, infrared therapy").  Keys are the physical therapy
#: names (:data:`PHYSICAL_THERAPY` values).
ACUPUNCTURE_ADJUNCTS: Mapping[str, str] = {
    "electrical stimulation": "electroacupuncture", "massage therapy": "massage therapy",
    "infrared therapy": "infrared therapy", "myofascial release": "myofascial release",
    "manual therapy": "manual therapy", "hot/cold packs": "hot/cold packs",
}

#: Physical therapy modalities that are also bought for use at home ("Hot/cold packs",
#: "Cold packs"): ranked ``therapy``, so a request naming only them is the equipment
#: (:mod:`.equipment` lists them too), one naming a therapy is that therapy.
HOME_MODALITIES: frozenset[str] = frozenset({"hot packs", "cold packs"})

#: Biofeedback is here, not under physical therapy: the MTUS Chronic Pain guidelines
#: recommend it only as part of a cognitive behavioural therapy program.
PSYCHOLOGICAL_SERVICES: Mapping[str, str | None] = {
    "psychotherapy": "psychotherapy", "psychological treatment": "psychotherapy",
    "psychological therapy": "psychotherapy", "psychological services": None,
    "psychological": None, "psychology": None, "psychologist": None, "psych": None,
    "psychiatric": None, "psychiatry": None, "psychiatrist": None, "psychiatric treatment": None,
    "psychological evaluation": "psychological evaluation", "psych evaluation": "psychological evaluation",
    "psych eval": "psychological evaluation", "psychiatric evaluation": "psychiatric evaluation",
    "psychological testing": "psychological testing", "psychometric testing": "psychological testing",
    "neuropsychological testing": "neuropsychological testing",
    "neuropsychological evaluation": "neuropsychological testing",
    "neuropsych testing": "neuropsychological testing",
    "cognitive behavioral therapy": "cognitive behavioral therapy",
    "cognitive behavioural therapy": "cognitive behavioral therapy",
    "cognitive behavior therapy": "cognitive behavioral therapy",
    "cognitive therapy": "cognitive behavioral therapy", "CBT": "cognitive behavioral therapy",
    "biofeedback": "biofeedback", "neurofeedback": "biofeedback",
    "counseling": "counseling", "counselling": "counseling", "mental health": None,
    "behavioral health": None, "behavioral medicine": None, "pain psychology": None,
    "pain psychologist": None, "hypnotherapy": "hypnotherapy", "hypnosis": "hypnotherapy",
    "relaxation training": "relaxation training", "group therapy": "group psychotherapy",
    "group psychotherapy": "group psychotherapy", "stress management": "stress management",
    "EMDR": "EMDR", "medical hypnotherapy": "hypnotherapy",
}

HOME_HEALTH: Mapping[str, str | None] = {
    "home health": None, "home health care": None, "home healthcare": None,
    "home health services": None, "home health aide": "home health aide",
    "home health assistant": "home health aide", "home aide": "home health aide",
    "home attendant": "home health aide", "home assistance": "home health aide",
    "home care": None, "home care assistance": "home health aide", "in-home care": None,
    "in home assistance": "home health aide", "in-home support services": "home health aide",
    "IHSS": "home health aide", "caregiver": "home health aide", "care giver": "home health aide",
    "attendant care": "home health aide", "personal care attendant": "home health aide",
    "housekeeping": "housekeeping", "homemaker services": "housekeeping",
    "chore services": "housekeeping", "home nursing": "home nursing",
    "home nurse": "home nursing", "nursing care": "home nursing", "skilled nursing": "home nursing",
    "visiting nurse": "home nursing", "nurse visits": "home nursing",
    "home health nurse": "home nursing", "HHA": "home health aide", "RN visits": "home nursing", "home health nursing": "home nursing",
    "wound care": "home nursing", "home infusion": "home nursing",
}

PROGRAMS: Mapping[str, str | None] = {
    "functional restoration program": "functional restoration program",
    "functional restoration": "functional restoration program",
    "FRP": "functional restoration program",
    "HELP program": "functional restoration program",
    "chronic pain program": "chronic pain program",
    "chronic pain management program": "chronic pain program",
    "pain management program": "chronic pain program",
    "interdisciplinary pain program": "chronic pain program",
    "multidisciplinary pain program": "chronic pain program",
    "interdisciplinary pain management program": "chronic pain program",
    "multidisciplinary pain management program": "chronic pain program",
    "pain program": "chronic pain program", "pain rehabilitation program": "chronic pain program",
    "work hardening": "work hardening", "work hardening program": "work hardening",
    "work conditioning": "work conditioning", "work conditioning program": "work conditioning",
    "weight loss program": "weight loss program", "weight loss": "weight loss program",
    "weight reduction program": "weight loss program", "weight management program": "weight loss program",
    "Weight Watchers": "weight loss program", "Nutrisystem": "weight loss program",
    "Medifast": "weight loss program", "Lindora": "weight loss program",
    "gym membership": "gym membership", "gym": "gym membership",
    "health club membership": "gym membership", "fitness club membership": "gym membership",
    "YMCA membership": "gym membership", "pool membership": "gym membership",
    "aquatic membership": "gym membership", "membership": "gym membership",
    # "<therapy> membership" is the membership, not the therapy
    "pool therapy membership": "gym membership", "aquatic therapy membership": "gym membership",
    "aqua therapy membership": "gym membership", "water therapy membership": "gym membership",
    "detox": "detoxification", "detoxification": "detoxification",
    "detoxification program": "detoxification", "detox program": "detoxification",
    "opioid detox": "detoxification", "inpatient detox": "detoxification",
    "opioid weaning program": "detoxification", "rapid detox": "detoxification",
    "drug rehabilitation": "detoxification", "addiction treatment": "detoxification",
    "substance abuse program": "detoxification", "home exercise program": "home exercise program",
    "exercise program": "home exercise program", "back school": "back school",
    "independent exercise program": "home exercise program", "rehabilitation program": None,
    "rehab program": None, "restoration program": "functional restoration program",
    "day program": None, "program": None, "inpatient rehabilitation": "inpatient rehabilitation",
    "residential program": None,
}

TRANSPORTATION: Mapping[str, str | None] = {
    "transportation": None, "transport": None, "medical transportation": None,
    "non-emergency transportation": None, "non-emergency medical transportation": None,
    "NEMT": None, "taxi": "taxi", "cab": "taxi", "uber": "ride service", "lyft": "ride service",
    "mileage": "mileage", "ambulance": "ambulance", "wheelchair van": "wheelchair van",
    "medical van": "wheelchair van", "round trip": "round trip", "to and from": "round trip",
    "to/from": "round trip", "transport services": None,
    "transportation services": None,
}

OFFICE_VISITS: Mapping[str, str | None] = {
    "office visit": None, "office visits": None, "visit": None, "clinic visit": None,
    "follow-up": "follow-up visit", "follow up": "follow-up visit", "followup": "follow-up visit",
    "follow-up visit": "follow-up visit", "F/U": "follow-up visit", "follow up office visit": "follow-up visit",
    "return visit": "follow-up visit", "re-evaluation": "re-evaluation",
    "reevaluation": "re-evaluation", "re-assessment": "re-evaluation",
    "re-examination": "re-evaluation", "re-exam": "re-evaluation",
    "consultation": "consultation", "consult": "consultation", "second opinion": "consultation",
    "referral": "referral", "refer": "referral", "referred": "referral",
    "evaluation": "evaluation", "eval": "evaluation", "evaluate and treat": "evaluation and treatment",
    "evaluation and treatment": "evaluation and treatment",
    "eval and treatment": "evaluation and treatment", "eval and treat": "evaluation and treatment",
    "evaluation and treat": "evaluation and treatment", "eval & treat": "evaluation and treatment",
    "evaluation and management": "evaluation", "E&M": "evaluation", "assessment": "evaluation",
    "examination": "evaluation", "specialist": "consultation", "appointment": None,
    "TOC": "transfer of care", "transfer of care": "transfer of care",
    "transfer care": "transfer of care", "medical clearance": "medical clearance",
    "pre-operative clearance": "medical clearance", "preoperative clearance": "medical clearance",
    "pre-op clearance": "medical clearance", "surgical clearance": "medical clearance",
    "clearance": "medical clearance", "history and physical": "medical clearance",
    "H&P": "medical clearance", "medication management": "medication management",
    "pain management": "consultation", "pain management consultation": "consultation",
    "telemedicine": None, "telehealth": None, "internal medicine": "consultation",
    "orthopedic consultation": "consultation", "neurology consultation": "consultation",
    "neurosurgical consultation": "consultation", "podiatry consultation": "consultation",
    "primary treating physician": None, "PTP": None, "QME": None,
}

#: Phrases that make a request a medication without naming a drug (ranked ``drug form``).
MEDICATION_WORDS: Mapping[str, str | None] = {
    "cream": None, "gel": None, "ointment": None, "lotion": None, "patch": None,
    "topical": None, "topical analgesic": None, "topical compound": None,
    "compound": None, "compounded": None, "compounded cream": None, "transdermal": None,
    "medical food": None, "dietary supplement": None, "supplement": None, "vitamin": None,
    "oral suspension": None, "nasal spray": None, "suppository": None, "lozenge": None,
    "suspension": None, "oral solution": None, "compounding kit": None, "softgel": None,
}

#: Phrases that make a request a medication only when nothing else names its category
#: (ranked ``drug context``): an amount left unsaid, as letters write it for a product
#: ("Foocin (unknown quantity)").  A count ("#60") and a package size ("250ml") count
#: the same way (read by the service reader's patterns).
MEDICATION_CONTEXT: Mapping[str, str | None] = {
    "unknown quantity": None, "quantity unknown": None, "unspecified quantity": None,
    "quantity unspecified": None, "unknown dosage": None, "dosage unknown": None,
    "unknown dose": None, "unknown strength": None, "strength unknown": None,
}

#: Named services outside the contract's categories (they stay ``other``, but naming
#: them stops a weaker cue, such as a bare "therapy", from claiming the request).
OTHER_SERVICES: Mapping[str, str | None] = {
    "speech therapy": "speech therapy", "speech pathology": "speech therapy",
    "vocational rehabilitation": "vocational rehabilitation",
    "skilled nursing facility": "skilled nursing facility", "SNF": "skilled nursing facility",
    "hearing aid": "hearing aids", "dental": "dental treatment", "dentures": "dental treatment",
    "eyeglasses": "eyeglasses", "translator": "interpreter", "interpreter": "interpreter",
    "nutritionist": "nutrition consultation", "dietitian": "nutrition consultation",
    "oxygen therapy": "oxygen therapy", "hyperbaric oxygen": "hyperbaric oxygen therapy",
}

#: Weak cues, each with its category and rank name (see :data:`RANK`).
GENERIC_CUES: Mapping[str, tuple[str, str]] = {
    "surgery": ("surgery", "generic surgery"), "surgical": ("surgery", "generic surgery"),
    "surgeon": ("surgery", "generic surgery"), "operative": ("surgery", "generic surgery"),
    "operation": ("surgery", "generic surgery"), "surgical procedure": ("surgery", "generic surgery"),
    "anesthesia": ("surgery", "generic surgery"), "inpatient stay": ("surgery", "generic surgery"),
    "hospital stay": ("surgery", "generic surgery"), "length of stay": ("surgery", "generic surgery"),
    "inpatient": ("surgery", "generic surgery"), "outpatient surgery": ("surgery", "generic surgery"),
    "reconstruction": ("surgery", "generic surgery"), "replacement": ("surgery", "generic surgery"),
    "excision": ("surgery", "generic surgery"), "release": ("surgery", "generic surgery"),
    "medication": ("medication", "generic"), "medications": ("medication", "generic"),
    "prescription": ("medication", "generic"), "Rx": ("medication", "generic"),
    "refill": ("medication", "generic"), "pharmacy": ("medication", "generic"),
    "medicine": ("medication", "generic"), "drug": ("medication", "generic"),
    "tablets": ("medication", "generic"), "capsules": ("medication", "generic"),
    "tabs": ("medication", "generic"), "pills": ("medication", "generic"),
    "rental": ("durable medical equipment", "generic"),
    "purchase": ("durable medical equipment", "generic"),
    "equipment": ("durable medical equipment", "generic"),
    "supplies": ("durable medical equipment", "generic"),
    "device": ("durable medical equipment", "generic"),
    "therapy": ("physical therapy", "therapy"), "rehab": ("physical therapy", "therapy"),
    "rehabilitation": ("physical therapy", "therapy"), "therapy sessions": ("physical therapy", "therapy"),
    "therapist": ("physical therapy", "therapy"),
}

#: Phrases that decide nothing: matching them keeps their words from counting as cues
#: ("Associated surgical service: Hip pad" is equipment, "Post-op Norco" a medication,
#: "under fluoroscopy" does not make an injection imaging).
NEUTRAL_PHRASES: tuple[str, ...] = (
    "associated surgical service", "associated surgical services", "surgical service",
    "associated service", "pre-op", "post-op", "preop", "postop", "pre-operative",
    "post-operative", "preoperative", "postoperative", "post-surgical", "postsurgical",
    "post surgery", "pre surgery", "status post", "s/p", "under fluoroscopy",
    "under fluoroscopic guidance", "fluoroscopic guidance", "fluoroscopically guided",
    "fluoroscopy guided", "with fluoroscopy", "ultrasound guided", "ultrasound guidance",
    "under ultrasound guidance", "under ultrasound", "CT guided", "CT guidance",
    "image guided", "imaging guidance", "with sedation", "IV sedation",
    "retrospective", "retro", "prospective", "request for", "date of service", "DOS",
    "as an outpatient", "as a outpatient", "outpatient", "orthopedic", "orthopaedic", "ortho",
    "medical necessity", "affected area", "as needed", "by mouth", "orally", "apply",
)

#: Frequency adverbs: "twice a week" is 2 times a week (other number words are in
#: :mod:`.numbers`).
TIMES_WORDS: Mapping[str, int] = {"once": 1, "twice": 2, "thrice": 3}
