"""Typed access to the plugins: registrations by name, field hooks, extractors, formats.

:class:`Plugins` wraps a pluggy manager (whose ``pm.hook`` is untyped): it collects
each registration hook's objects once, calls the field hooks, runs the extractors and
the output formats, and turns anything a plugin raises into a
:class:`~imrparse.errors.PluginError` naming that plugin. :func:`get_plugins` is the
process-wide default, built on first use.
"""

from __future__ import annotations

import functools
import importlib.metadata
from types import TracebackType
from typing import IO, TYPE_CHECKING, Any, Callable, Iterable, Mapping, TypeVar

import attrs
import pluggy

from ..errors import ImrParseError, PluginError, UnsupportedInput
from ..models import Basis, Citation, Determination, Item, Reviewer, Service, Summary
from .api import ENTRY_POINT_GROUP, Extractor, FormatOptions, Layout, OutputFormat, PluginInfo, Reader
from .manager import BUILTIN_PLUGINS, get_plugin_manager

if TYPE_CHECKING:
    import cattrs

__all__ = ["Plugins", "get_plugins", "named"]

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
        from ..convert import make_converter

        return make_converter(self.extras_types)

    def read_reviewer(self, text: str) -> Reviewer | None:
        """Call ``imrparse_read_reviewer`` (first non-``None`` answer wins)."""
        result: Reviewer | None = self._call("imrparse_read_reviewer", text=text)
        return result

    def read_summary(self, text: str) -> Summary | None:
        """Call ``imrparse_read_summary`` (first non-``None`` answer wins)."""
        result: Summary | None = self._call("imrparse_read_summary", text=text)
        return result

    def read_basis(self, text: str, side: str) -> Basis | None:
        """Call ``imrparse_read_basis`` (first non-``None`` answer wins)."""
        result: Basis | None = self._call("imrparse_read_basis", text=text, side=side)
        return result

    def read_rationale_citations(self, text: str) -> list[Citation] | None:
        """Call ``imrparse_read_rationale_citations`` (first non-``None`` answer wins)."""
        result: list[Citation] | None = self._call("imrparse_read_rationale_citations", text=text)
        return result

    def read_service(self, request: str) -> Service | None:
        """Call ``imrparse_read_service`` (first non-``None`` answer wins).

        >>> get_plugins().read_service("Norco 10/325mg #120").drug
        'Norco'
        """
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

    def write(self, fmt: OutputFormat, determinations: Iterable[Determination], target: IO[Any] | str,
              options: FormatOptions) -> None:
        """Run an output format on a stream (or a path, for a ``needs_path`` format);
        anything it raises comes out as a PluginError naming the plugin that registered
        the format."""
        if fmt.needs_path != isinstance(target, str):
            raise UnsupportedInput(
                f"output format {fmt.name!r} writes " + ("a file" if fmt.needs_path else "to a stream"),
                expected="a file path" if fmt.needs_path else "a stream")
        try:
            fmt.write(determinations, target, options)
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
            distribution = dists.get(name) or (_own_distribution() if name in BUILTIN_PLUGINS else None)
            out.append(PluginInfo(name=name, module=module, distribution=distribution, hooks=hooks))
        return out


def _own_distribution() -> str | None:
    """imrparse's distribution name, or None when it runs from a source tree."""
    try:
        return importlib.metadata.distribution("imrparse").metadata["Name"]
    except importlib.metadata.PackageNotFoundError:
        return None


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
