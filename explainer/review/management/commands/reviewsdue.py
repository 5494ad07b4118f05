from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import translation

from explainer.review.reports import reviews_due


class Command(BaseCommand):
    help = "List pages whose clinical review is due within 30 days or overdue, grouped by reviewer."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=30, help="How far ahead to look (default 30 days).")

    def handle(self, *args, days, **options):
        with translation.override(settings.LANGUAGE_CODE):
            self.report(days)

    def report(self, days):
        groups = reviews_due(within_days=days)
        if not groups:
            self.stdout.write(f"No clinical review is due in the next {days} days.")
        for reviewer, reviews in groups:
            self.stdout.write(reviewer)
            for review in reviews:
                status = "OVERDUE" if review.is_overdue else "due"
                self.stdout.write(f"  {status:7} {review.next_review_due}  {review.page.title}  ({review.page.url_path.removeprefix('/home')})")
