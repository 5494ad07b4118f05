from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import ClaimPattern
from .pages import blocking_claims


class ClaimPatternViewSet(SnippetViewSet):
    model = ClaimPattern
    icon = "warning"
    menu_label = gettext_lazy("Claim patterns")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["slug", "category", "severity"]
    list_filter = ["category", "severity"]
    search_fields = ["slug", "patterns_en", "patterns_zh"]


register_snippet(ClaimPatternViewSet)


def describe(claims):
    return "; ".join(f"“{claim.text}” ({claim.category}, {claim.language})" for claim in claims)


def warn_about_claims(request, page):
    claims = blocking_claims(page.specific) if hasattr(page.specific, "quoted_claims") else []
    if claims:
        messages.warning(
            request,
            _(
                "This page makes claims the caution layer flags: %(claims)s. Reword them, or list them under "
                "“Claims quoted on purpose” (Checks tab) if you quote them deliberately."
            )
            % {"claims": describe(claims)},
        )


@hooks.register("after_create_page")
def check_new_page(request, page):
    warn_about_claims(request, page)


@hooks.register("after_edit_page")
def check_edited_page(request, page):
    warn_about_claims(request, page)


@hooks.register("before_edit_page")
def block_approving_unmarked_claims(request, page):
    """A clinical reviewer's approval publishes the page, so it waits for the same as publishing does."""
    approving = (
        request.method == "POST"
        and request.POST.get("action-workflow-action")
        and (request.POST.get("workflow-action-name") == "approve")
    )
    if not approving:
        return None
    return block_unmarked_claims(request, page.get_latest_revision_as_object())


@hooks.register("before_publish_page")
def block_unmarked_claims(request, page):
    """The revision is already saved as a draft; publishing waits until every flagged claim is dealt with."""
    specific = page.specific if not hasattr(page, "quoted_claims") else page
    if not hasattr(specific, "quoted_claims"):
        return None
    claims = blocking_claims(specific)
    if claims:
        messages.error(
            request,
            _(
                "Not published: %(claims)s. Reword these, or list them under “Claims quoted on purpose” (Checks tab) "
                "if the page quotes them deliberately. Your changes are saved as a draft."
            )
            % {"claims": describe(claims)},
        )
        return redirect("wagtailadmin_pages:edit", page.id)
    return None
