"""Resuming a batch: which letters an earlier output holds, and carrying them over.

``imrparse parse --resume -o FILE`` reads the letters already in ``FILE`` (their
``source``), parses only the inputs that are not there, and writes a new ``FILE`` with
the earlier letters first: the same file, byte for byte, as an uninterrupted run. Each
output format needs a :class:`Resumer`, looked up by format name in :data:`RESUMERS`:

* ``jsonl`` and ``csv``: the earlier file's complete lines (for ``csv``, its complete
  letters: all the rows of each) are copied as they are, and the new letters appended;
* ``json`` and ``parquet``: the earlier letters are read back into
  :class:`~imrparse.models.Determination` objects and written again before the new ones
  (``from_dict(to_dict(d)) == d``, so nothing changes).

A run stopped outright (``kill -9``, a power cut) leaves ``FILE.part``: ``jsonl``,
``csv`` and ``json`` recover the complete letters in it (:meth:`Resumer.seal`);
``parquet`` cannot (its footer is written last), and resumes from ``FILE``.

A plugin's output format can be resumed when it can read its files back: register
``RESUMERS["myformat"] = ReadBack(read)`` where ``read(path)`` yields the
Determinations in the file, in order.
"""

from __future__ import annotations

import csv
import json
import os
from collections import Counter
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Callable, Iterable, Iterator, Sequence

import attrs

from .errors import ResumeError, UnsupportedInput
from .models import Determination
from .output import part_path

if TYPE_CHECKING:
    import cattrs

__all__ = ["Scan", "Carry", "Resumer", "ReadBack", "RESUMERS", "resumer", "Previous", "previous",
           "remaining", "SkipFirstLine"]


@attrs.frozen
class Scan:
    """The letters found in an output file."""

    #: Each complete letter's ``source``, in file order.
    sources: tuple[str, ...]
    #: How many bytes of the file hold them (what a recovered file keeps).
    end: int


@attrs.frozen
class Carry:
    """How the letters of an earlier output get into the resumed one."""

    #: Bytes copied as they are to the start of the new file.
    prefix: int = 0
    #: Letters written again, before the new ones.
    letters: Iterable[Determination] = ()
    #: Drop the first line the format writes (its header: the prefix has it).
    skip_header: bool = False


class Resumer:
    """How one output format is resumed (see the module's docstring)."""

    def scan(self, path: Path, *, complete: bool, converter: cattrs.Converter | None = None) -> Scan:
        """The letters in ``path``; ``complete`` is false for a ``.part`` file left by a
        run that was stopped outright, whose end may be cut anywhere."""
        raise NotImplementedError

    def carry(self, path: Path, scan: Scan, converter: cattrs.Converter) -> Carry:
        raise NotImplementedError

    def seal(self, path: Path, scan: Scan) -> bool:
        """Make a cut ``.part`` file a valid one holding ``scan``'s letters; False when
        this format cannot."""
        return False


def _truncate(path: Path, end: int, tail: bytes = b"") -> None:
    with open(path, "r+b") as f:
        f.truncate(end)
        f.seek(end)
        f.write(tail)


class JsonLines(Resumer):
    """JSON Lines: one letter per line, each with its ``source``."""

    def scan(self, path: Path, *, complete: bool, converter: cattrs.Converter | None = None) -> Scan:
        sources: list[str] = []
        end = 0
        with open(path, "rb") as f:
            for number, line in enumerate(f, 1):
                if not line.endswith(b"\n"):
                    break  # cut short: the letter is parsed again
                try:
                    source = json.loads(line)["source"]
                except (ValueError, TypeError, KeyError):
                    raise ResumeError(f"{path}: line {number} is not a letter in JSON",
                                      expected="a JSON Lines file written by imrparse") from None
                sources.append(source)
                end += len(line)
        return Scan(tuple(sources), end)

    def carry(self, path: Path, scan: Scan, converter: cattrs.Converter) -> Carry:
        return Carry(prefix=scan.end)

    def seal(self, path: Path, scan: Scan) -> bool:
        _truncate(path, scan.end)
        return True


class Csv(Resumer):
    """CSV: a header, then one row per item; a letter's rows start at ``item.index`` 1
    (or empty, for a letter without items)."""

    def scan(self, path: Path, *, complete: bool, converter: cattrs.Converter | None = None) -> Scan:
        from .builtin.formats.csv import columns

        consumed = 0
        whole_line = True  # the last line read ends with a line break

        def lines(f: IO[str]) -> Iterator[str]:
            nonlocal consumed, whole_line
            for line in f:
                consumed += len(line.encode("utf-8"))
                whole_line = line.endswith("\n")
                yield line

        sources: list[str] = []
        end = 0
        with open(path, encoding="utf-8", newline="") as f:
            feed = lines(f)
            reader = csv.reader(feed)
            try:
                header = next(reader)
            except (StopIteration, csv.Error):
                return Scan((), 0)
            if header != columns():
                raise ResumeError(f"{path}: its columns are not this version's",
                                  expected="a CSV file written by this version of imrparse")
            source_at, index_at = header.index("source"), header.index("item.index")
            end = letter_end = consumed
            current: str | None = None
            while True:
                try:
                    row = next(reader)
                except StopIteration:
                    break
                except csv.Error:
                    break  # cut inside a quoted cell
                if len(row) != len(header) or not whole_line:
                    break  # the last row was cut
                if row[index_at] in ("", "1"):  # a new letter starts: the previous one is whole
                    if current is not None:
                        sources.append(current)
                        end = letter_end
                    current = row[source_at]
                letter_end = consumed
            # The last letter is whole in a closed file; in a cut one, rows may be missing.
            if current is not None and complete:
                sources.append(current)
                end = letter_end
        return Scan(tuple(sources), end)

    def carry(self, path: Path, scan: Scan, converter: cattrs.Converter) -> Carry:
        return Carry(prefix=scan.end, skip_header=scan.end > 0)

    def seal(self, path: Path, scan: Scan) -> bool:
        _truncate(path, scan.end)
        return True


class Json(Resumer):
    """JSON: an array of indented objects, each opening with a line ``{`` and closing
    with a line ``}`` (nested ones are indented)."""

    def _objects(self, path: Path) -> Iterator[tuple[dict[str, Any], int]]:
        """Each complete letter object and the byte offset just after its ``}``."""
        with open(path, encoding="utf-8", newline="") as f:
            first = f.readline()
            offset = len(first.encode("utf-8"))
            if first.strip() == "[]":
                return
            if first.strip() != "[":
                raise ResumeError(f"{path}: not a JSON array of letters",
                                  expected="a JSON file of several letters written by imrparse")
            lines: list[str] | None = None
            start = offset
            for line in f:
                size = len(line.encode("utf-8"))
                bare = line.rstrip("\r\n")
                if lines is None:
                    if bare == "{":
                        lines, start = [line], offset
                    elif bare not in ("]", ""):
                        raise ResumeError(f"{path}: unexpected line {bare[:40]!r}",
                                          expected="a JSON file written by imrparse")
                else:
                    lines.append(line)
                    if bare in ("}", "},"):
                        text = "".join(lines).rstrip().rstrip(",")
                        yield json.loads(text), start + len(text.encode("utf-8"))
                        lines = None
                offset += size

    def scan(self, path: Path, *, complete: bool, converter: cattrs.Converter | None = None) -> Scan:
        sources: list[str] = []
        end = 2  # "[\n" of an empty array
        for obj, after in self._objects(path):
            sources.append(obj["source"])
            end = after
        return Scan(tuple(sources), end)

    def carry(self, path: Path, scan: Scan, converter: cattrs.Converter) -> Carry:
        from .convert import from_dict

        return Carry(letters=(from_dict(obj, converter) for obj, _ in self._objects(path)))

    def seal(self, path: Path, scan: Scan) -> bool:
        # How the json format closes its array: "\n]\n" after a letter, "]\n" after none.
        if scan.sources:
            _truncate(path, scan.end, b"\n]\n")
        else:
            _truncate(path, 1, b"]\n")
        return True


class ReadBack(Resumer):
    """A format whose files can be read back into Determinations: ``read(path)``
    yields them in order. The earlier letters are written again before the new ones."""

    def __init__(self, read: Callable[[Path, cattrs.Converter | None], Iterable[Determination]]) -> None:
        self.read = read

    def scan(self, path: Path, *, complete: bool, converter: cattrs.Converter | None = None) -> Scan:
        if not complete:
            raise ResumeError(f"{path} was cut short and this format cannot be recovered")
        return Scan(tuple(det.source or "" for det in self.read(path, converter)), os.path.getsize(path))

    def carry(self, path: Path, scan: Scan, converter: cattrs.Converter) -> Carry:
        return Carry(letters=self.read(path, converter))


def _read_parquet(path: Path, converter: cattrs.Converter | None) -> Iterator[Determination]:
    """The letters of a Parquet file, a row group at a time (memory stays flat)."""
    from .builtin.formats.parquet import ROW_GROUP, _pyarrow, from_record
    from .convert import from_dict

    _pyarrow()
    import pyarrow.parquet as pq

    for batch in pq.ParquetFile(path).iter_batches(batch_size=ROW_GROUP):
        for row in batch.to_pylist():
            yield from_dict(from_record(row), converter)


class Parquet(ReadBack):
    def __init__(self) -> None:
        super().__init__(_read_parquet)

    def scan(self, path: Path, *, complete: bool, converter: cattrs.Converter | None = None) -> Scan:
        from .builtin.formats.parquet import _pyarrow

        _pyarrow()
        import pyarrow.parquet as pq

        try:
            table = pq.ParquetFile(path).read(columns=["source"])
        except Exception as exc:
            raise ResumeError(f"{path}: not a readable Parquet file ({exc})",
                              expected="a Parquet file written by imrparse") from None
        return Scan(tuple(table.column("source").to_pylist()), os.path.getsize(path))


#: The resumable output formats, by name.
RESUMERS: dict[str, Resumer] = {"jsonl": JsonLines(), "csv": Csv(), "json": Json(), "parquet": Parquet()}


def resumer(format_name: str) -> Resumer:
    try:
        return RESUMERS[format_name]
    except KeyError:
        raise UnsupportedInput(f"--resume cannot read back the {format_name} format",
                               expected="one of the formats " + ", ".join(sorted(RESUMERS))) from None


@attrs.frozen
class Previous:
    """What an earlier run left in an output: its letters and how to carry them."""

    target: Path
    scan: Scan
    carry: Carry
    #: What was found, for the user (a recovered ``.part`` file, nothing to resume).
    notes: tuple[str, ...] = ()


def previous(format_name: str, target: str | os.PathLike[str], converter: cattrs.Converter) -> Previous:
    """Read what an earlier run wrote to ``target`` in ``format_name``, recovering the
    ``.part`` file a run stopped outright left (it is newer than ``target``)."""
    r = resumer(format_name)
    path = Path(target)
    part = part_path(path)
    notes: list[str] = []
    if part.is_file() and part.stat().st_size > 0:
        try:
            cut = r.scan(part, complete=False, converter=converter)
            sealed = r.seal(part, cut)
        except ResumeError:
            sealed = False
        if sealed:
            os.replace(part, path)
            notes.append(f"recovered {len(cut.sources):,} letter{'' if len(cut.sources) == 1 else 's'} from {part.name}, "
                         "left by a run that was stopped outright")
        else:
            notes.append(f"{part.name}, left by a run that was stopped outright, cannot be "
                         f"recovered in the {format_name} format: resuming from {path.name}")
    if not path.is_file():
        notes.append(f"nothing to resume in {path}: parsing every letter")
        return Previous(path, Scan((), 0), Carry(), tuple(notes))
    scan = r.scan(path, complete=True, converter=converter)
    return Previous(path, scan, r.carry(path, scan, converter), tuple(notes))


def remaining(inputs: Sequence[Path], done: Sequence[str], failed: Iterable[str] = ()) -> tuple[list[Path], int]:
    """The inputs still to parse, in order, and how many of ``done`` matched none.

    A letter is known by its file name (the ``source`` of the output); a name that
    several inputs share is done as many times as the output holds it. ``failed`` are
    the paths an errors file already lists: not parsed again.
    """
    counts = Counter(done)
    failed = set(failed)
    todo: list[Path] = []
    for path in inputs:
        if str(path) in failed:
            continue
        if counts[path.name] > 0:
            counts[path.name] -= 1
            continue
        todo.append(path)
    return todo, sum(counts.values())


class SkipFirstLine:
    """A text stream that drops what is written up to the first line end: the header a
    format writes again when appending to a file that has one."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.skipping = True

    def write(self, text: str) -> int:
        if self.skipping:
            at = text.find("\n")
            if at < 0:
                return len(text)
            self.skipping = False
            text = text[at + 1:]
        return self.stream.write(text)

    def flush(self) -> None:
        self.stream.flush()
