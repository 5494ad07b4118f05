"""A version number kept in the shared cache: moving it on makes every process rebuild what depends on it."""

from django.core.cache import cache


class CacheVersion:
    def __init__(self, key):
        self.key = key

    def current(self):
        return cache.get_or_set(self.key, 1, None)

    def bump(self, **kwargs):
        """Move to a new version (usable as a signal receiver)."""
        try:
            cache.incr(self.key)
        except ValueError:
            cache.set(self.key, 2, None)
