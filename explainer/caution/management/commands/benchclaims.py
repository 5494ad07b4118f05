import random
import time

from django.core.management.base import BaseCommand
from django.test import Client
from wagtail.models import Page

from explainer.caution.evaluation import evaluate, judge_split, load_items, median_seconds, tally
from explainer.caution.evaluation.corpus import Corpus
from explainer.caution.management.detector import loaded_detector
from explainer.caution.pages import page_texts
from explainer.caution.service import check_text
from explainer.text.matcher import ClaimFamily, Matcher
from explainer.text.patterns import parse_pattern


def document_text(documents, length):
    """Whole documents of the corpus (adverts, news, notices as pasted), one after another, cut to the length."""
    text = ""
    while len(text) < length:
        text += "\n\n".join(document.text for document in documents) + "\n\n"
    return text[:length]


def synthetic_families(count, rng):
    """Claim families whose words do not occur in real text: they make the automaton bigger, nothing else."""
    families = []
    for index in range(count):
        english = "".join(rng.choice("bcdfghjkmnpqvwxz") for _ in range(9))
        chinese = "".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(4))
        patterns = (parse_pattern(f"{english} ... {english}x"), parse_pattern(chinese))
        families.append(ClaimFamily(f"synthetic-{index}", "hype", "low", patterns))
    return families


def sentences_the_model_alone_marks(detector):
    """(sentences, of them marked by a flag of the sentence model's own) on every live page of ours."""
    sentences = marked = 0
    for page in Page.objects.live().specific():
        for _language, _field, text in page_texts(page):
            if text:
                flags, judgements = detector.decide(detector.read(text))
                own = [flag for flag in flags if flag.basis == "sentence"]
                sentences += len(judgements)
                marked += sum(any(f.start < j.end and f.end > j.start for f in own) for j in judgements)
    return sentences, marked


class Command(BaseCommand):
    help = (
        "Benchmark the caution layer: time for a 2,000-character Chinese article and a 20,000-character text, growth "
        "with length and with the number of patterns, the checker page's size and time, and precision and recall "
        "on the corpus's test split."
    )

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=9)

    def handle(self, *args, repeat, **options):
        corpus = Corpus.load()
        detector = loaded_detector()
        matcher = detector.matcher
        pattern_count = sum(len(family.patterns) for family in matcher.families)
        self.stdout.write(
            f"Caution layer: {len(matcher.families)} claim families, {pattern_count} patterns; sentence model with "
            f"{len(detector.model.index):,} features{', and embeddings for uncertain sentences' if detector.model.uses_embeddings else ''}."
        )
        chinese = [document for document in corpus.documents if document.language == "zh-hans"]
        article = document_text(chinese, 2_000)
        seconds = median_seconds(lambda: check_text(article), repeat)
        self.stdout.write(f"  A 2,000-character Chinese article: {seconds * 1000:.0f} ms median (target ≤ 300 ms)")
        text = document_text(corpus.documents, 20_000)
        seconds = median_seconds(lambda: check_text(text), max(3, repeat // 3))
        flags = len(check_text(text)["flags"])
        self.stdout.write(f"  A 20,000-character text: {seconds * 1000:.0f} ms median, {flags} claims (target ≤ 2 s)")

        self.stdout.write("  Growth with text length (whole documents of the corpus):")
        for length in (5_000, 10_000, 20_000, 40_000, 80_000):
            sample = document_text(corpus.documents, length)
            seconds = median_seconds(lambda: check_text(sample), 3)
            self.stdout.write(
                f"    {length:>6,} characters: {seconds * 1000:7.0f} ms  ({seconds / length * 1e6:.1f} µs per character)"
            )

        self.stdout.write("  The phrase matcher alone, with more patterns (20,000 characters):")
        rng = random.Random(1)
        for extra in (0, 1_200, 4_800):
            bigger = Matcher(list(matcher.families) + synthetic_families(extra, rng))
            patterns = sum(len(family.patterns) for family in bigger.families)
            seconds = median_seconds(lambda: bigger.find(text), 3)
            self.stdout.write(f"    {patterns:>6,} patterns: {seconds * 1000:7.1f} ms")

        self.stdout.write("  The checker page (POST /en/check/, the answer a reader's browser receives):")
        client = Client(HTTP_HOST="127.0.0.1")
        for length in (2_000, 20_000, 100_000):
            sample = document_text(corpus.documents, length)
            started = time.perf_counter()
            response = client.post("/en/check/", {"text": sample})
            seconds = time.perf_counter() - started
            self.stdout.write(
                f"    {length:>7,} characters: {len(response.content) / 1024:7.0f} kB in {seconds:5.2f} s "
                f"(status {response.status_code})"
            )

        by_language, _by_category = tally(judge_split(detector, corpus, "test"))
        self.stdout.write("Real-world corpus, test split (never tuned on): promotional vs accurate, per sentence")
        for language in ("en", "zh-hans", "zh-hant", "all"):
            score = by_language[language]
            self.stdout.write(
                f"  {language:8} n={score.total:5}  precision {score.precision:.3f}  recall {score.recall:.3f}  "
                f"right category {score.category_accuracy:.3f}"
            )
        sentences, marked = sentences_the_model_alone_marks(detector)
        self.stdout.write(
            f"Our own live pages, both languages: the sentence model alone marks {marked} of {sentences:,} sentences "
            f"({marked / max(sentences, 1):.1%}), shown to editors as worth a second look"
        )
        items = load_items()
        scores = evaluate(items, lambda sentence: check_text(sentence)["flags"])
        score = scores["all"]
        self.stdout.write(
            f"The project's first labelled set ({len(items)} tidy sentences; training data, so not a measure of "
            f"generalisation): precision {score.precision:.3f}  recall {score.recall:.3f}"
        )
