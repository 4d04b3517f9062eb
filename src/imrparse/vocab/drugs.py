"""How requests write drugs: what the service reader needs besides the drug tables.

Which names are drugs, and their ingredients and classes, are the drug tables'
(:mod:`imrparse.fields.drugs`, ``drug_table.tsv`` and ``drug_table_wc.tsv``): the service
reader finds every name of :func:`imrparse.fields.drugs.names` in a request.  This module
holds the rest, as data: how ``drug`` spells a name (:data:`SPELLINGS`), the table names
that are never read as drugs in a request (:data:`NOT_DRUG_NAMES`), the words a request may
write after a name and that stay part of the drug (:data:`SALT_SUFFIXES`,
:data:`RELEASE_SUFFIXES`: "Oxycodone HCL ER"), the topical forms kept after a single drug
(:data:`DOSAGE_FORMS`: "Voltaren gel", "Lidoderm patch"), what ends the name of a drug the
tables do not know (:data:`NAME_ENDS`), strength units, and the words that say a product
goes on the skin (:data:`TOPICAL_WORDS`).  Names are phrases (:mod:`imrparse.text.phrases`)
read loosely, as requests are written.
"""

from __future__ import annotations

from typing import Mapping

__all__ = [
    "SPELLINGS", "NOT_DRUG_NAMES", "SALT_SUFFIXES", "RELEASE_SUFFIXES", "DOSAGE_FORMS",
    "NAME_ENDS", "TOPICAL_WORDS", "STRENGTH_UNITS", "UNIT_SPELLINGS", "NOT_NAMES",
]

#: How ``drug`` spells a name the tables spell otherwise.  A name is spelt as the hand
#: table ``drug_table_wc.tsv`` spells it, else as the generated table does (lower case)
#: with a capital first letter ("Baclofen", "Depo medrol"); the brands here are spelt
#: as they write themselves.
SPELLINGS: tuple[str, ...] = (
    "OxyContin", "ConZip", "AndroGel", "Depo-Medrol", "Solu-Medrol", "MiraLAX", "GABAdone",
    "NicoDerm", "Vitamin A", "Vitamin B", "Vitamin D", "Vitamin E", "Aleve PM",
)

#: Names in the generated table that requests use as ordinary words, never as drugs
#: ("ENT evaluation of the ears and nose"), in the tables' spelling.
NOT_DRUG_NAMES: frozenset[str] = frozenset({
    "ears and nose", "capsule and granules", "special k", "quick pep", "boots bite",
    "sting relief", "natural fiber therapy", "iron supplements",
})

#: Salt words written after a name, and how ``drug`` spells them.
SALT_SUFFIXES: Mapping[str, str] = {
    "HCL": "HCL", "HCl": "HCL", "hydrochloride": "HCL", "sodium": "sodium", "Na": "sodium",
    "potassium": "potassium", "bitartrate": "bitartrate", "tartrate": "tartrate",
    "citrate": "citrate", "sulfate": "sulfate", "succinate": "succinate", "besylate": "besylate",
    "maleate": "maleate", "mesylate": "mesylate", "HBr": "HBr", "hydrobromide": "HBr",
    "acetate": "acetate", "phosphate": "phosphate", "magnesium": "magnesium",
    "calcium": "calcium",
}

#: Release forms written after a name, and how ``drug`` spells them.
RELEASE_SUFFIXES: Mapping[str, str] = {
    "ER": "ER", "XR": "XR", "SR": "SR", "CR": "CR", "IR": "IR", "XL": "XL", "LA": "LA",
    "CD": "CD", "DR": "DR", "ODT": "ODT", "EC": "EC", "DS": "DS", "ES": "ES",
    "extended release": "ER", "extended-release": "ER", "immediate release": "IR",
    "sustained release": "SR", "controlled release": "CR", "delayed release": "DR",
    "long acting": "ER", "orally disintegrating": "ODT", "double strength": "DS",
    "extra strength": "ES",
}

#: Topical and transdermal forms written after a single drug, kept in ``drug``.
DOSAGE_FORMS: Mapping[str, str] = {
    "gel": "gel", "cream": "cream", "patch": "patch", "patches": "patch",
    "transdermal patch": "patch", "topical patch": "patch", "ointment": "ointment",
    "lotion": "lotion", "spray": "spray", "nasal spray": "nasal spray", "solution": "solution",
    "topical solution": "solution", "foam": "foam", "roll-on": "roll-on", "film": "film",
    "topical cream": "cream", "topical gel": "gel", "topical": "topical", "liquid": "liquid",
    "suppository": "suppository", "lozenge": "lozenge",
}

#: What ends the name of a drug the tables do not know, besides a strength, a count
#: ("#60") or a package size ("250ml"): a dosage form, or an amount left unsaid
#: ("Fooprofen oral suspension 250ml", "Barcin patches", "Bazdone (unknown quantity)").
NAME_ENDS: tuple[str, ...] = (
    *DOSAGE_FORMS, "oral suspension", "suspension", "oral solution", "tablet", "tab",
    "capsule", "cap", "caplet", "softgel", "pill", "kit", "compounding kit", "oral", "PO",
    "by mouth", "unknown quantity", "quantity unknown", "unspecified quantity",
    "quantity unspecified", "unknown dosage", "dosage unknown", "unknown dose",
    "unknown strength", "strength unknown", "qty", "quantity",
)

#: Words outside a drug's name that put it on the skin ("Diclofenac, apply to the knee"):
#: its class is then read as a topical product's (:func:`imrparse.fields.drugs.lookup`).
TOPICAL_WORDS: tuple[str, ...] = (
    "apply", "applied", "application", "affected area", "topical", "topically", "transdermal",
    "cream", "gel", "ointment", "lotion", "patch", "compound", "compounded", "liniment",
    "roll-on", "to the skin",
)

#: Units of a drug strength ("20mg", "5%", "50mcg/hr"); package sizes ("120 grams") are not strengths.
STRENGTH_UNITS: tuple[str, ...] = (
    "mg", "mcg", "ug", "µg", "%", "meq", "iu", "units", "unit", "mg/ml", "mcg/hr", "mcg/h",
    "mg/hr", "mg/5ml", "mg/24hr", "mg/24h",
)

#: How ``strength`` spells a unit written otherwise (lower case key).
UNIT_SPELLINGS: Mapping[str, str] = {"ug": "mcg", "iu": "IU", "meq": "mEq", "units": "units"}

#: Words that are not part of an unknown drug's name when they precede what ends it
#: ("Retrospective request for Fooprofen 10mg" is "Fooprofen"), lower case: wrappers,
#: and the words that say what a drug is for rather than which it is ("Pain cream").
NOT_NAMES: frozenset[str] = frozenset({
    "post", "op", "pre", "postop", "preop", "post-op", "pre-op", "retrospective", "retro",
    "prospective", "request", "requested", "for", "of", "the", "a", "an", "and", "with",
    "prescription", "rx", "refill", "medication", "medications", "continue", "continued",
    "additional", "topical", "compound", "compounded", "cream", "gel", "patch", "dos",
    "tablet", "tablets", "tab", "tabs", "capsule", "capsules", "oral", "daily",
    "pain", "analgesic", "anti-inflammatory", "antiinflammatory", "muscle", "relaxant",
    "sleep", "aid", "unknown", "unspecified", "generic", "brand", "name", "new", "trial",
})
