"""Wrong addresses and errors: a mistyped language prefix, and the 500 page in the reader's language."""

import re
import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseRedirect
from django.template import loader
from django.utils import translation
from django.utils.cache import add_never_cache_headers

from . import views
from .languages import LANGUAGE_CODES, OWN_NAMES

# A first path segment that names a language the wrong way (/zh/, /zh-CN/, /cn/, /EN/…), but not /en/ or /zh-hans/.
LANGUAGE_ALIAS_PATH = r"^(?!en/|zh-hans/)(?P<alias>[zZ][hH](?:[-_][a-zA-Z]{2,4}){0,2}|[cC][nN]|[eE][nN](?:[-_][a-zA-Z]{2,4})?)/(?P<rest>.*)$"
SAFE_REST = re.compile(r"^[^\\\s]*$")


def language_alias(request, alias, rest):
    """/zh/…, /zh-CN/…, /cn/… → /zh-hans/…; /EN/…, /en-GB/… → /en/…: the same page under its real prefix."""
    code = "en" if alias.lower().startswith("en") else "zh-hans"
    if not SAFE_REST.match(rest):
        rest = ""
    query = request.META.get("QUERY_STRING", "")
    return HttpResponseRedirect(f"/{code}/{rest.lstrip('/')}" + (f"?{query}" if query else ""))


def url_language(path):
    """The language of a URL's prefix (/zh-hans/… → zh-hans), or the default language for any other path."""
    return translation.get_language_from_path(path) or settings.LANGUAGE_CODE


def server_error(request):
    """handler500: the site's own 500 page in the language of the URL, rendered without the database.

    A database that is down or hung still gets the bilingual 503 with Retry-After (views.server_error)."""
    if isinstance(sys.exc_info()[1], (OperationalError, InterfaceError)):
        return views.server_error(request)
    language = url_language(request.path)
    other = [code for code in LANGUAGE_CODES if code != language][0]
    try:
        # A plain context: no request, so no context processor (and no query) runs.
        with translation.override(language):
            page = loader.render_to_string(
                "500.html",
                {
                    "language": language,
                    "language_name": OWN_NAMES[language],
                    "other_language": other,
                    "other_language_name": OWN_NAMES[other],
                },
            )
    except Exception:  # e.g. static files not collected: still tell readers, in both languages
        page = '<!doctype html><title>500</title><p>Something went wrong. 出错了，请稍后再试。 <a href="/">Home · 首页</a></p>'
    response = HttpResponse(page, status=500)
    add_never_cache_headers(response)
    return response
