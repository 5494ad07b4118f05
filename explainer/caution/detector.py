"""The caution layer's one decision: which stretches of a text make promotional claims, and of which kinds.

The phrase patterns find candidate claims and say where the context sets one aside (negated, reported, a trial's
own finding…). The sentence model then judges each sentence, with what the patterns found among its features:
- a sentence it finds promotional keeps the patterns' claims; if the context rules set them all aside as reported
  speech or quotation, it keeps those instead (an advert's testimonial is reported speech, but still the advert's
  claim); otherwise — the patterns found nothing, or only negations, refutations and truths about standard care —
  the whole sentence is flagged, provided the model is as sure as it must be to flag a sentence on its own, with the
  set-aside phrases' category or else the one the model finds most likely;
- a sentence it is unsure of keeps the claims the patterns and context rules agree on;
- a sentence it finds accurate keeps none, except a high-severity claim (stop your medicine, no side effects…)
  that the patterns and context rules agree on, which it drops only when it is surer still.
Each sentence is first read with the text around it (`ContextModel`): a second logistic regression, one for each
language, turns the sentence's own probability, its neighbours', the rest of the text's, its length and what the
patterns found in it into the probability the decision uses. It and the thresholds are fitted on out-of-fold answers
over the corpus's train and dev splits when the model is trained (training.py); the safety floor for high-severity
claims is fixed.
"""

import math
from bisect import bisect_right
from dataclasses import dataclass

import numpy as np

from explainer.text.folding import detect_language
from explainer.text.matcher import SEVERITY_RANK, Flag

from .classifier import EMBEDDED_SENTENCES, Prediction, embedder, rule_features, sentence_features, sigmoid

# Context rules that a model may overrule: in an advert, a testimonial is reported speech but the advert's claim.
SPEECH = {"reported", "quoted"}
CONTEXT_WINDOW = 2
SHORT_LINE = 30  # characters: a heading, a byline, "Thank you all"
CONTEXT_FEATURES = (
    "own",
    "neighbours",
    "has neighbours",
    "own, with neighbours",
    "rest of text, highest",
    "rest of text, mean",
    "sentences in text",
    "length",
    "short line",
    "phrase claim",
    "high-severity phrase claim",
    "phrase set aside",
    "phrase in reported speech",
)


def logit(probability):
    probability = min(max(probability, 1e-4), 1 - 1e-4)
    return math.log(probability / (1 - probability))


def context_features(reading, claims):
    """For each sentence of the reading, what the context model weighs (CONTEXT_FEATURES): its own probability (as a
    log-odds), its neighbours' (up to CONTEXT_WINDOW each side), the rest of the text's, how long the text and the
    sentence are, and what the patterns found in it."""
    rows = []
    for index, claim in enumerate(claims):
        neighbours = claims[max(index - CONTEXT_WINDOW, 0) : index] + claims[index + 1 : index + 1 + CONTEXT_WINDOW]
        others = claims[:index] + claims[index + 1 :]
        found = reading.candidates[index]
        agreed = [candidate for candidate in found if candidate.reason is None]
        length = reading.sentences[index].end - reading.sentences[index].start
        has_neighbours = float(bool(neighbours))
        rows.append(
            [
                logit(claim),
                logit(sum(neighbours) / len(neighbours)) if neighbours else 0.0,
                has_neighbours,
                logit(claim) * has_neighbours,
                logit(max(others)) if others else 0.0,
                logit(sum(others) / len(others)) if others else 0.0,
                math.log(len(claims)),
                math.log1p(length),
                float(length < SHORT_LINE),
                float(bool(agreed)),
                float(any(candidate.family.severity == "high" for candidate in agreed)),
                float(any(candidate.reason for candidate in found)),
                float(any(candidate.reason in SPEECH for candidate in found)),
            ]
        )
    return np.array(rows, dtype=np.float32).reshape(len(claims), len(CONTEXT_FEATURES))


@dataclass
class ContextModel:
    """Each sentence read with the text around it: for each language, logistic-regression weights over
    context_features ("That is why we are doing this study" after "We do not know whether the cells will help you";
    a heading or a byline in a clinic's page). A language it has no weights for keeps each sentence's own
    probability."""

    weights: dict  # language → one weight for each of CONTEXT_FEATURES
    bias: dict  # language → intercept

    @classmethod
    def from_meta(cls, meta):
        context = meta.get("context") or {}
        return cls(
            {language: weights["weights"] for language, weights in context.items()},
            {language: weights["bias"] for language, weights in context.items()},
        )

    def as_meta(self):
        return {
            language: {"weights": [round(float(w), 6) for w in weights], "bias": round(float(self.bias[language]), 6)}
            for language, weights in self.weights.items()
        }

    def claims(self, reading, claims):
        weights = self.weights.get(reading.language)
        if weights is None or not claims:
            return claims
        scores = context_features(reading, claims) @ np.asarray(weights, dtype=np.float32)
        return [float(probability) for probability in sigmoid(scores + self.bias[reading.language])]


def keep_threshold(candidate, thresholds):
    """How sure the model must be that a sentence is promotional to keep a claim the patterns agree on."""
    return thresholds["keep_high"] if candidate.family.severity == "high" else thresholds["keep"]


@dataclass
class Judgement:
    """The model's view of one sentence, for evaluation and for the editors' explanation."""

    start: int
    end: int
    claim: float
    decision: str  # "claim", "unsure" or "accurate"


@dataclass
class Reading:
    text: str
    language: str
    sentences: list
    candidates: list  # for each sentence, the pattern candidates that start in it
    plain: list  # for each sentence, the feature-based Prediction
    embedded: dict  # sentence index → the Prediction with the sentence's embedding, for the sentences embedded


class Detector:
    def __init__(self, matcher, model):
        self.matcher = matcher
        self.model = model
        self.context = ContextModel.from_meta(model.meta)
        self.family_for = {}
        for family in matcher.families:
            current = self.family_for.get(family.category)
            if current is None or SEVERITY_RANK.get(family.severity, 0) > SEVERITY_RANK.get(current.severity, 0):
                self.family_for[family.category] = family

    def read(self, text, language=None, embed_all=False):
        """What the decision needs: the sentences, the pattern candidates in each, and the model's predictions.

        A sentence is embedded when its feature-based prediction falls in the model's uncertain band (or every
        sentence, with embed_all, so that training can try other bands without reading the text again)."""
        context, candidates = self.matcher.analyse(text)
        by_sentence = [[] for _ in context.sentences]
        for candidate in candidates:
            by_sentence[max(bisect_right(context.sentence_starts, candidate.start) - 1, 0)].append(candidate)
        plain = [
            self.model.predict(sentence_features(text[sentence.start : sentence.end], rule_features(found)))
            for sentence, found in zip(context.sentences, by_sentence)
        ]
        embedded = {}
        if self.model.uses_embeddings:
            chosen = [i for i, prediction in enumerate(plain) if embed_all or self.model.needs_embedding(prediction)]
            if not embed_all:
                chosen = sorted(chosen, key=lambda i: abs(plain[i].claim - 0.5))[:EMBEDDED_SENTENCES]
            if chosen:
                embeddings = self.embed([text[context.sentences[i].start : context.sentences[i].end] for i in chosen])
                embedded = {i: self.model.with_embedding(plain[i], e) for i, e in zip(chosen, embeddings)}
        return Reading(text, language or detect_language(text), context.sentences, by_sentence, plain, embedded)

    def predictions(self, reading, band=None):
        """Each sentence's prediction: with its embedding averaged in when it was embedded and its feature-based
        probability falls in the band."""
        low, high = band or self.model.meta.get("embedding_band", (0.0, 1.0))
        return [
            reading.embedded[index] if index in reading.embedded and low <= prediction.claim <= high else prediction
            for index, prediction in enumerate(reading.plain)
        ]

    def decide(self, reading, thresholds=None, band=None, context=None):
        """(flags, judgements) for what was read: flags in order, not overlapping, offsets into the text as given."""
        thresholds = thresholds or self.model.thresholds_for(reading.language)
        predictions = self.predictions(reading, band)
        claims = (context or self.context).claims(reading, [prediction.claim for prediction in predictions])
        text = reading.text
        kept, spoken, sentence_flags, judgements = [], [], [], []
        for index, (sentence, found) in enumerate(zip(reading.sentences, reading.candidates)):
            prediction = Prediction(claims[index], predictions[index].categories)
            agreed = [c for c in found if c.reason is None]
            # Without a phrase the patterns know, the model alone must be surer before the sentence is flagged.
            needed = thresholds["claim"] if found else thresholds["claim_alone"]
            if prediction.claim >= needed:
                decision = "claim"
                speech = [c for c in found if c.reason in SPEECH]
                if agreed:
                    kept.extend(agreed)
                elif speech:
                    spoken.extend(speech)
                elif prediction.claim >= thresholds["claim_alone"]:
                    # No phrase the context rules let stand ("no side effects" reads as a negation), but the model
                    # is as sure as it must be to flag a sentence on its own: the phrases' own kind, if they had any.
                    kinds = {c.family.category for c in found} or {
                        prediction.best_categories(thresholds["category"])[0]
                    }
                    category = max(kinds, key=lambda kind: prediction.categories.get(kind, 0.0))
                    family = self.family_for.get(category)
                    if family is not None:
                        sentence_flags.append(
                            Flag(
                                category,
                                sentence.start,
                                sentence.end,
                                text[sentence.start : sentence.end],
                                family.severity,
                                family,
                                "sentence",
                            )
                        )
            else:
                # A dangerous claim the patterns and context rules agree on needs a surer "accurate" to be dropped.
                kept_here = [c for c in agreed if prediction.claim >= keep_threshold(c, thresholds)]
                kept.extend(kept_here)
                decision = "unsure" if kept_here or prediction.claim >= thresholds["keep"] else "accurate"
            judgements.append(Judgement(sentence.start, sentence.end, prediction.claim, decision))
        flags = self.matcher.flags(text, kept) + self.matcher.flags(text, spoken, "speech") + sentence_flags
        flags.sort(key=lambda flag: flag.start)
        return flags, judgements

    def embed(self, texts):
        return embedder().embed(texts)

    def find(self, text, language=None):
        """(language, flags) for the text."""
        reading = self.read(text, language)
        return reading.language, self.decide(reading)[0]
