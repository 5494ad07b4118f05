"""Filtering the evidence library by query string (?cell_type=uc-msc&population=…&design=…&label=…), without
JavaScript. `label` is the evidence label the map groups studies under (its "show all" links use it)."""

import django_filters
from django.utils.translation import gettext_lazy as _

from . import choices
from .labels import ALL_LABELS, label_expression

ANY = _("Any")


class StudyFilter(django_filters.FilterSet):
    """The filter form above the list. A value that is not one of the choices is reported (the form's errors) and no
    filter is applied at all, so the reader sees every study rather than a list narrowed in a way they did not ask."""

    cell_type = django_filters.ChoiceFilter(label=_("Cell type"), choices=choices.CellType.choices, empty_label=ANY)
    population = django_filters.ChoiceFilter(
        label=_("Who took part"), choices=choices.Population.choices, empty_label=ANY
    )
    design = django_filters.ChoiceFilter(
        label=_("Design"), field_name="study_type", choices=choices.StudyType.choices, empty_label=ANY
    )
    label = django_filters.ChoiceFilter(
        label=_("How strong the design is"),
        choices=[(label.slug, label.text) for label in ALL_LABELS],
        method="filter_label",
        empty_label=ANY,
    )

    def __init__(self, data, studies):
        super().__init__(data or None, queryset=studies)

    def filter_label(self, studies, name, value):
        return studies.alias(label_slug=label_expression()).filter(label_slug=value)

    def filter_queryset(self, studies):
        return super().filter_queryset(studies) if self.form.is_valid() else studies

    @property
    def is_active(self):
        return self.is_bound and self.form.is_valid() and any(self.form.cleaned_data.values())

    @property
    def results(self):
        return self.qs.order_by("-year", "title", "pk")  # pk: the same order on every page of the list

    @property
    def query(self):
        """The valid filters as (name, value) pairs, for links that keep them (the pages of the list)."""
        if not (self.is_bound and self.form.is_valid()):
            return []
        return [(name, value) for name, value in self.form.cleaned_data.items() if value]


def filter_choices():
    """{parameter: valid values} for the page cache (explainer.core.page_cache.register_query_filters)."""
    return {
        name: {str(value) for value, _label in field.extra["choices"] if value}
        for name, field in StudyFilter.base_filters.items()
    }
