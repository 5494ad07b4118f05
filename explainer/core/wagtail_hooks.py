from django.utils.html import escape
from django.utils.translation import get_language
from wagtail import hooks
from wagtail.rich_text.pages import PageLinkHandler

from .page_cache import per_version


class CachedPageLinkHandler(PageLinkHandler):
    """Page links in rich text: each page's address is looked up once per publish, not on every render."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        addresses = per_version("page-link", get_language(), dict)
        missing = [attrs for attrs in attrs_list if str(attrs.get("id")) not in addresses]
        for attrs, page in zip(missing, cls.get_many(missing) if missing else []):
            addresses[str(attrs.get("id"))] = escape(page.localized.url) if page else None
        return [
            f'<a href="{addresses[str(attrs.get("id"))]}">' if addresses[str(attrs.get("id"))] else "<a>"
            for attrs in attrs_list
        ]


@hooks.register("register_rich_text_features", order=1)  # after Wagtail's own page links, to replace them
def cached_page_links(features):
    features.register_link_type(CachedPageLinkHandler)
