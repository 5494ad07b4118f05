"""The same page in each language: for the language switch and <link rel="alternate" hreflang>."""

from dataclasses import dataclass

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info

# BCP 47 tags for hreflang and <html lang>; Django's language codes are lower case.
HTML_LANG = {"en": "en", "zh-hans": "zh-Hans"}


@dataclass
class LanguageLink:
    code: str
    hreflang: str
    name: str
    url: str
    is_current: bool


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
                name=get_language_info(code)["name_local"],
                url=url,
                is_current=code == current,
            )
        )
    return links
