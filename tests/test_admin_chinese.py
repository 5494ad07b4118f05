"""The Chinese admin (ux review #29, #31): the clinical review workflow by its Chinese name and Wagtail's "submitted for
moderation" as clinical review. (The menu's snippet names and wagtail-modeltranslation's labels: test_admin.py.)"""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import translation
from wagtail.models import GroupApprovalTask, Workflow
from wagtail.users.models import UserProfile

from explainer.glossary.models import GlossaryTerm
from explainer.topics.models import TopicPage

pytestmark = pytest.mark.django_db


def person(name, group=None, language=None, superuser=False):
    model = get_user_model()
    user = (
        model.objects.create_superuser(name, password="a long password 123")
        if superuser
        else model.objects.create_user(name, password="a long password 123")
    )
    if group:
        user.groups.add(Group.objects.get(name=group))
    if language:
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
    return user


def text(response):
    return BeautifulSoup(response.content.decode(), "html.parser").get_text(" ")


def term_form(term, **changes):
    return {
        "term_en": term.term_en,
        "term_zh_hans": term.term_zh_hans,
        "also_en": term.also_en,
        "also_zh_hans": term.also_zh_hans,
        "definition_en": term.definition_en,
        "definition_zh_hans": term.definition_zh_hans,
        "slug": term.slug,
        **changes,
    }


def test_a_chinese_editor_submits_to_clinical_review_in_chinese(client):
    client.force_login(person("zh-edith", "Editors", "zh-hans"))
    term = GlossaryTerm.objects.get(slug="ascites")
    url = f"/admin/snippets/glossary/glossaryterm/edit/{term.pk}/"
    page = client.get(url).content.decode()
    assert "提交给临床审核" in page and "Clinical review" not in page

    response = client.post(
        url, term_form(term, definition_zh_hans="编辑改过的说明。", **{"action-submit": "1"}), follow=True
    )
    shown = text(response)
    assert "已提交临床审核" in shown and "moderation" not in shown, shown[:3000]
    assert "Clinical review" not in response.content.decode()
    assert GlossaryTerm.objects.get(pk=term.pk).workflow_in_progress


def test_a_chinese_editor_sees_the_page_in_review_as_in_clinical_review(client):
    editor = person("zh-page-editor", "Editors", "zh-hans")
    page = TopicPage.objects.get(slug="causes")
    page.save_revision(user=editor)
    page.get_workflow().start(page, editor)
    client.force_login(editor)
    html = client.get(f"/admin/pages/{page.id}/edit/").content.decode()
    assert "临床审核" in html and "Clinical review" not in html
    dashboard = client.get("/admin/").content.decode()
    assert "临床审核" in dashboard and "Clinical review" not in dashboard


def test_the_english_admin_keeps_the_english_name(client):
    client.force_login(person("en-edith", "Editors"))
    term = GlossaryTerm.objects.get(slug="ascites")
    page = client.get(f"/admin/snippets/glossary/glossaryterm/edit/{term.pk}/").content.decode()
    assert "Submit to Clinical review" in page and "临床审核" not in page


def test_the_stored_names_stay_english_whoever_saves_them(client):
    workflow = Workflow.objects.get(name="Clinical review")
    with translation.override("zh-hans"):
        assert str(workflow.name) == "临床审核" and f"{workflow.name}" == "临床审核"
        workflow.name = str(workflow.name)  # what a form in the Chinese admin would send back
        workflow.save()
    assert Workflow.objects.filter(name="Clinical review").exists()
    task = GroupApprovalTask.objects.get(name="Clinical review")
    assert task.name == "Clinical review" and Workflow.objects.filter(workflow_tasks__task=task).exists()

    client.force_login(person("zh-admin", language="zh-hans", superuser=True))
    form = client.get(f"/admin/workflows/edit/{workflow.pk}/")
    assert "临床审核" in form.content.decode()
