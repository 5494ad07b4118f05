"""Link the first use of each glossary term on a page to its definition.

The terms of each language are compiled into one regular expression, longest first, so that "decompensated
cirrhosis" wins over "cirrhosis" and 失代偿期肝硬化 over 代偿期肝硬化. English terms match whole words, in any case;
Chinese terms match anywhere. Only text outside tags is changed, and never inside links or headings.
"""

import re
from dataclasses import dataclass

from django.utils.html import escape

from explainer.core.versions import CacheVersion

GLOSSARY_VERSION = CacheVersion("glossary-version")
SKIP_INSIDE = {
    "a", "h1", "h2", "h3", "h4", "h5", "h6", "button", "label", "code", "script", "style", "title", "dfn",
    "select", "option", "textarea", "svg", "mark", "blockquote", "cite",
}
TAG = re.compile(r"<(/?)([a-zA-Z0-9]+)[^>]*?(/?)>")


@dataclass
class TermIndex:
    pattern: re.Pattern | None
    entries: dict  # lower-cased form → (slug, term, definition)


_indexes = {}
CJK = re.compile(r"[\u3400-\u9fff]")


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
    from modeltranslation.utils import build_localized_fieldname

    from .models import GlossaryTerm

    key = (language, GLOSSARY_VERSION.current())
    if key not in _indexes:
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
        _indexes.clear()
        _indexes[key] = TermIndex(pattern, entries)
    return _indexes[key]


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
        linked.add(slug)
        return (
            f'<a class="term" href="{glossary_url}#{slug}" data-definition="{escape(definition)}">'
            f"{match.group(0)}</a>"
        )

    for tag in TAG.finditer(html):
        text = html[position : tag.start()]
        out.append(text if skip_depth else index.pattern.sub(replace, text))
        out.append(tag.group(0))
        closing, name, self_closing = tag.group(1), tag.group(2).lower(), tag.group(3)
        if name in SKIP_INSIDE and not self_closing:
            if closing:
                if skip_depth and skip_depth[-1] == name:
                    skip_depth.pop()
            else:
                skip_depth.append(name)
        position = tag.end()
    text = html[position:]
    out.append(text if skip_depth else index.pattern.sub(replace, text))
    return "".join(out)
