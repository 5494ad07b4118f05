"""What a reader does: switch language, check a text, look up a word, print a page."""

import re


def test_language_switch_keeps_the_reader_on_the_same_page(page, site_url):
    page.goto(f"{site_url}/en/about-cirrhosis/causes/")
    page.click("nav.language-switch >> text=中文")
    page.wait_for_url(f"{site_url}/zh-hans/about-cirrhosis/causes/")
    assert page.inner_text("h1") == "肝硬化的病因"
    assert page.get_attribute("html", "lang") == "zh-Hans"
    page.click("nav.language-switch >> text=English")
    page.wait_for_url(f"{site_url}/en/about-cirrhosis/causes/")
    assert page.console_problems == []


ADVERT = "逆转肝硬化！干细胞治疗安全无副作用，名额有限，立即咨询！"


def test_checker_works_without_javascript(page_without_js, site_url):
    page = page_without_js
    page.goto(f"{site_url}/zh-hans/check/")
    page.fill("textarea[name=text]", ADVERT)
    page.click("form[data-claim-check-form] button")
    page.wait_for_selector(".checked-text mark.claim")
    assert page.locator(".checked-text mark.claim").count() >= 3
    assert page.input_value("textarea[name=text]") == ADVERT
    assert "逆转肝硬化" in page.inner_text(".claim-notes")


def test_checker_with_javascript_shows_the_result_without_reloading(page, site_url):
    page.goto(f"{site_url}/zh-hans/check/")
    page.evaluate("window.stillTheSamePage = true")
    page.fill("textarea[name=text]", ADVERT)
    page.click("form[data-claim-check-form] button")
    page.wait_for_selector(".checked-text mark.claim")
    assert page.evaluate("window.stillTheSamePage") is True
    assert page.evaluate("document.activeElement.id") == "check-results"
    assert page.locator(".claim-notes > li").count() >= 3
    assert page.console_problems == []


def test_glossary_term_reveals_its_definition(page, site_url):
    page.goto(f"{site_url}/en/about-cirrhosis/symptoms-and-complications/")
    term = page.locator("div.content a.term").first
    slug = term.get_attribute("href").split("#")[1]
    term.click()
    definition = page.locator(".term-definition")
    definition.wait_for()
    assert definition.inner_text().strip() and page.url.endswith("/symptoms-and-complications/")
    assert term.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Escape")
    assert page.locator(".term-definition").count() == 0
    assert slug


def test_glossary_term_links_to_the_glossary_without_javascript(page_without_js, site_url):
    page = page_without_js
    page.goto(f"{site_url}/zh-hans/about-cirrhosis/symptoms-and-complications/")
    term = page.locator("div.content a.term").first
    href = term.get_attribute("href")
    term.click()
    page.wait_for_url(re.compile(re.escape(href) + "$"))
    assert page.locator(f"#{href.split('#')[1]}").is_visible()


def test_print_view_fits_two_a4_pages_with_a_qr_code(page, site_url):
    page.goto(f"{site_url}/en/stem-cells/what-the-trials-show/")
    page.click("a.share__print")
    page.wait_for_url(f"{site_url}/en/stem-cells/what-the-trials-show/print/")
    assert page.locator("svg.qr-code").is_visible()
    assert page.locator("nav").count() == 0
    pdf = page.pdf(format="A4", print_background=True)
    assert 1 <= len(re.findall(rb"/Type\s*/Page[^s]", pdf)) <= 2


def test_the_normal_page_prints_without_navigation(page, site_url):
    page.goto(f"{site_url}/en/about-cirrhosis/causes/")
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    assert page.locator("h1").is_visible()
