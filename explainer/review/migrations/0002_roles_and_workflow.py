"""Editors write and submit; Clinical reviewers approve. One workflow on the whole site needs their approval.

Wagtail's first migrations made "Editors" and "Moderators" groups and a "Moderators approval" workflow on the root
page; this turns them into the site's roles (or creates them where they are missing).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Editors"
CLINICAL_REVIEWERS = "Clinical reviewers"
WORKFLOW_NAME = "Clinical review"

PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page", "lock_page"],
    CLINICAL_REVIEWERS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
MODEL_PERMISSIONS = {
    EDITORS: [
        ("wagtailadmin", "access_admin"),
        ("glossary", "add_glossaryterm"), ("glossary", "change_glossaryterm"),
        ("caution", "add_claimpattern"), ("caution", "change_claimpattern"),
    ],
    CLINICAL_REVIEWERS: [
        ("wagtailadmin", "access_admin"),
        ("glossary", "add_glossaryterm"), ("glossary", "change_glossaryterm"), ("glossary", "delete_glossaryterm"),
        ("caution", "add_claimpattern"), ("caution", "change_claimpattern"), ("caution", "delete_claimpattern"),
    ],
}


def set_up_roles(apps, schema_editor):
    # Permissions are normally created after all migrations; these need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    ContentType = apps.get_model("contenttypes", "ContentType")

    Group.objects.filter(name="Moderators").update(name=CLINICAL_REVIEWERS)
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in (EDITORS, CLINICAL_REVIEWERS)}
    root = Page.objects.filter(depth=1).first()

    for name, group in groups.items():
        group.permissions.set(
            Permission.objects.get(content_type__app_label=app, codename=codename)
            for app, codename in MODEL_PERMISSIONS[name]
        )
        if root is not None:
            GroupPagePermission.objects.filter(group=group).delete()
            for codename in PAGE_PERMISSIONS[name]:
                GroupPagePermission.objects.create(
                    group=group, page=root, permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
                )

    task_type, _created = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task = GroupApprovalTask.objects.filter(name__in=["Moderators approval", f"{CLINICAL_REVIEWERS} approval", WORKFLOW_NAME]).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=WORKFLOW_NAME, content_type=task_type, active=True)
    task.name, task.active = WORKFLOW_NAME, True
    task.save()
    task.groups.set([groups[CLINICAL_REVIEWERS]])

    workflow = Workflow.objects.filter(name__in=["Moderators approval", f"{CLINICAL_REVIEWERS} approval", WORKFLOW_NAME]).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
    workflow.name, workflow.active = WORKFLOW_NAME, True
    workflow.save()
    WorkflowTask.objects.filter(workflow=workflow).exclude(task=task).delete()
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    if root is not None:
        WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("review", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0005_editingsession_is_editing"),
        ("glossary", "0003_glossarypage_review_interval_months"),
        ("caution", "0003_checkerpage_review_interval_months_and_more"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(set_up_roles, migrations.RunPython.noop)]
