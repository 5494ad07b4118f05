import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

LOGIN_FILE = settings.BASE_DIR / ".admin-login"


class Command(BaseCommand):
    help = (
        "For local development: create an admin account if there is no superuser yet, and print its login. "
        "The generated password is kept in .admin-login (git-ignored) so that it can be printed again."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument(
            "--url",
            help="The admin's address to print, e.g. http://127.0.0.1:8150/admin/ (`make run` passes its HOST and "
            "PORT). Default: WAGTAILADMIN_BASE_URL + /admin/.",
        )

    def handle(self, *args, username, url=None, **options):
        User = get_user_model()
        admin_url = url or f"{settings.WAGTAILADMIN_BASE_URL}/admin/"
        if not User.objects.filter(is_superuser=True).exists():
            password = secrets.token_urlsafe(12)
            User.objects.create_superuser(username=username, email="", password=password)
            LOGIN_FILE.write_text(f"{username} {password}\n")
            LOGIN_FILE.chmod(0o600)
            self.stdout.write(
                self.style.SUCCESS(f"Created an admin account. Log in at {admin_url} as {username} / {password}")
            )
        elif LOGIN_FILE.exists() and User.objects.filter(username=LOGIN_FILE.read_text().split()[0]).exists():
            saved_username, password = LOGIN_FILE.read_text().split()
            self.stdout.write(f"Admin login: {admin_url} as {saved_username} / {password}")
        else:
            names = ", ".join(User.objects.filter(is_superuser=True).values_list("username", flat=True))
            self.stdout.write(
                f"Admin accounts already exist ({names}); log in at {admin_url}. "
                "Reset a password with: .venv/bin/python manage.py changepassword NAME"
            )
