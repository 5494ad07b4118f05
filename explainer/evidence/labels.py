"""The evidence label of a study, computed from its design and never typed by an editor."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .choices import Blinding, Comparator, StudyType


@dataclass(frozen=True)
class EvidenceLabel:
    slug: str
    text: str
    explanation: str
    strength: int  # 0 = a review of other studies; 1 (weakest design) … 4 (randomised and placebo-controlled)


REVIEW = EvidenceLabel(
    "systematic-review",
    _("Systematic review of earlier studies"),
    _(
        "Researchers searched for all the studies on a question and combined what they found. It is only as strong as "
        "the studies it includes."
    ),
    0,
)
NARRATIVE_REVIEW = EvidenceLabel(
    "narrative-review",
    _("Expert review, not a new study"),
    _(
        "Experts describe the research so far in their own words. It tells you what has been tried, not whether it "
        "works."
    ),
    0,
)
NO_COMPARISON = EvidenceLabel(
    "no-comparison",
    _("Early study — no comparison group"),
    _(
        "Everyone got the cells and nobody was left out for comparison. So any change could come from usual care, "
        "time, or chance, and the study cannot show that the cells caused it."
    ),
    1,
)
DOSES_ONLY = EvidenceLabel(
    "doses-only",
    _("Early study — no comparison group, only different doses"),
    _(
        "Everyone got cells, in different amounts. Nobody got usual care alone, so the study cannot show that the "
        "cells caused any change."
    ),
    1,
)
NOT_RANDOMISED = EvidenceLabel(
    "not-randomised",
    _("Compared with another group, but not randomised"),
    _(
        "People who got the treatment were compared with people who did not, but the groups were not formed by chance. The "
        "groups may have differed from the start, for example in how sick people were."
    ),
    2,
)
OPEN_LABEL = EvidenceLabel(
    "randomised-open-label",
    _("Randomised, but patients and doctors knew who got the treatment"),
    _(
        "Chance decided who got the treatment, which makes the groups alike at the start. But everyone knew who was treated, "
        "which can change how people feel, how they are cared for and how results are judged."
    ),
    3,
)
BLINDING_NOT_STATED = EvidenceLabel(
    "randomised-blinding-not-stated",
    _("Randomised; the report does not say who knew about the treatment"),
    _(
        "Chance decided who got the treatment, which makes the groups alike at the start. The report does not say whether "
        "patients and doctors knew who was treated, which can affect the results."
    ),
    3,
)
BLINDED = EvidenceLabel(
    "randomised-blinded",
    _("Randomised and blinded"),
    _(
        "Chance decided who got the treatment, and at least some of the people involved did not know who was treated. "
        "This is a fair test, but it did not use a placebo."
    ),
    3,
)
PLACEBO_CONTROLLED = EvidenceLabel(
    "randomised-placebo",
    _("Randomised and placebo-controlled"),
    _(
        "Chance decided who got the treatment, and the comparison group got a dummy treatment (a placebo). This is the "
        "fairest kind of test of whether a treatment works."
    ),
    4,
)


def evidence_label(study_type, randomised, blinding, comparator):
    if study_type == StudyType.SYSTEMATIC_REVIEW:
        return REVIEW
    if study_type == StudyType.NARRATIVE_REVIEW:
        return NARRATIVE_REVIEW
    has_control_group = comparator in (Comparator.PLACEBO, Comparator.STANDARD_CARE)
    if not has_control_group or study_type in (StudyType.SINGLE_ARM, StudyType.CASE_SERIES):
        return DOSES_ONLY if comparator == Comparator.OTHER_DOSE else NO_COMPARISON
    if not randomised or study_type == StudyType.NON_RANDOMISED_CONTROLLED:
        return NOT_RANDOMISED
    if comparator == Comparator.PLACEBO:
        return PLACEBO_CONTROLLED
    if blinding == Blinding.NONE:
        return OPEN_LABEL
    if blinding == Blinding.NOT_STATED:
        return BLINDING_NOT_STATED
    return BLINDED


# The labels of studies in which everyone got cells: any change they report is a change from before, not a difference.
UNCONTROLLED_LABELS = (NO_COMPARISON, DOSES_ONLY)

ALL_LABELS = [
    PLACEBO_CONTROLLED,
    BLINDED,
    BLINDING_NOT_STATED,
    OPEN_LABEL,
    NOT_RANDOMISED,
    DOSES_ONLY,
    NO_COMPARISON,
    REVIEW,
    NARRATIVE_REVIEW,
]


def label_expression():
    """The evidence label's slug worked out by the database, the same way as evidence_label(): for counting and
    filtering studies by label without reading every study."""
    from django.db.models import Case, CharField, Q, Value, When

    without_control_group = ~Q(comparator__in=(Comparator.PLACEBO, Comparator.STANDARD_CARE)) | Q(
        study_type__in=(StudyType.SINGLE_ARM, StudyType.CASE_SERIES)
    )
    return Case(
        When(study_type=StudyType.SYSTEMATIC_REVIEW, then=Value(REVIEW.slug)),
        When(study_type=StudyType.NARRATIVE_REVIEW, then=Value(NARRATIVE_REVIEW.slug)),
        When(without_control_group & Q(comparator=Comparator.OTHER_DOSE), then=Value(DOSES_ONLY.slug)),
        When(without_control_group, then=Value(NO_COMPARISON.slug)),
        When(Q(randomised=False) | Q(study_type=StudyType.NON_RANDOMISED_CONTROLLED), then=Value(NOT_RANDOMISED.slug)),
        When(comparator=Comparator.PLACEBO, then=Value(PLACEBO_CONTROLLED.slug)),
        When(blinding=Blinding.NONE, then=Value(OPEN_LABEL.slug)),
        When(blinding=Blinding.NOT_STATED, then=Value(BLINDING_NOT_STATED.slug)),
        default=Value(BLINDED.slug),
        output_field=CharField(),
    )
