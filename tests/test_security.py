import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/en/", "/zh-hans/check/", "/en/evidence/qin-2025/print/"])
def test_public_pages_send_a_strict_content_security_policy_and_safe_headers(client, path):
    response = client.get(path)
    policy = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'" and directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'" and directives["frame-ancestors"] == "'none'"
    assert "unsafe" not in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_no_inline_script_or_style_in_public_pages(client):
    import re

    for path in [
        "/en/",
        "/zh-hans/evidence/",
        "/en/check/example-reverse-cirrhosis/",
        "/en/about-cirrhosis/causes/print/",
    ]:
        html = client.get(path).content.decode()
        scripts = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", html)
        assert all('type="application/ld+json"' in attributes for attributes in scripts), path  # data, not code
        assert "<style" not in html and " style=" not in html and " onclick=" not in html, path


def test_production_security_settings():
    import json
    import os
    import subprocess
    import sys

    from django.conf import settings

    names = [
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "SECURE_SSL_REDIRECT",
        "SECURE_PROXY_SSL_HEADER",
        "DEBUG",
        "X_FRAME_OPTIONS",
        "SECURE_CONTENT_TYPE_NOSNIFF",
        "SECURE_REFERRER_POLICY",
    ]
    script = f"import json; from explainer.settings import production as p; print(json.dumps({{n: getattr(p, n) for n in {names!r}}}))"
    env = {
        **os.environ,
        "DJANGO_SECRET_KEY": "x" * 60,
        "DJANGO_ALLOWED_HOSTS": "example.org",
        "REDIS_URL": "redis://127.0.0.1:6379/0",
    }
    env.pop("DJANGO_SECURE_SSL_REDIRECT", None)
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    production = json.loads(result.stdout)
    assert production["SECURE_HSTS_SECONDS"] >= 31536000 and production["SECURE_HSTS_INCLUDE_SUBDOMAINS"]
    assert production["SESSION_COOKIE_SECURE"] and production["CSRF_COOKIE_SECURE"]
    assert production["SECURE_SSL_REDIRECT"] and production["SECURE_PROXY_SSL_HEADER"] == [
        "HTTP_X_FORWARDED_PROTO",
        "https",
    ]
    assert production["DEBUG"] is False
    # Set once in base.py, for every environment.
    assert production["X_FRAME_OPTIONS"] == "DENY" and production["SECURE_CONTENT_TYPE_NOSNIFF"]
    assert production["SECURE_REFERRER_POLICY"] == "strict-origin-when-cross-origin"


def test_json_ld_cannot_close_its_script_element():
    import json

    from explainer.core.templatetags.site_tags import json_ld

    data = {"name": "</script><script>alert(1)</script>", "alternateName": "肝硬化"}
    text = json_ld(data)
    assert "<" not in text and "肝硬化" in text
    assert json.loads(text) == data
