"""Confirm a clinical reviewer's approval made from the dashboard or a listing (Wagtail says nothing there)."""

from django.contrib import messages
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.models import TaskState
from wagtail.users.models import UserProfile

from .models import PageReview


class ApprovalConfirmationMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        if (
            request.method == "POST"
            and match is not None
            and match.url_name == "workflow_action"
            and match.kwargs.get("action_name") == "approve"
            and response.status_code in (200, 302)
        ):
            # After the view, so outside the admin's own switch to the reviewer's language: switch again.
            with translation.override(UserProfile.get_for_user(request.user).get_preferred_language()):
                self.confirm(request, match.kwargs.get("task_state_id"))
        return response

    def confirm(self, request, task_state_id):
        task_state = TaskState.objects.filter(pk=task_state_id).select_related("workflow_state").first()
        if task_state is None or task_state.status != TaskState.STATUS_APPROVED:
            return
        content = task_state.workflow_state.content_object
        # The title in the reviewer's language (Wagtail's admin title is the draft title, in whichever language the
        # page was last saved).
        title = getattr(content, "title", None) or str(content)
        review = PageReview.objects.filter(page_id=content.pk).first() if hasattr(content, "url_path") else None
        if review:
            messages.success(
                request,
                _("Approved: “%(title)s” is live. Your clinical review is recorded; the next is due %(date)s.")
                % {"title": title, "date": date_format(review.next_review_due)},
            )
        else:
            messages.success(request, _("Approved: “%(title)s” is live.") % {"title": title})
