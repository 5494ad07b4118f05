import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explainer.caution.evaluation import evaluate, load_items
from explainer.caution.pages import blocking_claims, page_texts, unmarked_claims
from explainer.caution.service import check_text
from explainer.quality.texts import reader_pages

pytestmark = pytest.mark.django_db


def flags(text, **options):
    return [(flag["category"], flag["text"]) for flag in check_text(text, **options)["flags"]]


def assert_offsets(text, result):
    for flag in result["flags"]:
        assert text[flag["start"] : flag["end"]] == flag["text"]


@pytest.mark.parametrize(
    "text, language, expected",
    [
        ("Stem cells can reverse cirrhosis.", "en", ("reversal", "reverse cirrhosis")),
        ("干细胞逆转肝硬化，安全无副作用", "zh-hans", ("no-risk", "无副作用")),
        ("幹細胞逆轉肝硬化，安全無副作用！", "zh-hant", ("reversal", "逆轉肝硬化")),
        ("Our treatment is FDA-approved for cirrhosis.", "en", ("approved", None)),
        ("名额有限，立即拨打热线预约！", "zh-hans", ("urgency", "名额有限")),
        ("With our cells you can stop taking your antiviral tablets.", "en", ("replaces-care", None)),
        ("A miracle breakthrough for liver disease.", "en", ("hype", None)),
        ("临床证明有效率高达95%。", "zh-hans", ("proven", None)),
    ],
)
def test_claims_are_found_in_all_three_scripts(text, language, expected):
    result = check_text(text)
    assert result["language"] == language
    categories = {flag["category"] for flag in result["flags"]}
    assert expected[0] in categories
    if expected[1]:
        assert expected[1] in [flag["text"] for flag in result["flags"]]
    assert_offsets(text, result)


def test_offsets_are_exact_with_emoji_and_mixed_scripts():
    text = "🙏😀 好消息！干细胞可以逆转肝硬化 🎉 and stem cells have no side effects 💯. 幹細胞療效顯著！"
    result = check_text(text)
    assert_offsets(text, result)
    found = {(flag["category"], flag["text"]) for flag in result["flags"]}
    assert ("reversal", "逆转肝硬化") in found
    assert ("no-risk", "no side effects") in found
    assert ("proven", "療效顯著") in found


@pytest.mark.parametrize(
    "text",
    [
        "There is no evidence that stem cells reverse cirrhosis.",
        "没有证据表明干细胞能逆转肝硬化。",
        "No serious adverse events were seen in the 9 people in the trial.",
        "在治疗期间，所有5名患者均未出现任何不良反应和副作用。",
        "Stem-cell treatments are not approved for routine use.",
        "干细胞治疗肝硬化尚未获批。",
        "If a clinic promises a cure, ask to see the trial results.",
        "Can stem cells cure cirrhosis?",
        "干细胞能治愈肝硬化吗？",
        "有些广告声称干细胞可以“逆转肝硬化”。",
        "Be wary of adverts that say the treatment has no side effects.",
        "A liver transplant is the only cure for end-stage liver disease.",
        "Scarring can lessen for some people when hepatitis B is treated.",
        "乙肝得到有效治疗后，部分患者的肝纤维化可以减轻。",
        "Larger randomised trials are needed to prove that it works.",
        "China approved its first MSC drug in 2025, for graft-versus-host disease.",
        "说这种疗法没有任何风险，是不对的。",
        "Cirrhosis is not a disease that stem cells have been shown to reverse.",
    ],
)
def test_accurate_sentences_are_not_flagged(text):
    assert flags(text) == []


def test_a_mentioned_quote_is_not_a_claim_but_a_testimonial_is():
    assert flags("The headline said “逆转肝硬化!”, but the study measured only safety.") == []
    assert flags("患者张先生说：“打了两次干细胞，我的肝硬化彻底好了，腹水也没了！”") != []


def test_double_negation_is_a_claim():
    assert flags("肝硬化并非不可逆，干细胞可以让肝脏重获新生。") != []


def test_language_can_be_given():
    assert check_text("Stem cells reverse cirrhosis.", language="en")["language"] == "en"
    with pytest.raises(ValueError):
        check_text("text", language="fr")


def test_explanation_and_evidence_are_in_the_readers_language():
    english = check_text("干细胞逆转肝硬化", reader_language="en")["flags"][0]
    chinese = check_text("干细胞逆转肝硬化")["flags"][0]
    assert english["explanation"].startswith("This says the treatment reverses cirrhosis")
    assert chinese["explanation"].startswith("这句话说")
    assert {"key": "sharma-2021", "url": "/en/evidence/sharma-2021/"} in english["evidence"]
    assert {"key": "sharma-2021", "url": "/zh-hans/evidence/sharma-2021/"} in chinese["evidence"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.text(max_size=400)
    | st.text(alphabet="逆转肝硬化治愈没有副作用不是吗？“”\"' .,!?no side effects cure revers", max_size=200)
)
def test_no_input_crashes_the_matcher_and_every_offset_slices_the_input(text):
    result = check_text(text)
    assert result["language"] in ("en", "zh-hans", "zh-hant")
    assert_offsets(text, result)
    spans = sorted((flag["start"], flag["end"]) for flag in result["flags"])
    assert all(end <= next_start for (_, end), (next_start, _) in zip(spans, spans[1:]))


PRECISION_FLOOR, RECALL_FLOOR = 0.95, 0.85


def test_labelled_set_meets_the_precision_and_recall_floor():
    items = load_items()
    languages = {item["language"] for item in items}
    assert len(items) >= 100 and {"en", "zh-hans"} <= languages
    scores = evaluate(items, lambda text: check_text(text)["flags"])
    for language in ["all", "en", "zh-hans", "zh-hant"]:
        score = scores[language]
        assert score.precision >= PRECISION_FLOOR, (language, score.precision)
        assert score.recall >= RECALL_FLOOR, (language, score.recall)


def test_the_labelled_set_is_balanced():
    items = load_items()
    for language in ["en", "zh-hans"]:
        own = [item for item in items if item["language"] == language]
        promotional = sum(item["promotional"] for item in own)
        assert len(own) >= 50 and 0.4 <= promotional / len(own) <= 0.6


def test_every_loaded_page_passes_the_claim_check():
    failing = {page.slug: blocking_claims(page) for page in reader_pages()}
    assert {slug: claims for slug, claims in failing.items() if claims} == {}


def test_the_sentence_model_alone_rarely_marks_our_own_pages():
    """Advisory marks (the model alone) on our accurate pages: few, and never a phrase claim."""
    sentences = advisory = 0
    for page in reader_pages():
        claims = unmarked_claims(page)
        assert all(not claim.blocking for claim in claims), page.slug
        advisory += len(claims)
        sentences += sum(len(text.split("。")) + len(text.split(". ")) for _l, _f, text in page_texts(page) if text)
    assert advisory / sentences < 0.05


def test_the_values_of_a_stream_block_are_read_as_separate_sentences():
    """A worked example's translated quote has no full stop; the category label after it is not part of its sentence."""
    from explainer.caution.models import WorkedExamplePage
    from explainer.core.texts import text_of
    from explainer.text.sentences import sentence_spans

    page = WorkedExamplePage.objects.get(slug="example-reverse-cirrhosis")
    text = text_of(page, "claims", "en")
    values = [value for value in text.split("\n\n") if value]
    assert "can reverse cirrhosis and liver fibrosis" in text
    for start, end in sentence_spans(text):
        assert any(text[start:end] in value for value in values), text[start:end]


def reasons(text):
    """{phrase: why the context rules set it aside, or None}, from the patterns in content/claims/."""
    from explainer.caution.training import claim_families
    from explainer.text.matcher import Matcher

    _context, candidates = Matcher(claim_families()).analyse(text)
    return {text[candidate.start : candidate.end]: candidate.reason for candidate in candidates}


def test_a_dash_or_semicolon_ends_what_a_negation_reaches():
    assert reasons("Is it painful? Not at all — it is painless and completely risk-free.") == {"risk-free": None}
    assert reasons("Not cheap; but painless and risk-free.") == {"risk-free": None}
    assert reasons("It is not risk-free.") == {"risk-free": "negated"}


def test_a_clinician_changing_medicines_is_care_not_advice_to_skip_it():
    assert reasons("在医院，医生会停用利尿药和伤肾的药。")["停用利尿药"] == "doctor's decision"
    assert reasons("Your doctor may stop your water tablets for a while.") == {
        "stop your water tablets": "doctor's decision"
    }
    assert reasons("After stem cells, my doctor will stop your medicines.") == {"stop your medicines": None}


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("30% deposit to confirm; balance payable on arrival.", "deposit to confirm"),
        ("Early-bird pricing ends Friday.", "Early-bird"),
        ("📅 Next group departs 14 May — only 4 seats left!", "seats left"),
        ("Not a single serious complication in over 4,000 procedures.", "Not a single serious complication"),
        ("交500元定金即可锁定名额。", "定金"),
    ],
)
def test_sales_and_safety_promises_without_the_older_phrasings_are_found(text, phrase):
    assert reasons(text).get(phrase, "missing") is None
