"""Printable handouts: a page without navigation, with a QR code back to it, its key points and sources."""

import re

import pytest
from PIL import Image

from explainer.evidence.models import StudyPage
from explainer.topics.models import TopicPage

pytestmark = pytest.mark.django_db


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
