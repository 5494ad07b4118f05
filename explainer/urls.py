from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from explainer.caution.api import check_claims
from explainer.core import errors as core_errors
from explainer.core import languages, reading
from explainer.core import views as core_views
from explainer.sharing import views as sharing_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", core_views.sitemap, name="sitemap"),
    path("robots.txt", core_views.robots, name="robots"),
    path("api/claims/check/", check_claims, name="check-claims-api"),
    path("s/<slug:code>/", sharing_views.short_link, name="short-link"),
    path("reading-mode/", reading.switch_reading_mode, name="reading-mode"),
    # The language switch's links: remember the reader's choice in the language cookie, then open the page.
    path("language/<str:code>/", languages.switch_language, name="switch-language"),
    # /zh/, /zh-CN/, /cn/, /EN/… lead to the same address under /zh-hans/ or /en/, not to a 404.
    re_path(core_errors.LANGUAGE_ALIAS_PATH, core_errors.language_alias, name="language-alias"),
]

# The site's 500 page in the URL's language; a database that is down gets a bilingual 503 with Retry-After instead.
handler500 = "explainer.core.errors.server_error"

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Every page a reader sees lives under a language prefix: /en/… and /zh-hans/…. A path without one (including /)
# is redirected by LocaleMiddleware to the reader's language, from the language cookie or Accept-Language.
urlpatterns += i18n_patterns(
    path("search/", core_views.search, name="search"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
