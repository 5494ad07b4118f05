"""Wrong addresses and errors: the site's own 404 and 500 pages in the reader's language, mistyped language prefixes,
the remembered language and HEAD requests."""

import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from explainer.core.errors import server_error
from explainer.topics.models import TopicPage

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[1]
TOPIC = "/about-cirrhosis/what-is-cirrhosis/"


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


@pytest.mark.parametrize(
    "language, lang_attribute, heading, home_link",
    [
        ("en", "en", "We cannot find this page", "Go to the home page"),
        ("zh-hans", "zh-Hans", "找不到这个页面", "回到首页"),
    ],
)
def test_not_found_is_the_sites_own_page_in_the_language_of_the_address(
    client, language, lang_attribute, heading, home_link
):
    assert settings.DEBUG is False  # what production shows, not Django's debug page
    response = client.get(f"/{language}/no-such-page/")
    assert response.status_code == 404
    page = soup(response)
    assert page.html["lang"] == lang_attribute
    assert page.h1.get_text(strip=True) == heading
    assert page.find("header", class_="site-header").find("a", class_="brand")["href"] == f"/{language}/"
    assert page.find("nav", class_="main-menu").find_all("a")
    assert page.find("a", string=home_link)["href"] == f"/{language}/"
    assert page.find("form", role="search")["action"] == f"/{language}/search/"
    assert page.find("link", rel="alternate") is None  # a missing page has no language versions
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"


def test_not_found_without_a_prefix_follows_the_readers_language(client):
    response = client.get("/no-such-page/", HTTP_ACCEPT_LANGUAGE="zh-CN", follow=True)
    assert response.status_code == 404
    assert soup(response).h1.get_text(strip=True) == "找不到这个页面"


def test_a_mistyped_short_link_ends_on_the_friendly_not_found_page(client):
    response = client.get("/s/nope99/", HTTP_ACCEPT_LANGUAGE="zh-CN", follow=True)
    assert response.status_code == 404
    assert soup(response).h1.get_text(strip=True) == "找不到这个页面"
    response = client.get("/s/nope99/", follow=True)
    assert response.status_code == 404
    assert soup(response).h1.get_text(strip=True) == "We cannot find this page"


@pytest.mark.parametrize(
    "path, target",
    [
        ("/zh/", "/zh-hans/"),
        ("/zh-CN/", "/zh-hans/"),
        ("/zh-cn" + TOPIC, "/zh-hans" + TOPIC),
        ("/zh_CN" + TOPIC, "/zh-hans" + TOPIC),
        ("/zh-Hans" + TOPIC, "/zh-hans" + TOPIC),
        ("/zh-TW/evidence/", "/zh-hans/evidence/"),
        ("/cn/", "/zh-hans/"),
        ("/EN" + TOPIC, "/en" + TOPIC),
        ("/en-GB/evidence/?design=rct", "/en/evidence/?design=rct"),
    ],
)
def test_a_mistyped_language_prefix_leads_to_the_same_page(client, path, target):
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"] == target
    assert client.get(target).status_code == 200


def test_a_language_prefix_without_its_slash_is_completed(client):
    response = client.get("/zh", follow=True)
    assert response.redirect_chain[-1][0] == "/zh-hans/"
    assert soup(response).html["lang"] == "zh-Hans"


def test_the_real_prefixes_are_not_taken_for_mistyped_ones(client):
    assert client.get("/zh-hans" + TOPIC).status_code == 200
    assert client.get("/en" + TOPIC).status_code == 200
    assert client.get("/zh-hans/no-such-page/").status_code == 404


def render_server_error(path):
    request = RequestFactory().get(path)
    try:
        raise RuntimeError("a bug")
    except RuntimeError:
        assert sys.exc_info()[0] is RuntimeError
        return server_error(request)


@pytest.mark.parametrize(
    "path, lang_attribute, heading, home",
    [
        ("/zh-hans" + TOPIC, "zh-Hans", "我们这边出了问题", "/zh-hans/"),
        ("/en" + TOPIC, "en", "Something went wrong on our side", "/en/"),
        ("/api/claims/check/", "en", "Something went wrong on our side", "/en/"),
    ],
)
def test_server_error_page_is_in_the_language_of_the_address_and_needs_no_database(path, lang_attribute, heading, home):
    with CaptureQueriesContext(connection) as queries:
        response = render_server_error(path)
    assert len(queries.captured_queries) == 0
    assert response.status_code == 500
    assert "no-cache" in response["Cache-Control"]
    page = soup(response)
    assert page.html["lang"] == lang_attribute
    assert page.h1.get_text(strip=True) == heading
    assert page.find("a", class_="brand")["href"] == home
    rule = page.select("aside.emergency")
    assert len(rule) == 1 and rule[0].find("a", href="tel:120", string="120")
    other = page.find("nav", class_="language-switch").find("a")
    assert other["href"] == ("/en/" if home == "/zh-hans/" else "/zh-hans/")


def test_a_bug_in_a_page_gives_the_sites_500_page_in_its_language(client, monkeypatch):
    def broken(self, request, *args, **kwargs):
        raise RuntimeError("a bug in the page")

    monkeypatch.setattr(TopicPage, "serve", broken)
    client.raise_request_exception = False
    response = client.get("/zh-hans" + TOPIC)
    assert response.status_code == 500
    page = soup(response)
    assert page.h1.get_text(strip=True) == "我们这边出了问题"
    assert "请过几分钟再试" in page.get_text()


def test_the_500_template_loads_nothing_that_needs_the_database():
    template = (ROOT / "site" / "templates" / "500.html").read_text()
    assert "{% extends" not in template and "site_tags" not in template and "wagtailcore_tags" not in template


def test_the_chosen_language_is_remembered_for_the_home_address_and_short_links(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "zh-hans"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB")["Location"] == "/zh-hans/"
    code = TopicPage.objects.get(slug="causes").short_link.code
    assert client.get(f"/s/{code}/", HTTP_ACCEPT_LANGUAGE="en-GB")["Location"] == "/zh-hans/about-cirrhosis/causes/"
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="zh-CN")["Location"] == "/en/"


# The language switch sets that cookie itself, without JavaScript: tests/test_language_memory.py.


@pytest.mark.parametrize(
    "path", ["/en/search/?q=ascites", "/zh-hans/search/?q=腹水", "/en" + TOPIC, "/sitemap.xml", "/robots.txt"]
)
def test_head_requests_are_answered_like_get(client, path):
    response = client.head(path)
    assert response.status_code == 200
    assert response.content == b""
    assert response["Content-Type"] == client.get(path)["Content-Type"]


def test_the_503_page_for_a_database_that_is_down_has_tap_to_call_120_in_both_languages():
    from django.template import loader

    page = BeautifulSoup(loader.render_to_string("503.html"), "html.parser")
    for section in page.find_all("section"):
        assert section.find("a", href="tel:120", string="120"), section["lang"]
