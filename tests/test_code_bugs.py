"""The four bugs of issue 13, each pinned by a test that failed before its fix."""

import datetime
import sys
import time
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from explainer.caution import service
from explainer.core import pagelinks, versions
from explainer.core.page_cache import PAGE_CACHE_VERSION
from explainer.glossary import linking
from explainer.glossary.models import GlossaryTerm
from tests.editor import approve, submit

pytestmark = pytest.mark.django_db


# The glossary index keeps both languages


def test_switching_language_does_not_rebuild_the_glossary_index():
    english, chinese = linking.term_index("en"), linking.term_index("zh-hans")
    with CaptureQueriesContext(connection) as queries:
        for _switch in range(3):
            assert linking.term_index("en") is english
            assert linking.term_index("zh-hans") is chinese
    assert [query["sql"] for query in queries if "glossary" in query["sql"]] == []


def test_a_glossary_change_still_rebuilds_both_languages():
    english, chinese = linking.term_index("en"), linking.term_index("zh-hans")
    GlossaryTerm.objects.create(
        slug="tiredness",
        term_en="worn-out feeling",
        definition_en="Feeling tired.",
        term_zh_hans="浑身没劲",
        definition_zh_hans="总觉得累。",
        live=True,
    )
    linking.GLOSSARY_VERSION.bump()
    assert "worn-out feeling" in linking.term_index("en").entries and linking.term_index("en") is not english
    assert "浑身没劲" in linking.term_index("zh-hans").entries and linking.term_index("zh-hans") is not chinese


# The process-local caches under threads


def preempted_at_every_line(call, other, files):
    """call() once for each line it runs in `files`, with other() run to its end just before that line.

    That is what another gthread worker thread does when the interpreter switches threads there; doing it at every
    line in turn finds a window that a timing-based test would hit only by luck. Each call() starts from a warm cache
    (one untraced call() first). Returns what each traced call() gave.
    """
    files = {str(name) for name in files}
    results, point = [], 0
    while True:
        seen, switched = 0, False

        def local(frame, event, arg):
            nonlocal seen, switched
            if event == "line":
                if seen == point:
                    other()
                    switched = True
                seen += 1
            return local

        def tracer(frame, event, arg):
            return local if frame.f_code.co_filename in files else None

        call()
        sys.settrace(tracer)
        try:
            results.append(call())
        finally:
            sys.settrace(None)
        if not switched:
            return results
        point += 1


@pytest.fixture
def two_glossary_terms():
    """Only two live terms, so that rebuilding the index at every line stays quick."""
    GlossaryTerm.objects.exclude(slug__in=["ascites", "cirrhosis"]).update(live=False)
    linking.GLOSSARY_VERSION.bump()


def test_the_glossary_index_survives_a_rebuild_for_the_other_language_at_any_moment(two_glossary_terms):
    def other_thread():
        linking.GLOSSARY_VERSION.bump()  # a term was published: the version moves on
        linking.term_index("zh-hans")

    files = [linking.__file__, versions.__file__]
    indexes = preempted_at_every_line(lambda: linking.term_index("en"), other_thread, files)
    assert len(indexes) > 3 and all("ascites" in index.entries for index in indexes)


def test_page_ids_survive_a_publish_in_another_thread_at_any_moment():
    expected = pagelinks.page_id_for_slug("causes")

    def other_thread():
        PAGE_CACHE_VERSION.bump()
        pagelinks.cached_page_id_for_slug("liver-transplant")

    ids = preempted_at_every_line(
        lambda: pagelinks.cached_page_id_for_slug("causes"), other_thread, [pagelinks.__file__, versions.__file__]
    )
    assert len(ids) > 3 and set(ids) == {expected}


def test_the_claim_detector_survives_a_rebuild_in_another_thread_at_any_moment():
    def other_thread():
        service.PATTERNS_VERSION.bump()
        service.current_detector()

    detectors = preempted_at_every_line(service.current_detector, other_thread, [service.__file__, versions.__file__])
    assert len(detectors) > 3 and all(detector is not None for detector in detectors)
    assert all(detector.find("Stem cells cure cirrhosis.", "en")[1] for detector in detectors)


# Headers on pages answered from the page cache


def test_a_page_from_the_cache_has_the_same_security_headers_as_a_fresh_one(client):
    fresh = client.get("/en/about-cirrhosis/causes/")
    cached = client.get("/en/about-cirrhosis/causes/")
    assert (fresh["X-Page-Cache"], cached["X-Page-Cache"]) == ("miss", "hit")
    assert cached["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in cached["Content-Security-Policy"]
    for name in [
        "X-Frame-Options",
        "Content-Security-Policy",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "Cross-Origin-Opener-Policy",
        "Content-Language",
        "Content-Type",
    ]:
        assert cached.get(name) == fresh.get(name), name


# Review dates follow TIME_ZONE, not the server's clock


@pytest.fixture
def server_clock_on_another_day(monkeypatch):
    """The process's local time zone set to one where today is not today in TIME_ZONE; gives TIME_ZONE's today."""
    site_today = datetime.datetime.now(ZoneInfo(settings.TIME_ZONE)).date()
    zones = ("Etc/GMT+12", "Etc/GMT-14")  # 20 hours behind and 6 ahead of Shanghai: one of them is on another day
    zone = next(zone for zone in zones if datetime.datetime.now(ZoneInfo(zone)).date() != site_today)
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    assert datetime.date.today() != site_today
    yield site_today
    monkeypatch.undo()
    time.tzset()


def test_an_approval_is_dated_in_the_sites_time_zone(server_clock_on_another_day, django_user_model):
    from django.contrib.auth.models import Group

    from explainer.review.models import ClinicalReviewer, PageReview
    from explainer.topics.models import TopicPage

    editor = django_user_model.objects.create_user("edith", password="a long password 123")
    editor.groups.add(Group.objects.get(name="Editors"))
    reviewer = django_user_model.objects.create_user("dr-li", password="a long password 123")
    reviewer.groups.add(Group.objects.get(name="Clinical reviewers"))
    ClinicalReviewer.objects.create(user=reviewer, name="Dr Li Wei", role_en="Consultant hepatologist")
    page = TopicPage.objects.get(slug="causes")
    approve(submit(page, editor), reviewer)

    review = PageReview.objects.get(page=page)
    assert review.reviewed_on == server_clock_on_another_day


def test_overdue_and_due_reviews_count_days_in_the_sites_time_zone(server_clock_on_another_day):
    from explainer.review.models import PageReview
    from explainer.review.reports import reviews_due
    from explainer.topics.models import TopicPage

    today = server_clock_on_another_day
    page = TopicPage.objects.get(slug="causes")
    long_ago = datetime.date(2020, 1, 1)
    due_yesterday = PageReview.objects.create(
        page=page, reviewer_name="Dr Li Wei", reviewed_on=long_ago, next_review_due=today - datetime.timedelta(days=1)
    )
    due_today = PageReview(page=page, reviewer_name="Dr Li Wei", reviewed_on=long_ago, next_review_due=today)
    assert due_yesterday.is_overdue and not due_today.is_overdue
    assert [review.pk for _name, reviews in reviews_due() for review in reviews if review.page_id == page.pk] == [
        due_yesterday.pk
    ]
