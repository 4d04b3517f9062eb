"""Loading the grammars, and imrparse's lean contextual lexer (``imrparse.layout.grammar``).

The lexer must make exactly the tokens Lark's own contextual lexer makes, and raise the
same errors at the same places (lenient parsing skips the same tokens): checked on the
segmented letters and on random sequences of the grammars' markers and paragraphs.
"""

from __future__ import annotations

from typing import Any

import lark
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import imrparse
from imrparse.builtin.layouts import notice_2013, standard
from imrparse.layout.grammar import ContextualLexer, build_parser, shipped_parser_state
from imrparse.layout.kit import Node, Piece, ToNodes, segment

from .. import corpus

def _segment_2013(mapped: Any) -> Any:
    return segment(mapped, [m.start for m in notice_2013._scanner().markers(mapped.text)])


GRAMMARS = {
    "standard": (standard.GRAMMAR, ("PARA",), lambda text: standard._segmenter().segment(imrparse.normalize(text))),
    "2013": (notice_2013.GRAMMAR, notice_2013._CONTENT_TERMINALS,
             lambda text: _segment_2013(imrparse.normalize(text))),
}


def _parsers(name: str) -> tuple[lark.Lark, lark.Lark]:
    grammar, content, _ = GRAMMARS[name]
    ours = build_parser(grammar, transformer=ToNodes(content), cache=False)
    larks = build_parser(grammar, transformer=ToNodes(content), strict=True, cache=False)
    assert isinstance(ours.parser.lexer, ContextualLexer)
    assert not isinstance(larks.parser.lexer, ContextualLexer)
    return ours, larks


_PARSERS = {name: _parsers(name) for name in GRAMMARS}


def _shape(node: Any) -> Any:
    if isinstance(node, Node):
        return (node.kind, _shape(node.marker), [_shape(p) for p in node.paras], [_shape(p) for p in node.parts])
    if isinstance(node, Piece):
        return tuple(node)
    return repr(node)


def _run(parser: lark.Lark, text: str, lenient: bool) -> tuple[Any, list[Any]]:
    errors: list[Any] = []

    def skip(error: lark.exceptions.UnexpectedInput) -> bool:
        token = getattr(error, "token", None)
        errors.append((type(error).__name__, error.pos_in_stream,
                       token.type if isinstance(token, lark.Token) else None,
                       sorted(getattr(error, "expected", None) or getattr(error, "allowed", None) or ())))
        return lenient

    try:
        return _shape(parser.parse(text, on_error=skip)), errors
    except lark.exceptions.UnexpectedInput:
        return None, errors


def _same(name: str, text: str) -> None:
    ours, larks = _PARSERS[name]
    for lenient in (False, True):
        assert _run(ours, text, lenient) == _run(larks, text, lenient)


@pytest.mark.parametrize("name", sorted(GRAMMARS))
def test_lexer_makes_lark_s_tokens_on_the_letters(name: str) -> None:
    segment = GRAMMARS[name][2]
    letters = ([corpus.seed_text(n) for n in corpus.seed_names()] if name == "standard"
               else [corpus.notice_text(n) for n in corpus.notice_names()])
    for text in letters:
        segmented = segment(text).text
        _same(name, segmented)
        # Damaged: paragraphs dropped and repeated.
        paragraphs = segmented.split("\n\n")
        _same(name, "\n\n".join(paragraphs[::2]))
        _same(name, "\n\n".join(paragraphs[:5] + paragraphs[2:]))


def _pieces(name: str) -> st.SearchStrategy[str]:
    """Paragraphs that open with any marker of the grammar (or none), in any order."""
    ours, _ = _PARSERS[name]
    examples = {
        "standard": ["Case Number:", "Date of Injury:", "HOW THE IMR FINAL DETERMINATION WAS MADE",
                     "State(s) of Licensure:", "CLINICAL CASE SUMMARY", "IMR ISSUES, DECISIONS AND RATIONALES",
                     "MRI of the knee: Upheld", "Claims Administrator guideline:", "MAXIMUS guideline:",
                     "Decision rationale:", "DOCUMENTS REVIEWED"],
        "2013": ["Notice of Independent Medical Review Determination", "Dated:", "IMR Case Number:",
                 "1) Item: MRI", "Decision rationale:", "The Final Determination was based on decisions for:"],
    }[name]
    lines = st.sampled_from(examples + ["text", "more text: upheld", "1.", "x\ny"])
    paragraph = st.lists(lines, min_size=1, max_size=3).map(" ".join)
    return st.lists(paragraph, max_size=12).map("\n\n".join)


@settings(max_examples=300, deadline=None)
@given(data=st.data(), name=st.sampled_from(sorted(GRAMMARS)))
def test_lexer_makes_lark_s_tokens_on_any_sequence(data: st.DataObject, name: str) -> None:
    _same(name, data.draw(_pieces(name)))


# -- the compiled parsers shipped in the package ---------------------------------------------

SHIPPED = ["imr_letter.lark", "imr_letter_2013.lark"]


@pytest.mark.parametrize("name", SHIPPED)
def test_shipped_parser_matches_the_grammar(name: str) -> None:
    state = shipped_parser_state(name)
    assert state in ("current", "other-lark"), (
        f"the compiled parser of {name} is {state}: run scripts/compile_grammars.py and commit it")


@pytest.mark.parametrize("name", SHIPPED)
def test_shipped_parser_is_loaded_and_parses_as_the_grammar(name: str) -> None:
    if shipped_parser_state(name) != "current":
        pytest.skip(f"{name} was compiled by another Lark than {lark.__version__}: "
                    "run scripts/compile_grammars.py")
    label = next(k for k, (grammar, _, _) in GRAMMARS.items() if grammar == name)
    grammar, content, segment_text = GRAMMARS[label]
    shipped = build_parser(grammar, transformer=ToNodes(content))
    assert shipped.source_path == "<deserialized>"  # loaded, not compiled
    compiled = build_parser(grammar, transformer=ToNodes(content), cache=False)
    letters = ([corpus.seed_text(n) for n in corpus.seed_names()] if label == "standard"
               else [corpus.notice_text(n) for n in corpus.notice_names()])
    for text in letters:
        segmented = segment_text(text).text
        for lenient in (False, True):
            assert _run(shipped, segmented, lenient) == _run(compiled, segmented, lenient)


def test_a_stale_or_foreign_shipped_parser_is_not_used(monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> None:
    from imrparse.layout import grammar

    monkeypatch.setenv("IMRPARSE_CACHE_DIR", str(tmp_path))
    payload = grammar._shipped_payload("imr_letter.lark")
    assert payload is not None
    for changed in ({"key": "another grammar"}, {"lark": "0.0.1"}, {"format": 0}):
        monkeypatch.setattr(grammar, "_shipped_payload", lambda name, p={**payload, **changed}: p)
        assert grammar._load_shipped("imr_letter.lark", ToNodes()) is None
        assert not list(tmp_path.iterdir()) or changed != {"key": "another grammar"}
        assert isinstance(build_parser("imr_letter.lark", transformer=ToNodes()).parser.lexer, ContextualLexer)
        assert list(tmp_path.iterdir())  # compiled, and cached on disk
    monkeypatch.setattr(grammar, "_shipped_payload", lambda name: None)
    assert grammar.shipped_parser_state("imr_letter.lark") == "missing"
    assert isinstance(build_parser("imr_letter.lark", transformer=ToNodes()).parser.lexer, ContextualLexer)
