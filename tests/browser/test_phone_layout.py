"""The layout a reader meets on a 390×844 phone and on a desktop: the title on the first screen, a menu button that
works without JavaScript, a menu aligned with the content, the remembered language, and the handout on screen and
on A4."""

import re

import pytest

PAGE_TYPES = [
    "/{language}/",
    "/{language}/about-cirrhosis/",
    "/{language}/about-cirrhosis/what-is-cirrhosis/",
    "/{language}/evidence/",
    "/{language}/evidence/qin-2025/",
    "/{language}/glossary/",
    "/{language}/check/",
    "/{language}/check/example-reverse-cirrhosis/",
    "/{language}/no-such-page/",
]


def pdf_sheets(pdf):
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_every_page_type_starts_its_title_in_the_top_third_of_a_phone_screen(page, site_url, language):
    for path in PAGE_TYPES:
        response = page.goto(site_url + path.format(language=language))
        title = page.locator("main h1").first.bounding_box()
        assert title["y"] <= 280, (path, title["y"])  # the top third of an 844 px screen
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, path
        if response.status == 404:  # the browser reports the page's own status; nothing else may fail
            assert page.console_problems == [
                "Failed to load resource: the server responded with a status of 404 (Not Found)"
            ]
            page.console_problems.clear()
    assert page.console_problems == []


def test_the_menu_button_opens_the_menu_without_javascript(page_without_js, site_url):
    page = page_without_js
    page.goto(f"{site_url}/zh-hans/about-cirrhosis/what-is-cirrhosis/")
    menu_link = page.locator("nav.main-menu a", has_text="证据库")
    assert not menu_link.is_visible()
    assert not page.locator("#site-search-q").is_visible()
    page.click("summary.site-nav__toggle")
    assert menu_link.is_visible() and page.locator("#site-search-q").is_visible()
    menu_link.click()
    page.wait_for_url(f"{site_url}/zh-hans/evidence/")


def test_the_menu_button_works_with_javascript_and_escape_closes_it(page, site_url):
    page.goto(f"{site_url}/en/about-cirrhosis/")
    page.click("summary.site-nav__toggle")
    assert page.locator("nav.main-menu a", has_text="Glossary").is_visible()
    page.keyboard.press("Escape")
    assert not page.locator("nav.main-menu a", has_text="Glossary").is_visible()
    assert page.evaluate("document.activeElement.classList.contains('site-nav__toggle')")
    assert page.console_problems == []


@pytest.mark.parametrize("java_script_enabled", [True, False])
def test_on_a_desktop_the_menu_is_open_and_lines_up_with_the_name_and_the_content(
    browser, site_url, java_script_enabled
):
    context = browser.new_context(
        locale="en-GB", viewport={"width": 1280, "height": 800}, java_script_enabled=java_script_enabled
    )
    page = context.new_page()
    try:
        page.goto(f"{site_url}/en/about-cirrhosis/what-is-cirrhosis/")
        assert not page.locator("summary.site-nav__toggle").is_visible()
        first_link = page.locator("nav.main-menu a").first
        assert first_link.is_visible() and page.locator("#site-search-q").is_visible()
        brand = page.locator("a.brand").bounding_box()["x"]
        assert abs(first_link.bounding_box()["x"] - brand) <= 1
        assert abs(page.locator("main h1").bounding_box()["x"] - brand) <= 1
        # The header (name, menu and search) takes two lines of links at most: the title is well up the screen.
        assert page.locator("main h1").bounding_box()["y"] < 800 / 2
    finally:
        context.close()


def test_the_chosen_language_is_remembered_for_the_home_address(page, site_url):
    page.goto(f"{site_url}/en/about-cirrhosis/causes/")
    page.click("nav.language-switch >> text=中文")
    page.wait_for_url(f"{site_url}/zh-hans/about-cirrhosis/causes/")
    page.goto(f"{site_url}/")  # the browser says en-GB; the reader chose Chinese
    page.wait_for_url(f"{site_url}/zh-hans/")
    page.click("nav.language-switch >> text=English")
    page.goto(f"{site_url}/")
    page.wait_for_url(f"{site_url}/en/")


def test_handout_on_a_phone_has_a_print_button_a_way_back_and_no_sideways_scroll(page, site_url):
    page.goto(f"{site_url}/en/evidence/cochrane-cd015173/print/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert page.locator("button.handout__print").is_visible()
    page.evaluate("() => { window.printed = 0; window.print = () => { window.printed += 1; }; }")
    page.click("button.handout__print")
    assert page.evaluate("window.printed") == 1
    page.click("a.handout__back")
    page.wait_for_url(f"{site_url}/en/evidence/cochrane-cd015173/")
    assert page.console_problems == []


def test_handout_without_javascript_hides_the_print_button(page_without_js, site_url):
    page = page_without_js
    page.goto(f"{site_url}/zh-hans/about-cirrhosis/what-is-cirrhosis/print/")
    assert not page.locator("button.handout__print").is_visible()
    assert page.locator("a.handout__back").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_the_short_link_does_not_break_inside_the_address_on_a_phone(page, site_url):
    page.goto(f"{site_url}/en/about-cirrhosis/what-is-cirrhosis/")
    link = page.locator("a.share__link")
    box = link.bounding_box()
    line_height = float(
        page.evaluate("parseFloat(getComputedStyle(document.querySelector('a.share__link')).lineHeight)")
    )
    assert box["height"] < 1.5 * line_height  # one line
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_a_study_or_topic_handout_prints_on_one_a4_sheet_with_the_code_and_its_words_on_it(page, site_url):
    page.goto(f"{site_url}/en/evidence/realistic-2018/print/")
    assert pdf_sheets(page.pdf(format="A4", print_background=True)) == 1
    # A typical topic (ux review #26: it took two sheets in English, the code alone on the second).
    page.goto(f"{site_url}/zh-hans/about-cirrhosis/what-is-cirrhosis/print/")
    assert pdf_sheets(page.pdf(format="A4", print_background=True)) == 1
    page.goto(f"{site_url}/en/about-cirrhosis/what-is-cirrhosis/print/")
    assert pdf_sheets(page.pdf(format="A4", print_background=True)) == 1
    page.emulate_media(media="print")
    # Body text 10 pt (13.3 px) or more.
    assert page.evaluate("parseFloat(getComputedStyle(document.querySelector('.handout__points li')).fontSize)") >= 13.3
    assert not page.locator(".handout__tools").is_visible()
    code = page.locator(".handout__qr svg.qr-code").bounding_box()
    words = page.locator(".handout__qr p").bounding_box()
    # Both in the header at the top of the first sheet, side by side.
    assert code["y"] + code["height"] < 300 and words["y"] + words["height"] < 300
    assert page.evaluate("parseFloat(getComputedStyle(document.querySelector('ol.handout__sources')).fontSize)") >= 13.3


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_no_accessibility_violations_on_the_not_found_page_and_with_the_menu_open(browser, site_url, language):
    from axe_playwright_python.sync_playwright import Axe

    from .test_accessibility import AXE_OPTIONS, describe

    context = browser.new_context(locale="en-GB", viewport={"width": 390, "height": 844}, bypass_csp=True)
    page = context.new_page()
    try:
        page.goto(f"{site_url}/{language}/no-such-page/")
        results = Axe().run(page, options=AXE_OPTIONS)
        assert results.violations_count == 0, describe(results)
        page.goto(f"{site_url}/{language}/about-cirrhosis/what-is-cirrhosis/")
        page.click("summary.site-nav__toggle")
        results = Axe().run(page, options=AXE_OPTIONS)
        assert results.violations_count == 0, describe(results)
    finally:
        context.close()
