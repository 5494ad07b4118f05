from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "explainer.core"
    label = "core"
    verbose_name = "Site framework"
