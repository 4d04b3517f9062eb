"""Cue words of case summaries: what introduces diagnoses, treatments, injuries, UR dates.

The extractor (:mod:`imrparse.fields.summary`) builds its patterns from these tuples:
entries are lower case phrases (:mod:`imrparse.text.phrases`); the frozensets are sets of
single words, compared whole.
"""

from __future__ import annotations

__all__ = [
    "DIAGNOSIS_LINK_WORDS", "NOT_A_LIST_START", "TREATMENT_ADJECTIVES", "TREATMENT_QUALIFIERS",
    "TREATMENT_LINK_WORDS", "TREATMENT_BLOCKERS", "INJURY_ADJECTIVES", "NOT_THIS_INJURY",
    "UR_NOUNS", "UR_DATE_LINKS", "REVIEW_NOUNS", "QUALIFIED_REVIEW_NOUNS", "REVIEW_QUALIFIERS",
    "REVIEW_VERB_LINKS", "ADVERSE_PARTICIPLES", "REVIEW_PARTICIPLES", "REQUEST_WORDS",
    "PASSIVE_AUXILIARIES", "REVIEW_ADVERBS", "OTHER_ADVERBS", "REVIEWING_PARTIES", "ADVERSE_WORDS", "MODIFIER_WORDS", "PROTECTED_PHRASES", "ENCOUNTER_SUFFIXES",
    "LIST_FILLERS", "TRAILING_QUALIFIERS",
]

#: Words between "diagnoses" and the list: "diagnoses were noted to include", "are documented as".
DIAGNOSIS_LINK_WORDS: tuple[str, ...] = (
    "are", "were", "is", "was", "has", "have", "had", "been", "being", "include", "includes",
    "included", "including", "consist of", "consists of", "consisted of", "consisting of",
    "that include", "that includes", "that included", "which include", "which includes",
    "which included", "that are", "which are", "that were", "which were", "that consist of",
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
    "noncertification", "response", "modification", "adverse determination", "board", "form",
)
#: Links from a UR reference to its date ("dated", "of", "with a decision date of").
UR_DATE_LINKS: tuple[str, ...] = (
    "with a decision date of", "with a date of", "decision date of", "issued on",
    "rendered on", "performed on", "completed on", "is dated", "was dated", "which was dated",
    "dated", "of", "on", "from", "date",
)

#: A review named without the words "utilization review" or "UR" (those are read by the
#: UR patterns themselves): nouns that name one by themselves ("a non-certification letter
#: of <date>", "the denial dated <date>", "the 12/1/2016 determination"). Their date follows
#: a link of UR_DATE_LINKS, or a few words and a link of REVIEW_VERB_LINKS.
REVIEW_NOUNS: tuple[str, ...] = (
    "determination", "adverse determination", "denial", "non-certification", "modification",
    "denial letter", "determination letter", "non-certification letter", "notice of denial",
    "notice of non-certification", "notice of modification",
)
#: Nouns that name a review only after a word of REVIEW_QUALIFIERS ("prior review dated",
#: "the previous decision of"): "a review of the records dated ..." is no review of a request.
QUALIFIED_REVIEW_NOUNS: tuple[str, ...] = ("review", "decision", "peer review")
#: Words before a review noun that make it the review of the request ("prior review").
REVIEW_QUALIFIERS: tuple[str, ...] = (
    "prior", "previous", "original", "initial", "earlier", "last", "most recent", "recent",
    "first", "peer",
)
#: Links from a review noun to its date across a few words: "The previous denial for the
#: requests below was on <date>", "a prior denial was made on <date>".
REVIEW_VERB_LINKS: tuple[str, ...] = (
    "was on", "was made on", "was issued on", "was rendered on", "was sent on",
    "was completed on", "was performed on", "was dated", "is dated", "was done on",
)
#: Participles that say a request was not approved as asked: "was non-certified on <date>"
#: (a hyphen in a phrase also matches a space or nothing: "noncertified", "non- certified").
ADVERSE_PARTICIPLES: tuple[str, ...] = (
    "denied", "non-certified", "not certified", "not approved", "not authorized",
    "not authorised", "deemed not medically necessary", "found not medically necessary",
    "found to be not medically necessary", "determined to be not medically necessary",
    "reviewed and denied", "reviewed and non-certified", "reviewed and modified",
    "adversely determined",
)
#: Participles that say a request was reviewed, or changed, but not by whom: "The request
#: was previously reviewed on <date>", "the request was modified on <date>". They date a
#: review only after an adverb of REVIEW_ADVERBS ("previously") or with a word of
#: REQUEST_WORDS before them in the sentence: "work restrictions were modified on <date>"
#: and "the MRI was reviewed on <date>" date no review.
REVIEW_PARTICIPLES: tuple[str, ...] = ("reviewed", "modified", "rejected", "declined", "addressed")
#: What a review is of: "the request(s)", "this case", "the treatment".
REQUEST_WORDS: tuple[str, ...] = (
    "request", "requests", "case", "treatment", "service", "services", "item", "items",
    "appeal", "authorization",
)
#: Auxiliaries of those participles: "was", "had been", "have been".
PASSIVE_AUXILIARIES: tuple[str, ...] = (
    "was", "were", "is", "are", "been", "being", "had been", "has been", "have been",
)
#: Adverbs between an auxiliary and a participle that say a review took place: "was
#: previously reviewed", "was partially modified".
REVIEW_ADVERBS: tuple[str, ...] = (
    "previously", "initially", "originally", "partially", "prospectively", "retrospectively",
)
#: Other adverbs that may stand there: "was subsequently denied".
OTHER_ADVERBS: tuple[str, ...] = ("subsequently", "also", "then", "again", "ultimately", "eventually")
#: Who denies a request in active voice: "On <date>, the claims administrator denied ...".
REVIEWING_PARTIES: tuple[str, ...] = (
    "claims administrator", "claim administrator", "carrier", "insurance carrier", "insurer",
    "adjuster", "reviewer", "physician reviewer", "reviewing physician", "peer reviewer",
)
#: Words that say a review did not approve what was asked, to choose among several reviews:
#: the one whose sentence has one of these non-certified the disputed request.
ADVERSE_WORDS: tuple[str, ...] = (
    "denied", "denial", "deny", "denies", "non-certified", "non-certify", "non-certification",
    "not certified", "not certify", "modified", "modify", "modification", "not approved",
    "not approve", "failed to approve", "did not approve", "not authorized", "rejected",
    "not medically necessary", "adverse",
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

#: Words of an ICD-10 title's qualifiers: an item of these (and MODIFIER_WORDS) alone only
#: finishes the item before it ("..., unspecified site", "..., lumbar region", "..., left
#: side", "..., multiple sites").
QUALIFIER_WORDS: frozenset[str] = frozenset({
    "unspecified", "site", "sites", "multiple", "other", "part", "parts", "initial",
    "subsequent", "encounter", "sequela", "routine", "delayed", "healing", "closed", "open",
    "nonunion", "malunion", "both", "each", "single", "bilaterally", "sided",
})
#: An item that starts with one of these finishes the item before it ("type 2 diabetes
#: mellitus, without complications", "radiculopathy, secondary to disc herniation").
CONTINUATION_STARTS: tuple[str, ...] = (
    "with", "without", "due to", "secondary to", "associated with", "involving", "affecting",
    "not elsewhere classified", "not otherwise specified", "NEC", "NOS", "ICD", "ICD-10",
    "ICD-9", "ICD 10",
)
#: Tissues and parts named as nouns in ICD titles: "of <X> and <this>" keeps one title
#: ("disorders of bone density and structure", "strain of muscle and tendon"), as a body
#: region of vocab.body_regions does ("contusion of lower back and pelvis").
TISSUE_WORDS: tuple[str, ...] = (
    "structure", "density", "tendon(s)", "fascia", "ligament(s)", "muscle(s)", "nerve(s)",
    "joint(s)", "bone(s)", "cartilage", "disc(s)", "disk(s)", "capsule", "bursa", "soft tissue",
    "tendon sheath", "upper arm", "lower leg", "upper limb", "lower limb",
)

#: Entries that are not items at all ("..., etc.").
LIST_FILLERS: tuple[str, ...] = ("etc", "etc.", "and so on", "among others", "and others", "others")

#: Tails cut from the last treatment ("physical therapy over the course of the claim").
TRAILING_QUALIFIERS: tuple[str, ...] = (
    "over the course of the claim", "over the life of the claim", "through the course of the claim",
    "to date", "thus far", "so far", "in the past",
)
