#!/usr/bin/env python3
"""Build src/imrparse/vocab/drug_table.tsv from the drug-named-entity-recognition dictionary.

    pip install '.[drugdata]' && python scripts/build_drug_table.py [--output PATH] [--stats]

The dictionary (PyPI ``drug-named-entity-recognition``, MIT licence) maps some 107,000
brand, generic and foreign names to about 20,000 canonical substances, with MedlinePlus,
DrugBank and MeSH identifiers.  It carries no therapeutic class: the MeSH tree numbers it
holds are chemical-structure trees, and its ``mesh_id`` is a single MeSH pharmacological
action (the first one MeSH lists, so oxycodone's is "Narcotics" but topiramate's is
"Hypoglycemic Agents").  So an ingredient's class is, in this order:

1. the hand table ``scripts/drug_ingredient_classes.tsv`` (generic -> class);
2. else its MeSH pharmacological action, for the few actions in :data:`MESH_CLASSES` that
   name one class cleanly (Narcotics -> opioid, Proton Pump Inhibitors -> ...);
3. else ``"other"`` when the substance has a MedlinePlus drug monograph (a medicine sold in
   the US that is in none of the classes);
4. else the substance is left out of the table (chemicals, proteins, research compounds).

A combination takes its main ingredient's class and a product on the skin its topical
class, by the rules of :mod:`imrparse.fields.drugs` (imported from there, so the build
and the lookup agree); it is kept when it has a MedlinePlus monograph or each of its
parts has a class or a monograph.  Every name the dictionary gives a kept substance is
kept when it looks like a drug name (see :func:`keep_name`), with the substance's
ingredients as its generic, except that a substance of rule 3 keeps only its own name
(its other names are mostly foreign brands and spellings).  Names are written in the
lookup's matching form (:func:`imrparse.fields.drugs.key`).  The output is sorted and has
no timestamp: the same dictionary version gives the same bytes.
"""

from __future__ import annotations

import argparse
import ast
import bz2
import collections
import importlib.metadata
import importlib.util
import pickle
import re
import sys
from pathlib import Path
from typing import Any, Iterable, NamedTuple

from imrparse.fields.drugs import (
    CREAM_FORMS,
    DRUG_CLASSES,
    OTHER_NOISE,
    PATCH_FORMS,
    RELEASE_WORDS,
    SALTS,
    key,
    main_class,
    topical_class,
)

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "src" / "imrparse" / "vocab" / "drug_table.tsv"
INGREDIENT_CLASSES = Path(__file__).resolve().parent / "drug_ingredient_classes.tsv"
DISTRIBUTION = "drug-named-entity-recognition"
MODULE = "drug_named_entity_recognition"
DATA_FILE = "drug_ner_dictionary.pkl.bz2"

#: MeSH pharmacological actions (the dictionary's ``mesh_id``) that name one class cleanly.
#: Actions whose members spread over several classes are left out on purpose: GABA
#: Modulators (benzodiazepines and barbiturates), Adrenergic Uptake Inhibitors (tricyclics,
#: tapentadol, reserpine), Anti-Allergic Agents (antihistamines and steroids), Sleep Aids
#: (zolpidem, diphenhydramine, doxepin), Dopamine Uptake Inhibitors (stimulants and
#: benztropine).  The hand table wins over these.
MESH_CLASSES: dict[str, str] = {
    "D009294": "opioid",  # Narcotics
    "D016861": "nsaid",  # Cyclooxygenase Inhibitors
    "D052246": "nsaid",  # Cyclooxygenase 2 Inhibitors
    "D000894": "nsaid",  # Anti-Inflammatory Agents, Non-Steroidal
    "D009125": "muscle relaxant",  # Muscle Relaxants, Central
    "D000927": "anticonvulsant",  # Anticonvulsants
    "D054328": "proton pump inhibitor",  # Proton Pump Inhibitors
    "D006635": "h2 blocker",  # Histamine H2 Antagonists
    "D006993": "sedative-hypnotic",  # Hypnotics and Sedatives
    "D058831": "antiemetic",  # Serotonin 5-HT3 Receptor Antagonists
    "D000932": "antiemetic",  # Antiemetics
    "D002400": "laxative",  # Cathartics
    "D005938": "corticosteroid",  # Glucocorticoids
    "D058825": "triptan",  # Serotonin 5-HT1 Receptor Agonists
    "D002492": "stimulant",  # Central Nervous System Stimulants
    "D006634": "antihistamine",  # Histamine H1 Antagonists
    "D039563": "antihistamine",  # Histamine H1 Antagonists, Non-Sedating
}

#: Canonical names the dictionary spells as a group or a use, and what they are.
CANONICAL_FIXES: dict[str, str] = {
    "stool softeners": "docusate",  # Colace, Surfak
    "senna": "sennosides",  # Senokot: labelled as sennosides
}

#: Canonical substances left out: groups rather than drugs.
EXCLUDED_CANONICAL = re.compile(r"\bcombination products\b|\bcombinations\b")

#: International names the dictionary uses for an ingredient, and the US name.
US_NAMES: dict[str, str] = {
    "paracetamol": "acetaminophen",
    "acetylsalicylic acid": "aspirin",
    "dextropropoxyphene": "propoxyphene",
    "pethidine": "meperidine",
    "hyoscine": "scopolamine",
    "lignocaine": "lidocaine",
    "salbutamol": "albuterol",
    "glibenclamide": "glyburide",
    "norethisterone": "norethindrone",
    "frusemide": "furosemide",
    "adrenaline": "epinephrine",
    "noradrenaline": "norepinephrine",
    "glycopyrronium bromide": "glycopyrrolate",
}

#: Substances the MeSH rule would class but that are no medicines for people.
EXCLUDED_SUBSTANCES: frozenset[str] = frozenset({
    "masoprocol", "ursolic acid", "tiletamine", "melengestrol acetate",
})

#: Combinations the dictionary lists in another order than the US label.
LABEL_ORDER: dict[str, str] = {
    "acetaminophen/butalbital/caffeine": "butalbital/acetaminophen/caffeine",
    "aspirin/butalbital/caffeine": "butalbital/aspirin/caffeine",
    "levodopa/carbidopa": "carbidopa/levodopa",
    "valsartan/sacubitril": "sacubitril/valsartan",
}

#: Dictionary names left out: wrong for US use (several products share the brand, or the
#: dictionary maps it to the wrong substance) or ordinary English words.
EXCLUDED_NAMES: frozenset[str] = frozenset({
    "absorbine jr",  # a menthol liniment, mapped to the lidocaine patch
    "midol",  # several formulations, mapped to ibuprofen
    "generics",  # mapped to oxazepam
    "human", "pork", "thyroid",  # ordinary words first
    "available generically",  # mapped to hydromorphone
})

#: Form words removed from canonical names ("lidocaine patch" -> "lidocaine").
CANONICAL_FORM_WORDS: frozenset[str] = CREAM_FORMS | PATCH_FORMS | frozenset({
    "tablet", "tablets", "capsule", "capsules", "oral", "injection", "injectable",
    "ophthalmic", "otic", "nasal", "sublingual", "buccal", "rectal", "vaginal", "inhalation",
    "suppository", "suppositories", "spray", "film", "extended", "delayed", "immediate",
    "release", "sustained", "controlled",
})

NOT_NAMES = SALTS | RELEASE_WORDS | OTHER_NOISE | CREAM_FORMS | PATCH_FORMS
_NAME_CHARS = re.compile(r"[a-z][a-z' ./&-]*[a-z]")
_CHEMICAL_PREFIX = re.compile(r"(^|[ -])[a-z]-[a-z]|^[a-z][ -]")
_INNER_LETTER = re.compile(r" [a-z] ")
_SINGLE = re.compile(r"[a-z][a-z -]*")  # a canonical name that is one substance
_SPLIT_COMBINATION = re.compile(r",\s*and\s+|,\s*|\s+and\s+|/")


class Row(NamedTuple):
    name: str
    generic: str
    drug_class: str
    source: str  # which rule gave the class
    priority: int  # for names that collide, lower wins: class table, own name, other name, part


def read_ingredient_classes(path: Path = INGREDIENT_CLASSES) -> dict[str, str]:
    classes: dict[str, str] = {}
    lines = [
        line for line in path.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    for line in lines[1:]:  # after the column names
        generic, drug_class = line.split("\t")
        if drug_class not in DRUG_CLASSES:
            raise ValueError(f"{path.name}: {generic!r} has unknown class {drug_class!r}")
        if generic in classes:
            raise ValueError(f"{path.name}: {generic!r} twice")
        classes[generic] = drug_class
    return classes


def dictionary_dir() -> Path:
    spec = importlib.util.find_spec(MODULE)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"{DISTRIBUTION} is not installed: pip install '.[drugdata]'")
    return Path(next(iter(spec.submodule_search_locations)))


def load_dictionary() -> tuple[str, dict[str, Any], frozenset[str]]:
    """The package version, its dictionary and its stop words, read without importing it.

    Importing the package loads and indexes the whole dictionary and reads a cache in the
    home folder; the build needs only the data file and the stop-word list.
    """
    folder = dictionary_dir()
    with bz2.open(folder / DATA_FILE, "rb") as handle:
        data = pickle.load(handle)  # the package's own data file
    stopwords: frozenset[str] = frozenset()
    util = (folder / "util.py").read_text(encoding="utf-8")
    for node in ast.parse(util).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "stopwords" for t in node.targets
        ):
            stopwords = frozenset(ast.literal_eval(node.value))
    return importlib.metadata.version(DISTRIBUTION), data, stopwords


def keep_name(name: str, canonical: str, stopwords: frozenset[str]) -> bool:
    """Whether a dictionary name is worth a row: it looks like a drug name in US letters.

    ASCII letters (with space, "-", "'", ".", "/", "&") only, so no codes, strengths,
    chemical names with locants, or foreign spellings with accents; not a stop word of
    the package, a word the lookup drops ("sodium", "gel") or in :data:`EXCLUDED_NAMES`.
    Other names than the substance's own also need five letters or more (short codes
    such as "rela" or "sone" match ordinary text), at most three words (botanical names
    such as "ricinus communis seed oil"), and no single letters but a last one (chemical
    prefixes as in "p-hydroxyacetanilide", "d propoxyphene").
    """
    if not _NAME_CHARS.fullmatch(name) or name in EXCLUDED_NAMES or name in stopwords:
        return False
    if name in NOT_NAMES:  # "sodium", "gel": words the lookup drops after a name
        return False
    if name == canonical:
        return True
    if _CHEMICAL_PREFIX.search(name) or _INNER_LETTER.search(key(name)):
        return False
    return len(re.sub(r"[^a-z]", "", name)) >= 5 and len(key(name).split()) <= 3


def parse_canonical(
    canonical: str, known: set[str], synonyms: dict[str, str],
) -> tuple[list[str], bool, bool] | None:
    """The ingredients of a canonical name, and whether it names a cream or patch form.

    "X, Y, and Z", "X and Y" and "X/Y" are combinations; a comma without "and" is MeSH's
    inverted order ("insulin, regular, human", "receptors, melatonin") and only the head
    counts.  A part that the dictionary gives as a salt or ester name of a substance (its
    name and more words) becomes that substance ("testosterone undecanoate" is
    testosterone).  None when a part is not a substance name ("calcium" is a salt word).
    """
    name = CANONICAL_FIXES.get(canonical, canonical)
    name = re.sub(r"\([^)]*\)", " ", name)
    if "," in name and " and " not in name:
        name = name.split(",")[0]
    cream = patch = False
    parts: list[str] = []
    pieces = _SPLIT_COMBINATION.split(name)
    for part in pieces:
        words = key(part).split()
        cream = cream or any(w in CREAM_FORMS for w in words)
        patch = patch or any(w in PATCH_FORMS for w in words)
        words = [w for w in words if w not in CANONICAL_FORM_WORDS]
        while len(words) > 1 and words[-1] in SALTS and " ".join(words[:-1]) in known:
            words.pop()  # "methylprednisolone acetate" -> "methylprednisolone"
        if not words:
            continue
        ingredient = " ".join(words)
        ingredient = US_NAMES.get(ingredient) or ingredient
        if len(pieces) > 1:
            ingredient = synonyms.get(ingredient, ingredient)
        if ingredient in NOT_NAMES:
            return None
        if ingredient not in parts:
            parts.append(ingredient)
    generic = "/".join(parts)
    parts = LABEL_ORDER.get(generic, generic).split("/") if parts else []
    return parts, cream, patch


def build_rows(
    data: dict[str, Any], stopwords: frozenset[str], classes: dict[str, str],
) -> list[Row]:
    canonical_data: dict[str, dict[str, Any]] = data["drug_canonical_to_data"]
    variants: dict[str, list[str]] = collections.defaultdict(list)
    for variant, canonicals in data["drug_variant_to_canonical"].items():
        for canonical in canonicals:
            variants[canonical].append(variant)
    known = set(classes) | set(canonical_data)
    synonyms = {  # a salt or ester name -> the substance: "testosterone undecanoate"
        key(variant): key(canonicals[0])
        for variant, canonicals in data["drug_variant_to_canonical"].items()
        if len(canonicals) == 1 and _SINGLE.fullmatch(canonicals[0])
        and key(variant).startswith(key(canonicals[0]) + " ")
    }

    def ingredient_class(generic: str) -> tuple[str | None, str]:
        if generic in classes:
            return classes[generic], "class table"
        entry = canonical_data.get(generic, {})
        mesh = entry.get("mesh_id")
        if mesh in MESH_CLASSES and ("drugbank_id" in entry or "medline_plus_id" in entry):
            return MESH_CLASSES[mesh], f"mesh {mesh}"
        return None, ""

    def is_medicine(generic: str) -> bool:
        return "medline_plus_id" in canonical_data.get(generic, {})

    rows: list[Row] = []
    components: dict[str, str] = {}  # ingredients of kept combinations
    for canonical in sorted(canonical_data):
        if EXCLUDED_CANONICAL.search(canonical):
            continue
        parsed = parse_canonical(canonical, known, synonyms)
        if parsed is None or not parsed[0] or canonical in EXCLUDED_SUBSTANCES:
            continue
        parts, cream, patch = parsed
        found = [(part, *ingredient_class(part)) for part in parts]
        monograph = "medline_plus_id" in canonical_data[canonical]
        if len(parts) > 1 and not monograph and not all(
            cls is not None or is_medicine(part) for part, cls, _ in found
        ):
            continue  # a combination with a part that is no known medicine
        pairs = [(part, cls) for part, cls, _ in found]
        drug_class = main_class(pairs)
        source = next((src for _, cls, src in found if cls == drug_class), "")
        if len(parts) > 1:
            source = "combination"
        if drug_class is None:
            if not monograph and len(parts) == 1:
                continue  # no class and no US monograph: not kept
            drug_class, source = "other", "medlineplus" if len(parts) == 1 else source
        for part, cls, _ in found:
            components.setdefault(part, cls or "other")
        generic = "/".join(parts)
        names = {canonical}
        if source != "medlineplus":
            # Other names of unclassed substances are mostly foreign brands and spellings:
            # they keep their own name only.
            names.update(variants.get(canonical, []))
        for name in sorted(names):
            if not keep_name(name, canonical, stopwords):
                continue
            words = key(name).split()
            name_cream = cream or any(w in CREAM_FORMS for w in words)
            name_patch = patch or any(w in PATCH_FORMS for w in words)
            cls, src = drug_class, source
            if name_cream or name_patch:
                topical = topical_class(pairs, cream=name_cream) or cls
                if topical != cls:
                    cls, src = topical, "topical form"
            rows.append(Row(name, generic, cls, src, 1 if name == canonical else 2))
    for generic, drug_class in classes.items():
        rows.append(Row(generic, generic, drug_class, "class table", 0))
    for generic, drug_class in components.items():
        if generic not in classes:
            rows.append(Row(generic, generic, drug_class, "ingredient", 3))
    return rows


def choose(rows: Iterable[Row]) -> list[Row]:
    """One row per name in matching form (imrparse.fields.drugs.key), sorted by it.

    The dictionary spells every name in lower case already; writing it as its key
    ("peri-colace" as "peri colace") lets the lookup load the table without tokenizing.
    """
    best: dict[str, Row] = {}
    for row in sorted(rows, key=lambda r: (r.priority, r.name, r.generic, r.drug_class, r.source)):
        best.setdefault(key(row.name), row)
    return [best[k]._replace(name=k) for k in sorted(best)]


def render(version: str, rows: Iterable[Row]) -> str:
    lines = [
        f"# Generated by scripts/build_drug_table.py from {DISTRIBUTION} {version} (MIT licence)",
        "# and scripts/drug_ingredient_classes.tsv; do not edit (docs/drug_classes.md).",
        "name\tgeneric\tdrug_class\tclass_source",
    ]
    lines += [f"{r.name}\t{r.generic}\t{r.drug_class}\t{r.source}" for r in rows]
    return "\n".join(lines) + "\n"


def build() -> tuple[str, list[Row]]:
    version, data, stopwords = load_dictionary()
    rows = choose(build_rows(data, stopwords, read_ingredient_classes()))
    return render(version, rows), rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", type=Path, default=OUTPUT, help="default: %(default)s")
    parser.add_argument("--stats", action="store_true", help="print counts by class and rule")
    args = parser.parse_args(argv)
    text, rows = build()
    args.output.write_text(text, encoding="utf-8", newline="\n")
    size = len(text.encode("utf-8"))
    print(f"{args.output}: {len(rows)} rows, {size} bytes")
    if args.stats:
        for label, counter in (
            ("class", collections.Counter(r.drug_class for r in rows)),
            ("rule", collections.Counter(r.source.split(" ")[0] for r in rows)),
        ):
            print(f"by {label}:")
            for value, count in sorted(counter.items(), key=lambda vc: (-vc[1], vc[0])):
                print(f"  {count:6d}  {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
