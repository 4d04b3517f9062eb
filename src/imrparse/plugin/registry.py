"""Typed access to the plugins: registrations by name, field hooks, extractors, formats.

:class:`Plugins` wraps a pluggy manager (whose ``pm.hook`` is untyped): it collects
each registration hook's objects once, calls the field hooks, runs the extractors and
the output formats, and turns anything a plugin raises into a
:class:`~imrparse.errors.PluginError` naming that plugin. :func:`get_plugins` is the
process-wide default, built on first use.
"""

from __future__ import annotations

import functools
import inspect
import math
import numbers
from types import TracebackType
from typing import IO, TYPE_CHECKING, Any, Callable, Iterable, Mapping, TypeVar

import attrs
import pluggy

from ..errors import ImrParseError, PluginError, UnrecognizedLayout, UnsupportedInput
from ..models import Basis, Citation, Determination, Item, Reviewer, Service, Summary, Warning
from .api import ENTRY_POINT_GROUP, Extractor, FormatOptions, Layout, OutputFormat, PluginInfo
from .api import Reader, ReadText
from .manager import BUILTIN_PLUGINS, get_plugin_manager, installed_entry_points

if TYPE_CHECKING:
    import cattrs

    from ..layout.context import ParseContext

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

# The Plugins property that collects each registration hook's objects, and what to call them.
_REGISTRY_OF_HOOK = {"imrparse_layouts": "layouts", "imrparse_readers": "readers",
                     "imrparse_formats": "formats", "imrparse_extractors": "extractors"}
_KIND_OF_HOOK = {"imrparse_layouts": "layout", "imrparse_readers": "reader",
                 "imrparse_formats": "output format", "imrparse_extractors": "extractor"}

# What a plugin may raise without being blamed: an ImrParseError is a finding about the
# letter (MissingSection in strict mode, UnreadableFile ...) and stays what it is; a
# RecursionError is the letter's depth (parse() reports it) and a MemoryError the machine's.
_PASS_THROUGH: tuple[type[BaseException], ...] = (ImrParseError, RecursionError, MemoryError)

# An output format may also meet a closed pipe (``imrparse parse ... | head``).
_WRITE_PASS_THROUGH: tuple[type[BaseException], ...] = (*_PASS_THROUGH, BrokenPipeError)

# What each field hook must return (besides None), for its error message.
_FIELD_RESULTS: dict[str, tuple[Callable[[Any], bool], str]] = {
    "imrparse_read_reviewer": (lambda r: isinstance(r, Reviewer), "a Reviewer"),
    "imrparse_read_summary": (lambda r: isinstance(r, Summary), "a Summary"),
    "imrparse_read_basis": (lambda r: isinstance(r, Basis), "a Basis"),
    "imrparse_read_rationale_citations": (
        lambda r: isinstance(r, (list, tuple)) and all(isinstance(c, Citation) for c in r),
        "a list of Citation"),
    "imrparse_read_service": (lambda r: isinstance(r, Service), "a Service"),
}


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
        except _PASS_THROUGH:
            raise
        except Exception as exc:
            plugin = _blame(exc, self.pm, hook_name)
            raise PluginError(
                f"plugin {plugin!r} failed in {hook_name}: {type(exc).__name__}: {exc}"
                + _builtin_note(plugin),
                plugin=plugin, hook=hook_name,
            ) from exc

    def _field_hook(self, hook_name: str, **kwargs: Any) -> Any:
        """A field hook's answer, checked: ``None`` or the hook's type, else a
        PluginError naming the plugin that answered."""
        result = self._call(hook_name, **kwargs)
        valid, expected = _FIELD_RESULTS[hook_name]
        if result is None or valid(result):
            return result
        plugin = self._answered(hook_name, kwargs, valid)
        raise PluginError(
            f"plugin {plugin!r}: {hook_name} returned {_describe(result)}, not {expected} or None"
            + _builtin_note(plugin),
            plugin=plugin, hook=hook_name)

    def _answered(self, hook_name: str, kwargs: dict[str, Any], valid: Callable[[Any], bool]) -> str:
        """Which plugin gave a firstresult hook's (wrong) answer. pluggy does not say, so
        (on this error path only) the implementations are asked again in pluggy's order:
        the first to answer is blamed when its answer is wrong, else the hook wrappers,
        which then changed a right answer into a wrong one."""
        impls = getattr(self.pm.hook, hook_name).get_hookimpls()
        wrappers = [impl.plugin_name for impl in impls if impl.wrapper or impl.hookwrapper]
        for impl in reversed(impls):  # pluggy calls the last registered first
            if impl.wrapper or impl.hookwrapper:
                continue
            try:
                answer = impl.function(*(kwargs[name] for name in impl.argnames))
            except Exception:
                continue
            if answer is not None:
                if not valid(answer) or not wrappers:
                    return str(impl.plugin_name)
                break
        return " or ".join(str(w) for w in reversed(wrappers)) or "unknown plugin"

    def _failure(self, hook_name: str, name: str, call: str, problem: str) -> PluginError:
        """A PluginError blaming the plugin that registered ``name`` through ``hook_name``."""
        # (Known already while the registrations are still being checked.)
        plugin = self._providers.get((hook_name, name)) or self.provider(hook_name, name)
        return PluginError(
            f"{_KIND_OF_HOOK[hook_name]} {name!r} of plugin {plugin!r}: {call} {problem}"
            + _builtin_note(plugin),
            plugin=plugin, hook=hook_name, call=call)

    def _run(self, hook_name: str, name: str, call: str, function: Callable[..., T],
             *args: Any, **kwargs: Any) -> T:
        """``function(*args, **kwargs)``, anything it raises (but :data:`_PASS_THROUGH`)
        becoming a PluginError blaming the plugin that registered ``name``."""
        try:
            return function(*args, **kwargs)
        except _PASS_THROUGH:
            raise
        except Exception as exc:
            raise self._failure(hook_name, name, call, f"failed: {type(exc).__name__}: {exc}") from exc

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
        found = self._registered("imrparse_extractors", Extractor)
        for name, ex in found.items():
            allowed = _EXTRACT_ARGUMENTS[ex.scope]
            unknown = _required_parameters(ex.extract) - allowed
            if unknown:
                raise self._failure(
                    "imrparse_extractors", name, "Extractor.extract",
                    f"needs {', '.join(sorted(unknown))}, which imrparse does not pass (a {ex.scope} "
                    f"extractor gets {', '.join(sorted(allowed))}, by name)")
        return found

    @functools.cached_property
    def extras_types(self) -> dict[str, type]:
        return {name: ex.type for name, ex in self.extractors.items() if ex.type is not None}

    @functools.cached_property
    def converter(self) -> cattrs.Converter:
        from ..convert import make_converter

        return make_converter(self.extras_types)

    def read_reviewer(self, text: str) -> Reviewer | None:
        """Call ``imrparse_read_reviewer`` (first non-``None`` answer wins; checked)."""
        result: Reviewer | None = self._field_hook("imrparse_read_reviewer", text=text)
        return result

    def read_summary(self, text: str) -> Summary | None:
        """Call ``imrparse_read_summary`` (first non-``None`` answer wins; checked)."""
        result: Summary | None = self._field_hook("imrparse_read_summary", text=text)
        return result

    def read_basis(self, text: str, side: str) -> Basis | None:
        """Call ``imrparse_read_basis`` (first non-``None`` answer wins; checked)."""
        result: Basis | None = self._field_hook("imrparse_read_basis", text=text, side=side)
        return result

    def read_rationale_citations(self, text: str) -> list[Citation] | None:
        """Call ``imrparse_read_rationale_citations`` (first non-``None`` answer wins; checked)."""
        result: list[Citation] | None = self._field_hook("imrparse_read_rationale_citations", text=text)
        return result

    def read_service(self, request: str) -> Service | None:
        """Call ``imrparse_read_service`` (first non-``None`` answer wins; checked).

        >>> get_plugins().read_service("Norco 10/325mg #120").drug
        'Norco'
        """
        result: Service | None = self._field_hook("imrparse_read_service", request=request)
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
        value = self._run("imrparse_extractors", ex.name, "Extractor.extract", ex.extract, **args)
        if value is None:
            return None
        if ex.type is not None:
            if not isinstance(value, ex.type):
                raise self._failure("imrparse_extractors", ex.name, "Extractor.extract",
                                    f"returned {_describe(value)}, not a {ex.type.__name__} (its type)")
            return value
        problem = _not_json(value)
        if problem is not None:
            hint = (f" (an attrs class must be named as Extractor(type={type(value).__name__}))"
                    if attrs.has(type(value)) else "")
            raise self._failure("imrparse_extractors", ex.name, "Extractor.extract",
                                f"returned {problem}, which is not JSON data{hint}")
        return value

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
        except _WRITE_PASS_THROUGH:
            raise
        except Exception as exc:
            raise self._failure("imrparse_formats", fmt.name, "OutputFormat.write",
                                f"failed: {type(exc).__name__}: {exc}") from exc

    # -- layouts and readers, their failures blamed on their plugin ------------------------------

    def _layout(self, layout: Layout | str) -> Layout:
        return layout if isinstance(layout, Layout) else named(self.layouts, layout, "layout",
                                                                UnrecognizedLayout)

    def recognize(self, layout: Layout | str, text: str) -> float:
        """``layout``'s score (0 to 1) for the normalised ``text``. A ``recognize`` with a
        second positional parameter (required, or named ``plugins``) is given this
        registry too. A failure, or a score that is not a number from 0 to 1, is a
        PluginError naming the layout's plugin.

        >>> import imrparse
        >>> from imrparse.testing import SAMPLE_LETTER
        >>> text = imrparse.normalize(SAMPLE_LETTER).text
        >>> get_plugins().recognize("standard", text), get_plugins().recognize("notice-2013", text)
        (1.0, 0.0)
        """
        lay = self._layout(layout)
        args: tuple[Any, ...] = (text, self) if _wants_registry(lay.recognize) else (text,)
        score: object = self._run("imrparse_layouts", lay.name, "Layout.recognize", lay.recognize, *args)
        # (NaN fails both comparisons.)
        if not isinstance(score, numbers.Real) or not 0 <= float(score) <= 1:
            raise self._failure("imrparse_layouts", lay.name, "Layout.recognize",
                                f"returned {_describe(score)}, not a score from 0 to 1")
        return float(score)

    def parse_layout(self, layout: Layout | str, context: ParseContext) -> Determination:
        """Parse ``context``'s letter with ``layout`` (an object or an installed layout's
        name). A failure that is not an ImrParseError, or an answer that is not a
        Determination, is a PluginError naming the layout's plugin."""
        lay = self._layout(layout)
        det: object = self._run("imrparse_layouts", lay.name, "Layout.parse", lay.parse, context)
        if not isinstance(det, Determination):
            raise self._failure("imrparse_layouts", lay.name, "Layout.parse",
                                f"returned {_describe(det)}, not a Determination")
        return det

    def sniff(self, reader: Reader, head: bytes) -> bool:
        """Whether ``reader``'s ``sniff`` claims a file starting with ``head`` (False
        without one); a failure is a PluginError naming the reader's plugin."""
        if reader.sniff is None:
            return False
        return bool(self._run("imrparse_readers", reader.name, "Reader.sniff", reader.sniff, head))

    def read(self, reader: Reader, data: bytes) -> ReadText:
        """``reader``'s text of a file's bytes. An ImrParseError it raises (UnreadableFile
        ...) stays what it is; another failure, or an answer that is not a ``str`` or a
        ReadText, is a PluginError naming the reader's plugin."""
        result: object = self._run("imrparse_readers", reader.name, "Reader.read", reader.read, data)
        if isinstance(result, str):
            return ReadText(result)
        if (isinstance(result, ReadText) and isinstance(result.text, str)
                and all(isinstance(w, Warning) for w in result.warnings)):
            return result
        raise self._failure("imrparse_readers", reader.name, "Reader.read",
                            f"returned {_describe(result)}, not the letter's text (a str, or a "
                            "ReadText of a str and Warnings)")

    def letter_suffixes(self) -> tuple[str, ...]:
        """Every file-name suffix an installed reader claims, lower-cased and sorted
        (``(".pdf", ".text", ".txt")`` with the built-ins alone): the files a folder
        given as input contributes.

        >>> ".pdf" in get_plugins().letter_suffixes()
        True
        """
        return tuple(sorted({s.lower() for r in self.readers.values() for s in r.suffixes}))

    def info(self) -> list[PluginInfo]:
        """What is loaded and from where, for ``imrparse plugins``."""
        dists = {ep.name: (ep.dist.name if ep.dist else None) for ep in installed_entry_points()}
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
    import importlib.metadata

    try:
        return importlib.metadata.distribution("imrparse").metadata["Name"]
    except importlib.metadata.PackageNotFoundError:
        return None


_EXTRACT_ARGUMENTS = {"document": frozenset({"determination", "text"}),
                      "item": frozenset({"item", "determination", "text"})}

R = TypeVar("R")


def _per_callable(compute: Callable[[Callable[..., Any]], R]) -> Callable[[Callable[..., Any]], R]:
    """``compute(func)``, cached per callable (a layout's or extractor's function is
    inspected once, not per letter); an unhashable callable is inspected each time."""
    cached = functools.lru_cache(maxsize=256)(compute)

    def lookup(func: Callable[..., Any]) -> R:
        try:
            return cached(func)
        except TypeError:  # unhashable
            return compute(func)

    return lookup


def _signature(func: Callable[..., Any]) -> inspect.Signature | None:
    try:
        return inspect.signature(func)
    except (TypeError, ValueError):
        return None


@_per_callable
def _argnames(func: Callable[..., Any]) -> frozenset[str] | None:
    """The names ``func`` accepts by keyword, or None when it takes ``**kwargs`` (or
    cannot be inspected): then it gets every argument."""
    sig = _signature(func)
    if sig is None or any(p.kind is p.VAR_KEYWORD for p in sig.parameters.values()):
        return None
    return frozenset(sig.parameters)


def _required_parameters(func: Callable[..., Any]) -> frozenset[str]:
    """The parameters ``func`` cannot do without (no default, not ``*args``/``**kw``)."""
    sig = _signature(func)
    if sig is None:
        return frozenset()
    return frozenset(p.name for p in sig.parameters.values()
                     if p.default is p.empty and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD))


@_per_callable
def _wants_registry(func: Callable[..., Any]) -> bool:
    """Whether a layout's ``recognize`` takes the registry as its second argument: a
    second positional parameter without a default, or named ``plugins`` (a 0.1 layout's
    ``recognize(text, threshold=0.5)`` keeps its default)."""
    sig = _signature(func)
    if sig is None:
        return False
    positional = [p for p in sig.parameters.values() if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    return len(positional) >= 2 and (positional[1].default is positional[1].empty
                                     or positional[1].name == "plugins")


def _describe(value: object) -> str:
    """A short description of a wrong answer, for an error message."""
    text = repr(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return text if isinstance(value, (str, int, float, type(None))) else f"a {type(value).__name__} {text}"


def _not_json(value: object, where: str = "") -> str | None:
    """What in ``value`` is not JSON data (described, with its place), or None."""
    if value is None or isinstance(value, (bool, int, str)):
        return None
    if isinstance(value, float):
        return None if math.isfinite(value) else f"{value!r}{where and ' at ' + where}"
    if isinstance(value, (list, tuple)):
        for i, v in enumerate(value):
            problem = _not_json(v, f"{where}[{i}]")
            if problem is not None:
                return problem
        return None
    if isinstance(value, dict):
        for k, v in value.items():
            if not isinstance(k, str):
                return f"the key {k!r}{where and ' at ' + where}, not a str"
            problem = _not_json(v, f"{where}[{k!r}]")
            if problem is not None:
                return problem
        return None
    return f"a {type(value).__name__}{where and ' at ' + where}"


def _builtin_note(plugin: str) -> str:
    """For a built-in plugin, say that the failure is imrparse's own bug."""
    return " (a built-in plugin: a bug in imrparse, please report it)" if plugin in BUILTIN_PLUGINS else ""


_DEFAULT: Plugins | None = None


def get_plugins() -> Plugins:
    """The process-wide default :class:`Plugins`, built on first use."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Plugins(get_plugin_manager())
    return _DEFAULT
