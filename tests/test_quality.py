from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from explainer.evidence.models import StudyPage
from explainer.glossary.models import GlossaryTerm
from explainer.quality.plain_language import plain_language_report
from explainer.quality.texts import reader_pages
from explainer.topics.models import TopicPage

pytestmark = pytest.mark.django_db


def checkparity():
    out = StringIO()
    call_command("checkparity", stdout=out)
    return out.getvalue()


def test_the_loaded_content_passes_the_parity_check():
    assert "Both languages match" in checkparity()


def test_parity_check_catches_a_number_in_one_language_only():
    page = TopicPage.objects.get(slug="liver-cancer-checks")
    page.summary_zh_hans = page.summary_zh_hans + "每 3 个月检查一次。"
    page.save_revision().publish()

    with pytest.raises(CommandError) as error:
        checkparity()

    assert error.value.returncode == 1
    assert "1 translation problem" in str(error.value)


def test_parity_check_reports_the_page_field_and_numbers(capsys):
    study = StudyPage.objects.get(slug="qin-2025")
    outcome = study.outcomes.first()
    assert "57" in outcome.measure_zh_hans
    outcome.measure_zh_hans = outcome.measure_zh_hans.replace("57", "75")
    outcome.save()
    out = StringIO()
    with pytest.raises(CommandError):
        call_command("checkparity", stdout=out)
    report = out.getvalue()
    assert "page /evidence/qin-2025/ (Qin 2025): outcomes[1].measure: numbers only in the English: 57" in report
    assert "numbers only in the Chinese: 75" in report


def test_parity_check_catches_a_missing_translation():
    term = GlossaryTerm.objects.get(slug="ascites")
    term.definition_zh_hans = ""
    term.save()
    out = StringIO()
    with pytest.raises(CommandError):
        call_command("checkparity", stdout=out)
    assert "glossary term ascites: definition: has no Chinese translation" in out.getvalue()


def test_every_loaded_page_meets_the_plain_language_targets():
    failures = {}
    for page in reader_pages():
        for language, result in plain_language_report(page).items():
            if not result.ok:
                failures[f"{page.slug} ({language})"] = result.result
    assert failures == {}


def test_plain_language_check_flags_hard_text():
    page = TopicPage(title_en="Hard", title_zh_hans="难")
    page.summary_en = (
        "Hepatocellular dysfunction consequent upon chronic parenchymal inflammation necessitates comprehensive "
        "multidisciplinary evaluation incorporating elastography and histopathological characterisation."
    )
    page.summary_zh_hans = "慢性肝实质炎症导致的肝细胞功能障碍需要结合弹性成像、组织病理学特征以及多学科综合评估来进行全面系统的判断和处理。"
    report = plain_language_report(page)
    assert not report["en"].ok and report["en"].result["grade"] > 8
    assert report["zh-hans"].result["max_sentence"] > 40


def test_editors_see_the_plain_language_check_in_the_admin(client):
    user = get_user_model().objects.create_superuser("editor-check", password="a long password 123")
    client.force_login(user)
    page = TopicPage.objects.get(slug="tests-and-scores")
    response = client.get(f"/admin/pages/{page.id}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "data-plain-language-check" in html
    assert 'data-language="en" data-ok="true"' in html
    assert 'data-language="zh-hans" data-ok="true"' in html
    assert "Reading grade" in html
