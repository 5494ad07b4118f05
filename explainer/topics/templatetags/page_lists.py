"""Lists of pages for the section pages, so that a reader meets each page once."""

import re

from django import template

register = template.Library()

PAGE_LINK = re.compile(r'<a\b[^>]*\blinktype="page"[^>]*>')
PAGE_ID = re.compile(r'\bid="(\d+)"')


@register.simple_tag
def pages_not_linked_in_body(page, pages):
    """The pages that page.body does not already link to (a section's own list of its topics)."""
    linked = {
        int(PAGE_ID.search(link).group(1))
        for link in PAGE_LINK.findall(str(page.body.raw_data))
        if PAGE_ID.search(link)
    }
    return [item for item in pages if item.pk not in linked]
