from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import GlossaryPage, GlossaryTerm


@register(GlossaryTerm)
class GlossaryTermTranslation(TranslationOptions):
    fields = ("term", "also", "definition")


@register(GlossaryPage)
class GlossaryPageTranslation(TranslationOptions):
    fields = ("summary", "body")
