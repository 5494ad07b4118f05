"""Everything that changes what a cached page shows moves the page cache to a new version.

Core handles pages themselves, their privacy and the sites they belong to. A feature whose own models change what
pages show around their body (glossary terms, claim patterns, reviews, short links) names them with
`invalidates_page_cache` when it is ready.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .page_cache import invalidate_page_cache


def page_deleted(instance, **kwargs):
    if isinstance(instance, Page):
        invalidate_page_cache()


def invalidates_page_cache(*models):
    """Saving or deleting an instance of any of these models empties the page cache."""
    for model in models:
        label = model._meta.label
        post_save.connect(invalidate_page_cache, sender=model, dispatch_uid=f"page-cache-save-{label}")
        post_delete.connect(invalidate_page_cache, sender=model, dispatch_uid=f"page-cache-delete-{label}")


def connect():
    page_published.connect(invalidate_page_cache, dispatch_uid="page-cache-published")
    page_unpublished.connect(invalidate_page_cache, dispatch_uid="page-cache-unpublished")
    post_page_move.connect(invalidate_page_cache, dispatch_uid="page-cache-moved")
    # Deleting a page of any type deletes its Page row too, and Django sends post_delete for it.
    post_delete.connect(page_deleted, sender=Page, dispatch_uid="page-cache-deleted")
    invalidates_page_cache(PageViewRestriction, Site)
