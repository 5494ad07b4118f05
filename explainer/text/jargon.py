"""Medical terms a text uses without explaining them: abbreviations such as MELD or HBV, and Chinese words that end
like a medical term (…症, …炎, …细胞), unless the reader can look them up or the text explains them in place."""

import functools
import logging
import re

import jieba
import jieba.posseg

from .markup import plain_text
from .numbers import CHINESE, check_language

jieba.setLogLevel(logging.WARNING)

# Jargon: terms a reader may not know, used without a glossary entry or an explanation.

# Capitals that are everyday words or units, not medical abbreviations.
EVERYDAY_ABBREVIATIONS = {
    "AM",
    "PM",
    "OK",
    "TV",
    "US",
    "USA",
    "UK",
    "EU",
    "UN",
    "ID",
    "PDF",
    "FAQ",
    "ML",
    "MG",
    "MCG",
    "KG",
    "CM",
    "MM",
    "KM",
    "DL",
}
ROMAN_NUMERAL = re.compile(r"X{0,3}(?:IX|IV|V?I{0,3})")
LATIN_WORD = re.compile(r"(?<![A-Za-z0-9])[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*")
TWO_CAPITALS = re.compile(r"[A-Z]{2}")
# A catalogue or registry number, such as NCT05442437, is not a term.
IDENTIFIER_DIGITS = re.compile(r"[0-9]{5}")

# Endings of Chinese medical terms: 肝硬化, 转氨酶, 免疫抑制剂, 肝肾综合征, 乙肝病毒, 肝活检 …
MEDICAL_SUFFIXES = (
    "综合征",
    "病毒",
    "细胞",
    "评分",
    "抗体",
    "抗原",
    "造影",
    "活检",
    "移植",
    "衰竭",
    "硬化",
    "蛋白",
    "曲张",
    "症",
    "炎",
    "素",
    "酶",
    "剂",
    "癌",
    "瘤",
)
# Everyday words with those endings, and the endings that are everyday words on their own.
EVERYDAY_CHINESE_WORDS = {
    "细胞",
    "评分",
    "蛋白",
    "移植",
    "衰竭",
    "硬化",
    "病毒",
    "因素",
    "元素",
    "要素",
    "朴素",
    "平素",
    "吃素",
    "荤素",
    "维生素",
    "毒素",
    "激素",
    "炎症",
    "发炎",
    "消炎",
    "病症",
    "对症",
    "急症",
    "癌症",
    "调剂",
    "片剂",
    "针剂",
    "冲剂",
}
# Parts of speech (jieba's tags) of a word that can open a term cut before its ending: nouns, nominal verbs,
# attributes and abbreviations.
TERM_OPENING_TAGS = ("n", "vn", "b", "j")
CHINESE_WORD = re.compile(r"[\u3400-\u9fff]+")
OPENING_PARENTHESES = ("(", "（")


def _is_cjk(character):
    return "\u3400" <= character <= "\u9fff"


def _normalised_term(term):
    return re.sub(r"\s+", "", term).casefold()


def _term_forms(term):
    """A known term and, for "ALT（谷丙转氨酶）", each of its parts."""
    forms = [term]
    if re.search(r"[()（）]", term):
        forms += [part.strip() for part in re.split(r"[()（）]", term) if part.strip()]
    return forms


def _term_pattern(term):
    """A regular expression for a term, allowing a space or none where its words or scripts meet."""
    words = []
    for word in term.split():
        pattern = re.escape(word[0])
        for previous, character in zip(word, word[1:]):
            if _is_cjk(previous) != _is_cjk(character):
                pattern += r"\s*"
            pattern += re.escape(character)
        words.append(pattern)
    pattern = r"\s*".join(words)
    if re.match(r"[A-Za-z0-9]", term):
        pattern = r"(?<![A-Za-z0-9])" + pattern
    if re.search(r"[A-Za-z0-9]$", term):
        pattern += r"(?![A-Za-z0-9])"
    return pattern


@functools.lru_cache(maxsize=8)
def _known_terms(terms):
    """The normalised forms of a frozenset of known terms, and a pattern that finds them, longest first."""
    forms = {form for term in terms for form in _term_forms(term.strip()) if form}
    normalised = {_normalised_term(form) for form in forms}
    if not forms:
        return normalised, None
    alternatives = sorted(forms, key=lambda form: len(_normalised_term(form)), reverse=True)
    return normalised, re.compile("|".join(_term_pattern(form) for form in alternatives), re.IGNORECASE)


def _term_key(term):
    """The form under which uses of a term are the same: ignoring case and spaces, and the plural of MSCs, RCTs."""
    return _normalised_term(term[:-1] if re.search(r"[A-Z]s$", term) else term)


def _is_known(term, known):
    return _normalised_term(term) in known or _term_key(term) in known


def _abbreviations(text):
    """(start, end, abbreviation) for each word with two capitals in a row: MELD, HBV, CD34, IL-8, hUC-MSCs.

    Lower-case parts joined by hyphens are left out: "MSC-based" gives MSC.
    """
    for match in LATIN_WORD.finditer(text):
        parts = match.group().split("-")
        first, last = 0, len(parts)
        while first < last and parts[first].islower():
            first += 1
        while last > first and parts[last - 1].islower():
            last -= 1
        if first == last:
            continue
        start = match.start() + sum(len(part) + 1 for part in parts[:first])
        abbreviation = "-".join(parts[first:last])
        singular = abbreviation[:-1] if abbreviation.endswith("s") else abbreviation
        if (
            TWO_CAPITALS.search(abbreviation)
            and abbreviation not in EVERYDAY_ABBREVIATIONS
            and singular not in EVERYDAY_ABBREVIATIONS
            and not ROMAN_NUMERAL.fullmatch(abbreviation)
            and not IDENTIFIER_DIGITS.search(abbreviation)
        ):
            yield start, start + len(abbreviation), abbreviation


def _chinese_terms(text):
    """(start, end, term) for each Chinese word that ends with a medical suffix, found with jieba.

    jieba often cuts a term before its ending ("肝肾 / 综合征", "肝 / 衰竭"). An ending that is not an everyday word
    takes the noun before it, or is reported alone when there is none; an ending that is an everyday word ("衰竭",
    "细胞") takes only a one-character noun ("肝", "肾"), as "血液蛋白" or "程度评分" are plain words.
    """
    terms = []
    position = 0
    previous = None
    for pair in jieba.posseg.cut(text):
        word, tag = pair.word, pair.flag
        start, end = position, position + len(word)
        position = end
        if CHINESE_WORD.fullmatch(word) and word.endswith(MEDICAL_SUFFIXES):
            everyday = word in EVERYDAY_CHINESE_WORDS
            if word not in MEDICAL_SUFFIXES:
                if not everyday:
                    terms.append((start, end, word))
            elif (
                previous is not None
                and previous[1] == start
                and CHINESE_WORD.fullmatch(previous[2])
                and previous[3].startswith(TERM_OPENING_TAGS)
                and (len(previous[2]) == 1 or not everyday)
            ):
                if terms and terms[-1][0] == previous[0]:
                    terms.pop()  # A term and its ending: report the whole.
                terms.append((previous[0], end, previous[2] + word))
            elif len(word) > 1 and not everyday:
                terms.append((start, end, word))
        previous = (start, end, word, tag)
    return terms


def _explained_in_place(text, start, end):
    """Whether a parenthesis explains the term right after it, "MELD (a score …)", or the term opens one,
    "mesenchymal stem cells (MSC, …)"."""
    return text[end:].lstrip().startswith(OPENING_PARENTHESES) or text[:start].rstrip().endswith(OPENING_PARENTHESES)


def undefined_jargon(text, language, known_terms=()):
    """Return the terms that look like medical jargon and are neither known nor explained, in order of first use.

    Jargon is an abbreviation with two capitals in a row (MELD, HBV; not everyday ones such as UK or units such as
    ML) and, in Chinese, a word that ends like a medical term (…症, …炎, …酶, …细胞, …评分, …移植). `known_terms`
    are the terms readers can look up, such as glossary terms and their other forms; they are matched ignoring case
    and spaces, and no part of a known term is reported. A term explained in parentheses right after it, or that
    opens a parenthesis after its long form, counts as explained wherever it appears in the text.
    """
    check_language(language)
    text = plain_text(text)
    known, known_pattern = _known_terms(frozenset(known_terms))
    masked = known_pattern.sub(lambda match: " " * len(match.group()), text) if known_pattern else text
    candidates = list(_abbreviations(masked))
    if language == CHINESE:
        candidates += _chinese_terms(masked)
    candidates.sort()
    explained = {_term_key(term) for start, end, term in candidates if _explained_in_place(text, start, end)}
    jargon = []
    seen = set()
    for _start, _end, term in candidates:
        key = _term_key(term)
        if key not in seen and key not in explained and not _is_known(term, known):
            jargon.append(term)
        seen.add(key)
    return jargon
