"""Clinical review: roles, the workflow, review records and intervals, overdue pages, the JSON-LD a reviewed page carries."""

import calendar
import datetime
import json
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management import call_command
from wagtail.models import Page, Workflow

from explainer.evidence.models import StudyPage
from explainer.review.models import ClinicalReviewer, PageReview, add_months
from explainer.topics.models import TopicPage
from tests.editor import approve, submit

pytestmark = pytest.mark.django_db


def test_roles_and_the_site_wide_workflow_exist():
    editors, reviewers = Group.objects.get(name="Editors"), Group.objects.get(name="Clinical reviewers")
    editor_page_perms = set(editors.page_permissions.values_list("permission__codename", flat=True))
    reviewer_page_perms = set(reviewers.page_permissions.values_list("permission__codename", flat=True))
    assert "publish_page" not in editor_page_perms and {"add_page", "change_page"} <= editor_page_perms
    assert "publish_page" in reviewer_page_perms
    root = Page.get_first_root_node()
    workflow = Workflow.objects.get(name="Clinical review")
    assert workflow.active and root.get_workflow() == workflow
    tasks = [task.specific for task in workflow.tasks]
    assert [list(task.groups.values_list("name", flat=True)) for task in tasks] == [["Clinical reviewers"]]
    assert TopicPage.objects.get(slug="causes").get_workflow() == workflow


def test_an_editor_cannot_publish(editor):
    page = TopicPage.objects.get(slug="causes")
    permissions = page.permissions_for_user(editor)
    assert permissions.can_edit() and not permissions.can_publish()
    assert not editor.has_perm("auth.view_user") and not editor.has_perm("auth.change_user")


def test_a_submission_is_not_live_until_a_clinical_reviewer_approves(editor, reviewer, client, html):
    page = TopicPage.objects.get(slug="causes")
    state = submit(page, editor, title_en="Causes of cirrhosis (revised)")
    assert html(client.get("/en/about-cirrhosis/causes/")).h1.get_text() == "Causes of cirrhosis"
    assert PageReview.objects.filter(page=page).count() == 0

    approve(state, reviewer)

    assert html(client.get("/en/about-cirrhosis/causes/")).h1.get_text() == "Causes of cirrhosis (revised)"
    review = PageReview.objects.get(page=page)
    today = datetime.datetime.now(ZoneInfo("Asia/Shanghai")).date()
    a_year_on = datetime.date(today.year + 1, today.month, 28 if (today.month, today.day) == (2, 29) else today.day)
    assert (review.reviewer_name, review.reviewed_on, review.next_review_due) == ("Dr Li Wei", today, a_year_on)
    assert review.reviewer_role_en == "Consultant hepatologist"


@pytest.mark.parametrize(
    "start, months, due",
    [
        (datetime.date(2026, 3, 15), 12, datetime.date(2027, 3, 15)),
        (datetime.date(2026, 1, 31), 1, datetime.date(2026, 2, 28)),
        (datetime.date(2027, 8, 31), 6, datetime.date(2028, 2, 29)),
        (datetime.date(2028, 2, 29), 12, datetime.date(2029, 2, 28)),
        (datetime.date(2026, 11, 30), 3, datetime.date(2027, 2, 28)),
        (datetime.date(2026, 5, 31), 36, datetime.date(2029, 5, 31)),
        (datetime.date(2026, 3, 31), 1, datetime.date(2026, 4, 30)),
        (datetime.date(2026, 12, 31), 2, datetime.date(2027, 2, 28)),
    ],
)
def test_add_months_keeps_the_day_or_takes_the_months_last(start, months, due):
    assert add_months(start, months) == due


def test_the_review_interval_is_set_per_page_and_capped_at_3_years(editor, reviewer):
    page = TopicPage.objects.get(slug="liver-transplant")
    page.review_interval_months = 6
    approve(submit(page, editor), reviewer)
    review = PageReview.objects.get(page=page)
    reviewed, due = review.reviewed_on, review.next_review_due
    assert (due.year * 12 + due.month) - (reviewed.year * 12 + reviewed.month) == 6
    assert due.day == min(reviewed.day, calendar.monthrange(due.year, due.month)[1])  # Aug 31 + 6 months: Feb 28/29
    page.review_interval_months = 37
    with pytest.raises(ValidationError):
        page.full_clean()


def test_review_record_is_shown_in_both_languages(editor, reviewer, client, html):
    page = StudyPage.objects.get(slug="qin-2025")
    approve(submit(page, editor), reviewer)
    review = PageReview.objects.get(page=page)
    english = html(client.get("/en/evidence/qin-2025/")).find(class_="review-record").get_text(" ", strip=True)
    chinese = html(client.get("/zh-hans/evidence/qin-2025/")).find(class_="review-record").get_text(" ", strip=True)
    assert (
        "Last reviewed" in english and "Dr Li Wei, Consultant hepatologist" in english and "Next review due" in english
    )
    assert f"审核：Dr Li Wei（肝病科主任医师），{review.reviewed_on.year}年" in chinese
    assert f"下次审核：{review.next_review_due.year}年" in chinese


def test_an_unreviewed_page_says_so():
    from django.test import Client

    page = Client().get("/zh-hans/about-cirrhosis/causes/").content.decode()
    assert "本页尚未经临床医生审核" in page


def test_an_overdue_page_tells_patients_it_is_being_checked(client, html):
    page = TopicPage.objects.get(slug="liver-cancer-checks")
    PageReview.objects.create(
        page=page,
        reviewer_name="Dr Li Wei",
        reviewer_role_en="Hepatologist",
        reviewed_on=datetime.date(2024, 1, 10),
        next_review_due=datetime.date(2025, 1, 10),
    )
    for language, text in [("en", "We are checking it"), ("zh-hans", "我们正在复核")]:
        notice = html(client.get(f"/{language}/treatment/liver-cancer-checks/")).find(class_="notice--review")
        assert text in notice.get_text()
    current = TopicPage.objects.get(slug="causes")
    PageReview.objects.create(
        page=current,
        reviewer_name="Dr Li Wei",
        reviewed_on=datetime.date.today(),
        next_review_due=add_months(datetime.date.today(), 12),
    )
    assert html(client.get("/en/about-cirrhosis/causes/")).find(class_="notice--review") is None


def test_overdue_report_and_command_list_due_reviews_by_reviewer(client):
    today = datetime.date.today()
    due_soon = TopicPage.objects.get(slug="liver-transplant")
    overdue = TopicPage.objects.get(slug="causes")
    later = TopicPage.objects.get(slug="tests-and-scores")
    PageReview.objects.create(
        page=due_soon,
        reviewer_name="Dr Chen",
        reviewed_on=today - datetime.timedelta(days=340),
        next_review_due=today + datetime.timedelta(days=20),
    )
    PageReview.objects.create(
        page=overdue,
        reviewer_name="Dr Li Wei",
        reviewed_on=today - datetime.timedelta(days=400),
        next_review_due=today - datetime.timedelta(days=35),
    )
    PageReview.objects.create(
        page=later, reviewer_name="Dr Li Wei", reviewed_on=today, next_review_due=today + datetime.timedelta(days=200)
    )
    out = StringIO()
    call_command("reviewsdue", stdout=out)
    report = out.getvalue()
    assert report.index("Dr Chen") < report.index("Dr Li Wei")
    assert "OVERDUE" in report and "Causes of cirrhosis" in report and "Liver transplant" in report
    assert "Tests and scores" not in report

    admin = get_user_model().objects.create_superuser("report-admin", password="a long password 123")
    client.force_login(admin)
    html = client.get("/admin/reports/reviews-due/").content.decode()
    assert f'data-page-id="{overdue.id}"' in html and f'data-page-id="{due_soon.id}"' in html
    assert f'data-page-id="{later.id}"' not in html


def test_loadcontent_keeps_every_revision_and_editors_can_compare_them(tmp_path, client):
    import shutil

    import yaml
    from django.conf import settings

    page = TopicPage.objects.get(slug="causes")
    first_revisions = list(page.revisions.values_list("id", flat=True))
    content = tmp_path / "content"
    shutil.copytree(settings.CONTENT_DIR, content)
    path = content / "pages/causes.yaml"
    data = yaml.safe_load(path.read_text())
    data["title"]["en"] = "Why cirrhosis happens"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    call_command("loadcontent", content_dir=content, stdout=StringIO())

    revisions = list(page.revisions.order_by("id").values_list("id", flat=True))
    assert set(first_revisions) < set(revisions)
    admin = get_user_model().objects.create_superuser("history-admin", password="a long password 123")
    client.force_login(admin)
    compare = client.get(f"/admin/pages/{page.id}/revisions/compare/{revisions[-2]}...{revisions[-1]}/")
    assert compare.status_code == 200 and "Why cirrhosis happens" in compare.content.decode()
    assert client.get(f"/admin/pages/{page.id}/history/").status_code == 200


def test_every_patient_page_has_medical_web_page_json_ld(editor, reviewer, client, html):
    for path in [
        "/en/",
        "/zh-hans/about-cirrhosis/causes/",
        "/en/evidence/qin-2025/",
        "/zh-hans/glossary/",
        "/en/check/",
    ]:
        page = html(client.get(path))
        data = [json.loads(script.string) for script in page.find_all("script", type="application/ld+json")]
        medical = [item for item in data if isinstance(item, dict) and item.get("@type") == "MedicalWebPage"]
        assert len(medical) == 1, path
        assert medical[0]["inLanguage"] == ("en" if path.startswith("/en/") else "zh-Hans")
        assert medical[0]["medicalAudience"] == {"@type": "MedicalAudience", "audienceType": "Patient"}
        assert medical[0]["url"] == "http://testserver" + path
    approve(submit(TopicPage.objects.get(slug="causes"), editor), reviewer)
    page = html(client.get("/en/about-cirrhosis/causes/"))
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["lastReviewed"] == datetime.date.today().isoformat()
    assert data["reviewedBy"] == {"@type": "Person", "name": "Dr Li Wei", "jobTitle": "Consultant hepatologist"}


def test_checkparity_reports_a_draft_awaiting_review(editor):
    page = TopicPage.objects.get(slug="causes")
    submit(page, editor, summary_zh_hans="")
    out = StringIO()
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("checkparity", stdout=out)
    assert "awaiting review: page /about-cirrhosis/causes/" in out.getvalue()
    assert "summary: has no Chinese translation" in out.getvalue()


def test_the_review_report_lists_pages_no_clinician_has_reviewed(client):
    from explainer.review.reports import never_reviewed

    reviewed = TopicPage.objects.get(slug="causes")
    PageReview.objects.create(
        page=reviewed,
        reviewer_name="Dr Li Wei",
        reviewed_on=datetime.date.today(),
        next_review_due=add_months(datetime.date.today(), 12),
    )
    unreviewed = never_reviewed()
    live_patient_pages = [page for page in Page.objects.live().specific() if getattr(page, "is_patient_page", False)]
    assert len(unreviewed) == len(live_patient_pages) - 1 > 20
    assert reviewed.id not in {page.id for page in unreviewed}

    out = StringIO()
    call_command("reviewsdue", stdout=out)
    report = out.getvalue()
    assert report.startswith(f"{len(unreviewed)} never reviewed, 0 overdue, 0 due in the next 30 days.")
    assert "NEVER   What is cirrhosis?  (/about-cirrhosis/what-is-cirrhosis/)" in report
    assert "Causes of cirrhosis" not in report

    admin = get_user_model().objects.create_superuser("never-admin", password="a long password 123")
    client.force_login(admin)
    html = client.get("/admin/reports/reviews-due/").content.decode()
    assert f'data-page-id="{unreviewed[0].id}" data-review-status="never_reviewed"' in html
    assert f'data-page-id="{reviewed.id}"' not in html
    assert f"Never reviewed: {len(unreviewed)}. Overdue: 0. Due in the next 30 days: 0." in html


def test_a_reviewer_has_a_name_in_each_language_and_the_admin_shows_it(editor, client, html):
    call_command(
        "createreviewer",
        "dr-zhou",
        "--name",
        "Dr Zhou Min",
        "--name-zh",
        "周敏医生",
        "--role",
        "Hepatologist",
        "--role-zh",
        "肝病科医生",
        "--password",
        "a long password 123",
        stdout=StringIO(),
    )
    reviewer = get_user_model().objects.get(username="dr-zhou")
    assert reviewer.get_full_name() == "Dr Zhou Min"
    page = TopicPage.objects.get(slug="causes")
    approve(submit(page, editor), reviewer)
    english = html(client.get("/en/about-cirrhosis/causes/")).find(class_="review-record").get_text(" ", strip=True)
    chinese = (
        html(client.get("/zh-hans/about-cirrhosis/causes/")).find(class_="review-record").get_text(" ", strip=True)
    )
    assert "Dr Zhou Min, Hepatologist" in english and "周敏" not in english
    assert "审核：周敏医生（肝病科医生）" in chinese and "Zhou" not in chinese


def test_every_loaded_page_and_term_is_ready_for_review():
    """So that editors can submit and reviewers publish any of them without first filling gaps."""
    from explainer.glossary.models import GlossaryTerm
    from explainer.quality.completeness import missing_translations
    from explainer.quality.texts import reader_pages

    gaps = {page.url_path: missing_translations(page) for page in reader_pages()}
    gaps.update({f"term {term.slug}": missing_translations(term) for term in GlossaryTerm.objects.all()})
    assert {owner: fields for owner, fields in gaps.items() if fields} == {}


def test_reviewers_made_before_names_were_shown_get_their_name_in_the_admin():
    from importlib import import_module

    from django.apps import apps

    user = get_user_model().objects.create_user("dr-old", password="a long password 123")
    ClinicalReviewer.objects.create(user=user, name_en="Dr Old Reviewer", role_en="Hepatologist")
    import_module("explainer.review.migrations.0005_reviewer_display_names").reviewers_are_shown_by_name(apps, None)
    user.refresh_from_db()
    assert user.get_full_name() == "Dr Old Reviewer"
