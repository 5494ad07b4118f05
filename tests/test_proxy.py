"""Behind proxies: the client is the right-most X-Forwarded-For hop that is not a trusted proxy, for the claim
checker's rate limit and for admin login throttling; login throttling locks out guessers, not the real user."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.test import RequestFactory

from explainer.core.clientip import client_ip

PROXY = "10.0.0.1"


def address(settings, trusted, forwarded=None, remote=PROXY):
    settings.TRUSTED_PROXIES = trusted
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_ip(RequestFactory().get("/", **extra))


def test_without_trusted_proxies_x_forwarded_for_is_ignored(settings):
    assert address(settings, 0, "203.0.113.9", remote="198.51.100.1") == "198.51.100.1"
    assert address(settings, [], "203.0.113.9", remote="198.51.100.1") == "198.51.100.1"


@pytest.mark.parametrize(
    ("trusted", "forwarded", "expected"),
    [
        (1, "203.0.113.7", "203.0.113.7"),  # nginx appended the client
        (1, "6.6.6.6, 203.0.113.7", "203.0.113.7"),  # the client wrote 6.6.6.6 itself
        (1, None, PROXY),  # a request that did not come through the proxy
        (2, "6.6.6.6, 203.0.113.7, 10.0.0.2", "203.0.113.7"),  # CDN, then nginx
        (["10.0.0.0/8"], "6.6.6.6, 203.0.113.7, 10.0.0.2", "203.0.113.7"),
        (["10.0.0.0/8", "192.0.2.1"], "10.9.9.9, 203.0.113.7, 192.0.2.1", "203.0.113.7"),
        (["10.0.0.0/8"], "not-an-address, 10.0.0.2", "10.0.0.2"),  # garbage is never a client
        (1, "2001:db8::1", "2001:db8::1"),
    ],
)
def test_the_client_is_the_right_most_hop_that_is_not_a_trusted_proxy(settings, trusted, forwarded, expected):
    assert address(settings, trusted, forwarded) == expected


# The cases where django-ipware 8.0.0 would answer differently (see the top of explainer/core/clientip.py).
@pytest.mark.parametrize(
    ("trusted", "forwarded", "remote", "expected"),
    [
        # Straight to the app, not through a listed proxy: the whole header is the client's own invention.
        (["10.0.0.0/8"], "6.6.6.6, 10.0.0.2", "198.51.100.66", "198.51.100.66"),
        # Any number of hops in the listed networks are ours, not one listed entry per hop.
        (["10.0.0.0/8"], "6.6.6.6, 203.0.113.7, 10.0.0.3, 10.0.0.2", PROXY, "203.0.113.7"),
        # A malformed hop ends the walk: everything to its left, 6.6.6.6 included, came from the client.
        (2, "6.6.6.6, not-an-address, 203.0.113.7", PROXY, "203.0.113.7"),
        # Fewer hops than proxies (the CDN was bypassed): the left-most hop, the one nginx saw.
        (3, "203.0.113.7", PROXY, "203.0.113.7"),
        # Empty entries and spaces are not hops.
        (1, " , 203.0.113.7 ,", PROXY, "203.0.113.7"),
        # A private-range client behind a proxy with a public address is still the client.
        (["198.51.100.1"], "10.1.2.3", "198.51.100.1", "10.1.2.3"),
        # IPv6: proxy networks, bracketed addresses, and an IPv6 client behind IPv4 proxies.
        (["2001:db8:ffff::/48"], "2001:db8::6, 2001:db8::7, 2001:db8:ffff::2", "2001:db8:ffff::1", "2001:db8::7"),
        (1, "[2001:db8::7]", PROXY, "2001:db8::7"),
        (["10.0.0.0/8"], "2001:db8::7, 10.0.0.2", PROXY, "2001:db8::7"),
        # No address at all (a test client's forced login): None, never a made-up one.
        (1, None, "", None),
    ],
)
def test_hops_the_client_wrote_are_never_believed(settings, trusted, forwarded, remote, expected):
    assert address(settings, trusted, forwarded, remote=remote) == expected


def test_only_x_forwarded_for_is_read(settings):
    settings.TRUSTED_PROXIES = 1
    request = RequestFactory().get(
        "/",
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR="203.0.113.7",
        HTTP_X_REAL_IP="6.6.6.6",
        HTTP_CF_CONNECTING_IP="6.6.6.7",
        HTTP_FORWARDED="for=6.6.6.8",
        HTTP_CLIENT_IP="6.6.6.9",
    )
    assert client_ip(request) == "203.0.113.7"


@pytest.mark.django_db
def test_rotating_x_forwarded_for_does_not_escape_the_rate_limit(client, settings):
    settings.TRUSTED_PROXIES = 1
    settings.CLAIMS_RATE_LIMIT = 3
    statuses = [
        client.post(
            "/api/claims/check/",
            data=json.dumps({"text": "hello"}),
            content_type="application/json",
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR=f"198.51.100.{number}, 203.0.113.7",
        ).status_code
        for number in range(5)
    ]
    assert statuses == [200, 200, 200, 429, 429]
    other = client.post(
        "/api/claims/check/",
        data=json.dumps({"text": "hello"}),
        content_type="application/json",
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR="203.0.113.8",
    )
    assert other.status_code == 200


PASSWORD = "the real user's long password"


@pytest.fixture
def victim(db, settings):
    settings.TRUSTED_PROXIES = 1
    return get_user_model().objects.create_superuser("victim", "victim@example.org", PASSWORD)


def login(client, client_address, password):
    return client.post(
        "/admin/login/",
        {"username": "victim", "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=client_address,
    )


def test_one_address_guessing_is_locked_out_but_the_real_user_is_not(client, victim):
    statuses = [login(client, "198.51.100.66", f"guess {number}").status_code for number in range(6)]
    assert statuses == [200, 200, 200, 200, 429, 429]
    assert login(client, "198.51.100.66", PASSWORD).status_code == 429  # the guesser, even with the password
    real = login(client, "203.0.113.5", PASSWORD)
    assert real.status_code == 302 and real["Location"].startswith("/admin/")


def test_guesses_from_many_addresses_lock_the_username_except_where_the_user_logged_in_before(client, victim):
    assert login(client, "203.0.113.5", PASSWORD).status_code == 302  # the real user's usual address
    client.logout()
    for attacker in range(5):
        for guess in range(4):  # under the per-address limit
            login(client, f"198.51.100.{attacker}", f"guess {guess}")
    assert login(client, "192.0.2.44", PASSWORD).status_code == 429  # a new address: the username is locked
    assert login(client, "203.0.113.5", PASSWORD).status_code == 302  # where the real user logged in before
