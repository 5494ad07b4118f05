import django_filters
from django import forms
from django.db.models import F
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, StatusTagColumn, Table, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page

from .models import ClinicalReviewer, PageReview, site_today
from .reports import DUE_SOON, REVIEW_STATUSES, pages_due_for_review, review_counts

REVIEWER_LABEL = capfirst(_("reviewed by"))


class ReviewsDueFilterSet(WagtailFilterSet):
    review_status = django_filters.ChoiceFilter(
        label=_("Status"), choices=list(REVIEW_STATUSES.items()), empty_label=_("All"), widget=forms.RadioSelect
    )
    reviewer = django_filters.ModelChoiceFilter(
        label=REVIEWER_LABEL,
        queryset=ClinicalReviewer.objects.order_by("name"),
        empty_label=_("All"),
        method="filter_reviewer",
    )

    class Meta:
        model = Page
        fields = []

    def filter_reviewer(self, queryset, name, reviewer):
        return queryset.filter(last_reviewer_id=reviewer.pk)


class ReviewsDueTable(Table):
    """Wagtail's table, with each row naming its page and status (for tests and for styling)."""

    def get_row_attrs(self, instance):
        attrs = super().get_row_attrs(instance)
        attrs["data-page-id"] = instance.pk
        attrs["data-review-status"] = instance.review_status
        return attrs


class ReviewsDueView(ReportView):
    """Admin report: live pages never reviewed by a clinician, and pages whose clinical review is due within 30 days
    or overdue, with CSV and XLSX downloads.

    Who may see it: anyone who may use the admin (editors and clinical reviewers). Wagtail checks that for every URL
    registered with `register_admin_urls`, as it did for the TemplateView this replaces, so the view adds no check.
    """

    page_title = _("Clinical reviews due")
    header_icon = "calendar"
    template_name = "review/reviews_due_report.html"
    index_url_name = "reviews_due"
    index_results_url_name = "reviews_due_results"
    filterset_class = ReviewsDueFilterSet
    table_class = ReviewsDueTable
    paginate_by = 100
    # The order of the report before this one: pages never reviewed first, in the order of the page tree, then
    # grouped by the clinician who last reviewed them, the earliest due first.
    # (A page never reviewed has no reviewer; nulls_first says so for both SQLite and PostgreSQL.)
    default_ordering = (F("reviewer_sort").asc(nulls_first=True), "next_review_due", "path")
    columns = [
        TitleColumn("title", label=_("Page"), url_name="wagtailadmin_pages:edit"),
        Column("reviewer_name", label=REVIEWER_LABEL, sort_key="reviewer_sort"),
        Column("reviewed_on", label=_("Last reviewed")),
        Column("next_review_due", label=_("Next review due"), sort_key="next_review_due"),
        StatusTagColumn(
            "review_status",
            label=_("Status"),
            accessor=lambda page: REVIEW_STATUSES[page.review_status],
            primary=lambda page: page.review_status != DUE_SOON,
        ),
    ]
    list_export = ["title", "reviewer_name", "reviewed_on", "next_review_due", "review_status"]
    export_headings = {
        "title": _("Page"),
        "reviewer_name": REVIEWER_LABEL,
        "reviewed_on": _("Last reviewed"),
        "next_review_due": _("Next review due"),
        "review_status": _("Status"),
    }
    custom_field_preprocess = {
        "review_status": {
            ReportView.FORMAT_CSV: lambda status: str(REVIEW_STATUSES[status]),
            ReportView.FORMAT_XLSX: lambda status: str(REVIEW_STATUSES[status]),
        }
    }

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.today = site_today()

    def get_filename(self):
        return f"clinical-reviews-due-{self.today.isoformat()}"

    def get_queryset(self):
        self.queryset = pages_due_for_review(self.today)
        return super().get_queryset()

    def decorate_paginated_queryset(self, pages):
        """The reviewer's name as readers see it on the page (in the admin's language), from the latest review."""
        reviews = PageReview.objects.in_bulk([page.last_review_id for page in pages if page.last_review_id])
        for page in pages:
            review = reviews.get(page.last_review_id)
            page.reviewer_name = review.reviewer_name if review else ""
        return pages

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["counts"] = review_counts(self.today)  # the whole report's, whatever the filters show
        return context
