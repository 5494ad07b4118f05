from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import CheckerPage, ClaimPattern, WorkedExamplePage


@register(ClaimPattern)
class ClaimPatternTranslation(TranslationOptions):
    fields = ("explanation",)


@register(CheckerPage)
class CheckerPageTranslation(TranslationOptions):
    fields = ("summary", "body")


@register(WorkedExamplePage)
class WorkedExamplePageTranslation(TranslationOptions):
    fields = ("summary", "body", "claims", "source_name")
