"""Split a prose paragraph into sentences, as ``[start, end)`` offsets into the paragraph.

    >>> text = 'Canada and Japan agreed on Sept. 21. The U.S. welcomed it. "We will act," he said.'
    >>> [text[start:end] for start, end in split_sentences(text)]
    ['Canada and Japan agreed on Sept. 21.', 'The U.S. welcomed it.', '"We will act," he said.']
"""
from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

DATA_FILE = Path(__file__).with_name("data") / "sentences.toml"

# A candidate boundary: closing punctuation (plus closing quotes/brackets), spaces, then something that can
# open a sentence: a capital, a digit or an opening quote/bracket.
BOUNDARY = re.compile(r"""[.!?]["')\]]*(?=\s+["'(\[]?[A-Z0-9])""")
# A footnote's mark left in the text after a sentence ("[2]", "(17)").
FOOTNOTE_MARK = re.compile(r"[\[(]\d{1,3}[\])]\.?")
WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
# Characters before a full stop that hold any abbreviation of the list (the longest are a few letters).
ABBREVIATION_REACH = 24


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    with DATA_FILE.open("rb") as handle:
        return frozenset(tomllib.load(handle)["abbreviations"]["words"])


def split_sentences(text: str, candidates: Iterable[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """The sentences of ``text`` as offset pairs; together they cover every non-space character.

    ``candidates`` are ``BOUNDARY``'s matches in ``text`` as ``(start, end)``, where the caller found them already (in
    one scan of a whole document rather than one per paragraph).
    """
    abbreviations = _abbreviations()
    spans: list[tuple[int, int]] = []
    start = 0
    if candidates is None:
        candidates = ((match.start(), match.end()) for match in BOUNDARY.finditer(text))
    for at, end in candidates:
        # The word before the full stop is all the abbreviation test reads: no need to slice the whole sentence so far.
        if text[at] == "." and _is_abbreviation(text[max(start, at - ABBREVIATION_REACH) : at], abbreviations):
            continue
        if text[start:end].strip():
            spans.append((_skip_space(text, start), end))
            start = end
    if text[start:].strip():
        spans.append((_skip_space(text, start), len(text.rstrip())))
    return _merge_wordless(spans, text)


def _merge_wordless(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """A stray "." or '"' is no sentence: it joins the sentence after it (or before it, at the end); a footnote mark
    joins the sentence before it."""
    merged: list[tuple[int, int]] = []
    carry: int | None = None
    for start, end in spans:
        if not any(char.isalnum() for char in text[start:end]):
            carry = start if carry is None else carry
            continue
        if merged and carry is None and FOOTNOTE_MARK.fullmatch(text, start, end):
            merged[-1] = (merged[-1][0], end)  # "… of this Agreement. [2]": the footnote mark ends the sentence before it
            continue
        merged.append((carry if carry is not None else start, end))
        carry = None
    if carry is not None:
        if merged:
            merged[-1] = (merged[-1][0], spans[-1][1])
        else:
            merged.append((carry, spans[-1][1]))
    return merged


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position


def _is_abbreviation(before: str, abbreviations: frozenset[str]) -> bool:
    match = WORD_BEFORE.search(before)
    if not match:
        return False
    word = match.group(1).lower()
    # Single capital initials ("J. Smith") and dotted acronyms ("U.S.") are not sentence ends.
    return word in abbreviations or len(word) == 1 or ("." in word and len(word) <= 6)
