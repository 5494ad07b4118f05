"""Plain-language checks for editors: how hard English text is to read, how long Chinese sentences are, and which
medical terms a text uses without explaining them (jargon.py).

The content rules (content/README.md) ask for English at reading grade 8 or below, short Chinese sentences with one
idea each, and medical terms in the glossary. These checks are heuristics that point an editor at text to look at
again; they do not understand it.

Text may carry the inline markup of content files: [text](target) counts as its text, and ** and * are dropped.
Each line of the text is read as a unit that ends a sentence, as a heading or a list item does, so a caller that
passes a paragraph wrapped over several lines should join its lines first (explainer.text.markup.join_lines).
"""

import logging
import re
from typing import NamedTuple

import jieba
import jieba.posseg
import textstat

from .jargon import undefined_jargon
from .markup import plain_text
from .numbers import ENGLISH, check_language

ENGLISH_GRADE_TARGET = 8
CHINESE_AVERAGE_SENTENCE_TARGET = 25
CHINESE_LONG_SENTENCE_LIMIT = 40

jieba.setLogLevel(logging.WARNING)

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
