"""The evidence map: studies as rows, grouped by evidence label (strongest design first).

Each label shows how many studies have it and its MAP_ROWS_PER_GROUP largest studies as rows, so the map costs the
same however many studies there are; the list below the map (a page at a time) has every study.

Each row says in words how many people took part ("40 people") beside a bar drawn to scale (the largest study
shown fills the row; a plain, linear scale), then each outcome as a mark (+, =, −, ~, →, ?) with its meaning in
text for screen readers and on hover. It is HTML that wraps on any screen width; the only drawing is each bar, a
small SVG that stretches to its box. One colour means one thing: the bars are all one colour, and each direction
of an outcome has its own colour as well as its own mark.
"""

from dataclasses import dataclass, field

from django.db.models import Count, F, IntegerField, Max, OuterRef, Subquery, Sum, Window
from django.db.models.functions import RowNumber
from django.utils.translation import pgettext

from .choices import Direction, StudyType
from .labels import ALL_LABELS, label_expression

# The largest studies of each label drawn as rows; the others are counted, and the list below has them all.
MAP_ROWS_PER_GROUP = 10
REVIEW_TYPES = (StudyType.SYSTEMATIC_REVIEW, StudyType.NARRATIVE_REVIEW)

DIRECTION_MARKS = {
    Direction.BETTER: "+",
    Direction.NO_DIFFERENCE: "=",
    Direction.WORSE: "−",
    Direction.UNCERTAIN: "~",
    Direction.BEFORE_AFTER: "→",
    Direction.NOT_REPORTED: "?",
}


@dataclass
class Row:
    study: object
    enrolled: int | None
    bar: float  # percent of the largest study shown
    outcomes: list = field(default_factory=list)


@dataclass
class Group:
    label: object
    studies: int = 0  # every study with this label, shown or not
    list_url: str = ""  # the list of all of them, where not all are shown
    rows: list = field(default_factory=list)

    @property
    def not_shown(self):
        return self.studies - len(self.rows)


def bar_length(people, largest):
    """The bar's length in percent of the largest study's, at least 1 so that a very small study still shows."""
    if not people or not largest:
        return 0
    return max(1.0, round(100 * people / largest, 1))


def people_expression():
    """How many people a study enrolled (its groups added up; None if no group says), worked out by the database:
    the same number as StudyPage.enrolled."""
    from .models import StudyArm

    total = (
        StudyArm.objects.filter(study=OuterRef("pk"), enrolled__isnull=False)
        .order_by()
        .values("study")
        .annotate(total=Sum("enrolled"))
        .values("total")
    )
    return Subquery(total, output_field=IntegerField())


def outcome_marks(study):
    marks = []
    for outcome in study.outcomes.all():
        direction = outcome.shown_direction
        title = outcome.measure + pgettext("between a label and what follows it", ": ") + Direction(direction).label
        marks.append({"direction": direction, "mark": DIRECTION_MARKS[direction], "title": title})
    return marks


def evidence_map(studies):
    """The map of `studies` (a query, not yet read), drawn from counts per label and the largest studies of each.

    Four queries whatever the number of studies: the studies and people per label (the "N studies" above the list
    comes from them too), the largest MAP_ROWS_PER_GROUP studies of each label, and their outcomes.
    """
    labelled = studies.order_by().annotate(label_slug=label_expression(), people=people_expression())
    per_label = {
        row["label_slug"]: row
        for row in labelled.values("label_slug").annotate(studies=Count("pk"), largest=Max("people"))
    }
    ranked = (
        labelled.exclude(study_type__in=REVIEW_TYPES)
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("label_slug")],
                order_by=[F("people").desc(nulls_last=True), F("slug").asc()],
            )
        )
        .filter(rank__lte=MAP_ROWS_PER_GROUP)
        .prefetch_related("outcomes")
    )
    by_label = {}
    for study in ranked:
        by_label.setdefault(study.label_slug, []).append(study)
    largest = max((per_label[slug]["largest"] or 0 for slug in by_label), default=0)
    groups = []
    for label in ALL_LABELS:
        members = sorted(by_label.get(label.slug, []), key=lambda s: (-(s.people or 0), s.title))
        if not members:
            continue
        group = Group(label=label, studies=per_label[label.slug]["studies"])
        for study in members:
            group.rows.append(
                Row(
                    study=study,
                    enrolled=study.people,
                    bar=bar_length(study.people, largest),
                    outcomes=outcome_marks(study),
                )
            )
        groups.append(group)
    return {
        "groups": groups,
        "largest": largest,
        "studies": sum(row["studies"] for row in per_label.values()),
        "rows_per_group": MAP_ROWS_PER_GROUP,
        "directions": [(direction, DIRECTION_MARKS[direction]) for direction in Direction],
    }
