"""The kinds of content file that `loadcontent` reads. Each app registers its own when it is ready."""

from graphlib import TopologicalSorter

KINDS = {}


def register_content_kind(kind):
    """kind: a ContentKind subclass."""
    KINDS[kind.directory] = kind


def content_kinds():
    """One of each registered kind, in loading order: a kind after those it names in load_after."""
    order = TopologicalSorter({directory: KINDS[directory].load_after for directory in sorted(KINDS)})
    return [KINDS[directory]() for directory in order.static_order()]
