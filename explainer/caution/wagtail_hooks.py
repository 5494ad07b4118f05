from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import ClaimPattern


class ClaimPatternViewSet(SnippetViewSet):
    model = ClaimPattern
    icon = "warning"
    menu_label = "Claim patterns"
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["slug", "category", "severity"]
    list_filter = ["category", "severity"]
    search_fields = ["slug", "patterns_en", "patterns_zh"]


register_snippet(ClaimPatternViewSet)
