"""Compare a parse (``imrparse.to_dict(det)``) with a gold file, as ``tools/gold_check.py`` does.

Only the keys a gold file names are checked:

* a dict is matched key by key (a key missing from the parse counts as ``None``);
* ``{"startswith": s, "endswith": e}`` matches a string by its ends;
* a list of objects must have the same length and match entry by entry; a list of
  plain values is one check, in order except for the keys in :data:`UNORDERED`;
* strings are compared with white space folded; the keys in :data:`CASELESS` also
  ignore case.

Each leaf of the gold is one *field*. A missing object or a list of the wrong length
fails every field under it.

>>> failures({"a": {"startswith": "x y"}, "b": [1, 2]}, {"a": "x\\n y z", "b": [1, 3]})
['b: expected [1, 2], got [1, 3]']
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

__all__ = ["Check", "UNORDERED", "CASELESS", "checks", "failures", "score", "assert_gold"]

UNORDERED = frozenset({"body_regions", "licensed_in"})
CASELESS = frozenset({"title", "topic", "sections", "diagnoses", "prior_treatments", "specialties",
                      "subspecialties", "body_regions", "request", "priority", "modality", "category"})


class Check(NamedTuple):
    path: str
    ok: bool
    why: str
    weight: int  # how many gold fields this check stands for


def _fold(s: str, caseless: bool) -> str:
    s = re.sub(r"\s+", " ", s.replace("\u00a0", " ")).strip()
    return s.casefold() if caseless else s


def _is_ends(gold: Any) -> bool:
    return isinstance(gold, dict) and bool(gold) and set(gold) <= {"startswith", "endswith"}


def _is_plain_list(gold: list[Any]) -> bool:
    return not any(isinstance(g, (dict, list)) for g in gold)


def _leaves(gold: Any) -> int:
    if isinstance(gold, dict) and not _is_ends(gold):
        return sum(_leaves(v) for v in gold.values())
    if isinstance(gold, list) and not _is_plain_list(gold):
        return sum(_leaves(g) for g in gold)
    return 1


def _short(value: Any, n: int = 120) -> str:
    return repr(value if not isinstance(value, str) else value[:n])


def checks(gold: Any, actual: Any, path: str = "", key: str = "") -> list[Check]:
    """Every check the gold asks for, passed or failed."""
    caseless = key in CASELESS
    where = path or "$"
    if _is_ends(gold):
        ok = isinstance(actual, str)
        if ok and "startswith" in gold:
            ok = _fold(actual, caseless).startswith(_fold(gold["startswith"], caseless))
        if ok and "endswith" in gold:
            ok = _fold(actual, caseless).endswith(_fold(gold["endswith"], caseless))
        return [Check(where, ok, f"expected {gold!r}, got {_short(actual)}", 1)]
    if isinstance(gold, dict):
        if not isinstance(actual, dict):
            return [Check(where, False, f"expected an object, got {_short(actual)}", _leaves(gold))]
        out: list[Check] = []
        for k, v in gold.items():
            out += checks(v, actual.get(k), f"{path}.{k}" if path else k, k)
        return out
    if isinstance(gold, list):
        if not isinstance(actual, list):
            return [Check(where, False, f"expected a list, got {_short(actual)}", _leaves(gold))]
        if _is_plain_list(gold):
            def norm(xs: list[Any]) -> list[Any]:
                return [_fold(x, caseless) if isinstance(x, str) else x for x in xs]
            want, got = norm(gold), norm(actual)
            if key in UNORDERED:
                want, got = sorted(map(str, want)), sorted(map(str, got))
            return [Check(where, want == got, f"expected {gold!r}, got {actual!r}", 1)]
        if len(gold) != len(actual):
            return [Check(where, False, f"expected {len(gold)} entries, got {len(actual)}", _leaves(gold))]
        out = []
        for i, (g, a) in enumerate(zip(gold, actual)):
            out += checks(g, a, f"{where}[{i}]", key)
        return out
    if isinstance(gold, str):
        ok = isinstance(actual, str) and _fold(gold, caseless) == _fold(actual, caseless)
    else:
        # True must not pass for 1, nor 1 for 1.0: the types must agree too.
        ok = gold == actual and type(gold) is type(actual)
    return [Check(where, ok, f"expected {gold!r}, got {_short(actual)}", 1)]


def failures(gold: Any, actual: Any) -> list[str]:
    """One line per failed check: ``path: why``."""
    return [f"{c.path}: {c.why}" for c in checks(gold, actual) if not c.ok]


def score(gold: Any, actual: Any) -> tuple[int, int]:
    """``(passed, total)`` gold fields."""
    found = checks(gold, actual)
    return sum(c.weight for c in found if c.ok), sum(c.weight for c in found)


def assert_gold(gold: Any, actual: Any, label: str = "") -> None:
    """Fail (AssertionError) listing every field of ``actual`` that misses the gold."""
    failed = failures(gold, actual)
    if failed:
        head = f"{label}: " if label else ""
        raise AssertionError(head + f"{len(failed)} gold field(s) differ:\n  " + "\n  ".join(failed))
