from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock

INLINE_FEATURES = ["bold", "italic", "link"]


class CalloutBlock(blocks.StructBlock):
    style = blocks.ChoiceBlock(
        choices=[("info", _("Information")), ("warning", _("Warning")), ("important", _("Important"))],
        default="info",
    )
    heading = blocks.CharBlock(required=False)
    text = blocks.RichTextBlock(features=INLINE_FEATURES)

    class Meta:
        icon = "warning"
        template = "blocks/callout.html"


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(form_classname="title", icon="title", template="blocks/heading.html")
    paragraph = blocks.RichTextBlock(features=INLINE_FEATURES + ["ol", "ul"], icon="pilcrow")
    list = blocks.ListBlock(
        blocks.RichTextBlock(features=INLINE_FEATURES), icon="list-ul", template="blocks/list.html"
    )
    numbered_list = blocks.ListBlock(
        blocks.RichTextBlock(features=INLINE_FEATURES), icon="list-ol", template="blocks/numbered_list.html"
    )
    callout = CalloutBlock()
    table = TableBlock(
        table_options={"contextMenu": ["row_above", "row_below", "remove_row", "col_left", "col_right", "remove_col"]},
        template="blocks/table.html",
    )


class SourceBlock(blocks.StructBlock):
    citation = blocks.CharBlock(help_text=_("Authors, title, journal, year — or the organisation and document."))
    doi = blocks.CharBlock(required=False, help_text=_("For example 10.1016/j.jhep.2018.03.024"))
    url = blocks.URLBlock(required=False)
    seed = blocks.CharBlock(required=False, help_text=_("File name of a seed document, if the fact comes from one."))

    class Meta:
        icon = "doc-full"
        template = "blocks/source.html"
