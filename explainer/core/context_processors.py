from .languages import language_links


def languages(request):
    return {"language_links": language_links(request)}
