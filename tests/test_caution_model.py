"""The sentence model and the embedding package it uses."""

import numpy as np
import pytest

from explainer.caution.classifier import SentenceModel, embedder, rule_features, sentence_features
from explainer.caution.detector import CONTEXT_FEATURES, ContextModel, Detector, logit
from explainer.caution.training import claim_families
from explainer.text.matcher import Matcher


def test_the_embedding_package_behaves_like_multilingual_e5_small():
    vectors = embedder().embed(
        [
            "Stem cells reverse liver cirrhosis.",
            "干细胞可以逆转肝硬化。",
            "The train to the airport leaves every twenty minutes.",
        ]
    )
    assert vectors.shape == (3, 2 * 384)
    for view in (vectors[:, :384], vectors[:, 384:]):  # read as a query and as a passage
        assert np.allclose(np.linalg.norm(view, axis=1), 1.0, atol=1e-3)
        same_meaning, unrelated = view[0] @ view[1], view[0] @ view[2]
        assert same_meaning > unrelated + 0.05
    assert not np.allclose(vectors[:, :384], vectors[:, 384:], atol=1e-2)


def test_features_see_words_characters_and_what_the_patterns_found():
    detector = Detector(Matcher(claim_families()), SentenceModel.load())
    text = "干细胞治疗没有任何副作用，名额有限！"
    _context, candidates = detector.matcher.analyse(text)
    features = sentence_features(text, rule_features(candidates))
    assert features["h:副作用"] == 1 and features["h:名额有"] == 1 and features["p:!"] == 1
    assert features["r:no-risk"] == 1 and features["r:urgency"] == 1
    assert sentence_features("每天限20人")["h:限"] == 1 and "w:0" in sentence_features("每天限20人")
    english = sentence_features("Doctors can’t reverse it", ["s:reversal:negated"])
    assert english["w:can't"] == 1 and english["b:can't reverse"] == 1 and english["s:reversal:negated"] == 1
    # A longer word also counts by its first five letters, so "regenerative" and "regeneration" share a feature.
    assert sentence_features("regenerative regeneration")["x:regen"] == 2
    assert "x:liver" not in sentence_features("liver")


def test_a_sentence_the_model_finds_promotional_is_flagged_without_any_pattern():
    """Results without the claim words: no pattern matches, the model flags the sentence."""
    detector = Detector(Matcher(claim_families()), SentenceModel.load())
    text = "Thanks to the cells, Mr Chen walks his dog every morning again."
    _context, candidates = detector.matcher.analyse(text)
    assert not candidates
    _language, flags = detector.find(text)
    assert flags and flags[0].start == 0 and flags[0].end == len(text)


@pytest.mark.parametrize(
    "thresholds, flagged",
    [
        ({"claim": 1.01, "keep": 1.01, "claim_alone": 1.01, "keep_high": 1.01, "category": 0.5}, False),
        ({"claim": 0.01, "keep": 0.01, "claim_alone": 0.01, "keep_high": 0.01, "category": 0.5}, True),
    ],
)
def test_the_decision_follows_its_thresholds(thresholds, flagged):
    detector = Detector(Matcher(claim_families()), SentenceModel.load())
    reading = detector.read("Our clinic offers a new start for your liver.")
    flags, judgements = detector.decide(reading, thresholds)
    assert bool(flags) is flagged
    assert judgements[0].decision == ("claim" if flagged else "accurate")


def test_a_set_aside_claim_is_flagged_only_when_the_model_is_sure_enough_to_flag_a_sentence_alone():
    """The context rules read "cannot reverse" as a negation; the model may overrule them, but only when it is as
    sure as it must be to flag a sentence with no phrase at all."""
    detector = Detector(Matcher(claim_families()), SentenceModel.load())
    reading = detector.read("Stem cells cannot reverse cirrhosis.")
    assert {candidate.reason for candidate in reading.candidates[0]} == {"negated"}
    sure = {"claim": 0.01, "keep": 0.01, "claim_alone": 0.01, "keep_high": 0.01, "category": 0.5}
    flags, _judgements = detector.decide(reading, sure)
    assert [(flag.category, flag.basis, flag.start, flag.end) for flag in flags] == [("reversal", "sentence", 0, 36)]
    flags, judgements = detector.decide(reading, {**sure, "claim_alone": 0.99})
    assert flags == [] and judgements[0].decision == "claim"


def context_weights(**named):
    """Weights for ContextModel, zero except the named features (spaces as underscores)."""
    return [named.get(name.replace(" ", "_").replace(",", ""), 0.0) for name in CONTEXT_FEATURES]


def test_the_context_model_weighs_a_sentence_with_its_neighbours():
    detector = Detector(Matcher(claim_families()), SentenceModel.load())
    reading = detector.read("We do not know whether the cells will help you. That is why we are doing this study.")
    own_only = ContextModel({"en": context_weights(own=1.0)}, {"en": 0.0})
    assert own_only.claims(reading, [0.2, 0.9]) == pytest.approx([0.2, 0.9], abs=1e-4)
    half_and_half = ContextModel({"en": context_weights(own=0.5, neighbours=0.5)}, {"en": 0.0})
    expected = 1 / (1 + np.exp(-(0.5 * logit(0.9) + 0.5 * logit(0.2))))
    assert half_and_half.claims(reading, [0.2, 0.9])[1] == pytest.approx(expected, abs=1e-4)
    # A language the model has no weights for keeps each sentence's own probability.
    assert ContextModel({}, {}).claims(reading, [0.2, 0.9]) == [0.2, 0.9]


def test_the_trained_model_reads_a_line_with_the_lines_around_it():
    detector = Detector(Matcher(claim_families()), SentenceModel.load())
    line = "That is why we are doing this study."
    alone = detector.decide(detector.read(line))[1][0].claim
    after_a_caveat = detector.decide(detector.read("We do not know whether the cells will help you. " + line))[1]
    assert after_a_caveat[1].claim != pytest.approx(alone, abs=1e-3)


def test_each_language_has_its_own_thresholds_and_context_model():
    model = SentenceModel.load()
    assert set(model.meta["thresholds"]) == {"en", "zh-hans", "zh-hant"}
    assert set(model.meta["context"]) == {"en", "zh-hans", "zh-hant"}
    for language in ("en", "zh-hans", "zh-hant"):
        assert {"claim", "keep", "claim_alone", "keep_high"} <= set(model.thresholds_for(language))
        assert len(model.meta["context"][language]["weights"]) == len(CONTEXT_FEATURES)


def test_a_long_paste_embeds_a_bounded_number_of_sentences():
    from explainer.caution.classifier import EMBEDDED_SENTENCES

    embedded = []

    class Counting(Detector):
        def embed(self, texts):
            embedded.extend(texts)
            return super().embed(texts)

    model = SentenceModel.load()
    model.meta["embedding_band"] = (0.0, 1.0)  # every sentence uncertain
    detector = Counting(Matcher(claim_families()), model)
    detector.find("Our clinic offers a new start for your liver. " * 400 + "肝" * 5000)
    assert len(embedded) == EMBEDDED_SENTENCES
