from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "explainer.pages"
    label = "pages"
    verbose_name = "Explainer pages"

    def ready(self):
        from wagtail.admin import compare
        from wagtail.fields import StreamField

        from .compare import ReadableStreamFieldComparison

        # After Wagtail's own registration (wagtail.admin.compare is imported first): the page history lists a
        # body only when its words changed.
        compare.register_comparison_class(StreamField, comparison_class=ReadableStreamFieldComparison)
