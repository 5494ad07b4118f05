import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from explainer.caution.models import CheckerPage, WorkedExamplePage
from explainer.evidence.models import EvidenceIndexPage, StudyPage
from explainer.glossary.models import GlossaryPage
from explainer.topics.models import HomePage, SectionPage, TopicPage


class PageTreeRulesTests(WagtailPageTestCase):
    def test_home_page_only_at_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertCanNotCreateAt(SectionPage, HomePage)

    def test_sections_and_topics_go_under_home_or_a_section(self):
        self.assertAllowedSubpageTypes(HomePage, {SectionPage, TopicPage, EvidenceIndexPage, GlossaryPage, CheckerPage})
        self.assertAllowedSubpageTypes(SectionPage, {SectionPage, TopicPage})
        self.assertAllowedParentPageTypes(TopicPage, {HomePage, SectionPage})

    def test_a_topic_page_has_no_children(self):
        self.assertAllowedSubpageTypes(TopicPage, set())

    def test_studies_live_only_in_the_evidence_library(self):
        self.assertAllowedParentPageTypes(StudyPage, {EvidenceIndexPage})
        self.assertAllowedSubpageTypes(EvidenceIndexPage, {StudyPage})
        self.assertAllowedSubpageTypes(StudyPage, set())
        self.assertCanNotCreateAt(SectionPage, StudyPage)
        self.assertAllowedParentPageTypes(EvidenceIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(GlossaryPage, {HomePage})

    def test_worked_examples_live_under_the_claim_checker(self):
        self.assertAllowedParentPageTypes(CheckerPage, {HomePage})
        self.assertAllowedSubpageTypes(CheckerPage, {WorkedExamplePage})
        self.assertAllowedParentPageTypes(WorkedExamplePage, {CheckerPage})

    def test_only_one_home_page(self):
        root = Page.get_first_root_node()
        self.assertFalse(HomePage.can_create_at(root))  # the loaded home page already exists


@pytest.mark.django_db
def test_topic_page_renders_body_blocks_and_sources(client, html):
    page = html(client.get("/en/about-cirrhosis/what-is-cirrhosis/"))
    content = page.find("div", class_="content")
    assert content.find("h2") is not None
    assert content.find("p", class_="lead").get_text().strip()
    sources = page.find("section", class_="sources")
    assert sources.find("a", href=lambda href: href and href.startswith("https://doi.org/10."))


@pytest.mark.django_db
def test_page_links_in_content_point_to_the_readers_language(client, html):
    for language in ["en", "zh-hans"]:
        page = html(client.get(f"/{language}/"))
        internal = [a["href"] for a in page.find("div", class_="content").find_all("a") if a["href"].startswith("/")]
        assert internal and all(href.startswith(f"/{language}/") for href in internal)


@pytest.mark.django_db
def test_a_page_without_chinese_says_so_in_chinese_and_shows_the_english(client, html):
    section = SectionPage.objects.get(slug="about-cirrhosis")
    topic = TopicPage(
        slug="english-only",
        title_en="Only in English",
        summary_en="An English summary.",
        body_en=[{"type": "paragraph", "value": "<p>English words.</p>"}],
    )
    section.add_child(instance=topic)
    topic.save_revision().publish()

    page = html(client.get("/zh-hans/about-cirrhosis/english-only/"))

    assert page.html["lang"] == "zh-Hans"
    notice = page.find(class_="notice--translation")
    assert notice.get_text() == "本页还没有中文版，下面是英文原文。"
    content = page.find("div", class_="content")
    assert content["lang"] == "en"
    assert content.h1.get_text() == "Only in English"
    assert "English words." in content.get_text()
    english = html(client.get("/en/about-cirrhosis/english-only/"))
    assert english.find(class_="notice--translation") is None


@pytest.mark.django_db
@pytest.mark.parametrize("path, title", [("/en/", "Cirrhosis Clearly"), ("/zh-hans/", "肝硬化说明白")])
def test_the_home_page_title_names_the_site_once(client, path, title):
    html = client.get(path).content.decode()
    assert html.split("<title>")[1].split("</title>")[0] == title
