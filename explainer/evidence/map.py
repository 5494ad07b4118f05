"""The evidence map: every study as one row, grouped by evidence label (strongest design first).

Each row says in words how many people took part ("40 people") beside a bar drawn to scale (the largest study
shown fills the row; a plain, linear scale), then each outcome as a mark (+, =, −, ~, →, ?) with its meaning in
text for screen readers and on hover. It is HTML that wraps on any screen width; the only drawing is each bar, a
small SVG that stretches to its box. One colour means one thing: the bars are all one colour, and each direction
of an outcome has its own colour as well as its own mark.
"""

from dataclasses import dataclass, field

from django.utils.translation import pgettext

from .choices import Direction
from .labels import ALL_LABELS

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
    rows: list = field(default_factory=list)


def bar_length(people, largest):
    """The bar's length in percent of the largest study's, at least 1 so that a very small study still shows."""
    if not people or not largest:
        return 0
    return max(1.0, round(100 * people / largest, 1))


def outcome_marks(study):
    marks = []
    for outcome in study.outcomes.all():
        direction = outcome.shown_direction
        title = outcome.measure + pgettext("between a label and what follows it", ": ") + Direction(direction).label
        marks.append({"direction": direction, "mark": DIRECTION_MARKS[direction], "title": title})
    return marks


def evidence_map(studies):
    by_label = {}
    people = {}  # study.enrolled adds up its groups each time it is read: read once per study here
    for study in studies:
        if not study.is_review:
            by_label.setdefault(study.evidence_label.slug, []).append(study)
            people[study.pk] = study.enrolled
    largest = max((count or 0 for count in people.values()), default=0)
    groups = []
    for label in ALL_LABELS:
        members = sorted(by_label.get(label.slug, []), key=lambda s: (-(people[s.pk] or 0), s.title))
        if not members:
            continue
        group = Group(label=label)
        for study in members:
            enrolled = people[study.pk]
            group.rows.append(
                Row(study=study, enrolled=enrolled, bar=bar_length(enrolled, largest), outcomes=outcome_marks(study))
            )
        groups.append(group)
    return {
        "groups": groups,
        "largest": largest,
        "directions": [(direction, DIRECTION_MARKS[direction]) for direction in Direction],
    }
