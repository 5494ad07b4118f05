from django.apps import AppConfig


class QualityConfig(AppConfig):
    name = "explainer.quality"
    label = "quality"
    verbose_name = "Content quality checks"

    def ready(self):
        from explainer.pages.models import ExplainerPage

        from .forms import require_both_languages_for_review
        from .panels import PlainLanguagePanel

        ExplainerPage.register_check_panels(PlainLanguagePanel())
        pending = [ExplainerPage]
        while pending:
            for model in pending.pop().__subclasses__():
                pending.append(model)
                if not model._meta.abstract:
                    require_both_languages_for_review(model)
