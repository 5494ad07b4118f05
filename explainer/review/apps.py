from django.apps import AppConfig


class ReviewConfig(AppConfig):
    name = "explainer.review"
    label = "review"
    verbose_name = "Clinical review"

    def ready(self):
        from explainer.core.signals import invalidates_page_cache

        from . import (
            signals,  # noqa: F401
            workflow_names,
        )
        from .models import PageReview

        invalidates_page_cache(PageReview)
        workflow_names.connect()
