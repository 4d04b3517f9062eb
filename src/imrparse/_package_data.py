"""Files shipped inside the package (grammars, compiled parsers and patterns), read
through the package's own loader: from a folder or a zip file alike, as
``importlib.resources`` reads them, without importing it (with ``zipfile`` and the
rest, a twentieth of a one-letter command)."""

from __future__ import annotations

import os

__all__ = ["read_bytes"]

_ROOT = os.path.dirname(__file__)


def read_bytes(*parts: str) -> bytes | None:
    """The bytes of ``imrparse/<parts...>``, or None when there is no such file."""
    path = os.path.join(_ROOT, *parts)
    try:
        data: bytes = __spec__.loader.get_data(path)  # type: ignore[union-attr]
    except (OSError, AttributeError):  # missing; or a loader that reads no data
        return None
    return data
