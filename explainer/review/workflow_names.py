"""The clinical review workflow and its task by name in the admin user's language ("Clinical review" / "临床审核").

Wagtail shows a workflow's and a task's name as stored ("Submit to Clinical review", the status panel, the
dashboard, the history), so the Chinese admin showed it in English. The names are ours, and their translations are
in our catalogue: a loaded name becomes a `TranslatedName`, a string that equals the stored name (lookups, equality,
the database) but reads, wherever it is shown, in the language active at that moment. A form that shows the name
(a superuser editing the workflow) would save the shown translation: before a save it goes back to the stored name.
"""

from django.conf import settings
from django.db.models.signals import post_init, pre_save
from django.utils.translation import gettext, gettext_noop, override
from wagtail.models import GroupApprovalTask, Task, Workflow

from .roles import TASK_NAME, WORKFLOW_NAME

TRANSLATED_NAMES = {gettext_noop(WORKFLOW_NAME), gettext_noop(TASK_NAME)}


class TranslatedName(str):
    def __str__(self):
        return gettext(str.__str__(self))

    def __format__(self, spec):
        return format(str(self), spec)


def stored_name(name):
    """The stored name for a name shown in any of the site's languages."""
    for original in TRANSLATED_NAMES:
        for code, _name in settings.LANGUAGES:
            with override(code):
                if name == gettext(original):
                    return original
    return name


def translate_name(sender, instance, **kwargs):
    name = instance.__dict__.get("name")  # not loaded (.only(), .defer()): nothing to show, and no query
    if name in TRANSLATED_NAMES:
        instance.name = TranslatedName(name)


def keep_the_stored_name(sender, instance, **kwargs):
    if instance.name:
        instance.name = stored_name(str.__str__(instance.name))


def connect():
    # A task is loaded as its own type (GroupApprovalTask) or as a Task; each sends post_init for its own class.
    for model in (Workflow, Task, GroupApprovalTask):
        post_init.connect(translate_name, sender=model, dispatch_uid=f"translated-name-{model.__name__}")
        pre_save.connect(keep_the_stored_name, sender=model, dispatch_uid=f"stored-name-{model.__name__}")
