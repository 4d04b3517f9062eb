"""Table tests for imrparse.fields.summary: patient, diagnoses, treatments, UR date.

Rows are (phrase, expected). Phrases are constructed or short fragments in the style of
the published letters; the letters themselves stay in ../shared and are only read by the
tests marked ``shared``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from imrparse.text.dates import find_dates
from imrparse.fields.summary import patient_completeness, read_summary
from imrparse.models import Patient, Sex, Summary

from ..scaling import assert_linear, prefix_of
from ..corpus import SHARED, fold_for_gold, shared_letters

D = dt.date


def _all_spans_inside(s: Summary) -> None:
    for span in list(s.spans.values()) + list(s.patient.spans.values()):
        assert 0 <= span.start <= span.end <= len(s.text)


# --------------------------------------------------------------------------- age

AGE_ROWS = [
    ("The injured worker is a 48 year old male who sustained an industrial injury.", 48),
    ("The injured worker is a 34 year-old individual with a date of injury of 7/28/2008.", 34),
    ("The injured worker is a 55-year-old female, who sustained an injury.", 55),
    ("This is a 59-year-old female patient with a 10/8/08 date of injury.", 59),
    ("The patient is a 60 year old woman.", 60),
    ("The applicant is a 45-year-old man.", 45),
    ("Patient, age 52, presented with pain.", 52),
    ("The claimant, aged 61, reports pain.", 61),
    ("Age: 33. Female.", 33),
    ("The applicant is a represented employee who has filed a claim for chronic neck pain.", None),
    ("The applicant is a 55-year-old who has filed a claim for neck pain.", 55),
    ("The injured worker is a(n) 57 year old male, who sustained an industrial injury.", 57),
    ("This case involves a now 27-year-old male with a history of an occupational claim.", 27),
    ("The injured worker was a 31 year old male.", 31),
    ("The patient is a 40 yo female.", 40),
    ("The patient is a 40 y/o male.", 40),
    ("He is 47 years of age.", 47),
    ("The applicant is a 63 years old gentleman.", 63),
    ("The injured worker, a fifty-five year old female, was hurt at work.", 55),
    ("A Twenty-Four-Year-Old man fell.", 24),
    ("The patient is a 55 yr old male.", 55),
    ("The patient is a 42 - year - old nurse.", 42),
    # not the patient's age, or not an age at all
    ("Her 5-year-old son is at home. The injured worker is a 38 year old.", 38),
    ("She has a 10-year-old injury to the knee.", None),
    ("The 24 hour Holter monitor was normal.", None),
    ("See page 52 of the report.", None),
    ("He started working at the age of 16. He is now 50 years old.", 50),
    ("Symptoms began since age 30.", None),
    ("Pain rated 7 out of 10; the 3 year old MRI was normal.", None),
    ("The patient is a 250-year-old man.", None),
    ("", None),
]


@pytest.mark.parametrize("phrase, age", AGE_ROWS)
def test_age(phrase: str, age: int | None) -> None:
    p = read_summary(phrase).patient
    assert p.age == age
    if age is None:
        assert "age" not in p.spans
    else:
        assert p.spans["age"].slice(phrase).lower() in {str(age), "fifty-five", "twenty-four"}


# --------------------------------------------------------------------------- sex

SEX_ROWS = [
    ("The injured worker is a 48 year old male who sustained an industrial injury.", "male"),
    ("The injured worker is a 55 year old female, who sustained an industrial injury.", "female"),
    ("The patient is a 60 year old woman.", "female"),
    ("The applicant is a 45-year-old man.", "male"),
    ("The claimant is a 50 year old gentleman.", "male"),
    ("A 62-year-old lady who sustained an injury.", "female"),
    ("The injured worker is a 34 year-old individual with a date of injury of 7/28/2008.", None),
    # no patient pronoun: no sex
    ("The applicant is a 55-year-old who has filed a claim for neck pain. The claims "
     "administrator referenced an office visit in its determination.", None),
    # pronouns of the patient
    ("The applicant is a represented employee. The attending provider noted that the "
     "applicant had been seen by his personal physician.", "male"),
    ("The attending provider stated that the applicant presented with diffuse back pain for "
     "which he was using Percocet intermittently.", "male"),
    ("The injured worker reported that she had pain. Her pain was 5/10.", "female"),
    ("The IW fell at work. She reports neck pain. He/she has no affiliation.", "female"),
    ("The patient reports pain. His or her employer agreed. He is off work.", "male"),
    ("He/she has pain. His/her back hurts. S/he is tired.", None),
    ("The patient reports he has pain. She reports pain.", None),  # a tie
    # pronouns that refer to a physician are not the patient's
    ("The attending provider reiterated his request for MRI. The applicant reported that "
     "she had pain. The applicant stated her pain was 5/10.", "female"),
    ("The treating physician said his plan was to refer. The physician noted his findings. "
     "The patient said she was better.", "female"),
    ("The provider examined her and noted tenderness.", "female"),  # care verb: the patient
    ("The physician gave him a prescription.", "male"),
    ("The applicant's attorney filed his appeal.", None),
    # a sex word wins over pronouns; a sex word about someone else does not count
    ("The injured worker is a 40 year old female. He/she reported his pain.", "female"),
    ("The injured worker saw a female physician. He reported pain.", "male"),
    ("The injured worker is a 44 year old female physician who was hurt.", "female"),
    ("The injured worker is a 44 year old. His female physician saw him.", "male"),
    ("The claimant, a male nurse, hurt his back.", "male"),
    ("The applicant is a 52-year-old Hispanic woman.", "female"),
    ("She was injured by a man at work.", "male"),  # a sex word decides, even a stranger's
    ("The man-made ramp was slippery. She slipped.", "female"),
    ("", None),
]


@pytest.mark.parametrize("phrase, sex", SEX_ROWS)
def test_sex(phrase: str, sex: str | None) -> None:
    p = read_summary(phrase).patient
    assert (p.sex.value if p.sex else None) == sex
    if sex is not None:
        word = p.spans["sex"].slice(phrase).lower()
        assert word in {"female", "male", "woman", "man", "gentleman", "lady", "he", "his",
                        "him", "himself", "she", "her", "hers", "herself"}


# --------------------------------------------------------------------------- date of injury

DOI_ROWS = [
    ("The injured worker is a 34 year-old individual with a date of injury of 7/28/2008.",
     D(2008, 7, 28)),
    ("The injured worker is a 55 year old female, who sustained an industrial injury on "
     "1-30-2014.", D(2014, 1, 30)),
    ("The applicant has filed a claim for neck pain reportedly associated with an industrial "
     "injury of July 27, 2015.", D(2015, 7, 27)),
    ("The injured worker is a 48 year old male who sustained an industrial injury on 10-13-16.",
     D(2016, 10, 13)),
    ("This is a 59-year-old female patient with a 10/8/08 date of injury.", D(2008, 10, 8)),
    ("The patient is a 45-year-old man. DOI 3/2/15.", D(2015, 3, 2)),
    ("The patient was injured on 4/5/2014 while lifting.", D(2014, 4, 5)),
    ("The date of injury (DOI) on RFA is 11/1/16.", D(2016, 11, 1)),
    ("This case involves a now 27-year-old male with a history of an occupational claim from "
     "10/13/2016.", D(2016, 10, 13)),
    ("The injured worker is a 25-year-old female, with a reported date of injury of 10-25-2016.",
     D(2016, 10, 25)),
    ("The injured worker is a 26 year old male with a date of injury on 10-14-2016.",
     D(2016, 10, 14)),
    ("The injured worker is a 48 year old female who sustained a work related injury on "
     "October 13, 2016, incurring low back injuries.", D(2016, 10, 13)),
    ("Date of injury: 3/3/13. The patient is a 40 yo female.", D(2013, 3, 3)),
    ("The patient (D.O.I. 3/3/13) is a 40 y/o male.", D(2013, 3, 3)),
    ("He reports an injury date of 5/5/15.", D(2015, 5, 5)),
    ("She injured her low back at work on 5/6/2015 while lifting.", D(2015, 5, 6)),
    ("The injured worker sustained injuries on November 02, 2016.", D(2016, 11, 2)),
    ("Date of injury 13-Oct-2016.", D(2016, 10, 13)),
    ("DOI: 13-OCT-16.", D(2016, 10, 13)),
    ("The patient has a cumulative trauma injury from 1/1/2010 through 1/1/2012.",
     D(2010, 1, 1)),
    ("A 2/2/2015 date of injury is reported.", D(2015, 2, 2)),
    ("The applicant reported a 3/5/2012 industrial injury.", D(2012, 3, 5)),
    # the date tied to injury wording, not the first date
    ("The patient was seen on 1/1/2016. The patient has a date of injury of 2/2/2015.",
     D(2015, 2, 2)),
    ("He had a prior injury on 1/1/2005. He sustained an industrial injury on 3/3/2015.",
     D(2015, 3, 3)),
    ("She reported a new injury on 4/4/2016 after an industrial injury of 3/3/2015.",
     D(2015, 3, 3)),
    # no injury date
    ("On 12-09-2016 (Doctor's First Report of Occupational Injury or Illness), the injured "
     "worker complains of pain.", None),
    ("The injured worker was evaluated on 10-19-16 for complaints of neck pain.", None),
    ("She had therapy 18 months from date of injury, on 1/1/16 she had surgery.", None),
    ("The date of injury is unknown but the first visit was 1/1/15.", None),
    ("The injured worker re-injured the knee on 5/5/2016.", None),
    ("Date of injury 2/30/2016.", None),  # not a real day
    ("", None),
]


@pytest.mark.parametrize("phrase, doi", DOI_ROWS)
def test_date_of_injury(phrase: str, doi: dt.date | None) -> None:
    p = read_summary(phrase).patient
    assert p.date_of_injury == doi
    if doi is not None:
        assert any(d == doi for d, *_ in find_dates(p.spans["date_of_injury"].slice(phrase)))


# --------------------------------------------------------------------------- UR date

UR_ROWS = [
    ("The Utilization Review dated 10-2-15, denied the request.", D(2015, 10, 2)),
    ("In a Utilization Review report dated September 28, 2015, the claims administrator "
     "failed to approve requests.", D(2015, 9, 28)),
    ("In a Utilization Review Report dated August 6, 2013, the claims administrator failed.",
     D(2013, 8, 6)),
    ("On 11-3-16, utilization review determined MRI was not medically necessary.",
     D(2016, 11, 3)),
    ("A Utilization Review letter is dated 11-29-16 and non-certification for Oxycodone.",
     D(2016, 11, 29)),
    ("UR dated 1-8-17 noncertified the request.", D(2017, 1, 8)),
    ("The UR dated 1-8-17 non- certified the request.", D(2017, 1, 8)),
    ("The remaining portion was denied by utilization review on January 23, 2017.",
     D(2017, 1, 23)),
    ("The original utilization review (11-8-2016) had non-certified a request.",
     D(2016, 11, 8)),
    ("The original Utilization Review (UR) (12-29-2016) denied a request.", D(2016, 12, 29)),
    ("The Utilization Review report, with a decision date of 01-05-2017, non-certified it.",
     D(2017, 1, 5)),
    ("The UR (utilization review board) denied certification on November 28, 2016; for an MRI.",
     D(2016, 11, 28)),
    ("On 11-30-16, request for chiropractic therapy was denied by utilization review.",
     D(2016, 11, 30)),
    ("The Utilization Review of 1-12-2017 non-certified the request.", D(2017, 1, 12)),
    ("On 12-02-2016, Utilization Review non-certified the request for x-ray.", D(2016, 12, 2)),
    ("On November 16, 2016 the Utilization Review determined the requests to be non-certified.",
     D(2016, 11, 16)),
    ("A request was made that were non-certified by Utilization Review on December 27, 2016.",
     D(2016, 12, 27)),
    ("The Utilization Review documentation dated 12-21-16 non-certified the request.",
     D(2016, 12, 21)),
    ("The request was denied in the 12/1/2016 utilization review.", D(2016, 12, 1)),
    ("The request was modified per UR on 3/3/16.", D(2016, 3, 3)),
    ("A utilization review dated 12-28-2016 non-certified a request.", D(2016, 12, 28)),
    # a document reviewed by UR is not the review
    ("The physical therapy report reviewed by Utilization Review (UR) was dated 12-01-2016. "
     "On 12-16-2016, Utilization Review (UR) non-certified the request.", D(2016, 12, 16)),
    # a prior review yields to the one at issue
    ("A prior UR dated 2/2/2016 was also noted. The most recent UR dated 3/3/2016 modified it.",
     D(2016, 3, 3)),
    ("On 1/1/2016, the previous utilization review denied it. On 2/2/2016 Utilization Review "
     "modified it.", D(2016, 2, 2)),
    # no date, or no utilization review named
    ("A utilization review determination had noncertified this request.", None),
    ("Your request is noted; our review on 1/1/2016 is pending.", None),
    ("", None),
]


@pytest.mark.parametrize("phrase, ur", UR_ROWS)
def test_ur_decision_date(phrase: str, ur: dt.date | None) -> None:
    s = read_summary(phrase)
    assert s.ur_decision_date == ur
    if ur is not None:
        assert any(d == ur for d, *_ in find_dates(s.spans["ur_decision_date"].slice(phrase)))


# Every way of writing the review's date, in every date style: invented sentences, each
# with {d} for the date, read with every style of December 1, 2016 below, as written, in
# capitals, and broken over lines.
UR_TEMPLATES = [
    # the words "utilization review" / "UR" date it
    "The MRI of the knee was non-certified by Utilization Review on {d}.",
    "On {d}, Utilization Review non-certified the request for an MRI.",
    "On {d} the UR denied the request.",
    "UR dated {d} non-certified the request.",
    "The UR of {d}: non-certified.",
    "The {d} utilization review modified the request to 6 sessions.",
    "The request was denied in the {d} UR.",
    "The original utilization review {d} non-certified the request for Norco.",
    "The original Utilization Review (UR) ({d}) denied a request for an MRI.",
    "The utilization review determination, dated {d}, non-certified the request.",
    "Per the utilization review letter issued on {d}, the request was modified.",
    "The request for an MRI was denied by utilization review on {d}.",
    # a review, determination or denial that does not say "utilization review"
    "On {d} the request for physical therapy was non-certified.",
    "On {d}, the requests were denied.",
    "On {d}, the claims administrator non-certified the request.",
    "On {d} the carrier denied the requested MRI.",
    "The request was denied on {d}.",
    "These requests were previously non-certified on {d} due to a lack of findings.",
    "This case has been previously reviewed and denied on {d}.",
    "The request was previously reviewed on {d}.",
    "The request was modified on {d} to allow 6 sessions.",
    "The request was denied by the claims administrator on {d}.",
    "There was a prior determination dated {d}.",
    "A non-certification letter of {d} was reviewed.",
    "The prior review, dated {d}, indicated that the request was not certified.",
    "Prior review dated {d} denied a request for an MRI.",
    "The previous denial for the requests below was on {d}.",
    "A request for authorization was signed, and a prior denial was made on {d}.",
    "The adverse determination ({d}) is disputed.",
    "The {d} denial is appealed.",
    "The previous decision of {d} non-certified the MRI.",
]
UR_DATE_STYLES = ["12-01-2016", "12/1/16", "December 1, 2016", "Dec. 1st, 2016",
                  "1 December 2016", "2016-12-01", "1st of December, 2016", "01-Dec-2016"]


def _variants(sentence: str) -> list[str]:
    """The sentence as written, in capitals, and broken over lines at every space."""
    return [sentence, sentence.upper(), sentence.replace(" ", "\n")]


@pytest.mark.parametrize("style", UR_DATE_STYLES)
@pytest.mark.parametrize("template", UR_TEMPLATES)
def test_ur_date_in_every_phrasing_and_style(template: str, style: str) -> None:
    for text in _variants(template.format(d=style)):
        s = read_summary("The injured worker is a 40 year old male. " + text + " He has pain.")
        assert s.ur_decision_date == D(2016, 12, 1), text
        span = s.spans["ur_decision_date"]
        assert " ".join(span.slice(s.text).split()).lower() == style.lower()


# Dates that are not a review's: another event of the request, a review of records, a
# change of work status, what the patient denied, a date of service a review referred to.
NOT_UR_ROWS = [
    "A review of the medical records dated 12/1/2016 shows improvement.",
    "Work restrictions were modified on 12/1/2016.",
    "The MRI was reviewed on 12/1/2016 by the treating physician.",
    "On 12/1/2016 the patient denied numbness.",
    "On 12/1/2016, he reported pain and denied any new injury.",
    "The claims administrator referenced a 12/1/2016 date of service in its determination.",
    "The request for authorization was submitted on 12/1/2016.",
    "The request was received on 12/1/2016.",
    "The denial letter was not provided.",
    "The request was denied; a progress note of 12/1/2016 was reviewed.",
    "Modified duty was given on 12/1/2016.",
    "The request was approved on 12/1/2016.",
]


@pytest.mark.parametrize("phrase", NOT_UR_ROWS)
def test_dates_that_are_not_a_review(phrase: str) -> None:
    for text in _variants(phrase):
        assert read_summary(text).ur_decision_date is None, text


# Several reviews: the one that non-certified the disputed request (see the module
# docstring): a review named as utilization review before one that is not; one whose
# sentence says it did not approve something before one that does not; one not called
# prior or previous before one so called; else the first.
UR_CHOICE_ROWS = [
    ("The request was previously denied on 1/1/2016. Utilization review dated 2/2/2016 "
     "non-certified the MRI.", D(2016, 2, 2)),
    ("Utilization review dated 1/1/2016 certified physical therapy. Utilization review dated "
     "2/2/2016 non-certified the MRI.", D(2016, 2, 2)),
    ("A prior determination dated 1/1/2016 approved the request. The request was denied on "
     "2/2/2016.", D(2016, 2, 2)),
    ("A prior UR dated 2/2/2016 was also noted. The most recent UR dated 3/3/2016 modified it.",
     D(2016, 3, 3)),
    ("On 1/1/2016, the previous utilization review denied it. On 2/2/2016 Utilization Review "
     "modified it.", D(2016, 2, 2)),
    ("The request was previously denied on 1/1/2016. On 2/2/2016 the request was non-certified.",
     D(2016, 2, 2)),
    ("UR dated 1/1/2016 non-certified the MRI. UR dated 2/2/2016 non-certified the EMG.",
     D(2016, 1, 1)),
]


@pytest.mark.parametrize(("phrase", "ur"), UR_CHOICE_ROWS)
def test_which_review_counts(phrase: str, ur: dt.date) -> None:
    assert read_summary(phrase).ur_decision_date == ur


# --------------------------------------------------------------------------- diagnoses

DX_ROWS = [
    ("The patient's industrially related diagnoses include chronic low back pain, lumbar "
     "radiculopathy, chronic neck and upper back pain, fibromyalgia, and cervical "
     "radiculopathy.",
     ["chronic low back pain", "lumbar radiculopathy", "chronic neck and upper back pain",
      "fibromyalgia", "cervical radiculopathy"]),
    ("Diagnoses include lumbar sprain-strain.", ["lumbar sprain-strain"]),
    ("She was diagnosed with lumbago and left and right sided sciatica.",
     ["lumbago", "left and right sided sciatica"]),
    ("The diagnoses were cervical strain and lumbar strain.", ["cervical strain", "lumbar strain"]),
    ("The diagnoses have included carpal tunnel syndrome, trigger finger, and de Quervain's "
     "tenosynovitis.", ["carpal tunnel syndrome", "trigger finger", "de Quervain's tenosynovitis"]),
    ("The injured worker was diagnosed as having status post rib fracture T9-10.",
     ["status post rib fracture T9-10"]),
    ("The injured worker was diagnosed as having lumbar strain and bulging of the lumbar "
     "intervertebral disc.", ["lumbar strain", "bulging of the lumbar intervertebral disc"]),
    ("Diagnoses: lumbar disc displacement; cervical strain; anxiety.",
     ["lumbar disc displacement", "cervical strain", "anxiety"]),
    ("The injured worker was being treated for the diagnoses of right shoulder contusion, neck "
     "strain, scapulothoracic syndrome and right arm paresthesias.",
     ["right shoulder contusion", "neck strain", "scapulothoracic syndrome",
      "right arm paresthesias"]),
    ("The current diagnoses are documented as sprain of ligaments of cervical spine and lumbar "
     "sprain.", ["sprain of ligaments of cervical spine", "lumbar sprain"]),
    ("The patient's current diagnosis is documented as umbilical hernia without obstruction or "
     "gangrene.", ["umbilical hernia without obstruction or gangrene"]),
    ("Diagnoses, and-or impressions, were noted to include: low back injury; lumbosacral pain; "
     "sacroiliac joint sprain.",
     ["low back injury", "lumbosacral pain", "sacroiliac joint sprain"]),
    ("The diagnoses include: (1) lumbar strain, (2) cervical strain, and (3) headache.",
     ["lumbar strain", "cervical strain", "headache"]),
    ("DIAGNOSES: Lumbar strain, cervical strain.", ["Lumbar strain", "cervical strain"]),
    # fixed phrases and ICD tails stay inside one diagnosis
    ("The injured worker was undergoing treatment for strain of muscle, fascia and tendon of "
     "the lower back.", ["strain of muscle, fascia and tendon of the lower back"]),
    ("The current diagnoses are documented as unspecified strain of the right elbow, initial "
     "encounter, and strain of the right wrist.",
     ["unspecified strain of the right elbow, initial encounter", "strain of the right wrist"]),
    ("The current diagnosis is documented as symptomatic SLAP lesion, right shoulder.",
     ["symptomatic SLAP lesion, right shoulder"]),
    ("Diagnoses include neck and back pain.", ["neck and back pain"]),
    ("Diagnoses include lumbar sprain and strain.", ["lumbar sprain and strain"]),
    ("Diagnoses include pain (ICD M54.5, M54.2) and anxiety.",
     ["pain (ICD M54.5, M54.2)", "anxiety"]),
    ("The injured worker is undergoing treatment for a lumbar strain and a neck muscle strain.",
     ["lumbar strain", "neck muscle strain"]),
    ("The patient is being treated for \"herniated disc, radiculopathy.",
     ["herniated disc", "radiculopathy"]),
    # the list ends at a clause
    ("Diagnoses include lumbar strain, which has not improved with therapy.", ["lumbar strain"]),
    ("He was diagnosed with lumbar radiculopathy on 3/3/2016.", ["lumbar radiculopathy"]),
    ("The diagnoses include neck pain and he was referred.", ["neck pain"]),
    # strong cues win over weak ones; sentences about diagnoses are no list
    ("The patient is undergoing treatment for pain. Diagnoses include lumbar strain.",
     ["lumbar strain"]),
    ("The diagnoses were reviewed. He was diagnosed with neck strain.", ["neck strain"]),
    ("The diagnosis is unclear.", []),
    ("The patient was treated for 6 weeks with physical therapy.", []),
    ("Repeated: diagnoses include neck pain, Neck  pain, and anxiety.", ["neck pain", "anxiety"]),
    # numbered lists: cut at their numbers, with or without periods; a later list is another
    ("Diagnoses: 1. Lumbar radiculopathy 2. Lumbar stenosis 3. Chronic pain. He is seen.",
     ["Lumbar radiculopathy", "Lumbar stenosis", "Chronic pain"]),
    ("Diagnoses: 1. Lumbar radiculopathy. 2. Lumbar stenosis. 3. Chronic pain. He is seen. 4. x",
     ["Lumbar radiculopathy", "Lumbar stenosis", "Chronic pain"]),
    ("Diagnoses include 1. lumbar strain. He was seen twice. He is better. Plan: 1. MRI 2. PT.",
     ["lumbar strain"]),
    ("The diagnoses are: 1) neck pain, M54.2; 2) dorsalgia, unspecified and 3) headache.",
     ["neck pain, M54.2", "dorsalgia, unspecified", "headache"]),
    ("Diagnostic studies include an MRI.", []),
    ("", []),
]


@pytest.mark.parametrize("phrase, expected", DX_ROWS)
def test_diagnoses(phrase: str, expected: list[str]) -> None:
    s = read_summary(phrase)
    assert list(s.diagnoses) == expected
    for i, value in enumerate(s.diagnoses):
        assert " ".join(s.spans[f"diagnoses.{i}"].slice(phrase).split()) == value
    assert f"diagnoses.{len(s.diagnoses)}" not in s.spans


# Every cue, with every kind of list: invented lists whose ICD-10 titles hold commas and
# "and" (which must not split them), read as written, in capitals and broken over lines.
DX_CUES = [
    "The injured worker is being treated for {l}.",
    "The injured worker is currently being treated for {l}.",
    "Diagnoses included {l}.",
    "She was diagnosed with {l}.",
    "The patient was diagnosed as having {l}.",
    "A review of the records shows the injured worker has diagnosis that include {l}.",
    "He has diagnoses that includes {l}.",
    "The diagnoses have included {l}.",
    "The diagnoses are {l}.",
    "The current diagnoses are documented as {l}.",
    "Diagnoses: {l}.",
    "DIAGNOSES: {l}.",
]
DX_LISTS = [
    ("strain of muscle, fascia and tendon at neck level, initial encounter, other specified "
     "disorders of bone density and structure, unspecified site, and anxiety",
     ["strain of muscle, fascia and tendon at neck level, initial encounter",
      "other specified disorders of bone density and structure, unspecified site", "anxiety"]),
    ("radiculopathy, lumbar region; contusion of lower back and pelvis, subsequent encounter; "
     "insomnia",
     ["radiculopathy, lumbar region", "contusion of lower back and pelvis, subsequent encounter",
      "insomnia"]),
    ("type 2 diabetes mellitus, without complications, and low back pain, M54.5",
     ["type 2 diabetes mellitus, without complications", "low back pain, M54.5"]),
    ("sprain of ligaments of cervical spine and lumbar sprain",
     ["sprain of ligaments of cervical spine", "lumbar sprain"]),
    ("pain in right hip and thigh", ["pain in right hip and thigh"]),
    ("sprain of the right ankle and left knee, initial encounter",
     ["sprain of the right ankle and left knee, initial encounter"]),
    ("other specified disorders of bone density and structure, unspecified site",
     ["other specified disorders of bone density and structure, unspecified site"]),
    ("carpal tunnel syndrome, bilateral, and de Quervain's tenosynovitis, right wrist",
     ["carpal tunnel syndrome, bilateral", "de Quervain's tenosynovitis, right wrist"]),
    ("lumbar strain and anxiety", ["lumbar strain", "anxiety"]),
    ("strain of the neck and depression", ["strain of the neck", "depression"]),
    ("1. Lumbar radiculopathy. 2. Strain of muscle, fascia and tendon of lower back. 3. "
     "Depression and anxiety",
     ["Lumbar radiculopathy", "Strain of muscle, fascia and tendon of lower back",
      "Depression and anxiety"]),
    ("1) cervical strain, 2) dorsalgia, unspecified, and 3) sleep disturbance",
     ["cervical strain", "dorsalgia, unspecified", "sleep disturbance"]),
    ("(1) lumbar spondylosis; (2) sacroiliitis", ["lumbar spondylosis", "sacroiliitis"]),
]


@pytest.mark.parametrize(("listed", "expected"), DX_LISTS)
@pytest.mark.parametrize("cue", DX_CUES)
def test_diagnoses_in_every_phrasing(cue: str, listed: str, expected: list[str]) -> None:
    sentence = cue.format(l=listed)
    for text, want in ((sentence, expected), (sentence.upper(), [e.upper() for e in expected]),
                       (sentence.replace(" ", "\n"), expected)):
        s = read_summary("The injured worker is a 40 year old male. " + text + " He has pain.")
        assert list(s.diagnoses) == want, text
        for i, value in enumerate(s.diagnoses):
            assert " ".join(s.spans[f"diagnoses.{i}"].slice(s.text).split()) == value


# --------------------------------------------------------------------------- treatments

TX_ROWS = [
    ("The patient has had conservative therapy with acupuncture, chiropractic, epidural steroid "
     "injections, medial branch blocks, and rhizotomy.",
     ["acupuncture", "chiropractic", "epidural steroid injections", "medial branch blocks",
      "rhizotomy"]),
    ("Treatment to date has included medications.", ["medications"]),
    ("Treatments to date include activity modification, NSAID and PPI, and an unknown number "
     "of physical therapy sessions.",
     ["activity modification", "NSAID and PPI", "an unknown number of physical therapy sessions"]),
    ("Thus far, the applicant has been treated with analgesic medications; transfer of care to "
     "and from various providers in various specialties; and unspecified amounts of physical "
     "therapy over the course of the claim.",
     ["analgesic medications",
      "transfer of care to and from various providers in various specialties",
      "unspecified amounts of physical therapy"]),
    # a repeated item is kept once
    ("Treatment to date has included medication, activity modification, occipital nerve blocks, "
     "and activity modification.",
     ["medication", "activity modification", "occipital nerve blocks"]),
    ("Treatment to date has included modified work duties, diagnostic imaging, diagnostic "
     "imaging, and home exercise program.",
     ["modified work duties", "diagnostic imaging", "home exercise program"]),
    ("Past treatments included therapy and medications.", ["therapy", "medications"]),
    ("Prior treatment has included medication and work restrictions.",
     ["medication", "work restrictions"]),
    ("Treatments were noted to include: diagnostics; lumbar CT (3-21-13); physical therapy (PT); "
     "and modified work duties.",
     ["diagnostics", "lumbar CT (3-21-13)", "physical therapy (PT)", "modified work duties"]),
    ("Relevant treatments have included: left hand surgery, physical therapy, and medications.",
     ["left hand surgery", "physical therapy", "medications"]),
    ("Treatment and diagnostic studies to date has included medication regimen and x-ray of the "
     "lumbar spine.", ["medication regimen", "x-ray of the lumbar spine"]),
    ("Treatment rendered included diagnostic testing, consultation, home exercise program and "
     "follow up.", ["diagnostic testing", "consultation", "home exercise program", "follow up"]),
    ("Treatment to date has included chiropractic care; acupuncture and medications.",
     ["chiropractic care", "acupuncture", "medications"]),
    ("Previous treatment consisted of 12 sessions of physical therapy and a home exercise "
     "program.", ["12 sessions of physical therapy", "a home exercise program"]),
    ("The injured worker previously received the following treatments 6 sessions of physical "
     "therapy, Tramadol and Ketoprofen.",
     ["6 sessions of physical therapy", "Tramadol", "Ketoprofen"]),
    ("He was conservatively treated with physical therapy.", ["physical therapy"]),
    ("Treatment has included physical and occupational therapy, etc.",
     ["physical and occupational therapy"]),
    ("Treatment to date has included medications, which have been helpful, and acupuncture.",
     ["medications"]),
    ("Treatment: PT, TENS.", ["PT", "TENS"]),
    # the requested treatment or the plan is not treatment to date
    ("The treatment plan included physical therapy. Prior treatment has included medication.",
     ["medication"]),
    ("The requested treatment includes an MRI. Past treatments included therapy.", ["therapy"]),
    ("The RFA dated November 17, 2016; the following treatments were requested an MRI.", []),
    ("The plan of treatment: MRI and surgery.", []),
    ("Pretreatment includes hydration.", []),
    ("", []),
]


@pytest.mark.parametrize("phrase, expected", TX_ROWS)
def test_prior_treatments(phrase: str, expected: list[str]) -> None:
    s = read_summary(phrase)
    assert list(s.prior_treatments) == expected
    for i, value in enumerate(s.prior_treatments):
        assert " ".join(s.spans[f"prior_treatments.{i}"].slice(phrase).split()) == value


# --------------------------------------------------------------------------- the whole summary


def test_summary_keeps_text_and_leaves_span_unset() -> None:
    text = "The injured worker is a 48 year old male.\n\nTreatment has included medication."
    s = read_summary(text)
    assert s.text == text and s.span is None
    assert s.patient.age == 48 and s.patient.sex is Sex.MALE
    assert s.prior_treatments == ("medication",)


def test_spans_are_local_offsets() -> None:
    text = ("The injured worker is a 55 year old female, who sustained an industrial injury on "
            "1-30-2014. Diagnoses include lumbar sprain-strain. The Utilization Review dated "
            "10-2-15, denied the request.")
    s = read_summary(text)
    sl = {k: v.slice(text) for k, v in {**s.patient.spans, **s.spans}.items()}
    assert sl == {"age": "55", "sex": "female", "date_of_injury": "1-30-2014",
                  "diagnoses.0": "lumbar sprain-strain", "ur_decision_date": "10-2-15"}


COMPLETENESS_ROWS = [
    (Patient(age=40, sex=Sex.MALE, date_of_injury=D(2016, 1, 1)), "full"),
    (Patient(age=40), "partial"),
    (Patient(sex=Sex.FEMALE, date_of_injury=D(2016, 1, 1)), "partial"),
    (Patient(), "unrecognised"),
]


@pytest.mark.parametrize("patient, expected", COMPLETENESS_ROWS)
def test_patient_completeness(patient: Patient, expected: str) -> None:
    assert patient_completeness(patient) == expected


def test_completeness_of_read_patients() -> None:
    assert patient_completeness(read_summary(
        "The injured worker is a 48 year old male who sustained an industrial injury on 10-13-16."
    ).patient) == "full"
    partial = read_summary("The applicant is a 55-year-old.").patient
    assert patient_completeness(partial) == "partial"
    assert patient_completeness(read_summary("No facts here.").patient) == "unrecognised"


# --------------------------------------------------------------------------- robustness

_FRAGMENTS = [
    "The injured worker is a ", "55", "-year-old ", " year old ", "female", "male", "man", " he ",
    " she ", "his/her", "He/she", "date of injury ", "DOI", "D.O.I.", " on ", "1/2/2016",
    "13-Oct-16", "July 27, 2015", "utilization review", "UR", " dated ", "(", ")", "(UR)",
    "Diagnoses include ", "diagnosed with ", "Treatment to date has included ",
    "conservative therapy with ", ", ", "; ", " and ", " & ", ".", ". ", "\n\n", "\n", "age ",
    "y/o", "\u0130", "\u00e9", ":", "etc.", "initial encounter", "muscle, fascia and tendon",
    "'", '"', "-", "/", " ", "x", "Dr.", "e.g.",
    "was previously denied on ", "a prior determination dated ", "On ", "the claims administrator denied ",
    "1. ", "2. ", "(3) ", "unspecified site", "M54.5", "of lower back and pelvis", "1st of December, 2016",
]
_LETTERISH = st.lists(st.sampled_from(_FRAGMENTS), max_size=40).map("".join)


@given(st.one_of(st.text(), _LETTERISH))
@settings(max_examples=500, deadline=None)
def test_never_raises_and_spans_lie_inside(text: str) -> None:
    s = read_summary(text)
    assert s.text == text
    _all_spans_inside(s)
    assert patient_completeness(s.patient) in {"full", "partial", "unrecognised"}
    assert sum(k.startswith("diagnoses.") for k in s.spans) == len(s.diagnoses)
    assert sum(k.startswith("prior_treatments.") for k in s.spans) == len(s.prior_treatments)


_SEED_LIKE = (
    "The injured worker is a 55 year old female, who sustained an industrial injury on "
    "1-30-2014. Diagnoses include lumbar sprain-strain. Treatments to date include activity "
    "modification, NSAID and PPI, and an unknown number of physical therapy sessions. On "
    "7-24-15, she complained of increasing low back pain. The attending provider reiterated "
    "his request. She was re-evaluated on 9-23-15. The Utilization Review dated 10-2-15, "
    "denied the request.\n\n"
)
_MB = 1_000_000
LARGE_INPUTS = {
    "summaries": (_SEED_LIKE * (_MB // len(_SEED_LIKE) + 1))[:_MB],
    "spaces": " " * _MB,
    "digits": "1" * _MB,
    "dates": ("1/1/2016 " * (_MB // 9 + 1))[:_MB],
    "hyphens": "1-" * (_MB // 2),
    "periods": "." * _MB + "x",
    "initials": "a." * (_MB // 2),
    "pronouns": ("he she his her provider " * (_MB // 24 + 1))[:_MB],
    "cues": ("Diagnoses include lumbar strain and " * (_MB // 36 + 1))[:_MB],
    "open parentheses": "(" * _MB,
    "ages": ("year old " * (_MB // 9 + 1))[:_MB],
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(LARGE_INPUTS))
def test_linear_up_to_a_megabyte(name: str) -> None:
    assert_linear(lambda t: _all_spans_inside(read_summary(t)), prefix_of(LARGE_INPUTS[name]))


# --------------------------------------------------------------------------- shared samples

_SUMMARY_START = "including all medical records:"
_SUMMARY_END = "IMR ISSUES, DECISIONS AND RATIONALES"


def _cut_summary(letter: str) -> str:
    """The summary of a letter: its text between the two markers, lines joined by a space."""
    a = letter.find(_SUMMARY_START)
    b = letter.find(_SUMMARY_END, a)
    body = letter[a + len(_SUMMARY_START):b]
    return " ".join(line.strip() for line in body.splitlines() if line.strip())


def _as_json(s: Summary) -> dict[str, object]:
    p = s.patient
    return {
        "patient": {"age": p.age, "sex": p.sex.value if p.sex else None,
                    "date_of_injury": p.date_of_injury.isoformat() if p.date_of_injury else None},
        "diagnoses": list(s.diagnoses),
        "prior_treatments": list(s.prior_treatments),
        "ur_decision_date": s.ur_decision_date.isoformat() if s.ur_decision_date else None,
    }


@pytest.mark.shared
@pytest.mark.parametrize(
    "name, path", shared_letters("seeds", ".txt") + shared_letters("real", ".pypdf.txt")
    or [pytest.param("none", None, marks=pytest.mark.skip("../shared is absent"))],
)
def test_matches_gold(name: str, path: Path) -> None:
    kind = "seeds" if path.parent.name == "seeds" else "real"
    gold = json.loads((SHARED / "gold" / kind / f"{name}.json").read_text())["summary"]
    got = _as_json(read_summary(_cut_summary(path.read_text())))
    for key, want in gold.items():
        if key == "text":
            continue
        if key == "patient":
            assert {k: got["patient"][k] for k in want} == want  # type: ignore[index]
        else:
            assert fold_for_gold(got[key]) == fold_for_gold(want), key
