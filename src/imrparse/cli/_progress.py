"""What a batch says on standard error: a progress bar on a terminal, the end line always.

rich is imported only when standard error is a terminal and a bar is wanted: the
command's start-up time is measured (parsing one letter must cost little more than
importing the parser), and a bar is useless in a log file.
"""

from __future__ import annotations

import sys
import time
from typing import Any, TextIO

import attrs

__all__ = ["Tally", "Reporter", "reporter", "duration", "count"]


@attrs.define
class Tally:
    """Counts of a run, for the end line."""

    letters: int = 0
    parsed: int = 0
    warned: int = 0
    failed: int = 0
    items: int = 0
    started: float = attrs.Factory(time.monotonic)

    def line(self) -> str:
        """``194 letters: 191 parsed (12 with warnings), 3 failed; 439 items; 2.3 s``"""
        return (f"{count(self.letters, 'letter')}: {self.parsed:,} parsed ({self.warned:,} with warnings), "
                f"{self.failed:,} failed; {count(self.items, 'item')}; "
                f"{duration(time.monotonic() - self.started)}")


def count(n: int, noun: str) -> str:
    """``1 letter``, ``1,204 letters``."""
    return f"{n:,} {noun}" + ("" if n == 1 else "s")


def duration(seconds: float) -> str:
    if seconds < 60:
        return f"{seconds:.1f} s"
    minutes, secs = divmod(int(round(seconds)), 60)
    if minutes < 60:
        return f"{minutes} min {secs:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


class Reporter:
    """Messages on standard error, no bar (off a terminal, or with ``-q`` nothing)."""

    def __init__(self, stream: TextIO, quiet: bool) -> None:
        self.stream = stream
        self.quiet = quiet

    def start(self, total: int) -> None:
        pass

    def advance(self) -> None:
        pass

    def say(self, text: str) -> None:
        if not self.quiet:
            print(text, file=self.stream, flush=True)

    def stop(self) -> None:
        pass


class _Bar(Reporter):
    """A rich progress bar with letters/s and the time left; messages print above it."""

    def start(self, total: int) -> None:
        from rich.console import Console
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task,
                                   TextColumn, TimeElapsedColumn, TimeRemainingColumn)
        from rich.text import Text

        class Rate(ProgressColumn):
            def render(self, task: Task) -> Text:
                speed = task.finished_speed or task.speed
                return Text(f"{speed:,.0f} letters/s" if speed else "", style="progress.data.speed")

        self.progress: Any = Progress(
            TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
            Rate(), TimeElapsedColumn(), TextColumn("eta"), TimeRemainingColumn(),
            console=Console(file=self.stream), transient=True, refresh_per_second=4)
        self.task = self.progress.add_task("parsing", total=total)
        self.progress.start()

    def advance(self) -> None:
        self.progress.advance(self.task)

    def say(self, text: str) -> None:
        self.progress.console.print(text, markup=False, highlight=False, soft_wrap=True)

    def stop(self) -> None:
        self.progress.stop()


def reporter(quiet: bool, stream: TextIO | None = None) -> Reporter:
    """A bar when ``stream`` (standard error) is a terminal and not ``quiet``."""
    stream = stream or sys.stderr
    if not quiet and stream.isatty():
        return _Bar(stream, quiet)
    return Reporter(stream, quiet)
