"""The translation parity check: every translated field has both languages, and both carry the same numbers."""

from dataclasses import dataclass

from explainer.text.numbers import compare_numbers

from .texts import all_translated_texts


@dataclass
class ParityProblem:
    owner: str
    field: str
    message: str

    def __str__(self):
        return f"{self.owner}: {self.field}: {self.message}"


def parity_problems(texts=None):
    problems = []
    for text in all_translated_texts() if texts is None else texts:
        english, chinese = text.texts.get("en", ""), text.texts.get("zh-hans", "")
        if english and not chinese:
            problems.append(ParityProblem(text.owner, text.field, "has no Chinese translation"))
        elif chinese and not english:
            problems.append(ParityProblem(text.owner, text.field, "has Chinese but no English"))
        elif english and chinese:
            only_english, only_chinese = compare_numbers(english, chinese)
            if only_english:
                problems.append(
                    ParityProblem(
                        text.owner, text.field, f"numbers only in the English: {', '.join(sorted(only_english))}"
                    )
                )
            if only_chinese:
                problems.append(
                    ParityProblem(
                        text.owner, text.field, f"numbers only in the Chinese: {', '.join(sorted(only_chinese))}"
                    )
                )
    return problems
