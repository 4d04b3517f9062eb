"""Every error imrparse raises on bad input derives from :class:`ImrParseError`.

Each error says what was expected and where: ``line`` and ``column`` (1-based) and
``context`` (the offending line with a caret under the column) refer to the text that
was parsed, so a user can find the place without reading a traceback.

The tree::

    ImrParseError
    ├── EmptyInput, NotALetter, UnrecognizedLayout     not a letter imrparse can read
    ├── MissingSection, MalformedItem, InvalidValue    a damaged letter (strict mode)
    ├── UnreadableFile                                 the file, before any parsing
    │   ├── UnreadablePDF
    │   │   └── EncryptedPDF
    │   └── UnsupportedInput
    ├── PluginError                                    a plugin failed
    └── InternalError                                  imrparse failed (a bug)
"""

from __future__ import annotations

__all__ = [
    "ImrParseError",
    "EmptyInput",
    "NotALetter",
    "UnrecognizedLayout",
    "MissingSection",
    "MalformedItem",
    "InvalidValue",
    "UnreadableFile",
    "UnreadablePDF",
    "EncryptedPDF",
    "UnsupportedInput",
    "PluginError",
    "InternalError",
    "WorkerCrashed",
    "TimedOut",
    "UnwritableOutput",
    "ResumeError",
    "location",
]


def location(text: str, pos: int) -> tuple[int, int, str]:
    """1-based line and column of ``pos`` in ``text``, and that line with a caret under it.

    >>> location("Date Assigned: 13/45/2016\\nPriority: Standard", 15)
    (1, 16, 'Date Assigned: 13/45/2016\\n               ^')
    """
    pos = max(0, min(pos, len(text)))
    line = text.count("\n", 0, pos) + 1
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    if line_end == -1:
        line_end = len(text)
    column = pos - line_start + 1
    shown = text[line_start:line_end]
    # Keep the excerpt short: 60 characters either side of the column.
    left = max(0, column - 1 - 60)
    excerpt = shown[left : column - 1 + 60].replace("\t", " ").replace("\r", " ")
    caret = " " * (column - 1 - left) + "^"
    return line, column, f"{excerpt}\n{caret}"


class ImrParseError(Exception):
    """Root of every error imrparse raises about its input.

    ``expected`` says what the parser was looking for, ``source`` names the letter (a
    file name, when known), ``pos`` is the character offset in the parsed text; given
    the ``text``, the error also knows ``line``, ``column`` and ``context`` (the line,
    with a caret under the column), and its message shows them:

    >>> import imrparse
    >>> from imrparse.testing import SAMPLE_LETTER
    >>> damaged = SAMPLE_LETTER.replace("Decision rationale: Guidelines support", "Guidelines support")
    >>> try:
    ...     imrparse.parse(damaged, source="sample.txt")
    ... except imrparse.ImrParseError as error:
    ...     print(type(error).__name__, error.line, error.column, repr(error.expected))
    ...     print(error)
    MalformedItem 41 11 'a "Decision rationale:" line'
    sample.txt:41:11: item 'MRI of the lumbar spine without contrast' has no rationale (expected a "Decision rationale:" line)
    necessary.
              ^
    """

    def __init__(
        self,
        message: str,
        *,
        expected: str | None = None,
        source: str | None = None,
        text: str | None = None,
        pos: int | None = None,
    ) -> None:
        self.message = message
        self.expected = expected
        self.source = source
        self.pos = pos
        self._line: int | None = None
        self._column: int | None = None
        self._context: str | None = None
        # The place is worked out when first asked for: lenient mode turns most errors
        # into warnings that never show it, and counting the lines before every one of
        # thousands of errors in a long input costs quadratic time.
        self._unlocated: str | None = text if pos is not None else None
        super().__init__(message)

    def _locate(self) -> None:
        text, self._unlocated = self._unlocated, None
        if text is not None and self.pos is not None:
            self._line, self._column, self._context = location(text, self.pos)

    @property
    def line(self) -> int | None:
        """1-based line of ``pos`` in the parsed text (None when unknown)."""
        self._locate()
        return self._line

    @line.setter
    def line(self, value: int | None) -> None:
        self._locate()
        self._line = value

    @property
    def column(self) -> int | None:
        """1-based column of ``pos`` in its line (None when unknown)."""
        self._locate()
        return self._column

    @column.setter
    def column(self, value: int | None) -> None:
        self._locate()
        self._column = value

    @property
    def context(self) -> str | None:
        """The line of ``pos`` (at most 60 characters either side) with a caret under it."""
        self._locate()
        return self._context

    @context.setter
    def context(self, value: str | None) -> None:
        self._locate()
        self._context = value

    def __reduce__(self) -> tuple[object, ...]:
        # Errors cross process boundaries in batch runs: keep every attribute (the place
        # worked out, not the whole text).
        self._locate()
        return (_rebuild, (type(self), self.message, self.__dict__.copy()))

    def with_source(self, source: str | None) -> ImrParseError:
        """This error, naming the letter it came from (unless it names one already)."""
        if source and not self.source:
            self.source = source
        return self

    def __str__(self) -> str:
        where = ""
        if self.source:
            where = self.source
        if self.line is not None:
            where += f"{':' if where else 'line '}{self.line}:{self.column}"
        text = f"{where}: {self.message}" if where else self.message
        if self.expected:
            text += f" (expected {self.expected})"
        if self.context:
            text += "\n" + self.context
        return text


def _rebuild(cls: type[ImrParseError], message: str, state: dict[str, object]) -> ImrParseError:
    error = cls.__new__(cls)
    Exception.__init__(error, message)
    error.__dict__.update(state)
    return error


class EmptyInput(ImrParseError):
    """The input holds no text at all (or only white space)."""


class NotALetter(ImrParseError):
    """The input is text, but nothing in it looks like an IMR determination letter."""


class UnrecognizedLayout(ImrParseError):
    """It looks like an IMR letter, but no installed layout recognises its structure."""


class MissingSection(ImrParseError):
    """A section the layout requires (a heading, the items, a labelled line) is absent."""


class MalformedItem(ImrParseError):
    """A disputed item is present but lacks one of its parts."""


class InvalidValue(ImrParseError):
    """A field is present but its value is impossible (a 13th month, an injury after the decision)."""


class UnreadableFile(ImrParseError):
    """The file could not be read or decoded."""


class UnreadablePDF(UnreadableFile):
    """The file is not a PDF, or a damaged or truncated one."""


class EncryptedPDF(UnreadablePDF):
    """The PDF is protected by a real password (published letters use an empty one)."""


class UnsupportedInput(UnreadableFile):
    """No installed reader handles this kind of file."""


class PluginError(ImrParseError):
    """A plugin failed: it raised, or returned what its hook does not allow.

    ``plugin`` names the plugin (its entry-point name, or its name among the built-ins),
    ``hook`` the hook it implements or registered its object through (a layout's
    failure is ``"imrparse_layouts"``), and ``call`` the registered callable that
    failed (``"Layout.parse"``, ``"Reader.read"``, ``"Extractor.extract"`` ...), or
    ``None`` when the hook function itself did. The original exception, if any, is
    the ``__cause__``.
    """

    def __init__(self, message: str, *, plugin: str, hook: str, source: str | None = None,
                 call: str | None = None) -> None:
        super().__init__(message, source=source)
        self.plugin = plugin
        self.hook = hook
        self.call = call


class InternalError(ImrParseError):
    """imrparse itself failed on this letter (a bug: please report it with the letter)."""


class WorkerCrashed(ImrParseError):
    """The worker process reading this letter died (killed in C code, e.g. by a damaged
    PDF, or by the system); the batch goes on without it."""


class TimedOut(ImrParseError):
    """Reading and parsing this letter took longer than the batch's time limit."""


class UnwritableOutput(ImrParseError):
    """An output path cannot be written: a folder, a missing folder, no permission."""


class ResumeError(ImrParseError):
    """The output file to resume is not one this format (or this version) wrote."""
