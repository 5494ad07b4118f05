import pytest

from explainer.glossary.models import GlossaryTerm

pytestmark = pytest.mark.django_db


def test_the_first_use_of_a_term_links_to_its_definition(client, html):
    page = html(client.get("/en/about-cirrhosis/symptoms-and-complications/"))
    links = page.select("div.content a.term")
    hrefs = [a["href"] for a in links]
    assert "/en/glossary/#ascites" in hrefs
    assert len(hrefs) == len(set(hrefs)), "each term links once, at its first use"
    ascites = next(a for a in links if a["href"].endswith("#ascites"))
    assert ascites["data-definition"].startswith("Fluid that builds up in the belly")
    assert not any(a.find_parent(["h1", "h2", "h3"]) for a in links)


def test_chinese_terms_link_to_the_chinese_glossary(client, html):
    page = html(client.get("/zh-hans/about-cirrhosis/symptoms-and-complications/"))
    ascites = page.select_one("div.content a.term[href='/zh-hans/glossary/#ascites']")
    assert ascites.get_text() == "腹水"
    # The longer term wins: 失代偿期肝硬化 is not linked as 代偿期肝硬化.
    texts = [a.get_text() for a in page.select("div.content a.term")]
    assert "代偿期肝硬化" not in texts


def test_glossary_page_defines_every_term_with_an_anchor(client, html):
    for language in ["en", "zh-hans"]:
        page = html(client.get(f"/{language}/glossary/"))
        anchors = {entry["id"] for entry in page.select(".glossary__entry")}
        assert anchors == set(GlossaryTerm.objects.values_list("slug", flat=True))
    chinese = html(client.get("/zh-hans/glossary/"))
    entry = chinese.find(id="ascites")
    assert entry.dt.get_text(" ", strip=True).startswith("腹水")
    assert "肚子" in entry.dd.get_text()


def test_a_new_term_is_linked_without_a_restart(client, html):
    GlossaryTerm.objects.create(slug="fatigue", term_en="tiredness", definition_en="Feeling worn out.", term_zh_hans="乏力", definition_zh_hans="没有力气。")
    page = html(client.get("/en/about-cirrhosis/symptoms-and-complications/"))
    texts = page.find("div", class_="content").get_text()
    if "tiredness" in texts.lower():
        assert page.select_one("a.term[href='/en/glossary/#fatigue']")
