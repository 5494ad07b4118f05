"""How files in content/claims/ become claim patterns."""

from dataclasses import dataclass, field

from modeltranslation.utils import build_localized_fieldname

from explainer.content.loader import ContentKind, SnippetItem, localized
from explainer.content.readers import read_slug
from explainer.content.schema import LANGUAGES, ContentError, Fields
from explainer.text.patterns import PatternError, parse_pattern
from explainer.topics.content import PageType

from .models import Category, ClaimPattern, Rating, Severity

PATTERN_LANGUAGES = {"en": "patterns_en", "zh-hans": "patterns_zh"}


@dataclass
class ClaimFile(SnippetItem):
    model = ClaimPattern
    category: str = ""
    severity: str = ""
    patterns: dict = field(default_factory=dict)
    explanation: dict = field(default_factory=dict)
    studies: list = field(default_factory=list)

    def object_fields(self):
        from explainer.evidence.models import StudyPage

        return {
            "category": self.category,
            "severity": self.severity,
            **{PATTERN_LANGUAGES[language]: "\n".join(lines) for language, lines in self.patterns.items()},
            **localized("explanation", self.explanation),
            "studies": list(StudyPage.objects.filter(slug__in=self.studies)),
        }


class ClaimFiles(ContentKind):
    directory = "claims"
    load_after = ("studies",)

    def parse(self, path, fields):
        patterns = {}
        given = fields.get("patterns", dict)
        for language, lines in given.items():
            if language not in PATTERN_LANGUAGES:
                raise fields.error("patterns", f"has an unknown language {language!r}; use en and zh-hans")
            if not isinstance(lines, list):
                raise ContentError(path, f"patterns.{language}", "must be a list of patterns")
            for index, line in enumerate(lines):
                try:
                    parse_pattern(str(line))
                except PatternError as error:
                    raise ContentError(
                        path, f"patterns.{language}[{index}]", f"is not a valid pattern: {error}"
                    ) from error
            patterns[language] = [str(line) for line in lines]
        studies = fields.get("studies", list, required=False, default=[])
        item = ClaimFile(
            path=path,
            checksum="",
            slug=read_slug(fields),
            category=fields.choice("category", Category.values),
            severity=fields.choice("severity", Severity.values),
            patterns=patterns,
            explanation=fields.translated("explanation"),
            studies=studies,
        )
        item.references = set(studies)
        fields.check_no_unknown()
        return item


def read_worked_example(fields, item):
    """A worked example's source and the claims it reviews, each with the study that answers it."""
    source = fields.nested("source")
    language = source.choice("language", ["en", "zh-hans"])
    names = (
        source.translated("name")
        if isinstance(source.get("name", (str, dict)), dict)
        else {code: source.get("name", str) for code in LANGUAGES}
    )
    item.extra = {
        "source_name": names["en"],
        **localized("source_name", names),
        "source_date": str(source.get("date", (str, int), required=False, default="")),
        "source_seed": source.get("seed", str, required=False, default=""),
        "source_language": language,
    }
    source.check_no_unknown()
    claims = {language: [] for language in LANGUAGES}
    for index, entry in enumerate(fields.get("claims", list)):
        claim = Fields(fields.path, entry, f"claims[{index}]")
        quote = claim.get("quote", str)
        category = claim.choice("category", Category.values)
        rating = claim.choice("rating", Rating.values)
        study = claim.get("study", str, required=False, default="")
        finding = claim.translated("finding")
        # The claim in the reader's language, for every language the article is not written in.
        translation = claim.translated(
            "translation", required_languages=[code for code in LANGUAGES if code != language]
        )
        claim.check_no_unknown()
        if study:
            item.links.add(study)
        for code in LANGUAGES:
            claims[code].append(
                {
                    "quote": quote,
                    "translation": translation.get(code, "") if code != language else "",
                    "category": category,
                    "rating": rating,
                    "study": study,
                    "finding": finding[code],
                }
            )
    item.claims = claims


def worked_example_fields(item, page_id_for_slug):
    return {
        build_localized_fieldname("claims", language): [
            {"type": "claim", "value": {**claim, "study": page_id_for_slug(claim["study"]) if claim["study"] else None}}
            for claim in item.claims.get(language, [])
        ]
        for language in LANGUAGES
    }


PAGE_TYPES = {
    "checker": PageType("caution.CheckerPage"),
    "worked-example": PageType("caution.WorkedExamplePage", read_worked_example, worked_example_fields),
}
