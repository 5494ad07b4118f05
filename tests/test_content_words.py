"""What patients read: no internal working words or file names, sources shown in both languages, and the same
emergency rule (with a tap-to-call 120) on every patient page and handout."""

import re

import pytest
from wagtail.models import Page

from explainer.caution.models import CheckerPage, WorkedExamplePage
from explainer.content.readers import read_sources
from explainer.content.schema import ContentError, Fields
from explainer.core.handouts import PrintableMixin
from explainer.evidence.models import EvidenceIndexPage, StudyPage
from explainer.glossary.models import GlossaryPage
from explainer.topics.models import HomePage, SectionPage, TopicPage

LANGUAGES = ["en", "zh-hans"]
INTERNAL_WORDS = re.compile(
    r"[0-9]{3}_[0-9a-f]{16}\.txt|\bseed\b|seeds/|evidence[ -]notes|证据笔记|种子文件|evidence-dossier|content-review",
    re.IGNORECASE,
)
EMERGENCY_WORDS = {
    "en": [
        "emergency department",
        "coffee grounds",
        "black or bloody stools",
        "hard to wake",
        "belly is swollen",
        "Do not drive yourself",
        "Bring your medicines",
    ],
    "zh-hans": ["急诊", "咖啡渣", "排黑便或血便", "叫不醒", "肚子胀大", "不要自己开车", "带上您正在吃的药"],
}
PATIENT_PAGE_TYPES = [
    HomePage,
    SectionPage,
    TopicPage,
    EvidenceIndexPage,
    StudyPage,
    GlossaryPage,
    CheckerPage,
    WorkedExamplePage,
]


def patient_pages():
    return [
        page
        for page in Page.objects.live().filter(depth__gt=1).specific().order_by("path")
        if getattr(page, "is_patient_page", False)
    ]


def url(page, language, suffix=""):
    return f"/{language}{page.url_path.removeprefix('/home')}{suffix}"


def internal_words(response):
    return sorted({match.group() for match in INTERNAL_WORDS.finditer(response.content.decode())})


@pytest.mark.django_db
def test_no_page_or_handout_carries_internal_words_or_file_names(client):
    found = {}
    for page in patient_pages():
        for language in LANGUAGES:
            paths = [url(page, language)] + (
                [url(page, language, "print/")] if isinstance(page, PrintableMixin) else []
            )
            for path in paths:
                response = client.get(path)
                assert response.status_code == 200, path
                if words := internal_words(response):
                    found[path] = words
    assert found == {}


def test_the_internal_words_check_can_fail():
    class Response:
        content = "Reported by a seed document (000_b0ab64d92623ac1d.txt); 我们的证据笔记".encode()

    assert internal_words(Response()) == ["000_b0ab64d92623ac1d.txt", "seed", "证据笔记"]


def test_a_page_source_given_as_a_file_name_is_refused():
    fields = Fields("pages/x.yaml", {"sources": [{"citation": "A news summary", "seed": "000_b0ab64d92623ac1d.txt"}]})
    with pytest.raises(ContentError, match="seed"):
        read_sources(fields)


def test_a_source_can_be_cited_in_each_language_with_a_note():
    fields = Fields(
        "pages/x.yaml",
        {
            "sources": [
                {
                    "citation": {"en": "NHS inform — Cirrhosis", "zh-hans": "英国国家医疗服务体系：肝硬化"},
                    "url": "https://www.nhsinform.scot/",
                    "note": {"en": "the advert discussed here", "zh-hans": "本页分析的广告"},
                }
            ]
        },
    )
    [source] = read_sources(fields)
    assert source["citation"] == "NHS inform — Cirrhosis"
    assert source["citation_zh_hans"] == "英国国家医疗服务体系：肝硬化"
    assert (source["note"], source["note_zh_hans"]) == ("the advert discussed here", "本页分析的广告")
    with pytest.raises(ContentError, match="note"):
        read_sources(Fields("pages/x.yaml", {"sources": [{"citation": "X", "note": {"en": "only English"}}]}))


@pytest.mark.django_db
def test_every_pages_sources_render_in_both_languages(client, html):
    pages_with_sources = [page for page in patient_pages() if page.sources]
    assert len(pages_with_sources) >= 15
    for page in pages_with_sources:
        for language in LANGUAGES:
            items = html(client.get(url(page, language))).select("section.sources li.source")
            assert len(items) == len(page.sources), (page.slug, language)
            for item, source in zip(items, page.sources):
                value = source.value
                expected = value["citation"]
                if language == "zh-hans" and value["citation_zh_hans"]:
                    expected = value["citation_zh_hans"]
                assert expected in item.get_text(), (page.slug, language, expected)
                if value["doi"]:
                    assert item.find("a", href=f"https://doi.org/{value['doi']}"), (page.slug, value["doi"])
        if isinstance(page, PrintableMixin):
            for language in LANGUAGES:
                handout = html(client.get(url(page, language, "print/")))
                assert len(handout.select(".handout__sources li")) == len(page.sources), (page.slug, language)


@pytest.mark.django_db
def test_a_chinese_citation_is_shown_on_the_chinese_page_only(client, html):
    page = TopicPage.objects.live().get(slug="causes")
    english = html(client.get(url(page, "en"))).select_one("section.sources").get_text()
    chinese = html(client.get(url(page, "zh-hans"))).select_one("section.sources").get_text()
    assert "《慢性乙型肝炎防治指南（2019年版）》" in chinese
    assert "Guidelines for the prevention and treatment of chronic hepatitis B (2019 version)" in english
    assert "《慢性乙型肝炎防治指南（2019年版）》" not in english


@pytest.mark.django_db
def test_every_study_source_is_described_in_words_in_both_languages(client, html):
    for study in StudyPage.objects.live():
        for language in LANGUAGES:
            items = html(client.get(url(study, language))).select(".fact-sources li")
            assert len(items) == study.fact_sources.count(), (study.slug, language)
            for item in items:
                text = item.get_text(" ", strip=True)
                assert text and not INTERNAL_WORDS.search(text), (study.slug, language, text)


@pytest.mark.django_db
@pytest.mark.parametrize("model", PATIENT_PAGE_TYPES, ids=lambda model: model.__name__)
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_emergency_rule_with_a_tap_to_call_120_is_on_every_patient_page_type(client, html, model, language):
    page = model.objects.live().first()
    assert page is not None, model
    paths = [url(page, language)] + ([url(page, language, "print/")] if isinstance(page, PrintableMixin) else [])
    for path in paths:
        rule = html(client.get(path)).select("aside.emergency")
        assert len(rule) == 1, path
        assert rule[0].find("a", href="tel:120", string="120"), path
        text = " ".join(rule[0].get_text(" ").split())
        for words in EMERGENCY_WORDS[language]:
            assert words in text, (path, words)


@pytest.mark.django_db
def test_no_emergency_sign_is_left_to_telling_your_doctor(client):
    """The emergency signs go with "call 120 now", never with "tell your doctor" in the same sentence."""
    sentence = re.compile(r"[^.。!?！？]*(?:vomit blood|black stools|吐血|排黑便)[^.。!?！？]*")
    found = []
    for page in patient_pages():
        for language in LANGUAGES:
            text = client.get(url(page, language)).content.decode()
            for match in sentence.finditer(re.sub(r"<[^>]+>", " ", text)):
                if re.search(r"tell your doctor|请告诉医生|same day|当天", match.group(), re.IGNORECASE):
                    found.append((page.slug, language, " ".join(match.group().split())))
    assert found == []
