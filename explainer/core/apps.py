from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "explainer.core"
    label = "core"
    verbose_name = "Site framework"

    def ready(self):
        from . import signals

        signals.connect()
