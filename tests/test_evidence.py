import re

import pytest

from explainer.evidence import labels
from explainer.evidence.labels import evidence_label
from explainer.evidence.models import StudyPage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "design, expected",
    [
        (("rct", True, "double", "placebo"), labels.PLACEBO_CONTROLLED),
        (("rct", True, "not-stated", "placebo"), labels.PLACEBO_CONTROLLED),
        (("rct", True, "none", "standard-care"), labels.OPEN_LABEL),
        (("rct", True, "not-stated", "standard-care"), labels.BLINDING_NOT_STATED),
        (("rct", True, "single", "standard-care"), labels.BLINDED),
        (("rct", False, "none", "standard-care"), labels.NOT_RANDOMISED),
        (("non-randomised-controlled", False, "none", "standard-care"), labels.NOT_RANDOMISED),
        (("single-arm", False, "none", "none"), labels.NO_COMPARISON),
        (("single-arm", False, "none", "other-dose"), labels.DOSES_ONLY),
        (("case-series", False, "none", "none"), labels.NO_COMPARISON),
        (("rct", True, "none", "other-dose"), labels.DOSES_ONLY),
        (("systematic-review", False, "not-stated", "none"), labels.REVIEW),
        (("narrative-review", False, "not-stated", "none"), labels.NARRATIVE_REVIEW),
    ],
)
def test_each_design_gets_its_label(design, expected):
    assert evidence_label(*design) == expected


@pytest.mark.parametrize(
    "key, label",
    [
        ("mohamadnejad-2013", "Randomised and placebo-controlled"),
        ("realistic-2018", "Randomised, but patients and doctors knew who got the treatment"),
        ("sharma-2021", "Early study — no comparison group"),
        ("qin-2025", "Early study — no comparison group, only different doses"),
        ("cochrane-cd015173", "Systematic review of earlier studies"),
    ],
)
def test_loaded_studies_show_the_label_of_their_design(client, html, key, label):
    page = html(client.get(f"/en/evidence/{key}/"))
    assert " ".join(page.find(class_="badge").get_text().split()) == label
    assert page.find(class_="badge-explanation").get_text(strip=True)


def test_labels_are_translated(client, html):
    page = html(client.get("/zh-hans/evidence/sharma-2021/"))
    assert "".join(page.find(class_="badge").get_text().split()) == "早期研究——没有对照组"


def test_all_fourteen_studies_are_loaded_with_their_facts():
    keys = set(StudyPage.objects.live().values_list("slug", flat=True))
    assert {
        "heplpc-2025",
        "qin-2025",
        "sharma-2021",
        "zhang-2018",
        "huang-2012",
        "xie-2025",
        "mohamadnejad-2013",
        "kharaziha-2009",
        "lin-2017",
        "shi-2021",
        "xu-2014",
        "realistic-2018",
        "sharma-2020",
        "cochrane-cd015173",
    } <= keys
    qin = StudyPage.objects.get(slug="qin-2025")
    assert (qin.enrolled, qin.infusions, qin.follow_up_weeks, qin.doi) == (24, 3, 24, "10.4240/wjgs.v17.i9.109980")
    assert qin.registry_id == "NCT05442437"
    assert [arm.enrolled for arm in qin.arms.all()] == [8, 8, 8]
    mohamadnejad = StudyPage.objects.get(slug="mohamadnejad-2013")
    assert [(arm.enrolled) for arm in mohamadnejad.arms.all()] == [15, 12]
    assert mohamadnejad.outcomes.first().direction == "no-difference"
    assert mohamadnejad.arms.first().label_zh_hans


def test_study_page_shows_facts_outcomes_and_sources_in_both_languages(client, html):
    for language in ["en", "zh-hans"]:
        page = html(client.get(f"/{language}/evidence/mohamadnejad-2013/"))
        facts = {
            row.th.get_text(strip=True): row.td.get_text(" ", strip=True)
            for row in page.find("table", class_="facts").find_all("tr")
        }
        assert any("15" in value and "12" in value for value in facts.values())
        outcomes = page.find("table", class_="outcomes")
        assert outcomes.find(class_="direction--no-difference")
        assert page.find("a", href="https://doi.org/10.1111/liv.12228")
        assert page.find("a", href="https://clinicaltrials.gov/study/NCT00476060")
    english = html(client.get("/en/evidence/mohamadnejad-2013/"))
    assert (
        english.find("table", class_="facts").find("th", string="Comparison group").find_next("td").get_text(strip=True)
        == "Placebo (a dummy treatment)"
    )


def test_unverified_facts_are_shown_as_reported(client, html):
    page = html(client.get("/en/evidence/huang-2012/"))
    rows = page.find("table", class_="facts").find_all("tr")
    assert rows and all("Reported by" in row.td.get_text() for row in rows)
    assert "promotional article" in rows[0].td.get_text()
    verified = html(client.get("/en/evidence/mohamadnejad-2013/"))
    study_type = verified.find("table", class_="facts").find("th", string="Study type").find_next("td")
    assert "Reported by" not in study_type.get_text()


@pytest.mark.parametrize(
    "language, expected",
    [
        ("en", "(for: the main measure, the results, the authors' conclusion)"),
        ("zh-hans", "（以它为依据的内容：主要看什么指标、研究结果、作者的结论）"),
    ],
)
def test_study_sources_say_what_they_back_in_the_readers_words(client, html, language, expected):
    page = html(client.get(f"/{language}/evidence/shi-2021/"))
    items = [" ".join(item.get_text(" ", strip=True).split()) for item in page.select("ul.fact-sources li")]
    assert len(items) == 4
    assert any(expected in item for item in items), items
    assert not any(re.search(r"\b[a-z]+_[a-z_]+\b|\((?:[a-z_]+(?:, )?)+\)", item) for item in items), items
    registry = next(item for item in items if "NCT01220492" in item)
    assert ("the trial's registry number" if language == "en" else "试验登记号") in registry
    paper = next(item for item in items if "10.1007/s12072-021-10199-2" in item)
    assert ("(for: all other facts)" if language == "en" else "其他没有单独注明出处的内容") in paper


def test_every_fact_field_has_words_for_readers():
    from explainer.evidence.models import FACT_FIELDS, FACT_PHRASES

    assert set(FACT_PHRASES) == set(FACT_FIELDS)


def test_index_lists_every_study_with_doi_links_in_both_languages(client, html):
    for language in ["en", "zh-hans"]:
        pages = [html(client.get(f"/{language}/evidence/"))]
        while pages[-1].select_one(".pager a[rel=next]"):  # 20 studies a page
            pages.append(html(client.get(pages[-1].select_one(".pager a[rel=next]")["href"].split("#")[0])))
        cards = [card for page in pages for card in page.find_all("li", class_="study-card")]
        assert len(cards) == StudyPage.objects.live().count() and len(pages) > 1
        links = {a["href"] for page in pages for a in page.select(".study-card a[href^='https://doi.org/']")}
        assert "https://doi.org/10.1111/liv.12228" in links


@pytest.mark.parametrize(
    "query, expected",
    [
        ("cell_type=uc-msc", {"Qin 2025", "Shi 2021", "Zhang 2018", "Shi 2012", "Zhang 2012", "Wang 2013"}),
        ("population=aclf", {"Lin 2017", "Shi 2012", "Xue 2018", "GRAFT (Engelmann 2021)", "Garg 2012"}),
        (
            "design=rct&population=decompensated-cirrhosis",
            {"Mohamadnejad 2013", "Shi 2021", "Spahr 2013", "Salama 2014", "De 2021", "Kedarisetty 2015"},
        ),
    ],
)
def test_index_filters_by_query_string(client, html, query, expected):
    page = html(client.get(f"/en/evidence/?{query}"))
    titles = {card.h2.get_text(strip=True) for card in page.find_all("li", class_="study-card")}
    assert titles == expected
    assert page.find("a", string="Show all studies")


def test_index_with_an_unknown_filter_value_says_so_and_shows_everything(client, html):
    page = html(client.get("/en/evidence/?cell_type=<script>&design=magic"))
    assert page.find(class_="form-error")
    total = StudyPage.objects.live().count()
    assert len(page.find_all("li", class_="study-card")) == min(total, 20)
    assert page.select_one(".result-count").get_text() == f"{total} studies"
    assert "<script>" not in str(page.find("main"))


def test_evidence_map_is_text_with_plain_counts_and_marks_besides_colour(client, html):
    page = html(client.get("/en/evidence/"))
    figure = page.find("figure", class_="evidence-map")
    assert figure.find("svg", role="img") is None  # no drawing to read: the map is text
    assert "log" not in figure.get_text().lower()
    rows = {row.select_one(".map-row__name").get_text(): row for row in figure.select(".map-row")}
    assert "REALISTIC 2018" in rows and "Cochrane review CD015173" not in rows  # reviews have no single size
    assert rows["Mohamadnejad 2013"].select_one(".map-row__count").get_text() == "27 people"
    assert rows["Mohamadnejad 2013"].select_one(".map-row__name")["href"] == "/en/evidence/mohamadnejad-2013/"
    qin = rows["Qin 2025"].select_one(".map-row__outcomes").get_text(" ", strip=True)
    assert "changed from before (not compared with another group)" in qin.lower() and "better" not in qin.lower()
    for mark in figure.select(".map-outcome"):
        assert mark.select_one("[aria-hidden=true]").get_text() in "+=−~→?"
        assert ": " in mark.select_one(".visually-hidden").get_text()  # "Survival: Worse" for screen readers
    assert figure.select(".map-outcome--worse") and figure.select(".map-outcome--no-difference")
    # Bars to a plain scale: the largest study shown fills its bar; a study of 27 is 27/largest of it.
    largest = max(int(row.select_one(".map-row__count").get_text().split()[0]) for row in rows.values())
    assert f"the longest bar is {largest} people" in figure.figcaption.get_text()
    widths = {name: float(row.select_one(".map-bar rect")["width"]) for name, row in rows.items()}
    assert max(widths.values()) == 100.0
    assert widths["Mohamadnejad 2013"] == pytest.approx(100 * 27 / largest, abs=0.1)
    # The bars are one colour; red belongs only to "worse".
    assert not figure.select("[class*=strength]")
    key = [item.get_text(" ", strip=True) for item in figure.select(".outcome-key li")]
    assert "− Worse" in key and "= No clear difference" in key
    filtered = html(client.get("/en/evidence/?population=aclf"))
    assert [a.get_text() for a in filtered.select(".map-row__name")] == [
        "Garg 2012",
        "GRAFT (Engelmann 2021)",
        "Lin 2017",
        "Shi 2012",
    ]


def test_evidence_map_in_chinese_counts_people_in_words(client, html):
    page = html(client.get("/zh-hans/evidence/"))
    figure = page.find("figure", class_="evidence-map")
    counts = [count.get_text() for count in figure.select(".map-row__count")]
    assert "27 人" in counts or "27人" in counts
    assert "对数" not in figure.get_text()
    assert figure.select_one(".outcome-key li").get_text(" ", strip=True).startswith("+")


@pytest.mark.parametrize("key", ["huang-2012", "zhang-2018"])
def test_chinese_papers_without_a_found_chinese_title_say_so_and_how_to_look_them_up(client, html, key):
    chinese = " ".join(html(client.get(f"/zh-hans/evidence/{key}/")).select_one("ul.fact-sources").get_text().split())
    assert "我们没有找到论文的中文原标题" in chinese and "《实用肝脏病杂志》" in chinese
    english = " ".join(html(client.get(f"/en/evidence/{key}/")).select_one("ul.fact-sources").get_text().split())
    assert "We could not find the original Chinese title" in english
