from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import HomePage, SectionPage, TopicPage


@register(HomePage)
class HomePageTranslation(TranslationOptions):
    fields = ("summary", "body")


@register(SectionPage)
class SectionPageTranslation(TranslationOptions):
    fields = ("summary", "body")


@register(TopicPage)
class TopicPageTranslation(TranslationOptions):
    fields = ("summary", "body", "key_points")
