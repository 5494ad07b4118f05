"""The editorial path in the real admin: an editor edits and submits, a clinical reviewer approves, it goes live."""

from .conftest import click_footer_action, site_manage


def page_id(slug):
    output = site_manage("shell", "-v", "0", "-c", f"from wagtail.models import Page; print(Page.objects.get(slug='{slug}').id)")
    return int(output.split()[-1])


def test_edit_submit_approve_publish(page, site_url, login, secret):
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
    click_footer_action(page, "button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])")

    page.context.clear_cookies()
    page.goto(f"{site_url}/en/about-cirrhosis/compensated-and-decompensated/")
    assert page.inner_text("h1") == new_title
    record = page.inner_text(".review-record")
    assert "Dr Li Wei, Hepatologist" in record and "Next review due" in record
    page.goto(f"{site_url}/zh-hans/about-cirrhosis/compensated-and-decompensated/")
    assert "审核：Dr Li Wei（肝病科医生）" in page.inner_text(".review-record")
