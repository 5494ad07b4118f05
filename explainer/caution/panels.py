from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel


class ClaimCheckPanel(Panel):
    """Shows the editor the promotional claims the caution layer finds in the page's saved text."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Claim check"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "caution/claim_check_panel.html"

        def get_context_data(self, parent_context=None):
            from .pages import unmarked_claims

            context = super().get_context_data(parent_context)
            claims = unmarked_claims(self.instance) if self.instance and self.instance.pk else None
            context["claims"] = claims
            context["blocking"] = [claim for claim in claims or [] if claim.blocking]
            context["advisory"] = [claim for claim in claims or [] if not claim.blocking]
            return context
