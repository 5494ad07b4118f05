import xml.etree.ElementTree as ET

import pytest
from wagtail.models import Page

pytestmark = pytest.mark.django_db


def result_paths(client, html, language, query):
    page = html(client.get(f"/{language}/search/", {"q": query}))
    return [a["href"] for a in page.select(".search-results h2 a")]


@pytest.mark.parametrize(
    "language, query, expected",
    [
        ("zh-hans", "腹水", "/zh-hans/about-cirrhosis/symptoms-and-complications/"),
        ("zh-hans", "MELD", "/zh-hans/about-cirrhosis/tests-and-scores/"),
        ("en", "MELD", "/en/about-cirrhosis/tests-and-scores/"),
        ("en", "ascites", "/en/about-cirrhosis/symptoms-and-complications/"),
        ("zh-hans", "肝移植", "/zh-hans/treatment/liver-transplant/"),
        ("en", "腹水", "/en/about-cirrhosis/symptoms-and-complications/"),
    ],
)
def test_search_finds_chinese_and_english_words(client, html, language, query, expected):
    assert expected in result_paths(client, html, language, query)[:5]


def test_search_for_nonsense_finds_nothing_and_says_so(client, html):
    page = html(client.get("/en/search/", {"q": "zzqqxx"}))
    assert page.select(".search-results li") == []
    assert "0 results" in page.find(attrs={"role": "status"}).get_text()


def test_search_survives_odd_input(client, html):
    for query in ["<script>alert(1)</script>", "\"unbalanced", "AND OR NOT", "*", "x" * 5000, "肝" * 300]:
        page = html(client.get("/zh-hans/search/", {"q": query}))
        assert "<script>alert" not in str(page.find("main"))


def test_sitemap_lists_every_page_in_both_languages_with_alternates(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ET.fromstring(response.content)
    urls = root.findall("s:url", ns)
    locs = [url.find("s:loc", ns).text for url in urls]
    live = Page.objects.live().filter(depth__gte=2).count()
    assert len(urls) == 2 * live
    assert "http://testserver/en/evidence/qin-2025/" in locs
    assert "http://testserver/zh-hans/evidence/qin-2025/" in locs
    for url in urls:
        alternates = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", ns)}
        assert set(alternates) == {"en", "zh-Hans"}
        assert url.find("s:loc", ns).text in alternates.values()


def test_robots_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()
