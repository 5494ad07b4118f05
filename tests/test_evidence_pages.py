"""Issue 11: the evidence library a page at a time, and its map from counts, so a page costs the same however many
studies there are."""

import itertools

import pytest
from bs4 import BeautifulSoup

from explainer.evidence import choices
from explainer.evidence.labels import ALL_LABELS, evidence_label, label_expression
from explainer.evidence.listing import STUDIES_PER_PAGE
from explainer.evidence.map import MAP_ROWS, rows_per_label
from explainer.evidence.models import StudyPage
from tests.test_queries import add_copies_of_every_study

pytestmark = pytest.mark.django_db


def listed(page):
    return [link["href"] for link in page.select(".study-card h2 a")]


def in_list_order(**filters):
    studies = StudyPage.objects.live().filter(**filters).order_by("-year", "title_en", "pk")
    return [f"/en/evidence/{slug}/" for slug in studies.values_list("slug", flat=True)]


def test_the_list_is_shown_twenty_at_a_time_and_page_two_has_the_next_ones(client, html):
    everything = in_list_order()
    assert len(everything) > STUDIES_PER_PAGE == 20
    first = html(client.get("/en/evidence/"))
    second = html(client.get("/en/evidence/?page=2"))
    assert listed(first) == everything[:20] and listed(second) == everything[20:40]
    for page in (first, second):  # "N studies" counts every match, not the page's
        assert page.select_one(".result-count").get_text() == f"{len(everything)} studies"
    pager = second.select_one("nav.pager")
    assert pager["aria-label"] == "Pages of the list of studies"
    assert pager.select_one("a[rel=prev]")["href"] == "/en/evidence/#studies"
    assert pager.select_one("a[aria-current=page]").get_text() == "2"
    assert f"Page 2 of {-(-len(everything) // 20)}" in pager.get_text()
    assert first.select_one(".pager a[rel=next]")["href"] == "/en/evidence/?page=2#studies"
    assert first.select_one(".pager a[rel=prev]") is None


def test_the_pages_keep_the_filters_in_their_links(client, html):
    add_copies_of_every_study(2)
    population = "decompensated-cirrhosis"
    matching = in_list_order(population=population)
    assert len(matching) > STUDIES_PER_PAGE
    first = html(client.get(f"/en/evidence/?population={population}&utm_source=x"))
    assert first.select_one(".result-count").get_text() == f"{len(matching)} studies"
    next_link = first.select_one(".pager a[rel=next]")["href"]
    assert next_link == f"/en/evidence/?population={population}&page=2#studies"
    second = html(client.get(next_link.split("#")[0]))
    assert listed(second) == matching[20:40]
    assert second.select_one(".pager a[rel=prev]")["href"] == f"/en/evidence/?population={population}#studies"
    numbers = [a["href"] for a in second.select(".pager a[aria-label]")]
    assert numbers[0] == f"/en/evidence/?population={population}#studies"
    assert all(f"population={population}" in href for href in numbers)


@pytest.mark.parametrize("value", ["abc", "0", "-1", "1.5", "", "１", "2" * 5000])
def test_a_page_that_is_not_a_whole_number_is_the_first_page_or_a_404_never_an_error(client, value):
    response = client.get("/en/evidence/", {"page": value})
    assert response.status_code in (200, 404)
    if response.status_code == 200:
        assert listed(BeautifulSoup(response.content, "html.parser")) == in_list_order()[:20]


@pytest.mark.parametrize("language, explanation", [("en", "There is no page 9 of this list"), ("zh-hans", "第 9 页")])
def test_a_page_past_the_end_is_a_404_that_says_so_and_links_back(client, language, explanation):
    response = client.get(f"/{language}/evidence/?design=rct&page=9")
    assert response.status_code == 404
    page = BeautifulSoup(response.content, "html.parser")
    missing = page.select_one(".missing-page")
    assert explanation in missing.get_text()
    assert missing.a["href"] == f"/{language}/evidence/?design=rct#studies"  # the one page these choices give
    assert page.find("form", class_="filters") and not page.select(".study-card")
    assert "X-Page-Cache" not in response  # answered, not stored


def test_the_page_cache_keeps_each_page_of_the_list_and_nothing_unbounded(client):
    first = client.get("/en/evidence/")
    assert first["X-Page-Cache"] == "miss"
    second = client.get("/en/evidence/?page=2")
    assert second["X-Page-Cache"] == "miss" and second.content != first.content
    assert client.get("/en/evidence/?page=02&utm_source=x")["X-Page-Cache"] == "hit"
    for same_as_first in ("?page=1", "?page=abc", "?page=0"):
        response = client.get(f"/en/evidence/{same_as_first}")
        assert response["X-Page-Cache"] == "hit" and response.content == first.content
    assert "X-Page-Cache" not in client.get("/en/evidence/?page=999")  # past the end: a 404, not stored
    assert "X-Page-Cache" not in client.get("/en/evidence/?page=1000000")


def test_each_page_of_the_list_is_its_own_canonical_page_and_links_its_other_language(client, html):
    second = html(client.get("/en/evidence/?page=2"))
    assert second.find("link", rel="canonical")["href"] == "http://testserver/en/evidence/?page=2"
    alternates = {link["hreflang"]: link["href"] for link in second.find_all("link", rel="alternate")}
    assert alternates["zh-Hans"] == "http://testserver/zh-hans/evidence/?page=2"
    first = html(client.get("/en/evidence/?page=1"))
    assert first.find("link", rel="canonical")["href"] == "http://testserver/en/evidence/"
    filtered = html(client.get("/en/evidence/?design=rct"))  # a filtered view is a view of the library
    assert filtered.find("link", rel="canonical")["href"] == "http://testserver/en/evidence/"


def test_the_database_works_out_every_designs_label_as_the_site_does():
    study = StudyPage.objects.live().first()
    designs = itertools.product(
        choices.StudyType.values, (True, False), choices.Blinding.values, choices.Comparator.values
    )
    for study_type, randomised, blinding, comparator in designs:
        StudyPage.objects.filter(pk=study.pk).update(
            study_type=study_type, randomised=randomised, blinding=blinding, comparator=comparator
        )
        worked_out = StudyPage.objects.filter(pk=study.pk).annotate(slug_of_label=label_expression()).get()
        expected = evidence_label(study_type, randomised, blinding, comparator).slug
        assert worked_out.slug_of_label == expected, (study_type, randomised, blinding, comparator)


def test_rows_are_shared_among_the_labels_so_every_label_is_drawn_and_the_map_stays_the_same_size():
    today = {"not-randomised": 10, "no-comparison": 6, "randomised-open-label": 5, "randomised-placebo": 2}
    assert rows_per_label(today) == today  # 23 studies: every one drawn
    ten_times = {slug: 10 * count for slug, count in today.items()}
    assert rows_per_label(ten_times) == {
        "not-randomised": 8,
        "no-comparison": 8,
        "randomised-open-label": 7,
        "randomised-placebo": 7,
    }
    assert sum(rows_per_label({str(n): 1000 for n in range(9)}).values()) <= MAP_ROWS
    assert rows_per_label({"a": 1, "b": 500}) == {"a": 1, "b": 10}  # at most ten of one label


def test_the_map_with_many_studies_draws_the_largest_of_each_label_and_counts_the_rest(client, html):
    add_copies_of_every_study(2)
    studies = [s for s in StudyPage.objects.live().prefetch_related("arms") if not s.is_review]
    page = html(client.get("/en/evidence/"))
    figure = page.find("figure", class_="evidence-map")
    by_label = {label.slug: [s for s in studies if s.evidence_label == label] for label in ALL_LABELS}
    by_label = {slug: members for slug, members in by_label.items() if members}
    drawn = rows_per_label({slug: len(members) for slug, members in by_label.items()})
    assert f"the longest bar is {max(s.enrolled or 0 for s in studies)} people" in figure.figcaption.get_text()
    sections = figure.select(".map-group")
    assert {section["aria-labelledby"].removeprefix("map-group-") for section in sections} == set(by_label)
    assert len(figure.select(".map-row")) <= MAP_ROWS
    for section in sections:
        slug = section["aria-labelledby"].removeprefix("map-group-")
        members, rows = by_label[slug], section.select(".map-row")
        assert len(rows) == drawn[slug]
        counts = [int(row.select_one(".map-row__count").get_text().split()[0]) for row in rows]
        assert sorted(counts, reverse=True) == sorted((s.enrolled or 0 for s in members), reverse=True)[: len(rows)]
        more = section.select_one(".map-group__more")
        if len(members) > len(rows):
            assert f"The largest {len(rows)} of these {len(members)} studies are shown." in more.get_text()
            everything = html(client.get(more.a["href"].split("#")[0]))
            assert everything.select_one(".result-count").get_text() == f"{len(members)} studies"
        else:
            assert more is None


def test_the_list_of_one_label_and_its_filter_in_chinese(client, html):
    page = html(client.get("/zh-hans/evidence/?label=randomised-placebo"))
    expected = [s for s in StudyPage.objects.live() if s.evidence_label.slug == "randomised-placebo"]
    assert len(page.select(".study-card")) == len(expected) > 0
    assert page.select_one("label[for=id_label]").get_text() == "研究设计的可靠程度"
