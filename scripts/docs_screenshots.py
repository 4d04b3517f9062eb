"""Make the screenshots in docs/ (the letter view and the stats report) in headless Chromium.

    python scripts/docs_screenshots.py        # writes docs/images/*.png

The letter view shows a seed letter of tests/fixtures; the report is made from synthetic
letters (tests/letters.py: made-up content in the real shape, with dates, requests and
decisions drawn from a fixed seed), never from the real letters of ../shared. Needs
Chromium (apt-get install -y chromium) and the test extra (Playwright, matplotlib).
"""

from __future__ import annotations

import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import imrparse  # noqa: E402
from imrparse import cli  # noqa: E402
from tests.browser import FLAGS, CHROMIUM  # noqa: E402
from tests.letters import HEADER, ItemSpec, LetterSpec, make_letter  # noqa: E402

IMAGES = ROOT / "docs" / "images"

# (request, chance of being overturned): invented requests of the usual kinds.
REQUESTS = [
    ("MRI of the lumbar spine without contrast", 0.10), ("X-ray of the right knee", 0.12),
    ("Norco 10/325mg #120", 0.08), ("Lidoderm 5% patch #30", 0.05), ("Cyclobenzaprine 7.5mg #60", 0.06),
    ("Physical therapy 2 times a week for 6 weeks for the neck", 0.15),
    ("Chiropractic treatment 6 sessions", 0.10), ("Acupuncture 6 sessions", 0.12),
    ("TENS unit purchase", 0.04), ("Lumbar epidural steroid injection L4-5", 0.09),
    ("Right shoulder arthroscopy", 0.14), ("Follow-up visit with orthopedic surgeon", 0.30),
    ("EMG/NCV of the bilateral upper extremities", 0.11), ("Functional restoration program", 0.20),
    ("Home health aide 4 hours a day", 0.18), ("Cognitive behavioral therapy 6 sessions", 0.25),
]


def synthetic_letters(folder: Path, count: int = 160, seed: int = 2016) -> None:
    rng = random.Random(seed)
    for n in range(count):
        year, month = rng.choice([2015, 2016]), rng.randint(1, 12)
        day = rng.randint(1, 28)
        received = f"{max(1, month - 1):02d}/{day:02d}/{year}"
        header = (HEADER.replace("CM16-0000001", f"CM{year % 100}-{n:07d}")
                  .replace("12/09/2016", f"{month:02d}/{day:02d}/{year}")
                  .replace("11/09/2016", received).replace("11/03/2016", received)
                  .replace("10/13/2016", f"01/{day:02d}/{year - 2}"))
        items = []
        for request, chance in rng.sample(REQUESTS, k=rng.choice([1, 1, 1, 2, 2, 3])):
            overturned = rng.random() < chance
            items.append(ItemSpec(request=request, decision="Overturned" if overturned else "Upheld"))
        text = make_letter(LetterSpec(items=items))
        (folder / f"synthetic_{n:03d}.txt").write_text(text.replace(HEADER, header, 1), encoding="utf-8")


def screenshot(page_file: Path, out: Path, *, height: int, hover: str | None = None) -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as profile, sync_playwright() as p:
        browser = p.chromium.launch_persistent_context(profile, executable_path=CHROMIUM, args=FLAGS,
                                                       viewport={"width": 1300, "height": height})
        page = browser.new_page()
        page.goto(page_file.resolve().as_uri())
        if hover:
            target = page.locator(hover).first
            target.scroll_into_view_if_needed()
            target.hover()
        page.screenshot(path=str(out))
        browser.close()


def main() -> None:
    IMAGES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        view = work / "view.html"
        seed = ROOT / "tests" / "fixtures" / "letters" / "002_cbf28cedfb10dc80.txt"
        assert cli.main(["parse", str(seed), "-f", "html", "-o", str(view)]) == 0
        screenshot(view, IMAGES / "letter-view.png", height=900,
                   hover='pre mark[data-key="items.0.service.sessions"]')
        letters = work / "letters"
        letters.mkdir()
        synthetic_letters(letters)
        report = work / "report.html"
        assert cli.main(["stats", str(letters), "-t", "dwc-overturn-by-category",
                         "-t", "cwci-letters-by-quarter", "--html", str(report), "-q"]) == 0
        screenshot(report, IMAGES / "stats-report.png", height=1500)
    print("wrote", *sorted(p.name for p in IMAGES.glob("*.png")))


if __name__ == "__main__":
    imrparse.__version__  # the package this script documents
    main()
