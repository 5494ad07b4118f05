"""Glossary terms and claim patterns go through the Clinical review workflow like pages; loadcontent publishes
them as it publishes pages, never re-publishes what a reviewer unpublished, and runs one load at a time."""

import json
import threading

import pytest
from django.conf import settings
from django.core.management import CommandError
from django.db import connection

from explainer.caution.models import ClaimPattern
from explainer.content.loader import load_lock
from explainer.content.models import LoadedFile
from explainer.glossary.models import GlossaryTerm
from explainer.topics.models import TopicPage
from tests.editor import approve, submit
from tests.loading import edit, load

pytestmark = pytest.mark.django_db


def glossary(client):
    return client.get("/en/glossary/").content.decode()


def flags(client, text):
    response = client.post("/api/claims/check/", data=json.dumps({"text": text}), content_type="application/json")
    return [flag["category"] for flag in response.json()["flags"]]


@pytest.mark.parametrize("model", [GlossaryTerm, ClaimPattern])
def test_the_clinical_review_workflow_covers_glossary_terms_and_claim_patterns(model, editor, reviewer):
    assert model.get_default_workflow().name == "Clinical review"
    label = model._meta.app_label
    name = model._meta.model_name
    assert not editor.has_perm(f"{label}.publish_{name}") and editor.has_perm(f"{label}.change_{name}")
    assert reviewer.has_perm(f"{label}.publish_{name}")


@pytest.mark.parametrize("model", [GlossaryTerm, ClaimPattern])
def test_in_the_admin_editors_submit_for_review_and_only_reviewers_can_publish(client, model, editor, reviewer):
    obj = model.objects.first()
    url = f"/admin/snippets/{model._meta.app_label}/{model._meta.model_name}/edit/{obj.pk}/"
    client.force_login(editor)
    page = client.get(url).content.decode()
    assert "Submit to Clinical review" in page and 'name="action-publish"' not in page
    client.force_login(reviewer)
    assert 'name="action-publish"' in client.get(url).content.decode()


def test_an_editor_submitting_a_definition_in_the_admin_changes_nothing_live(client, editor):
    term = GlossaryTerm.objects.get(slug="ascites")
    old = term.definition_en
    client.force_login(editor)
    response = client.post(
        f"/admin/snippets/glossary/glossaryterm/edit/{term.pk}/",
        {
            "term_en": term.term_en,
            "term_zh_hans": term.term_zh_hans,
            "also_en": term.also_en,
            "also_zh_hans": term.also_zh_hans,
            "definition_en": "Submitted by an editor.",
            "definition_zh_hans": term.definition_zh_hans,
            "slug": term.slug,
            "action-submit": "Submit",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    term = GlossaryTerm.objects.get(slug="ascites")
    assert term.definition_en == old and term.workflow_in_progress
    assert term.latest_revision.content["definition_en"] == "Submitted by an editor."
    client.logout()
    assert old in glossary(client) and "Submitted by an editor." not in glossary(client)


def test_an_editors_definition_is_live_only_after_a_clinical_reviewer_approves_it(client, editor, reviewer):
    term = GlossaryTerm.objects.get(slug="ascites")
    old = term.definition_en
    review = submit(term, editor, definition_en="Edited: fluid that builds up in the belly.")
    assert old in glossary(client) and "Edited: fluid" not in glossary(client)
    assert GlossaryTerm.objects.get(slug="ascites").definition_en == old
    approve(review, reviewer)
    term = GlossaryTerm.objects.get(slug="ascites")
    assert term.definition_en == "Edited: fluid that builds up in the belly." and term.live
    assert "Edited: fluid" in glossary(client)


def test_a_new_term_in_draft_is_neither_listed_nor_linked(client, editor):
    term = GlossaryTerm(slug="zz-draft", term_en="Zorbitis", definition_en="A draft.", live=False)
    term.save()
    term.save_revision(user=editor)
    assert "Zorbitis" not in glossary(client)
    from explainer.glossary.linking import term_index

    assert "zorbitis" not in term_index("en").entries


def test_an_editors_claim_pattern_is_used_only_after_approval(client, editor, reviewer):
    from explainer.caution.service import current_detector

    def cure_phrases(text):
        """What the live "cure" patterns find (the sentence model may still mark the sentence without them)."""
        return [text[c.start : c.end] for c in current_detector().matcher.analyse(text)[1] if c.family.key == "cure"]

    assert "cure" in flags(client, "Stem cells cure cirrhosis.")
    assert cure_phrases("Stem cells cure cirrhosis.")
    pattern = ClaimPattern.objects.get(slug="cure")
    review = submit(pattern, editor, patterns_en="nothing-will-ever-match-this", patterns_zh="")
    assert cure_phrases("Stem cells cure cirrhosis.")  # the live version is still used
    approve(review, reviewer)
    assert cure_phrases("Stem cells cure cirrhosis.") == []
    assert cure_phrases("nothing-will-ever-match-this") == ["nothing-will-ever-match-this"]


def test_a_new_claim_pattern_in_draft_is_not_used(client, editor):
    from explainer.caution.service import current_detector

    def pattern_slugs():
        return {family.key for family in current_detector().matcher.families}

    pattern = ClaimPattern(
        slug="zorblax", category="hype", severity="low", patterns_en="zorblax", explanation_en="A draft.", live=False
    )
    pattern.save()
    pattern.save_revision(user=editor)
    assert "zorblax" not in pattern_slugs() and "cure" in pattern_slugs()
    pattern.get_latest_revision().publish()
    assert "zorblax" in pattern_slugs()


def test_the_api_lists_only_live_studies_as_evidence(client):
    from explainer.evidence.models import StudyPage

    def evidence():
        response = client.post(
            "/api/claims/check/",
            data=json.dumps({"text": "Stem cells cure cirrhosis."}),
            content_type="application/json",
        )
        return [item["key"] for flag in response.json()["flags"] for item in flag["evidence"]]

    assert "xie-2025" in evidence()
    StudyPage.objects.get(slug="xie-2025").unpublish()
    assert "xie-2025" not in evidence() and "mohamadnejad-2013" in evidence()


# loadcontent ------------------------------------------------------------------------------------------------------


@pytest.fixture
def content(tmp_path):
    import shutil

    folder = tmp_path / "content"
    shutil.copytree(settings.CONTENT_DIR, folder)
    return folder


def test_loadcontent_publishes_terms_and_patterns_as_revisions(content):
    for obj in [*GlossaryTerm.objects.all(), *ClaimPattern.objects.all()]:
        assert obj.live and obj.live_revision_id == obj.latest_revision_id
    edit(content / "glossary/ascites.yaml", lambda data: data["definition"].update(en="Fluid in the belly."))
    assert "updated glossary/ascites.yaml" in load(content)
    term = GlossaryTerm.objects.get(slug="ascites")
    assert term.definition_en == "Fluid in the belly." and term.live_revision_id == term.latest_revision_id
    assert LoadedFile.objects.get(path="glossary/ascites.yaml").revision_id == term.live_revision_id


def test_loadcontent_skips_a_term_with_a_draft_waiting_for_review(content, editor):
    term = GlossaryTerm.objects.get(slug="ascites")
    submit(term, editor, definition_en="An editor's draft.")
    edit(content / "glossary/ascites.yaml", lambda data: data["definition"].update(en="From the file."))
    assert "skipped glossary/ascites.yaml: it was changed in the admin since it was loaded" in load(content)
    term = GlossaryTerm.objects.get(slug="ascites")
    assert "From the file." not in (term.definition_en, term.latest_revision.content["definition_en"])


@pytest.mark.parametrize("force", [False, True])
def test_loadcontent_never_republishes_what_a_reviewer_unpublished(content, reviewer, force):
    page = TopicPage.objects.get(slug="liver-transplant")
    page.unpublish(user=reviewer)
    term = GlossaryTerm.objects.get(slug="ascites")
    term.unpublish(user=reviewer)
    edit(content / "pages/liver-transplant.yaml", lambda data: data["title"].update(en="Reloaded title"))
    output = load(content, force=force)
    assert "skipped pages/liver-transplant.yaml: it was unpublished in the admin" in output
    assert "skipped glossary/ascites.yaml: it was unpublished in the admin" in output
    page = TopicPage.objects.get(slug="liver-transplant")
    assert not page.live and page.title_en != "Reloaded title"
    assert not GlossaryTerm.objects.get(slug="ascites").live


def test_a_second_load_at_the_same_time_says_another_is_running(content):
    held, release = threading.Event(), threading.Event()

    def hold():
        try:
            with load_lock():
                held.set()
                release.wait(30)
        finally:
            connection.close()

    thread = threading.Thread(target=hold)
    thread.start()
    try:
        assert held.wait(10)
        with pytest.raises(CommandError, match="another loadcontent is running on this database"):
            load(content)
    finally:
        release.set()
        thread.join()
    assert "Content loaded" in load(content)
