"""Write transcripts/data/case_forms.json: country names in their case forms, for the languages we
detect that decline them («Rosji», «Ruska», «Russlands», «Ρωσίας», «Rusiei», «Rysslands»).

    pip install -e '.[case_forms]' && python scripts/case_forms.py

The forms come from simplemma's dictionaries (form -> lemma, built from Wiktionary and other
maintained word lists): the dictionary is turned around, and each word of a country's CLDR name
(babel) gets every form whose lemma is that word's lemma. A form is kept only when the dictionary
reads it back as the same lemma ("Niemiec", a German, is not Germany's genitive though Polish
writes both alike). A name of several words takes each word's forms in turn, the combinations
capped (most never occur in a text, and a combination that does is the name). The app reads the
generated file, so simplemma is not needed at run time (its dictionaries are 19 MB).
"""

from __future__ import annotations

import itertools
import json
import sys
import unicodedata
from collections import defaultdict
from importlib.metadata import version
from pathlib import Path

from babel import Locale
from simplemma.strategies.dictionaries.dictionary_factory import _load_dictionary_from_disk

OUT = Path(__file__).resolve().parent.parent / "transcripts" / "data" / "case_forms.json"
# Languages the parser detects (transcripts/parsing/language.py) whose nouns change form by case.
LANGUAGES = ("pl", "cs", "de", "ro", "el", "sv")
MAX_COMBINATIONS = 400
# Languages whose names take an -s in the genitive (German of masculine and neuter names, Swedish).
GENITIVE_S = ("de", "sv")


def _forms_of(word: str, dictionary: dict[str, str], inverted: dict[str, set[str]], alone: bool) -> set[str]:
    """The forms of `word` that share its lemma and its stem, written with the word's capital; the
    word itself too. A name of one word takes only the forms whose lemma is the name ("Rosji" is
    Rosja's; "Niemiec", a German, is not Niemcy's); a word of a longer name those of its lemmas,
    read with and without its capital ("Stany" is a lemma of its own, "stany" is "stan", whose
    "stanów" is the one in "Stanów Zjednoczonych"). The stem keeps out forms that only share a
    lemma's spelling ("Fr", France abbreviated)."""
    lemmas = {word} if alone else {dictionary.get(word), dictionary.get(word.lower()), word} - {None}
    forms = {word}
    for lemma in lemmas:
        for form in inverted.get(lemma, set()) | inverted.get(lemma.lower(), set()):
            form = form[:1].upper() + form[1:] if word[:1].isupper() else form
            read_as = {dictionary.get(form), dictionary.get(form.lower())}
            same_lemma = bool(read_as & {lemma, lemma.lower()})
            if same_lemma and _shared_stem(form, word) >= max(3, len(word) - 3):
                forms.add(form)
    return forms


def _shared_stem(a: str, b: str) -> int:
    """How many letters two words begin with alike, case and accents aside."""
    a, b = _plain(a), _plain(b)
    return next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))


def _plain(word: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFD", word.lower()) if not unicodedata.combining(ch))


def _case_forms(name: str, dictionary: dict[str, str], inverted: dict[str, set[str]], language: str) -> list[str]:
    words = name.split()
    per_word = [sorted(_forms_of(w, dictionary, inverted, alone=len(words) == 1)) for w in words]
    combinations = {" ".join(c) for c in itertools.islice(itertools.product(*per_word), MAX_COMBINATIONS)}
    if language in GENITIVE_S and len(words) == 1 and not name.endswith(("s", "x", "z", "ß")):
        combinations.add(name + "s")  # "Russlands", "Rysslands": the dictionaries miss most of them
    return sorted(combinations - {name})


def main() -> None:
    import pycountry

    codes = {c.alpha_2 for c in pycountry.countries}
    data: dict = {"source": f"simplemma {version('simplemma')} and CLDR (babel {version('babel')})", "forms": {}}
    for language in LANGUAGES:
        raw = _load_dictionary_from_disk(language)
        dictionary = {form.decode(): lemma.decode() for form, lemma in raw.items()}
        inverted: dict[str, set[str]] = defaultdict(set)
        for form, lemma in dictionary.items():
            inverted[lemma].add(form)
        territories = Locale.parse(language).territories
        forms = {}
        for code in sorted(codes):
            name = territories.get(code)
            if not name or "(" in name:
                continue
            found = _case_forms(name, dictionary, inverted, language)
            if found:
                forms[code] = found
        # A form two countries share ("Gwinei" of Gwinea and of Gwinea Równikowa's words) is neither's,
        # nor is a form that is another country's name.
        names = {territories.get(code) for code in codes}
        owners: dict[str, int] = defaultdict(int)
        for found in forms.values():
            for form in found:
                owners[form] += 1
        forms = {
            code: kept
            for code, found in forms.items()
            if (kept := [f for f in found if owners[f] == 1 and f not in names])
        }
        data["forms"][language] = forms
        print(f"{language}: {len(forms)} countries, {sum(map(len, forms.values()))} forms", file=sys.stderr)
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
