"""The easier-reading mode (适老化): larger text, more spacing, higher contrast, bigger tap targets.

The reader's choice is kept in a cookie, so it works without JavaScript: the switch is a small form that posts
here, and the server puts the mode's class on <html> so the page never flashes in the other mode. The page cache
keeps one entry per mode (`explainer.core.page_cache.cache_key`). With JavaScript, reading.js sets the same cookie
and switches the class without a reload.
"""

from django.conf import settings
from django.http import HttpResponseBadRequest, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

READING_MODE_COOKIE = "reading_mode"
EASY = "easy"
STANDARD = "standard"


def reading_mode(request):
    """The reader's mode: EASY when their cookie says so, STANDARD otherwise (no cookie, or any other value)."""
    return EASY if request.COOKIES.get(READING_MODE_COOKIE) == EASY else STANDARD


# Pages are cached and shared between readers, so the form carries no per-reader CSRF token; a forged post could
# only switch a reader's text size.
@csrf_exempt
@require_POST
def switch_reading_mode(request):
    mode = request.POST.get("mode")
    if mode not in (EASY, STANDARD):
        return HttpResponseBadRequest("mode must be 'easy' or 'standard'", content_type="text/plain; charset=utf-8")
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/"
    response = HttpResponseRedirect(target, status=303)
    if mode == EASY:
        response.set_cookie(
            READING_MODE_COOKIE,
            EASY,
            max_age=settings.READER_COOKIE_AGE,
            samesite="Lax",
            secure=request.is_secure() or settings.SESSION_COOKIE_SECURE,
        )
    else:
        response.delete_cookie(READING_MODE_COOKIE, samesite="Lax")
    return response
