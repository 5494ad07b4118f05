from django.dispatch import receiver
from wagtail.signals import page_published

from .models import ShortLink


@receiver(page_published)
def give_short_link(sender, instance, **kwargs):
    """A page type that sets `has_short_link` gets its /s/<code>/ when it is first published."""
    if getattr(instance, "has_short_link", False):
        ShortLink.for_page(instance)
