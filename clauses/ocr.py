"""Vocabulary words as OCR damages them: ``dut1es``, ``Comrnittee``, ``recyc|ing`` read as duties, committee, recycling.

The text layer of a scanned agreement misreads letters in ways that repeat ("m" as "rn", "l" as "1", "e"
as "c": ``ocr_confusions.toml``). Every vocabulary word of ``MIN_LETTERS`` letters or more is damaged once
in each way those confusions allow; a document word equal to one of those damages, and to no vocabulary
word itself, is read as the word it damages. A word with a digit or sign among its letters that no listed
confusion explains ("dut7es", "1abour") is read as the vocabulary word one edit away from it, if exactly one
is: the edit replaces or drops the sign, so 27 look-ups find every candidate (a fuzzy search of the
vocabulary for every such word of a text full of codes cost seconds).

Short words are left alone: one confusion turns too many of them into other real words, and phrases rarely
hinge on them. A confusion of one letter for another ("l" for "i", "c" for "e") turns real words into each
other even when long (falling/failing, strategies/strategics), so those repairs are made only in a text that
shows damage no real word has: a digit or sign among letters, or a split or merged letter ("rn", "cl"). That
check reads a sample of ``SAMPLE_CHARACTERS`` from the start and the middle of the text: OCR damage is spread
over a scanned document, and reading every word of a clean one cost a sixth of its classification.

    >>> lexicon = OcrLexicon(["duties", "committee", "export"])
    >>> [(text[r.start:r.end], r.word) for text in ["no export dut1es; the joint comrnittee"] for r in lexicon.repairs(text)]
    [('dut1es', 'duties'), ('comrnittee', 'committee')]
"""
from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import NamedTuple

from grammar.trie import trie_regex

CONFUSIONS_FILE = Path(__file__).with_name("ocr_confusions.toml")
MIN_LETTERS = 5
LETTERS = "abcdefghijklmnopqrstuvwxyz"
#: The largest share of a text's distinct words with a sign among their letters that can still be OCR damage.
MAX_SIGNED_SHARE = 0.2
#: So many such words are never too many: a short text's share says nothing.
FEW_SIGNED = 20
#: A document word: letters and digits, with the signs OCR puts where thin letters were.
TOKEN = re.compile(r"[\w|!]+")
#: A digit or sign that stands inside a word's letters (or opens it) as OCR leaves them: "dut1es", "1abour".
SIGN_AMONG_LETTERS = re.compile(r"(?:^|[^\W\d_])[\d|!](?=[^\W\d_])")
#: A digit or sign between two letters, which no word of any language has: "artic1e", "c0untry".
SIGN_BETWEEN_LETTERS = re.compile(r"[^\W\d_][01|!5][^\W\d_]")
#: How much of a text (half from its start, half from its middle) is read for damage that tells OCR.
SAMPLE_CHARACTERS = 20_000


class Repair(NamedTuple):
    """A damaged word at ``start``-``end`` of the lower-cased text, and the vocabulary word it is read as."""

    start: int
    end: int
    word: str


@cache
def confusions() -> tuple[tuple[str, str], ...]:
    with CONFUSIONS_FILE.open("rb") as handle:
        return tuple((right, wrong) for right, wrong in tomllib.load(handle)["confusions"])


class OcrLexicon:
    """The damaged forms of a vocabulary's words, and the words themselves for edit-distance matching."""

    def __init__(self, words: Iterable[str]) -> None:
        self.known = frozenset(words)
        #: Damage only OCR does (a sign among letters, a letter split or merged), then letter-for-letter swaps.
        self.telling = self._damaged_forms([pair for pair in confusions() if not _is_swap(*pair)])
        self.swapped = self._damaged_forms([pair for pair in confusions() if _is_swap(*pair)])

    def _damaged_forms(self, pairs: list[tuple[str, str]]) -> dict[str, str]:
        damaged: dict[str, str | None] = {}
        for word in sorted(self.known):
            if len(word) < MIN_LETTERS or not word.isalpha():
                continue
            for right, wrong in pairs:
                at = word.find(right)
                while at >= 0:
                    form = word[:at] + wrong + word[at + len(right):]
                    # A form two words damage into is read as neither.
                    damaged[form] = word if damaged.get(form, word) == word else None
                    at = word.find(right, at + 1)
        return {form: word for form, word in damaged.items() if word is not None and form not in self.known}

    def repairs(self, lowered: str) -> list[Repair]:
        """The damaged words of ``lowered`` (lower-cased text) in order, each with its vocabulary word; none
        unless a sample of the text shows damage only OCR does."""
        half = SAMPLE_CHARACTERS // 2
        sample = lowered if len(lowered) <= SAMPLE_CHARACTERS else lowered[:half] + " " + lowered[len(lowered) // 2:len(lowered) // 2 + half]
        words = set(TOKEN.findall(sample))
        if not any(word in self.telling for word in words) and not any(_shows_ocr(word) for word in words if not word.isalpha()):
            return []
        if sample is not lowered:
            words = set(TOKEN.findall(lowered))
        fixes = {form: self.telling.get(form) or self.swapped[form] for form in words if form in self.telling or form in self.swapped}
        signed = [form for form in words if form not in fixes and not form.isalpha() and SIGN_AMONG_LETTERS.search(form)]
        # OCR damages a few words in a hundred; where signs stand among the letters of many, the text is codes or
        # data (identifiers, base64), not damaged prose.
        if len(signed) <= max(FEW_SIGNED, MAX_SIGNED_SHARE * len(words)):
            for form in signed:
                word = self._nearest(form)
                if word is not None:
                    fixes[form] = word
        if not fixes:
            return []
        # Consuming the character before a word, not looking behind, lets the engine skip ahead to candidates.
        finder = re.compile(r"(?:^|[^\w|!])(" + trie_regex(fixes) + r")(?![\w|!])")
        return [Repair(match.start(1), match.end(1), fixes[match.group(1)]) for match in finder.finditer(lowered)]

    def _nearest(self, form: str) -> str | None:
        """The one vocabulary word one edit from ``form``, a word with one sign among its letters: that edit must
        replace or drop the sign (a vocabulary word has letters only), so the candidates are those 27."""
        signs = [index for index, character in enumerate(form) if not character.isalpha()]
        if len(signs) != 1 or len(form) - 1 < MIN_LETTERS - 1:
            return None
        at = signs[0]
        head, tail = form[:at], form[at + 1:]
        found = {word for word in (head + tail, *(head + letter + tail for letter in LETTERS)) if word in self.known}
        return found.pop() if len(found) == 1 else None


def _shows_ocr(word: str) -> bool:
    return sum(character.isalpha() for character in word) >= MIN_LETTERS - 1 and SIGN_BETWEEN_LETTERS.search(word) is not None


def _is_swap(right: str, wrong: str) -> bool:
    """One letter read as another: damage that real words also show (falling/failing)."""
    return len(right) == len(wrong) == 1 and right.isalpha() and wrong.isalpha()
