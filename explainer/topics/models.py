from collections import defaultdict

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, get_page_models

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

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.sections_with_their_pages()
        return context

    def sections_with_their_pages(self):
        """The live, public children, each with its own live, public children as `child_pages`: read a level at a
        time instead of once for each section. A page type whose children the home page does not list (the evidence
        library shows its newest studies instead) says so with lists_children_on_home_page = False. The home page
        shows a section's title, summary and address, so its body is not read, and only the title and address of the
        pages under it, so they are read as plain pages, not each type in a query of its own."""
        sections = list(public(self.get_children().live()).defer_streamfields().specific())
        listed = [section.path for section in sections if getattr(section, "lists_children_on_home_page", True)]
        child_pages = defaultdict(list)
        if listed:
            under_listed = Q()
            for path in listed:
                under_listed |= Q(path__startswith=path)
            children = public(Page.objects.filter(under_listed, depth=self.depth + 2).live()).order_by("path")
            for child in children:
                child_pages[child.path[: -Page.steplen]].append(child)
        for section in sections:
            section.child_pages = child_pages[section.path]
        return sections

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
