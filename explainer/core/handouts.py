"""Printable handouts: <page url>print/ gives a one- or two-page A4 handout of a page, with a QR code back to it.

A page type that has a handout mixes in PrintableMixin; what the handout shows of it is its `handout_template`,
which extends handout.html.
"""

import segno
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path


class PrintableMixin(RoutablePageMixin):
    has_short_link = True
    handout_template = "handout.html"

    @path("print/")
    def print_view(self, request):
        url = request.build_absolute_uri(self.get_url(request))
        context = self.get_context(request)
        context["page_url"] = url
        context["qr_code"] = qr_svg(url, _("QR code: %(url)s") % {"url": url})
        return TemplateResponse(request, self.handout_template, context)


def qr_svg(data, title):
    """An SVG QR code for data, drawn on the server (no script, no image request, sharp in print): one square per
    dark module, with a quiet zone of 4 modules.

    Not segno's own svg_inline(): it sizes the image in pixels instead of by a viewBox that scales with the page,
    leaves the background transparent (a phone needs the white quiet zone to scan it, also in the high-contrast
    reading mode), and gives the <svg> no role, so screen readers may not announce the title."""
    code = segno.make(data, error="m", micro=False)
    matrix = code.matrix
    size = len(matrix) + 8
    squares = "".join(f"M{x + 4} {y + 4}h1v1h-1z" for y, row in enumerate(matrix) for x, dark in enumerate(row) if dark)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" role="img" class="qr-code" '
        f'shape-rendering="crispEdges"><title>{title}</title><rect width="{size}" height="{size}" fill="#fff"/>'
        f'<path fill="#000" d="{squares}"/></svg>'
    )
