from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import get_page_models

from explainer.core.blocks import BodyBlock
from explainer.core.handouts import PrintableMixin
from explainer.core.models import ExplainerPage
from explainer.core.restrictions import public


class HomePage(ExplainerPage):
    body = StreamField(BodyBlock(), blank=True)

    translated_fields = ExplainerPage.translated_fields + ("body",)
    content_panels = ExplainerPage.content_panels + [FieldPanel("body")] + ExplainerPage.sources_panels

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    @classmethod
    def clean_subpage_models(cls):
        """Its children are the page types that name it in their parent_page_types: sections and topics, and the
        features' own index pages (the evidence library, the glossary, the claim checker). Wagtail's default without
        subpage_types would also allow page types that name no parent, such as Wagtail's own Page."""
        return [
            model
            for model in get_page_models()
            if getattr(model, "parent_page_types", None) and cls in model.clean_parent_page_models()
        ]

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
        return public(self.get_children().live()).specific()


class TopicPage(PrintableMixin, ExplainerPage):
    """An explainer: one question answered in plain words, with its sources."""

    body = StreamField(BodyBlock())
    key_points = models.TextField(
        _("key points for the handout"),
        blank=True,
        help_text=_(
            "The 4–6 things to remember, one per line. The printable handout shows these instead of the whole page."
        ),
    )

    translated_fields = ExplainerPage.translated_fields + ("body",)
    content_panels = (
        ExplainerPage.content_panels + [FieldPanel("body"), FieldPanel("key_points")] + ExplainerPage.sources_panels
    )

    parent_page_types = ["pages.HomePage", "pages.SectionPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("topic page")

    def key_point_list(self):
        return [line.strip() for line in (self.key_points or "").splitlines() if line.strip()]

    def handout_callouts(self):
        """The page's warning and important callouts (such as "when to get help now"), for the handout."""
        return [block for block in self.body if block.block_type == "callout" and block.value["style"] != "info"]
