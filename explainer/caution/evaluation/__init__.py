"""Measuring the caution layer on labelled sentences: precision and recall of "this sentence makes a promotional
claim", per language, and how often the flagged category is one of the labelled ones."""

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
    def total(self):
        return self.true_positive + self.false_positive + self.false_negative + self.true_negative


def load_items(path=LABELLED_SET):
    return yaml.safe_load(Path(path).read_text(encoding="utf-8"))


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
