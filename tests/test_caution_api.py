import io
import json
import logging

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db
URL = "/api/claims/check/"


def post(client, body, **extra):
    data = body if isinstance(body, (str, bytes)) else json.dumps(body)
    return client.post(URL, data=data, content_type="application/json", **extra)


def test_check_answers_the_specified_object(client):
    text = "逆转肝硬化！安全无副作用"
    response = post(client, {"text": text})
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("max-age=0") or "no-store" in response["Cache-Control"]
    data = response.json()
    assert data["language"] == "zh-hans"
    assert [flag["category"] for flag in data["flags"]] == ["reversal", "no-risk"]
    first = data["flags"][0]
    assert set(first) == {"category", "start", "end", "text", "severity", "explanation", "evidence"}
    assert text[first["start"] : first["end"]] == first["text"] == "逆转肝硬化"
    assert first["severity"] == "high"
    assert {"key": "sharma-2021", "url": "/zh-hans/evidence/sharma-2021/"} in first["evidence"]


def test_language_and_reader_language_can_be_given(client):
    data = post(client, {"text": "Stem cells cure cirrhosis.", "language": "en", "reader_language": "zh-hans"}).json()
    assert data["language"] == "en"
    assert data["flags"][0]["explanation"].startswith("这句话说")


@pytest.mark.parametrize(
    "body, message",
    [
        ("{not json", "not valid JSON"),
        (b"\xff\xfe", "not valid JSON"),
        ("[1, 2]", '"text" string'),
        ({"text": 5}, '"text" string'),
        ({"txt": "hello"}, '"text" string'),
        ({"text": "x", "language": "fr"}, '"language" must be one of'),
        ({"text": "x", "reader_language": "de"}, '"reader_language" must be one of'),
    ],
)
def test_bad_requests_get_400_with_a_json_error(client, body, message):
    response = post(client, body)
    assert response.status_code == 400
    assert message in response.json()["error"]


def test_text_over_the_limit_gets_413_saying_the_limit(client):
    # The limit the README promises (100,000 characters), written out rather than read from the code under test.
    response = post(client, {"text": "肝" * 100_001})
    assert response.status_code == 413
    assert response.json()["limit"] == 100_000
    assert "100,000" in response.json()["error"]
    assert post(client, {"text": "肝" * 100_000}).status_code == 200


class UnreadableBody(io.RawIOBase):
    """A request body that fails the test if anything reads it."""

    def read(self, *args):
        raise AssertionError("the body was read")

    readline = readinto = read


def test_a_huge_body_is_refused_before_it_is_read(client):
    response = client.post(
        URL,
        data="x",
        content_type="application/json",
        CONTENT_LENGTH=str(50_000_000),
        **{"wsgi.input": UnreadableBody()},
    )
    assert response.status_code == 413
    assert response.json()["limit"] == 100_000 and "too long" in response.json()["error"]


@pytest.mark.parametrize("method", ["get", "put", "delete", "patch"])
def test_other_methods_get_405(client, method):
    response = getattr(client, method)(URL)
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert "POST" in response.json()["error"]


def test_each_client_is_rate_limited(client, settings):
    settings.CLAIMS_RATE_LIMIT = 3
    statuses = [post(client, {"text": "hello"}, REMOTE_ADDR="10.1.1.1").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    limited = post(client, {"text": "hello"}, REMOTE_ADDR="10.1.1.1")
    assert int(limited["Retry-After"]) > 0 and "Try again" in limited.json()["error"]
    assert post(client, {"text": "hello"}, REMOTE_ADDR="10.2.2.2").status_code == 200


def test_pasted_text_is_neither_stored_nor_logged(client, caplog):
    secret = "我的病历号是 ZX-20991，干细胞逆转肝硬化"
    with caplog.at_level(logging.DEBUG), CaptureQueriesContext(connection) as queries:
        assert post(client, {"text": secret}).status_code == 200
    writes = [q["sql"] for q in queries.captured_queries if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE"))]
    assert writes == []
    assert "ZX-20991" not in caplog.text
    assert all("ZX-20991" not in q["sql"] for q in queries.captured_queries)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.one_of(
        st.binary(max_size=300),
        st.text(max_size=300).map(str.encode),
        st.recursive(
            st.none() | st.booleans() | st.integers() | st.text(max_size=50),
            lambda children: st.lists(children, max_size=4)
            | st.dictionaries(st.sampled_from(["text", "language", "x"]), children, max_size=3),
            max_leaves=8,
        ).map(lambda value: json.dumps(value).encode()),
    )
)
def test_no_body_makes_the_api_fail(client, body):
    cache.clear()
    response = client.post(URL, data=body, content_type="application/json")
    assert response.status_code in (200, 400, 413)
    assert response["Content-Type"].startswith("application/json")
