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
    import re

    from explainer.glossary.linking import term_index

    url = "/en/about-cirrhosis/symptoms-and-complications/"
    before = html(client.get(url))  # the page, the page cache and the term index are all warm now
    paragraph = next(p for p in before.select("div.content p") if not p.find("a") and len(p.get_text().split()) > 5)
    known = term_index("en").entries
    word = next(word for word in re.findall(r"\b[A-Za-z]{6,}\b", paragraph.get_text()) if word.lower() not in known)
    term = GlossaryTerm(
        slug="new-term",
        term_en=word,
        definition_en="A new definition.",
        term_zh_hans="新词",
        definition_zh_hans="新的解释。",
        live=False,
    )
    term.save()
    term.save_revision().publish()

    after = html(client.get(url))
    link = after.select_one("div.content a.term[href='/en/glossary/#new-term']")
    assert link is not None and link.get_text().lower() == word.lower()
    assert link["data-definition"] == "A new definition."


def test_a_chinese_term_inside_a_longer_word_or_a_name_is_not_linked():
    from explainer.glossary.linking import link_terms

    def linked(html):
        from bs4 import BeautifulSoup

        return [
            a.get_text()
            for a in BeautifulSoup(link_terms(html, "zh-hans", "/zh-hans/glossary/"), "html.parser").select("a.term")
        ]

    assert linked("<p>我们逐条对照它引用的研究。</p>") == []  # compare point by point, not the comparison group
    assert linked("<p>一家干细胞公司（博雅干细胞）网站上的文章。</p>") == [
        "干细胞"
    ]  # the first, not the company's name
    assert linked("<p>博雅干细胞的广告。</p>") == []
    assert linked("<p>与对照组相比，腹水减少了。</p>") == ["对照组", "腹水"]
    assert linked("<p>乙肝患者要长期吃药。</p>") == ["乙肝"]  # 患者 is a word of its own
    assert linked("<p>干细胞</p><p data-no-glossary>腹水<span>腹水</span></p><p>腹水</p>") == ["干细胞", "腹水"]


def test_the_example_page_does_not_link_compare_point_by_point(client, html):
    page = html(client.get("/zh-hans/check/example-immense-potential/"))
    for link in page.select("div.content a.term"):
        assert not (link.get_text() == "对照" and link.previous_sibling and str(link.previous_sibling).endswith("逐条"))


def test_chinese_glossary_is_in_pinyin_order_with_a_letter_index_and_back_links(client, html):
    from pypinyin import lazy_pinyin

    page = html(client.get("/zh-hans/glossary/"))
    terms = [entry.dt.contents[0].strip() for entry in page.select(".glossary__entry")]
    keys = [" ".join(lazy_pinyin(term)).lower() for term in terms]
    assert keys == sorted(keys)
    assert terms.index("丙型肝炎") < terms.index("乙型肝炎")  # bing before yi, not code-point order
    letters = [a.get_text() for a in page.select("#glossary-index a")]
    assert letters == sorted(letters, key=lambda letter: (letter == "#", letter))
    assert "Y" in letters and "B" in letters
    for link in page.select("#glossary-index a"):
        section = page.find(id=link["href"][1:])
        assert section and section.get_text() == link.get_text()
    yi = page.find(id="hepatitis-b")
    assert yi.find_parent("section").h2.get_text() == "Y"
    back = page.select(".back-to-top a")
    assert len(back) == len(letters) and back[0].get_text() == "回到顶部"


def test_english_glossary_has_a_letter_index_and_back_links(client, html):
    page = html(client.get("/en/glossary/"))
    terms = [entry.dt.get_text(strip=True).lower() for entry in page.select(".glossary__entry")]
    assert terms == sorted(terms)
    assert [a.get_text() for a in page.select("#glossary-index a")][:3] == ["A", "B", "C"]
    assert page.select_one(".back-to-top a")["href"] == "#main"
