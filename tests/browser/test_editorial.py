"""The editorial path in the real admin: an editor edits and submits, a clinical reviewer approves, it goes live."""

import pytest

from .conftest import PASSWORD, click_footer_action, keep_screenshot_on_failure, site_manage


def page_id(slug):
    output = site_manage(
        "shell", "-v", "0", "-c", f"from wagtail.models import Page; print(Page.objects.get(slug='{slug}').id)"
    )
    return int(output.split()[-1])


def test_edit_submit_approve_publish(page, site_url, login, secret):
    page.set_default_timeout(90_000)  # the editor renders its checks on load and save: slow on a busy machine
    target = page_id("compensated-and-decompensated")
    new_title = f"Compensated and decompensated cirrhosis ({secret})"

    login("edith")
    page.goto(f"{site_url}/admin/pages/{target}/edit/")
    assert page.locator("button[name=action-publish]").count() == 0  # editors cannot publish
    page.fill("input[name=title_en]", new_title)
    click_footer_action(page, "button[name=action-submit]")
    page.goto(f"{site_url}/en/about-cirrhosis/compensated-and-decompensated/")
    assert page.inner_text("h1") != new_title  # submitted, not live

    page.context.clear_cookies()
    login("dr-li")
    page.goto(f"{site_url}/admin/pages/{target}/edit/")
    autosaves = []
    page.on(
        "request",
        lambda request: autosaves.append(request.url)
        if request.method == "POST" and (request.headers.get("accept") == "application/json")
        else None,
    )
    click_footer_action(page, "button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])")

    page.wait_for_timeout(3000)  # long enough for an autosave to have run, if one were pending
    state = site_manage(
        "shell",
        "-v",
        "0",
        "-c",
        (
            f"from wagtail.models import Page; p = Page.objects.get(id={target}); "
            "print(p.live, p.has_unpublished_changes, p.latest_revision_id == p.live_revision_id)"
        ),
    )
    assert state.split()[-3:] == ["True", "False", "True"]  # live, not "live + draft", no revision after it
    assert autosaves == []  # the approval's hidden inputs did not set off an autosave (ux review #29)

    page.context.clear_cookies()
    page.goto(f"{site_url}/en/about-cirrhosis/compensated-and-decompensated/")
    assert page.inner_text("h1") == new_title
    record = page.inner_text(".review-record")
    assert "Dr Li Wei, Hepatologist" in record and "Next review due" in record
    page.goto(f"{site_url}/zh-hans/about-cirrhosis/compensated-and-decompensated/")
    assert "审核：Dr Li Wei（肝病科医生）" in page.inner_text(".review-record")


@pytest.fixture
def desk(browser, request, site_url):
    """A desktop-sized admin window, logged in as the site admin."""
    context = browser.new_context(locale="en-GB", viewport={"width": 1400, "height": 900})
    desk = context.new_page()
    desk.set_default_timeout(30_000)
    desk.set_default_navigation_timeout(90_000)  # the editor renders its checks on load: slow on a busy machine
    desk.console_problems = []
    desk.on("console", lambda message: desk.console_problems.append(message.text) if message.type == "error" else None)
    desk.goto(f"{site_url}/admin/login/")
    desk.fill("input[name=username]", "admin")
    desk.fill("input[name=password]", PASSWORD)
    desk.click("button[type=submit]")
    desk.wait_for_url(f"{site_url}/admin/")
    yield desk
    keep_screenshot_on_failure(request, desk)
    context.close()


def preview_heading(desk):
    frame = desk.frame_locator("iframe.w-preview__iframe").last
    return frame.locator("h1").first.inner_text(timeout=60_000)


def test_the_live_preview_shows_each_language_inside_the_editor(desk, site_url):
    target = page_id("causes")
    desk.goto(f"{site_url}/admin/pages/{target}/edit/")
    desk.click("button[data-side-panel-toggle=preview]")
    assert preview_heading(desk) == "Causes of cirrhosis"
    desk.select_option("#id_preview_mode", "zh-hans")
    desk.wait_for_timeout(1500)
    assert preview_heading(desk) == "肝硬化的病因"
    assert not [
        problem for problem in desk.console_problems if "frame-ancestors" in problem or "X-Frame-Options" in problem
    ]


def test_both_languages_stay_in_view_after_a_save_and_copying_asks_first(desk, site_url, secret):
    target = page_id("eating-well")
    desk.goto(f"{site_url}/admin/pages/{target}/edit/")
    assert desk.locator("[name=title_en]").is_visible() and desk.locator("[name=title_zh_hans]").is_visible()
    assert desk.locator("[name=summary_zh_hans]").is_visible()
    desk.fill("[name=summary_zh_hans]", desk.locator("[name=summary_zh_hans]").input_value() + secret)
    click_footer_action(desk, "button.action-save")
    desk.wait_for_url(f"{site_url}/admin/pages/{target}/edit/")
    assert secret in desk.locator("[name=summary_zh_hans]").input_value()
    assert desk.locator("[name=title_zh_hans]").is_visible() and desk.locator("[name=summary_zh_hans]").is_visible()

    section = desk.locator("#panel-child-content-body_en-section")
    before, count = section.inner_text(), desk.locator("input[name='body_en-count']").input_value()
    assert "Copy content from:" in section.locator(".translation-field-copy-wrapper").inner_text()
    copy = desk.locator("button.translation-field-copy[current-lang-code=body_en]")
    assert copy.inner_text() == "Simplified Chinese"
    questions = []

    def refuse(dialog):
        questions.append(dialog.message)
        dialog.dismiss()

    desk.once("dialog", refuse)
    copy.click()
    desk.wait_for_timeout(1500)
    assert questions == ["This field already has English text. Replace it with a copy of the Simplified Chinese text?"]
    assert desk.locator("input[name='body_en-count']").input_value() == count
    assert section.inner_text() == before


def test_the_language_toggles_name_the_languages_and_still_work(desk, site_url):
    target = page_id("eating-well")
    desk.goto(f"{site_url}/admin/pages/{target}/edit/")
    toggles = desk.locator(".locale-picker button.locale-toggle")
    shown = toggles.evaluate_all("""buttons => buttons.map(button => [
        getComputedStyle(button, "::after").content, getComputedStyle(button).fontSize,
        button.getAttribute("aria-label"), button.getAttribute("aria-pressed")])""")
    assert shown == [
        ['"English"', "0px", "English", "true"],
        ['"Simplified Chinese"', "0px", "Simplified Chinese", "true"],
    ]
    assert [box["width"] > 40 for box in (toggles.nth(0).bounding_box(), toggles.nth(1).bounding_box())] == [True, True]
    # The package reads the language code back from the button's text: it must still be there.
    assert desk.evaluate("jQuery('.showing-locale').map(function () { return jQuery(this).text(); }).get()") == [
        "en",
        "zh-hans",
    ]
    toggles.nth(1).click()
    assert not desk.locator("[name=title_zh_hans]").is_visible() and desk.locator("[name=title_en]").is_visible()
    assert toggles.nth(1).get_attribute("aria-pressed") == "false"
    toggles.nth(1).click()
    assert desk.locator("[name=title_zh_hans]").is_visible()
