"""Readers for the fields that files of every kind in content/ share: slugs, translated blocks of text, sources."""

import re

from .body import check_markup, parse_blocks
from .schema import DEFAULT_LANGUAGE, LANGUAGES, Fields

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def read_slug(fields, key="slug"):
    slug = fields.get(key, str)
    if not SLUG.match(slug):
        raise fields.error(key, "must use lower-case letters, digits and single hyphens, like what-is-cirrhosis")
    return slug


def read_translated_blocks(fields, key, required=True):
    """{language: blocks}; the default language is required, the others may be missing (shown with a note)."""
    value = fields.by_language(key, required=required)
    if value is None:
        return {}
    if DEFAULT_LANGUAGE not in value:
        raise fields.error(f"{key}.{DEFAULT_LANGUAGE}", "is required")
    result = {}
    for language in LANGUAGES:
        if value.get(language):
            where = fields.name(f"{key}.{language}")
            result[language] = parse_blocks(fields.path, where, value[language])
            check_markup(fields.path, where, result[language])
    return result


def read_sources(fields):
    """Each source as a reader would cite it. `citation` is one text for both languages or {en, zh-hans}; `note`
    (optional) says what the source is used for, in both languages."""
    sources = []
    for index, entry in enumerate(fields.get("sources", list, required=False, default=[])):
        source = Fields(fields.path, entry, f"sources[{index}]")
        citation = source.get("citation", (str, dict))
        if isinstance(citation, dict):
            citation = source.translated("citation", required_languages=[DEFAULT_LANGUAGE])
        else:
            citation = {DEFAULT_LANGUAGE: citation}
        note = source.translated("note", required=False)
        if note and set(note) != set(LANGUAGES):
            raise source.error("note", f"must be given in {' and '.join(LANGUAGES)}")
        item = {
            "citation": citation[DEFAULT_LANGUAGE],
            "citation_zh_hans": citation.get("zh-hans", ""),
            "doi": source.get("doi", str, required=False, default=""),
            "url": source.get("url", str, required=False, default=""),
            "note": note.get(DEFAULT_LANGUAGE, ""),
            "note_zh_hans": note.get("zh-hans", ""),
        }
        if item["url"] and not item["url"].startswith(("https://", "http://")):
            raise source.error("url", "must start with https:// or http://")
        if "seed" in source.data:
            raise source.error(
                "seed",
                "is an internal file name; describe the source as a reader would cite it (who, what, when, a link) instead",
            )
        source.check_no_unknown()
        sources.append(item)
    return sources
