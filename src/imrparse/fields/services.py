"""What a disputed item asks for, normalised: :func:`normalize_service`.

A request ("MRI of the lumbar spine without contrast", "Norco 10/325mg #120",
"Additional physical therapy 3x2 for the low back and neck") becomes a
:class:`~imrparse.models.Service`: its category, modality, body regions, laterality,
contrast, sessions and frequency, drug (with its generic name and class), strength,
quantity and refills, procedure and spinal levels, each with the span of the words it
came from.

How it works
------------
The vocabularies (:mod:`imrparse.vocab`) are loose phrase sets
(:class:`imrparse.text.phrases.PhraseSet` with ``loose=True``): matched in any case and
on whole words, with words run together or parted by any mark ("x-ray", "X Ray" and
"xray" are one phrase), a plural allowed, leftmost-longest, so a phrase hides the words
inside it: "physical therapy evaluation" is one phrase, "knee scooter" is equipment and
hides "knee" from the region matcher. They are compiled on first use; a request is cut
into words once and each set looks its words up in a dictionary (linear time, no
backtracking).

* the *service* set finds category cues (with the specific procedure, test, device
  or program each names) and neutral phrases ("Associated surgical service:", "Post-op");
* the *region* set finds body regions and laterality;
* the *drug* set finds drug names: every name of the drug tables
  (:func:`imrparse.fields.drugs.names`, some 5,400 brand and generic names), made into a
  set when the first request is read (loading the tables and compiling the set take
  about 40 ms of processor time, once per process; a request then costs what it did);
* the *contrast* set finds contrast phrases.

The category is the cue with the highest rank (:data:`imrparse.vocab.services.RANK`),
the earliest of equal rank; a request that opens with a visit ("Referral to ... surgeon
for consultation regarding arthroscopy") is a visit.  Any drug name makes a medication
(unless an injection, or a service named before it, outranks it); so do, more weakly,
the words of a medication without a known name: a dosage form ("cream", "oral
suspension"), a strength, and, when nothing else names the category, a count ("#60"), a
package size ("250ml") or an amount left unsaid ("(unknown quantity)").

Counts, frequencies, strengths and spinal levels are read by small regexes, each
written so that no two unbounded repeats can match the same characters (linear on any
input, including a megabyte of spaces), and tried only when the text holds a word they
need ("week", "#", "refill").

Rules where the contract is silent
----------------------------------
* ``drug``: the vocabulary's spelling of the name (brands as branded, generics
  capitalised), then the salt and release words written after it in their usual
  abbreviation ("oxycodone hydrochloride extended-release" is "Oxycodone HCL ER"), then
  a topical form written right after a single drug ("Voltaren gel", "Lidoderm patch").
  Compounds and combinations are their components joined with "/"
  ("Flurbiprofen/Dextromethorphan/Lidocaine"); their ``strength`` is the components'
  strengths joined with "/" when every component has one, the single strength written
  after the last component for a combination product ("Hydrocodone/APAP 10/325mg"),
  else ``None``.  Strengths lose their spaces ("10/325 mg" is "10/325mg").  The tables'
  names are spelled as the hand table spells them, else with a capital first letter
  ("Baclofen"), except the brands of :data:`imrparse.vocab.drugs.SPELLINGS`
  ("OxyContin"); a brand in camel case is also found written in two words ("Lido Pro").
  A name that stands for a kind of product, not its ingredients ("Compound cream"), is
  the drug only when no other drug is named ("Compound cream: Flurbiprofen 20%,
  Lidocaine 5%" is "Flurbiprofen/Lidocaine").  A medication named by no table is the
  (at most three) words before the first thing that ends a drug's name (a strength, a
  dosage form, a count, a package size, an amount left unsaid), when no vocabulary reads
  them: "Zynqor (unknown quantity)" is "Zynqor".
* ``generic`` and ``drug_class``: :func:`imrparse.fields.drugs.lookup` of the drug as
  written, from its name to the end of its strength and dosage form ("Norco 10/325mg",
  "Flurbiprofen 20%/Lidocaine 5%"), told that the product goes on the skin when the
  request says so anywhere ("apply", "topical", "cream", "patch" ...:
  :data:`imrparse.vocab.drugs.TOPICAL_WORDS`); their spans are those words.  Both stay
  ``None`` for a name the tables do not know; ``generic`` alone for a product the tables
  know by its kind.  Injections get them too ("Toradol 60mg IM injection": ketorolac).
* ``contrast``: "with and without contrast" is ``True`` (contrast is given);
  arthrograms and myelograms are ``True``; "with or without contrast" is ``None``.
  Only imaging requests get a contrast.
* ``spine_levels``: motion segments written in full, "L4-5" is "L4-L5"; a range over
  several segments is expanded ("L3-S1" is "L3-L4", "L4-L5", "L5-S1"); a single
  vertebra stays one ("L5").  Single vertebrae are read only in injection and surgery
  requests ("T3" is also a thyroid test).  A level names its region ("Facet joint
  injections L4-5, L5-S1" is "lumbar spine") when the request names none of that spine.
* ``sessions``: "12 sessions", "Eight (8) sessions", "#6", "times 2", "x6", "(4)" after
  a duration, a leading count ("5 sessions of ...", "1 follow up visit"); a range
  ("12-18 sessions") gives its upper bound; otherwise frequency times duration
  ("3x2" is 6).  Counts are sessions only for session-like categories (therapies,
  visits, home health, programs, transportation); for equipment, tests, imaging,
  injections and surgery the same count is the ``quantity`` ("1 knee scooter",
  "Electrocardiogram times 3").  Medications take ``quantity`` from "#120",
  "Qty: 60", "quantity 90" or "120 tablets" only.
* ``procedure``: the canonical name of every specific procedure, injection, device,
  program or treatment of the winning category, in request order, joined with ", "
  ("arthroscopy, SLAP repair"; "TENS unit"; "biofeedback").  Imaging and tests put
  their name in ``modality`` instead.
* Acupuncture is its own category: the modalities acupuncturists give with it
  (:data:`imrparse.vocab.services.ACUPUNCTURE_ADJUNCTS`: electrical stimulation,
  massage, infrared, myofascial release, hot packs) do not make an acupuncture request
  physical therapy, in any order, and join its ``procedure`` ("acupuncture w/ e-stim" is
  "electroacupuncture").  A request that names physical therapy (or chiropractic) and
  acupuncture as services is the one it names first.
* ``procedure`` of transportation: "round trip" for "to and from", "to/from".
* Biofeedback is a psychological service (MTUS recommends it only within CBT); hand
  therapy is occupational therapy; radiofrequency ablation, nerve blocks and
  stimulator trials are injections; "Associated surgical service: X" is whatever X is.
* "... was the original request ... The remaining IMR eligible portion of the
  original request, X": only X is read (spans still point into the whole request).
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import Iterator, Mapping, NamedTuple

from ..models import Service, Span
from . import drugs as _lookup
from ..text.numbers import NUMBER_WORD_PATTERN, number_value
from ..text.phrases import Hit, PhraseSet, literal_pattern, prepare
from ..vocab import body_regions as _regions
from ..vocab import drugs as _drugs
from ..vocab import equipment as _equipment
from ..vocab import modalities as _modalities
from ..vocab import procedures as _procedures
from ..vocab import services as _vocab

__all__ = ["normalize_service", "service_completeness"]

_FLAGS = re.IGNORECASE | re.ASCII

# --------------------------------------------------------------------------- phrases


class _Cue(NamedTuple):
    category: str  # "" for a neutral phrase
    rank: int
    name: str | None  # the specific procedure, test, device ... it names
    fallback: bool = False  # its name counts only when no other cue of its category names one


def _cues() -> Iterator[tuple[str, _Cue]]:
    rank = _vocab.RANK
    specific = rank["specific"]
    tables: tuple[tuple[str, Mapping[str, str | None]], ...] = (
        ("physical therapy", _vocab.PHYSICAL_THERAPY),
        ("occupational therapy", _vocab.OCCUPATIONAL_THERAPY),
        ("chiropractic", _vocab.CHIROPRACTIC),
        ("acupuncture", _vocab.ACUPUNCTURE),
        ("psychological services", _vocab.PSYCHOLOGICAL_SERVICES),
        ("home health", _vocab.HOME_HEALTH),
        ("program", _vocab.PROGRAMS),
        ("transportation", _vocab.TRANSPORTATION),
        ("durable medical equipment", _equipment.EQUIPMENT),
        ("surgery", _procedures.SURGERY),
        ("other", _vocab.OTHER_SERVICES),
    )
    home = _vocab.HOME_MODALITIES
    for category, table in tables:
        for phrase, name in table.items():
            weak = category == "physical therapy" and phrase in home
            yield phrase, _Cue(category, rank["therapy"] if weak else specific, name)
    for phrase, name in _procedures.INJECTIONS.items():
        yield phrase, _Cue("injection", rank["injection"], name)
    for phrase, name in _procedures.INJECTION_SITES.items():
        yield phrase, _Cue("injection", rank["injection site"], name, fallback=True)
    for phrase, name in _vocab.OFFICE_VISITS.items():
        yield phrase, _Cue("office visit", rank["visit"], name)
    for phrase, name in _vocab.MEDICATION_WORDS.items():
        yield phrase, _Cue("medication", rank["drug form"], name)
    for phrase, name in _vocab.MEDICATION_CONTEXT.items():
        yield phrase, _Cue("medication", rank["drug context"], name)
    for phrase, modality in _modalities.IMAGING.items():
        yield phrase, _Cue("imaging", specific, modality)
    for phrase in _modalities.GENERIC_IMAGING:
        yield phrase, _Cue("imaging", rank["generic test"], None)
    generic_tests = set(_modalities.GENERIC_TESTS)
    for phrase, modality in _modalities.TESTS.items():
        test_rank = rank["generic test"] if phrase in generic_tests else specific
        yield phrase, _Cue("diagnostic testing", test_rank, modality)
    for phrase in generic_tests - set(_modalities.TESTS):
        yield phrase, _Cue("diagnostic testing", rank["generic test"], None)
    for phrase, (category, rank_name) in _vocab.GENERIC_CUES.items():
        yield phrase, _Cue(category, rank[rank_name], None)
    for phrase in _vocab.NEUTRAL_PHRASES:
        yield phrase, _Cue("", 0, None)


def _regions_and_sides() -> Iterator[tuple[str, tuple[tuple[str, ...], str | None]]]:
    for phrase, names in _regions.REGIONS.items():
        yield phrase, (names, None)
    for phrase in _regions.MASKS:
        yield phrase, ((), None)
    for phrase, (side, names) in _regions.LATERALITY.items():
        yield phrase, (names, side)
    for plural, name in _regions.PAIRED_REGIONS.items():
        yield "both " + plural, ((name,), "bilateral")


# The vocabularies as loose phrase sets (see imrparse.text.phrases), compiled on first use.
_SERVICES = PhraseSet(_cues(), loose=True)
_REGIONS = PhraseSet(_regions_and_sides(), loose=True)
_MARKERS = PhraseSet.of(_drugs.NAME_ENDS, loose=True)
_TOPICAL = PhraseSet.of(_drugs.TOPICAL_WORDS, loose=True)
_CONTRAST = PhraseSet(_modalities.CONTRAST.items(), loose=True)
_SUFFIXES = PhraseSet(
    list(_drugs.SALT_SUFFIXES.items()) + list(_drugs.RELEASE_SUFFIXES.items()), loose=True
)
_FORMS = PhraseSet(_drugs.DOSAGE_FORMS.items(), loose=True)

_SPECIFIC = _vocab.RANK["specific"]
_STRENGTH_ONLY = _vocab.RANK["strength"]
_DRUG_CONTEXT = _vocab.RANK["drug context"]
_GENERIC_SURGERY = _vocab.RANK["generic surgery"]
_SESSION_CATEGORIES = _vocab.SESSION_CATEGORIES
_CATEGORY_SET = frozenset(_vocab.CATEGORIES)


class _Name(NamedTuple):
    """A drug name found: as ``drug`` spells it, and whether the tables know which
    ingredients it stands for ("Compound cream" does not)."""

    shown: str
    named: bool


@functools.cache
def _drug_names() -> PhraseSet[_Name]:
    """Every name of the drug tables (:func:`imrparse.fields.drugs.names`) as a loose phrase
    set; made on first use (the tables load then).  A name that is another name with salt
    or release words after it ("oxycodone hydrochloride", "voltaren xr") is left out: the
    reader reads those words itself and spells them its way ("Oxycodone HCL", "Voltaren XR")."""
    spelled = {_lookup.key(s): s for s in _drugs.SPELLINGS}
    keyed = _lookup.keyed_names()
    unnamed = _lookup.unnamed_ingredients()
    entries = []
    for k, name in keyed.items():
        if k in _drugs.NOT_DRUG_NAMES or (" " in k and _ends_in_suffix(k, keyed)):
            continue
        # The generated table spells its names as their keys (lower case).
        shown = spelled.get(k) or (name if name != k else name[:1].upper() + name[1:])
        value = _Name(shown, name not in unnamed)
        entries.append((name, value))
        if not shown[1:].islower() and _CAMEL_RE.search(shown):  # "LidoPro": also "Lido-Pro"
            entries.append((_CAMEL_RE.sub(r"\1 \2", shown), value))
    return PhraseSet(entries, loose=True)


# A capital inside a word: where a brand spelled in camel case ("LidoPro", "OxyContin")
# is broken when written in two words.
_CAMEL_RE = re.compile(r"([a-z])([A-Z])")


_SUFFIX_WORDS = frozenset(
    word for phrase in (*_drugs.SALT_SUFFIXES, *_drugs.RELEASE_SUFFIXES)
    for word in _lookup.key(phrase).split()
)


def _ends_in_suffix(key: str, keys: Mapping[str, str]) -> bool:
    """Whether ``key`` is another key followed by salt or release words."""
    words = key.split()
    while len(words) > 1 and words[-1] in _SUFFIX_WORDS:
        words.pop()
        if " ".join(words) in keys:
            return True
    return False


# --------------------------------------------------------------------------- numbers

_TIMES_ALT = PhraseSet.of(_vocab.TIMES_WORDS).pattern()
_NUM = rf"(?:\d{{1,3}}|{NUMBER_WORD_PATTERN})"


def _number(text: str) -> int | None:
    """``"12"``, ``"twelve"``, ``"twice"`` as a number."""
    value = number_value(text)
    return value if value is not None else _vocab.TIMES_WORDS.get(text.strip().lower())


_WEEK = r"(?:weeks?|wks?|w)\b"
_PER = r"(?:a|per|each|every|/|in\s+a)"
_FREQUENCY_RE = re.compile(
    rf"""(?<![\w.])(?:
        (?P<f1>{_NUM})\s*(?:x|times?)\s*(?:{_PER}\s*)?{_WEEK}
      | (?P<f2>{_NUM})\s*(?:/|per|a|each)\s*{_WEEK}
      | (?P<f3>{_TIMES_ALT})\s*(?:{_PER}\s*)?{_WEEK}
      | (?P<f4>{_NUM}|{_TIMES_ALT})(?:\s*(?:x|times?))?\s*weekly\b
      | (?P<f5>{_NUM})\s*days?\s*(?:a|per|/|each)\s*{_WEEK}
    )""",
    _FLAGS | re.VERBOSE,
)
_DURATION_RE = re.compile(rf"(?<![\w./])(?P<d>{_NUM})(?:\s*-)?\s*(?:weeks?|wks?)\b", _FLAGS)
# "3x2": three a week for two weeks.
_SHORTHAND_RE = re.compile(
    "(?<![\\w./#-])(?P<f>[1-7])\\s*[x\u00d7]\\s*(?P<d>\\d{1,2})(?![\\w./%:-])"
    r"(?!\s*(?:sessions?|visits?|days?|months?|hours?|hrs?|refills?|mg)\b)"
    r"(?:\s*(?:weeks?|wks?)\b)?",
    _FLAGS,
)
_SESSION_WORD = r"(?:sessions?|visits?|treatments?|appointments?)\b"
# What may not follow a count: it is a frequency or a duration, not a count.
_NOT_A_COUNT = (
    r"(?![\w.])(?!\s*(?:weeks?|wks?|days?|months?|hours?|hrs?|per\b|a\s+(?:week|day|month)"
    r"|/|x\b|times|refills?))"
)
_FILLER = (
    r"(?:(?!(?:weeks?|wks?|days?|months?|hours?|hrs?|times|per|a|x|for|to)\b)"
    r"[a-z][a-z&'/-]*,?\s+)"
)
# Each count pattern with the words one of which the text must contain for it to be
# tried (a cheap test that keeps the patterns off texts they cannot match).
_SESSION_GUARD = ("session", "visit", "treatment", "appointment")
_COUNT_PATTERNS: tuple[tuple[tuple[str, ...], re.Pattern[str]], ...] = (
    # "12 sessions", "Eight (8) physical therapy sessions", "12-18 sessions"
    (_SESSION_GUARD, re.compile(
        rf"(?<![\w./#])(?:{_NUM}\s*(?:-|to)\s*)?(?P<n>{_NUM})(?:\s*\(\s*\d{{1,3}}\s*\))?"
        rf"\s+{_FILLER}{{0,4}}?{_SESSION_WORD}",
        _FLAGS,
    )),
    # "sessions: 12", "visits x 6", "sessions, 12"
    (("session", "visit"), re.compile(
        rf"\b(?:sessions?|visits?)(?:\s*(?:[:#=,]|x|times))?\s*(?:of\s+)?(?P<n>\d{{1,3}}){_NOT_A_COUNT}",
        _FLAGS,
    )),
    # "series of 3"
    (("series",), re.compile(rf"\bseries\s+of\s+(?P<n>{_NUM}){_NOT_A_COUNT}", _FLAGS)),
    # "#6"
    (("#",), re.compile(r"#\s*(?P<n>\d{1,4})\b", _FLAGS)),
    # "times 2", "x6", "x 1"
    (("x", "times", "\u00d7"), re.compile(
        "(?:(?<![\\w])x|\u00d7|\\btimes)\\s*(?P<n>" + _NUM + ")" + _NOT_A_COUNT,
        _FLAGS,
    )),
    # "for 2 weeks (4)"
    (("(",), re.compile(r"(?:weeks?|wks?)\s*\(\s*(?P<n>\d{1,3})\s*\)", _FLAGS)),
    # "Qty: 2", "quantity of 3"
    (("qty", "quantity"), re.compile(
        r"\b(?:qty|quantity)\s*(?:of\b\s*)?(?:[:#=]\s*)?(?P<n>\d{1,4})\b", _FLAGS
    )),
)
# A leading count: "1 knee scooter", "Associated surgical service: 2 leg wraps".
_LEADING_COUNT_RE = re.compile(
    rf"\s*(?:[a-z][a-z ]{{0,40}}:\s*)?(?P<n>{_NUM})(?:\s*\(\s*\d{{1,3}}\s*\))?\s+(?=[a-z])"
    r"(?!(?:weeks?|wks?|days?|months?|hours?|hrs?|times|x|mg|ml|lead|minutes?|years?)\b)",
    _FLAGS,
)
_QUANTITY_PATTERNS: tuple[tuple[tuple[str, ...], re.Pattern[str]], ...] = (
    (("#",), re.compile(r"#\s*(?P<n>\d{1,5})(?!\d)", _FLAGS)),
    (("qty", "quantity"), re.compile(
        r"\b(?:qty|quantity)\s*(?:of\b\s*)?(?:[:#=]\s*)?(?P<n>\d{1,5})\b", _FLAGS
    )),
    (("tab", "cap", "pill", "patch", "count"), re.compile(
        r"(?<![\w.-])(?<!-\s)(?P<n>\d{2,4})\s*"
        r"(?:tablets?|tabs?|capsules?|caps?|pills?|patch(?:es)?|count)\b",
        _FLAGS,
    )),
)
_REFILLS_RE = re.compile(
    # not the count of "#30 refills x3"
    rf"(?<![\w.#])(?<!#\s)(?P<n1>\d{{1,2}}|no|{NUMBER_WORD_PATTERN})\s*(?:additional\s+)?refills?\b"
    r"|\bx\s*(?P<n2>\d{1,2})\s*refills?\b"
    r"|\brefills?(?:\s*[:x#=])?\s*(?P<n3>\d{1,2})\b",
    _FLAGS,
)

_UNIT_ALT = literal_pattern(u for u in _drugs.STRENGTH_UNITS if u.isascii())
_AMOUNT = r"\d{1,6}(?:\.\d{1,4})?(?:\s*[/-]\s*\d{1,6}(?:\.\d{1,4})?){0,3}"
_STRENGTH_RE = re.compile(
    rf"(?<![\w.#/])(?P<amount>{_AMOUNT})\s*(?P<unit>{_UNIT_ALT})(?![a-z])", _FLAGS
)
# Right after a drug: a strength, or a bare ratio ("Norco 10/325").
_ADJACENT_STRENGTH_RE = re.compile(
    rf"(?:\s*,)?\s*(?:(?P<amount>{_AMOUNT})\s*(?P<unit>{_UNIT_ALT})(?![a-z])"
    r"|(?P<ratio>\d{1,4}(?:\.\d{1,3})?/\d{1,4}(?:\.\d{1,3})?)(?![\d/.]))",
    _FLAGS,
)
_GAP_RE = re.compile(r"[\s,]*")
# A count ("#60") or a package size ("250ml", "120 grams", "4 oz"): a product, when
# nothing else names the request's category.
_DRUG_CONTEXT_RE = re.compile(
    r"#\s*\d{1,4}(?!\d)"
    r"|(?<![\w.])\d{1,4}(?:\.\d{1,2})?\s*(?:ml|mls|cc|gm|gms|g|grams?|oz|ounces?|fl\s*oz)\b",
    _FLAGS,
)
_SUFFIX_GAP_RE = re.compile(r"[\s,-]*")
_ALIAS_RE = re.compile(r"\s*\((?P<inner>[^()]{1,80})\)")
_JOINER_RE = re.compile(r"(?:\s*(?:[/+,&-]|\band\b|\bwith\b|\bplus\b))?\s*", _FLAGS)

_LEVEL_RE = re.compile(
    r"(?<![a-z0-9])(?P<l1>[CTLS])(?P<n1>\d{1,2})"
    r"(?:\s*(?:-|/|to|through|thru)\s*(?P<l2>[CTLS])?(?P<n2>\d{1,2}))?"
    r"(?![0-9%]|\.\d|\s*(?:mg|mcg|ml)\b)",
    _FLAGS,
)
_VERTEBRA_INDEX = {name: i for i, name in enumerate(_regions.VERTEBRAE)}
_MAX_EXPANDED_SEGMENTS = 6

# "... was the original request. ... The remaining IMR eligible portion of the original
# request, X": only X is the disputed service.
_REMAINING_RE = re.compile(
    r"remaining\s+(?:IMR[\s-]*eligible\s+)?portion\s+of\s+the\s+original\s+request"
    r"(?:\s*is\b)?(?:\s*[,:;])?\s*(?:(?:is|for)\s+)?",
    _FLAGS,
)

_WORD_RE = re.compile(r"[A-Za-z][A-Za-z0-9-]*")

# --------------------------------------------------------------------------- normaliser


def normalize_service(request: str) -> Service:
    """The service ``request`` asks for, normalised (see the module docstring).

    ``spans`` are offsets into ``request``.  Never raises; a request naming nothing
    known is category ``"other"``.
    """
    if not isinstance(request, str) or not request:
        return Service()
    remaining = _REMAINING_RE.search(request) if "portion" in request.lower() else None
    offset = remaining.end() if remaining else 0
    return _Reader(request, offset).service()


def service_completeness(service: Service) -> str:
    """``"full"`` (a category and at least one detail: modality, body region, sessions,
    drug or procedure), ``"partial"`` (a category only) or ``"unrecognised"``."""
    if service.category == "other":
        return "unrecognised"
    if (
        service.modality
        or service.body_regions
        or service.sessions is not None
        or service.drug
        or service.procedure
    ):
        return "full"
    return "partial"


class _Drug(NamedTuple):
    name: str | None
    strength: str | None
    end: int  # where the drug and its strength end in the text read
    start: int = -1  # where its name starts (-1: no name read)
    form_end: int = -1  # where a dosage form read after it ends (-1: none)


class _Reader:
    """One request being read: the text after ``offset``, spans shifted by it."""

    def __init__(self, request: str, offset: int) -> None:
        self.text = request[offset:]
        self.words = prepare(self.text)  # searched by every phrase set
        self.lower = self.words.low  # also for the guards of :meth:`has`
        self.offset = offset
        self.spans: dict[str, Span] = {}
        self.shorthand: tuple[int, int] | None = None  # where "3x2" was read

    def has(self, words: tuple[str, ...]) -> bool:
        """Whether the text contains one of ``words`` (lower case), anywhere."""
        lower = self.lower
        for word in words:
            if word in lower:
                return True
        return False

    def after(self, phrases: PhraseSet[str], pos: int, gap: re.Pattern[str]) -> Hit[str] | None:
        """The phrase that starts at the first word after ``pos``, when only ``gap``
        (white space, commas ...) stands between."""
        skipped = gap.match(self.text, pos)
        return phrases.match_at(self.words, skipped.end() if skipped else pos)

    def span(self, start: int, end: int) -> Span:
        return Span(start + self.offset, end + self.offset)

    def note(self, key: str, start: int, end: int) -> None:
        """Record where ``key``'s value was read, unless it already was."""
        if key not in self.spans:
            self.spans[key] = self.span(start, end)

    def service(self) -> Service:
        text = self.text
        cues = _SERVICES.find_all(self.words)
        drug_hits = _drug_names().find_all(self.words)
        if any(hit.value.named for hit in drug_hits):  # "Compound cream: Foo 10%, Bar 5%"
            drug_hits = [hit for hit in drug_hits if hit.value.named]
        strengths = list(_STRENGTH_RE.finditer(text))
        context = [m.span() for m in _DRUG_CONTEXT_RE.finditer(text)]
        category, deciding = self.category(cues, drug_hits, strengths, context)
        winning = [
            (hit, cue) for hit in cues for cue in hit.values if cue.category == category
        ]
        if category == "acupuncture":
            winning = _with_adjuncts(cues, winning)

        modality = procedure = None
        if category in ("imaging", "diagnostic testing"):
            modality = self.modality(winning)
        else:
            procedure = self.procedure(winning)

        regions, laterality = self.regions()
        levels = self.levels(category, regions)
        contrast = self.contrast() if category == "imaging" else None

        drug: _Drug | None = None
        info: _lookup.DrugInfo | None = None
        quantity = refills = None
        if category == "injection" and drug_hits:
            drug = self.drug(drug_hits)
        elif category == "medication":
            drug = self.drug(drug_hits) if drug_hits else self.unknown_drug(strengths, context, cues)
        if drug is not None:
            info = self.drug_info(drug, injected=category == "injection")
        if category == "injection" and procedure is None and drug is not None and info:
            # "Kenalog 40mg injection": the drug says which injection it is.
            procedure = _procedures.INJECTION_BY_DRUG_CLASS.get(info.drug_class or "")
            if procedure is not None:
                self.note("procedure", drug.start, drug.end)
        if category == "medication":
            quantity = self.medication_quantity(drug.end if drug else 0)
            refills = self.refills()

        sessions = frequency = duration = None
        if category != "medication":
            frequency, duration = self.frequency_and_duration()
            count = self.count()
            if count is not None:
                value, start, end = count
                key = "sessions" if category in _SESSION_CATEGORIES else "quantity"
                self.note(key, start, end)
                if key == "sessions":
                    sessions = value
                else:
                    quantity = value
            elif category in _SESSION_CATEGORIES and frequency and duration:
                sessions = frequency * duration
                read = (self.spans["frequency_per_week"], self.spans["duration_weeks"])
                self.spans["sessions"] = Span(min(s.start for s in read), max(s.end for s in read))

        if deciding is not None:
            self.spans["category"] = deciding
        return Service(
            category=category,
            modality=modality,
            body_regions=tuple(regions),
            laterality=laterality,
            contrast=contrast,
            sessions=sessions,
            frequency_per_week=frequency,
            duration_weeks=duration,
            drug=drug.name if drug else None,
            strength=drug.strength if drug else None,
            quantity=quantity,
            refills=refills,
            procedure=procedure,
            spine_levels=tuple(levels),
            generic=info.generic if info else None,
            drug_class=info.drug_class if info else None,
            spans=dict(sorted(self.spans.items())),
        )

    # ------------------------------------------------------------------ category

    def category(
        self,
        cues: list[Hit[_Cue]],
        drug_hits: list[Hit[_Name]],
        strengths: list[re.Match[str]],
        context: list[tuple[int, int]],
    ) -> tuple[str, Span | None]:
        best: tuple[int, int, int] | None = None
        choice = ("other", 0, 0)
        # With acupuncture, the modalities acupuncturists add to it decide nothing.
        acupuncture = any(cue.category == "acupuncture" for hit in cues for cue in hit.values)
        candidates: list[tuple[int, int, int, str]] = [
            (cue.rank, hit.start, hit.end, cue.category)
            for hit in cues for cue in hit.values
            if cue.category and not (acupuncture and _is_adjunct(cue))
        ]
        # "Referral to ... surgeon for consultation regarding knee arthroscopy": a
        # request that opens with a visit is about the surgery, not for it.
        if candidates and min(candidates, key=lambda c: c[1])[3] == "office visit":
            candidates = [
                (min(rank, _GENERIC_SURGERY), start, end, category)
                if category == "surgery" else (rank, start, end, category)
                for rank, start, end, category in candidates
            ]
        candidates += [(_SPECIFIC, hit.start, hit.end, "medication") for hit in drug_hits]
        candidates += [(_STRENGTH_ONLY, m.start(), m.end(), "medication") for m in strengths]
        candidates += [(_DRUG_CONTEXT, start, end, "medication") for start, end in context]
        for rank, start, end, category in candidates:
            score = (rank, -start, end - start)
            if best is None or score > best:
                best = score
                choice = (category, start, end)
        category, start, end = choice
        if best is None or category not in _CATEGORY_SET:
            return "other", None
        return category, self.span(start, end)

    def modality(self, winning: list[tuple[Hit[_Cue], _Cue]]) -> str | None:
        named = [(hit, cue) for hit, cue in winning if cue.name]
        if not named:
            return None
        names = {cue.name for _, cue in named if cue.name}
        for pair, combined in _modalities.COMBINED_MODALITIES.items():
            if pair <= names:
                first = min(hit.start for hit, cue in named if cue.name in pair)
                last = max(hit.end for hit, cue in named if cue.name in pair)
                self.note("modality", first, last)
                return combined
        top = max(cue.rank for _, cue in named)
        hit, cue = next((h, c) for h, c in named if c.rank == top)
        self.note("modality", hit.start, hit.end)
        return cue.name

    def procedure(self, winning: list[tuple[Hit[_Cue], _Cue]]) -> str | None:
        names: list[str] = []
        first = last = None
        strong = any(cue.name is not None and not cue.fallback for _, cue in winning)
        for hit, cue in winning:
            if cue.name is None or (strong and cue.fallback):
                continue
            if cue.name not in names:
                names.append(cue.name)
            first = hit.start if first is None else first
            last = hit.end
        if not names or first is None or last is None:
            return None
        self.note("procedure", first, last)
        return ", ".join(names)

    # ------------------------------------------------------------------ where

    def regions(self) -> tuple[list[str], str | None]:
        regions: list[str] = []
        sides: list[tuple[str, int, int]] = []
        for hit in _REGIONS.find_all(self.words):
            for names, side in hit.values:
                for name in names:
                    if name not in regions:
                        self.note(f"body_regions.{len(regions)}", hit.start, hit.end)
                        regions.append(name)
                if side:
                    sides.append((side, hit.start, hit.end))
        if not sides:
            return regions, None
        kinds = {side for side, _, _ in sides}
        if "bilateral" in kinds or {"left", "right"} <= kinds:
            side, start, end = next(
                (s for s in sides if s[0] == "bilateral"), sides[0]
            )
            self.note("laterality", start, end)
            return regions, "bilateral"
        side, start, end = sides[0]
        self.note("laterality", start, end)
        return regions, side

    def levels(self, category: str, regions: list[str]) -> list[str]:
        levels: list[str] = []
        named: list[tuple[int, int, str]] = []  # the spine each level names, and where
        singles_allowed = category in ("injection", "surgery")
        for m in _LEVEL_RE.finditer(self.text):
            first = m.group("l1").upper() + str(int(m.group("n1")))
            if first not in _VERTEBRA_INDEX:
                continue
            if m.group("n2") is None:
                if not singles_allowed:
                    continue
                segments = [first]
            else:
                letter = (m.group("l2") or m.group("l1")).upper()
                second = letter + str(int(m.group("n2")))
                if second not in _VERTEBRA_INDEX:
                    continue
                segments = _segments(first, second)
            for segment in segments:
                if segment not in levels:
                    self.note(f"spine_levels.{len(levels)}", m.start(), m.end())
                    levels.append(segment)
            for letter in (m.group("l1"), m.group("l2") or m.group("l1")):
                named.append((m.start(), m.end(), _regions.LEVEL_REGIONS[letter.upper()]))
        # A level names its spine when the request does not name it in words.
        for start, end, region in named:
            if region not in regions:
                self.note(f"body_regions.{len(regions)}", start, end)
                regions.append(region)
        return levels

    def contrast(self) -> bool | None:
        hits = _CONTRAST.find_all(self.words)
        if not hits:
            return None
        hit = hits[0]
        self.note("contrast", hit.start, hit.end)
        return hit.values[0]

    # ------------------------------------------------------------------ medications

    def drug(self, hits: list[Hit[_Name]]) -> _Drug:
        """The drug the first name found begins (see the module docstring)."""
        text = self.text
        components: list[tuple[str, str | None, int, int]] = []  # name, strength, s_start, s_end
        start = hits[0].start
        name_end = hits[0].end
        form: str | None = None
        form_end = -1
        i = 0
        while i < len(hits):
            hit = hits[i]
            words = [hit.value.shown]
            end = hit.end
            for _ in range(4):
                suffix = self.after(_SUFFIXES, end, _SUFFIX_GAP_RE)
                if suffix is None:
                    break
                if suffix.values[0] not in words:
                    words.append(suffix.values[0])
                end = suffix.end
            name_end = end
            nxt = i + 1
            alias = _ALIAS_RE.match(text, end)
            if alias and nxt < len(hits) and hits[nxt].start >= alias.start():
                inside = [j for j in range(nxt, len(hits)) if hits[j].end <= alias.end()]
                if inside:
                    nxt = inside[-1] + 1
                    end = alias.end()
            found_form = self.after(_FORMS, end, _GAP_RE)
            if found_form is not None:
                form, end = found_form.values[0], found_form.end
                name_end = form_end = end
            strength: str | None = None
            s_start = s_end = -1
            adjacent = _ADJACENT_STRENGTH_RE.match(text, end)
            if adjacent is not None:
                strength = _strength_text(adjacent)
                s_start = adjacent.start("amount") if adjacent.group("amount") else adjacent.start("ratio")
                s_end = end = adjacent.end()
                if form is None:
                    found_form = self.after(_FORMS, end, _GAP_RE)
                    if found_form is not None:
                        form, form_end = found_form.values[0], found_form.end
            components.append((" ".join(words), strength, s_start, s_end))
            if nxt < len(hits) and _JOINER_RE.fullmatch(text, end, hits[nxt].start):
                i = nxt
                continue
            break

        if len(components) == 1:
            name = components[0][0] + (f" {form}" if form else "")
        else:
            name = "/".join(c[0] for c in components)
        self.note("drug", start, name_end)

        # Every component's strength, or the one strength of a combination product
        # written after its last component ("Hydrocodone/APAP 10/325mg").
        strengths_read = [c[1] for c in components if c[1]]
        last_strength = components[-1][1]
        strength = None
        if len(strengths_read) == len(components):
            strength = "/".join(strengths_read)
            self.note("strength", components[0][2], components[-1][3])
        elif len(strengths_read) == 1 and last_strength and "/" in last_strength:
            strength = last_strength
            self.note("strength", components[-1][2], components[-1][3])
        return _Drug(name, strength, max(name_end, components[-1][3]), start, form_end)

    def unknown_drug(
        self, strengths: list[re.Match[str]], context: list[tuple[int, int]], cues: list[Hit[_Cue]]
    ) -> _Drug | None:
        """A medication whose name the tables do not know: the words before the first
        thing that ends a drug's name (a strength, a dosage form, a count or package
        size, an amount left unsaid), unless a vocabulary reads them."""
        ends = [m.span() for m in strengths] + context
        ends += [(h.start, h.end) for h in _MARKERS.find_all(self.words)]
        ends.sort()
        # The cues' spans, left to right and apart (find_all's hits do not overlap).
        cue_starts = [h.start for h in cues]
        cue_ends = [h.end for h in cues]
        name_words: list[tuple[str, int, int]] = []
        floor = 0  # a name lies after the things that end names before it ("10 mg #30")
        for at, after in ends:
            before = self.text[max(floor, at - 60) : at]
            base = at - len(before)
            floor = max(floor, after)
            for m in reversed(list(_WORD_RE.finditer(before))):
                word = (m.group(), base + m.start(), base + m.end())
                i = bisect.bisect_right(cue_starts, word[1]) - 1  # the last cue starting at or before it
                read = i >= 0 and cue_ends[i] > word[1] or (
                    i + 1 < len(cue_starts) and cue_starts[i + 1] < word[2])
                if read or word[0].lower() in _drugs.NOT_NAMES or len(name_words) == 3:
                    break
                name_words.insert(0, word)
            if name_words:
                break
        strength = None
        if strengths:
            first = strengths[0]
            self.note("strength", first.start("amount"), first.end())
            strength = _strength_text(first)
        if not name_words:
            return _Drug(None, strength, strengths[0].end()) if strengths else None
        start, end = name_words[0][1], name_words[-1][2]
        self.note("drug", start, end)
        last = max(end, strengths[0].end()) if strengths else end
        return _Drug(" ".join(w[0] for w in name_words), strength, last, start)

    def drug_info(self, drug: _Drug, *, injected: bool = False) -> _lookup.DrugInfo | None:
        """The generic and class of the drug read (see the module docstring)."""
        if drug.name is None or drug.start < 0:
            return None
        end = max(drug.end, drug.form_end)
        topical = _TOPICAL.next_hit(self.words) is not None
        # An injection's drug is looked up as injected: "Kenalog 40mg with lidocaine" is a
        # corticosteroid, not a topical analgesic for its local anaesthetic.
        route = " injection" if injected else ""
        info = (_drug_info(self.text[drug.start:end] + route, topical)
                or _drug_info(drug.name + route, topical))
        if info is not None:
            if info.generic is not None:
                self.note("generic", drug.start, end)
            if info.drug_class is not None:
                self.note("drug_class", drug.start, end)
        return info

    def medication_quantity(self, after: int) -> int | None:
        """The count after the drug ("#60", "Qty: 60", "120 tablets"), else anywhere."""
        for start in (after, 0) if after else (0,):
            best: re.Match[str] | None = None
            for guard, pattern in _QUANTITY_PATTERNS:
                m = pattern.search(self.text, start) if self.has(guard) else None
                if m and (best is None or m.start() < best.start()):
                    best = m
            if best is not None:
                self.note("quantity", best.start(), best.end())
                return int(best.group("n"))
        return None

    def refills(self) -> int | None:
        m = _REFILLS_RE.search(self.text) if self.has(("refill",)) else None
        if m is None:
            return None
        raw = m.group("n1") or m.group("n2") or m.group("n3")
        value = 0 if raw.lower() == "no" else _number(raw)
        if value is not None:
            self.note("refills", m.start(), m.end())
        return value

    # ------------------------------------------------------------------ counts

    def frequency_and_duration(self) -> tuple[int | None, int | None]:
        text = self.text
        shorthand = _SHORTHAND_RE.search(text) if self.has(("x", "\u00d7")) else None
        if shorthand is not None:
            self.note("frequency_per_week", shorthand.start(), shorthand.end())
            self.note("duration_weeks", shorthand.start(), shorthand.end())
            self.shorthand = shorthand.span()
            return int(shorthand.group("f")), int(shorthand.group("d"))
        frequency = duration = None
        if not self.has(("week", "wk", "/w")):
            return None, None
        m = _FREQUENCY_RE.search(text)
        if m is not None:
            raw = next(g for g in (m.group(f"f{i}") for i in range(1, 6)) if g)
            frequency = _number(raw)
            if frequency is not None:
                self.note("frequency_per_week", m.start(), m.end())
        d = _DURATION_RE.search(text)
        if d is not None:
            duration = _number(d.group("d"))
            if duration is not None:
                self.note("duration_weeks", d.start(), d.end())
        return frequency, duration

    def count(self) -> tuple[int, int, int] | None:
        """The first explicit count of sessions or units, with its span (see the module
        docstring)."""
        taken = self.shorthand
        found: list[tuple[int, int, int]] = []  # start, end, value of each reading
        leading = _LEADING_COUNT_RE.match(self.text)
        if leading is not None:
            value = _number(leading.group("n"))
            if value is not None:
                found.append((leading.start("n"), leading.end("n"), value))
        for guard, pattern in _COUNT_PATTERNS:
            if not self.has(guard):
                continue
            for m in pattern.finditer(self.text):
                if taken and m.start("n") < taken[1] and m.end("n") > taken[0]:
                    continue  # the "2" of "3x2"
                value = _number(m.group("n"))
                if value is not None:
                    found.append((m.start(), m.end(), value))
                    break
        if not found:
            return None
        # The first reading; of two starting together, the longer ("4 sessions", not "4").
        start, end, value = min(found, key=lambda f: (f[0], f[0] - f[1]))
        return value, start, end


@functools.lru_cache(maxsize=4096)
def _drug_info(written: str, topical: bool) -> _lookup.DrugInfo | None:
    """:func:`imrparse.fields.drugs.lookup`, remembered: requests repeat their drugs
    ("Norco 10/325mg") from letter to letter."""
    return _lookup.lookup(written, topical=topical)


def _is_adjunct(cue: _Cue) -> bool:
    """Whether ``cue`` names a modality that acupuncturists give with acupuncture."""
    return cue.category == "physical therapy" and cue.name in _vocab.ACUPUNCTURE_ADJUNCTS


def _with_adjuncts(
    cues: list[Hit[_Cue]], winning: list[tuple[Hit[_Cue], _Cue]]
) -> list[tuple[Hit[_Cue], _Cue]]:
    """An acupuncture request's cues with the modalities given with it, under their
    acupuncture names ("e-stim" is electroacupuncture), in request order."""
    added = [
        (hit, cue._replace(category="acupuncture", name=_vocab.ACUPUNCTURE_ADJUNCTS[cue.name]))
        for hit in cues for cue in hit.values if _is_adjunct(cue) and cue.name is not None
    ]
    return sorted(winning + added, key=lambda pair: pair[0].start)


def _segments(first: str, second: str) -> list[str]:
    """Motion segments from ``first`` to ``second``: "L3", "S1" give L3-L4, L4-L5, L5-S1."""
    i, j = _VERTEBRA_INDEX[first], _VERTEBRA_INDEX[second]
    if i < j <= i + _MAX_EXPANDED_SEGMENTS:
        names = _regions.VERTEBRAE
        return [f"{names[k]}-{names[k + 1]}" for k in range(i, j)]
    return [f"{first}-{second}"]


def _strength_text(m: re.Match[str]) -> str:
    if m.groupdict().get("ratio"):
        return m.group("ratio")
    amount = re.sub(r"\s+", "", m.group("amount")).replace("-", "/")
    unit = m.group("unit").lower()
    return amount + _drugs.UNIT_SPELLINGS.get(unit, unit)
