"""Exclusions: patterns that veto a category where they match, and the cheap checks that spare their searches.

An exclusion runs only on the provisions where a category reaches its threshold, but that is thousands per
treaty, each with several patterns. Almost none of them match: a definition's words ("means", "refers")
are absent from most provisions. So each pattern lists the words any match of it must hold (``Exclusion``),
and each list of patterns the one word per alternative that is likeliest to be missing (``Exclusions``):
one pass of ``in`` over a text rules the whole list out, in C, before any pattern is looked at.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from re import _constants, _parser  # the expression parser: which strings must a pattern's matches hold

__all__ = ["Exclusion", "Exclusions"]

#: Words nearly every provision of an agreement holds: the worst gate for a list, whatever their length.
UBIQUITOUS_WORDS = frozenset({"a", "an", "and", "any", "for", "in", "its", "not", "of", "on", "or", "shall", "that",
                              "the", "their", "this", "to", "which", "with"})


@dataclass(frozen=True)
class Exclusion:
    """An exclusion pattern, and the words that every text it matches holds (a cheap pre-check).

    Most provisions hold neither ``shall … mean`` nor ``means`` nor ``refers`` (a definition's words):
    ``in`` finds that at memory-scan speed, several times faster than the expression's own search, which
    tries its opening at every line or word. The check is made on ASCII text only: there ``lower()`` folds
    case exactly as ``re.IGNORECASE`` does (elsewhere ``ſ`` matches ``s``, and ``İ`` lowers to two characters).
    """

    regex: re.Pattern
    #: Lower-case ASCII strings: every match holds all the strings of at least one of these; empty when it promises none.
    needles: tuple[tuple[str, ...], ...]

    @classmethod
    def compile(cls, pattern: str, flags: int) -> Exclusion:
        needles = _required_strings(_parser.parse(pattern).data) or []
        return cls(re.compile(pattern, flags), tuple(tuple(sorted(strings, key=_likeliest_missing)) for strings in needles))

    def may_match(self, lowered_ascii: str) -> bool:
        """False when the pattern cannot match this lower-cased ASCII text (it holds none of the needle sets)."""
        return not self.needles or any(all(needle in lowered_ascii for needle in strings) for strings in self.needles)


@dataclass(frozen=True)
class Exclusions:
    """A list of exclusion patterns, tried in order, and ``gate``: strings one of which every match of any of them
    holds (None when some pattern promises none)."""

    patterns: tuple[Exclusion, ...]
    gate: tuple[str, ...] | None

    @classmethod
    def compile(cls, patterns: list[str], flags: int) -> Exclusions:
        compiled = tuple(Exclusion.compile(pattern, flags) for pattern in patterns)
        if any(not exclusion.needles for exclusion in compiled):
            return cls(compiled, None)
        # The first needle of each set is its likeliest to be missing: a text without any of them matches none.
        firsts = {strings[0] for exclusion in compiled for strings in exclusion.needles}
        # A text holding "means" holds "mean": the longer string adds nothing to the gate.
        gate = {needle for needle in firsts if not any(other != needle and other in needle for other in firsts)}
        return cls(compiled, tuple(sorted(gate, key=_likeliest_missing)))

    def first_veto(self, texts: list[str]) -> str | None:
        """The first pattern matching one of ``texts`` (patterns in order, then texts), with what it matched."""
        if not self.patterns:
            return None
        # Lower-cased once for every pattern's needle check; None where the check does not apply (see ``Exclusion``).
        candidates = []
        for text in texts:
            lowered = text.lower() if text.isascii() else None
            if lowered is None or self.gate is None or any(map(lowered.__contains__, self.gate)):
                candidates.append((text, lowered))
        for exclusion in self.patterns:
            for text, lowered in candidates:
                if lowered is not None and not exclusion.may_match(lowered):
                    continue
                match = exclusion.regex.search(text)
                if match:
                    return f"{exclusion.regex.pattern} ({match.group().strip()!r})"
        return None


def _likeliest_missing(needle: str) -> tuple[bool, int, str]:
    """Order needles by how likely a provision is to lack them: uncommon words first, longer before shorter."""
    return needle in UBIQUITOUS_WORDS, -len(needle), needle


#: Past this many alternative sets (each checked in turn), a pattern's further required strings are left out of its pre-check.
MAX_NEEDLE_SETS = 4


def _required_strings(items: list) -> list[frozenset[str]] | None:
    """Sets of lower-case ASCII strings: any match of a parsed pattern holds every string of one set; None: no promise.

    The literal runs of the sequence and of the groups and alternations in it that must match::

        \\bfor\\s+(?:the\\s+)?purposes?       →  [{'for', 'purpose'}]
        \\w+\\s+(?:means|shall\\s+mean)\\b  →  [{'means'}, {'shall', 'mean'}]
    """
    required: list[frozenset[str]] = [frozenset()]
    run = ""
    for op, argument in [*items, (None, None)]:
        if op is _constants.LITERAL and argument < 128:
            run += chr(argument).lower()
            continue
        found = [frozenset({run})] if run else None
        run = ""
        if found:
            required = _all_of(required, found)
        if op is _constants.SUBPATTERN:
            found = _required_strings(argument[3].data)
        elif op is _constants.BRANCH:
            alternatives = [_required_strings(alternative.data) for alternative in argument[1]]
            found = None if None in alternatives else [strings for alternative in alternatives for strings in alternative]
        elif op in (_constants.MAX_REPEAT, _constants.MIN_REPEAT, _constants.POSSESSIVE_REPEAT) and argument[0] >= 1:
            found = _required_strings(argument[2].data)
        else:
            found = None
        if found:
            required = _all_of(required, found)
    return None if any(not strings for strings in required) else required


def _all_of(required: list[frozenset[str]], found: list[frozenset[str]]) -> list[frozenset[str]]:
    """Both promises at once (each set of one joined with each of the other), unless that makes too many sets."""
    if len(required) * len(found) > MAX_NEEDLE_SETS:
        return required
    return [first | second for first in required for second in found]


