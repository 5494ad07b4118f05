"""Finding pages by slug, for [text](page:<slug>) links in content."""

from wagtail.models import Page

from .page_cache import PAGE_CACHE_VERSION


def page_id_for_slug(slug):
    """The id of the page with this slug (the one nearest the root, if several), or None."""
    return Page.objects.filter(slug=slug).order_by("depth").values_list("id", flat=True).first()


def cached_page_id_for_slug(slug):
    """page_id_for_slug from one query per publish rather than one per link, for rendering."""
    ids = PAGE_CACHE_VERSION.memoize("page ids by slug", page_ids_by_slug)
    return ids.get(slug)


def page_ids_by_slug():
    return dict(Page.objects.order_by("-depth").values_list("slug", "id"))  # nearest the root wins
