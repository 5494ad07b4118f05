from django.apps import AppConfig


class QualityConfig(AppConfig):
    name = "explainer.quality"
    label = "quality"
    verbose_name = "Content quality checks"

    def ready(self):
        from explainer.pages.models import ExplainerPage

        from .panels import PlainLanguagePanel

        ExplainerPage.register_check_panels(PlainLanguagePanel())
