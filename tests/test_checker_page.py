import html as html_module
import json
import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core.cache import cache
from django.test import RequestFactory
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explainer.caution.limits import MAX_TEXT_CHARACTERS
from explainer.caution.wagtail_hooks import block_unmarked_claims
from explainer.topics.models import TopicPage

pytestmark = pytest.mark.django_db


def check(client, text, language="en", **extra):
    return client.post(f"/{language}/check/", {"text": text}, **extra)


def test_the_form_works_without_javascript(client, html):
    page = html(client.get("/en/check/"))
    form = page.find("form", attrs={"data-claim-check-form": True})
    assert form["method"] == "post" and form["action"] == "/en/check/#check-results"
    assert form.find("textarea", attrs={"name": "text"}) and form.find("input", attrs={"name": "csrfmiddlewaretoken"})
    assert html(client.get("/zh-hans/check/")).h1.get_text() == "核对您看到的说法"


def test_a_pasted_advert_comes_back_marked_and_explained(client, html):
    response = check(client, "逆转肝硬化！间充质干细胞治疗没有任何副作用。", language="zh-hans")
    assert "no-store" in response["Cache-Control"]
    page = html(response)
    marks = page.select(".checked-text mark.claim")
    assert [mark.find("a", class_="claim__number").get_text() for mark in marks] == ["1", "2"]
    assert "逆转肝硬化" in marks[0].get_text() and "没有任何副作用" in marks[1].get_text()
    assert marks[0].find(class_="visually-hidden").get_text().strip()  # not colour alone
    notes = page.select(".claim-notes > li")
    assert len(notes) == 2
    assert "这句话说这种治疗能逆转肝硬化" in notes[0].get_text()
    assert [a["href"] for a in notes[0].select(".claim-note__marks a")] == ["#claim-1"]
    study_link = notes[0].select_one(".claim-note__studies a")["href"]
    card = page.select_one(study_link).find(class_="fact-card")
    assert card.find(class_="fact-card__title").a["href"].startswith("/zh-hans/evidence/")
    facts = {dt.get_text(): dd.get_text() for dt, dd in zip(card.select("dt"), card.select("dd"))}
    assert set(facts) >= {"人数", "对照组", "随机分组"}
    assert page.find("textarea").get_text() == "逆转肝硬化！间充质干细胞治疗没有任何副作用。"


def test_a_clean_text_says_so_without_promising_it_is_true(client, html):
    page = html(check(client, "Cirrhosis means scarring of the liver."))
    assert page.select("mark.claim") == []
    assert "did not find" in page.find(id="check-results-heading").get_text()


def test_empty_and_oversized_text_get_a_form_error_and_keep_the_text(client, html):
    page = html(check(client, "   "))
    assert page.find(id="check-error").get_text() == "Paste some text to check."
    long_text = "a" * (MAX_TEXT_CHARACTERS + 5)
    page = html(check(client, long_text))
    assert f"{MAX_TEXT_CHARACTERS:,}" in page.find(id="check-error").get_text()
    assert page.find("textarea").get_text() == long_text


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.sampled_from(
            list("<>\"'&/;=")
            + [
                "<script>",
                "</textarea>",
                "<img src=x onerror=alert(1)>",
                "javascript:",
                "逆转肝硬化",
                "no side effects",
                " ",
            ]
        ),
        max_size=12,
    ).map("".join)
)
def test_pasted_markup_is_shown_as_text_never_run(client, text):
    cache.clear()
    response = check(client, "Stem cells cure cirrhosis. " + text)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    main = soup.find("main")
    assert main.find("script") is None
    assert not main.find(attrs={"onerror": True})
    assert soup.find("textarea").get_text() == "Stem cells cure cirrhosis. " + text
    raw = response.content.decode()
    checked = raw[raw.index('class="checked-text"') :]
    checked = checked[checked.index(">") + 1 : checked.index("</div>")]
    checked = re.sub(r'<a class="claim__number"[^>]*>\d+</a>|<span class="visually-hidden">[^<]*</span>', "", checked)
    assert html_module.unescape(re.sub(r"<[^>]+>", "", checked)) == "Stem cells cure cirrhosis. " + text


def test_the_enhanced_form_gets_only_the_result_fragment(client, html):
    response = check(client, "Our stem cells reverse cirrhosis.", HTTP_X_CLAIM_CHECK="1")
    body = response.content.decode()
    assert "<html" not in body and 'id="check-results"' in body
    assert "mark" in body
    error = check(client, "", HTTP_X_CLAIM_CHECK="1").content.decode()
    assert "Paste some text to check." in error


def test_the_form_is_rate_limited_with_a_message(client, html, settings):
    settings.CLAIMS_RATE_LIMIT = 1
    assert check(client, "x").status_code == 200
    response = check(client, "x")
    assert response.status_code == 429
    assert "try again" in BeautifulSoup(response.content, "html.parser").find(role="alert").get_text()


def test_worked_examples_carry_valid_claimreview_json_ld(client, html):
    for path, quote in [
        ("/en/check/example-reverse-cirrhosis/", "逆转肝硬化！间充质干细胞联合造血干细胞治疗取得显著成效"),
        (
            "/zh-hans/check/example-immense-potential/",
            "Stem cell therapy shows immense potential for treating liver cirrhosis and liver failure.",
        ),
    ]:
        page = html(client.get(path))
        blocks = [json.loads(script.string) for script in page.find_all("script", type="application/ld+json")]
        data = next(block for block in blocks if isinstance(block, list))
        assert len(data) >= 5
        for review in data:
            assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
            assert review["itemReviewed"]["@type"] == "Claim" and review["itemReviewed"]["author"]["name"]
            assert review["reviewRating"]["@type"] == "Rating"
            assert 1 <= review["reviewRating"]["ratingValue"] <= review["reviewRating"]["bestRating"] == 5
            assert review["url"].startswith("http://testserver" + path + "#claim-")
            assert review["author"]["name"].startswith("Cirrhosis Clearly")
        assert data[0]["claimReviewed"] == quote
        assert page.find(id="claim-1").find("blockquote").find(attrs={"lang": True}).get_text(strip=True) == quote


def test_the_4_article_headline_is_answered_by_the_5_person_pilot(client, html):
    page = html(client.get("/en/check/example-reverse-cirrhosis/"))
    first = page.find(id="claim-1")
    assert (
        "5 people" in first.get_text()
        and "3 months" in first.get_text()
        and "did not measure scarring" in first.get_text()
    )
    assert first.find(class_="fact-card").find(class_="fact-card__title").get_text(strip=True) == "Sharma 2021"
    third = page.find(id="claim-3")
    assert "Mohamadnejad 2013" in third.get_text() and "no clear improvement" in third.get_text()


def admin_request(path="/admin/"):
    request = RequestFactory().post(path)
    request.user, _created = get_user_model().objects.get_or_create(
        username="claims-editor", defaults={"is_superuser": True}
    )
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


def test_publishing_a_page_with_an_unmarked_claim_is_blocked_until_it_is_marked():
    page = TopicPage.objects.get(slug="causes")
    page.summary_en = "Good news: stem cells can reverse cirrhosis."
    request = admin_request()

    response = block_unmarked_claims(request, page)

    assert response.status_code == 302 and response["Location"] == f"/admin/pages/{page.id}/edit/"
    message = str(list(request._messages)[0])
    assert "Not published" in message and "“reverse cirrhosis” (reversal, en)" in message

    page.quoted_claims = "reverse cirrhosis"
    assert block_unmarked_claims(admin_request(), page) is None


def test_the_admin_edit_view_shows_the_claim_check(client):
    user = get_user_model().objects.create_superuser("claims-admin", password="a long password 123")
    client.force_login(user)
    page = TopicPage.objects.get(slug="causes")
    page.summary_en = "Stem cells cure cirrhosis."
    page.save_revision()
    html = client.get(f"/admin/pages/{page.id}/edit/").content.decode()
    assert "data-claim-check" in html and 'data-claim-category="cure"' in html
    assert 'name="quoted_claims"' in html


def test_a_clinical_reviewer_cannot_approve_a_page_with_an_unmarked_claim():
    from explainer.caution.wagtail_hooks import block_approving_unmarked_claims

    page = TopicPage.objects.get(slug="liver-transplant")
    page.summary_en = "Stem cells mean you no longer need a liver transplant."
    page.save_revision()
    request = admin_request()
    request.POST = {"action-workflow-action": "1", "workflow-action-name": "approve"}
    response = block_approving_unmarked_claims(request, page)
    assert response.status_code == 302 and "Not published" in str(list(request._messages)[0])
    request = admin_request()
    request.POST = {"action-workflow-action": "1", "workflow-action-name": "reject"}
    assert block_approving_unmarked_claims(request, page) is None


@pytest.mark.parametrize(
    "path, original, translation, publisher",
    [
        (
            "/en/check/example-reverse-cirrhosis/",
            "逆转肝硬化！间充质干细胞联合造血干细胞治疗取得显著成效",
            "Reverse cirrhosis! Combined mesenchymal and blood-forming stem-cell treatment achieves remarkable results",
            "Published by Boya Stem Cells (博雅干细胞)",
        ),
        (
            "/zh-hans/check/example-immense-potential/",
            "Stem cell therapy shows immense potential for treating liver cirrhosis and liver failure.",
            "干细胞疗法在治疗肝硬化和肝衰竭方面显示出巨大潜力。",
            "九芝堂美科干细胞",
        ),
    ],
)
def test_worked_examples_quote_the_advert_and_translate_it_for_the_reader(
    client, html, path, original, translation, publisher
):
    page = html(client.get(path))
    quotes = page.select(".claim-review__quote")
    assert len(quotes) >= 5
    for quote in quotes:
        assert quote.find(attrs={"lang": True}).get_text(strip=True)
        assert quote.select_one(".claim-review__translation").get_text(strip=True)
    first = quotes[0]
    assert first.find(attrs={"lang": True}).get_text(strip=True) == original
    assert translation in first.select_one(".claim-review__translation").get_text()
    assert publisher in page.select_one(".worked-example__source").get_text()


def test_a_worked_example_in_its_own_language_quotes_without_a_translation(client, html):
    page = html(client.get("/zh-hans/check/example-reverse-cirrhosis/"))
    assert page.select(".claim-review__quote") and not page.select(".claim-review__translation")
    assert "Boya" not in page.select_one(".worked-example__source").get_text()


def test_a_worked_example_missing_the_readers_translation_does_not_load(tmp_path):
    from explainer.caution.content import read_worked_example
    from explainer.content.schema import ContentError, Fields

    class Item:
        links = set()

    fields = Fields(
        tmp_path / "example.yaml",
        {
            "source": {"name": "A clinic", "language": "zh-hans"},
            "claims": [
                {
                    "quote": "逆转肝硬化",
                    "category": "reversal",
                    "rating": "false",
                    "finding": {"en": "No.", "zh-hans": "不。"},
                    "translation": {"zh-hans": "逆转肝硬化"},
                }
            ],
        },
    )
    with pytest.raises(ContentError, match=r"claims\[0\]\.translation\.en"):
        read_worked_example(fields, Item())


@pytest.mark.parametrize("language, hint", [("en", "up to 100,000 characters"), ("zh-hans", "最多 10 万字")])
def test_the_text_box_comes_first_with_a_readable_limit(client, html, language, hint):
    page = html(client.get(f"/{language}/check/"))
    assert hint in page.find(id="check-hint").get_text()
    content = page.find("div", class_="content")
    order = [
        element.name
        for element in content.find_all(["textarea", "aside", "div"])
        if element.name == "textarea" or "callout" in " ".join(element.get("class", []))
    ]
    assert order[0] == "textarea"


def test_fact_card_marks_are_explained_in_words_beside_them(client, html):
    page = html(check(client, "Stem cells reverse cirrhosis with no side effects!"))
    outcomes = page.select(".fact-card__outcomes li")
    assert outcomes
    for outcome in outcomes:
        mark = outcome.select_one(".direction__mark")
        assert mark["aria-hidden"] == "true"
        assert outcome.select_one(".direction__label").get_text(strip=True) in {
            "Better",
            "No clear difference",
            "Worse",
            "Uncertain",
            "Changed from before (not compared with another group)",
            "Not reported",
        }


@pytest.mark.parametrize("language, figures", [("en", "394 people"), ("zh-hans", "共 394 人")])
def test_the_meta_analysis_behind_an_advert_is_linked_with_what_it_found(client, html, language, figures):
    page = html(client.get(f"/{language}/check/example-immense-potential/"))
    last = page.select(".claim-review__quote")[-1].find_parent("li") or page.select(".claim-review")[-1]
    text = last.get_text(" ", strip=True)
    assert figures in text and "not yet been checked" not in text and "还没有核对过" not in text
    assert last.find("a", href=f"/{language}/evidence/li-2019/")
