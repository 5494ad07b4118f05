"""What must be in place before a page, study or glossary term goes to clinical review or is published.

A draft may be incomplete. Submitting, publishing and approving need every required field in both languages, and
no field written in one language only; the study design must not contradict itself (the study's own clean()).
"""

from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from modelcluster.models import get_all_child_relations
from modeltranslation.utils import build_localized_fieldname

from explainer.core.texts import LANGUAGES, text_of, translated_field_names

LANGUAGE_NAMES = {"en": _("English"), "zh-hans": _("Chinese")}
MISSING = {
    "en": _(
        "Write the English too: a page goes to clinical review in both languages. A draft can be saved without it."
    ),
    "zh-hans": _(
        "Write the Chinese too: a page goes to clinical review in both languages. A draft can be saved without it."
    ),
}

# The POST parameters of the admin actions that send content to review or make it live.
SUBMITTING_ACTIONS = ("action-submit", "action-publish", "action-restart-workflow")


def is_submitting(data):
    """Whether an admin form's POST submits for review, publishes, or approves (which publishes)."""
    if any(data.get(name) for name in SUBMITTING_ACTIONS):
        return True
    return bool(data.get("action-workflow-action")) and data.get("workflow-action-name") == "approve"


def required_fields(model):
    """Translated fields that need text in both languages: what makes a page count as translated
    (`translated_fields`), and every translated field the model itself requires."""
    names = translated_field_names(model)
    required = set(getattr(model, "translated_fields", ()))
    required.update(name for name in names if not model._meta.get_field(name).blank)
    return [name for name in names if name in required]


def missing_translations(instance):
    """{localized field name: message} for the instance's own translated fields: a required field empty in a
    language, or any field written in one language but not the other."""
    model = type(instance)
    exempt = set(getattr(instance, "parity_exempt_fields", ()))
    required = set(required_fields(model))
    problems = {}
    for name in translated_field_names(model):
        if name in exempt:
            continue
        filled = {language for language in LANGUAGES if text_of(instance, name, language).strip()}
        if not filled and name not in required:
            continue
        for language in LANGUAGES:
            if language not in filled:
                problems[build_localized_fieldname(name, language)] = MISSING[language]
    return problems


def missing_child_translations(model, formsets):
    """Messages for child items (a study's groups, outcomes, sources) written in one language only, from the
    admin form's formsets: [message]."""
    messages = []
    relations = {relation.get_accessor_name(): relation for relation in get_all_child_relations(model)}
    for accessor, formset in formsets.items():
        if accessor not in relations or not formset.is_valid():
            continue
        child_model = relations[accessor].related_model
        names = translated_field_names(child_model)
        position = 0
        for form in formset.forms:
            data = getattr(form, "cleaned_data", None) or {}
            if not data or data.get("DELETE"):
                continue
            position += 1
            for name in names:
                texts = {
                    language: str(data.get(build_localized_fieldname(name, language)) or "").strip()
                    for language in LANGUAGES
                }
                filled = [language for language in LANGUAGES if texts[language]]
                if len(filled) == len(LANGUAGES) or not filled:
                    continue
                for language in LANGUAGES:
                    if language not in filled:
                        messages.append(
                            _("%(item)s %(number)s, “%(field)s”: the %(language)s is missing.")
                            % {
                                "item": capfirst(child_model._meta.verbose_name),
                                "number": position,
                                "field": child_model._meta.get_field(name).verbose_name,
                                "language": LANGUAGE_NAMES[language],
                            }
                        )
    return messages
