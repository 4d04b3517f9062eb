"""Imaging modalities, diagnostic tests and contrast phrases.

Each table maps a phrase (matched as described in :mod:`.services`) to the canonical
``modality`` of the contract: "MRI", "CT", "X-ray", "EMG", "NCV" ... ; a request that names
both EMG and NCV gets "EMG/NCV".  Phrases mapped to ``None`` decide the category without
naming a modality ("diagnostic imaging", "labs" without a named panel).
"""

from __future__ import annotations

from typing import Mapping

__all__ = ["IMAGING", "GENERIC_IMAGING", "TESTS", "GENERIC_TESTS", "CONTRAST", "COMBINED_MODALITIES"]

IMAGING: Mapping[str, str] = {
    "MRI": "MRI", "MRIs": "MRI", "magnetic resonance imaging": "MRI",
    "magnetic resonance image": "MRI", "magnetic resonance": "MRI", "MR imaging": "MRI",
    "open MRI": "MRI", "upright MRI": "MRI", "stand-up MRI": "MRI", "standing MRI": "MRI",
    "MR scan": "MRI",
    "MR arthrogram": "MRI", "MR arthrography": "MRI", "MRI arthrogram": "MRI",
    "MR angiogram": "MRA", "MR angiography": "MRA", "MRA": "MRA", "MR neurography": "MRI",
    "CT": "CT", "CT scan": "CT", "CAT scan": "CT", "computed tomography": "CT",
    "computerized tomography": "CT", "computerized axial tomography": "CT",
    "CT arthrogram": "CT", "CT myelogram": "CT myelogram", "CT angiogram": "CT angiogram",
    "CTA": "CT angiogram", "myelogram": "myelogram", "myelography": "myelogram",
    "x-ray": "X-ray", "x-rays": "X-ray", "xray": "X-ray", "radiograph": "X-ray",
    "radiographs": "X-ray", "radiographic": "X-ray", "radiography": "X-ray",
    "CXR": "X-ray", "plain films": "X-ray", "plain film": "X-ray", "films": "X-ray", "roentgenogram": "X-ray",
    "flexion-extension x-rays": "X-ray", "flexion extension views": "X-ray",
    "ultrasound": "ultrasound", "diagnostic ultrasound": "ultrasound", "sonogram": "ultrasound",
    "sonography": "ultrasound", "ultrasonography": "ultrasound", "musculoskeletal ultrasound": "ultrasound",
    "doppler": "ultrasound", "duplex": "ultrasound", "duplex scan": "ultrasound",
    "venous doppler": "ultrasound", "venous duplex": "ultrasound",
    "bone scan": "bone scan", "nuclear bone scan": "bone scan", "triple phase bone scan": "bone scan",
    "three phase bone scan": "bone scan", "bone scintigraphy": "bone scan",
    "scintigraphy": "bone scan", "SPECT": "SPECT", "SPECT scan": "SPECT",
    "PET": "PET", "PET scan": "PET", "PET/CT": "PET",
    "DEXA": "DEXA", "DEXA scan": "DEXA", "DXA": "DEXA", "bone density": "DEXA",
    "bone densitometry": "DEXA", "discogram": "discogram", "discography": "discogram",
    "arthrogram": "arthrogram", "arthrography": "arthrogram", "fluoroscopy": "fluoroscopy",
    "videofluoroscopy": "fluoroscopy", "thermography": "thermography", "mammogram": "mammogram",
    "echocardiogram": "echocardiogram",
}

#: Imaging named without a modality.
GENERIC_IMAGING: tuple[str, ...] = (
    "imaging", "diagnostic imaging", "imaging study", "imaging studies", "radiology",
    "radiologic study", "scan",
)

TESTS: Mapping[str, str] = {
    "EMG/NCV": "EMG/NCV", "EMG/NCS": "EMG/NCV", "NCV/EMG": "EMG/NCV", "NCS/EMG": "EMG/NCV",
    "EMG and NCV": "EMG/NCV", "EMG and NCS": "EMG/NCV", "EMG/NCV study": "EMG/NCV",
    "electrodiagnostic study": "EMG/NCV", "electrodiagnostic studies": "EMG/NCV",
    "electrodiagnostic testing": "EMG/NCV", "electrodiagnostic test": "EMG/NCV",
    "electrodiagnostics": "EMG/NCV", "electrodiagnostic": "EMG/NCV", "EDS": "EMG/NCV",
    "EMG": "EMG", "electromyography": "EMG", "electromyogram": "EMG", "needle EMG": "EMG",
    "NCV": "NCV", "NCS": "NCV", "nerve conduction": "NCV", "nerve conduction study": "NCV",
    "nerve conduction studies": "NCV", "nerve conduction velocity": "NCV",
    "nerve conduction velocities": "NCV", "nerve conduction test": "NCV",
    "nerve conduction testing": "NCV", "NCT": "NCV",
    "surface EMG": "surface EMG", "sEMG": "surface EMG",
    "urine drug screen": "urine drug screen", "urine drug screening": "urine drug screen",
    "urine drug test": "urine drug screen", "urine drug testing": "urine drug screen",
    "urine toxicology": "urine drug screen", "urine toxicology screen": "urine drug screen",
    "urine tox screen": "urine drug screen", "UDS": "urine drug screen", "UDT": "urine drug screen",
    "drug screen": "urine drug screen", "drug screening": "urine drug screen",
    "drug test": "urine drug screen", "drug testing": "urine drug screen",
    "toxicology screen": "urine drug screen", "toxicology": "urine drug screen",
    "confirmatory testing": "urine drug screen", "LC/MS": "urine drug screen",
    "urinalysis": "urinalysis", "UA": "urinalysis", "urine analysis": "urinalysis",
    "urine test": "urinalysis", "urine culture": "urine culture",
    "CBC": "CBC", "complete blood count": "CBC", "CBC with differential": "CBC",
    "CMP": "CMP", "comprehensive metabolic panel": "CMP", "BMP": "BMP",
    "basic metabolic panel": "BMP", "chem panel": "chemistry panel",
    "chemistry panel": "chemistry panel", "chem 7": "chemistry panel", "chem 12": "chemistry panel",
    "chem 20": "chemistry panel", "chemistry": "chemistry panel", "SMA 12": "chemistry panel",
    "PT/PTT": "PT/PTT", "PT/INR": "PT/INR", "PTT": "PT/PTT", "INR": "PT/INR",
    "coagulation panel": "PT/PTT", "coagulation studies": "PT/PTT", "coags": "PT/PTT",
    "liver function test": "liver function tests", "liver function tests": "liver function tests",
    "liver function": "liver function tests", "LFT": "liver function tests",
    "hepatic function panel": "liver function tests", "hepatic panel": "liver function tests",
    "hepatic function": "liver function tests",
    # two panels named together: the first named, as in a list ("CBC, CMP")
    "liver and kidney function": "liver function tests", "liver and renal function": "liver function tests",
    "hepatic and renal function": "liver function tests", "hepatic and kidney function": "liver function tests",
    "kidney and liver function": "renal function tests", "renal and hepatic function": "renal function tests",
    "renal and liver function": "renal function tests",
    "renal function": "renal function tests", "renal function test": "renal function tests",
    "renal panel": "renal function tests", "kidney function": "renal function tests",
    "lipid panel": "lipid panel", "hemoglobin A1c": "HbA1c", "HbA1c": "HbA1c", "A1c": "HbA1c",
    "TSH": "thyroid panel", "thyroid panel": "thyroid panel", "thyroid function": "thyroid panel",
    "ESR": "ESR", "sed rate": "ESR", "sedimentation rate": "ESR", "CRP": "CRP",
    "C-reactive protein": "CRP", "rheumatoid factor": "rheumatoid panel",
    "arthritis panel": "rheumatoid panel",
    "vitamin D level": "vitamin D level", "testosterone level": "testosterone level",
    "drug levels": "drug levels", "serum drug levels": "drug levels",
    "genetic testing": "genetic testing", "genetic test": "genetic testing",
    "pharmacogenetic testing": "genetic testing", "pharmacogenomic testing": "genetic testing",
    "cytokine DNA testing": "genetic testing", "DNA testing": "genetic testing",
    "genetic opioid risk testing": "genetic testing", "cytochrome P450 testing": "genetic testing",
    "electrocardiogram": "EKG", "EKG": "EKG", "ECG": "EKG",
    "stress test": "stress test", "cardiac stress test": "stress test",
    "holter monitor": "Holter monitor", "pulmonary function test": "pulmonary function test",
    "pulmonary function testing": "pulmonary function test", "PFT": "pulmonary function test",
    "spirometry": "pulmonary function test", "sleep study": "sleep study",
    "polysomnography": "sleep study", "polysomnogram": "sleep study", "PSG": "sleep study",
    "home sleep study": "sleep study", "sleep apnea study": "sleep study",
    "functional capacity evaluation": "functional capacity evaluation",
    "functional capacity examination": "functional capacity evaluation",
    "functional capacity assessment": "functional capacity evaluation",
    "functional capacity exam": "functional capacity evaluation",
    "FCE": "functional capacity evaluation", "functional capacity": "functional capacity evaluation",
    "EEG": "EEG", "electroencephalogram": "EEG", "VNG": "VNG", "videonystagmography": "VNG",
    "audiogram": "audiogram", "audiometry": "audiogram", "hearing test": "audiogram",
    "quantitative sensory testing": "quantitative sensory testing", "QST": "quantitative sensory testing",
    "range of motion testing": "range of motion testing",
    "computerized range of motion": "range of motion testing", "ROM testing": "range of motion testing",
    "muscle testing": "muscle testing", "computerized muscle testing": "muscle testing",
    "manual muscle testing": "muscle testing", "grip strength testing": "muscle testing",
    "sudomotor testing": "autonomic testing", "autonomic testing": "autonomic testing",
    "QSART": "autonomic testing", "tilt table": "autonomic testing",
    "biopsy": "biopsy", "skin biopsy": "biopsy", "allergy testing": "allergy testing",
    "blood test": "labs", "blood tests": "labs", "bloodwork": "labs", "blood work": "labs",
    "blood panel": "labs", "labs": "labs", "lab": "labs", "lab work": "labs",
    "laboratory": "labs", "laboratory tests": "labs", "laboratory studies": "labs",
    "lab tests": "labs", "lab testing": "labs", "pre-op labs": "labs", "preoperative labs": "labs",
}

#: Tests named without a specific test ("labs"), ranked ``generic test``: a named panel
#: in the same request gives the modality ("Pre-op labs: CBC" is "CBC").
GENERIC_TESTS: tuple[str, ...] = (
    "blood test", "blood tests", "bloodwork", "blood work", "blood panel", "labs", "lab",
    "lab work", "laboratory", "laboratory tests", "laboratory studies", "lab tests",
    "lab testing", "pre-op labs", "preoperative labs", "diagnostic testing", "diagnostic test",
    "diagnostic tests", "testing", "test",
)

#: Contrast phrases: ``True`` when contrast is given, ``False`` when it is not, ``None``
#: when the request leaves it to the radiologist.  "With and without contrast" is
#: ``True``: contrast is given (for the second series).  Arthrograms and myelograms are
#: contrast studies by definition.
CONTRAST: Mapping[str, bool | None] = {
    "without contrast": False, "w/o contrast": False, "wo contrast": False,
    "without dye": False, "w/o dye": False, "without IV contrast": False,
    "without intravenous contrast": False, "without gadolinium": False,
    "non-contrast": False, "non contrasted": False, "no contrast": False,
    "non-enhanced": False, "unenhanced": False, "without contrast material": False,
    "with contrast": True, "w/ contrast": True, "with dye": True, "w/ dye": True,
    "with IV contrast": True, "with intravenous contrast": True, "with gadolinium": True,
    "with gad": True, "contrast-enhanced": True, "contrast enhanced": True,
    "gadolinium-enhanced": True, "gadolinium enhanced": True,
    "with and without contrast": True, "with & without contrast": True,
    "with/without contrast": True, "w/wo contrast": True, "w/ and w/o contrast": True,
    "w/ & w/o contrast": True, "with and w/o contrast": True,
    "without and with contrast": True, "w/o and w/ contrast": True,
    "with and without dye": True, "with and without gadolinium": True,
    "MR arthrogram": True, "MR arthrography": True, "MRI arthrogram": True,
    "CT arthrogram": True, "arthrogram": True, "arthrography": True,
    "CT myelogram": True, "myelogram": True, "myelography": True,
    "with or without contrast": None, "with or w/o contrast": None,
    "with or without dye": None,
}

#: Pairs of modalities that a request names together, and the modality they make.
COMBINED_MODALITIES: Mapping[frozenset[str], str] = {
    frozenset({"EMG", "NCV"}): "EMG/NCV",
    frozenset({"EMG/NCV", "EMG"}): "EMG/NCV",
    frozenset({"EMG/NCV", "NCV"}): "EMG/NCV",
}
