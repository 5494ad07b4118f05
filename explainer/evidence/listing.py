"""The evidence library's list, a page at a time, beside its map: which page was asked for, and links that keep
the filters."""

from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.utils.http import urlencode

from explainer.core.page_cache import page_number, per_version

from .map import evidence_map, people_expression

# About twenty studies a page, as health libraries list them: the page costs the same however many studies there are.
STUDIES_PER_PAGE = 20


def list_url(path, query, number):
    """The address of one page of the list, with the filters: the first page has no ?page=, as the page cache keeps it."""
    parameters = query + ([("page", number)] if number > 1 else [])
    return path + (f"?{urlencode(parameters)}" if parameters else "")


class Pager:
    """Previous, next and the page numbers (with … where numbers are left out), as links that keep the filters."""

    def __init__(self, page, path, query):
        self.page = page
        self.path = path
        self.query = query

    def url(self, number):
        return list_url(self.path, self.query, number)

    @property
    def is_needed(self):
        return self.page.paginator.num_pages > 1

    @property
    def previous_url(self):
        return self.url(self.page.previous_page_number()) if self.page.has_previous() else None

    @property
    def next_url(self):
        return self.url(self.page.next_page_number()) if self.page.has_next() else None

    @property
    def numbers(self):
        """(number, its link, whether it is this page); (None, None, False) where numbers are left out."""
        paginator = self.page.paginator
        items = []
        for number in paginator.get_elided_page_range(self.page.number, on_each_side=2, on_ends=1):
            if number == paginator.ELLIPSIS:
                items.append((None, None, False))
            else:
                items.append((number, self.url(number), number == self.page.number))
        return items


def drawn_map(study_filter, path):
    """The evidence map of the studies the filter chose, with a link to list all of a label where not all are drawn,
    and its HTML ("html").

    The whole library's map (no filter: the index and each page of its list, what most readers see) is drawn once
    per version of the page cache and address (so per language); a filtered one each time it is asked for.
    """

    def draw():
        drawn = evidence_map(study_filter.results)
        for group in drawn["groups"]:
            if group.not_shown:  # "List them all": this label, with the other filters kept
                query = [(name, value) for name, value in study_filter.query if name != "label"]
                group.list_url = list_url(path, [*query, ("label", group.label.slug)], 1)
        drawn["html"] = (
            render_to_string("evidence/includes/evidence_map.html", {"map": drawn}) if drawn["groups"] else ""
        )
        return drawn

    return draw() if study_filter.is_active else per_version("evidence map", path, draw)


def study_list(study_filter, path, page_value):
    """The index's context for the studies the filter chose: the map, the count and one page of the list."""
    studies = study_filter.results
    context = {"evidence_map": drawn_map(study_filter, path)}
    paginator = Paginator(studies.annotate(people=people_expression()), STUDIES_PER_PAGE)
    paginator.count = context["evidence_map"]["studies"]  # counted with the map: no query of its own
    context["study_count"] = paginator.count
    number = page_number(page_value)
    if number > paginator.num_pages:
        # A page past the end (the list got shorter, or the address was typed): say so, with a way back.
        last = paginator.num_pages
        context["missing_page"] = {"number": number, "last": last, "last_url": list_url(path, study_filter.query, last)}
        context["pager"] = None
        context["studies"] = []
        return context
    page = paginator.page(number)
    context["studies"] = page.object_list
    context["pager"] = Pager(page, path, study_filter.query)
    if number > 1 and not study_filter.is_active:
        context["canonical_path"] = context["pager"].url(number)  # each page of the list is its own page
    return context
