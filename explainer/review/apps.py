from django.apps import AppConfig


class ReviewConfig(AppConfig):
    name = "explainer.review"
    label = "review"
    verbose_name = "Clinical review"

    def ready(self):
        from explainer.core.models import register_reviews
        from explainer.core.signals import invalidates_page_cache

        from . import (
            signals,  # noqa: F401
            workflow_names,
        )
        from .models import PageReview
        from .reports import latest_reviews

        invalidates_page_cache(PageReview)
        register_reviews(latest_reviews)
        workflow_names.connect()
