"""The kinds of content file that `loadcontent` reads, in loading order."""


def content_kinds():
    from explainer.caution.content import ClaimFiles
    from explainer.evidence.content import StudyFiles
    from explainer.glossary.content import GlossaryFiles
    from explainer.pages.content import PageFiles

    return [PageFiles(), StudyFiles(), GlossaryFiles(), ClaimFiles()]
