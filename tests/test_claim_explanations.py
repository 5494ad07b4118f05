"""The explanations readers see beside a flagged claim (checker, worked examples, API) meet the plain-language
targets and state the same numbers in both languages. Read from content/claims/, so no database is needed."""

from pathlib import Path

import pytest
import yaml

from explainer.text.numbers import compare_numbers
from explainer.text.readability import (
    CHINESE_AVERAGE_SENTENCE_TARGET,
    CHINESE_LONG_SENTENCE_LIMIT,
    ENGLISH_GRADE_TARGET,
    chinese_sentence_stats,
    english_grade,
)

CLAIM_FILES = sorted((Path(__file__).resolve().parent.parent / "content" / "claims").glob("*.yaml"))


def explanation(path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))["explanation"]


def test_there_are_claim_files_to_check():
    assert len(CLAIM_FILES) >= 8


@pytest.mark.parametrize("path", CLAIM_FILES, ids=lambda path: path.stem)
def test_claim_explanation_meets_the_plain_language_targets(path):
    text = explanation(path)
    assert english_grade(text["en"]) <= ENGLISH_GRADE_TARGET
    stats = chinese_sentence_stats(text["zh-hans"])
    assert stats["average_sentence"] <= CHINESE_AVERAGE_SENTENCE_TARGET
    assert stats["long_sentences"] == [], f"longer than {CHINESE_LONG_SENTENCE_LIMIT} characters"


@pytest.mark.parametrize("path", CLAIM_FILES, ids=lambda path: path.stem)
def test_claim_explanation_states_the_same_numbers_in_both_languages(path):
    text = explanation(path)
    assert compare_numbers(text["en"], text["zh-hans"]) == (set(), set())


def test_the_checks_catch_a_hard_explanation():
    hard_english = (
        "Autologous mesenchymal stromal cell administration demonstrated no statistically significant amelioration "
        "of histological fibrosis relative to conventional therapeutic management."
    )
    long_chinese = "这项研究在中国多家医院开展并纳入了大量失代偿期肝硬化患者但由于没有设立对照组而且随访时间较短所以无法判断细胞治疗是否真正有效。"
    assert english_grade(hard_english) > ENGLISH_GRADE_TARGET
    assert chinese_sentence_stats(long_chinese)["long_sentences"]
    assert compare_numbers("Fell by 25% in 72 people.", "72 人中下降了 37%。") == ({"25%"}, {"37%"})
