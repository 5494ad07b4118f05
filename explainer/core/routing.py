"""Finding the pages an address passes through in one query, for ExplainerPage.route."""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page


def pages_on_the_way(page, path_components):
    """[(id, specific class)] of page's child named by the first component, its child named by the next, and so on.

    The list stops where a component names no child, so it is shorter than the address when the rest is a route
    of a routable page, or names nothing.
    """
    rows = Page.objects.filter(
        path__startswith=page.path,
        depth__gt=page.depth,
        depth__lte=page.depth + len(path_components),
        slug__in=set(path_components),
    ).values_list("pk", "path", "slug", "content_type_id")
    children = {(path[: -Page.steplen], slug): (pk, path, content_type_id) for pk, path, slug, content_type_id in rows}
    found = []
    parent_path = page.path
    for slug in path_components:
        if (parent_path, slug) not in children:
            break
        pk, parent_path, content_type_id = children[parent_path, slug]
        found.append((pk, ContentType.objects.get_for_id(content_type_id).model_class()))
    return found
