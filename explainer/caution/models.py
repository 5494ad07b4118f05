from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import RevisionMixin
from wagtail.search import index

from .patterns import PatternError, parse_pattern


class Category(models.TextChoices):
    CURE = "cure", _("Promises a cure")
    REVERSAL = "reversal", _("Says it reverses cirrhosis or regrows the liver")
    NO_RISK = "no-risk", _("Says there is no risk or no side effects")
    PROVEN = "proven", _("Says it is proven or works for most people")
    REPLACES_CARE = "replaces-care", _("Says you can skip a transplant or your medicine")
    APPROVED = "approved", _("Says it is approved or endorsed by the state")
    HYPE = "hype", _("Hype words")
    URGENCY = "urgency", _("Pressure to act now")


class Severity(models.TextChoices):
    HIGH = "high", _("High: could lead someone to harm")
    MEDIUM = "medium", _("Medium: misleading")
    LOW = "low", _("Low: sales talk")


def pattern_lines(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip() and not line.strip().startswith("#")]


class ClaimPattern(RevisionMixin, index.Indexed, ClusterableModel):
    """A family of promotional claims: the phrases that make it, why it is a warning sign, and the studies behind
    the answer. The caution layer flags these phrases in our pages and in text that readers paste."""

    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    severity = models.CharField(_("severity"), max_length=10, choices=Severity.choices, default=Severity.HIGH)
    patterns_en = models.TextField(
        _("English phrases"),
        blank=True,
        help_text=_(
            "One pattern per line. Alternatives with |, a word ending with * matches any ending (revers*), "
            "' ... ' joins parts later in the same sentence and ' .. ' parts a few words apart."
        ),
    )
    patterns_zh = models.TextField(
        _("Chinese phrases"),
        blank=True,
        help_text=_("One pattern per line, in Simplified Chinese; Traditional Chinese text is matched too."),
    )
    explanation = models.TextField(_("explanation"), help_text=_("Why this is a warning sign, in plain words."))
    studies = ParentalManyToManyField("evidence.StudyPage", blank=True, related_name="claim_patterns")
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="claim_pattern")

    panels = [
        FieldRowPanel([FieldPanel("category"), FieldPanel("severity")]),
        MultiFieldPanel([FieldPanel("patterns_en"), FieldPanel("patterns_zh")], heading=_("Phrases")),
        FieldPanel("explanation"),
        FieldPanel("studies"),
        FieldPanel("slug"),
    ]
    search_fields = [index.SearchField("slug"), index.SearchField("patterns_en"), index.SearchField("patterns_zh")]

    class Meta:
        ordering = ["category", "slug"]
        verbose_name = _("claim pattern")
        verbose_name_plural = _("claim patterns")

    def __str__(self):
        return f"{self.get_category_display()} ({self.slug})"

    @property
    def revisions(self):
        return self._revisions

    def parsed_patterns(self):
        return tuple(parse_pattern(line) for field in (self.patterns_en, self.patterns_zh) for line in pattern_lines(field))

    def clean(self):
        super().clean()
        errors = {}
        for name in ("patterns_en", "patterns_zh"):
            for number, line in enumerate(pattern_lines(getattr(self, name)), start=1):
                try:
                    parse_pattern(line)
                except PatternError as error:
                    errors.setdefault(name, []).append(_("Line %(number)s: %(error)s") % {"number": number, "error": error})
        if not pattern_lines(self.patterns_en) and not pattern_lines(self.patterns_zh):
            errors["patterns_en"] = [_("Give at least one phrase, in English or Chinese.")]
        if errors:
            raise ValidationError(errors)
