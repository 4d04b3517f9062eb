"""Built-in plugin: readers for text files and PDFs.

* ``text``: UTF-8, with or without a byte-order mark; UTF-16 with a BOM; anything
  else that is not UTF-8 is decoded as Windows-1252 (what office software writes) and
  the letter gets a ``decoded-cp1252`` warning.
* ``pdfium`` (the default for PDFs): pypdfium2, about 4 ms a letter. Published letters
  are AES-encrypted with an empty user password, which it opens.
* ``pypdf``: the pure-Python alternative, ten times slower; choose it with
  ``--reader pypdf`` (needs ``pip install imrparse[pypdf]``).

Pages are joined with form feeds; the normaliser turns them into line breaks.
"""

from __future__ import annotations

import codecs
import io

from ..errors import EmptyInput, EncryptedPDF, UnreadableFile, UnreadablePDF, UnsupportedInput
from ..models import Warning
from ..plugin.api import Reader, ReadText, hookimpl

PAGE_SEPARATOR = "\f"


def _looks_binary(head: bytes) -> bool:
    if not head:
        return False
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return b"\x00" in head or controls > len(head) // 20


def read_text(data: bytes) -> ReadText:
    if data.startswith(codecs.BOM_UTF8):
        return ReadText(data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace"))
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return ReadText(data.decode("utf-16", errors="replace"))
    if _looks_binary(data[:4096]):
        raise UnreadableFile("the file is binary, not text", expected="a text file or a PDF")
    try:
        return ReadText(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        text = data.decode("cp1252", errors="replace")
        return ReadText(text, (Warning(
            code="decoded-cp1252",
            message=f"not UTF-8 (byte {exc.start}); decoded as Windows-1252",
        ),))


def _is_text(head: bytes) -> bool:
    return bool(head) and not _looks_binary(head) and not head.lstrip().startswith(b"%PDF")


def _is_pdf(head: bytes) -> bool:
    return b"%PDF-" in head[:1024]


def read_pdf_pdfium(data: bytes) -> ReadText:
    import pypdfium2 as pdfium

    try:
        # Published letters are encrypted with an empty user password.
        pdf = pdfium.PdfDocument(data, password="")
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise EncryptedPDF("the PDF is protected by a password",
                               expected="a published letter (empty password)") from None
        raise UnreadablePDF(f"not a readable PDF ({exc})", expected="a PDF file") from None
    try:
        pages = []
        for page in pdf:
            textpage = page.get_textpage()
            try:
                pages.append(textpage.get_text_bounded())
            finally:
                textpage.close()
                page.close()
    except pdfium.PdfiumError as exc:
        raise UnreadablePDF(f"damaged PDF page ({exc})", expected="a PDF file") from None
    finally:
        pdf.close()
    return _pdf_text(pages)


def read_pdf_pypdf(data: bytes) -> ReadText:
    try:
        import pypdf
        import pypdf.errors
    except ImportError:
        raise UnsupportedInput("the pypdf reader needs pypdf: pip install 'imrparse[pypdf]'") from None
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise EncryptedPDF("the PDF is protected by a password",
                               expected="a published letter (empty password)")
        pages = [page.extract_text() or "" for page in reader.pages]
    except (EncryptedPDF, UnsupportedInput):
        raise
    except pypdf.errors.FileNotDecryptedError:
        raise EncryptedPDF("the PDF is protected by a password",
                           expected="a published letter (empty password)") from None
    except pypdf.errors.DependencyError as exc:
        raise UnsupportedInput(f"pypdf cannot decrypt this PDF: {exc}") from None
    except Exception as exc:  # pypdf raises many kinds on damaged files
        raise UnreadablePDF(f"not a readable PDF ({type(exc).__name__}: {exc})",
                            expected="a PDF file") from None
    return _pdf_text(pages)


def _pdf_text(pages: list[str]) -> ReadText:
    text = PAGE_SEPARATOR.join(pages)
    if not text.strip():
        raise EmptyInput("the PDF has no text layer (a scanned image?)",
                         expected="a PDF with text")
    return ReadText(text)


READERS = [
    Reader(name="text", read=read_text, suffixes=(".txt", ".text"), sniff=_is_text,
           description="plain text: UTF-8 (BOM optional), UTF-16 with BOM, else Windows-1252"),
    Reader(name="pdfium", read=read_pdf_pdfium, suffixes=(".pdf",), sniff=_is_pdf, priority=10,
           description="PDF through pypdfium2 (default)"),
    Reader(name="pypdf", read=read_pdf_pypdf, suffixes=(".pdf",), sniff=_is_pdf, priority=-10,
           description="PDF through pypdf (slower; imrparse[pypdf])"),
]


@hookimpl
def imrparse_readers() -> list[Reader]:
    return list(READERS)
