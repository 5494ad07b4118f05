"""Everything that changes what a cached page shows moves the page cache to a new version."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from .page_cache import invalidate_page_cache


def page_deleted(instance, **kwargs):
    if isinstance(instance, Page):
        invalidate_page_cache()


def connect():
    from explainer.caution.models import ClaimPattern
    from explainer.glossary.models import GlossaryTerm
    from explainer.review.models import PageReview, ShortLink

    page_published.connect(invalidate_page_cache, dispatch_uid="page-cache-published")
    page_unpublished.connect(invalidate_page_cache, dispatch_uid="page-cache-unpublished")
    post_page_move.connect(invalidate_page_cache, dispatch_uid="page-cache-moved")
    # Deleting a page of any type deletes its Page row too, and Django sends post_delete for it.
    post_delete.connect(page_deleted, sender=Page, dispatch_uid="page-cache-deleted")
    for model in (GlossaryTerm, ClaimPattern, PageReview, ShortLink, PageViewRestriction):
        post_save.connect(invalidate_page_cache, sender=model, dispatch_uid=f"page-cache-save-{model.__name__}")
        post_delete.connect(invalidate_page_cache, sender=model, dispatch_uid=f"page-cache-delete-{model.__name__}")
