from django.apps import AppConfig


class SharingConfig(AppConfig):
    name = "explainer.sharing"
    label = "sharing"
    verbose_name = "Short links"

    def ready(self):
        from explainer.core.signals import invalidates_page_cache

        from . import signals  # noqa: F401
        from .models import ShortLink

        invalidates_page_cache(ShortLink)
