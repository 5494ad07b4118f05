from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "explainer.core"
    label = "core"
    verbose_name = "Site framework"

    def ready(self):
        from wagtail.admin import compare
        from wagtail.fields import StreamField

        from . import signals
        from .compare import ReadableStreamFieldComparison

        signals.connect()
        # After Wagtail's own registration (wagtail.admin.compare is imported first): the page history lists a
        # body only when its words changed.
        compare.register_comparison_class(StreamField, comparison_class=ReadableStreamFieldComparison)
