from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock

INLINE_FEATURES = ["bold", "italic", "link"]


def readable_comparison():
    from .compare import ReadableTextComparison

    return ReadableTextComparison


class RichTextBlock(blocks.RichTextBlock):
    """Wagtail's rich text, compared in the page history paragraph by paragraph (explainer.core.compare)."""

    def get_comparison_class(self):
        return readable_comparison()


class ListBlock(blocks.ListBlock):
    """Wagtail's list, compared in the page history item by item by their words, not their ids."""

    def get_comparison_class(self):
        return readable_comparison()


class CalloutBlock(blocks.StructBlock):
    style = blocks.ChoiceBlock(
        choices=[("info", _("Information")), ("warning", _("Warning")), ("important", _("Important"))],
        default="info",
    )
    heading = blocks.CharBlock(required=False)
    text = RichTextBlock(features=INLINE_FEATURES)

    class Meta:
        icon = "warning"
        template = "blocks/callout.html"


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(form_classname="title", icon="title", template="blocks/heading.html")
    paragraph = RichTextBlock(features=INLINE_FEATURES + ["ol", "ul"], icon="pilcrow")
    list = ListBlock(RichTextBlock(features=INLINE_FEATURES), icon="list-ul", template="blocks/list.html")
    numbered_list = ListBlock(
        RichTextBlock(features=INLINE_FEATURES), icon="list-ol", template="blocks/numbered_list.html"
    )
    callout = CalloutBlock()
    table = TableBlock(
        table_options={"contextMenu": ["row_above", "row_below", "remove_row", "col_left", "col_right", "remove_col"]},
        template="blocks/table.html",
    )


def doi_address(doi):
    """The address a DOI resolves at, for any source that has one (a page's sources, a study's paper)."""
    return f"https://doi.org/{doi}" if doi else ""


class SourceBlock(blocks.StructBlock):
    """A source as a reader would cite it: who, what, when, and a link. The Chinese site shows the Chinese citation
    and note when there is one."""

    citation = blocks.CharBlock(
        help_text=_("Who, what and when: authors, title, journal, year — or the organisation and document.")
    )
    citation_zh_hans = blocks.CharBlock(
        required=False,
        help_text=_("The citation for Chinese readers (a Chinese title, a translated description), if it differs."),
    )
    doi = blocks.CharBlock(required=False, help_text=_("For example 10.1016/j.jhep.2018.03.024"))
    url = blocks.URLBlock(required=False)
    note = blocks.CharBlock(
        required=False,
        help_text=_(
            "What this source is used for, if a reader needs to know (for example: the advert discussed on this page)."
        ),
    )
    note_zh_hans = blocks.CharBlock(required=False, help_text=_("The note in Chinese."))

    class Meta:
        icon = "doc-full"
        template = "blocks/source.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        chinese = get_language() == "zh-hans"
        context["citation"] = (chinese and value.get("citation_zh_hans")) or value.get("citation")
        context["note"] = (chinese and value.get("note_zh_hans")) or value.get("note")
        context["doi_address"] = doi_address(value.get("doi"))
        return context


# Migrations see Wagtail's own block: only the page history's comparison differs.
DECONSTRUCT_ALIASES = {RichTextBlock: "wagtail.blocks.RichTextBlock", ListBlock: "wagtail.blocks.ListBlock"}
