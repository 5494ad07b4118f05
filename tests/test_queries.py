import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from explainer.core.page_cache import invalidate_page_cache
from explainer.evidence.models import EvidenceIndexPage, StudyPage

pytestmark = pytest.mark.django_db

# Issue 11: a page that is not in the page cache is rendered in at most this many queries, once what is read once
# per publish (menu, breadcrumbs, glossary, reviews, view restrictions) has been read.
PAGE_CACHE_MISS_QUERIES = 10


def queries_for(client, path):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return len(captured.captured_queries)


def add_copies_of_every_study(times):
    index = EvidenceIndexPage.objects.get()
    for study in list(StudyPage.objects.live()):
        for number in range(times):
            copy = study.copy(
                to=index,
                update_attrs={
                    "slug": f"{study.slug}-copy-{number}",
                    "title_en": study.title,
                    "title_zh_hans": study.title,
                },
                keep_live=True,
                log_action=None,
            )
            assert copy.live


@pytest.mark.parametrize(
    "path",
    [
        "/en/evidence/",
        "/zh-hans/evidence/?design=rct",
        "/en/evidence/qin-2025/",
        "/en/about-cirrhosis/what-is-cirrhosis/",
        "/zh-hans/",
    ],
)
def test_database_queries_per_page_do_not_grow_with_the_number_of_studies(client, settings, path):
    without_page_cache(settings)
    queries_for(client, path)  # warm the per-process caches (site root paths, glossary terms)
    before = queries_for(client, path)
    add_copies_of_every_study(2)
    queries_for(client, path)
    assert StudyPage.objects.count() >= 3 * 14
    assert queries_for(client, path) == before


def test_a_cached_page_needs_no_database_query(client, django_assert_num_queries):
    client.get("/en/about-cirrhosis/what-is-cirrhosis/")
    with django_assert_num_queries(0):
        response = client.get("/en/about-cirrhosis/what-is-cirrhosis/")
    assert response["X-Page-Cache"] == "hit"


def test_publishing_invalidates_cached_pages(client):
    from explainer.topics.models import TopicPage

    assert client.get("/en/about-cirrhosis/causes/")["X-Page-Cache"] == "miss"
    assert client.get("/en/about-cirrhosis/causes/")["X-Page-Cache"] == "hit"
    page = TopicPage.objects.get(slug="causes")
    page.title_en = "Causes, updated"
    page.save_revision().publish()
    response = client.get("/en/about-cirrhosis/causes/")
    assert response["X-Page-Cache"] == "miss" and "Causes, updated" in response.content.decode()


def test_forms_with_tokens_and_logged_in_editors_are_never_cached(client, admin_user):
    client.get("/en/check/")
    assert "X-Page-Cache" not in client.get("/en/check/")
    client.force_login(admin_user)
    assert "X-Page-Cache" not in client.get("/en/about-cirrhosis/causes/")


@pytest.mark.parametrize(
    # The evidence index adds up each study's groups inside the queries that need the number of people.
    "path, table",
    [("/en/evidence/", "evidence_studyoutcome"), ("/en/evidence/qin-2025/", "evidence_studysource")],
)
def test_a_page_reads_each_of_its_tables_once(client, settings, path, table):
    without_page_cache(settings)
    client.get(path)
    invalidate_page_cache()  # what is drawn once per version (the evidence map) is drawn again in the request counted
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
    assert [query["sql"].split(" FROM ")[1].split()[0] for query in captured.captured_queries].count(f'"{table}"') == 1


def without_page_cache(settings):
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if not m.endswith("PageCacheMiddleware")]


@pytest.mark.parametrize(
    "path, heading",
    [
        ("/en/evidence/qin-2025/", "Qin 2025"),
        ("/zh-hans/evidence/xie-2025/", "Xie 2025"),
        ("/en/evidence/qin-2025/print/", "Qin 2025"),
        ("/en/evidence/", "evidence"),
        ("/zh-hans/evidence/?design=rct", "证据"),
        ("/en/about-cirrhosis/what-is-cirrhosis/", "cirrhosis"),
        ("/zh-hans/about-cirrhosis/what-is-cirrhosis/", "肝硬化"),
    ],
)
def test_a_page_missing_from_the_page_cache_is_rendered_in_at_most_ten_queries(
    client, settings, html, django_assert_max_num_queries, path, heading
):
    without_page_cache(settings)
    client.get(path)  # what is read once per publish
    with django_assert_max_num_queries(PAGE_CACHE_MISS_QUERIES):
        response = client.get(path)
    assert heading.lower() in html(response).h1.get_text().lower()


def test_the_evidence_index_lists_every_study_in_the_same_queries_with_three_times_the_studies(
    client, settings, html, django_assert_max_num_queries
):
    without_page_cache(settings)
    add_copies_of_every_study(2)
    client.get("/en/evidence/")
    listed, path = set(), "/en/evidence/"
    while path:  # every page of the list, each in at most ten queries
        with django_assert_max_num_queries(PAGE_CACHE_MISS_QUERIES):
            page = html(client.get(path))
        listed |= {link["href"] for link in page.select(".study-card h2 a")}
        next_link = page.select_one(".pager a[rel=next]")
        path = next_link["href"].split("#")[0] if next_link else None
    assert listed == {f"/en/evidence/{slug}/" for slug in StudyPage.objects.live().values_list("slug", flat=True)}


def test_the_home_page_lists_each_sections_pages_in_the_same_queries_however_many_sections(client, settings, html):
    from explainer.topics.models import SectionPage

    without_page_cache(settings)
    queries_for(client, "/en/")
    before = queries_for(client, "/en/")
    section = SectionPage.objects.live().child_of(SectionPage.objects.first().get_parent()).first()
    for number in range(2):
        section.copy(
            recursive=True,
            update_attrs={
                "slug": f"{section.slug}-copy-{number}",
                "title_en": f"Copy {number}",
                "title_zh_hans": "副本",
            },
            keep_live=True,
            log_action=None,
        )
    queries_for(client, "/en/")
    assert queries_for(client, "/en/") == before
    cards = {card.h3.get_text(strip=True): card for card in html(client.get("/en/")).select(".card")}
    original = [link.get_text() for link in cards[section.title].find("ul").find_all("a")]
    assert original and [link.get_text() for link in cards["Copy 1"].find("ul").find_all("a")] == original


def test_the_home_page_reads_the_body_of_no_page_it_lists(client, settings, html):
    """It shows each section's title, summary and address and the titles of the pages under it: their bodies, the
    largest column of each page, are left in the database."""
    without_page_cache(settings)
    client.get("/en/")
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/en/")
    assert html(response).select(".card h3 a")
    tables_read_with_a_body = {
        query["sql"].split(" FROM ")[1].split()[0] for query in captured.captured_queries if '."body' in query["sql"]
    }
    assert tables_read_with_a_body == set()  # the home page itself is kept with the site (explainer.core.routing)
