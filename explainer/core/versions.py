"""A version number kept in the shared cache: moving it on makes every process rebuild what depends on it."""

import time

from django.core.cache import cache

# While the shared cache is down nobody can move a version, so what depends on one is rebuilt this often instead.
UNAVAILABLE_SECONDS = 60


class CacheVersion:
    def __init__(self, key):
        self.key = key

    def current(self):
        version = cache.get_or_set(self.key, 1, None)
        if not getattr(cache, "available", True):  # explainer.core.cache.ResilientRedisCache
            return f"unavailable-{int(time.time() // UNAVAILABLE_SECONDS)}"
        return version

    def bump(self, **kwargs):
        """Move to a new version (usable as a signal receiver)."""
        try:
            cache.incr(self.key)
        except ValueError:
            cache.set(self.key, 2, None)
