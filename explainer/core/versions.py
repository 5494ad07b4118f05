"""A version number kept in the shared cache: moving it on makes every process rebuild what depends on it."""

import secrets
import time

from django.core.cache import cache
from django.db import transaction

# While the shared cache is down nobody can move a version, so what depends on one is rebuilt this often instead.
UNAVAILABLE_SECONDS = 60


def first_version():
    """Where a version starts when the cache has none (new, flushed, restarted): at random, not at 1.

    A process may still hold values memoized under a version from before the cache was emptied; starting again
    from 1 would bring those numbers back, and the old values with them, once the site had changed as many times.
    """
    return secrets.randbelow(2**62)


class CacheVersion:
    def __init__(self, key):
        self.key = key
        self._memo = (None, {})  # (version, {key: value}) of this process, for memoize()

    def current(self):
        version = cache.get_or_set(self.key, first_version, None)
        if not getattr(cache, "available", True):  # explainer.core.cache.ResilientRedisCache
            return f"unavailable-{int(time.time() // UNAVAILABLE_SECONDS)}"
        return version

    def memoize(self, key, build):
        """build(), once per key and version in this process: a new version drops every key's value at once.

        The values are swapped whole in one assignment, never cleared in place, so a thread of a gthread worker that
        read them just before another thread moved to a new version keeps a complete set, and values for different
        keys (the languages, say) live side by side instead of evicting each other.
        """
        version = self.current()
        memo_version, values = self._memo
        if memo_version != version:
            values = {}
            self._memo = (version, values)
        if key not in values:
            values[key] = build()
        return values[key]

    def bump(self, **kwargs):
        """Move to a new version now and again when the transaction that made the change commits (usable as a
        signal receiver): another process that read the data between the two, before the commit, rebuilt from the
        old state under the new version, and the second move drops that."""
        self._advance()
        transaction.on_commit(self._advance)

    def _advance(self):
        try:
            cache.incr(self.key)
        except ValueError:
            cache.set(self.key, first_version(), None)
