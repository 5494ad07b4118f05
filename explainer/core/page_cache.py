"""Whole rendered pages in the cache (Redis when REDIS_URL is set), so that most readers never touch the database.

Only anonymous GET requests for pages under a language prefix are cached, and only responses that set no cookie
and do not forbid caching. Every publish (and every change to what pages show around their body: glossary
terms, claim patterns, reviews, short links) moves the cache to a new version, so all instances that share the
cache see the change at once.
"""

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse

from .versions import CacheVersion

PAGE_CACHE_VERSION = CacheVersion("page-cache-version")
CACHE_SECONDS = getattr(settings, "PAGE_CACHE_SECONDS", 3600)
KEPT_HEADERS = ("Content-Type", "Content-Language", "Vary", "Cache-Control")
LANGUAGE_PREFIXES = tuple(f"/{code}/" for code, _name in settings.LANGUAGES)
UNCACHED_PREFIXES = tuple(f"/{code}/search/" for code, _name in settings.LANGUAGES)


invalidate_page_cache = PAGE_CACHE_VERSION.bump


def cache_key(request):
    return f"page:{PAGE_CACHE_VERSION.current()}:{request.get_host()}:{request.get_full_path()}"


def is_cacheable_request(request):
    return (
        request.method in ("GET", "HEAD")
        and request.path.startswith(LANGUAGE_PREFIXES)
        and not request.path.startswith(UNCACHED_PREFIXES)
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
        key = cache_key(request)
        stored = cache.get(key)
        if stored is not None:
            response = HttpResponse(stored["content"], status=200)
            for name, value in stored["headers"].items():
                response[name] = value
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if is_cacheable_response(response):
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            headers = {name: response[name] for name in KEPT_HEADERS if name in response}
            cache.set(key, {"content": response.content, "headers": headers}, CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response
