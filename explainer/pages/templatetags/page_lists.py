"""Lists of pages for the home and section pages, so that a reader meets each page once and in plain words."""

import re

from django import template
from django.utils.translation import ngettext

register = template.Library()

PAGE_LINK = re.compile(r'<a\b[^>]*\blinktype="page"[^>]*>')
PAGE_ID = re.compile(r'\bid="(\d+)"')


@register.simple_tag
def pages_not_linked_in_body(page, pages):
    """The pages that page.body does not already link to (a section's own list of its topics)."""
    linked = {
        int(PAGE_ID.search(link).group(1))
        for link in PAGE_LINK.findall(str(page.body.raw_data))
        if PAGE_ID.search(link)
    }
    return [item for item in pages if item.pk not in linked]


@register.simple_tag
def study_line(study):
    """What a study tested and in how many people, for readers who do not know it by its authors' name."""
    from explainer.evidence.choices import CellType, Population

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
    from explainer.core.restrictions import public
    from explainer.evidence.models import EvidenceIndexPage, StudyPage

    if not isinstance(page, EvidenceIndexPage):
        return []
    studies = public(StudyPage.objects.child_of(page).live()).order_by("-year", "title").prefetch_related("arms")
    return list(studies[:count])
