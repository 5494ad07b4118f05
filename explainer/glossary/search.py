"""What the glossary adds to site search: its terms in both languages, and its page."""

from django.conf import settings

from explainer.core.search import TermSource

from .models import GlossaryPage, GlossaryTerm


def terms():
    """Every live term with its forms in both languages (lower case): ascites ↔ 腹水."""
    return [
        (term, {form.lower() for code, _name in settings.LANGUAGES for form in term.forms(code)})
        for term in GlossaryTerm.objects.filter(live=True)
    ]


def page():
    return GlossaryPage.objects.live().public().first()


GLOSSARY_TERMS = TermSource(terms, page)
