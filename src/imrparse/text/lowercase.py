"""A lowercase copy of a text in which every character keeps its offset.

Readers match lowercase patterns and vocabularies against this copy (a case-sensitive
regular expression skips ahead in C where an ``IGNORECASE`` one cannot) and cut values
and spans from the original text at the same offsets.
"""

from __future__ import annotations

__all__ = ["lower_keep_offsets"]

_ASCII_LOWER = {c: c + 32 for c in range(ord("A"), ord("Z") + 1)}


def lower_keep_offsets(text: str) -> str:
    """``text`` lower-cased with every character at the same offset.

    ``str.lower`` lengthens a few characters ("\u0130" becomes two); for a text that
    holds one, only A-Z are lowered.
    """
    low = text.lower()
    return low if len(low) == len(text) else text.translate(_ASCII_LOWER)
