"""Finding the page for an address: the site, read once per publish, and the pages on the way, in one query."""

from django.contrib.contenttypes.models import ContentType
from django.http.request import split_domain_port
from wagtail.models import Page, Site

from .page_cache import LANGUAGE_PREFIXES, per_version

# ALLOWED_HOSTS may hold wildcards: a site is kept for this many host names, and looked up each time for any other.
MAX_KEPT_HOSTS = 20


def find_site(request):
    """The site that answers the request, as Wagtail's Site.find_for_request finds it, with its home page read as
    its own type: read once per version of the page cache for each host, instead of in two queries per request.

    Saving or deleting a site, and publishing, moving or deleting a page, move the version on (explainer.core.signals).
    """
    sites = per_version("sites", "", dict)
    host = (split_domain_port(request._get_raw_host())[0], request.get_port())
    if host in sites:
        return sites[host]
    site = Site.find_for_request(request)
    if site is not None:
        site.root_page.specific  # noqa: B018 -- read now, so that routing from the home page needs no query
    if len(sites) < MAX_KEPT_HOSTS:
        sites[host] = site
    return site


class SiteMiddleware:
    """Gives a request for a reader's page the site find_site keeps. Wagtail's Site.find_for_request reads the site
    from the request (`_wagtail_site`) when it is there, so routing, menus and links all use this one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(LANGUAGE_PREFIXES):
            request._wagtail_site = find_site(request)
        return self.get_response(request)


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
