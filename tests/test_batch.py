"""Batches people can trust: every file accounted for, crashes and hangs cost one letter,
outputs valid after Ctrl-C, a resumed run equal to an uninterrupted one, clean errors
for paths that cannot be written."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Iterator

import pytest

import imrparse
import imrparse.cli
import imrparse.cli.parse as cli_parse
from imrparse.batch import letter_files, letter_suffixes
from imrparse.cli import main
from imrparse.plugin.registry import Plugins
from imrparse.resume import remaining
from imrparse.testing import plugin_manager

from . import batch_plugins, corpus

SEEDS = corpus.seed_paths()
FORMATS = ["jsonl", "csv", "json", "parquet"]
#: The start of a PDF, cut short.
CUT_PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Ty"


def blank_pdf() -> bytes:
    """A valid one-page PDF without text (what a scanned letter looks like to a reader)."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument.new()
    pdf.new_page(612, 792)
    buffer = io.BytesIO()
    pdf.save(buffer)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def plugins() -> Iterator[Plugins]:
    """The built-ins and the misbehaving readers of tests/batch_plugins.py."""
    with plugin_manager(batch_plugins) as p:
        yield p


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, plugins: Plugins,
        capsys: pytest.CaptureFixture[str]) -> Any:
    """``cli(*argv) -> (status, stdout, stderr)`` with the misbehaving readers installed
    (the workers rebuild the same plugins from their modules)."""
    monkeypatch.setattr(imrparse.cli, "get_plugins", lambda: plugins)

    def run(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    return run


def _sort_key(root: Path, path: Path) -> tuple[str, ...]:
    return path.relative_to(root).parts


def _tree(root: Path) -> tuple[list[Path], dict[Path, str]]:
    """Nested folders of good letters, damaged and empty PDFs, a non-letter and a file
    that kills its worker; and files a folder does not contribute. Returns the good
    letters and the failing files with their error, each in the batch's order."""
    (root / "2016" / "q1").mkdir(parents=True)
    (root / "2017").mkdir()
    (root / ".git").mkdir()
    good = [root / "2016" / "q1" / SEEDS[0].name, root / "2016" / SEEDS[1].name,
            root / "2017" / SEEDS[2].name, root / SEEDS[3].name]
    for path, seed in zip(good, SEEDS):
        shutil.copy(seed, path)
    bad = {
        root / "2016" / "q1" / "corrupt.pdf": "UnreadablePDF",
        root / "2017" / "scan.PDF": "EmptyInput",
        root / "2017" / "recipe.txt": "NotALetter",
        root / "2016" / "boom.crash": "WorkerCrashed",
    }
    (root / "2016" / "q1" / "corrupt.pdf").write_bytes(CUT_PDF)
    (root / "2017" / "scan.PDF").write_bytes(blank_pdf())
    (root / "2017" / "recipe.txt").write_text("Two cups of flour and an egg. Bake for an hour.\n")
    (root / "2016" / "boom.crash").write_bytes(batch_plugins.CONTENT)
    # Not letters: another kind of file, hidden files and folders.
    (root / "notes.docx").write_bytes(b"PK\x03\x04")
    (root / ".hidden.pdf").write_bytes(blank_pdf())
    (root / ".git" / "HEAD.txt").write_text("ref: refs/heads/main\n")
    order = sorted([*good, *bad], key=lambda p: _sort_key(root, p))
    return [p for p in order if p in good], {p: bad[p] for p in order if p in bad}


# -- every file accounted for ------------------------------------------------------------------

def test_nested_folders_account_for_every_file(cli: Any, tmp_path: Path) -> None:
    root = tmp_path / "letters"
    good, bad = _tree(root)
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    code, stdout, err = cli("parse", str(root), "-f", "jsonl", "-o", str(out), "--errors", str(errors),
                            "-j", "2")
    assert code == 1 and stdout == ""
    assert [json.loads(line)["source"] for line in out.read_text().splitlines()] == [p.name for p in good]
    records = [json.loads(line) for line in errors.read_text().splitlines()]
    assert [(Path(r["source"]), r["error"]) for r in records] == list(bad.items())
    crash = next(r for r in records if r["error"] == "WorkerCrashed")
    assert "died" in crash["message"] and "SIGKILL" in crash["message"]
    assert "boom.crash: the worker process reading this file died" in err
    assert err.rstrip().splitlines()[-1].startswith(
        f"8 letters: 4 parsed (0 with warnings), 4 failed; {_items(out)} items; ")
    assert not list(tmp_path.glob("*.part"))


def _items(jsonl: Path) -> int:
    return sum(len(json.loads(line)["items"]) for line in jsonl.read_text().splitlines())


def test_a_killed_worker_costs_only_its_letter(plugins: Plugins, tmp_path: Path) -> None:
    crash = tmp_path / "boom.crash"
    crash.write_bytes(batch_plugins.CONTENT)
    files = [SEEDS[0], crash, SEEDS[1], crash, SEEDS[2]]
    outcomes = list(imrparse.parse_files(files, jobs=1, chunk_size=5, timeout=60, plugins=plugins))
    assert [o.source for o in outcomes] == [str(p) for p in files]
    assert [o.ok for o in outcomes] == [True, False, True, False, True]
    assert all(type(o.error).__name__ == "WorkerCrashed" and o.error.source == "boom.crash"
               for o in outcomes if not o.ok)


def test_a_worker_killed_by_something_else_loses_nothing(plugins: Plugins, tmp_path: Path) -> None:
    """A worker that dies for another reason: its letter is run again, alone, and parses."""
    flaky = tmp_path / "letter.flaky"
    flaky.write_bytes(f"{tmp_path / 'marker'}\n".encode() + SEEDS[4].read_bytes())
    outcomes = list(imrparse.parse_files([SEEDS[0], flaky, SEEDS[1]], jobs=2, timeout=60, plugins=plugins))
    assert (tmp_path / "marker").exists()  # the first read did kill its worker
    assert [o.ok for o in outcomes] == [True, True, True]
    assert outcomes[1].determination is not None and outcomes[1].determination.items


def test_a_letter_over_the_time_limit_costs_only_itself(plugins: Plugins, tmp_path: Path) -> None:
    hang = tmp_path / "slow.hang"
    hang.write_bytes(batch_plugins.CONTENT)
    files = [SEEDS[0], hang, SEEDS[1], SEEDS[2]]
    started = time.monotonic()
    outcomes = list(imrparse.parse_files(files, jobs=2, chunk_size=2, timeout=3.5, plugins=plugins))
    assert time.monotonic() - started < 60
    assert [o.ok for o in outcomes] == [True, False, True, True]
    error = outcomes[1].error
    assert type(error).__name__ == "TimedOut" and "3.5 s" in str(error) and error.source == "slow.hang"


def test_cli_timeout_option(cli: Any, tmp_path: Path) -> None:
    hang = tmp_path / "slow.hang"
    hang.write_bytes(batch_plugins.CONTENT)
    code, out, err = cli("parse", str(SEEDS[0]), str(hang), "-f", "jsonl", "--timeout", "3")
    assert code == 1 and len(out.splitlines()) == 1
    assert "slow.hang: reading and parsing took longer than the time limit (3 s)" in err


@pytest.mark.parametrize("jobs", [1, 3])
def test_pool_keeps_input_order_over_many_chunks(jobs: int) -> None:
    files = SEEDS * 6
    outcomes = list(imrparse.parse_files(files, jobs=jobs, chunk_size=2, timeout=60))
    assert [o.source for o in outcomes] == [str(p) for p in files]
    expected = [imrparse.to_dict(imrparse.parse_file(p)) for p in files]
    assert [imrparse.to_dict(o.determination) for o in outcomes if o.determination] == expected


def test_abandoning_a_batch_stops_its_workers() -> None:
    import multiprocessing

    outcomes = imrparse.parse_files(SEEDS * 20, jobs=2, chunk_size=2, timeout=60)
    next(outcomes)
    assert multiprocessing.active_children()
    outcomes.close()
    assert not multiprocessing.active_children()


# -- folders -----------------------------------------------------------------------------------

def test_folders_recurse_in_a_stable_order_unless_told_not_to(tmp_path: Path) -> None:
    good, bad = _tree(tmp_path)
    suffixes = letter_suffixes()
    found = letter_files(tmp_path, suffixes)
    assert found == sorted([*good, *(p for p in bad if p.suffix != ".crash")],
                           key=lambda p: _sort_key(tmp_path, p))
    assert letter_files(tmp_path, suffixes, recurse=False) == [tmp_path / SEEDS[3].name]


def test_a_plugin_reader_s_suffix_joins_the_folder(plugins: Plugins, tmp_path: Path) -> None:
    (tmp_path / "a.crash").write_bytes(batch_plugins.CONTENT)
    assert ".crash" in letter_suffixes(plugins) and ".crash" not in letter_suffixes()
    assert imrparse.batch.expand_paths([tmp_path], plugins=plugins) == [tmp_path / "a.crash"]


def test_a_folder_without_letters_is_reported(cli: Any, tmp_path: Path) -> None:
    (tmp_path / "empty" / "sub").mkdir(parents=True)
    (tmp_path / "empty" / "sub" / SEEDS[0].name).write_text(SEEDS[0].read_text())
    code, out, err = cli("parse", str(tmp_path / "empty"), "--no-recurse", "-f", "jsonl")
    assert code == 1 and out == ""
    assert "no letter files in this folder" in err and "--no-recurse" in err
    assert "no letters were read" in err
    code, out, _ = cli("parse", str(tmp_path / "empty"), "-f", "jsonl")
    assert code == 0 and len(out.splitlines()) == 1


# -- what the run says -------------------------------------------------------------------------

def test_the_end_line_counts_letters_warnings_failures_items(cli: Any, tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.txt"
    damaged.write_text(SEEDS[0].read_text().replace("MAXIMUS guideline:", "MAXIMUS notes"))
    bad = tmp_path / "recipe.txt"
    bad.write_text("Two cups of flour.\n")
    code, out, err = cli("parse", str(SEEDS[1]), str(damaged), str(bad), "--lenient", "-f", "jsonl")
    items = sum(len(json.loads(line)["items"]) for line in out.splitlines())
    last = err.rstrip().splitlines()[-1]
    assert code == 1
    assert last.startswith(f"3 letters: 2 parsed (1 with warnings), 1 failed; {items} items; ")
    assert last.endswith(" s")


def test_quiet_says_nothing(cli: Any, tmp_path: Path) -> None:
    bad = tmp_path / "recipe.txt"
    bad.write_text("Two cups of flour.\n")
    code, _, err = cli("parse", str(SEEDS[0]), str(bad), "-q", "-f", "jsonl")
    assert code == 1 and err == ""


def test_progress_bar_on_a_terminal() -> None:
    from imrparse.cli._progress import reporter

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen = Terminal()
    bar = reporter(quiet=False, stream=screen)
    bar.start(3)
    for _ in range(3):
        bar.advance()
        time.sleep(0.05)
    bar.say("imrparse: a message")
    bar.stop()
    shown = screen.getvalue()
    assert "letters/s" in shown and "3/3" in shown and "a message" in shown
    assert type(reporter(quiet=True, stream=screen)).__name__ == "Reporter"


def test_no_bar_and_no_rich_import_off_a_terminal() -> None:
    code = ("import sys; from imrparse.cli import main; "
            f"main(['parse', {str(SEEDS[0])!r}, {str(SEEDS[1])!r}, '-f', 'jsonl']); "
            "print('rich' in sys.modules, file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    lines = done.stderr.strip().splitlines()
    assert lines[-1] == "False"
    assert lines[-2].startswith("2 letters: 2 parsed")


# -- outputs that cannot be written ------------------------------------------------------------

@pytest.mark.parametrize("option, target, says", [
    ("-o", "missing/out.jsonl", "the folder"),
    ("-o", ".", "is a folder"),
    ("--errors", "missing/errors.jsonl", "does not exist"),
    ("--errors", ".", "is a folder"),
    ("-o", "file.txt/out.jsonl", "is not a folder"),
])
def test_unwritable_output_paths_are_one_line_errors(cli: Any, tmp_path: Path, option: str,
                                                     target: str, says: str) -> None:
    (tmp_path / "file.txt").write_text("a file\n")
    code, out, err = cli("parse", str(SEEDS[0]), "-f", "jsonl", option, str(tmp_path / target))
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and err.startswith(f"imrparse: {option} ") and says in err
    assert "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file.txt"]


def test_output_and_errors_must_differ(cli: Any, tmp_path: Path) -> None:
    code, _, err = cli("parse", str(SEEDS[0]), "-o", str(tmp_path / "x"), "--errors", str(tmp_path / "x"))
    assert code == 2 and "same file" in err


def test_an_earlier_output_survives_a_failed_run(cli: Any, tmp_path: Path) -> None:
    """The file is replaced only when the new one is complete."""
    target = tmp_path / "out.csv"
    target.write_text("earlier\n")
    code, _, _ = cli("parse", str(SEEDS[0]), "-f", "nope", "-o", str(target))
    assert code == 2 and target.read_text() == "earlier\n"


# -- interruption and resume -------------------------------------------------------------------

def nested_letters(tmp_path: Path) -> Path:
    """Letters in two folders, a file that is no letter between them, and one file
    name in both folders: ``a/`` holds seeds 0-2 and ``zz-recipe.txt``, ``b/`` seeds 2-4."""
    root = tmp_path / "in"
    (root / "a").mkdir(parents=True)
    (root / "b").mkdir()
    for seed in SEEDS[:3]:
        shutil.copy(seed, root / "a" / seed.name)
    (root / "a" / "zz-recipe.txt").write_text("Two cups of flour.\n")
    for seed in SEEDS[2:]:
        shutil.copy(seed, root / "b" / seed.name)  # one name in both folders
    return root


def _interrupt_after(monkeypatch: pytest.MonkeyPatch, count: int) -> None:
    """Ctrl-C while the batch waits for its (count+1)th letter."""
    real = cli_parse._outcomes

    def outcomes(*args: Any) -> Iterator[Any]:
        inner = real(*args)
        try:
            for n, outcome in enumerate(inner):
                if n == count:
                    raise KeyboardInterrupt
                yield outcome
        finally:
            inner.close()

    monkeypatch.setattr(cli_parse, "_outcomes", outcomes)


def _letters_in(path: Path, fmt: str) -> int:
    if fmt == "jsonl":
        return len(path.read_text().splitlines())
    if fmt == "json":
        return len(json.loads(path.read_text()))
    if fmt == "csv":
        rows = list(csv.DictReader(path.open(newline="")))
        return sum(1 for r in rows if r["item.index"] in ("", "1"))
    import pyarrow.parquet as pq

    return int(pq.read_table(path).num_rows)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("after", [1, 5])
def test_interrupted_then_resumed_equals_uninterrupted(cli: Any, monkeypatch: pytest.MonkeyPatch,
                                                       tmp_path: Path, fmt: str, after: int) -> None:
    root = nested_letters(tmp_path)
    full, full_errors = tmp_path / f"full.{fmt}", tmp_path / "full-errors.jsonl"
    assert cli("parse", str(root), "-f", fmt, "-o", str(full), "--errors", str(full_errors))[0] == 1

    out, errors = tmp_path / f"out.{fmt}", tmp_path / "errors.jsonl"
    with monkeypatch.context() as m:
        _interrupt_after(m, after)
        code, _, err = cli("parse", str(root), "-f", fmt, "-o", str(out), "--errors", str(errors))
    assert code == 130
    parsed = after - (after > 3)  # the fourth input fails
    assert _letters_in(out, fmt) == parsed  # a valid file, closed properly
    assert f"interrupted: {out} holds {parsed} letter{'' if parsed == 1 else 's'}; --resume continues" in err
    assert not list(tmp_path.glob("*.part"))

    code, _, err = cli("parse", str(root), "-f", fmt, "-o", str(out), "--errors", str(errors), "--resume")
    assert code == 1  # the failure, earlier or now, still counts
    assert out.read_bytes() == full.read_bytes()
    assert errors.read_bytes() == full_errors.read_bytes()


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "json"])
@pytest.mark.parametrize("cut", [0.0, 0.37, 0.81, 1.0])
def test_a_run_stopped_outright_is_recovered(cli: Any, tmp_path: Path, fmt: str, cut: float) -> None:
    """``kill -9`` leaves FILE.part cut anywhere: --resume keeps its complete letters."""
    root = nested_letters(tmp_path)
    full = tmp_path / f"full.{fmt}"
    cli("parse", str(root), "-f", fmt, "-o", str(full))
    data = full.read_bytes()
    out = tmp_path / f"out.{fmt}"
    Path(str(out) + ".part").write_bytes(data[:int(len(data) * cut)])
    code, _, err = cli("parse", str(root), "-f", fmt, "-o", str(out), "--resume")
    assert code == 1
    assert out.read_bytes() == data
    assert not Path(str(out) + ".part").exists()


def test_parquet_cut_short_is_parsed_again(cli: Any, tmp_path: Path) -> None:
    root = nested_letters(tmp_path)
    full = tmp_path / "full.parquet"
    cli("parse", str(root), "-f", "parquet", "-o", str(full))
    out = tmp_path / "out.parquet"
    Path(str(out) + ".part").write_bytes(full.read_bytes()[:1000])
    code, _, err = cli("parse", str(root), "-f", "parquet", "-o", str(out), "--resume")
    assert "cannot be recovered" in err
    assert out.read_bytes() == full.read_bytes()


def test_resume_with_nothing_to_resume_parses_everything(cli: Any, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    code, _, err = cli("parse", str(SEEDS[0]), str(SEEDS[1]), "-f", "jsonl", "-o", str(out), "--resume")
    assert code == 0 and "nothing to resume" in err and len(out.read_text().splitlines()) == 2


@pytest.mark.parametrize("argv, says", [
    (["-f", "jsonl", "--resume"], "-o FILE"),
    (["-f", "markdown", "--resume", "-o", "OUT"], "cannot read back the markdown format"),
    (["-", "-f", "jsonl", "--resume", "-o", "OUT"], "standard input"),
    (["-f", "jsonl", "-o", "OUT", "--timeout", "0"], "--timeout"),
])
def test_resume_usage_errors(cli: Any, tmp_path: Path, argv: list[str], says: str) -> None:
    argv = [str(tmp_path / "out") if a == "OUT" else a for a in argv]
    code, _, err = cli("parse", str(SEEDS[0]), *argv)
    assert code == 2 and says in err


def test_resume_refuses_a_file_of_something_else(cli: Any, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("not json\n")
    code, _, err = cli("parse", str(SEEDS[0]), str(SEEDS[1]), "-f", "jsonl", "-o", str(out), "--resume")
    assert code == 2 and "line 1 is not a letter in JSON" in err
    assert out.read_text() == "not json\n"


def test_remaining_matches_by_name_and_count() -> None:
    inputs = [Path("a/x.pdf"), Path("a/y.pdf"), Path("b/x.pdf"), Path("b/z.pdf"), Path("c/w.pdf")]
    todo, strangers = remaining(inputs, ["x.pdf", "y.pdf", "gone.pdf"], failed=["b/z.pdf"])
    assert todo == [Path("b/x.pdf"), Path("c/w.pdf")] and strangers == 1


# -- a real Ctrl-C -----------------------------------------------------------------------------

@pytest.mark.parametrize("signum, status", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_real_signal_leaves_a_valid_file(tmp_path: Path, signum: int, status: int) -> None:
    root = tmp_path / "many"
    root.mkdir()
    for n in range(400):
        shutil.copy(SEEDS[n % len(SEEDS)], root / f"{n:04d}-{SEEDS[n % len(SEEDS)].name}")
    out = tmp_path / "out.json"
    part = Path(str(out) + ".part")
    proc = subprocess.Popen([sys.executable, "-m", "imrparse", "parse", str(root), "-f", "json", "-o", str(out)],
                            stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if part.exists() and part.read_bytes().count(b'\n  "schema_version"') >= 2:
            break
        time.sleep(0.02)
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=120)
    if proc.returncode == 0:  # pragma: no cover - the machine outran the test
        pytest.skip("the batch finished before the signal")
    assert proc.returncode == status, err
    letters = json.loads(out.read_text())
    assert 2 <= len(letters) < 400
    assert f"holds {len(letters)} letters" in err
    done = subprocess.run([sys.executable, "-m", "imrparse", "parse", str(root), "-f", "json", "-o", str(out),
                           "--resume", "-q"], timeout=300)
    assert done.returncode == 0
    assert [d["source"] for d in json.loads(out.read_text())] == sorted(p.name for p in root.iterdir())
    assert not os.path.exists(part)


# -- plugins in the workers --------------------------------------------------------------------

def test_a_plugin_workers_cannot_rebuild_is_a_clear_error() -> None:
    import types

    from imrparse.errors import PluginError

    made_up = types.ModuleType("made_up_plugin")  # no spec: workers could not import it
    made_up.imrparse_readers = imrparse.hookimpl(lambda: [])  # type: ignore[attr-defined]
    with plugin_manager(made_up) as plugins:
        with pytest.raises(PluginError, match="cannot be sent to worker processes"):
            list(imrparse.parse_files(SEEDS[:2], jobs=2, plugins=plugins))


def test_a_plugin_that_fails_to_load_in_a_worker_is_a_clear_error(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from imrparse.errors import PluginError

    (tmp_path / "parent_only_plugin.py").write_text(
        "import multiprocessing\n"
        "if multiprocessing.parent_process() is not None:\n"
        "    raise ImportError('this plugin refuses to load in a worker')\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    import importlib

    module = importlib.import_module("parent_only_plugin")
    with plugin_manager(module) as plugins:
        with pytest.raises(PluginError, match="a worker process cannot load plugin 'parent_only_plugin'"):
            list(imrparse.parse_files(SEEDS[:2], jobs=1, timeout=60, plugins=plugins))


def test_a_batch_whose_plugins_workers_cannot_rebuild_stays_in_process(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import types

    from imrparse.plugin.api import Extractor

    seen: list[str] = []
    made_up = types.ModuleType("made_up_extractor")
    made_up.imrparse_extractors = imrparse.hookimpl(  # type: ignore[attr-defined]
        lambda: [Extractor("seen", lambda determination: seen.append(determination.source))])
    with plugin_manager(made_up) as plugins:
        monkeypatch.setattr(imrparse.cli, "get_plugins", lambda: plugins)
        assert main(["parse", str(SEEDS[0]), str(SEEDS[1]), "-f", "jsonl"]) == 0
        assert seen == [SEEDS[0].name, SEEDS[1].name]  # parsed here, not in a worker
        assert main(["parse", str(SEEDS[0]), str(SEEDS[1]), "-f", "jsonl", "-j", "2"]) == 2
    assert "cannot be sent to worker processes" in capsys.readouterr().err


def test_the_collector_is_held_back_only_until_the_first_letter(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line lets the cyclic garbage collector run rarely while it starts and
    parses its first letter; a batch (and main() returning) gives it its thresholds back."""
    import gc

    from imrparse import batch

    # Start from known thresholds, whatever earlier tests (or libraries they loaded) left.
    batch.release_collection()
    monkeypatch.setattr(batch, "_held", None)
    original = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    try:
        _check_the_collector_is_held_back(monkeypatch)
    finally:
        gc.set_threshold(*original)


def _check_the_collector_is_held_back(monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    from imrparse import batch

    before = gc.get_threshold()
    seen: list[tuple[int, ...]] = []
    parse_one = batch.parse_one

    def spy(*args: Any) -> Any:
        seen.append(gc.get_threshold())
        return parse_one(*args)

    monkeypatch.setattr(batch, "parse_one", spy)
    seeds = [str(p) for p in corpus.seed_paths()[:3]]
    assert main(["parse", "-q", "--format", "jsonl", "-j", "1", *seeds[:1]]) == 0
    assert seen[0][0] > before[0] and gc.get_threshold() == before  # held for one letter, then given back
    seen.clear()
    batch.hold_collection()
    assert [o.ok for o in imrparse.parse_files(seeds)] == [True] * 3
    assert seen[0][0] > before[0] and seen[1:] == [before, before]  # a batch: from the second letter on
    assert gc.get_threshold() == before
