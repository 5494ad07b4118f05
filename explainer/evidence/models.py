from urllib.parse import urlsplit

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from explainer.core.blocks import BodyBlock, doi_address
from explainer.core.handouts import PrintableMixin
from explainer.core.models import ExplainerPage
from explainer.core.restrictions import public

from . import choices, facts
from .facts import ALL_FACTS, FACT_FIELDS, FACT_PHRASES, SEED_DOCUMENTS, SEED_NUMBERS, FactRow, is_ip_address
from .labels import UNCONTROLLED_LABELS, evidence_label
from .listing import study_list


class EvidenceIndexPage(ExplainerPage):
    """The evidence library: every study, filterable by cell type, population and design, with an evidence map."""

    body = StreamField(BodyBlock(), blank=True)

    translated_fields = ExplainerPage.translated_fields + ("body",)
    content_panels = ExplainerPage.content_panels + [FieldPanel("body")] + ExplainerPage.sources_panels

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["evidence.StudyPage"]
    max_count = 1
    lists_children_on_home_page = False  # the home page shows its newest studies, not every study

    class Meta:
        verbose_name = _("evidence library")

    def get_context(self, request, *args, **kwargs):
        from .filters import StudyFilter

        context = super().get_context(request, *args, **kwargs)
        study_filter = StudyFilter(request.GET, public(StudyPage.objects.child_of(self).live()))
        context["filter"] = study_filter
        context.update(study_list(study_filter, self.get_url(request), request.GET.get("page")))
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if getattr(response, "context_data", None) and response.context_data.get("missing_page"):
            response.status_code = 404  # not cached: the page cache keeps only 200 answers
        return response


class StudyPage(PrintableMixin, ExplainerPage):
    """One study or review: structured facts (the same in every language) and plain-language text (translated).

    The page's slug is the study key (qin-2025) and its title the short name (Qin 2025).
    """

    handout_template = "evidence/study_page_print.html"

    paper_title = models.CharField(_("title of the paper"), max_length=500)
    citation = models.CharField(_("citation"), max_length=500)
    year = models.PositiveSmallIntegerField(
        _("year"), null=True, blank=True, validators=[MinValueValidator(1950), MaxValueValidator(2100)]
    )
    journal = models.CharField(_("journal"), max_length=255, blank=True)
    doi = models.CharField(_("DOI"), max_length=255, blank=True, help_text=_("For example 10.1111/liv.12228"))
    registry_id = models.CharField(_("registry id"), max_length=100, blank=True, help_text=_("For example NCT00476060"))

    study_type = models.CharField(_("study type"), max_length=40, choices=choices.StudyType.choices)
    randomised = models.BooleanField(_("randomised"), default=False)
    blinding = models.CharField(_("blinding"), max_length=20, choices=choices.Blinding.choices)
    comparator = models.CharField(_("comparison group"), max_length=20, choices=choices.Comparator.choices)
    population = models.CharField(_("population"), max_length=40, choices=choices.Population.choices)
    cause = models.CharField(_("cause of liver disease"), max_length=20, choices=choices.Cause.choices)
    cell_type = models.CharField(_("cell type"), max_length=20, choices=choices.CellType.choices)
    cell_source = models.CharField(_("cell source"), max_length=20, choices=choices.CellSource.choices)
    # Not "route": Page.route() is how Wagtail finds pages.
    cell_route = models.CharField(_("route"), max_length=20, choices=choices.Route.choices)
    dose = models.CharField(
        _("dose"), max_length=255, blank=True, help_text=_("As reported, with the same numbers in both languages.")
    )
    infusions = models.PositiveSmallIntegerField(_("number of infusions"), null=True, blank=True)
    follow_up_weeks = models.PositiveSmallIntegerField(_("follow-up (weeks)"), null=True, blank=True)
    follow_up_note = models.TextField(_("follow-up, in words"), blank=True)
    primary_endpoint = models.TextField(_("primary endpoint"), blank=True)

    can_and_cannot = models.TextField(_("what this study can and cannot tell you"), blank=True)
    authors_conclusion = models.TextField(_("the authors' conclusion"), blank=True)

    translated_fields = ExplainerPage.translated_fields + ("can_and_cannot", "authors_conclusion")

    search_fields = ExplainerPage.search_fields + [
        index.SearchField("paper_title"),
        index.SearchField("citation"),
        index.FilterField("cell_type"),
        index.FilterField("population"),
        index.FilterField("study_type"),
    ]
    content_panels = ExplainerPage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("paper_title"),
                FieldPanel("citation"),
                FieldRowPanel([FieldPanel("year"), FieldPanel("journal")]),
                FieldRowPanel([FieldPanel("doi"), FieldPanel("registry_id")]),
            ],
            heading=_("Publication"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("study_type"), FieldPanel("randomised")]),
                FieldRowPanel([FieldPanel("blinding"), FieldPanel("comparator")]),
                FieldRowPanel([FieldPanel("population"), FieldPanel("cause")]),
            ],
            heading=_("Design"),
            help_text=_("The evidence label shown to readers is worked out from these fields."),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("cell_type"), FieldPanel("cell_source"), FieldPanel("cell_route")]),
                FieldRowPanel([FieldPanel("dose"), FieldPanel("infusions"), FieldPanel("follow_up_weeks")]),
                FieldPanel("follow_up_note"),
                FieldPanel("primary_endpoint"),
            ],
            heading=_("Treatment and follow-up"),
        ),
        InlinePanel("arms", heading=_("Groups of people"), label=_("group")),
        InlinePanel("outcomes", heading=_("Outcomes"), label=_("outcome")),
        FieldPanel("can_and_cannot"),
        FieldPanel("authors_conclusion"),
        InlinePanel("fact_sources", heading=_("Where the facts come from"), label=_("source")),
    ]

    parent_page_types = ["evidence.EvidenceIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("study")
        verbose_name_plural = _("studies")

    def clean(self):
        """A study's design fields must agree with each other, in the admin as in content files."""
        super().clean()
        Type = choices.StudyType
        errors = {}
        if self.study_type == Type.RCT and not self.randomised:
            errors["randomised"] = _(
                "A randomised controlled trial is randomised: tick “randomised”, or choose another study type."
            )
        elif self.randomised and self.study_type in (Type.NON_RANDOMISED_CONTROLLED, Type.SINGLE_ARM, Type.CASE_SERIES):
            errors["randomised"] = _(
                "This study type is not randomised: untick “randomised”, or choose “Randomised controlled trial”."
            )
        if self.study_type in (Type.RCT, Type.NON_RANDOMISED_CONTROLLED) and self.comparator == choices.Comparator.NONE:
            errors["comparator"] = _("A controlled study compares with another group: choose what that group got.")
        elif self.study_type in (Type.SINGLE_ARM, Type.CASE_SERIES) and self.comparator in (
            choices.Comparator.PLACEBO,
            choices.Comparator.STANDARD_CARE,
        ):
            errors["comparator"] = _(
                "In this study type everyone got cells, so there is no placebo or usual-care "
                "group: choose “No comparison group” or “Other doses of the same cells only”, or another study type."
            )
        if self.blinding in (choices.Blinding.SINGLE, choices.Blinding.DOUBLE) and (
            self.comparator == choices.Comparator.NONE and not self.is_review
        ):
            errors["blinding"] = _("Nobody can be blinded without a comparison group: choose “None” or “Not stated”.")
        if errors:
            raise ValidationError(errors)

    @property
    def evidence_label(self):
        return evidence_label(self.study_type, self.randomised, self.blinding, self.comparator)

    @property
    def is_review(self):
        return self.study_type in (choices.StudyType.SYSTEMATIC_REVIEW, choices.StudyType.NARRATIVE_REVIEW)

    @property
    def has_comparison_group(self):
        """Whether people given cells were compared with people who were not (a review compares within its trials)."""
        return self.is_review or self.evidence_label not in UNCONTROLLED_LABELS

    @property
    def enrolled(self):
        counts = [arm.enrolled for arm in self.arms.all() if arm.enrolled is not None]
        return sum(counts) if counts else None

    @property
    def analysed(self):
        counts = [arm.analysed for arm in self.arms.all()]
        return sum(counts) if counts and None not in counts else None

    def fact_rows(self):
        """The structured facts as rows for the fact card, each with the unverified source it rests on, if any."""
        unverified = self.unverified_sources
        separator = pgettext("between items of a list that have commas inside", "; ")
        arms = separator.join(arm.describe() for arm in self.arms.all())
        follow_up = ngettext("%(n)s week", "%(n)s weeks", self.follow_up_weeks or 0) % {"n": self.follow_up_weeks}
        rows = [
            ("study_type", _("Study type"), self.get_study_type_display()),
            ("randomised", _("Randomised"), _("Yes") if self.randomised else _("No")),
            ("blinding", _("Who knew who got the treatment"), self.get_blinding_display()),
            ("comparator", _("Comparison group"), self.get_comparator_display()),
            ("arms", _("People"), arms),
            ("population", _("Who took part"), self.get_population_display()),
            ("cause", _("Cause of liver disease"), self.get_cause_display()),
        ]
        if not self.is_review:
            rows += [
                ("cell_type", _("Cells"), self.get_cell_type_display()),
                ("cell_source", _("Where the cells came from"), self.get_cell_source_display()),
                ("route", _("How the cells were given"), self.get_cell_route_display()),
                ("dose", _("Dose"), self.dose),
                ("infusions", _("Number of infusions"), str(self.infusions or "")),
            ]
        rows += [
            (
                "follow_up_weeks",
                _("Follow-up"),
                " · ".join(filter(None, [follow_up if self.follow_up_weeks else "", self.follow_up_note])),
            ),
            ("primary_endpoint", _("Main measure"), self.primary_endpoint),
        ]
        return [FactRow(field, label, value, unverified.get(field)) for field, label, value in rows if value]

    @cached_property
    def source_list(self):
        """The page's sources, read once for the fact card and the list of sources."""
        return list(self.fact_sources.all())

    @cached_property
    def unverified_sources(self):
        """{fact field: the unverified source entry it rests on}, for the facts readers see as "reported by …"."""
        sources = self.source_list
        verified = {fact for source in sources if source.verified for fact in source.fact_list}
        result = {}
        for source in sources:
            if source.verified:
                continue
            backed = FACT_FIELDS if ALL_FACTS in source.fact_list else source.fact_list
            for fact in backed:
                if ALL_FACTS in source.fact_list and fact in verified:
                    continue
                result.setdefault(fact, source)
        return result


class StudyArm(Orderable):
    study = ParentalKey(StudyPage, on_delete=models.CASCADE, related_name="arms")
    label = models.CharField(_("group"), max_length=255)
    enrolled = models.PositiveIntegerField(_("people enrolled"), null=True, blank=True)
    analysed = models.PositiveIntegerField(_("people analysed"), null=True, blank=True)

    panels = [FieldRowPanel([FieldPanel("label"), FieldPanel("enrolled"), FieldPanel("analysed")])]

    def __str__(self):
        return self.label

    def describe(self):
        counts = []
        if self.enrolled is not None:
            counts.append(_("%(n)s enrolled") % {"n": self.enrolled})
        if self.analysed is not None:
            counts.append(_("%(n)s analysed") % {"n": self.analysed})
        if not counts:
            return self.label
        separator = pgettext("separator between items of a list", ", ")
        return self.label + pgettext("between a label and what follows it", ": ") + separator.join(counts)


class StudyOutcome(Orderable):
    study = ParentalKey(StudyPage, on_delete=models.CASCADE, related_name="outcomes")
    measure = models.CharField(_("what was measured"), max_length=255)
    result = models.TextField(_("what was found"))
    direction = models.CharField(_("direction"), max_length=20, choices=choices.Direction.choices)

    panels = [FieldPanel("measure"), FieldPanel("result"), FieldPanel("direction")]

    def __str__(self):
        return self.measure

    def clean(self):
        """In the admin as in content files, a study in which everyone got cells cannot file a better or worse outcome."""
        super().clean()
        try:
            study = self.study
        except ObjectDoesNotExist:
            return
        if self.direction in choices.COMPARED_DIRECTIONS and not study.has_comparison_group:
            raise ValidationError(
                {
                    "direction": _(
                        "This study has no comparison group, so a change cannot be called better or worse. Choose “Changed "
                        "from before (not compared with another group)” or “Uncertain”."
                    )
                }
            )

    @property
    def shown_direction(self):
        """The direction readers see: without a comparison group, a change is never shown as better or worse."""
        if self.direction in choices.COMPARED_DIRECTIONS and not self.study.has_comparison_group:
            return choices.Direction.BEFORE_AFTER
        return self.direction

    def get_shown_direction_display(self):
        return choices.Direction(self.shown_direction).label

    @property
    def shown_direction_mark(self):
        return choices.DIRECTION_MARKS[self.shown_direction]


class StudySource(Orderable):
    """Where some of a study's facts come from, and whether anyone here has checked them in that source."""

    study = ParentalKey(StudyPage, on_delete=models.CASCADE, related_name="fact_sources")
    source = models.CharField(
        _("source"),
        max_length=255,
        help_text=_("doi:10.…, registry:NCT…, url:https://…, seed:<file name>, or evidence-notes."),
    )
    verified = models.BooleanField(
        _("verified"), default=True, help_text=_("Unverified facts are shown to readers as “reported by …”.")
    )
    facts = models.CharField(
        _("facts"),
        max_length=500,
        default=ALL_FACTS,
        help_text=_("Comma-separated field names this source backs (for example arms, outcomes), or all."),
    )
    note = models.TextField(_("note"), blank=True)

    panels = [FieldRowPanel([FieldPanel("source"), FieldPanel("verified")]), FieldPanel("facts"), FieldPanel("note")]

    def __str__(self):
        return self.source

    @property
    def fact_list(self):
        return [fact.strip() for fact in self.facts.split(",") if fact.strip()]

    @property
    def backs_all_facts(self):
        return ALL_FACTS in self.fact_list

    @property
    def fact_phrases(self):
        """What this source backs, in the reader's words and language, each phrase once, in the file's order."""
        phrases = []
        for fact in self.fact_list:
            phrase = str(FACT_PHRASES[fact]) if fact in FACT_PHRASES else ""
            if phrase and phrase not in phrases:
                phrases.append(phrase)
        return pgettext("separator between items of a list", ", ").join(phrases)

    @property
    def kind(self):
        return self.source.split(":", 1)[0] if ":" in self.source else self.source

    @property
    def identifier(self):
        return self.source.split(":", 1)[1] if ":" in self.source else ""

    @property
    def description(self):
        """Who reported the facts, in words a reader understands: "the paper (doi:…)", "a news summary of the trial" …"""
        if self.kind == "doi":
            return _("the paper (doi:%(doi)s)") % {"doi": self.identifier}
        if self.kind == "registry":
            return _("the trial registry (%(id)s)") % {"id": self.identifier}
        if self.kind == "url":
            if is_ip_address(urlsplit(self.identifier).hostname):  # names nothing a reader knows; the note does
                return _("a web page")
            return _("the web page %(site)s") % {"site": urlsplit(self.identifier).netloc}
        if self.kind == "seed":
            name = SEED_NUMBERS.get(self.identifier[:3], self.identifier)
            return SEED_DOCUMENTS.get(name, _("a secondary source that has not been described yet"))
        # Whether it was checked against the paper is said beside it ("not yet checked"), not in its name.
        return _("reviews and summaries of the paper")

    @property
    def url(self):
        if self.kind == "doi":
            return doi_address(self.identifier)
        if self.kind == "url":
            return self.identifier
        if self.kind == "registry":
            return facts.registry_address(self.identifier)
        return ""
