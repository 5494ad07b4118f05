"""axe-core on every page type in both languages, and a keyboard-only walk through the claim checker."""

import pytest
from axe_playwright_python.sync_playwright import Axe

PAGES = [
    "/{language}/",
    "/{language}/about-cirrhosis/",
    "/{language}/about-cirrhosis/symptoms-and-complications/",
    "/{language}/about-cirrhosis/tests-and-scores/",
    "/{language}/evidence/",
    "/{language}/evidence/?cell_type=uc-msc",
    "/{language}/evidence/mohamadnejad-2013/",
    "/{language}/glossary/",
    "/{language}/check/",
    "/{language}/check/example-reverse-cirrhosis/",
    "/{language}/search/?q=MELD",
    "/{language}/about-cirrhosis/causes/print/",
]
# WCAG 2.2 A and AA rules (colour contrast included) and axe's best practices.
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]}
}


@pytest.fixture
def axe_page(browser, request):
    # axe is injected as a script, which the site's Content-Security-Policy would rightly refuse.
    context = browser.new_context(locale="en-GB", viewport={"width": 390, "height": 844}, bypass_csp=True)
    page = context.new_page()
    yield page
    from .conftest import keep_screenshot_on_failure

    keep_screenshot_on_failure(request, page)
    context.close()


def describe(results):
    return "\n".join(
        f"{violation['id']}: {violation['help']} — {[node['target'] for node in violation['nodes']][:3]}"
        for violation in results.response["violations"]
    )


@pytest.mark.parametrize("language", ["en", "zh-hans"])
@pytest.mark.parametrize("path", PAGES)
def test_no_accessibility_violations(axe_page, site_url, language, path):
    axe_page.goto(site_url + path.format(language=language))
    results = Axe().run(axe_page, options=AXE_OPTIONS)
    assert results.violations_count == 0, describe(results)


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_no_accessibility_violations_in_a_checked_text(axe_page, site_url, language):
    axe_page.goto(f"{site_url}/{language}/check/")
    axe_page.fill(
        "textarea[name=text]", "Stem cells reverse cirrhosis with no side effects! 干细胞逆转肝硬化，名额有限！"
    )
    axe_page.click("form[data-claim-check-form] button")
    axe_page.wait_for_selector("mark.claim")
    results = Axe().run(axe_page, options=AXE_OPTIONS)
    assert results.violations_count == 0, describe(results)


def focused(page):
    return page.evaluate(
        "() => { const e = document.activeElement; return [e.tagName.toLowerCase(), e.id || e.className || e.textContent.trim().slice(0, 30)]; }"
    )


def focus_is_visible(page):
    return page.evaluate(
        "() => { const s = getComputedStyle(document.activeElement); return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2; }"
    )


def test_keyboard_only_walk_through_the_checker(page, site_url):
    page.goto(f"{site_url}/en/check/")
    page.keyboard.press("Tab")
    assert focused(page) == ["a", "skip-link"] and focus_is_visible(page)
    page.keyboard.press("Enter")
    assert focused(page)[0] == "main"
    # From the main content, Tab reaches the text box before the button.
    for _step in range(40):
        page.keyboard.press("Tab")
        if focused(page)[0] == "textarea":
            break
    assert focused(page)[0] == "textarea" and focus_is_visible(page)
    page.keyboard.type("Our clinic's stem cells cure cirrhosis. Call our hotline today!")
    page.keyboard.press("Tab")
    assert focused(page)[0] == "button" and focus_is_visible(page)
    page.keyboard.press("Enter")
    page.wait_for_selector("mark.claim")
    assert focused(page) == ["section", "check-results"]
    page.keyboard.press("Tab")  # the summary comes first: its first kind of claim
    assert focused(page) == ["a", "check-summary__link"] and focus_is_visible(page)
    page.keyboard.press("Enter")
    assert page.url.endswith("#claim-kind-cure")
    assert page.console_problems == []


@pytest.mark.parametrize("path", ["/en/", "/zh-hans/evidence/qin-2025/", "/en/check/", "/zh-hans/glossary/"])
def test_pages_load_under_the_content_security_policy_without_violations(page, site_url, path):
    response = page.goto(site_url + path)
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "style-src 'self'" in policy and "unsafe-inline" not in policy
    page.wait_for_load_state("networkidle")
    assert page.console_problems == []
