"""Redis as the shared cache, without making Redis a single point of failure.

django-redis's IGNORE_EXCEPTIONS turns a Redis error into a cache miss, but every call would still wait for the
socket timeout while Redis is hung. Here the first error in a process logs one warning and the process then
works without the cache for RETRY_SECONDS before it tries Redis again: pages are rendered without the cache and
the claim checker's rate limit counts per process (explainer.caution.limits).
"""

import logging
import sys
import time

from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted

logger = logging.getLogger(__name__)
# Until when each Redis server is taken to be down, for the whole process: Django keeps one cache object per thread.
_down_until = {}


class _OutageLog:
    """Stands in for django-redis's logger, which it calls with each ignored error while the error is handled."""

    def __init__(self, cache):
        self.cache = cache

    def exception(self, *args, **kwargs):
        self.cache.record_failure()


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        options = params.get("OPTIONS", {})
        self.retry_seconds = float(options.get("RETRY_SECONDS", 15))
        self._ignore_exceptions = True
        self._log_ignored_exceptions = True
        self.logger = _OutageLog(self)

    @property
    def available(self):
        return time.monotonic() >= _down_until.get(self._server, 0.0)

    def record_failure(self):
        if not self.available:
            return  # raised by `client` below while Redis is taken to be down
        _down_until[self._server] = time.monotonic() + self.retry_seconds
        logger.warning(
            "The cache (Redis at %s) is not answering (%s); serving without it and trying again in %s seconds.",
            self._server,
            sys.exc_info()[1],
            self.retry_seconds,
        )

    @property
    def client(self):
        if not self.available:
            raise ConnectionInterrupted(connection=None)
        return super().client
