"""Filtering the evidence library by query string (?cell_type=uc-msc&population=…&design=…&label=…), without
JavaScript. `label` is the evidence label the map groups studies under (its "show all" links use it)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from . import choices
from .labels import ALL_LABELS, label_expression

ANY = [("", _("Any"))]


class StudyFilterForm(forms.Form):
    cell_type = forms.ChoiceField(label=_("Cell type"), choices=ANY + choices.CellType.choices, required=False)
    population = forms.ChoiceField(label=_("Who took part"), choices=ANY + choices.Population.choices, required=False)
    design = forms.ChoiceField(label=_("Design"), choices=ANY + choices.StudyType.choices, required=False)
    label = forms.ChoiceField(
        label=_("How strong the design is"),
        choices=ANY + [(label.slug, label.text) for label in ALL_LABELS],
        required=False,
    )


def filter_choices():
    """{parameter: valid values} for the page cache (explainer.core.page_cache.register_query_filters)."""
    return {
        name: {str(value) for value, _label in field.choices if value}
        for name, field in StudyFilterForm.base_fields.items()
    }


class StudyFilter:
    FIELDS = {"cell_type": "cell_type", "population": "population", "design": "study_type"}

    def __init__(self, data, studies):
        self.form = StudyFilterForm(data or None)
        self.studies = studies

    @property
    def is_active(self):
        return self.form.is_bound and self.form.is_valid() and any(self.form.cleaned_data.values())

    @property
    def results(self):
        studies = self.studies
        if self.form.is_bound and self.form.is_valid():
            for name, field in self.FIELDS.items():
                if self.form.cleaned_data[name]:
                    studies = studies.filter(**{field: self.form.cleaned_data[name]})
            if self.form.cleaned_data["label"]:
                studies = studies.alias(label_slug=label_expression()).filter(
                    label_slug=self.form.cleaned_data["label"]
                )
        return studies.order_by("-year", "title", "pk")  # pk: the same order on every page of the list

    @property
    def query(self):
        """The valid filters as (name, value) pairs, for links that keep them (the pages of the list)."""
        if not (self.form.is_bound and self.form.is_valid()):
            return []
        return [(name, value) for name, value in self.form.cleaned_data.items() if value]
