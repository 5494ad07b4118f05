"""The translated text of every page, study, glossary term and claim pattern readers see, for the quality checks."""

from modeltranslation.translator import translator
from wagtail.models import Page
from wagtail.snippets.models import get_snippet_models

from explainer.core.texts import translated_texts


def reader_pages():
    """The live pages a reader sees, as their specific types."""
    return Page.objects.live().filter(depth__gt=1).specific().order_by("path")


def translated_snippets():
    """Every snippet model with translated fields (glossary terms, claim patterns…): whatever a feature registers."""
    registered = set(translator.get_registered_models(abstract=False))
    return [model for model in get_snippet_models() if model in registered]


def all_translated_texts():
    for page in reader_pages():
        yield from translated_texts(page, f"page {page.url_path.removeprefix('/home')} ({page.title})")
    for model in translated_snippets():
        objects = model.objects.all()
        if hasattr(model, "live"):
            objects = objects.filter(live=True)
        for instance in objects.order_by("pk"):
            yield from translated_texts(instance, f"{model._meta.verbose_name} {getattr(instance, 'slug', instance.pk)}")
