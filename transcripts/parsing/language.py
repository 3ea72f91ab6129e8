"""Which language a transcript is in: its script first, then its commonest short words."""

from __future__ import annotations

import re

# The most frequent function words of each language; a few hundred words of text are enough to
# tell them apart. Words shared by several languages ("a", "de", "la") are left out.
STOPWORDS = {
    "en": "the and of to is that in it for we with this have are on be not was you they will what",
    "de": "der die und das ist nicht ein eine ich wir mit auf den dem sich auch es zu für werden haben",
    "fr": "le les et est des une que pas nous dans pour qui sur au avec ce il sont être cette aux",
    "es": "el los las y es que una por para con del se no lo su como más pero sus muy también esta",
    "it": "il che di è non per una sono con gli della del anche come nel questo essere hanno ci",
    "pt": "o os as e é que não uma para com do da em se por mais dos das também muito foi são",
    "ru": "и в не что на с это я как мы по но он то все так его для вы же",
    "uk": "і в не що на з це я як ми та але він то все так його для ви ж які",
    "pl": "się że jest nie na do to jak ale po tak za od już jego przez dla czy być są oraz które",
    "nl": "het een van is dat niet te op zijn met voor die er ook als aan maar bij wij wordt",
    "tr": "ve bir bu için ile çok daha olarak gibi ama var ne kadar olan biz değil mi bizim",
    "sv": "och att det som är av för med till inte har om vi ett men också kan ska",
    "cs": "je se na že to jsou jako ale by pro tak už jsme které také byl jsem když",
    "ro": "și în că nu cu pe este mai din care pentru sunt au ca fost această acest",
    "id": "yang dan ini itu dengan untuk tidak dari dalam akan pada kami juga ada adalah",
    "vi": "của và là các có được trong cho với những không này đã người một về để khi chúng tôi",
}
_WORDS = {lang: set(words.split()) for lang, words in STOPWORDS.items()}
_TOKEN = re.compile(r"[^\W\d_]+")
_LETTERS = re.compile(r"[^\W\d_]+")
_SCRIPTS = {
    "cyrillic": re.compile(r"[\u0400-\u04ff]"),
    "cjk": re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]"),
    "hangul": re.compile(r"[\uac00-\ud7af]"),
    "arabic": re.compile(r"[\u0600-\u06ff]"),
    "hebrew": re.compile(r"[\u0590-\u05ff]"),
    "greek": re.compile(r"[\u0370-\u03ff]"),
    "devanagari": re.compile(r"[\u0900-\u097f]"),
    "thai": re.compile(r"[\u0e00-\u0e7f]"),
    "georgian": re.compile(r"[\u10a0-\u10ff]"),
    "armenian": re.compile(r"[\u0530-\u058f]"),
}
# Scripts of one language here; Arabic script is Persian when Persian's own letters show.
_ONE_LANGUAGE = {"hebrew": "he", "greek": "el", "devanagari": "hi", "thai": "th", "georgian": "ka", "armenian": "hy"}


def detect_language(text: str, declared: str | None = None) -> str:
    """An ISO 639-1 code. `declared` (from HTML or front matter) wins when the text agrees with it."""
    sample = text[:5_000]
    letters = "".join(_LETTERS.findall(sample))
    if not letters:
        return declared or "en"
    scripts = {name: len(pattern.findall(letters)) for name, pattern in _SCRIPTS.items()}
    scripts["latin"] = len(letters) - sum(scripts.values())
    script = max(scripts, key=scripts.get)
    share = scripts[script] / len(letters)
    if script == "cjk" and share > 0.3:
        kana = sum(1 for ch in letters if "\u3040" <= ch <= "\u30ff")
        return "ja" if kana > 0.05 * len(letters) else "zh"
    if script == "hangul" and share > 0.3:
        return "ko"
    if script == "arabic" and share > 0.3:
        return "fa" if sum(letters.count(ch) for ch in "پچژگ") > 0.01 * len(letters) else "ar"
    if script in _ONE_LANGUAGE and share > 0.3:
        return _ONE_LANGUAGE[script]
    words = [w.lower() for w in _TOKEN.findall(sample)]
    latin = ("en", "de", "fr", "es", "it", "pt", "pl", "nl", "tr", "sv", "cs", "ro", "id", "vi")
    candidates = ("ru", "uk") if script == "cyrillic" else latin
    scores = {lang: sum(1 for w in words if w in _WORDS[lang]) for lang in candidates}
    if script == "cyrillic":
        # Ukrainian letters settle it; Russian ones (ы, э, ъ) too.
        if any(ch in "іїєґ" for ch in sample.lower()):
            scores["uk"] += len(words)
        return declared if declared in scores and scores[declared] else max(scores, key=scores.get)
    best = max(scores, key=scores.get)
    if declared and declared in scores and scores[declared] >= 0.5 * scores[best]:
        return declared
    return best if scores[best] else (declared or "en")
