"""Reading help (issue 12 §7): the easier-reading mode remembered in a cookie (and kept apart in the page cache),
the read-aloud buttons, and share metadata on every page type."""

from urllib.parse import urlsplit

import pytest
from django.contrib.staticfiles import finders
from django.test import Client
from PIL import Image

pytestmark = pytest.mark.django_db

TOPIC = "/en/about-cirrhosis/causes/"
PAGE_TYPES = [
    "/{language}/",
    "/{language}/about-cirrhosis/",
    "/{language}/about-cirrhosis/causes/",
    "/{language}/evidence/",
    "/{language}/evidence/qin-2025/",
    "/{language}/glossary/",
    "/{language}/check/",
    "/{language}/check/example-reverse-cirrhosis/",
    "/{language}/search/?q=ascites",
]


def switch(client, mode, next_url=TOPIC):
    return client.post("/reading-mode/", {"mode": mode, "next": next_url})


def meta(soup, name):
    tag = soup.find("meta", attrs={"property": name}) or soup.find("meta", attrs={"name": name})
    assert tag is not None, f"no {name}"
    return tag["content"]


# The switch


def test_switching_on_sets_a_lasting_cookie_and_the_next_page_is_in_easy_mode(client, html):
    response = switch(client, "easy")
    assert response.status_code == 303 and response["Location"] == TOPIC
    cookie = response.cookies["reading_mode"]
    assert cookie.value == "easy" and cookie["max-age"] >= 300 * 24 * 3600 and cookie["samesite"] == "Lax"
    assert not cookie["httponly"]  # reading.js switches the mode without a reload and keeps the cookie in step
    soup = html(client.get(TOPIC))
    assert "reading-easy" in soup.html.get("class", [])
    form = soup.select_one("form[data-reading-mode-form]")
    assert form.select_one("button")["aria-pressed"] == "true"
    assert form.select_one("input[name=mode]")["value"] == "standard"  # the same button switches it off


def test_switching_off_removes_the_cookie_and_the_class(client, html):
    switch(client, "easy")
    response = switch(client, "standard")
    assert response.status_code == 303 and response.cookies["reading_mode"]["max-age"] == 0
    soup = html(client.get(TOPIC))
    assert "reading-easy" not in soup.html.get("class", [])
    form = soup.select_one("form[data-reading-mode-form]")
    assert form.select_one("button")["aria-pressed"] == "false"
    assert form.select_one("input[name=mode]")["value"] == "easy"


def test_the_form_works_for_a_reader_with_no_csrf_token():
    """Pages are cached and shared, so the form has no per-reader token; the switch must not need one."""
    response = Client(enforce_csrf_checks=True).post("/reading-mode/", {"mode": "easy", "next": TOPIC})
    assert response.status_code == 303 and response.cookies["reading_mode"].value == "easy"


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "//evil.example/en/",
        "http://testserver.evil.example/",
        "javascript:alert(1)",
        "",
        "\\\\evil.example",
    ],
)
def test_the_redirect_stays_on_this_site(client, target):
    response = switch(client, "easy", target)
    assert response.status_code == 303 and response["Location"] == "/"


def test_a_query_string_in_the_return_address_is_kept(client):
    response = switch(client, "easy", "/en/evidence/?design=rct")
    assert response["Location"] == "/en/evidence/?design=rct"


def test_bad_requests_get_a_clear_4xx(client):
    assert switch(client, "huge").status_code == 400
    assert b"mode must be" in switch(client, "huge").content
    assert client.post("/reading-mode/", {}).status_code == 400
    assert client.get("/reading-mode/?mode=easy").status_code == 405
    assert "reading_mode" not in switch(client, "huge").cookies


# The page cache


def test_the_page_cache_keeps_each_mode_apart(html):
    standard, easy, odd = Client(), Client(), Client()
    easy.cookies["reading_mode"] = "easy"
    odd.cookies["reading_mode"] = "enormous"  # not a mode: the standard page
    first = standard.get(TOPIC)
    assert first["X-Page-Cache"] == "miss"
    easy_first = easy.get(TOPIC)
    assert easy_first["X-Page-Cache"] == "miss"
    assert "reading-easy" in html(easy_first).html["class"]
    easy_again = easy.get(TOPIC)
    assert easy_again["X-Page-Cache"] == "hit" and "reading-easy" in html(easy_again).html["class"]
    for reader in (standard, odd):
        again = reader.get(TOPIC)
        assert again["X-Page-Cache"] == "hit" and again.content == first.content
        assert "reading-easy" not in html(again).html.get("class", [])
    # A cache in front of the site (a CDN, a proxy) is told that the page depends on the cookie.
    for response in (first, easy_first, easy_again, again):
        assert "Cookie" in response["Vary"]


# The tools on the page


@pytest.mark.parametrize(
    "language, labels",
    [
        ("en", ["Larger text", "Read aloud", "Pause", "Stop"]),
        ("zh-hans", ["大字模式", "朗读本页", "暂停", "停止"]),
    ],
)
def test_every_page_has_the_reading_tools_in_its_language(client, html, language, labels):
    for path in PAGE_TYPES:
        soup = html(client.get(path.format(language=language)))
        tools = soup.select_one("main .reading-tools")
        assert tools is not None, path
        assert [button.get_text(strip=True) for button in tools.select("button")][:4] == labels, path
        # Read-aloud is offered only by reading.js, when the browser can speak.
        assert tools.select_one("[data-read-aloud]").has_attr("hidden")
        form = tools.select_one("form")
        assert form["method"] == "post" and form["action"] == "/reading-mode/"
        request_path = path.format(language=language).replace("?q=ascites", "")
        assert form.select_one("input[name=next]")["value"].startswith(request_path)


def test_reading_help_loads_from_static_files_only(client, html):
    soup = html(client.get(TOPIC))
    assert soup.select_one("link[rel=stylesheet][href$='css/reading.css']")
    assert soup.select_one("script[src$='js/reading.js']").has_attr("defer")
    for script in soup.find_all("script"):
        assert script.get("src") or script.get("type") == "application/ld+json"
    assert finders.find("css/reading.css") and finders.find("js/reading.js")
    csp = client.get(TOPIC)["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp


# Share metadata


@pytest.mark.parametrize("language, locale, other", [("en", "en_GB", "zh_CN"), ("zh-hans", "zh_CN", "en_GB")])
@pytest.mark.parametrize("path", PAGE_TYPES)
def test_every_page_type_has_share_metadata(client, html, path, language, locale, other):
    url = path.format(language=language)
    soup = html(client.get(url))
    title = soup.title.get_text().rsplit(" · ", 1)[0]
    description = soup.find("meta", attrs={"name": "description"})
    assert meta(soup, "og:title") == meta(soup, "twitter:title")
    if soup.find("meta", attrs={"name": "description"}) and "/search/" not in url:
        assert meta(soup, "og:title") == title
        assert meta(soup, "og:description") == description["content"] != ""
    assert meta(soup, "og:description") == meta(soup, "twitter:description") != ""
    assert meta(soup, "og:locale") == locale and meta(soup, "og:locale:alternate") == other
    if "/search/" in url:  # not a page: no canonical link, and a shared link opens the same results
        assert soup.find("link", rel="canonical") is None
        assert meta(soup, "og:url") == "http://testserver" + url
    else:
        canonical = soup.find("link", rel="canonical")["href"]
        assert meta(soup, "og:url") == canonical == "http://testserver" + url
    for image in (meta(soup, "og:image"), meta(soup, "twitter:image")):
        assert image.startswith("http://testserver/static/") and image.endswith(".png")
    assert meta(soup, "twitter:card") == "summary"
    assert meta(soup, "og:image:alt") and meta(soup, "og:site_name")


def test_share_metadata_is_the_pages_own_in_each_language(client, html):
    english = html(client.get("/en/check/example-reverse-cirrhosis/"))
    chinese = html(client.get("/zh-hans/check/example-reverse-cirrhosis/"))
    assert meta(english, "og:title") == english.h1.get_text(strip=True)
    assert meta(chinese, "og:title") == chinese.h1.get_text(strip=True)
    assert meta(english, "og:title") != meta(chinese, "og:title")
    assert meta(english, "og:type") == meta(chinese, "og:type") == "article"
    assert meta(html(client.get("/zh-hans/")), "og:type") == "website"
    assert meta(chinese, "og:site_name") == "肝硬化说明白"


def test_a_filtered_list_shares_the_pages_own_address(client, html):
    soup = html(client.get("/en/evidence/?design=rct&utm_source=x"))
    assert meta(soup, "og:url") == "http://testserver/en/evidence/"


def test_a_missing_page_claims_no_canonical_address(client):
    response = client.get("/zh-hans/no-such-page/")
    assert response.status_code == 404
    content = response.content.decode()
    assert 'rel="canonical"' not in content and 'property="og:title" content="肝硬化说明白"' in content


def test_the_share_image_is_a_png_that_chat_apps_can_show(client, html):
    image_url = meta(html(client.get("/zh-hans/")), "og:image")
    path = finders.find(urlsplit(image_url).path.removeprefix("/static/"))
    with Image.open(path) as image:
        assert image.format == "PNG" and image.width >= 300 and image.height >= 300
        assert (image.width, image.height) == (
            int(meta(html(client.get("/en/")), "og:image:width")),
            int(meta(html(client.get("/en/")), "og:image:height")),
        )
