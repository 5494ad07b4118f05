"""Sentences of text as patients paste it: web pages copied with their menus, WeChat articles broken into short
lines in the middle of a sentence, bullet lists, emoji, full-width punctuation. Offsets are into the text as given.
"""

import re

from .folding import CJK

# A sentence ends at . ! ? ; … and their full-width forms, with any closing quotes or brackets after them. A full
# stop ends a sentence only before a space, the end, a closing mark or a Chinese character (not in 2.5 or a URL).
TERMINAL = re.compile(r"(?:[!?;。！？；…]+|\.+(?=\s|$|[\"'”’」』）)\]】]|[\u3400-\u9fff]))[\"'”’」』）)\]】]*")
# What starts a new item even without a full stop before it: bullets, numbers, emoji markers, 【headings】.
ITEM_START = re.compile(
    r"^\s*(?:[-•·*●○◆◇■□▪▶►✅✔☑✓➤→👉📞☎️🔥⭐️✨💡📌①②③④⑤⑥⑦⑧⑨⑩【\[]|\d{1,2}\s*[.、)）]|[一二三四五六七八九十]+\s*[、.．]|"
    r"[(（]\s*[\d一二三四五六七八九十]+\s*[)）])",
    re.MULTILINE,
)
ENDS_OPEN = re.compile(r"[,，、:：;；\-–—(（「“\"']\s*$")
# A line shorter than this is a heading, a menu item or a signature, not a sentence broken across lines.
SHORT_LINE = {"zh": 6, "en": 20}
LONGEST_SENTENCE = 400
CLAUSE_BREAK = re.compile(r"[,，、;；:：]\s*|\s+")


def _is_short(line):
    stripped = line.strip()
    script = "zh" if CJK.search(stripped) else "en"
    return len(stripped) < SHORT_LINE[script]


def _line_continues(line, next_line):
    """Does the sentence on `line` go on at the start of `next_line` (a line break in the middle of a sentence)?"""
    if not line.strip() or not next_line.strip():
        return False
    if ITEM_START.match(next_line):
        return False
    stripped = line.rstrip()
    if TERMINAL.search(stripped[-3:]) and not ENDS_OPEN.search(stripped):
        return False
    if ENDS_OPEN.search(stripped):
        return True
    if _is_short(next_line):  # a short line that ends a sentence completes this one; a menu item does not
        return not _is_short(line) and bool(TERMINAL.search(next_line.rstrip()[-3:]))
    return not _is_short(line)


def _blocks(text):
    """(start, end) of stretches of text that no line break divides: paragraphs, list items, headings."""
    blocks, start = [], 0
    lines = text.split("\n")
    position = 0
    for index, line in enumerate(lines):
        end = position + len(line)
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if index + 1 == len(lines) or not _line_continues(line, following):
            blocks.append((start, end))
            start = end + 1
        position = end + 1
    return blocks


def _cut_long(text, start, end):
    """Split a run-on stretch (a menu copied as one line, a list without punctuation) at clause breaks."""
    while end - start > LONGEST_SENTENCE:
        limit = start + LONGEST_SENTENCE
        cut = None
        for match in CLAUSE_BREAK.finditer(text, start + LONGEST_SENTENCE // 2, limit):
            cut = match.end()
        cut = cut or limit
        yield start, cut
        start = cut
    yield start, end


def sentence_spans(text):
    """(start, end) of each sentence, in order, without surrounding white space."""
    spans = []
    for block_start, block_end in _blocks(text):
        start = block_start
        marker = ITEM_START.match(text, block_start, block_end)
        for match in TERMINAL.finditer(text, marker.end() if marker else block_start, block_end):
            spans.extend(_cut_long(text, start, match.end()))
            start = match.end()
        spans.extend(_cut_long(text, start, block_end))
    trimmed = []
    for start, end in spans:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            trimmed.append((start, end))
    return trimmed
