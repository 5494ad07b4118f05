"""The text checks of explainer.quality: numbers for the parity check, and plain language. No database."""

import pytest

from explainer.text.numbers import compare_numbers, extract_numbers
from explainer.text.readability import (
    CHINESE_AVERAGE_SENTENCE_TARGET,
    assess,
    chinese_sentence_stats,
    chinese_sentences,
    count_syllables,
    english_grade,
    english_sentences,
    undefined_jargon,
)

# Numbers


@pytest.mark.parametrize(
    "text, language, expected",
    [
        ("24 people, 2.5 and 66.7 and 0.487", "en", {"24", "2.5", "66.7", "0.487"}),
        ("1,000 people and 12,345,678 cells", "en", {"1000", "12345678"}),
        ("days 1, 8 and 15", "en", {"1", "8", "15"}),
        ("第 1、8、15 天", "zh-hans", {"1", "8", "15"}),
        ("3.0 and 2.50 and 3 and 10.00", "en", {"3", "2.5", "10"}),
        ("74%, 12 %, 5.0%", "en", {"74%", "12%", "5%"}),
        ("74％，12 ％", "zh-hans", {"74%", "12%"}),
        ("50 per cent and 60 percent", "en", {"50%", "60%"}),
        ("百分之 60", "zh-hans", {"60%"}),
        ("６ 个月，２．５ 倍，７４％", "zh-hans", {"6", "2.5", "74%"}),
        ("P=0.33 and p<0.05", "en", {"0.33", "0.05"}),
        ("a ratio of 1:10", "en", {"1", "10"}),
    ],
)
def test_extract_numbers_reads_plain_numbers_and_percentages(text, language, expected):
    assert extract_numbers(text, language) == expected


@pytest.mark.parametrize(
    "text, language",
    [
        ("5–6 points", "en"),
        ("5-6 points", "en"),
        ("5 to 6 points", "en"),
        ("5～6 分", "zh-hans"),
        ("5 到 6 分", "zh-hans"),
    ],
)
def test_a_range_is_its_two_numbers(text, language):
    assert extract_numbers(text, language) == {"5", "6"}


def test_a_unit_after_a_range_applies_to_both_ends():
    assert extract_numbers("5–6%", "en") == extract_numbers("5%–6%", "zh-hans") == {"5%", "6%"}
    assert (
        extract_numbers("1 to 2 million", "en") == extract_numbers("100～200 万", "zh-hans") == {"1000000", "2000000"}
    )
    # A number elsewhere in the text keeps its own meaning.
    assert extract_numbers("5 people; 5–6%", "en") == {"5", "5%", "6%"}


def test_powers_of_ten_are_one_token_however_written():
    assert extract_numbers("2.5×10⁷ cells", "en") == {"2.5", "10^7"}
    assert extract_numbers("2.5 x 10^7 cells", "en") == {"2.5", "10^7"}
    assert extract_numbers("2.5x10^7 cells", "en") == {"2.5", "10^7"}
    assert extract_numbers("×10⁸ 个细胞，10⁻³", "zh-hans") == {"10^8", "10^-3"}


@pytest.mark.parametrize(
    "english, chinese, expected",
    [
        ("88.663 million", "8866.3 万", {"88663000"}),
        ("88.663 million", "88.663 百万", {"88663000"}),
        ("1.4 million", "140 万", {"1400000"}),
        ("2 billion", "20 亿", {"2000000000"}),
        ("3 thousand", "3千", {"3000"}),
    ],
)
def test_scale_words_multiply_the_number_before_them(english, chinese, expected):
    assert extract_numbers(english, "en") == extract_numbers(chinese, "zh-hans") == expected


def test_kilo_units_are_not_a_thousand():
    assert extract_numbers("体重减少 3 千克", "zh-hans") == {"3"}


def test_dates_give_the_same_numbers_in_both_languages():
    expected = {"20", "7", "2015"}
    assert extract_numbers("on 20 July 2015", "en") == expected
    assert extract_numbers("on Jul 20, 2015", "en") == expected
    assert extract_numbers("2015 年 7 月 20 日", "zh-hans") == expected
    assert extract_numbers("2015年7月20日", "zh-hans") == expected
    assert extract_numbers("2025-11-10", "zh-hans") == extract_numbers("10 November 2025", "en")


def test_may_is_a_month_only_beside_a_day_or_year():
    assert extract_numbers("You may ask your doctor.", "en") == set()
    assert extract_numbers("May I ask? It started in May 2015 and ended on 3 May.", "en") == {"5", "2015", "3"}


def test_links_urls_dois_and_registry_ids_are_ignored():
    text = (
        "See [Qin 2025](page:qin-2025) and [the trial](https://clinicaltrials.gov/study/NCT05442437), "
        "doi:10.4240/wjgs.v17.i9.109980, https://doi.org/10.1016/j.jhep.2018.03.024, NCT05442437, "
        "ChiCTR2000029606 and ChiCTR-TRC-12001234."
    )
    assert extract_numbers(text, "en") == {"2025"}


def test_names_with_digits_are_ignored_but_a_version_number_counts():
    assert extract_numbers("CD34 cells", "en") == set()
    assert extract_numbers("MELD 3.0", "en") == extract_numbers("MELD 3", "zh-hans") == {"3"}


def test_chinese_numerals_are_not_converted():
    assert extract_numbers("六个月后", "zh-hans") == set()
    only_english, only_chinese = compare_numbers("After 6 months, 12 weeks.", "六个月后，12 周。")
    assert only_english == {"6"}
    assert only_chinese == set()


def test_compare_numbers_reports_each_side():
    only_english, only_chinese = compare_numbers(
        "Survival was 66.7% at 2 years (P=0.33).",
        "2 年生存率为 66.7%（P=0.35），共 24 人。",
    )
    assert only_english == {"0.33"}
    assert only_chinese == {"0.35", "24"}


def test_compare_numbers_of_matching_texts_is_empty():
    assert compare_numbers(
        "24 people took part, in 3 groups of 8, on days 1, 8 and 15. Survival was 87.5%.",
        "共 24 人参加，分为 3 组，每组 8 人，分别在第 1、8、15 天。生存率为 87.5％。",
    ) == (set(), set())


def test_unknown_language_is_an_error():
    with pytest.raises(ValueError):
        extract_numbers("1", "fr")


# English reading grade


@pytest.mark.parametrize(
    "word, syllables",
    [
        ("liver", 2),
        ("make", 1),
        ("table", 2),
        ("people", 2),
        ("disease", 2),
        ("diseases", 3),
        ("makes", 1),
        ("liked", 1),
        ("started", 2),
        ("trial", 2),
        ("biopsy", 3),
        ("sodium", 3),
        ("lately", 2),
        ("being", 2),
        ("cirrhosis", 3),
        ("encephalopathy", 6),
        ("decompensated", 5),
        ("area", 3),
        ("end-stage", 2),
        ("24", 1),
        ("3.0", 1),
        ("CD34", 1),
        ("HBV", 3),
    ],
)
def test_count_syllables(word, syllables):
    assert count_syllables(word) == syllables


def test_english_sentences_split_at_punctuation_and_line_ends():
    text = (
        "Blood tests\n- a list item\n"
        "See e.g. the [NHS page](https://www.nhs.uk). Qin et al. found it; it was 2.5 times."
    )
    assert english_sentences(text) == [
        "Blood tests",
        "- a list item",
        "See e.g. the NHS page.",
        "Qin et al. found it;",
        "it was 2.5 times.",
    ]


def test_english_grade_of_simple_and_complex_text():
    simple = "The liver is a big organ. It cleans your blood. Scars make it hard for the liver to work."
    complex_text = (
        "Decompensated cirrhosis is characterised by the development of clinically evident complications, "
        "including ascites, variceal haemorrhage and hepatic encephalopathy, which substantially increase "
        "mortality and necessitate specialised multidisciplinary management."
    )
    assert english_grade(simple) < 3
    assert english_grade(complex_text) > 16
    assert english_grade("") == 0.0


def test_english_grade_ignores_markup():
    assert english_grade("**Bold** words and [a link](https://example.org/a-very-long-target).") == english_grade(
        "Bold words and a link."
    )


# Chinese sentences


def test_chinese_sentences_split_at_chinese_and_latin_punctuation_and_line_ends():
    text = "什么是肝硬化\n肝硬化是肝脏的瘢痕。它会影响肝脏；您可以问医生！真的吗？Is it OK? 是的"
    assert chinese_sentences(text) == [
        "什么是肝硬化",
        "肝硬化是肝脏的瘢痕。",
        "它会影响肝脏；",
        "您可以问医生！",
        "真的吗？",
        "Is it OK?",
        "是的",
    ]


def test_chinese_sentence_stats_count_characters_letters_and_digits():
    text = "MELD 评分是 6 到 40。" + "很" * 41 + "。"
    stats = chinese_sentence_stats(text)
    assert stats["sentences"] == 2
    assert stats["max_sentence"] == 41
    assert stats["average_sentence"] == (11 + 41) / 2  # "MELD评分是6到40": 4 + 2 + 1 + 1 + 1 + 2.
    assert stats["long_sentences"] == ["很" * 41 + "。"]
    assert chinese_sentence_stats(text, limit=50)["long_sentences"] == []
    assert chinese_sentence_stats("") == {
        "sentences": 0,
        "average_sentence": 0.0,
        "max_sentence": 0,
        "long_sentences": [],
    }


# Jargon


def test_english_jargon_is_capital_abbreviations_not_in_the_glossary():
    text = "Your MELD and INR, the HBV test, AFP and MSCs. In the US and UK, 10 ML, a phase II trial, MSC-based cells."
    assert undefined_jargon(text, "en", {"INR", "hepatitis B", "HBV"}) == ["MELD", "AFP", "MSCs"]
    assert undefined_jargon(text, "en", {"INR", "HBV", "meld", "AFP", "MSC"}) == []


def test_jargon_explained_in_parentheses_is_not_reported():
    assert undefined_jargon("MELD (a score of how sick the liver is) is high. MELD went up.", "en", set()) == []
    assert undefined_jargon("Mesenchymal stem cells (MSC, cells from cord tissue). MSC were given.", "en", set()) == []
    assert undefined_jargon("MELD（一种评分）升高。", "zh-hans", set()) == []
    assert undefined_jargon("MELD went up (a lot).", "en", set()) == ["MELD"]


def test_chinese_jargon_is_abbreviations_and_words_with_medical_endings():
    text = "患者有肝肾综合征和低钠血症，ALT 升高，肝衰竭。危险因素包括维生素缺乏。血液蛋白不用细胞检查和评分。"
    assert undefined_jargon(text, "zh-hans", set()) == ["肝肾综合征", "低钠血症", "ALT", "肝衰竭"]


def test_known_chinese_terms_and_their_parts_are_not_reported():
    text = "脐带间充质干细胞，谷丙转氨酶升高，乙型肝炎病毒，肝活检，MELD评分。"
    known = {"间充质干细胞", "ALT（谷丙转氨酶）", "乙型肝炎", "肝活检", "MELD 评分"}
    assert undefined_jargon(text, "zh-hans", known) == []
    assert undefined_jargon(text, "zh-hans", set()) == ["干细胞", "转氨酶", "乙型肝炎", "肝活检", "MELD"]


# The whole assessment


def test_assess_english():
    result = assess("The liver cleans your blood. Ask about your INR.", "en", {"INR"})
    # Flesch-Kincaid by hand: 9 words, 2 sentences, 11 syllables (li-ver, a-bout; INR said as one word).
    assert result == {
        "grade": round(0.39 * 9 / 2 + 11.8 * 11 / 9 - 15.59, 1),
        "target": 8,
        "sentences": 2,
        "undefined_jargon": [],
        "ok": True,
    }
    assert assess("Ask about your INR.", "en", set())["ok"] is False


def test_assess_chinese():
    result = assess("肝脏能清洁血液。请问医生您的 INR。", "zh-hans", {"INR"})
    assert result["ok"] is True
    assert result["target"] == CHINESE_AVERAGE_SENTENCE_TARGET
    assert result["max_sentence"] == 9
    assert result["undefined_jargon"] == []
    long_text = "很" * 30 + "。"
    assert assess(long_text, "zh-hans", set())["ok"] is False
