from django.apps import AppConfig


class EvidenceConfig(AppConfig):
    name = "explainer.evidence"
    label = "evidence"
    verbose_name = "Evidence library"
