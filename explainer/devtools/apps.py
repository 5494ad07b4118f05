from django.apps import AppConfig


class DevtoolsConfig(AppConfig):
    """Tools for developers (`benchsite`, `runcluster`), installed by the dev and test settings only."""

    name = "explainer.devtools"
    label = "devtools"
    verbose_name = "Developer tools"
