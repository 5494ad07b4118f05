"""The caution layer applied to our own pages: every claim it flags must be reworded or marked as quoted."""

from dataclasses import dataclass

from modelcluster.models import get_all_child_relations

from explainer.quality.texts import LANGUAGES, text_of, translated_field_names

from .service import current_matcher
from .text import fold


@dataclass
class PageClaim:
    language: str
    field: str
    category: str
    text: str


def quoted_phrases(page):
    return [fold(line.strip()) for line in (getattr(page, "quoted_claims", "") or "").splitlines() if line.strip()]


def page_texts(page):
    """(language, field, text) for every translated field of the page and of its child objects."""
    for language in LANGUAGES:
        for name in translated_field_names(type(page)):
            yield language, name, text_of(page, name, language)
        for relation in get_all_child_relations(type(page)):
            for index, child in enumerate(getattr(page, relation.get_accessor_name()).all(), start=1):
                for name in translated_field_names(type(child)):
                    yield language, f"{relation.get_accessor_name()}[{index}].{name}", text_of(child, name, language)


def unmarked_claims(page):
    """The claims the caution layer finds on the page that are not among its deliberately quoted phrases."""
    matcher = current_matcher()
    quoted = quoted_phrases(page)
    claims = []
    for language, field, text in page_texts(page):
        if not text:
            continue
        for flag in matcher.find(text)[1]:
            folded = fold(flag.text)
            if not any(folded in phrase or phrase in folded for phrase in quoted):
                claims.append(PageClaim(language, field, flag.category, flag.text))
    return claims
