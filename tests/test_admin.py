import json
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.management import call_command

from explainer.core.management.commands import ensureadmin
from explainer.evidence.models import StudyPage
from explainer.glossary.models import GlossaryTerm
from explainer.topics.models import TopicPage
from tests.editor import topic_page_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("site-admin", password="a long password 123")
    client.force_login(user)
    return client


def test_ensureadmin_prints_the_admin_address_make_run_serves(tmp_path, monkeypatch):
    monkeypatch.setattr(ensureadmin, "LOGIN_FILE", tmp_path / ".admin-login")
    out = StringIO()
    call_command("ensureadmin", "--url", "http://127.0.0.1:8150/admin/", stdout=out)
    assert "Log in at http://127.0.0.1:8150/admin/ as admin / " in out.getvalue()


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


def test_an_editor_saving_a_page_in_the_admin_keeps_both_languages(admin_client, client, html):
    from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

    page = TopicPage.objects.get(slug="causes")
    body = nested_form_data(
        {
            "body_en": streamfield([("paragraph", rich_text("<p>Heavy drinking and hepatitis B are causes.</p>"))]),
            "body_zh_hans": streamfield([("paragraph", rich_text("<p>常见的原因有长期喝酒和乙肝。</p>"))]),
        }
    )
    form = topic_page_form(page, body, title_zh_hans="肝硬化是怎么来的", **{"action-publish": "action-publish"})
    response = admin_client.post(f"/admin/pages/{page.id}/edit/", form)
    assert response.status_code == 302, response.context["form"].errors
    page.refresh_from_db()
    assert (page.title_en, page.title_zh_hans) == ("Causes of cirrhosis", "肝硬化是怎么来的")
    assert "hepatitis B are causes" in str(page.body_en) and "长期喝酒和乙肝" in str(page.body_zh_hans)
    english = html(client.get("/en/about-cirrhosis/causes/"))
    chinese = html(client.get("/zh-hans/about-cirrhosis/causes/"))
    assert "Heavy drinking and hepatitis B are causes." in english.find("div", class_="content").get_text()
    assert chinese.h1.get_text(strip=True) == "肝硬化是怎么来的"
    assert "常见的原因有长期喝酒和乙肝。" in chinese.find("div", class_="content").get_text()


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


def chinese_admin(user):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "zh-hans"
    profile.save()


def test_the_editor_shows_both_languages_after_every_save_and_asks_before_copying(admin_client):
    page = TopicPage.objects.get(slug="causes")
    html = admin_client.get(f"/admin/pages/{page.id}/edit/").content.decode()
    assert "locale_picker_default: ['en', 'zh-hans']" in html
    assert "locale_picker_restore: false" in html
    assert "js/admin-translation.js" in html
    assert 'id="admin-translation-labels"' in html and "Replace it with a copy" in html


def test_the_editors_language_toggles_name_each_language_instead_of_its_code(admin_client):
    """wagtail-modeltranslation's toggles read "View / edit fields for EN ZH-HANS"; the package reads the code back
    from each button, so our script names the language in an attribute our stylesheet shows instead."""
    from django.conf import settings

    page = TopicPage.objects.get(slug="causes")
    html = admin_client.get(f"/admin/pages/{page.id}/edit/").content.decode()
    assert "css/admin-translation.css" in html and "js/admin-translation.js" in html
    labels = json.loads(BeautifulSoup(html, "html.parser").find(id="admin-translation-labels").string)
    assert labels["languages"] == {"en": "English", "zh-hans": "Simplified Chinese"}
    static = settings.SITE_DIR / "static"
    script = (static / "js" / "admin-translation.js").read_text()
    assert 'querySelectorAll(".locale-picker button.locale-toggle")' in script
    assert 'setAttribute("data-language-name", names[code])' in script and 'setAttribute("aria-label"' in script
    stylesheet = (static / "css" / "admin-translation.css").read_text()
    assert "content: attr(data-language-name);" in stylesheet and "font-size: 0;" in stylesheet


def test_the_editor_speaks_chinese_to_a_chinese_speaking_editor(client):
    user = get_user_model().objects.create_superuser("zh-editor", password="a long password 123")
    chinese_admin(user)
    client.force_login(user)
    page = TopicPage.objects.get(slug="causes")
    html = client.get(f"/admin/pages/{page.id}/edit/").content.decode()
    assert "viewEditString: '查看或编辑这些语言的字段'" in html
    labels = json.loads(BeautifulSoup(html, "html.parser").find(id="admin-translation-labels").string)
    assert labels["copyFrom"] == "复制内容：" and "替换" in labels["confirm"]
    assert labels["languages"] == {"en": "英语", "zh-hans": "简体中文"}
    sidebar = json.dumps(
        json.loads(BeautifulSoup(html, "html.parser").find(id="wagtail-sidebar-props").string), ensure_ascii=False
    )
    assert '"术语表"' in sidebar and '"说法模式"' in sidebar  # the menu's snippet names
    assert "检查（上次保存的版本）" in html


def test_the_checks_have_a_tab_of_their_own_and_say_what_they_read(admin_client):
    page = TopicPage.objects.get(slug="causes")
    document = BeautifulSoup(admin_client.get(f"/admin/pages/{page.id}/edit/").content.decode(), "html.parser")
    tabs = [tab.find(string=True, recursive=True).strip() for tab in document.select("[role=tab]")]
    assert tabs[:2] == ["Content", "Checks (last saved version)"], tabs
    checks_tab = document.select("[role=tab]")[1]
    checks = document.find(id=checks_tab.get("aria-controls") or checks_tab["href"].lstrip("#"))
    assert checks.find(attrs={"data-plain-language-check": True}) and checks.find(attrs={"data-claim-check": True})
    assert checks.find(attrs={"name": "quoted_claims"})
    assert "Checked on the last saved version" in checks.get_text()
