from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import EvidenceIndexPage, StudyArm, StudyOutcome, StudyPage, StudySource


@register(EvidenceIndexPage)
class EvidenceIndexPageTranslation(TranslationOptions):
    fields = ("summary", "body")


@register(StudyPage)
class StudyPageTranslation(TranslationOptions):
    fields = ("summary", "dose", "follow_up_note", "primary_endpoint", "can_and_cannot", "authors_conclusion")


@register(StudyArm)
class StudyArmTranslation(TranslationOptions):
    fields = ("label",)


@register(StudyOutcome)
class StudyOutcomeTranslation(TranslationOptions):
    fields = ("measure", "result")


@register(StudySource)
class StudySourceTranslation(TranslationOptions):
    fields = ("note",)
