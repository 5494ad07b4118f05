from django.apps import AppConfig


class EvidenceConfig(AppConfig):
    name = "explainer.evidence"
    label = "evidence"
    verbose_name = "Evidence library"

    def ready(self):
        from explainer.pages.content import PageType, register_page_type

        register_page_type("evidence-index", PageType("evidence.EvidenceIndexPage"))
