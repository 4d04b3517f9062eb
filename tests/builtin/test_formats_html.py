"""The ``html`` letter view: every extracted value highlighted by its span, in a real
browser (headless Chromium) and in the markup."""

from __future__ import annotations

from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path

import attrs

import imrparse
from imrparse import cli
from imrparse.builtin.formats.html import span_entries
from imrparse.models import Determination, Span, Warning
from imrparse.testing import SAMPLE_LETTER

from ..browser import needs_browser, open_page
from ..corpus import builtin_plugins, notice_names, NOTICE_DIR, seed_paths


class Marks(HTMLParser):
    """The text inside each ``data-key`` mark, pieces joined, and every URL the page names."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str | None] = []
        self.text: dict[str, str] = defaultdict(str)
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        found = dict(attributes)
        for name in ("src", "href"):
            if found.get(name):
                self.urls.append(found[name] or "")
        if tag == "mark":
            self.stack.append(found.get("data-key"))

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        for key in set(k for k in self.stack if k):
            self.text[key] += data


def parsed(text: str, source: str = "sample.txt", strict: bool = True) -> Determination:
    return imrparse.parse(text, source=source, strict=strict, plugins=builtin_plugins())


def damaged() -> tuple[str, Determination]:
    text = SAMPLE_LETTER.replace("Decision rationale: Guidelines support", "Guidelines support")
    return text, parsed(text, "damaged.txt", strict=False)


def test_every_value_with_a_span_has_its_highlight() -> None:
    cases = [(SAMPLE_LETTER, parsed(SAMPLE_LETTER)), damaged()]
    cases += [(p.read_text(encoding="utf-8"), parsed(p.read_text(encoding="utf-8"), p.name)) for p in seed_paths()]
    for text, det in cases:
        page = imrparse.render(det, "html", letter_text=text)
        assert isinstance(page, str)
        marks = Marks()
        marks.feed(page)
        entries = span_entries(det)
        assert entries and {e.key for e in entries} <= set(marks.text) | {e.key for e in entries if not e.span.end - e.span.start}
        for e in entries:
            if e.span.start < e.span.end:
                assert marks.text[e.key] == text[e.span.start:e.span.end], e.key
        assert all(u.startswith("#") for u in marks.urls), marks.urls


def test_entries_cover_the_spans_of_every_kind() -> None:
    text, det = damaged()
    kinds = {e.kind for e in span_entries(det)}
    assert {"reviewer", "summary", "item", "service", "citation", "warning"} <= kinds
    keys = {e.key for e in span_entries(parsed(SAMPLE_LETTER))}
    assert {"items.0.request", "items.0.decision", "items.0.service.category"} <= keys
    assert any(k.startswith("items.0.reviewer_guideline.citations.") for k in keys)


def test_crossing_spans_are_split_and_positions_marked() -> None:
    text = "abcdefghij"
    det = Determination(layout="standard", warnings=(Warning("w-one", "here", Span(4, 4)),),
                        case=imrparse.models.Case(spans={"priority": Span(0, 6), "case_number": Span(3, 9)}))
    page = imrparse.render(det, "html", letter_text=text)
    marks = Marks()
    marks.feed(page or "")
    assert marks.text["case.priority"] == "abcdef"
    assert marks.text["case.case_number"] == "defghi"
    assert 'data-key="warnings.0"' in (page or "")


def test_text_is_escaped_and_a_missing_text_is_said() -> None:
    det = parsed(SAMPLE_LETTER)
    page = imrparse.render(det, "html", letter_text=SAMPLE_LETTER.replace("MRI", "<MRI&>", 1))
    assert "<MRI&>" not in (page or "")
    assert "does not match" not in (page or "")  # same length: still shown
    nowhere = attrs.evolve(det, source="no/such/file.txt")
    page = imrparse.render(nowhere, "html")
    assert "Only the fields are shown" in (page or "") and "no/such/file.txt" in (page or "")
    assert "Only the fields are shown" in (imrparse.render(det, "html", letter_text="short") or "")


def test_cli_reads_each_file_again(tmp_path: Path) -> None:
    out = tmp_path / "view.html"
    seeds = [str(p) for p in seed_paths()]
    assert cli.main(["parse", *seeds, "-f", "html", "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert "Only the fields are shown" not in page
    assert page.count('<section class="letter"') == len(seeds)
    assert all(f'href="#L{i}"' in page for i in range(len(seeds)))  # the table of contents


@needs_browser
def test_the_view_in_headless_chromium(tmp_path: Path) -> None:
    """The page renders, every value's highlight is there with its text, hovering a value
    lights up its field, and nothing is requested from the network."""
    paths = [*seed_paths(), *(NOTICE_DIR / f"{n}.txt" for n in notice_names()[:2])]
    dets = [imrparse.parse_file(p, plugins=builtin_plugins()) for p in paths]
    texts = {d.source: imrparse.read_file(p) for d, p in zip(dets, paths)}
    text, bad = damaged()
    dets.append(bad)
    texts[bad.source] = text
    page_path = tmp_path / "view.html"
    with open(page_path, "w", encoding="utf-8") as f:
        imrparse.render(dets, "html", f, letter_text=lambda d: texts[d.source])
    with open_page(page_path) as (page, requests, errors):
        assert page.locator("section.letter").count() == len(dets)
        for i, det in enumerate(dets):
            section = page.locator(f"section#L{i}")
            assert section.locator("pre.text").is_visible()
            shown = section.evaluate("""s => { const out = {};
                s.querySelectorAll('pre mark[data-key]').forEach(m => {
                  out[m.dataset.key] = (out[m.dataset.key] || '') + m.textContent; });
                return out; }""")
            for e in span_entries(det):
                if e.span.start < e.span.end:
                    piece = texts[det.source][e.span.start:e.span.end]
                    assert e.key in shown, (det.source, e.key)
                    assert shown[e.key] == piece, (det.source, e.key)
                else:
                    assert section.locator(f'mark.at[data-key="{e.key}"]').count() == 1
        key = "reviewer.specialties.0"
        page.locator(f'section#L0 pre mark[data-key="{key}"]').first.hover()
        assert "hover" in (page.locator(f'section#L0 a[data-key="{key}"]').get_attribute("class") or "")
        # a value read from the very same words lights up with it
        same = "reviewer.canonical_specialties.0"
        assert "hover" in (page.locator(f'section#L0 a[data-key="{same}"]').get_attribute("class") or "")
        assert page.locator('mark.k-warning, mark.at').count() >= 1
    assert requests == [page_path.resolve().as_uri()], requests
    assert errors == []
