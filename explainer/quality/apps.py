from django.apps import AppConfig


class QualityConfig(AppConfig):
    name = "explainer.quality"
    label = "quality"
    verbose_name = "Content quality checks"

    def ready(self):
        from django.apps import apps
        from wagtail.models import Page, WorkflowMixin

        from explainer.core.models import ExplainerPage
        from explainer.core.texts import translated_field_names

        from .forms import require_both_languages_for_review
        from .panels import PlainLanguagePanel

        ExplainerPage.register_check_panels(PlainLanguagePanel())
        pending = [ExplainerPage]
        while pending:
            for model in pending.pop().__subclasses__():
                pending.append(model)
                if not model._meta.abstract:
                    require_both_languages_for_review(model)
        # Snippets that go through clinical review and are written in both languages (glossary terms, claim patterns).
        for model in apps.get_models():
            if issubclass(model, WorkflowMixin) and not issubclass(model, Page) and translated_field_names(model):
                require_both_languages_for_review(model)
