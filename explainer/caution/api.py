"""POST /api/claims/check/: {"text": "...", "language": optional} → the caution layer's JSON answer.

Pasted text is private: it is never stored or logged, and responses are not cached.
"""

import json

from django.http import JsonResponse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.csrf import csrf_exempt

from explainer.core.languages import LANGUAGE_CODES
from explainer.text.folding import LANGUAGES

from .limits import MAX_BODY_BYTES, MAX_TEXT_CHARACTERS, rate_limited
from .service import check_text


def error(status, message, **extra):
    response = JsonResponse({"error": message, **extra}, status=status)
    add_never_cache_headers(response)
    return response


def is_unicode(text):
    """False for text with lone surrogates: JSON allows "\\ud800", but no UTF-8 answer can contain it."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def too_large():
    return error(
        413, f"The text is too long: the limit is {MAX_TEXT_CHARACTERS:,} characters.", limit=MAX_TEXT_CHARACTERS
    )


@csrf_exempt
def check_claims(request):
    if request.method != "POST":
        response = error(405, 'Send the text with POST, as JSON: {"text": "..."}.')
        response["Allow"] = "POST"
        return response
    wait = rate_limited(request)
    if wait:
        response = error(429, f"Too many checks from your address. Try again in {wait} seconds.", retry_after=wait)
        response["Retry-After"] = str(wait)
        return response
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return error(400, "The Content-Length header is not a number.")
    if length > MAX_BODY_BYTES:
        return too_large()
    try:
        data = json.loads(request.body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return error(400, 'The body is not valid JSON. Send {"text": "..."} encoded as UTF-8.')
    except RecursionError:
        return error(400, 'The JSON is nested too deeply. Send {"text": "..."}.')
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        return error(400, 'Send a JSON object with a "text" string: {"text": "..."}.')
    if not is_unicode(data["text"]):
        return error(400, "The text contains a lone surrogate (\\ud800–\\udfff), which is not a character.")
    language, reader = data.get("language"), data.get("reader_language")
    if language is not None and language not in LANGUAGES:
        return error(400, f'"language" must be one of {", ".join(LANGUAGES)}, or left out to detect it.')
    if reader is not None and reader not in LANGUAGE_CODES:
        return error(400, f'"reader_language" must be one of {", ".join(LANGUAGE_CODES)}.')
    if len(data["text"]) > MAX_TEXT_CHARACTERS:
        return too_large()
    response = JsonResponse(check_text(data["text"], language, reader), json_dumps_params={"ensure_ascii": False})
    add_never_cache_headers(response)
    return response
