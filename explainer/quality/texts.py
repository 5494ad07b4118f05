"""The translated text of every page, study, glossary term and claim pattern readers see, for the quality checks."""

from modeltranslation.translator import translator
from wagtail.models import Page, WorkflowState
from wagtail.snippets.models import get_snippet_models

from explainer.core.texts import translated_texts


def reader_pages():
    """The live pages a reader sees, as their specific types."""
    return Page.objects.live().filter(depth__gt=1).specific().order_by("path")


def translated_snippets():
    """Every snippet model with translated fields (glossary terms, claim patterns…): whatever a feature registers."""
    registered = set(translator.get_registered_models(abstract=False))
    return [model for model in get_snippet_models() if model in registered]


def live_translated_texts():
    for page in reader_pages():
        yield from translated_texts(page, f"page {page.url_path.removeprefix('/home')} ({page.title})")
    for model in translated_snippets():
        objects = model.objects.all()
        if hasattr(model, "live"):
            objects = objects.filter(live=True)
        for instance in objects.order_by("pk"):
            yield from translated_texts(
                instance, f"{model._meta.verbose_name} {getattr(instance, 'slug', instance.pk)}"
            )


def awaiting_review():
    """Pages and snippets submitted for clinical review, as the revision the reviewer will approve."""
    states = (
        WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS)
        .select_related("current_task_state__revision")
        .order_by("created_at")
    )
    for state in states:
        task_state = state.current_task_state
        revision = task_state.revision if task_state and task_state.revision_id else None
        content = state.content_object
        if content is None:
            continue
        if revision is None:
            revision = getattr(content, "latest_revision", None)
        instance = revision.as_object() if revision else content
        if isinstance(instance, Page):
            instance = instance.specific if type(instance) is Page else instance
            yield instance, f"draft awaiting review: page {instance.url_path.removeprefix('/home')} ({instance.title})"
        else:
            yield (
                instance,
                f"draft awaiting review: {type(instance)._meta.verbose_name} {getattr(instance, 'slug', instance.pk)}",
            )


def all_translated_texts():
    """What readers see now, then what they will see once the drafts awaiting review are approved."""
    yield from live_translated_texts()
    for instance, owner in awaiting_review():
        yield from translated_texts(instance, owner)
