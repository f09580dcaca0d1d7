"""Find the cues of the clause grammar in provision texts: the scanner behind ``grammar.clause``.

The terminals of ``clause.lark`` are indexed by the words and characters they can start with
(``build_scanner``); a ``Scanner`` finds a text's cues by trying, at each candidate word or character, the
terminals that can start there, and groups them into sentences, naming the text between two cues FEW or
WORDS (``Scanner.scan_cues``; ``Scanner.scan_texts`` for a document's provisions at once).
"""
from __future__ import annotations

import re
# re's own pattern parser (sre_parse before 3.11) lists the words each terminal pattern can start with.
import re._constants as _sre
import re._parser as _sre_parser
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from lark import Lark
from lark.exceptions import GrammarError

from grammar.trie import trie_regex

Cue = tuple[int, int, str]  # start, end in the provision's text, terminal name (sorts by position)
Sentence = tuple[tuple[str, ...], list[Cue]]  # the cue names of one sentence, then its cues
# The declared tokens for the text between two cues.
GAP_TYPES = frozenset({"WORDS", "FEW"})
# What a participial opener ("RECOGNIZING that …") may follow in its sentence.
OPENER_BOUNDARIES = frozenset({"BREAK", "QUOTE", "_ENUM"})
OPENERS = frozenset({"PARTICIPLE", "PURPOSE"})
# A list label alone before a participle ("1) Desiring …", "iv. Recognizing …"), in lower case.
ENUM_LABEL = re.compile(r"\s*(?:\d{1,3}|[a-z]{1,4})[.)]\s*")

# ----------------------------------------------------------------------------- scanning
#
# One regex alternation over ~30 terminals runs at 1-5 MB/s in Python's re (every position tries every
# branch), far below the 15 MB/s this stage needs.  So the scanner splits the work the way the patterns
# allow: a word cue can only start at a word the grammar lists as its possible first word (the piece's
# words are intersected with that list in C, then str.find visits each occurrence); a punctuation cue only
# at a character one of the punctuation patterns starts with, found with a one-class regex.  At each
# candidate the terminals that can start there are tried in priority order with the grammar's own pattern (at a
# word, cut down to the alternatives that can start with that word, in their order: re would enter each of a
# terminal's hundred alternatives in turn), and overlaps go to the earlier start, so the result is what the
# ordered alternation would give.
#
# A document's provisions are scanned together (``scan_texts``): first words are then found by one regex
# written as a trie over the grammar's listed words, which also reads the word after them, rather than by a
# translate, split and str.find per provision.

# Letters of the Spanish, Portuguese and French agreements among those notified to the WTO spell words too ("deberá").
WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-'’áéíóúüñçàèìòùâêîôûãõäëïö")
# Characters str.strip removes from a word before looking it up: punctuation around a word.
WORD_EDGES = ".,;:!?\"“”()[]'’`"
PLAIN_WORDS = str.maketrans({char: " " for char in WORD_EDGES + "\t\n\r\x0b\x0c\xa0\u2002\u2003\u2009\u202f"})
# Joins a document's provision texts for one scan: no pattern matches it, and it matches no \w, \s or ")".
TEXT_SEPARATOR = "\x00"
PLAIN_JOINED_WORDS = PLAIN_WORDS | {ord(TEXT_SEPARATOR): " "}
# What separates two words in joined texts with no whitespace but spaces and newlines.
JOINED_DELIMITERS = WORD_EDGES + " \n" + TEXT_SEPARATOR
# Texts with whitespace other than spaces and newlines are scanned one by one: _word_cues's pair needles
# tell such whitespace from a space, the joined scan does not.
ODD_WHITESPACE = re.compile(r"[^\S \n]")
# Characters looked at after a first word to find the second: longer than any listed second word.
SECOND_WORD_REACH = 24


class _Unlistable(Exception):
    """A pattern's first word cannot be listed (an open class such as \\w+ or \\d{1,2})."""


def _leading_words(pattern: str) -> frozenset[tuple[str, ...]] | None:
    """Every first word, with the second word where that can be listed too, or None for punctuation.

    >>> sorted(_leading_words(r"\\b(?:agree[sd]?|undertake)\\s+not\\b"))
    [('agree', 'not'), ('agreed', 'not'), ('agrees', 'not'), ('undertake', 'not')]
    """
    return _leading_words_of(_sre_parser.parse(pattern).data)


def _leading_words_of(parsed) -> frozenset[tuple[str, ...]] | None:
    """``_leading_words`` of a parsed pattern."""
    try:
        opened, closed = _walk(parsed, {((), "")}, 2)
    except _Unlistable:
        opened, closed = _walk(parsed, {((), "")}, 1)
    words = {done + ((current,) if current else ()) for done, current in opened | closed}
    return None if () in words else frozenset(words)


Partial = tuple[tuple[str, ...], str]  # words complete so far, the word being spelled


def _walk(items, partials: set[Partial], wanted: int) -> tuple[set[Partial], set[Partial]]:
    """Spell the leading words of ``items`` from each partial: (still open, ended by a non-word character).

    Whitespace moves on to the next word until ``wanted`` words are spelled; any other non-word character,
    or whitespace after the last wanted word, ends the spelling.
    """
    closed: set[Partial] = set()
    for op, av in items:
        if not partials:
            break
        if op is _sre.AT or (op is _sre.ASSERT_NOT or op is _sre.ASSERT) and av[0] < 0:
            continue  # \b and lookbehinds consume nothing
        if op is _sre.LITERAL or op is _sre.IN:
            chars = _literal_chars(op, av)
            if chars is not None and chars <= WORD_CHARS:
                partials = {(done, current + char) for done, current in partials for char in chars}
            elif chars is not None and chars & WORD_CHARS:
                raise _Unlistable(f"{op} {av}")
            else:
                partials, ended = _separate(partials, wanted, whitespace=_is_whitespace(op, av))
                closed |= ended
        elif op is _sre.SUBPATTERN:
            partials, ended = _walk(av[-1].data, partials, wanted)
            closed |= ended
        elif op is _sre.BRANCH:
            branches = [_walk(branch.data, partials, wanted) for branch in av[1]]
            partials = set().union(*(opened for opened, _ in branches))
            closed |= set().union(*(ended for _, ended in branches))
        elif (op is _sre.MAX_REPEAT or op is _sre.MIN_REPEAT) and _is_whitespace_run(av[2].data):
            partials, ended = _separate(partials, wanted, whitespace=True)
            closed |= ended
        elif op is _sre.MAX_REPEAT or op is _sre.MIN_REPEAT:
            low, high, body = av
            if (low, high) != (0, 1):
                raise _Unlistable(f"repeat {low}..{high} inside a leading word")
            opened, ended = _walk(body.data, partials, wanted)
            closed |= ended
            partials = partials | opened
        elif op is _sre.ASSERT or op is _sre.ASSERT_NOT:
            closed |= partials
            partials = set()
        else:
            raise _Unlistable(str(op))
    return partials, closed


def _separate(partials: set[Partial], wanted: int, *, whitespace: bool) -> tuple[set[Partial], set[Partial]]:
    """A non-word character: whitespace starts the next wanted word, anything else ends the spelling."""
    if not whitespace:
        return set(), partials
    opened = {(done + (current,), "") for done, current in partials if current and len(done) + 1 < wanted}
    ended = {partial for partial in partials if not (partial[1] and len(partial[0]) + 1 < wanted)}
    return opened, ended


def _is_whitespace(op, av) -> bool:
    if op is _sre.LITERAL:
        return chr(av).isspace()
    return all(item_op is _sre.CATEGORY and item is _sre.CATEGORY_SPACE for item_op, item in av)


def _is_whitespace_run(items) -> bool:
    return len(items) == 1 and items[0][0] in (_sre.IN, _sre.LITERAL) and _is_whitespace(*items[0])


def _literal_chars(op, av) -> frozenset[str] | None:
    """The characters a LITERAL or a class of literals and small ranges matches; None for \\s, \\w and negations."""
    if op is _sre.LITERAL:
        return frozenset(chr(av))
    chars: set[str] = set()
    for item_op, item in av:
        if item_op is _sre.LITERAL:
            chars.add(chr(item))
        elif item_op is _sre.RANGE and item[1] - item[0] < 64:
            chars.update(chr(code) for code in range(item[0], item[1] + 1))
        else:
            return None
    return frozenset(chars)


def _first_chars(pattern: str) -> frozenset[str]:
    """The characters a punctuation pattern can start with."""
    chars: set[str] = set()
    for op, av in _skip_zero_width(_sre_parser.parse(pattern).data):
        if op is _sre.BRANCH:
            for branch in av[1]:
                chars |= _first_chars_of(branch.data)
        else:
            chars |= _first_chars_of([(op, av)])
        break
    return frozenset(chars)


def _first_chars_of(items) -> set[str]:
    for op, av in _skip_zero_width(items):
        if op is _sre.SUBPATTERN:
            return _first_chars_of(av[-1].data)
        if op is _sre.BRANCH:
            return set().union(*(_first_chars_of(branch.data) for branch in av[1]))
        if op is _sre.MAX_REPEAT or op is _sre.MIN_REPEAT:
            return _first_chars_of(av[2].data)
        chars = _literal_chars(op, av)
        if chars is None:
            raise _Unlistable(f"{op} {av}")
        return set(chars)
    return set()


def _skip_zero_width(items):
    return [(op, av) for op, av in items if not (op is _sre.AT or (op in (_sre.ASSERT, _sre.ASSERT_NOT) and av[0] < 0))]


def _top_alternatives(source: str) -> list[str]:
    """The alternatives of a pattern's top-level alternation, through a group wrapping the whole pattern.

    >>> _top_alternatives(r"(?:\\bshall\\s+not\\b|\\b(?:may|must)\\b)")
    ['\\\\bshall\\\\s+not\\\\b', '\\\\b(?:may|must)\\\\b']
    """
    pieces = _split_top_level(source)
    if len(pieces) == 1 and source.startswith("(?:") and _closing_paren(source) == len(source) - 1:
        return _top_alternatives(source[3:-1])
    return pieces


def _split_top_level(source: str) -> list[str]:
    """``source`` cut at each "|" outside groups and character classes."""
    pieces, start = [], 0
    for at, char, depth in _structure(source):
        if char == "|" and depth == 0:
            pieces.append(source[start:at])
            start = at + 1
    return pieces + [source[start:]]


def _closing_paren(source: str) -> int:
    """Where the group opening at offset 0 closes."""
    return next((at for at, char, depth in _structure(source) if char == ")" and depth == 0), -1)


def _structure(source: str) -> Iterator[tuple[int, str, int]]:
    """Each "(", ")" and "|" of ``source`` outside escapes and character classes: its offset, itself, and the group
    depth after it."""
    depth, at = 0, 0
    while at < len(source):
        char = source[at]
        if char == "\\":
            at += 1
        elif char == "[":
            at = _class_end(source, at)
        elif char in "()|":
            depth += 1 if char == "(" else -1 if char == ")" else 0
            yield at, char, depth
        at += 1


def _class_end(source: str, at: int) -> int:
    """Where the character class opening at ``at`` closes (a "]" right after "[" or "[^" is a literal)."""
    at += 2 if source.startswith("[^", at) else 1
    at += source.startswith("]", at)
    while source[at] != "]":
        at += 2 if source[at] == "\\" else 1
    return at


# A top-level alternative of a terminal: its source, the words it may spell first, and their starts that end before a
# word edge that is also a word character ("party" of "party's").
Alternative = tuple[str, frozenset[str], frozenset[str]]


def _listed_alternatives(source: str) -> list[Alternative] | None:
    """Each top-level alternative of a word pattern with its possible first words; None when one cannot be listed
    (or holds a group, which another alternative might refer to), so the whole pattern is tried at every word."""
    listed = []
    for alternative in _top_alternatives(source):
        try:
            parsed = _sre_parser.parse(alternative)
            leading = _leading_words_of(parsed.data) if parsed.state.groups == 1 else None
        except (_Unlistable, re.error):
            return None
        if leading is None:
            return None
        firsts = frozenset(words[0] for words in leading)
        listed.append((alternative, firsts, frozenset(first[:at] for first in firsts
                                                      for at, char in enumerate(first) if at and char in WORD_EDGES)))
    return listed


def _may_start_at(alternative: Alternative, word: str) -> bool:
    """Whether an alternative may match at a whole word ``word`` of the text: a word it spells first is the word's
    start, or the word then one of its edges that is also a word character ("party's" at "party").

    >>> alternative = ("", frozenset({"agree", "party's"}), frozenset({"party"}))
    >>> [_may_start_at(alternative, word) for word in ("agree", "agreed", "party", "agre", "parties")]
    [True, True, True, False, False]
    """
    _, firsts, cut_at_edges = alternative
    return word in cut_at_edges or any(word[:end] in firsts for end in range(len(word), 0, -1))


def _pattern_for_word(word: str, source: str, listed: list[Alternative] | None,
                      narrowed: dict[tuple[str, ...], re.Pattern[str]]) -> re.Pattern[str]:
    """The terminal's pattern cut down to the alternatives that may start at ``word``, in their order, so the first
    one that matches, and so the match, stays the same: re enters every alternative of an alternation in turn, and
    most of a terminal's alternatives start with other words (``narrowed`` shares the patterns between words)."""
    if listed is None:
        return re.compile(source)
    chosen = tuple(alternative[0] for alternative in listed if _may_start_at(alternative, word))
    if chosen not in narrowed:
        narrowed[chosen] = re.compile(source if len(chosen) == len(listed) else "(?:" + "|".join(chosen) + ")")
    return narrowed[chosen]


def _word_finder(by_word, second_words: dict[str, frozenset[str] | None]) -> re.Pattern[str]:
    """One regex finding every first word between two word delimiters, in joined lowercase texts after a space.

    It matches from the delimiter before the word (the space put first, at the start of the texts): a regex
    that starts with a character class lets re skip the characters outside it in C.

    Group ``any`` is a word one of whose terminals takes any second word; what follows is looked at in the
    same pass: group ``second`` is the next word when one delimiter sets it off and some terminal lists it,
    group ``spaced`` says two delimiters follow (where ``_word_cues`` looks further ahead).  Group ``pair`` is
    a word whose terminals all need a listed second word, found only where one delimiter and a second word
    its own terminals list follow (``pair_text``: both words; "by the" is no hit, though "the" follows other
    words' terminals), and group ``pair_spaced`` such a word where two delimiters do, as its pair needles
    would.  The words are written as tries, so that each position tries a letter or two rather than 250 words.
    """
    delimiter = "[" + re.escape(JOINED_DELIMITERS) + "]"
    word_end = f"(?={delimiter}|$)"
    # A listed word holding a delimiter ("won't") is never a whole word of _word_cues's split text: left out.
    findable = {word: seconds for word, seconds in second_words.items() if _undelimited(word)}
    any_words = [word for word, seconds in findable.items() if seconds is None]
    pair_words = [word for word, seconds in findable.items() if seconds is not None]
    seconds = {second for entries in by_word.values() for needed, _, _ in entries for second in needed or ()
               if _undelimited(second)}
    pairs = [f"{word} {second}" for word in pair_words for second in findable[word] if _undelimited(second)]
    return re.compile(f"{delimiter}(?:(?P<any>{trie_regex(any_words)}){word_end}"
                      f"(?={delimiter}(?:(?P<second>{trie_regex(seconds)}){word_end}|(?P<spaced>{delimiter}))|)"
                      f"|(?=(?P<pair_text>{trie_regex(pairs, space=delimiter)}){word_end})(?P<pair>{trie_regex(pair_words)}){word_end}"
                      f"|(?P<pair_spaced>{trie_regex(pair_words)})(?={delimiter}{delimiter}))")


def _undelimited(word: str) -> bool:
    return not any(char in JOINED_DELIMITERS for char in word)


def _lowercase(text: str) -> str:
    """``text`` lowercased without changing its length, so offsets hold in both ("İ" lowercases to two characters)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(char.lower() if len(char.lower()) == 1 else char for char in text)


def _cues_by_text(found: list[Cue], bounds: list[tuple[int, int]]) -> Iterator[list[Cue]]:
    """The sorted cues of the joined texts cut text by text: every cue starts inside its text, so one walk
    along them finds each text's last cue (cheaper than two binary searches per text)."""
    index = 0
    for _, end in bounds:
        first = index
        while index < len(found) and found[index][0] < end:
            index += 1
        yield found[first:index]


def _text_bounds(texts: list[str]) -> list[tuple[int, int]]:
    """Where each text sits in the texts joined by ``TEXT_SEPARATOR``."""
    bounds = []
    start = 0
    for text in texts:
        bounds.append((start, start + len(text)))
        start += len(text) + len(TEXT_SEPARATOR)
    return bounds


def _following_word(lowered: str, end: int, bounds: list[tuple[int, int]]) -> str | None:
    """The word ``_word_cues`` looks at after a first word ending at ``end``: the first one within reach.

    A word the reach cuts short counts only if it is a whole word somewhere in its own text too (where
    ``_word_cues`` would have kept the terminal listing it).
    """
    reach = lowered[end:end + SECOND_WORD_REACH].translate(PLAIN_JOINED_WORDS)
    words = reach.split(None, 1)
    if not words:
        return None
    cut_short = len(words) == 1 and not reach[-1].isspace() and end + SECOND_WORD_REACH < len(lowered) \
        and not lowered[end + SECOND_WORD_REACH:end + SECOND_WORD_REACH + 1].translate(PLAIN_JOINED_WORDS).isspace()
    if cut_short:
        start, stop = bounds[bisect_right(bounds, (end, len(lowered))) - 1]
        if words[0] not in lowered[start:stop].translate(PLAIN_JOINED_WORDS).split():
            return None
    return words[0]


@dataclass(frozen=True)
class Scanner:
    """Where each cue can start: terminals by first word, punctuation terminals by first character."""

    #: first word -> (allowed second words or None for any, terminal name, pattern), in priority order
    by_word: dict[str, tuple[tuple[frozenset[str] | None, str, re.Pattern[str]], ...]]
    by_char: dict[str, tuple[tuple[str, re.Pattern[str]], ...]]
    punctuation: re.Pattern[str]
    first_words: frozenset[str]
    #: first word -> every second word its terminals list, or None when one of them takes any second word
    second_words: dict[str, frozenset[str] | None]
    #: (first word, second word) -> the (terminal name, pattern) that list that pair, in priority order
    by_pair: dict[tuple[str, str], tuple[tuple[str, re.Pattern[str]], ...]]
    #: Finds in joined lowercase texts the first words a word cue can start at (see ``_word_finder``).
    word_finder: re.Pattern[str]
    #: The cue names of verbs: the gap right after one is FEW when it holds one or two words (a second verb may chain).
    verb_cues: frozenset[str]

    def scan_cues(self, text: str) -> list[Sentence]:
        """The cues of ``text`` sentence by sentence (the cue names, then the cues), each sentence ending in a
        STOP, with the text between two cues as FEW (one or two words right after a verb cue, where a second
        verb may chain) or WORDS (anything else: only verb groups tell the two apart, and one name for the rest
        means fewer sentence shapes to parse).  Examples: ``grammar.clause.scan_cues``.
        """
        lowered = _lowercase(text)
        found = self._word_cues(lowered) + self._punctuation_cues(lowered, [(0, len(lowered))])
        found.sort()
        return self._sentences(lowered, found, 0, len(lowered))

    def scan_texts(self, texts: list[str]) -> tuple[str, Iterator[list[Sentence]]]:
        """The cues of many texts (a document's provisions) from one scan of them all, as ``scan_cues`` gives
        them text by text; a cue's offsets index the texts joined by ``TEXT_SEPARATOR``, returned first.

        One regex pass for the first words and one for the punctuation over the whole document replace
        thousands of small scans, each with its own lowercasing, translate and split (issue 2).  The separator
        reads as the end of one text and the start of the next to every pattern: it is neither a word character
        nor whitespace nor ")", so \\b, \\s+, the lookbehinds and the lookaheads stop there as at the edge of a
        string; only "$" needs each text's own end, which the punctuation patterns (the only ones using it) are
        given as ``endpos``.  Examples: ``grammar.clause.scan_texts``.
        """
        joined = TEXT_SEPARATOR.join(texts)
        lowered = joined.lower()
        if (len(lowered) != len(joined) or joined.count(TEXT_SEPARATOR) != len(texts) - 1
                or ODD_WHITESPACE.search(joined)):
            return self._scan_one_by_one(texts)
        bounds = _text_bounds(texts)
        found = self._word_cues_joined(lowered, bounds)
        found += self._punctuation_cues(lowered, bounds)
        found.sort()
        # A generator: each text's cues are read and dropped before the next text's are made, so they die young
        # and the garbage collector's older generations stay small.
        return joined, (self._sentences(lowered, cues, start, end)
                        for (start, end), cues in zip(bounds, _cues_by_text(found, bounds)))

    def _scan_one_by_one(self, texts: list[str]) -> tuple[str, Iterator[list[Sentence]]]:
        """Texts the joined scan cannot take (one holds the separator, odd whitespace or a letter whose lowercase
        is longer), scanned apart with their offsets moved to the joined text."""
        joined = TEXT_SEPARATOR.join(texts)
        scanned = []
        for (start, _), text in zip(_text_bounds(texts), texts):
            scanned.append([(names, [(cue_start + start, cue_end + start, name) for cue_start, cue_end, name in cues])
                            for names, cues in self.scan_cues(text)])
        return joined, iter(scanned)

    def _sentences(self, lowered: str, found: list[Cue], begin: int, end: int) -> list[Sentence]:
        """Group the cues found in ``lowered[begin:end]`` (sorted) into sentences, naming the gaps between them:
        FEW right after a verb cue when at most two words, else WORDS."""
        sentences: list[Sentence] = []
        names: list[str] = []
        sentence: list[Cue] = []
        previous_end = begin
        for cue in found:
            start, cue_end, name = cue
            if start < previous_end:
                continue  # inside a longer cue
            if start > previous_end:
                gap = self._gap_name(lowered[previous_end:start], names)
                if gap:
                    names.append(gap)
                    sentence.append((previous_end, start, gap))
            if name in OPENERS and names and names[-1] not in OPENER_BOUNDARIES:
                if len(names) == 1 and names[0] == "WORDS" and ENUM_LABEL.fullmatch(lowered, sentence[0][0], sentence[0][1]):
                    # "1) Desiring to strengthen …;", "b) Recognizing …": a label the enumeration terminal does not read opens the
                    # recital, as "(1)" does.
                    names[0] = "_ENUM"
                    sentence[0] = (sentence[0][0], sentence[0][1], "_ENUM")
                else:
                    name = "WORDS"  # "A Party seeking to apply …": a participle inside a clause opens nothing
                    cue = (start, cue_end, name)
            elif name == "RECITAL":
                name = "BREAK" if not names or names[-1] in OPENER_BOUNDARIES else "SUBORD"
                cue = (start, cue_end, name)
            names.append(name)
            sentence.append(cue)
            previous_end = cue_end
            if name == "STOP":
                sentences.append((tuple(names), sentence))
                names, sentence = [], []
        if end > previous_end:
            gap = self._gap_name(lowered[previous_end:end], names)
            if gap:
                names.append(gap)
                sentence.append((previous_end, end, gap))
        if sentence:
            names.append("STOP")
            sentence.append((end, end, "STOP"))
            sentences.append((tuple(names), sentence))
        return sentences

    def _gap_name(self, gap: str, names: list[str]) -> str | None:
        """FEW for one or two words right after a verb cue, WORDS for other words, None for bare whitespace."""
        if names and names[-1] in self.verb_cues:
            words = gap.split(None, 2)
            return ("FEW" if len(words) < 3 else "WORDS") if words else None
        return None if gap.isspace() else "WORDS"

    def _word_cues(self, lowered: str) -> list[Cue]:
        """Cues that start with a word: find which listed words occur at all, then try the terminals at each.

        ``padded`` is the text with punctuation and whitespace turned into spaces, between two spaces, so
        " the " finds exactly the whole words "the" (at offset + 1 in ``padded``, the word's offset in the text).
        When no terminal for a first word can do without a second word, only the occurrences of the listed pairs
        (" the parties") are visited; that needs one space between words, so texts with runs of whitespace
        (hard-wrapped lines) visit every occurrence of the first word instead.
        """
        by_word, pairs = self.by_word, self.second_words
        padded = " " + lowered.translate(PLAIN_WORDS) + " "
        present = set(padded.split())
        single_spaced = "  " not in lowered and "\n" not in lowered
        found: list[Cue] = []
        for word in self.first_words.intersection(present):
            # Terminals that need a second word none of whose listed second words occurs need not be tried.
            entries = [entry for entry in by_word[word] if entry[0] is None or not entry[0].isdisjoint(present)]
            if not entries:
                continue
            seconds = pairs[word]
            if single_spaced and seconds is not None:
                needles = [f" {word} {second} " for second in seconds.intersection(present)]
            else:
                needles = [f" {word} "]
            step = len(word) + 1
            for needle in needles:
                at = padded.find(needle)
                while at >= 0:
                    following = None
                    for seconds_needed, name, pattern in entries:
                        if seconds_needed is not None:
                            if following is None:
                                following = padded[at + step:at + step + SECOND_WORD_REACH].split(None, 1)
                            if not following or following[0] not in seconds_needed:
                                continue
                        match = pattern.match(lowered, at)
                        if match:
                            found.append((at, match.end(), name))
                            break
                    at = padded.find(needle, at + step)
        return found

    def _word_cues_joined(self, lowered: str, bounds: list[tuple[int, int]]) -> list[Cue]:
        """``_word_cues`` of each text of ``lowered`` (texts joined by ``TEXT_SEPARATOR``, at ``bounds``), found
        with one regex over them all (see ``_word_finder``).

        A first word all of whose terminals need a listed second word is visited where one delimiter and a
        listed second word follow ("the parties") or where two delimiters do: the pair needle path of
        ``_word_cues`` without its single-spacing condition, which only tells whitespace other than a space or
        a newline from a space.
        """
        by_word, by_pair = self.by_word, self.by_pair
        found: list[Cue] = []
        # The space put first shifts every offset by one: a hit starts where its word starts in ``lowered``.
        for hit in self.word_finder.finditer(" " + lowered):
            at = hit.start()
            word, second, spaced, pair_text, paired, pair_spaced = hit.groups()
            if pair_text is not None:
                # The second word is known: only the terminals listing it are tried, with no look ahead.
                for name, pattern in by_pair[paired, pair_text[len(paired) + 1:]]:
                    match = pattern.match(lowered, at)
                    if match:
                        found.append((at, match.end(), name))
                        break
                continue
            word = word or pair_spaced
            following = _following_word(lowered, at + len(word), bounds) if spaced or pair_spaced else second
            for seconds_needed, name, pattern in by_word[word]:
                if seconds_needed is not None and following not in seconds_needed:
                    continue
                match = pattern.match(lowered, at)
                if match:
                    found.append((at, match.end(), name))
                    break
        return found

    def _punctuation_cues(self, lowered: str, bounds: list[tuple[int, int]]) -> list[Cue]:
        """Cues that start with punctuation in each text of ``lowered`` (texts joined by ``TEXT_SEPARATOR``, at
        ``bounds``): the terminals are tried at each character one of them starts with, and "$" matches at the
        end of the text the character is in."""
        by_char = self.by_char
        found: list[Cue] = []
        ends = iter([end for _, end in bounds])
        end = next(ends, len(lowered))
        for hit in self.punctuation.finditer(lowered):
            at = hit.start()
            while at > end:  # the separator at a text's end is no punctuation, so no hit falls on an end
                end = next(ends)
            for name, pattern in by_char[lowered[at]]:
                match = pattern.match(lowered, at, end)
                if match:
                    found.append((at, match.end(), name))
                    break
        return found


def build_scanner(parser: Lark, verb_cues: frozenset[str]) -> Scanner:
    """Index the grammar's terminals by what they start with, highest priority first, then in grammar order."""
    terminals = [terminal for terminal in parser.terminals if terminal.name not in GAP_TYPES]
    ranked = [terminal for _, terminal in sorted(enumerate(terminals), key=lambda pair: (-pair[1].priority, pair[0]))]
    by_word: dict[str, list[tuple[frozenset[str] | None, str, re.Pattern[str]]]] = {}
    by_char: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
    narrowed: dict[tuple[str, ...], re.Pattern[str]] = {}
    for terminal in ranked:
        source = terminal.pattern.to_regexp()
        try:
            leading = _leading_words(source)
            chars = _first_chars(source) if leading is None else frozenset()
        except _Unlistable as error:
            raise GrammarError(f"clause.lark: terminal {terminal.name} must start with listable words or "
                               f"punctuation ({error})") from error
        for char in chars:
            by_char.setdefault(char, []).append((terminal.name, re.compile(source)))
        listed = _listed_alternatives(source) if leading else None
        for first in {words[0] for words in leading or ()}:
            seconds = {words[1] for words in leading if words[0] == first and len(words) > 1}
            any_second = any(len(words) == 1 for words in leading if words[0] == first)
            by_word.setdefault(first, []).append((None if any_second else frozenset(seconds), terminal.name,
                                                  _pattern_for_word(first, source, listed, narrowed)))
    punctuation = re.compile("[" + "".join(re.escape(char) for char in sorted(by_char)) + "]")
    second_words = {word: None if any(seconds is None for seconds, _, _ in entries)
                    else frozenset().union(*(seconds for seconds, _, _ in entries)) for word, entries in by_word.items()}
    by_pair = {(word, second): tuple((name, pattern) for needed, name, pattern in entries
                                     if needed is not None and second in needed)
               for word, entries in by_word.items() if second_words[word] is not None for second in second_words[word]}
    return Scanner({word: tuple(entries) for word, entries in by_word.items()},
                   {char: tuple(entries) for char, entries in by_char.items()}, punctuation, frozenset(by_word),
                   second_words, by_pair, _word_finder(by_word, second_words), verb_cues)
