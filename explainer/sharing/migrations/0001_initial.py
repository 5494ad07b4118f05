"""ShortLink moves here from the review app, table and rows included: its table already exists (review 0001 made it),
so this migration only tells Django's state about the model, and moves its content type (and so its permissions)
from review to sharing. Review 0006 then drops the model from review's state."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def move_content_type(apps, from_app, to_app):
    ContentType = apps.get_model("contenttypes", "ContentType")
    # A new database has no content types yet: they are made after `migrate`, for sharing straight away.
    if not ContentType.objects.filter(app_label=to_app, model="shortlink").exists():
        ContentType.objects.filter(app_label=from_app, model="shortlink").update(app_label=to_app)


def content_type_to_sharing(apps, schema_editor):
    move_content_type(apps, "review", "sharing")


def content_type_back_to_review(apps, schema_editor):
    move_content_type(apps, "sharing", "review")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("review", "0005_reviewer_display_names"),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ShortLink",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("code", models.CharField(max_length=16, unique=True)),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        (
                            "page",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="short_link",
                                to=settings.WAGTAIL_PAGE_MODEL,
                            ),
                        ),
                    ],
                    options={"db_table": "review_shortlink"},
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(content_type_to_sharing, content_type_back_to_review),
    ]
