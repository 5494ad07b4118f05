"""The context rules: why a phrase the claim patterns found is not a claim where it stands (negated, refuted, asked,
conditional, reported, a trial's own finding, a truth about standard care…). Each rule is a named function of the
phrase; the first that applies gives the reason. The cue words are in context.py."""

import re
from dataclasses import dataclass

from .context import (
    ASSERTION_ONLY_CATEGORIES,
    CELL_THERAPY,
    CERTAINTY,
    CLAUSE_END,
    CLINICIAN_DECIDES,
    CONDITION_AFTER,
    CONTRAST,
    EN_CLAUSE_NEGATION,
    EN_CONDITIONAL,
    EN_DISTANCING,
    EN_DISTANCING_AFTER,
    EN_NEGATION,
    EN_REFUTATION,
    EN_STANDARD_CARE,
    EN_TRIAL_REPORT,
    EN_UNSETTLED,
    FIRST_PERSON,
    OTHER_INDICATION,
    PRE_WINDOW,
    RHETORICAL,
    STANDARD_CARE_CATEGORIES,
    TRIAL_REPORT_CATEGORIES,
    UNSETTLED_CATEGORIES,
    ZH_CLAUSE_NEGATION,
    ZH_CONDITIONAL,
    ZH_DISTANCING,
    ZH_NEGATION,
    ZH_QUESTION_END,
    ZH_REFUTATION,
    ZH_STANDARD_CARE,
    ZH_TRIAL_REPORT,
    ZH_UNSETTLED,
    TextContext,
)
from .folding import CJK


def script_of(text):
    return "zh" if CJK.search(text) else "en"


@dataclass(frozen=True)
class Cues:
    """The cue words of one script that the rules look for."""

    negation: re.Pattern
    clause_negation: re.Pattern
    refutation: re.Pattern
    distancing: re.Pattern
    conditional: re.Pattern
    trial_report: re.Pattern
    standard_care: re.Pattern
    unsettled: re.Pattern


CUES = {
    "en": Cues(
        EN_NEGATION,
        EN_CLAUSE_NEGATION,
        EN_REFUTATION,
        EN_DISTANCING,
        EN_CONDITIONAL,
        EN_TRIAL_REPORT,
        EN_STANDARD_CARE,
        EN_UNSETTLED,
    ),
    "zh": Cues(
        ZH_NEGATION,
        ZH_CLAUSE_NEGATION,
        ZH_REFUTATION,
        ZH_DISTANCING,
        ZH_CONDITIONAL,
        ZH_TRIAL_REPORT,
        ZH_STANDARD_CARE,
        ZH_UNSETTLED,
    ),
}


@dataclass(frozen=True)
class Phrase:
    """A phrase the patterns found, with the parts of its sentence the rules read (all folded text)."""

    context: TextContext
    start: int
    end: int
    category: str
    script: str
    whole: str  # the sentence
    before: str  # the sentence up to the phrase
    clause: str  # the clause up to the phrase: from the last comma, colon, dash or semicolon before it
    window: str  # the last few words of the clause before the phrase

    @classmethod
    def at(cls, context, start, end, category):
        script = script_of(context.folded[start:end])
        sentence = context.sentence_at(start)
        before = context.folded[sentence.start : start]
        # Clauses are found on the text as given: folding turns dashes into spaces.
        clause_start = max((m.end() for m in CLAUSE_END.finditer(context.text[sentence.start : start])), default=0)
        return cls(
            context,
            start,
            end,
            category,
            script,
            context.folded[sentence.start : sentence.end],
            before,
            before[clause_start:],
            before[max(clause_start, len(before) - PRE_WINDOW[script]) :],
        )

    @property
    def cues(self):
        return CUES[self.script]

    @property
    def text(self):
        return self.context.folded[self.start : self.end]

    @property
    def after(self):
        """The sentence after the phrase."""
        return self.context.folded[self.end : self.context.sentence_at(self.start).end]


def is_negated(phrase):
    # An odd number of negations: "not without risk" and 并非不可逆 make a claim again.
    return (
        len(phrase.cues.negation.findall(phrase.window)) % 2 == 1
        or phrase.cues.clause_negation.search(phrase.clause) is not None
        or (phrase.script == "en" and EN_CLAUSE_NEGATION.search(phrase.text) is not None)  # "can't be reversed"
    )


def is_refuted(phrase):
    return bool(
        phrase.cues.refutation.search(phrase.whole) or (phrase.script == "en" and ZH_REFUTATION.search(phrase.whole))
    )


def is_question(phrase):
    whole = phrase.whole.rstrip()
    if phrase.script == "en":
        asked = whole.endswith("?")
    else:
        asked = whole.endswith(("?", "？")) or ZH_QUESTION_END.search(phrase.whole.rstrip(" 。！!.?？"))
    return phrase.category not in ASSERTION_ONLY_CATEGORIES and bool(asked) and not RHETORICAL.search(phrase.whole)


def is_conditional(phrase):
    return phrase.category not in ASSERTION_ONLY_CATEGORIES and bool(phrase.cues.conditional.search(phrase.clause))


def is_reported(phrase):
    """Someone else's words ("clinics claim…", "…, the company says"), unless the writer speaks for them (we, 本院)."""
    reported_after = phrase.script == "en" and EN_DISTANCING_AFTER.search(phrase.after)
    return bool(
        (phrase.cues.distancing.search(phrase.before) or reported_after) and not FIRST_PERSON.search(phrase.before)
    )


def needs_proof(phrase):
    return phrase.category in UNSETTLED_CATEGORIES and bool(phrase.cues.unsettled.search(phrase.whole))


def is_approval_for_another_disease(phrase):
    return phrase.category == "approved" and bool(OTHER_INDICATION.search(phrase.context.paragraph(phrase.start)))


def is_trial_finding(phrase):
    return (
        phrase.category in TRIAL_REPORT_CATEGORIES
        and bool(phrase.cues.trial_report.search(phrase.whole))
        and not CERTAINTY.search(phrase.text)
    )


def is_doctors_decision(phrase):
    """ "Your doctor may stop your water tablets": a clinician changing medicines, not a seller replacing care."""
    return (
        phrase.category == "replaces-care"
        and bool(CLINICIAN_DECIDES.search(phrase.clause))
        and not CELL_THERAPY.search(phrase.whole)
    )


def is_standard_care(phrase):
    """A truth about standard care: treating the cause can let scarring lessen; a transplant cures end-stage disease."""
    if phrase.category not in STANDARD_CARE_CATEGORIES or CELL_THERAPY.search(phrase.whole):
        return False
    context = phrase.context
    previous_sentence = context.sentences[max(context.sentence_index(phrase.start) - 1, 0)]
    leading = context.folded[previous_sentence.start : phrase.end]  # the sentence before, and this one to the phrase
    after = phrase.after
    condition = CONDITION_AFTER.search(after)
    standard_care = phrase.cues.standard_care
    return bool(
        (standard_care.search(leading) and not CONTRAST.search(leading))
        or (condition and standard_care.search(after[condition.start() :]))
    )


# In order: the first rule that applies gives the reason.
RULES = (
    ("negated", is_negated),
    ("refuted", is_refuted),
    ("question", is_question),
    ("conditional", is_conditional),
    ("reported", is_reported),
    ("proof still needed", needs_proof),
    ("approval for another disease", is_approval_for_another_disease),
    ("trial finding", is_trial_finding),
    ("doctor's decision", is_doctors_decision),
    ("standard care", is_standard_care),
)


def suppression_reason(context, start, end, category):
    """Why the phrase at [start, end) is not a claim, or None when it is one."""
    if context.mention_quote(start, end, script_of(context.folded[start:end])):
        return "quoted"
    phrase = Phrase.at(context, start, end, category)
    return next((reason for reason, applies in RULES if applies(phrase)), None)
