from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import GlossaryTerm


class GlossaryTermViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "openquote"
    menu_label = _("Glossary")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["term", "slug"]
    search_fields = ["term", "also", "definition"]

    def get_edit_handler(self):
        """The model's panels, both languages (the form is the model's base_form_class: explainer.quality)."""
        return ObjectList(self.model.panels).bind_to_model(self.model)


register_snippet(GlossaryTermViewSet)
