"""The taxonomy's regular-expression patterns combined into one scan, and what lets it skip ahead.

``combined_patterns`` joins every pattern into one expression; when each starts at a word, the scan is tried
only at the word starts where some pattern's head (``pattern_head``: what every match, lower-cased, starts with)
matches, found in the lower-cased text by one cheap expression (``PatternScan.finditer``) whose heads are grouped
by their first character (``grouped_heads``).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from re import _constants, _parser  # the expression parser: can a pattern be empty, what can it start with
from typing import get_args

from clauses.models import Layout

#: A named pattern group whose pattern opens with a word boundary (optionally inside a case flag group).
WORD_START_PATTERN = re.compile(r"\(\?P<\w+>(?:\(\?-?i:)?\\b")


def layout_patterns(pattern_groups: list[tuple[str, str | None]]) -> dict[str, PatternScan | None]:
    """Each layout's patterns (``(group regex, layout or None)``) combined: apart when some pattern counts in one layout
    only, since one combined expression finds one match per position and a pattern of the other layout must not hide
    one of this layout starting at the same character (the prose "Committee" before the structured "Committee shall")."""
    layouts = get_args(Layout)
    if all(layout is None for _, layout in pattern_groups):
        return dict.fromkeys(layouts, combined_patterns([regex for regex, _ in pattern_groups]))
    return {layout: combined_patterns([regex for regex, only in pattern_groups if only in (None, layout)]) for layout in layouts}


def combined_patterns(groups: list[str]) -> PatternScan | None:
    """All regex patterns as one expression; those that start at a word boundary are tried only at word starts.

    Checking ``(?<!\\w)`` once, before the alternatives, spares the engine trying every pattern at every
    character: ``\\bfoo|\\bbar`` → ``(?<!\\w)(?:\\bfoo|\\bbar)``.
    """
    if not groups:
        return None
    at_word_start = [group for group in groups if WORD_START_PATTERN.match(group)]
    anywhere = [group for group in groups if not WORD_START_PATTERN.match(group)]
    parts = ([rf"(?<!\w)(?:{'|'.join(at_word_start)})"] if at_word_start else []) + anywhere
    regex = re.compile("|".join(parts), re.IGNORECASE)
    parsed = [_parser.parse(group) for group in groups]
    if anywhere or any(pattern.getwidth()[0] == 0 for pattern in parsed):
        return PatternScan(regex, None)
    # Checking the word's first character once spares the engine entering every alternative at every word;
    # checking the patterns' heads in lower-cased text spares it more (``PatternScan.finditer``).
    firsts = [first_characters(pattern.data) for pattern in parsed]
    check = "" if None in firsts else f"(?=[{''.join(firsts)}])"
    heads = [pattern_head(pattern.data)[0] for pattern in parsed]
    lowered_firsts = [first_characters(pattern.data, lowered=True) for pattern in parsed]
    starts = None if "" in heads or None in lowered_firsts else \
        re.compile(rf"\W(?=[{''.join(lowered_firsts)}])(?={grouped_heads(parsed)})")
    return PatternScan(regex, re.compile(rf"\W{check}(?:{'|'.join(at_word_start)})", re.IGNORECASE), starts)


#: The non-ASCII characters that a case-insensitive ASCII letter matches and that ``str.lower`` leaves non-ASCII
#: (dotless ı for i, long ſ for s): lower-cased text cannot show where patterns start in a text holding them.
UNLOWERED_MATCHES = "\u0131\u017f"
#: The character classes a first-character check can name.
CATEGORY_CLASSES = {_constants.CATEGORY_DIGIT: r"\d", _constants.CATEGORY_NOT_DIGIT: r"\D", _constants.CATEGORY_WORD: r"\w",
                    _constants.CATEGORY_NOT_WORD: r"\W", _constants.CATEGORY_SPACE: r"\s", _constants.CATEGORY_NOT_SPACE: r"\S"}


def first_characters(items: list, lowered: bool = False) -> str | None:
    """A character class body holding every character a parsed pattern's match can start with, or None if unsure.

    Read case-insensitively, so it may hold more than needed, never less: ``\\b(?:review|screen)\\w*`` → ``rs``.
    With ``lowered``, the characters of the match lower-cased: ``\\b[A-C]`` → ``A-Ca-c``.
    """
    for op, argument in items:
        if op is _constants.AT:
            continue
        if op is _constants.LITERAL and lowered:
            return re.escape(chr(argument).lower()) if argument < 128 else None
        if op is _constants.LITERAL:
            return re.escape(chr(argument))
        if op is _constants.IN:
            return _class_body(argument, lowered)
        if op is _constants.SUBPATTERN:
            return first_characters(argument[3].data, lowered)
        if op is _constants.BRANCH:
            bodies = [first_characters(alternative.data, lowered) for alternative in argument[1]]
            return None if None in bodies else "".join(bodies)
        if op in (_constants.MAX_REPEAT, _constants.MIN_REPEAT) and argument[0] >= 1:
            return first_characters(argument[2].data, lowered)
        return None
    return None


def pattern_head(items: list) -> tuple[str, bool]:
    """A case-sensitive regex that every match of a parsed pattern, lower-cased, starts with; and whether it is the
    whole pattern.

    It may accept more than the pattern, never less: ``\\b(?:Review|screen)\\w*\\s+of\\b`` →
    ``(?:review|screen)(?:[\\w]){0,}(?:[\\s]){1,}of``. Assertions are left out (they only narrow a match); the head
    stops before the first piece it cannot copy (a repeated group, ``.``, a negated class, a non-ASCII letter,
    which case-insensitive matching may pair with a letter ``str.lower`` does not give) and is empty when nothing
    is promised.
    """
    parts = []
    for op, argument in items:
        if op in (_constants.AT, _constants.ASSERT, _constants.ASSERT_NOT):
            continue
        piece, whole = _piece_head(op, argument)
        parts.append(piece)
        if not whole:
            break
    else:
        return "".join(parts), True
    return "".join(parts), False


def grouped_heads(patterns: list) -> str:
    """The heads of parsed patterns (see ``pattern_head``) as one group, its alternatives grouped by first character.

    The engine tests an alternative's first character before entering it, so a word start tries the heads of its
    first letter only: ``\\bexport``, ``\\bexpel``, ``\\bban`` → ``(?:b(?:an)|e(?:xport|xpel))``. A head whose
    first piece cannot be split (``(?:a){0,1}b``) stays an alternative of its own.
    """
    rests: dict[str, dict[str, None]] = {}
    unsplit = []
    for pattern in patterns:
        branches = head_branches(pattern.data)
        if branches is None:
            unsplit.append(pattern_head(pattern.data)[0])
        for first, rest in branches or []:
            rests.setdefault(first, {})[rest] = None
    # An empty rest makes the others needless: the heads only look ahead.
    grouped = [first if "" in after else f"{first}(?:{'|'.join(after)})" for first, after in sorted(rests.items())]
    return f"(?:{'|'.join(grouped + list(dict.fromkeys(unsplit)))})"


def head_branches(items: list) -> list[tuple[str, str]] | None:
    """``pattern_head`` of a parsed pattern split into ``(first character, the rest)`` alternatives, or None when
    its first piece cannot be split: ``\\b(?:review|screen)\\w*`` → ``[("r", "eview(?:[\\w]){0,}"),
    ("s", "creen(?:[\\w]){0,}")]``.
    """
    assertions = (_constants.AT, _constants.ASSERT, _constants.ASSERT_NOT)
    pieces = [(op, argument) for op, argument in items if op not in assertions]
    if not pieces:
        return None
    branches = _piece_branches(*pieces[0])
    rest = pattern_head(pieces[1:])[0] if _piece_head(*pieces[0])[1] else ""
    return None if branches is None else [(first, after + rest) for first, after in branches]


def _piece_branches(op, argument) -> list[tuple[str, str]] | None:
    """``head_branches`` of one parsed piece: a literal, a class, a group, alternatives or a repeat at least once."""
    if op in (_constants.LITERAL, _constants.IN):
        head = _piece_head(op, argument)[0]
        return [(head, "")] if head else None
    if op is _constants.SUBPATTERN:
        return head_branches(argument[3].data)
    if op is _constants.BRANCH:
        alternatives = [head_branches(alternative.data) for alternative in argument[1]]
        return None if None in alternatives else [branch for alternative in alternatives for branch in alternative]
    if op in (_constants.MAX_REPEAT, _constants.MIN_REPEAT) and argument[0] >= 1:
        low, high, body = argument
        branches = head_branches(body.data)
        # The head promises the body once, unless it copies the whole repeat of one character.
        if branches is None or high == 1 or not _piece_head(op, argument)[1]:
            return branches
        more = f"(?:{pattern_head(body.data)[0]}){{{low - 1},{'' if high == _constants.MAXREPEAT else high - 1}}}"
        return [(first, after + more) for first, after in branches]
    return None


def _piece_head(op, argument) -> tuple[str, bool]:
    """``pattern_head`` of one parsed piece: a literal, a class, a group, alternatives or a repeat of one character."""
    if op is _constants.LITERAL:
        return (re.escape(chr(argument).lower()), True) if argument < 128 else ("", False)
    if op is _constants.IN:
        body = _class_body(argument, lowered=True)
        return (f"[{body}]", True) if body is not None else ("", False)
    if op is _constants.SUBPATTERN:
        head, whole = pattern_head(argument[3].data)
        return (f"(?:{head})" if head else ""), whole
    if op is _constants.BRANCH:
        heads = [pattern_head(alternative.data) for alternative in argument[1]]
        if any(not head for head, _ in heads):
            return "", False
        return f"(?:{'|'.join(head for head, _ in heads)})", all(whole for _, whole in heads)
    if op in (_constants.MAX_REPEAT, _constants.MIN_REPEAT):
        low, high, body = argument
        head, whole = pattern_head(body.data)
        if whole and head and len(body.data) == 1 and body.data[0][0] in (_constants.LITERAL, _constants.IN):
            return f"(?:{head}){{{low},{'' if high == _constants.MAXREPEAT else high}}}", True
        return (f"(?:{head})", False) if low >= 1 and head else ("", False)
    return "", False


def _class_body(items: list, lowered: bool = False) -> str | None:
    """The body of a parsed character class, or None when it holds what a body cannot copy. With ``lowered``, a class
    matching the lower case of every character the parsed class matches, or None unless it is ASCII."""
    parts = []
    for op, argument in items:
        if op is _constants.LITERAL and (argument < 128 or not lowered):
            parts.append(re.escape(chr(argument).lower() if lowered else chr(argument)))
        elif op is _constants.RANGE and (argument[1] < 128 or not lowered):
            low, high = argument
            parts.append(f"{re.escape(chr(low))}-{re.escape(chr(high))}")
            if lowered and low <= ord("Z") and high >= ord("A"):
                parts.append(f"{chr(max(low, ord('A'))).lower()}-{chr(min(high, ord('Z'))).lower()}")
        elif op is _constants.CATEGORY and argument in CATEGORY_CLASSES:
            parts.append(CATEGORY_CLASSES[argument])
        else:
            return None
    return "".join(parts)


@dataclass(frozen=True)
class PatternScan:
    """The taxonomy's regex patterns combined, and how to find their matches fast (see ``finditer``)."""

    regex: re.Pattern
    #: The word-start patterns after a non-word character, when every pattern starts at a word and none can be empty.
    after_non_word: re.Pattern | None
    #: In lower-cased text, the word starts where some pattern's head matches (see ``pattern_head``); None when a head is unknown.
    starts: re.Pattern | None = None

    def finditer(self, text: str, lowered: str | None = None) -> Iterator[tuple[int, int, str]]:
        """``(start, end, group)`` of each match of ``regex``, found as ``regex.finditer`` finds them.

        With ``lowered`` (``text`` lower-cased, same length), the patterns are tried only at the word starts
        ``starts`` finds there: a case-sensitive scan whose alternatives fail at their first letter, where the
        case-insensitive expression enters each alternative at each word. Otherwise consuming the non-word
        character before a word start lets the engine skip ahead with its character-set test instead of trying
        the look-behind at every character. Each search resumes at the previous match's last character, which
        may be the non-word character the next one needs.
        """
        if self.after_non_word is None:
            for match in self.regex.finditer(text):
                yield match.start(), match.end(), match.lastgroup
            return
        position = 0
        first = self.regex.match(text)
        if first is not None:
            yield first.start(), first.end(), first.lastgroup
            position = first.end()
        if self.starts is not None and lowered is not None and not any(char in text for char in UNLOWERED_MATCHES):
            match_at = self.regex.match
            for candidate in self.starts.finditer(lowered):
                start = candidate.start() + 1
                if start < position:
                    continue
                match = match_at(text, start)
                if match is not None:
                    yield start, match.end(), match.lastgroup
                    position = match.end()
            return
        search = self.after_non_word.search
        match = search(text, max(position - 1, 0))
        while match is not None:
            yield match.start() + 1, match.end(), match.lastgroup
            match = search(text, match.end() - 1)
