"""The same page in each language: for the language switch and <link rel="alternate" hreflang>.

The switch remembers the reader's choice without JavaScript: its links go through `switch_language`, which sets
Django's language cookie and redirects to the page. The pages that carry the switch are the same for every reader
(so the page cache may share them and never stores a cookie); only this redirect, which is not cached, sets one.
`/` and `/s/<code>/` without `?lang` then follow the cookie before the browser's Accept-Language (LocaleMiddleware).
"""

from dataclasses import dataclass

from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.urls import reverse, translate_url
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import get_language, get_language_from_path
from django.views.decorators.http import require_safe

# The site's language codes ("en", "zh-hans"), in settings.LANGUAGES order.
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]

# BCP 47 tags for hreflang and <html lang>; Django's language codes are lower case.
HTML_LANG = {"en": "en", "zh-hans": "zh-Hans"}
# Each language by its own name, as its readers look for it in the switch (not "简体中文", not a code).
OWN_NAMES = {"en": "English", "zh-hans": "中文"}


@dataclass
class LanguageLink:
    code: str
    hreflang: str
    name: str
    url: str
    is_current: bool

    @property
    def switch_url(self):
        """The switch's link: remembers this language, then opens `url`."""
        return f"{reverse('switch-language', args=[self.code])}?{urlencode({'next': self.url})}"


def html_lang(code=None):
    code = code or get_language()
    return HTML_LANG.get(code, code)


def unprefixed_path(path):
    """The path without its language prefix: it redirects each reader to their own language."""
    for code, _name in settings.LANGUAGES:
        prefix = f"/{code}/"
        if path.startswith(prefix):
            return "/" + path[len(prefix) :]
    return path


def language_links(request):
    if request is None or getattr(request, "resolver_match", None) is None:
        return []
    path = request.get_full_path()
    current = get_language()
    links = []
    for code, _name in settings.LANGUAGES:
        url = translate_url(path, code)
        if url == path and code != current:
            continue  # this view has no version in that language (e.g. the admin)
        links.append(
            LanguageLink(
                code=code,
                hreflang=html_lang(code),
                name=OWN_NAMES.get(code, code),
                url=url,
                is_current=code == current,
            )
        )
    return links


@require_safe  # a plain link, so it works without JavaScript; GET and HEAD only
def switch_language(request, code):
    """The reader chose `code` in the language switch: remember it in the language cookie and open `next` in it."""
    if code not in dict(settings.LANGUAGES):
        raise Http404("No such language.")
    target = request.GET.get("next", "")
    is_safe = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    if not is_safe or not target.startswith("/") or get_language_from_path(target) != code:
        target = f"/{code}/"
    response = HttpResponseRedirect(target)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE or request.is_secure(),
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    add_never_cache_headers(response)  # one reader's cookie: no cache in front of the site may keep this answer
    return response
