import datetime
from itertools import groupby

from django.db.models import OuterRef, Subquery

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
