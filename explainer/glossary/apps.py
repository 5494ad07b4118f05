from django.apps import AppConfig


class GlossaryConfig(AppConfig):
    name = "explainer.glossary"
    label = "glossary"
    verbose_name = "Glossary"

    def ready(self):
        from explainer.content.registry import register_content_kind
        from explainer.core.search import register_terms
        from explainer.core.signals import invalidates_page_cache
        from explainer.topics.content import PageType, register_page_type

        from . import signals  # noqa: F401
        from .content import GlossaryFiles
        from .models import GlossaryTerm
        from .search import GLOSSARY_TERMS

        register_content_kind(GlossaryFiles)
        invalidates_page_cache(GlossaryTerm)
        register_terms(GLOSSARY_TERMS)
        register_page_type("glossary", PageType("glossary.GlossaryPage"))
