"""The field tables of docs/contract.md, generated from the models so they cannot drift.

Each model's table sits between ``<!-- fields: Case -->`` and ``<!-- /fields -->`` in
docs/contract.md. Its rows are the keys :func:`imrparse.contract.fields_of` says the
converter writes, in the converter's order; the type comes from the field's type hint,
the meaning and the example from the field's docstring in ``imrparse/models.py`` (the
attribute docstring, or the property's for a derived key: its last paragraph, when it
starts with ``Example:``, is the example).

* As an MkDocs hook (``hooks:`` in mkdocs.yml) it regenerates the tables when the site
  is built, so the site always shows the models as they are.
* ``python docs/_hooks/contract_tables.py`` rewrites docs/contract.md in place, so the
  page reads the same on GitHub; tests/test_docs.py fails when the two differ.

Links in a field's docstring are relative to docs/ (``contract.md#warning-codes``); on
contract.md itself they become anchors (``#warning-codes``).
"""

from __future__ import annotations

import ast
import functools
import inspect
import re
import sys
from pathlib import Path
from typing import Any

from imrparse import models
from imrparse.contract import Shape, fields_of

PAGE = "contract.md"
_REGION_RE = re.compile(r"(<!-- fields: (\w+) -->\n)(.*?)(<!-- /fields -->)", re.DOTALL)


@functools.lru_cache(maxsize=None)
def _attribute_docs() -> dict[tuple[str, str], str]:
    """``(class, field) -> docstring`` for the attribute docstrings of the models (the
    string right after a field's definition), read from the source since Python keeps
    no such docstring at run time."""
    tree = ast.parse(inspect.getsource(models))
    docs: dict[tuple[str, str], str] = {}
    for cls in tree.body:
        if not isinstance(cls, ast.ClassDef):
            continue
        body = cls.body
        for stmt, after in zip(body, body[1:]):
            if (isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name)
                    and isinstance(after, ast.Expr) and isinstance(after.value, ast.Constant)
                    and isinstance(after.value.value, str)):
                docs[(cls.name, stmt.target.id)] = inspect.cleandoc(after.value.value)
    return docs


def field_doc(cls: type, name: str) -> tuple[str, str]:
    """``(meaning, example)`` of one key of ``cls``; ``("", "")`` when undocumented."""
    doc = _attribute_docs().get((cls.__name__, name))
    if doc is None:
        prop = getattr(cls, name, None)
        doc = inspect.getdoc(prop.fget) if isinstance(prop, property) and prop.fget else None
    if not doc:
        return "", ""
    paragraphs = [" ".join(p.split()) for p in doc.split("\n\n")]
    example = ""
    if paragraphs[-1].startswith("Example:"):
        example = paragraphs.pop()[len("Example:"):].strip()
    meaning = " ".join(paragraphs)
    first = meaning.split(" ", 1)[0]
    if not (len(first) > 1 and first.isupper()):  # "The IMR case number", not "ACOEM chapter"
        meaning = meaning[:1].lower() + meaning[1:]
    return meaning.rstrip("."), example


def type_name(shape: Shape) -> str:
    """The type column: ``str``, ``date or null``, ``[Item](#item)``, ``[[Citation](#citation)]``."""
    if shape.kind == "object":
        assert shape.cls is not None
        name = shape.cls.__name__
        out = f"[{name}](#{name.lower()})"
    elif shape.kind == "list":
        assert shape.of is not None
        out = f"[{type_name(shape.of)}]"
    elif shape.kind == "map":
        assert shape.of is not None
        out = "{str: " + type_name(shape.of) + "}"
    elif shape.kind == "enum":
        out = "str"
    else:
        out = shape.kind
    return out + (" or null" if shape.optional else "")


def table(cls: type) -> str:
    """The Markdown table of ``cls``'s keys, in the order the converter writes them."""
    rows = ["| key | type | meaning | example |", "|---|---|---|---|"]
    for field in fields_of(cls):
        meaning, example = field_doc(cls, field.name)
        meaning = meaning.replace(f"]({PAGE}#", "](#")
        rows.append(f"| `{field.name}` | {type_name(field.shape)} | {meaning} | {example} |")
    return "\n".join(rows) + "\n"


def render(markdown: str) -> str:
    """``markdown`` (docs/contract.md) with every field table regenerated."""
    def region(m: re.Match[str]) -> str:
        cls = getattr(models, m.group(2), None)
        if not (isinstance(cls, type) and fields_of(cls)):
            raise ValueError(f"{PAGE}: <!-- fields: {m.group(2)} --> names no model of imrparse.models")
        return m.group(1) + table(cls) + m.group(4)
    return _REGION_RE.sub(region, markdown)


def on_page_markdown(markdown: str, page: Any, **kwargs: Any) -> str:
    """MkDocs hook: the contract page with its tables from the installed models."""
    if page.file.src_uri == PAGE:
        return render(markdown)
    return markdown


if __name__ == "__main__":
    path = Path(__file__).resolve().parents[1] / PAGE
    text = path.read_text(encoding="utf-8")
    new = render(text)
    if new != text:
        path.write_text(new, encoding="utf-8")
        print(f"{path}: tables regenerated from imrparse.models")
    sys.exit(0)
