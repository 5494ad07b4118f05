from django.core.management.base import BaseCommand

from explainer.caution.evaluation import judge_split, tally
from explainer.caution.evaluation.corpus import CATEGORIES, Corpus
from explainer.caution.management.detector import loaded_detector


def describe(example, flagged=()):
    text = " ".join(example.text.split())
    text = text if len(text) <= 140 else text[:137] + "…"
    found = f" → flagged {', '.join(flagged)}" if flagged else ""
    labelled = ", ".join(example.categories) or "accurate"
    return f"[{example.language} {example.source_kind}, labelled {labelled}{found}] {text}"


class Command(BaseCommand):
    help = (
        "Measure the caution layer on the real-world corpus: precision, recall and right-category rate per language "
        "and per category, and the worst misses and false alarms. The test split is for reporting only: tune on dev."
    )

    def add_arguments(self, parser):
        parser.add_argument("--split", choices=["train", "dev", "test"], default="dev")
        parser.add_argument("--mistakes", type=int, default=10, help="How many misses and false alarms to print.")

    def handle(self, *args, split, mistakes, **options):
        corpus = Corpus.load()
        judged = judge_split(loaded_detector(), corpus, split)
        by_language, by_category = tally(judged)
        documents = len(corpus.documents_in(split))
        self.stdout.write(
            f"Caution layer on the {split} split: {len(judged)} sentences, of them those of {documents} "
            f"whole documents checked as one text; scored sentence by sentence"
        )
        self.stdout.write(f"  {'':9} {'n':>5} {'precision':>10} {'recall':>7} {'F1':>6} {'right category':>15}")
        for language in ("en", "zh-hans", "zh-hant", "all"):
            score = by_language.get(language)
            if score:
                self.stdout.write(
                    f"  {language:9} {score.total:5} {score.precision:10.3f} {score.recall:7.3f} "
                    f"{score.f1:6.3f} {score.category_accuracy:15.3f}"
                )
        self.stdout.write("  Per category (a sentence counts for each category labelled or flagged in it):")
        for category in CATEGORIES:
            score = by_category.get(category)
            if score:
                labelled = score.true_positive + score.false_negative
                self.stdout.write(
                    f"    {category:14} labelled {labelled:4}  precision {score.precision:.3f}  "
                    f"recall {score.recall:.3f}"
                )
        misses = [item for item in judged if item.example.promotional and not item.flagged]
        alarms = [item for item in judged if item.flagged and not item.example.promotional]
        for title, items in (("Misses", misses), ("False alarms", alarms)):
            self.stdout.write(f"  {title} ({len(items)}), the first {min(mistakes, len(items))}:")
            for item in items[:mistakes]:
                self.stdout.write("    " + describe(item.example, item.flagged))
