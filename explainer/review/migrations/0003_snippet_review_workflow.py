"""Glossary terms and claim patterns go through the Clinical review workflow too, as pages do.

Editors save drafts and submit them for review (and may lock what they edit); only Clinical reviewers publish,
unlock others' locks, and approve in the workflow. Terms and patterns that existed before stay live, at the
revision they had.
"""

from django.db import migrations
from django.db.models import F
from django.utils import timezone

EDITORS = "Editors"
CLINICAL_REVIEWERS = "Clinical reviewers"
WORKFLOW_NAME = "Clinical review"
SNIPPETS = [("glossary", "glossaryterm", "glossary term"), ("caution", "claimpattern", "claim pattern")]
ACTIONS = {EDITORS: ["lock"], CLINICAL_REVIEWERS: ["publish", "lock", "unlock"]}


def review_snippets(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")

    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    now = timezone.now()
    for app_label, model_name, verbose_name in SNIPPETS:
        content_type, _created = ContentType.objects.get_or_create(app_label=app_label, model=model_name)
        # Wagtail creates these after migrating (post_migrate); the groups need them now.
        permissions = {
            action: Permission.objects.get_or_create(
                content_type=content_type, codename=f"{action}_{model_name}",
                defaults={"name": f"Can {action} {verbose_name}"},
            )[0]
            for action in ("publish", "lock", "unlock")
        }
        for group_name, actions in ACTIONS.items():
            group = Group.objects.filter(name=group_name).first()
            if group is not None:
                group.permissions.add(*(permissions[action] for action in actions))
        if workflow is not None:
            WorkflowContentType.objects.update_or_create(content_type=content_type, defaults={"workflow": workflow})
        model = apps.get_model(app_label, model_name)
        model.objects.filter(live=True, live_revision__isnull=True).update(
            live_revision=F("latest_revision"), first_published_at=now, last_published_at=now
        )


def remove_snippet_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    for app_label, model_name, _verbose_name in SNIPPETS:
        WorkflowContentType.objects.filter(content_type__app_label=app_label, content_type__model=model_name).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("review", "0002_roles_and_workflow"),
        ("glossary", "0005_review_workflow"),
        ("caution", "0005_review_workflow"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(review_snippets, remove_snippet_workflow)]
