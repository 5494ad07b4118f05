"""What a reader sees around and on each page: the header and menu, the order of title and emergency rule, home and
section lists, tap-to-call 120, Chinese punctuation, the handout and the study page's wording."""

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.utils import translation
from wagtail.models import Page

from explainer.core.handouts import PrintableMixin
from explainer.evidence.models import StudyPage
from explainer.topics.models import SectionPage

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = ["en", "zh-hans"]
TOPIC = "/about-cirrhosis/what-is-cirrhosis/"


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content.decode(), "html.parser")


def url(page, language, suffix=""):
    return f"/{language}{page.url_path.removeprefix('/home')}{suffix}"


def live_pages():
    return list(Page.objects.live().filter(depth__gt=1).specific().order_by("path"))


def reader_paths(language):
    paths = []
    for page in live_pages():
        paths.append(url(page, language))
        if isinstance(page, PrintableMixin):
            paths.append(url(page, language, "print/"))
    return paths


def visible_text(page):
    for element in page(["script", "style", "title"]):
        element.decompose()
    return page.get_text(" ")


@pytest.mark.parametrize("language, label", [("en", "Menu and search"), ("zh-hans", "菜单和搜索")])
def test_phone_header_folds_menu_and_search_behind_one_button_that_needs_no_script(client, language, label):
    page = soup(client.get(f"/{language}{TOPIC}"))
    header = page.find("header", class_="site-header")
    menu = header.find("details", class_="site-nav")
    assert menu.summary.get_text(strip=True) == label
    assert not menu.has_attr("open")  # closed on a phone; CSS and layout.js keep it open on wide screens
    assert menu.find("nav", class_="main-menu").find_all("a")
    assert menu.find("form", role="search")["action"] == f"/{language}/search/"
    # The name and the language switch stay on the first line, outside the menu.
    assert header.find("a", class_="brand").find_parent("details") is None
    assert header.find("nav", class_="language-switch").find_parent("details") is None
    css = (ROOT / "site" / "static" / "css" / "site.css").read_text()
    assert ".site-nav::details-content { content-visibility: visible;" in css
    assert "layout.js" in str(page.find_all("script", src=True))


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/about-cirrhosis/",
        TOPIC,
        "/evidence/",
        "/evidence/qin-2025/",
        "/glossary/",
        "/check/",
        "/check/example-reverse-cirrhosis/",
    ],
)
def test_the_title_comes_before_the_emergency_rule_and_the_rule_is_there_once(client, language, path):
    page = soup(client.get(f"/{language}{path}"))
    main = page.find("main")
    rules = main.select("aside.emergency")
    assert len(rules) == 1
    headings_before_rule = rules[0].find_all_previous("h1")
    assert headings_before_rule and headings_before_rule[0].find_parent("main") is main


@pytest.mark.parametrize("language, words", [("en", "When to get help now"), ("zh-hans", "什么时候需要立即就医")])
def test_home_page_links_straight_to_when_to_get_help_now(client, language, words):
    page = soup(client.get(f"/{language}/"))
    link = page.find("p", class_="emergency-more").find("a")
    assert words in link.get_text()
    assert link["href"] == f"/{language}/about-cirrhosis/symptoms-and-complications/"
    assert page.find("aside", class_="emergency").find("a", href="tel:120")


@pytest.mark.parametrize("language, people", [("en", "24 people"), ("zh-hans", "24 人")])
def test_home_page_describes_studies_by_what_they_tested_and_how_many_people(client, language, people):
    page = soup(client.get(f"/{language}/"))
    qin = StudyPage.objects.get(slug="qin-2025")
    link = page.find("a", href=f"/{language}/evidence/qin-2025/")
    text = link.get_text(" ", strip=True)
    assert people in text
    with translation.override(language):
        assert qin.get_cell_type_display() in text
    assert text != qin.title and "Qin 2025" in link.find_next("cite").get_text()
    assert page.find("a", string=re.compile("All studies|全部研究"))["href"] == f"/{language}/evidence/"


@pytest.mark.parametrize("language", LANGUAGES)
def test_section_pages_list_each_child_page_once(client, language):
    for section in SectionPage.objects.live():
        content = soup(client.get(url(section, language))).find("div", class_="content")
        for child in section.get_children().live():
            href = url(child.specific, language)
            assert len(content.find_all("a", href=href)) == 1, (section.slug, href)


def test_a_section_whose_text_does_not_list_its_pages_shows_them_as_cards(client):
    section = SectionPage.objects.get(slug="living-with-cirrhosis")
    page = soup(client.get(url(section, "en")))
    cards = page.select(".card-list .card h3 a")
    assert len(cards) == section.get_children().live().count()


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_call_120_is_a_tap_to_call_link(client, language):
    unlinked = []
    for path in reader_paths(language):
        page = soup(client.get(path))
        for text in page.find_all(string=re.compile(r"(?:\b[Cc]all\s+|拨打\s*)120(?![\d.,])")):
            if not text.find_parent(["script", "style", "title"]):
                unlinked.append((path, str(text)[:80]))
        assert page.find("a", href="tel:120", string="120"), path
    assert unlinked == []


def test_tap_to_call_links_text_and_leaves_a_linked_120_alone():
    from explainer.core.templatetags.phone_links import tel_links

    assert tel_links("Call 120 now. 请马上拨打 120。") == (
        'Call <a class="emergency__tel" href="tel:120">120</a> now. '
        '请马上拨打 <a class="emergency__tel" href="tel:120">120</a>。'
    )
    assert (
        tel_links("Cells from 120 mL of marrow; <b>call</b>") == "Cells from 120 mL of marrow; &lt;b&gt;call&lt;/b&gt;"
    )


ASCII_AFTER_CHINESE = re.compile(r"[\u3400-\u9fff）、]\s*[:;]")


def test_chinese_pages_use_chinese_colons_and_semicolons(client):
    found = []
    for path in reader_paths("zh-hans") + ["/zh-hans/no-such-page/"]:
        response = client.get(path)
        page = BeautifulSoup(response.content.decode(), "html.parser")
        text = visible_text(page)
        found += [
            (path, text[max(0, match.start() - 12) : match.end() + 8]) for match in ASCII_AFTER_CHINESE.finditer(text)
        ]
    assert found == []


def test_the_chinese_punctuation_check_can_fail():
    assert ASCII_AFTER_CHINESE.search("发现了什么: 变好")
    assert ASCII_AFTER_CHINESE.search("低剂量组：入组 8 人; 中剂量组")
    assert not ASCII_AFTER_CHINESE.search("发现了什么：变好；MELD 3.0: x")


@pytest.mark.parametrize(
    "language, expected",
    [
        ("en", ["Short link to this page: ", "What was found: "]),
        ("zh-hans", ["本页短链接：", "发现了什么：", "低剂量组：入组 8 人；中剂量组：入组 8 人"]),
    ],
)
def test_labels_and_lists_follow_the_languages_punctuation(client, language, expected):
    text = " ".join(visible_text(soup(client.get(f"/{language}/evidence/qin-2025/"))).split())
    text += " ".join(visible_text(soup(client.get(f"/{language}/check/example-reverse-cirrhosis/"))).split())
    for words in expected:
        assert words in text, words


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_short_link_is_shown_as_a_short_address_that_copies_in_full(client, language):
    page = soup(client.get(f"/{language}{TOPIC}"))
    link = page.find("a", class_="share__link")
    assert link["href"].endswith(f"?lang={language}")
    assert link.get_text() == "testserver" + link["href"].split("?")[0]
    assert "break-all" not in (ROOT / "site" / "static" / "css" / "site.css").read_text()


@pytest.mark.parametrize(
    "language, print_label, back_label",
    [("en", "Print this handout", "Back to the page"), ("zh-hans", "打印这份讲义", "返回网页")],
)
def test_handout_has_a_print_button_for_script_and_a_link_back(client, language, print_label, back_label):
    page = soup(client.get(f"/{language}{TOPIC}print/"))
    button = page.find("button", attrs={"data-print-button": True})
    assert button.get_text(strip=True) == print_label and button.has_attr("hidden")  # handout.js shows it
    assert page.find("script", src=re.compile(r"handout\.js$"))
    assert page.find("a", class_="handout__back", string=back_label)["href"] == "../"
    # The code and the words that say what it is sit together in the header, on the first sheet.
    qr = page.find("div", class_="handout__qr")
    assert qr.find_parent("header") and qr.find("svg", class_="qr-code") and qr.find("span", class_="handout__url")
    js = (ROOT / "site" / "static" / "js" / "handout.js").read_text()
    assert "window.print()" in js and "button.hidden = false" in js


def test_handout_type_is_never_smaller_than_10_points_and_long_addresses_wrap():
    css = (ROOT / "site" / "static" / "css" / "print.css").read_text()
    sizes = [float(size) for size in re.findall(r"font-size:\s*([\d.]+)pt", css)]
    assert sizes and min(sizes) >= 10
    assert re.search(r"\.handout__sources \{[^}]*font-size: 10pt", css)
    assert "overflow-wrap: anywhere" in css and "break-all" not in css
    assert "@media print {\n  .handout__tools { display: none; }" in css


@pytest.mark.parametrize(
    "language, label, value, reported",
    [
        (
            "en",
            "Blinding (keeping secret who got the treatment)",
            "None: patients and doctors knew who got what",
            "we have not yet checked this against the published paper.",
        ),
        (
            "zh-hans",
            "盲法（不让人知道谁接受了治疗）",
            "不设盲：患者和医生都知道谁接受了什么治疗",
            "我们还没有拿已发表的论文原文核对过。",
        ),
    ],
)
def test_study_page_says_who_knew_and_what_is_not_yet_checked_in_plain_words(client, language, label, value, reported):
    page = soup(client.get(f"/{language}/evidence/huang-2012/"))
    facts = page.find("table", class_="facts")
    blinding = [th for th in facts.find_all("th") if " ".join(th.get_text().split()) == label]
    assert len(blinding) == 1
    cell = blinding[0].find_next("td")
    assert " ".join(cell.get_text().split()).startswith(value)
    notes = [note.get_text(" ", strip=True) for note in facts.select(".reported")]
    assert notes and all(note.endswith(reported) for note in notes)
    assert "evidence notes" not in page.get_text() and "证据笔记" not in page.get_text()


@pytest.mark.parametrize("language, once", [("en", "not yet checked against"), ("zh-hans", "尚未与论文原文核对")])
def test_a_source_that_is_not_yet_checked_says_so_once(client, language, once):
    page = soup(client.get(f"/{language}/evidence/qin-2025/"))
    for note in page.select(".reported"):
        assert once not in note.get_text(), note.get_text()
