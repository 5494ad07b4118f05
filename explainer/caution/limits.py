"""Limits on pasted text: its size, and how often one client may ask."""

import time

from django.conf import settings
from django.core.cache import cache

MAX_TEXT_CHARACTERS = getattr(settings, "CLAIMS_MAX_TEXT_CHARACTERS", 100_000)
# A JSON body can spend up to 6 bytes on one character (\uXXXX) and needs a little room around the text.
MAX_BODY_BYTES = MAX_TEXT_CHARACTERS * 6 + 4096


def client_address(request):
    """The client's address; behind a proxy, the first X-Forwarded-For hop when settings say to trust it."""
    if getattr(settings, "CLAIMS_TRUST_X_FORWARDED_FOR", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")[0].strip()
        if forwarded:
            return forwarded
    return request.META.get("REMOTE_ADDR", "unknown")


def rate_limited(request):
    """Count this request against its client's allowance; return the seconds to wait if it is over, else 0."""
    limit = getattr(settings, "CLAIMS_RATE_LIMIT", 30)
    window = getattr(settings, "CLAIMS_RATE_WINDOW_SECONDS", 60)
    now = int(time.time())
    bucket = now // window
    key = f"claims-rate:{client_address(request)}:{bucket}"
    cache.add(key, 0, window + 1)
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, window + 1)
        count = 1
    return (bucket + 1) * window - now if count > limit else 0
