"""Words for the people a case summary talks about: the patient, everyone else, and sex.

Used to read the patient's sex and to tell the patient's pronouns from a physician's.
All entries are lower case phrases (:mod:`imrparse.text.phrases`).
"""

from __future__ import annotations

__all__ = [
    "SEX_WORDS", "MALE_PRONOUNS", "FEMALE_PRONOUNS", "NEUTRAL_PRONOUN_PAIRS",
    "PATIENT_NOUNS", "OTHER_PERSON_NOUNS", "CARE_VERBS", "NOT_THE_PATIENT_AFTER_AGE",
]

#: Words that state a person's sex, with the sex they state.
SEX_WORDS: dict[str, str] = {
    "female": "female", "woman": "female", "lady": "female",
    "male": "male", "man": "male", "gentleman": "male",
}

MALE_PRONOUNS: tuple[str, ...] = ("he", "him", "his", "himself")
FEMALE_PRONOUNS: tuple[str, ...] = ("she", "her", "hers", "herself")

#: Both-sex forms, ignored when counting pronouns ("he/she", "his or her", "s/he").
NEUTRAL_PRONOUN_PAIRS: tuple[str, ...] = (
    "he/she", "she/he", "his/her", "her/his", "him/her", "her/him", "himself/herself",
    "herself/himself", "s/he", "(s)he", "he or she", "she or he", "his or her", "her or his",
    "him or her", "her or him", "himself or herself", "his/hers",
)

#: Nouns that name the patient in these summaries.
PATIENT_NOUNS: tuple[str, ...] = (
    "injured worker", "injured employee", "applicant", "patient", "claimant", "employee",
    "worker", "iw", "individual", "client", "member", "gentleman", "lady", "woman", "man",
    "male", "female",
)

#: Nouns for anyone else a pronoun may refer to: clinicians, lawyers, relatives, colleagues.
OTHER_PERSON_NOUNS: tuple[str, ...] = (
    "provider", "physician", "doctor", "dr", "surgeon", "ptp", "treater", "therapist",
    "chiropractor", "acupuncturist", "reviewer", "orthopedist", "orthopaedist", "neurologist",
    "neurosurgeon", "psychologist", "psychiatrist", "consultant", "specialist", "radiologist",
    "nurse", "practitioner", "examiner", "evaluator", "ame", "qme", "pqme", "attorney",
    "lawyer", "adjuster", "administrator", "clinician", "internist", "physiatrist",
    "anesthesiologist", "podiatrist", "dentist", "pharmacist", "cardiologist",
    "rheumatologist", "pain specialist", "np", "pa", "pa-c", "supervisor", "manager", "boss",
    "coworker", "co-worker", "employer", "wife", "husband", "spouse", "son", "daughter",
    "mother", "father", "sister", "brother", "boyfriend", "girlfriend", "friend", "customer",
    "driver", "officer",
)

#: Verbs whose object is the patient even when a physician is the subject
#: ("the provider examined him"): an object pronoun right after one counts for the patient.
CARE_VERBS: tuple[str, ...] = (
    "examined", "saw", "evaluated", "treated", "referred", "advised", "instructed", "told",
    "gave", "prescribed", "placed", "diagnosed", "released", "returned", "sent", "asked",
    "encouraged", "cleared", "injected", "offered", "provided", "counseled", "counselled",
    "started", "kept", "taught", "recommended", "re-evaluated", "reevaluated", "assessed",
    "admitted", "discharged", "restricted", "authorized",
)

#: Words after "N-year-old" that show the age is not the patient's ("her 5-year-old son").
NOT_THE_PATIENT_AFTER_AGE: tuple[str, ...] = (
    "son", "daughter", "child", "children", "kid", "grandson", "granddaughter", "grandchild",
    "boy", "girl", "baby", "infant", "toddler", "brother", "sister", "nephew", "niece",
    "dog", "cat", "car", "vehicle", "truck", "house", "home", "mattress", "injury", "injuries",
    "history", "fracture", "scar", "claim", "surgery", "implant", "prosthesis", "hardware",
    "complaint", "complaints", "condition", "study", "mri", "x-ray", "xray",
)
