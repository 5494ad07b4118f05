"""Site search that answers the questions readers type, in either language.

The search backend (Wagtail's database backend, on SQLite or PostgreSQL) finds the pages that hold each word of
the query; this module decides which words to ask for and in what order to show the pages:

- question words and small words ("what is", "can … be", 吗, 能) are dropped, so "what is cirrhosis" asks for
  "cirrhosis";
- each remaining word asks for its simple English word forms (cured → cure), for every form of a glossary term in
  both languages (ascites ↔ 腹水), and for a few everyday words for the same idea (cured → treatment, 治好 → 治疗);
- a word that finds nothing is compared with the glossary terms and page titles, and a close one is used instead
  (asites → ascites);
- pages are ordered by how many of the query's words they hold, then by how well their title matches: a page whose
  title says just what was asked comes first, topic pages before single studies, and the common-questions page
  near the top when the query is a question.
"""

import difflib
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import jieba
from django.conf import settings
from modeltranslation.utils import build_localized_fieldname
from wagtail.models import Page
from wagtail.search.query import Or, PlainText

from explainer.text.segmentation import has_chinese

from .page_cache import per_version

MAX_QUERY_WORDS = 12
QUESTIONS_PAGE_SLUG = "common-questions"
LATIN_WORD = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")
QUOTED = re.compile(r"“[^”]*”|《[^》]*》|\"[^\"]*\"")
QUESTION_END = re.compile(r"(?:[?？]|[吗呢么嘛])\s*$")
QUESTION_MARK_END = re.compile(r"[?？]\s*$")

ENGLISH_STOP_WORDS = frozenset(
    """a about am an and any are as at be been being by can could did do does doing for from had has have how i if in
    into is it its me my of on or our should so than that the their them then there these they this those to up was
    we were what when where which who whom why will with would you your get got much many""".split()
)
ENGLISH_QUESTION_WORDS = frozenset("what how why when where which who can could is are does do did will should".split())
CHINESE_STOP_WORDS = frozenset(
    """什么 是 吗 呢 吧 么 嘛 啊 的 了 和 与 及 或 在 有 没有 有没有 我 我的 你 他 她 它 我们 这 那 这个 那个 能 能否 能不能 可以
    可不可以 会 会不会 要 怎么 怎么样 怎样 如何 为什么 为何 哪些 哪个 哪里 是否 是不是 多少 吗？ 请问 一下 还 就 都 也 得 地 着""".split()
)
CHINESE_QUESTION_WORDS = frozenset(
    "什么 怎么 怎么样 怎样 如何 为什么 为何 哪些 哪个 是否 是不是 能不能 能否 可不可以 会不会 有没有 多久 多少".split()
)

# Everyday words for one idea, in both languages, so that a reader's word finds the pages that use another.
SYNONYMS = [
    {
        "cure",
        "cured",
        "cures",
        "curable",
        "treatment",
        "treatments",
        "treat",
        "treated",
        "reverse",
        "reversed",
        "治好",
        "能治好",
        "治愈",
        "根治",
        "治疗",
        "逆转",
        "治",
    },
    {"die", "death", "live", "survival", "life", "死亡", "活", "生存", "寿命", "能活"},
    {"cost", "price", "pay", "money", "insurance", "费用", "多少钱", "钱", "医保", "价格"},
    {"stem", "stem-cell", "cells", "cell", "干细胞", "细胞"},
]


@dataclass
class WordGroup:
    """One word of the query and every form that counts as it; `shown` is what the reader typed (or its correction)."""

    shown: str
    forms: set
    title_forms: set = field(default_factory=set)  # what counts in a title: no everyday synonyms
    corrected_from: str = ""
    ids: list = field(default_factory=list)


@dataclass
class SearchAnswer:
    query: str
    results: list = field(default_factory=list)
    groups: list = field(default_factory=list)
    is_question: bool = False
    glossary_terms: list = field(default_factory=list)

    @property
    def corrections(self):
        return [(group.corrected_from, group.shown) for group in self.groups if group.corrected_from]

    @property
    def corrected_query(self):
        return " ".join(group.shown for group in self.groups)


def english_forms(word):
    """The word and its simple inflections' stems: cured → cure, cures → cure, complications → complication."""
    forms = {word}
    if len(word) > 4:
        if word.endswith("ies"):
            forms.add(word[:-3] + "y")
        elif word.endswith("es"):
            forms.update({word[:-1], word[:-2]})
        elif word.endswith("s") and not word.endswith("ss"):
            forms.add(word[:-1])
        if word.endswith("ed"):
            forms.update({word[:-1], word[:-2]})
        if word.endswith("ing"):
            forms.update({word[:-3], word[:-3] + "e"})
    return forms


def query_words(query):
    """The words of the query without question words and small words, in order: Chinese words (jieba) and English
    words. Each word comes with the smaller words jieba finds inside it (肝硬化 → 硬化)."""
    words = []
    for token in jieba.cut(query.lower()):
        token = token.strip()
        if not token:
            continue
        if has_chinese(token):
            if token in CHINESE_STOP_WORDS:
                continue
            parts = {part for part in jieba.cut_for_search(token) if len(part) > 1 and part not in CHINESE_STOP_WORDS}
            words.append((token, parts | {token}))
        else:
            for word in LATIN_WORD.findall(token):
                if word not in ENGLISH_STOP_WORDS:
                    words.append((word, english_forms(word)))
    return words[:MAX_QUERY_WORDS]


def is_question(query, words):
    """Whether the reader asked a question: a question word, or a question mark after more than one word (a term
    with a question mark, "ascites?", is looking for the term)."""
    lowered = query.strip().lower()
    first = LATIN_WORD.match(lowered)
    return bool(words) and bool(
        (QUESTION_END.search(lowered) and (len(words) > 1 or not QUESTION_MARK_END.search(lowered)))
        or (first and first.group(0) in ENGLISH_QUESTION_WORDS)
        or any(word in lowered for word in CHINESE_QUESTION_WORDS)
    )


@dataclass(frozen=True)
class TermSource:
    """What a feature adds to search (the glossary, when it is ready)."""

    terms: Callable  # () → [(term, {its forms in every language, lower case})]
    page: Callable  # () → the live page that explains the terms, or None


TERM_SOURCES = []


def register_terms(source):
    if source not in TERM_SOURCES:
        TERM_SOURCES.append(source)


def _glossary():
    """Every term the features gave, with its forms in both languages."""
    return [item for source in TERM_SOURCES for item in source.terms()]


def glossary():
    return per_version("search-glossary", "", _glossary)


def _vocabulary():
    """The English words of glossary terms and page titles: what a misspelt word is compared with."""
    words = set()
    for _term, forms in glossary():
        for form in forms:
            words.update(LATIN_WORD.findall(form))
    for code, _name in settings.LANGUAGES:
        for title in (
            Page.objects.live()
            .public()
            .filter(depth__gt=1)
            .values_list(build_localized_fieldname("title", code), flat=True)
        ):
            words.update(LATIN_WORD.findall((title or "").lower()))
    return sorted(word for word in words if len(word) > 3 and word not in ENGLISH_STOP_WORDS)


def vocabulary():
    return per_version("search-vocabulary", "", _vocabulary)


def glossary_forms(forms):
    """The forms plus every form of a glossary term they name, in both languages (ascites → 腹水)."""
    expanded = set(forms)
    for _term, term_forms in glossary():
        if forms & term_forms:
            expanded |= term_forms
    return expanded


def expand(forms):
    """The forms plus every glossary form and everyday word for the same thing, in both languages."""
    expanded = glossary_forms(forms)
    for synonyms in SYNONYMS:
        if forms & synonyms:
            expanded |= synonyms
    return expanded


def backend_query(forms):
    return Or([PlainText(form, operator="and") for form in sorted(forms)])


def matching_ids(forms):
    """The ids of live public pages that hold any of the forms, in the backend's order of relevance."""
    return [page.pk for page in Page.objects.live().public().search(backend_query(forms))]


def correct(word):
    """The glossary or title word closest to a misspelt English word, or None."""
    if has_chinese(word) or len(word) < 4:
        return None
    close = difflib.get_close_matches(word, vocabulary(), n=1, cutoff=0.8)
    return close[0] if close else None


@functools.lru_cache(maxsize=4096)
def title_words(title):
    """A title's words as query_words sees them: (every form of them, the words themselves)."""
    words = query_words(title or "")
    return frozenset().union(*(forms for _word, forms in words)), tuple(word for word, _forms in words)


def rank(query, groups, question):
    """Score every page that holds at least one word; return the pages best first."""
    hits = {}  # page id → set of group indexes it holds
    order = {}  # page id → best position in any group's results
    for index, group in enumerate(groups):
        for position, pk in enumerate(group.ids):
            hits.setdefault(pk, set()).add(index)
            order[pk] = min(order.get(pk, position), position)
    if not hits:
        return []
    pages = {page.pk: page for page in Page.objects.filter(pk__in=hits).specific()}
    wanted = [group.title_forms for group in groups]
    related = [group.forms for group in groups]
    asked = " ".join(LATIN_WORD.findall(query.lower())) if not has_chinese(query) else re.sub(r"\W", "", query)

    def score(page):
        value = 10 * len(hits[page.pk])
        best_title = 0
        for code, _name in settings.LANGUAGES:
            # A quotation in a title is someone else's words (a worked example quotes an advert), not the topic.
            title = QUOTED.sub(" ", getattr(page, build_localized_fieldname("title", code), None) or "")
            in_title, content_words = title_words(title)
            if not in_title:
                continue
            matched = sum(1 for forms in wanted if forms & in_title)
            title_score = 8 * matched + 4 * sum(1 for forms in related if forms & in_title)
            if matched == len(wanted) and all(any(word in forms for forms in wanted) for word in content_words):
                title_score += 100  # the title says just what was asked ("what is cirrhosis" → "What is cirrhosis?")
            elif matched == len(wanted):
                title_score += 20
            said = " ".join(LATIN_WORD.findall(title.lower())) if not has_chinese(title) else re.sub(r"\W", "", title)
            if said == asked:
                title_score += 50  # word for word what the reader typed
            best_title = max(best_title, title_score)
        value += best_title
        if getattr(page, "is_patient_page", False) and page._meta.model_name != "studypage":
            value += 6  # a topic explains; one trial is only one piece of the evidence
        if question and page.slug == QUESTIONS_PAGE_SLUG:
            value += 25
        return (-value, order[page.pk], page.depth, page.pk)

    return sorted((page for page in pages.values()), key=score)


def run_search(query):
    words = query_words(query)
    answer = SearchAnswer(query=query, is_question=is_question(query, words))
    for word, forms in words:
        group = WordGroup(shown=word, forms=expand(forms), title_forms=glossary_forms(forms))
        group.ids = matching_ids(group.forms)
        replacement = None if group.ids else correct(word)
        if replacement:
            forms = english_forms(replacement)
            group = WordGroup(
                shown=replacement, forms=expand(forms), title_forms=glossary_forms(forms), corrected_from=word
            )
            group.ids = matching_ids(group.forms)
        answer.groups.append(group)
    answer.groups = [group for group in answer.groups if group.ids] or answer.groups
    answer.results = rank(query, [group for group in answer.groups if group.ids], answer.is_question)
    wanted = set().union(*(group.forms for group in answer.groups)) if answer.groups else set()
    answer.glossary_terms = [term for term, forms in glossary() if forms & wanted][:5]
    return answer


def suggestions(root_page):
    """What to offer when a search finds little: the site's topics, the glossary and the common questions."""

    def build():
        topics = list(root_page.get_children().live().public().in_menu().specific()) if root_page else []
        return {
            "topics": topics,
            "glossary": next(filter(None, (source.page() for source in TERM_SOURCES)), None),
            "questions": Page.objects.live().public().filter(slug=QUESTIONS_PAGE_SLUG).specific().first(),
        }

    return per_version("search-suggestions", getattr(root_page, "pk", None), build)
