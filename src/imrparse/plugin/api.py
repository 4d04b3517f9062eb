"""What a plugin registers: the hook marker and the small objects the registration hooks return.

Plugin authors need :data:`hookimpl` (also ``imrparse.hookimpl``) and the classes here:
:class:`Layout`, :class:`Reader` (with :class:`ReadText`), :class:`OutputFormat` (with
:class:`FormatOptions`) and :class:`Extractor`. The hooks that return them are specified
in :mod:`imrparse.plugin.hookspecs`.
"""

from __future__ import annotations

from typing import IO, TYPE_CHECKING, Any, Callable, Iterable

import attrs
import pluggy

from ..models import Determination, Warning

if TYPE_CHECKING:
    import cattrs

    from ..layout.context import ParseContext

__all__ = [
    "PROJECT_NAME",
    "ENTRY_POINT_GROUP",
    "hookimpl",
    "Layout",
    "Reader",
    "ReadText",
    "OutputFormat",
    "FormatOptions",
    "Extractor",
    "PluginInfo",
]

#: The name pluggy knows imrparse's hooks by (the ``imrparse_`` prefix of every hook).
PROJECT_NAME = "imrparse"
#: The entry-point group third-party plugins declare themselves in.
ENTRY_POINT_GROUP = "imrparse"

#: The marker of hook implementations (also ``imrparse.hookimpl``): ``@hookimpl``, or
#: ``@hookimpl(tryfirst=True)`` to run before the other implementations of a hook.
hookimpl = pluggy.HookimplMarker(PROJECT_NAME)


@attrs.frozen
class Layout:
    """A letter layout.

    ``recognize(text)`` scores the normalised letter text from 0 (not this layout) to 1
    (certainly this layout). ``parse(context)`` builds the Determination from
    ``context.text``; see :class:`imrparse.context.ParseContext` for the helpers it offers
    (spans back into the input, reflowed fields, the field hooks, warnings).
    """

    name: str
    recognize: Callable[[str], float]
    parse: Callable[[ParseContext], Determination]
    description: str = ""


@attrs.frozen
class ReadText:
    """What a reader extracted: the letter text and anything worth a warning."""

    text: str
    warnings: tuple[Warning, ...] = ()


@attrs.frozen
class Reader:
    """Turns a file's bytes into letter text.

    A reader claims a file when its name ends with one of ``suffixes`` or when
    ``sniff(first_bytes)`` is true. Among the readers that claim a file, the one with
    the highest ``priority`` reads it, unless the user names a reader.
    """

    name: str
    read: Callable[[bytes], ReadText | str]
    suffixes: tuple[str, ...] = ()
    sniff: Callable[[bytes], bool] | None = None
    priority: int = 0
    description: str = ""

    def claims(self, filename: str | None, head: bytes) -> bool:
        """Whether this reader would read a file of this name starting with ``head``."""
        if filename and filename.lower().endswith(tuple(s.lower() for s in self.suffixes)):
            return True
        return bool(self.sniff and self.sniff(head))


@attrs.frozen
class FormatOptions:
    """What an output format gets besides the determinations."""

    #: The converter that owns the contract's JSON (``imrparse.convert``).
    converter: cattrs.Converter
    #: True when the user asked for exactly one letter (json then prints an object).
    single: bool = False
    #: False when the user does not want character offsets (``--no-spans``): the
    #: ``json``, ``jsonl`` and ``sqlite`` formats then leave out every ``span`` and
    #: ``spans`` (``csv`` never has them).
    spans: bool = True
    #: The text a letter's spans index into, for formats that show the letter (``html``):
    #: called with each determination, ``None`` when unknown (the command line passes a
    #: :class:`imrparse.rendering.SourceTexts`, which reads each file again). Without it
    #: (or when it returns ``None``) such a format reads ``determination.source`` again
    #: when that is a file.
    letter_text: Callable[[Determination], str | None] | None = None


@attrs.frozen
class OutputFormat:
    """An output format: ``write(determinations, target, options)``.

    ``determinations`` is an iterable consumed once, in input order. ``target`` is a
    text stream, or a binary one when ``binary`` is true; a format that must own a real
    file (a database, a spreadsheet) sets ``needs_path`` and gets the file's path as a
    ``str`` instead (the command line then requires ``-o FILE``, and
    :func:`imrparse.render` writes to a temporary file and returns its bytes).
    """

    name: str
    extension: str
    write: Callable[[Iterable[Determination], Any, FormatOptions], None]
    binary: bool = False
    description: str = ""
    needs_path: bool = False


@attrs.frozen
class Extractor:
    """An extra field, stored under ``extras[name]``.

    ``scope="document"``: ``extract(determination=..., text=...)`` once per letter;
    ``scope="item"``: ``extract(item=..., determination=..., text=...)`` per item.
    ``text`` is the letter text the spans refer to. ``extract`` may accept only the
    arguments it needs. It returns plain JSON data, or an instance of ``type`` (an
    attrs class) which the converter (un)structures. Returning ``None`` stores nothing.
    """

    name: str
    extract: Callable[..., Any]
    scope: str = attrs.field(default="document", validator=attrs.validators.in_(("document", "item")))
    type: type | None = None
    description: str = ""


@attrs.frozen
class PluginInfo:
    """One loaded plugin, as ``Plugins.info()`` and ``imrparse plugins`` list it:
    its registered name, module, distribution (``None`` when not installed from one)
    and the hooks it implements."""

    name: str
    module: str
    distribution: str | None
    hooks: tuple[str, ...]
