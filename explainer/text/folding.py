"""Text preparation for the claim matcher. Every transformation keeps the text's length, so an offset into the
prepared text is an offset into the text as given."""

import re
from functools import lru_cache
from pathlib import Path

import opencc

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# The common CJK blocks in one range: enough to tell a Chinese text or word from an English one.
CJK = re.compile(r"[\u3400-\u9fff]")

EN, ZH_HANS, ZH_HANT = "en", "zh-hans", "zh-hant"
LANGUAGES = (EN, ZH_HANS, ZH_HANT)


@lru_cache(maxsize=1)
def traditional_to_simplified():
    """Character-for-character Traditional → Simplified table, from OpenCC's dictionary (first candidate)."""
    # Not OpenCC's converter, which rewrites whole phrases and so can move offsets. The table is a file inside the
    # package, not a public API: requirements.txt pins opencc-python-reimplemented so a release cannot move it.
    table = {}
    dictionary = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
    for line in dictionary.read_text(encoding="utf-8").splitlines():
        traditional, _, simplified = line.partition("\t")
        simplified = simplified.split(" ")[0]
        if len(traditional) == 1 and len(simplified) == 1 and traditional != simplified:
            table[ord(traditional)] = simplified
    return table


@lru_cache(maxsize=1)
def folding_table():
    table = dict(traditional_to_simplified())
    for code in range(0xFF01, 0xFF5F):  # full-width ASCII → ASCII
        table[code] = chr(code - 0xFEE0)
    for (
        character
    ) in "\u00a0\u2002\u2003\u2009\u200a\u202f\u3000\t\r\n\u2010\u2011\u2012\u2013\u2014-_\u200b\u200c\u200d\ufeff":
        table[ord(character)] = " "
    # Typographic quotes and apostrophes as typed on a phone or copied from a web page: “can’t” reads as "can't".
    for character in "\u2018\u2019\u201a\u201b\u2032\uff07":
        table[ord(character)] = "'"
    for character in "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb":
        table[ord(character)] = '"'
    return table


def fold(text):
    """Simplified characters, ASCII letters in lower case, spaces and hyphens as single spaces; same length."""
    folded = text.translate(folding_table())
    lowered = folded.lower()
    if len(lowered) == len(folded):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in folded)


def detect_language(text):
    """en, zh-hans or zh-hant, from the script of the letters in the text."""
    han = HAN.findall(text)
    latin_words = len(re.findall(r"[A-Za-z]+", text))
    if not han or latin_words > len(han):
        return EN
    table = traditional_to_simplified()
    traditional = sum(1 for character in han if ord(character) in table)
    return ZH_HANT if traditional >= max(2, len(han) // 20) else ZH_HANS
