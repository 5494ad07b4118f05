from django.conf import settings
from django.http import JsonResponse
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html, json_script
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import ReviewsDueView


@hooks.register("register_admin_urls")
def register_reviews_due_url():
    # Like Wagtail's own reports: the page, and its table alone, which the filters reload.
    return [
        path("reports/reviews-due/", ReviewsDueView.as_view(), name="reviews_due"),
        path("reports/reviews-due/results/", ReviewsDueView.as_view(results_only=True), name="reviews_due_results"),
    ]


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
        static("js/admin-translation.js"),
        static("css/admin-translation.css"),
    )


# Wagtail's workflow-action script names the action in hidden inputs it adds to the edit form just before submitting
# it ("Approve and publish", "Request changes"…).
WORKFLOW_ACTION_INPUTS = ("action-workflow-action", "workflow-action-name")


def autosave_of_a_form_being_submitted(request):
    """Autosave sees those added inputs as an edit and, about a second later, posts the whole form again, inputs
    included, while the real submission is still being processed. That second post either saved a copy of what the
    approval had just published (the page stayed "live + draft"), or, arriving first, could run the action itself."""
    return (
        request.method == "POST"
        and not request.accepts("text/html")  # how Wagtail tells an autosave from a submitted form
        and any(request.POST.get(name) for name in WORKFLOW_ACTION_INPUTS)
    )


def refuse_autosave_of_a_form_being_submitted(request, *args):
    """Runs before every other hook (some check the whole page when a workflow action approves it). The answer stops
    autosave on that page, which is about to be left; admin-autosave.js keeps the request from being made at all."""
    if not autosave_of_a_form_being_submitted(request):
        return None
    return JsonResponse(
        {
            "success": False,
            "error_code": "invalid_revision",
            "error_message": _("Not autosaved: the form is being sent."),
        },
        status=409,
    )


hooks.register("before_edit_page", refuse_autosave_of_a_form_being_submitted, order=-100)
hooks.register("before_edit_snippet", refuse_autosave_of_a_form_being_submitted, order=-100)


@hooks.register("insert_editor_js")
def editor_autosave_script():
    return format_html('<script src="{}"></script>', static("js/admin-autosave.js"))
