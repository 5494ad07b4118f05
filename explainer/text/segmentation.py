"""Chinese word segmentation (jieba), so that search and text checks can work with Chinese words."""

import logging
import re

import jieba

from .folding import HAN

jieba.setLogLevel(logging.WARNING)


def has_chinese(text):
    return bool(HAN.search(text or ""))


def words(text):
    """The words of a text: jieba's search-mode segmentation for Chinese (which also yields the parts of long
    words), and the text's own words for everything else."""
    return [word for word in jieba.cut_for_search(text or "") if word.strip() and re.search(r"\w", word)]


def segmented(text):
    """The text with its words separated by spaces, for a search index that splits on spaces."""
    return " ".join(words(text)) if has_chinese(text) else (text or "")
