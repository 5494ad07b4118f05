import sys

from django.conf import settings
from django.core.paginator import Paginator
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.views import defaults
from django.views.decorators.http import require_safe
from wagtail.contrib.sitemaps import views as sitemap_views
from wagtail.models import Site

from .search import run_search, suggestions

MAX_QUERY_LENGTH = 200


@require_safe  # GET and HEAD
def search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    answer = run_search(query) if query else None
    page = Paginator(answer.results if answer else [], 20).get_page(request.GET.get("page"))
    site = Site.find_for_request(request)
    offers = suggestions(site.root_page.specific if site else None)
    return render(request, "search.html", {"query": query, "answer": answer, "results": page, "offers": offers})


@require_safe  # GET and HEAD
def sitemap(request):
    """Wagtail's sitemap: every live public page of the request's site, each in every language with its alternates
    (ExplainerPage.get_sitemap_urls)."""
    return sitemap_views.sitemap(request, content_type="application/xml; charset=utf-8")


@require_safe
def robots(request):
    # /language/…: the language switch's redirects, which set a cookie; the pages' hreflang links name every version.
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /language/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def server_error(request):
    """handler500: a database that is down or hung gets a bilingual 503 with Retry-After, not a generic 500.

    Nothing here touches the database: the page is a plain template rendered without the request's context.
    """
    error = sys.exc_info()[1]
    if not isinstance(error, (OperationalError, InterfaceError)):
        return defaults.server_error(request)
    retry_after = getattr(settings, "DATABASE_RETRY_AFTER_SECONDS", 30)
    if request.path.startswith("/api/"):
        response = JsonResponse(
            {"error": "The service is temporarily unavailable. Try again later.", "retry_after": retry_after},
            status=503,
        )
    else:
        try:
            page = loader.render_to_string("503.html")
        except Exception:  # e.g. static files not collected: still tell readers, in both languages
            page = "<!doctype html><title>503</title><p>Temporarily unavailable. 暂时无法访问，请稍后再试。</p>"
        response = HttpResponse(page, status=503)
    response["Retry-After"] = str(retry_after)
    add_never_cache_headers(response)
    return response
