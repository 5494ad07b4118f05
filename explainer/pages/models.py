from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from explainer.caution.panels import ClaimCheckPanel
from explainer.core.segmentation import segmented
from explainer.quality.panels import PlainLanguagePanel

from .blocks import BodyBlock, SourceBlock

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


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
    promote_panels = Page.promote_panels + [PlainLanguagePanel(), ClaimCheckPanel(), FieldPanel("quoted_claims")]

    class Meta:
        abstract = True

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

    def get_meta_description(self):
        return self.search_description or self.summary

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["translation_missing"] = not self.is_translated()
        return context


class HomePage(ExplainerPage):
    body = StreamField(BodyBlock(), blank=True)

    translated_fields = ExplainerPage.translated_fields + ("body",)
    content_panels = ExplainerPage.content_panels + [FieldPanel("body")] + ExplainerPage.sources_panels

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "pages.SectionPage",
        "pages.TopicPage",
        "evidence.EvidenceIndexPage",
        "glossary.GlossaryPage",
        "caution.CheckerPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("home page")


class SectionPage(ExplainerPage):
    """An index of related topic pages, such as "About cirrhosis"."""

    body = StreamField(BodyBlock(), blank=True)

    translated_fields = ExplainerPage.translated_fields + ("body",)
    content_panels = ExplainerPage.content_panels + [FieldPanel("body")] + ExplainerPage.sources_panels

    parent_page_types = ["pages.HomePage", "pages.SectionPage"]
    subpage_types = ["pages.SectionPage", "pages.TopicPage"]

    class Meta:
        verbose_name = _("section index")

    def get_topics(self):
        return self.get_children().live().public().specific()


class TopicPage(ExplainerPage):
    """An explainer: one question answered in plain words, with its sources."""

    body = StreamField(BodyBlock())

    translated_fields = ExplainerPage.translated_fields + ("body",)
    content_panels = ExplainerPage.content_panels + [FieldPanel("body")] + ExplainerPage.sources_panels

    parent_page_types = ["pages.HomePage", "pages.SectionPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("topic page")
