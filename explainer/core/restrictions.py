"""Which sections of the site are private, read once per version of the page cache instead of on every page served.

Wagtail reads the view restrictions of a page and its ancestors before it serves the page (two queries), and
`PageQuerySet.public()` reads every restriction again. Saving or deleting a restriction, and moving or deleting a
page, moves the page cache to a new version (explainer.core.signals), so a change is seen at once.
"""

from django.db.models import Q
from wagtail.models import PageViewRestriction

from .page_cache import per_version


def restricted_paths():
    """The tree paths of the pages that carry a view restriction (each covers the page and its descendants)."""
    return per_version(
        "restricted paths", "", lambda: sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True)))
    )


def public(pages):
    """pages.public() without reading the restrictions again: the pages outside every private section."""
    private = Q()
    for path in restricted_paths():
        private |= Q(path__startswith=path)
    return pages.exclude(private) if private else pages
