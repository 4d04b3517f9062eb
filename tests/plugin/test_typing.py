"""mypy checks a plugin's hook objects against the typed plugin API: the sample plugin
in ``typing_tests/good_plugin.py`` is clean under ``--strict``, and every mistake in
``typing_tests/bad_plugin.py`` (each line marked ``# E: words``) is reported."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TYPING_TESTS = ROOT / "typing_tests"


def mypy(path: Path, tmp_path: Path) -> dict[int, list[str]]:
    """The errors mypy --strict reports in ``path``, by line."""
    api = pytest.importorskip("mypy.api")
    out, err, status = api.run(["--strict", "--no-error-summary", "--cache-dir", str(tmp_path / "mypy"),
                                "--hide-error-context", str(path)])
    assert status in (0, 1), err
    errors: dict[int, list[str]] = {}
    for line in out.splitlines():
        m = re.match(rf"(?:.*[/\\])?{re.escape(path.name)}:(\d+): error: (.*)", line)
        if m:
            errors.setdefault(int(m.group(1)), []).append(m.group(2))
        else:
            assert ": note: " in line, line
    return errors


def test_a_well_typed_plugin_is_clean(tmp_path: Path) -> None:
    assert mypy(TYPING_TESTS / "good_plugin.py", tmp_path) == {}


def test_each_mistake_is_caught(tmp_path: Path) -> None:
    path = TYPING_TESTS / "bad_plugin.py"
    expected = {n: re.findall(r"# E: ([^#]+)", line)
                for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "# E:" in line}
    assert len(expected) >= 8
    found = mypy(path, tmp_path)
    assert sorted(found) == sorted(expected), found
    for n, words in expected.items():
        for word in words:
            assert any(word.strip() in message for message in found[n]), (n, word, found[n])
