"""The editor's live preview is an iframe in the admin: its response may be framed by this site, nothing else."""

from csp.constants import SELF


class PreviewFrameMiddleware:
    """Preview responses may be framed by the admin on the same origin. Every other response keeps the site's
    X-Frame-Options DENY and CSP frame-ancestors 'none'.

    Wagtail runs a preview through the whole middleware chain as a simulated request to the page's own address
    (so the public site's CSP applies to it), and marks that request `is_dummy` and `is_preview`. This middleware
    sits after XFrameOptionsMiddleware, so it sees the response before the CSP and X-Frame-Options middleware do.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "is_dummy", False) and getattr(request, "is_preview", False):
            response["X-Frame-Options"] = "SAMEORIGIN"
            response._csp_replace = {**getattr(response, "_csp_replace", {}), "frame-ancestors": [SELF]}
        return response
