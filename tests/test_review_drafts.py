"""What can be saved and what can be submitted for review: one language only, a study whose design contradicts itself."""

import pytest
from django.core.exceptions import ValidationError

from explainer.evidence.models import StudyPage
from tests.editor import page_form

pytestmark = pytest.mark.django_db


def section_form(**fields):
    """Form data for a section page in the admin editor (empty bodies and sources)."""
    empty = {"title_en": "", "title_zh_hans": "", "summary_en": "", "summary_zh_hans": "", "slug": "ready-check"}
    return page_form(**{**empty, "body_en-count": "0", "body_zh_hans-count": "0", **fields})


def test_a_page_in_one_language_can_be_saved_as_a_draft_but_not_submitted(client, editor):
    from wagtail.models import WorkflowState

    from explainer.topics.models import HomePage, SectionPage

    client.force_login(editor)
    home = HomePage.objects.get()
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    english_only = section_form(
        title_en="Living with cirrhosis",
        summary_en="Day-to-day help.",
        **nested_form_data({"body_en": streamfield([("heading", "Daily life")])}),
    )
    response = client.post(f"/admin/pages/add/pages/sectionpage/{home.id}/", {**english_only, "action-submit": "1"})
    assert response.status_code == 200 and not SectionPage.objects.filter(slug="ready-check").exists()
    form = response.context["form"]
    assert set(form.errors) >= {"title_zh_hans", "summary_zh_hans", "body_zh_hans"}
    assert not {"title_en", "summary_en", "body_en"} & set(form.errors)
    assert "Write the Chinese too" in form.errors["summary_zh_hans"][0]

    response = client.post(f"/admin/pages/add/pages/sectionpage/{home.id}/", english_only)  # Save draft
    assert response.status_code == 302
    page = SectionPage.objects.get(slug="ready-check")
    assert not page.live

    response = client.post(f"/admin/pages/{page.id}/edit/", {**english_only, "action-submit": "1"})
    assert response.status_code == 200 and "summary_zh_hans" in response.context["form"].errors
    assert not WorkflowState.objects.filter(object_id=str(page.id), status="in_progress").exists()

    both = {
        **english_only,
        "title_zh_hans": "与肝硬化共处",
        "summary_zh_hans": "日常生活的帮助。",
        **nested_form_data({"body_zh_hans": streamfield([("heading", "日常生活")])}),
    }
    response = client.post(f"/admin/pages/{page.id}/edit/", {**both, "action-submit": "1"})
    assert response.status_code == 302, response.context["form"].errors
    assert WorkflowState.objects.filter(object_id=str(page.id), status="in_progress").exists()


def test_a_glossary_term_in_one_language_can_be_drafted_but_not_submitted(client, editor):
    from explainer.glossary.models import GlossaryTerm

    client.force_login(editor)
    english_only = {
        "term_en": "Spleen",
        "term_zh_hans": "",
        "also_en": "",
        "also_zh_hans": "",
        "definition_en": "An organ on the left of the belly.",
        "definition_zh_hans": "",
        "slug": "spleen-test",
    }
    response = client.post("/admin/snippets/glossary/glossaryterm/add/", {**english_only, "action-submit": "1"})
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert set(errors) >= {"term_zh_hans", "definition_zh_hans"} and "also_zh_hans" not in errors
    assert not GlossaryTerm.objects.filter(slug="spleen-test").exists()
    assert client.post("/admin/snippets/glossary/glossaryterm/add/", english_only).status_code == 302
    assert not GlossaryTerm.objects.get(slug="spleen-test").live


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"study_type": "rct", "randomised": False}, "randomised"),
        ({"study_type": "single-arm", "randomised": True, "comparator": "none"}, "randomised"),
        ({"study_type": "rct", "randomised": True, "comparator": "none"}, "comparator"),
        ({"study_type": "single-arm", "randomised": False, "comparator": "placebo"}, "comparator"),
        ({"study_type": "single-arm", "randomised": False, "comparator": "none", "blinding": "double"}, "blinding"),
    ],
)
def test_a_study_whose_design_contradicts_itself_is_refused_on_that_field(changes, field):
    study = StudyPage.objects.get(slug="lin-2017")
    study.clean()  # as loaded: consistent
    for name, value in changes.items():
        setattr(study, name, value)
    with pytest.raises(ValidationError) as error:
        study.clean()
    assert field in error.value.message_dict
