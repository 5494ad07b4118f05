"""The phrase patterns of claim families, as editors write them.

One pattern per line. A pattern is one or more groups separated by " ... " (the next group follows later in the
same sentence) or " .. " (the next group follows within a few words); a group is alternatives separated by "|"; an
alternative is a word or phrase, and a Latin word ending in "*" matches any ending ("revers*" matches reverse,
reversed, reversal). Examples:

    revers* ... cirrhosis|fibrosis|scar*
    no|without .. side effect*|risk*
    逆转 ... 肝硬化|纤维化
"""

import re
from dataclasses import dataclass

from .folding import fold

FAR, NEAR = " ... ", " .. "
GROUP_SEPARATOR = re.compile(r"( \.\.\.? )")
LATIN_WORD_CHARACTER = re.compile(r"[a-z0-9]")


class PatternError(ValueError):
    pass


@dataclass(frozen=True)
class Atom:
    """One alternative: folded text, and whether it is a word stem (matches longer words)."""

    text: str
    stem: bool

    @property
    def latin_start(self):
        return bool(LATIN_WORD_CHARACTER.match(self.text[0]))

    @property
    def latin_end(self):
        return bool(LATIN_WORD_CHARACTER.match(self.text[-1]))


@dataclass(frozen=True)
class Pattern:
    source: str
    groups: tuple  # of frozensets of Atom
    near: tuple  # for each group after the first: must it follow within a few words?


def parse_atom(alternative, line):
    alternative = alternative.strip()
    stem = alternative.endswith("*")
    text = fold(alternative.rstrip("*")).strip()
    text = re.sub(r" +", " ", text)
    if not text:
        raise PatternError(f"empty alternative in {line!r}")
    if "*" in text or "..." in text:
        raise PatternError(f"'*' may only end a word, and '...' must have a space on each side, in {line!r}")
    if stem and not LATIN_WORD_CHARACTER.match(text[-1]):
        raise PatternError(f"'*' can only follow a Latin letter, in {line!r}")
    if stem and len(text) < 3:
        raise PatternError(f"a word stem needs at least 3 letters, in {line!r}")
    return Atom(text, stem)


def parse_pattern(line):
    line = line.strip()
    if not line:
        raise PatternError("empty pattern")
    parts = GROUP_SEPARATOR.split(line)
    groups = tuple(frozenset(parse_atom(alternative, line) for alternative in group.split("|")) for group in parts[::2])
    near = tuple(separator == NEAR for separator in parts[1::2])
    if len(groups) > 4:
        raise PatternError(f"at most 4 groups, in {line!r}")
    return Pattern(line, groups, near)
