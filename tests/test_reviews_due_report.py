"""The admin's "Clinical reviews due" report: a Wagtail ReportView in the Reports menu, with CSV and XLSX downloads."""

import csv
import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from openpyxl import load_workbook

from explainer.review.models import ClinicalReviewer, PageReview, site_today
from explainer.topics.models import TopicPage

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/reviews-due/"


def review(page, name, *, reviewed_days_ago, due_in_days, name_zh="", reviewer=None):
    today = site_today()
    return PageReview.objects.create(
        page=page,
        reviewer=reviewer,
        reviewer_name=name,
        reviewer_name_zh_hans=name_zh,
        reviewed_on=today - datetime.timedelta(days=reviewed_days_ago),
        next_review_due=today + datetime.timedelta(days=due_in_days),
    )


@pytest.fixture
def pages():
    """One page overdue, one due in 20 days, one reviewed last week (due next year), one never reviewed."""
    overdue, due_soon, fresh, never = (
        TopicPage.objects.get(slug=slug)
        for slug in ("causes", "liver-transplant", "tests-and-scores", "symptoms-and-complications")
    )
    review(overdue, "Dr Li Wei", name_zh="李伟医生", reviewed_days_ago=400, due_in_days=-35)
    review(due_soon, "Dr Chen", reviewed_days_ago=345, due_in_days=20)
    review(fresh, "Dr Chen", reviewed_days_ago=7, due_in_days=358)
    return {"overdue": overdue, "due_soon": due_soon, "fresh": fresh, "never": never}


@pytest.fixture
def admin_client(client):
    client.force_login(get_user_model().objects.create_superuser("report-admin", password="a long password 123"))
    return client


def rows(page):
    return {int(row["data-page-id"]): row for row in page.select("tr[data-page-id]")}


def test_the_report_lists_overdue_due_soon_and_never_reviewed_pages_but_not_fresh_ones(admin_client, html, pages):
    page = html(admin_client.get(REPORT))
    listed = rows(page)
    assert pages["fresh"].id not in listed
    overdue = listed[pages["overdue"].id]
    assert overdue["data-review-status"] == "overdue"
    cells = [cell.get_text(" ", strip=True) for cell in overdue.find_all("td")]
    assert cells[0] == "Causes of cirrhosis" and cells[1] == "Dr Li Wei" and cells[-1] == "Overdue"
    assert overdue.find("a")["href"] == f"/admin/pages/{pages['overdue'].id}/edit/"
    assert listed[pages["due_soon"].id]["data-review-status"] == "due_soon"
    assert listed[pages["never"].id]["data-review-status"] == "never_reviewed"
    # Never reviewed first, then by reviewer: Dr Chen's page before Dr Li Wei's.
    order = list(listed)
    assert listed[order[0]]["data-review-status"] == "never_reviewed"
    assert order.index(pages["due_soon"].id) < order.index(pages["overdue"].id)
    never = sum(1 for row in listed.values() if row["data-review-status"] == "never_reviewed")
    counts = page.find(attrs={"data-review-counts": True}).get_text(" ", strip=True)
    assert counts == f"Never reviewed: {never}. Overdue: 1. Due in the next 30 days: 1."
    assert page.find("a", href=f"{REPORT}?export=csv") and page.find("a", href=f"{REPORT}?export=xlsx")


def test_the_report_is_in_the_reports_menu(admin_client, pages):
    assert REPORT in admin_client.get("/admin/").content.decode()


def test_the_report_filters_by_status_and_by_reviewer(admin_client, html, pages):
    overdue_only = rows(html(admin_client.get(f"{REPORT}results/", {"review_status": "overdue"})))
    assert list(overdue_only) == [pages["overdue"].id]

    user = get_user_model().objects.create_user("dr-chen", password="a long password 123")
    chen = ClinicalReviewer.objects.create(user=user, name="Dr Chen", role="Hepatologist")
    PageReview.objects.filter(reviewer_name="Dr Chen").update(reviewer=chen)
    chens = rows(html(admin_client.get(REPORT, {"reviewer": chen.pk})))
    assert list(chens) == [pages["due_soon"].id]


def test_the_report_shows_the_reviewers_chinese_name_in_the_chinese_admin(admin_client, html, pages):
    page = html(admin_client.get(REPORT, HTTP_ACCEPT_LANGUAGE="zh-hans"))
    cells = [cell.get_text(" ", strip=True) for cell in rows(page)[pages["overdue"].id].find_all("td")]
    assert cells[1] == "李伟医生" and cells[-1] == "已逾期"
    counts = page.find(attrs={"data-review-counts": True}).get_text(strip=True)
    assert "已逾期：1 页。30 天内到期：1 页。" in counts


def test_the_report_downloads_as_csv_and_xlsx(admin_client, html, pages):
    response = admin_client.get(REPORT, {"export": "csv"})
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="clinical-reviews-due-{site_today()}.csv"'
    table = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert table[0] == ["Page", "Reviewed by", "Last reviewed", "Next review due", "Status"]
    today = site_today()
    overdue_row = [
        "Causes of cirrhosis",
        "Dr Li Wei",
        str(today - datetime.timedelta(days=400)),
        str(today - datetime.timedelta(days=35)),
        "Overdue",
    ]
    assert overdue_row in table
    assert not any(row[0] == "Tests and scores" for row in table)
    # Every row of the report, not just its first page of results.
    assert len(table) - 1 == len(rows(html(admin_client.get(REPORT))))

    response = admin_client.get(REPORT, {"export": "xlsx"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0] == table[0]
    assert ["Causes of cirrhosis", "Dr Li Wei"] in [row[:2] for row in values]


@pytest.mark.parametrize("path", [REPORT, f"{REPORT}results/", f"{REPORT}?export=csv"])
def test_someone_who_may_not_use_the_admin_is_refused(client, path):
    assert client.get(path).status_code == 302  # anonymous: to the login page
    client.force_login(get_user_model().objects.create_user("reader", password="a long password 123"))
    response = client.get(path)
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert b"Causes of cirrhosis" not in response.content


def test_editors_and_clinical_reviewers_may_see_it(client, pages):
    for name, group in [("edith", "Editors"), ("dr-li", "Clinical reviewers")]:
        user = get_user_model().objects.create_user(name, password="a long password 123")
        user.groups.add(Group.objects.get(name=group))
        client.force_login(user)
        assert f'data-page-id="{pages["overdue"].id}"' in client.get(REPORT).content.decode()
