from django.dispatch import receiver
from wagtail.signals import task_approved

from explainer.core.models import DEFAULT_REVIEW_INTERVAL_MONTHS, MAX_REVIEW_INTERVAL_MONTHS

from .models import PageReview, add_months, site_today
from .roles import CLINICAL_REVIEWERS


@receiver(task_approved)
def record_clinical_review(sender, instance, user, **kwargs):
    """A clinical reviewer approved a page in the workflow: that is its clinical review."""
    task = instance.task.specific
    if not getattr(task, "groups", None) or not task.groups.filter(name=CLINICAL_REVIEWERS).exists():
        return
    page = instance.workflow_state.content_object
    if not hasattr(page, "specific"):
        return
    page = page.specific
    reviewer = getattr(user, "clinical_reviewer", None)
    today = site_today()
    months = min(
        getattr(page, "review_interval_months", None) or DEFAULT_REVIEW_INTERVAL_MONTHS, MAX_REVIEW_INTERVAL_MONTHS
    )
    PageReview.objects.create(
        page=page,
        reviewer=reviewer,
        reviewer_name_en=reviewer.name_en if reviewer else (user.get_full_name() or user.get_username()),
        reviewer_name_zh_hans=reviewer.name_zh_hans if reviewer else "",
        reviewer_role_en=reviewer.role_en if reviewer else "",
        reviewer_role_zh_hans=reviewer.role_zh_hans if reviewer else "",
        reviewed_on=today,
        next_review_due=add_months(today, months),
        revision=instance.revision,
    )
