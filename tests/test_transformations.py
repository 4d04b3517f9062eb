"""A letter parses to the same values whatever PDF tools and office software did to its text.

Every letter (the seeds in ``tests/fixtures/letters`` and, when ``/work/shared`` is
there, the real published letters as imrparse's own reader extracts them) is parsed in
strict mode before and after each transformation of ``tests/mangle.py``:

* no gold field that the untransformed letter gets right may be lost
  (:func:`test_seed_keeps_gold`, :func:`test_real_letter_keeps_gold`), and for the real
  letters the share of gold fields passed is the same for every transformation
  (:func:`test_real_share_per_transformation`);
* no new warning appears;
* every span still points at the same words of the (transformed) input, and a value
  copied from the letter (a request, a rationale, a guideline line ...) stands in the
  input at its span (:func:`test_span_fidelity`).
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
import unicodedata
from collections import Counter
from typing import Any, Iterator

import attrs
import pytest

import imrparse
from imrparse.models import Determination, Span

from . import corpus, goldmatch
from .mangle import TRANSFORMATIONS, furniture_spans, mangle, without_furniture

TRANSFORMATION_NAMES = list(TRANSFORMATIONS)
# Each letter's transformations are seeded by its name; IMRPARSE_MANGLE_SEED adds to the
# seed, to try other random widths, page lengths and so on (see docs/robustness.md).
MANGLE_SEED = os.environ.get("IMRPARSE_MANGLE_SEED", "")
SEEDS = corpus.seed_names()
REAL = corpus.real_names()
_NO_SHARED = pytest.mark.skip(reason=f"the real letters are not there ({corpus.SHARED})")


def _real_params() -> list[Any]:
    if not REAL:
        return [pytest.param(None, None, marks=_NO_SHARED, id="no-shared-letters")]
    return [pytest.param(n, t, id=f"{n}-{t}", marks=pytest.mark.shared) for n in REAL for t in TRANSFORMATION_NAMES]


# -- parsing, cached ---------------------------------------------------------------------


def _text(kind: str, name: str) -> str:
    return corpus.seed_text(name) if kind == "seed" else corpus.real_text(name)


def _gold(kind: str, name: str) -> Any:
    return corpus.seed_gold(name) if kind == "seed" else corpus.real_gold(name)


@functools.lru_cache(maxsize=None)
def _input(kind: str, name: str, transformation: str | None) -> str:
    text = _text(kind, name)
    return text if transformation is None else mangle(transformation, text, seed=name + MANGLE_SEED)


@functools.lru_cache(maxsize=None)
def _parsed(kind: str, name: str, transformation: str | None) -> Determination:
    return imrparse.parse(_input(kind, name, transformation), strict=True, plugins=corpus.plugins())


def _failed_paths(kind: str, name: str, transformation: str | None) -> dict[str, str]:
    got = imrparse.to_dict(_parsed(kind, name, transformation))
    return {c.path: c.why for c in goldmatch.checks(_gold(kind, name), got) if not c.ok}


def _assert_keeps_gold(kind: str, name: str, transformation: str) -> None:
    before = _failed_paths(kind, name, None)
    after = _failed_paths(kind, name, transformation)
    lost = {path: why for path, why in after.items() if path not in before}
    assert not lost, f"{name} after {transformation}: {len(lost)} gold field(s) lost:\n  " + "\n  ".join(
        f"{path}: {why}" for path, why in sorted(lost.items()))
    codes_before = Counter(w.code for w in _parsed(kind, name, None).warnings)
    codes_after = Counter(w.code for w in _parsed(kind, name, transformation).warnings)
    assert codes_after == codes_before, f"{name} after {transformation}: warnings changed"


# -- gold -------------------------------------------------------------------------------


@pytest.mark.parametrize("transformation", TRANSFORMATION_NAMES)
@pytest.mark.parametrize("name", SEEDS)
def test_seed_keeps_gold(name: str, transformation: str) -> None:
    _assert_keeps_gold("seed", name, transformation)


@pytest.mark.parametrize("name", SEEDS)
def test_seed_untransformed_parses_strictly(name: str) -> None:
    det = _parsed("seed", name, None)
    assert det.items, "no items"
    assert not det.warnings


@pytest.mark.parametrize(("name", "transformation"), _real_params())
def test_real_letter_keeps_gold(name: str, transformation: str) -> None:
    _assert_keeps_gold("real", name, transformation)


def real_share(transformation: str | None) -> tuple[int, int]:
    """Gold fields passed and gold fields in all, over every real letter."""
    passed = total = 0
    for name in REAL:
        gold = corpus.real_gold(name)
        try:
            got = imrparse.to_dict(_parsed("real", name, transformation))
        except imrparse.ImrParseError:
            got = {}
        p, t = goldmatch.score(gold, got)
        passed, total = passed + p, total + t
    return passed, total


@pytest.mark.parametrize("transformation", [
    pytest.param(t, marks=[pytest.mark.shared] + ([_NO_SHARED] if not REAL else []))
    for t in TRANSFORMATION_NAMES])
def test_real_share_per_transformation(transformation: str) -> None:
    before = real_share(None)
    after = real_share(transformation)
    assert after == before, (f"{transformation}: {after[0]}/{after[1]} gold fields passed, "
                             f"untransformed {before[0]}/{before[1]}")


# -- span fidelity --------------------------------------------------------------------------

_CHAR_FOLD = {
    **{c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"},
    **{c: "'" for c in "\u2018\u2019\u201a\u201b"},
    **{c: '"' for c in "\u201c\u201d\u201e\u201f"},
}


@functools.lru_cache(maxsize=8)
def _furniture(text: str) -> list[tuple[int, int]]:
    """Where the page furniture that tests/mangle.py inserts stands in ``text``, not among
    the first lines, the letter's own header ("Case Number: CM16-0213037")."""
    heading = re.search(r"(?i:HOW\s+THE\s+IMR)", text)  # the letter's header stands before it
    return furniture_spans(text, heading.start() if heading else 0)


def at_span(text: str, span: Span) -> str:
    """``text`` at ``span``, without the furniture lines inside it."""
    return without_furniture(text, span.start, span.end, _furniture(text))


def fold(text: str) -> str:
    """Text as compared for span fidelity: characters folded (NFKC, typographic dashes and
    quotes, control characters dropped), hyphens dropped (so a hyphen-line-break is
    joined either way: "Adminis-" / "trator" and "year-" / "old"), white space folded,
    case ignored. (Page furniture: see :func:`at_span`.)"""
    text = "".join(_CHAR_FOLD.get(c, c) for c in unicodedata.normalize("NFKC", text))
    # Format characters and controls go (pdfium marks a line-end hyphen with \x02, a
    # hyphen here).
    text = text.replace("\x02", "-")
    text = "".join(c for c in text if unicodedata.category(c) not in ("Cf", "Cc") or c in "\n\r\f\t\v")
    text = re.sub(r"\r\n?|\f", "\n", text)
    text = re.sub(r"[-\x02]\s*\n\s*", "", text)  # hyphen-line-breaks joined
    text = text.replace("-", "")
    return re.sub(r"\s+", " ", text).strip().casefold()


def _value_at(obj: Any, key: str) -> Any:
    """The value ``obj.spans[key]`` stands for: ``"request"`` or ``"diagnoses.1"``."""
    value: Any = obj
    for part in key.split("."):
        if part.isdigit() and isinstance(value, tuple):
            value = value[int(part)] if int(part) < len(value) else None
        else:
            value = getattr(value, part, None)
    return value


def spans_of(obj: Any, path: str = "$") -> Iterator[tuple[str, Span, Any]]:
    """Every ``(path, span, value)`` in a parsed model: ``span`` fields (with the object's
    ``text`` as the value, when it has one) and the entries of ``spans`` mappings."""
    if isinstance(obj, tuple):
        for i, x in enumerate(obj):
            yield from spans_of(x, f"{path}[{i}]")
        return
    if not attrs.has(type(obj)):
        return
    for a in attrs.fields(type(obj)):
        value = getattr(obj, a.name)
        if a.name == "span" and isinstance(value, Span):
            yield f"{path}.span", value, getattr(obj, "text", None)
        elif a.name == "spans":
            for key, span in value.items():
                yield f"{path}.spans[{key}]", span, _value_at(obj, key)
        elif a.name != "extras":
            yield from spans_of(value, f"{path}.{a.name}")


# Values the letter holds word for word: their span must contain them.
# (Normalised values, such as a service's category or a state's name, are checked by
# comparing their spans with the untransformed letter's only.)
_VERBATIM = re.compile(r"spans\[(?:request|original_request|authorized|rationale|case_number|priority"
                       r"|diagnoses\.\d+|prior_treatments\.\d+)\]$|\.span$")


def _difference(value: str, at: str, what: tuple[str, str] = ("the value", "the input")) -> str:
    """Where ``value`` and the text at its span part ways."""
    i = next((i for i, (a, b) in enumerate(zip(value, at)) if a != b), min(len(value), len(at)))
    return (f"from character {i}, {what[0]} reads {value[max(0, i - 30):i + 40]!r}, "
            f"{what[1]} {at[max(0, i - 30):i + 40]!r}")


def _check_spans(det: Determination, text: str, label: str) -> dict[str, str]:
    """Every span of ``det`` in bounds, and verbatim values found at their spans; returns
    the folded slice of the input at each span, by path."""
    slices: dict[str, str] = {}
    problems: list[str] = []
    for path, span, value in spans_of(det):
        if not 0 <= span.start <= span.end <= len(text):
            problems.append(f"{path}: {span} outside the input (length {len(text)})")
            continue
        at = fold(at_span(text, span))
        slices[path] = at
        if type(value) is str and value.strip() and _VERBATIM.search(path) and fold(value) not in at:
            problems.append(f"{path}: the value is not at its span: {_difference(fold(value), at)}")
        elif isinstance(value, dt.date) and not at:
            problems.append(f"{path}: empty span for {value}")
    assert not problems, f"{label}:\n  " + "\n  ".join(problems)
    return slices


def _span_cases() -> list[Any]:
    cases = [pytest.param("seed", n, t, id=f"{n}-{t}") for n in SEEDS for t in [None] + TRANSFORMATION_NAMES]
    if REAL:
        cases += [pytest.param("real", n, t, id=f"{n}-{t}", marks=pytest.mark.shared)
                  for n in REAL for t in [None] + TRANSFORMATION_NAMES]
    else:
        cases.append(pytest.param("real", None, None, marks=_NO_SHARED, id="no-shared-letters"))
    return cases


@pytest.mark.parametrize(("kind", "name", "transformation"), _span_cases())
def test_span_fidelity(kind: str, name: str, transformation: str | None) -> None:
    """Spans index into the text handed to parse(): under every transformation the input at
    each span holds the value, and the same words as in the untransformed letter."""
    label = f"{name} {transformation or 'untransformed'}"
    slices = _check_spans(_parsed(kind, name, transformation), _input(kind, name, transformation), label)
    if transformation is None:
        return
    before = _check_spans(_parsed(kind, name, None), _input(kind, name, None), f"{name} untransformed")
    moved = [f"{path}: {_difference(before[path], at, ('untransformed', 'transformed'))}"
             for path, at in slices.items() if path in before and before[path] != at]
    assert not moved, f"{label}: {len(moved)} span(s) moved:\n  " + "\n  ".join(moved)


# -- the transformations themselves ---------------------------------------------------------


@pytest.mark.parametrize("transformation", TRANSFORMATION_NAMES)
def test_transformations_are_deterministic_and_keep_the_words(transformation: str) -> None:
    text = corpus.seed_text(SEEDS[0])
    once, again = mangle(transformation, text, seed=1), mangle(transformation, text, seed=1)
    assert once == again
    assert once != text or transformation == "blank_lines_doubled"
    # Only form changes: the words (furniture aside) stay, in order.
    assert fold(at_span(once, Span(0, len(once)))).replace(" ", "") == fold(text).replace(" ", "")


def test_transformations_do_what_they_say() -> None:
    text = "Case Number: CM16-0213037\nPages 176-177 on 1-30-2014.\n\n\"Quoted\" and it's fine, a flat fit\n"
    assert "\r\n" in mangle("crlf", text)
    assert "\n\n" not in mangle("blank_lines_removed", text)
    assert "\n\n\n" in mangle("blank_lines_doubled", text)
    dashed = mangle("typographic_dashes", text)
    assert re.search("176[\u2013\u2014]177", dashed) and re.search("1[\u2013\u2014]30[\u2013\u2014]2014", dashed)
    assert "\u201cQuoted\u201d" in mangle("curly_quotes", text) and "it\u2019s" in mangle("curly_quotes", text)
    assert "\ufb02at \ufb01t" in mangle("ligatures", text)
    assert "\u00a0" in mangle("nonbreaking_spaces", text * 5)
    long_text = "\n".join(f"line {i} of the letter" for i in range(100))
    paged = mangle("page_furniture", "Case Number: CM16-0213037\n" + long_text)
    assert re.search(r"^Page 1( of 3)?$", paged, re.M)
    assert re.search(r"^(Case Number: |Final Determination Letter for IMR Case Number )CM16-0213037$",
                     paged.split("\n", 1)[1], re.M)
    assert "\f" in mangle("form_feeds", long_text)
    assert all(line[0] in " \t" for line in mangle("indented", long_text).split("\n"))
    widths = [len(line) for line in mangle("rewrap_paragraphs", " ".join(["word"] * 500)).split("\n")]
    assert max(widths) <= 104 and min(widths[:-1]) >= 63
    assert mangle("rewrap_letter", "a date 11-\n16-2016 here") == "a date 11-16-2016 here"
    assert mangle("labels_in_capitals", text).startswith("CASE NUMBER: CM16-0213037")
    assert mangle("headings_in_title_case", "CLINICAL CASE SUMMARY\nIMR ISSUES, DECISIONS AND RATIONALES\n") == (
        "Clinical Case Summary\nIMR Issues, Decisions and Rationales\n")


def test_header_labels_in_the_text_are_words() -> None:
    """"Priority:" or "Date of Injury:" inside the summary, and a running header pulled into
    a rationale, are text: the letter still parses, its header unchanged."""
    name = REAL[0] if REAL else None
    text = _text("real", name) if name else "Case Number: CM16-0213037\n" + corpus.seed_text(SEEDS[2])
    i = text.index("CLINICAL CASE SUMMARY")
    j = text.index("\n", text.index("\n", i) + 1)
    changed = text[:j] + " Priority: Standard. Date of Injury: 01/02/2003." + text[j:]
    k = changed.index("Decision rationale:")
    changed = changed[:k] + "Final Determination Letter for IMR Case Number CM16-0213037 Page 2 of 3 " + changed[k:]
    before = imrparse.parse(text, plugins=corpus.plugins())
    after = imrparse.parse(changed, plugins=corpus.plugins())
    assert after.case == before.case and not after.warnings
    assert [item.request for item in after.items] == [item.request for item in before.items]
