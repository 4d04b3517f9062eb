"""Body regions, laterality and spinal levels.

:data:`REGIONS` maps a phrase (matched as described in :mod:`.services`) to the
controlled region names it names, usually one ("low back" is "lumbar spine"), sometimes
several ("cervicothoracic"), sometimes none (:data:`MASKS`: "knee scooter" does not make
the knee the region).  The controlled names:

    cervical spine, thoracic spine, lumbar spine, sacroiliac joint, coccyx, shoulder,
    elbow, forearm, wrist, hand, hip, pelvis, groin, knee, ankle, foot,
    upper extremity, lower extremity, chest, abdomen, head, brain, face, jaw, eye.

Fingers and thumbs are "hand"; toes and heels "foot"; arms "upper extremity", legs,
thighs and calves "lower extremity"; sacrum and lumbosacral "lumbar spine".
"""

from __future__ import annotations

from typing import Mapping

__all__ = [
    "REGION_NAMES", "REGIONS", "MASKS", "LATERALITY", "PAIRED_REGIONS",
    "VERTEBRAE", "LEVEL_REGIONS",
]

REGION_NAMES: tuple[str, ...] = (
    "cervical spine", "thoracic spine", "lumbar spine", "sacroiliac joint", "coccyx",
    "shoulder", "elbow", "forearm", "wrist", "hand", "hip", "pelvis", "groin", "knee",
    "ankle", "foot", "upper extremity", "lower extremity", "chest", "abdomen", "head",
    "brain", "face", "jaw", "eye",
)

_C, _T, _L = ("cervical spine",), ("thoracic spine",), ("lumbar spine",)

REGIONS: Mapping[str, tuple[str, ...]] = {
    # spine
    "cervical spine": _C, "cervical": _C, "c-spine": _C, "neck": _C, "cervical region": _C,
    "cervical paraspinal": _C, "upper back and neck": _C + _T,
    "thoracic spine": _T, "thoracic": _T, "t-spine": _T, "dorsal spine": _T,
    "upper back": _T, "mid back": _T, "middle back": _T, "mid-back": _T, "midback": _T,
    "lumbar spine": _L, "lumbar": _L, "l-spine": _L, "low back": _L, "lower back": _L,
    "lumbosacral spine": _L, "lumbosacral": _L, "LS spine": _L, "L/S spine": _L,
    "lumbar sacral": _L, "lumbar-sacral spine": _L, "sacral spine": _L, "sacrum": _L,
    "lumbar region": _L, "low back region": _L, "lower lumbar": _L,
    "cervicothoracic": _C + _T, "cervicothoracic spine": _C + _T,
    "thoracolumbar": _T + _L, "thoracolumbar spine": _T + _L,
    "entire spine": _C + _T + _L, "whole spine": _C + _T + _L, "full spine": _C + _T + _L,
    "total spine": _C + _T + _L,
    "ACDF": _C, "TLIF": _L, "PLIF": _L, "ALIF": _L, "XLIF": _L, "LLIF": _L,
    "sacroiliac joint": ("sacroiliac joint",), "sacroiliac": ("sacroiliac joint",),
    "SI joint": ("sacroiliac joint",), "SI joints": ("sacroiliac joint",),
    "SIJ": ("sacroiliac joint",), "coccyx": ("coccyx",), "tailbone": ("coccyx",),
    # upper limb
    "shoulder": ("shoulder",), "rotator cuff": ("shoulder",), "subacromial": ("shoulder",),
    "acromioclavicular": ("shoulder",), "AC joint": ("shoulder",), "glenohumeral": ("shoulder",),
    "scapula": ("shoulder",), "scapular": ("shoulder",), "clavicle": ("shoulder",),
    "superior labral anterior posterior": ("shoulder",), "SLAP": ("shoulder",),
    "elbow": ("elbow",), "cubital tunnel": ("elbow",), "tennis elbow": ("elbow",),
    "lateral epicondyle": ("elbow",), "medial epicondyle": ("elbow",),
    "lateral epicondylitis": ("elbow",), "olecranon": ("elbow",),
    "forearm": ("forearm",), "wrist": ("wrist",), "carpal tunnel": ("wrist",),
    "TFCC": ("wrist",), "De Quervain": ("wrist",), "De Quervain's": ("wrist",),
    "hand": ("hand",), "finger": ("hand",), "fingers": ("hand",), "thumb": ("hand",),
    "index finger": ("hand",), "middle finger": ("hand",), "ring finger": ("hand",),
    "small finger": ("hand",), "little finger": ("hand",), "trigger finger": ("hand",),
    "CMC joint": ("hand",), "palm": ("hand",), "digit": ("hand",),
    "upper extremity": ("upper extremity",), "upper extremities": ("upper extremity",),
    "upper limb": ("upper extremity",), "upper limbs": ("upper extremity",),
    "arm": ("upper extremity",), "upper arm": ("upper extremity",), "UE": ("upper extremity",),
    "UEs": ("upper extremity",),
    # lower limb
    "hip": ("hip",), "hips": ("hip",), "pelvis": ("pelvis",), "pelvic": ("pelvis",),
    "groin": ("groin",), "knee": ("knee",), "knees": ("knee",), "patella": ("knee",),
    "patellar": ("knee",), "meniscus": ("knee",), "ACL": ("knee",), "ankle": ("ankle",),
    "achilles": ("ankle",), "tarsal tunnel": ("ankle",), "foot": ("foot",), "feet": ("foot",),
    "heel": ("foot",), "toe": ("foot",), "toes": ("foot",), "plantar fascia": ("foot",),
    "plantar": ("foot",), "lower extremity": ("lower extremity",),
    "lower extremities": ("lower extremity",), "lower limb": ("lower extremity",),
    "lower limbs": ("lower extremity",), "leg": ("lower extremity",), "legs": ("lower extremity",),
    "lower leg": ("lower extremity",), "thigh": ("lower extremity",), "calf": ("lower extremity",),
    "shin": ("lower extremity",), "LE": ("lower extremity",), "LEs": ("lower extremity",),
    # trunk and head
    "chest": ("chest",), "chest wall": ("chest",), "CXR": ("chest",), "rib": ("chest",), "ribs": ("chest",),
    "sternum": ("chest",), "abdomen": ("abdomen",), "abdominal": ("abdomen",),
    "head": ("head",), "skull": ("head",), "brain": ("brain",), "brainstem": ("brain",),
    "brain stem": ("brain",), "face": ("face",), "facial": ("face",), "jaw": ("jaw",),
    "TMJ": ("jaw",), "temporomandibular joint": ("jaw",), "eye": ("eye",), "eyes": ("eye",),
}

#: Phrases whose body word is not the region treated.
MASKS: tuple[str, ...] = (
    "knee scooter", "knee walker", "hand held", "handheld", "hands-on", "hand controls",
    "head of bed", "shower head", "arm rest", "armrest", "foot stool",
    "footstool", "foot pedal",
)

#: Laterality words, and the phrases that carry a region and a side together
#: (handled as :data:`REGIONS` entries with a side): "BUE" is both upper extremities.
LATERALITY: Mapping[str, tuple[str, tuple[str, ...]]] = {
    "left": ("left", ()), "lt": ("left", ()), "left-sided": ("left", ()),
    "right": ("right", ()), "rt": ("right", ()), "right-sided": ("right", ()),
    "bilateral": ("bilateral", ()), "bilaterally": ("bilateral", ()), "bilat": ("bilateral", ()),
    "b/l": ("bilateral", ()), "both sides": ("bilateral", ()), "left and right": ("bilateral", ()),
    "right and left": ("bilateral", ()),
    "BUE": ("bilateral", ("upper extremity",)), "BLE": ("bilateral", ("lower extremity",)),
    "RUE": ("right", ("upper extremity",)), "LUE": ("left", ("upper extremity",)),
    "RLE": ("right", ("lower extremity",)), "LLE": ("left", ("lower extremity",)),
}

#: Paired regions: "both knees", "both shoulders" are bilateral.
PAIRED_REGIONS: Mapping[str, str] = {
    "shoulders": "shoulder", "elbows": "elbow", "forearms": "forearm", "wrists": "wrist",
    "hands": "hand", "hips": "hip", "knees": "knee", "ankles": "ankle", "feet": "foot",
    "upper extremities": "upper extremity", "lower extremities": "lower extremity",
    "arms": "upper extremity", "legs": "lower extremity", "SI joints": "sacroiliac joint",
    "sacroiliac joints": "sacroiliac joint", "eyes": "eye",
}

#: Vertebrae in order, for expanding a range of levels ("L3-S1") into motion segments.
VERTEBRAE: tuple[str, ...] = (
    "C1", "C2", "C3", "C4", "C5", "C6", "C7",
    "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "T10", "T11", "T12",
    "L1", "L2", "L3", "L4", "L5", "S1", "S2", "S3", "S4", "S5",
)

#: The spinal region of each vertebra letter.
LEVEL_REGIONS: Mapping[str, str] = {
    "C": "cervical spine", "T": "thoracic spine", "L": "lumbar spine", "S": "lumbar spine",
}
