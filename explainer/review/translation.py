from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import ClinicalReviewer, PageReview


@register(ClinicalReviewer)
class ClinicalReviewerTranslation(TranslationOptions):
    fields = ("name", "role")


@register(PageReview)
class PageReviewTranslation(TranslationOptions):
    fields = ("reviewer_name", "reviewer_role")
