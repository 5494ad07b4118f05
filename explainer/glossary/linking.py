"""Link the first use of each glossary term on a page to its definition.

The terms of each language are compiled into one regular expression, longest first, so that "decompensated
cirrhosis" wins over "cirrhosis" and 失代偿期肝硬化 over 代偿期肝硬化. English terms match whole words, in any case.
Chinese has no spaces, so a Chinese match must begin and end where jieba's words do, must not follow a name
(博雅干细胞 is a company, not stem cells) and must not be used as a verb after an adverb (逐条对照 is "compare point by
point", not the comparison group). Only text outside tags is changed, and never inside links, headings or an element marked
`data-no-glossary` (a reader's own search words).
"""

import re
from dataclasses import dataclass, field
from functools import cache

from django.utils.html import escape

from explainer.core.versions import CacheVersion
from explainer.text.folding import CJK

GLOSSARY_VERSION = CacheVersion("glossary-version")
SKIP_INSIDE = {
    "a",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "button",
    "label",
    "code",
    "script",
    "style",
    "title",
    "dfn",
    "select",
    "option",
    "textarea",
    "svg",
    "mark",
    "blockquote",
    "cite",
}
TAG = re.compile(r"<(/?)([a-zA-Z0-9]+)[^>]*?(/?)>")
NO_LINK = "data-no-glossary"
# jieba's parts of speech: names of people, places, organisations and other proper nouns; verbs and
# prepositions; adverbs.
NAME_TAGS = ("nr", "ns", "nt", "nz")
VERB_TAGS = ("v", "p")
ADVERB_TAGS = ("d",)


# Segmented texts a term index keeps at most (see TermIndex.segmentations).
MAX_SEGMENTED_TEXTS = 1000


@dataclass
class TermIndex:
    pattern: re.Pattern | None
    entries: dict  # lower-cased form → (slug, term, definition)
    tagger: object = field(default=None, repr=False)  # built by tokenizer() when a Chinese page first needs it
    # {text: its words} (segmented_words): segmenting is most of the cost of linking a Chinese page, and the same
    # paragraphs come back each time a page is rendered, also after other pages were published.
    segmentations: dict = field(default_factory=dict, repr=False)


def trie_pattern(forms):
    """One regular expression for many literal forms, as a tree of their shared beginnings, longest match first.

    Python's re tries the alternatives of "a|b|c…" one by one at every position; a tree tries only those that
    share the text's next character, which makes linking long pages (the evidence index) many times faster.
    """
    tree = {}
    for form in forms:
        node = tree
        for character in form:
            node = node.setdefault(character, {})
        node[""] = {}

    def pattern(node):
        branches = [re.escape(character) + pattern(child) for character, child in sorted(node.items()) if character]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{body})?" if "" in node else body

    return f"(?:{pattern(tree)})"


def term_index(language):
    """The live terms of this language, built once per change to the glossary (each language kept)."""
    return GLOSSARY_VERSION.memoize(language, lambda: build_term_index(language))


def build_term_index(language):
    from modeltranslation.utils import build_localized_fieldname

    from .models import GlossaryTerm

    entries = {}
    for term in GlossaryTerm.objects.filter(live=True):
        definition = getattr(term, build_localized_fieldname("definition", language)) or term.definition
        name = getattr(term, build_localized_fieldname("term", language)) or term.term
        for form in term.forms(language):
            entries.setdefault(form.lower(), (term.slug, name, definition))
    chinese = [form for form in entries if CJK.search(form)]
    words = [form for form in entries if not CJK.search(form)]
    # Chinese forms first: one that starts where an English form does is the longer (English has no hanzi).
    alternatives = [trie_pattern(chinese)] if chinese else []
    alternatives += [rf"(?<![\w-]){trie_pattern(words)}(?![\w-])"] if words else []
    pattern = re.compile("|".join(alternatives), re.IGNORECASE) if alternatives else None
    return TermIndex(pattern, entries)


def tokenizer(index):
    """A jieba tagger of the index's own (the search index's is left as it is) that knows every Chinese glossary form.

    Kept on the index, so it lives exactly as long as the glossary version it was built for.
    """
    import jieba
    import jieba.posseg

    if index.tagger is None:
        words = jieba.Tokenizer()
        words.initialize()
        for form in index.entries:
            if CJK.search(form) and " " not in form and not words.FREQ.get(form):
                words.add_word(form, tag="n")
        index.tagger = jieba.posseg.POSTokenizer(words)
    return index.tagger


def words_with_offsets(text, tagger):
    """jieba's words of the text with their parts of speech and offsets: [(start, end, tag)]."""
    words, start = [], 0
    for pair in tagger.cut(text):
        words.append((start, start + len(pair.word), pair.flag))
        start += len(pair.word)
    return words


def segmented_words(index, text):
    """words_with_offsets() of the text with the index's tagger, kept on the index (as many as MAX_SEGMENTED_TEXTS:
    when it is full it starts again, swapped whole so that another thread reading it is not disturbed)."""
    words = index.segmentations.get(text)
    if words is None:
        words = words_with_offsets(text, tokenizer(index))
        if len(index.segmentations) >= MAX_SEGMENTED_TEXTS:
            index.segmentations = {}
        index.segmentations[text] = words
    return words


def is_whole_chinese_word(text, start, end, index):
    """Whether text[start:end] stands as a word of its own: it begins and ends where jieba's words do (or the rest
    of a longer word is a word too, as in 乙肝患者), does not follow a name and is not a verb after an adverb."""
    words = segmented_words(index, text)
    first = next(number for number, (_start, word_end, _tag) in enumerate(words) if word_end > start)
    last = next(number for number, (_start, word_end, _tag) in enumerate(words) if word_end >= end)
    before, after = text[words[first][0] : start], text[end : words[last][1]]
    dictionary = tokenizer(index).tokenizer.FREQ
    if any(part and not dictionary.get(part) for part in (before, after)):
        return False
    if first > 0 and not before and words[first - 1][2].startswith(NAME_TAGS):
        return False
    if (
        first == last
        and not before
        and not after
        and first > 0
        and words[first][2].startswith(VERB_TAGS)
        and words[first - 1][2].startswith(ADVERB_TAGS)
    ):
        return False  # 逐条对照: "compare point by point", a verb after an adverb
    return True


@cache
def tags_named(name):
    """TAG for one element name only: inside an element that is skipped, only its own name's tags count (nesting)."""
    return re.compile(rf"<(/?)({re.escape(name)})(?![a-zA-Z0-9])[^>]*?(/?)>", re.IGNORECASE)


def link_terms(html, language, glossary_url):
    """Return the HTML with the first use of each glossary term linked to glossary_url#slug."""
    index = term_index(language)
    if index.pattern is None or not glossary_url:
        return html
    linked = set()
    out, position, skip_depth = [], 0, []

    def replace(match):
        slug, name, definition = index.entries[match.group(0).lower()]
        if slug in linked:
            return match.group(0)
        if CJK.search(match.group(0)) and not is_whole_chinese_word(match.string, match.start(), match.end(), index):
            return match.group(0)
        linked.add(slug)
        return (
            f'<a class="term" href="{glossary_url}#{slug}" data-definition="{escape(definition)}">{match.group(0)}</a>'
        )

    # Inside a skipped element (the evidence map, a heading…) the search jumps from one of its own tags to the next.
    while tag := (tags_named(skip_depth[-1]) if skip_depth else TAG).search(html, position):
        text = html[position : tag.start()]
        out.append(text if skip_depth else index.pattern.sub(replace, text))
        out.append(tag.group(0))
        closing, name, self_closing = tag.group(1), tag.group(2).lower(), tag.group(3)
        if self_closing:
            pass
        elif closing:
            if skip_depth and skip_depth[-1] == name:
                skip_depth.pop()
        elif name in SKIP_INSIDE or NO_LINK in tag.group(0) or (skip_depth and skip_depth[-1] == name):
            skip_depth.append(name)
        position = tag.end()
    text = html[position:]
    out.append(text if skip_depth else index.pattern.sub(replace, text))
    return "".join(out)
