"""One regular expression for a set of strings, shaped as a trie so that the engine never backtracks far."""
from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["trie_regex"]


def trie_regex(strings: Iterable[str], *, space: str | None = None) -> str:
    """A regex matching exactly ``strings``, branching character by character.

    ``space`` is what a space in a string stands for (``r"\\s+"`` where texts break phrases across lines);
    by default a space is itself.

    >>> trie_regex({"ban", "bans", "bar"})
    'ba(?:ns?|r)'
    >>> trie_regex(["Guinea", "Guinea-Bissau", "Ghana"])
    'G(?:hana|uinea(?:\\\\-Bissau)?)'
    """
    trie: dict = {}
    for string in strings:
        node = trie
        for character in string:
            node = node.setdefault(character, {})
        node[""] = {}
    return _node_regex(trie, space)


def _node_regex(node: dict, space: str | None) -> str:
    optional = "" in node
    branches = [(space if character == " " and space else re.escape(character)) + _node_regex(node[character], space)
                for character in sorted(key for key in node if key)]
    if not branches:
        return ""
    if len(branches) == 1 and not optional:
        return branches[0]
    if len(branches) == 1 and len(branches[0]) == 1:
        return branches[0] + "?"
    return f"(?:{'|'.join(branches)})" + ("?" if optional else "")
