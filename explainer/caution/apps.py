from django.apps import AppConfig


class CautionConfig(AppConfig):
    name = "explainer.caution"
    label = "caution"
    verbose_name = "Caution layer"

    def ready(self):
        from wagtail.admin.panels import FieldPanel

        from explainer.content.registry import register_content_kind
        from explainer.core.models import ExplainerPage
        from explainer.core.signals import invalidates_page_cache
        from explainer.topics.content import register_page_type

        from . import signals  # noqa: F401
        from .content import PAGE_TYPES, ClaimFiles
        from .models import ClaimPattern
        from .panels import ClaimCheckPanel

        register_content_kind(ClaimFiles)
        invalidates_page_cache(ClaimPattern)
        ExplainerPage.register_check_panels(ClaimCheckPanel(), FieldPanel("quoted_claims"))
        for name, page_type in PAGE_TYPES.items():
            register_page_type(name, page_type)
