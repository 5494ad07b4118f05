"""The evidence map: a server-rendered SVG of the studies by design and size, with each outcome's direction.

One row per study, grouped by evidence label (strongest design first). The bar's length is the number of people
enrolled on a logarithmic scale; the squares after it are the study's outcomes, coloured and marked by direction.
"""

import math
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .choices import Direction
from .labels import ALL_LABELS

ROW_HEIGHT = 28
GROUP_GAP = 30
LEFT = 180          # room for study names
BAR_WIDTH = 260     # the bar for the largest scale value
OUTCOME_SIZE = 16
TOP = 30
SCALE_MAX = 1000    # people

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
    y: int
    bar: float
    enrolled: int | None
    outcomes: list = field(default_factory=list)


@dataclass
class Group:
    label: object
    y: int
    rows: list = field(default_factory=list)


def bar_length(people):
    if not people:
        return 0
    return round(BAR_WIDTH * math.log10(max(people, 1) + 1) / math.log10(SCALE_MAX + 1), 1)


def evidence_map(studies):
    by_label = {}
    for study in studies:
        if not study.is_review:
            by_label.setdefault(study.evidence_label.slug, []).append(study)
    groups, y = [], TOP
    for label in ALL_LABELS:
        members = sorted(by_label.get(label.slug, []), key=lambda s: (-(s.enrolled or 0), s.title))
        if not members:
            continue
        group = Group(label=label, y=y)
        y += GROUP_GAP
        for study in members:
            outcomes = [
                {
                    "x": LEFT + BAR_WIDTH + 40 + index * (OUTCOME_SIZE + 4),
                    "direction": outcome.shown_direction,
                    "mark": DIRECTION_MARKS[outcome.shown_direction],
                    "title": f"{outcome.measure}: {outcome.get_shown_direction_display()}",
                }
                for index, outcome in enumerate(study.outcomes.all())
            ]
            group.rows.append(Row(study=study, y=y, bar=bar_length(study.enrolled), enrolled=study.enrolled, outcomes=outcomes))
            y += ROW_HEIGHT
        groups.append(group)
    widest = max((len(row.outcomes) for group in groups for row in group.rows), default=0)
    return {
        "groups": groups,
        "height": y + 40,
        "width": LEFT + BAR_WIDTH + 50 + widest * (OUTCOME_SIZE + 4),
        "left": LEFT,
        "ticks": [{"people": n, "x": LEFT + bar_length(n)} for n in (10, 100, 1000)],
        "axis_y": y + 6,
        "outcome_size": OUTCOME_SIZE,
        "description": describe(groups),
    }


def describe(groups):
    """The whole chart as sentences, for screen readers."""
    sentences = []
    for group in groups:
        sentences.append(f"{group.label.text}:")
        for row in group.rows:
            counts = {}
            for outcome in row.outcomes:
                counts[outcome["direction"]] = counts.get(outcome["direction"], 0) + 1
            parts = [f"{count} {Direction(direction).label.lower()}" for direction, count in counts.items()]
            people = ngettext("%(n)s person", "%(n)s people", row.enrolled or 0) % {"n": row.enrolled} if row.enrolled else _("number of people not reported")
            sentences.append(f"{row.study.title}, {people}; {_('outcomes')}: {', '.join(parts) or _('none listed')}.")
    return " ".join(sentences)
