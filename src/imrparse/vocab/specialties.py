"""Medical specialty and subspecialty names (ABMS boards and the spellings letters use).

Only consulted to decide whether an "and"/"&" or a comma lies *inside* one name
("Physical Medicine and Rehabilitation", "Endocrinology, Diabetes and Metabolism") when a
subspecialty list is split; names not listed here are still extracted as written.
Names are phrases (:mod:`imrparse.text.phrases`): "&" and "and" are one.
"""

from __future__ import annotations

__all__ = ["SPECIALTIES", "SUBSPECIALTIES"]

SPECIALTIES: tuple[str, ...] = (
    "Addiction Medicine", "Allergy and Immunology", "Anesthesiology", "Chiropractor",
    "Chiropractic", "Colon and Rectal Surgery", "Dermatology", "Emergency Medicine",
    "Family Medicine", "Family Practice", "General Surgery", "Surgery", "Internal Medicine",
    "Medical Genetics", "Neurological Surgery", "Neurosurgery", "Neurology", "Psychiatry",
    "Psychiatry and Neurology", "Psychiatry & Neurology", "Nuclear Medicine",
    "Obstetrics and Gynecology", "Ophthalmology", "Orthopedic Surgery", "Orthopaedic Surgery",
    "Otolaryngology", "Pathology", "Pediatrics", "Physical Medicine and Rehabilitation",
    "Physical Medicine & Rehabilitation", "Plastic Surgery", "Plastic and Reconstructive Surgery",
    "Preventive Medicine", "Occupational Medicine", "Radiology", "Diagnostic Radiology",
    "Thoracic Surgery", "Urology", "Podiatry", "Podiatric Surgery", "Psychology",
    "Clinical Psychology", "Acupuncture", "Dentistry", "Optometry", "Physical Therapy",
    "Pharmacy", "Osteopathic Manipulative Medicine",
)

SUBSPECIALTIES: tuple[str, ...] = (
    "Pain Medicine", "Pain Management", "Sports Medicine", "Hand Surgery", "Surgery of the Hand",
    "Spine Surgery", "Spinal Cord Injury Medicine", "Brain Injury Medicine",
    "Neuromuscular Medicine", "Hospice and Palliative Medicine", "Hospice & Palliative Medicine",
    "Sleep Medicine", "Critical Care Medicine", "Addiction Psychiatry", "Forensic Psychiatry",
    "Geriatric Medicine", "Geriatric Psychiatry", "Clinical Neurophysiology",
    "Electrodiagnostic Medicine", "Cardiovascular Disease", "Pulmonary Disease",
    "Rheumatology", "Endocrinology, Diabetes and Metabolism",
    "Endocrinology, Diabetes & Metabolism", "Gastroenterology", "Nephrology",
    "Infectious Disease", "Hematology", "Medical Oncology", "Undersea and Hyperbaric Medicine",
    "Pediatric Rehabilitation Medicine", "Child and Adolescent Psychiatry",
    "Psychosomatic Medicine", "Consultation-Liaison Psychiatry", "Vascular Neurology",
    "Interventional Radiology", "Neuroradiology", "Vascular Surgery", "Foot and Ankle Surgery",
    "Aerospace Medicine", "Public Health and General Preventive Medicine",
    "Medical Toxicology", "Headache Medicine", "Interventional Pain Management",
)
