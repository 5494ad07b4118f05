from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "explainer.pages"
    label = "pages"
    verbose_name = "Explainer pages"
