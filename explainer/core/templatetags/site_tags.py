from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.models import Site
from wagtail.rich_text import expand_db_html

from explainer.content.markup import inline_html, join_lines

from ..languages import html_lang as current_html_lang
from ..languages import unprefixed_path
from ..page_cache import per_version
from ..restrictions import public
from ..pagelinks import cached_page_id_for_slug

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


class GlossaryLinksNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        from django.utils.translation import get_language

        from explainer.glossary.linking import link_terms
        from explainer.glossary.models import GlossaryPage

        html = self.nodelist.render(context)
        page = context.get("page")
        if isinstance(page, GlossaryPage):
            return html
        glossary_url = per_version(
            "glossary", get_language(), lambda: getattr(GlossaryPage.objects.live().first(), "url", None)
        )
        return mark_safe(link_terms(html, get_language(), glossary_url))


@register.tag
def glossary_links(parser, token):
    """{% glossary_links %}…{% endglossary_links %}: link the first use of each glossary term to its definition."""
    nodelist = parser.parse(("endglossary_links",))
    parser.delete_first_token()
    return GlossaryLinksNode(nodelist)


@register.simple_tag(takes_context=True)
def structured_data(context, page):
    """The page's schema.org JSON-LD, safe inside a script element."""
    import json

    data = json.dumps(page.structured_data(context["request"]), ensure_ascii=False)
    return mark_safe(data.replace("<", "\\u003c"))
