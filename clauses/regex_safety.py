"""Find the regular-expression shapes that backtrack exponentially, so user taxonomies cannot hang classification.

Python's ``re`` backtracks: when a match fails, it retries every other way the text could have been split
among the pattern's repeats. Two shapes make that number of ways grow exponentially with the text
(issue 6), and both are refused:

* a repeat that can iterate many times around another unbounded (or variable) repeat that can take what
  follows it, the next iteration's start included: ``(a+)+``, ``(\\w+\\s?)+$``, ``(.*a){20}``, ``(a?a?)+``
  (a run of ``a`` splits among the iterations in exponentially many ways); ``(?:\\s+\\w+)*`` cuts its
  text one way only and passes;
* an unbounded repeat around alternatives that can match the same text: ``(a|a)*``, ``(a|aa)+``,
  ``(\\w|\\d)+`` (each character can be taken by either alternative).

The analysis reads the tree of ``re``'s own parser, so groups and lookarounds at any depth are seen;
polynomial cases (``\\s+$``) pass and are left to the time limit of ``clauses.deadline``.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import combinations
from re import _constants, _parser

#: A repeat may hold an unbounded repeat if it iterates at most this often: ``(?:[\\w-]+\\s+){0,5}`` passes
#: (at most n^5 splits, and in practice one), ``(.*a){20}`` does not.
MAX_ITERATIONS_AROUND_REPEAT = 10

#: Characters tried to tell whether two character sets overlap: ASCII, Latin-1 and the typographic
#: punctuation and spaces treaties use; enough to see ``\\w`` meet ``\\d`` or ``[a-f]`` meet ``[e-z]``.
PROBE_CHARACTERS = "".join(map(chr, range(0x250))) + "\u2010\u2011\u2013\u2014\u2018\u2019\u201c\u201d\u2000\u3000\u0663\u4e00"

CATEGORIES = {
    _constants.CATEGORY_DIGIT: re.compile(r"\d"), _constants.CATEGORY_NOT_DIGIT: re.compile(r"\D"),
    _constants.CATEGORY_SPACE: re.compile(r"\s"), _constants.CATEGORY_NOT_SPACE: re.compile(r"\S"),
    _constants.CATEGORY_WORD: re.compile(r"\w"), _constants.CATEGORY_NOT_WORD: re.compile(r"\W"),
}

REPEATS = (_constants.MAX_REPEAT, _constants.MIN_REPEAT, _constants.POSSESSIVE_REPEAT)
#: Operations that match one character, whose first-character sets are compared.
CHARACTER_OPS = (_constants.LITERAL, _constants.NOT_LITERAL, _constants.IN, _constants.ANY)


def backtracking_hazard(pattern: str) -> str | None:
    """Why ``pattern`` (already known to compile) can backtrack exponentially, or ``None`` when it cannot."""
    tree = _parser.parse(pattern)
    return next(_hazards(tree), None)


def _hazards(items) -> Iterator[str]:
    for op, av in items:
        if op in REPEATS:
            yield from _repeat_hazards(op, av)
        for child in _children(op, av):
            yield from _hazards(child)


def _repeat_hazards(op, av) -> Iterator[str]:
    _, most, body = av
    if op is _constants.POSSESSIVE_REPEAT:
        return  # it never gives back what it took, so it never retries another split
    # A body of plain characters and repeats is judged exactly; any other body, only if it holds an unbounded repeat.
    if most > MAX_ITERATIONS_AROUND_REPEAT and not _splits_one_way(body) \
            and (_has_unbounded_repeat(body) or _flat_sequence(body) is not None):
        yield "a repeat that iterates many times holds repeats that can split its text in many ways, as in (a+)+ or (a?a?)+"
    if most == _constants.MAXREPEAT:
        yield from _ambiguous_choices(body, _first_characters(body)[0])


def _has_unbounded_repeat(items) -> bool:
    # A backreference repeats whatever its group matched: as variable as a repeat. A possessive repeat
    # never gives back what it took, so it cannot be split among the outer iterations.
    return any(
        (op in (_constants.MAX_REPEAT, _constants.MIN_REPEAT) and av[1] == _constants.MAXREPEAT) or op is _constants.GROUPREF
        or any(_has_unbounded_repeat(child) for child in _children(op, av))
        for op, av in items
    )


def _splits_one_way(body) -> bool:
    r"""Whether text matched by the iterations of ``body`` can be cut among its repeats in only one way.

    True for a plain sequence of characters and one-character repeats where no repeat can take what
    comes after it, counting the next iteration's start: ``(?:\s+\w+)*`` (each run ends where a
    character of the other kind begins), not ``(\w+\s?)+`` (the ``\w+`` of the next iteration could take
    the end of this one's).
    """
    elements = _flat_sequence(body)
    if elements is None:
        return False
    for index, (op, av) in enumerate(elements):
        # A fixed count (a{3}) or a possessive repeat (a++) takes its characters one way only.
        variable = op in (_constants.MAX_REPEAT, _constants.MIN_REPEAT) and av[0] != av[1]
        if variable and _sets_overlap([av[2][0]], _followers(elements, index)):
            return False
    return True


def _flat_sequence(items) -> list | None:
    """``items`` as one-character operations and one-character repeats (groups opened, anchors dropped), or
    ``None`` when it holds anything else: alternatives, lookarounds, backreferences, repeats of sequences."""
    elements = []
    for op, av in items:
        if op is _constants.SUBPATTERN:
            inner = _flat_sequence(av[-1])
            if inner is None:
                return None
            elements += inner
        elif op in CHARACTER_OPS or (op in REPEATS and len(av[2]) == 1 and av[2][0][0] in CHARACTER_OPS):
            elements.append((op, av))
        elif op is not _constants.AT:
            return None
    return elements


def _followers(elements: list, index: int) -> list:
    """The one-character operations that can come right after ``elements[index]``, wrapping round to the next iteration."""
    followers = []
    for offset in range(1, len(elements) + 1):
        op, av = elements[(index + offset) % len(elements)]
        if op not in REPEATS:
            return followers + [(op, av)]
        followers.append(av[2][0])
        if av[0] > 0:
            return followers
    return followers


def _ambiguous_choices(items, body_first: list) -> Iterator[str]:
    """Alternatives or set members inside an unbounded repeat's body that can take the same character."""
    for op, av in items:
        if op is _constants.BRANCH:
            yield from _overlapping_branches(av[1], body_first)
        elif op is _constants.IN and _members_overlap(av):
            yield "a character set in an unbounded repeat has overlapping members, as in (\\w|\\d)+"
        for child in _children(op, av):
            yield from _ambiguous_choices(child, body_first)


def _overlapping_branches(branches, body_first: list) -> Iterator[str]:
    # re's parser factors common prefixes out: (a|aa)+ arrives as a(?:|a)+, whose empty branch lets the
    # next iteration take the "a" the other branch would have taken.
    firsts = [_first_characters(branch) for branch in branches]
    for (first_a, empty_a), (first_b, empty_b) in combinations(firsts, 2):
        if (empty_a and empty_b) or _sets_overlap(first_a, first_b) \
                or (empty_a and _sets_overlap(first_b, body_first)) or (empty_b and _sets_overlap(first_a, body_first)):
            yield "alternatives in an unbounded repeat can match the same text, as in (a|aa)+"
            return


def _first_characters(items) -> tuple[list, bool]:
    """The one-character operations ``items`` can start with, and whether it can match the empty string."""
    firsts: list = []
    for op, av in items:
        if op in CHARACTER_OPS:
            return firsts + [(op, av)], False
        if op is _constants.GROUPREF:
            return firsts + [(_constants.ANY, None)], False  # a backreference can start with anything
        if op is _constants.BRANCH:
            parts = [_first_characters(branch) for branch in av[1]]
            firsts += [first for part, _ in parts for first in part]
            if not any(empty for _, empty in parts):
                return firsts, False
        elif op in REPEATS or op in (_constants.SUBPATTERN, _constants.ATOMIC_GROUP):
            body = av[2] if op in REPEATS else (av[-1] if op is _constants.SUBPATTERN else av)
            part, empty = _first_characters(body)
            firsts += part
            if not empty and not (op in REPEATS and av[0] == 0):
                return firsts, False
        elif op is _constants.GROUPREF_EXISTS:
            for branch in (av[1], av[2]):
                if branch is not None:
                    firsts += _first_characters(branch)[0]
        # Anchors and lookarounds match no character: what follows them comes first.
    return firsts, True


def _members_overlap(members) -> bool:
    """Whether two members of a character set (``[\\w\\d]``, as ``(\\w|\\d)`` is parsed) match a same character."""
    if any(op is _constants.NEGATE for op, _ in members):
        return False
    singles = [[(_constants.IN, [member])] for member in members]
    return any(_sets_overlap(a, b, fold_case=False) for a, b in combinations(singles, 2))


def _sets_overlap(first_a: list, first_b: list, fold_case: bool = True) -> bool:
    return bool(_characters(first_a, fold_case) & _characters(first_b, fold_case))


def _characters(firsts: list, fold_case: bool) -> frozenset[str]:
    return frozenset().union(*(_operation_characters(op, av, fold_case) for op, av in firsts))


#: Probe characters matched by each one-character operation, keyed by its repr: a taxonomy repeats the
#: same few classes (``\w``, ``\s``, ``[^.;:]``) thousands of times, and each set costs a pass over the probes.
_MATCHED: dict[tuple[str, bool], frozenset[str]] = {}


def _operation_characters(op, av, fold_case: bool) -> frozenset[str]:
    """The probe characters ``op`` matches; with ``fold_case``, in either case, as taxonomy patterns run."""
    key = (repr((op, av)), fold_case)
    if key not in _MATCHED:
        matched = {char for char in PROBE_CHARACTERS if _matches(op, av, char)}
        if fold_case:
            matched |= {variant for char in matched for variant in (char.lower(), char.upper()) if len(variant) == 1}
        _MATCHED[key] = frozenset(matched)
    return _MATCHED[key]


def _matches(op, av, char: str) -> bool:
    if op is _constants.LITERAL:
        return ord(char) == av
    if op is _constants.NOT_LITERAL:
        return ord(char) != av
    if op is _constants.ANY:
        return True
    return _in_set(av, char)


def _in_set(members, char: str) -> bool:
    negated = False
    found = False
    for op, av in members:
        if op is _constants.NEGATE:
            negated = True
        elif op is _constants.LITERAL:
            found = found or ord(char) == av
        elif op is _constants.RANGE:
            found = found or av[0] <= ord(char) <= av[1]
        elif op is _constants.CATEGORY:
            found = found or bool(CATEGORIES[av].match(char))
    return found != negated


def _children(op, av) -> list:
    """The sub-sequences of one parsed operation: group and lookaround bodies, branches, a repeat's body."""
    if op in REPEATS:
        return [av[2]]
    if op is _constants.SUBPATTERN:
        return [av[-1]]
    if op in (_constants.ASSERT, _constants.ASSERT_NOT):
        return [av[1]]
    if op is _constants.ATOMIC_GROUP:
        return [av]
    if op is _constants.BRANCH:
        return list(av[1])
    if op is _constants.GROUPREF_EXISTS:
        return [branch for branch in (av[1], av[2]) if branch is not None]
    return []
