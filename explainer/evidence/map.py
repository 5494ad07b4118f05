"""The evidence map: studies as rows, grouped by evidence label (strongest design first).

Each label shows its largest studies as rows (at most MAP_ROWS in all, shared among the labels) and how many more
it has, so the map costs the same however many studies there are; the list below it (a page at a time) has them all.

Each row says in words how many people took part ("40 people") beside a bar drawn to scale (the largest study
shown fills the row; a plain, linear scale), then each outcome as a mark (+, =, −, ~, →, ?) with its meaning in
text for screen readers and on hover. It is HTML that wraps on any screen width; the only drawing is each bar, a
small SVG that stretches to its box. One colour means one thing: the bars are all one colour, and each direction
of an outcome has its own colour as well as its own mark.
"""

from dataclasses import dataclass, field

from django.db.models import Count, F, IntegerField, OuterRef, Subquery, Sum, Window
from django.db.models.functions import RowNumber
from django.utils.translation import pgettext

from .choices import DIRECTION_MARKS, Direction
from .labels import ALL_LABELS, NARRATIVE_REVIEW, REVIEW, label_expression

# The largest studies of each label are drawn as rows, at most MAP_ROWS in all and MAP_ROWS_PER_GROUP of one label;
# the others are counted, and the list below has them all. 34 studies fit whole; ten times as many draw as many rows.
MAP_ROWS = 30
MAP_ROWS_PER_GROUP = 10
REVIEW_LABELS = (REVIEW.slug, NARRATIVE_REVIEW.slug)  # a review has no single size: not on the map


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


def outcome_marks(study, words=None):
    """Each outcome's mark and its words ("Survival: Worse"); `words` (direction_words()) once for the whole map."""
    words = words or direction_words()
    marks = []
    for outcome in study.outcomes.all():
        direction = outcome.shown_direction
        marks.append(
            {"direction": direction, "mark": DIRECTION_MARKS[direction], "title": outcome.measure + words[direction]}
        )
    return marks


def direction_words():
    """ ": Better", ": Worse" … in the reader's language, translated once per map instead of once per outcome."""
    colon = pgettext("between a label and what follows it", ": ")
    return {direction: colon + str(direction.label) for direction in Direction}


def rows_per_label(counts, total=MAP_ROWS, most=MAP_ROWS_PER_GROUP):
    """How many rows each label gets: {slug: rows} from {slug: studies}. Small labels are drawn whole and what they
    leave is shared evenly among the larger ones, so that every label is drawn and no more than `total` rows."""
    rows, left = {}, total
    by_size = sorted(counts.items(), key=lambda item: item[1])
    for position, (slug, count) in enumerate(by_size):
        rows[slug] = min(count, most, max(1, left // (len(by_size) - position)))
        left -= rows[slug]
    return rows


def evidence_map(studies):
    """The map of `studies` (a query, not yet read), drawn from counts per label and the largest studies of each.

    Three queries whatever the number of studies: the largest studies of each label with the number of studies per
    label (narrow rows; the "N studies" above the list comes from them too), then the studies drawn (rows_per_label)
    and their outcomes.
    """
    labelled = studies.order_by().annotate(label_slug=label_expression(), people=people_expression())
    by_label = [F("label_slug")]
    candidates = list(
        labelled.annotate(
            rank=Window(
                RowNumber(), partition_by=by_label, order_by=[F("people").desc(nulls_last=True), F("slug").asc()]
            ),
            in_label=Window(Count("pk"), partition_by=by_label),
        )
        .filter(rank__lte=MAP_ROWS_PER_GROUP)
        .values_list("pk", "label_slug", "rank", "in_label", "people")
    )
    counts = {slug: in_label for _pk, slug, _rank, in_label, _people in candidates}
    drawn = rows_per_label({slug: count for slug, count in counts.items() if slug not in REVIEW_LABELS})
    chosen = [pk for pk, slug, rank, _n, _people in candidates if rank <= drawn.get(slug, 0)]
    # The largest study of each label comes first in it.
    largest = max((people or 0 for _pk, slug, rank, _n, people in candidates if rank == 1 and slug in drawn), default=0)
    members_of = {}
    for study in labelled.filter(pk__in=chosen).prefetch_related("outcomes"):
        members_of.setdefault(study.label_slug, []).append(study)
    groups, words = [], direction_words()
    for label in ALL_LABELS:
        members = sorted(members_of.get(label.slug, []), key=lambda s: (-(s.people or 0), s.title))
        if not members:
            continue
        group = Group(label=label, studies=counts[label.slug])
        for study in members:
            group.rows.append(
                Row(
                    study=study,
                    enrolled=study.people,
                    bar=bar_length(study.people, largest),
                    outcomes=outcome_marks(study, words),
                )
            )
        groups.append(group)
    return {
        "groups": groups,
        "largest": largest,
        "studies": sum(counts.values()),
        "directions": [(direction, DIRECTION_MARKS[direction]) for direction in Direction],
    }
