from django.core.management.base import BaseCommand

from explainer.review.models import ClinicalReviewer
from explainer.review.roles import CLINICAL_REVIEWERS

from ._people import create_member


class Command(BaseCommand):
    help = (
        "Add a clinician to the Clinical reviewers group (approve pages for publication), with the name and role "
        "that patients see on the pages they review. Creates the account if needed."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", required=True, help='As shown to readers, for example "Dr Li Wei".')
        parser.add_argument("--name-zh", default="", help="The name as Chinese readers see it, for example 李伟医生.")
        parser.add_argument("--role", required=True, help='For example "Consultant hepatologist".')
        parser.add_argument("--role-zh", default="", help="The role in Chinese, for example 肝病科主任医师.")
        parser.add_argument("--email", default="")
        parser.add_argument("--password", help="Otherwise a strong one is generated and printed.")

    def handle(self, *args, username, name, name_zh, role, role_zh, email, password, **options):
        user, generated = create_member(username, email, CLINICAL_REVIEWERS, password)
        ClinicalReviewer.objects.update_or_create(
            user=user,
            defaults={
                "name_en": name,
                "name_zh_hans": name_zh or name,
                "role_en": role,
                "role_zh_hans": role_zh or role,
            },
        )
        # The admin (dashboard, workflow history, locks) shows people by their full name, not their username.
        user.first_name, user.last_name = name[:150], ""
        user.save(update_fields=["first_name", "last_name"])
        self.stdout.write(
            f"{user.username} is a clinical reviewer ({name}, {role})."
            + (f" Password: {generated}" if generated and not password else "")
        )
