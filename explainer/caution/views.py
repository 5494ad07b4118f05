"""The public claim checker: a form that works without JavaScript, and a fragment for the enhanced version."""

from dataclasses import dataclass, field

from django import forms
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from explainer.text.folding import EN, ZH_HANS, ZH_HANT
from explainer.text.matcher import SEVERITY_RANK as SEVERITY_ORDER

from .limits import MAX_TEXT_CHARACTERS, rate_limited
from .models import Category
from .service import check_text

LANGUAGE_TAGS = {EN: "en", ZH_HANS: "zh-Hans", ZH_HANT: "zh-Hant"}

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
    for flag in flags:
        if flag["start"] > position:
            parts.append(Segment(text[position : flag["start"]]))
        parts.append(Segment(text[flag["start"] : flag["end"]], flag["number"], flag))
        position = flag["end"]
    if position < len(text):
        parts.append(Segment(text[position:]))
    return parts


@dataclass
class ClaimKind:
    """The claims of one kind in a result: explained once, with the numbers of its marks and its studies."""

    category: str
    label: str
    severity: str
    explanation: str
    numbers: list
    study_keys: list
    studies: list = field(default_factory=list)
    shown_numbers: list = field(default_factory=list)
    more_numbers: int = 0


SHOWN_NUMBERS = 40  # marks listed by number under each kind of claim; the rest are counted


def result_context(text):
    """The checker's answer as a reader sees it: a summary, the text with its marks, each kind of claim explained
    once, and each study's fact card once, so that the page grows with the text and not with the flags."""
    from explainer.evidence.models import StudyPage

    result = check_text(text, reader_language=get_language())
    kinds, flags = {}, []
    for number, flag in enumerate(result["flags"], start=1):
        kind = kinds.setdefault(
            flag["category"],
            ClaimKind(
                flag["category"],
                Category(flag["category"]).label,
                flag["severity"],
                flag["explanation"],
                [],
                [],
            ),
        )
        kind.numbers.append(number)
        for study in flag["evidence"]:
            if study["key"] not in kind.study_keys:
                kind.study_keys.append(study["key"])
        flags.append({**flag, "number": number, "kind": flag["category"]})
    keys = list(dict.fromkeys(key for kind in kinds.values() for key in kind.study_keys))
    found = StudyPage.objects.live().filter(slug__in=keys).prefetch_related("arms", "outcomes")
    by_slug = {study.slug: study for study in found}
    for kind in kinds.values():
        kind.study_keys = [key for key in kind.study_keys if key in by_slug]
        kind.studies = [by_slug[key] for key in kind.study_keys]
        kind.shown_numbers = kind.numbers[:SHOWN_NUMBERS]
        kind.more_numbers = len(kind.numbers) - len(kind.shown_numbers)
    ranked = sorted(kinds.values(), key=lambda kind: (-SEVERITY_ORDER.get(kind.severity, 0), kind.numbers[0]))
    return {
        "result": result,
        "flags": flags,
        "claim_kinds": ranked,
        "harmful_count": sum(len(kind.numbers) for kind in ranked if kind.severity == "high"),
        "studies": [by_slug[key] for key in keys if key in by_slug],
        "segments": segments(text, flags),
        "text_language": LANGUAGE_TAGS.get(result["language"], "en"),
        "checked_text": text,
    }


def readable_count(number):
    """A count as a reader writes it: 100,000 in English, 10 万 in Chinese (which counts in ten thousands)."""
    if get_language().startswith("zh") and number >= 10_000:
        return f"{number / 10_000:g} 万"
    return f"{number:,}"


def serve_checker(page, request, *args, **kwargs):
    context = page.get_context(request, *args, **kwargs)
    status = 200
    if request.method == "POST":
        form = CheckForm(request.POST)
        wait = rate_limited(request)
        if wait:
            form.add_error(
                None,
                _("You have checked a lot of text in a short time. Please wait %(seconds)s seconds and try again.")
                % {"seconds": wait},
            )
            status = 429
        elif form.is_valid():
            context.update(result_context(form.cleaned_data["text"]))
    else:
        form = CheckForm()
    context["form"] = form
    context["max_characters"] = MAX_TEXT_CHARACTERS
    context["max_characters_readable"] = readable_count(MAX_TEXT_CHARACTERS)
    context["fragment"] = bool(request.META.get(FRAGMENT_HEADER))
    template = "caution/includes/check_results.html" if context["fragment"] else page.get_template(request)
    response = TemplateResponse(request, template, context, status=status)
    add_never_cache_headers(response)  # the response contains the pasted text: never cache it anywhere
    return response
