from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from explainer.core.management.commands import ensureadmin
from explainer.evidence.models import StudyPage
from explainer.glossary.models import GlossaryTerm
from explainer.pages.models import TopicPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("site-admin", password="a long password 123")
    client.force_login(user)
    return client


def test_editors_see_both_languages_of_a_page(admin_client):
    page = TopicPage.objects.get(slug="causes")
    html = admin_client.get(f"/admin/pages/{page.id}/edit/").content.decode()
    for field in ["title_en", "title_zh_hans", "summary_en", "summary_zh_hans"]:
        assert f'name="{field}"' in html, field
    for stream_field in ["body_en", "body_zh_hans"]:  # StreamFields are drawn by the admin's script
        assert f'id="{stream_field}"' in html or f'"{stream_field}' in html, stream_field
    assert "Causes of cirrhosis" in html and "肝硬化的病因" in html


def test_editors_see_both_languages_of_a_study_and_its_outcomes(admin_client):
    study = StudyPage.objects.get(slug="mohamadnejad-2013")
    html = admin_client.get(f"/admin/pages/{study.id}/edit/").content.decode()
    for field in ["can_and_cannot_en", "can_and_cannot_zh_hans", "outcomes-0-measure_en", "outcomes-0-measure_zh_hans"]:
        assert f'name="{field}"' in html, field
    assert 'name="study_type"' in html and 'name="study_type_en"' not in html


def test_editors_see_both_languages_of_a_glossary_term(admin_client):
    term = GlossaryTerm.objects.get(slug="ascites")
    response = admin_client.get(f"/admin/snippets/glossary/glossaryterm/edit/{term.pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="definition_en"' in html and 'name="definition_zh_hans"' in html
    assert "腹水" in html


def test_an_editor_saving_a_page_in_the_admin_keeps_both_languages(admin_client):
    page = TopicPage.objects.get(slug="causes")
    response = admin_client.get(f"/admin/pages/{page.id}/edit/")
    assert response.status_code == 200
    page.title_zh_hans = "肝硬化是怎么来的"
    page.save_revision().publish()
    page.refresh_from_db()
    assert (page.title_en, page.title_zh_hans) == ("Causes of cirrhosis", "肝硬化是怎么来的")


def test_ensureadmin_creates_one_account_and_prints_its_login(tmp_path, monkeypatch):
    monkeypatch.setattr(ensureadmin, "LOGIN_FILE", tmp_path / ".admin-login")
    out = StringIO()
    call_command("ensureadmin", stdout=out)
    first = out.getvalue()
    username, password = (tmp_path / ".admin-login").read_text().split()
    assert f"as {username} / {password}" in first
    user = get_user_model().objects.get(username=username)
    assert user.is_superuser and user.check_password(password)

    out = StringIO()
    call_command("ensureadmin", stdout=out)
    assert f"as {username} / {password}" in out.getvalue()
    assert get_user_model().objects.filter(is_superuser=True).count() == 1


@pytest.mark.parametrize("mode, heading", [("en", "Causes of cirrhosis"), ("zh-hans", "肝硬化的病因")])
def test_the_editor_previews_each_language_in_a_frame_the_admin_may_show(rf, mode, heading):
    from bs4 import BeautifulSoup

    page = TopicPage.objects.get(slug="causes")
    assert [name for name, _label in page.preview_modes] == ["en", "zh-hans"]
    request = rf.get(f"/admin/pages/{page.id}/edit/preview/?mode={mode}")
    request.user = get_user_model().objects.create_superuser("previewer", password="a long password 123")
    response = page.make_preview_request(request, mode)
    document = BeautifulSoup(response.content.decode(), "html.parser")
    assert document.h1.get_text(strip=True) == heading
    assert document.html["lang"] == ("en" if mode == "en" else "zh-Hans")
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    policy = response["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in policy and "frame-ancestors 'none'" not in policy
    assert "script-src 'self'" in policy  # the rest of the policy stays strict


def test_public_pages_still_refuse_to_be_framed(client):
    response = client.get("/en/about-cirrhosis/causes/")
    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def test_a_chinese_speaking_editor_previews_chinese_first():
    from django.utils import translation

    page = TopicPage.objects.get(slug="causes")
    with translation.override("zh-hans"):
        assert page.default_preview_mode == "zh-hans"
    with translation.override("en"):
        assert page.default_preview_mode == "en"
