"""Training the sentence model (classifier.py) from the corpus: `manage.py trainclaims`.

The model is fitted on the train and dev splits (and the project's tidy labelled set). The context model
(detector.ContextModel), the decision thresholds and the band of uncertain sentences worth embedding are fitted and
chosen on out-of-fold answers: the train and dev sources are dealt into five folds, and each fold is read by a model
fitted on the other four. The context model is itself judged out of fold once more (fitted on the other folds'
answers) while the thresholds are chosen. The test split is never read here.
"""

import hashlib
import json
from collections import Counter
from pathlib import Path

import numpy as np
import yaml
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression

from explainer.text.folding import LANGUAGES
from explainer.text.matcher import ClaimFamily, Matcher
from explainer.text.patterns import parse_pattern

from .classifier import LABELS, SentenceModel, embedder, rule_features, sentence_features
from .detector import ContextModel, Detector, context_features
from .evaluation import judge, tally
from .evaluation.corpus import CATEGORIES, Corpus, Document, group_hash, load_tidy_set

CLAIM_FILES = Path(__file__).resolve().parents[2] / "content" / "claims"
MIN_DOCUMENT_FREQUENCY = 2
REGULARISATION = 16.0  # inverse strength (scikit-learn's C), chosen out of fold
EMBEDDING_REGULARISATION = 4.0
CONTEXT_REGULARISATION = 1.0  # thirteen features and thousands of sentences: scikit-learn's default
FOLDS = 5
# A high-severity phrase claim (stop your medicine, no side effects…) that the patterns and context rules agree on is
# dropped only when the model is this sure the sentence is accurate: missing it can cost a life, a false alarm a
# second look. A design choice, not tuned.
KEEP_HIGH = 0.25
DEFAULT_THRESHOLDS = {"claim": 0.5, "keep": 0.3, "claim_alone": 0.7, "keep_high": KEEP_HIGH, "category": 0.5}
COARSE_GRID = [round(0.1 * step, 1) for step in range(1, 10)]
# Sentences whose feature-based probability falls in the band are embedded too (when the model uses embeddings).
# Wider bands embed more than a fifth of a document's sentences: too slow for 20,000 characters in 2 seconds.
BANDS = [(0.5, 0.5), (0.35, 0.65), (0.3, 0.7), (0.25, 0.75)]
# Bands whose worst language comes this close to the best count as equal, and the narrowest of them is kept. Even the
# widest band checks 20,000 characters well inside the speed target (README, Speed), so only near-ties go to speed.
BAND_TOLERANCE = 0.002


def claim_families(directory=CLAIM_FILES):
    """The claim patterns as content/claims/ holds them (the site loads the same files into the database)."""
    families = []
    for path in sorted(Path(directory).glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        patterns = tuple(parse_pattern(str(line)) for lines in data["patterns"].values() for line in lines)
        families.append(ClaimFamily(data["slug"], data["category"], data["severity"], patterns))
    return families


def fingerprint(corpus, directory=CLAIM_FILES):
    """What a model is trained from: the corpus and the claim patterns (not the explanations beside them, which
    editors may reword without retraining)."""
    digest = hashlib.sha256(corpus.fingerprint().encode())
    for family in claim_families(directory):
        digest.update(
            json.dumps(
                [family.key, family.category, family.severity, [p.source for p in family.patterns]], ensure_ascii=False
            ).encode()
        )
    return digest.hexdigest()


class Remembered:
    """Features and embeddings of the corpus's sentences, computed once however many models are fitted."""

    def __init__(self, matcher):
        self.matcher, self.features, self.embeddings = matcher, {}, {}

    def features_of(self, examples):
        for example in examples:
            if example.text not in self.features:
                _context, candidates = self.matcher.analyse(example.text)
                self.features[example.text] = sentence_features(example.text, rule_features(candidates))
        return [self.features[example.text] for example in examples]

    def embed(self, texts):
        missing = list(dict.fromkeys(text for text in texts if text not in self.embeddings))
        for start in range(0, len(missing), 64):
            batch = missing[start : start + 64]
            self.embeddings.update(zip(batch, embedder().embed(batch)))
        return np.array([self.embeddings[text] for text in texts])


class TrainingDetector(Detector):
    def __init__(self, matcher, model, remembered):
        super().__init__(matcher, model)
        self.remembered = remembered

    def embed(self, texts):
        return self.remembered.embed(texts)


def fit(features, examples, regularisation=None):
    """A SentenceModel fitted to the examples (thresholds left at their defaults)."""
    document_frequency = Counter(feature for bag in features for feature in bag)
    vocabulary = sorted(feature for feature, count in document_frequency.items() if count >= MIN_DOCUMENT_FREQUENCY)
    index = {feature: position for position, feature in enumerate(vocabulary)}
    idf = np.array(
        [np.log((1 + len(features)) / (1 + document_frequency[f])) + 1 for f in vocabulary], dtype=np.float32
    )
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
        regression = LogisticRegression(
            C=regularisation or REGULARISATION, class_weight="balanced", max_iter=2000, solver="liblinear"
        )
        regression.fit(matrix, target)
        weights[:, column] = regression.coef_[0]
        bias[column] = regression.intercept_[0]
    return SentenceModel(
        vocabulary, idf, weights, bias, {"thresholds": {language: dict(DEFAULT_THRESHOLDS) for language in LANGUAGES}}
    )


def objective(score):
    """How close a score comes to the bar the issue sets for the test split (precision 0.90, recall 0.85); 1 or more
    meets it."""
    return min(score.precision / 0.90, score.recall / 0.85)


def sentence_labels(item, reading, claims):
    """Whether each sentence the reading found in a corpus item makes a claim, or None where the corpus does not say:
    a document's sentences from its marked claims; every sentence of an accurate item; of a promotional item of
    several sentences only the likeliest (which of them carries the claim is not marked)."""
    if isinstance(item, Document):
        return [any(c.start < s.end and c.end > s.start for c in item.claims) for s in reading.sentences]
    if len(claims) == 1 or not item.promotional:
        return [item.promotional] * len(claims)
    likeliest = max(range(len(claims)), key=claims.__getitem__)
    return [True if index == likeliest else None for index in range(len(claims))]


def fit_context(rows, labels):
    """A ContextModel from {language: [feature rows]} and {language: [labels]}."""
    weights, bias = {}, {}
    for language in rows:
        regression = LogisticRegression(C=CONTEXT_REGULARISATION, max_iter=2000)
        regression.fit(np.vstack(rows[language]), np.array(labels[language]))
        weights[language], bias[language] = regression.coef_[0], regression.intercept_[0]
    return ContextModel(weights, bias)


def context_models(readings, items, band):
    """({fold: a ContextModel fitted on the other folds' readings}, one fitted on all of them) for the band."""
    examples = []
    for text, (detector, reading, fold) in readings.items():
        claims = [prediction.claim for prediction in detector.predictions(reading, band)]
        rows = context_features(reading, claims)
        examples.append((fold, reading.language, rows, sentence_labels(items[text], reading, claims)))

    def fitted(left_out=None):
        rows, labels = {}, {}
        for fold, language, text_rows, text_labels in examples:
            for row, label in zip(text_rows, text_labels):
                if fold != left_out and label is not None:
                    rows.setdefault(language, []).append(row)
                    labels.setdefault(language, []).append(label)
        return fit_context(rows, labels)

    return {fold: fitted(fold) for fold in range(FOLDS)}, fitted()


def choose_thresholds(model, readings, sentences, documents, log=print):
    """For each band of uncertain sentences to embed, the context model out of fold, and for each language the
    decision thresholds that bring it closest to the goal on the readings: a coarse grid, then a finer one around
    its best point. A text is judged with the thresholds of the language it is read as, so the texts are grouped that
    way. The band is shared: of the bands whose worst language comes within BAND_TOLERANCE of the best, the narrowest
    wins, as it embeds fewest sentences. `readings` maps each text to (detector, reading, fold)."""
    items = {item.text: item for item in [*sentences, *documents]}
    groups = {}
    for item in items.values():
        groups.setdefault(readings[item.text][1].language, ([], []))[isinstance(item, Document)].append(item)

    def flags_with(thresholds_of, band, by_fold):
        def flags(text):
            detector, reading, fold = readings[text]
            return detector.decide(reading, thresholds_of(reading), band, by_fold[fold])[0]

        return flags

    def best_on(language, grid, band, by_fold, alone_steps):
        some_sentences, some_documents = groups[language]
        settings = [
            {
                "claim": claim,
                "keep": keep,
                "claim_alone": min(round(claim + alone, 2), 0.95),
                "keep_high": min(KEEP_HIGH, keep),
                "category": 0.5,
            }
            for keep in grid
            for claim in grid
            if claim >= keep
            for alone in alone_steps
        ]
        return max(
            (
                objective(
                    tally(judge(some_sentences, some_documents, flags_with(lambda _: thresholds, band, by_fold)))[0][
                        "all"
                    ]
                ),
                index,
                thresholds,
            )
            for index, thresholds in enumerate(settings)
        )

    results = []
    for band in BANDS if model.uses_embeddings else [(0.0, 1.0)]:
        by_fold, context = context_models(readings, items, band)
        chosen = {}
        for language in sorted(groups):
            _value, _index, coarse = best_on(language, COARSE_GRID, band, by_fold, (0.0, 0.1, 0.2, 0.3))
            fine = sorted({round(coarse[name] + step, 2) for name in ("claim", "keep") for step in (-0.05, 0, 0.05)})
            alone = coarse["claim_alone"] - coarse["claim"]
            chosen[language] = best_on(
                language,
                [t for t in fine if 0.05 <= t <= 0.95],
                band,
                by_fold,
                sorted({max(alone + step, 0.0) for step in (-0.05, 0, 0.05)}),
            )
            log(f"  embedding band {band}, {language}: objective {chosen[language][0]:.3f} with {chosen[language][2]}")
        worst = min(value for value, _index, _thresholds in chosen.values())
        thresholds = {language: thresholds for language, (_v, _i, thresholds) in chosen.items()}
        results.append((band, worst, thresholds, by_fold, context))
    top = max(result[1] for result in results)
    band, worst, thresholds, by_fold, context = min(
        (result for result in results if result[1] >= top - BAND_TOLERANCE),
        key=lambda result: result[0][1] - result[0][0],
    )
    thresholds = {language: thresholds.get(language, dict(DEFAULT_THRESHOLDS)) for language in LANGUAGES}
    model.meta.update(thresholds=thresholds, embedding_band=band, objective=round(worst, 4), context=context.as_meta())
    judged = judge(sentences, documents, flags_with(lambda reading: thresholds[reading.language], band, by_fold))
    for language, score in sorted(tally(judged)[0].items()):
        log(f"  out of fold, {language}: precision {score.precision:.3f}, recall {score.recall:.3f}")


def fit_embeddings(model, examples, remembered):
    """Add logistic regressions over the examples' sentence embeddings to the model."""
    matrix = remembered.embed([example.text for example in examples])
    weights = np.zeros((matrix.shape[1], len(LABELS)), dtype=np.float32)
    bias = np.zeros(len(LABELS), dtype=np.float32)
    for column, label in enumerate(LABELS):
        target = np.array(
            [example.promotional if label == "claim" else label in example.categories for example in examples]
        )
        if target.all() or not target.any():
            bias[column] = 10.0 if target.all() else -10.0
            continue
        regression = LogisticRegression(C=EMBEDDING_REGULARISATION, class_weight="balanced", max_iter=3000)
        regression.fit(matrix, target)
        weights[:, column] = regression.coef_[0]
        bias[column] = regression.intercept_[0]
    model.embedding_weights, model.embedding_bias = weights, bias


def fit_model(examples, remembered, embeddings=True):
    model = fit(remembered.features_of(examples), examples)
    if embeddings:
        fit_embeddings(model, examples, remembered)
    return model


def fold_of(corpus):
    """{group: fold}: the train and dev sources of each language and kind dealt in turn into the folds."""
    strata = {}
    for item in [*corpus.sentences, *corpus.documents]:
        if corpus.split_of(item) != "test":
            strata.setdefault((item.language, item.source_kind), set()).add(item.group)
    folds = {}
    for groups in strata.values():
        for turn, group in enumerate(sorted(groups, key=group_hash)):
            folds[group] = turn % FOLDS
    return folds


def train(corpus=None, log=print, embeddings=True):
    corpus = corpus or Corpus.load()
    matcher = Matcher(claim_families())
    remembered = Remembered(matcher)
    tidy = load_tidy_set()
    folds = fold_of(corpus)
    sentences = [item for item in corpus.sentences if item.group in folds]
    documents = [item for item in corpus.documents if item.group in folds]
    log(f"Train and dev splits: {len(sentences)} sentences and {len(documents)} documents, in {FOLDS} folds.")
    readings = {}
    for fold in range(FOLDS):
        held_out = [item for item in sentences if folds[item.group] == fold]
        held_out_documents = [item for item in documents if folds[item.group] == fold]
        examples = [item for item in sentences if folds[item.group] != fold] + tidy
        examples += [e for d in documents if folds[d.group] != fold for e in d.examples()]
        detector = TrainingDetector(matcher, fit_model(examples, remembered, embeddings), remembered)
        for text in [item.text for item in held_out] + [item.text for item in held_out_documents]:
            readings[text] = (detector, detector.read(text, embed_all=True), fold)
        log(
            f"  fold {fold + 1}: fitted on {len(examples)} sentences, judged {len(held_out)} sentences and "
            f"{len(held_out_documents)} documents"
        )
    examples = sentences + tidy + [example for document in documents for example in document.examples()]
    model = fit_model(examples, remembered, embeddings)
    choose_thresholds(model, readings, sentences, documents, log)
    model.meta.update(
        {
            "fingerprint": fingerprint(corpus),
            "trained_on": len(examples),
            "features": len(model.index),
            "regularisation": REGULARISATION,
            "embeddings": model.uses_embeddings,
        }
    )
    log(
        f"{len(model.index):,} features; chosen out of fold: {model.meta['thresholds']}, "
        f"embedding band {model.meta['embedding_band']}"
    )
    return model
