"""The evidence library's studies in lists on other pages (the home page's newest studies), in plain words."""

from django import template
from django.utils.translation import ngettext

from explainer.core.restrictions import public

from ..choices import CellType, Population
from ..models import EvidenceIndexPage, StudyPage

register = template.Library()


@register.simple_tag
def study_line(study):
    """What a study tested and in how many people, for readers who do not know it by its authors' name."""
    cells_named = study.cell_type not in (CellType.NONE, CellType.NOT_STATED, CellType.VARIOUS)
    parts = [study.get_cell_type_display() if cells_named else study.get_study_type_display()]
    if study.population != Population.OTHER:
        parts.append(study.get_population_display())
    if study.enrolled:
        parts.append(ngettext("%(n)s person", "%(n)s people", study.enrolled) % {"n": study.enrolled})
    return " · ".join(part for part in parts if part)


@register.simple_tag
def newest_studies(page, count=5):
    """The newest studies in an evidence library (none for any other page), with their groups for study_line."""
    if not isinstance(page, EvidenceIndexPage):
        return []
    studies = (
        public(StudyPage.objects.child_of(page).live())
        .defer_streamfields()
        .order_by("-year", "title")
        .prefetch_related("arms")
    )
    return list(studies[:count])
