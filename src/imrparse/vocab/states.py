"""US states, the District of Columbia and the territories, for splitting licensure lists.

"State(s) of Licensure: California,North Carolina" and "licensed to practice in California
and Texas" are split by finding these names (phrases, :mod:`imrparse.text.phrases`), so a
list needs no particular separator.
"""

from __future__ import annotations

__all__ = ["US_STATES", "FEDERAL_DISTRICT", "US_TERRITORIES", "JURISDICTIONS", "ALIASES",
           "POSTAL_CODES", "ABBREVIATIONS"]

US_STATES: tuple[str, ...] = (
    "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut",
    "Delaware", "Florida", "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa",
    "Kansas", "Kentucky", "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan",
    "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada", "New Hampshire",
    "New Jersey", "New Mexico", "New York", "North Carolina", "North Dakota", "Ohio", "Oklahoma",
    "Oregon", "Pennsylvania", "Rhode Island", "South Carolina", "South Dakota", "Tennessee",
    "Texas", "Utah", "Vermont", "Virginia", "Washington", "West Virginia", "Wisconsin", "Wyoming",
)

FEDERAL_DISTRICT: tuple[str, ...] = ("District of Columbia",)

US_TERRITORIES: tuple[str, ...] = (
    "Puerto Rico", "Guam", "U.S. Virgin Islands", "American Samoa", "Northern Mariana Islands",
)

#: Every canonical name, in the order above.
JURISDICTIONS: tuple[str, ...] = US_STATES + FEDERAL_DISTRICT + US_TERRITORIES

#: Other spellings of a jurisdiction, mapped to its canonical name.
ALIASES: dict[str, str] = {
    "Washington, D.C.": "District of Columbia",
    "Washington D.C.": "District of Columbia",
    "Washington, DC": "District of Columbia",
    "Washington DC": "District of Columbia",
    "D.C.": "District of Columbia",
    "Hawai'i": "Hawaii",
    "Virgin Islands": "U.S. Virgin Islands",
    "US Virgin Islands": "U.S. Virgin Islands",
    "United States Virgin Islands": "U.S. Virgin Islands",
    "Commonwealth of Puerto Rico": "Puerto Rico",
    "Commonwealth of the Northern Mariana Islands": "Northern Mariana Islands",
    "Mariana Islands": "Northern Mariana Islands",
}

#: Two-letter USPS codes; only recognised as a whole list entry and in capitals ("CA, TX").
POSTAL_CODES: dict[str, str] = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "FL": "Florida", "GA": "Georgia",
    "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa",
    "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine", "MD": "Maryland",
    "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota", "MS": "Mississippi",
    "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire",
    "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York", "NC": "North Carolina",
    "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania",
    "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee",
    "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington",
    "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming", "DC": "District of Columbia",
    "PR": "Puerto Rico", "GU": "Guam", "VI": "U.S. Virgin Islands", "AS": "American Samoa",
    "MP": "Northern Mariana Islands",
}

#: The traditional (pre-postal-code) abbreviations, as written without their last period
#: ("Calif.", "N.Y."); like the postal codes, only recognised as a whole list entry, in
#: this case ("Ind." is Indiana there, not a word of the text).
ABBREVIATIONS: dict[str, str] = {
    "Ala": "Alabama", "Ariz": "Arizona", "Ark": "Arkansas", "Calif": "California", "Cal": "California",
    "Colo": "Colorado", "Conn": "Connecticut", "Del": "Delaware", "Fla": "Florida", "Ga": "Georgia",
    "Ill": "Illinois", "Ind": "Indiana", "Kan": "Kansas", "Kans": "Kansas", "Ky": "Kentucky",
    "La": "Louisiana", "Md": "Maryland", "Mass": "Massachusetts", "Mich": "Michigan",
    "Minn": "Minnesota", "Miss": "Mississippi", "Mo": "Missouri", "Mont": "Montana",
    "Neb": "Nebraska", "Nebr": "Nebraska", "Nev": "Nevada", "N.H": "New Hampshire",
    "N.J": "New Jersey", "N.M": "New Mexico", "N.Mex": "New Mexico", "N.Y": "New York",
    "N.C": "North Carolina", "N.D": "North Dakota", "N.Dak": "North Dakota", "Okla": "Oklahoma",
    "Ore": "Oregon", "Oreg": "Oregon", "Pa": "Pennsylvania", "Penn": "Pennsylvania",
    "R.I": "Rhode Island", "S.C": "South Carolina", "S.D": "South Dakota", "S.Dak": "South Dakota",
    "Tenn": "Tennessee", "Tex": "Texas", "Vt": "Vermont", "Va": "Virginia", "Wash": "Washington",
    "W.Va": "West Virginia", "Wis": "Wisconsin", "Wisc": "Wisconsin", "Wyo": "Wyoming",
    "P.R": "Puerto Rico",
}
