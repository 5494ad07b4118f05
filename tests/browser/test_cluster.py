"""Two app servers on one PostgreSQL and one Redis: a change published on one is what the other serves next."""

import os
import secrets
import urllib.request

import pytest

from .conftest import PASSWORD, click_footer_action, create_admin, manage, start_gunicorn

POSTGRES = "postgres://postgres@127.0.0.1:5432"
REDIS = "redis://127.0.0.1:6379/13"


def reachable():
    try:
        import psycopg
        import redis

        psycopg.connect(f"{POSTGRES}/test", connect_timeout=3).close()
        redis.Redis.from_url(REDIS, socket_connect_timeout=3).ping()
        return True
    except Exception:
        return False


@pytest.fixture
def cluster():
    if not reachable():
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL and Redis must answer on 127.0.0.1 in CI.")
        pytest.skip("needs PostgreSQL on 127.0.0.1:5432 and Redis on 127.0.0.1:6379")
    import psycopg
    import redis

    name = f"cluster_{secrets.token_hex(4)}"
    with psycopg.connect(f"{POSTGRES}/test", autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    redis.Redis.from_url(REDIS).flushdb()
    env = {
        **{key: value for key, value in os.environ.items() if key not in ("DATABASE_URL", "REDIS_URL")},
        "DJANGO_SETTINGS_MODULE": "explainer.settings.dev",
        "DATABASE_URL": f"{POSTGRES}/{name}",
        "REDIS_URL": REDIS,
    }
    servers = []
    try:
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "loadcontent", "-v0")
        create_admin(env)
        urls = []
        for _instance in range(2):
            server, url = start_gunicorn(env, workers=2)
            servers.append(server)
            urls.append(url)
        yield urls
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=20)
        with psycopg.connect(f"{POSTGRES}/test", autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        redis.Redis.from_url(REDIS).flushdb()


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.headers.get("X-Page-Cache"), response.read().decode()


def test_a_page_published_on_one_server_is_served_fresh_by_the_other(cluster, page, secret):
    first, second = cluster
    path = "/en/about-cirrhosis/what-is-cirrhosis/"
    fetch(second + path)
    state, html = fetch(second + path)
    assert state == "hit" and "What is cirrhosis?" in html

    page.goto(f"{first}/admin/login/")
    page.fill("input[name=username]", "admin")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{first}/admin/")
    page.goto(f"{first}/admin/pages/search/?q=cirrhosis")
    edit = page.locator("a[href*='/admin/pages/'][href$='/edit/']", has_text="What is cirrhosis?").first
    edit.click()
    new_title = f"What is cirrhosis? ({secret})"
    page.fill("input[name=title_en]", new_title)
    click_footer_action(page, "button[name=action-publish]")

    state, html = fetch(second + path)
    assert new_title in html and state == "miss"
    assert fetch(second + path)[0] == "hit"
