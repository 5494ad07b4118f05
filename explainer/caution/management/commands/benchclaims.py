import random
import statistics
import time

from django.core.management.base import BaseCommand

from explainer.caution.evaluation import evaluate, load_items
from explainer.caution.matcher import ClaimFamily, Matcher
from explainer.caution.patterns import parse_pattern
from explainer.caution.service import check_text, current_matcher


def sample_text(items, length):
    """A text of the given length made of the labelled sentences, promotional and accurate, in both scripts."""
    rng = random.Random(length)
    parts, size = [], 0
    while size < length:
        sentence = rng.choice(items)["text"] + ("\n" if rng.random() < 0.2 else " ")
        parts.append(sentence)
        size += len(sentence)
    return "".join(parts)[:length]


def median_seconds(function, repeat):
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def synthetic_families(count, rng):
    """Claim families whose words do not occur in real text: they make the automaton bigger, nothing else."""
    families = []
    for index in range(count):
        english = "".join(rng.choice("bcdfghjkmnpqvwxz") for _ in range(9))
        chinese = "".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(4))
        patterns = (parse_pattern(f"{english} ... {english}x"), parse_pattern(chinese))
        families.append(ClaimFamily(f"synthetic-{index}", "hype", "low", patterns))
    return families


class Command(BaseCommand):
    help = "Benchmark the claim matcher: time per 20,000 characters, growth with text length and with the number of patterns, and precision and recall on the labelled set."

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=15)

    def handle(self, *args, repeat, **options):
        items = load_items()
        matcher = current_matcher()
        pattern_count = sum(len(family.patterns) for family in matcher.families)
        self.stdout.write(f"Claim matcher: {len(matcher.families)} claim families, {pattern_count} patterns.")

        text = sample_text(items, 20_000)
        seconds = median_seconds(lambda: check_text(text), repeat)
        flags = len(check_text(text)["flags"])
        self.stdout.write(f"  check_text, 20,000 characters: {seconds * 1000:.1f} ms median ({flags} claims flagged)")

        self.stdout.write("  Growth with text length (same patterns):")
        for length in (5_000, 10_000, 20_000, 40_000, 80_000):
            sample = sample_text(items, length)
            seconds = median_seconds(lambda: matcher.find(sample), max(3, repeat // 3))
            self.stdout.write(f"    {length:>6,} characters: {seconds * 1000:7.1f} ms  ({seconds / length * 1e6:.2f} µs per character)")

        self.stdout.write("  Growth with the number of patterns (20,000 characters):")
        rng = random.Random(1)
        for extra in (0, 300, 1_200, 4_800):
            bigger = Matcher(list(matcher.families) + synthetic_families(extra, rng))
            patterns = sum(len(family.patterns) for family in bigger.families)
            seconds = median_seconds(lambda: bigger.find(text), max(3, repeat // 3))
            self.stdout.write(f"    {patterns:>6,} patterns: {seconds * 1000:7.1f} ms")

        scores = evaluate(items, lambda sentence: check_text(sentence)["flags"])
        self.stdout.write(f"Labelled set ({len(items)} sentences): promotional vs accurate, per sentence")
        for language, score in scores.items():
            self.stdout.write(
                f"  {language:8} n={score.total:4}  precision {score.precision:.3f}  recall {score.recall:.3f}  "
                f"right category {score.category_accuracy:.3f}"
            )
