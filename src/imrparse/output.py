"""Output files that are whole or absent: written beside the target, renamed at the end.

An :class:`AtomicOutput` writes ``NAME.part`` in the target's folder and renames it to
``NAME`` when :meth:`~AtomicOutput.commit` is called, so a reader of ``NAME`` never sees
half a file and an earlier ``NAME`` survives until the new one is complete. A run that
is killed outright leaves the ``.part`` file behind; ``imrparse parse --resume`` picks
it up (:mod:`imrparse.resume`). Whether a path can be written is found out before any
letter is parsed (:func:`check_target`), and said in one line.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import IO, Any

from .errors import UnwritableOutput

__all__ = ["PART_SUFFIX", "AtomicOutput", "check_target", "part_path"]

#: What a file being written is called until it is complete: ``letters.jsonl.part``.
PART_SUFFIX = ".part"


def part_path(target: str | os.PathLike[str]) -> Path:
    """Where ``target`` is written until it is complete."""
    path = Path(target)
    return path.with_name(path.name + PART_SUFFIX)


def _special(path: Path) -> bool:
    """An existing file that is not a regular file (``/dev/null``, a named pipe):
    written in place, since it cannot be replaced by a rename."""
    try:
        return not stat.S_ISREG(path.stat().st_mode) and not path.is_dir()
    except OSError:
        return False


def check_target(target: str | os.PathLike[str], option: str = "-o") -> None:
    """Raise :class:`~imrparse.errors.UnwritableOutput` unless ``target`` can be written:
    not a folder, in a folder that exists and takes new files."""
    path = Path(target)
    where = f"{option} {os.fspath(target)}"
    if path.is_dir():
        raise UnwritableOutput(f"{where}: is a folder", expected=f"a file name, e.g. {path / 'letters.jsonl'}")
    if _special(path):
        return
    folder = path.parent
    if not folder.exists():
        raise UnwritableOutput(f"{where}: the folder {folder} does not exist", expected="an existing folder")
    if not folder.is_dir():
        raise UnwritableOutput(f"{where}: {folder} is not a folder", expected="an existing folder")
    probe = part_path(path)
    existed = probe.exists()
    try:
        with open(probe, "ab"):
            pass
    except OSError as exc:
        raise UnwritableOutput(f"{where}: cannot write in {folder}: {exc.strerror or exc}",
                               expected="a folder you may write in") from None
    if not existed:
        probe.unlink()


class AtomicOutput:
    """A file written as ``NAME.part`` and renamed to ``NAME`` by :meth:`commit`.

    ``open()`` gives the stream (text in UTF-8 with no newline translation, or binary);
    ``path_for_writer`` is the path to hand a format that writes its own file.
    :meth:`prefill` copies the first bytes of an earlier output into the new file
    (for resuming). :meth:`discard` removes the partial file.
    """

    def __init__(self, target: str | os.PathLike[str], *, binary: bool = False) -> None:
        self.target = Path(target)
        self.binary = binary
        self.direct = _special(self.target)
        self.path_for_writer = self.target if self.direct else part_path(self.target)
        self.stream: IO[Any] | None = None
        self._prefilled = False

    def prefill(self, source: Path, length: int) -> None:
        """Start the file with the first ``length`` bytes of ``source``."""
        with open(source, "rb") as src, open(self.path_for_writer, "wb") as dst:
            remaining = length
            while remaining > 0:
                block = src.read(min(remaining, 1 << 20))
                if not block:
                    break
                dst.write(block)
                remaining -= len(block)
        self._prefilled = True

    def open(self) -> IO[Any]:
        mode = "ab" if self._prefilled else "wb"
        try:
            if self.binary:
                self.stream = open(self.path_for_writer, mode)
            else:
                self.stream = open(self.path_for_writer, mode.replace("b", ""), encoding="utf-8", newline="")
        except OSError as exc:
            raise UnwritableOutput(f"cannot write {self.target}: {exc.strerror or exc}") from None
        return self.stream

    def close(self) -> None:
        if self.stream is not None and not self.stream.closed:
            self.stream.flush()
            if not self.direct:
                os.fsync(self.stream.fileno())
            self.stream.close()

    def commit(self) -> None:
        """Close the file and move it into place."""
        self.close()
        if not self.direct:
            os.replace(self.path_for_writer, self.target)

    def discard(self) -> None:
        """Close and remove the partial file (the target is left as it was)."""
        self.close()
        if not self.direct:
            try:
                os.unlink(self.path_for_writer)
            except FileNotFoundError:
                pass

