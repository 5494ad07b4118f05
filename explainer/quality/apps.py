from django.apps import AppConfig


class QualityConfig(AppConfig):
    name = "explainer.quality"
    label = "quality"
    verbose_name = "Content quality checks"
