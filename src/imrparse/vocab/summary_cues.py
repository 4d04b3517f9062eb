"""Cue words of case summaries: what introduces diagnoses, treatments, injuries, UR dates.

The extractor (:mod:`imrparse.fields.summary`) builds its patterns from these tuples:
entries are lower case phrases (:mod:`imrparse.text.phrases`); the frozensets are sets of
single words, compared whole.
"""

from __future__ import annotations

__all__ = [
    "DIAGNOSIS_LINK_WORDS", "NOT_A_LIST_START", "TREATMENT_ADJECTIVES", "TREATMENT_QUALIFIERS",
    "TREATMENT_LINK_WORDS", "TREATMENT_BLOCKERS", "INJURY_ADJECTIVES", "NOT_THIS_INJURY",
    "UR_NOUNS", "UR_DATE_LINKS", "MODIFIER_WORDS", "PROTECTED_PHRASES", "ENCOUNTER_SUFFIXES",
    "LIST_FILLERS", "TRAILING_QUALIFIERS",
]

#: Words between "diagnoses" and the list: "diagnoses were noted to include", "are documented as".
DIAGNOSIS_LINK_WORDS: tuple[str, ...] = (
    "are", "were", "is", "was", "has", "have", "had", "been", "being", "include", "includes",
    "included", "including", "consist of", "consists of", "consisted of", "consisting of",
    "documented", "noted", "listed", "reported", "stated", "described", "given", "recorded",
    "identified", "rendered", "as", "to", "be", "of", "consistent with", "currently",
    "now", "also", "primarily", "mainly",
)

#: A "list" starting with one of these is a sentence about the diagnoses, not a list.
NOT_A_LIST_START: tuple[str, ...] = (
    "reviewed", "discussed", "unclear", "unknown", "pending", "deferred", "not", "no",
    "changed", "unchanged", "updated", "made", "based", "confirmed", "clear", "uncertain",
    "none", "the same", "as above", "as follows", "below", "above", "that", "which", "was",
    "were", "is", "are", "has", "have", "had", "requested", "recommended", "being",
)

#: Adjectives before "treatment(s)" in a treatments-to-date cue ("prior treatment has included").
TREATMENT_ADJECTIVES: tuple[str, ...] = (
    "prior", "previous", "past", "relevant", "recent", "conservative", "other", "medical",
    "interventional", "current", "pertinent", "documented",
)
#: Words after "treatment(s)" in the cue ("treatment to date", "treatment rendered").
TREATMENT_QUALIFIERS: tuple[str, ...] = (
    "to date", "thus far", "so far", "until now", "rendered", "received", "provided", "tried",
    "attempted", "history", "modalities", "options",
)
#: Links from the cue to the list ("has been noted to include", "consisted of", ":").
TREATMENT_LINK_WORDS: tuple[str, ...] = (
    "has", "have", "had", "was", "were", "is", "are", "been", "noted", "documented",
    "reported", "listed", "stated", "to", "also", "previously",
)
#: Words just before "treatment" that make it the *requested* treatment, not the prior one.
TREATMENT_BLOCKERS: tuple[str, ...] = (
    "requested", "proposed", "recommended", "planned", "future", "further", "additional",
    "continued", "disputed", "plan of", "request for", "authorization for", "requests for",
    "the following", "ongoing",
)

#: Adjectives of the injury the claim is about ("industrial injury on", "work-related injury").
INJURY_ADJECTIVES: tuple[str, ...] = (
    "industrial", "work related", "work-related", "occupational", "work", "on the job",
    "on-the-job", "job related", "job-related", "specific", "cumulative trauma", "cumulative",
    "continuous trauma", "reported", "alleged", "original",
)
#: Words before "injury"/"injured" that name some other injury ("a prior injury on ...").
NOT_THIS_INJURY: tuple[str, ...] = (
    "prior", "previous", "past", "earlier", "subsequent", "new", "second", "another",
    "other", "non-industrial", "nonindustrial", "non industrial", "non-work", "nonwork",
    "remote", "additional", "later", "re", "re-", "recurrent", "further", "separate",
)

#: Nouns after "utilization review" in a dated reference ("UR report dated ...").
UR_NOUNS: tuple[str, ...] = (
    "report", "letter", "determination", "decision", "documentation", "notice", "denial",
    "review", "physician", "reviewer", "certification", "non-certification",
    "noncertification", "response", "modification", "adverse determination", "board",
)
#: Links from a UR reference to its date ("dated", "of", "with a decision date of").
UR_DATE_LINKS: tuple[str, ...] = (
    "with a decision date of", "with a date of", "decision date of", "issued on",
    "rendered on", "performed on", "completed on", "is dated", "was dated", "which was dated",
    "dated", "of", "on", "from", "date",
)

#: Words that, alone before "and", modify the noun after it: "neck and upper back pain" is
#: one diagnosis, "left and right sided sciatica" one item.
MODIFIER_WORDS: frozenset[str] = frozenset({
    "neck", "back", "low", "lower", "upper", "mid", "middle", "left", "right", "bilateral",
    "cervical", "thoracic", "lumbar", "lumbosacral", "sacral", "shoulder", "shoulders", "arm",
    "arms", "elbow", "elbows", "wrist", "wrists", "hand", "hands", "finger", "fingers", "hip",
    "hips", "knee", "knees", "ankle", "ankles", "foot", "feet", "leg", "legs", "head", "face",
    "chest", "abdominal", "pelvic", "groin", "jaw", "spine", "spinal", "anterior", "posterior",
    "medial", "lateral", "proximal", "distal", "acute", "chronic", "severe", "mild", "moderate",
    "cervicothoracic", "thoracolumbar", "upper extremity", "lower extremity", "physical",
    "occupational", "oral", "topical", "home", "aquatic", "land", "psychological",
    "psychiatric", "orthopedic", "neurological", "emotional", "sleep", "bowel", "bladder",
    "sexual", "muscle", "muscles", "tendon", "ligament", "joint", "disc", "disk", "extremity",
    "extremities", "side", "sided", "region", "area", "level", "levels",
})

#: Phrases whose commas or "and" never separate list items.
PROTECTED_PHRASES: tuple[str, ...] = (
    "muscle(s), fascia, and tendon(s)", "muscle(s), fascia, tendon(s)", "fascia and tendon(s)",
    "muscle(s) and tendon(s)", "sprain(s) and strain(s)", "strain(s) and sprain(s)",
    "left and right", "right and left", "signs and symptoms", "ice and heat", "heat and ice",
    "to and from", "and/or", "and-or",
)

#: Items that only finish the previous item ("strain of the right elbow, initial encounter").
ENCOUNTER_SUFFIXES: tuple[str, ...] = (
    "initial encounter", "subsequent encounter", "sequela", "initial", "subsequent",
    "initial encounter for closed fracture",
    "subsequent encounter for fracture with routine healing",
    "unspecified", "not elsewhere classified", "nec", "nos", "unspecified side",
)

#: Entries that are not items at all ("..., etc.").
LIST_FILLERS: tuple[str, ...] = ("etc", "etc.", "and so on", "among others", "and others", "others")

#: Tails cut from the last treatment ("physical therapy over the course of the claim").
TRAILING_QUALIFIERS: tuple[str, ...] = (
    "over the course of the claim", "over the life of the claim", "through the course of the claim",
    "to date", "thus far", "so far", "in the past",
)
