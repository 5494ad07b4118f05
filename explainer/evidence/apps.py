from django.apps import AppConfig


class EvidenceConfig(AppConfig):
    name = "explainer.evidence"
    label = "evidence"
    verbose_name = "Evidence library"

    def ready(self):
        from explainer.content.registry import register_content_kind
        from explainer.core.page_cache import register_query_filters
        from explainer.topics.content import PageType, register_page_type

        from .content import StudyFiles
        from .filters import filter_choices

        register_content_kind(StudyFiles)
        register_query_filters(filter_choices)
        register_page_type("evidence-index", PageType("evidence.EvidenceIndexPage"))
