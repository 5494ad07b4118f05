"""The small inline markup of content files, turned into Wagtail rich-text HTML.

Paragraphs are separated by blank lines. Inline: **bold**, *italic*, [text](https://…), [120](tel:120) and [text](page:<slug>),
which becomes a link to the page with that slug in the reader's language.

Not markdown-it-py (weighed for issue 13): content files use only these three inline forms, and everything else
stays text. A Markdown parser would also make headings, lists, images, raw HTML and escapes out of ordinary
sentences, each of which would have to be switched off again for Wagtail's rich text.
"""

import re
from html import escape

LINK = r"\[(?P<text>[^\]]+)\]\((?P<target>[^)\s]+)\)"
INLINE = re.compile(r"\*\*(?P<bold>.+?)\*\*" r"|(?<![\w*])\*(?P<italic>[^*\s](?:[^*]*[^*\s])?)\*(?![\w*])" rf"|{LINK}")
PAGE_SCHEME = "page:"


class MarkupError(ValueError):
    pass


def page_link_targets(text):
    """The slugs that [text](page:<slug>) links in this text point to."""
    return [
        m.group("target")[len(PAGE_SCHEME) :]
        for m in INLINE.finditer(text)
        if m.group("target") and m.group("target").startswith(PAGE_SCHEME)
    ]


def inline_html(text, page_id_for_slug):
    """Escape the text and turn its inline markup into HTML.

    `page_id_for_slug` maps a page slug to its id, or to None while the page does not exist yet (the link's text is
    kept without the link).
    """
    out = []
    position = 0
    for match in INLINE.finditer(text):
        out.append(escape(text[position : match.start()], quote=False))
        if match.group("bold") is not None:
            out.append(f"<b>{inline_html(match.group('bold'), page_id_for_slug)}</b>")
        elif match.group("italic") is not None:
            out.append(f"<i>{inline_html(match.group('italic'), page_id_for_slug)}</i>")
        else:
            label = inline_html(match.group("text"), page_id_for_slug)
            target = match.group("target")
            if target.startswith(PAGE_SCHEME):
                page_id = page_id_for_slug(target[len(PAGE_SCHEME) :])
                out.append(f'<a linktype="page" id="{page_id}">{label}</a>' if page_id else label)
            elif target.startswith(("https://", "http://", "mailto:", "tel:")):
                out.append(f'<a href="{escape(target)}">{label}</a>')
            else:
                raise MarkupError(f"link target {target!r} must start with https://, http://, mailto:, tel: or page:")
        position = match.end()
    out.append(escape(text[position:], quote=False))
    return "".join(out)


CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")


def join_lines(lines):
    """Join the lines of one paragraph: a space between words, nothing between Chinese characters."""
    text = ""
    for line in (line.strip() for line in lines):
        if text and line and not (CJK.match(text[-1]) or CJK.match(line[0])):
            text += " "
        text += line
    return text


def paragraphs_html(text, page_id_for_slug):
    """Blank-line separated paragraphs as <p> elements."""
    paragraphs = [join_lines(chunk.splitlines()) for chunk in re.split(r"\n\s*\n", text.strip())]
    return "".join(f"<p>{inline_html(p, page_id_for_slug)}</p>" for p in paragraphs if p)


EMPHASIS = re.compile(r"\*+")


def plain_text(text):
    """The text without inline markup: links keep their text, ** and * are dropped."""
    return EMPHASIS.sub("", re.sub(LINK, r"\g<text>", text))
