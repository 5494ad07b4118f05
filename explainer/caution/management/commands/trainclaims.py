from django.core.management.base import BaseCommand

from explainer.caution.classifier import MODEL_PATH
from explainer.caution.training import train


class Command(BaseCommand):
    help = (
        "Train the caution layer's sentence model from the corpus in explainer/caution/evaluation/corpus/ (train and "
        "dev splits; thresholds for each language chosen out of fold) and write it to explainer/caution/claims-model.npz."
    )

    def handle(self, *args, **options):
        model = train(log=self.stdout.write)
        model.save(MODEL_PATH)
        self.stdout.write(f"Wrote {MODEL_PATH.name} ({MODEL_PATH.stat().st_size / 1024:.0f} kB).")
