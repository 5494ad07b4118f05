"""Tap-to-call: "call 120" / "拨打 120" in page text becomes a tel: link, as in the emergency rule."""

import re

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

register = template.Library()

CALL_120 = re.compile(r"(\b[Cc]all\s+|拨打\s*)120(?![\d.,])")


@register.filter(needs_autoescape=True)
def tel_links(text, autoescape=True):
    """Link each "call 120" in text or HTML (an existing link is left alone: its tag stands between the words)."""
    html = conditional_escape(text) if autoescape else str(text)
    return mark_safe(CALL_120.sub(r'\1<a class="emergency__tel" href="tel:120">120</a>', str(html)))
