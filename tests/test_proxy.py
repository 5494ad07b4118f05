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
