"""Measuring the caution layer on labelled sentences: precision and recall of "this sentence makes a promotional
claim", per language, and how often the flagged category is one of the labelled ones."""

import random
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

LABELLED_SET = Path(__file__).with_name("labelled.yaml")


@dataclass
class Scores:
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0
    true_negative: int = 0
    category_hits: int = 0
    mistakes: list = field(default_factory=list)

    @property
    def precision(self):
        flagged = self.true_positive + self.false_positive
        return self.true_positive / flagged if flagged else 1.0

    @property
    def recall(self):
        promotional = self.true_positive + self.false_negative
        return self.true_positive / promotional if promotional else 1.0

    @property
    def category_accuracy(self):
        return self.category_hits / self.true_positive if self.true_positive else 1.0

    @property
    def f1(self):
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    @property
    def total(self):
        return self.true_positive + self.false_positive + self.false_negative + self.true_negative


def load_items(path=LABELLED_SET):
    return yaml.safe_load(Path(path).read_text(encoding="utf-8"))


@dataclass
class Judged:
    """One sentence of the corpus with the categories the caution layer flagged in it."""

    example: object
    flagged: tuple

    @property
    def right(self):
        return bool(self.flagged) == self.example.promotional


def judge_split(detector, corpus, split):
    """Every sentence of a split, judged by the detector."""
    return judge(
        corpus.examples(split, documents=False), corpus.documents_in(split), lambda text: detector.find(text)[1]
    )


def judge(sentences, documents, flags_for):
    """Every sentence: labelled sentences checked one at a time, documents whole (a sentence of a document counts as
    flagged when a flag overlaps it). `flags_for(text)` gives the flags for a text."""
    judged = []
    for example in sentences:
        flags = flags_for(example.text)
        judged.append(Judged(example, tuple(sorted({flag.category for flag in flags}))))
    for document in documents:
        flags = flags_for(document.text)
        for example in document.examples():
            start, end = example.offset, example.offset + len(example.text)
            categories = {flag.category for flag in flags if flag.start < end and flag.end > start}
            judged.append(Judged(example, tuple(sorted(categories))))
    return judged


def tally(judged):
    """{language: Scores} with an "all" total, and {category: Scores} (per sentence, category by category)."""
    by_language, by_category = {"all": Scores()}, {}
    for item in judged:
        example, flagged = item.example, bool(item.flagged)
        for key in ("all", example.language):
            score = by_language.setdefault(key, Scores())
            if example.promotional and flagged:
                score.true_positive += 1
                score.category_hits += bool(set(item.flagged) & set(example.categories))
            elif example.promotional:
                score.false_negative += 1
            elif flagged:
                score.false_positive += 1
            else:
                score.true_negative += 1
        for category in set(example.categories) | set(item.flagged):
            score = by_category.setdefault(category, Scores())
            gold, found = category in example.categories, category in item.flagged
            score.true_positive += gold and found
            score.false_negative += gold and not found
            score.false_positive += found and not gold
    return by_language, by_category


def evaluate(items, check):
    """{language: Scores} and an "all" total; `check(text)` returns the caution layer's flags for a text."""
    scores = {"all": Scores()}
    for item in items:
        flags = check(item["text"])
        flagged = bool(flags)
        for key in ("all", item["language"]):
            score = scores.setdefault(key, Scores())
            if item["promotional"] and flagged:
                score.true_positive += 1
                if {flag["category"] for flag in flags} & set(item.get("categories") or []):
                    score.category_hits += 1
            elif item["promotional"]:
                score.false_negative += 1
            elif flagged:
                score.false_positive += 1
            else:
                score.true_negative += 1
        if flagged != item["promotional"]:
            scores["all"].mistakes.append((item, flags))
    return scores


def sample_text(items, length):
    """A text of the given length made of the labelled sentences, promotional and accurate, in both scripts."""
    rng = random.Random(length)
    parts, size = [], 0
    while size < length:
        sentence = rng.choice(items)["text"] + ("\n" if rng.random() < 0.2 else " ")
        parts.append(sentence)
        size += len(sentence)
    return "".join(parts)[:length]


def median_seconds(function, repeat):
    """The median time of `repeat` calls, in seconds (for the benchmarks)."""
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)
