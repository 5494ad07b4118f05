from django.apps import AppConfig


class TopicsConfig(AppConfig):
    name = "explainer.topics"
    label = "pages"  # the package's former name: databases keep their tables, content types and migration history
    verbose_name = "Explainer pages"

    def ready(self):
        from explainer.content.registry import register_content_kind

        from .content import PageFiles

        register_content_kind(PageFiles)
