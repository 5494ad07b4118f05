"""Admin accounts: login throttling, strong passwords, what editors may change, the commands that make accounts."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import call_command

from explainer.topics.models import TopicPage

pytestmark = pytest.mark.django_db


def test_admin_logins_are_throttled(client):
    get_user_model().objects.create_user("locked", password="a long password 123")
    statuses = []
    for _attempt in range(6):
        response = client.post("/admin/login/", {"username": "locked", "password": "wrong"}, REMOTE_ADDR="10.9.9.9")
        statuses.append(response.status_code)
    assert statuses[:4] == [200] * 4 and statuses[4:] == [429, 429]  # locked at the fifth failure
    locked = client.post(
        "/admin/login/", {"username": "locked", "password": "a long password 123"}, REMOTE_ADDR="10.9.9.9"
    )
    assert locked.status_code == 429


def test_passwords_must_be_strong():
    for weak in ["short", "password1234", "12345678901234"]:
        with pytest.raises(ValidationError):
            validate_password(weak)
    validate_password("correct horse battery staple 42")


def test_editors_cannot_see_or_change_users_but_can_edit_content(client, editor):
    client.force_login(editor)
    assert client.get("/admin/users/").status_code in (302, 403)
    assert client.get(f"/admin/users/{editor.pk}/").status_code in (302, 403)
    page = TopicPage.objects.get(slug="causes")
    assert client.get(f"/admin/pages/{page.id}/edit/").status_code == 200
    assert client.get("/admin/snippets/glossary/glossaryterm/").status_code == 200


def test_createreviewer_and_createeditor_commands():
    out = StringIO()
    call_command(
        "createreviewer",
        "dr-wang",
        "--name",
        "Dr Wang Fang",
        "--role",
        "Hepatologist",
        "--role-zh",
        "肝病科医生",
        stdout=out,
    )
    user = get_user_model().objects.get(username="dr-wang")
    assert user.groups.filter(name="Clinical reviewers").exists()
    assert user.clinical_reviewer.role_zh_hans == "肝病科医生"
    assert "Password:" in out.getvalue()
    call_command("createeditor", "ed-zhao", "--password", "a very long passphrase 99", stdout=StringIO())
    editor = get_user_model().objects.get(username="ed-zhao")
    assert editor.groups.filter(name="Editors").exists() and editor.check_password("a very long passphrase 99")
