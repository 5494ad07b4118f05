"""How files in content/claims/ become claim patterns."""

from dataclasses import dataclass, field

from explainer.content.loader import ContentKind, SnippetItem, localized
from explainer.content.schema import ContentError
from explainer.pages.content import read_slug

from .models import Category, ClaimPattern, Severity
from .patterns import PatternError, parse_pattern

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
                    raise ContentError(path, f"patterns.{language}[{index}]", f"is not a valid pattern: {error}") from error
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
