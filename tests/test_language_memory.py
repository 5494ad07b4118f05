"""The language switch remembers the reader's choice without JavaScript (ux review #35) and names each language in
its own words (English, 中文). Pages stay the same for every reader, so the page cache never keeps a cookie."""

import pytest
from bs4 import BeautifulSoup
from django.conf import settings

from explainer.topics.models import TopicPage

pytestmark = pytest.mark.django_db

TOPIC = "/about-cirrhosis/what-is-cirrhosis/"
COOKIE = settings.LANGUAGE_COOKIE_NAME


def switch_link(client, path, hreflang):
    page = BeautifulSoup(client.get(path).content.decode(), "html.parser")
    return page.find("nav", class_="language-switch").find("a", hreflang=hreflang)


def test_following_the_switch_remembers_the_language_for_the_home_address_and_short_links(client):
    link = switch_link(client, f"/en{TOPIC}", "zh-Hans")
    assert COOKIE not in client.cookies  # reading a page chooses nothing
    response = client.get(link["href"])
    assert response.status_code == 302 and response["Location"] == f"/zh-hans{TOPIC}"
    cookie = response.cookies[COOKIE]
    assert cookie.value == "zh-hans" and cookie["path"] == "/" and cookie["max-age"] >= 365 * 24 * 60 * 60
    assert cookie["samesite"] == "Lax"

    # The browser says English; the reader chose Chinese.
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB")["Location"] == "/zh-hans/"
    code = TopicPage.objects.get(slug="what-is-cirrhosis").short_link.code
    assert client.get(f"/s/{code}/", HTTP_ACCEPT_LANGUAGE="en-GB")["Location"] == f"/zh-hans{TOPIC}"

    back = switch_link(client, f"/zh-hans{TOPIC}", "en")
    assert client.get(back["href"])["Location"] == f"/en{TOPIC}"
    assert client.cookies[COOKIE].value == "en"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="zh-CN")["Location"] == "/en/"


def test_the_switch_keeps_the_query_of_the_page(client):
    link = switch_link(client, "/en/search/?q=ascites", "zh-Hans")
    assert client.get(link["href"])["Location"] == "/zh-hans/search/?q=ascites"


def test_cached_pages_carry_no_cookie_and_the_same_switch_for_every_reader(client):
    first = client.get(f"/en{TOPIC}")
    assert first["X-Page-Cache"] == "miss" and not first.cookies
    client.get(switch_link(client, f"/en{TOPIC}", "zh-Hans")["href"])  # this reader now has the cookie
    again = client.get(f"/en{TOPIC}")
    assert again["X-Page-Cache"] == "hit" and not again.cookies
    assert again.content == first.content
    chinese = client.get(f"/zh-hans{TOPIC}")
    assert not chinese.cookies and chinese.has_header("X-Page-Cache")


def test_the_switch_answer_is_never_cached(client):
    response = client.get(f"/language/zh-hans/?next=/zh-hans{TOPIC}")
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert not response.has_header("X-Page-Cache")
    assert client.post(f"/language/zh-hans/?next=/zh-hans{TOPIC}").status_code == 405


@pytest.mark.parametrize(
    "next_url",
    [
        "https://evil.example/zh-hans/",
        "//evil.example/zh-hans/",
        "/en/about-cirrhosis/",
        "",
        "javascript:alert(1)",
        "http://testserver/zh-hans/about-cirrhosis/",
    ],
)
def test_the_switch_only_opens_a_page_of_this_site_in_the_chosen_language(client, next_url):
    response = client.get("/language/zh-hans/", {"next": next_url})
    assert response["Location"] == "/zh-hans/"
    assert response.cookies[COOKIE].value == "zh-hans"


def test_an_unknown_language_sets_nothing(client):
    response = client.get("/language/fr/", {"next": "/fr/"}, follow=True)
    assert response.status_code == 404 and COOKIE not in client.cookies


def test_crawlers_leave_the_switch_alone(client):
    assert "Disallow: /language/" in client.get("/robots.txt").content.decode().splitlines()


@pytest.mark.parametrize(
    "language, current, other, other_lang", [("en", "English", "中文", "zh-Hans"), ("zh-hans", "中文", "English", "en")]
)
def test_the_switch_names_each_language_in_its_own_words(client, language, current, other, other_lang):
    page = BeautifulSoup(client.get(f"/{language}{TOPIC}").content.decode(), "html.parser")
    switch = page.find("nav", class_="language-switch")
    assert [item.get_text(strip=True) for item in switch.find_all("li")] == (["English", "中文"])
    assert switch.find(attrs={"aria-current": "true"}).get_text(strip=True) == current
    link = switch.find("a")
    assert link.get_text(strip=True) == other and link["hreflang"] == other_lang and link["lang"] == other_lang
    assert switch.find(attrs={"aria-current": "true"})["lang"] == ("en" if language == "en" else "zh-Hans")
