"""The caution layer applied to our own pages, with the same decision as for a pasted advert.

A phrase claim (one the patterns and context rules agree on) must be reworded or marked as quoted before the page
is published. Sentences that the sentence model flags on its own, or phrases it restores against the context
rules, are shown to editors as worth a second look but do not block publishing: on our own accurate pages the model
alone marks one or two sentences in a hundred (README), too many false alarms to stop a clinician's approved page on.
"""

from dataclasses import dataclass

from explainer.core.texts import translated_texts
from explainer.text.folding import fold

from .service import current_detector


@dataclass
class PageClaim:
    language: str
    field: str
    category: str
    text: str
    blocking: bool = True


def quoted_phrases(page):
    return [fold(line.strip()) for line in (getattr(page, "quoted_claims", "") or "").splitlines() if line.strip()]


def page_texts(page):
    """(language, field, text) for every translated field of the page and of its child objects."""
    for item in translated_texts(page, owner=page.title):
        for language, text in item.texts.items():
            yield language, item.field, text


def unmarked_claims(page):
    """The claims the caution layer finds on the page that are not among its deliberately quoted phrases."""
    detector = current_detector()
    quoted = quoted_phrases(page)
    claims = []
    for language, field, text in page_texts(page):
        if not text:
            continue
        for flag in detector.find(text)[1]:
            folded = fold(flag.text)
            if not any(folded in phrase or phrase in folded for phrase in quoted):
                claims.append(PageClaim(language, field, flag.category, flag.text, flag.basis == "pattern"))
    return claims


def blocking_claims(page):
    """The unmarked claims that stop the page being published."""
    return [claim for claim in unmarked_claims(page) if claim.blocking]
