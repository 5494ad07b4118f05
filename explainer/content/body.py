"""Page bodies in content files: a list of one-key blocks per language, checked here and turned into the raw
StreamField data of explainer.core.blocks.BodyBlock."""

from explainer.text.markup import MarkupError, inline_html, page_link_targets, paragraphs_html

from .schema import ContentError, Fields

CALLOUT_STYLES = ["info", "warning", "important"]
BLOCK_TYPES = ["heading", "paragraph", "list", "numbered_list", "callout", "table"]


def _text(path, field, value):
    if not isinstance(value, (str, int, float)) or isinstance(value, bool) or str(value).strip() == "":
        raise ContentError(path, field, "must be non-empty text")
    return str(value).strip()


def parse_blocks(path, field, value):
    """Check a list of blocks; return it as [(type, value)] with plain Python values."""
    if not isinstance(value, list) or not value:
        raise ContentError(path, field, "must be a non-empty list of blocks")
    blocks = []
    for index, block in enumerate(value):
        where = f"{field}[{index}]"
        if not isinstance(block, dict) or len(block) != 1:
            raise ContentError(path, where, f"must be a mapping with one key: {', '.join(BLOCK_TYPES)}")
        ((kind, content),) = block.items()
        where = f"{where}.{kind}"
        if kind in ("heading", "paragraph"):
            blocks.append((kind, _text(path, where, content)))
        elif kind in ("list", "numbered_list"):
            if not isinstance(content, list) or not content:
                raise ContentError(path, where, "must be a non-empty list of items")
            blocks.append((kind, [_text(path, f"{where}[{i}]", item) for i, item in enumerate(content)]))
        elif kind == "callout":
            fields = Fields(path, content, where)
            callout = {
                "style": fields.choice("style", CALLOUT_STYLES, required=False, default="info"),
                "heading": fields.get("heading", str, required=False, default=""),
                "text": fields.get("text", str),
            }
            fields.check_no_unknown()
            blocks.append((kind, callout))
        elif kind == "table":
            fields = Fields(path, content, where)
            header = fields.get("header", list)
            rows = fields.get("rows", list)
            table = {
                "caption": fields.get("caption", str, required=False, default=""),
                "header": [_text(path, f"{where}.header[{i}]", cell) for i, cell in enumerate(header)],
                "rows": [],
            }
            for r, row in enumerate(rows):
                if not isinstance(row, list) or len(row) != len(header):
                    raise ContentError(
                        path, f"{where}.rows[{r}]", f"must be a list of {len(header)} cells, like the header"
                    )
                table["rows"].append([_text(path, f"{where}.rows[{r}][{c}]", cell) for c, cell in enumerate(row)])
            fields.check_no_unknown()
            blocks.append((kind, table))
        else:
            raise ContentError(path, where, f"is not a block type; use one of {', '.join(BLOCK_TYPES)}")
    return blocks


def block_texts(blocks):
    """Every piece of text in the blocks, for link and number checks."""
    for kind, value in blocks:
        if kind in ("heading", "paragraph"):
            yield value
        elif kind in ("list", "numbered_list"):
            yield from value
        elif kind == "callout":
            yield value["heading"]
            yield value["text"]
        elif kind == "table":
            yield value["caption"]
            yield from value["header"]
            for row in value["rows"]:
                yield from row


def linked_slugs(blocks):
    return {slug for text in block_texts(blocks) for slug in page_link_targets(text)}


def stream_data(blocks, page_id_for_slug):
    """Raw StreamField data for BodyBlock."""
    data = []
    for kind, value in blocks:
        if kind == "heading":
            data.append({"type": kind, "value": value})
        elif kind == "paragraph":
            data.append({"type": kind, "value": paragraphs_html(value, page_id_for_slug)})
        elif kind in ("list", "numbered_list"):
            data.append({"type": kind, "value": [paragraphs_html(item, page_id_for_slug) for item in value]})
        elif kind == "callout":
            data.append(
                {
                    "type": kind,
                    "value": {
                        "style": value["style"],
                        "heading": value["heading"],
                        "text": paragraphs_html(value["text"], page_id_for_slug),
                    },
                }
            )
        elif kind == "table":
            data.append(
                {
                    "type": kind,
                    "value": {
                        "data": [value["header"], *value["rows"]],
                        "first_row_is_table_header": True,
                        "first_col_is_header": False,
                        "table_caption": value["caption"],
                    },
                }
            )
    return data


def check_markup(path, field, blocks):
    """Raise ContentError for inline markup that cannot be turned into HTML."""
    for text in block_texts(blocks):
        try:
            inline_html(text, lambda slug: None)
        except MarkupError as error:
            raise ContentError(path, field, f"has a {error}") from error
