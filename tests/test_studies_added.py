"""Studies added to the evidence library from the content review (§6): each loads and renders in both languages."""

import pytest

from explainer.evidence.models import StudyPage

pytestmark = pytest.mark.django_db

NOT_RANDOMISED = ("Compared with another group, but not randomised", "与另一组做了比较，但没有随机分组")
PLACEBO = ("Randomised and placebo-controlled", "随机分组并有安慰剂对照")
NOT_STATED = (
    "Randomised; the report does not say who knew about the treatment",
    "随机分组；报告没有说明谁知道分组情况",
)
REVIEW = ("Systematic review of earlier studies", "对以往研究的系统综述")
NO_COMPARISON = ("Early study — no comparison group", "早期研究——没有对照组")
OPEN_LABEL = (
    "Randomised, but patients and doctors knew who got the treatment",
    "随机分组，但患者和医生都知道谁接受了治疗",
)

# key: (title, group sizes as loaded, the badge in English and in Chinese, a number both summaries must carry)
ADDED = {
    "zhang-2012": ("Zhang 2012", [30, 15], NOT_RANDOMISED, "45"),
    "garg-2012": ("Garg 2012", [23, 24], PLACEBO, "47"),
    "bai-2014": ("Bai 2014", [32, 15], NOT_RANDOMISED, "47"),
    "deng-2015": ("Deng 2015", [33, 35], NOT_RANDOMISED, "68"),
    "pan-2014": ("Pan 2014", [], REVIEW, "78"),
    "salama-2014": ("Salama 2014", [20, 20], NOT_STATED, "40"),
    "amer-2011": ("Amer 2011", [10, 10, 20], NOT_RANDOMISED, "40"),
    "cardinale-2014": ("Cardinale 2014", [2], NO_COMPARISON, "12"),
    "wang-2014": ("Wang 2014", [10], NO_COMPARISON, "10"),
    "el-ansary-2012": ("El-Ansary 2012", [15, 10], NOT_RANDOMISED, "25"),
    "kedarisetty-2015": ("Kedarisetty 2015", [29, 26], PLACEBO, "55"),
    "de-2021": ("De 2021", [50, 50], OPEN_LABEL, "100"),
    "wang-2013": ("Wang 2013", [7], NO_COMPARISON, "7"),
    "zhao-2018": ("Zhao 2018", [], REVIEW, "39"),
    "li-2019": ("Li 2019", [], REVIEW, "394"),
}


def fact_cells(page):
    """{row heading: cell text} of the study's fact card."""
    return {
        row.th.get_text(strip=True): row.td.get_text(" ", strip=True)
        for row in page.find("table", class_="facts").find_all("tr")
    }


def squeeze(text):
    return " ".join(text.split())


def summary_text(page):
    """The text under the "In short" heading, up to the fact card."""
    heading = page.find("h2")
    parts = []
    for sibling in heading.find_next_siblings():
        if sibling.name != "p":
            break
        parts.append(sibling.get_text())
    return " ".join(parts)


@pytest.mark.parametrize("key", ADDED)
def test_added_study_is_loaded_with_its_groups_in_both_languages(key):
    title, sizes, _label, _number = ADDED[key]
    study = StudyPage.objects.live().get(slug=key)
    assert study.title == title
    assert [arm.enrolled for arm in study.arms.all()] == sizes
    assert all(arm.label_zh_hans for arm in study.arms.all())
    assert study.summary_zh_hans and study.can_and_cannot_zh_hans and study.authors_conclusion_zh_hans


# language: (which badge text, the heading of the "People" row, how one group's size reads)
LANGUAGES = {"en": (0, "People", "{} enrolled"), "zh-hans": (1, "人数", "入组 {} 人")}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("key", ADDED)
def test_added_study_shows_title_size_and_comparison(client, html, key, language):
    title, sizes, labels, number = ADDED[key]
    which, people_heading, size_format = LANGUAGES[language]
    page = html(client.get(f"/{language}/evidence/{key}/"))
    assert page.h1.get_text(strip=True) == title
    assert squeeze(page.find(class_="badge").get_text()) == labels[which]
    people = fact_cells(page).get(people_heading, "")
    assert [size_format.format(size) in people for size in sizes] == [True] * len(sizes), people
    assert number in summary_text(page)


@pytest.mark.parametrize(
    "language, cells, unstated",
    [
        ("en", "Stem cells from a fetus's bile ducts", "Not stated in the sources we read"),
        ("zh-hans", "来自胎儿胆道的干细胞", "我们读到的资料中没有写明"),
    ],
)
def test_a_cell_type_outside_the_usual_kinds_is_named_not_called_unstated(client, html, language, cells, unstated):
    facts = fact_cells(html(client.get(f"/{language}/evidence/cardinale-2014/")))
    assert any(cells in text for text in facts.values()), facts
    assert not any(unstated in text for text in facts.values())


@pytest.mark.parametrize("language, words", [("en", "a web page"), ("zh-hans", "一个网页")])
def test_a_source_on_a_bare_ip_address_is_called_a_web_page(client, html, language, words):
    page = html(client.get(f"/{language}/evidence/li-2019/"))
    assert "218.28.6.71" not in page.find("main").get_text()
    assert page.find("a", href="http://218.28.6.71:81/Qikan/Article/Detail?id=7001347572").get_text(strip=True) == words


@pytest.mark.parametrize(
    "language, heading, comparison",
    [
        ("en", "Comparison group", "Usual care only, without the treatment tested"),
        ("zh-hans", "对照组", "只用常规治疗，不用所研究的治疗"),
    ],
)
def test_a_trial_of_a_medicine_is_not_described_as_compared_with_no_cells(client, html, language, heading, comparison):
    facts = fact_cells(html(client.get(f"/{language}/evidence/de-2021/")))
    assert facts[heading] == comparison
