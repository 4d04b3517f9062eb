"""Facts read from the clinical case summary: the patient, diagnoses, treatments, UR date.

:func:`read_summary` takes the reflowed summary text (line wraps joined by one space,
paragraphs separated by a blank line) and returns a :class:`~imrparse.models.Summary` whose
spans are offsets into that text. It never raises: a fact it cannot find is ``None`` or an
empty tuple.

Rules where the contract leaves room (see also the module constants):

* **age**: the first "N year old" / "N-year-old" / "N years of age" / "N y/o" phrase that is
  not about someone or something else ("her 5-year-old son", "a 10-year-old injury"); only
  then "age N" / "aged N". Ages outside 12-110 are ignored. The span covers the number.
* **sex**: a sex word ("female", "male", "woman", "man", "gentleman", "lady") wins: first one
  right after the age ("a 44 year old female physician"), then one in the sentence that
  gives the age, then the first one. A sex word followed by a person noun ("saw a female
  physician") is skipped unless it describes the patient ("the claimant, a male nurse").
  Otherwise the majority of the patient's pronouns decides (tie or
  none: ``None``). Both-sex forms ("he/she", "his or her") are ignored. A pronoun is taken
  to refer to a physician (or lawyer, relative ...) and ignored when the nearest person noun
  before it in the same sentence names someone other than the patient ("the attending
  provider reiterated his request"); an object "him"/"her" straight after a care verb
  ("the provider examined her") still counts for the patient. The span covers the deciding
  word (the first counted pronoun of the winning sex).
* **date of injury**: the first date tied to "date of injury"/"DOI"/"injury date" (either
  side of the date); failing that, the first date after "injury"/"injured"/"occupational
  claim" with a short linking phrase ending in "on"/"of"/"dated"/"from" ("industrial injury
  on", "injured his back at work on"), unless the injury is "prior", "new", "subsequent" ...
* **diagnoses / prior treatments**: the list after the first cue ("diagnoses include",
  "diagnoses have included", "the diagnoses are", "Diagnoses:", "has diagnosis that
  include(s)", "was diagnosed with"; "treatment to date has included", "conservative
  therapy with"), weaker cues ("is being treated for", "has been treated with") only when
  no strong one exists. The list runs to the end of the sentence or to a clause ("...,
  which", "and was"). A numbered list ("1. Lumbar strain. 2. ...", "(1) ...; (2) ...") is
  cut at its numbers only, its last item running to its sentence's end. Otherwise items are
  split on semicolons when the list has any, else on commas; commas and "and" inside
  parentheses and fixed phrases ("muscle, fascia and tendon", "sprain and strain", "to and
  from") never split. An item after a comma that only finishes the one before it joins
  it: an ICD-10 tail ("initial encounter", "subsequent encounter"), qualifier words
  ("unspecified site", "lumbar region", "right shoulder", "bilateral"), a continuation
  ("without complications", "secondary to ..."), a bare code ("M54.5"), so an ICD-10
  title keeps its inner commas. The last item is split once more at its first "and"
  unless it starts with "and" (Oxford comma), the words before that "and" only modify the
  noun after it ("neck and upper back pain", "physical and occupational therapy"), or the
  "and" joins two parts of one title after "of"/"in" ("contusion of lower back and pelvis",
  "disorders of bone density and structure": what follows names a body region of
  :mod:`imrparse.vocab.body_regions` or a tissue). Repeated items are kept once (first
  occurrence; compared ignoring case and spacing); "etc." is dropped; the last treatment
  loses a trailing "over the course of the claim" / "to date".
* **UR decision date**: the date of the review that non-certified the disputed request.
  Candidates, strongest first: (0) a date the words "utilization review"/"UR" attach to
  ("UR dated ...", "Utilization Review report dated ...", "utilization review (11-8-2016)",
  "the original utilization review 12-07-2016", "On 11-3-16, utilization review ...",
  "denied in the 12/1/2016 UR"); (1) in their sentence, "UR ... on DATE" or "On DATE ... by
  UR"; (2) only when neither exists, a review, determination or denial that does not say
  "utilization review": a review noun and its date ("a prior determination dated ...", "a
  non-certification letter of ...", "the previous denial for the requests below was on
  ...", "the 12/1/2016 denial"), a passive participle and its date ("the request was
  previously denied on ...", "has been reviewed and denied on ...", "was denied by the
  claims administrator on ..."), or a sentence that opens "On DATE" and says a request was
  non-certified or a claims administrator (carrier, reviewer ...) denied it. "Reviewed",
  "modified" and the like count only after "previously"/"initially" ... or with "request"
  ("case", "treatment" ...) before them in the sentence: work restrictions are modified
  too. A document "reviewed by UR" and "dated" something is not the review's date. Of
  several candidates the strongest kind wins; then one whose sentence says it did not
  approve something ("non-certified", "denied", "modified", "failed to approve") beats one
  whose sentence does not (a review that certified physical therapy is not the one
  disputed); then one not called "prior"/"previous" beats one so called; then the first.

Cue words are phrase tables (:mod:`imrparse.vocab.summary_cues`, :mod:`imrparse.vocab.persons`,
in the syntax of :mod:`imrparse.text.phrases`); sentence ends follow the one rule of
:mod:`imrparse.text.sentences`.

Any input finishes in linear time (about 0.1-0.4 s for a megabyte, see the speed note
below); on pathological input only the first _MAX_DATES dates and _MAX_CANDIDATES cues of
each kind are examined.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from typing import Iterator, NamedTuple

from ..models import Patient, Sex, Span, Summary
from ..text import numbers
from ..text.dates import find_dates
from ..text.lowercase import lower_keep_offsets
from ..text.phrases import PhraseSet, prepare
from ..text.sentences import sentence_ends
from ..text.windows import merge_windows
from ..vocab import body_regions, persons
from ..vocab import summary_cues as cues

__all__ = ["read_summary", "patient_completeness"]


# Speed: Python's regex engine only skips ahead quickly (in C) when a pattern begins with a
# plain character or character class, case-sensitively. So every pattern that scans the
# whole text runs on a lower-cased copy (same offsets), starts with a literal word (no
# leading \b, look-behind or IGNORECASE), and checks the left word boundary afterwards with
# _starts_word(); context before a cue is read from a short window behind it.


# Caps on how many candidates of one kind are examined; real summaries have a handful, so
# these only bound the time spent on pathological input (a megabyte of "he she he ...").
_MAX_DATES = 5000
_MAX_CANDIDATES = 1000


def _starts_word(low: str, pos: int) -> bool:
    """Nothing word-like directly before ``pos``."""
    return pos == 0 or not (low[pos - 1].isalnum() or low[pos - 1] in "_-")


def _words(
    pattern: re.Pattern[str], low: str, start: int = 0, end: int | None = None
) -> Iterator[re.Match[str]]:
    """Matches of a literal-first ``pattern`` in ``low`` that start a word, at most
    _MAX_CANDIDATES of them."""
    found = pattern.finditer(low, start, len(low) if end is None else end)
    ok = (m for m in found if _starts_word(low, m.start()))
    return itertools.islice(ok, _MAX_CANDIDATES)


class _Doc:
    """The summary text with its dates and sentence boundaries, found once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.low = lower_keep_offsets(text)
        self.searchable = prepare(text, self.low)
        self.dates: list[tuple[dt.date | None, int, int]] = list(
            itertools.islice(find_dates(text), _MAX_DATES)
        )
        self.date_starts = [s for _, s, _ in self.dates]
        ends = sentence_ends(text)
        self.term_starts = [a for a, _ in ends]
        self.term_ends = [b for _, b in ends]

    def date_at(self, pos: int) -> tuple[dt.date | None, int, int] | None:
        i = bisect.bisect_left(self.date_starts, pos)
        if i < len(self.dates) and self.date_starts[i] == pos:
            return self.dates[i]
        return None

    def dates_from(self, pos: int) -> Iterator[tuple[dt.date | None, int, int]]:
        for i in range(bisect.bisect_left(self.date_starts, pos), len(self.dates)):
            yield self.dates[i]

    def sentence_start(self, pos: int) -> int:
        i = bisect.bisect_right(self.term_ends, pos) - 1
        return self.term_ends[i] if i >= 0 else 0

    def sentence_end(self, pos: int) -> int:
        """Start of the first terminator at or after ``pos`` (or the end of the text)."""
        i = bisect.bisect_left(self.term_starts, pos)
        return self.term_starts[i] if i < len(self.term_starts) else len(self.text)

    def crosses_sentence(self, a: int, b: int) -> bool:
        return self.sentence_end(a) < b


# --------------------------------------------------------------------------- age

_NUM = rf"(?:(?<![\d.,/])\d{{1,3}}(?![\d]|[.,]\d)|{numbers.NUMBER_WORD_PATTERN})"
# The last word of an age phrase ("old", "age", "y/o") is the anchor; the number is read
# from a window behind it. All on the lower-cased text.
_AGE_ANCHOR = re.compile(r"old\b|aged?\b|y\s*/\s*o\b|yo\b")
_AGE_OLD = re.compile(rf"(?P<n>{_NUM})\s*(?:-\s*)?(?:years?|yrs?|y)\.?\s*(?:-\s*)?old\Z")
_AGE_OF_AGE = re.compile(rf"(?P<n>{_NUM})\s*(?:-\s*)?(?:years?|yrs?)\s+of\s+age\Z")
_AGE_YO = re.compile(r"(?<![\w/])(?P<n>\d{1,3})\s*(?:-\s*)?(?:y\s*/\s*o|yo)\Z")
_AGE_CUE = re.compile(r"aged?\s*(?:of\s+|:\s*|-\s*)?(?P<n>\d{1,3})\b(?!\s*(?:[-/]|years?\s+ago))")
_AGE_WINDOW = 40
_NEXT_WORD = re.compile(r"[\s,]*([A-Za-z][A-Za-z-]*)")
_PREV_WORD = re.compile(r"([A-Za-z][A-Za-z-]*)[\s,]*\Z")
_NOT_PATIENT_AFTER = frozenset(persons.NOT_THE_PATIENT_AFTER_AGE)
_NOT_CURRENT_AGE_BEFORE = frozenset({"since", "until", "before", "after", "by", "from", "till"})
_MIN_AGE, _MAX_AGE = 12, 110


def _age_match(low: str, a: re.Match[str]) -> tuple[re.Match[str], bool] | None:
    """The age phrase ending at (or, for "age N", starting at) anchor ``a``; the flag says
    whether it is the weak "age N" form."""
    lo = max(0, a.start() - _AGE_WINDOW)
    word = a.group()
    if word == "old":
        m = _AGE_OLD.search(low, lo, a.end())
        return (m, False) if m else None
    if word.startswith("age"):
        m = _AGE_OF_AGE.search(low, lo, a.end())
        if m:
            return m, False
        if word == "age" and not _starts_word(low, a.start()):
            return None  # "page 52"
        m = _AGE_CUE.match(low, a.start())
        return (m, True) if m and _starts_word(low, a.start()) else None
    m = _AGE_YO.search(low, max(0, a.start() - 8), a.end())
    return (m, False) if m else None


def _read_age(doc: _Doc) -> tuple[int, Span] | None:
    low = doc.low
    fallback: tuple[int, Span] | None = None
    for a in itertools.islice(_AGE_ANCHOR.finditer(low), _MAX_CANDIDATES):
        hit = _age_match(low, a)
        if hit is None:
            continue
        m, weak = hit
        value = numbers.number_value(m.group("n"))
        if value is None or not _MIN_AGE <= value <= _MAX_AGE:
            continue
        nxt = _NEXT_WORD.match(low, m.end())
        if nxt and nxt.group(1) in _NOT_PATIENT_AFTER:
            continue
        found = (value, Span(m.start("n"), m.end("n")))
        if not weak:
            return found
        prev = _PREV_WORD.search(low, max(0, m.start() - 30), m.start())
        if prev and prev.group(1) in _NOT_CURRENT_AGE_BEFORE:
            continue
        if fallback is None:
            fallback = found
    return fallback


# --------------------------------------------------------------------------- sex

_SEX_WORD = re.compile(PhraseSet.of(persons.SEX_WORDS).pattern() + r"(?![\w-])")
_OTHER_NOUN = PhraseSet.of(persons.OTHER_PERSON_NOUNS).pattern()
_FOLLOWED_BY_OTHER = re.compile(r"\s*(?:(?P<adj>[a-z-]+)\s+)?" + _OTHER_NOUN + r"\b")
_NOT_ADJECTIVES = frozenset({
    "who", "whose", "with", "that", "which", "and", "or", "is", "was", "has", "had", "in", "on",
    "at", "of", "for", "from", "to", "by", "the", "a", "an", "his", "her", "patient", "worker",
    "employee", "applicant", "claimant", "individual", "injured", "sustained", "reported",
})
_NEUTRAL_PAIR = re.compile(PhraseSet.of(persons.NEUTRAL_PRONOUN_PAIRS).pattern() + r"(?!\w)")
_PRONOUN = re.compile(PhraseSet.of(persons.MALE_PRONOUNS + persons.FEMALE_PRONOUNS).pattern() + r"\b")
_MENTION = re.compile(
    PhraseSet.of(persons.PATIENT_NOUNS + persons.OTHER_PERSON_NOUNS).pattern() + r"\b"
)
_PATIENT_NOUNS = frozenset(persons.PATIENT_NOUNS)
# "The applicant is a ...", "the claimant, a ...": what follows describes the patient
_PATIENT_IS_A = re.compile(
    r"\b" + PhraseSet.of(persons.PATIENT_NOUNS).pattern() + r"(?:\s+(?:is|was)(?:\s+now)?|\s*,)\s+an?\s+"
    r"(?:[a-z-]+\s+){0,3}\Z"
)
_MALE = frozenset(persons.MALE_PRONOUNS)
_INTRO_GAP = 40
# between the age number and the sex word: "-year-old ", " years of age, white ", " yo "
_INTRO = re.compile(r"[\s,-]*(?:[a-z/.]+[\s,-]+){0,4}")
_CARE_VERBS = frozenset(persons.CARE_VERBS)
_OBJECT_PRONOUNS = frozenset({"him", "her"})


def _read_sex(doc: _Doc, age_span: Span | None) -> tuple[Sex, Span] | None:
    low = doc.low
    candidates: list[tuple[Sex, Span]] = []
    for m in _words(_SEX_WORD, low):
        sex_span = (Sex(persons.SEX_WORDS[m.group()]), Span(m.start(), m.end()))
        if age_span is not None and 0 <= m.start() - age_span.end <= _INTRO_GAP:
            if _INTRO.fullmatch(low, age_span.end, m.start()) and not doc.crosses_sentence(
                age_span.end, m.start()
            ):
                return sex_span  # "a 44 year old female physician" is the patient
        if _PATIENT_IS_A.search(low, max(0, m.start() - 60), m.start()):
            candidates.append(sex_span)  # "the claimant, a male nurse": the patient's sex
            continue
        other = _FOLLOWED_BY_OTHER.match(low, m.end())
        if other and (other.group("adj") is None or other.group("adj") not in _NOT_ADJECTIVES):
            continue
        candidates.append(sex_span)
    if candidates:
        if age_span is not None:
            lo = doc.sentence_start(age_span.start)
            hi = doc.sentence_end(age_span.end)
            for cand in candidates:
                if lo <= cand[1].start <= hi:
                    return cand
        return candidates[0]
    return _sex_from_pronouns(doc)


def _sex_from_pronouns(doc: _Doc) -> tuple[Sex, Span] | None:
    low = doc.low
    pronouns = list(_words(_PRONOUN, low))
    if not pronouns:
        return None
    limit = pronouns[-1].end()
    # "he/she", "his or her": both-sex forms, whose pronouns are not counted
    lo = max(0, pronouns[0].start() - 8)
    neutral = [m.span() for m in _words(_NEUTRAL_PAIR, low, lo, limit + 16)]
    neutral_starts = [a for a, _ in neutral]
    mention_starts: list[int] = []
    mention_other: list[bool] = []
    for m in _words(_MENTION, low, 0, limit):
        mention_starts.append(m.start())
        mention_other.append(_SPACES.sub(" ", m.group()) not in _PATIENT_NOUNS)
    counts = {Sex.MALE: 0, Sex.FEMALE: 0}
    first: dict[Sex, Span] = {}
    for m in pronouns:
        j = bisect.bisect_right(neutral_starts, m.start()) - 1
        if j >= 0 and neutral[j][0] <= m.start() < neutral[j][1]:
            continue
        word = m.group()
        i = bisect.bisect_left(mention_starts, m.start()) - 1
        if i >= 0 and mention_other[i] and mention_starts[i] >= doc.sentence_start(m.start()):
            prev = _PREV_WORD.search(low, max(0, m.start() - 30), m.start())
            if not (word in _OBJECT_PRONOUNS and prev and prev.group(1) in _CARE_VERBS):
                continue
        sex = Sex.MALE if word in _MALE else Sex.FEMALE
        counts[sex] += 1
        first.setdefault(sex, Span(m.start(), m.end()))
    if counts[Sex.MALE] == counts[Sex.FEMALE]:
        return None
    sex = Sex.MALE if counts[Sex.MALE] > counts[Sex.FEMALE] else Sex.FEMALE
    return sex, first[sex]


# --------------------------------------------------------------------------- date of injury

_DOI_ABBR = r"(?-i:D\.?O\.?I)\b\.?"
_DOI_CUE = re.compile(  # on the lower-cased text
    r"date\s+of\s+(?:the\s+)?(?:(?:industrial|work|original|reported|alleged)\s+)?injury\b"
    r"|injury\s+date\b|date\s+of\s+loss\b"
)
_DOI_ABBR_CUE = re.compile(r"D\.?O\.?I\b\.?")  # on the text: capitals only
_DOI_AFTER_DATE = re.compile(
    r"\s*\)?\s*,?\s*\(?\s*(?:(?:" + PhraseSet.of(cues.INJURY_ADJECTIVES).pattern() + r")\s+)?"
    r"(?:date\s+of\s+injury|injury\s+date|" + _DOI_ABBR + r"|injury\b)",
    re.IGNORECASE,
)
_DOI_GAP_BAD = re.compile(
    r"[\d;]|\b(?:unknown|unclear|not|but|although|however|prior|before|after)\b", re.IGNORECASE
)
_INJURY_CUE = re.compile(  # on the lower-cased text
    r"injur(?:y|ies)\b"
    r"|injured\b(?!\s+(?:workers?\b|workers?'s?|employees?\b|party|person|individual|patient"
    r"|iw\b|areas?\b|side|extremit|body|parts?\b|limb))"
    r"|occupational\s+claim\b|industrial\s+claim\b"
    r"|work(?:ers'?)?(?:\s+comp(?:ensation)?)?\s+claim\b"
)
_INJURY_GAP = re.compile(
    r"(?!\s*,)(?:\s*\(\s*(?-i:DOI)\s*\))?(?:[\s,]+[A-Za-z'-]+){0,7}?"
    r"[\s,]+(?:on|of|dated|from|in|date|occurring\s+on|occurred\s+on)\s*:?\s*\Z"
    r"|\s*[:,-]?\s*\Z",
    re.IGNORECASE,
)
_WORDS_BEFORE = re.compile(r"((?:[A-Za-z-]+[\s,]+){1,3})\Z")
_WORD_LIKE = re.compile(r"[A-Za-z-]+")
_DATE_OF_BEFORE = re.compile(
    r"\b(?:date|dates)\s+of\s+(?:the\s+)?(?:[A-Za-z-]+\s+)?\Z", re.IGNORECASE
)
_NOT_THIS_INJURY = frozenset(cues.NOT_THIS_INJURY)
_SINCE_WORDS = frozenset(
    {"from", "since", "after", "post", "following", "before", "prior", "until"}
)


def _doi_cues(doc: _Doc) -> list[re.Match[str]]:
    cues_ = list(_words(_DOI_CUE, doc.low)) + list(_words(_DOI_ABBR_CUE, doc.text))
    return sorted(cues_, key=lambda m: m.start())


def _read_date_of_injury(doc: _Doc) -> tuple[dt.date, Span] | None:
    text = doc.text
    best: tuple[int, dt.date, Span] | None = None  # (position, date, span) of tier 1
    for m in _doi_cues(doc):
        prev = _PREV_WORD.search(text, max(0, m.start() - 30), m.start())
        if prev and prev.group(1).lower() in _SINCE_WORDS:
            continue  # "18 months from date of injury"
        for date, s, e in doc.dates_from(m.end()):
            if s - m.end() > 40:
                break
            gap = text[m.end():s]
            if not _DOI_GAP_BAD.search(gap) and not doc.crosses_sentence(m.end(), s):
                if date is not None:
                    best = (m.start(), date, Span(s, e))
            break
        if best is not None:
            break
    for date, s, e in doc.dates:
        if date is not None and _DOI_AFTER_DATE.match(text, e):
            if best is None or s < best[0]:
                best = (s, date, Span(s, e))
            break
    if best is not None:
        return best[1], best[2]
    for m in _words(_INJURY_CUE, doc.low):
        before = text[max(0, m.start() - 40):m.start()]
        if before.endswith("-") and before[:-1].lower().endswith("re"):
            continue
        if _DATE_OF_BEFORE.search(before):
            continue  # "date of injury" is the explicit cue, handled above
        words = _WORDS_BEFORE.search(before)
        if words and any(
            w.lower() in _NOT_THIS_INJURY for w in _WORD_LIKE.findall(words.group(1))[-3:]
        ):
            continue  # "a prior injury on ..."
        for date, s, e in doc.dates_from(m.end()):
            if s - m.end() > 50:
                break
            gap = text[m.end():s]
            if (
                date is not None
                and not doc.crosses_sentence(m.end(), s)
                and _INJURY_GAP.match(gap)
            ):
                return date, Span(s, e)
            break
    return None


# --------------------------------------------------------------------------- UR date

_UR_TERM = (
    r"(?:(?i:\butilization\s+review)(?:\s*\(\s*UR\s*\))?"
    r"|\bUR\b(?:\s*\((?i:\s*utilization\s+review[^()]{0,30})\))?)"
)
_UR_NOUNS = r"(?i:" + PhraseSet.of(cues.UR_NOUNS).pattern() + r"s?)"
_UR_LINKS = r"(?i:" + PhraseSet.of(cues.UR_DATE_LINKS).pattern() + r")"
_UR_THEN_DATE = re.compile(
    _UR_TERM + r"(?:\s+" + _UR_NOUNS + r"){0,2}\s*,?\s*"
    r"(?:(?P<paren>\()\s*|(?P<link>" + _UR_LINKS + r")\s*:?\s*)?"  # none: "the UR 12-7-2016 denied"
)
_DATE_THEN_UR = re.compile(
    r"\s*,?\s*(?:(?i:the|an?)\s+)?(?:(?i:original|initial|prior|previous|most\s+recent|recent)\s+)?"
    + _UR_TERM
)
_BEFORE_DATE_UR = re.compile(r"(?i:\bon|\bthe|\ban?)\s*\Z")
_BY_BEFORE = re.compile(r"(?i:\bby)\s+(?:(?i:the)\s+)?\Z")
_UR_ANY = re.compile(_UR_TERM)
_UR_ANCHOR_LOW = re.compile(r"utilization\s+review")
_UR_ANCHOR = re.compile(r"UR\b")


_EARLIER_UR = re.compile(
    r"(?i:\b(?:prior|previous|earlier|past|another|older)\s+)" + _UR_TERM
)
_ON_DATED_BEFORE = re.compile(r"(?i:\bon|\bdated)\s*\Z")
_SENTENCE_ON = re.compile(r"(?i:on)\s*\Z")
_BY_UR = re.compile(r"(?i:\bby)\s+(?:(?i:the)\s+)?(?:(?i:original|initial)\s+)?" + _UR_TERM)


def _ur_mentions(doc: _Doc) -> list[int]:
    """Where "utilization review" or "UR" starts, in text order."""
    return sorted(
        [m.start() for m in _words(_UR_ANCHOR_LOW, doc.low)]
        + [m.start() for m in _words(_UR_ANCHOR, doc.text)]
    )


class _URHit(NamedTuple):
    """A candidate UR date."""

    tier: int  # 0: dated by the words naming the UR, 1: in their sentence, 2: a review not so named
    at: int  # where it is mentioned
    cue: tuple[int, int]  # the words that name the review
    date: dt.date
    span: Span


_ADVERSE = PhraseSet.of(cues.ADVERSE_WORDS)
_EARLIER_WORD = re.compile(r"(?<![a-z])(?:prior|previous(?:ly)?|earlier|past|another|older)(?![a-z])")


def _pick_ur(doc: _Doc, found: list[_URHit]) -> tuple[dt.date, Span] | None:
    """The review that non-certified the disputed request, as far as the summary tells:
    the one named as a utilization review before one that is not; then one whose sentence
    says it did not approve something ("non-certified", "denied", "modified") before one
    that does not; then one not called "prior"/"previous" before one so called; then the
    first in the text."""
    if not found:
        return None
    if len(found) == 1:
        return found[0].date, found[0].span

    def rank(f: _URHit) -> tuple[int, bool, bool, int]:
        lo, hi = doc.sentence_start(f.span.start), doc.sentence_end(f.span.end)
        adverse = _ADVERSE.next_hit(doc.searchable, lo, hi) is not None
        a, b = f.cue
        if f.tier < 2:
            prior = _EARLIER_UR.search(doc.text, max(0, a - 30), b) is not None
        else:
            prior = _EARLIER_WORD.search(doc.low, max(0, a - 12), b) is not None
        return f.tier, not adverse, prior, f.at

    best = min(found, key=rank)
    return best.date, best.span


def _ur_named(doc: _Doc) -> list[_URHit]:
    """Dates of reviews named "utilization review" or "UR": tier 0 where those words date
    it ("UR dated ...", "the 12/1/2016 utilization review"), else tier 1 where one sentence
    holds both ("UR ... on DATE", "On DATE, ... by UR")."""
    text = doc.text
    found: list[_URHit] = []
    mentions = _ur_mentions(doc)
    for pos in mentions:
        m = _UR_THEN_DATE.match(text, pos)
        if m is None:
            continue
        hit = doc.date_at(m.end())
        if hit is None or hit[0] is None:
            continue
        if m.group("link") and "dated" in m.group("link").lower() and _BY_BEFORE.search(
            text, max(0, m.start() - 12), m.start()
        ):
            continue  # "the report reviewed by Utilization Review (UR) was dated ..."
        found.append(_URHit(0, m.start(), (m.start(), m.end()), hit[0], Span(hit[1], hit[2])))
    for date, s, e in doc.dates:
        if date is None:
            continue
        ur = _DATE_THEN_UR.match(text, e)
        if ur and _BEFORE_DATE_UR.search(text, max(0, s - 8), s):
            found.append(_URHit(0, s, (e, ur.end()), date, Span(s, e)))
    if found:
        return found
    for pos in mentions:
        m = _UR_ANY.match(text, pos)
        if m is None:
            continue
        end = min(doc.sentence_end(m.end()), m.end() + 150)
        for date, s, e in doc.dates_from(m.end()):
            if s >= end:
                break
            if date is not None and _ON_DATED_BEFORE.search(text, max(0, s - 8), s):
                found.append(_URHit(1, m.start(), (m.start(), m.end()), date, Span(s, e)))
                break
        if found:
            break
    for date, s, e in doc.dates:
        if date is None or not _starts_sentence_with_on(doc, s):
            continue
        end = doc.sentence_end(e)
        by = _BY_UR.search(text, e, end)
        if by:
            found.append(_URHit(1, s, (by.start(), by.end()), date, Span(s, e)))
            break
    return found


def _starts_sentence_with_on(doc: _Doc, s: int) -> bool:
    """Whether the date at ``s`` opens its sentence after "On" ("On 12/1/2016, ...")."""
    if not _SENTENCE_ON.search(doc.text, max(0, s - 4), s):
        return False
    start = doc.sentence_start(s)
    return s - start <= 6 and doc.low[start:s].strip() == "on"


# A review not named "utilization review" (tier 2): "a prior determination dated DATE",
# "the request was previously denied on DATE", "On DATE, the request was non-certified",
# "the DATE denial". Phrases from vocab.summary_cues; patterns run on the lowercase text.
_REVIEW_NOUN = PhraseSet(
    [(noun, noun) for noun in cues.REVIEW_NOUNS]
    + [(f"{q} {noun}", noun) for q in cues.REVIEW_QUALIFIERS for noun in cues.QUALIFIED_REVIEW_NOUNS]
)
_NOUN_TO_DATE = re.compile(
    r"s?(?:\s+(?:letter|notice|report)s?)?\s*,?\s*(?:\(\s*|(?:" + PhraseSet.of(cues.UR_DATE_LINKS).pattern()
    + r")(?![a-z])\s*:?\s*)"
    r"|s?(?:\s+[a-z'’-]+){0,8}?\s+(?:" + PhraseSet.of(cues.REVIEW_VERB_LINKS).pattern()
    + r")(?![a-z])\s*:?\s*"
)
_PARTICIPLE = PhraseSet(
    [(p, True) for p in cues.ADVERSE_PARTICIPLES] + [(p, False) for p in cues.REVIEW_PARTICIPLES]
)
_AUX_BEFORE = re.compile(
    r"(?<![a-z])(?:" + PhraseSet.of(cues.PASSIVE_AUXILIARIES).pattern() + r")\s+"
    r"(?:(?P<adv>" + PhraseSet.of(cues.REVIEW_ADVERBS).pattern() + r")\s+"
    r"|(?:" + PhraseSet.of(cues.OTHER_ADVERBS).pattern() + r")\s+)?\Z"
)
_PARTICIPLE_TO_DATE = re.compile(
    r"(?:\s+(?:by|per|in|through|at|from)\s+(?:[a-z'’-]+\s+){0,5}?)?\s*,?\s*"
    r"(?:on|dated|as\s+of)(?![a-z])\s*:?\s*"
)
_REQUEST_WORD = PhraseSet.of(cues.REQUEST_WORDS)
_PARTY_THEN = re.compile(
    r"\s+(?:(?:" + PhraseSet.of(cues.OTHER_ADVERBS + cues.REVIEW_ADVERBS).pattern() + r")\s+)?"
)
_PARTY = PhraseSet.of(cues.REVIEWING_PARTIES)
_ARTICLE_BEFORE = re.compile(r"(?<![a-z])(?:the|an?)\s*\Z")
_SPACE_RUN = re.compile(r"\s+")
_AUX_REACH = 40  # characters read before a participle for its auxiliary


def _passive_review(doc: _Doc, lo: int, hi: int, adverse_only: bool = False,
                    dated: bool = False) -> Iterator[tuple[int, int, int]]:
    """Passive review participles in ``[lo, hi)`` ("was previously denied"): the span from
    the auxiliary to the participle, and (``dated``: only those followed by "on DATE")
    where the date starts. A participle that is not adverse by itself ("reviewed",
    "modified") counts after a review adverb or a request word."""
    low = doc.low
    for hit in itertools.islice(_PARTICIPLE.scan(doc.searchable, lo, hi), _MAX_CANDIDATES):
        if adverse_only and not hit.value:
            continue
        date_at = hit.end
        if dated:  # the cheap test first: most participles are not followed by a date
            m = _PARTICIPLE_TO_DATE.match(low, hit.end)
            if m is None or doc.date_at(m.end()) is None:
                continue
            date_at = m.end()
        aux = _AUX_BEFORE.search(low, max(0 if dated else lo, hit.start - _AUX_REACH), hit.start)
        if aux is None:
            continue
        if not hit.value and aux.group("adv") is None and _REQUEST_WORD.next_hit(
                doc.searchable, doc.sentence_start(aux.start()), aux.start()) is None:
            continue
        yield aux.start(), hit.end, date_at


def _active_reviews(doc: _Doc, lo: int, hi: int) -> Iterator[tuple[int, int]]:
    """A reviewing party and what it did not approve, in ``[lo, hi)``: "the claims
    administrator denied", "the carrier subsequently non-certified"."""
    for party in itertools.islice(_PARTY.scan(doc.searchable, lo, hi), _MAX_CANDIDATES):
        then = _PARTY_THEN.match(doc.low, party.end, hi)
        verb = _ADVERSE.match_at(doc.searchable, then.end(), hi) if then else None
        if verb is not None:
            yield party.start, verb.end


_DATE_REACH = 160  # characters before a date in which its review noun or participle stands


def _before_dates(doc: _Doc) -> list[tuple[int, int]]:
    """The stretches of text just before each valid date, merged."""
    return merge_windows((max(0, s - _DATE_REACH), s) for date, s, _ in doc.dates if date is not None)


def _ur_not_named(doc: _Doc) -> list[_URHit]:
    """Dates of reviews, determinations and denials that do not say "utilization review"
    (tier 2)."""
    found: list[_URHit] = []
    low = doc.low

    def add(at: int, cue: tuple[int, int], pos: int) -> None:
        hit = doc.date_at(pos)
        if hit is not None and hit[0] is not None and not doc.crosses_sentence(cue[0], pos):
            found.append(_URHit(2, at, cue, hit[0], Span(hit[1], hit[2])))

    # A review noun or participle is read only shortly before a date (what keeps this cheap).
    for lo, hi in _before_dates(doc):
        for noun in itertools.islice(_REVIEW_NOUN.scan(doc.searchable, lo, hi), _MAX_CANDIDATES):
            m = _NOUN_TO_DATE.match(low, noun.end)  # "a prior determination dated DATE"
            if m is not None:
                add(noun.start, (noun.start, noun.end), m.end())
        for a, b, date_at in _passive_review(doc, lo, hi, dated=True):  # "was denied on DATE"
            add(a, (a, b), date_at)
    for date, s, e in doc.dates:
        if date is None:
            continue
        if _starts_sentence_with_on(doc, s):  # "On DATE, the request was non-certified"
            end = doc.sentence_end(e)
            cue = next((p[:2] for p in _passive_review(doc, e, end, adverse_only=True)), None)
            if cue is None:  # "On DATE, the claims administrator denied ..."
                cue = next(_active_reviews(doc, e, end), None)
            if cue is not None:
                found.append(_URHit(2, s, cue, date, Span(s, e)))
                continue
        if _ARTICLE_BEFORE.search(low, max(0, s - 8), s):  # "the DATE denial"
            gap = _SPACE_RUN.match(low, e)
            named = _REVIEW_NOUN.match_at(doc.searchable, gap.end() if gap else e)
            if named is not None:
                found.append(_URHit(2, s, (named.start, named.end), date, Span(s, e)))
    return found


def _read_ur_date(doc: _Doc) -> tuple[dt.date, Span] | None:
    return _pick_ur(doc, _ur_named(doc) or _ur_not_named(doc))


# --------------------------------------------------------------------------- lists

# List cues, on the lower-cased text; each starts with a literal word (see _words()).
_DX_STRONG = re.compile(
    r"diagnos(?:(?:es|is)\b(?:\s*,[^,.;:\n]{1,40},)?"
    r"(?P<link>(?:\s+" + PhraseSet.of(cues.DIAGNOSIS_LINK_WORDS).pattern() + r"\b){0,6})\s*(?P<colon>:)?"
    r"|ed\s+(?:(?:him|her|them)\s+)?(?P<dlink>with|as\s+having|as|having|to\s+have)\b\s*:?)"
)
# "undergoing treatment for", "being treated for": the anchor, then the word before it.
_DX_WEAK = re.compile(r"(?:treatment|treated|care)\s+for\b\s*:?")
_DX_WEAK_BEFORE = re.compile(
    r"\b(?:undergoing|being|been|under|receiving|is|was|are|were|currently)\s+\Z"
)
_TX_STRONG = re.compile(
    r"treatments?\b"
    r"(?:\s*,?\s*(?:and|&|/)\s*(?:diagnostics?(?:\s+(?:studies|testing|tests|evaluations?))?"
    r"|evaluations?|testing|imaging))?"
    r"(?:\s+" + PhraseSet.of(cues.TREATMENT_QUALIFIERS).pattern() + r")?"
    r"(?:\s+" + PhraseSet.of(cues.TREATMENT_LINK_WORDS).pattern() + r"\b){0,4}"
    r"\s*(?:include[sd]?\b|including\b|consist(?:s|ed)?\s+of\b|consisting\s+of\b"
    r"|comprised\s+of\b|:)"
    r"\s*:?"
)
_TX_WEAK = re.compile(
    r"treated\s+(?:conservatively\s+)?with\b"
    r"|conservative\s+(?:therapy|therapies|treatments?|care|management|measures)\s+"
    r"(?:with|including|consisting\s+of|such\s+as|of)\b"
    r"|following\s+treatments?\b\s*:?"
)
_TX_WEAK_BEFORE = re.compile(r"\b(?:has|have|had|was|were|is|are|been)\s+(?:[a-z]+ly\s+)?\Z")
_TX_BLOCKERS = re.compile(PhraseSet.of(cues.TREATMENT_BLOCKERS).pattern() + r"\s+\Z")

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_LIST_STOP = re.compile(
    r"(?:,\s*|\s+)(?:(?:and|but)\s+)?(?:which|who|whom|whose)\b"
    r"|(?:,\s*|\s+)(?:and|but)\s+(?:was|were|is|are|has|have|had|he|she|they|it"
    r"|the\s+(?:injured|patient|applicant|claimant))\b"
    r"|,\s*(?:he|she|they|it|was|were|is|are|has|have|had)\b"
    r"|\s+(?:he|she|they)\s+(?:was|were|is|are|has|have|had|reported|complained|stated|denied)\b"
    r"|\s+(?:was|were|is|are)\s+(?:noted|documented|reported|described|provided|given|performed"
    r"|done|completed|made|listed|helpful|beneficial|not)\b"
    r"|\s+(?:per|according\s+to|as\s+per|as\s+of|since)\s"
    r"|\s+(?:on|dated)\s+(?=\d{1,2}\s*[/.-]\s*\d|" + _MONTH + r"\s+\d)"
    r"|\s+that\s+(?:was|were|is|are|has|have|had|did|provided|helped|resulted|failed)\b",
    re.IGNORECASE,
)
_PROTECTED = PhraseSet.of(cues.PROTECTED_PHRASES)
_BRACKET = re.compile(r"[()\[\]]")
_SEMICOLON = re.compile(";")
_SEPARATOR = re.compile("[,;]")
_AND = re.compile(r"\s+(?:and|&)\s+", re.IGNORECASE)
_LEAD = re.compile(
    r"""(?:\s|["'`:]|\(?\d{1,2}\)|\b[a-z]\)"""
    r"|\band(?=\s)|\bor(?=\s)|\bas\s+well\s+as\b|\bplus(?=\s))*",
    re.IGNORECASE,
)
_TRAILING_CONJ = re.compile(r"[\s,;]+(?:and|or|&)\Z", re.IGNORECASE)
_LEADING_CONJ = re.compile(r"\s*(?:and|or|as\s+well\s+as|plus)\b", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z]+")
_ARTICLE = re.compile(r"an?\s+", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
_FILLERS = frozenset(f.rstrip(".") for f in cues.LIST_FILLERS)
_SUFFIXES = frozenset(cues.ENCOUNTER_SUFFIXES)
_NOT_A_LIST_START = re.compile(
    PhraseSet.of(cues.NOT_A_LIST_START).pattern() + r"\b|\d+\s*(?:days?|weeks?|months?|years?)\b", re.IGNORECASE
)
_ICD_CODE = re.compile(r"(?:ICD(?:-?\s*(?:9|10))?\s*:?\s*)?(?:[A-TV-Z]\d{2}(?:\.\w{1,4})?|\d{3}\.\d{1,2})",
                       re.IGNORECASE)
_CONTINUATION = PhraseSet.of(cues.CONTINUATION_STARTS)
_PART = PhraseSet.of([*body_regions.REGIONS, *cues.TISSUE_WORDS])
_PREPOSITION = re.compile(r"\b(?:of|in|at|to|involving)\b", re.IGNORECASE)
_FIRST_NUMBER = re.compile(r"[\s:]*\(?1[.)]\s+")
_NUMBER = re.compile(r"(?<![\w.])\(?(\d{1,2})[.)]\s+")
_TRAILING_QUALIFIER = re.compile(
    r"(?:\s*,)?\s+" + PhraseSet.of(cues.TRAILING_QUALIFIERS).pattern() + r"\s*\Z", re.IGNORECASE
)


def _fold(s: str) -> str:
    return _SPACES.sub(" ", s).strip().casefold()


def _opaque(doc: _Doc, start: int, end: int) -> list[bool]:
    """Which positions of ``doc.text[start:end]`` lie inside parentheses, brackets or a
    fixed phrase, where separators do not split."""
    n = end - start
    mask = [False] * n
    stack: list[int] = []
    for m in _BRACKET.finditer(doc.text, start, end):  # only the brackets, not every character
        i = m.start() - start
        if m.group() in "([":
            stack.append(i)
        elif stack:
            j = stack.pop()
            if not stack:
                mask[j:i + 1] = [True] * (i + 1 - j)
    for hit in _PROTECTED.find_all(doc.searchable, start, end):
        mask[hit.start - start:hit.end - start] = [True] * (hit.end - hit.start)
    return mask


def _trail(text: str, s: int, e: int) -> int:
    """``e`` moved back over white space, quotes and punctuation."""
    seg = text[s:e]
    while True:
        shorter = seg.rstrip().rstrip("\"'`.,:;")
        if shorter == seg:
            return s + len(seg)
        seg = shorter


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    m = _LEAD.match(text, s, e)
    if m:
        s = m.end()
    e = _trail(text, s, e)
    # an unbalanced closing parenthesis at the end belongs to the sentence, not the item
    if e > s and text[e - 1] == ")":
        opens, closes = text.count("(", s, e), text.count(")", s, e)
        while e > s and text[e - 1] == ")" and closes > opens:
            e -= 1
            closes -= 1
        e = _trail(text, s, e)
    if text[max(s, e - 3):e].lower().endswith(("and", "or", "&")):  # "(2) cervical strain, and (3)"
        conj = _TRAILING_CONJ.search(text, max(s, e - 12), e)
        if conj and conj.start() > s:
            e = _trail(text, s, conj.start())
    return s, e


def _modifier_only(words: str) -> bool:
    ws = _WORD.findall(words)
    return bool(ws) and all(w.lower() in cues.MODIFIER_WORDS for w in ws)


def _finishes(doc: _Doc, a: int, b: int) -> bool:
    """Whether ``text[a:b]``, after a comma, only finishes the item before it: an ICD tail
    ("initial encounter"), qualifier words ("right shoulder", "unspecified site", "lumbar
    region"), a continuation ("without complications", "secondary to ..."), a bare code
    ("M54.5")."""
    item = doc.low[a:b]
    if _fold(item) in _SUFFIXES or _ICD_CODE.fullmatch(item.strip()):
        return True
    ws = _WORD.findall(item)
    if ws and all(w in cues.MODIFIER_WORDS or w in cues.QUALIFIER_WORDS for w in ws):
        return True
    return _CONTINUATION.match_at(doc.searchable, a, b) is not None


def _names_a_part(doc: _Doc, s: int, e: int) -> bool:
    """Whether ``text[s:e]`` is a body part or tissue, perhaps after modifier words ("left
    knee", "pelvis", "upper arm", "structure")."""
    text = doc.text
    pos = s
    for m in _WORD.finditer(text, s, e):
        if m.group().lower() not in cues.MODIFIER_WORDS:
            break
        pos = m.end()
    else:
        return pos > s
    start = m.start()
    part = _PART.match_at(doc.searchable, start, e)
    return part is not None and not text[part.end:e].strip(" ,.;")


def _and_split(doc: _Doc, s: int, e: int, mask: list[bool], base: int) -> list[tuple[int, int]]:
    """Split ``text[s:e]`` at its first free "and" unless the words before it only modify
    the noun after it ("neck and upper back pain"), or it joins two parts of one title
    ("contusion of lower back and pelvis", "disorders of bone density and structure")."""
    text = doc.text
    for m in _AND.finditer(text, s, e):
        if mask[m.start() - base] or mask[m.end() - 1 - base]:
            continue
        if m.start() == s or m.end() >= e:
            return [(s, e)]
        if _modifier_only(text[s:m.start()]):
            return [(s, e)]
        if _PREPOSITION.search(text, s, m.start()) and _names_a_part(doc, m.end(), e):
            return [(s, e)]
        return [(s, m.start()), (m.end(), e)]
    return [(s, e)]


def _numbered(doc: _Doc, start: int) -> list[tuple[int, int]] | None:
    """The items of a numbered list that starts at ``start`` ("1. Lumbar strain. 2. ...",
    "1) ... 2) ..."): each runs to the next number, which must come before the item's
    second sentence ends (else the list has ended: a later "2." is another list's); the
    last item runs to its sentence's end. The numbers, not commas, separate the items.
    ``None`` when no list starts with "1"."""
    text = doc.text
    first = _FIRST_NUMBER.match(text, start)
    if first is None:
        return None
    limit = min(len(text), start + _MAX_LIST_CHARS)
    blank = text.find("\n\n", start, limit)
    if blank >= 0:
        limit = blank
    items: list[tuple[int, int]] = []
    a = first.end()
    while len(items) < _MAX_NUMBERED:
        i = bisect.bisect_left(doc.term_starts, a)
        reach = doc.term_starts[i + 1] if i + 1 < len(doc.term_starts) else limit
        nxt = next((m for m in _NUMBER.finditer(text, a, min(limit, reach + 8))
                    if int(m.group(1)) == len(items) + 2),
                   None)  # "2.5 mg", "page 3)" are not the next number
        if nxt is None or nxt.start() > reach:
            break
        items.append((a, nxt.start()))
        a = nxt.end()
    items.append((a, min(doc.sentence_end(a), limit)))
    return items


_MAX_LIST_CHARS = 3000  # longer "lists" are runaway sentences
_MAX_NUMBERED = 30  # numbered items read


def _list_items(doc: _Doc, start: int, *, treatments: bool = False) -> list[tuple[int, int]]:
    """The items of the list that starts at ``start``: (start, end) offsets."""
    text = doc.text
    raw = _numbered(doc, start)
    numbered = raw is not None
    mask: list[bool] = []
    if raw is None:
        end = min(doc.sentence_end(start), start + _MAX_LIST_CHARS)
        stop = _LIST_STOP.search(text, start, end)
        if stop:
            end = stop.start()
        if end <= start:
            return []
        mask = _opaque(doc, start, end)
        semicolons = [m.start() for m in _SEMICOLON.finditer(text, start, end) if not mask[m.start() - start]]
        seps = semicolons or [m.start() for m in _SEPARATOR.finditer(text, start, end)
                              if not mask[m.start() - start]]
        raw = []
        s = start
        for i in seps:
            raw.append((s, i))
            s = i + 1
        raw.append((s, end))

    segments: list[tuple[int, int, bool]] = []  # (start, end, began with a conjunction)
    for a, b in raw:
        conj = bool(_LEADING_CONJ.match(text, a, b))
        a, b = _trim(text, a, b)
        if b > a:
            segments.append((a, b, conj))
    if not segments or _NOT_A_LIST_START.match(text, segments[0][0]):
        return []
    # The last item is split once more at "and" (unless it began with one: an Oxford comma),
    # except in a numbered list, whose numbers say where items end.
    finishes = [i > 0 and not numbered and _finishes(doc, a, b) for i, (a, b, _) in enumerate(segments)]
    last = max(i for i, f in enumerate(finishes) if not f)
    if not numbered and (finishes.count(False) == 1 or not segments[last][2]):
        a, b, _ = segments[last]
        parts = [_trim(text, x, y) for x, y in _and_split(doc, a, b, mask, start)]
        segments[last:last + 1] = [(x, y, False) for x, y in parts if y > x]
        finishes[last:last + 1] = [j > 0 and _finishes(doc, x, y) for j, (x, y) in enumerate(parts, last)
                                   if y > x]

    spans: list[tuple[int, int]] = []
    for (a, b, _), joins in zip(segments, finishes):
        if spans and joins:
            # "strain of the right elbow, initial encounter", "SLAP lesion, right shoulder"
            spans[-1] = (spans[-1][0], b)
        else:
            spans.append((a, b))
    if treatments and spans:
        a, b = spans[-1]
        q = _TRAILING_QUALIFIER.search(text, max(a, b - 60), b)
        if q and q.start() > a:
            spans[-1] = (a, q.start())

    out: list[tuple[int, int]] = []
    seen: set[str] = set()
    for a, b in spans:
        if not treatments:
            art = _ARTICLE.match(text, a, b)
            if art and art.end() < b:
                a = art.end()  # "a lumbar strain" is the diagnosis "lumbar strain"
        key = _fold(text[a:b])
        if not key or key.rstrip(".") in _FILLERS or key in seen:
            continue
        seen.add(key)
        out.append((a, b))
    return out


_MAX_CUES = 25  # cue matches tried per pattern


def _cue_ok(low: str, pattern: re.Pattern[str], m: re.Match[str]) -> bool:
    """Context checks a cue pattern cannot make itself."""
    before = max(0, m.start() - 40)
    if pattern is _DX_STRONG:
        linked = (m.group("link") or "").strip() or m.group("colon")
        return m.group("dlink") is not None or bool(linked)
    if pattern is _DX_WEAK:
        return bool(_DX_WEAK_BEFORE.search(low, before, m.start()))
    if pattern is _TX_WEAK and m.group().startswith("treated"):
        return bool(_TX_WEAK_BEFORE.search(low, before, m.start()))
    if pattern is _TX_STRONG:
        return not _TX_BLOCKERS.search(low, before, m.start())
    return True


def _first_list(
    doc: _Doc, patterns: tuple[re.Pattern[str], ...], *, treatments: bool = False
) -> list[tuple[int, int]]:
    for pattern in patterns:
        for n, m in enumerate(_words(pattern, doc.low)):
            if n >= _MAX_CUES:
                break
            if not _cue_ok(doc.low, pattern, m):
                continue
            items = _list_items(doc, m.end(), treatments=treatments)
            if items:
                return items
    return []


# --------------------------------------------------------------------------- entry points


def read_summary(text: str) -> Summary:
    """The patient, diagnoses, prior treatments and UR date stated in a case summary."""
    doc = _Doc(text)
    pspans: dict[str, Span] = {}
    age = _read_age(doc)
    if age:
        pspans["age"] = age[1]
    sex = _read_sex(doc, age[1] if age else None)
    if sex:
        pspans["sex"] = sex[1]
    doi = _read_date_of_injury(doc)
    if doi:
        pspans["date_of_injury"] = doi[1]
    patient = Patient(
        age=age[0] if age else None,
        sex=sex[0] if sex else None,
        date_of_injury=doi[0] if doi else None,
        spans=pspans,
    )

    spans: dict[str, Span] = {}
    diagnoses: list[str] = []
    for i, (a, b) in enumerate(_first_list(doc, (_DX_STRONG, _DX_WEAK))):
        diagnoses.append(_SPACES.sub(" ", text[a:b]))
        spans[f"diagnoses.{i}"] = Span(a, b)
    treatments: list[str] = []
    for i, (a, b) in enumerate(_first_list(doc, (_TX_STRONG, _TX_WEAK), treatments=True)):
        treatments.append(_SPACES.sub(" ", text[a:b]))
        spans[f"prior_treatments.{i}"] = Span(a, b)
    ur = _read_ur_date(doc)
    if ur:
        spans["ur_decision_date"] = ur[1]
    return Summary(
        text=text,
        patient=patient,
        diagnoses=tuple(diagnoses),
        prior_treatments=tuple(treatments),
        ur_decision_date=ur[0] if ur else None,
        spans=spans,
    )


def patient_completeness(p: Patient) -> str:
    """``"full"`` when age, sex and date of injury are all known, ``"unrecognised"`` when
    none is, else ``"partial"``."""
    known = [p.age is not None, p.sex is not None, p.date_of_injury is not None]
    if all(known):
        return "full"
    if any(known):
        return "partial"
    return "unrecognised"
