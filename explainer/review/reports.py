import datetime
from collections import Counter
from itertools import groupby

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, CharField, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname, get_language
from wagtail.models import Page

from .models import DUE_SOON_DAYS, PageReview, site_today

NEVER_REVIEWED, OVERDUE, DUE_SOON = "never_reviewed", "overdue", "due_soon"
REVIEW_STATUSES = {NEVER_REVIEWED: _("Never reviewed"), OVERDUE: _("Overdue"), DUE_SOON: _("Due soon")}


# A page's latest review: the most recent day, and of two on one day the one recorded last.
LATEST_FIRST = ("-reviewed_on", "-id")


def latest_reviews():
    """Each page's most recent clinical review."""
    newest = PageReview.objects.filter(page=OuterRef("page")).order_by(*LATEST_FIRST).values("id")[:1]
    return PageReview.objects.filter(id=Subquery(newest))


def patient_page_types():
    """Content types of the pages patients read (they show a review record), so need a clinical review."""
    models = [
        model for model in apps.get_models() if issubclass(model, Page) and getattr(model, "is_patient_page", False)
    ]
    return ContentType.objects.get_for_models(*models).values() if models else []


def pages_due_for_review(today=None, within_days=DUE_SOON_DAYS):
    """Live pages a clinician needs to look at, one row each: patient pages never reviewed, and pages whose latest
    review's next date is within `within_days` or past. The admin report lists them; `reviews_due()` and
    `never_reviewed()` (for the reviewsdue command) are made from them.

    Each page carries its latest review's `last_review_id`, `reviewed_on`, `next_review_due` and `last_reviewer_id`
    (None if never reviewed), `reviewer_sort` (the reviewer's name in the active language, for ordering) and
    `review_status` (NEVER_REVIEWED, OVERDUE or DUE_SOON).
    """
    today = today or site_today()
    latest = PageReview.objects.filter(page=OuterRef("pk")).order_by(*LATEST_FIRST)

    def latest_value(field):
        return Subquery(latest.values(field)[:1])

    # The reviewer's name in the reader's language, else in English, as modeltranslation shows it on the review.
    localized_name = build_localized_fieldname("reviewer_name", get_language())
    english_name = build_localized_fieldname("reviewer_name", "en")
    return (
        Page.objects.live()
        .annotate(
            last_review_id=latest_value("id"),
            reviewed_on=latest_value("reviewed_on"),
            next_review_due=latest_value("next_review_due"),
            last_reviewer_id=latest_value("reviewer_id"),
            reviewer_sort=Coalesce(
                NullIf(latest_value(localized_name), Value("")),
                latest_value(english_name),
                output_field=CharField(),
            ),
        )
        .filter(
            Q(next_review_due__lte=today + datetime.timedelta(days=within_days))
            | Q(last_review_id__isnull=True, content_type__in=list(patient_page_types()))
        )
        .annotate(
            review_status=Case(
                When(last_review_id__isnull=True, then=Value(NEVER_REVIEWED)),
                When(next_review_due__lt=today, then=Value(OVERDUE)),
                default=Value(DUE_SOON),
            )
        )
    )


def reviews_due(today=None, within_days=DUE_SOON_DAYS):
    """[(reviewer name, [reviews])] of live pages whose next review is due within `within_days` or overdue."""
    due = pages_due_for_review(today, within_days).filter(last_review_id__isnull=False).values("last_review_id")
    reviews = (
        PageReview.objects.filter(id__in=due)
        .select_related("page", "reviewer")
        .order_by("reviewer_name", "next_review_due", "page__title")
    )
    return [(name, list(reviews)) for name, reviews in groupby(reviews, key=lambda review: review.reviewer_name)]


def never_reviewed():
    """Live patient pages that no clinician has reviewed yet, in the order of the page tree."""
    return list(pages_due_for_review().filter(review_status=NEVER_REVIEWED).order_by("path"))


def review_counts(today=None, within_days=DUE_SOON_DAYS):
    """{NEVER_REVIEWED: n, OVERDUE: n, DUE_SOON: n}: the summary line of the admin report and the reviewsdue command."""
    counts = Counter(pages_due_for_review(today, within_days).values_list("review_status", flat=True))
    return {status: counts[status] for status in REVIEW_STATUSES}
