"""A griffe extension: the package's docstrings, written for ``help()`` and Sphinx-style
readers, rendered well by mkdocstrings.

The docstrings keep the conventions of the code (``:func:`~imrparse.parse``` roles,
``::`` before a literal block, bare ``>>>`` doctest lines, ``#:`` comments above an
attribute); this extension turns them into Markdown when the site is built, so the
source stays readable in a terminal and the site gets links and highlighted examples.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

import griffe

# A Markdown link to a page of the site, written relative to docs/ ("contract.md#spans")
_PAGE_LINK_RE = re.compile(r"\]\((?![a-z]+:|#|/|\.\./)([\w./-]+\.md(?:#[\w-]*)?)\)")

# :func:`~imrparse.parse`, :class:`Plugins`, :data:`SAMPLE_LETTER`, ...
_ROLE_RE = re.compile(r":(?:func|class|meth|attr|data|mod|exc|obj):`(~?)([\w.]+)(?:\(\))?`")


def _role(match: re.Match[str], obj: griffe.Object) -> str:
    short, target = match.group(1), match.group(2)
    title = target.rsplit(".", 1)[-1] if short else target
    identifier = target if target.startswith("imrparse") else f"{obj.module.path}.{target}"
    # optional: a name the site does not render (an internal helper) stays plain code
    return f'<autoref identifier="{identifier}" optional><code>{title}</code></autoref>'


def _fence_doctests(text: str) -> str:
    """Wrap unindented ``>>>`` runs in pycon fences (Markdown would read ``>`` as a quote)."""
    out: list[str] = []
    lines = text.split("\n")
    i = 0
    in_fence = False
    while i < len(lines):
        line = lines[i]
        if line.lstrip().startswith("```"):
            in_fence = not in_fence
        if not in_fence and line.startswith(">>>"):
            block = []
            while i < len(lines) and lines[i].strip():
                block.append(lines[i])
                i += 1
            out += ["", "```pycon", *block, "```"]
            continue
        out.append(line)
        i += 1
    return "\n".join(out)


_DOCTEST_DIRECTIVE_RE = re.compile(r"\s*# doctest: [+-][A-Z_, +-]+$", re.MULTILINE)


def to_markdown(text: str, obj: griffe.Object) -> str:
    """One docstring, from the code's conventions to Markdown."""
    text = _ROLE_RE.sub(lambda m: _role(m, obj), text)
    # the reference pages live in docs/reference/
    text = _PAGE_LINK_RE.sub(r"](../\1)", text)
    text = re.sub(r"(\S)::$", r"\1:", text, flags=re.MULTILINE)  # "prints it::" + literal block
    text = re.sub(r"^::$\n", "", text, flags=re.MULTILINE)
    text = _DOCTEST_DIRECTIVE_RE.sub("", text)  # for the doctest runner, not for readers
    return _fence_doctests(text)


def _comment_doc(obj: griffe.Object) -> str | None:
    """The ``#:`` comment lines right above an attribute, as Sphinx reads them."""
    path = obj.filepath
    if not isinstance(path, Path) or obj.lineno is None:
        return None
    lines = path.read_text(encoding="utf-8").splitlines()
    found: list[str] = []
    i = obj.lineno - 2
    while i >= 0 and lines[i].strip().startswith("#:"):
        found.insert(0, lines[i].strip()[2:].strip())
        i -= 1
    return " ".join(found) or None


class RstToMarkdown(griffe.Extension):
    def on_instance(self, *, node: ast.AST | griffe.ObjectNode, obj: griffe.Object,
                    agent: Any, **kwargs: Any) -> None:
        if obj.docstring is None and obj.is_attribute:
            doc = _comment_doc(obj)
            if doc:
                obj.docstring = griffe.Docstring(doc, parent=obj)
        if obj.docstring is not None:
            obj.docstring.value = to_markdown(obj.docstring.value, obj)
