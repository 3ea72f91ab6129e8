"""A word's other English spellings: the Kremlin and the British government write "defence",
"organisation", "programme", "centre", "labour", the White House and the Chinese foreign ministry
"defense", "organization", "program", "center", "labor"; some print "co-operation", most
"cooperation". The stemmer keeps each pair apart ('defenc' / 'defens', 'organis' / 'organ'), so a
search for one spelling missed every turn written with the other.

`other_spellings` proposes the other forms by rule; the query keeps those the archive's word counts
know (transcripts/query.py), so a rule that invents a word ("tortoize") costs nothing. The rules
leave out pairs where the other form is another word as often as a spelling ("grey" / "Gray",
"storey" / "story", "draught" / "draft", "cheque" / "check", "tyre" / "tire", "filled" / "filed").
"""

from __future__ import annotations

import re

# British root -> American root. A word that starts with either gets the other ("favourable" ->
# "favorable", "neighbourhood" -> "neighborhood", "defences" -> "defenses").
_ROOTS = {
    # -our / -or
    "ardour": "ardor", "armour": "armor", "behaviour": "behavior", "candour": "candor", "clamour": "clamor",
    "colour": "color", "demeanour": "demeanor", "endeavour": "endeavor", "favour": "favor", "fervour": "fervor",
    "flavour": "flavor", "harbour": "harbor", "honour": "honor", "humour": "humor", "labour": "labor",
    "neighbour": "neighbor", "odour": "odor", "parlour": "parlor", "rancour": "rancor", "rigour": "rigor",
    "rumour": "rumor", "saviour": "savior", "savour": "savor", "splendour": "splendor", "tumour": "tumor",
    "valour": "valor", "vapour": "vapor", "vigour": "vigor",
    # -ence / -ense
    "defence": "defense", "offence": "offense", "licence": "license", "pretence": "pretense",
    # -re / -er
    "calibre": "caliber", "centre": "center", "fibre": "fiber", "kilometre": "kilometer", "litre": "liter",
    "lustre": "luster", "manoeuvre": "maneuver", "meagre": "meager", "metre": "meter", "sabre": "saber",
    "sceptre": "scepter", "sombre": "somber", "spectre": "specter", "theatre": "theater",
    # -ogue / -og
    "analogue": "analog", "catalogue": "catalog", "dialogue": "dialog",
    # others
    "acknowledgement": "acknowledgment", "ageing": "aging", "aluminium": "aluminum", "anaemi": "anemi",
    "artefact": "artifact", "enrol": "enroll", "foetus": "fetus", "fulfil": "fulfill", "haemo": "hemo",
    "instalment": "installment", "jewellery": "jewelry", "judgement": "judgment", "leukaemia": "leukemia",
    "mould": "mold", "paediatric": "pediatric", "plough": "plow", "programme": "program", "sceptic": "skeptic",
}  # fmt: skip
_TO_AMERICAN = sorted(_ROOTS.items(), key=lambda pair: -len(pair[0]))
_TO_BRITISH = sorted(((am, br) for br, am in _ROOTS.items()), key=lambda pair: -len(pair[0]))
_DROPS_E = {br for br in _ROOTS if br.endswith("re")}  # "centre" -> "centred", "centring"

# -ise / -ize and their derivatives ("organisation", "recognised", "normalising"), -yse / -yze.
_IZE = re.compile(r"^([a-z]{3,})i([sz])(e|es|ed|ing|ation|ations|ational|er|ers|able)$")
_YZE = re.compile(r"^([a-z]*ly)([sz])(e|es|ed|ing|er|ers)$")

# Roots that double their l before a suffix in British spelling ("travelled", "counsellor").
_DOUBLE_L = (
    "cancel", "channel", "counsel", "dial", "duel", "equal", "fuel", "initial", "jewel", "label", "level",
    "marvel", "model", "panel", "quarrel", "rival", "signal", "shovel", "total", "travel", "tunnel", "unravel",
)  # fmt: skip
_L_SUFFIXES = ("ed", "ing", "er", "ers", "or", "ors", "ous")

# Prefixes some publishers join with a hyphen ("co-operation", "non-proliferation", "re-election").
_HYPHENED = re.compile(r"^(counter(?=[a-z]{4})|cease(?=fire)|non(?=[a-z]{4})|anti(?=[a-z]{4})|co(?=[eo])|"
                       r"re(?=e)|de(?=e))([a-z]+)$")  # fmt: skip

_WORD = re.compile(r"^[a-z][a-z'’-]*[a-z]$")


def other_spellings(word: str) -> list[str]:
    """The word as the other spelling conventions write it (lower case; none for most words):
    "defense" -> ["defence"], "organisation" -> ["organization"], "co-operation" -> ["cooperation"]."""
    word = word.lower()
    if len(word) < 4 or not _WORD.match(word):
        return []
    found: list[str] = []
    if "-" in word:
        found.append(word.replace("-", ""))
    else:
        hyphened = _HYPHENED.match(word)
        if hyphened:
            found.append(f"{hyphened[1]}-{hyphened[2]}")
    dropped = _dropped_e(word)
    if dropped:
        found.append(dropped)
    else:
        # British first: "programme" starts with "program" too.
        root, other = next(
            ((r, o) for roots in (_TO_AMERICAN, _TO_BRITISH) for r, o in roots if word.startswith(r)), ("", "")
        )
        if root:
            found.append(other + word[len(root) :])
    ize = _IZE.match(word) or _YZE.match(word)
    if ize:
        stem, letter, suffix = ize.groups()
        found.append(f"{stem}{'i' if ize.re is _IZE else ''}{'z' if letter == 's' else 's'}{suffix}")
    for root in _DOUBLE_L:
        for suffix in _L_SUFFIXES:
            if word == root + suffix:
                found.append(root + "l" + suffix)
            elif word == root + "l" + suffix:
                found.append(root + suffix)
    return [form for form in dict.fromkeys(found) if form != word]


def _dropped_e(word: str) -> str:
    """ "centred" <-> "centered", "centring" <-> "centering": British drops the e of -re before a suffix."""
    for british in _DROPS_E:
        american = _ROOTS[british]
        for suffix in ("ed", "ing"):
            if word == british[:-1] + suffix:
                return american + suffix
            if word == american + suffix:
                return british[:-1] + suffix
    return ""
