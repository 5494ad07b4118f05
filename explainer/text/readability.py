"""Plain-language checks for editors: how hard English text is to read, how long Chinese sentences are, and which
medical terms a text uses without explaining them.

The content rules (content/README.md) ask for English at reading grade 8 or below, short Chinese sentences with one
idea each, and medical terms in the glossary. These checks are heuristics that point an editor at text to look at
again; they do not understand it.

Text may carry the inline markup of content files: [text](target) counts as its text, and ** and * are dropped.
Each line of the text is read as a unit that ends a sentence, as a heading or a list item does, so a caller that
passes a paragraph wrapped over several lines should join its lines first (explainer.text.markup.join_lines).
"""

import functools
import logging
import re
from typing import NamedTuple

import jieba
import jieba.posseg
import textstat

from .numbers import CHINESE, ENGLISH, check_language

ENGLISH_GRADE_TARGET = 8
CHINESE_AVERAGE_SENTENCE_TARGET = 25
CHINESE_LONG_SENTENCE_LIMIT = 40

jieba.setLogLevel(logging.WARNING)

LINK = re.compile(r"\[(?P<text>[^\]]+)\]\([^)\s]+\)")
EMPHASIS = re.compile(r"\*+")


def plain_text(text):
    """The text without inline markup: links keep their text, ** and * are dropped."""
    return EMPHASIS.sub("", LINK.sub(r"\g<text>", text))


# English: Flesch–Kincaid grade level. Syllables come from textstat, the library editors' own tools use; sentences
# are split here because headings and list items end a sentence without a full stop, and "e.g." or "2.5" do not.

WORD = re.compile(r"[A-Za-z0-9]+(?:['’.,-][A-Za-z0-9]+)*")
ENGLISH_SENTENCE_END = re.compile(r"[.!?;]+[\"'”’)\]]*(?=\s|$)")
WORD_BEFORE_PERIOD = re.compile(r"([A-Za-z.]+)$")
# A period after these does not end a sentence.
ENGLISH_ABBREVIATIONS = {"e.g", "i.e", "vs", "al", "approx", "dr", "mr", "mrs", "ms", "prof", "fig"}

# An abbreviation without vowels is read letter by letter (HBV, MSC); the pronouncing dictionary does not know them.
SPELLED_ABBREVIATION = re.compile(r"^[B-DF-HJ-NP-TV-XZ]{2,}$")


class EnglishCounts(NamedTuple):
    sentences: int
    words: int
    syllables: int


def count_syllables(word):
    """The syllables in an English word, as textstat counts them (CMU pronouncing dictionary, then hyphenation).

    A word with digits ("24", "3.0", "CD34") counts as 1, and an abbreviation without vowels as its letters.
    """
    if any(character.isdigit() for character in word):
        return 1
    letters = re.sub(r"[^A-Za-z]", "", word)
    if SPELLED_ABBREVIATION.match(letters):
        return len(letters)
    return max(textstat.syllable_count(word), 1)


def english_sentences(text):
    """Split English text into sentences: at . ! ? ; followed by a space, and at the end of every line."""
    sentences = []
    for line in plain_text(text).splitlines():
        start = 0
        for end in ENGLISH_SENTENCE_END.finditer(line):
            if end.group().startswith("."):
                before = WORD_BEFORE_PERIOD.search(line, start, end.start())
                word = before.group(1) if before else ""
                if word.lower() in ENGLISH_ABBREVIATIONS or (len(word) == 1 and word.isupper()):
                    continue  # "e.g.", "et al.", or an initial: "J. Smith".
            sentences.append(line[start : end.end()].strip())
            start = end.end()
        sentences.append(line[start:].strip())
    return [sentence for sentence in sentences if WORD.search(sentence)]


def english_counts(text):
    """Count the sentences, words and syllables of English text."""
    sentences = english_sentences(text)
    words = [word for sentence in sentences for word in WORD.findall(sentence)]
    return EnglishCounts(len(sentences), len(words), sum(count_syllables(word) for word in words))


def flesch_kincaid_grade(counts):
    """The Flesch–Kincaid grade level for EnglishCounts, to one decimal, by textstat's formula; 0.0 without words."""
    if not counts.words:
        return 0.0
    grade = 0.39 * counts.words / counts.sentences + 11.8 * counts.syllables / counts.words - 15.59
    return round(grade, 1)


def english_grade(text):
    """The Flesch–Kincaid grade level of English text, to one decimal; 0.0 for text without words."""
    return flesch_kincaid_grade(english_counts(text))


# Chinese: sentence length.

CHINESE_SENTENCE_END = re.compile(r"[。！？；;!?]+[”’」』）)\"']*")


def chinese_sentence_length(sentence):
    """The length of a sentence in characters: Chinese characters, letters and digits; not spaces or punctuation."""
    return sum(1 for character in sentence if character.isalnum())


def chinese_sentences(text):
    """Split Chinese (or mixed) text into sentences: at 。！？；, at ; ! ?, and at the end of every line."""
    sentences = []
    for line in plain_text(text).splitlines():
        start = 0
        for end in CHINESE_SENTENCE_END.finditer(line):
            sentences.append(line[start : end.end()].strip())
            start = end.end()
        sentences.append(line[start:].strip())
    return [sentence for sentence in sentences if chinese_sentence_length(sentence)]


def chinese_sentence_stats(text, limit=CHINESE_LONG_SENTENCE_LIMIT):
    """The number of sentences, their average and longest length, and the sentences longer than `limit`."""
    sentences = chinese_sentences(text)
    lengths = [chinese_sentence_length(sentence) for sentence in sentences]
    return {
        "sentences": len(sentences),
        "average_sentence": round(sum(lengths) / len(lengths), 1) if lengths else 0.0,
        "max_sentence": max(lengths, default=0),
        "long_sentences": [sentence for sentence, length in zip(sentences, lengths) if length > limit],
    }


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


def assess(text, language, known_terms=()):
    """The plain-language checks for one text, and whether it passes them ("ok")."""
    check_language(language)
    jargon = undefined_jargon(text, language, known_terms)
    if language == ENGLISH:
        counts = english_counts(text)
        grade = flesch_kincaid_grade(counts)
        return {
            "grade": grade,
            "target": ENGLISH_GRADE_TARGET,
            "sentences": counts.sentences,
            "undefined_jargon": jargon,
            "ok": grade <= ENGLISH_GRADE_TARGET and not jargon,
        }
    stats = chinese_sentence_stats(text)
    return {
        **stats,
        "target": CHINESE_AVERAGE_SENTENCE_TARGET,
        "undefined_jargon": jargon,
        "ok": stats["average_sentence"] <= CHINESE_AVERAGE_SENTENCE_TARGET and not jargon,
    }
