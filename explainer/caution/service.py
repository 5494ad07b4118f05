"""The caution layer's one entry point. The API, `checkclaims`, the checker page, the worked examples and the editors'
claim check all call `check_text` (or `current_detector().find`), so a sentence gets the same answer everywhere."""

from dataclasses import dataclass

from django.db.models import Prefetch
from modeltranslation.utils import build_localized_fieldname

from explainer.core.languages import LANGUAGE_CODES
from explainer.core.versions import CacheVersion
from explainer.text.folding import EN, LANGUAGES, ZH_HANS, ZH_HANT
from explainer.text.matcher import ClaimFamily, Matcher

from .classifier import trained_model
from .detector import Detector

PATTERNS_VERSION = CacheVersion("claim-patterns-version")


@dataclass
class FamilyData:
    explanation: dict  # language → text
    study_keys: tuple  # slugs of the live studies behind the explanation


def claim_patterns():
    """The claim patterns as a clinical reviewer last approved them, with their live studies."""
    from explainer.evidence.models import StudyPage

    from .models import ClaimPattern

    return ClaimPattern.objects.filter(live=True).prefetch_related(
        Prefetch("studies", queryset=StudyPage.objects.live().order_by("pk"))
    )


def current_detector():
    """The detector for the claim patterns as they are now, built once per change to them."""
    return PATTERNS_VERSION.memoize("detector", build_detector)


def build_detector():
    families = []
    for claim in claim_patterns():
        explanation = {
            code: getattr(claim, build_localized_fieldname("explanation", code), "") or claim.explanation
            for code in LANGUAGE_CODES
        }
        keys = tuple(study.slug for study in claim.studies.all())
        families.append(
            ClaimFamily(
                claim.slug, claim.category, claim.severity, claim.parsed_patterns(), FamilyData(explanation, keys)
            )
        )
    return Detector(Matcher(families), trained_model())


def reader_language_for(text_language, requested=None):
    if requested in LANGUAGE_CODES:
        return requested
    return ZH_HANS if text_language in (ZH_HANS, ZH_HANT) else EN


def evidence_url(key, language):
    return f"/{language}/evidence/{key}/"


def check_text(text, language=None, reader_language=None):
    """The caution layer's answer for a text, as the JSON object of the CLI and the API."""
    if language is not None and language not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}")
    language, flags = current_detector().find(text, language)
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
