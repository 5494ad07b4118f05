"""The last patient topics of issue 10 (content review §5): breast swelling in men, the kidney problem of ascites
(hepatorenal syndrome), when a gastroscopy for varices is needed, and what bulk buying did to antiviral prices.
Each is stated in both languages, on the rendered page, with the source that backs it."""

import pytest

from explainer.glossary.models import GlossaryTerm

pytestmark = pytest.mark.django_db

SYMPTOMS = "/about-cirrhosis/symptoms-and-complications/"
COMPLICATIONS = "/treatment/managing-complications/"
COST = "/living-with-cirrhosis/cost-and-insurance/"


def main(html, client, language, path):
    return html(client.get(f"/{language}{path}")).find("main")


def text(element):
    return " ".join(element.get_text(" ").split())


def section(main_element, heading):
    """The text from a heading to the next heading of the same level."""
    start = main_element.find("h2", string=heading)
    assert start, heading
    parts = []
    for element in start.find_all_next():
        if element.name == "h2" and "callout__heading" not in (element.get("class") or []):
            break
        if element.name in {"p", "li", "td", "th", "caption"}:
            parts.append(text(element))
    return " ".join(parts)


@pytest.mark.parametrize(
    "language, heading, phrases",
    [
        (
            "en",
            "Breast swelling in men",
            ["gynaecomastia", "spironolactone (螺内酯)", "Do not stop spironolactone", "Tell your doctor"],
        ),
        ("zh-hans", "男性乳房胀大", ["男性乳房发育", "螺内酯常见的副作用", "不要自己停用螺内酯", "请告诉医生"]),
    ],
)
def test_breast_swelling_in_men_is_explained_with_do_not_stop_the_tablet(client, html, language, heading, phrases):
    body = section(main(html, client, language, SYMPTOMS), heading)
    assert [phrase for phrase in phrases if phrase not in body] == []


@pytest.mark.parametrize(
    "language, heading, phrases",
    [
        (
            "en",
            "Kidney problems (hepatorenal syndrome)",
            [
                "Too little blood reaches them",
                "vomiting or diarrhoea, bleeding, an infection, or too many water tablets",
                "much less urine",
                "treated in hospital",
                "albumin",
                "terlipressin",
            ],
        ),
        (
            "zh-hans",
            "肾脏出问题（肝肾综合征）",
            [
                "流到肾脏的血太少",
                "呕吐、拉肚子、出血、感染，或者利尿药用得太多",
                "小便比平时少很多",
                "住院治疗",
                "输白蛋白",
                "特利加压素",
            ],
        ),
    ],
)
def test_hepatorenal_syndrome_is_explained_in_both_languages(client, html, language, heading, phrases):
    body = section(main(html, client, language, COMPLICATIONS), heading)
    assert [phrase for phrase in phrases if phrase not in body] == []


@pytest.mark.parametrize(
    "language, heading, same_day, emergency",
    [
        (
            "en",
            "Passing much less urine?",
            "see a doctor the same day",
            "Call 120 or go to an emergency department now if you also have a fever or belly pain",
        ),
        (
            "zh-hans",
            "小便突然少了很多？",
            "请当天去看医生",
            "如果同时发烧或肚子痛，或者神志不清、叫不醒，请马上拨打 120 或去急诊",
        ),
    ],
)
def test_little_urine_with_a_swollen_belly_means_the_same_day_and_the_emergency_signs_still_mean_120(
    client, html, language, heading, same_day, emergency
):
    callout = main(html, client, language, COMPLICATIONS).find("h2", string=heading).find_parent("aside")
    assert "callout--warning" in callout["class"]
    words = text(callout)
    assert same_day in words and emergency in words
    assert callout.find("a", href="tel:120", string="120")


def test_hepatorenal_syndrome_is_in_the_glossary_and_linked_where_it_is_first_used(client, html):
    term = GlossaryTerm.objects.get(slug="hepatorenal-syndrome")
    assert term.term_en == "hepatorenal syndrome (HRS)" and term.term_zh_hans == "肝肾综合征（HRS）"
    for language in ["en", "zh-hans"]:
        links = main(html, client, language, COMPLICATIONS).select(
            f"a.term[href='/{language}/glossary/#hepatorenal-syndrome']"
        )
        assert len(links) == 1, language
    glossary = text(main(html, client, "zh-hans", "/glossary/"))
    assert "小便会明显变少" in glossary


@pytest.mark.parametrize(
    "language, heading, phrases, rows",
    [
        (
            "en",
            "When you need a gastroscopy",
            [
                "Baveno VII",
                "You do not take a beta-blocker for your liver.",
                "below 20 kPa",
                "above 150",
                "repeated every year instead",
                "reported by BMJ Best Practice",
            ],
            [
                ["No varices", "About every 2 years", "About every 3 years"],
                ["Small varices", "About every year", "About every 2 years"],
            ],
        ),
        (
            "zh-hans",
            "什么时候需要做胃镜",
            [
                "Baveno VII",
                "没有为肝病吃β受体阻滞剂。",
                "低于 20 kPa",
                "高于 150",
                "每年复查一次肝脏硬度和血小板",
                "据 BMJ Best Practice 报道",
            ],
            [
                ["没有静脉曲张", "大约每 2 年一次", "大约每 3 年一次"],
                ["轻度静脉曲张", "大约每年一次", "大约每 2 年一次"],
            ],
        ),
    ],
)
def test_the_gastroscopy_schedule_is_given_with_its_sources(client, html, language, heading, phrases, rows):
    page = main(html, client, language, COMPLICATIONS)
    body = section(page, heading)
    assert [phrase for phrase in phrases if phrase not in body] == []
    table = page.find("h2", string=heading).find_next("table")
    assert [[text(cell) for cell in row.find_all(["th", "td"])] for row in table.select("tbody tr")] == rows
    sources = {a["href"] for a in page.select(".sources a[href]")}
    assert "https://doi.org/10.1016/j.jhep.2021.12.022" in sources
    assert "https://doi.org/10.1016/j.jhep.2015.05.022" in sources
    assert any("bestpractice.bmj.com" in href for href in sources)


@pytest.mark.parametrize(
    "language, phrases",
    [
        (
            "en",
            [
                "集采",
                "reported that after bulk buying began in 2019",
                "98.5%",
                "98.6%",
                "Prices vary by city and hospital",
                "医保",
            ],
        ),
        (
            "zh-hans",
            [
                "集采",
                "研究报道，2019 年集采开始后",
                "98.5%",
                "98.6%",
                "各个城市、各家医院的价格不一样",
                "请问医院药房或医保部门",
            ],
        ),
    ],
)
def test_antiviral_prices_after_bulk_buying_are_reported_with_their_source(client, html, language, phrases):
    page = main(html, client, language, COST)
    words = text(page)
    assert [phrase for phrase in phrases if phrase not in words] == []
    assert "https://doi.org/10.1186/s12889-026-26844-0" in {a["href"] for a in page.select(".sources a[href]")}
