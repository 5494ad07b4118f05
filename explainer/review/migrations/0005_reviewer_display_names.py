from django.conf import settings
from django.db import migrations


def reviewers_are_shown_by_name(apps, schema_editor):
    """The admin (dashboard, workflow history) shows a user's full name when there is one, else the username."""
    for reviewer in apps.get_model("review", "ClinicalReviewer").objects.select_related("user"):
        user = reviewer.user
        if not (user.first_name or user.last_name):
            user.first_name = (reviewer.name_en or reviewer.name)[:150]
            user.save(update_fields=["first_name"])


class Migration(migrations.Migration):

    dependencies = [
        ("review", "0004_reviewer_name_in_each_language"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [migrations.RunPython(reviewers_are_shown_by_name, migrations.RunPython.noop)]
