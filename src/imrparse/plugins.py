"""The plugin system: what plugins register, and the manager that finds them.

Plugin authors need :data:`hookimpl` (also ``imrparse.hookimpl``) and the small
registration classes here: :class:`Layout`, :class:`Reader`, :class:`OutputFormat`,
:class:`Extractor`. The manager is built explicitly by :func:`get_plugin_manager`,
never at import: it registers every plugin of the ``imrparse`` entry-point group,
imrparse's own built-ins included (they are ordinary entry points of this package).
"""

from __future__ import annotations

import functools
import importlib
import importlib.metadata
import os
import sys
from types import TracebackType
from typing import IO, TYPE_CHECKING, Any, Callable, Iterable, Mapping, TypeVar

import attrs
import pluggy

from . import hookspecs
from .errors import ImrParseError, PluginError, UnsupportedInput
from .models import Basis, Citation, Determination, Item, Reviewer, Service, Summary, Warning

if TYPE_CHECKING:
    import cattrs

    from .context import ParseContext

__all__ = [
    "hookimpl",
    "Layout",
    "Reader",
    "ReadText",
    "OutputFormat",
    "FormatOptions",
    "Extractor",
    "Plugins",
    "PluginInfo",
    "get_plugin_manager",
    "get_plugins",
    "named",
    "BUILTIN_PLUGINS",
    "ENTRY_POINT_GROUP",
]

hookimpl = pluggy.HookimplMarker(hookspecs.PROJECT_NAME)

ENTRY_POINT_GROUP = "imrparse"

#: imrparse's own plugins, as declared in its ``imrparse`` entry points. They are
#: registered from the entry points like any other plugin; this list is only used when
#: imrparse runs from a source tree without installed metadata.
BUILTIN_PLUGINS: Mapping[str, str] = {
    "layout_standard": "imrparse.builtin.layout_standard",
    "layout_2013": "imrparse.builtin.layout_2013",
    "extract_reviewer": "imrparse.builtin.extract_reviewer",
    "extract_summary": "imrparse.builtin.extract_summary",
    "extract_citations": "imrparse.builtin.extract_citations",
    "extract_service": "imrparse.builtin.extract_service",
    "readers": "imrparse.builtin.readers",
    "formats": "imrparse.builtin.formats",
    "format_csv": "imrparse.builtin.format_csv",
    "format_parquet": "imrparse.builtin.format_parquet",
    "format_markdown": "imrparse.builtin.format_markdown",
}


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


@attrs.frozen
class OutputFormat:
    """An output format: ``write(determinations, stream, options)``.

    ``determinations`` is an iterable consumed once, in input order. ``stream`` is a
    text stream, or a binary one when ``binary`` is true.
    """

    name: str
    extension: str
    write: Callable[[Iterable[Determination], IO[Any], FormatOptions], None]
    binary: bool = False
    description: str = ""


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
    name: str
    module: str
    distribution: str | None
    hooks: tuple[str, ...]


def get_plugin_manager(
    *, entry_points: bool = True, builtins: bool = True, block: Iterable[str] = ()
) -> pluggy.PluginManager:
    """A new plugin manager with the plugins of the ``imrparse`` entry-point group.

    ``builtins=False`` leaves imrparse's own plugins out (an empty system to test a
    plugin in isolation); ``entry_points=False`` leaves out third-party plugins; ``block``
    names plugins not to load. The ``IMRPARSE_DISABLE_PLUGINS`` environment variable
    (comma-separated names) blocks plugins too, and ``IMRPARSE_TRACE_PLUGINS=1`` traces
    every hook call on standard error.
    """
    pm = pluggy.PluginManager(hookspecs.PROJECT_NAME)
    pm.add_hookspecs(hookspecs)
    blocked = set(block) | {
        n.strip() for n in os.environ.get("IMRPARSE_DISABLE_PLUGINS", "").split(",") if n.strip()
    }
    for name in blocked:
        pm.set_blocked(name)
    # Built-ins first, third-party plugins after them: pluggy calls the most recently
    # registered implementation first, so a plugin overrides a built-in (a field hook
    # returning non-None, or an object registered under a built-in's name) whatever
    # order the installed distributions happen to list their entry points in.
    eps = list(importlib.metadata.entry_points(group=ENTRY_POINT_GROUP))
    builtin_values = set(BUILTIN_PLUGINS.values())
    if builtins:
        for ep in eps:
            if ep.value in builtin_values:
                _register_entry_point(pm, ep)
        # Running from a source tree without installed metadata: same modules, same names.
        for name, module in BUILTIN_PLUGINS.items():
            if not pm.has_plugin(name) and not pm.is_blocked(name):
                pm.register(importlib.import_module(module), name=name)
    if entry_points:
        for ep in eps:
            if ep.value not in builtin_values:
                _register_entry_point(pm, ep)
    pm.check_pending()
    if os.environ.get("IMRPARSE_TRACE_PLUGINS"):
        pm.trace.root.setwriter(sys.stderr.write)
        pm.enable_tracing()
    return pm


def _register_entry_point(pm: pluggy.PluginManager, ep: importlib.metadata.EntryPoint) -> None:
    if pm.is_blocked(ep.name) or pm.has_plugin(ep.name):
        return
    try:
        plugin = ep.load()
    except Exception as exc:  # a broken plugin must say who it is
        raise PluginError(f"could not load plugin {ep.name!r} ({ep.value}): {exc}",
                          plugin=ep.name, hook="load") from exc
    if pm.is_registered(plugin):  # the same module under two entry-point names
        return
    pm.register(plugin, name=ep.name)


T = TypeVar("T")


def named(registry: Mapping[str, T], name: str, kind: str,
          error: type[ImrParseError] = UnsupportedInput) -> T:
    """``registry[name]``, or ``error`` saying no ``kind`` has that name and listing the
    installed ones (for a layout, reader or format the user named)."""
    try:
        return registry[name]
    except KeyError:
        raise error(f"no {kind} named {name!r}",
                    expected=" or ".join(sorted(registry)) or f"an installed {kind}") from None

# The Plugins property that collects each registration hook's objects.
_REGISTRY_OF_HOOK = {"imrparse_layouts": "layouts", "imrparse_readers": "readers",
                     "imrparse_formats": "formats", "imrparse_extractors": "extractors"}


def _blame(exc: BaseException, pm: pluggy.PluginManager, hook_name: str) -> str:
    """Which plugin's implementation raised ``exc`` (the deepest one in its traceback)."""
    codes = {}
    for impl in getattr(pm.hook, hook_name).get_hookimpls():
        codes[impl.function.__code__] = impl.plugin_name
    culprit = "unknown plugin"
    tb: TracebackType | None = exc.__traceback__
    while tb is not None:
        name = codes.get(tb.tb_frame.f_code)
        if name:
            culprit = name
        tb = tb.tb_next
    return culprit


class Plugins:
    """Typed access to a plugin manager's hooks (pluggy's ``pm.hook`` is untyped).

    Registration lists are collected once; field hooks are called per use. Any
    exception a plugin raises comes out as :class:`~imrparse.errors.PluginError`
    naming the plugin and the hook.
    """

    def __init__(self, pm: pluggy.PluginManager | None = None) -> None:
        self.pm = pm if pm is not None else get_plugin_manager()
        # (registration hook, object name) -> the plugin that registered it.
        self._providers: dict[tuple[str, str], str] = {}

    def _call(self, hook_name: str, **kwargs: Any) -> Any:
        try:
            return getattr(self.pm.hook, hook_name)(**kwargs)
        except ImrParseError:
            raise
        except Exception as exc:
            plugin = _blame(exc, self.pm, hook_name)
            raise PluginError(
                f"plugin {plugin!r} failed in {hook_name}: {type(exc).__name__}: {exc}",
                plugin=plugin, hook=hook_name,
            ) from exc

    def _registered(self, hook_name: str, kind: type[T]) -> dict[str, T]:
        """Collect a registration hook's objects by name, each plugin called on its own
        so that a bad one is named. pluggy's order is kept (the most recently registered
        plugin first, ``tryfirst`` before it): the first object of a name wins, so a
        plugin can replace a built-in by registering the same name."""
        found: dict[str, T] = {}
        trace = self.pm.trace.root.get("hook")  # IMRPARSE_TRACE_PLUGINS (pluggy's tracer)
        for impl in reversed(getattr(self.pm.hook, hook_name).get_hookimpls()):
            trace(f"{hook_name} of {impl.plugin_name}")
            try:
                batch = impl.function()
            except ImrParseError:
                raise
            except Exception as exc:
                raise PluginError(
                    f"plugin {impl.plugin_name!r} failed in {hook_name}: {type(exc).__name__}: {exc}",
                    plugin=impl.plugin_name, hook=hook_name,
                ) from exc
            for obj in batch or ():
                if not isinstance(obj, kind):
                    raise PluginError(
                        f"plugin {impl.plugin_name!r}: {hook_name} returned {obj!r}, not a {kind.__name__}",
                        plugin=impl.plugin_name, hook=hook_name,
                    )
                name: str = obj.name  # type: ignore[attr-defined]
                if name not in found:
                    found[name] = obj
                    self._providers[(hook_name, name)] = impl.plugin_name
        return found

    def provider(self, hook_name: str, name: str) -> str:
        """The plugin that registered the object ``name`` through ``hook_name``
        (e.g. ``provider("imrparse_formats", "csv")``), for error messages."""
        getattr(self, _REGISTRY_OF_HOOK[hook_name])  # collect that hook's registrations first
        return self._providers.get((hook_name, name), "unknown plugin")

    @functools.cached_property
    def layouts(self) -> dict[str, Layout]:
        return self._registered("imrparse_layouts", Layout)

    @functools.cached_property
    def readers(self) -> dict[str, Reader]:
        return self._registered("imrparse_readers", Reader)

    @functools.cached_property
    def formats(self) -> dict[str, OutputFormat]:
        return self._registered("imrparse_formats", OutputFormat)

    @functools.cached_property
    def extractors(self) -> dict[str, Extractor]:
        return self._registered("imrparse_extractors", Extractor)

    @functools.cached_property
    def extras_types(self) -> dict[str, type]:
        return {name: ex.type for name, ex in self.extractors.items() if ex.type is not None}

    @functools.cached_property
    def converter(self) -> cattrs.Converter:
        from .convert import make_converter

        return make_converter(self.extras_types)

    def read_reviewer(self, text: str) -> Reviewer | None:
        result: Reviewer | None = self._call("imrparse_read_reviewer", text=text)
        return result

    def read_summary(self, text: str) -> Summary | None:
        result: Summary | None = self._call("imrparse_read_summary", text=text)
        return result

    def read_basis(self, text: str, side: str) -> Basis | None:
        result: Basis | None = self._call("imrparse_read_basis", text=text, side=side)
        return result

    def read_rationale_citations(self, text: str) -> list[Citation] | None:
        result: list[Citation] | None = self._call("imrparse_read_rationale_citations", text=text)
        return result

    def read_service(self, request: str) -> Service | None:
        result: Service | None = self._call("imrparse_read_service", request=request)
        return result

    def run_extractors(self, det: Determination, text: str) -> Determination:
        """``det`` with every extractor's value stored under ``extras``."""
        if not self.extractors:
            return det
        doc_extras = dict(det.extras)
        items: list[Item] = list(det.items)
        for name, ex in self.extractors.items():
            if ex.scope == "document":
                value = self._extract(ex, determination=det, text=text)
                if value is not None:
                    doc_extras[name] = value
            else:
                for i, item in enumerate(items):
                    value = self._extract(ex, item=item, determination=det, text=text)
                    if value is not None:
                        items[i] = attrs.evolve(item, extras={**item.extras, name: value})
        return attrs.evolve(det, extras=doc_extras, items=tuple(items))

    def _extract(self, ex: Extractor, **kwargs: Any) -> Any:
        wanted = _argnames(ex.extract)
        args = kwargs if wanted is None else {k: v for k, v in kwargs.items() if k in wanted}
        try:
            return ex.extract(**args)
        except ImrParseError:
            raise
        except Exception as exc:
            plugin = self.provider("imrparse_extractors", ex.name)
            raise PluginError(
                f"extractor {ex.name!r} of plugin {plugin!r} failed: {type(exc).__name__}: {exc}",
                plugin=plugin, hook="imrparse_extractors",
            ) from exc

    def write(self, fmt: OutputFormat, determinations: Iterable[Determination], stream: IO[Any],
              options: FormatOptions) -> None:
        """Run an output format; anything it raises comes out as a PluginError naming
        the plugin that registered the format."""
        try:
            fmt.write(determinations, stream, options)
        except (ImrParseError, BrokenPipeError):
            raise
        except Exception as exc:
            plugin = self.provider("imrparse_formats", fmt.name)
            raise PluginError(
                f"output format {fmt.name!r} of plugin {plugin!r} failed: {type(exc).__name__}: {exc}",
                plugin=plugin, hook="imrparse_formats",
            ) from exc

    def info(self) -> list[PluginInfo]:
        """What is loaded and from where, for ``imrparse plugins``."""
        dists = {
            ep.name: (ep.dist.name if ep.dist else None)
            for ep in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP)
        }
        out = []
        for name, plugin in self.pm.list_name_plugin():
            if plugin is None:
                continue
            hooks = tuple(sorted(h.name for h in self.pm.get_hookcallers(plugin) or ()))
            module = getattr(plugin, "__name__", type(plugin).__module__)
            out.append(PluginInfo(name=name, module=module, distribution=dists.get(name), hooks=hooks))
        return out


@functools.lru_cache(maxsize=256)
def _argnames_cached(func: Callable[..., Any]) -> frozenset[str] | None:
    import inspect

    try:
        params = inspect.signature(func).parameters.values()
    except (TypeError, ValueError):
        return None
    if any(p.kind is p.VAR_KEYWORD for p in params):
        return None
    return frozenset(p.name for p in params)


def _argnames(func: Callable[..., Any]) -> frozenset[str] | None:
    try:
        return _argnames_cached(func)
    except TypeError:  # unhashable callable
        return None


_DEFAULT: Plugins | None = None


def get_plugins() -> Plugins:
    """The process-wide default :class:`Plugins`, built on first use."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Plugins(get_plugin_manager())
    return _DEFAULT
