"""The caution layer's one decision: which stretches of a text make promotional claims, and of which kinds.

The phrase patterns find candidate claims and say where the context sets one aside (negated, reported, a trial's
own finding…). The sentence model then judges each sentence, with what the patterns found among its features:
- a sentence it finds promotional keeps the patterns' claims; if the context rules set them all aside, it keeps
  those instead (an advert's testimonial is reported speech, but still the advert's claim); if the patterns found
  nothing, the whole sentence is flagged with the category the model finds most likely;
- a sentence it is unsure of keeps the claims the patterns and context rules agree on;
- a sentence it finds accurate keeps none.
The thresholds are chosen on the corpus's dev split when the model is trained (training.py).
"""

from bisect import bisect_right
from dataclasses import dataclass

from .classifier import rule_features, sentence_features
from .matcher import SEVERITY_RANK, Flag
from .text import detect_language


@dataclass
class Judgement:
    """The model's view of one sentence, for evaluation and for the editors' explanation."""

    start: int
    end: int
    claim: float
    decision: str  # "claim", "unsure" or "accurate"


class Detector:
    def __init__(self, matcher, model):
        self.matcher = matcher
        self.model = model
        self.family_for = {}
        for family in matcher.families:
            current = self.family_for.get(family.category)
            if current is None or SEVERITY_RANK.get(family.severity, 0) > SEVERITY_RANK.get(current.severity, 0):
                self.family_for[family.category] = family

    def judge(self, text, language=None):
        """(language, flags, judgements): flags in order, not overlapping, offsets into the text as given."""
        language = language or detect_language(text)
        context, candidates = self.matcher.analyse(text)
        thresholds = self.model.thresholds
        by_sentence = [[] for _ in context.sentences]
        for candidate in candidates:
            by_sentence[max(bisect_right(context.sentence_starts, candidate.start) - 1, 0)].append(candidate)

        kept, sentence_flags, judgements = [], [], []
        for sentence, found in zip(context.sentences, by_sentence):
            prediction = self.model.predict(sentence_features(text[sentence.start : sentence.end], rule_features(found)))
            agreed = [c for c in found if c.reason is None]
            if prediction.claim >= thresholds["claim"]:
                decision = "claim"
                chosen = agreed or found
                if chosen:
                    kept.extend(chosen)
                else:
                    for category in prediction.best_categories(thresholds["category"])[:1]:
                        family = self.family_for.get(category)
                        if family is not None:
                            sentence_flags.append(Flag(category, sentence.start, sentence.end,
                                                       text[sentence.start : sentence.end], family.severity, family))
            elif prediction.claim >= thresholds["keep"]:
                decision = "unsure"
                kept.extend(agreed)
            else:
                decision = "accurate"
            judgements.append(Judgement(sentence.start, sentence.end, prediction.claim, decision))
        flags = sorted(self.matcher.flags(text, kept) + sentence_flags, key=lambda flag: flag.start)
        return language, flags, judgements

    def find(self, text, language=None):
        language, flags, _judgements = self.judge(text, language)
        return language, flags
