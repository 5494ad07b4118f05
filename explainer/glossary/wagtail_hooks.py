from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import GlossaryTerm


class GlossaryTermViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "openquote"
    menu_label = "Glossary"
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["term", "slug"]
    search_fields = ["term", "also", "definition"]


register_snippet(GlossaryTermViewSet)
