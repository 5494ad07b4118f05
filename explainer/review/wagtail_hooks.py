from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import ReviewsDueView


@hooks.register("register_admin_urls")
def register_reviews_due_url():
    return [path("reports/reviews-due/", ReviewsDueView.as_view(), name="reviews_due")]


@hooks.register("register_reports_menu_item")
def register_reviews_due_menu_item():
    return MenuItem(_("Clinical reviews due"), reverse("reviews_due"), icon_name="calendar", order=50)
