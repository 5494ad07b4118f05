from django.core.management.base import BaseCommand

from explainer.review.roles import EDITORS

from ._people import create_member


class Command(BaseCommand):
    help = "Add a person to the Editors group (write and submit for review; cannot publish). Creates the account if needed."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--email", default="")
        parser.add_argument("--password", help="Otherwise a strong one is generated and printed.")

    def handle(self, *args, username, email, password, **options):
        user, generated = create_member(username, email, EDITORS, password)
        self.stdout.write(
            f"{user.username} is an editor." + (f" Password: {generated}" if generated and not password else "")
        )
