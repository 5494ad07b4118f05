"""HTTP to the site on loopback, as the TLS proxy in front of production would forward it."""

import http.client
from dataclasses import dataclass
from email.message import Message

from django.core.management.base import CommandError

LOOPBACK = "127.0.0.1"
# The proxy in front of production terminates TLS and says so; without it production redirects to https://.
FORWARDED_HTTPS = {"X-Forwarded-Proto": "https"}


@dataclass
class HttpAnswer:
    status: int
    headers: Message
    body: bytes


def http_request(port, path, method="GET", body=None, headers=None, host=LOOPBACK):
    """One request to the server, as the proxy would forward it; redirects are returned, not followed."""
    connection = http.client.HTTPConnection(host, port, timeout=30)
    try:
        connection.request(method, path, body=body, headers={**FORWARDED_HTTPS, **(headers or {})})
        response = connection.getresponse()
        return HttpAnswer(response.status, response.headers, response.read())
    finally:
        connection.close()


def require_ok(port, path, method="GET", body=None, headers=None):
    answer = http_request(port, path, method, body, headers)
    if answer.status != 200:
        location = answer.headers.get("Location")
        raise CommandError(
            f"{method} {path} answered {answer.status}"
            + (f" (to {location})" if location else "")
            + "; the benchmark needs every URL it measures to answer 200."
        )
    return answer
