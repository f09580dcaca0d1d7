"""The taxonomy's phrases compiled for scanning: every form of every word, a trie of first words, and per first
word and category one expression for the rest of its phrases.

Scanning with one trie of all first-word forms is nearly as fast as splitting the text into words; only where
a first word occurs is its tail expression tried (``Vocabulary.finditer``)::

    "export {duty|tax}", "export ban"  →  first words: export(?:ed|ing|s)?
                                          tails of "export": (SEP(?:duti…|tax…))|(SEP ban…)
"""
from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from clauses.models import Taxonomy
from grammar.trie import trie_regex

#: Between the words of a phrase: any whitespace or hyphen, or nothing at all (``export-duties``,
#: ``export\nduties``, the run-together ``exportduties`` of converted PDFs, and ``workers’ rights``).
SEPARATOR = r"[\s\-']*"
#: The phrase scan reads these as the ASCII hyphen and apostrophe, in the text and in the phrases alike (the
#: lengths stay, so do the offsets): a character class holding one code point above 255 takes re's slow charset
#: path at every one of the thousands of separators in the phrase tails (1.4 s of compiling per process).
SCAN_FOLD = str.maketrans({"\u00ad": "-", "\u2010": "-", "\u2011": "-", "\u2019": "'"})
FOLDED = tuple(map(chr, SCAN_FOLD))
WORD_SLOT = re.compile(r"\{[^}]*\}|[^\s{}]+")
WORD_CHARACTER = re.compile(r"\w")
PLAIN_WORD = re.compile(r"\w+")
#: Private-use code points (plane 16) beyond every vocabulary character: they mark where a first-word form ends.
FORM_END_MARK = 0x100000
OPENING_LENGTH = 3
VOWELS = set("aeiou")
#: ``*`` in a phrase: up to five words in between, within one clause (no sentence punctuation) and one paragraph: a
#: gap across a line break joined "read more" at the end of one paragraph to "investment" in the next, and that match,
#: belonging to no provision, then hid the next paragraph's own "facilitate investment".  A dash set off by spaces
#: counts as one of the words ("customs duties – equivalent in effect to customs duties – to the export"), and so does
#: an abbreviation with its inner full stops ("the strengthening of key U.S. supply chains"; a word's own full stop
#: alone still ends the clause), also run on with a hyphen ("the U.S.-Saudi Investment Forum"). Written as an optional
#: tail on the word, not as an alternative tried first at every word, which made classifying the ToTA treaties up to 8%
#: slower.
#: A gap word is taken in runs, letters and punctuation each possessively, so it ends only before or after a run of
#: punctuation (before the hyphen of "Sub-Committee", after the dash of "duties—equivalent"), never inside a word:
#: a backtracking word retried every split of its letters for a next phrase word run together with it, three quarters
#: of the tail-matching time. The spaces before a gap word are possessive too: a word never starts with one.
GAP = r"(?:(?:[^\S\n]|,)++(?:\w++|[\-'’–—]++)+(?:(?:\.\w+)+\.?(?:[\-–—]++\w++)*)?){0,5}?,?"
#: What a gap counts for in ordering tails by length (``expression_length``): the length of its first spelling,
#: whose order, which decides between phrases that match alike, stays.
GAP_ORDER_LENGTH = 55
#: The same two in the first-word scan's check of what follows a first word: ``\W`` holds every separator character,
#: so these accept all that SEPARATOR and GAP accept (the tail expression decides), and a category escape compiles
#: in no time where a character class is optimised anew at each of the thousands of forms (0.8 s per process).
CHECK_SEPARATOR = r"\W*"
CHECK_GAP = r"(?:\W+\S+?){0,5}?"


# ----------------------------------------------------------------------------- vocabulary expansion

def word_forms(word: str, spellings: dict[str, list[str]], fixed_words: frozenset[str]) -> set[str]:
    """The surface forms of one vocabulary word: spelling variants, then plural and verb inflection.

    >>> sorted(word_forms("duty", {}, frozenset()))
    ['dutied', 'duties', 'duty']
    >>> sorted(word_forms("impose", {}, frozenset()))
    ['impose', 'imposed', 'imposes', 'imposing']
    >>> sorted(word_forms("labour", {"labour": ["labor"]}, frozenset()))
    ['labor', 'labored', 'laboring', 'labors', 'labour', 'laboured', 'labouring', 'labours']
    >>> sorted(word_forms("ban", {}, frozenset()))
    ['ban', 'banned', 'banning', 'bans']
    >>> sorted(word_forms("of", {}, frozenset({"of"})))
    ['of']
    >>> sorted(word_forms("catalyse", {}, frozenset()))
    ['catalyse', 'catalysed', 'catalyses', 'catalysing', 'catalyze', 'catalyzed', 'catalyzes', 'catalyzing']

    A word written ``=word`` is taken as it is: ``=esg`` matches only ``esg``.
    """
    if word.startswith("="):
        return {word[1:]}
    bases = {word, *spellings.get(word, [])}
    for base in list(bases):
        # British and American -ise/-ize (and -yse/-yze: catalyse, analyse) spellings are interchangeable.
        for british, american in (("isation", "ization"), ("ise", "ize"), ("ising", "izing"), ("ised", "ized"),
                                  ("yse", "yze"), ("ysing", "yzing"), ("ysed", "yzed")):
            if base.endswith(british):
                bases.add(base[: -len(british)] + american)
            elif base.endswith(american):
                bases.add(base[: -len(american)] + british)
    return {form for base in bases for form in _inflect(base, fixed_words)}


def compound_forms(word: str, spellings: dict[str, list[str]], fixed_words: frozenset[str]) -> set[str]:
    """The forms of a hyphenated word as it may be written: hyphenated, spaced or joined; the last part inflects.

    >>> sorted(compound_forms("re-use", {}, frozenset()))[:4]
    ['re use', 're used', 're uses', 're using']
    >>> "reuse" in compound_forms("re-use", {}, frozenset())
    True
    """
    *heads, last = word.split("-")
    return {joiner.join(heads) + joiner + form for joiner in ("-", " ", "") for form in word_forms(last, spellings, fixed_words)}


def _inflect(word: str, fixed_words: frozenset[str]) -> set[str]:
    if word in fixed_words or len(word) <= 2 or not word.isalpha():
        return {word}
    if word.endswith("y") and word[-2] not in VOWELS:
        return {word, word[:-1] + "ies", word[:-1] + "ied"}
    if word.endswith("e"):
        return {word, word + "s", word + "d", word[:-1] + "ing"}
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return {word, word + "es", word + "ed", word + "ing"}
    if len(word) <= 4 and word[-1] not in VOWELS | set("wxy") and word[-2] in VOWELS and word[-3] not in VOWELS:
        return {word, word + "s", word + word[-1] + "ed", word + word[-1] + "ing"}
    return {word, word + "s", word + "ed", word + "ing"}


def phrase_slots(phrase: str) -> list[list[list[str]]]:
    """A phrase as slots of alternative word sequences: ``{a|b}`` offers alternatives, ``{|a}`` an optional slot.

    >>> phrase_slots("{impose|levy on} export duty {|rate}")
    [[['impose'], ['levy', 'on']], [['export']], [['duty']], [[], ['rate']]]
    """
    slots = []
    for slot in WORD_SLOT.findall(phrase.lower()):
        options = slot[1:-1].split("|") if slot.startswith("{") else [slot]
        slots.append([WORD_SLOT.findall(option) for option in options])
    return slots


def vocabulary_words(taxonomy: Taxonomy) -> set[str]:
    """Every word form the taxonomy's phrases (and ignore phrases) can match, hyphenated words in parts.

    >>> from clauses.models import Taxonomy
    >>> sorted(vocabulary_words(Taxonomy.model_validate({"categories": [{"id": "x", "label": "X", "description": "x",
    ...     "phrases": ["{impose|levy} * re-export duty"]}]})))[:7]
    ['dutied', 'duties', 'duty', 'export', 'exported', 'exporting', 'exports']
    """
    fixed_words = frozenset(taxonomy.fixed_words)
    words: set[str] = set()
    for category in taxonomy.categories:
        for phrase in [*category.phrases, *category.ignore]:
            for slot in phrase_slots(phrase if isinstance(phrase, str) else phrase.phrase):
                for word in (word for option in slot for word in option if word != "*"):
                    *heads, last = word.split("-")
                    words.update(head.lstrip("=") for head in heads)
                    words |= word_forms(last, taxonomy.spellings, fixed_words)
    return words


def phrase_variants(phrase: str) -> set[str]:
    """The plain word sequences a phrase offers, before inflection (what headings are fuzzily compared to).

    >>> sorted(phrase_variants("{impose|levy} export {duty|tax}"))
    ['impose export duty', 'impose export tax', 'levy export duty', 'levy export tax']
    """
    options = [[" ".join(words) for words in slot] for slot in phrase_slots(phrase)]
    return {" ".join(part for part in combo if part) for combo in itertools.product(*options)} - {""}


class VocabularyCompiler:
    """Builds a taxonomy's phrase matcher: a trie of first words, then one tail expression per first word.

    Scanning with one trie of all first-word forms is nearly as fast as splitting the text into words;
    only where a first word occurs is its tail expression tried, whose groups say which phrases
    matched (``lastindex``)::

        "export {duty|tax}", "export ban"  →  first words: export(?:ed|ing|s)?
                                              tails of "export": (SEP(?:duti…|tax…))|(SEP ban…)
    """

    def __init__(self, spellings: dict[str, list[str]], fixed_words: frozenset[str]) -> None:
        self.spellings = spellings
        self.fixed_words = fixed_words
        #: (first word, category) → the rests of its phrases (words after the first, then slots) and their entries.
        self.rests: dict[tuple[str, str], list[tuple[list[str], list[list[list[str]]], VocabularyEntry]]] = {}
        #: Each word's forms and its expression as ``_joined`` writes it: a word recurs in many phrases.
        self.forms: dict[str, set[str]] = {}
        self.joined: dict[str, str] = {}

    def add(self, phrase: str, entry: VocabularyEntry) -> None:
        # Tails are kept per first word *and category*, so two categories' phrases that start alike
        # ("oil stocks" for stockpiling and for energy) each get their match.
        for first_word, head, rest in self._openings(phrase_slots(phrase.translate(SCAN_FOLD))):
            self.rests.setdefault((first_word, entry.category), []).append((head, rest, entry))

    def _openings(self, slots: list[list[list[str]]]) -> list[tuple[str, list[str], list[list[list[str]]]]]:
        """Each way a phrase can start: its first word, the other words of that option, the slots after it."""
        if not slots:
            return []
        openings = []
        for option in slots[0]:
            if not option:
                openings += self._openings(slots[1:])
                continue
            openings.append((option[0], option[1:], slots[1:]))
        return openings

    def tail_regexes(self, rests: list[tuple[list[str], list[list[list[str]]], VocabularyEntry]]
                     ) -> list[tuple[re.Pattern, list[list[VocabularyEntry]]]]:
        """One first word's phrase tails as expressions, each with the entries of its groups: the ``ignore`` phrases'
        tails, then the others'.

        Within each expression the longest tail comes first, so the longer of two phrases sharing a first word wins. The
        two kinds are matched apart and the scan keeps the longer match, an ignore phrase on a tie: an ignore phrase hides
        a shorter phrase ("fair market value" against "fair market") but not a longer one that uses it and does count
        ("customs union shall be established" against the ignored "customs union").
        """
        kinds: tuple[dict[str, list[VocabularyEntry]], dict[str, list[VocabularyEntry]]] = ({}, {})
        for head, rest, entry in rests:
            bucket = kinds[0 if entry.ignore else 1].setdefault(
                "".join(self._joined(word) for word in head) + self._slots_regex(rest), [])
            if entry not in bucket:
                bucket.append(entry)
        compiled = []
        for tails in kinds:
            if tails:
                ordered = sorted(tails.items(), key=lambda item: -expression_length(item[0]))
                regex = re.compile(f"(?:{'|'.join(f'({tail})' for tail, _ in ordered)})(?!\\w)")
                # Group 0 is the whole match: entries are looked up by ``lastindex``.
                compiled.append((regex, [[]] + [entries for _, entries in ordered]))
        return compiled

    def _slots_regex(self, slots: list[list[list[str]]]) -> str:
        parts = []
        for slot in slots:
            options = sorted({"".join(self._joined(word) for word in option) for option in slot if option},
                             key=lambda regex: -expression_length(regex))
            body = options[0] if len(options) == 1 else f"(?:{'|'.join(options)})"
            parts.append(f"(?:{body})?" if any(not option for option in slot) else body)
        return "".join(parts)

    def _joined(self, word: str) -> str:
        """A word as it follows the previous one; ``*`` stands for up to five other words in between."""
        if word == "*":
            return GAP
        joined = self.joined.get(word)
        if joined is None:
            *heads, last = word.split("-")
            parts = [re.escape(head) for head in heads] + [trie_regex(self.forms_of(last))]
            joined = self.joined[word] = SEPARATOR + SEPARATOR.join(parts)
        return joined

    def _first_forms(self, word: str) -> set[str]:
        if "-" in word:
            return compound_forms(word, self.spellings, self.fixed_words)
        return self.forms_of(word)

    def compile(self) -> Vocabulary:
        form_words: dict[str, list[tuple[tuple[str, str], int, int]]] = {}
        for key in sorted(self.rests):
            for form in self._first_forms(key[0]):
                form_words.setdefault(form, []).append((key, len(form), 0))
        own = {form: list(keys) for form, keys in form_words.items()}
        # The scan takes the longest first word ("supply chains" of "supply-chain mapping", "environmental," of
        # "environmental, social and governance"); phrases that start with a shorter one ("supply" of "supply *
        # vulnerability", "environmental" alone) continue from where it ends.
        # Phrases that start with a later word of it ("trade regime" in "free-trade regime", "financing" in
        # "co-financing") start there: the scan never stops at a word inside a longer first word.
        for form in list(form_words):
            for cut in (index for index, character in enumerate(form) if not WORD_CHARACTER.match(character)):
                form_words[form] += form_words.get(form[:cut], [])
                rest = form[cut + 1:]
                if rest in own and WORD_CHARACTER.match(rest):
                    offset = len(form) - len(rest)
                    form_words[form] += [(key, offset + length, offset) for key, length, _ in own[rest]]
        # A non-word character before the first word, not a look-behind: the engine then skips ahead to
        # candidates with its character-set test instead of trying the trie at every position. That
        # character is consumed, which only matters when a first word itself starts with one: then look behind.
        opening = r"\W" if all(WORD_CHARACTER.match(form) for form in form_words) else r"(?<!\w)"
        return Vocabulary(re.compile(opening + self._first_words_regex(form_words)), FormTails(self, form_words))

    def _first_words_regex(self, form_words: dict[str, list[tuple[tuple[str, str], int, int]]]) -> str:
        r"""The trie of first-word forms; a plain word's form ends only where one of its tails' next words follows.

        Most first-word hits ("agreement", "not", "goods") are followed by no tail's next word: checking that in
        the engine spares the scan's Python loop those hits. Still the same matches: where a plain word form
        (word characters only) matches, no other form does but a longer one (a non-word character after it),
        which the trie tries first; and the check is the opening of one of its tails, as its tail expression
        has it (separators, or a ``*`` gap, then the next word's first letters)::

            "export duty", "export ban"  →  export(?!\w)(?=SEP(?:ban|dut)), exports(?!\w)(?=SEP(?:ban|dut)) …
            "not * legally binding"      →  not(?!\w)(?=GAP SEP leg)
        """
        openings = {form: self._form_openings(form, keys) for form, keys in form_words.items()}
        # Each form ends with a private-use character that stands for its end check, replaced in the trie's regex:
        # beyond every character of the vocabulary, it keeps the trie's order (longer forms first).
        checks = sorted({frozenset(found) for found in openings.values() if found is not None}, key=sorted)
        marks = {found: chr(FORM_END_MARK + 1 + index) for index, found in enumerate(checks)}
        ends = {form: marks[frozenset(found)] if found is not None else chr(FORM_END_MARK) for form, found in openings.items()}
        regex = trie_regex({form + end for form, end in ends.items()}).replace(chr(FORM_END_MARK), r"(?!\w)")
        for found, mark in marks.items():
            regex = regex.replace(mark, rf"(?!\w)(?={_openings_regex(found)})")
        return f"({regex})"

    def _form_openings(self, form: str, keys: list[tuple[tuple[str, str], int, int]]) -> set[tuple[int, str]] | None:
        """How the form's tails can open (see ``_tail_openings``); None when unsure (a form with a non-word character,
        a tail that can be empty)."""
        if not PLAIN_WORD.fullmatch(form):
            return None
        openings: set[tuple[int, str]] = set()
        for key, _, _ in keys:
            for head, rest, _ in self.rests[key]:
                found = self._tail_openings(head, rest)
                if found is None:
                    return None
                openings |= found
        return openings

    def _tail_openings(self, words: list[str], slots: list[list[list[str]]]) -> set[tuple[int, str]] | None:
        """``(gaps, letters)`` for each way a tail (``words``, then ``slots``) can open: that many ``*`` gaps,
        then separators and a word starting with those letters; None when the tail can be empty."""
        if not words:
            if not slots:
                return None
            found = [self._tail_openings(option, slots[1:]) for option in slots[0]]
            return None if None in found else set().union(*found)
        if words[0] == "*":
            after = self._tail_openings(words[1:], slots)
            return None if after is None else {(gaps + 1, letters) for gaps, letters in after}
        *heads, last = words[0].split("-")
        if heads:
            return {(0, heads[0][:OPENING_LENGTH])}
        return {(0, form[:OPENING_LENGTH]) for form in self.forms_of(last)}

    def forms_of(self, word: str) -> set[str]:
        """``word_forms`` of ``word`` with this taxonomy's spellings, built once."""
        forms = self.forms.get(word)
        if forms is None:
            forms = self.forms[word] = word_forms(word, self.spellings, self.fixed_words)
        return forms


def expression_length(regex: str) -> int:
    """A tail expression's length as tails are ordered: each gap counts for ``GAP_ORDER_LENGTH``.

    >>> expression_length(GAP + "duty") == GAP_ORDER_LENGTH + len("duty")
    True
    """
    return len(regex) + regex.count(GAP) * (GAP_ORDER_LENGTH - len(GAP))


def _openings_regex(openings: set[tuple[int, str]]) -> str:
    """The tail openings ``(gaps, letters)`` of a form as one check, accepting at least what ``_joined``'s gaps and separators accept."""
    by_gaps: dict[int, set[str]] = {}
    for gaps, letters in openings:
        by_gaps.setdefault(gaps, set()).add(letters)
    alternatives = [CHECK_GAP * gaps + CHECK_SEPARATOR + trie_regex(letters) for gaps, letters in sorted(by_gaps.items())]
    return alternatives[0] if len(alternatives) == 1 else f"(?:{'|'.join(alternatives)})"


class FormTails(dict):
    """A first-word form → the tails to try after it: ``(match, offset, entries by group)``, compiled on first use.

    Most first words of a large taxonomy never occur in a given text, and compiling every tail up front
    cost most of a taxonomy's load time (issue 3): each is compiled when the scan first meets its word.
    Keeping the bound ``match`` and the offset per form spares the scan two look-ups per try.
    """

    def __init__(self, compiler: VocabularyCompiler, form_words: dict[str, list[tuple[tuple[str, str], int, int]]]) -> None:
        super().__init__()
        self.compiler = compiler
        self.form_words = form_words
        self.by_key: dict[tuple[str, str], list[tuple[re.Pattern, list[list[VocabularyEntry]]]]] = {}

    def __missing__(self, form: str) -> list[tuple[Callable[[str, int], re.Match | None], int, int, list[list[VocabularyEntry]]]]:
        tails = []
        for key, length, offset in self.form_words[form]:
            if key not in self.by_key:
                self.by_key[key] = self.compiler.tail_regexes(self.compiler.rests[key])
            for regex, group_entries in self.by_key[key]:
                tails.append((regex.match, length, offset, group_entries))
        self[form] = tails
        return tails


@dataclass(frozen=True)
class Vocabulary:
    """The compiled phrases of a taxonomy (see ``VocabularyCompiler``)."""

    first_regex: re.Pattern
    form_tails: FormTails

    def finditer(self, lowered: str) -> Iterator[tuple[int, int, list[VocabularyEntry]]]:
        """``(start, end, entries)`` of each phrase in lower-cased text: per category, the longest at each start.

        A match hides later matches of its own categories that start inside it ("export duties" is one
        piece of evidence, not two), never another category's: in "establish an Environmental Affairs
        Council" both the council and "environmental" count. ``ignore`` entries come out too: the caller
        drops them and the category's other matches inside them.
        """
        if any(character in lowered for character in FOLDED):
            lowered = lowered.translate(SCAN_FOLD)
        covered: dict[str, int] = {}
        form_tails = self.form_tails
        # The leading space stands for the non-word character the scan wants before a first word at 0.
        for first in self.first_regex.finditer(" " + lowered):
            start = first.start(1) - 1
            # Each first word (recycle, recycling …) of each category has its own phrases: all may match here.
            found = [(start + offset, match.end(), group_entries[match.lastindex])
                     for match_tail, length, offset, group_entries in form_tails[first.group(1)]
                     if (match := match_tail(lowered, start + length)) is not None]
            if len(found) > 1:
                # Longest first at each start: "gas storage" (a phrase under "gas") before the bare "=gas" of the same
                # category, which would otherwise hide it.
                found.sort(key=_longest_first)
            for begin, end, entries in found:
                # A phrase reaching past an earlier one of its category that it overlaps is evidence of its own: in
                # "clean energy production" the weak "clean energy" must not hide "energy production".
                fresh = [entry for entry in entries if covered.get(entry.category, -1) <= begin
                         or covered[entry.category] < end]
                for entry in fresh:
                    covered[entry.category] = end
                if fresh:
                    yield begin, end, fresh


def _longest_first(hit: tuple[int, int, list]) -> tuple[int, int, bool]:
    """At each start the longest first; on a tie an ``ignore`` phrase first, whatever its first word, so that it hides the
    phrase it ties with ("exchanged views" ignored against "{exchange …} views"), as it does within one first word's tails."""
    return hit[0], -hit[1], not hit[2][0].ignore


@dataclass(frozen=True)
class VocabularyEntry:
    category: str
    source: str
    weight: float
    #: An ``ignore`` phrase: it hides the category's vocabulary inside it and is not evidence itself.
    ignore: bool = False
    #: The layout of the documents where the entry counts (``clauses.models.Layout``); None: all.
    layout: str | None = None
