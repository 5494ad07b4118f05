"""{% glossary_links %}: the first use of each glossary term on a page links to its definition."""

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from explainer.core.page_cache import per_version

from ..linking import link_terms
from ..models import GlossaryPage

register = template.Library()


class GlossaryLinksNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        html = self.nodelist.render(context)
        page = context.get("page")
        if isinstance(page, GlossaryPage):
            return html
        glossary_url = per_version("glossary", get_language(), lambda: getattr(GlossaryPage.live_page(), "url", None))
        return mark_safe(link_terms(html, get_language(), glossary_url))


@register.tag
def glossary_links(parser, token):
    """{% glossary_links %}…{% endglossary_links %}: link the first use of each glossary term to its definition."""
    nodelist = parser.parse(("endglossary_links",))
    parser.delete_first_token()
    return GlossaryLinksNode(nodelist)
