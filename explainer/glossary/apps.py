from django.apps import AppConfig


class GlossaryConfig(AppConfig):
    name = "explainer.glossary"
    label = "glossary"
    verbose_name = "Glossary"

    def ready(self):
        from explainer.pages.content import PageType, register_page_type

        from . import signals  # noqa: F401

        register_page_type("glossary", PageType("glossary.GlossaryPage"))
