import shutil

import pytest
from django.conf import settings
from django.core.management import CommandError
from wagtail.models import Page, Revision

from explainer.content.models import LoadedFile
from explainer.topics.models import TopicPage
from tests.loading import edit, load

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(tmp_path):
    """A copy of content/ that a test may change."""
    folder = tmp_path / "content"
    shutil.copytree(settings.CONTENT_DIR, folder)
    return folder


def test_every_content_file_is_loaded_as_a_published_page():
    files = sorted(
        p.relative_to(settings.CONTENT_DIR).as_posix() for p in (settings.CONTENT_DIR / "pages").glob("*.yaml")
    )
    records = LoadedFile.objects.filter(path__startswith="pages/")
    assert sorted(records.values_list("path", flat=True)) == files
    for record in records:
        page = Page.objects.get(id=record.object_id)
        assert page.live and not page.has_unpublished_changes
        assert page.latest_revision_id == record.revision_id


def test_a_second_run_changes_nothing():
    pages_before = list(Page.objects.order_by("id").values_list("id", "path", "title_en", "latest_revision_id"))
    revisions_before = Revision.objects.count()
    output = load(settings.CONTENT_DIR)
    assert "created" not in output and "updated" not in output and "skipped" not in output
    assert "unchanged." in output
    assert list(Page.objects.order_by("id").values_list("id", "path", "title_en", "latest_revision_id")) == pages_before
    assert Revision.objects.count() == revisions_before


def test_a_changed_file_updates_its_page_with_a_new_revision(content):
    page = TopicPage.objects.get(slug="causes")
    revisions = page.revisions.count()
    edit(content / "pages/causes.yaml", lambda data: data["title"].update(en="Why cirrhosis happens"))

    output = load(content)

    assert "updated pages/causes.yaml" in output
    page.refresh_from_db()
    assert page.title_en == "Why cirrhosis happens"
    assert page.revisions.count() == revisions + 1
    assert page.live and not page.has_unpublished_changes


def test_an_editors_change_is_kept_and_reported(content):
    page = TopicPage.objects.get(slug="causes")
    page.title_en = "Causes (edited by an editor)"
    page.save_revision().publish()
    edit(content / "pages/causes.yaml", lambda data: data["title"].update(en="Causes from the file"))

    output = load(content)

    assert "skipped pages/causes.yaml: its page was changed in the admin since it was loaded" in output
    page.refresh_from_db()
    assert page.title_en == "Causes (edited by an editor)"
    # An editor's unpublished draft is kept too.
    page.title_en = "A draft"
    page.save_revision()
    load(content)
    assert page.get_latest_revision_as_object().title_en == "A draft"


def test_force_overwrites_an_editors_change(content):
    page = TopicPage.objects.get(slug="causes")
    page.title_en = "Causes (edited by an editor)"
    page.save_revision().publish()
    load(content, force=True)
    page.refresh_from_db()
    assert page.title_en == "Causes of cirrhosis"


def test_a_new_file_creates_a_page_in_its_place_in_the_tree(content):
    (content / "pages/example-new-topic.yaml").write_text(
        """
type: topic
slug: example-new-topic
parent: about-cirrhosis
order: 99
title: {en: An example new topic}
summary: {en: Day to day.}
body:
  en:
    - paragraph: See [what cirrhosis is](page:what-is-cirrhosis).
""",
        encoding="utf-8",
    )
    output = load(content)
    assert "created pages/example-new-topic.yaml" in output
    page = TopicPage.objects.get(slug="example-new-topic")
    assert page.get_parent().slug == "about-cirrhosis"
    assert page.url_path.endswith("/about-cirrhosis/example-new-topic/")
    target = TopicPage.objects.get(slug="what-is-cirrhosis")
    assert f'<a linktype="page" id="{target.id}">what cirrhosis is</a>' in page.body_en.raw_data[0]["value"]
    assert not page.is_translated("zh-hans") and page.is_translated("en")


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda data: data.pop("title"), "pages/causes.yaml: field 'title' is required"),
        (
            lambda data: data.update(type="article"),
            "pages/causes.yaml: field 'type' must be one of home, section, topic",
        ),
        (lambda data: data["body"]["en"].append({"video": "x"}), "pages/causes.yaml: field 'body.en["),
        (
            lambda data: data["body"]["en"].append({"table": {"header": ["a", "b"], "rows": [["1"]]}}),
            "must be a list of 2 cells",
        ),
        (
            lambda data: data.update(parent="no-such-page"),
            "pages/causes.yaml: field 'parent' names 'no-such-page', but no content file has that slug",
        ),
        (lambda data: data.update(colour="red"), "pages/causes.yaml: field 'colour' is not a known field"),
        (
            lambda data: data["title"].update(fr="Causes"),
            "pages/causes.yaml: field 'title' has an unknown language 'fr'",
        ),
    ],
)
def test_a_malformed_file_is_rejected_with_its_name_and_field_and_nothing_is_loaded(content, change, message):
    edit(content / "pages/what-is-cirrhosis.yaml", lambda data: data["title"].update(en="Changed too"))
    edit(content / "pages/causes.yaml", change)
    pages_before = Page.objects.count()

    with pytest.raises(CommandError) as error:
        load(content)

    assert message in str(error.value)
    assert str(error.value).startswith("Nothing was loaded.")
    assert Page.objects.count() == pages_before
    assert TopicPage.objects.get(slug="what-is-cirrhosis").title_en == "What is cirrhosis?"


def test_invalid_yaml_names_the_file(content):
    (content / "pages/causes.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    with pytest.raises(CommandError, match=r"pages/causes.yaml: is not valid UTF-8 YAML"):
        load(content)


def test_a_link_to_a_missing_page_is_rejected(content):
    edit(content / "pages/causes.yaml", lambda data: data["body"]["en"].append({"paragraph": "[x](page:nowhere)"}))
    with pytest.raises(CommandError, match=r"pages/causes.yaml: field 'body' links to page:nowhere"):
        load(content)


def test_studies_and_glossary_terms_round_trip(content):
    from explainer.evidence.models import StudyPage
    from explainer.glossary.models import GlossaryTerm

    edit(content / "studies/qin-2025.yaml", lambda data: data["arms"][0].update(enrolled=9))
    edit(content / "glossary/ascites.yaml", lambda data: data["definition"].update(en="Fluid in the belly."))
    output = load(content)
    assert "updated studies/qin-2025.yaml" in output and "updated glossary/ascites.yaml" in output
    study = StudyPage.objects.get(slug="qin-2025")
    assert [arm.enrolled for arm in study.arms.all()] == [9, 8, 8]
    assert study.arms.first().label_zh_hans == "低剂量组"
    assert GlossaryTerm.objects.get(slug="ascites").definition_en == "Fluid in the belly."
    assert "updated" not in load(content)


def test_an_editors_change_to_a_glossary_term_is_kept(content):
    from explainer.glossary.models import GlossaryTerm

    term = GlossaryTerm.objects.get(slug="ascites")
    term.definition_en = "Edited in the admin."
    term.save()
    term.save_revision()
    edit(content / "glossary/ascites.yaml", lambda data: data["definition"].update(en="From the file."))
    output = load(content)
    assert "skipped glossary/ascites.yaml: it was changed in the admin since it was loaded" in output
    assert GlossaryTerm.objects.get(slug="ascites").definition_en == "Edited in the admin."


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda data: data.update(study_type="anecdote"), "studies/qin-2025.yaml: field 'study_type' must be one of"),
        (
            lambda data: data["arms"][0].update(enrolled="eight"),
            "studies/qin-2025.yaml: field 'arms[0].enrolled' must be a whole number",
        ),
        (
            lambda data: data["outcomes"][0].update(direction="up"),
            "studies/qin-2025.yaml: field 'outcomes[0].direction' must be one of",
        ),
        (
            lambda data: data["sources"][0].update(facts=["colour"]),
            "studies/qin-2025.yaml: field 'sources[0].facts' names 'colour'",
        ),
        (
            lambda data: data.update(randomised=True),
            "studies/qin-2025.yaml: field 'randomised' is true, but study_type is single-arm",
        ),
        (
            lambda data: data.update(key="qin-2026"),
            "studies/qin-2025.yaml: field 'key' is 'qin-2026' but the file is named qin-2025.yaml",
        ),
    ],
)
def test_a_malformed_study_file_is_rejected(content, change, message):
    edit(content / "studies/qin-2025.yaml", change)
    with pytest.raises(CommandError, match=message.replace("[", r"\[").replace("]", r"\]").replace("(", r"\(")):
        load(content)
