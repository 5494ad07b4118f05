import xml.etree.ElementTree as ET
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
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
    for query in ["<script>alert(1)</script>", '"unbalanced', "AND OR NOT", "*", "x" * 5000, "肝" * 300]:
        page = html(client.get("/zh-hans/search/", {"q": query}))
        assert "<script>alert" not in str(page.find("main"))


SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def sitemap_urls(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content).findall("s:url", SITEMAP_NS)


def test_sitemap_lists_every_page_in_both_languages_with_alternates(client):
    urls = sitemap_urls(client)
    locs = [url.find("s:loc", SITEMAP_NS).text for url in urls]
    live = Page.objects.live().filter(depth__gte=2).count()
    assert len(urls) == len(set(locs)) == 2 * live
    assert "http://testserver/en/evidence/qin-2025/" in locs
    assert "http://testserver/zh-hans/evidence/qin-2025/" in locs
    for url in urls:
        alternates = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", SITEMAP_NS)}
        # The same hreflang names as the pages' heads; x-default is the address without a language prefix.
        assert set(alternates) == {"en", "zh-Hans", "x-default"}
        assert url.find("s:loc", SITEMAP_NS).text in alternates.values()
        assert alternates["x-default"] == alternates["en"].replace("/en/", "/", 1)
        assert url.find("s:lastmod", SITEMAP_NS) is not None
    qin = next(url for url in urls if url.find("s:loc", SITEMAP_NS).text.endswith("/zh-hans/evidence/qin-2025/"))
    links = {link.get("hreflang"): link.get("href") for link in qin.findall("x:link", SITEMAP_NS)}
    assert links == {
        "en": "http://testserver/en/evidence/qin-2025/",
        "zh-Hans": "http://testserver/zh-hans/evidence/qin-2025/",
        "x-default": "http://testserver/evidence/qin-2025/",
    }
    published = Page.objects.get(url_path__endswith="/evidence/qin-2025/").last_published_at
    assert (
        qin.find("s:lastmod", SITEMAP_NS).text == published.astimezone(ZoneInfo(settings.TIME_ZONE)).date().isoformat()
    )


def test_sitemap_leaves_out_private_and_unpublished_pages(client):
    from wagtail.models import PageViewRestriction

    private = Page.objects.get(url_path__endswith="/evidence/qin-2025/")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    unpublished = Page.objects.get(url_path__endswith="/treatment/liver-transplant/")
    unpublished.specific.unpublish()
    locs = {url.find("s:loc", SITEMAP_NS).text for url in sitemap_urls(client)}
    assert "http://testserver/en/evidence/" in locs
    for path in ("/evidence/qin-2025/", "/treatment/liver-transplant/"):
        assert f"http://testserver/en{path}" not in locs and f"http://testserver/zh-hans{path}" not in locs


def test_robots_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


def result_titles(client, html, language, query):
    page = html(client.get(f"/{language}/search/", {"q": query}))
    return [a.get_text() for a in page.select(".search-results h2 a")]


@pytest.mark.parametrize(
    "language, query, first",
    [
        ("en", "what is cirrhosis", "What is cirrhosis?"),
        ("en", "What is cirrhosis?", "What is cirrhosis?"),
        ("zh-hans", "什么是肝硬化", "什么是肝硬化？"),
        ("en", "liver transplant", "Liver transplant"),
    ],
)
def test_the_page_whose_title_matches_comes_first(client, html, language, query, first):
    assert result_titles(client, html, language, query)[0] == first


def test_a_plain_topic_word_puts_a_topic_page_first_not_one_trial(client, html):
    from explainer.evidence.models import StudyPage

    page = html(client.get("/en/search/", {"q": "cirrhosis"}))
    first = page.select_one(".search-results h2 a")["href"]
    assert "/evidence/" not in first
    studies = set(StudyPage.objects.values_list("title_en", flat=True))
    assert not set(result_titles(client, html, "en", "cirrhosis")[:5]) & studies


@pytest.mark.parametrize(
    "language, query",
    [("en", "can cirrhosis be cured"), ("zh-hans", "肝硬化能治好吗"), ("en", "Can cirrhosis be cured?")],
)
def test_questions_find_the_questions_page_and_the_treatment_pages(client, html, language, query):
    paths = result_paths(client, html, language, query)
    assert f"/{language}/common-questions/" in paths[:3]
    assert f"/{language}/treatment/" in paths[:10]


def test_a_small_misspelling_is_forgiven_and_said(client, html):
    page = html(client.get("/en/search/", {"q": "asites"}))
    paths = [a["href"] for a in page.select(".search-results h2 a")]
    assert "/en/about-cirrhosis/symptoms-and-complications/" in paths[:3]
    assert "ascites" in page.select_one(".search-correction").get_text()
    assert page.select_one(".search-glossary a[href='/en/glossary/#ascites']")


def test_english_and_chinese_words_for_one_thing_find_the_same_pages(client, html):
    english = set(result_paths(client, html, "en", "ascites"))
    chinese = set(result_paths(client, html, "en", "腹水"))
    assert len(english) >= len(chinese) >= 5
    assert english == chinese


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_no_search_ends_empty_handed(client, html, language):
    page = html(client.get(f"/{language}/search/", {"q": "zzqqxx"}))
    assert page.select(".search-results li") == []
    offers = [a["href"] for a in page.select(".search-offers a")]
    assert f"/{language}/glossary/" in offers
    assert f"/{language}/common-questions/" in offers
    assert f"/{language}/about-cirrhosis/" in offers and f"/{language}/treatment/" in offers


def test_the_results_heading_does_not_link_the_readers_own_words(client, html):
    page = html(client.get("/en/search/", {"q": "what is cirrhosis"}))
    status = page.find(attrs={"role": "status"})
    assert "what is cirrhosis" in status.get_text()
    assert status.find("a") is None


def test_a_term_with_a_question_mark_is_looking_for_the_term_not_the_questions_page(client, html):
    """A single word with "?" is not a question: a page that explains ascites comes first (which of the two depends
    on their wording and on the database's ranking), not the common-questions page."""
    assert result_paths(client, html, "en", "ascites?")[0] in (
        "/en/about-cirrhosis/symptoms-and-complications/",
        "/en/treatment/managing-complications/",
    )
