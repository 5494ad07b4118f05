"""Load content/ into the database: every file is read and checked first, then all are written in one transaction.

A file is loaded again only when it changed since the last load. An object that an editor has changed in the admin
since it was loaded (it has a newer revision than the one the loader published) is reported and left alone, and so
is one that a reviewer unpublished: the loader never publishes it again. One load runs at a time (load_lock).
"""

import fcntl
import hashlib
import os
import tempfile
import threading
import zlib
from abc import ABC, abstractmethod
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import translation
from modeltranslation.utils import build_localized_fieldname
from wagtail.models import Page, Site

from explainer.core.pagelinks import page_id_for_slug

from .models import LoadedFile
from .schema import DEFAULT_LANGUAGE, LANGUAGES, ContentError, Fields

CREATED, UPDATED, UNCHANGED, SKIPPED = "created", "updated", "unchanged", "skipped"
UNPUBLISHED_MESSAGE = "it was unpublished in the admin; not published again (publish it in the admin to bring it back)"


_memory_lock = threading.Lock()


class LoadRunning(Exception):
    """Another load holds the lock."""


@contextmanager
def load_lock():
    """One load at a time per database: a PostgreSQL advisory lock, or a file lock beside other databases."""
    name = str(connection.settings_dict["NAME"])
    if connection.vendor == "postgresql":
        key = zlib.crc32(f"explainer-loadcontent:{name}".encode())
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
            if not cursor.fetchone()[0]:
                raise LoadRunning
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [key])
        return
    if name == ":memory:" or "mode=memory" in name:  # an in-memory database belongs to this process alone
        if not _memory_lock.acquire(blocking=False):
            raise LoadRunning
        try:
            yield
        finally:
            _memory_lock.release()
        return
    digest = zlib.crc32(os.path.abspath(name).encode())
    path = os.path.join(tempfile.gettempdir(), f"explainer-loadcontent-{digest:08x}.lock")
    with open(path, "w") as lock_file:
        try:
            fcntl.flock(lock_file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise LoadRunning from None
        try:
            yield
        finally:
            fcntl.flock(lock_file, fcntl.LOCK_UN)


@dataclass
class Outcome:
    status: str
    path: str
    message: str = ""


@dataclass
class Item:
    """One checked content file."""

    path: str
    checksum: str
    slug: str
    references: set = field(default_factory=set, kw_only=True)  # slugs of pages this file points to


@dataclass
class PageItem(Item, ABC):
    """A content file that becomes a Wagtail page. Subclasses set the page model and write its fields."""

    parent_slug: str | None = None
    order: int = 0
    links: set = field(default_factory=set)

    page_model = None

    @abstractmethod
    def page_fields(self, page_id_for_slug):
        """{field name: value} to set on the page; localized names (title_en …) for translated fields."""


@dataclass
class SnippetItem(Item, ABC):
    """A content file that becomes a snippet with revisions and draft state, found by its slug and published
    like a page."""

    model = None

    @abstractmethod
    def object_fields(self):
        """{field name: value} to set on the snippet; localized names for translated fields."""


class ContentKind(ABC):
    """A folder of content/ and how to read its files."""

    directory = ""
    load_after = ()  # the directories of the kinds whose items this kind's items refer to

    @abstractmethod
    def parse(self, path, fields):
        """Check one file's fields and return its Item; raise ContentError naming the field if it is wrong."""


def localized(name, values):
    """{title_en: …, title_zh_hans: …} from {"en": …, "zh-hans": …}, with "" for a missing language."""
    return {build_localized_fieldname(name, code): values.get(code, "") for code in LANGUAGES}


class Loader:
    def __init__(self, content_dir, kinds, force=False):
        self.content_dir = Path(content_dir)
        self.kinds = kinds
        self.force = force
        self.outcomes = []

    # Reading and checking ------------------------------------------------------------------------------------

    def read(self):
        items = []
        for kind in self.kinds:
            folder = self.content_dir / kind.directory
            for file in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
                relative = file.relative_to(self.content_dir).as_posix()
                raw = file.read_bytes()
                try:
                    data = yaml.safe_load(raw.decode("utf-8"))
                except (yaml.YAMLError, UnicodeDecodeError) as error:
                    raise ContentError(relative, None, f"is not valid UTF-8 YAML: {error}") from error
                item = kind.parse(relative, Fields(relative, data))
                item.checksum = hashlib.sha256(raw).hexdigest()
                items.append(item)
        self.check_references(items)
        return items

    def check_references(self, items):
        snippets = {}
        for item in items:
            if isinstance(item, SnippetItem):
                key = (item.model, item.slug)
                if key in snippets:
                    raise ContentError(
                        item.path,
                        "slug",
                        f"{item.slug!r} is also the slug of {snippets[key].path}: slugs must be unique",
                    )
                snippets[key] = item
        pages = {}
        for item in items:
            if not isinstance(item, PageItem):
                continue
            if item.slug in pages:
                raise ContentError(
                    item.path,
                    "slug",
                    f"{item.slug!r} is also the slug of {pages[item.slug].path}: slugs must be unique",
                )
            pages[item.slug] = item
        homes = [item for item in pages.values() if item.parent_slug is None]
        if len(homes) > 1:
            raise ContentError(homes[1].path, "parent", f"must be given: {homes[0].path} is already the home page")
        for item in items:
            for slug in sorted(item.references):
                if slug not in pages:
                    raise ContentError(item.path, "studies", f"names {slug!r}, but no content file has that slug")
        for item in pages.values():
            if item.parent_slug is not None and item.parent_slug not in pages:
                raise ContentError(
                    item.path, "parent", f"names {item.parent_slug!r}, but no content file has that slug"
                )
            for slug in item.links:
                if slug not in pages:
                    raise ContentError(item.path, "body", f"links to page:{slug}, but no content file has that slug")
            self.depth(item, pages)

    def depth(self, item, pages):
        depth, seen = 0, set()
        while item.parent_slug is not None:
            if item.slug in seen:
                raise ContentError(item.path, "parent", "forms a loop of parents")
            seen.add(item.slug)
            item = pages[item.parent_slug]
            depth += 1
        return depth

    # Writing -------------------------------------------------------------------------------------------------

    def load(self):
        with load_lock():
            return self._load()

    def _load(self):
        items = self.read()
        pages = {item.slug: item for item in items if isinstance(item, PageItem)}
        ordered = sorted(pages.values(), key=lambda item: (self.depth(item, pages), item.order, item.slug))
        with translation.override(DEFAULT_LANGUAGE), transaction.atomic():
            records = {record.path: record for record in LoadedFile.objects.all()}
            pending = []
            for item in ordered:
                page = self.ensure_page(item, records.get(item.path))
                if page is not None:
                    pending.append((item, page))
            for item, page in pending:
                self.publish(item, page, records.get(item.path))
            for item in items:
                if isinstance(item, SnippetItem):
                    self.save_snippet(item, records.get(item.path))
        return self.outcomes

    def ensure_page(self, item, record):
        """Return the page this file should write to, creating it if new; None when it must be left alone."""
        if record is not None:
            page = Page.objects.filter(id=record.object_id).first()
            if page is None:
                self.outcomes.append(Outcome(SKIPPED, item.path, "its page was deleted in the admin; not recreated"))
                return None
            page = page.specific
            if not page.live:
                self.outcomes.append(Outcome(SKIPPED, item.path, UNPUBLISHED_MESSAGE))
                return None
            if page.latest_revision_id != record.revision_id and not self.force:
                self.outcomes.append(
                    Outcome(SKIPPED, item.path, "its page was changed in the admin since it was loaded")
                )
                return None
            if record.checksum == item.checksum and not self.force:
                self.outcomes.append(Outcome(UNCHANGED, item.path))
                return None
            return page
        parent = self.parent_page(item)
        existing = parent.get_children().filter(slug=item.slug).first()
        if existing is not None:
            self.outcomes.append(
                Outcome(
                    SKIPPED,
                    item.path,
                    f"a page with slug {item.slug!r} that the loader did not create is already there",
                )
            )
            return None
        page = item.page_model(slug=item.slug, **item.page_fields(lambda slug: None))
        try:
            parent.add_child(instance=page)
        except ValidationError as error:
            raise ContentError(item.path, None, f"the page is not valid: {error}") from error
        if item.parent_slug is None:
            self.make_site_root(page)
        return page

    def parent_page(self, item):
        if item.parent_slug is None:
            self.remove_wagtail_welcome_page()
            return Page.get_first_root_node()
        return Page.objects.get(slug=item.parent_slug, depth__gte=2).specific

    def remove_wagtail_welcome_page(self):
        """Wagtail's first migration makes a "Welcome" page as the site root; the home page takes its place."""
        for site in Site.objects.select_related("root_page"):
            if site.root_page.specific_class is Page and site.root_page.slug == "home":
                site.root_page.delete()

    def make_site_root(self, page):
        site = Site.objects.filter(is_default_site=True).first() or Site(
            hostname="localhost", port=80, is_default_site=True
        )
        site.root_page = page
        site.site_name = settings.WAGTAIL_SITE_NAME
        site.save()

    def publish(self, item, page, record):
        if item.parent_slug is not None and page.get_parent().slug != item.parent_slug:
            page.move(Page.objects.get(slug=item.parent_slug, depth__gte=2), pos="last-child")
        # A fresh copy: creating the other pages changed this one's tree fields (numchild) in the database.
        page = page.specific_class.objects.get(id=page.id)
        for name, value in item.page_fields(page_id_for_slug).items():
            setattr(page, name, value)
        try:
            page.full_clean()
        except ValidationError as error:
            raise ContentError(item.path, None, f"the page is not valid: {error}") from error
        revision = page.save_revision(log_action=True)
        revision.publish()
        LoadedFile.objects.update_or_create(
            path=item.path,
            defaults={
                "checksum": item.checksum,
                "content_type": ContentType.objects.get_for_model(Page),
                "object_id": page.id,
                "revision_id": revision.id,
            },
        )
        self.outcomes.append(Outcome(UPDATED if record else CREATED, item.path))

    def save_snippet(self, item, record):
        if record is not None:
            obj = item.model.objects.filter(id=record.object_id).first()
            if obj is None:
                self.outcomes.append(Outcome(SKIPPED, item.path, "it was deleted in the admin; not recreated"))
                return
            if not obj.live:
                self.outcomes.append(Outcome(SKIPPED, item.path, UNPUBLISHED_MESSAGE))
                return
            if obj.latest_revision_id != record.revision_id and not self.force:
                self.outcomes.append(Outcome(SKIPPED, item.path, "it was changed in the admin since it was loaded"))
                return
            if record.checksum == item.checksum and not self.force:
                self.outcomes.append(Outcome(UNCHANGED, item.path))
                return
        else:
            if item.model.objects.filter(slug=item.slug).exists():
                self.outcomes.append(
                    Outcome(
                        SKIPPED,
                        item.path,
                        f"an entry with slug {item.slug!r} that the loader did not create is already there",
                    )
                )
                return
            obj = item.model(slug=item.slug, live=False)
        for name, value in item.object_fields().items():
            setattr(obj, name, value)
        try:
            obj.full_clean()
        except ValidationError as error:
            raise ContentError(item.path, None, f"is not valid: {error}") from error
        if obj.pk is None:
            obj.save()
        # Published like a page: a new revision, then that revision goes live (DraftStateMixin).
        revision = obj.save_revision(log_action=True)
        revision.publish()
        LoadedFile.objects.update_or_create(
            path=item.path,
            defaults={
                "checksum": item.checksum,
                "content_type": ContentType.objects.get_for_model(item.model),
                "object_id": obj.id,
                "revision_id": revision.id,
            },
        )
        self.outcomes.append(Outcome(UPDATED if record else CREATED, item.path))
