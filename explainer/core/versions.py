"""A version number kept in the shared cache: moving it on makes every process rebuild what depends on it."""

import contextvars
import secrets
import time
from contextlib import contextmanager

from django.core.cache import cache
from django.db import transaction

# While the shared cache is down nobody can move a version, so what depends on one is rebuilt this often instead.
UNAVAILABLE_SECONDS = 60
# The versions read so far in this request ({key: version}), or None outside one (see read_once).
_versions_read = contextvars.ContextVar("cache_versions_read", default=None)


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
        already_read = _versions_read.get()
        if already_read is not None and self.key in already_read:
            return already_read[self.key]
        version = cache.get_or_set(self.key, first_version, None)
        if not getattr(cache, "available", True):  # explainer.core.cache.ResilientRedisCache
            version = f"unavailable-{int(time.time() // UNAVAILABLE_SECONDS)}"
        if already_read is not None:
            already_read[self.key] = version
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
        already_read = _versions_read.get()
        if already_read is not None:
            already_read.pop(self.key, None)  # the rest of the request sees the change it made
        try:
            cache.incr(self.key)
        except ValueError:
            cache.set(self.key, first_version(), None)


@contextmanager
def read_once():
    """Within the block (one page request), each version is read from the shared cache once and then reused.

    A page asks for the page-cache version a dozen times (its cache key, the menu, breadcrumbs, page links,
    reviews…): one round trip to Redis instead of one each, and the whole page is built from one version.
    """
    token = _versions_read.set({})
    try:
        yield
    finally:
        _versions_read.reset(token)
