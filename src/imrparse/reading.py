"""Reading letters from files: choosing a reader plugin and running it.

:func:`read_file` is the public entry (also ``imrparse.read_file``); :func:`read_bytes`
and :func:`choose_reader` serve callers that hold the bytes already (standard input,
an archive) or want to know which reader a file would get.
"""

from __future__ import annotations

import os
from pathlib import Path

from .errors import ImrParseError, UnreadableFile, UnsupportedInput
from .plugin.registry import Plugins, get_plugins, named
from .plugin.api import Reader, ReadText

__all__ = ["read_file", "read_bytes", "choose_reader"]

_HEAD = 2048


def choose_reader(filename: str | None, head: bytes, plugins: Plugins, name: str | None = None) -> Reader:
    """The reader for a file: the one named, else the best claim.

    The name wins: a reader whose suffix matches reads the file unless its own
    ``sniff`` rejects ``head`` (the first bytes); then come the readers whose ``sniff``
    alone claims the file, then a suffix match that its reader's sniff rejected. Among
    equal claims the higher ``priority`` wins. So a plugin's reader for ``.html`` needs
    no sniff to beat the text reader (which sniffs any text), and a PDF named
    ``letter.txt`` still goes to a PDF reader.

    >>> from imrparse.plugin.registry import get_plugins
    >>> choose_reader("letter.pdf", b"%PDF-1.7", get_plugins()).name
    'pdfium'
    >>> choose_reader("letter.txt", b"Case Number: CM16-0213037", get_plugins()).name
    'text'
    >>> choose_reader("letter.txt", b"%PDF-1.7", get_plugins()).name
    'pdfium'
    """
    readers = plugins.readers
    if name is not None:
        return named(readers, name, "reader")
    best: tuple[int, int] | None = None
    chosen: Reader | None = None
    for reader in readers.values():
        by_suffix = reader.matches_suffix(filename)
        sniffed = plugins.sniff(reader, head) if reader.sniff is not None else None
        if by_suffix:
            claim = 1 if sniffed is False else 3
        elif sniffed:
            claim = 2
        else:
            continue
        rank = (claim, reader.priority)
        if best is None or rank > best:
            best, chosen = rank, reader
    if chosen is None:
        suffixes = plugins.letter_suffixes()
        raise UnsupportedInput(f"no reader for {filename or 'this input'}",
                               expected="one of " + ", ".join(suffixes) if suffixes else None)
    return chosen


def read_bytes(data: bytes, filename: str | None = None, *, reader: str | None = None,
               plugins: Plugins | None = None) -> ReadText:
    """Letter text from a file's bytes (``filename`` helps choose the reader).

    The result holds the text and the reader's warnings, which
    :func:`imrparse.parse_file` adds to the letter's:

    >>> read = read_bytes("Date of Injury: 06/15/2018 \u2013 back".encode("cp1252"), "letter.txt")
    >>> read.text
    'Date of Injury: 06/15/2018 \u2013 back'
    >>> [w.code for w in read.warnings]
    ['decoded-cp1252']

    An ``ImrParseError`` the reader raises (``UnreadableFile`` ...) comes out as it is;
    anything else it raises, or an answer that is not text, is a ``PluginError`` naming
    the reader's plugin.
    """
    plugins = plugins or get_plugins()
    try:
        chosen = choose_reader(filename, data[:_HEAD], plugins, reader)
        return plugins.read(chosen, data)
    except ImrParseError as exc:
        raise exc.with_source(filename)


def read_file(path: str | os.PathLike[str], *, reader: str | None = None,
              plugins: Plugins | None = None) -> str:
    """The text of a letter file, as the parser sees it: spans index into this text.

    For a PDF, the text the reader extracted (pypdfium2 by default); for a text file,
    its decoded content. ``reader`` forces a reader by name.

    >>> import imrparse
    >>> path = "tests/fixtures/letters/000_0fbd6ac09ab502b6.txt"
    >>> text = read_file(path)
    >>> item = imrparse.parse_file(path).items[0]
    >>> item.spans["request"].slice(text) == item.request
    True
    """
    return read_path(path, reader=reader, plugins=plugins).text


def read_path(path: str | os.PathLike[str], *, reader: str | None = None,
              plugins: Plugins | None = None) -> ReadText:
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise UnreadableFile(f"cannot read the file: {exc.strerror or exc}", source=p.name) from None
    return read_bytes(data, p.name, reader=reader, plugins=plugins)
