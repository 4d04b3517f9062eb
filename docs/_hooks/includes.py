"""Pages made of files that live outside docs/: the changelog, the benchmark results.

A page includes a file with a line ``<!-- include: CHANGELOG.md -->`` (paths from the
repository's root). With fallbacks, ``<!-- include: benchmarks/RESULTS.md |
benchmarks/bench.py -->`` includes the first file that exists, so a page can show a
description until the results are written. A Python file contributes its module
docstring. The included file's own title (its first line, when it is a level-1
heading) gives way to the page's, and its links are rewritten for the page: a link into
docs/ points at the page of the site, a link to anything else in the repository becomes
plain text (the site does not publish it).

tests/test_docs.py runs the code blocks of every page as the site shows it, through
:func:`expand`.
"""

from __future__ import annotations

import ast
import os
import re
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
_INCLUDE_RE = re.compile(r"^<!-- include: (.+?) -->$", re.MULTILINE)
_LINK_RE = re.compile(r"(?<!!)\[([^\]]*)\]\(([^)\s]+)\)")


def _content(path: Path) -> str:
    if path.suffix == ".py":
        doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
        return re.sub(r"(\S)::$", r"\1:", doc, flags=re.MULTILINE)  # reST literal blocks
    text = path.read_text(encoding="utf-8")
    first, _, rest = text.partition("\n")
    return rest.lstrip("\n") if first.startswith("# ") else text


def _relink(text: str, included: Path, page: Path) -> str:
    def link(m: re.Match[str]) -> str:
        label, target = m.group(1), m.group(2)
        if re.match(r"[a-z]+:|#", target):
            return m.group()  # an absolute URL, or an anchor of the same file
        file, _, anchor = target.partition("#")
        dest = (included.parent / file).resolve()
        if dest.is_relative_to(DOCS) and dest.exists():
            new = os.path.relpath(dest, page.parent) + (f"#{anchor}" if anchor else "")
            return f"[{label}]({new})"
        return label  # outside the site
    return _LINK_RE.sub(link, text)


def expand(markdown: str, page: Path) -> str:
    """``markdown`` (the page at ``page``) with its include lines replaced."""
    def include(m: re.Match[str]) -> str:
        candidates = [ROOT / p.strip() for p in m.group(1).split("|")]
        for path in candidates:
            if path.exists():
                return _relink(_content(path), path, page)
        raise FileNotFoundError(f"{page.name}: none of {m.group(1)} exists")
    return _INCLUDE_RE.sub(include, markdown)


def on_page_markdown(markdown: str, page: Any, **kwargs: Any) -> str:
    """MkDocs hook."""
    return expand(markdown, DOCS / page.file.src_uri)
