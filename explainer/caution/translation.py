from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import ClaimPattern


@register(ClaimPattern)
class ClaimPatternTranslation(TranslationOptions):
    fields = ("explanation",)
