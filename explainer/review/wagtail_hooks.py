from django.conf import settings
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html, json_script
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page

from .admin_views import ReviewsDueView


@hooks.register("register_admin_urls")
def register_reviews_due_url():
    return [path("reports/reviews-due/", ReviewsDueView.as_view(), name="reviews_due")]


@hooks.register("register_reports_menu_item")
def register_reviews_due_menu_item():
    return MenuItem(gettext_lazy("Clinical reviews due"), reverse("reviews_due"), icon_name="calendar", order=50)


@hooks.register("insert_editor_js")
def editor_translation_script():
    """Ask before "Copy content from" overwrites a field, and label wagtail-modeltranslation's buttons in the
    editor's language (the package's script has them in English only, and its language toggles show codes). Wagtail
    has no editor-only CSS hook, so the toggles' stylesheet comes with the script."""
    labels = {
        "copyFrom": _("Copy content from:"),
        "confirm": _("This field already has %(target)s text. Replace it with a copy of the %(source)s text?"),
        "languages": {code: str(name) for code, name in settings.LANGUAGES},
    }
    return json_script(labels, "admin-translation-labels") + format_html(
        '<script src="{}"></script><link rel="stylesheet" href="{}">',
        static("js/admin-translation.js"), static("css/admin-translation.css"),
    )


# Revision keys that change with every save, publish or lock, not with what readers see.
BOOKKEEPING_KEYS = {
    "pk", "latest_revision", "latest_revision_created_at", "live_revision", "has_unpublished_changes", "live",
    "draft_title", "last_published_at", "first_published_at", "locked", "locked_at", "locked_by", "owner",
    "numchild", "path", "depth", "expired", "comments", "wagtail_admin_comments",
}


def same_content(first, second):
    keys = (set(first) | set(second)) - BOOKKEEPING_KEYS
    return all(first.get(key) == second.get(key) for key in keys)


@hooks.register("after_edit_page")
def unchanged_save_keeps_the_page_live(request, page):
    """A save (or autosave) right after publishing, with nothing changed, is not an unpublished draft: without this
    "Approve and publish" could leave the page "live + draft" with a draft identical to what is live."""
    page = Page.objects.select_related("latest_revision", "live_revision").get(pk=page.pk)
    if not (page.live and page.has_unpublished_changes and page.live_revision and page.latest_revision):
        return None
    if page.latest_revision_id != page.live_revision_id and same_content(
        page.latest_revision.content, page.live_revision.content
    ):
        Page.objects.filter(pk=page.pk).update(has_unpublished_changes=False)
    return None
