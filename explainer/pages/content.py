"""How files in content/pages/ become home, section and topic pages."""

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from explainer.content.body import check_markup, linked_slugs, parse_blocks, stream_data
from explainer.content.loader import ContentKind, PageItem, localized
from explainer.content.schema import DEFAULT_LANGUAGE, LANGUAGES, ContentError, Fields

from django.apps import apps


@dataclass(frozen=True)
class PageType:
    """A type of page a file in content/pages/ can have: its model, and how to read and store the fields only it has."""

    model: str  # "app_label.ModelName"
    read: Callable | None = None  # read(fields, item): fields of this page type only, into item.extra / item.claims
    page_fields: Callable | None = None  # page_fields(item, page_id_for_slug) → model fields from what read() kept


# Feature apps add their page types with register_page_type() when they are ready.
PAGE_TYPES = {
    "home": PageType("pages.HomePage"),
    "section": PageType("pages.SectionPage"),
    "topic": PageType("pages.TopicPage"),
}


def register_page_type(name, page_type):
    PAGE_TYPES[name] = page_type


SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def read_slug(fields, key="slug"):
    slug = fields.get(key, str)
    if not SLUG.match(slug):
        raise fields.error(key, "must use lower-case letters, digits and single hyphens, like what-is-cirrhosis")
    return slug


def read_translated_blocks(fields, key, required=True):
    """{language: blocks}; the default language is required, the others may be missing (shown with a note)."""
    value = fields.get(key, dict, required=required)
    if value is None:
        return {}
    unknown = set(value) - set(LANGUAGES)
    if unknown:
        raise fields.error(key, f"has an unknown language {sorted(unknown)[0]!r}; use {' and '.join(LANGUAGES)}")
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


@dataclass
class PageFile(PageItem):
    page_type: str = "topic"
    show_in_menus: bool = False
    title: dict = field(default_factory=dict)
    summary: dict = field(default_factory=dict)
    body: dict = field(default_factory=dict)
    sources: list = field(default_factory=list)
    quoted_claims: list = field(default_factory=list)
    key_points: dict = field(default_factory=dict)
    extra: dict = field(default_factory=dict)  # fields of one page type only (a worked example's source…)
    claims: dict = field(default_factory=dict)  # language → reviewed claims, for worked examples

    @property
    def page_model(self):
        return apps.get_model(PAGE_TYPES[self.page_type].model)

    def page_fields(self, page_id_for_slug):
        fields = {
            "show_in_menus": self.show_in_menus,
            **localized("title", self.title),
            **localized("summary", self.summary),
            **{
                f"body_{language.replace('-', '_')}": stream_data(self.body.get(language, []), page_id_for_slug)
                for language in LANGUAGES
            },
        }
        fields["sources"] = [{"type": "source", "value": source} for source in self.sources]
        fields["quoted_claims"] = "\n".join(self.quoted_claims)
        if self.page_type == "topic":
            fields.update(
                localized("key_points", {language: "\n".join(points) for language, points in self.key_points.items()})
            )
        fields.update(self.extra)
        page_type = PAGE_TYPES[self.page_type]
        if page_type.page_fields:
            fields.update(page_type.page_fields(self, page_id_for_slug))
        return fields


class PageFiles(ContentKind):
    directory = "pages"

    def parse(self, path, fields):
        page_type = fields.choice("type", list(PAGE_TYPES))
        slug = read_slug(fields)
        parent = None if page_type == "home" else read_slug(fields, "parent")
        title = fields.translated("title", required_languages=[DEFAULT_LANGUAGE])
        body = read_translated_blocks(fields, "body", required=page_type == "topic")
        if set(body) - {DEFAULT_LANGUAGE} and set(body) != set(title):
            language = sorted(set(body) ^ set(title))[0]
            raise ContentError(
                path, f"title.{language}", "is missing: give the title and the body in the same languages"
            )
        item = PageFile(
            path=path,
            checksum="",
            slug=slug,
            parent_slug=parent,
            order=fields.get("order", int, required=False, default=0),
            page_type=page_type,
            show_in_menus=fields.get("show_in_menus", bool, required=False, default=False),
            title=title,
            summary=fields.translated("summary", required=False),
            body=body,
            sources=read_sources(fields),
        )
        item.links = {slug for blocks in body.values() for slug in linked_slugs(blocks)}
        item.quoted_claims = [str(line) for line in fields.get("quoted_claims", list, required=False, default=[])]
        item.key_points = fields.translated_lists("key_points") if page_type == "topic" else {}
        if PAGE_TYPES[page_type].read:
            PAGE_TYPES[page_type].read(fields, item)
        fields.check_no_unknown()
        return item
