"""Who is asking: the client's address behind our proxies, and how many failed admin logins lock them out.

Each proxy appends the address it was reached from to X-Forwarded-For, so the hops are X-Forwarded-For followed by
REMOTE_ADDR, and only the right-most ones, written by our own proxies, can be believed. The client is the
right-most hop that is not one of our proxies (settings.TRUSTED_PROXIES: their number, or their addresses and
networks). Anything to its left was written by the client and is ignored.

Why not django-ipware (8.0.0, weighed for issue 13): its trusted-proxy list is one entry per hop inside
X-Forwarded-For, in order, so it cannot say "any number of hops in these networks", and it never checks REMOTE_ADDR,
so a client that connects to the app directly can forge the whole header. Its proxy-count mode comes closer, but it
skips a malformed hop instead of stopping there, returns nothing when the chain is shorter than the count, and by
default also reads a dozen headers any client can set (X-Real-IP, CF-Connecting-IP, ...); its "right-most" option
only means a header written in reverse order, not the right-most untrusted hop.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings


@lru_cache(maxsize=8)
def _networks(addresses):
    return tuple(ipaddress.ip_network(address.strip(), strict=False) for address in addresses)


def _address(text):
    try:
        return ipaddress.ip_address(text.strip().strip("[]"))
    except ValueError:
        return None


def client_ip(request):
    """The client's address, or None when the request has none (a test client's forced login)."""
    remote = request.META.get("REMOTE_ADDR", "") or None
    trusted = getattr(settings, "TRUSTED_PROXIES", 0) or 0
    if not trusted:
        return remote
    forwarded = [hop for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    hops = [*forwarded, remote or ""]
    # A number: the last `trusted` hops are our proxies. Addresses: every hop in those networks is one of ours.
    networks = None if isinstance(trusted, int) else _networks(tuple(trusted))
    client = remote
    for position, hop in enumerate(reversed(hops)):
        address = _address(hop)
        if address is None:
            break  # not an address, so written by the client: the hop to its right is the best we know
        client = str(address)
        is_proxy = position < trusted if networks is None else any(address in network for network in networks)
        if not is_proxy:
            break
    return client


def login_failure_limit(request, credentials):
    """django-axes' failure limit, checked against the larger of two counts (AXES_LOCKOUT_PARAMETERS): failures
    for this username from this address, and failures for this username from every address.

    - Five from one address lock that address out of that username: one guesser cannot lock the real user out.
    - Twenty over all addresses (so at least four of them) lock the username against distributed guessing,
      except from an address it has logged in from successfully before, so the real user can still come in.
    """
    from axes.attempts import get_cool_off_threshold
    from axes.helpers import get_client_username
    from axes.models import AccessAttempt, AccessLog
    from django.db.models import Sum

    per_address = settings.AXES_FAILURES_PER_ADDRESS
    username = get_client_username(request, credentials)
    address = getattr(request, "axes_ip_address", None) or client_ip(request)
    if username is None:
        return per_address
    attempts = AccessAttempt.objects.filter(username=username, attempt_time__gte=get_cool_off_threshold(request))
    from_here = attempts.filter(ip_address=address).aggregate(total=Sum("failures_since_start"))["total"] or 0
    if from_here >= per_address:
        return per_address
    if AccessLog.objects.filter(username=username, ip_address=address).exists():
        return 2**31  # a known address: only its own failures count
    return settings.AXES_FAILURES_PER_USERNAME
