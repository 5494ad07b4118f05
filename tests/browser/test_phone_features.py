"""Readers' features on a 390 px phone: the evidence map, search, the glossary index and the checker."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from .test_accessibility import AXE_OPTIONS, describe

PHONE_WIDTH, PHONE_HEIGHT = 390, 844

OVERFLOW = """(selector) => [...document.querySelectorAll(selector)].filter(e => {
    const box = e.getBoundingClientRect();
    return box.width > 0 && (box.left < 0 || box.right > document.documentElement.clientWidth + 0.5
                             || e.scrollWidth > e.clientWidth + 1);
}).map(e => e.className + ': ' + e.textContent.trim().slice(0, 40))"""


def page_scrolls_sideways(page):
    return page.evaluate("() => document.documentElement.scrollWidth > document.documentElement.clientWidth")


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_the_evidence_map_fits_a_phone_with_nothing_cut(page, site_url, language):
    page.goto(f"{site_url}/{language}/evidence/")
    assert page.viewport_size["width"] == PHONE_WIDTH
    assert not page_scrolls_sideways(page)
    rows = page.locator(".map-row")
    assert rows.count() >= 10
    for selector in [
        ".map-group__label",
        ".map-row__name",
        ".map-row__count",
        ".map-bar",
        ".map-outcome",
        ".outcome-key li",
    ]:
        assert page.locator(selector).count(), selector
        assert page.evaluate(OVERFLOW, selector) == [], selector
    # Text stays readable: no label in the map smaller than 14 px.
    smallest = page.evaluate("""() => Math.min(...[...document.querySelectorAll(
        '.evidence-map .map-row__name, .evidence-map .map-row__count, .evidence-map .map-group__label')]
        .map(e => parseFloat(getComputedStyle(e).fontSize)))""")
    assert smallest >= 14
    # The largest study's bar fills its track; a smaller one is shorter, in proportion.
    widths = page.evaluate("""() => [...document.querySelectorAll('.map-row')].map(row => [
        parseInt(row.querySelector('.map-row__count').textContent), row.querySelector('.map-bar rect').getBoundingClientRect().width,
        row.querySelector('.map-bar').getBoundingClientRect().width])""")
    largest = max(people for people, _bar, _track in widths)
    for people, bar, track in widths:
        assert bar == pytest.approx(track * max(people / largest, 0.01), abs=1.5)


def test_the_checkers_text_box_starts_on_the_first_screen(page, site_url):
    for language in ["en", "zh-hans"]:
        page.goto(f"{site_url}/{language}/check/")
        top = page.locator("textarea[name=text]").bounding_box()["y"]
        assert top < PHONE_HEIGHT, (language, top)
        assert not page_scrolls_sideways(page)


def test_the_glossary_letter_index_jumps_to_a_letter_and_back(page, site_url):
    page.goto(f"{site_url}/zh-hans/glossary/")
    assert not page_scrolls_sideways(page)
    page.locator("#glossary-index a", has_text="Y").click()
    assert page.url.endswith("#letter-Y")
    heading = page.locator("#letter-Y")
    assert -2 <= heading.bounding_box()["y"] < PHONE_HEIGHT
    page.locator("#letter-Y").locator("xpath=..").locator(".back-to-top a").click()
    assert abs(page.locator("main").bounding_box()["y"]) < 2  # the page's content from its start
    assert 0 <= page.locator("#glossary-index").bounding_box()["y"] < PHONE_HEIGHT  # with the letters in view


def test_search_on_a_phone_forgives_a_misspelling_and_offers_a_way_on(page, site_url):
    page.goto(f"{site_url}/en/search/?q=asites")
    assert "ascites" in page.locator(".search-correction").inner_text()
    # Either page that explains ascites may rank first, as their wording changes.
    assert page.locator(".search-results h2 a").first.inner_text() in (
        "Symptoms and complications",
        "Managing complications",
    )
    assert not page_scrolls_sideways(page)
    page.goto(f"{site_url}/zh-hans/search/?q=zzqqxx")
    offers = page.locator(".search-offers a")
    assert offers.count() >= 4
    assert not page_scrolls_sideways(page)


@pytest.fixture
def axe_page(browser):
    context = browser.new_context(
        locale="en-GB", viewport={"width": PHONE_WIDTH, "height": PHONE_HEIGHT}, bypass_csp=True
    )
    yield context.new_page()
    context.close()


@pytest.mark.parametrize(
    "path",
    [
        "/en/evidence/",
        "/zh-hans/evidence/",
        "/zh-hans/glossary/",
        "/en/search/?q=asites",
        "/zh-hans/search/?q=zzqqxx",
        "/en/check/example-reverse-cirrhosis/",
        "/zh-hans/check/example-immense-potential/",
        "/zh-hans/check/",
    ],
)
def test_no_accessibility_violations_on_a_phone(axe_page, site_url, path):
    axe_page.goto(site_url + path)
    results = Axe().run(axe_page, options=AXE_OPTIONS)
    assert results.violations_count == 0, describe(results)
