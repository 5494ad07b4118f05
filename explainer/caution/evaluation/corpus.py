"""The real-world corpus: labelled sentences and whole documents modelled on public text (see corpus/README.md).

Items are split into train, dev and test by the source they model (`group`), never item by item, so that
paraphrases of one source never straddle two splits. A group's split follows from a hash of its name alone: adding
items or whole new sources never moves a source from one split to another, and nothing is tuned on the test split.
"""

import hashlib
from dataclasses import dataclass
from pathlib import Path

import yaml

from explainer.text.folding import LANGUAGES
from explainer.text.sentences import sentence_spans

CORPUS = Path(__file__).with_name("corpus")
TIDY_SET = Path(__file__).with_name("labelled.yaml")
CATEGORIES = ("cure", "reversal", "no-risk", "proven", "replaces-care", "approved", "hype", "urgency")
SOURCE_KINDS = (
    "clinic",
    "medical-tourism",
    "company-article",
    "hk-tw-clinic",
    "news",
    "regulator",
    "abstract",
    "patient-info",
    "forum",
)
SPLITS = ("train", "dev", "test")
# A group's split: three in five to train, one to dev, one to test.
TURNS = ("train", "dev", "train", "test", "train")


class CorpusError(ValueError):
    pass


@dataclass(frozen=True)
class Claim:
    start: int
    end: int
    category: str


@dataclass(frozen=True)
class Example:
    """One sentence to judge: promotional or not, with the categories of the claims in it."""

    id: str
    group: str
    language: str
    source_kind: str
    text: str
    promotional: bool
    categories: tuple
    document: str = ""  # the document it was cut from, if any
    offset: int = 0  # where it starts in that document


@dataclass(frozen=True)
class Document:
    id: str
    group: str
    language: str
    source_kind: str
    text: str
    claims: tuple  # of Claim

    def examples(self):
        """Its sentences, each promotional when a marked claim lies in it."""
        for index, (start, end) in enumerate(sentence_spans(self.text), start=1):
            categories = sorted({c.category for c in self.claims if c.start < end and c.end > start})
            yield Example(
                f"{self.id}#{index}",
                self.group,
                self.language,
                self.source_kind,
                self.text[start:end],
                bool(categories),
                tuple(categories),
                self.id,
                start,
            )


def _check(condition, path, item, message):
    if not condition:
        raise CorpusError(f"{path.name}: {item.get('id', '?')}: {message}")


def _read(path):
    items = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    _check(isinstance(items, list), path, {}, "the file must hold a list of items")
    return items


def _claims(path, item):
    claims = []
    text = item["text"]
    for entry in item.get("claims") or []:
        quote, category = entry.get("quote", ""), entry.get("category")
        _check(category in CATEGORIES, path, item, f"unknown category {category!r}")
        occurrence, position = int(entry.get("occurrence", 1)), -1
        for _ in range(occurrence):
            position = text.find(quote, position + 1)
        _check(quote and position >= 0, path, item, f"the quote {quote!r} is not in the text")
        claims.append(Claim(position, position + len(quote), category))
    return tuple(claims)


def _common(path, item):
    for key in ("id", "group", "language", "source_kind", "text"):
        _check(isinstance(item.get(key), str) and item[key], path, item, f"needs {key}")
    _check(item["language"] in LANGUAGES, path, item, f"unknown language {item['language']!r}")
    _check(item["source_kind"] in SOURCE_KINDS, path, item, f"unknown source_kind {item['source_kind']!r}")
    return item["id"], item["group"], item["language"], item["source_kind"], item["text"]


def load_corpus(directory=CORPUS):
    """(sentences, documents) from every YAML file in the corpus folder, checked."""
    sentences, documents, seen = [], [], set()
    for path in sorted(Path(directory).glob("*.yaml")):
        for item in _read(path):
            fields = _common(path, item)
            _check(fields[0] not in seen, path, item, "the id is used twice")
            seen.add(fields[0])
            if "claims" in item:
                documents.append(Document(*fields, _claims(path, item)))
                continue
            categories = tuple(item.get("categories") or ())
            _check(set(categories) <= set(CATEGORIES), path, item, f"unknown category in {categories}")
            _check(
                bool(categories) == bool(item.get("promotional")),
                path,
                item,
                "a promotional item needs categories, and an accurate one none",
            )
            sentences.append(Example(*fields, bool(item["promotional"]), categories))
    return sentences, documents


def load_tidy_set(path=TIDY_SET):
    """The project's first labelled set: tidy sentences written for the matcher. Training data only."""
    return [
        Example(
            f"tidy-{index}",
            f"tidy-{index // 10}",
            item["language"],
            "tidy",
            item["text"],
            item["promotional"],
            tuple(item.get("categories") or ()),
        )
        for index, item in enumerate(yaml.safe_load(Path(path).read_text(encoding="utf-8")))
    ]


def group_hash(name):
    return hashlib.sha256(name.encode("utf-8")).hexdigest()


def group_splits(sentences, documents):
    """{group: split}, from the hash of the group's name alone, so that no new source ever moves an old one."""
    return {item.group: TURNS[int(group_hash(item.group), 16) % len(TURNS)] for item in [*sentences, *documents]}


@dataclass
class Corpus:
    sentences: list
    documents: list
    splits: dict

    @classmethod
    def load(cls, directory=CORPUS):
        sentences, documents = load_corpus(directory)
        return cls(sentences, documents, group_splits(sentences, documents))

    def split_of(self, item):
        return self.splits[item.group]

    def examples(self, split, documents=True):
        """The sentences of one split: the labelled sentences, then the sentences of its documents."""
        examples = [item for item in self.sentences if self.split_of(item) == split]
        if documents:
            for document in self.documents:
                if self.split_of(document) == split:
                    examples.extend(document.examples())
        return examples

    def documents_in(self, split):
        return [document for document in self.documents if self.split_of(document) == split]

    def fingerprint(self):
        """A hash of every corpus file and of the tidy set: what a trained model was trained on."""
        digest = hashlib.sha256()
        for path in [*sorted(CORPUS.glob("*.yaml")), TIDY_SET]:
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
        return digest.hexdigest()
