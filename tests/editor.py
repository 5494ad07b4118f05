"""The page editor's form as the browser posts it, for tests that save, submit or approve through the admin."""

from django.contrib.admin.utils import quote
from django.test import Client
from django.urls import reverse
from wagtail.models import Page


def page_form(**fields):
    """What every page's editor posts besides its own fields (left empty), then the given fields."""
    return {
        "seo_title_en": "",
        "seo_title_zh_hans": "",
        "search_description_en": "",
        "search_description_zh_hans": "",
        "quoted_claims": "",
        "review_interval_months": "12",
        "sources-count": "0",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
        **fields,
    }


def topic_page_form(page, body, **changes):
    """A topic page's fields as they stand, the body's form data given (wagtail.test.utils.form_data), then changes:
    other field values and the button pressed ("action-publish", "action-submit"…)."""
    latest = page.latest_revision
    fields = {
        "title_en": page.title_en,
        "title_zh_hans": page.title_zh_hans,
        "slug": page.slug,
        "summary_en": page.summary_en,
        "summary_zh_hans": page.summary_zh_hans,
        "key_points_en": page.key_points_en or "",
        "key_points_zh_hans": page.key_points_zh_hans or "",
        "loaded_revision_id": str(latest.pk),
        "loaded_revision_created_at": latest.created_at.isoformat(),
    }
    return page_form(**{**fields, **body, **changes})


def submit(reviewed, editor, **changes):
    """Save the changes to a page or a snippet as a revision and start its review workflow, as the editor; returns the
    workflow's state, for approve()."""
    for name, value in changes.items():
        setattr(reviewed, name, value)
    reviewed.save_revision(user=editor)
    return reviewed.get_workflow().start(reviewed, editor)


def approve(workflow_state, reviewer):
    """Approve the current review task of a page or a snippet as a reviewer does: the admin's workflow action, posted."""
    task_state = workflow_state.current_task_state
    reviewed = workflow_state.content_object
    if isinstance(reviewed, Page):
        url_name = "wagtailadmin_pages:workflow_action"
    else:
        url_name = reviewed.snippet_viewset.get_url_name("workflow_action")
    client = Client()
    client.force_login(reviewer)
    address = reverse(url_name, args=(quote(reviewed.pk), "approve", task_state.pk))
    response = client.post(address, {"comment": ""})
    assert response.status_code == 302, response.content[:500]
    task_state.refresh_from_db()
    assert task_state.status == "approved"
