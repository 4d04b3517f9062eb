"""Drugs that workers' compensation requests name, brand and generic, by class.

Each class is a table of ``(name, generic)``: ``name`` is the spelling a request's
``drug`` is given (brands as the brand writes itself, generics capitalised), ``generic``
the active ingredient(s), lower case, combinations joined with "/".  Names are phrases read
loosely, as described in :mod:`.services` (case-insensitive, "-", "/" and spaces
interchangeable).

:data:`SALT_SUFFIXES` and :data:`RELEASE_SUFFIXES` are the words a request may write
after a name and that stay part of the drug ("Oxycodone HCL ER"); :data:`DOSAGE_FORMS`
are the topical forms kept after a single drug ("Voltaren gel", "Lidoderm patch").
"""

from __future__ import annotations

from typing import Mapping

__all__ = [
    "DRUG_CLASSES", "DRUGS", "GENERIC_NAMES", "SALT_SUFFIXES", "RELEASE_SUFFIXES",
    "DOSAGE_FORMS", "STRENGTH_UNITS", "UNIT_SPELLINGS", "NOT_NAMES",
]

Entry = tuple[str, str]

OPIOIDS: tuple[Entry, ...] = (
    ("Hydrocodone", "hydrocodone"), ("Hydrocodone/APAP", "hydrocodone/acetaminophen"),
    ("Hydrocodone/Acetaminophen", "hydrocodone/acetaminophen"),
    ("Hydrocodone bitartrate/acetaminophen", "hydrocodone/acetaminophen"),
    ("Norco", "hydrocodone/acetaminophen"), ("Vicodin", "hydrocodone/acetaminophen"),
    ("Vicodin ES", "hydrocodone/acetaminophen"), ("Lortab", "hydrocodone/acetaminophen"),
    ("Lorcet", "hydrocodone/acetaminophen"), ("Xodol", "hydrocodone/acetaminophen"),
    ("Vicoprofen", "hydrocodone/ibuprofen"), ("Reprexain", "hydrocodone/ibuprofen"),
    ("Hysingla", "hydrocodone"), ("Hysingla ER", "hydrocodone"), ("Zohydro", "hydrocodone"),
    ("Zohydro ER", "hydrocodone"), ("Oxycodone", "oxycodone"), ("OxyContin", "oxycodone"),
    ("Roxicodone", "oxycodone"), ("Oxaydo", "oxycodone"), ("Xtampza", "oxycodone"),
    ("Xtampza ER", "oxycodone"), ("Percocet", "oxycodone/acetaminophen"),
    ("Endocet", "oxycodone/acetaminophen"), ("Roxicet", "oxycodone/acetaminophen"),
    ("Oxycodone/APAP", "oxycodone/acetaminophen"), ("Oxycodone/Acetaminophen", "oxycodone/acetaminophen"),
    ("Xartemis", "oxycodone/acetaminophen"), ("Percodan", "oxycodone/aspirin"),
    ("Targiniq", "oxycodone/naloxone"), ("Oxymorphone", "oxymorphone"), ("Opana", "oxymorphone"),
    ("Opana ER", "oxymorphone"), ("Morphine", "morphine"), ("Morphine sulfate", "morphine"),
    ("MS Contin", "morphine"), ("MSIR", "morphine"), ("Kadian", "morphine"), ("Avinza", "morphine"),
    ("Embeda", "morphine/naltrexone"), ("Arymo", "morphine"), ("Morphabond", "morphine"),
    ("Hydromorphone", "hydromorphone"), ("Dilaudid", "hydromorphone"), ("Exalgo", "hydromorphone"),
    ("Fentanyl", "fentanyl"), ("Duragesic", "fentanyl"), ("Fentanyl patch", "fentanyl"),
    ("Actiq", "fentanyl"), ("Fentora", "fentanyl"), ("Subsys", "fentanyl"),
    ("Methadone", "methadone"), ("Dolophine", "methadone"), ("Tramadol", "tramadol"),
    ("Ultram", "tramadol"), ("Ultram ER", "tramadol"), ("Ryzolt", "tramadol"), ("ConZip", "tramadol"),
    ("Rybix", "tramadol"), ("Tramadol/APAP", "tramadol/acetaminophen"),
    ("Tramadol/Acetaminophen", "tramadol/acetaminophen"), ("Ultracet", "tramadol/acetaminophen"),
    ("Tapentadol", "tapentadol"), ("Nucynta", "tapentadol"), ("Nucynta ER", "tapentadol"),
    ("Codeine", "codeine"), ("Tylenol #3", "acetaminophen/codeine"), ("Tylenol #4", "acetaminophen/codeine"),
    ("Tylenol No. 3", "acetaminophen/codeine"), ("Tylenol with Codeine", "acetaminophen/codeine"),
    ("Tylenol-Codeine", "acetaminophen/codeine"), ("APAP/Codeine", "acetaminophen/codeine"),
    ("Acetaminophen/Codeine", "acetaminophen/codeine"), ("Buprenorphine", "buprenorphine"),
    ("Butrans", "buprenorphine"), ("Belbuca", "buprenorphine"), ("Buprenex", "buprenorphine"),
    ("Suboxone", "buprenorphine/naloxone"), ("Zubsolv", "buprenorphine/naloxone"),
    ("Subutex", "buprenorphine"), ("Meperidine", "meperidine"), ("Demerol", "meperidine"),
    ("Levorphanol", "levorphanol"), ("Pentazocine", "pentazocine"), ("Talwin", "pentazocine"),
    ("Butorphanol", "butorphanol"), ("Stadol", "butorphanol"), ("Nalbuphine", "nalbuphine"),
)

NSAIDS: tuple[Entry, ...] = (
    ("Naproxen", "naproxen"), ("Naproxen sodium", "naproxen"), ("Naprosyn", "naproxen"),
    ("Anaprox", "naproxen"), ("Anaprox DS", "naproxen"), ("Aleve", "naproxen"),
    ("Naprelan", "naproxen"), ("EC-Naprosyn", "naproxen"), ("Vimovo", "naproxen/esomeprazole"),
    ("Ibuprofen", "ibuprofen"), ("Motrin", "ibuprofen"), ("Advil", "ibuprofen"),
    ("Duexis", "ibuprofen/famotidine"), ("Diclofenac", "diclofenac"),
    ("Diclofenac sodium", "diclofenac"), ("Diclofenac potassium", "diclofenac"),
    ("Voltaren", "diclofenac"), ("Voltaren XR", "diclofenac"), ("Cataflam", "diclofenac"),
    ("Zipsor", "diclofenac"), ("Zorvolex", "diclofenac"), ("Cambia", "diclofenac"),
    ("Arthrotec", "diclofenac/misoprostol"), ("Flector", "diclofenac"), ("Pennsaid", "diclofenac"),
    ("Solaraze", "diclofenac"), ("Meloxicam", "meloxicam"), ("Mobic", "meloxicam"),
    ("Vivlodex", "meloxicam"), ("Celecoxib", "celecoxib"), ("Celebrex", "celecoxib"),
    ("Etodolac", "etodolac"), ("Lodine", "etodolac"), ("Nabumetone", "nabumetone"),
    ("Relafen", "nabumetone"), ("Ketorolac", "ketorolac"), ("Toradol", "ketorolac"),
    ("Sprix", "ketorolac"), ("Indomethacin", "indomethacin"), ("Indocin", "indomethacin"),
    ("Tivorbex", "indomethacin"), ("Piroxicam", "piroxicam"), ("Feldene", "piroxicam"),
    ("Oxaprozin", "oxaprozin"), ("Daypro", "oxaprozin"), ("Fenoprofen", "fenoprofen"),
    ("Nalfon", "fenoprofen"), ("Ketoprofen", "ketoprofen"), ("Flurbiprofen", "flurbiprofen"),
    ("Ansaid", "flurbiprofen"), ("Diflunisal", "diflunisal"), ("Dolobid", "diflunisal"),
    ("Salsalate", "salsalate"), ("Sulindac", "sulindac"), ("Clinoril", "sulindac"),
    ("Tolmetin", "tolmetin"), ("Mefenamic acid", "mefenamic acid"), ("Ponstel", "mefenamic acid"),
    ("Meclofenamate", "meclofenamate"), ("Aspirin", "aspirin"), ("ASA", "aspirin"),
    ("Ecotrin", "aspirin"), ("Bayer", "aspirin"), ("Choline magnesium trisalicylate", "choline magnesium trisalicylate"),
)

ANALGESICS: tuple[Entry, ...] = (
    ("Acetaminophen", "acetaminophen"), ("APAP", "acetaminophen"), ("Tylenol", "acetaminophen"),
    ("Tylenol Extra Strength", "acetaminophen"), ("Paracetamol", "acetaminophen"),
    ("Fioricet", "butalbital/acetaminophen/caffeine"), ("Esgic", "butalbital/acetaminophen/caffeine"),
    ("Fiorinal", "butalbital/aspirin/caffeine"), ("Butalbital", "butalbital"),
    ("Excedrin", "acetaminophen/aspirin/caffeine"), ("Ketamine", "ketamine"),
)

MUSCLE_RELAXANTS: tuple[Entry, ...] = (
    ("Cyclobenzaprine", "cyclobenzaprine"), ("Flexeril", "cyclobenzaprine"),
    ("Fexmid", "cyclobenzaprine"), ("Amrix", "cyclobenzaprine"), ("Tizanidine", "tizanidine"),
    ("Zanaflex", "tizanidine"), ("Methocarbamol", "methocarbamol"), ("Robaxin", "methocarbamol"),
    ("Metaxalone", "metaxalone"), ("Skelaxin", "metaxalone"), ("Carisoprodol", "carisoprodol"),
    ("Soma", "carisoprodol"), ("Baclofen", "baclofen"), ("Lioresal", "baclofen"),
    ("Orphenadrine", "orphenadrine"), ("Orphenadrine citrate", "orphenadrine"),
    ("Norflex", "orphenadrine"), ("Norgesic", "orphenadrine/aspirin/caffeine"),
    ("Chlorzoxazone", "chlorzoxazone"), ("Parafon Forte", "chlorzoxazone"),
    ("Lorzone", "chlorzoxazone"), ("Dantrolene", "dantrolene"), ("Dantrium", "dantrolene"),
)

ANTICONVULSANTS: tuple[Entry, ...] = (
    ("Gabapentin", "gabapentin"), ("Neurontin", "gabapentin"), ("Gralise", "gabapentin"),
    ("Horizant", "gabapentin enacarbil"), ("Pregabalin", "pregabalin"), ("Lyrica", "pregabalin"),
    ("Lyrica CR", "pregabalin"), ("Topiramate", "topiramate"), ("Topamax", "topiramate"),
    ("Carbamazepine", "carbamazepine"), ("Tegretol", "carbamazepine"),
    ("Oxcarbazepine", "oxcarbazepine"), ("Trileptal", "oxcarbazepine"),
    ("Lamotrigine", "lamotrigine"), ("Lamictal", "lamotrigine"), ("Levetiracetam", "levetiracetam"),
    ("Keppra", "levetiracetam"), ("Divalproex", "divalproex"), ("Depakote", "divalproex"),
    ("Valproic acid", "valproic acid"), ("Zonisamide", "zonisamide"), ("Zonegran", "zonisamide"),
    ("Phenytoin", "phenytoin"), ("Dilantin", "phenytoin"), ("Lacosamide", "lacosamide"),
    ("Vimpat", "lacosamide"), ("Tiagabine", "tiagabine"),
)

ANTIDEPRESSANTS: tuple[Entry, ...] = (
    ("Duloxetine", "duloxetine"), ("Cymbalta", "duloxetine"), ("Amitriptyline", "amitriptyline"),
    ("Elavil", "amitriptyline"), ("Nortriptyline", "nortriptyline"), ("Pamelor", "nortriptyline"),
    ("Desipramine", "desipramine"), ("Imipramine", "imipramine"), ("Doxepin", "doxepin"),
    ("Silenor", "doxepin"), ("Venlafaxine", "venlafaxine"), ("Effexor", "venlafaxine"),
    ("Effexor XR", "venlafaxine"), ("Desvenlafaxine", "desvenlafaxine"), ("Pristiq", "desvenlafaxine"),
    ("Milnacipran", "milnacipran"), ("Savella", "milnacipran"), ("Bupropion", "bupropion"),
    ("Wellbutrin", "bupropion"), ("Wellbutrin XL", "bupropion"), ("Fluoxetine", "fluoxetine"),
    ("Prozac", "fluoxetine"), ("Sertraline", "sertraline"), ("Zoloft", "sertraline"),
    ("Escitalopram", "escitalopram"), ("Lexapro", "escitalopram"), ("Citalopram", "citalopram"),
    ("Celexa", "citalopram"), ("Paroxetine", "paroxetine"), ("Paxil", "paroxetine"),
    ("Mirtazapine", "mirtazapine"), ("Remeron", "mirtazapine"), ("Trazodone", "trazodone"),
    ("Desyrel", "trazodone"), ("Vilazodone", "vilazodone"), ("Viibryd", "vilazodone"),
    ("Vortioxetine", "vortioxetine"), ("Trintellix", "vortioxetine"), ("Brintellix", "vortioxetine"),
)

SLEEP_AND_ANXIETY: tuple[Entry, ...] = (
    ("Zolpidem", "zolpidem"), ("Ambien", "zolpidem"), ("Ambien CR", "zolpidem"),
    ("Edluar", "zolpidem"), ("Intermezzo", "zolpidem"), ("Eszopiclone", "eszopiclone"),
    ("Lunesta", "eszopiclone"), ("Zaleplon", "zaleplon"), ("Sonata", "zaleplon"),
    ("Ramelteon", "ramelteon"), ("Rozerem", "ramelteon"), ("Suvorexant", "suvorexant"),
    ("Belsomra", "suvorexant"), ("Melatonin", "melatonin"), ("Temazepam", "temazepam"),
    ("Restoril", "temazepam"), ("Alprazolam", "alprazolam"), ("Xanax", "alprazolam"),
    ("Lorazepam", "lorazepam"), ("Ativan", "lorazepam"), ("Clonazepam", "clonazepam"),
    ("Klonopin", "clonazepam"), ("Diazepam", "diazepam"), ("Valium", "diazepam"),
    ("Buspirone", "buspirone"), ("Buspar", "buspirone"), ("Hydroxyzine", "hydroxyzine"),
    ("Vistaril", "hydroxyzine"), ("Atarax", "hydroxyzine"), ("Quetiapine", "quetiapine"),
    ("Seroquel", "quetiapine"), ("Aripiprazole", "aripiprazole"), ("Abilify", "aripiprazole"),
    ("Olanzapine", "olanzapine"), ("Zyprexa", "olanzapine"), ("Risperidone", "risperidone"),
    ("Risperdal", "risperidone"), ("Lithium", "lithium"), ("Prazosin", "prazosin"),
    ("Modafinil", "modafinil"), ("Provigil", "modafinil"), ("Armodafinil", "armodafinil"),
    ("Nuvigil", "armodafinil"), ("Diphenhydramine", "diphenhydramine"), ("Benadryl", "diphenhydramine"),
)

GASTROINTESTINAL: tuple[Entry, ...] = (
    ("Omeprazole", "omeprazole"), ("Prilosec", "omeprazole"), ("Pantoprazole", "pantoprazole"),
    ("Protonix", "pantoprazole"), ("Esomeprazole", "esomeprazole"), ("Nexium", "esomeprazole"),
    ("Lansoprazole", "lansoprazole"), ("Prevacid", "lansoprazole"), ("Dexlansoprazole", "dexlansoprazole"),
    ("Dexilant", "dexlansoprazole"), ("Rabeprazole", "rabeprazole"), ("Aciphex", "rabeprazole"),
    ("Ranitidine", "ranitidine"), ("Zantac", "ranitidine"), ("Famotidine", "famotidine"),
    ("Pepcid", "famotidine"), ("Sucralfate", "sucralfate"), ("Carafate", "sucralfate"),
    ("Misoprostol", "misoprostol"), ("Cytotec", "misoprostol"), ("Ondansetron", "ondansetron"),
    ("Zofran", "ondansetron"), ("Promethazine", "promethazine"), ("Phenergan", "promethazine"),
    ("Metoclopramide", "metoclopramide"), ("Reglan", "metoclopramide"),
    ("Docusate", "docusate"), ("Docusate sodium", "docusate"), ("Colace", "docusate"),
    ("Senna", "sennosides"), ("Senokot", "sennosides"), ("Senokot-S", "sennosides/docusate"),
    ("Sennosides", "sennosides"), ("Peri-Colace", "sennosides/docusate"),
    ("Bisacodyl", "bisacodyl"), ("Dulcolax", "bisacodyl"), ("Polyethylene glycol", "polyethylene glycol"),
    ("Miralax", "polyethylene glycol"), ("Lactulose", "lactulose"), ("Lubiprostone", "lubiprostone"),
    ("Amitiza", "lubiprostone"), ("Naloxegol", "naloxegol"), ("Movantik", "naloxegol"),
    ("Methylnaltrexone", "methylnaltrexone"), ("Relistor", "methylnaltrexone"),
    ("Linaclotide", "linaclotide"), ("Linzess", "linaclotide"), ("Naldemedine", "naldemedine"),
    ("Symproic", "naldemedine"), ("Dicyclomine", "dicyclomine"), ("Bentyl", "dicyclomine"),
)

TOPICALS: tuple[Entry, ...] = (
    ("Lidocaine", "lidocaine"), ("Lidoderm", "lidocaine"), ("Xylocaine", "lidocaine"),
    ("LidoPro", "lidocaine/capsaicin/menthol/methyl salicylate"),
    ("Terocin", "lidocaine/capsaicin/menthol/methyl salicylate"),
    ("Terocin patch", "lidocaine/menthol"), ("Medrox", "capsaicin/menthol/methyl salicylate"),
    ("Mentherm", "menthol/methyl salicylate"), ("Menthoderm", "menthol/methyl salicylate"),
    ("Methoderm", "menthol/methyl salicylate"), ("Dendracin", "capsaicin/menthol/methyl salicylate"),
    ("Capsaicin", "capsaicin"), ("Zostrix", "capsaicin"), ("Qutenza", "capsaicin"),
    ("Menthol", "menthol"), ("Camphor", "camphor"), ("Methyl salicylate", "methyl salicylate"),
    ("Biofreeze", "menthol"), ("Bengay", "menthol/methyl salicylate"), ("Icy Hot", "menthol"),
    ("Salonpas", "menthol/methyl salicylate"), ("Flurbiprofen", "flurbiprofen"),
    ("Dextromethorphan", "dextromethorphan"), ("Gabapentin", "gabapentin"),
    ("EMLA", "lidocaine/prilocaine"), ("Prilocaine", "prilocaine"), ("Bupivacaine", "bupivacaine"),
    ("Marcaine", "bupivacaine"), ("Ketoprofen", "ketoprofen"), ("Tramadol", "tramadol"),
    ("Amitriptyline", "amitriptyline"), ("Hyaluronic acid", "hyaluronic acid"),
    ("Synovacin", "glucosamine"), ("Flurflex", "flurbiprofen/cyclobenzaprine"),
    ("Keratek", "menthol/methyl salicylate"), ("Ultraflex", "menthol/methyl salicylate"),
    ("Lidothol", "lidocaine/menthol"), ("Lenza", "lidocaine/menthol"),
)

STEROIDS: tuple[Entry, ...] = (
    ("Prednisone", "prednisone"), ("Prednisolone", "prednisolone"),
    ("Methylprednisolone", "methylprednisolone"), ("Medrol", "methylprednisolone"),
    ("Medrol Dosepak", "methylprednisolone"), ("Medrol Dose Pack", "methylprednisolone"),
    ("Depo-Medrol", "methylprednisolone"), ("Solu-Medrol", "methylprednisolone"),
    ("Dexamethasone", "dexamethasone"), ("Decadron", "dexamethasone"),
    ("Triamcinolone", "triamcinolone"), ("Kenalog", "triamcinolone"), ("Zilretta", "triamcinolone"),
    ("Betamethasone", "betamethasone"), ("Celestone", "betamethasone"),
)

MEDICAL_FOODS_AND_SUPPLEMENTS: tuple[Entry, ...] = (
    ("Theramine", "medical food"), ("Sentra AM", "medical food"), ("Sentra PM", "medical food"),
    ("Sentra", "medical food"), ("Trepadone", "medical food"), ("Gabadone", "medical food"),
    ("Somnicin", "medical food"), ("Hypertensa", "medical food"), ("Percura", "medical food"),
    ("Appetrex", "medical food"), ("Glucosamine", "glucosamine"),
    ("Glucosamine sulfate", "glucosamine"), ("Chondroitin", "chondroitin"),
    ("Glucosamine/Chondroitin", "glucosamine/chondroitin"), ("Cosamin", "glucosamine/chondroitin"),
    ("Cosamin DS", "glucosamine/chondroitin"), ("Osteo Bi-Flex", "glucosamine/chondroitin"),
    ("Vitamin D", "vitamin D"), ("Vitamin D3", "vitamin D"), ("Ergocalciferol", "vitamin D"),
    ("Cholecalciferol", "vitamin D"), ("Vitamin B12", "cyanocobalamin"), ("B12", "cyanocobalamin"),
    ("Cyanocobalamin", "cyanocobalamin"), ("Folic acid", "folic acid"), ("Fish oil", "omega-3"),
    ("Omega-3", "omega-3"), ("Turmeric", "curcumin"), ("Multivitamin", "multivitamin"),
)

OTHER_DRUGS: tuple[Entry, ...] = (
    ("Naloxone", "naloxone"), ("Narcan", "naloxone"), ("Evzio", "naloxone"),
    ("Naltrexone", "naltrexone"), ("Vivitrol", "naltrexone"), ("Clonidine", "clonidine"),
    ("Catapres", "clonidine"), ("Sumatriptan", "sumatriptan"), ("Imitrex", "sumatriptan"),
    ("Rizatriptan", "rizatriptan"), ("Maxalt", "rizatriptan"), ("Zolmitriptan", "zolmitriptan"),
    ("Zomig", "zolmitriptan"), ("Propranolol", "propranolol"), ("Verapamil", "verapamil"),
    ("Sildenafil", "sildenafil"), ("Viagra", "sildenafil"), ("Tadalafil", "tadalafil"),
    ("Cialis", "tadalafil"), ("Testosterone", "testosterone"), ("AndroGel", "testosterone"),
    ("Testim", "testosterone"), ("Lisinopril", "lisinopril"), ("Amlodipine", "amlodipine"),
    ("Losartan", "losartan"), ("Hydrochlorothiazide", "hydrochlorothiazide"), ("HCTZ", "hydrochlorothiazide"),
    ("Metoprolol", "metoprolol"), ("Atenolol", "atenolol"), ("Metformin", "metformin"),
    ("Glipizide", "glipizide"), ("Insulin", "insulin"), ("Lantus", "insulin glargine"),
    ("Atorvastatin", "atorvastatin"), ("Lipitor", "atorvastatin"), ("Simvastatin", "simvastatin"),
    ("Levothyroxine", "levothyroxine"), ("Synthroid", "levothyroxine"), ("Warfarin", "warfarin"),
    ("Coumadin", "warfarin"), ("Enoxaparin", "enoxaparin"), ("Lovenox", "enoxaparin"),
    ("Xarelto", "rivaroxaban"), ("Rivaroxaban", "rivaroxaban"), ("Eliquis", "apixaban"),
    ("Apixaban", "apixaban"), ("Cephalexin", "cephalexin"), ("Keflex", "cephalexin"),
    ("Amoxicillin", "amoxicillin"), ("Ciprofloxacin", "ciprofloxacin"), ("Cipro", "ciprofloxacin"),
    ("Doxycycline", "doxycycline"), ("Bactrim", "sulfamethoxazole/trimethoprim"),
    ("Clindamycin", "clindamycin"), ("Mupirocin", "mupirocin"), ("Bactroban", "mupirocin"),
    ("Albuterol", "albuterol"), ("ProAir", "albuterol"), ("Montelukast", "montelukast"),
    ("Singulair", "montelukast"), ("Cetirizine", "cetirizine"), ("Loratadine", "loratadine"),
    ("Fluticasone", "fluticasone"), ("Flonase", "fluticasone"), ("Meclizine", "meclizine"),
    ("Antivert", "meclizine"), ("Tamsulosin", "tamsulosin"), ("Flomax", "tamsulosin"),
    ("Oxybutynin", "oxybutynin"), ("Ditropan", "oxybutynin"), ("Memantine", "memantine"),
    ("Namenda", "memantine"), ("Donepezil", "donepezil"), ("Aricept", "donepezil"),
    ("Methylphenidate", "methylphenidate"), ("Ritalin", "methylphenidate"),
    ("Adderall", "amphetamine/dextroamphetamine"), ("Ropinirole", "ropinirole"),
    ("Requip", "ropinirole"), ("Pramipexole", "pramipexole"), ("Mirapex", "pramipexole"),
    ("Alendronate", "alendronate"), ("Fosamax", "alendronate"), ("Calcitonin", "calcitonin"),
    ("Ketamine", "ketamine"), ("Memantine", "memantine"), ("Low dose naltrexone", "naltrexone"),
)

#: Drug classes, for callers that group requests (the normaliser itself only needs names).
DRUG_CLASSES: Mapping[str, tuple[Entry, ...]] = {
    "opioid": OPIOIDS, "NSAID": NSAIDS, "analgesic": ANALGESICS,
    "muscle relaxant": MUSCLE_RELAXANTS, "anticonvulsant": ANTICONVULSANTS,
    "antidepressant": ANTIDEPRESSANTS, "sleep aid or anxiolytic": SLEEP_AND_ANXIETY,
    "gastrointestinal": GASTROINTESTINAL, "topical": TOPICALS, "corticosteroid": STEROIDS,
    "medical food or supplement": MEDICAL_FOODS_AND_SUPPLEMENTS, "other": OTHER_DRUGS,
}

#: Every name, as it is spelt in ``drug``, with its generic (the first class naming it wins).
GENERIC_NAMES: Mapping[str, str] = {
    name: generic
    for entries in reversed(tuple(DRUG_CLASSES.values()))
    for name, generic in entries
}
DRUGS: tuple[str, ...] = tuple(dict.fromkeys(
    name for entries in DRUG_CLASSES.values() for name, _ in entries
))

#: Salt words written after a name, and how ``drug`` spells them.
SALT_SUFFIXES: Mapping[str, str] = {
    "HCL": "HCL", "HCl": "HCL", "hydrochloride": "HCL", "sodium": "sodium", "Na": "sodium",
    "potassium": "potassium", "bitartrate": "bitartrate", "tartrate": "tartrate",
    "citrate": "citrate", "sulfate": "sulfate", "succinate": "succinate", "besylate": "besylate",
    "maleate": "maleate", "mesylate": "mesylate", "HBr": "HBr", "hydrobromide": "HBr",
    "acetate": "acetate", "phosphate": "phosphate", "magnesium": "magnesium",
    "calcium": "calcium",
}

#: Release forms written after a name, and how ``drug`` spells them.
RELEASE_SUFFIXES: Mapping[str, str] = {
    "ER": "ER", "XR": "XR", "SR": "SR", "CR": "CR", "IR": "IR", "XL": "XL", "LA": "LA",
    "CD": "CD", "DR": "DR", "ODT": "ODT", "EC": "EC", "DS": "DS", "ES": "ES",
    "extended release": "ER", "extended-release": "ER", "immediate release": "IR",
    "sustained release": "SR", "controlled release": "CR", "delayed release": "DR",
    "long acting": "ER", "orally disintegrating": "ODT", "double strength": "DS",
    "extra strength": "ES",
}

#: Topical and transdermal forms written after a single drug, kept in ``drug``.
DOSAGE_FORMS: Mapping[str, str] = {
    "gel": "gel", "cream": "cream", "patch": "patch", "patches": "patch",
    "transdermal patch": "patch", "topical patch": "patch", "ointment": "ointment",
    "lotion": "lotion", "spray": "spray", "nasal spray": "nasal spray", "solution": "solution",
    "topical solution": "solution", "foam": "foam", "roll-on": "roll-on", "film": "film",
    "topical cream": "cream", "topical gel": "gel", "topical": "topical", "liquid": "liquid",
    "suppository": "suppository", "lozenge": "lozenge",
}

#: Units of a drug strength ("20mg", "5%", "50mcg/hr"); package sizes ("120 grams") are not strengths.
STRENGTH_UNITS: tuple[str, ...] = (
    "mg", "mcg", "ug", "µg", "%", "meq", "iu", "units", "unit", "mg/ml", "mcg/hr", "mcg/h",
    "mg/hr", "mg/5ml", "mg/24hr", "mg/24h",
)

#: How ``strength`` spells a unit written otherwise (lower case key).
UNIT_SPELLINGS: Mapping[str, str] = {"ug": "mcg", "iu": "IU", "meq": "mEq", "units": "units"}

#: Words that are not part of an unknown drug's name when they precede its strength
#: ("Retrospective request for Fooprofen 10mg" is "Fooprofen"), lower case.
NOT_NAMES: frozenset[str] = frozenset({
    "post", "op", "pre", "postop", "preop", "post-op", "pre-op", "retrospective", "retro",
    "prospective", "request", "requested", "for", "of", "the", "a", "an", "and", "with",
    "prescription", "rx", "refill", "medication", "medications", "continue", "continued",
    "additional", "topical", "compound", "compounded", "cream", "gel", "patch", "dos",
    "tablet", "tablets", "tab", "tabs", "capsule", "capsules", "oral", "daily",
})
