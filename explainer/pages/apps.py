from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "explainer.pages"
    label = "pages"
    verbose_name = "Explainer pages"

    def ready(self):
        from wagtail.admin import compare
        from wagtail.fields import StreamField

        from explainer.content.registry import register_content_kind

        from .compare import ReadableStreamFieldComparison
        from .content import PageFiles

        register_content_kind(PageFiles)

        # After Wagtail's own registration (wagtail.admin.compare is imported first): the page history lists a
        # body only when its words changed.
        compare.register_comparison_class(StreamField, comparison_class=ReadableStreamFieldComparison)
