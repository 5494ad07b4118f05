"""How files in content/pages/ become home, section and topic pages."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.apps import apps
from modeltranslation.utils import build_localized_fieldname

from explainer.content.body import linked_slugs, stream_data
from explainer.content.loader import ContentKind, PageItem, localized
from explainer.content.readers import read_slug, read_sources, read_translated_blocks
from explainer.content.schema import DEFAULT_LANGUAGE, LANGUAGES, ContentError


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
                build_localized_fieldname("body", language): stream_data(self.body.get(language, []), page_id_for_slug)
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
