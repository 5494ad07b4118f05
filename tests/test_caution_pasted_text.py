"""Text as patients paste it, one decision everywhere, and the checker's whole-document answer."""

import ast
import json
import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explainer.caution.pages import unmarked_claims
from explainer.caution.service import check_text
from explainer.text.sentences import sentence_spans

pytestmark = pytest.mark.django_db
EXPLAINER = Path(__file__).resolve().parents[1] / "explainer"


def categories(text):
    return [flag["category"] for flag in check_text(text)["flags"]]


def test_a_wechat_article_broken_into_short_lines_is_read_as_sentences():
    text = "干细胞治疗肝硬化，\n已帮助上千名患者\n重获新生！\n\n👉 扫码添加微信\n📞 400-123-4567"
    spans = [text[start:end] for start, end in sentence_spans(text)]
    assert spans[0] == "干细胞治疗肝硬化，\n已帮助上千名患者\n重获新生！"
    assert spans[1:] == ["👉 扫码添加微信", "📞 400-123-4567"]


def test_menus_bullets_and_urls_do_not_run_into_the_sentences():
    text = (
        "Home\nAbout us\nTreatments\n1. No side effects\n2. Visit www.example-clinic.com today! It costs 2.5 million."
    )
    spans = [text[start:end] for start, end in sentence_spans(text)]
    assert spans == [
        "Home",
        "About us",
        "Treatments",
        "1. No side effects",
        "2. Visit www.example-clinic.com today!",
        "It costs 2.5 million.",
    ]


def test_a_typographic_apostrophe_negates_like_a_plain_one():
    assert categories("Cirrhosis can’t be reversed by stem cells; no trial has shown that.") == []
    assert categories("Cirrhosis can't be reversed by stem cells; no trial has shown that.") == []


def test_claims_in_real_advert_wording_are_found():
    advert = "【肝硬化不再可怕】\n与其花几十万换肝，不如先试试干细胞回输！\n每天限20人，扫码添加微信预约。"
    assert {"replaces-care", "urgency"} <= set(categories(advert))
    assert set(categories("我们的干细胞疗法已帮助上千名患者重获新生。")) & {"cure", "reversal", "proven"}


def test_accurate_statements_with_the_same_words_are_not_flagged():
    for text in (
        "Researchers are testing whether cell infusions can reverse scarring; no result is in yet.",
        "已经批准的干细胞临床研究不得向受试者收取任何费用。",
        "Treating hepatitis B with antivirals can make scarring lessen over some years.",
        "目前没有证据表明干细胞能够逆转肝硬化。",
    ):
        assert categories(text) == [], text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    prefix=st.text(alphabet="“”‘’「」，。！？\n •·-*1.👉😀 abc中文", max_size=30),
    noise=st.sampled_from(["", "\u200b", "\ufeff", "\u3000", "https://x.cn/a?b=1 ", "😀", "\r\n"]),
)
def test_offsets_stay_exact_whatever_surrounds_the_claim(prefix, noise):
    text = prefix + noise + "干细胞能逆转肝硬化，没有任何副作用！" + noise + " Stem cells cure cirrhosis. " + prefix
    for flag in check_text(text)["flags"]:
        assert text[flag["start"] : flag["end"]] == flag["text"]


def test_traditional_text_with_simplified_characters_mixed_in_is_read():
    text = "幹細胞療程可以逆转肝硬化，完全沒有副作用，立即LINE預約！"
    result = check_text(text)
    assert result["language"] == "zh-hant"
    assert {"reversal", "no-risk"} <= {flag["category"] for flag in result["flags"]}
    for flag in result["flags"]:
        assert text[flag["start"] : flag["end"]] == flag["text"]


ONE_DECISION_TEXTS = [
    "逆转肝硬化！间充质干细胞治疗没有任何副作用。与其换肝，不如先试试。",
    "Our patients fly home with their liver values back to normal. Book your free consultation today!",
    "目前没有证据表明干细胞能够逆转肝硬化。",
]


@pytest.mark.parametrize("text", ONE_DECISION_TEXTS)
def test_the_api_the_command_and_the_checker_page_give_the_same_answer(client, text, tmp_path):
    expected = check_text(text)
    api = client.post("/api/claims/check/", data=json.dumps({"text": text}), content_type="application/json").json()
    assert api == expected
    out, pasted = StringIO(), tmp_path / "pasted.txt"
    pasted.write_text(text, encoding="utf-8")
    call_command("checkclaims", str(pasted), "--json", stdout=out)
    assert json.loads(out.getvalue()) == check_text(text, reader_language="zh-hans" if "肝" in text else "en")
    page = client.post("/en/check/", {"text": text}).content.decode()
    marked = re.findall(r'<mark class="claim[^"]*" id="claim-\d+">.*?</a>(.*?)<span class="visually-hidden">', page)
    assert marked == [flag["text"] for flag in expected["flags"]]


def test_the_editors_claim_check_uses_the_same_decision(django_db_setup):
    from explainer.topics.models import TopicPage

    page = TopicPage.objects.live().first()
    page.summary = ONE_DECISION_TEXTS[1]
    found = [(claim.category, claim.text) for claim in unmarked_claims(page) if claim.field == "summary"]
    assert found == [(flag["category"], flag["text"]) for flag in check_text(ONE_DECISION_TEXTS[1])["flags"]]


def test_the_checker_summarises_a_whole_document_and_shows_each_study_once(client, html):
    advert = " ".join(
        ["逆转肝硬化！干细胞治疗没有任何副作用。", "Stem cells reverse cirrhosis with no side effects at all."] * 30
    )
    page = html(client.post("/zh-hans/check/", {"text": advert}))
    results = page.find(id="check-results")
    summary = results.find(class_="check-summary")
    assert summary.find_all("li") and "次" in summary.get_text()
    marks = results.select("mark.claim")
    assert len(marks) >= 60
    cards = results.select(".fact-card")
    titles = [card.find(class_="fact-card__title").get_text(strip=True) for card in cards]
    assert titles and len(titles) == len(set(titles))
    notes = results.select(".claim-note")
    assert len(notes) == len({mark.a["href"] for mark in marks})
    assert all(mark.a["href"].startswith("#claim-kind-") for mark in marks)


def test_the_result_is_where_a_reader_without_javascript_lands(client, html):
    form = html(client.get("/en/check/")).find("form", class_="check-form")
    assert form["action"] == "/en/check/#check-results"


def test_pasted_text_gets_no_glossary_links(client, html):
    page = html(client.post("/en/check/", {"text": "Stem cells reverse cirrhosis and ascites."}))
    assert page.find(class_="checked-text").find("a", class_="term") is None


def imports_of(package):
    """Every explainer module a package imports, at the top of a file or inside a function."""
    found = set()
    for path in (EXPLAINER / package).rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("explainer."):
                found.add(node.module.split(".")[1])
            elif isinstance(node, ast.Import):
                found.update(alias.name.split(".")[1] for alias in node.names if alias.name.startswith("explainer."))
    return found - {package}


def test_the_base_page_and_the_checks_do_not_import_each_other():
    assert not imports_of("pages") & {"caution", "quality"}
    assert "caution" not in imports_of("quality")
    assert "quality" not in imports_of("caution")


def test_belittling_a_transplant_does_not_make_the_next_sentence_a_truth_about_standard_care():
    advert = "与其花几十万换肝，不如先试试干细胞回输！\n已帮助上千名患者重获新生，没有任何副作用。"
    found = {flag["text"]: flag["category"] for flag in check_text(advert)["flags"]}
    assert found.get("重获新生") == "reversal" and found.get("没有任何副作用") == "no-risk"


@pytest.mark.parametrize("arguments", [["evalclaims"], ["checkclaims", "-"]])
def test_the_commands_say_what_to_do_when_the_database_has_no_claim_patterns(tmp_path, arguments):
    import os
    import subprocess
    import sys

    environment = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}"}
    result = subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=Path(__file__).resolve().parents[1],
        env=environment,
        input="Stem cells cure cirrhosis.",
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1
    assert "Run `manage.py migrate --noinput` and `manage.py loadcontent` first." in result.stderr
    assert "Traceback" not in result.stderr
