from django.apps import AppConfig


class CautionConfig(AppConfig):
    name = "explainer.caution"
    label = "caution"
    verbose_name = "Caution layer"

    def ready(self):
        from . import signals  # noqa: F401
