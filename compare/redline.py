"""Word-level diff of two wordings of a provision: what B keeps, adds and drops from A's words.

Words compare case-insensitively and without surrounding punctuation, so "Party," and "party" are equal;
the chunks keep B's spelling for kept words and each side's own spelling for inserted and deleted ones.

    >>> [(chunk.op, chunk.text) for chunk in redline_words("Each Party shall eliminate duties", "Each Party may reduce duties")]
    [('equal', 'Each Party'), ('delete', 'shall eliminate'), ('insert', 'may reduce'), ('equal', 'duties')]
"""
from __future__ import annotations

import difflib
import re

from compare.models import RedlineChunk

_WORD = re.compile(r"\S+")
_EDGE_PUNCTUATION = re.compile(r"^\W+|\W+$")


def redline_words(a_text: str, b_text: str) -> list[RedlineChunk]:
    """The word-level diff from ``a_text`` to ``b_text`` as ``equal``/``delete``/``insert`` chunks, in reading order."""
    a_words = _WORD.findall(a_text)
    b_words = _WORD.findall(b_text)
    matcher = difflib.SequenceMatcher(None, _comparable(a_words), _comparable(b_words), autojunk=False)
    chunks: list[RedlineChunk] = []
    for op, a_start, a_end, b_start, b_end in matcher.get_opcodes():
        if op == "equal":
            chunks.append(RedlineChunk(op="equal", text=" ".join(b_words[b_start:b_end])))
            continue
        if a_end > a_start:
            chunks.append(RedlineChunk(op="delete", text=" ".join(a_words[a_start:a_end])))
        if b_end > b_start:
            chunks.append(RedlineChunk(op="insert", text=" ".join(b_words[b_start:b_end])))
    return chunks


def _comparable(words: list[str]) -> list[str]:
    return [_EDGE_PUNCTUATION.sub("", word).casefold() or word for word in words]
