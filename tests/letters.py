"""Synthetic letters for grammar and pipeline tests: made-up content in the real shape."""

from __future__ import annotations

from dataclasses import dataclass, field

HEADER = """Case Number: CM16-0000001
Date Assigned: 11/09/2016 Date of Injury:  10/13/2016
Decision Date: 12/09/2016 UR Denial Date:  11/03/2016
Priority:  Standard Application
Received:
11/03/2016
"""

HOW = """HOW THE IMR FINAL DETERMINATION WAS MADE
MAXIMUS Federal Services sent the complete case file to an expert reviewer. He/she has no
affiliation with the employer, employee, providers or the claims administrator. {board}He/she has been
in active clinical practice for more than five years and is currently working at least 24 hours a
week in active practice. He/she is familiar with governing laws and regulations.
"""

BOARD = ("The expert reviewer is Board Certified in Orthopaedic Surgery and is licensed to "
         "practice in California. ")

CREDENTIALS = """The Expert Reviewer has the following credentials:
State(s) of Licensure: California, Nevada
Certification(s)/Specialty: Preventive Medicine, Occupational
Medicine
"""

SUMMARY = """CLINICAL CASE SUMMARY
The expert reviewer developed the following clinical case summary based on a review of the
case file, including all medical records:
The injured worker is a 41 year old female who sustained an industrial injury on 3-2-15. The
diagnoses include lumbar strain and right knee sprain. Treatment to date has included
physical therapy and medications. The Utilization Review dated 11-3-16 denied the request.
"""

ISSUES = """IMR ISSUES, DECISIONS AND RATIONALES
The Final Determination was based on decisions for the disputed items/services set forth below:
"""


@dataclass
class ItemSpec:
    request: str = "MRI of the right knee"
    decision: str = "Upheld"
    decision_on_next_line: bool = False
    preamble: str = ""  # text before the request, e.g. a partial authorization
    ca: str | None = "Decision based on MTUS Knee Complaints 2004."
    reviewer: str | None = "Decision based on MTUS Knee Complaints 2004, Section(s): Special Studies."
    rationale: str | None = ("The guidelines support imaging when red flags are present. None are "
                             "documented here. The request is not medically necessary.")
    page_break_in_rationale: bool = False


@dataclass
class LetterSpec:
    header: bool = True
    reviewer_style: str = "credentials"  # or "board"
    items: list[ItemSpec] = field(default_factory=lambda: [ItemSpec()])
    furniture: str = ""  # inserted at page breaks


def make_letter(spec: LetterSpec | None = None) -> str:
    spec = spec or LetterSpec()
    parts = []
    if spec.header:
        parts.append(HEADER)
    if spec.reviewer_style == "board":
        parts.append(HOW.format(board=BOARD))
    else:
        parts.append(HOW.format(board="") + CREDENTIALS)
    parts.append(SUMMARY)
    parts.append(ISSUES)
    for item in spec.items:
        head = f"{item.preamble}{item.request}:"
        head += f"\n{item.decision}\n" if item.decision_on_next_line else f" {item.decision}\n"
        parts.append(head)
        if item.ca is not None:
            parts.append(f"Claims Administrator guideline: {item.ca}\n")
        if item.reviewer is not None:
            parts.append(f"MAXIMUS guideline: {item.reviewer}\n")
        if item.rationale is not None:
            text = item.rationale
            if item.page_break_in_rationale:
                middle = len(text) // 2
                cut = text.rfind(" ", 0, middle)
                text = text[:cut] + "\n\f" + spec.furniture + text[cut + 1:]
            parts.append(f"Decision rationale: {text}\n")
    return "".join(parts)
