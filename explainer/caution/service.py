"""The caution layer's one entry point: check a text against the claim patterns in the database."""

from dataclasses import dataclass

from django.conf import settings

from explainer.core.versions import CacheVersion

from .matcher import ClaimFamily, Matcher
from .text import EN, LANGUAGES, ZH_HANS, ZH_HANT

PATTERNS_VERSION = CacheVersion("claim-patterns-version")
READER_LANGUAGES = [code for code, _name in settings.LANGUAGES]

_matchers = {}


@dataclass
class FamilyData:
    explanation: dict  # language → text
    study_keys: tuple


def current_matcher():
    """The matcher for the claim patterns as they are now, built once per change to them."""
    from .models import ClaimPattern

    version = PATTERNS_VERSION.current()
    if version not in _matchers:
        families = []
        for claim in ClaimPattern.objects.prefetch_related("studies"):
            explanation = {code: getattr(claim, f"explanation_{code.replace('-', '_')}", "") or claim.explanation
                           for code in READER_LANGUAGES}
            keys = tuple(study.slug for study in claim.studies.all())
            families.append(ClaimFamily(claim.slug, claim.category, claim.severity, claim.parsed_patterns(),
                                        FamilyData(explanation, keys)))
        _matchers.clear()
        _matchers[version] = Matcher(families)
    return _matchers[version]


def reader_language_for(text_language, requested=None):
    if requested in READER_LANGUAGES:
        return requested
    return ZH_HANS if text_language in (ZH_HANS, ZH_HANT) else EN


def evidence_url(key, language):
    return f"/{language}/evidence/{key}/"


def check_text(text, language=None, reader_language=None):
    """The caution layer's answer for a text, as the JSON object of the CLI and the API."""
    if language is not None and language not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}")
    language, flags = current_matcher().find(text, language)
    reader = reader_language_for(language, reader_language)
    return {
        "language": language,
        "flags": [
            {
                "category": flag.category,
                "start": flag.start,
                "end": flag.end,
                "text": flag.text,
                "severity": flag.severity,
                "explanation": flag.family.data.explanation[reader],
                "evidence": [{"key": key, "url": evidence_url(key, reader)} for key in flag.family.data.study_keys],
            }
            for flag in flags
        ],
    }
