"""Readers that misbehave, for the batch tests (registered by the tests, never installed).

``.crash`` files kill the process that reads them, as a crash in C code (pdfium reading a
hostile PDF) would; ``.hang`` files never finish. Their content is binary so that no
other reader claims them by sniffing.
"""

from __future__ import annotations

import os
import signal
import time

from imrparse.plugin.api import Reader, hookimpl

#: What a misbehaving file holds: bytes neither the text nor the PDF reader claims.
CONTENT = b"\x00\x01\x02\x03"


def _crash(data: bytes) -> str:
    os.kill(os.getpid(), signal.SIGKILL)
    raise AssertionError("unreachable")  # pragma: no cover


def _hang(data: bytes) -> str:
    time.sleep(3600)
    raise AssertionError("unreachable")  # pragma: no cover


@hookimpl
def imrparse_readers() -> list[Reader]:
    return [Reader(name="crash", read=_crash, suffixes=(".crash",)),
            Reader(name="hang", read=_hang, suffixes=(".hang",))]


def _flaky(data: bytes) -> str:
    """A ``.flaky`` file holds a marker path on its first line, then a letter: the first
    read creates the marker and dies (as if the system had killed the worker), the next
    one reads the letter."""
    marker, _, letter = data.partition(b"\n")
    if not os.path.exists(marker):
        open(marker, "w").close()
        os.kill(os.getpid(), signal.SIGKILL)
    return letter.decode("utf-8")


@hookimpl(specname="imrparse_readers")
def flaky_reader() -> list[Reader]:
    return [Reader(name="flaky", read=_flaky, suffixes=(".flaky",),
                   sniff=lambda head: head.startswith(b"/"), priority=5)]
