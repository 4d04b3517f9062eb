"""What a plugin registers: the hook marker and the small objects the registration hooks return.

Plugin authors need :data:`hookimpl` (also ``imrparse.hookimpl``) and the classes here:
:class:`Layout`, :class:`Reader` (with :class:`ReadText`), :class:`OutputFormat` (with
:class:`FormatOptions`) and :class:`Extractor`. The hooks that return them are specified
in :mod:`imrparse.plugin.hookspecs`.

The callables these objects carry have the shapes of the protocols below
(:class:`Recognize`, :class:`RecognizeWithPlugins`, :class:`ParseLayout`,
:class:`ReadLetter`, :class:`SniffLetter`, :class:`WriteFormat`; :class:`ExtractDocument`
and :class:`ExtractItem` for extractors), so mypy checks a plugin's functions where it
builds ``Layout(...)``, ``Reader(...)`` ...; imrparse checks what they return at run
time and names the plugin when it is wrong (:class:`~imrparse.errors.PluginError`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Iterable, Mapping, Protocol

import attrs
import pluggy

from ..models import Determination, Item, Warning

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
    "LayoutRegistry",
    "Recognize",
    "RecognizeWithPlugins",
    "ParseLayout",
    "ReadLetter",
    "SniffLetter",
    "WriteFormat",
    "ExtractDocument",
    "ExtractItem",
]

#: The name pluggy knows imrparse's hooks by (the ``imrparse_`` prefix of every hook).
PROJECT_NAME = "imrparse"
#: The entry-point group third-party plugins declare themselves in.
ENTRY_POINT_GROUP = "imrparse"

#: The marker of hook implementations (also ``imrparse.hookimpl``): ``@hookimpl``, or
#: ``@hookimpl(tryfirst=True)`` to run before the other implementations of a hook.
hookimpl = pluggy.HookimplMarker(PROJECT_NAME)


# -- the shapes of the registered callables ----------------------------------------------------


class LayoutRegistry(Protocol):
    """What a two-argument ``recognize(text, plugins)`` gets as ``plugins``: the
    installed layouts (:class:`imrparse.plugin.registry.Plugins` in a parse)."""

    @property
    def layouts(self) -> Mapping[str, Layout]:
        """The installed layouts by name."""
        ...

    def recognize(self, layout: Layout | str, text: str) -> float:
        """``layout``'s score for ``text`` (by object or name), its failures blamed on it."""
        ...


class Recognize(Protocol):
    """``recognize(text) -> score``: how sure the layout is, from 0 (not its letter) to 1."""

    def __call__(self, text: str, /) -> float: ...


class RecognizeWithPlugins(Protocol):
    """``recognize(text, plugins) -> score``: the same, seeing the other layouts."""

    def __call__(self, text: str, plugins: LayoutRegistry, /) -> float: ...


class ParseLayout(Protocol):
    """``parse(context) -> Determination``: read the letter in ``context.text``."""

    def __call__(self, context: ParseContext, /) -> Determination: ...


class ReadLetter(Protocol):
    """``read(data) -> text``: the letter text of a file's bytes (``str`` or :class:`ReadText`)."""

    def __call__(self, data: bytes, /) -> ReadText | str: ...


class SniffLetter(Protocol):
    """``sniff(head) -> bool``: whether the file's first 2048 bytes are this reader's kind."""

    def __call__(self, head: bytes, /) -> bool: ...


class WriteFormat(Protocol):
    """``write(determinations, target, options)``: write every determination, once, in order."""

    def __call__(self, determinations: Iterable[Determination], target: Any,
                 options: FormatOptions, /) -> None: ...


class ExtractDocument(Protocol):
    """The full shape of a document extractor's ``extract``. At run time ``extract``
    gets only the arguments it names (``determination`` and/or ``text``); to have mypy
    check one against this protocol, take both by keyword (``**_: object`` absorbs any
    added later)."""

    def __call__(self, *, determination: Determination, text: str) -> object: ...


class ExtractItem(Protocol):
    """The full shape of an item extractor's ``extract`` (``item``, ``determination``,
    ``text``); see :class:`ExtractDocument`."""

    def __call__(self, *, item: Item, determination: Determination, text: str) -> object: ...


@attrs.frozen
class Layout:
    """A letter layout.

    ``recognize(text)`` scores the normalised letter text from 0 (not this layout) to 1
    (certainly this layout); a ``recognize`` that takes a second positional argument is
    also given the registry (``recognize(text, plugins)``), to ask other layouts.
    ``parse(context)`` builds the Determination from ``context.text``; see
    :class:`imrparse.layout.context.ParseContext` for the helpers it offers (spans back
    into the input, reflowed fields, the field hooks, warnings, delegating to another
    layout).

    ``refines`` names the layout this one is a variant of: when it recognises a letter
    at all (a score above 0) it competes with at least that layout's score and wins a
    tie against it. ``priority`` breaks ties between equal scores (higher wins).
    """

    name: str
    recognize: Recognize | RecognizeWithPlugins
    parse: ParseLayout
    description: str = ""
    refines: str | None = None
    priority: int = 0


@attrs.frozen
class ReadText:
    """What a reader extracted: the letter text and anything worth a warning."""

    text: str
    warnings: tuple[Warning, ...] = ()


@attrs.frozen
class Reader:
    """Turns a file's bytes into letter text.

    A reader claims a file when its name ends with one of ``suffixes`` (in any case) or
    when ``sniff(first_bytes)`` is true. The name wins: a reader whose suffix matches
    reads the file unless its own ``sniff`` rejects the content; a reader that only
    sniffs reads files no suffix claims (standard input, unknown suffixes, or a file
    whose suffix-matching readers all sniffed "no"). Among equal claims the highest
    ``priority`` wins, unless the user names a reader.
    """

    name: str
    read: ReadLetter
    suffixes: tuple[str, ...] = ()
    sniff: SniffLetter | None = None
    priority: int = 0
    description: str = ""

    def matches_suffix(self, filename: str | None) -> bool:
        """Whether ``filename`` ends with one of this reader's suffixes."""
        return bool(filename) and str(filename).lower().endswith(
            tuple(s.lower() for s in self.suffixes))

    def claims(self, filename: str | None, head: bytes) -> bool:
        """Whether this reader claims the file by its name or (``sniff``) its first bytes."""
        return self.matches_suffix(filename) or bool(self.sniff and self.sniff(head))


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
    write: WriteFormat
    binary: bool = False
    description: str = ""
    needs_path: bool = False


@attrs.frozen
class Extractor:
    """An extra field, stored under ``extras[name]``.

    ``scope="document"``: ``extract(determination=..., text=...)`` once per letter;
    ``scope="item"``: ``extract(item=..., determination=..., text=...)`` per item.
    ``text`` is the letter text the spans refer to. ``extract`` may accept only the
    arguments it needs (it is checked when the extractors are collected: a parameter
    of another name is a :class:`~imrparse.errors.PluginError`). It returns plain JSON
    data (``None``, ``bool``, ``int``, a finite ``float``, ``str``, lists and
    string-keyed dicts of them), or an instance of ``type`` (an attrs class) which the
    converter (un)structures; anything else is a PluginError naming the plugin.
    Returning ``None`` stores nothing.
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
