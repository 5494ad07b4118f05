"""The everyday topics a patient expects (issue 10): each page is there in both languages, carries its key safety
facts, and the common questions each link to the page that explains them."""

import pytest

from explainer.evidence.models import StudyPage
from explainer.topics.models import TopicPage

pytestmark = pytest.mark.django_db

TOPICS = {
    "eating-well": "/living-with-cirrhosis/eating-well/",
    "medicines-and-alcohol": "/living-with-cirrhosis/medicines-and-alcohol/",
    "vaccines": "/living-with-cirrhosis/vaccines/",
    "everyday-life-and-caring": "/living-with-cirrhosis/everyday-life-and-caring/",
    "travel": "/living-with-cirrhosis/travel/",
    "cost-and-insurance": "/living-with-cirrhosis/cost-and-insurance/",
    "hepatitis-b-family-and-pregnancy": "/treatment/hepatitis-b-family-and-pregnancy/",
    "hepatitis-c-treatment": "/treatment/hepatitis-c-treatment/",
    "finding-a-trial": "/stem-cells/finding-a-trial/",
    "common-questions": "/common-questions/",
    "about-this-site": "/about-this-site/",
}


def main_text(html, client, url):
    return " ".join(html(client.get(url)).find("main").get_text().split())


@pytest.mark.parametrize("slug, path", TOPICS.items())
def test_each_topic_is_published_in_both_languages_with_sources(client, html, slug, path):
    page = TopicPage.objects.get(slug=slug)
    assert page.title_zh_hans and page.title_zh_hans != page.title_en
    for language in ["en", "zh-hans"]:
        document = html(client.get(f"/{language}{path}"))
        assert document.find("h1").get_text(strip=True) == (page.title_en if language == "en" else page.title_zh_hans)
        assert document.select(".sources li"), (slug, language)


@pytest.mark.parametrize(
    "path, english, chinese",
    [
        (
            "/living-with-cirrhosis/eating-well/",
            ["5 g of salt", "Do not cut salt out completely", "snack before bed", "raw oysters"],
            ["约 5 克", "不要完全不吃盐", "睡前", "生蚝"],
        ),
        (
            "/living-with-cirrhosis/medicines-and-alcohol/",
            ["ibuprofen", "aspirin", "diclofenac", "Paracetamol", "Cold remedies", "never stop"],
            ["布洛芬", "阿司匹林", "双氯芬酸", "对乙酰氨基酚", "药酒", "黄酒"],
        ),
        (
            "/treatment/hepatitis-b-family-and-pregnancy/",
            ["within 12 hours", "Never stop your antiviral medicine"],
            ["12 小时内", "绝不要因为怀孕就停掉抗病毒药"],
        ),
        ("/treatment/hepatitis-c-treatment/", ["8 to 12 weeks", "medical insurance"], ["8 到 12 周", "医保"]),
        (
            "/living-with-cirrhosis/cost-and-insurance/",
            ["门诊慢特病", "must not be charged"],
            ["门诊慢特病", "不得向参加临床研究的人收费"],
        ),
        (
            "/about-cirrhosis/tests-and-scores/",
            ["Albumin drips", "more than 5 litres", "with antibiotics", "29.7% with the drips and 30.2% without"],
            ["输白蛋白", "超过 5 升", "和抗生素一起用", "输白蛋白的人是 29.7%，没输的人是 30.2%"],
        ),
        (
            "/about-cirrhosis/symptoms-and-complications/",
            [
                "Bruising and nosebleeds",
                "Pinch the soft part of your nose for 10 to 15 minutes",
                "has not stopped after 10 to 15 minutes",
            ],
            ["容易瘀青和流鼻血", "捏住鼻子前端软的部分 10 到 15 分钟", "捏了 10 到 15 分钟还在流血"],
        ),
        (
            "/treatment/managing-complications/",
            ["through a thin needle (paracentesis)", "given albumin through a drip", "TIPS", "(banding)"],
            ["用细针把它放出来（放腹水）", "同时输白蛋白", "TIPS", "（套扎）"],
        ),
        (
            "/about-this-site/",
            [
                "A writer cannot publish a page",
                "If no clinician has reviewed a page yet",
                "has no adverts",
                "reported by",
            ],
            ["写作人员不能自己发布页面", "还没有医生审核过", "没有广告", "据……报道"],
        ),
    ],
)
def test_key_safety_facts_are_stated_in_both_languages(client, html, path, english, chinese):
    english_text = main_text(html, client, f"/en{path}")
    chinese_text = main_text(html, client, f"/zh-hans{path}")
    assert [phrase for phrase in english if phrase not in english_text] == []
    assert [phrase for phrase in chinese if phrase not in chinese_text] == []


def test_the_trial_page_links_to_the_registries_in_china_and_abroad(client, html):
    for language in ["en", "zh-hans"]:
        links = {a["href"] for a in html(client.get(f"/{language}/stem-cells/finding-a-trial/")).select("main a[href]")}
        for site in [
            "chinadrugtrials.org.cn",
            "chictr.org.cn",
            "trialsearch.who.int",
            "clinicaltrials.gov",
            "closerlookatstemcells.org",
        ]:
            assert any(site in link for link in links), (language, site)


def test_every_common_question_links_to_a_page_that_explains_it(client, html):
    for language in ["en", "zh-hans"]:
        body = html(client.get(f"/{language}/common-questions/")).find("main")
        questions = [h for h in body.find_all("h2") if h.get_text(strip=True).endswith(("?", "？"))]
        assert len(questions) >= 7, language
        for question in questions:
            answer = question.find_next("p")
            internal = [a["href"] for a in answer.find_all("a", href=True) if a["href"].startswith(f"/{language}/")]
            assert internal, (language, question.get_text(strip=True))


def test_new_sections_are_reachable_from_their_parents(client, html):
    home = {a["href"] for a in html(client.get("/en/")).select("main a[href]")}
    assert "/en/living-with-cirrhosis/" in home and "/en/common-questions/" in home
    section = html(client.get("/zh-hans/living-with-cirrhosis/"))
    listed = {a["href"] for a in section.select(".card-list a[href]")}
    assert {
        f"/zh-hans{TOPICS[slug]}" for slug in ["eating-well", "medicines-and-alcohol", "vaccines", "travel"]
    } <= listed


def test_the_evidence_library_holds_at_least_24_studies_including_the_negative_and_harm_signals():
    keys = set(StudyPage.objects.live().values_list("slug", flat=True))
    assert len(keys) >= 24
    assert {
        "suk-2016",
        "spahr-2013",
        "wang-2018",
        "peng-2011",
        "shi-2012",
        "cochrane-cd013532",
        "pankaj-2015",
        "xue-2018",
        "engelmann-2021",
        "lu-2023",
    } <= keys
    wang = StudyPage.objects.get(slug="wang-2018")
    assert [o.direction for o in wang.outcomes.all()].count("worse") == 2


def test_the_nosebleed_emergency_advice_has_a_tap_to_call_120_in_both_languages(client, html):
    for language, heading in [("en", "Bruising and nosebleeds"), ("zh-hans", "容易瘀青和流鼻血")]:
        main = html(client.get(f"/{language}/about-cirrhosis/symptoms-and-complications/")).find("main")
        section = main.find("h2", string=heading)
        assert section, language
        paragraphs = section.find_all_next("p", limit=4)
        assert any(p.find("a", href="tel:120") for p in paragraphs), language


def test_home_links_to_who_writes_the_site_and_the_glossary_explains_albumin_drips(client, html):
    for language in ["en", "zh-hans"]:
        home = {a["href"] for a in html(client.get(f"/{language}/")).select("main a[href]")}
        assert f"/{language}/about-this-site/" in home, language
    glossary = " ".join(html(client.get("/en/glossary/")).find("main").get_text().split())
    assert "Doctors give albumin as a drip at certain times" in glossary
    glossary_zh = " ".join(html(client.get("/zh-hans/glossary/")).find("main").get_text().split())
    assert "医生会给病人输白蛋白" in glossary_zh
