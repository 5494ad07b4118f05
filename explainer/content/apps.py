from django.apps import AppConfig


class ContentConfig(AppConfig):
    name = "explainer.content"
    label = "content"
    verbose_name = "Content files"
