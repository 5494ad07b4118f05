from django.apps import AppConfig


class ReviewConfig(AppConfig):
    name = "explainer.review"
    label = "review"
    verbose_name = "Clinical review"

    def ready(self):
        from . import signals  # noqa: F401
        from . import workflow_names

        workflow_names.connect()
