from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "explainer.pages"
    label = "pages"
    verbose_name = "Explainer pages"

    def ready(self):
        from explainer.content.registry import register_content_kind

        from .content import PageFiles

        register_content_kind(PageFiles)
