"""What the glossary adds to site search: its terms in both languages, and its page."""

from explainer.core.languages import LANGUAGE_CODES
from explainer.core.search import TermSource

from .models import GlossaryPage, GlossaryTerm


def terms():
    """Every live term with its forms in both languages (lower case): ascites ↔ 腹水."""
    return [
        (term, {form.lower() for code in LANGUAGE_CODES for form in term.forms(code)})
        for term in GlossaryTerm.objects.filter(live=True)
    ]


GLOSSARY_TERMS = TermSource(terms, GlossaryPage.live_page)
