"""What makes a page cheaper to render when the page cache has no copy of it keeps the site correct: each shared
version is read once a request but a change is still seen at once, and what is kept between renders (segmented
Chinese text) follows the glossary."""

from collections import Counter

import pytest
from django.core.cache import cache

from explainer.core import versions
from explainer.core.versions import CacheVersion, read_once
from explainer.glossary import linking
from explainer.glossary.linking import link_terms
from explainer.glossary.models import GlossaryTerm

pytestmark = pytest.mark.django_db

TOPIC = "/en/about-cirrhosis/what-is-cirrhosis/"


class CountingCache:
    """The shared cache, counting which keys versions read."""

    def __init__(self, cache):
        self.cache = cache
        self.reads = Counter()

    def get_or_set(self, key, *args, **kwargs):
        self.reads[key] += 1
        return self.cache.get_or_set(key, *args, **kwargs)

    def __getattr__(self, name):
        return getattr(self.cache, name)


def test_a_page_reads_the_page_cache_version_once(client, html, monkeypatch):
    counting = CountingCache(cache)
    monkeypatch.setattr(versions, "cache", counting)
    page = html(client.get(TOPIC))
    # Rendered in full: its cache key, menu, breadcrumbs, page links and glossary links all ask for the version.
    assert page.select(".main-menu a") and page.select(".breadcrumbs a") and page.select("div.content a.term")
    assert counting.reads["page-cache-version"] == 1
    counting.reads.clear()
    assert client.get(TOPIC)["X-Page-Cache"] == "hit"
    assert counting.reads["page-cache-version"] == 1


def test_a_version_is_read_again_in_the_next_request_and_after_a_change_in_this_one():
    version = CacheVersion("test-version")
    with read_once():
        first = version.current()
        cache.incr("test-version")  # another process moves it on: this request keeps the version it started with
        assert version.current() == first
        version.bump()  # a change made in this request is seen by the rest of it
        after_bump = version.current()
        assert after_bump != first
    cache.incr("test-version")  # after the request, another process moves it on: the next request sees it
    assert version.current() == cache.get("test-version") != after_bump


def test_chinese_text_is_segmented_once_for_all_renders(monkeypatch):
    calls = []
    segment = linking.words_with_offsets
    monkeypatch.setattr(linking, "words_with_offsets", lambda text, tagger: calls.append(text) or segment(text, tagger))
    html = "<p>与对照组相比，腹水减少了。</p>"
    first = link_terms(html, "zh-hans", "/zh-hans/glossary/")
    assert 'href="/zh-hans/glossary/#ascites"' in first
    assert link_terms(html, "zh-hans", "/zh-hans/glossary/") == first
    assert calls == ["与对照组相比，腹水减少了。"]


def test_segmented_text_kept_is_bounded(monkeypatch):
    monkeypatch.setattr(linking, "MAX_SEGMENTED_TEXTS", 2)
    for number in range(5):
        link_terms(f"<p>第{number}次：腹水减少了。</p>", "zh-hans", "/zh-hans/glossary/")
    assert 1 <= len(linking.term_index("zh-hans").segmentations) <= 2


def test_a_new_chinese_term_is_linked_in_text_segmented_before_it_existed():
    html = "<p>他每天早上喝一杯绿茶。</p>"
    assert "绿茶</a>" not in link_terms(html, "zh-hans", "/zh-hans/glossary/")
    term = GlossaryTerm(
        slug="green-tea",
        term_en="green tea",
        definition_en="Tea made from leaves that are not fermented.",
        term_zh_hans="绿茶",
        definition_zh_hans="没有发酵过的茶叶泡的茶。",
        live=False,
    )
    term.save()
    term.save_revision().publish()  # the glossary changes: a new term index, with nothing segmented yet
    linked = link_terms(html, "zh-hans", "/zh-hans/glossary/")
    assert '<a class="term" href="/zh-hans/glossary/#green-tea"' in linked and "绿茶</a>" in linked


def test_the_whole_librarys_map_is_drawn_once_per_version_and_language(client, html, monkeypatch):
    from explainer.evidence import listing

    drawn = []
    draw = listing.evidence_map
    monkeypatch.setattr(listing, "evidence_map", lambda studies: drawn.append(1) or draw(studies))
    english = html(client.get("/en/evidence/"))
    assert html(client.get("/en/evidence/?page=2")).select(".map-row") == english.select(".map-row")
    assert len(drawn) == 1
    filtered = html(client.get("/en/evidence/?design=rct"))
    assert len(drawn) == 2 and len(filtered.select(".map-row")) < len(english.select(".map-row"))
    chinese = html(client.get("/zh-hans/evidence/"))
    assert len(drawn) == 3
    assert "：" in chinese.select_one(".map-outcome")["title"] and ": " in english.select_one(".map-outcome")["title"]


def test_the_whole_librarys_map_shows_a_study_published_since_it_was_drawn(client, html):
    from explainer.evidence.models import StudyPage

    first_row = html(client.get("/en/evidence/")).select_one(".map-row__name")
    study = StudyPage.objects.get(slug=first_row["href"].rstrip("/").rsplit("/", 1)[-1])
    study.title_en = "A retitled study"
    study.save_revision().publish()
    assert html(client.get("/en/evidence/?page=2")).select_one(".map-row__name").get_text() == "A retitled study"


def test_an_element_left_unlinked_ends_at_its_own_closing_tag_however_deep():
    html = "<figure data-no-glossary><figure>腹水</figure><svg><rect/></svg>腹水</figure><p>腹水</p>"
    linked = link_terms(html, "zh-hans", "/zh-hans/glossary/")
    unlinked = "<figure data-no-glossary><figure>腹水</figure><svg><rect/></svg>腹水</figure>"
    assert linked.startswith(unlinked + '<p><a class="term" href="/zh-hans/glossary/#ascites"')
    assert linked.count('class="term"') == 1
