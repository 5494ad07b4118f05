from django.db import migrations


class Migration(migrations.Migration):
    """ShortLink now belongs to the sharing app, which took over its table (sharing 0001): forget it here without
    touching the table."""

    dependencies = [
        ("review", "0005_reviewer_display_names"),
        ("sharing", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[migrations.DeleteModel(name="ShortLink")]),
    ]
