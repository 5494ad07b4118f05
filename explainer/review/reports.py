import datetime
from itertools import groupby

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import OuterRef, Subquery
from wagtail.models import Page

from .models import DUE_SOON_DAYS, PageReview, site_today


def latest_reviews():
    """Each page's most recent clinical review."""
    newest = PageReview.objects.filter(page=OuterRef("page")).order_by("-reviewed_on", "-id").values("id")[:1]
    return PageReview.objects.filter(id=Subquery(newest))


def reviews_due(today=None, within_days=DUE_SOON_DAYS):
    """[(reviewer name, [reviews])] of live pages whose next review is due within `within_days` or overdue."""
    today = today or site_today()
    due = (
        latest_reviews()
        .filter(page__live=True, next_review_due__lte=today + datetime.timedelta(days=within_days))
        .select_related("page", "reviewer")
        .order_by("reviewer_name", "next_review_due", "page__title")
    )
    return [(name, list(reviews)) for name, reviews in groupby(due, key=lambda review: review.reviewer_name)]


def patient_page_types():
    """Content types of the pages patients read (they show a review record), so need a clinical review."""
    models = [
        model for model in apps.get_models() if issubclass(model, Page) and getattr(model, "is_patient_page", False)
    ]
    return ContentType.objects.get_for_models(*models).values() if models else []


def never_reviewed():
    """Live patient pages that no clinician has reviewed yet, in the order of the page tree."""
    return list(
        Page.objects.live()
        .filter(content_type__in=list(patient_page_types()))
        .exclude(clinical_reviews__isnull=False)
        .order_by("path")
    )


def review_counts(groups, unreviewed, today=None):
    """How many pages are overdue, due soon and never reviewed, for the report's summary line."""
    today = today or site_today()
    reviews = [review for _name, reviews in groups for review in reviews]
    overdue = sum(1 for review in reviews if review.next_review_due < today)
    return {"overdue": overdue, "due_soon": len(reviews) - overdue, "never_reviewed": len(unreviewed)}
