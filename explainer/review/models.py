from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

DUE_SOON_DAYS = 30


def site_today():
    """Today in the site's TIME_ZONE (Asia/Shanghai), whatever the server's clock or the user's admin time zone."""
    return timezone.localdate(timezone=timezone.get_default_timezone())


def add_months(date, months):
    """The date `months` later, on the same day or, where the month is shorter, on its last day."""
    return date + relativedelta(months=months)


class ClinicalReviewer(models.Model):
    """How a clinical reviewer is named to patients on the pages they review."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="clinical_reviewer")
    name = models.CharField(_("name shown to readers"), max_length=255, help_text=_("For example Dr Li Wei"))
    role = models.CharField(_("role"), max_length=255, help_text=_("For example Consultant hepatologist"))

    class Meta:
        verbose_name = _("clinical reviewer")

    def __str__(self):
        return f"{self.name}, {self.role}"


class PageReview(models.Model):
    """One clinical review of a page: who, when, and when the next is due. Approval in the workflow adds one."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="clinical_reviews")
    reviewer = models.ForeignKey(ClinicalReviewer, null=True, on_delete=models.SET_NULL, related_name="reviews")
    # The reviewer's name and role as they were on the day, so a later change does not rewrite history.
    reviewer_name = models.CharField(_("reviewed by"), max_length=255)
    reviewer_role = models.CharField(_("role"), max_length=255, blank=True)
    reviewed_on = models.DateField(_("last reviewed"))
    next_review_due = models.DateField(_("next review due"))
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-reviewed_on", "-id"]
        get_latest_by = ["reviewed_on", "id"]
        verbose_name = _("clinical review")

    def __str__(self):
        return f"{self.page} reviewed by {self.reviewer_name} on {self.reviewed_on}"

    @property
    def is_overdue(self):
        return self.next_review_due < site_today()
