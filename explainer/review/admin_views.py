from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from .models import site_today
from .reports import never_reviewed, review_counts, reviews_due


class ReviewsDueView(TemplateView):
    """Admin report: pages never reviewed, then pages whose clinical review is due within 30 days or overdue."""

    template_name = "review/reviews_due.html"
    page_title = _("Clinical reviews due")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["today"] = site_today()
        context["groups"] = reviews_due(context["today"])
        context["never_reviewed"] = never_reviewed()
        context["counts"] = review_counts(context["groups"], context["never_reviewed"], context["today"])
        context["page_title"] = self.page_title
        return context
