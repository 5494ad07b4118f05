"""Filtering the evidence library by query string (?cell_type=uc-msc&population=…&design=…), without JavaScript."""

from django import forms
from django.utils.translation import gettext_lazy as _

from . import choices

ANY = [("", _("Any"))]


class StudyFilterForm(forms.Form):
    cell_type = forms.ChoiceField(label=_("Cell type"), choices=ANY + choices.CellType.choices, required=False)
    population = forms.ChoiceField(label=_("Who took part"), choices=ANY + choices.Population.choices, required=False)
    design = forms.ChoiceField(label=_("Design"), choices=ANY + choices.StudyType.choices, required=False)


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
        return studies.order_by("-year", "title")
