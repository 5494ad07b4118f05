"""Punctuation that follows the reader's language: "Label: value" in English, "标签：内容" in Chinese."""

from django import template
from django.utils.translation import pgettext

register = template.Library()


def colon():
    return pgettext("between a label and what follows it", ": ")


def list_separator():
    return pgettext("between items of a list that have commas inside", "; ")


@register.simple_tag(name="colon")
def colon_tag():
    return colon()


@register.simple_tag(name="list_separator")
def list_separator_tag():
    return list_separator()


@register.simple_tag
def full_stop():
    return pgettext("end of a sentence", ".")


@register.filter
def join_items(items):
    """Join items with "; " in English and "；" in Chinese."""
    return list_separator().join(str(item) for item in items)
