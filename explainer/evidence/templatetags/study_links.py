"""Where a study can be found elsewhere: its paper by DOI, and its entry in a trial registry."""

from django import template

from explainer.core.blocks import doi_address

from ..facts import registry_address

register = template.Library()
register.filter("doi_address", doi_address)
register.filter("registry_address", registry_address)
