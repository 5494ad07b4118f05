from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import Http404
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname
from wagtail.admin.panels import FieldPanel, ObjectList, TabbedInterface
from wagtail.fields import StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index
from wagtail.utils.decorators import cached_classmethod

from explainer.text.segmentation import segmented

from .blocks import SourceBlock
from .languages import LANGUAGE_CODES, html_lang, unprefixed_path
from .page_cache import per_version
from .restrictions import restricted_paths
from .routing import pages_on_the_way

# A page's own review interval, in months; the review app dates the next clinical review with it.
DEFAULT_REVIEW_INTERVAL_MONTHS = 12
MAX_REVIEW_INTERVAL_MONTHS = 36


class ExplainerPage(Page):
    """Fields and behaviour shared by every page a patient reads.

    `translated_fields` names the fields registered in translation.py; a page counts as translated into a
    language when its title and every one of those fields has a value in that language.
    """

    summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_("One or two plain sentences, shown in lists, search results and to search engines."),
    )

    sources = StreamField(
        [("source", SourceBlock())], blank=True, help_text=_("Where the facts on this page come from.")
    )

    review_interval_months = models.PositiveSmallIntegerField(
        _("months between clinical reviews"),
        default=DEFAULT_REVIEW_INTERVAL_MONTHS,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_REVIEW_INTERVAL_MONTHS)],
        help_text=_(
            "When a clinical reviewer approves the page, the next review is due this many months later (at most 36)."
        ),
    )
    quoted_claims = models.TextField(
        _("claims quoted on purpose"),
        blank=True,
        help_text=_(
            "Phrases this page quotes deliberately (for example an advert's words, to show why they mislead), one "
            "per line. The claim check does not stop the page being published for these."
        ),
    )

    translated_fields = ("title", "summary")

    search_fields = Page.search_fields + [index.SearchField("search_text")]
    content_panels = Page.content_panels + [FieldPanel("summary")]
    sources_panels = [FieldPanel("sources")]
    promote_panels = Page.promote_panels + []
    # Feature apps add their checks (plain language, claims…) with register_check_panels() in AppConfig.ready().
    check_panels = []
    settings_panels = Page.settings_panels + [FieldPanel("review_interval_months")]
    has_short_link = False
    is_patient_page = True  # shows its review record and schema.org MedicalWebPage data

    class Meta:
        abstract = True

    # Editors preview each language; a language's name is written in that language, whatever the admin's is.
    preview_modes = [("en", "English"), ("zh-hans", "中文")]

    @property
    def default_preview_mode(self):
        """The editor's own admin language first (the preview panel opens in it)."""
        return "zh-hans" if (get_language() or "").startswith("zh") else "en"

    def make_preview_request(self, original_request=None, preview_mode=None, extra_request_attrs=None):
        """Preview as a reader of that language: the simulated request goes to /en/… or /zh-hans/…."""
        language = preview_mode if preview_mode in LANGUAGE_CODES else self.default_preview_mode
        with translation.override(language):
            return super().make_preview_request(original_request, language, extra_request_attrs)

    @classmethod
    def register_check_panels(cls, *panels):
        """Show these panels on the Checks tab of every patient page (a feature app calls this when it is ready)."""
        cls.check_panels.extend(panels)
        pending = [cls]
        while pending:
            model = pending.pop()
            model.get_edit_handler.cache_clear()
            pending.extend(model.__subclasses__())

    @cached_classmethod
    def get_edit_handler(cls):
        """Wagtail's tabs, with the checks editors run before review on a tab of their own, after the content."""
        tabs = [ObjectList(cls.content_panels, heading=_("Content"))]
        if cls.check_panels:
            tabs.append(ObjectList(cls.check_panels, heading=_("Checks (last saved version)")))
        tabs += [
            ObjectList(cls.promote_panels, heading=_("Promote")),
            ObjectList(cls.settings_panels, heading=_("Settings")),
        ]
        return TabbedInterface(tabs, base_form_class=cls.base_form_class).bind_to_model(cls)

    def is_translated(self, language=None):
        language = language or get_language()
        for name in self.translated_fields:
            value = getattr(self, build_localized_fieldname(name, language), None)
            if value is None or value == "" or (hasattr(value, "__len__") and len(value) == 0):
                return False
        return True

    def translated_texts(self, language):
        """The text of every translated field in one language, StreamFields included."""
        texts = []
        for name in self.translated_fields:
            localized_name = build_localized_fieldname(name, language)
            value = getattr(self, localized_name, None)
            if not value:
                continue
            field = self._meta.get_field(localized_name)
            texts.extend(field.get_searchable_content(value) if hasattr(value, "stream_block") else [str(value)])
        return texts

    def search_text(self):
        """What the search index holds for this page: both languages, Chinese split into words."""
        return segmented(" ".join(text for language in LANGUAGE_CODES for text in self.translated_texts(language)))

    @cached_property
    def latest_review(self):
        return latest_reviews_by_page().get(self.pk)

    def structured_data(self, request):
        """schema.org MedicalWebPage for this page, with its clinical review when it has had one."""
        data = {
            "@context": "https://schema.org",
            "@type": "MedicalWebPage",
            "name": self.title,
            "url": request.build_absolute_uri(self.get_url(request)),
            "inLanguage": html_lang(),
            "description": self.get_meta_description(),
            "medicalAudience": {"@type": "MedicalAudience", "audienceType": "Patient"},
            "about": {"@type": "MedicalCondition", "name": "Cirrhosis", "alternateName": "肝硬化"},
        }
        if self.last_published_at:
            data["dateModified"] = self.last_published_at.date().isoformat()
        review = self.latest_review
        if review:
            data["lastReviewed"] = review.reviewed_on.isoformat()
            data["reviewedBy"] = {"@type": "Person", "name": review.reviewer_name, "jobTitle": review.reviewer_role}
        return data

    def get_sitemap_urls(self, request=None):
        """The page's entries in Wagtail's sitemap: one per language, each listing every language version and the
        address without a prefix (which sends a reader to their own language) as hreflang alternates, as the
        <link rel="alternate"> in the page's head do."""
        paths = {}
        for code in LANGUAGE_CODES:
            with translation.override(code):
                paths[code] = self.get_url(request)
        if None in paths.values():
            return []  # not routable: outside every site

        def absolute(path):
            return request.build_absolute_uri(path) if request else self.get_site().root_url + path

        locations = {code: absolute(path) for code, path in paths.items()}
        alternates = [{"lang_code": html_lang(code), "location": url} for code, url in locations.items()]
        alternates.append({"lang_code": "x-default", "location": absolute(unprefixed_path(paths[LANGUAGE_CODES[0]]))})
        lastmod = self.last_published_at or self.latest_revision_created_at
        return [{"location": url, "lastmod": lastmod, "alternates": alternates} for url in locations.values()]

    def get_meta_description(self):
        return self.search_description or self.summary

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["translation_missing"] = not self.is_translated()
        return context

    # Serving: a page read in a few queries, whatever its depth -------------------------------------------------

    @classmethod
    def serving_queryset(cls):
        """How a page of this type is read to be served: with what every visit to it shows, in the same query."""
        pages = cls.objects.all()
        return pages.select_related("short_link") if cls.has_short_link else pages

    def route(self, request, path_components):
        """Wagtail's routing in two queries for the whole address instead of two for each level of it.

        Wagtail reads the child that the next part of the address names, then reads it again as its own type and
        asks it to route the rest. Here one query finds every page on the way and one reads the page that answers.
        A page on the way that routes by rules of its own (a routable page, a page that is not an ExplainerPage)
        is read and asked, as Wagtail would.
        """
        if not path_components:
            return super().route(request, path_components)
        found = pages_on_the_way(self, path_components)
        for depth, (pk, model) in enumerate(found, start=1):
            remaining = path_components[depth:]
            routes_to_children = model is not None and model.route is ExplainerPage.route
            if routes_to_children and remaining and depth < len(found):
                continue  # it would pass the rest on to the child found next
            if routes_to_children and remaining:
                raise Http404  # it has no child of the next name
            page = (
                model.serving_queryset().get(pk=pk)
                if hasattr(model, "serving_queryset")
                else Page.objects.get(pk=pk).specific
            )
            return page.route(request, remaining)
        raise Http404  # no child of the first name

    def get_view_restrictions(self):
        """Wagtail's restrictions on this page and its ancestors, without a query while the site has none."""
        if not restricted_paths():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


# Where a page's clinical reviews come from: the review app registers its query when it is ready.
REVIEW_SOURCES = []


def register_reviews(latest_reviews):
    """latest_reviews() gives each page's most recent clinical review (objects with a page_id)."""
    if latest_reviews not in REVIEW_SOURCES:
        REVIEW_SOURCES.append(latest_reviews)


def latest_reviews_by_page():
    """{page id: its most recent clinical review}, read once per version of the page cache (a review moves it on)."""
    return per_version(
        "latest reviews", "", lambda: {review.page_id: review for source in REVIEW_SOURCES for review in source()}
    )
