"""The page history's compare view (ux review #30): paragraphs do not run together, and a body whose words did not
change is not listed as a change."""

import json

import pytest
from bs4 import BeautifulSoup

from explainer.topics.models import TopicPage

pytestmark = pytest.mark.django_db


def compare(admin_client, page, first, second):
    url = f"/admin/pages/{page.id}/revisions/compare/{first.id}...{second.id}/"
    response = admin_client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def rows(document):
    return {
        row.find("td", class_="title").get_text(strip=True): row.find("td", class_="comparison")
        for row in document.select("table.listing tbody tr")
        if row.find("td", class_="title")
    }


def test_only_the_changed_summary_is_listed_when_the_body_only_gained_paragraph_keys(admin_client):
    page = TopicPage.objects.get(slug="what-is-cirrhosis")
    first = page.save_revision()
    body = page.body_en.raw_data
    for block in body:
        if block["type"] == "paragraph":
            block["value"] = block["value"].replace("<p>", '<p data-block-key="k1">')
    page.body_en = body
    page.summary_en = page.summary_en + " Changed."
    second = page.save_revision()
    listed = rows(compare(admin_client, page, first, second))
    assert any("Summary" in label for label in listed), list(listed)
    assert not any(label.startswith("Body") for label in listed), list(listed)


def test_a_changed_paragraph_keeps_its_sentences_apart(admin_client):
    page = TopicPage.objects.get(slug="what-is-cirrhosis")
    block = "0b8c5e3e-4d6f-4a53-9f00-2a1b3c4d5e6f"
    page.body_en = json.dumps(
        [{"type": "paragraph", "id": block, "value": "<p>Your liver works well.</p><p>Scarring builds up slowly.</p>"}]
    )
    first = page.save_revision()
    page.body_en = json.dumps(
        [
            {
                "type": "paragraph",
                "id": block,
                "value": "<p>Your liver works well.</p><p>Scarring builds up over years.</p>",
            }
        ]
    )
    second = page.save_revision()
    body = next(
        cell for label, cell in rows(compare(admin_client, page, first, second)).items() if label.startswith("Body")
    )
    paragraphs = [p.get_text(" ", strip=True) for p in body.find_all("p")]  # Wagtail's own: one run, "well.Scarring"
    assert paragraphs[0] == "Your liver works well." and paragraphs[1].startswith("Scarring builds up")
    assert body.find(class_="addition") and "over years" in body.find(class_="addition").get_text()
