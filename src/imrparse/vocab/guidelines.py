"""Guideline vocabularies for the citation parser (:mod:`imrparse.fields.citations`).

Plain data only: the parser reads these tables as phrase sets on first use, so a new
way of writing a guideline, chapter or section is one line here, not a new regex.

Every name below is a *phrase* in the syntax of :mod:`imrparse.text.phrases`: any case
and any white space between words; ``&`` and ``and`` alike (``Knee & Leg`` is also "Knee
and leg"), a comma optional (``Forearm, Wrist, & Hand``), a hyphen also a space or
nothing (``Post-surgical`` is "Postsurgical"), an apostrophe optional, a period after a
word optional, ``Guideline(s)`` either number. A name that is one word in capitals
(``ACP``, ``NICE``, ``TBI``) is an acronym and must be written in capitals in the letter
too, except those in :data:`ANY_CASE_ACRONYMS`. Longer names win over their prefixes
wherever two could match at one place.

Guideline short names (``Citation.guideline``)
----------------------------------------------
MTUS guidelines: ``MTUS`` (the MTUS, no narrower guideline named), ``CPMTG`` (Chronic Pain
Medical Treatment Guidelines), ``OTG`` (Opioids Treatment Guidelines), ``AMTG``
(Acupuncture Medical Treatment Guidelines), ``PTG`` (Postsurgical Treatment Guidelines),
``Formulary`` (the MTUS Drug Formulary, 2018 on), and ``ACOEM``, whose 2nd-edition chapters are the MTUS body-part guidelines. Others:
``ODG``, ``Other`` (an unnamed "Other Medical Treatment Guideline"), ``Literature`` (a
journal article or book, recognised by LITERATURE_MARKERS or URL_HOSTS), and the bodies
below by their usual abbreviations (``ACP``, ``AAOS``, ``NICE``, ``NIH`` ...).
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = [
    "GuidelineInfo",
    "GUIDELINES",
    "MTUS_FAMILY",
    "ANY_CASE_ACRONYMS",
    "NAME_FILLERS",
    "URL_HOSTS",
    "LITERATURE_MARKERS",
    "AcoemChapter",
    "ACOEM_CHAPTERS",
    "WEAK_TITLES",
    "OdgChapter",
    "ODG_CHAPTERS",
    "TITLE_SUFFIX_WORDS",
    "KNOWN_SECTIONS",
    "MTUS_REGULATIONS",
    "NUMBER_WORDS",
    "ORDINAL_WORDS",
    "TENS_WORDS",
    "TENS_ORDINAL_WORDS",
]


class GuidelineInfo(NamedTuple):
    """One guideline (or guideline publisher) that letters cite."""

    #: The value of ``Citation.guideline``.
    short: str
    #: Its full name, for documentation and reports.
    name: str
    #: ``True``: part of the MTUS; ``False``: never part of the MTUS; ``None``: depends
    #: on edition and date (ACOEM: the 2nd-edition chapters are the MTUS body-part
    #: guidelines of 2004-2016, later editions were adopted in December 2017).
    mtus: bool | None
    #: Phrases by which letters name it.
    names: tuple[str, ...]
    #: ``True``: a publication (a journal, a database, a reference work) rather than a body
    #: that issues guidelines: a citation that names nothing else takes its name, as
    #: written, for its title ("Cochrane Database Syst Rev. 2015;(3)").
    publication: bool = False


#: Every guideline the parser can name. Order does not matter; the first of several
#: guidelines named in one citation is its guideline, except that ``MTUS`` yields to a
#: narrower MTUS guideline or to an ACOEM chapter named with it.
GUIDELINES: tuple[GuidelineInfo, ...] = (
    # --- the MTUS and its guidelines (8 CCR 9792.20 ff.) ---
    GuidelineInfo("MTUS", "California Medical Treatment Utilization Schedule", True, (
        "MTUS", "Medical Treatment Utilization Schedule", "Medical Treatment Utilization Schedules",
    )),
    GuidelineInfo("CPMTG", "MTUS Chronic Pain Medical Treatment Guidelines (2009, 2016)", True, (
        "Chronic Pain Medical Treatment Guideline(s)", "Chronic Pain Medical Treatment",
        "Chronic Pain Treatment Guideline(s)", "Chronic Pain Medical Guideline(s)",
        "Chronic Pain Guideline(s)", "Chronic Pain Medical Treatment Guideline(s) Schedule", "CPMTG",
    )),
    GuidelineInfo("OTG", "MTUS Opioids Treatment Guidelines (2016)", True, (
        "Opioids Treatment Guideline(s)", "Opioids Treatment", "Opioid Treatment",
        "Opioids Guideline(s)", "Opioid Guideline(s)",
    )),
    GuidelineInfo("AMTG", "MTUS Acupuncture Medical Treatment Guidelines (2007)", True, (
        "Acupuncture Medical Treatment Guideline(s)", "Acupuncture Medical Treatment",
        "Acupuncture Treatment Guideline(s)", "Acupuncture Treatment", "Acupuncture Guideline(s)",
        "AMTG",
    )),
    GuidelineInfo("PTG", "MTUS Postsurgical Treatment Guidelines (2009)", True, (
        "Post-surgical Treatment Guideline(s)", "Post-surgical Treatment", "Post-surgical Guideline(s)",
        "Post-operative Treatment Guideline(s)", "PTG",
    )),
    # The MTUS Drug Formulary (8 CCR 9792.27.1 ff., 2018 on). Only with the MTUS's name:
    # a bare "Drug Formulary" may be the ODG's or an insurer's.
    GuidelineInfo("Formulary", "MTUS Drug Formulary (2018)", True, (
        "MTUS Drug Formulary", "MTUS Formulary", "Medical Treatment Utilization Schedule Drug Formulary",
        "Medical Treatment Utilization Schedule (MTUS) Drug Formulary",
    )),
    # --- the two guidelines of the MTUS evidence search sequence ---
    GuidelineInfo("ACOEM", "ACOEM Occupational Medicine Practice Guidelines", None, (
        "ACOEM", "American College of Occupational and Environmental Medicine",
        "Occupational Medicine Practice Guideline(s)",
    )),
    GuidelineInfo("ODG", "Official Disability Guidelines (Work Loss Data Institute)", False, (
        "Official Disability Guideline(s)", "Official Disability Guides", "ODG",
        "Work Loss Data Institute", "Treatment in Workers' Compensation",
        "Treatment in Workers' Comp", "ODG-TWC", "TWC",
        "Integrated Treatment/Disability Duration Guideline(s)",
    )),
    # --- other guideline bodies and references ---
    GuidelineInfo("Other", "an unnamed 'Other Medical Treatment Guideline'", False, (
        "Other Medical Treatment Guideline(s) or Medical Evidence", "Other Medical Treatment Guideline(s)",
        "Other Medical Evidence", "Other Evidence Based Guideline(s)", "Other Guideline(s)",
    )),
    GuidelineInfo("ACP", "American College of Physicians", False, (
        "American College of Physicians", "ACP",
    )),
    GuidelineInfo("AAOS", "American Academy of Orthopaedic Surgeons", False, (
        "American Academy of Orthopaedic Surgeons", "American Academy of Orthopedic Surgeons", "AAOS",
    )),
    GuidelineInfo("NICE", "National Institute for Health and Care Excellence (UK)", False, (
        "National Institute for Health and Care Excellence",
        "National Institute for Health and Clinical Excellence", "NICE",
    )),
    GuidelineInfo("AAN", "American Academy of Neurology", False, ("American Academy of Neurology", "AAN")),
    GuidelineInfo("ASIPP", "American Society of Interventional Pain Physicians", False, (
        "American Society of Interventional Pain Physicians", "ASIPP",
    )),
    GuidelineInfo("ASA", "American Society of Anesthesiologists", False, (
        "American Society of Anesthesiologists",
    )),
    GuidelineInfo("NASS", "North American Spine Society", False, ("North American Spine Society", "NASS")),
    GuidelineInfo("ACR", "American College of Radiology (Appropriateness Criteria)", False, (
        "American College of Radiology", "ACR Appropriateness Criteria", "ACR",
    )),
    GuidelineInfo("APA", "American Psychiatric Association", False, ("American Psychiatric Association", "APA")),
    GuidelineInfo("ACC/AHA", "American College of Cardiology / American Heart Association", False, (
        "American College of Cardiology", "American Heart Association", "ACC/AHA",
    )),
    GuidelineInfo("USPSTF", "U.S. Preventive Services Task Force", False, (
        "U.S. Preventive Services Task Force", "US Preventive Services Task Force", "USPSTF",
    )),
    GuidelineInfo("CDC", "Centers for Disease Control and Prevention", False, (
        "Centers for Disease Control and Prevention", "Centers for Disease Control", "CDC",
    )),
    GuidelineInfo("FDA", "U.S. Food and Drug Administration", False, ("Food and Drug Administration", "FDA")),
    GuidelineInfo("CMS", "Centers for Medicare & Medicaid Services", False, (
        "Centers for Medicare & Medicaid Services", "Medicare", "CMS",
    )),
    GuidelineInfo("NIH", "U.S. National Institutes of Health and its institutes", False, (
        "National Institutes of Health", "National Heart, Lung, and Blood Institute",
        "National Library of Medicine", "National Institute of Neurological Disorders and Stroke",
        "National Institute on Drug Abuse", "National Institute of Mental Health",
        "MedlinePlus", "DailyMed", "NIH", "NHLBI", "NINDS", "NIDA", "NIMH", "NLM",
    )),
    GuidelineInfo("AHRQ", "Agency for Healthcare Research and Quality (National Guideline Clearinghouse)", False, (
        "Agency for Healthcare Research and Quality", "National Guideline Clearinghouse", "AHRQ",
    )),
    GuidelineInfo("AMA", "AMA Guides to the Evaluation of Permanent Impairment", False, (
        "Guides to the Evaluation of Permanent Impairment", "American Medical Association", "AMA",
    )),
    GuidelineInfo("Colorado", "Colorado Division of Workers' Compensation Medical Treatment Guidelines", False, (
        "Colorado Division of Workers' Compensation", "Colorado Medical Treatment Guideline(s)",
    )),
    GuidelineInfo("Washington", "Washington State Department of Labor and Industries guidelines", False, (
        "Washington State Department of Labor and Industries", "Washington State Labor and Industries",
    )),
    GuidelineInfo("Cochrane", "Cochrane Database of Systematic Reviews", False, (
        "Cochrane Database of Systematic Reviews", "Cochrane Database Syst Rev",
        "Cochrane Database Syst. Rev.", "Cochrane Review(s)", "Cochrane Library",
        "Cochrane Collaboration", "Cochrane",
    ), publication=True),
    GuidelineInfo("UpToDate", "UpToDate (Wolters Kluwer)", False, ("UpToDate", "Up To Date"),
                  publication=True),
    GuidelineInfo("Medscape", "Medscape / eMedicine", False, ("Medscape", "eMedicine"),
                  publication=True),
    GuidelineInfo("PDR", "Physicians' Desk Reference", False, (
        "Physicians' Desk Reference", "Physician's Desk Reference", "PDR",
    ), publication=True),
    # "Literature" (a journal article or book) has no names: it is recognised by
    # LITERATURE_MARKERS and URL_HOSTS.
)

#: Guidelines that are part of the MTUS: a citation of one of them is an MTUS citation.
MTUS_FAMILY: frozenset[str] = frozenset(g.short for g in GUIDELINES if g.mtus)

#: All-capitals names matched in any case (they are not English words).
ANY_CASE_ACRONYMS: frozenset[str] = frozenset({"MTUS", "ACOEM", "ODG", "CPMTG", "AMTG"})

#: Words that belong to a guideline's name as written but name no part of it
#: ("ACOEM Practice Guidelines", "MTUS Guideline in ACOEM", "Non-MTUS Citation", "ODG
#: Treatment Index").
NAME_FILLERS: tuple[str, ...] = (
    "Occupational Medicine Practice Guideline(s)", "Practice Guideline(s)",
    "Medical Treatment Guideline(s)", "Treatment Guideline(s)", "Guideline(s)", "Guides",
    "Citation", "Evidence-based Guideline(s)", "Treatment Index",
)

#: Web hosts (or their tails) that identify a guideline when a citation only gives a URL.
URL_HOSTS: dict[str, str] = {
    "ncbi.nlm.nih.gov": "Literature",
    "pubmed.gov": "Literature",
    "doi.org": "Literature",
    "nih.gov": "NIH",
    "medlineplus.gov": "NIH",
    "uptodate.com": "UpToDate",
    "fda.gov": "FDA",
    "cdc.gov": "CDC",
    "cms.gov": "CMS",
    "guideline.gov": "AHRQ",
    "ahrq.gov": "AHRQ",
    "medscape.com": "Medscape",
    "odg-twc.com": "ODG",
    "worklossdata.com": "ODG",
    "mdguidelines.com": "ACOEM",
    "acoem.org": "ACOEM",
    "dir.ca.gov": "MTUS",
    "nice.org.uk": "NICE",
    "cochranelibrary.com": "Cochrane",
    "aaos.org": "AAOS",
    "acponline.org": "ACP",
    "acr.org": "ACR",
}

#: Phrases that mark a reference as a journal article or book ("Literature") where it
#: names no guideline: reference marks, journals' names and abbreviations (NLM style), and
#: the words of textbook titles. A reference is literature too when it gives an edition
#: ("Sixth Edition"), opens with an author's possessive ("Harrison's Principles of ..."),
#: gives a journal's "year;volume" ("2009;34(10):1066-77") or an NLM abbreviation with
#: "J" as a word ("Clin J Pain", "J Neurosurg Spine"): see fields.citations.parts.
LITERATURE_MARKERS: tuple[str, ...] = (
    "et al", "doi", "PMID", "PMCID", "PubMed", "J Bone Joint Surg", "Journal", "Phila Pa",
    "N Engl J Med", "New England Journal of Medicine", "JAMA", "Lancet", "BMJ",
    "Arch Phys Med Rehabil", "Pain Physician", "Pain Med", "Clin Orthop Relat Res",
    "Eur Spine", "Spine J", "Am Fam Physician", "Textbook", "Handbook", "Principles of",
    "Atlas of", "Essentials of", "Manual of Orthopaedics", "Operative Orthopaedics",
)


class AcoemChapter(NamedTuple):
    """An ACOEM chapter and the titles letters give it."""

    #: Chapter number in the 2nd edition (2004; the MTUS body-part guidelines), or ``None``
    #: where a title names no single chapter or its numbering is not certain.
    number: int | None
    #: The title as ACOEM (or the MTUS) gives it.
    title: str
    #: Other ways of writing the title.
    aliases: tuple[str, ...] = ()


#: ACOEM chapter titles. The MTUS body-part guidelines of 2004-2016 ARE these 2nd-edition
#: chapters ("MTUS Low Back Complaints 2004" is ACOEM chapter 12); "General Approaches"
#: is the MTUS name for chapters 1-7 together, which also appear as its "sections".
#: 3rd-edition titles ("... Disorders", 2011 on) are listed without a number: the
#: letters state the number when it matters, and it is not implied here.
ACOEM_CHAPTERS: tuple[AcoemChapter, ...] = (
    AcoemChapter(None, "General Approaches", ("General Approach",)),
    AcoemChapter(1, "Prevention"),
    AcoemChapter(2, "General Approach to Initial Assessment and Documentation"),
    AcoemChapter(3, "Initial Approaches to Treatment", ("Initial Approach to Treatment",)),
    AcoemChapter(4, "Work-Relatedness", ("Work Relatedness",)),
    AcoemChapter(5, "Cornerstones of Disability Prevention and Management"),
    AcoemChapter(6, "Pain, Suffering, and the Restoration of Function"),
    AcoemChapter(7, "Independent Medical Examinations and Consultations"),
    AcoemChapter(8, "Neck and Upper Back Complaints", ("Neck & Upper Back Complaints",)),
    AcoemChapter(9, "Shoulder Complaints"),
    # The MTUS adopted the 2007 revision of chapter 10, titled "Elbow Disorders".
    AcoemChapter(10, "Elbow Complaints", ("Elbow Disorders",)),
    AcoemChapter(11, "Forearm, Wrist, and Hand Complaints", ("Hand, Wrist, and Forearm Complaints",)),
    AcoemChapter(12, "Low Back Complaints", ("Lower Back Complaints",)),
    AcoemChapter(13, "Knee Complaints"),
    AcoemChapter(14, "Ankle and Foot Complaints", ("Foot and Ankle Complaints",)),
    AcoemChapter(15, "Stress Related Conditions", ("Stress-Related Conditions",)),
    AcoemChapter(16, "Eye", ("Eye Complaints",)),
    # 3rd edition (2011-) and later chapter titles: number not implied.
    AcoemChapter(None, "Low Back Disorders"),
    AcoemChapter(None, "Cervical and Thoracic Spine Disorders"),
    AcoemChapter(None, "Shoulder Disorders"),
    AcoemChapter(None, "Hand, Wrist, and Forearm Disorders"),
    AcoemChapter(None, "Knee Disorders"),
    AcoemChapter(None, "Ankle and Foot Disorders"),
    AcoemChapter(None, "Hip and Groin Disorders"),
    AcoemChapter(None, "Chronic Pain"),
    AcoemChapter(None, "Eye Disorders"),
    AcoemChapter(None, "Traumatic Brain Injury"),
    AcoemChapter(None, "Workplace Mental Health"),
    AcoemChapter(None, "Opioids"),
)

#: Chapter titles and names that are ordinary words too: they count as a chapter only
#: where no lowercase word follows them, other than a word of TITLE_SUFFIX_WORDS
#: ("Eye 2004", "Pain Chapter", "Knee, MRI"; not "eye examination", "pain management").
WEAK_TITLES: frozenset[str] = frozenset({"Eye", "Prevention", "Opioids", "Chronic Pain", "Pain", "Head",
                                         "Stress", "Mental", "Foot", "Hand", "Wrist", "Hip", "Knee",
                                         "Neck", "Ankle", "Elbow", "Shoulder", "Lumbar", "Cervical",
                                         "Thoracic", "Forearm", "Burns", "Preface", "Appendix"})


class OdgChapter(NamedTuple):
    """An ODG chapter: its title and the shorter names letters use."""

    title: str
    aliases: tuple[str, ...] = ()


#: ODG chapters (Treatment in Workers' Compensation). ``(Acute & Chronic)`` after a name
#: is matched by the parser, so it is not repeated here; nor are the other marks that join
#: the parts of a name written with a dash ("Low Back, Lumbar & Thoracic", "Low
#: Back/Lumbar & Thoracic", "Low Back: Lumbar & Thoracic").
ODG_CHAPTERS: tuple[OdgChapter, ...] = (
    OdgChapter("Ankle & Foot", ("Foot & Ankle", "Ankle", "Foot")),
    OdgChapter("Burns"),
    OdgChapter("Carpal Tunnel Syndrome", ("Carpal Tunnel",)),
    OdgChapter("Elbow"),
    OdgChapter("Eye"),
    OdgChapter("Forearm, Wrist, & Hand", ("Wrist, Hand & Forearm", "Hand, Wrist & Forearm", "Wrist & Hand",
                                          "Hand & Wrist", "Forearm", "Wrist", "Hand")),
    OdgChapter("Head", ("Head Injury",)),
    OdgChapter("Hernia"),
    OdgChapter("Hip & Pelvis", ("Hips & Pelvis", "Hip & Groin", "Hip", "Pelvis")),
    OdgChapter("Knee & Leg", ("Knee",)),
    OdgChapter("Low Back - Lumbar & Thoracic", (
        "Low Back & Thoracic", "Lower Back - Lumbar & Thoracic", "Lumbar & Thoracic", "Low Back",
        "Lower Back", "Lumbar Spine", "Lumbar", "Thoracic Spine", "Thoracic",
    )),
    OdgChapter("Mental Illness & Stress", ("Mental Illness", "Mental Health", "Stress & Mental Illness",
                                           "Stress/Mental", "Mental", "Stress")),
    OdgChapter("Neck & Upper Back", ("Neck & Back", "Cervical Spine", "Cervical", "Neck", "Upper Back")),
    OdgChapter("Pain (Chronic)", ("Chronic Pain", "Pain")),
    OdgChapter("Pulmonary"),
    OdgChapter("Shoulder"),
    OdgChapter("Traumatic Brain Injury", ("TBI",)),
    OdgChapter("Diabetes"),
    OdgChapter("Fitness for Duty"),
    OdgChapter("Preface"),
    OdgChapter("Appendix"),
)

#: Words after a chapter name that are not part of its title ("Neck Chapter" is "Neck").
#: ODG's own "Procedure Summary" (2013-2015: "ODG-TWC Pain Procedure Summary") is one too.
TITLE_SUFFIX_WORDS: tuple[str, ...] = ("Chapter", "Chapters", "Section", "Sections", "Guidelines", "Guideline",
                                       "Procedure Summary", "Procedure Summaries")

#: Section names that letters cite after "Section(s):". The parser splits a section list
#: at commas using capitalisation ("Special Studies, Summary" is two sections; "TENS,
#: chronic pain (...)" is one); these names are never split, and a list item that starts
#: with one of them always starts a new section. Names with commas or capitalised words
#: after a comma must be here; others help but are not required.
KNOWN_SECTIONS: tuple[str, ...] = (
    # ACOEM 2nd edition (MTUS body-part chapters) and General Approaches
    "Special Studies", "Summary", "Initial Care", "Activity Modification", "Diagnostic Criteria",
    "Physical Methods", "Surgical Considerations", "Work Activities", "Medications",
    "Follow-up Visits", "Assessing Red Flags", "Red Flags", "Initial Assessment", "Medical History",
    "Physical Examination", "Recommendations", "Radial Head Fracture", "Prevention",
    "General Approach to Initial Assessment and Documentation", "Initial Approaches to Treatment",
    "Work-Relatedness", "Cornerstones of Disability Prevention and Management",
    "Pain, Suffering, and the Restoration of Function",
    "Independent Medical Examinations and Consultations", "Forearm, Wrist, & Hand",
    "Special Studies and Diagnostic and Treatment Considerations", "Summary of Recommendations",
    "Introduction",
    # Chronic Pain Medical Treatment Guidelines
    "TENS, chronic pain (transcutaneous electrical nerve stimulation)",
    "TENS, post operative pain (transcutaneous electrical nerve stimulation)",
    "NSAIDs (non-steroidal anti-inflammatory drugs)", "NSAIDs, GI symptoms & cardiovascular risk",
    "NSAIDs, specific drug list & adverse effects", "NSAIDs, hypertension and renal function",
    "Opioids, specific drug list", "Opioids, criteria for use", "Opioids, long-term assessment",
    "Opioids, dosing", "Opioids, pain treatment agreement", "Opioids, screening for risk of addiction",
    "Opioids, steps to avoid misuse/addiction", "Opioids, indicators for addiction",
    "Opioids, differentiation: dependence & addiction", "Opioids for chronic pain",
    "Opioids for neuropathic pain", "Opioid-induced constipation treatment",
    "Physical medicine treatment", "Manual therapy & manipulation", "Massage therapy",
    "Aquatic therapy", "Work conditioning, work hardening", "Functional restoration programs (FRPs)",
    "Chronic pain programs (functional restoration programs)", "Epidural steroid injections (ESIs)",
    "Spinal cord stimulators (SCS)", "Trigger point injections", "Topical analgesics",
    "Lidoderm (lidocaine patch)", "Lidocaine", "Capsaicin, topical", "Muscle relaxants (for pain)",
    "Antiepilepsy drugs (AEDs)", "Anti-epilepsy drugs (AEDs)", "Antidepressants for chronic pain",
    "Medications for chronic pain", "Proton Pump Inhibitors (PPIs)", "Office visits",
    "Home health services", "Biofeedback", "Psychological treatment", "Behavioral interventions",
    "Cognitive behavioral therapy (CBT)", "Electrodiagnostic testing (EMG/NCS)",
    "Interferential Current Stimulation (ICS)", "Thermography (infrared stress thermography)",
    "Drug testing", "Facet blocks", "Weaning of Medications", "Glucosamine (and Chondroitin Sulfate)",
    "Criteria for the general use of multidisciplinary pain management programs",
)

#: MTUS regulation sections (Title 8, California Code of Regulations) and the guideline
#: each adopts, as numbered 2009-2017: ``(guideline short name, ACOEM chapter or None)``.
MTUS_REGULATIONS: dict[str, tuple[str, int | None]] = {
    "9792.22": ("ACOEM", None),  # General Approaches (ACOEM chapters 1-7)
    "9792.23.1": ("ACOEM", 8),
    "9792.23.2": ("ACOEM", 9),
    "9792.23.3": ("ACOEM", 10),
    "9792.23.4": ("ACOEM", 11),
    "9792.23.5": ("ACOEM", 12),
    "9792.23.6": ("ACOEM", 13),
    "9792.23.7": ("ACOEM", 14),
    "9792.23.8": ("ACOEM", 15),
    "9792.23.9": ("ACOEM", 16),
    "9792.24.1": ("AMTG", None),
    "9792.24.2": ("CPMTG", None),
    "9792.24.3": ("PTG", None),
    "9792.24.4": ("OTG", None),
    # the MTUS itself, its evidence rules, and the Drug Formulary (2018 on)
    "9792.20": ("MTUS", None),
    "9792.21": ("MTUS", None),
    "9792.21.1": ("MTUS", None),
    "9792.25": ("MTUS", None),
    "9792.25.1": ("MTUS", None),
    "9792.26": ("MTUS", None),
    **{f"9792.27.{n}": ("Formulary", None) for n in range(1, 24)},
}

#: Chapter numbers written as words ("Chapter Twelve").
NUMBER_WORDS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
}

#: Tens of edition ordinals ("Twenty-First Edition" is 21), and their ordinals ("Thirtieth").
TENS_WORDS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
TENS_ORDINAL_WORDS: dict[str, int] = {
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
    "seventieth": 70, "eightieth": 80, "ninetieth": 90,
}

#: Edition ordinals, so that "2nd ed." and "Second Edition" both read "Second Edition".
ORDINAL_WORDS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20,
}
