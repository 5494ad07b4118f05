from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from explainer.text.readability import (
    CHINESE_AVERAGE_SENTENCE_TARGET,
    CHINESE_LONG_SENTENCE_LIMIT,
    ENGLISH_GRADE_TARGET,
)

from .plain_language import plain_language_report


class PlainLanguagePanel(Panel):
    """Shows the editor how plain the page's saved text is, in each language, against the site's targets."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Plain language check"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "quality/plain_language_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["report"] = plain_language_report(self.instance) if self.instance and self.instance.pk else {}
            context["targets"] = {
                "grade": ENGLISH_GRADE_TARGET,
                "average": CHINESE_AVERAGE_SENTENCE_TARGET,
                "long": CHINESE_LONG_SENTENCE_LIMIT,
            }
            return context
