"""Medical specialty and subspecialty names: the canonical list and the spellings letters use.

The canonical names are those of the American Board of Medical Specialties (ABMS): the
specialties its 24 member boards certify (:data:`ABMS_SPECIALTIES`, with the boards that
letters name as such, "Preventive Medicine", "Psychiatry and Neurology", "Radiology") and
their subspecialties (:data:`ABMS_SUBSPECIALTIES`), spelled as ABMS spells them
("Orthopaedic Surgery", "Surgery of the Hand").  Reviewers who are not physicians, and
boards outside ABMS, have names of their own (:data:`OTHER_NAMES`: "Chiropractic",
"Psychology", "Foot and Ankle Surgery").  :data:`SPELLINGS` maps the other ways letters
write a name to its canonical one ("Family Practice" is "Family Medicine", the board's
name since 2005; "Pain Management" is "Pain Medicine", the only name ABMS certifies for
the field).

Names are phrases (:mod:`imrparse.text.phrases`): case does not matter, "&" and "and"
are one ("Physical Medicine & Rehabilitation"), "(s)" is an optional plural.  The reviewer
reader also uses them to decide whether an "and"/"&" or a comma lies *inside* one name
("Endocrinology, Diabetes and Metabolism") when a list is split.
"""

from __future__ import annotations

from typing import Mapping

__all__ = ["ABMS_SPECIALTIES", "ABMS_SUBSPECIALTIES", "OTHER_NAMES", "SPELLINGS", "NAMES"]

#: The specialties of the ABMS member boards, and the boards letters name as specialties.
ABMS_SPECIALTIES: tuple[str, ...] = (
    "Allergy and Immunology", "Anesthesiology", "Colon and Rectal Surgery", "Dermatology",
    "Emergency Medicine", "Family Medicine", "Internal Medicine",
    "Medical Genetics and Genomics", "Neurological Surgery", "Nuclear Medicine",
    "Obstetrics and Gynecology", "Ophthalmology", "Orthopaedic Surgery",
    "Otolaryngology - Head and Neck Surgery", "Pathology", "Anatomic Pathology",
    "Clinical Pathology", "Pediatrics", "Physical Medicine and Rehabilitation",
    "Plastic Surgery", "Preventive Medicine", "Aerospace Medicine", "Occupational Medicine",
    "Public Health and General Preventive Medicine", "Psychiatry and Neurology",
    "Psychiatry", "Neurology", "Child Neurology", "Radiology", "Diagnostic Radiology",
    "Interventional Radiology", "Radiation Oncology", "Surgery", "Vascular Surgery",
    "Thoracic Surgery", "Urology",
)

#: ABMS subspecialties that reviewers of workers' compensation letters hold.
ABMS_SUBSPECIALTIES: tuple[str, ...] = (
    "Addiction Medicine", "Addiction Psychiatry", "Adolescent Medicine", "Brain Injury Medicine",
    "Cardiovascular Disease", "Child and Adolescent Psychiatry", "Clinical Neurophysiology",
    "Consultation-Liaison Psychiatry", "Critical Care Medicine", "Emergency Medical Services",
    "Endocrinology, Diabetes and Metabolism", "Epilepsy", "Forensic Psychiatry",
    "Gastroenterology", "Geriatric Medicine", "Geriatric Psychiatry", "Headache Medicine",
    "Hematology", "Hospice and Palliative Medicine", "Infectious Disease",
    "Interventional Cardiology", "Medical Oncology", "Medical Toxicology", "Nephrology",
    "Neurocritical Care", "Neuromuscular Medicine", "Neuroradiology",
    "Orthopaedic Sports Medicine", "Pain Medicine", "Pediatric Rehabilitation Medicine",
    "Pulmonary Disease", "Rheumatology", "Sleep Medicine", "Spinal Cord Injury Medicine",
    "Sports Medicine", "Surgery of the Hand", "Surgical Critical Care",
    "Undersea and Hyperbaric Medicine", "Vascular Neurology",
)

#: Names outside ABMS: other professions and boards, and fields no board certifies.
OTHER_NAMES: tuple[str, ...] = (
    "Chiropractic", "Psychology", "Clinical Psychology", "Neuropsychology", "Acupuncture",
    "Podiatry", "Foot and Ankle Surgery", "Dentistry", "Optometry", "Physical Therapy",
    "Pharmacy", "Osteopathic Manipulative Medicine", "Electrodiagnostic Medicine",
    "Spine Surgery",
)

#: Other spellings of a name -> its canonical name.
SPELLINGS: Mapping[str, str] = {
    "Family Practice": "Family Medicine",
    "General Surgery": "Surgery",
    "Neurosurgery": "Neurological Surgery",
    "Orthopedic Surgery": "Orthopaedic Surgery", "Orthopedics": "Orthopaedic Surgery",
    "Orthopaedics": "Orthopaedic Surgery", "Orthopedic Surgeon": "Orthopaedic Surgery",
    "Orthopaedic Surgeon": "Orthopaedic Surgery",
    "Orthopedic Sports Medicine": "Orthopaedic Sports Medicine",
    "Physical Medicine and Rehab": "Physical Medicine and Rehabilitation",
    "Physical Medicine": "Physical Medicine and Rehabilitation",
    "Physiatry": "Physical Medicine and Rehabilitation",
    "PM&R": "Physical Medicine and Rehabilitation", "PMR": "Physical Medicine and Rehabilitation",
    "Plastic and Reconstructive Surgery": "Plastic Surgery",
    "Medical Genetics": "Medical Genetics and Genomics",
    "Otolaryngology": "Otolaryngology - Head and Neck Surgery",
    "Otolaryngology/Head and Neck Surgery": "Otolaryngology - Head and Neck Surgery",
    "Obstetrics/Gynecology": "Obstetrics and Gynecology",
    "Hand Surgery": "Surgery of the Hand",
    "Pain Management": "Pain Medicine", "Interventional Pain Management": "Pain Medicine",
    "Interventional Pain Medicine": "Pain Medicine",
    "Anesthesia": "Anesthesiology",
    "Occupational and Environmental Medicine": "Occupational Medicine",
    "General Preventive Medicine": "Public Health and General Preventive Medicine",
    "Public Health": "Public Health and General Preventive Medicine",
    "Palliative Medicine": "Hospice and Palliative Medicine",
    "Psychosomatic Medicine": "Consultation-Liaison Psychiatry",
    "Critical Care": "Critical Care Medicine",
    "Endocrinology": "Endocrinology, Diabetes and Metabolism",
    "Cardiology": "Cardiovascular Disease", "Pulmonology": "Pulmonary Disease",
    "Infectious Diseases": "Infectious Disease", "Geriatrics": "Geriatric Medicine",
    "Cardiothoracic Surgery": "Thoracic Surgery", "Urologic Surgery": "Urology",
    "Neurological Surgeon": "Neurological Surgery",
    "Chiropractor": "Chiropractic", "Doctor of Chiropractic": "Chiropractic",
    "Chiropractic Medicine": "Chiropractic",
    "Psychologist": "Psychology", "Licensed Psychologist": "Psychology",
    "Clinical Psychologist": "Clinical Psychology", "Neuropsychologist": "Neuropsychology",
    "Acupuncturist": "Acupuncture", "Licensed Acupuncturist": "Acupuncture",
    "Podiatrist": "Podiatry", "Podiatric Medicine": "Podiatry",
    # The American Board of Podiatric Surgery has been the American Board of Foot and
    # Ankle Surgery since 2016.
    "Podiatric Surgery": "Foot and Ankle Surgery",
    "Physical Therapist": "Physical Therapy", "Pharmacist": "Pharmacy",
    "Neurologist": "Neurology", "Psychiatrist": "Psychiatry",
    "Anesthesiologist": "Anesthesiology", "Physiatrist": "Physical Medicine and Rehabilitation",
    "Internist": "Internal Medicine", "Family Physician": "Family Medicine",
    "Rheumatologist": "Rheumatology", "General Surgeon": "Surgery",
}

#: Every name, canonical or not -> its canonical name.
NAMES: Mapping[str, str] = {
    **{name: name for name in ABMS_SPECIALTIES + ABMS_SUBSPECIALTIES + OTHER_NAMES},
    **SPELLINGS,
}
