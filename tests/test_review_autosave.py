"""Approving through the admin: from the dashboard and in the editor, with the autosave that may post the form again."""

import pytest

from explainer.review.models import PageReview
from explainer.topics.models import TopicPage
from tests.editor import submit, topic_page_form

pytestmark = pytest.mark.django_db

# The editor's "Approve" button, as the browser posts it.
APPROVE = {"action-workflow-action": "true", "workflow-action-name": "approve"}


def test_approving_from_the_dashboard_confirms_it_and_leaves_nothing_unpublished(editor, reviewer, client):
    page = TopicPage.objects.get(slug="causes")
    state = submit(page, editor, title_en="Causes of cirrhosis (checked)")
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(reviewer)
    profile.preferred_language = "en"  # the admin's language is otherwise the browser's
    profile.save()
    client.force_login(reviewer)
    task_state = state.current_task_state
    response = client.post(
        f"/admin/pages/workflow/action/{page.id}/approve/{task_state.id}/", {"next": "/admin/"}, follow=True
    )
    text = response.content.decode()
    review = PageReview.objects.get(page=page)
    assert "Approved: “Causes of cirrhosis (checked)” is live." in text
    assert "the next is due" in text and str(review.next_review_due.year) in text
    page.refresh_from_db()
    assert page.live and not page.has_unpublished_changes and page.title_en == "Causes of cirrhosis (checked)"


@pytest.fixture
def page_in_review(editor, monkeypatch):
    """A topic page an editor changed and submitted in the editor, and the body's form data as the editor (and a
    reviewer opening it) posts it. The caution layer's checks on saving and approving are not what these tests are
    about and take seconds, so they find nothing here."""
    from django.test import Client
    from wagtail.test.utils.form_data import nested_form_data, rich_text

    monkeypatch.setattr("explainer.caution.wagtail_hooks.blocking_claims", lambda page: [])
    body = nested_form_data(
        {
            field: {
                "count": "1",
                "0": {
                    "type": "paragraph",
                    "value": rich_text(text),
                    "deleted": "",
                    "order": "0",
                    "id": f"{field}-paragraph",
                },
            }
            for field, text in [
                ("body_en", "<p>Heavy drinking and hepatitis B are common causes.</p>"),
                ("body_zh_hans", "<p>常见的原因有长期喝酒和乙肝。</p>"),
            ]
        }
    )
    page = TopicPage.objects.get(slug="causes")
    client = Client()
    client.force_login(editor)
    form = topic_page_form(page, body, title_en="Causes of cirrhosis (checked)", **{"action-submit": "true"})
    assert client.post(f"/admin/pages/{page.pk}/edit/", form).status_code == 302
    page = TopicPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert page.title_en == "Causes of cirrhosis (checked)" and page.current_workflow_task is not None
    return page, body


def test_approve_and_publish_in_the_editor_leaves_no_draft_when_autosave_posts_the_form_again(
    page_in_review, reviewer, client
):
    """ux review #29: clicking "Approve and publish" adds the action's hidden inputs to the form, autosave took them
    for an edit and posted the form again while the approval was processed: an identical revision after the one
    published, and the page "live + draft"."""
    page, body = page_in_review
    revisions = page.revisions.count()
    client.force_login(reviewer)
    form = topic_page_form(page, body, **APPROVE)
    response = client.post(f"/admin/pages/{page.pk}/edit/", form)
    assert response.status_code == 302
    page = TopicPage.objects.get(pk=page.pk)
    assert page.revisions.count() == revisions  # the reviewer changed nothing: the submitted revision is published
    assert page.live and page.title_en == "Causes of cirrhosis (checked)"
    assert not page.has_unpublished_changes and page.live_revision_id == page.latest_revision_id

    autosave = client.post(f"/admin/pages/{page.pk}/edit/", form, HTTP_ACCEPT="application/json")

    assert autosave.json()["success"] is False and autosave.json()["error_code"] == "invalid_revision"
    page = TopicPage.objects.get(pk=page.pk)
    assert page.revisions.count() == revisions
    assert not page.has_unpublished_changes and page.live_revision_id == page.latest_revision_id
    assert PageReview.objects.filter(page=page).count() == 1


def test_an_autosave_that_arrives_before_the_approval_neither_approves_nor_saves(page_in_review, reviewer, client):
    page, body = page_in_review
    revisions = page.revisions.count()
    client.force_login(reviewer)
    autosave = client.post(
        f"/admin/pages/{page.pk}/edit/", topic_page_form(page, body, **APPROVE), HTTP_ACCEPT="application/json"
    )
    assert autosave.status_code == 409 and autosave.json()["error_code"] == "invalid_revision"
    page = TopicPage.objects.get(pk=page.pk)
    assert page.revisions.count() == revisions and page.title_en == "Causes of cirrhosis"
    assert page.current_workflow_task is not None and not PageReview.objects.filter(page=page).exists()


def test_the_glossary_editor_refuses_the_same_autosave(reviewer, client):
    from explainer.glossary.models import GlossaryTerm

    term = GlossaryTerm.objects.get(slug="ascites")
    revisions = term.revisions.count()
    client.force_login(reviewer)
    autosave = client.post(
        f"/admin/snippets/glossary/glossaryterm/edit/{term.pk}/",
        {"term_en": term.term_en, **APPROVE},
        HTTP_ACCEPT="application/json",
    )
    assert autosave.status_code == 409 and autosave.json()["error_code"] == "invalid_revision"
    assert GlossaryTerm.objects.get(pk=term.pk).revisions.count() == revisions


def test_an_ordinary_autosave_still_saves_a_draft(page_in_review, reviewer, client):
    page, body = page_in_review
    revisions = page.revisions.count()
    client.force_login(reviewer)
    form = topic_page_form(page, body, summary_en=page.summary_en + " Autosaved.")
    autosave = client.post(f"/admin/pages/{page.pk}/edit/", form, HTTP_ACCEPT="application/json")
    assert autosave.json()["success"] is True
    page = TopicPage.objects.get(pk=page.pk)
    assert page.revisions.count() == revisions + 1
    assert page.get_latest_revision_as_object().summary_en.endswith(" Autosaved.")


def test_the_editor_loads_the_script_that_stops_autosave_once_the_form_is_sent(reviewer, client):
    from django.conf import settings

    client.force_login(reviewer)
    page = TopicPage.objects.get(slug="causes")
    html = client.get(f"/admin/pages/{page.id}/edit/").content.decode()
    assert "js/admin-autosave.js" in html
    script = (settings.SITE_DIR / "static" / "js" / "admin-autosave.js").read_text()
    assert 'setAttribute("data-w-autosave-active-value"' in script and '.on("submit"' in script
