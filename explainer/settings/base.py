"""Settings shared by every environment. Secrets and hosts come from the environment."""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
SITE_DIR = BASE_DIR / "site"
CONTENT_DIR = BASE_DIR / "content"


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # wagtail_modeltranslation must come before the apps whose models it translates.
    "wagtail_modeltranslation",
    "wagtail_modeltranslation.makemigrations",
    "wagtail_modeltranslation.migrate",
    "explainer.core",
    "explainer.content",
    "explainer.topics",
    "explainer.evidence",
    "explainer.glossary",
    "explainer.quality",
    "explainer.caution",
    "explainer.review",
    "explainer.sharing",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside the page cache, so that pages it answers are framed-denied like fresh ones.
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Cached pages are answered here, before sessions, languages and authentication are worked out.
    "explainer.core.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # After CommonMiddleware has checked the host against ALLOWED_HOSTS.
    "explainer.core.routing.SiteMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Only the admin's own preview iframe may frame a (preview) page; below the two middleware that forbid framing.
    "explainer.review.preview.PreviewFrameMiddleware",
    "explainer.review.middleware.ApprovalConfirmationMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
]

# Behind proxies, the client is the right-most X-Forwarded-For hop that is not one of ours (explainer.core.clientip):
# TRUSTED_PROXIES is how many proxies stand in front (e.g. 1 for nginx) or their addresses and networks,
# comma-separated. Empty: no proxy, the client is REMOTE_ADDR. Used by the claim checker's rate limit and by axes.
_trusted_proxies = os.environ.get("TRUSTED_PROXIES", "").strip()
TRUSTED_PROXIES = int(_trusted_proxies) if _trusted_proxies.isdigit() else env_list("TRUSTED_PROXIES")

# Admin logins (django-axes), counted per username and address and per username over all addresses in the last
# hour: five failures lock that username from that address; 20 failures from several addresses lock the username,
# except from addresses it has logged in from before (explainer.core.clientip.login_failure_limit).
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = "explainer.core.clientip.login_failure_limit"
AXES_FAILURES_PER_ADDRESS = 5
AXES_FAILURES_PER_USERNAME = 20
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "username"]
AXES_CLIENT_IP_CALLABLE = "explainer.core.clientip.client_ip"
# A success would wipe every failure for the username, the guessers' too; failures expire after an hour instead.
AXES_RESET_ON_SUCCESS = False

ROOT_URLCONF = "explainer.urls"
WSGI_APPLICATION = "explainer.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SITE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "explainer.core.context_processors.languages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A database that is down or hung costs a reader seconds, not a hung request (explainer.core.views.server_error).
    DATABASES["default"]["OPTIONS"] = {
        "connect_timeout": int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "3")),
        "options": f"-c statement_timeout={int(os.environ.get('DATABASE_STATEMENT_TIMEOUT_MS', '5000'))}",
        # A server that vanishes mid-query: unacknowledged data fails after 5 s, a silent peer after about 8 s.
        "tcp_user_timeout": 5000,
        "keepalives": 1,
        "keepalives_idle": 5,
        "keepalives_interval": 1,
        "keepalives_count": 3,
        **DATABASES["default"].get("OPTIONS", {}),
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Local development: an autosave that overlaps a save must wait for the other, not fail with "database is
    # locked". WAL lets readers go on while one writer writes; IMMEDIATE takes the write lock at the start of a
    # transaction, so the busy timeout applies (a deferred transaction that must upgrade its lock fails at once).
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        **DATABASES["default"].get("OPTIONS", {}),
    }
# What the 503 page tells readers and clients while the database is unavailable.
DATABASE_RETRY_AFTER_SECONDS = 30
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    # A Redis that is down or hung turns into cache misses after at most a short timeout (explainer.core.cache).
    CACHES = {
        "default": {
            "BACKEND": "explainer.core.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "explainer",
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": float(os.environ.get("REDIS_SOCKET_TIMEOUT", "0.5")),
                "SOCKET_TIMEOUT": float(os.environ.get("REDIS_SOCKET_TIMEOUT", "0.5")),
                "RETRY_SECONDS": 15,
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: English and Simplified Chinese, both with a URL prefix (/en/…, /zh-hans/…).
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("zh-hans", _("Simplified Chinese")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# A reader's choices (language, easier reading) are kept a year; Django's language cookie otherwise lasts a session.
READER_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_AGE = READER_COOKIE_AGE
LANGUAGE_COOKIE_SAMESITE = "Lax"
USE_I18N = True
TIME_ZONE = "Asia/Shanghai"
USE_TZ = True

# Field-level translation (django-modeltranslation, wagtail-modeltranslation).
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = ("en", "zh-hans")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
# One slug per page, the same in both languages.
WAGTAILMODELTRANSLATION_TRANSLATE_SLUGS = False
WAGTAILMODELTRANSLATION_LOCALE_PICKER = True
# The editor opens with both languages' fields showing, after every save too: hiding one is for this visit only.
WAGTAILMODELTRANSLATION_LOCALE_PICKER_DEFAULT = ["en", "zh-hans"]
WAGTAILMODELTRANSLATION_LOCALE_PICKER_RESTORE = False

STATICFILES_DIRS = [SITE_DIR / "static"]
STATIC_ROOT = BASE_DIR / ".static"
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / ".media"))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

WAGTAIL_SITE_NAME = "Cirrhosis Clearly · 肝硬化说明白"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False  # translation is field-level (modeltranslation), not page-tree copies
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf"]
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# The claim checker: how many checks one client may run a minute (API and form together).
CLAIMS_RATE_LIMIT = int(os.environ.get("CLAIMS_RATE_LIMIT", "30"))

# Rendered pages are cached for anonymous readers and invalidated on every publish (explainer.core.page_cache).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "3600"))
# Search results change only on publish too, but each query is its own entry, so they are kept briefly.
SEARCH_CACHE_SECONDS = int(os.environ.get("SEARCH_CACHE_SECONDS", "60"))

# A strict Content-Security-Policy for the public site: no inline script or style, nothing from elsewhere.
# The Wagtail admin uses inline scripts of its own and is left out.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    },
}
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
    # Django's own console handler on "django" would print each of its lines a second time through the root's.
    "loggers": {"django": {"handlers": [], "level": "INFO"}},
}
