"""Find promotional claims in text.

All the words of all the claim patterns go into one Aho–Corasick automaton, so the text is read once whatever the
number of patterns; each pattern is then tried only where its first word was found. The cost grows with the length
of the text (and the number of hits), not with length × patterns.
"""

from bisect import bisect_left
from dataclasses import dataclass, field

import ahocorasick

from .context import CLAUSE_END, TextContext
from .folding import detect_language, fold
from .patterns import LATIN_WORD_CHARACTER
from .rules import suppression_reason

# Characters allowed between one group of a pattern and the next: " ... " (far) and " .. " (near).
MAX_GAP = {(False, "en"): 60, (False, "zh"): 24, (True, "en"): 20, (True, "zh"): 6}
SEVERITY_RANK = {"high": 3, "medium": 2, "low": 1}


@dataclass(frozen=True, eq=False)
class ClaimFamily:
    """A set of patterns that all make one kind of claim."""

    key: str
    category: str
    severity: str
    patterns: tuple
    data: object = None  # whatever the caller needs back with a flag (explanation, evidence…)


@dataclass
class Flag:
    category: str
    start: int
    end: int
    text: str
    severity: str
    family: ClaimFamily = field(repr=False)
    # "pattern": a phrase the patterns and context rules agree on; "speech": a phrase the context rules took for
    # reported speech or a quotation, which the model finds is the text's own claim; "sentence": the model alone.
    basis: str = "pattern"


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    family: ClaimFamily
    reason: str | None  # why the phrase is not a claim here (negated, reported…), or None


@dataclass
class Hit:
    start: int
    end: int
    atom: object


def is_word_character(character):
    return bool(LATIN_WORD_CHARACTER.match(character))


class Matcher:
    def __init__(self, families):
        self.families = list(families)
        self.automaton = ahocorasick.Automaton()
        atoms = {}
        self.starts = {}  # atom → [(family, pattern)] whose first group contains it
        for family in self.families:
            for pattern in family.patterns:
                for index, group in enumerate(pattern.groups):
                    for atom in group:
                        atoms.setdefault(atom.text, set()).add(atom)
                        if index == 0:
                            self.starts.setdefault(atom, []).append((family, pattern))
        for text, variants in atoms.items():
            self.automaton.add_word(text, tuple(variants))
        if atoms:
            self.automaton.make_automaton()
        self.empty = not atoms

    def hits(self, folded):
        """Every atom found, with word boundaries checked and word stems extended to the end of their word."""
        hits = []
        if self.empty:
            return hits
        length = len(folded)
        for last, variants in self.automaton.iter(folded):
            for atom in variants:
                start, end = last - len(atom.text) + 1, last + 1
                if atom.latin_start and start > 0 and is_word_character(folded[start - 1]):
                    continue
                if atom.latin_end:
                    if atom.stem:
                        while end < length and is_word_character(folded[end]):
                            end += 1
                    elif end < length and is_word_character(folded[end]):
                        continue
                hits.append(Hit(start, end, atom))
        hits.sort(key=lambda hit: (hit.start, -hit.end))
        return hits

    def analyse(self, text):
        """The text's sentences and every phrase that matches a pattern, with the reason it is not a claim (or None)."""
        folded = fold(text)
        hits = self.hits(folded)
        starts = [hit.start for hit in hits]
        context = TextContext(text, folded)
        found = set()
        for hit in hits:
            for family, pattern in self.starts.get(hit.atom, ()):
                end = self.extend(pattern, hit, hits, starts, context)
                if end is not None:
                    found.add((hit.start, end, family))
        candidates = [
            Candidate(start, end, family, suppression_reason(context, start, end, family.category))
            for start, end, family in found
        ]
        candidates.sort(key=lambda c: (c.start, c.end, c.family.key))
        return context, candidates

    def find(self, text, language=None):
        """(language, flags) for the text from the phrase patterns alone; offsets are into the text as given."""
        language = language or detect_language(text)
        _context, candidates = self.analyse(text)
        return language, self.flags(text, [c for c in candidates if c.reason is None])

    def flags(self, text, candidates, basis="pattern"):
        """Non-overlapping flags for the candidates, the most severe and longest kept where they overlap."""
        claims = [(c.start, c.end, c.family) for c in candidates]
        return [
            Flag(family.category, start, end, text[start:end], family.severity, family, basis)
            for start, end, family in self.resolve_overlaps(claims)
        ]

    @staticmethod
    def extend(pattern, first, hits, starts, context):
        """The end of the pattern's match that begins with `first`, or None."""
        end = first.end
        script = "en" if first.atom.latin_start else "zh"
        for group, near in zip(pattern.groups[1:], pattern.near):
            limit = end + MAX_GAP[near, script]
            index = bisect_left(starts, end)
            found = None
            while index < len(hits) and hits[index].start <= limit:
                candidate = hits[index]
                if (
                    candidate.atom in group
                    and context.same_sentence(first.start, candidate.end)
                    and not context.crosses_quote(first.start, candidate.end)
                    and not (near and CLAUSE_END.search(context.text, end, candidate.start))
                ):
                    found = candidate
                    break
                index += 1
            if found is None:
                return None
            end = found.end
        return end

    @staticmethod
    def resolve_overlaps(candidates):
        """Where matches overlap, keep the most severe, then the longest."""
        ranked = sorted(
            candidates,
            key=lambda c: (-SEVERITY_RANK.get(c[2].severity, 0), -(c[1] - c[0]), c[0]),
        )
        kept, kept_starts = [], []  # sorted by start, not overlapping
        for start, end, family in ranked:
            index = bisect_left(kept_starts, start)
            if index > 0 and kept[index - 1][1] > start:
                continue
            if index < len(kept) and kept[index][0] < end:
                continue
            kept.insert(index, (start, end, family))
            kept_starts.insert(index, start)
        return kept
