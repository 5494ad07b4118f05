import json
import sys

from django.core.management.base import BaseCommand, CommandError

from explainer.caution.management.detector import loaded_detector
from explainer.caution.service import check_text
from explainer.text.folding import LANGUAGES


class Command(BaseCommand):
    help = (
        "Find promotional claims in a text (UTF-8) from a file or standard input, and say for each what kind of "
        "claim it is and what the trials found. Exit status 0 whether or not anything was flagged."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", default="-", help="A UTF-8 text file, or - for standard input.")
        parser.add_argument("--json", action="store_true", help="Print one JSON object.")
        parser.add_argument("--language", choices=LANGUAGES, help="The text's language (detected if not given).")

    def handle(self, *args, file, language, **options):
        try:
            raw = sys.stdin.buffer.read() if file == "-" else open(file, "rb").read()  # noqa: SIM115
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}.") from error
        try:
            text = raw.decode("utf-8-sig" if raw.startswith(b"\xef\xbb\xbf") else "utf-8")
        except UnicodeDecodeError as error:
            raise CommandError(f"{file} is not UTF-8 text (byte {error.start} cannot be read).") from error
        loaded_detector()
        result = check_text(text, language)
        if options["json"]:
            self.stdout.write(json.dumps(result, ensure_ascii=False))
            return
        if not result["flags"]:
            self.stdout.write(f"No promotional claims found ({result['language']}).")
        for flag in result["flags"]:
            self.stdout.write(f"{flag['start']}–{flag['end']} {flag['category']} ({flag['severity']}): {flag['text']}")
            self.stdout.write(f"    {flag['explanation']}")
            for study in flag["evidence"]:
                self.stdout.write(f"    {study['url']}")
