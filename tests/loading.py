"""Loading a changed copy of content/ in a test."""

from io import StringIO

import yaml
from django.core.management import call_command


def load(folder, **options):
    out = StringIO()
    call_command("loadcontent", content_dir=folder, stdout=out, **options)
    return out.getvalue()


def edit(path, change):
    data = yaml.safe_load(path.read_text())
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
