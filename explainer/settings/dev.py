from .base import *  # noqa: F403
from .base import INSTALLED_APPS

# Developer tools (benchsite, runcluster): never in production.
INSTALLED_APPS = [*INSTALLED_APPS, "explainer.devtools"]

DEBUG = True
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-do-not-use-in-production"  # noqa: F405
ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost"]  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
