"""The translated text of a page or snippet, field by field: what the quality checks, the claim check and search read."""

from dataclasses import dataclass

from modelcluster.models import get_all_child_relations
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname
from wagtail.fields import StreamField

from explainer.text.markup import join_lines

from .languages import LANGUAGE_CODES as LANGUAGES

# Page fields that wagtail-modeltranslation translates but that are not reader-facing text.
SKIPPED_FIELDS = {"slug", "url_path", "seo_title", "search_description"}


@dataclass
class TranslatedText:
    """One translated field of one object: {language: text}."""

    owner: str
    field: str
    texts: dict


def text_of(instance, name, language):
    localized_name = build_localized_fieldname(name, language)
    value = getattr(instance, localized_name, None)
    if not value:
        return ""
    field = instance._meta.get_field(localized_name)
    if isinstance(field, StreamField):
        # A blank line between block values: a quote without a full stop must not run on into the next value.
        return "\n\n".join(text for text in field.get_searchable_content(value) if text)
    return "\n\n".join(join_lines(chunk.splitlines()) for chunk in str(value).split("\n\n"))


def translated_field_names(model):
    try:
        options = translator.get_options_for_model(model)
    except NotRegistered:
        return []
    return [name for name in options.all_fields if name not in SKIPPED_FIELDS]


def translated_texts(instance, owner):
    """Every translated field of the instance and of its translated child objects (a study's arms, outcomes…)."""
    exempt = getattr(instance, "parity_exempt_fields", ())
    texts = [
        TranslatedText(owner, name, {language: text_of(instance, name, language) for language in LANGUAGES})
        for name in translated_field_names(type(instance))
        if name not in exempt
    ]
    for relation in get_all_child_relations(type(instance)):
        children = getattr(instance, relation.get_accessor_name()).all()
        for index, child in enumerate(children, start=1):
            for name in translated_field_names(type(child)):
                texts.append(
                    TranslatedText(
                        owner,
                        f"{relation.get_accessor_name()}[{index}].{name}",
                        {language: text_of(child, name, language) for language in LANGUAGES},
                    )
                )
    return texts
