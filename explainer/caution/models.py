from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin
from wagtail.search import index

from explainer.core.blocks import BodyBlock
from explainer.core.models import ExplainerPage
from explainer.text.patterns import PatternError, parse_pattern


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


class ClaimPattern(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed, ClusterableModel):
    """A family of promotional claims: the phrases that make it, why it is a warning sign, and the studies behind
    the answer. The caution layer flags these phrases in our pages and in text that readers paste.

    Patterns and their explanations go through the Clinical review workflow like pages: an editor's change is a
    draft until a clinical reviewer approves it, and only live patterns are used (caution.service.claim_patterns).
    """

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
        return tuple(
            parse_pattern(line) for field in (self.patterns_en, self.patterns_zh) for line in pattern_lines(field)
        )

    def clean(self):
        super().clean()
        errors = {}
        for name in ("patterns_en", "patterns_zh"):
            for number, line in enumerate(pattern_lines(getattr(self, name)), start=1):
                try:
                    parse_pattern(line)
                except PatternError as error:
                    errors.setdefault(name, []).append(
                        _("Line %(number)s: %(error)s") % {"number": number, "error": error}
                    )
        if not pattern_lines(self.patterns_en) and not pattern_lines(self.patterns_zh):
            errors["patterns_en"] = [_("Give at least one phrase, in English or Chinese.")]
        if errors:
            raise ValidationError(errors)


class Rating(models.TextChoices):
    FALSE = "false", _("False")
    MISLEADING = "misleading", _("Misleading")
    UNSUPPORTED = "unsupported", _("Not supported by the evidence")


# schema.org Rating values for ClaimReview: 1 (false) … 5 (true).
RATING_VALUES = {Rating.FALSE: 1, Rating.MISLEADING: 2, Rating.UNSUPPORTED: 2}


class ReviewedClaimBlock(blocks.StructBlock):
    quote = blocks.CharBlock(help_text=_("The claim exactly as the article wrote it."))
    translation = blocks.CharBlock(
        required=False,
        help_text=_("The claim in this language, when the article is in the other one: readers see both."),
    )
    category = blocks.ChoiceBlock(choices=Category.choices)
    rating = blocks.ChoiceBlock(choices=Rating.choices)
    study = blocks.PageChooserBlock(page_type="evidence.StudyPage", required=False)
    finding = blocks.TextBlock(help_text=_("What the study really showed, in plain words."))

    class Meta:
        icon = "warning"


class CheckerPage(ExplainerPage):
    """ "Check what you read": a reader pastes text and sees its promotional claims beside what the trials found.

    The pasted text is only used to build the response: it is never saved, logged or sent anywhere.
    """

    body = StreamField(BodyBlock(), blank=True)

    translated_fields = ExplainerPage.translated_fields + ("body",)
    content_panels = ExplainerPage.content_panels + [FieldPanel("body")]

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["caution.WorkedExamplePage"]
    max_count = 1

    class Meta:
        verbose_name = _("claim checker page")

    def serve(self, request, *args, **kwargs):
        from .views import serve_checker

        return serve_checker(self, request, *args, **kwargs)


class WorkedExamplePage(ExplainerPage):
    """A promotional article taken apart claim by claim, each claim beside what the cited study showed."""

    source_name = models.CharField(_("who published it"), max_length=255)
    source_date = models.CharField(_("date published"), max_length=20, blank=True, help_text=_("YYYY-MM-DD"))
    source_seed = models.CharField(_("seed document"), max_length=255, blank=True)
    source_language = models.CharField(_("language of the article"), max_length=10, default="zh-hans")
    body = StreamField(BodyBlock(), blank=True)
    claims = StreamField([("claim", ReviewedClaimBlock())], blank=True)

    translated_fields = ExplainerPage.translated_fields + ("body", "claims")
    content_panels = (
        ExplainerPage.content_panels
        + [
            FieldRowPanel([FieldPanel("source_name"), FieldPanel("source_date"), FieldPanel("source_language")]),
            FieldPanel("source_seed"),
            FieldPanel("body"),
            FieldPanel("claims"),
        ]
        + ExplainerPage.sources_panels
    )

    parent_page_types = ["caution.CheckerPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("worked example")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        from .service import check_text

        reviewed = []
        for number, block in enumerate(self.claims, start=1):
            flags = check_text(block.value["quote"], reader_language=get_language())["flags"]
            reviewed.append(
                {
                    "number": number,
                    **block.value,
                    "rating_label": Rating(block.value["rating"]).label,
                    "category_label": Category(block.value["category"]).label,
                    "checker_labels": list(dict.fromkeys(Category(flag["category"]).label for flag in flags)),
                }
            )
        context["reviewed_claims"] = reviewed
        context["claim_reviews"] = self.claim_reviews(request)
        return context

    def claim_reviews(self, request):
        """schema.org ClaimReview objects, one per reviewed claim."""
        url = request.build_absolute_uri(self.get_url(request))
        site = request.build_absolute_uri("/")
        reviews = []
        for number, block in enumerate(self.claims, start=1):
            claim = block.value
            reviews.append(
                {
                    "@context": "https://schema.org",
                    "@type": "ClaimReview",
                    "url": f"{url}#claim-{number}",
                    "claimReviewed": claim["quote"],
                    "datePublished": (self.last_published_at or self.latest_revision_created_at).date().isoformat()
                    if (self.last_published_at or self.latest_revision_created_at)
                    else None,
                    "inLanguage": self.get_language_tag(),
                    "author": {"@type": "Organization", "name": settings.WAGTAIL_SITE_NAME, "url": site},
                    "reviewRating": {
                        "@type": "Rating",
                        "ratingValue": RATING_VALUES[claim["rating"]],
                        "bestRating": 5,
                        "worstRating": 1,
                        "alternateName": str(Rating(claim["rating"]).label),
                    },
                    "itemReviewed": {
                        "@type": "Claim",
                        "author": {"@type": "Organization", "name": self.source_name},
                        **({"datePublished": self.source_date} if self.source_date else {}),
                        "inLanguage": self.source_language,
                        "appearance": {
                            "@type": "CreativeWork",
                            "publisher": {"@type": "Organization", "name": self.source_name},
                        },
                    },
                }
            )
        return [{key: value for key, value in review.items() if value is not None} for review in reviews]

    def get_language_tag(self):
        from explainer.core.languages import html_lang

        return html_lang()
