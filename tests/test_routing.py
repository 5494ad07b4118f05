"""Finding the page for an address in a fixed number of queries, with Wagtail's rules: routable pages, unpublished
pages, private sections, and per-publish data that a change reaches at once."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction, Site

from explainer.core.page_cache import per_version
from explainer.core.routing import MAX_KEPT_HOSTS
from explainer.core.versions import CacheVersion
from explainer.evidence.models import StudyPage
from explainer.topics.models import TopicPage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path, model, slug",
    [
        ("evidence/", "EvidenceIndexPage", "evidence"),
        ("evidence/qin-2025/", "StudyPage", "qin-2025"),
        ("about-cirrhosis/what-is-cirrhosis/", "TopicPage", "what-is-cirrhosis"),
    ],
)
def test_the_page_for_an_address_is_found_in_four_queries_at_any_depth(
    rf, django_assert_num_queries, path, model, slug
):
    request = rf.get(f"/en/{path}")
    # The site, its home page, the pages on the way, and the page itself (with its short link, if it has one).
    with django_assert_num_queries(4):
        page, args, kwargs = Page.route_for_request(request, path)
        code = page.short_link.code if page.has_short_link else None
    assert (type(page).__name__, page.slug) == (model, slug)
    assert code is None or len(code) >= 4


def tables_read(client, path):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return [query["sql"].split(" FROM ")[1].split()[0].strip('"') for query in captured.captured_queries]


def test_a_reader_s_page_is_found_without_reading_the_site_or_its_home_page_again(client, settings):
    settings.PAGE_CACHE_SECONDS = 0  # every request renders the page
    path = "/en/about-cirrhosis/what-is-cirrhosis/"
    assert "wagtailcore_site" in tables_read(client, path)  # the first request after a publish reads the site
    # The pages on the way, and the page itself: nothing more when what is read once per publish has been read.
    assert tables_read(client, path) == ["wagtailcore_page", "pages_topicpage"]
    assert "wagtailcore_site" not in tables_read(client, "/zh-hans/")  # and the home page, in either language


def test_a_new_or_changed_site_is_used_at_once(client, settings, html):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "clinic.example"]
    assert client.get("/en/what-is-cirrhosis/", HTTP_HOST="clinic.example").status_code == 404  # the default site
    section = Page.objects.get(slug="about-cirrhosis")
    site = Site.objects.create(hostname="clinic.example", port=80, root_page=section, site_name="Clinic")
    response = client.get("/en/what-is-cirrhosis/", HTTP_HOST="clinic.example")
    assert response.status_code == 200 and "cirrhosis" in html(response).h1.get_text().lower()
    site.delete()
    assert client.get("/en/what-is-cirrhosis/", HTTP_HOST="clinic.example").status_code == 404


def test_sites_kept_for_host_names_are_bounded(client, settings):
    settings.ALLOWED_HOSTS = [".example.org"]  # a wildcard lets any number of names through
    for number in range(MAX_KEPT_HOSTS + 5):
        response = client.get("/en/evidence/", HTTP_HOST=f"host-{number}.example.org")
        assert response.status_code == 200 and b"qin-2025" in response.content
    assert len(per_version("sites", "", dict)) == MAX_KEPT_HOSTS


def test_a_routable_pages_own_routes_and_missing_pages_still_answer_as_wagtail_would(client):
    assert client.get("/en/evidence/qin-2025/print/").status_code == 200
    assert b"handout" in client.get("/en/about-cirrhosis/what-is-cirrhosis/print/").content
    for path in [
        "/en/evidence/qin-2025/nope/",
        "/en/evidence/nope/",
        "/en/about-cirrhosis/nope/print/",
        "/en/nope/evidence/",
    ]:
        assert client.get(path).status_code == 404, path


def test_an_unpublished_page_is_not_found_and_its_published_child_still_is(rf):
    section = Page.objects.get(slug="about-cirrhosis")
    section.unpublish()
    assert Page.route_for_request(rf.get("/en/about-cirrhosis/"), "about-cirrhosis/") is None  # Wagtail's 404
    page, _args, _kwargs = Page.route_for_request(rf.get("/en/"), "about-cirrhosis/what-is-cirrhosis/")
    assert isinstance(page, TopicPage)  # as in Wagtail, which checks only the page asked for


def test_a_section_made_private_is_left_out_of_the_evidence_library_and_asks_for_a_login(client):
    assert 'href="/en/evidence/qin-2025/"' in client.get("/en/evidence/").content.decode()
    restriction = PageViewRestriction.objects.create(
        page=StudyPage.objects.get(slug="qin-2025"), restriction_type=PageViewRestriction.LOGIN
    )
    assert 'href="/en/evidence/qin-2025/"' not in client.get("/en/evidence/").content.decode()
    response = client.get("/en/evidence/qin-2025/")
    assert response.status_code == 302 and "login" in response["Location"]
    restriction.delete()
    assert 'href="/en/evidence/qin-2025/"' in client.get("/en/evidence/").content.decode()
    assert client.get("/en/evidence/qin-2025/").status_code == 200


def test_a_value_memoized_before_the_cache_was_emptied_is_not_served_again():
    version = CacheVersion("test-version")
    assert version.memoize("key", lambda: "before") == "before"
    cache.clear()  # a flush or a restart of Redis: the version starts again
    assert version.memoize("key", lambda: "after") == "after"
    version.bump()
    assert version.memoize("key", lambda: "after a change") == "after a change"


def test_a_change_moves_the_version_again_when_its_transaction_commits(django_capture_on_commit_callbacks):
    """A process that rebuilt between the change and its commit saw the old data; the move on commit drops it."""
    version = CacheVersion("test-version")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        version.bump()
        during = version.current()
        assert version.memoize("key", lambda: "read before the commit") == "read before the commit"
    for callback in callbacks:
        callback()
    assert version.current() != during
    assert version.memoize("key", lambda: "read after the commit") == "read after the commit"
