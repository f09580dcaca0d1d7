"""Tag provisions with clause categories: one scan of the compiled vocabulary over the document's text.

The taxonomy's phrases are compiled once per taxonomy (``VocabularyCompiler``): a trie of every form of
every phrase's first word, scanned over the lower-cased text, and, per first word and category, one
expression for the rest of its phrases (inflection, spelling, hyphenation and ``*`` gaps included),
tried only where a first word occurs. The regex ``patterns`` form a second expression. Matches go to the
provision whose own text holds them (a container owns its heading and lead-in, not its children's
text); weights add up per category, and exclusions veto::

    "Neither Party shall impose export duties."  →  export_duties  ('export duties' at 27-40)
"""
from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from re import _constants, _parser  # the expression parser: can a pattern be empty, what can it start with
from typing import NamedTuple, get_args

from rapidfuzz import fuzz, process

from clauses.deadline import classification_seconds, time_limit
from clauses.exclusions import Exclusions
from clauses.models import Candidate, Category, ClassifiedDocument, Evidence, Explanation, Layout, Tag, Taxonomy
from clauses.ocr import OcrLexicon, Repair
from grammar.errors import TimeLimitError
from grammar.clause import read_clause
from grammar.gc_pause import gc_paused
from grammar.models import Document, Provision, trusted
from grammar.normalize import normalize_text
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
#: The owner of the text of a skipped span in ``_own_segments``: no provision.
SKIPPED = "\x00skipped"
VOWELS = set("aeiou")
#: A named pattern group whose pattern opens with a word boundary (optionally inside a case flag group).
WORD_START_PATTERN = re.compile(r"\(\?P<\w+>(?:\(\?-?i:)?\\b")
#: ``*`` in a phrase: up to five words in between, within one clause (no sentence punctuation).
GAP = r"(?:[\s,]+[\w\-']+){0,5}?,?"
#: The same two in the first-word scan's check of what follows a first word: ``\W`` holds every separator character,
#: so these accept all that SEPARATOR and GAP accept (the tail expression decides), and a category escape compiles
#: in no time where a character class is optimised anew at each of the thousands of forms (0.8 s per process).
CHECK_SEPARATOR = r"\W*"
CHECK_GAP = r"(?:\W+\S+?){0,5}?"
#: Headings are short and often OCR-damaged: a heading this similar (fuzz.ratio) to a phrase counts as that phrase.
FUZZY_HEADING_CUTOFF = 90
FUZZY_WEIGHT = 1.0


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

    def tail_regex(self, rests: list[tuple[list[str], list[list[list[str]]], VocabularyEntry]]) -> tuple[re.Pattern, list[list[VocabularyEntry]]]:
        """One first word's phrase tails as one expression, and the entries of each of its groups."""
        tails: dict[str, list[VocabularyEntry]] = {}
        for head, rest, entry in rests:
            bucket = tails.setdefault("".join(self._joined(word) for word in head) + self._slots_regex(rest), [])
            if entry not in bucket:
                bucket.append(entry)
        # Ignore phrases first (they name what the vocabulary does not mean: "fair market value" against "fair
        # market"), then longest tails: among phrases sharing a first word, the longer match wins.
        ordered = sorted(tails.items(), key=lambda item: (not any(entry.ignore for entry in item[1]), -len(item[0])))
        regex = re.compile(f"(?:{'|'.join(f'({tail})' for tail, _ in ordered)})(?!\\w)")
        # Group 0 is the whole match: entries are looked up by ``lastindex``.
        return regex, [[]] + [entries for _, entries in ordered]

    def _slots_regex(self, slots: list[list[list[str]]]) -> str:
        parts = []
        for slot in slots:
            options = sorted({"".join(self._joined(word) for word in option) for option in slot if option},
                             key=lambda regex: -len(regex))
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
        self.by_key: dict[tuple[str, str], tuple[re.Pattern, list[list[VocabularyEntry]]]] = {}

    def __missing__(self, form: str) -> list[tuple[Callable[[str, int], re.Match | None], int, int, list[list[VocabularyEntry]]]]:
        tails = []
        for key, length, offset in self.form_words[form]:
            if key not in self.by_key:
                self.by_key[key] = self.compiler.tail_regex(self.compiler.rests[key])
            regex, group_entries = self.by_key[key]
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
            for match_tail, length, offset, group_entries in form_tails[first.group(1)]:
                match = match_tail(lowered, start + length)
                if match is None:
                    continue
                end = match.end()
                fresh = [entry for entry in group_entries[match.lastindex] if covered.get(entry.category, -1) <= start + offset]
                for entry in fresh:
                    covered[entry.category] = end
                if fresh:
                    yield start + offset, end, fresh


@dataclass(frozen=True)
class VocabularyEntry:
    category: str
    source: str
    weight: float
    #: An ``ignore`` phrase: it hides the category's vocabulary inside it and is not evidence itself.
    ignore: bool = False
    #: The layout of the documents where the entry counts (``clauses.models.Layout``); None: all.
    layout: str | None = None


@dataclass
class CompiledTaxonomy:
    """A taxonomy ready to match: two combined regular expressions and the tables to read their matches."""

    taxonomy: Taxonomy
    vocabulary: Vocabulary
    #: The patterns that count in each layout, combined; one expression serves both when none counts in one layout only.
    layout_patterns: dict[str, PatternScan | None]
    pattern_entries: dict[str, VocabularyEntry]
    exclusions: dict[str, Exclusions]
    common_exclusions: Exclusions
    heading_exclusions: Exclusions
    ancestors: dict[str, list[str]]
    #: Plain phrase variants by first letter, sorted by length, for fuzzy heading matching, and their entries.
    heading_choices: dict[str, list[str]] = field(default_factory=dict)
    heading_entries: dict[str, list[VocabularyEntry]] = field(default_factory=dict)
    heading_lengths: dict[str, list[int]] = field(default_factory=dict)
    categories: dict[str, Category] = field(default_factory=dict)
    #: Each category's position in the taxonomy: tags come out in that order.
    order: dict[str, int] = field(default_factory=dict)
    fuzzy_cache: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: The vocabulary's words as OCR damages them, built where a text is first classified (``ocr_lexicon``).
    ocr: OcrLexicon | None = None
    #: Whether some entry counts in one layout only (``VocabularyEntry.layout``): hits are then filtered by layout.
    layout_scoped: bool = False

    def pattern_scan(self, layout: str) -> PatternScan | None:
        return self.layout_patterns[layout]

    def ocr_lexicon(self) -> OcrLexicon:
        if self.ocr is None:
            self.ocr = OcrLexicon(vocabulary_words(self.taxonomy))
        return self.ocr


#: Compiled taxonomies by object and by content: loading the same file twice compiles it once.
_COMPILED: dict[int, tuple[Taxonomy, CompiledTaxonomy]] = {}
_COMPILED_BY_CONTENT: dict[str, CompiledTaxonomy] = {}


def compile_taxonomy(taxonomy: Taxonomy) -> CompiledTaxonomy:
    """Compile the taxonomy's vocabulary once; later calls with the same taxonomy (or an equal one) reuse it."""
    cached = _COMPILED.get(id(taxonomy))
    if cached is not None and cached[0] is taxonomy:
        return cached[1]
    content = taxonomy.model_dump_json(exclude={"source"})
    if content in _COMPILED_BY_CONTENT:
        compiled = _COMPILED_BY_CONTENT[content]
        _COMPILED[id(taxonomy)] = (taxonomy, compiled)
        return compiled
    compiler = VocabularyCompiler(taxonomy.spellings, frozenset(taxonomy.fixed_words))
    heading_entries: dict[str, list[VocabularyEntry]] = {}
    pattern_entries: dict[str, VocabularyEntry] = {}
    pattern_groups: list[tuple[str, str | None]] = []
    for category in taxonomy.categories:
        for phrase in category.phrases:
            text, weight, layout = (phrase, 1.0, None) if isinstance(phrase, str) else (phrase.phrase, phrase.weight, phrase.layout)
            entry = VocabularyEntry(category.id, text, weight, layout=layout)
            compiler.add(text, entry)
            for plain in phrase_variants(text.translate(SCAN_FOLD).replace("=", "")):
                # Headings name things in the plural ("Export Duties"): offer the last word's forms too.
                *head, last = plain.split(" ")
                for form in compiler.forms_of(last) if "*" not in plain else ():
                    heading_entries.setdefault(" ".join([*head, form]), []).append(entry)
        for phrase in category.ignore:
            text, layout = (phrase, None) if isinstance(phrase, str) else (phrase.phrase, phrase.layout)
            compiler.add(text, VocabularyEntry(category.id, text, 0.0, ignore=True, layout=layout))
        for pattern in category.patterns:
            text, weight, layout = (pattern, 1.0, None) if isinstance(pattern, str) else (pattern.pattern, pattern.weight, pattern.layout)
            group = f"p{len(pattern_groups)}"
            pattern_groups.append((f"(?P<{group}>{text})", layout))
            pattern_entries[group] = VocabularyEntry(category.id, text, weight, layout=layout)
    vocabulary = compiler.compile()
    heading_choices: dict[str, list[str]] = {}
    for plain in sorted(heading_entries, key=len):
        heading_choices.setdefault(plain[0], []).append(plain)
    parents = {category.id: category.parent for category in taxonomy.categories}
    ancestors = {}
    for category_id in parents:
        chain, current = [], parents[category_id]
        while current is not None:
            chain.append(current)
            current = parents.get(current)
        ancestors[category_id] = chain
    compiled = CompiledTaxonomy(
        taxonomy=taxonomy,
        vocabulary=vocabulary,
        layout_patterns=_layout_patterns(pattern_groups),
        pattern_entries=pattern_entries,
        # Kept apart, not combined: each pattern alone keeps the engine's literal-prefix shortcuts.
        exclusions={c.id: Exclusions.compile(c.exclusions, re.IGNORECASE | re.MULTILINE) for c in taxonomy.categories},
        common_exclusions=Exclusions.compile(taxonomy.common_exclusions, re.IGNORECASE | re.MULTILINE),
        heading_exclusions=Exclusions.compile(taxonomy.heading_exclusions, re.IGNORECASE),
        ancestors=ancestors,
        heading_choices=heading_choices,
        heading_entries=heading_entries,
        heading_lengths={letter: [len(plain) for plain in plains] for letter, plains in heading_choices.items()},
        categories={category.id: category for category in taxonomy.categories},
        order={category.id: index for index, category in enumerate(taxonomy.categories)},
        layout_scoped=any(getattr(item, "layout", None) is not None for category in taxonomy.categories
                          for item in (*category.phrases, *category.patterns, *category.ignore)),
    )
    _COMPILED[id(taxonomy)] = (taxonomy, compiled)
    _COMPILED_BY_CONTENT[content] = compiled
    return compiled


def _layout_patterns(pattern_groups: list[tuple[str, str | None]]) -> dict[str, PatternScan | None]:
    """Each layout's patterns (``(group regex, layout or None)``) combined: apart when some pattern counts in one layout
    only, since one combined expression finds one match per position and a pattern of the other layout must not hide
    one of this layout starting at the same character (the prose "Committee" before the structured "Committee shall")."""
    layouts = get_args(Layout)
    if all(layout is None for _, layout in pattern_groups):
        return dict.fromkeys(layouts, _combined_patterns([regex for regex, _ in pattern_groups]))
    return {layout: _combined_patterns([regex for regex, only in pattern_groups if only in (None, layout)]) for layout in layouts}


def _combined_patterns(groups: list[str]) -> PatternScan | None:
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
    firsts = [_first_characters(pattern.data) for pattern in parsed]
    check = "" if None in firsts else f"(?=[{''.join(firsts)}])"
    heads = [_head(pattern.data)[0] for pattern in parsed]
    lowered_firsts = [_first_characters(pattern.data, lowered=True) for pattern in parsed]
    starts = None if "" in heads or None in lowered_firsts else \
        re.compile(rf"\W(?=[{''.join(lowered_firsts)}])(?=(?:{'|'.join(heads)}))")
    return PatternScan(regex, re.compile(rf"\W{check}(?:{'|'.join(at_word_start)})", re.IGNORECASE), starts)


#: The non-ASCII characters that a case-insensitive ASCII letter matches and that ``str.lower`` leaves non-ASCII
#: (dotless ı for i, long ſ for s): lower-cased text cannot show where patterns start in a text holding them.
UNLOWERED_MATCHES = "\u0131\u017f"
#: The character classes a first-character check can name.
CATEGORY_CLASSES = {_constants.CATEGORY_DIGIT: r"\d", _constants.CATEGORY_NOT_DIGIT: r"\D", _constants.CATEGORY_WORD: r"\w",
                    _constants.CATEGORY_NOT_WORD: r"\W", _constants.CATEGORY_SPACE: r"\s", _constants.CATEGORY_NOT_SPACE: r"\S"}


def _first_characters(items: list, lowered: bool = False) -> str | None:
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
            return _lowered_class_body(argument) if lowered else _class_body(argument)
        if op is _constants.SUBPATTERN:
            return _first_characters(argument[3].data, lowered)
        if op is _constants.BRANCH:
            bodies = [_first_characters(alternative.data, lowered) for alternative in argument[1]]
            return None if None in bodies else "".join(bodies)
        if op in (_constants.MAX_REPEAT, _constants.MIN_REPEAT) and argument[0] >= 1:
            return _first_characters(argument[2].data, lowered)
        return None
    return None


def _head(items: list) -> tuple[str, bool]:
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


def _piece_head(op, argument) -> tuple[str, bool]:
    """``_head`` of one parsed piece: a literal, a class, a group, alternatives or a repeat of one character."""
    if op is _constants.LITERAL:
        return (re.escape(chr(argument).lower()), True) if argument < 128 else ("", False)
    if op is _constants.IN:
        body = _lowered_class_body(argument)
        return (f"[{body}]", True) if body is not None else ("", False)
    if op is _constants.SUBPATTERN:
        head, whole = _head(argument[3].data)
        return (f"(?:{head})" if head else ""), whole
    if op is _constants.BRANCH:
        heads = [_head(alternative.data) for alternative in argument[1]]
        if any(not head for head, _ in heads):
            return "", False
        return f"(?:{'|'.join(head for head, _ in heads)})", all(whole for _, whole in heads)
    if op in (_constants.MAX_REPEAT, _constants.MIN_REPEAT):
        low, high, body = argument
        head, whole = _head(body.data)
        if whole and head and len(body.data) == 1 and body.data[0][0] in (_constants.LITERAL, _constants.IN):
            return f"(?:{head}){{{low},{'' if high == _constants.MAXREPEAT else high}}}", True
        return (f"(?:{head})", False) if low >= 1 and head else ("", False)
    return "", False


def _lowered_class_body(items: list) -> str | None:
    """A class body matching the lower case of every character the parsed class matches, or None unless it is ASCII."""
    parts = []
    for op, argument in items:
        if op is _constants.LITERAL and argument < 128:
            parts.append(re.escape(chr(argument).lower()))
        elif op is _constants.RANGE and argument[1] < 128:
            low, high = argument
            parts.append(f"{re.escape(chr(low))}-{re.escape(chr(high))}")
            if low <= ord("Z") and high >= ord("A"):
                parts.append(f"{chr(max(low, ord('A'))).lower()}-{chr(min(high, ord('Z'))).lower()}")
        elif op is _constants.CATEGORY and argument in CATEGORY_CLASSES:
            parts.append(CATEGORY_CLASSES[argument])
        else:
            return None
    return "".join(parts)


def _class_body(items: list) -> str | None:
    parts = []
    for op, argument in items:
        if op is _constants.LITERAL:
            parts.append(re.escape(chr(argument)))
        elif op is _constants.RANGE:
            parts.append(f"{re.escape(chr(argument[0]))}-{re.escape(chr(argument[1]))}")
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
    #: In lower-cased text, the word starts where some pattern's head matches (see ``_head``); None when a head is unknown.
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


# ----------------------------------------------------------------------------- matching

class Hit(NamedTuple):
    start: int
    end: int
    entry: VocabularyEntry
    fuzzy: bool = False


def find_hits(text: str, compiled: CompiledTaxonomy, layout: str = "prose") -> list[Hit]:
    """Every vocabulary match in ``text``, in order of position: one phrase scan and one pattern scan. Entries
    written for the other ``layout`` (``structured`` or ``prose``) are left out."""
    lowered = text.lower()
    if len(lowered) != len(text):
        # str.lower can change the length (İ → i̇): lower character by character to keep every offset.
        lowered = "".join(character.lower()[0] for character in text)
    hits = _scan(text, lowered, compiled, layout)
    repairs = compiled.ocr_lexicon().repairs(lowered)
    if repairs:
        hits = _with_repaired_hits(hits, text, lowered, repairs, compiled, layout)
    if compiled.layout_scoped:
        hits = [hit for hit in hits if hit.entry.layout is None or hit.entry.layout == layout]
    hits.sort(key=lambda hit: hit.start)
    ignored = [hit for hit in hits if hit.entry.ignore]
    if not ignored:
        return hits
    return _without_ignored(hits, ignored)


def _scan(text: str, lowered: str, compiled: CompiledTaxonomy, layout: str) -> list[Hit]:
    hits = [Hit(start, end, entry) for start, end, entries in compiled.vocabulary.finditer(lowered) for entry in entries]
    patterns = compiled.pattern_scan(layout)
    if patterns is not None:
        hits += [Hit(start, end, compiled.pattern_entries[group]) for start, end, group in patterns.finditer(text, lowered)]
    return hits


def _with_repaired_hits(hits: list[Hit], text: str, lowered: str, repairs: list[Repair], compiled: CompiledTaxonomy,
                        layout: str) -> list[Hit]:
    """``hits`` plus those of the text with its OCR-damaged words repaired: each line holding one is scanned
    again with the words repaired, and its hits on a repaired word join (``fuzzy``), at the damaged word's
    offsets. A shorter hit of the same category inside one of them goes, as the longer match hides it in
    undamaged text."""
    lines: list[tuple[int, int, list[Repair]]] = []
    for repair in repairs:
        if lines and repair.start < lines[-1][1]:
            lines[-1][2].append(repair)
            continue
        start = lowered.rfind("\n", 0, repair.start) + 1
        end = lowered.find("\n", repair.end)
        lines.append((start, len(lowered) if end < 0 else end, [repair]))
    added = [hit for start, end, line_repairs in lines for hit in _line_hits(text, lowered, start, end, line_repairs, compiled, layout)
             if hit.fuzzy]
    # Per category: the repaired hits' starts in order, and the furthest end reached by any starting so far.
    starts: dict[str, list[int]] = {}
    reach: dict[str, list[int]] = {}
    for hit in sorted(added, key=lambda hit: hit.start):
        category = hit.entry.category
        starts.setdefault(category, []).append(hit.start)
        reach.setdefault(category, []).append(max(hit.end, reach[category][-1] if reach.get(category) else 0))
    return [hit for hit in hits if not _inside_one(hit, starts.get(hit.entry.category), reach.get(hit.entry.category))] + added


def _inside_one(hit: Hit, starts: list[int] | None, reach: list[int] | None) -> bool:
    if not starts:
        return False
    index = bisect_right(starts, hit.start) - 1
    return index >= 0 and reach[index] >= hit.end


def _line_hits(text: str, lowered: str, start: int, end: int, repairs: list[Repair], compiled: CompiledTaxonomy,
               layout: str) -> list[Hit]:
    """The hits of ``text[start:end]`` with ``repairs`` made, moved back to ``text``'s offsets."""
    pieces, lowered_pieces = [], []
    #: (start, end) of each repaired word in the repaired line, and (start, end) of the damaged word in ``text``.
    spans: list[tuple[int, int, int, int]] = []
    position, length = start, 0
    for repair in repairs:
        damaged = text[repair.start:repair.end]
        word = repair.word.upper() if damaged.isupper() else repair.word.capitalize() if damaged[:1].isupper() else repair.word
        pieces += [text[position:repair.start], word]
        lowered_pieces += [lowered[position:repair.start], repair.word]
        length += repair.start - position
        spans.append((length, length + len(word), repair.start, repair.end))
        length += len(word)
        position = repair.end
    pieces.append(text[position:end])
    lowered_pieces.append(lowered[position:end])
    repaired_starts = [span[0] for span in spans]

    def moved(offset: int, is_end: bool) -> int:
        index = bisect_right(repaired_starts, offset - 1 if is_end else offset) - 1
        if index < 0:
            return start + offset
        repaired_start, repaired_end, damaged_start, damaged_end = spans[index]
        if offset < repaired_end or (is_end and offset == repaired_end):
            return damaged_end if is_end else damaged_start
        return damaged_end + offset - repaired_end

    def on_a_repair(hit: Hit) -> bool:
        # The repaired words do not overlap: only the last one starting before the hit's end can reach into it.
        index = bisect_left(repaired_starts, hit.end) - 1
        return index >= 0 and spans[index][1] > hit.start

    line_hits = _scan("".join(pieces), "".join(lowered_pieces), compiled, layout)
    return [Hit(moved(hit.start, False), moved(hit.end, True), hit.entry, fuzzy=on_a_repair(hit)) for hit in line_hits]


def _without_ignored(hits: list[Hit], ignored: list[Hit]) -> list[Hit]:
    """The hits outside their category's ignore phrases ("Security Council" hides ``Council``), ignores dropped.

    One sweep in order of start: for each category, the furthest end of the ignore phrases started so far.
    """
    reach: dict[str, int] = {}
    kept = []
    next_ignored = 0
    for hit in hits:
        while next_ignored < len(ignored) and ignored[next_ignored].start <= hit.start:
            span = ignored[next_ignored]
            reach[span.entry.category] = max(reach.get(span.entry.category, -1), span.end)
            next_ignored += 1
        if not hit.entry.ignore and reach.get(hit.entry.category, -1) <= hit.start:
            kept.append(hit)
    return kept


def fuzzy_heading_hits(heading: str, offset: int, compiled: CompiledTaxonomy) -> list[Hit]:
    """A heading close to a phrase (``Export Dutles`` for ``export duties``) when exact matching found nothing."""
    wanted = " ".join(re.findall(r"[^\W\d_]+", heading.lower()))
    if wanted not in compiled.fuzzy_cache:
        # fuzz.ratio ≥ 90 needs lengths within about 20% of each other: compare only phrases that long,
        # and only those with the same first letter (OCR damage rarely hits the first letter of a heading).
        choices = compiled.heading_choices.get(wanted[:1], [])
        lengths = compiled.heading_lengths.get(wanted[:1], [])
        low = bisect_left(lengths, int(len(wanted) * 0.8))
        high = bisect_right(lengths, int(len(wanted) * 1.25) + 1)
        found = process.extractOne(wanted, choices[low:high], scorer=fuzz.ratio, score_cutoff=FUZZY_HEADING_CUTOFF) if wanted else None
        compiled.fuzzy_cache[wanted] = (found[0],) if found else ()
    return [Hit(offset, offset + len(heading), VocabularyEntry(entry.category, "~" + entry.source, entry.weight * FUZZY_WEIGHT), fuzzy=True)
            for plain in compiled.fuzzy_cache[wanted] for entry in compiled.heading_entries[plain]]


class Scored(NamedTuple):
    """A category's verdict on one provision (the light form of ``Candidate``, built per provision)."""

    category: str
    score: float
    evidence: list[Evidence]
    vetoed_by: str | None
    tagged: bool


def score_hits(hits: list[Hit], owner_texts: list[str], headings: list[str], text: str,
               compiled: CompiledTaxonomy, untagged: bool = False) -> list[Scored]:
    """Weigh the hits of one provision per category, apply exclusions, and add implied parent categories.

    A category's total is the sum over its distinct phrases/patterns of their weight; it is given when the
    total reaches the category's threshold, with score ``1 - 0.5 ** (total / threshold)`` (0.5 at the
    threshold, approaching 1 with more evidence). Candidates that fall short are kept only if ``untagged``.
    """
    by_category: dict[str, list[Hit]] = {}
    for hit in hits:
        by_category.setdefault(hit.entry.category, []).append(hit)
    totals: dict[str, float] = {}
    for category_id, category_hits in by_category.items():
        weights: dict[str, float] = {}
        for hit in category_hits:
            weights[hit.entry.source] = max(weights.get(hit.entry.source, 0.0), hit.entry.weight)
        totals[category_id] = sum(weights.values())
    # Exclusions only matter where a category reaches its threshold: skip the searches elsewhere.
    reaching = [c for c, total in totals.items() if total >= compiled.categories[c].threshold]
    veto_common = None
    if reaching:
        veto_common = compiled.common_exclusions.first_veto(owner_texts) or compiled.heading_exclusions.first_veto(headings)
    candidates: dict[str, Scored] = {}
    for category_id, category_hits in by_category.items():
        threshold = compiled.categories[category_id].threshold
        total = totals[category_id]
        if not untagged and category_id not in reaching:
            continue
        evidence = [trusted(Evidence, match=text[hit.start:hit.end], start=hit.start, end=hit.end,
                             pattern=hit.entry.source, score=hit.entry.weight) for hit in category_hits]
        veto = None
        if category_id in reaching:
            veto = veto_common or compiled.exclusions[category_id].first_veto(owner_texts)
        candidates[category_id] = Scored(category_id, round(1 - 0.5 ** (total / threshold), 3), evidence, veto,
                                         total >= threshold and veto is None)
    for candidate in list(candidates.values()):
        if not candidate.tagged:
            continue
        for ancestor in compiled.ancestors[candidate.category]:
            if ancestor not in candidates or not candidates[ancestor].tagged:
                candidates[ancestor] = Scored(ancestor, candidate.score, candidate.evidence, None, True)
    return list(candidates.values())


def _tags(candidates: list[Scored], compiled: CompiledTaxonomy) -> list[Tag]:
    if not any(candidate.tagged for candidate in candidates):
        return []
    order = compiled.order
    tagged = sorted((c for c in candidates if c.tagged), key=lambda c: order[c.category])
    return [trusted(Tag, category=c.category, score=c.score, evidence=c.evidence) for c in tagged]


# ----------------------------------------------------------------------------- documents

@gc_paused()
def classify_document(document: Document, taxonomy: Taxonomy) -> ClassifiedDocument:
    """Tag every provision of ``document`` with the taxonomy's categories, with evidence offsets in ``document.text``.

    A container (an article with paragraphs, a paragraph with items) is classified on its own text: its
    heading and lead-in, not its children's text, which carry their own tags. Raises ``TimeLimitError`` when a
    taxonomy pattern runs past the document's time limit (``clauses.deadline``).
    """
    seconds = classification_seconds(len(document.text))
    overrun = TimeLimitError(f"classifying took longer than its {seconds:.1f} s time limit: a pattern of taxonomy "
                             f"{taxonomy.source!r} backtracks on this text", path=document.path)
    with time_limit(seconds, overrun):
        return _tag_document(document, taxonomy)


def _tag_document(document: Document, taxonomy: Taxonomy) -> ClassifiedDocument:
    compiled = compile_taxonomy(taxonomy)
    text = document.text
    by_ref = {provision.ref: provision for provision in document.provisions}
    # A provision's heading is its own only where its parent's differs: children repeat their article's heading,
    # and that heading's words belong to the article, not to whichever child lies nearest to them.
    own_headings = [_own_heading(provision, by_ref) for provision in document.provisions]
    heading_spans = [_heading_span(provision, text) if own else None for provision, own in zip(document.provisions, own_headings)]
    segments = _own_segments(document, heading_spans)
    starts = [segment[0] for segment in segments]
    hits_by_ref: dict[str, list[Hit]] = {}
    for hit in find_hits(text, compiled, document.layout):
        index = bisect_right(starts, hit.start) - 1
        if index < 0 or hit.end > segments[index][1]:
            continue
        hits_by_ref.setdefault(segments[index][2], []).append(hit)
    owner_spans: dict[str, list[tuple[int, int]]] = {}
    for start, end, ref in segments:
        owner_spans.setdefault(ref, []).append((start, end))
    tags: dict[str, list[Tag]] = {}
    for provision, located in zip(document.provisions, heading_spans):
        hits = hits_by_ref.get(provision.ref, [])
        if located is not None and not any(h.start >= located[0] and h.end <= located[1] for h in hits):
            hits = hits + fuzzy_heading_hits(provision.heading, located[0], compiled)
        if not hits:
            continue
        headings = _heading_chain(provision, by_ref)
        owner_texts = [text[start:end] for start, end in owner_spans.get(provision.ref, [])]
        candidates = score_hits(hits, owner_texts, headings, text, compiled)
        provision_tags = _tags(candidates, compiled)
        if provision_tags:
            tags[provision.ref] = provision_tags
    return ClassifiedDocument(document=document, tags=tags, taxonomy=taxonomy.source)


def _own_segments(document: Document, heading_spans: list[tuple[int, int] | None]) -> list[tuple[int, int, str]]:
    """Non-overlapping ``(start, end, ref)`` spans: each character goes to the innermost provision holding it.

    One sweep over the spans sorted by start (longest first), with the open spans on a stack::

        article [0, 100) ⊃ para [10, 50), para [50, 100)  →  (0, 10, article) (10, 50, para 1) (50, 100, para 2)

    A heading outside its provision's span (some parsers keep it apart) becomes a segment of that provision
    when it is found just before the span (``heading_spans``: each provision's, from ``_heading_span``).
    Skipped spans inside a provision (a page's running header between two paragraphs) belong to no provision:
    boilerplate is never classified.
    """
    spans: list[tuple[int, int, str]] = []
    for provision, heading in zip(document.provisions, heading_spans):
        spans.append((provision.start, provision.end, provision.ref))
        if heading is not None and not provision.start <= heading[0] < provision.end:
            spans.append((heading[0], heading[1], provision.ref))
    spans += [(span.start, span.end, SKIPPED) for span in document.skipped]
    spans.sort(key=lambda span: (span[0], -span[1]))
    segments: list[tuple[int, int, str]] = []
    stack: list[tuple[int, str]] = []
    position = 0

    def give(upto: int) -> None:
        nonlocal position
        if stack and upto > position:
            ref = stack[-1][1]
            if segments and segments[-1][2] == ref and segments[-1][1] == position:
                segments[-1] = (segments[-1][0], upto, ref)
            else:
                segments.append((position, upto, ref))
        position = max(position, upto)

    for start, end, ref in spans:
        while stack and stack[-1][0] <= start:
            give(stack[-1][0])
            stack.pop()
        give(start)
        stack.append((end, ref))
    while stack:
        give(stack[-1][0])
        stack.pop()
    return [segment for segment in segments if segment[2] != SKIPPED]


def _with_depth(provisions: list[Provision]) -> list[tuple[int, Provision]]:
    depth: dict[str, int] = {}
    result = []
    for provision in provisions:
        level = depth.get(provision.parent, -1) + 1 if provision.parent is not None else 0
        depth[provision.ref] = level
        result.append((level, provision))
    return result


def _own_heading(provision: Provision, by_ref: dict[str, Provision]) -> bool:
    parent = by_ref.get(provision.parent) if provision.parent else None
    return bool(provision.heading) and (parent is None or parent.heading != provision.heading)


def _heading_span(provision: Provision, text: str) -> tuple[int, int] | None:
    if not provision.heading:
        return None
    inside = text.find(provision.heading, provision.start, provision.end)
    if inside >= 0:
        return inside, inside + len(provision.heading)
    before = text.rfind(provision.heading, max(0, provision.start - len(provision.heading) - 200), provision.start)
    return (before, before + len(provision.heading)) if before >= 0 else None


def _heading_chain(provision: Provision, by_ref: dict[str, Provision]) -> list[str]:
    headings, current = [], provision
    while current is not None:
        if current.heading:
            headings.append(current.heading)
        current = by_ref.get(current.parent) if current.parent else None
    return headings


# ----------------------------------------------------------------------------- one text

def explain_text(text: str, taxonomy: Taxonomy) -> Explanation:
    """Why ``text`` gets its categories: every candidate with evidence, score and veto, plus its clause reading."""
    compiled = compile_taxonomy(taxonomy)
    scored = score_hits(find_hits(text, compiled), [text], [], text, compiled, untagged=True)
    candidates = [Candidate(**candidate._asdict()) for candidate in scored]
    order = {category_id: index for index, category_id in enumerate(taxonomy.ids)}
    candidates.sort(key=lambda candidate: order[candidate.category])
    reading = _read_clause(text)
    return Explanation(text=text, categories=[c.category for c in candidates if c.tagged], candidates=candidates, **reading)


def classify_text(text: str, taxonomy: Taxonomy) -> list[str]:
    """The category ids ``text`` gets on its own, in taxonomy order (what examples and the labelled set test)."""
    compiled = compile_taxonomy(taxonomy)
    return [tag.category for tag in _tags(score_hits(find_hits(text, compiled), [text], [], text, compiled), compiled)]


def _read_clause(text: str) -> dict:
    """The grammar stage's clause reading of ``text`` normalized as a document's text is (wrapped lines joined:
    the clause grammar ends a sentence at a line break)."""
    reading = read_clause(normalize_text(text))
    return {"modality": reading.modality, "polarity": reading.polarity, "actor": reading.actor,
            "modality_cue": reading.modality_cue, "polarity_cue": reading.polarity_cue}
