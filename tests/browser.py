"""Headless Chromium for the tests of the HTML pages (the letter view, the stats report).

Chromium comes from Debian's packages (``apt-get install -y chromium``, which ``.ci/run``
does) and is driven by Playwright with ``executable_path`` (never ``playwright install``:
no browser is downloaded). :func:`open_page` loads a local file with every request
recorded, so a test can check that the page loaded nothing from anywhere else.
Where Chromium or Playwright is missing the tests are skipped, saying which.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any, Iterator

import pytest

#: Where Debian installs Chromium (``IMRPARSE_CHROMIUM`` overrides it).
CHROMIUM = os.environ.get("IMRPARSE_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"

#: Flags that work in containers and on CI machines without a display or a network.
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _why_not() -> str | None:
    if not Path(CHROMIUM).is_file():
        return f"Chromium is not installed at {CHROMIUM} (apt-get install -y chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright is not installed (pip install -e '.[test]')"
    return None


#: Marks a test that needs the browser: skipped, with the reason, where it cannot run.
needs_browser = pytest.mark.skipif(_why_not() is not None, reason=_why_not() or "")


@contextlib.contextmanager
def open_page(path: Path, *, width: int = 1300, height: int = 900) -> Iterator[tuple[Any, list[str], list[str]]]:
    """``(page, requests, console_errors)`` for the local file ``path`` in headless Chromium."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="imrparse-chromium-") as profile, sync_playwright() as p:
        browser = p.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, args=FLAGS, headless=True,
            viewport={"width": width, "height": height})
        try:
            page = browser.new_page()
            requests: list[str] = []
            errors: list[str] = []
            page.on("request", lambda r: requests.append(r.url))
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(path.resolve().as_uri())
            page.wait_for_load_state("load")
            yield page, requests, errors
        finally:
            browser.close()
