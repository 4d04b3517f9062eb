"""Choosing a layout (scores, refines, priority, recognize seeing the registry) and a
reader (the name wins unless the reader's own sniff says no), and the suffixes a folder
contributes (Plugins.letter_suffixes)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import imrparse
from imrparse.errors import NotALetter, PluginError, UnrecognizedLayout, UnsupportedInput
from imrparse.layout.context import ParseContext
from imrparse.models import Determination
from imrparse.parsing import choose_layout
from imrparse.plugin.api import Layout, LayoutRegistry, Reader
from imrparse.reading import choose_reader
from imrparse.testing import SAMPLE_LETTER, plugin_manager

from ..corpus import builtin_plugins
from .making import make_plugin

TEXT = imrparse.normalize(SAMPLE_LETTER).text  # the standard layout scores 1.0


def layouts_plugin(*layouts: Layout, name: str = "variants") -> Any:
    return make_plugin(name, imrparse_layouts=lambda: list(layouts))


def mine(name: str) -> Any:
    """A parse that only says which layout ran."""
    return lambda ctx: Determination(layout=name)


def chosen(plugin: Any, text: str = TEXT) -> str:
    with plugin_manager(plugin) as plugins:
        return choose_layout(text, plugins).name


# -- layouts ----------------------------------------------------------------------------------


def test_a_tie_goes_to_the_name_sorting_last_as_before() -> None:
    assert chosen(layouts_plugin(Layout("aaa", lambda t: 1.0, mine("aaa")))) == "standard"
    assert chosen(layouts_plugin(Layout("zzz", lambda t: 1.0, mine("zzz")))) == "zzz"


def test_priority_breaks_a_tie_whatever_the_names() -> None:
    assert chosen(layouts_plugin(Layout("aaa", lambda t: 1.0, mine("aaa"), priority=1))) == "aaa"
    # ... but never beats a higher score.
    assert chosen(layouts_plugin(Layout("aaa", lambda t: 0.9, mine("aaa"), priority=99))) == "standard"


@pytest.mark.parametrize("own", [0.01, 0.5, 1.0])
def test_a_refinement_that_recognises_the_letter_beats_what_it_refines(own: float) -> None:
    variant = Layout("a-variant", lambda t: own if "CM99" in t else 0.0, mine("a-variant"), refines="standard")
    assert chosen(layouts_plugin(variant)) == "a-variant"
    assert chosen(layouts_plugin(variant), TEXT.replace("CM99", "CM98")) == "standard"


def test_a_refinement_competes_with_its_parents_score_against_other_layouts() -> None:
    variant = Layout("a-variant", lambda t: 0.2, mine("a-variant"), refines="standard")
    rival = Layout("rival", lambda t: 0.9, mine("rival"))
    assert chosen(layouts_plugin(variant, rival)) == "a-variant"  # 1.0 (standard's) > 0.9
    stronger = Layout("rival", lambda t: 1.0, mine("rival"), priority=1)
    assert chosen(layouts_plugin(variant, stronger)) == "rival"


def test_refinements_chain() -> None:
    first = Layout("a-variant", lambda t: 0.3, mine("a-variant"), refines="standard")
    second = Layout("a-variant-of-a-variant", lambda t: 0.1, mine("x"), refines="a-variant")
    assert chosen(layouts_plugin(first, second)) == "a-variant-of-a-variant"


def test_refining_a_layout_that_is_not_installed_gives_no_boost() -> None:
    variant = Layout("zz-variant", lambda t: 0.5, mine("zz-variant"), refines="dwc2030")
    assert chosen(layouts_plugin(variant)) == "standard"


def test_a_circle_of_refinements_is_the_plugins_error() -> None:
    a = Layout("loop-a", lambda t: 0.5, mine("a"), refines="loop-b")
    b = Layout("loop-b", lambda t: 0.5, mine("b"), refines="loop-a")
    with plugin_manager(layouts_plugin(a, b, name="loops")) as plugins, pytest.raises(PluginError) as info:
        choose_layout(TEXT, plugins)
    assert (info.value.plugin, info.value.call) == ("loops", "Layout.refines")
    assert "circle" in str(info.value)


def test_recognize_may_see_the_registry() -> None:
    """A two-argument recognize gets the registry: here a variant scores what standard
    scores, when its mark is there."""
    seen: list[object] = []

    def recognize(text: str, plugins: LayoutRegistry) -> float:
        seen.append(plugins)
        return plugins.recognize("standard", text) if "CM99" in text else 0.0

    variant = Layout("a-variant", recognize, mine("a-variant"), priority=1)
    with plugin_manager(layouts_plugin(variant)) as plugins:
        assert choose_layout(TEXT, plugins).name == "a-variant"
        assert seen == [plugins]


# Each makes a recognize that records the arguments it was given.
RECOGNIZERS: dict[str, Any] = {
    "text only": lambda calls: lambda text: calls.append(()) or 0.0,
    # A 0.1 layout's optional second parameter keeps its default.
    "optional threshold": lambda calls: lambda text, threshold=0.5: calls.append((threshold,)) or 0.0,
    "optional plugins": lambda calls: lambda text, plugins=None: calls.append((plugins,)) or 0.0,
    "required second": lambda calls: lambda text, registry: calls.append((registry,)) or 0.0,
    "star args": lambda calls: lambda *args: calls.append(args[1:]) or 0.0,
}


@pytest.mark.parametrize("kind,gets_registry", [
    ("text only", False), ("optional threshold", False), ("optional plugins", True),
    ("required second", True), ("star args", False)])
def test_which_recognize_gets_the_registry(kind: str, gets_registry: bool) -> None:
    calls: list[tuple[object, ...]] = []
    recognize = RECOGNIZERS[kind](calls)
    with plugin_manager(layouts_plugin(Layout("probe", recognize, mine("probe")))) as plugins:
        plugins.recognize("probe", TEXT)
        expected = {"text only": (), "optional threshold": (0.5,), "star args": ()}.get(kind, (plugins,))
    assert calls == [expected] and (expected == (plugins,)) == gets_registry


def test_no_score_above_zero() -> None:
    with plugin_manager() as plugins:
        with pytest.raises(NotALetter):
            choose_layout("a shopping list: eggs, milk", plugins)
        with pytest.raises(UnrecognizedLayout, match="no installed plugin knows"):
            choose_layout("Independent Medical Review of something else entirely", plugins)


# -- readers ----------------------------------------------------------------------------------


def read_marked(data: bytes) -> str:
    return "HTML:" + data.decode()


HTML = Reader(name="html", read=read_marked, suffixes=(".html", ".HTM"))


@pytest.mark.parametrize("filename,head,expected", [
    ("letter.html", b"<html>Case Number", "html"),   # the suffix beats the text reader's sniff
    ("LETTER.HTM", b"<html>", "html"),                # suffixes match in any case
    ("letter.txt", b"Case Number: CM99", "text"),
    ("letter.pdf", b"%PDF-1.7\n", "pdfium"),          # pdfium's priority beats pypdf's
    ("letter.txt", b"%PDF-1.7\n", "pdfium"),          # text's own sniff rejects a PDF: content decides
    ("letter.dat", b"Case Number: CM99", "text"),     # no suffix claims it: the sniff does
    (None, b"%PDF-1.4", "pdfium"),                    # standard input: sniffing only
    (None, b"Case Number", "text"),
])
def test_reader_choice(filename: str | None, head: bytes, expected: str) -> None:
    with plugin_manager(make_plugin("html_reader", imrparse_readers=lambda: [HTML])) as plugins:
        assert choose_reader(filename, head, plugins).name == expected


def test_a_suffix_only_plugin_reader_reads_its_files(tmp_path: Path) -> None:
    (tmp_path / "letter.html").write_text(SAMPLE_LETTER)
    with plugin_manager(make_plugin("html_reader", imrparse_readers=lambda: [HTML])) as plugins:
        assert imrparse.read_file(tmp_path / "letter.html", plugins=plugins).startswith("HTML:Case Number")


def test_a_reader_rejecting_its_own_suffix_falls_back_to_it_when_nothing_else_claims() -> None:
    picky = Reader(name="picky", read=read_marked, suffixes=(".ltr",), sniff=lambda head: head.startswith(b"LTR"))
    with plugin_manager(make_plugin("picky_reader", imrparse_readers=lambda: [picky])) as plugins:
        assert choose_reader("a.ltr", b"LTR1", plugins).name == "picky"
        assert choose_reader("a.ltr", b"plain text", plugins).name == "text"  # text sniffs it
        assert choose_reader("a.ltr", b"\x00\x01\x02", plugins).name == "picky"  # nobody else


def test_no_reader_lists_every_suffix() -> None:
    with plugin_manager(make_plugin("html_reader", imrparse_readers=lambda: [HTML])) as plugins:
        with pytest.raises(UnsupportedInput) as info:
            choose_reader("a.bin", b"\x00\x01", plugins)
    assert info.value.expected == "one of .htm, .html, .pdf, .text, .txt"


# -- the suffixes a folder contributes --------------------------------------------------------------


def test_letter_suffixes_of_the_builtins() -> None:
    assert builtin_plugins().letter_suffixes() == (".pdf", ".text", ".txt")


def test_letter_suffixes_follow_the_installed_readers() -> None:
    with plugin_manager(make_plugin("html_reader", imrparse_readers=lambda: [HTML])) as plugins:
        assert plugins.letter_suffixes() == (".htm", ".html", ".pdf", ".text", ".txt")
    assert builtin_plugins(block=["readers"]).letter_suffixes() == ()


def test_parse_context_is_what_a_layout_gets() -> None:
    got: list[ParseContext] = []

    def parse(ctx: ParseContext) -> Determination:
        got.append(ctx)
        return Determination(layout="probe")

    with plugin_manager(layouts_plugin(Layout("probe", lambda t: 1.0, parse, priority=1))) as plugins:
        imrparse.parse(SAMPLE_LETTER, plugins=plugins, source="x.txt", strict=False)
    [ctx] = got
    assert ctx.readers is ctx.layouts and ctx.source == "x.txt" and ctx.strict is False
    assert ctx.input_text == SAMPLE_LETTER and ctx.text == TEXT
