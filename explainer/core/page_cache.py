"""Whole rendered pages in the cache (Redis when REDIS_URL is set), so that most readers never touch the database.

Only anonymous GET requests for pages under a language prefix are cached, and only responses that set no cookie
and do not forbid caching (Wagtail forbids it for private pages). Every publish, unpublish, move, deletion or
privacy change of a page (and every change to what pages show around their body: glossary terms, claim patterns,
reviews, short links) moves the cache to a new version, so all instances that share the cache see the change at
once.

Only query parameters that change the page are kept, each checked: `?utm_source=…` or `?x=1` is served the
page's own entry, and no request can add entries without bound (a filter with an unknown value is answered, with
a message, but not stored; the evidence library's `?page=` is kept up to MAX_RESULTS_PAGE). Search results are
kept briefly, one entry per query.

Why not wagtail-cache or Django's cache middleware (weighed for issue 13): they key an entry on the address
(wagtail-cache can drop listed tracking parameters), where this keeps only the parameters a page reads and checks
their values, so no request adds entries without bound; and a publish here moves one shared version, read once per
request, instead of clearing a cache backend of its own.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, QueryDict
from django.utils.cache import patch_vary_headers
from django.utils.http import urlencode

from .reading import reading_mode
from .versions import CacheVersion, read_once

PAGE_CACHE_VERSION = CacheVersion("page-cache-version")
KEPT_HEADERS = ("Content-Type", "Content-Language", "Vary", "Cache-Control")
LANGUAGE_PREFIXES = tuple(f"/{code}/" for code, _name in settings.LANGUAGES)
SEARCH_PREFIXES = tuple(f"/{code}/search/" for code, _name in settings.LANGUAGES)
MAX_SEARCH_QUERY_LENGTH = 200
MAX_RESULTS_PAGE = 1000


invalidate_page_cache = PAGE_CACHE_VERSION.bump


def per_version(kind, key, build):
    """build() once per version of the page cache (every publish, unpublish, move, deletion or privacy change).

    For what every page shows around its body (menu, breadcrumbs, page links) and what serving a page needs from
    outside it (view restrictions, clinical reviews).
    """
    return PAGE_CACHE_VERSION.memoize((kind, key), build)


# {parameter: callable giving its valid values}: the filters a feature's pages read from the query string, added by
# the feature when it is ready (the evidence library's filters). A value outside them is not cached.
QUERY_FILTERS = []


def register_query_filters(choices):
    """choices() gives {parameter: set of valid values}."""
    if choices not in QUERY_FILTERS:
        QUERY_FILTERS.append(choices)


def _filter_choices():
    choices = {}
    for source in QUERY_FILTERS:
        choices.update(source())
    return choices


def page_number(value):
    """The page of a list a query string asks for (?page=): anything that is not a whole number of at least 1 is the
    first page, as Django's Paginator.get_page reads it. Only the first 12 characters count, so int() stays cheap."""
    value = (value or "").strip()[:12]
    return int(value) if value.isascii() and value.isdigit() and int(value) >= 1 else 1


def canonical_query(request):
    """The query string as the page sees it: the parameters that change it, with valid values, in a fixed order.

    None if a filter has a value that is not one of its choices: the page says so, and is not cached.
    """
    parameters = []
    if request.path.startswith(SEARCH_PREFIXES):
        query = " ".join(request.GET.get("q", "").split())[:MAX_SEARCH_QUERY_LENGTH].strip()
        page = page_number(request.GET.get("page"))
        if query:
            parameters.append(("q", query))
            if 1 < page <= MAX_RESULTS_PAGE:
                parameters.append(("page", str(page)))
    else:
        for name, choices in _filter_choices().items():
            value = request.GET.get(name)
            if value in choices:
                parameters.append((name, value))
            elif value:
                return None
        # The evidence library's pages: ?page=2 … is its own entry; past MAX_RESULTS_PAGE it is answered (404, with
        # a way back) but not stored.
        page = page_number(request.GET.get("page"))
        if page > MAX_RESULTS_PAGE:
            return None
        if page > 1:
            parameters.append(("page", str(page)))
    return urlencode(parameters)


def cache_key(request):
    """One entry per address and reading mode: the easier-reading mode is rendered into the page (a class on <html>)."""
    address = hashlib.sha256(f"{request.scheme}://{request.get_host()}{request.get_full_path()}".encode()).hexdigest()
    return f"page:{PAGE_CACHE_VERSION.current()}:{reading_mode(request)}:{address}"


def is_cacheable_request(request):
    return (
        request.method in ("GET", "HEAD")
        and request.path.startswith(LANGUAGE_PREFIXES)
        and "//" not in request.path  # Wagtail serves /en//topic/ as /en/topic/: one entry per page is enough
        and settings.SESSION_COOKIE_NAME not in request.COOKIES  # editors and reviewers always see live pages
    )


def is_cacheable_response(response):
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.cookies
        and not getattr(response, "streaming", False)
        and "private" not in cache_control
        and "no-store" not in cache_control
        and "no-cache" not in cache_control
    )


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_cacheable_request(request):
            return self.get_response(request)
        with read_once():
            return self.cached_or_rendered(request)

    def cached_or_rendered(self, request):
        query = canonical_query(request)
        if query is None:
            response = self.get_response(request)
            patch_vary_headers(response, ("Cookie",))  # in the reader's mode, as below
            return response
        if query != request.META.get("QUERY_STRING", ""):
            # The page is rendered, and stored, as if the dropped parameters had never been sent.
            request.META["QUERY_STRING"] = query
            request.GET = QueryDict(query)
        key = cache_key(request)
        stored = cache.get(key)
        if stored is not None:
            response = HttpResponse(stored["content"], status=200)
            for name, value in stored["headers"].items():
                response[name] = value
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        # The reading mode (a cookie) changes the page: no cache in front of the site may give one reader's to another.
        patch_vary_headers(response, ("Cookie",))
        if is_cacheable_response(response):
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            headers = {name: response[name] for name in KEPT_HEADERS if name in response}
            searching = request.path.startswith(SEARCH_PREFIXES)
            seconds = settings.SEARCH_CACHE_SECONDS if searching else settings.PAGE_CACHE_SECONDS
            cache.set(key, {"content": response.content, "headers": headers}, seconds)
            response["X-Page-Cache"] = "miss"
        return response
