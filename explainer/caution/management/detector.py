"""The live detector for the caution layer's commands, with a clear message when the database is not ready."""

from django.core.management.base import CommandError
from django.db import DatabaseError

from explainer.caution.service import current_detector


def loaded_detector():
    """The detector the site uses (its claim patterns come from the database)."""
    try:
        return current_detector()
    except DatabaseError as error:
        raise CommandError(
            "The claim patterns are read from the database, which has none yet. Run `manage.py migrate --noinput` "
            "and `manage.py loadcontent` first."
        ) from error
