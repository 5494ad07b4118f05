"""Short links (/s/<code>/), and their move from the review app to their own, with their table and rows."""

import re
from importlib import import_module

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection

from explainer.evidence.models import StudyPage
from explainer.sharing.models import ShortLink
from explainer.topics.models import TopicPage

pytestmark = pytest.mark.django_db

move_to_sharing = import_module("explainer.sharing.migrations.0001_initial")


def test_every_topic_and_study_page_has_a_short_link():
    pages = list(TopicPage.objects.live()) + list(StudyPage.objects.live())
    links = ShortLink.objects.filter(page__in=pages)
    assert links.count() == len(pages)
    assert all(re.fullmatch(r"[a-z2-9]{6,16}", link.code) for link in links)


def test_short_links_follow_the_language_and_survive_a_slug_change(client):
    page = TopicPage.objects.get(slug="causes")
    code = page.short_link.code
    response = client.get(f"/s/{code}/", HTTP_ACCEPT_LANGUAGE="zh-CN,zh;q=0.9")
    assert response.status_code == 302 and response["Location"] == "/zh-hans/about-cirrhosis/causes/"
    assert "Accept-Language" in response["Vary"]
    assert client.get(f"/s/{code}/?lang=en", HTTP_ACCEPT_LANGUAGE="zh-CN")["Location"] == "/en/about-cirrhosis/causes/"

    page.slug = "why-cirrhosis-happens"
    page.save_revision().publish()

    assert client.get(f"/s/{code}/?lang=en")["Location"] == "/en/about-cirrhosis/why-cirrhosis-happens/"
    assert ShortLink.objects.get(page=page).code == code


def test_an_unknown_short_link_ends_in_not_found(client):
    assert client.get("/s/nosuchcode/", follow=True).status_code == 404


def test_pages_show_their_short_link_with_a_copy_button(client, html):
    page = html(client.get("/en/evidence/sharma-2021/"))
    share = page.find(class_="share")
    code = StudyPage.objects.get(slug="sharma-2021").short_link.code
    assert share.find("a", class_="share__link")["href"] == f"/s/{code}/?lang=en"
    assert share.find("button", attrs={"data-copy-button": True}).has_attr("hidden")  # shown by the script
    assert share.find("a", class_="share__print")["href"] == "print/"


def test_a_short_link_made_before_the_move_still_leads_to_its_page(client):
    """The review app's table is the sharing app's: a row written there as the review app wrote it still works."""
    page = TopicPage.objects.get(slug="causes")
    ShortLink.objects.filter(page=page).delete()
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO review_shortlink (code, page_id, created_at) VALUES (%s, %s, CURRENT_TIMESTAMP)",
            ["b4move", page.pk],
        )
    assert client.get("/s/b4move/?lang=en")["Location"] == "/en/about-cirrhosis/causes/"
    assert page.short_link.code == "b4move"


@pytest.fixture
def content_types_afterwards():
    yield
    ContentType.objects.clear_cache()


def test_the_short_links_content_type_moves_with_its_permissions_and_back(content_types_afterwards):
    content_type = ContentType.objects.get(app_label="sharing", model="shortlink")
    ContentType.objects.filter(pk=content_type.pk).update(app_label="review")  # as the review app left it
    editor = get_user_model().objects.create_user("short-link-editor")
    editor.user_permissions.add(Permission.objects.get(content_type=content_type, codename="change_shortlink"))
    assert get_user_model().objects.get(pk=editor.pk).has_perm("review.change_shortlink")

    move_to_sharing.content_type_to_sharing(apps, None)
    assert ContentType.objects.get(pk=content_type.pk).app_label == "sharing"
    editor = get_user_model().objects.get(pk=editor.pk)
    assert editor.has_perm("sharing.change_shortlink") and not editor.has_perm("review.change_shortlink")

    move_to_sharing.content_type_back_to_review(apps, None)
    assert ContentType.objects.get(pk=content_type.pk).app_label == "review"


def test_moving_the_content_type_leaves_one_already_made_for_sharing(content_types_afterwards):
    """On a database where `migrate` already made sharing's content type, the old one is left for
    remove_stale_contenttypes instead of clashing with it."""
    sharing = ContentType.objects.get(app_label="sharing", model="shortlink")
    stale = ContentType.objects.create(app_label="review", model="shortlink")
    move_to_sharing.content_type_to_sharing(apps, None)
    assert ContentType.objects.get(pk=sharing.pk).app_label == "sharing"
    assert ContentType.objects.get(pk=stale.pk).app_label == "review"
