"""The public claim checker: a form that works without JavaScript, and a fragment for the enhanced version."""

from dataclasses import dataclass

from django import forms
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .limits import MAX_TEXT_CHARACTERS, rate_limited
from .models import Category
from .service import check_text
from .text import HAN

FRAGMENT_HEADER = "HTTP_X_CLAIM_CHECK"


class CheckForm(forms.Form):
    text = forms.CharField(
        label=_("Paste the text you want to check"),
        strip=False,
        widget=forms.Textarea(attrs={"rows": 10, "spellcheck": "false"}),
        error_messages={"required": _("Paste some text to check.")},
    )

    def clean_text(self):
        text = self.cleaned_data["text"]
        if not text.strip():
            raise forms.ValidationError(_("Paste some text to check."))
        if len(text) > MAX_TEXT_CHARACTERS:
            raise forms.ValidationError(
                _("This text has %(length)s characters. The limit is %(limit)s: please check a shorter part.")
                % {"length": f"{len(text):,}", "limit": f"{MAX_TEXT_CHARACTERS:,}"}
            )
        return text


@dataclass
class Segment:
    text: str
    number: int | None = None
    flag: dict | None = None


def segments(text, flags):
    """The text cut into plain stretches and flagged claims, in order."""
    parts, position = [], 0
    for number, flag in enumerate(flags, start=1):
        if flag["start"] > position:
            parts.append(Segment(text[position : flag["start"]]))
        parts.append(Segment(text[flag["start"] : flag["end"]], number, flag))
        position = flag["end"]
    if position < len(text):
        parts.append(Segment(text[position:]))
    return parts


def result_context(text):
    from explainer.evidence.models import StudyPage

    result = check_text(text, reader_language=get_language())
    keys = {study["key"] for flag in result["flags"] for study in flag["evidence"]}
    studies = {
        study.slug: study
        for study in StudyPage.objects.live().filter(slug__in=keys).prefetch_related("arms", "outcomes")
    }
    flags = []
    for number, flag in enumerate(result["flags"], start=1):
        flags.append({
            **flag,
            "number": number,
            "label": Category(flag["category"]).label,
            "lang": "zh-Hans" if HAN.search(flag["text"]) else "en",
            "studies": [studies[e["key"]] for e in flag["evidence"] if e["key"] in studies],
        })
    return {"result": result, "flags": flags, "segments": segments(text, result["flags"]), "checked_text": text}


def serve_checker(page, request, *args, **kwargs):
    context = page.get_context(request, *args, **kwargs)
    status = 200
    if request.method == "POST":
        form = CheckForm(request.POST)
        wait = rate_limited(request)
        if wait:
            form.add_error(None, _("You have checked a lot of text in a short time. Please wait %(seconds)s seconds "
                                   "and try again.") % {"seconds": wait})
            status = 429
        elif form.is_valid():
            context.update(result_context(form.cleaned_data["text"]))
    else:
        form = CheckForm()
    context["form"] = form
    context["max_characters"] = MAX_TEXT_CHARACTERS
    context["fragment"] = bool(request.META.get(FRAGMENT_HEADER))
    template = "caution/includes/check_results.html" if context["fragment"] else page.get_template(request)
    response = TemplateResponse(request, template, context, status=status)
    add_never_cache_headers(response)  # the response contains the pasted text: never cache it anywhere
    return response
