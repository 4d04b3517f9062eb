"""Tools for testing imrparse plugins (opt-in: import it from your tests).

Everything here builds a *fresh* plugin manager with imrparse's built-ins and the
plugin under test, and unregisters the plugin afterwards, so tests do not depend on
what else is installed and do not leak into each other::

    import my_plugin
    from imrparse.testing import assert_extracts, parse_with, render_with, SAMPLE_LETTER

    def test_word_count():
        assert_extracts(my_plugin, SAMPLE_LETTER, "my_word_count", {"summary": 87})

    def test_my_format():
        out = render_with(my_plugin, "my_format")
        assert out.startswith("source\\t")

A *plugin* argument is whatever ``pluggy`` registers (a module, a class or an
instance with ``@imrparse.hookimpl`` functions), a list of them, ``None`` for the
built-ins alone, or a :class:`~imrparse.plugins.Plugins` you already built (used as
it is). A *letter* argument is the text of a letter, or a path to a file
(``os.PathLike``, or a ``str`` that names an existing file and has no line break);
it defaults to :data:`SAMPLE_LETTER`.

None of this needs pytest, except :func:`plugins_fixture`. The examples below use
this small plugin, which counts the words of each rationale:

>>> import imrparse
>>> from imrparse.plugin.api import Extractor
>>> class RationaleWords:
...     @imrparse.hookimpl
...     def imrparse_extractors(self):
...         return [Extractor(name="rationale_words", scope="item",
...                           extract=lambda item: len(item.rationale.split()))]
"""

from __future__ import annotations

import contextlib
import os
import types
from typing import Any, Callable, Iterable, Iterator, Sequence, Union

from .convert import from_dict, to_dict
from .models import Determination
from .parsing import parse, parse_file
from .plugin.registry import Plugins
from .plugin.manager import get_plugin_manager
from .rendering import render

__all__ = [
    "SAMPLE_LETTER",
    "plugin_manager",
    "plugins_fixture",
    "parse_with",
    "assert_extracts",
    "render_with",
]

#: A short synthetic letter in the "standard" layout: a made-up case (the case number
#: ``CM99-0000001`` is not a real one) with a credentials block, a case summary and two
#: disputed items, one upheld and one overturned, so ``overall_decision`` is
#: ``"partially overturned"``.
SAMPLE_LETTER = """\
Case Number: CM99-0000001
Date Assigned: 01/06/2020    Date of Injury: 06/15/2018
Decision Date: 02/03/2020    UR Denial Date: 12/20/2019
Priority: Standard    Application Received: 12/27/2019

HOW THE IMR FINAL DETERMINATION WAS MADE
MAXIMUS Federal Services sent the complete case file to an expert reviewer. He/she has no
affiliation with the employer, employee, providers or the claims administrator. He/she has been
in active clinical practice for more than five years and is currently working at least 24 hours a
week in active practice.

The Expert Reviewer has the following credentials:
State(s) of Licensure: California, Oregon
Certification(s)/Specialty: Orthopaedic Surgery

CLINICAL CASE SUMMARY
The expert reviewer developed the following clinical case summary based on a review of the
case file, including all medical records:

The injured worker is a 52 year old female who sustained an industrial injury on 06/15/2018
while lifting boxes at a warehouse. The diagnoses include lumbar strain, left knee sprain and
sleep disturbance. Treatment to date has included medications, a home exercise program and
six sessions of physical therapy. On 12/10/2019 she reported low back pain rated 5 out of 10
and left knee pain with stairs. There were no neurological deficits on examination. A
utilization review dated 12/20/2019 non-certified the requests.

IMR ISSUES, DECISIONS AND RATIONALES
The Final Determination was based on decisions for the disputed items/services set forth below:

MRI of the lumbar spine without contrast: Upheld

Claims Administrator guideline: Decision based on MTUS ACOEM Chapter 12 Low Back
Complaints Page(s): 303-304.

MAXIMUS guideline: Decision based on MTUS ACOEM Chapter 12 Low Back Complaints
Page(s): 303-304.

Decision rationale: Guidelines support imaging of the low back when there are red flags or
unequivocal objective findings of nerve compromise. The records describe back pain without
neurological deficits or red flags. Therefore, the MRI of the lumbar spine is not medically
necessary.

Physical therapy 2 times a week for 4 weeks for the left knee: Overturned

Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment
Guidelines Page(s): 98-99.

MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment Guidelines,
Physical Medicine Page(s): 98-99.

Decision rationale: Guidelines allow a course of physical medicine with fading of treatment
frequency. The knee sprain is a new body part that has not had supervised therapy, and the
records show functional deficits with stairs. Therefore, physical therapy for the left knee is
medically necessary.
"""

#: What the plugin arguments of this module accept.
PluginArg = Union[object, Sequence[object], Plugins, None]

#: What the letter arguments of this module accept.
LetterArg = Union[str, "os.PathLike[str]"]


def _as_list(plugin: object) -> list[object]:
    if plugin is None:
        return []
    if isinstance(plugin, (list, tuple)):
        return list(plugin)
    return [plugin]


@contextlib.contextmanager
def plugin_manager(
    *plugins: object,
    builtins: bool = True,
    entry_points: bool = False,
    block: Iterable[str] = (),
) -> Iterator[Plugins]:
    """A fresh :class:`~imrparse.plugins.Plugins` with the built-ins and ``plugins``.

    Each plugin is registered under a readable name (a module's ``__name__``, else its
    class's name) and unregistered when the ``with`` block ends. Installed
    third-party plugins are left out unless ``entry_points=True``; ``builtins=False``
    leaves out imrparse's own plugins too, and ``block`` names plugins not to load.
    Registration is checked with ``check_pending()``, so a misspelled hook name fails
    here:

    >>> with plugin_manager(RationaleWords()) as plugins:
    ...     det = imrparse.parse(SAMPLE_LETTER, plugins=plugins)
    >>> [item.extras["rationale_words"] for item in det.items]
    [41, 44]
    >>> class Misspelled:
    ...     @imrparse.hookimpl
    ...     def imrparse_extractor(self):
    ...         return []
    >>> import pluggy
    >>> try:
    ...     with plugin_manager(Misspelled()):
    ...         pass
    ... except pluggy.PluginValidationError as error:
    ...     print(error)
    unknown hook 'imrparse_extractor' in plugin ...
    """
    pm = get_plugin_manager(entry_points=entry_points, builtins=builtins, block=block)
    registered: list[object] = []
    try:
        for plugin in plugins:
            if pm.is_registered(plugin):  # already loaded from its entry point
                continue
            if pm.register(plugin, name=_plugin_name(plugin)) is None:
                raise ValueError(f"plugin {pm.get_canonical_name(plugin)!r} is blocked")
            registered.append(plugin)
        pm.check_pending()
        yield Plugins(pm)
    finally:
        for plugin in reversed(registered):
            pm.unregister(plugin)


def _plugin_name(plugin: object) -> str:
    """A name errors can show: pluggy's default for instances is their ``id()``."""
    name = getattr(plugin, "__name__", None) or type(plugin).__name__
    return f"{name}-{id(plugin):x}" if not isinstance(plugin, types.ModuleType) and not isinstance(
        plugin, type) else str(name)


@contextlib.contextmanager
def _plugins(plugin: PluginArg) -> Iterator[Plugins]:
    if isinstance(plugin, Plugins):
        yield plugin
        return
    with plugin_manager(*_as_list(plugin)) as plugins:
        yield plugins


def plugins_fixture(*plugins: object, **kwargs: Any) -> Callable[..., Iterator[Plugins]]:
    """A pytest fixture giving :func:`plugin_manager`'s ``Plugins`` to each test::

        from imrparse.testing import plugins_fixture
        import my_plugin

        plugins = plugins_fixture(my_plugin)

        def test_it(plugins):
            det = imrparse.parse(text, plugins=plugins)

    Keyword arguments go to :func:`plugin_manager`.
    """
    import pytest

    @pytest.fixture
    def fixture() -> Iterator[Plugins]:
        with plugin_manager(*plugins, **kwargs) as p:
            yield p

    return fixture


def _is_path(letter: LetterArg) -> bool:
    if isinstance(letter, os.PathLike):
        return True
    return "\n" not in letter and len(letter) < 4096 and os.path.isfile(letter)


def parse_with(plugin: PluginArg, text_or_path: LetterArg = SAMPLE_LETTER, **kwargs: Any) -> Determination:
    """Parse a letter (text or file; :data:`SAMPLE_LETTER` by default) with the
    built-ins and ``plugin``. Keyword arguments go to :func:`imrparse.parse` or
    :func:`imrparse.parse_file` (``strict``, ``layout``, ``source``, ``reader``).

    >>> parse_with(RationaleWords()).items[1].extras
    {'rationale_words': 44}
    >>> parse_with(None, "tests/fixtures/letters/000_0fbd6ac09ab502b6.txt").source
    '000_0fbd6ac09ab502b6.txt'
    """
    with _plugins(plugin) as plugins:
        return _parse(text_or_path, plugins, **kwargs)


def _parse(letter: LetterArg, plugins: Plugins, **kwargs: Any) -> Determination:
    if _is_path(letter):
        return parse_file(letter, plugins=plugins, **kwargs)
    assert isinstance(letter, str)
    return parse(letter, plugins=plugins, **kwargs)


def assert_extracts(
    plugin: PluginArg, letter: LetterArg, name: str, expected: Any, **kwargs: Any
) -> Determination:
    """Assert that the extractor ``name`` stores ``expected`` for ``letter``.

    For a document extractor ``expected`` is the value of ``det.extras[name]``; for an
    item extractor, the list of ``item.extras[name]`` over the letter's items
    (``None`` for an item it stored nothing for). ``expected`` may be the value itself
    or its JSON (what ``to_dict`` writes for it). The value must also survive
    ``to_dict`` then ``from_dict`` (an extractor returning an attrs instance must name
    its ``type``). Returns the parsed Determination for further checks; keyword
    arguments go to :func:`parse_with`.

    >>> det = assert_extracts(RationaleWords(), SAMPLE_LETTER, "rationale_words", [41, 44])
    >>> assert_extracts(RationaleWords(), SAMPLE_LETTER, "rationale_words", [41, 45])
    Traceback (most recent call last):
      ...
    AssertionError: extractor 'rationale_words' (item) stored
      [41, 44]
    expected
      [41, 45]
    """
    __tracebackhide__ = True
    with _plugins(plugin) as plugins:
        extractor = plugins.extractors.get(name)
        if extractor is None:
            raise AssertionError(
                f"no extractor named {name!r}; registered: {', '.join(sorted(plugins.extractors)) or 'none'}")
        det = _parse(letter, plugins, **kwargs)
        conv = plugins.converter
        back = from_dict(to_dict(det, conv), conv)

    def values(d: Determination) -> Any:
        if extractor.scope == "document":
            return d.extras.get(name)
        return [item.extras.get(name) for item in d.items]

    actual = values(det)
    if actual != expected and conv.unstructure(actual) != expected:
        raise AssertionError(
            f"extractor {name!r} ({extractor.scope}) stored\n  {actual!r}\nexpected\n  {expected!r}")
    if values(back) != actual:
        raise AssertionError(
            f"extractor {name!r}: its value does not survive to_dict/from_dict: {actual!r} came "
            f"back as {values(back)!r} (an extractor returning an attrs instance must set type=)")
    return det


def render_with(
    plugin: PluginArg,
    format: str,
    letters: Determination | Iterable[Determination] | LetterArg | None = None,
    **kwargs: Any,
) -> str | bytes:
    """The output of ``format`` (``str``, or ``bytes`` for a binary format) for
    ``letters`` with the built-ins and ``plugin``.

    ``letters`` is a Determination, an iterable of them, or one letter's text or path,
    parsed with ``plugin`` (:data:`SAMPLE_LETTER` by default). A single letter renders
    as one (``json`` prints an object), an iterable as a collection. Keyword arguments
    go to the parser.

    >>> '"rationale_words":41' in render_with(RationaleWords(), "jsonl")
    True
    """
    with _plugins(plugin) as plugins:
        if letters is None:
            letters = SAMPLE_LETTER
        dets: Determination | Iterable[Determination]
        if isinstance(letters, (str, os.PathLike)):
            dets = _parse(letters, plugins, **kwargs)
        else:
            dets = letters
        out = render(dets, format, plugins=plugins)
    assert out is not None
    return out
