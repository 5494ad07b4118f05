from django.template.response import TemplateResponse
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from .qr import qr_svg


class PrintableMixin(RoutablePageMixin):
    """<page url>print/: a one- or two-page A4 handout of the page, with a QR code back to it."""

    has_short_link = True

    @path("print/")
    def print_view(self, request):
        from django.utils.translation import gettext as _

        url = request.build_absolute_uri(self.get_url(request))
        context = self.get_context(request)
        context["page_url"] = url
        context["qr_code"] = qr_svg(url, _("QR code: %(url)s") % {"url": url})
        return TemplateResponse(request, "review/print.html", context)
