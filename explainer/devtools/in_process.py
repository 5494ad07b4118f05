"""Query counts per page and the claim matcher's speed, measured inside Django with the production settings.

`benchsite` runs this as `python -m explainer.devtools.in_process` in a subprocess, on a copy of its throwaway
database (it adds pages), and reads the one JSON line after RESULT_MARKER that it prints.
"""

import json
import os
import statistics
import sys
import time

RESULT_MARKER = "benchsite-in-process "
# Set by benchsite for this subprocess: it may add pages only to this database.
THROWAWAY_DATABASE_ENV = "BENCHSITE_THROWAWAY_DATABASE_URL"
QUERY_COUNT_PAGES = {
    "topic page": "/en/about-cirrhosis/what-is-cirrhosis/",
    "study page": "/en/evidence/qin-2025/",
    "evidence index": "/en/evidence/",
}
STUDY_COPIES = 9  # ten times the studies
RENDER_REPEAT = 5


class MeasurementError(Exception):
    pass


def measure():
    """Count queries per page before and after adding studies, and time the claim matcher."""
    from django.db import connection

    from explainer.evidence.models import StudyPage

    figures = {"queries": {}, "claims": time_claim_matcher()}
    figures["studies_before"] = StudyPage.objects.live().count()
    figures["queries"]["before"] = count_queries()
    started = time.perf_counter()
    add_study_copies()
    figures["copy_seconds"] = time.perf_counter() - started
    figures["studies_after"] = StudyPage.objects.live().count()
    figures["queries"]["after"] = count_queries()
    connection.close()
    return figures


def count_queries():
    """Queries for each page: with an empty cache, re-rendered with warm helper caches, and repeated.

    "render" asks for the page again after removing it from the page cache: the page is rendered again while
    the other caches (glossary, claim patterns, menu) stay warm, as for a page not asked for since a publish; its
    time is the median of RENDER_REPEAT such renders. "routing_ms" is the part of it spent finding the site and
    reading the page that answers the address, timed on its own.
    """
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client, RequestFactory
    from django.test.utils import CaptureQueriesContext

    from explainer.core.page_cache import cache_key

    client = Client(HTTP_HOST="localhost", HTTP_X_FORWARDED_PROTO="https")

    def queries(path):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        if response.status_code != 200:
            raise MeasurementError(f"GET {path} answered {response.status_code} in the test client.")
        return len(captured.captured_queries)

    counts = {}
    for label, path in QUERY_COUNT_PAGES.items():
        cache.clear()
        empty_cache = queries(path)
        key = cache_key(RequestFactory().get(path, HTTP_HOST="localhost", HTTP_X_FORWARDED_PROTO="https"))
        renders = []
        for _ in range(RENDER_REPEAT):  # the median: one render on a busy machine says little
            cache.delete(key)
            started = time.perf_counter()
            render = queries(path)
            renders.append((time.perf_counter() - started) * 1000)
        counts[label] = {
            "empty_cache": empty_cache,
            "render": render,
            "render_ms": statistics.median(renders),
            "routing_ms": routing_milliseconds(path),
            "repeat": queries(path),
        }
    return counts


def routing_milliseconds(path):
    """The median time a request takes to find the site and read the page that answers PATH, before anything is
    rendered: SiteMiddleware, then Wagtail's routing."""
    from django.test import RequestFactory
    from django.urls import resolve
    from django.utils import translation
    from wagtail.models import Page

    from explainer.core.routing import SiteMiddleware

    timings = []
    with translation.override(translation.get_language_from_path(path)):
        page_path = resolve(path).args[0]
        find_page = SiteMiddleware(lambda request: Page.route_for_request(request, page_path))
        for _ in range(RENDER_REPEAT):
            request = RequestFactory().get(path, HTTP_HOST="localhost", HTTP_X_FORWARDED_PROTO="https")
            started = time.perf_counter()
            if find_page(request) is None:
                raise MeasurementError(f"{path} names no page.")
            timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def add_study_copies():
    """Nine published copies of every study, with their groups, outcomes and sources, under the evidence index."""
    from django.db import transaction

    from explainer.evidence.models import EvidenceIndexPage, StudyPage

    index = EvidenceIndexPage.objects.get()
    studies = list(StudyPage.objects.child_of(index).live())
    with transaction.atomic():
        for number in range(1, STUDY_COPIES + 1):
            for study in studies:
                copy = study.copy(
                    to=index,
                    update_attrs={
                        "slug": f"{study.slug}-copy-{number}",
                        "title_en": f"{study.title_en} (copy {number})",
                        "title_zh_hans": f"{study.title_zh_hans or study.title_en}（副本 {number}）",
                    },
                    copy_revisions=False,
                    keep_live=False,
                )
                copy.save_revision().publish()


def time_claim_matcher(repeat=15):
    from explainer.caution.evaluation import load_items, median_seconds, sample_text
    from explainer.caution.service import check_text, current_detector

    matcher = current_detector().matcher
    text = sample_text(load_items(), 20_000)
    return {
        "families": len(matcher.families),
        "patterns": sum(len(family.patterns) for family in matcher.families),
        "milliseconds": median_seconds(lambda: check_text(text), repeat) * 1000,
        "repeat": repeat,
        "flags": len(check_text(text)["flags"]),
    }


def main():
    database_url = os.environ.get(THROWAWAY_DATABASE_ENV)
    if not database_url or database_url != os.environ.get("DATABASE_URL"):
        sys.exit(
            "This measurement adds pages, so it runs only on the throwaway database that benchsite names "
            f"in {THROWAWAY_DATABASE_ENV} (and DATABASE_URL)."
        )
    import django

    django.setup()
    try:
        figures = measure()
    except MeasurementError as error:
        sys.exit(str(error))
    print(RESULT_MARKER + json.dumps(figures))


if __name__ == "__main__":
    main()
