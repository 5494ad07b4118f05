from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language_from_request

from explainer.core.languages import LANGUAGE_CODES

from .models import ShortLink


def short_link(request, code):
    """/s/<code>/ → the page, in the language asked for (?lang=en|zh-hans) or else the reader's own."""
    link = get_object_or_404(ShortLink.objects.select_related("page"), code=code.lower())
    page = link.page.specific
    if not page.live:
        raise Http404("This page is not published.")
    requested = request.GET.get("lang")
    language = requested if requested in LANGUAGE_CODES else get_language_from_request(request)
    with translation.override(language):
        url = page.get_url(request)
    response = redirect(url)
    if requested not in LANGUAGE_CODES:
        patch_vary_headers(response, ["Accept-Language", "Cookie"])
    return response
