import calendar
import datetime
import json
import re
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import call_command
from PIL import Image
from wagtail.models import Page, Workflow

from explainer.evidence.models import StudyPage
from explainer.review.models import ClinicalReviewer, PageReview, add_months
from explainer.topics.models import TopicPage
from tests.editor import page_form, topic_page_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    user = get_user_model().objects.create_user("edith", password="a long password 123")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def reviewer():
    user = get_user_model().objects.create_user("dr-li", password="a long password 123")
    user.groups.add(Group.objects.get(name="Clinical reviewers"))
    ClinicalReviewer.objects.create(
        user=user, name="Dr Li Wei", role_en="Consultant hepatologist", role_zh_hans="肝病科主任医师"
    )
    return user


def submit(page, editor, **changes):
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision(user=editor)
    return page.get_workflow().start(page, editor)


def approve(workflow_state, reviewer):
    task_state = workflow_state.current_task_state
    task_state.task.specific.on_action(task_state, reviewer, "approve")


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


def decode_qr(svg):
    size = int(re.search(r'viewbox="0 0 (\d+) \d+"', svg, re.IGNORECASE).group(1))
    scale = 8
    image = Image.new("L", (size * scale, size * scale), 255)
    for x, y in re.findall(r"M(\d+) (\d+)h1v1h-1z", svg):
        x, y = int(x), int(y)
        image.paste(0, (x * scale, y * scale, (x + 1) * scale, (y + 1) * scale))
    import zxingcpp

    results = zxingcpp.read_barcodes(image)
    return [result.text for result in results]


@pytest.mark.parametrize(
    "language, path",
    [("en", "/about-cirrhosis/symptoms-and-complications/"), ("zh-hans", "/evidence/mohamadnejad-2013/")],
)
def test_handout_prints_without_navigation_with_a_qr_code_to_the_page(client, html, language, path):
    page = html(client.get(f"/{language}{path}print/"))
    assert page.html["lang"] == ("en" if language == "en" else "zh-Hans")
    assert page.find(class_="main-menu") is None and page.find(class_="language-switch") is None
    assert page.find("link", rel="stylesheet")["href"].endswith("print.css")
    assert page.find(class_="review-record")
    svg = str(page.find("svg", class_="qr-code"))
    assert decode_qr(svg) == [f"http://testserver/{language}{path}"]


def test_topic_handout_shows_key_points_and_sources(client, html):
    topic = TopicPage.objects.get(slug="symptoms-and-complications")
    page = html(client.get("/en/about-cirrhosis/symptoms-and-complications/print/"))
    key_points = topic.key_point_list()
    assert key_points
    assert [li.get_text() for li in page.select(".handout__points li")] == key_points
    assert page.select(".handout__sources li")


def test_study_handout_shows_its_evidence_label_what_it_can_tell_and_its_doi(client, html):
    """A study's handout is its own template (evidence/study_page_print.html) on the shared handout page."""
    study = StudyPage.objects.get(slug="mohamadnejad-2013")
    page = html(client.get("/en/evidence/mohamadnejad-2013/print/"))
    assert page.find(class_="qr-code") and page.find(class_="review-record")
    assert page.find(class_="badge__text").get_text() == str(study.evidence_label.text)
    assert page.find("h2", string="What this study can and cannot tell you")
    assert page.select(".handout__points") == []
    assert f"doi:{study.doi}" in page.find("p", class_="handout__sources").get_text()


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


def test_approving_from_the_dashboard_confirms_it_and_leaves_nothing_unpublished(editor, reviewer, client):
    page = TopicPage.objects.get(slug="causes")
    state = submit(page, editor, title_en="Causes of cirrhosis (checked)")
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(reviewer)
    profile.preferred_language = "en"  # the admin's language is otherwise the browser's
    profile.save()
    client.force_login(reviewer)
    task_state = state.current_task_state
    response = client.post(
        f"/admin/pages/workflow/action/{page.id}/approve/{task_state.id}/", {"next": "/admin/"}, follow=True
    )
    text = response.content.decode()
    review = PageReview.objects.get(page=page)
    assert "Approved: “Causes of cirrhosis (checked)” is live." in text
    assert "the next is due" in text and str(review.next_review_due.year) in text
    page.refresh_from_db()
    assert page.live and not page.has_unpublished_changes and page.title_en == "Causes of cirrhosis (checked)"


@pytest.fixture
def page_in_review(editor, monkeypatch):
    """A topic page an editor changed and submitted in the editor, and the body's form data as the editor (and a
    reviewer opening it) posts it. The caution layer's checks on saving and approving are not what these tests are
    about and take seconds, so they find nothing here."""
    from django.test import Client
    from wagtail.test.utils.form_data import nested_form_data, rich_text

    monkeypatch.setattr("explainer.caution.wagtail_hooks.blocking_claims", lambda page: [])
    body = nested_form_data(
        {
            field: {
                "count": "1",
                "0": {
                    "type": "paragraph",
                    "value": rich_text(text),
                    "deleted": "",
                    "order": "0",
                    "id": f"{field}-paragraph",
                },
            }
            for field, text in [
                ("body_en", "<p>Heavy drinking and hepatitis B are common causes.</p>"),
                ("body_zh_hans", "<p>常见的原因有长期喝酒和乙肝。</p>"),
            ]
        }
    )
    page = TopicPage.objects.get(slug="causes")
    client = Client()
    client.force_login(editor)
    form = topic_page_form(page, body, title_en="Causes of cirrhosis (checked)", **{"action-submit": "true"})
    assert client.post(f"/admin/pages/{page.pk}/edit/", form).status_code == 302
    page = TopicPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert page.title_en == "Causes of cirrhosis (checked)" and page.current_workflow_task is not None
    return page, body


APPROVE = {"action-workflow-action": "true", "workflow-action-name": "approve"}


def test_approve_and_publish_in_the_editor_leaves_no_draft_when_autosave_posts_the_form_again(
    page_in_review, reviewer, client
):
    """ux review #29: clicking "Approve and publish" adds the action's hidden inputs to the form, autosave took them
    for an edit and posted the form again while the approval was processed: an identical revision after the one
    published, and the page "live + draft"."""
    page, body = page_in_review
    revisions = page.revisions.count()
    client.force_login(reviewer)
    form = topic_page_form(page, body, **APPROVE)
    response = client.post(f"/admin/pages/{page.pk}/edit/", form)
    assert response.status_code == 302
    page = TopicPage.objects.get(pk=page.pk)
    assert page.revisions.count() == revisions  # the reviewer changed nothing: the submitted revision is published
    assert page.live and page.title_en == "Causes of cirrhosis (checked)"
    assert not page.has_unpublished_changes and page.live_revision_id == page.latest_revision_id

    autosave = client.post(f"/admin/pages/{page.pk}/edit/", form, HTTP_ACCEPT="application/json")

    assert autosave.json()["success"] is False and autosave.json()["error_code"] == "invalid_revision"
    page = TopicPage.objects.get(pk=page.pk)
    assert page.revisions.count() == revisions
    assert not page.has_unpublished_changes and page.live_revision_id == page.latest_revision_id
    assert PageReview.objects.filter(page=page).count() == 1


def test_an_autosave_that_arrives_before_the_approval_neither_approves_nor_saves(page_in_review, reviewer, client):
    page, body = page_in_review
    revisions = page.revisions.count()
    client.force_login(reviewer)
    autosave = client.post(
        f"/admin/pages/{page.pk}/edit/", topic_page_form(page, body, **APPROVE), HTTP_ACCEPT="application/json"
    )
    assert autosave.status_code == 409 and autosave.json()["error_code"] == "invalid_revision"
    page = TopicPage.objects.get(pk=page.pk)
    assert page.revisions.count() == revisions and page.title_en == "Causes of cirrhosis"
    assert page.current_workflow_task is not None and not PageReview.objects.filter(page=page).exists()


def test_the_glossary_editor_refuses_the_same_autosave(reviewer, client):
    from explainer.glossary.models import GlossaryTerm

    term = GlossaryTerm.objects.get(slug="ascites")
    revisions = term.revisions.count()
    client.force_login(reviewer)
    autosave = client.post(
        f"/admin/snippets/glossary/glossaryterm/edit/{term.pk}/",
        {"term_en": term.term_en, **APPROVE},
        HTTP_ACCEPT="application/json",
    )
    assert autosave.status_code == 409 and autosave.json()["error_code"] == "invalid_revision"
    assert GlossaryTerm.objects.get(pk=term.pk).revisions.count() == revisions


def test_an_ordinary_autosave_still_saves_a_draft(page_in_review, reviewer, client):
    page, body = page_in_review
    revisions = page.revisions.count()
    client.force_login(reviewer)
    form = topic_page_form(page, body, summary_en=page.summary_en + " Autosaved.")
    autosave = client.post(f"/admin/pages/{page.pk}/edit/", form, HTTP_ACCEPT="application/json")
    assert autosave.json()["success"] is True
    page = TopicPage.objects.get(pk=page.pk)
    assert page.revisions.count() == revisions + 1
    assert page.get_latest_revision_as_object().summary_en.endswith(" Autosaved.")


def test_the_editor_loads_the_script_that_stops_autosave_once_the_form_is_sent(reviewer, client):
    from django.conf import settings

    client.force_login(reviewer)
    page = TopicPage.objects.get(slug="causes")
    html = client.get(f"/admin/pages/{page.id}/edit/").content.decode()
    assert "js/admin-autosave.js" in html
    script = (settings.SITE_DIR / "static" / "js" / "admin-autosave.js").read_text()
    assert 'setAttribute("data-w-autosave-active-value"' in script and '.on("submit"' in script


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
