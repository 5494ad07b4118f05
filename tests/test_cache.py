"""The page cache: query strings that do not change a page share its entry, search is cached briefly, nothing a
request sends can add entries without bound, and a page that goes private, unpublished, moved or deleted leaves
the cache at once."""

import time

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.test import RequestFactory
from wagtail.models import Page, PageViewRestriction

from explainer.topics.models import TopicPage

pytestmark = pytest.mark.django_db


def entries():
    return len(cache._cache)  # the test settings' LocMemCache


def topic():
    page = TopicPage.objects.live().get(slug="causes")
    return page, page.get_url()


def test_unknown_query_parameters_share_the_pages_entry(client):
    first = client.get("/en/evidence/?utm_source=newsletter&utm_campaign=x&fbclid=abc")
    assert first["X-Page-Cache"] == "miss"
    assert "utm_source" not in first.content.decode() and "fbclid" not in first.content.decode()
    plain = client.get("/en/evidence/")
    assert plain["X-Page-Cache"] == "hit" and plain.content == first.content
    assert client.get("/en/evidence/?x=1")["X-Page-Cache"] == "hit"


def test_filters_that_change_the_page_have_their_own_entry_and_unknown_values_none(client):
    everything = client.get("/en/evidence/")
    filtered = client.get("/en/evidence/?design=rct&utm_source=x")
    assert filtered["X-Page-Cache"] == "miss" and filtered.content != everything.content
    assert client.get("/en/evidence/?utm_medium=y&design=rct")["X-Page-Cache"] == "hit"
    before = entries()
    unknown = client.get("/en/evidence/?design=not-a-design")
    assert "X-Page-Cache" not in unknown and b"form-error" in unknown.content  # says so, and is not stored
    assert entries() == before


def test_search_results_are_cached_briefly_and_ignore_other_parameters(client, settings):
    from explainer.core import page_cache

    settings.SEARCH_CACHE_SECONDS = 45  # read on each request, not once at import
    first = client.get("/en/search/?q=liver")
    assert first["X-Page-Cache"] == "miss"
    again = client.get("/en/search/?q=%20liver%20&utm_source=x")
    assert again["X-Page-Cache"] == "hit" and again.content == first.content
    key = cache.make_key(page_cache.cache_key(RequestFactory().get("/en/search/?q=liver")))
    seconds_left = cache._expire_info[key] - time.time()
    assert 40 < seconds_left <= 45


def test_no_request_adds_entries_without_bound(client):
    client.get("/en/")
    before = entries()
    for number in range(40):
        client.get(f"/en/?utm_source={number}&random{number}=1")
        client.get(f"/en/?design=bogus{number}")
        client.get(f"/en//?n={number}")
    assert entries() == before


def test_a_page_made_private_leaves_the_cache_at_once(client):
    page, url = topic()
    assert client.get(url)["X-Page-Cache"] == "miss"
    assert client.get(url)["X-Page-Cache"] == "hit"
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(url)
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_private_pages_are_never_cached(client, django_user_model):
    page, url = topic()
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    before = entries()
    assert client.get(url).status_code == 200  # the password form
    assert entries() == before
    restriction.delete()
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([Group.objects.get(name="Editors")])
    assert client.get(url).status_code == 302
    assert entries() == before


@pytest.mark.parametrize("change", ["unpublish", "move", "delete"])
def test_a_page_unpublished_moved_or_deleted_leaves_the_cache_at_once(client, change):
    page, url = topic()
    assert client.get(url)["X-Page-Cache"] == "miss"
    assert client.get(url)["X-Page-Cache"] == "hit"
    if change == "unpublish":
        page.unpublish()
    elif change == "move":
        page.move(Page.objects.get(slug="treatment", depth__gt=2), pos="last-child")
    else:
        page.delete()
    response = client.get(url)
    if change == "move":  # Wagtail leaves a redirect to the new place
        assert response.status_code == 301 and response["Location"].endswith("/treatment/causes/")
    else:
        assert response.status_code == 404


def test_a_publish_reaches_the_menu_breadcrumbs_and_page_links_of_every_page_at_once(client):
    section = Page.objects.get(slug="about-cirrhosis").specific
    _page, url = topic()
    other = TopicPage.objects.live().exclude(pk=_page.pk).first().get_url()
    assert section.title_en in client.get(url).content.decode()
    section.title_en = "About the liver, renamed"
    section.save_revision().publish()
    for path in (url, other):
        body = client.get(path).content.decode()
        assert "About the liver, renamed" in body  # the menu, and the breadcrumbs on pages below the section
