from django.apps import AppConfig


class CautionConfig(AppConfig):
    name = "explainer.caution"
    label = "caution"
    verbose_name = "Caution layer"

    def ready(self):
        from wagtail.admin.panels import FieldPanel

        from explainer.pages.content import register_page_type
        from explainer.pages.models import ExplainerPage

        from . import signals  # noqa: F401
        from .content import PAGE_TYPES
        from .panels import ClaimCheckPanel

        ExplainerPage.register_check_panels(ClaimCheckPanel(), FieldPanel("quoted_claims"))
        for name, page_type in PAGE_TYPES.items():
            register_page_type(name, page_type)
