from django.core.management.base import BaseCommand, CommandError

from explainer.quality.parity import parity_problems


class Command(BaseCommand):
    help = (
        "Check every page, study and glossary term: each translated field has both languages, and every number "
        "(digits, percentages, doses) in one language is in the other. Exits with status 1 if anything is wrong."
    )

    def handle(self, *args, **options):
        problems = parity_problems()
        for problem in problems:
            self.stdout.write(str(problem))
        if problems:
            raise CommandError(f"{len(problems)} translation problem(s) found.", returncode=1)
        self.stdout.write(
            self.style.SUCCESS("Both languages match: every field is translated and carries the same numbers.")
        )
