"""The editors' compare view (page history → compare) for the body's rich text.

Wagtail reads a rich-text block as one run of text, so paragraphs and list items run together ("well.Scarring"),
and it compares stored values: a body whose words did not change is listed whole as a change when the editor only
added paragraph keys on save, or when its lists were loaded from content/ without item ids (Wagtail counts such a
list as changed in every comparison). Here each paragraph and list item is its own line, and a block or a body
counts as changed only when its words did.
"""

from bs4 import BeautifulSoup
from django.utils.html import format_html_join
from wagtail.admin.compare import (
    RichTextBlockComparison,
    StreamBlockComparison,
    StreamFieldComparison,
    diff_text,
)

BLOCK_TAGS = ["p", "li", "h2", "h3", "h4", "h5", "h6", "blockquote", "div", "tr"]


def readable_lines(html):
    """The text a reader sees, one line per paragraph, heading or list item."""
    soup = BeautifulSoup(str(html), "html.parser")
    for line_break in soup.find_all("br"):
        line_break.replace_with("\n")
    for tag in soup.find_all(BLOCK_TAGS):
        tag.append("\n")
    lines = (" ".join(line.split()) for line in soup.get_text().split("\n"))
    return [line for line in lines if line]


class ReadableTextComparison(RichTextBlockComparison):
    def lines(self, value):
        return readable_lines(self.block.render_basic(value)) if value is not None else []

    def htmlvalue(self, val):
        return format_html_join("", "<p>{}</p>", ((line,) for line in self.lines(val)))

    def htmldiff(self):
        return format_html_join(
            "", "<p>{}</p>", ((diff_text(before, after).to_html(),) for before, after in self.paired_lines())
        )

    def paired_lines(self):
        before, after = self.lines(self.val_a), self.lines(self.val_b)
        if len(before) != len(after):  # a paragraph added or taken away: compare the whole text
            return [("\n".join(before), "\n".join(after))]
        return list(zip(before, after))

    def has_changed(self):
        return self.lines(self.val_a) != self.lines(self.val_b)


class ReadableStreamFieldComparison(StreamFieldComparison):
    """A body is listed in the comparison only when a block was added, taken away, moved or reworded."""

    def has_changed(self):
        if not super().has_changed():
            return False
        if not (self.has_block_ids(self.val_a) and self.has_block_ids(self.val_b)):
            return True
        before = [(block.id, block.block_type) for block in self.val_a]
        after = [(block.id, block.block_type) for block in self.val_b]
        if before != after:
            return True
        comparison = StreamBlockComparison(self.field.stream_block, True, True, self.val_a, self.val_b)
        return any(block.has_changed() for block in comparison.get_block_comparisons())
