"""How files in content/glossary/ become glossary terms."""

from dataclasses import dataclass, field

from explainer.content.loader import ContentKind, SnippetItem, localized
from explainer.content.readers import read_slug

from .models import GlossaryTerm


@dataclass
class GlossaryFile(SnippetItem):
    model = GlossaryTerm
    term: dict = field(default_factory=dict)
    also: dict = field(default_factory=dict)
    definition: dict = field(default_factory=dict)

    def object_fields(self):
        return {
            **localized("term", self.term),
            **localized("also", {language: "\n".join(forms) for language, forms in self.also.items()}),
            **localized("definition", self.definition),
        }


class GlossaryFiles(ContentKind):
    directory = "glossary"
    load_after = ("pages",)

    def parse(self, path, fields):
        slug = read_slug(fields)
        also = fields.translated_lists("also")
        item = GlossaryFile(
            path=path,
            checksum="",
            slug=slug,
            term=fields.translated("term"),
            also=also,
            definition=fields.translated("definition"),
        )
        fields.check_no_unknown()
        return item
