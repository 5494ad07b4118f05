from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin
from wagtail.search import index

from explainer.core.blocks import BodyBlock
from explainer.core.models import ExplainerPage


class GlossaryTerm(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed, models.Model):
    """A medical word explained in one or two plain sentences. Its first use on a page links here.

    Definitions are medical text that patients read, so they go through the Clinical review workflow like pages:
    an editor's change is a draft until a clinical reviewer approves it, and only live terms are shown or linked.
    """

    slug = models.SlugField(
        _("slug"), max_length=100, unique=True, help_text=_("The term in English, lower case, with hyphens.")
    )
    term = models.CharField(_("term"), max_length=100)
    also = models.TextField(
        _("other forms"),
        blank=True,
        help_text=_("Other words for the same thing that should link here, one per line (plurals, abbreviations)."),
    )
    definition = models.TextField(_("definition"), help_text=_("One or two plain sentences."))
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="glossary_term")

    # The other forms are each language's own words for the term, not translations of each other.
    parity_exempt_fields = ("also",)

    panels = [FieldPanel("term"), FieldPanel("also"), FieldPanel("definition"), FieldPanel("slug")]
    search_fields = [index.SearchField("term"), index.SearchField("also"), index.SearchField("definition")]

    class Meta:
        ordering = ["slug"]
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")

    def __str__(self):
        return self.term

    @property
    def revisions(self):
        return self._revisions

    def forms(self, language):
        """The term and its other forms in one language."""
        from modeltranslation.utils import build_localized_fieldname

        term = getattr(self, build_localized_fieldname("term", language)) or ""
        also = getattr(self, build_localized_fieldname("also", language)) or ""
        return [form for form in [term.strip(), *(line.strip() for line in also.splitlines())] if form]


class GlossaryPage(ExplainerPage):
    """The glossary: every term, in the reader's language, with an anchor per term (#ascites)."""

    body = StreamField(BodyBlock(), blank=True)

    translated_fields = ExplainerPage.translated_fields + ("body",)
    content_panels = ExplainerPage.content_panels + [FieldPanel("body")]

    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("glossary page")

    @classmethod
    def live_page(cls):
        """The glossary readers can open (there is at most one), or None."""
        return cls.objects.live().public().first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["terms"] = sorted(GlossaryTerm.objects.filter(live=True), key=lambda term: sort_key(term.term))
        context["letters"] = by_letter(context["terms"])
        return context


def sort_key(text):
    """Where a term goes in the glossary: by its letters, and Chinese by its pinyin (乙肝 as yi gan, under Y)."""
    from pypinyin import lazy_pinyin

    return " ".join(lazy_pinyin(text.strip())).lower()


def by_letter(terms):
    """The terms, already in order, under their first letter: [(letter, [terms])]. Terms that begin with a digit or
    a sign go under #."""
    groups = []
    for term in terms:
        first = sort_key(term.term)[:1].upper()
        letter = first if "A" <= first <= "Z" else "#"
        if not groups or groups[-1][0] != letter:
            groups.append((letter, []))
        groups[-1][1].append(term)
    return groups
