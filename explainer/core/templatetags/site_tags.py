import json

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.models import Site
from wagtail.rich_text import expand_db_html

from explainer.text.markup import inline_html, join_lines

from ..languages import html_lang as current_html_lang
from ..languages import unprefixed_path
from ..page_cache import per_version
from ..pagelinks import cached_page_id_for_slug
from ..restrictions import public

register = template.Library()


@register.simple_tag
def html_lang():
    return current_html_lang()


@register.simple_tag(takes_context=True)
def absolute_url(context, path):
    return context["request"].build_absolute_uri(path)


@register.simple_tag(takes_context=True)
def x_default_url(context):
    request = context["request"]
    return request.build_absolute_uri(unprefixed_path(request.get_full_path()))


@register.simple_tag(takes_context=True)
def site_root(context):
    site = Site.find_for_request(context["request"])
    return site.root_page.specific if site else None


@register.simple_tag(takes_context=True)
def main_menu(context):
    site = Site.find_for_request(context["request"])
    if site is None:
        return []
    return per_version(
        "menu", site.root_page_id, lambda: list(public(site.root_page.get_children().live()).in_menu().specific())
    )


@register.simple_tag
def breadcrumbs(page):
    """The page's ancestors below the tree root, home first."""
    return per_version("breadcrumbs", page.path, lambda: list(page.get_ancestors().filter(depth__gt=1).specific()))


@register.filter
def inline_markup(text):
    """Content-file inline markup (bold, links, page: links) in plain-text fields such as table cells."""
    return mark_safe(expand_db_html(inline_html(str(text), cached_page_id_for_slug)))


@register.filter
def paragraphs(text):
    """Plain text from a text field as paragraphs: a blank line starts a new one, Chinese lines join without spaces."""
    chunks = [join_lines(chunk.splitlines()) for chunk in str(text or "").strip().split("\n\n")]
    return mark_safe("".join(f"<p>{escape(chunk)}</p>" for chunk in chunks if chunk))


@register.simple_tag
def json_ld(data):
    """data as JSON for a script element: "<" is escaped so that no text inside can close the element."""
    return mark_safe(json.dumps(data, ensure_ascii=False).replace("<", "\\u003c"))


@register.simple_tag(takes_context=True)
def structured_data(context, page):
    """The page's schema.org JSON-LD, safe inside a script element."""
    return json_ld(page.structured_data(context["request"]))
