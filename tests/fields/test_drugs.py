"""imrparse.fields.drugs: drug names to generic ingredients and a workers' comp class.

Table-driven: each row is a drug as a request might write it (invented phrasings: case,
punctuation, salts, release and dosage forms, strengths, brand or generic, combinations
in either order) with the generic and class it stands for.  Then the data files: classes
in the allowed list, the generated table sorted and loadable, every ingredient a name,
and the build script deterministic when its optional dictionary is installed.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given
from hypothesis import strategies as st

from imrparse.fields import drugs
from imrparse.fields.drugs import CLASS_PRECEDENCE, DRUG_CLASSES, DrugInfo, key, lookup, names

ROOT = Path(__file__).resolve().parents[2]
VOCAB = ROOT / "src" / "imrparse" / "vocab"
GENERATED = VOCAB / "drug_table.tsv"
HAND = VOCAB / "drug_table_wc.tsv"
INGREDIENT_CLASSES = ROOT / "scripts" / "drug_ingredient_classes.tsv"
BUILD_SCRIPT = ROOT / "scripts" / "build_drug_table.py"

HC_APAP = "hydrocodone/acetaminophen"
OPIOID, NSAID, TOPICAL = "opioid", "nsaid", "topical analgesic"

# (as written, generic, drug_class)
LOOKUPS: list[tuple[str, str | None, str]] = [
    # brands that are combinations
    ("Norco 7.5/325 mg #90", HC_APAP, OPIOID),
    ("NORCO", HC_APAP, OPIOID),
    ("norco 10-325mg, one q6h prn", HC_APAP, OPIOID),
    ("Vicodin ES", HC_APAP, OPIOID),
    ("Percocet 5/325mg #60", "oxycodone/acetaminophen", OPIOID),
    ("Ultracet 37.5/325", "tramadol/acetaminophen", OPIOID),
    ("Tylenol #3 #30", "acetaminophen/codeine", OPIOID),
    ("Tylenol w/ Codeine No. 4", "acetaminophen/codeine", OPIOID),
    ("Vicoprofen 7.5/200mg", "hydrocodone/ibuprofen", OPIOID),
    ("Suboxone 8mg/2mg sublingual film", "buprenorphine/naloxone", OPIOID),
    ("Fioricet #30", "butalbital/acetaminophen/caffeine", "sedative-hypnotic"),
    ("Duexis 800/26.6mg", "ibuprofen/famotidine", NSAID),
    ("Vimovo 500/20", "naproxen/esomeprazole", NSAID),
    ("Senokot-S", "sennosides/docusate", "laxative"),
    ("senokot s 8.6/50mg", "sennosides/docusate", "laxative"),
    ("Adderall XR 20mg", "dextroamphetamine/amphetamine", "stimulant"),
    # generics with salts, release forms and strengths
    ("Oxycodone HCl ER 30 mg", "oxycodone", OPIOID),
    ("oxycodone hydrochloride extended-release", "oxycodone", OPIOID),
    ("Tramadol ER 150mg #30", "tramadol", OPIOID),
    ("Tramadol HCL 50 mg tablets", "tramadol", OPIOID),
    ("Morphine sulfate IR 15mg", "morphine", OPIOID),
    ("Hydromorphone 2 mg", "hydromorphone", OPIOID),
    ("Naproxen Sodium 550mg", "naproxen", NSAID),
    ("naproxen sodium DS", "naproxen", NSAID),
    ("Diclofenac potassium 50mg", "diclofenac", NSAID),
    ("Diclofenac Sodium DR 75mg", "diclofenac", NSAID),
    ("Cyclobenzaprine Hydrochloride 10mg", "cyclobenzaprine", "muscle relaxant"),
    ("cyclobenzaprine-hcl 7.5 mg", "cyclobenzaprine", "muscle relaxant"),
    ("Tizanidine HCl 4 mg caps", "tizanidine", "muscle relaxant"),
    ("Orphenadrine Citrate ER 100mg", "orphenadrine", "muscle relaxant"),
    ("Zolpidem tartrate CR 12.5mg", "zolpidem", "sedative-hypnotic"),
    ("Docusate Sodium 250 mg", "docusate", "laxative"),
    ("Divalproex sodium ER 500mg", "divalproex", "anticonvulsant"),
    ("Hydroxyzine HCl 25mg", "hydroxyzine", "antihistamine"),
    ("Ondansetron ODT 4 mg", "ondansetron", "antiemetic"),
    ("Omeprazole DR 20 mg capsules", "omeprazole", "proton pump inhibitor"),
    ("Pantoprazole sodium 40mg", "pantoprazole", "proton pump inhibitor"),
    ("Famotidine 20mg", "famotidine", "h2 blocker"),
    ("Duloxetine HCl 30mg", "duloxetine", "antidepressant"),
    ("Nortriptyline 10mg qhs", "nortriptyline", "antidepressant"),
    ("Trazodone 50mg at bedtime", "trazodone", "antidepressant"),
    ("Gabapentin 300 mg TID", "gabapentin", "anticonvulsant"),
    ("Pregabalin 75mg", "pregabalin", "anticonvulsant"),
    ("Topiramate 25 mg", "topiramate", "anticonvulsant"),
    ("Eszopiclone 2 mg", "eszopiclone", "sedative-hypnotic"),
    ("Lorazepam 0.5 mg", "lorazepam", "benzodiazepine"),
    ("Promethazine 25mg", "promethazine", "antiemetic"),
    ("Methylprednisolone 4mg dose pack", "methylprednisolone", "corticosteroid"),
    ("Rizatriptan ODT 10mg", "rizatriptan", "triptan"),
    ("Armodafinil 150mg", "armodafinil", "stimulant"),
    ("Cetirizine 10mg", "cetirizine", "antihistamine"),
    ("Acetaminophen 500mg", "acetaminophen", "other"),
    ("Lisinopril 20 mg", "lisinopril", "other"),
    # brands of one ingredient
    ("Flexeril 10mg", "cyclobenzaprine", "muscle relaxant"),
    ("Fexmid 7.5mg #60", "cyclobenzaprine", "muscle relaxant"),
    ("Soma 350 mg", "carisoprodol", "muscle relaxant"),
    ("Skelaxin", "metaxalone", "muscle relaxant"),
    ("OxyContin 40mg q12h", "oxycodone", OPIOID),
    ("Nucynta ER 50 mg", "tapentadol", OPIOID),
    ("Butrans 5mcg/hr patch", "buprenorphine", OPIOID),
    ("Duragesic 25 mcg/hr", "fentanyl", OPIOID),
    ("Celebrex 200mg", "celecoxib", NSAID),
    ("Mobic 15mg", "meloxicam", NSAID),
    ("Anaprox DS 550mg", "naproxen", NSAID),
    ("Voltaren XR 100 mg", "diclofenac", NSAID),
    ("Neurontin 600", "gabapentin", "anticonvulsant"),
    ("Lyrica CR 165mg", "pregabalin", "anticonvulsant"),
    ("Cymbalta 60 mg", "duloxetine", "antidepressant"),
    ("Prilosec OTC 20mg", "omeprazole", "proton pump inhibitor"),
    ("Ambien 10mg", "zolpidem", "sedative-hypnotic"),
    ("Sonata 10mg", "zaleplon", "sedative-hypnotic"),
    ("Xanax XR", "alprazolam", "benzodiazepine"),
    ("Zofran 8mg", "ondansetron", "antiemetic"),
    ("Colace 100mg", "docusate", "laxative"),
    ("MiraLAX 17 g", "polyethylene glycol", "laxative"),
    ("Medrol Dosepak", "methylprednisolone", "corticosteroid"),
    ("Imitrex 100mg", "sumatriptan", "triptan"),
    ("Provigil 200mg", "modafinil", "stimulant"),
    ("Benadryl 25mg", "diphenhydramine", "antihistamine"),
    # topical forms of NSAIDs and lidocaine
    ("Voltaren Gel 1% 100gm tube", "diclofenac", TOPICAL),
    ("voltaren topical gel", "diclofenac", TOPICAL),
    ("Flector 1.3% patch #30", "diclofenac", TOPICAL),
    ("Pennsaid 2% pump", "diclofenac", TOPICAL),
    ("Diclofenac sodium 1% gel", "diclofenac", TOPICAL),
    ("Ketoprofen 20% cream", "ketoprofen", TOPICAL),
    ("Lidoderm 5% patches #30", "lidocaine", TOPICAL),
    ("Lidocaine 5% ointment", "lidocaine", TOPICAL),
    ("lidocaine pad", "lidocaine", TOPICAL),
    ("Capsaicin 0.075% cream", "capsaicin", TOPICAL),
    # proprietary and compounded topicals
    ("Terocin lotion 120ml", "methyl salicylate/capsaicin/menthol/lidocaine", TOPICAL),
    ("Terocin patches #20", "lidocaine/menthol", TOPICAL),
    ("LidoPro ointment 121g", "capsaicin/lidocaine/menthol/methyl salicylate", TOPICAL),
    ("Lido-Pro", "capsaicin/lidocaine/menthol/methyl salicylate", TOPICAL),
    ("Menthoderm gel 240gm", "methyl salicylate/menthol", TOPICAL),
    ("Medrox patch", "menthol/capsaicin", TOPICAL),
    ("Dendracin lotion", "methyl salicylate/capsaicin/menthol", TOPICAL),
    ("Flurbiprofen 20%/Lidocaine 5% cream 180gm", "flurbiprofen/lidocaine", TOPICAL),
    ("Lidocaine 5%/Flurbiprofen 20% cream", "lidocaine/flurbiprofen", TOPICAL),
    ("Gabapentin 10%, Cyclobenzaprine 5%, Ketoprofen 10% compound", "gabapentin/cyclobenzaprine/ketoprofen", TOPICAL),
    ("Ketoprofen + Ketamine + Lidocaine transdermal cream", "ketoprofen/ketamine/lidocaine", TOPICAL),
    ("Tramadol 8%/Gabapentin 10%/Menthol 2%/Camphor 2%", "tramadol/gabapentin/menthol/camphor", TOPICAL),
    ("Flurbiprofen/Cyclobenzaprine", "flurbiprofen/cyclobenzaprine", TOPICAL),
    ("cyclobenzaprine and flurbiprofen", "cyclobenzaprine/flurbiprofen", TOPICAL),
    ("Methyl Salicylate/Menthol", "methyl salicylate/menthol", TOPICAL),
    ("Amitriptyline 4% cream", "amitriptyline", TOPICAL),
    ("Tramadol 5% cream", "tramadol", TOPICAL),
    ("Compounded cream 240 gm", None, TOPICAL),
    # medical foods
    ("Theramine #120", "theramine", "medical food"),
    ("Sentra PM #60", "sentra pm", "medical food"),
    ("Trepadone capsules", "trepadone", "medical food"),
    ("GABAdone #60", "gabadone", "medical food"),
    # combinations written as parts, in the order written
    ("Hydrocodone/APAP 10/325mg #120", HC_APAP, OPIOID),
    ("hydrocodone-apap", HC_APAP, OPIOID),
    ("Hydrocodone Bitartrate and Acetaminophen 5/325", HC_APAP, OPIOID),
    ("APAP/Hydrocodone 325/10", "acetaminophen/hydrocodone", OPIOID),
    ("Acetaminophen-Hydrocodone bitartrate", "acetaminophen/hydrocodone", OPIOID),
    ("Oxycodone HCl/Acetaminophen 10/325", "oxycodone/acetaminophen", OPIOID),
    ("Ibuprofen 200mg / Hydrocodone 7.5mg", "ibuprofen/hydrocodone", OPIOID),
    ("Carisoprodol/Aspirin", "carisoprodol/aspirin", "muscle relaxant"),
    ("Cyclobenzaprine 7.5mg/Naproxen 550mg", "cyclobenzaprine/naproxen", "muscle relaxant"),
    ("Naproxen + Esomeprazole", "naproxen/esomeprazole", NSAID),
    ("Sumatriptan/Naproxen 85/500", "sumatriptan/naproxen", "triptan"),
    ("Docusate/Senna", "docusate/sennosides", "laxative"),
    # directions and wrappers around the name
    ("Retrospective: Norco 10/325mg #60 DOS 3/4/15", HC_APAP, OPIOID),
    ("Post-op Percocet 5/325 #40, 1-2 tabs every 4 hours as needed", "oxycodone/acetaminophen", OPIOID),
    ("Voltaren gel apply to the knees three times a day", "diclofenac", TOPICAL),
    ("Pantoprazole 20mg, one by mouth daily #30", "pantoprazole", "proton pump inhibitor"),
    ("Meloxicam (Mobic) 15mg #30", "meloxicam", NSAID),
    ("Fluriflex (flurbiprofen 15%/cyclobenzaprine 10%) 180 gm", "flurbiprofen/cyclobenzaprine", TOPICAL),
    # a product whose name says its route keeps the class the table gives it
    ("Soma Compound 200/325mg", "carisoprodol/aspirin", "muscle relaxant"),
    ("soma compound, apply nothing", "carisoprodol/aspirin", "muscle relaxant"),
    ("Fentanyl patch 25mcg/hr", "fentanyl", OPIOID),
    # brands and kits of the hand table
    ("Roxicodone 15 mg #60", "oxycodone", OPIOID),
    ("Demerol 50mg", "meperidine", OPIOID),
    ("Xylocaine 1%", "lidocaine", TOPICAL),
    ("Tabradol 1mg/ml oral suspension 250ml", "cyclobenzaprine", "muscle relaxant"),
    ("Synapryn oral suspension", "tramadol", OPIOID),
    ("Deprizine 15mg/ml", "ranitidine", "h2 blocker"),
    ("Fanatrex 25mg/ml oral suspension 420ml", "gabapentin", "anticonvulsant"),
    ("Dicopanol 5mg/ml", "diphenhydramine", "antihistamine"),
    ("Laxacin #100", "docusate/sennosides", "laxative"),
    ("Ultracin lotion", "methyl salicylate/menthol/capsaicin", TOPICAL),
    ("Fish oil 1000mg", "omega-3 fatty acids", "other"),
]


@pytest.mark.parametrize(("written", "generic", "drug_class"), LOOKUPS, ids=[r[0] for r in LOOKUPS])
def test_lookup(written: str, generic: str | None, drug_class: str) -> None:
    assert lookup(written) == DrugInfo(generic, drug_class)


NOT_DRUGS = [
    "", "   ", "#120", "10/325mg", "MRI of the lumbar spine", "Physical therapy 2x6",
    "Fooprofen 10mg", "Flurbiprofen 10%/Fooprofen 5% cream", "TENS unit", "cream",
]


@pytest.mark.parametrize("written", NOT_DRUGS)
def test_unknown_is_none(written: str) -> None:
    assert lookup(written) is None


@pytest.mark.parametrize(
    ("written", "topical", "expected"),
    [
        ("Diclofenac", False, NSAID),
        ("Diclofenac", True, TOPICAL),  # "apply to the shoulder" outside the name
        ("Gabapentin", True, TOPICAL),
        ("Fentanyl", True, OPIOID),  # a fentanyl patch stays an opioid
        ("Buprenorphine patch", True, OPIOID),
        ("Hydrocortisone 1% cream", False, "corticosteroid"),
        ("Scopolamine patch", False, "antiemetic"),
        ("Ketorolac 0.5% ophthalmic solution", False, NSAID),  # a percent in the eye
        ("Nicotine 21mg patch", False, "other"),
    ],
)
def test_route(written: str, topical: bool, expected: str) -> None:
    info = lookup(written, topical=topical)
    assert info is not None and info.drug_class == expected


def test_every_ingredient_is_a_name_with_itself_as_generic() -> None:
    for name in names():
        info = lookup(name)
        assert info is not None, name
        if info.generic is None:
            continue
        for ingredient in info.generic.split("/"):
            found = lookup(ingredient)
            assert found is not None and found.generic == ingredient, (name, ingredient, found)


def test_names_with_unnamed_ingredients_and_keys() -> None:
    unnamed = drugs.unnamed_ingredients()
    assert {"Compound cream", "Topical compound", "Sentra"} <= unnamed
    assert all(lookup(name) is not None and lookup(name).generic is None for name in unnamed)  # type: ignore[union-attr]
    assert "Norco" not in unnamed
    keyed = drugs.keyed_names()
    assert keyed["norco"] == "Norco" and sorted(keyed.values(), key=str.lower) == list(names())
    assert all(key(name) == k for k, name in keyed.items())


def test_class_lists() -> None:
    assert sorted(CLASS_PRECEDENCE) == sorted(DRUG_CLASSES) and len(set(DRUG_CLASSES)) == 18
    assert {drugs.main_class([("x", c)]) for c in DRUG_CLASSES} == set(DRUG_CLASSES)


def rows_of(path: Path) -> list[list[str]]:
    lines = [
        line for line in path.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    assert lines[0].split("\t")[:3] == ["name", "generic", "drug_class"], path.name
    return [line.split("\t") for line in lines[1:]]


@pytest.mark.parametrize("path", [GENERATED, HAND], ids=lambda p: p.name)
def test_table_values(path: Path) -> None:
    rows = rows_of(path)
    assert rows
    for row in rows:
        name, generic, drug_class = row[:3]
        assert name.strip() == name and name, row
        assert drug_class in DRUG_CLASSES, row
        assert generic == generic.lower() and generic.strip() == generic, row
        assert "//" not in generic and not generic.startswith("/") and not generic.endswith("/")
    keys = [key(row[0]) for row in rows]
    assert len(keys) == len(set(keys)), "two rows match the same way"


def test_generated_table_is_sorted_compact_and_loads() -> None:
    rows = rows_of(GENERATED)
    found = [row[0] for row in rows]
    assert found == sorted(found)
    assert all(key(name) == name for name in found)  # the loader relies on it
    assert all(len(row) == 4 for row in rows)
    assert 3_000 < len(rows) < 20_000
    assert GENERATED.stat().st_size < 600_000
    drugs._table.cache_clear()
    drugs.names.cache_clear()
    drugs._products.cache_clear()
    assert "gabapentin" in names() and "Norco" in names()
    assert list(names()) == sorted(names(), key=str.lower)


def test_ingredient_class_table_is_what_the_generated_table_says() -> None:
    """scripts/drug_ingredient_classes.tsv and the committed table agree (rebuild if not)."""
    generated = {row[0]: (row[1], row[2]) for row in rows_of(GENERATED)}
    lines = [
        line for line in INGREDIENT_CLASSES.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    assert lines[0] == "generic\tdrug_class"
    for line in lines[1:]:
        generic, drug_class = line.split("\t")
        assert drug_class in DRUG_CLASSES, line
        assert generated.get(key(generic)) == (generic, drug_class), line


def load_build_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_drug_table", BUILD_SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(
    importlib.util.find_spec("drug_named_entity_recognition") is None,
    reason="the drugdata extra (drug-named-entity-recognition) is not installed",
)
def test_build_is_deterministic_and_the_committed_table_is_current(tmp_path: Path) -> None:
    build = load_build_script()
    first = tmp_path / "first.tsv"
    second = tmp_path / "second.tsv"
    assert build.main(["--output", str(first)]) == 0
    assert build.main(["--output", str(second)]) == 0
    assert first.read_bytes() == second.read_bytes()
    version = importlib.metadata.version("drug-named-entity-recognition")
    committed = GENERATED.read_text(encoding="utf-8")
    made_from = re.search(r"drug-named-entity-recognition (\S+)", committed)
    if made_from is None or made_from.group(1) != version:
        pytest.skip(f"the committed table comes from another dictionary version than {version}")
    assert first.read_text(encoding="utf-8") == committed, "run scripts/build_drug_table.py"


@given(st.text(max_size=80))
def test_any_text_gives_none_or_valid_info(text: str) -> None:
    info = lookup(text)
    assert info is None or info.drug_class in DRUG_CLASSES or info.drug_class is None


@pytest.mark.parametrize("how", ["upper", "lower", "title", "spaced", "squeezed"])
def test_case_and_spacing_do_not_matter(how: str) -> None:
    for written, _, _ in LOOKUPS:
        variant = {
            "upper": written.upper(), "lower": written.lower(), "title": written.title(),
            "spaced": re.sub(r"\s*([/+,])\s*", r" \1 ", written),
            "squeezed": re.sub(r"\s*([/+,])\s*", r"\1", written),
        }[how]
        assert lookup(variant) == lookup(written), (written, variant)
