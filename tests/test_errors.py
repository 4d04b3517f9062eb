"""Every error imrparse raises says what was expected and where, and is an ImrParseError.

One case per class of :mod:`imrparse.errors` (:data:`CASES`); each checks the class, that
``str(error)`` names what was expected (and the line, column and a caret under it when
the error has a place in the text), and that no exception of Lark, cattrs or a PDF
library shows through (as the error itself or chained to it in a traceback). Lenient
mode turns the letter-level problems into warnings. PDFs are built here, byte by byte:
a minimal valid one-page text PDF, then truncated, corrupted and password-protected.
"""

from __future__ import annotations

import io
import random
import re
from pathlib import Path
from typing import Any, Callable

import pytest

import imrparse
from imrparse import errors
from imrparse.models import Determination, Summary
from imrparse.plugin.registry import Plugins
from imrparse.plugin.api import hookimpl

from . import corpus, test_batch

SEED = "002_cbf28cedfb10dc80"  # two items, the credentials block

# A header block in the published letters' shape, for the header checks (the seeds have none).
HEADER = ("Case Number: CM16-0213037\n"
          "Date Assigned: 11/09/2016 Date of Injury: 10/13/2016\n"
          "Decision Date: 12/09/2016 UR Denial Date: 11/03/2016\n"
          "Priority: Standard Application Received: 11/03/2016\n")

RECIPE = """Grandma's pancakes

Ingredients: 2 cups of flour, 2 eggs, 1 1/2 cups of milk, a pinch of salt.
Whisk everything together and let the batter rest for ten minutes.
Fry in a hot buttered pan, two minutes a side. Serves four.
"""

IMR_ISH = """MAXIMUS Federal Services
Independent Medical Review - summary of outcome

Your request for an Independent Medical Review (IMR) has been decided.
The reviewer found the treatment medically necessary; the Utilization Review decision
was overturned. Questions? Call the Claims Administrator.
"""

_FOREIGN = ("lark", "cattrs", "pypdf", "pypdfium2", "pdfminer")


def _plugins() -> Plugins:
    return corpus.plugins()


def _letter() -> str:
    return HEADER + corpus.seed_text(SEED)


def parse(text: str, strict: bool = True) -> Determination:
    return imrparse.parse(text, strict=strict, plugins=_plugins(), source="letter.txt")


def _shown_chain(exc: BaseException) -> list[BaseException]:
    """The exceptions a traceback of ``exc`` would print: its causes and contexts."""
    chain: list[BaseException] = []
    cur: BaseException | None = exc
    while cur is not None and cur not in chain:
        chain.append(cur)
        cur = cur.__cause__ if cur.__cause__ is not None else (
            None if cur.__suppress_context__ else cur.__context__)
    return chain


def check_error(exc: BaseException, kind: type[errors.ImrParseError], *, expected: str | None = None,
                located: bool = False, text: str | None = None) -> errors.ImrParseError:
    """``exc`` is a ``kind`` saying what was expected (and where), with no foreign traceback."""
    assert type(exc) is kind, f"{type(exc).__name__} ({exc}) instead of {kind.__name__}"
    assert isinstance(exc, errors.ImrParseError)
    for shown in _shown_chain(exc)[1:]:
        module = type(shown).__module__.split(".")[0]
        assert module not in _FOREIGN, f"a {type(shown).__module__}.{type(shown).__name__} shows through: {shown}"
    message = str(exc)
    assert exc.message and exc.message in message
    if expected is not None:
        assert exc.expected and re.search(expected, exc.expected), exc.expected
        assert f"(expected {exc.expected})" in message
    if located:
        assert exc.line is not None and exc.column is not None and exc.context
        assert f"{exc.line}:{exc.column}" in message.splitlines()[0]
        excerpt, caret = exc.context.split("\n")
        assert caret.strip() == "^" and len(caret) <= len(excerpt) + 1
        if text is not None:  # the context is the line the position is on
            line = text.splitlines()[exc.line - 1]
            assert excerpt.strip() and excerpt.strip() in line.replace("\t", " ")
    return exc


def _at_caret(error: errors.ImrParseError) -> str:
    """The error's line from the caret on."""
    assert error.context is not None
    excerpt, caret = error.context.split("\n")
    return excerpt[len(caret) - 1:]


def raises(kind: type[errors.ImrParseError], call: Callable[[], Any], **kw: Any) -> errors.ImrParseError:
    with pytest.raises(errors.ImrParseError) as info:
        call()
    return check_error(info.value, kind, **kw)


# -- letter text -----------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", " ", "\n\n\n", " \t\r\n \f ", "\u00a0\u200b\ufeff"])
@pytest.mark.parametrize("strict", [True, False])
def test_empty_input(text: str, strict: bool) -> None:
    error = raises(errors.EmptyInput, lambda: parse(text, strict), expected="text of an IMR letter")
    assert str(error).startswith("letter.txt: ")


@pytest.mark.parametrize("strict", [True, False])
def test_binary_noise(strict: bool) -> None:
    rng = random.Random(7)
    noise = bytes(rng.randrange(256) for _ in range(5000)).decode("latin-1")
    raises(errors.NotALetter, lambda: parse(noise, strict), expected="IMR final determination letter")


@pytest.mark.parametrize("strict", [True, False])
def test_a_recipe_is_not_a_letter(strict: bool) -> None:
    error = raises(errors.NotALetter, lambda: parse(RECIPE, strict), expected="IMR final determination letter")
    assert "not an IMR determination letter" in str(error)


@pytest.mark.parametrize("strict", [True, False])
def test_imr_text_in_an_unknown_layout(strict: bool) -> None:
    raises(errors.UnrecognizedLayout, lambda: parse(IMR_ISH, strict), expected="standard")


def test_an_unknown_layout_name() -> None:
    error = raises(errors.UnrecognizedLayout,
                   lambda: imrparse.parse(_letter(), layout="no-such-layout", plugins=_plugins()),
                   expected="standard")
    assert "no-such-layout" in str(error)


def _without_summary() -> str:
    return _letter().replace("CLINICAL CASE SUMMARY", "")


def test_missing_summary_strict() -> None:
    text = _without_summary()
    raises(errors.MissingSection, lambda: parse(text), expected="CLINICAL CASE SUMMARY", located=True, text=text)


def test_missing_summary_lenient() -> None:
    det = parse(_without_summary(), strict=False)
    assert "missing-summary" in {w.code for w in det.warnings}
    assert len(det.items) == 2  # the rest of the letter is still read


def test_missing_issues_heading() -> None:
    text = _letter().replace("IMR ISSUES, DECISIONS AND RATIONALES", "")
    error = raises(errors.MissingSection, lambda: parse(text), located=True, text=text)
    assert "IMR ISSUES" in str(error) or "disputed item" in str(error)


def _without_reviewer_guideline() -> str:
    text = _letter()
    # The first item's "MAXIMUS guideline:" label goes; its text stays.
    i = text.index("MAXIMUS guideline:")
    return text[:i] + text[i + len("MAXIMUS guideline:"):]


def test_item_without_reviewer_guideline_strict() -> None:
    text = _without_reviewer_guideline()
    error = raises(errors.MalformedItem, lambda: parse(text), expected="MAXIMUS guideline:", located=True,
                   text=text)
    assert "Additional physical therapy" in str(error)


def test_item_without_reviewer_guideline_lenient() -> None:
    det = parse(_without_reviewer_guideline(), strict=False)
    codes = [w.code for w in det.warnings]
    assert codes.count("missing-reviewer-guideline") == 1
    first, second = det.items
    assert first.request.startswith("Additional physical therapy")
    assert first.reviewer_guideline.text == ""  # missing, not made up
    assert second.reviewer_guideline.text  # the other item keeps its own
    warning = next(w for w in det.warnings if w.code == "missing-reviewer-guideline")
    assert "MAXIMUS guideline" in warning.message and warning.span is not None


def test_a_label_where_an_item_should_start() -> None:
    """A guideline line straight after the issues heading: Lark's complaint, as ours."""
    text = _letter()
    i = text.index("Additional physical therapy 3x2 for the low back and neck: Overturned")
    text = text[:i] + text[i:].replace("Additional physical therapy 3x2 for the low back and neck: Overturned", "", 1)
    error = raises(errors.MalformedItem, lambda: parse(text), located=True, text=text)
    assert "disputed item" in str(error)


def test_impossible_header_date_strict() -> None:
    text = _letter().replace("Date Assigned: 11/09/2016", "Date Assigned: 13/45/2016")
    error = raises(errors.InvalidValue, lambda: parse(text), expected="a date like", located=True, text=text)
    assert error.line == 2 and "13/45/2016" in str(error)
    assert _at_caret(error).lstrip().startswith("13/45/2016")  # the caret at the value


def test_impossible_header_date_lenient() -> None:
    det = parse(_letter().replace("Date Assigned: 11/09/2016", "Date Assigned: 13/45/2016"), strict=False)
    assert det.case is not None and det.case.date_assigned is None
    assert det.case.decision_date is not None  # the other header fields stay
    assert "invalid-header-value" in {w.code for w in det.warnings}


def test_errors_keep_their_place_through_cleaning() -> None:
    """Line and column refer to the input, not to the normalised text."""
    text = "\r\n\r\n\t  " + _without_reviewer_guideline().replace("\n", "\r\n")
    error = raises(errors.MalformedItem, lambda: parse(text), located=True)
    assert error.pos is not None and text.count("\n", 0, error.pos) + 1 == error.line


def test_errors_pickle() -> None:
    import pickle

    text = _letter().replace("Date Assigned: 11/09/2016", "Date Assigned: 13/45/2016")
    with pytest.raises(errors.InvalidValue) as info:
        parse(text)
    again = pickle.loads(pickle.dumps(info.value))
    assert type(again) is errors.InvalidValue and str(again) == str(info.value)


# -- plugins and the batch -------------------------------------------------------------------


class _BrokenSummary:
    @hookimpl(tryfirst=True)
    def imrparse_read_summary(self, text: str) -> Summary:
        raise KeyError("boom")


def test_a_failing_plugin_is_named() -> None:
    pm = imrparse.get_plugin_manager(entry_points=False)
    pm.register(_BrokenSummary(), name="broken_summary")
    with pytest.raises(errors.PluginError) as info:
        imrparse.parse(_letter(), plugins=Plugins(pm))
    error = check_error(info.value, errors.PluginError)
    assert isinstance(error, errors.PluginError)
    assert error.plugin == "broken_summary" and error.hook == "imrparse_read_summary"
    assert "broken_summary" in str(error) and "KeyError" in str(error)


def test_a_crashing_layout_in_a_batch_is_blamed_on_its_plugin(tmp_path: Path) -> None:
    """A layout plugin's bug in the middle of a batch costs that letter only, and names the plugin."""
    from imrparse.plugin.api import Layout

    def crash(ctx: Any) -> Determination:
        raise RuntimeError("a bug")

    class CrashingLayout:
        @hookimpl
        def imrparse_layouts(self) -> list[Layout]:
            return [Layout(name="crash", recognize=lambda text: 1.0, parse=crash)]

    pm = imrparse.get_plugin_manager(entry_points=False)
    pm.register(CrashingLayout(), name="crashing_layout")
    (tmp_path / "a.txt").write_text(_letter())
    outcomes = list(imrparse.parse_files([tmp_path / "a.txt"], layout="crash", plugins=Plugins(pm)))
    assert len(outcomes) == 1 and outcomes[0].error is not None
    error = check_error(outcomes[0].error, errors.PluginError)
    assert isinstance(error, errors.PluginError)
    assert (error.plugin, error.hook, error.call) == ("crashing_layout", "imrparse_layouts", "Layout.parse")
    assert "RuntimeError" in str(error) and error.source == "a.txt"


def test_a_bug_in_a_batch_is_an_internal_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A bug in imrparse itself (outside any plugin) costs that letter only."""
    import imrparse.parsing

    def broken(text: str) -> Any:
        raise RuntimeError("a bug")

    monkeypatch.setattr(imrparse.parsing, "normalize", broken)
    (tmp_path / "a.txt").write_text(_letter())
    outcomes = list(imrparse.parse_files([tmp_path / "a.txt"], plugins=_plugins()))
    assert len(outcomes) == 1 and outcomes[0].error is not None
    error = check_error(outcomes[0].error, errors.InternalError)
    assert "RuntimeError" in str(error) and error.source == "a.txt"


# -- files -----------------------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    raises(errors.UnreadableFile, lambda: imrparse.parse_file(tmp_path / "nowhere.txt", plugins=_plugins()))


def test_binary_text_file(tmp_path: Path) -> None:
    path = tmp_path / "letter.txt"
    path.write_bytes(bytes(random.Random(3).randrange(256) for _ in range(4000)) + b"\x00" * 50)
    error = raises(errors.UnreadableFile, lambda: imrparse.parse_file(path, plugins=_plugins()),
                   expected="a text file or a PDF")
    assert error.source == "letter.txt" and str(error).startswith("letter.txt: ")


def test_unsupported_file(tmp_path: Path) -> None:
    path = tmp_path / "letter.docx"
    path.write_bytes(b"PK\x03\x04" + bytes(range(256)) * 4)
    raises(errors.UnsupportedInput, lambda: imrparse.parse_file(path, plugins=_plugins()), expected=r"\.pdf")


def test_unknown_reader(tmp_path: Path) -> None:
    path = tmp_path / "letter.txt"
    path.write_text(_letter())
    raises(errors.UnsupportedInput, lambda: imrparse.parse_file(path, reader="no-such-reader", plugins=_plugins()),
           expected="pdfium")


def make_pdf(lines: list[str]) -> bytes:
    """A minimal valid one-page PDF showing ``lines`` in Helvetica (xref offsets exact)."""
    def escape(s: str) -> str:
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    content = ("BT /F1 10 Tf 12 TL 54 760 Td\n"
               + "".join(f"({escape(line)}) Tj T*\n" for line in lines) + "ET\n").encode("latin-1")
    bodies = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"endstream",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(bodies, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(bodies) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % offset for offset in offsets))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(bodies) + 1, xref))
    return out.getvalue()


PDF_LINES = ["HOW THE IMR FINAL DETERMINATION WAS MADE", "A hand-made letter (for the tests)."]
READERS = ["pdfium", "pypdf"]


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return make_pdf(PDF_LINES)


def _encrypted(data: bytes, user_password: str) -> tuple[bytes, str]:
    """``data`` encrypted with pypdf: AES-128 where pypdf can, else RC4-128."""
    pypdf = pytest.importorskip("pypdf")
    for algorithm in ("AES-128", "RC4-128"):
        writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(data)))
        try:
            writer.encrypt(user_password=user_password, owner_password="owner-secret", algorithm=algorithm)
        except Exception:  # DependencyError: AES needs cryptography in older pypdf
            continue
        buf = io.BytesIO()
        writer.write(buf)
        return buf.getvalue(), algorithm
    pytest.skip("pypdf can encrypt with neither AES-128 nor RC4-128 here")


def _write(tmp_path: Path, data: bytes, name: str = "letter.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("reader", READERS)
def test_the_hand_made_pdf_reads(tmp_path: Path, pdf: bytes, reader: str) -> None:
    text = imrparse.read_file(_write(tmp_path, pdf), reader=reader, plugins=_plugins())
    assert all(line in text for line in PDF_LINES)


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("cut", [0.01, 0.1, 0.3, 0.5, 0.9, -12])
def test_truncated_pdf(tmp_path: Path, pdf: bytes, reader: str, cut: float) -> None:
    size = int(len(pdf) * cut) if cut > 0 else len(pdf) + int(cut)
    path = _write(tmp_path, pdf[:max(size, 9)])
    try:
        text = imrparse.read_file(path, reader=reader, plugins=_plugins())
    except errors.ImrParseError as exc:
        check_error(exc, errors.UnreadablePDF, expected="a PDF")
        assert str(exc).startswith("letter.pdf: ")
    else:  # pdfium recovers a file cut inside its trailer: then the text must be whole
        assert cut < 0 and all(line in text for line in PDF_LINES)


@pytest.mark.parametrize("reader", READERS)
def test_garbage_after_the_pdf_header(tmp_path: Path, reader: str) -> None:
    data = b"%PDF-1.7\n" + bytes(random.Random(5).randrange(256) for _ in range(3000))
    raises(errors.UnreadablePDF, lambda: imrparse.read_file(_write(tmp_path, data), reader=reader,
                                                            plugins=_plugins()), expected="a PDF")


@pytest.mark.parametrize("reader", READERS)
def test_corrupt_pdf(tmp_path: Path, pdf: bytes, reader: str) -> None:
    """Damage in the objects: an error of ours, or (recovered) text, never a traceback."""
    rng = random.Random(11)
    for trial in range(25):
        data = bytearray(pdf)
        for _ in range(8):
            data[rng.randrange(20, len(data))] = rng.randrange(256)
        path = _write(tmp_path, bytes(data), f"damaged{trial}.pdf")
        try:
            imrparse.read_file(path, reader=reader, plugins=_plugins())
        except errors.ImrParseError as exc:
            assert isinstance(exc, (errors.UnreadablePDF, errors.EmptyInput)), repr(exc)
            check_error(exc, type(exc))


@pytest.mark.parametrize("reader", READERS)
def test_pdf_with_a_password(tmp_path: Path, pdf: bytes, reader: str) -> None:
    data, _algorithm = _encrypted(pdf, "secret")
    path = _write(tmp_path, data)
    error = raises(errors.EncryptedPDF, lambda: imrparse.read_file(path, reader=reader, plugins=_plugins()),
                   expected="empty password")
    assert isinstance(error, errors.UnreadablePDF) and "password" in str(error)
    raises(errors.EncryptedPDF, lambda: imrparse.parse_file(path, reader=reader, plugins=_plugins()))


@pytest.mark.parametrize("reader", READERS)
def test_pdf_with_an_empty_user_password_reads(tmp_path: Path, pdf: bytes, reader: str) -> None:
    """As the published letters are: encrypted, with an empty user password."""
    data, _algorithm = _encrypted(pdf, "")
    text = imrparse.read_file(_write(tmp_path, data), reader=reader, plugins=_plugins())
    assert all(line in text for line in PDF_LINES)


def test_pdf_without_text(tmp_path: Path) -> None:
    path = _write(tmp_path, make_pdf([]))
    raises(errors.EmptyInput, lambda: imrparse.parse_file(path, plugins=_plugins()), expected="a PDF with text")


# -- the real letters' PDFs, damaged ---------------------------------------------------------

_REAL_PDFS = corpus.real_pdfs()


@pytest.mark.shared
@pytest.mark.skipif(not _REAL_PDFS, reason=f"the real letters are not there ({corpus.SHARED})")
@pytest.mark.parametrize("reader", READERS)
def test_damaged_real_pdfs(reader: str) -> None:
    """Each real letter cut short or with bytes changed: our errors only. Cut short it is
    always UnreadablePDF."""
    seen: dict[str, int] = {}
    for path in _REAL_PDFS:
        data = path.read_bytes()
        rng = random.Random(path.name)
        for cut in (len(data) // 4, len(data) // 2, len(data) - 40):
            with pytest.raises(errors.ImrParseError) as info:
                imrparse.reading.read_bytes(data[:cut], path.name, reader=reader, plugins=_plugins())
            check_error(info.value, errors.UnreadablePDF)
        for _ in range(3):
            damaged = bytearray(data)
            for _ in range(20):
                damaged[rng.randrange(len(damaged))] = rng.randrange(256)
            try:
                text = imrparse.reading.read_bytes(bytes(damaged), path.name, reader=reader,
                                                   plugins=_plugins()).text
                imrparse.parse(text, plugins=_plugins())
                outcome = "parsed"
            except errors.ImrParseError as exc:
                check_error(exc, type(exc))
                outcome = type(exc).__name__
            seen[outcome] = seen.get(outcome, 0) + 1
    assert seen


# -- every class has its case -----------------------------------------------------------------

CASES = {
    errors.EmptyInput: test_empty_input,
    errors.NotALetter: test_a_recipe_is_not_a_letter,
    errors.UnrecognizedLayout: test_imr_text_in_an_unknown_layout,
    errors.MissingSection: test_missing_summary_strict,
    errors.MalformedItem: test_item_without_reviewer_guideline_strict,
    errors.InvalidValue: test_impossible_header_date_strict,
    errors.UnreadableFile: test_binary_text_file,
    errors.UnreadablePDF: test_truncated_pdf,
    errors.EncryptedPDF: test_pdf_with_a_password,
    errors.UnsupportedInput: test_unsupported_file,
    errors.PluginError: test_a_failing_plugin_is_named,
    errors.InternalError: test_a_bug_in_a_batch_is_an_internal_error,
    # Batch errors: their cases are in tests/test_batch.py.
    errors.WorkerCrashed: test_batch.test_a_killed_worker_costs_only_its_letter,
    errors.TimedOut: test_batch.test_a_letter_over_the_time_limit_costs_only_itself,
    errors.UnwritableOutput: test_batch.test_unwritable_output_paths_are_one_line_errors,
    errors.ResumeError: test_batch.test_resume_refuses_a_file_of_something_else,
}


def test_every_error_class_has_a_case() -> None:
    classes = {getattr(errors, name) for name in errors.__all__
               if isinstance(getattr(errors, name), type) and issubclass(getattr(errors, name), Exception)}
    assert classes - {errors.ImrParseError} == set(CASES)
    assert all(issubclass(c, errors.ImrParseError) for c in classes)
