from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from explainer.content.loader import SKIPPED, UNCHANGED, Loader, LoadRunning
from explainer.content.registry import content_kinds
from explainer.content.schema import ContentError


class Command(BaseCommand):
    help = (
        "Create or update pages from the files in content/. Files that did not change are left alone, and so is "
        "anything an editor changed in the admin since it was loaded (reported as skipped; --force overwrites it)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--content-dir", default=settings.CONTENT_DIR, help="Folder to load (default: content/).")
        parser.add_argument("--force", action="store_true", help="Overwrite objects that editors changed in the admin.")

    def handle(self, *args, content_dir, force, verbosity, **options):
        loader = Loader(content_dir, content_kinds(), force=force)
        try:
            outcomes = loader.load()
        except ContentError as error:
            raise CommandError(f"Nothing was loaded. {error}") from error
        except LoadRunning:
            raise CommandError(
                "Nothing was loaded: another loadcontent is running on this database. Run it again when that one "
                "has finished."
            ) from None
        counts = {}
        for outcome in outcomes:
            counts[outcome.status] = counts.get(outcome.status, 0) + 1
            if outcome.status == SKIPPED:
                self.stdout.write(self.style.WARNING(f"skipped {outcome.path}: {outcome.message}"))
            elif outcome.status != UNCHANGED or verbosity > 1:
                self.stdout.write(f"{outcome.status} {outcome.path}")
        summary = ", ".join(f"{count} {status}" for status, count in sorted(counts.items())) or "no content files"
        self.stdout.write(self.style.SUCCESS(f"Content loaded: {summary}."))
