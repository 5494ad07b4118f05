"""Everything that changes what a cached page shows moves the page cache to a new version."""

from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished

from .page_cache import invalidate_page_cache


def connect():
    from explainer.caution.models import ClaimPattern
    from explainer.glossary.models import GlossaryTerm
    from explainer.review.models import PageReview, ShortLink

    page_published.connect(invalidate_page_cache, dispatch_uid="page-cache-published")
    page_unpublished.connect(invalidate_page_cache, dispatch_uid="page-cache-unpublished")
    for model in (GlossaryTerm, ClaimPattern, PageReview, ShortLink):
        post_save.connect(invalidate_page_cache, sender=model, dispatch_uid=f"page-cache-save-{model.__name__}")
        post_delete.connect(invalidate_page_cache, sender=model, dispatch_uid=f"page-cache-delete-{model.__name__}")
