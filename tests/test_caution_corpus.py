"""The real-world corpus, its splits and the trained sentence model (issue: claims in real adverts)."""

from collections import Counter

import pytest

from explainer.caution.classifier import SentenceModel
from explainer.caution.evaluation.corpus import Corpus, CorpusError, load_corpus, load_tidy_set
from explainer.caution.training import fingerprint


@pytest.fixture(scope="module")
def corpus():
    return Corpus.load()


def test_the_corpus_is_large_and_mixed_like_real_pasted_text(corpus):
    assert len(corpus.sentences) >= 2000
    long_documents = [document for document in corpus.documents if len(document.text) >= 800]
    assert len(long_documents) >= 40
    share = Counter(item.language for item in corpus.sentences)
    total = sum(share.values())
    assert 0.40 <= share["en"] / total <= 0.55
    assert 0.30 <= share["zh-hans"] / total <= 0.45
    assert 0.12 <= share["zh-hant"] / total <= 0.20
    promotional = sum(item.promotional for item in corpus.sentences) / total
    assert 0.40 <= promotional <= 0.60
    assert {item.source_kind for item in corpus.sentences} == {
        "clinic",
        "medical-tourism",
        "company-article",
        "hk-tw-clinic",
        "news",
        "regulator",
        "abstract",
        "patient-info",
        "forum",
    }


def test_every_document_claim_is_an_exact_span(corpus):
    for document in corpus.documents:
        for claim in document.claims:
            assert 0 <= claim.start < claim.end <= len(document.text)


def test_no_source_straddles_two_splits(corpus):
    splits = {}
    for item in [*corpus.sentences, *corpus.documents]:
        splits.setdefault(item.group, set()).add(corpus.split_of(item))
    assert all(len(found) == 1 for found in splits.values())
    groups = {split: {g for g, s in corpus.splits.items() if s == split} for split in ("train", "dev", "test")}
    assert not groups["train"] & groups["test"] and not groups["dev"] & groups["test"]


def test_every_split_has_every_language_and_both_labels(corpus):
    for split in ("train", "dev", "test"):
        seen = Counter((example.language, example.promotional) for example in corpus.examples(split))
        for language in ("en", "zh-hans", "zh-hant"):
            assert seen[language, True] >= 30 and seen[language, False] >= 30, (split, language, seen)


def test_the_split_of_a_source_does_not_move_when_new_sources_are_added(corpus, tmp_path):
    first = tmp_path / "a.yaml"
    first.write_text(
        "- {id: x-1, group: g-a, language: en, source_kind: news, text: One., promotional: false, categories: []}\n"
        "- {id: x-2, group: g-b, language: en, source_kind: news, text: Two., promotional: false, categories: []}\n",
        encoding="utf-8",
    )
    before = Corpus.load(tmp_path).splits
    (tmp_path / "b.yaml").write_text(
        "".join(
            f"- {{id: y-{n}, group: g-{n}, language: en, source_kind: news, text: New., promotional: false, categories: []}}\n"
            for n in range(40)
        ),
        encoding="utf-8",
    )
    after = Corpus.load(tmp_path).splits
    assert {group: after[group] for group in before} == before


def test_a_malformed_corpus_item_names_its_file_and_id(tmp_path):
    (tmp_path / "bad.yaml").write_text(
        "- id: doc-1\n  group: g\n  language: en\n  source_kind: clinic\n  text: Our cells reverse cirrhosis.\n"
        "  claims:\n    - {quote: cure cirrhosis, category: cure}\n",
        encoding="utf-8",
    )
    with pytest.raises(CorpusError, match=r"bad.yaml: doc-1: the quote 'cure cirrhosis' is not in the text"):
        load_corpus(tmp_path)


def test_the_committed_model_was_trained_on_the_corpus_and_patterns_as_they_are(corpus):
    """Change the corpus or the claim patterns and this fails until `manage.py trainclaims` is run again."""
    model = SentenceModel.load()
    assert model.meta["fingerprint"] == fingerprint(corpus)
    fitted = len(corpus.examples("train")) + len(corpus.examples("dev")) + len(load_tidy_set())
    assert model.meta["trained_on"] == fitted


def test_training_never_reads_the_test_split(corpus):
    from explainer.caution.training import fold_of

    folds = fold_of(corpus)
    assert folds and all(corpus.splits[group] != "test" for group in folds)
    assert {corpus.splits[group] for group in folds} == {"train", "dev"}


def test_the_model_file_is_small():
    from explainer.caution.classifier import MODEL_PATH

    assert MODEL_PATH.stat().st_size < 2_000_000
