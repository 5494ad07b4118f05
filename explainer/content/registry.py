"""The kinds of content file that `loadcontent` reads, in loading order."""


def content_kinds():
    from explainer.pages.content import PageFiles

    return [PageFiles()]
