"""Dates and times as transcripts print them."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

# Month names as transcripts print them: English, then the other languages diplomatic
# services publish in (Russian in both the genitive "25 ноября" and the nominative, German,
# French, Spanish, Italian, Portuguese). Accents are optional where sites drop them.
_MONTH_NAMES = [
    ("january", "jan", "января", "январь", "januar", "jänner", "janvier", "enero", "gennaio", "janeiro"),
    ("february", "feb", "февраля", "февраль", "februar", "février", "fevrier", "febrero", "febbraio", "fevereiro"),
    ("march", "mar", "марта", "март", "märz", "maerz", "mars", "marzo", "março", "marco"),
    ("april", "apr", "апреля", "апрель", "avril", "abril", "aprile"),
    ("may", "мая", "май", "mai", "mayo", "maggio", "maio"),
    ("june", "jun", "июня", "июнь", "juni", "juin", "junio", "giugno", "junho"),
    ("july", "jul", "июля", "июль", "juli", "juillet", "julio", "luglio", "julho"),
    ("august", "aug", "августа", "август", "août", "aout", "agosto"),
    ("september", "sep", "sept", "сентября", "сентябрь", "septembre", "septiembre", "settembre", "setembro"),
    ("october", "oct", "октября", "октябрь", "oktober", "octobre", "octubre", "ottobre", "outubro"),
    ("november", "nov", "ноября", "ноябрь", "novembre", "noviembre", "novembro"),
    ("december", "dec", "декабря", "декабрь", "dezember", "décembre", "decembre", "diciembre", "dicembre", "dezembro"),
]
# And the month names of more languages, from CLDR (babel): the form used in dates ("12 Mart 2024",
# "5 marca 2024") and the stand-alone one. A name that is a different month in two languages
# ("listopad": November in Czech, October in Croatian) is left out.
CLDR_DATE_LOCALES = (
    "tr", "pl", "cs", "sk", "hr", "sl", "sr", "bg", "uk", "be", "nl", "sv", "da", "nb", "fi", "et", "lv", "lt",
    "ro", "hu", "el", "id", "ms", "az", "kk", "uz", "ka", "hy", "sq", "mk", "bs", "ar", "fa", "he", "hi", "ur",
)  # fmt: skip
# Every script's decimal digits read as ASCII ones ("١٢ مارس ٢٠٢٤", full-width "２０２４"), one for one.
_DIGITS = {
    ord(ch): str(unicodedata.decimal(ch))
    for ch in map(chr, range(0x80, 0x10000))
    if unicodedata.decimal(ch, None) is not None
}


def _cldr_months() -> dict[str, int]:
    from babel import Locale

    found: dict[str, set[int]] = {}
    for code in CLDR_DATE_LOCALES:
        try:
            months = Locale.parse(code).months
        except (ValueError, LookupError):
            continue
        for context in ("format", "stand-alone"):
            for number, name in months[context]["wide"].items():
                name = name.lower()
                if len(name) >= 3 and not re.search(r"\d|\s", name):
                    found.setdefault(name, set()).add(number)
    return {name: numbers.pop() for name, numbers in found.items() if len(numbers) == 1}


# The Levantine and Iraqi Arabic months of one word ("دمشق، 12 آذار 2024"; CLDR has the Egyptian ones).
_LEVANTINE_MONTHS = {"شباط": 2, "آذار": 3, "نيسان": 4, "أيار": 5, "حزيران": 6, "تموز": 7, "أيلول": 9}
MONTHS = {name: i for i, names in enumerate(_MONTH_NAMES, start=1) for name in names} | _LEVANTINE_MONTHS
MONTHS.update({name: n for name, n in _cldr_months().items() if MONTHS.get(name, n) == n})
# Any word in the month's place, looked up in MONTHS when a match is built (_build): one
# alternation of 467 names was tried at every position of a line (4.5 s on a 3 MB line).
# A month's letters; Indic scripts write vowels as combining marks, which are no letters to \w ("मार्च").
_MONTH = r"(?P<month>(?:[^\W\d_]|[\u0900-\u0dff]){3,})\.?"
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
_TIME = r"(?:(?:,|\s|at)\s*(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?:\s*(?P<ampm>[ap])\.?m\.?)?)?"
# "25th November", "3. Oktober", "3 de octubre de", "1er janvier"
_DAY_FIRST = r"(?P<day>\d{1,2})(?:st|nd|rd|th|er|\.)?\s+(?:de\s+)?"
# The year's word after it: "года", "року", "р.", "roku", "r.", "yılı", "m.", "godine", "م" (Arabic).
_YEAR_AFTER_MONTH = (
    r",?\s+(?:de\s+|del\s+)?(?P<year>\d{4})(?:\s*(?:г\.|года|год|року|рік|р\.|roku|r\.|yılı|m\.|godine|g\.|م)(?!\w))?"
)

DATE_PATTERNS = [
    re.compile(rf"(?<!\w){_WEEKDAY}{_DAY_FIRST}{_MONTH}{_YEAR_AFTER_MONTH}{_TIME}", re.I),
    # "June 12, 2018"; "June12, 2018" as the China MFA printed some titles.
    re.compile(rf"(?<!\w){_WEEKDAY}{_MONTH}\s*(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}}){_TIME}", re.I),
    re.compile(r"\b(?P<year>\d{4})-(?P<monthnum>\d{2})-(?P<day>\d{2})(?:[T ](?P<hour>\d{2}):(?P<minute>\d{2}))?"),
    re.compile(rf"\b(?P<day>\d{{1,2}})\.(?P<monthnum>\d{{1,2}})\.(?P<year>\d{{4}}){_TIME}"),
    # Chinese and Japanese: 2019年12月20日
    re.compile(r"(?P<year>\d{4})\s*年\s*(?P<monthnum>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日"),
    # Japan's era years: 令和6年1月9日 (Reiwa 6 = 2024), 平成31年 (Heisei 31 = 2019)
    re.compile(r"(?P<era>令和|平成)\s*(?P<eyear>\d{1,2}|元)\s*年\s*(?P<monthnum>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日"),
    # Vietnamese: ngày 14 tháng 3 năm 2024
    re.compile(r"(?i:ngày)\s+(?P<day>\d{1,2})\s+(?i:tháng)\s+(?P<monthnum>\d{1,2}),?\s+(?i:năm)\s+(?P<year>\d{4})"),
    # Korean: 2024년 3월 12일
    re.compile(r"(?P<year>\d{4})\s*년\s*(?P<monthnum>\d{1,2})\s*월\s*(?P<day>\d{1,2})\s*일"),
]

TIME_LINE = re.compile(
    r"^(?:END\s+)?(?P<hour>\d{1,2}):(?P<minute>\d{2})\s*(?P<ampm>[AP])\.?\s*M\.?(?:\s+[A-Z]{2,5})?\s*$",
    re.I,
)


# The Solar Hijri calendar of Iran's and Afghanistan's pages: "تهران، ۲۲ اسفند ۱۴۰۲" is 12 March 2024.
JALALI_MONTHS = {
    name: n
    for n, names in enumerate(
        [("فروردین",), ("اردیبهشت",), ("خرداد",), ("تیر",), ("مرداد", "امرداد"), ("شهریور",), ("مهر",), ("آبان",),
         ("آذر",), ("دی",), ("بهمن",), ("اسفند",)],
        start=1,
    )
    for name in names
}  # fmt: skip


def _jalali_day(year: int, month: int, day: int) -> int:
    """A count of days in the Solar Hijri calendar (the 33-year cycle's arithmetic, right for the years
    1178–1633 as Iran's published tables have them)."""
    year += 1595
    days = 365 * year + (year // 33) * 8 + ((year % 33) + 3) // 4 + day
    return days + ((month - 1) * 31 if month < 7 else (month - 7) * 30 + 186)


def _from_jalali(year: int, month: int, day: int) -> dt.date:
    """A Solar Hijri date as a Gregorian one, counted from Nowruz 1403 (20 March 2024)."""
    if not (1 <= month <= 12 and 1 <= day <= (31 if month <= 6 else 30)):
        raise ValueError("no such Solar Hijri day")
    return dt.date(2024, 3, 20) + dt.timedelta(days=_jalali_day(year, month, day) - _jalali_day(1403, 1, 1))


def _build(match: re.Match) -> tuple[dt.date, dt.time | None] | None:
    parts = match.groupdict()
    if parts.get("era"):
        era_year = 1 if parts["eyear"] == "元" else int(parts["eyear"])  # 元年: the era's first year
        parts["year"] = {"令和": 2018, "平成": 1988}[parts["era"]] + era_year
    word = (parts.get("month") or "").lower().rstrip(".")
    if word[:1] == "ב" and word[1:] in MONTHS:
        word = word[1:]  # Hebrew "12 במרץ 2024": in March
    month = MONTHS.get(word) or int(parts.get("monthnum") or 0)
    try:
        if word in JALALI_MONTHS:
            date = _from_jalali(int(parts["year"]), JALALI_MONTHS[word], int(parts["day"]))
        else:
            date = dt.date(int(parts["year"]), month, int(parts["day"]))
    except (ValueError, TypeError):
        return None
    if not 1900 <= date.year <= 2100:
        return None
    time = _clock(int(parts["hour"]), int(parts["minute"]), parts.get("ampm") or "") if parts.get("hour") else None
    return date, time


def _clock(hour: int, minute: int, half: str = "") -> dt.time | None:
    """The time of day, `half` "a" or "p" for a 12-hour clock (either case); None if there is none."""
    half = half[:1].lower()
    if half == "p" and hour < 12:
        hour += 12
    elif half == "a" and hour == 12:
        hour = 0
    return dt.time(hour, minute) if hour <= 23 and minute <= 59 else None


def find_date(text: str) -> tuple[dt.date, dt.time | None, re.Match] | None:
    """The first date in `text`, with a time if one follows it."""
    best = None
    text = text.translate(_DIGITS)
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            built = _build(match)
            if built and (best is None or match.start() < best[2].start()):
                best = (*built, match)
                break
    return best


# Weekdays as datelines print them ("[Lunes 16 de Noviembre del 2009]", "Mardi 3 mars 2020").
WEEKDAYS = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun"
    r"|lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo"
    r"|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
    r"|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag"
    r"|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|segunda-feira|terça-feira|quarta-feira"
    r"|quinta-feira|sexta-feira|понедельник|вторник|среда|четверг|пятница|суббота|воскресенье)\b\.?,?",
    re.I,
)


# A time printed after a date on its line, in the words of several languages: "10 a.m.", "10:00",
# "a las 10.00 horas", "à 10 heures", "à 10h30", "um 10 Uhr", "alle ore 10", "в 10:00", "at 3 p.m. EST".
# A bare number is not one: it needs a word before or after it, or minutes.
TIME_PHRASE = re.compile(
    r"(?P<at>at|from|a\s+las?|à|às|as|um|alle(?:\s+ore)?|в|с)?\s*(?P<hour>\d{1,2})"
    r"(?:(?P<sep>[:.h]|\s+h\s*)(?P<minute>\d{2}))?\s*"
    r"(?P<unit>[ap]\.?\s?m\.?|horas?|hrs?\.?|heures?|h\b|uhr|ore|час(?:ов|а)?|hod\.?|godz\.?)?"
    r"(?:\s*\(?(?:[A-Z]{2,5}|GMT[+-]?\d*)\)?)?",
    re.I,
)


# Chinese and Japanese datelines go on with the weekday in brackets, the time and where: "令和6年1月9日
# （火曜日）10時41分　於：本省会見室", "2024年3月12日（星期二）".
_CJK_WEEKDAY = re.compile(r"^[（(](?:[月火水木金土日](?:曜日?)?|星期[一二三四五六日天]|周[一二三四五六日天])[）)]\s*")
# "10時41分", "午後4時" (p.m.), "午前" alone (the morning's press conference), "下午3点".
_CJK_TIME = re.compile(
    r"^(?P<half>午前|午後|上午|下午)?\s*(?:(?P<hour>\d{1,2})\s*[時时点點]\s*(?:(?P<minute>\d{1,2})\s*分)?)?\s*"
)
_CJK_PLACE = re.compile(r"^(?:於|于|地点|地點)\s*[：:]\s*\S.{0,40}$")


def _cjk_rest(rest: str) -> tuple[bool, dt.time | None]:
    """Whether what follows a date is only a CJK weekday, time and place, and the time."""
    rest = _CJK_WEEKDAY.sub("", rest.strip())
    time = None
    if (match := _CJK_TIME.match(rest)) and match.group().strip():
        if match["hour"]:
            hour = int(match["hour"]) + (12 if match["half"] in ("午後", "下午") and int(match["hour"]) < 12 else 0)
            time = _clock(hour, int(match["minute"] or 0))
        rest = rest[match.end() :]
    rest = rest.strip()
    return (not rest or bool(_CJK_PLACE.match(rest))), time


def _time_phrase(text: str) -> dt.time | None:
    """The time `text` is, if it is nothing but a time phrase (TIME_PHRASE); else None."""
    match = TIME_PHRASE.fullmatch(text.strip())
    if not match or not (match["at"] or match["unit"] or match["minute"]):
        return None
    unit = (match["unit"] or "").lower()
    return _clock(int(match["hour"]), int(match["minute"] or 0), unit[:1] if unit[:1] in ("a", "p") else "")


HAN_DATE = re.compile(r"[年月日년월일]")


def parse_date_only(text: str) -> tuple[dt.date, dt.time | None] | None:
    """A date (and time) if `text` is nothing but that (brackets and a weekday allowed)."""
    text = text.strip()
    if text[:1] in "[(" and text[-1:] in "])":
        text = text[1:-1]
    found = find_date(text)
    if not found:
        return None
    date, time, match = found
    rest = WEEKDAYS.sub("", text[: match.start()] + text[match.end() :]).strip(" ,.-–—|")
    # What may stand beside it: a time, a time zone, an article ("le 16 janvier 2024", "den 5. März").
    allowed = r"(?:\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?|[A-Z]{2,5}|GMT[+-]?\d*|le|el|den|am|on|the)"
    if rest and not re.fullmatch(allowed, rest, re.I):
        said = _time_phrase(rest)
        if said is None:
            only, said = _cjk_rest(text[match.end() :]) if HAN_DATE.search(match.group()) else (False, None)
            if not only:
                return None
        time = time or said
    return date, time


def parse_time_line(text: str) -> dt.time | None:
    match = TIME_LINE.match(text.strip())
    if not match:
        return None
    return _clock(int(match["hour"]), int(match["minute"]), match["ampm"])


def parse_iso_date(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not value:
        return None
    found = find_date(str(value))
    return found[0] if found else None
