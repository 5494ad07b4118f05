"""The plain-language report of one page: English reading grade, Chinese sentence length, unexplained terms."""

from dataclasses import dataclass

from explainer.core.texts import LANGUAGES, translated_texts
from explainer.text.readability import assess

# Fields that are names and citations rather than prose.
NOT_PROSE = {"title"}


def known_terms(language):
    """The words a reader can look up: glossary terms and their other forms, and the names of the studies."""
    from explainer.evidence.models import StudyPage
    from explainer.glossary.models import GlossaryTerm

    terms = {form for term in GlossaryTerm.objects.all() for form in term.forms(language)}
    for name in StudyPage.objects.values_list("title", flat=True):
        terms.add(name)
        terms.update(name.split())
    return terms


@dataclass
class LanguageReport:
    language: str
    result: dict

    @property
    def ok(self):
        return self.result["ok"]


def page_text(page, language):
    """The page's own prose in one language: the words it quotes on purpose (an advert's) are left out."""
    texts = [item.texts[language] for item in translated_texts(page, owner=page.title) if item.field not in NOT_PROSE]
    text = "\n".join(text for text in texts if text)
    for quote in (getattr(page, "quoted_claims", "") or "").splitlines():
        if quote.strip():
            text = text.replace(quote.strip(), "")
    return text


def plain_language_report(page, terms=None):
    """{language: LanguageReport} for the languages the page has text in."""
    report = {}
    for language in LANGUAGES:
        text = page_text(page, language)
        if text.strip():
            report[language] = LanguageReport(
                language, assess(text, language, terms.get(language) if terms else known_terms(language))
            )
    return report
