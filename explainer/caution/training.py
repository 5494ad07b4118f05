"""Training the sentence model (classifier.py) from the corpus: `manage.py trainclaims`.

The model is fitted on the train split (and the project's tidy labelled set); the decision thresholds are chosen on
the dev split; the test split is never read here.
"""

from collections import Counter
from pathlib import Path

import numpy as np
import yaml
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression

from .classifier import LABELS, SentenceModel, rule_features, sentence_features
from .detector import Detector
from .evaluation import score_examples
from .evaluation.corpus import CATEGORIES, Corpus, load_tidy_set
from .matcher import ClaimFamily, Matcher
from .patterns import parse_pattern

CLAIM_FILES = Path(__file__).resolve().parents[2] / "content" / "claims"
MIN_DOCUMENT_FREQUENCY = 2
REGULARISATION = 4.0  # inverse strength (scikit-learn's C), chosen on the dev split
THRESHOLD_GRID = [round(0.05 * step, 2) for step in range(2, 19)]


def claim_families(directory=CLAIM_FILES):
    """The claim patterns as content/claims/ holds them (the site loads the same files into the database)."""
    families = []
    for path in sorted(Path(directory).glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        patterns = tuple(parse_pattern(str(line)) for lines in data["patterns"].values() for line in lines)
        families.append(ClaimFamily(data["slug"], data["category"], data["severity"], patterns))
    return families


def fingerprint(corpus, directory=CLAIM_FILES):
    """What a model is trained from: the corpus and the claim patterns."""
    import hashlib

    digest = hashlib.sha256(corpus.fingerprint().encode())
    for path in sorted(Path(directory).glob("*.yaml")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def example_features(matcher, examples):
    features = []
    for example in examples:
        _context, candidates = matcher.analyse(example.text)
        features.append(sentence_features(example.text, rule_features(candidates)))
    return features


def fit(features, examples, regularisation=REGULARISATION):
    """A SentenceModel fitted to the examples (thresholds left at their defaults)."""
    document_frequency = Counter(feature for bag in features for feature in bag)
    vocabulary = sorted(feature for feature, count in document_frequency.items() if count >= MIN_DOCUMENT_FREQUENCY)
    index = {feature: position for position, feature in enumerate(vocabulary)}
    idf = np.array([np.log((1 + len(features)) / (1 + document_frequency[f])) + 1 for f in vocabulary], dtype=np.float32)
    rows, columns, values = [], [], []
    for row, bag in enumerate(features):
        positions = [index[f] for f in bag if f in index]
        weights = np.array([(1 + np.log(bag[f])) for f in bag if f in index], dtype=np.float32) * idf[positions]
        norm = np.linalg.norm(weights) or 1.0
        rows.extend([row] * len(positions))
        columns.extend(positions)
        values.extend(weights / norm)
    matrix = csr_matrix((values, (rows, columns)), shape=(len(features), len(vocabulary)))
    targets = {
        "claim": [example.promotional for example in examples],
        **{category: [category in example.categories for example in examples] for category in CATEGORIES},
    }
    weights = np.zeros((len(vocabulary), len(LABELS)), dtype=np.float32)
    bias = np.zeros(len(LABELS), dtype=np.float32)
    for column, label in enumerate(LABELS):
        target = np.array(targets[label])
        if target.all() or not target.any():
            bias[column] = 10.0 if target.all() else -10.0
            continue
        regression = LogisticRegression(C=regularisation, class_weight="balanced", max_iter=2000, solver="liblinear")
        regression.fit(matrix, target)
        weights[:, column] = regression.coef_[0]
        bias[column] = regression.intercept_[0]
    return SentenceModel(vocabulary, idf, weights, bias, {"thresholds": {"claim": 0.5, "keep": 0.3, "category": 0.5}})


class Remembering:
    """A matcher and a model that remember their answers, so that trying many thresholds costs one pass."""

    def __init__(self, inner):
        self.inner, self.answers = inner, {}

    def __getattr__(self, name):
        return getattr(self.inner, name)

    def analyse(self, text):
        if text not in self.answers:
            self.answers[text] = self.inner.analyse(text)
        return self.answers[text]

    def predict(self, features):
        key = frozenset(features.items())
        if key not in self.answers:
            self.answers[key] = self.inner.predict(features)
        return self.answers[key]


def choose_thresholds(matcher, model, corpus):
    """The thresholds that make the worst language's F1 on the dev split highest."""
    matcher, model = Remembering(matcher), Remembering(model)
    best = None
    for keep in THRESHOLD_GRID:
        for claim in THRESHOLD_GRID:
            if claim < keep:
                continue
            model.meta["thresholds"] = {"claim": claim, "keep": keep, "category": 0.5}
            scores = score_examples(Detector(matcher, model), corpus, "dev")
            worst = min(score.f1 for language, score in scores.items() if language != "all")
            if best is None or worst > best[0]:
                best = (worst, claim, keep)
    _worst, claim, keep = best
    return {"claim": claim, "keep": keep, "category": 0.5}


def train(corpus=None, log=print):
    corpus = corpus or Corpus.load()
    matcher = Matcher(claim_families())
    examples = corpus.examples("train") + load_tidy_set()
    log(f"Training on {len(examples)} sentences ({sum(e.promotional for e in examples)} promotional).")
    model = fit(example_features(matcher, examples), examples)
    model.meta["thresholds"] = choose_thresholds(matcher, model, corpus)
    model.meta.update({
        "fingerprint": fingerprint(corpus),
        "trained_on": len(examples),
        "features": len(model.index),
        "regularisation": REGULARISATION,
    })
    log(f"{len(model.index):,} features; thresholds chosen on the dev split: {model.meta['thresholds']}")
    return model
