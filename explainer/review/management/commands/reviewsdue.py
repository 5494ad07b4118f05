from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import translation

from explainer.review.reports import never_reviewed, review_counts, reviews_due


class Command(BaseCommand):
    help = (
        "List live pages that no clinician has reviewed yet, and pages whose clinical review is due within 30 days "
        "or overdue, grouped by reviewer."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=30, help="How far ahead to look (default 30 days).")

    def handle(self, *args, days, **options):
        with translation.override(settings.LANGUAGE_CODE):
            self.report(days)

    def report(self, days):
        groups = reviews_due(within_days=days)
        unreviewed = never_reviewed()
        counts = review_counts(within_days=days)
        self.stdout.write(
            f"{counts['never_reviewed']} never reviewed, {counts['overdue']} overdue, "
            f"{counts['due_soon']} due in the next {days} days."
        )
        if unreviewed:
            self.stdout.write("Never reviewed by a clinician")
            for page in unreviewed:
                self.stdout.write(f"  NEVER   {page.title}  ({page.url_path.removeprefix('/home')})")
        for reviewer, reviews in groups:
            self.stdout.write(reviewer)
            for review in reviews:
                status = "OVERDUE" if review.is_overdue else "due"
                self.stdout.write(
                    f"  {status:7} {review.next_review_due}  {review.page.title}  ({review.page.url_path.removeprefix('/home')})"
                )
        if not groups and not unreviewed:
            self.stdout.write(f"Every page has been reviewed, and no review is due in the next {days} days.")
