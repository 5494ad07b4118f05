"""Limits on pasted text: its size, and how often one client may ask.

Why not django-ratelimit (weighed for issue 13): while the shared cache is down it either limits nobody or every
request (RATELIMIT_FAIL_OPEN), where this counts in each process until the cache is back, and it does not say
when the window ends, which the Retry-After header needs.
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache

from explainer.core.clientip import client_ip

MAX_TEXT_CHARACTERS = getattr(settings, "CLAIMS_MAX_TEXT_CHARACTERS", 100_000)
# A JSON body can spend up to 6 bytes on one character (\uXXXX) and needs a little room around the text.
MAX_BODY_BYTES = MAX_TEXT_CHARACTERS * 6 + 4096
# Counts kept in this process while the shared cache is not answering.
_local_counts = LocMemCache("claims-rate-fallback", {"OPTIONS": {"MAX_ENTRIES": 10_000}})


def client_address(request):
    """The client's address: behind our proxies, the right-most X-Forwarded-For hop that is not one of them."""
    return client_ip(request) or "unknown"


def _count(store, key, window):
    store.add(key, 0, window + 1)
    try:
        return store.incr(key)
    except ValueError:
        store.set(key, 1, window + 1)
        return 1


def rate_limited(request):
    """Count this request against its client's allowance; return the seconds to wait if it is over, else 0."""
    limit = settings.CLAIMS_RATE_LIMIT
    window = getattr(settings, "CLAIMS_RATE_WINDOW_SECONDS", 60)
    now = int(time.time())
    bucket = now // window
    key = f"claims-rate:{client_address(request)}:{bucket}"
    count = _count(cache, key, window)
    if count is None:  # the shared cache (Redis) is down: each process counts on its own until it is back
        count = _count(_local_counts, key, window)
    return (bucket + 1) * window - now if count > limit else 0
