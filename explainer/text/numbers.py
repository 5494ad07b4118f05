"""The numbers in a text, normalised so that the English and the Chinese of the same content can be compared.

The content rules (content/README.md) ask both languages to carry the same numbers, written with the same Arabic
digits. extract_numbers() reduces a text to the set of numbers it states, written one canonical way, so that
"74 %", "74％" and "74%" are one number, and so are "1.4 million" and "140 万", "10⁷" and "10^7", "3.0" and "3",
"20 July 2015" and "2015年7月20日". compare_numbers() tells what one language states and the other does not.

What counts:

- integers and decimals, with English thousands separators ("1,000"); trailing zeros of decimals are dropped;
- percentages ("74%", "74 %", "74％", "74 per cent", "百分之74"); in a range such as "5–6%" or "5 到 6 万" the
  unit after the second number applies to the first as well;
- powers ("10⁷", "10^7", "2.5×10⁷" is 2.5 and 10^7);
- scale words that multiply the number before them: thousand, million, billion, trillion; 千, 万, 十万, 百万, 千万,
  亿, 万亿;
- English month names, as their month number.

What is left out: the targets of [text](target) links (their text counts), URLs, DOIs, trial registry ids and other
identifiers that start with Latin letters (NCT05442437, CD34). Numbers written as Chinese numerals (六, 十二) are
not converted: the site writes numbers in Arabic digits in both languages, so a Chinese text that says 六 where the
English says 6 shows up as a difference. Minus signs are not read: "5-6" is a range, not 5 and −6.
"""

import re
from decimal import Decimal

ENGLISH = "en"
CHINESE = "zh-hans"
LANGUAGES = (ENGLISH, CHINESE)

FULL_WIDTH_CHARACTERS = str.maketrans("０１２３４５６７８９％", "0123456789%")
SUPERSCRIPT_CHARACTERS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")

# Parts of a text whose digits are not numbers a reader is told. Each is blanked out before numbers are read.
LINK_TARGET = re.compile(r"(?<=\])\([^)\s]+\)")
URL = re.compile(r"(?:https?://|www\.)[!-~]*", re.IGNORECASE)
DOI = re.compile(r"(?:doi:\s*)?\b10\.[0-9]{4,9}/[!-~]*", re.IGNORECASE)
REGISTRY_ID = re.compile(
    r"(?<![A-Za-z0-9])(?:NCT|ChiCTR|ISRCTN|ACTRN|CTRI|DRKS|EudraCT|IRCT|jRCT|JPRN|KCT|PACTR|TCTR|UMIN)"
    r"[-A-Za-z0-9/]*[0-9][-A-Za-z0-9/]*"
)
# Latin letters directly followed by digits name something (CD34, HbA1c, ChiCTR2000029606): the digits are part of
# the name. "x10^8", a power of ten written with the letter x, is not such a name.
IDENTIFIER = re.compile(r"(?<![A-Za-z0-9])(?![xX]10\^)[A-Za-z]+[0-9][A-Za-z0-9]*")
IGNORED_PARTS = [LINK_TARGET, URL, DOI, REGISTRY_ID, IDENTIFIER]

SUPERSCRIPT_EXPONENT = re.compile(r"(?<=[0-9])\s*([⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+)")
CHINESE_PERCENT = re.compile(r"百分之\s*([0-9]+(?:\.[0-9]+)?)")

NUMBER = r"(?P<number>[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)"
EXPONENT = r"\s*\^\s*(?P<exponent>-?[0-9]+)"
ENGLISH_PERCENT = r"\s*(?P<percent>%|(?i:per\s?cent)\b)"
ENGLISH_SCALE = r"\s+(?P<scale>(?i:thousand|million|billion|trillion))\b"
# 千 before 克, 米, 卡, 瓦, 帕, 赫, 焦 or 字节 is the unit prefix kilo-, not a thousand.
CHINESE_SCALE = r"\s*(?P<scale>[十百千]?万|万?亿|千(?![克米卡瓦帕赫焦字]))"
NUMBER_PATTERNS = {
    ENGLISH: re.compile(rf"{NUMBER}(?:{EXPONENT}|{ENGLISH_PERCENT}|{ENGLISH_SCALE})?"),
    CHINESE: re.compile(rf"{NUMBER}(?:{EXPONENT}|\s*(?P<percent>%)|{CHINESE_SCALE})?"),
}
SCALE_WORDS = {
    "thousand": Decimal(10) ** 3,
    "million": Decimal(10) ** 6,
    "billion": Decimal(10) ** 9,
    "trillion": Decimal(10) ** 12,
    "千": Decimal(10) ** 3,
    "万": Decimal(10) ** 4,
    "十万": Decimal(10) ** 5,
    "百万": Decimal(10) ** 6,
    "千万": Decimal(10) ** 7,
    "亿": Decimal(10) ** 8,
    "万亿": Decimal(10) ** 12,
}
# What may stand between the two numbers of a range: "5–6%", "5 to 6%", "5～6%", "5 到 6%".
RANGE_SEPARATOR = re.compile(r"\s*(?:[-‐‑–—~～至到]|to)\s*")

MONTHS = {
    "January": 1,
    "February": 2,
    "March": 3,
    "April": 4,
    "May": 5,
    "June": 6,
    "July": 7,
    "August": 8,
    "September": 9,
    "October": 10,
    "November": 11,
    "December": 12,
    "Jan": 1,
    "Feb": 2,
    "Mar": 3,
    "Apr": 4,
    "Jun": 6,
    "Jul": 7,
    "Aug": 8,
    "Sep": 9,
    "Sept": 9,
    "Oct": 10,
    "Nov": 11,
    "Dec": 12,
}
MONTH_NAME = re.compile(r"\b(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b")
# "May" is also a verb, so it counts as a month only beside a day or a year: "May 2015", "20 May", "May 20".
NUMBER_AFTER = re.compile(r"\.?,?\s*[0-9]")
NUMBER_BEFORE = re.compile(r"[0-9]\s*$")


def check_language(language):
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {language!r}")


def normalised_decimal(value):
    """A Decimal written without exponent and without trailing zeros: 3.0 → "3", 2.50 → "2.5", 1.4E+6 → "1400000"."""
    return format(value.normalize(), "f")


def _blank(match):
    return " " * len(match.group())


def _prepared(text):
    """The text with full-width digits made ASCII, superscript exponents written with ^, and ignored parts blanked.

    Blanking keeps every other character at its place, so that what stands beside a number does not change.
    """
    text = text.translate(FULL_WIDTH_CHARACTERS)
    text = re.sub(r"(?<=[0-9])．(?=[0-9])", ".", text)
    text = SUPERSCRIPT_EXPONENT.sub(lambda match: "^" + match.group(1).translate(SUPERSCRIPT_CHARACTERS), text)
    text = CHINESE_PERCENT.sub(lambda match: match.group(1) + "%", text)
    for pattern in IGNORED_PARTS:
        text = pattern.sub(_blank, text)
    return text


def _month_numbers(text):
    for match in MONTH_NAME.finditer(text):
        name = match.group()
        if name == "May" and not (NUMBER_AFTER.match(text, match.end()) or NUMBER_BEFORE.search(text[: match.start()])):
            continue
        yield str(MONTHS[name])


def _unit(match):
    """What follows a number and changes its meaning: ("percent", "%"), ("scale", "million"), or None."""
    if match.group("percent"):
        return ("percent", match.group("percent"))
    if match.group("scale"):
        return ("scale", match.group("scale"))
    return None


def _token(number, exponent=None, unit=None):
    value = Decimal(number.replace(",", ""))
    if exponent is not None:
        return f"{normalised_decimal(value)}^{int(exponent)}"
    if unit and unit[0] == "percent":
        return f"{normalised_decimal(value)}%"
    if unit and unit[0] == "scale":
        value *= SCALE_WORDS[unit[1].lower()]
    return normalised_decimal(value)


def extract_numbers(text, language):
    """Return the set of numbers stated in `text` (written in `language`, "en" or "zh-hans"), normalised.

    >>> sorted(extract_numbers("74 % of 1,000 people, 20 July 2015, 1.4 million", "en"))
    ['1000', '1400000', '20', '2015', '7', '74%']
    >>> sorted(extract_numbers("1000 人中 74％，2015年7月20日，140 万", "zh-hans"))
    ['1000', '1400000', '20', '2015', '7', '74%']
    """
    check_language(language)
    text = _prepared(text)
    numbers = set()
    if language == ENGLISH:
        numbers.update(_month_numbers(text))
    matches = list(NUMBER_PATTERNS[language].finditer(text))
    for match, following in zip(matches, matches[1:] + [None]):
        unit = _unit(match)
        if (
            unit is None
            and match.group("exponent") is None
            and following is not None
            and _unit(following) is not None
            and RANGE_SEPARATOR.fullmatch(text, match.end(), following.start())
        ):
            # "5–6%" is 5% to 6%, and "1–2 million" is 1 million to 2 million.
            unit = _unit(following)
        numbers.add(_token(match.group("number"), match.group("exponent"), unit))
    return numbers


def compare_numbers(english, chinese):
    """Return (the numbers only in the English text, the numbers only in the Chinese text)."""
    english_numbers = extract_numbers(english, ENGLISH)
    chinese_numbers = extract_numbers(chinese, CHINESE)
    return english_numbers - chinese_numbers, chinese_numbers - english_numbers
