"""Run the provision grammar: normalized text → tree of provision nodes with spans, labels and headings.

``parse_provisions`` lexes one token per line with the terminals of ``provisions.lark`` (``LineLexer``), lets
``LineRetyper`` settle what only context can tell (roman or letter items, heading lines, article references
in running text, the outline a format declares), and parses with LALR, building ``Node`` objects bottom-up
as the parser reduces (``NodeBuilder``, one method per grammar rule): no parse tree is built in between.
``grammar/refs.py`` then names them.
"""
from __future__ import annotations

import re
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import lru_cache

from lark import Lark, Token, Transformer
from lark.exceptions import LexError
from lark.lexer import BasicLexer

from grammar.models import OutlineEntry
from grammar.numbering import ARTICLE_KEYWORD, ARTICLE_NUMBER, DIVISION_KINDS, ORDINAL, ORDINAL_WORDS, DIVISION_WORDS, division_keyword, \
    number_key, rising_run

# An annex (appendix, schedule) stands level with a chapter: "Annex 2-A" after Chapter 2's articles ends the chapter and
# Chapter 3 ends it, and the annexes at an agreement's end hold their own sections and articles.
DIVISION_LEVELS = {"part": 1, "title": 2, "chapter": 3, "annex": 3, "appendix": 3, "schedule": 3, "section": 4, "subsection": 5}
# The divisions an agreement attaches to itself, which its sentences name at a line's start ("Annex 11-A sets forth …").
ANNEXES = frozenset({"annex", "appendix", "schedule"})
HEAD_TYPES = frozenset({"ARTICLE", "DIVISION", "NAMED_ARTICLE"})
# The lines that open a unit of an agreement's body; after one of them a closing formula ends the body.
UNIT_TYPES = HEAD_TYPES | {"PARA"}
# How far a titled article's number may stray from the article before it and still be a numbering slip, not a reference.
MAX_SLIP = 3
HEAD_NUMBER = re.compile(
    rf"(?i)^(?:(?:{division_keyword()})[ ](?={division_keyword()}))?(?P<keyword>{division_keyword()}|{ARTICLE_KEYWORD})(?::?\s?|\s?[\-–—]\s?)(?P<number>"
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[ -](?:one|two|three|four|five|six|seven|eight|nine))?\b"
    r"|[0-9]{1,3}-[A-Z](?![\w-])"  # "Annex 2-A", the annex of Chapter 2
    rf"|{ARTICLE_NUMBER}(?={ORDINAL}(?!\w))|{ARTICLE_NUMBER}[A-Za-z]?(?:[ ](?:bis|ter|quater))?\b(?:[ ]?(?-i:\([A-Z]\)))?|[A-Za-zè]+\b)"
    rf"(?:(?<=[0-9]){ORDINAL})?"
)
# A section numbered without a keyword, as memoranda and statements head theirs: "I. OBJECTIVE", "II. Areas of Cooperation",
# "B. Trade in Goods".
# A statement may set its roman numeral alone on its line, the text below it ("I." / "The two sides agreed …").
NUMBERED_TITLE = re.compile(r"(?P<number>[IVXLC]{1,7}|[A-Z])\.(?:[ ]+(?P<title>[A-Z\"'(][^\n]*))?")
# The capital letters a section's number shares with roman numerals that number sections as numerals: "C." is a letter.
ROMAN_SECTION_LETTERS = frozenset("IVX")
# A title in brackets after a head's number ("Annex 3 (Rules of Origin)"), and the space after it.
BRACKETED_TITLE = re.compile(r"^\([^()\n]{1,80}\)\s*")
# An annex without a number ("ANNEX", "Annex to the Memorandum of Understanding"): its keyword.
UNNUMBERED_ANNEX = re.compile(rf"(?i)({division_keyword(*ANNEXES)})(?=$|[ :.\-–—\n])")
# … whose next word is no number: "ANNEX TO THE MEMORANDUM" ("TO" is not the annex's letter).
ANNEX_OF = re.compile(rf"(?i)(?:{division_keyword(*ANNEXES)})[ ](?:to|of|al)\b")
# "Article 140 (A)": an article inserted after 140 by an amendment, numbered as "140A" is.
LETTER_SUFFIX = re.compile(r"[ ]?\(([A-Z])\)$")
# (A number in brackets is an item's label where it numbers a lead-in's list in prose: see _number_lead_in_items.)
ITEM_LABEL = re.compile(r"^\(?([a-z]{1,7}|[0-9]{1,3})[).]")
# A paragraph numbered in brackets, as an item may be numbered too: "(1) exchange of information on policies;".
BRACKETED_NUMBER = re.compile(r"\(([0-9]{1,3})\)(?=[ ]|$)")
# The line types a list entry's own items take: an entry that has them is a paragraph.
ITEM_TYPES = frozenset({"ITEM", "SUBITEM", "SUBSUBITEM"})
# The lines a numbered list holds: its entries, their items and bullets, and the lines that continue them.
LIST_LINE_TYPES = ITEM_TYPES | {"PARA", "TEXT", "BULLET", "SUBBULLET"}
# The third level of a list in the United States' and Korea's agreements, below a roman sub-item: "(A)", "(B)".
CAPITAL_ITEM = re.compile(r"^\(([A-Z]{1,2})\)(?=[ ]|$)")
PARA_LABEL = re.compile(r"^\(?([0-9]{1,3}(?:\.[0-9]{1,3})*)[.)]?")
ROMAN = re.compile(r"^(?=[ivxlcdm])m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")
TERMINAL = re.compile(r"[.;!?][\"')\]]*$")
# A title in capitals standing alone: one to five words of letters, no closing punctuation ("AREAS OF COOPERATION").
CAPITAL_TITLE = re.compile(r"[A-Z][A-Z'’&-]+(?: (?:[A-Z][A-Z'’&-]*|&)){0,4}$")
CONTENT_TYPES = frozenset({"TEXT", "PARA", "ITEM", "BULLET", "SUBBULLET"})
# Words a title keeps in lowercase after its first word.
MINOR_WORDS = frozenset({"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"})
# A title in title case standing alone: up to eight words, no comma and no closing punctuation ("Investment and
# Innovation", "Building Responsible Supply Chains"); _title_case_heading checks the words' case.
TITLE_CASE_LINE = re.compile(r"[A-Z][\w'’&-]*(?: [\w'’&-]+){0,7}$")
# What ends a sentence (or a list entry) at the end of a line: a page break after it cuts nothing.
SENTENCE_END = re.compile(r"[.;:!?][\"'’”)\]]*\s*$")
# What ends a list's last entry, where a semicolon or a comma ends the others.
FULL_STOP = re.compile(r"[.!?][\"'’”)\]]*\s*$")
MIN_TITLED_SECTIONS = 2
# The most words a heading wrapped over two lines holds ("National and Most-Favoured-Nation Treatment").
MAX_HEADING_WORDS = 10
# How Japanese ministries' memoranda and British ones number their units, on a line of its own: "Paragraph 1", "Clause 2".
UNIT_LINE = re.compile(r"(?:Paragraph|PARAGRAPH|Clause|CLAUSE) \d{1,3}")
# … or with the unit's title after its number, as others head them: "Paragraph 6  Commencement, Modification and Termination".
UNIT_HEAD = re.compile(rf"(?P<unit>{UNIT_LINE.pattern})(?:[ ]?[:.\-–—]?[ ](?P<title>[^\n]+))?")
# A clause headed by its ordinal, as Spanish and Portuguese memoranda head theirs: "PRIMERO. OBJETIVO", "Segundo.- Ámbito",
# "CLÁUSULA TERCERA", "CLÁUSULA PRIMEIRA – DO OBJETO" (the words are grammar/numbering.py's ORDINAL_WORDS).
ORDINAL_HEAD = re.compile(
    rf"(?P<unit>(?:(?:CL[ÁA]USULA|Cl[áa]usula)[ ])?(?P<ordinal>{'|'.join(sorted(ORDINAL_WORDS, key=len, reverse=True))}))"
    r"(?:[ ]?[:.\-–—]+[ ]*(?P<title>[^\n]*))?", re.IGNORECASE)
# How an entry of a list ends, never a heading: a semicolon or comma, perhaps then "and" / "or".
LIST_ENTRY_END = re.compile(r"[;,](?:\s*(?:and|or))?\s*$")
MODAL_VERB = re.compile(r"\b(?:shall|will|may|must|should|is|are|applies|apply)\b")
WORD = re.compile(r"\S+")
HEADING_TRIM = " :.-–—\t"
# Token() goes through a keyword-deprecation shim that doubles its cost; lark's constructor behind it takes the
# same arguments (older lark versions have no shim: Token itself).
NEW_TOKEN = getattr(Token, "_future_new", Token)


@dataclass
class Node:
    """A provision before it is named: kind, label ("2.4", "b", "iv"), heading, span and children."""

    kind: str
    start: int
    end: int
    label: str | None = None
    heading: str | None = None
    #: End of the node's own lead text: its first line (and heading line), before any child.
    lead_end: int = 0
    children: list["Node"] = field(default_factory=list)
    #: Depth of a division: Part 1, Title 2, Chapter 3, Section 4, Subsection 5; 0 for everything else.
    level: int = 0
    #: A named article's own name ("Preamble", "AREAS OF COOPERATION", "Paragraph 1"), which may differ from its heading
    #: ("Paragraph 1" / "Objective"); a division's level as its keyword names it ("chapter", "title", "annex").
    name: str | None = None
    #: An agreement's conclusion opened by its closing formula ("IN WITNESS WHEREOF …", "Signed at …"): it belongs to
    #: no part, chapter or section, so it ends every division still open.
    ends_divisions: bool = False


@dataclass(frozen=True)
class LexContext:
    skipped_starts: frozenset[int]
    outline: tuple[OutlineEntry, ...]


CONTEXT: ContextVar[LexContext] = ContextVar("provision_lex_context")


def _squash(text: str) -> str:
    return " ".join(text.split()).lower()


def _irregular_start(line: str) -> bool:
    """Whether the lowered first letter of ``line`` may not be the first letter of ``_squash(line)``.

    It is, unless the line is empty or starts with a space, or the letter lowers to several characters
    (a string's first letter lowers as it would alone: the final-sigma rule needs a letter before it).
    """
    first = line[:1]
    return not first or first.isspace() or len(first.lower()) != 1


def heading_like(text: str) -> bool:
    """A heading, not a sentence: short, capitalised, without closing punctuation, and with a letter in it (a line
    "100" before "Article 10" is the last cell of a table)."""
    words = WORD.findall(text)
    return 0 < len(words) <= 15 and (text[0].isupper() or text[0].isdigit() or text[0] in "\"'(") and not TERMINAL.search(text) \
        and any(character.isalpha() for character in text)


@lru_cache(maxsize=4096)  # the postlexer and the node builder both split each head line: split it once
def split_head(value: str) -> tuple[str, str, str]:
    """``"Article 2.4: Export Duties"`` → ``("article", "2.4", "Export Duties")``."""
    match = HEAD_NUMBER.match(value) if ANNEX_OF.match(value) is None else None
    if not match:
        numbered = NUMBERED_TITLE.fullmatch(value)
        if numbered is not None:
            return "section", numbered.group("number"), (numbered.group("title") or "").strip(HEADING_TRIM)
        annex = UNNUMBERED_ANNEX.match(value)
        if annex is not None:  # "ANNEX", "Annex to the Memorandum …": the keyword's level, no number, the rest its title
            return DIVISION_WORDS[annex.group(1).lower()], "", value[annex.end():].strip(HEADING_TRIM)
        return "", "", value.strip(HEADING_TRIM)
    keyword = match.group("keyword").lower()
    keyword = DIVISION_WORDS.get(keyword, keyword.replace("-", ""))
    title = value[match.end() :].strip(HEADING_TRIM)
    if title.startswith("(") and title.endswith(")") and "(" not in title[1:]:
        title = title[1:-1].strip(HEADING_TRIM)  # "Article 1 (Definitions)"
    return keyword, LETTER_SUFFIX.sub(r"\1", match.group("number")), title


class LineLexer(BasicLexer):
    """Lexer: one token per non-blank line, typed by the grammar's terminals exactly as lark's basic lexer types it.

    ``BasicLexer`` reads the terminals from ``provisions.lark`` and sorts them in the order lark tries them;
    only the scan is ours. Every terminal runs to the end of its line and none starts with a newline, so one
    ``finditer`` over the union of the terminals (first match wins, as in lark) steps from line to line
    without matching the newlines in between as ignored tokens, and without lark's per-token bookkeeping.
    """

    __future_interface__ = 2

    def __init__(self, conf) -> None:
        super().__init__(conf)
        kept = [terminal for terminal in self.terminals if terminal.name not in self.ignore_types]
        union = "|".join(f"(?P<{terminal.name}>{terminal.pattern.to_regexp()})" for terminal in kept)
        self.line_types = re.compile(union, self.g_regex_flags)

    def lex(self, lexer_state, parser_state):
        text = lexer_state.text.text
        line_number, counted = 1, 0
        for match in self.line_types.finditer(text):
            start, end = match.span()
            if end < len(text) and text[end] != "\n":
                raise LexError(f"terminal {match.lastgroup} stops inside a line at position {end}")
            line_number += text.count("\n", counted, start)
            counted = start
            yield NEW_TOKEN(match.lastgroup, match.group(), start, line_number, 1, line_number, end - start + 1, end)


def _rejoined_across_skipped(stream, skipped_starts: frozenset[int]) -> list[Token]:
    """The lines not skipped, a sentence cut by skipped lines made whole again.

    A page break cuts sentences: "… treatment no less", the page number and running header, then "favourable than
    …" on the next page. A line in lowercase after skipped lines, where the line before them ends no sentence,
    continues that line: one token runs from the start of the one to the end of the other (the skipped lines in
    between stay skipped spans, inside the provision). So does a sentence a web page cut with an advertisement.
    """
    tokens: list[Token] = []
    cut = False
    for token in stream:
        if token.start_pos in skipped_starts:
            cut = bool(tokens)
            continue
        if cut and token.type == "TEXT" and token.value[:1].islower() and tokens[-1].type in CONTENT_TYPES \
                and not SENTENCE_END.search(tokens[-1].value):
            before = tokens[-1]
            tokens[-1] = NEW_TOKEN(before.type, f"{before.value} {token.value}", before.start_pos, before.line,
                                   before.column, token.end_line, token.end_column, token.end_pos)
        else:
            tokens.append(token)
        cut = False
    return tokens


def _capital_title(line: str) -> bool:
    """A title in capitals: "AREAS OF COOPERATION"."""
    return CAPITAL_TITLE.match(line) is not None


def _title_case_heading(line: str) -> bool:
    """A title in title case, as action plans and statements head their sections ("Investment and Innovation"): every
    word capitalised but the minor ones, one word of four letters or more, and no verb a sentence would have."""
    if not TITLE_CASE_LINE.match(line) or line.isupper() or MODAL_VERB.search(line.lower()):
        return False
    words = line.split()
    return all(word[0].isupper() or word[0].isdigit() or word in MINOR_WORDS or word == "&" for word in words) \
        and any(len(word) >= 4 and word.isalpha() for word in words)


class LineRetyper:
    """Postlexer: drops skipped lines and retypes the lines whose type depends on their neighbours."""

    always_accept = ()

    def process(self, stream):
        context = CONTEXT.get()
        tokens = _rejoined_across_skipped(stream, context.skipped_starts)
        if context.outline:
            self._force_outline(tokens, context.outline)
        else:
            self._mark_ordinal_clauses(tokens)
            self._mark_unnumbered_articles(tokens)
            self._mark_numbered_titles(tokens)
            self._check_heads(tokens)
            self._mark_titled_sections(tokens)
        self._mark_headings(tokens)
        self._join_wrapped_headings(tokens)
        self._settle_items(tokens)
        self._settle_bullets(tokens)
        self._settle_closings(tokens, declared=bool(context.outline))
        if not any(token.type == "ARTICLE" for token in tokens):
            self._number_lead_in_items(tokens)
        if not any(token.type in HEAD_TYPES for token in tokens):
            self._close_finished_lists(tokens)
        self._nest_decimal_paragraphs(tokens)
        return iter(tokens)

    @staticmethod
    def _nest_decimal_paragraphs(tokens: list[Token]) -> None:
        """Paragraphs numbered "1.1", "1.2" … right under a paragraph "1." are its own ("1. The Parties hereby establish a
        Sub-committee …" / "1.1 The Sub-committee shall be composed …" / "1.2 …" / "2. …"): where they number on from
        "N.1" under the open paragraph "N." of the same unit. Without a "1." above them ("Article 1" / "1.1" / "1.2") they
        stay the article's paragraphs."""
        parent: tuple[int, ...] | None = None
        for token in tokens:
            if token.type in HEAD_TYPES:
                parent = None
            elif token.type == "PARA":
                key = _para_key(token.value)
                if parent is not None and len(key) == 2 and key[0] == parent[0] and key[1] == parent[1] + 1:
                    token.type = "SUBPARA"
                    parent = key
                else:
                    parent = (key[0], 0) if len(key) == 1 else None

    @staticmethod
    def _number_lead_in_items(tokens: list[Token]) -> None:
        """In prose and in a memorandum's units, entries numbered "(1)", "(2)" … right under a lead-in ending in a colon are
        its items, as "(a)", "(b)" … are ("Paragraph 2 Scope" / "The Sides will endeavour to promote cooperation in the
        following fields:" / "(1) exchange of information;"): where no numbered paragraph comes before them in the unit and
        none has items of its own ("(1) … in:" / "(a) …" stay paragraphs). An article's "(1)" … are its paragraphs."""
        numbered = False
        position = 0
        while position < len(tokens):
            token = tokens[position]
            if token.type != "PARA":
                numbered = numbered and token.type not in HEAD_TYPES  # a memorandum's unit numbers its paragraphs anew
                position += 1
                continue
            run = _bracketed_run(tokens, position) if not numbered and position \
                and tokens[position - 1].type == "TEXT" and tokens[position - 1].value.endswith(":") else []
            if run and (position + len(run) >= len(tokens) or tokens[position + len(run)].type not in ITEM_TYPES):
                for entry in run:
                    entry.type = "ITEM"
                position += len(run)
            else:
                numbered = True
                position += 1

    @staticmethod
    def _close_finished_lists(tokens: list[Token]) -> None:
        """In prose (a memorandum, a statement, a press release), the line after a numbered list under a lead-in is no longer
        its last entry's once the list has ended ("… commit to:" / "1. share information …;" / "2. explore joint research."
        / "The MoU will remain in effect for five years."): it starts a block of its own. In an agreement with articles a
        paragraph keeps the lines below it."""
        entries: list[Token] = []
        for position, token in enumerate(tokens):
            if token.type == "PARA":
                if entries or (position and tokens[position - 1].type in ("TEXT", "AFTER_LIST")
                               and tokens[position - 1].value.endswith(":")):
                    entries.append(token)
            elif token.type == "TEXT" and entries and _list_ended(entries, tokens, position):
                token.type = "AFTER_LIST"
                entries = []
            elif token.type not in LIST_LINE_TYPES:
                entries = []  # a closing formula, say, ends the list and opens a unit of its own

    @staticmethod
    def _settle_closings(tokens: list[Token], *, declared: bool) -> None:
        """A closing formula opens an agreement's conclusion only after its numbered units, and only once: in prose
        ("Signed in Tokyo on Friday, the memorandum …") and inside a conclusion already open ("IN WITNESS WHEREOF …" /
        "DONE at Lima …", or a "Conclusion" line above) it is a line of text; so it is where the format ``declared`` the
        articles (ToTA puts a closing formula in the article its XML gives it)."""
        numbered = in_conclusion = False
        for token in tokens:
            if token.type == "CLOSING":
                if declared or not numbered or in_conclusion:
                    token.type = "TEXT"
                in_conclusion = numbered
            elif token.type in UNIT_TYPES:
                numbered = True
                in_conclusion = token.type == "NAMED_ARTICLE" and token.value.strip(HEADING_TRIM).lower() == "conclusion"

    @staticmethod
    def _settle_bullets(tokens: list[Token]) -> None:
        """A nested bullet whose bullet above was set aside (boilerplate) or never was heads a list of its own."""
        previous = None
        for token in tokens:
            if token.type == "SUBBULLET" and previous not in ("BULLET", "SUBBULLET"):
                token.type = "BULLET"
            previous = token.type

    @staticmethod
    def _mark_unnumbered_articles(tokens: list[Token]) -> None:
        """Among numbered articles, two lines head an article whose number was lost or never given: the word
        "Article" alone (a conversion or scanning slip), and a line repeating the title of the chapter line right
        above it ("CHAPTER 4: Safeguard Clauses" / "Safeguard Clauses": the chapter's one article). The text below
        either is that article's, not the previous article's or the chapter's own."""
        if not any(token.type == "ARTICLE" for token in tokens):
            return
        for position, token in enumerate(tokens):
            if token.type != "TEXT":
                continue
            if token.value.strip(HEADING_TRIM).lower() == "article":
                token.type = "NAMED_ARTICLE"
            elif 0 < position < len(tokens) - 1 and tokens[position - 1].type == "DIVISION" \
                    and tokens[position + 1].type in CONTENT_TYPES:
                title = split_head(tokens[position - 1].value)[2]
                if title and _squash(title) == _squash(token.value.strip(HEADING_TRIM)):
                    token.type = "NAMED_ARTICLE"

    @staticmethod
    def _mark_numbered_titles(tokens: list[Token]) -> None:
        """Titles numbered in roman numerals or capital letters ("I. OBJECTIVE" … "IV. FINAL PROVISIONS") head sections, as
        a memorandum's or a statement's are: where two or more of them number on in order, and each reads as a title (or
        is a roman numeral alone, "II." above its text). Roman titles may hold lettered ones ("II. Actions" / "A. Critical
        raw materials" / "B. …" / "III. …"): the roman run is taken first, then the letters' run between two of its titles.
        In a text with articles only titles in capitals do: "A. Insurance and insurance-related services:" heads a list
        inside an article's definition, as a colon shows too."""
        with_articles = any(token.type == "ARTICLE" for token in tokens)
        titles = []
        for position, token in enumerate(tokens):
            match = NUMBERED_TITLE.fullmatch(token.value) if token.type == "TEXT" else None
            if match is None:
                continue
            title, number = match.group("title"), match.group("number")
            if title is None:
                bare = _roman_key(number) is not None and position + 1 < len(tokens) and tokens[position + 1].type == "TEXT" \
                    and not with_articles
                if bare:
                    titles.append((token, number))
            elif heading_like(title) and len(title.split()) <= 10 and not title.endswith(":") \
                    and not (with_articles and not title.isupper()):
                titles.append((token, number))
        if len(titles) < MIN_TITLED_SECTIONS:
            return
        romans = [index for index, (_, number) in enumerate(titles)
                  if _roman_key(number) is not None and (len(number) > 1 or number in ROMAN_SECTION_LETTERS)]
        roman_run = [romans[index] for index in rising_run([_roman_key(titles[index][1]) for index in romans])]
        if len(roman_run) < MIN_TITLED_SECTIONS:
            roman_run = []
        for index in roman_run:
            titles[index][0].type = "DIVISION"
        taken = set(roman_run)
        for low, high in zip([-1, *roman_run], [*roman_run, len(titles)]):
            letters = [index for index in range(low + 1, high) if index not in taken and _letter_key(titles[index][1])]
            run = rising_run([_letter_key(titles[index][1]) for index in letters])
            if len(run) >= MIN_TITLED_SECTIONS:
                for index in run:
                    titles[letters[index]][0].type = "DIVISION"

    @staticmethod
    def _mark_ordinal_clauses(tokens: list[Token]) -> None:
        """In a text without articles, clauses headed by their ordinal ("PRIMERO. OBJETIVO" / "SEGUNDO. MODALIDADES" /
        "CLÁUSULA TERCERA") are its units, as articles are: where two or more number on in order. "Segundo, los
        Participantes …" opens a sentence, and one ordinal alone heads nothing."""
        if any(token.type == "ARTICLE" for token in tokens):
            return
        heads = [(token, value) for token in tokens if token.type == "TEXT" and (value := _ordinal_value(token.value))]
        run = rising_run([(value,) for _, value in heads])
        if len(run) >= MIN_TITLED_SECTIONS:
            for index in run:
                heads[index][0].type = "NAMED_ARTICLE"

    @staticmethod
    def _mark_titled_sections(tokens: list[Token]) -> None:
        """In a document without articles or chapters (an MOU, a framework), its titles in capitals ("OBJECTIVE",
        "AREAS OF COOPERATION") are its units: each opens a named unit that holds what follows it.

        Only where at least two such titles each stand before content, so that one shouted line of a title page
        or a news page does not turn into a unit.
        """
        if any(token.type in HEAD_TYPES for token in tokens):
            return
        units = [token for token in tokens if token.type == "TEXT" and _unit_head(token.value) is not None]
        if len(units) >= MIN_TITLED_SECTIONS:
            for token in units:
                token.type = "NAMED_ARTICLE"
            return
        # A title right after a line in capitals continues a title page's heading; titles in title case one after another
        # are a title page's or a signature block's lines (a name, then an office).
        for is_title, follows_title in ((_capital_title, str.isupper), (_title_case_heading, _title_case_heading)):
            titles = [token for position, token in enumerate(tokens[:-1])
                      if token.type == "TEXT" and is_title(token.value)
                      and not (position and follows_title(tokens[position - 1].value))
                      and not is_title(tokens[position + 1].value) and tokens[position + 1].type in CONTENT_TYPES]
            if len(titles) >= MIN_TITLED_SECTIONS:
                for token in titles:
                    token.type = "NAMED_ARTICLE"
                return

    @staticmethod
    def _force_outline(tokens: list[Token], outline: tuple[OutlineEntry, ...]) -> None:
        """Trust the declared headings and no others (article references in the text stay text)."""
        expected = [(_squash(entry.line), entry.kind) for entry in outline]
        position = 0
        for token in tokens:
            key = expected[position][0] if position < len(expected) else None
            # Squashing every line is costly: first compare the lowered first letter, the usual way a line fails.
            if key is not None and (token.value[:1].lower() == key[:1] or _irregular_start(token.value)) \
                    and _squash(token.value) == key:
                kind = expected[position][1]
                if kind == "article":
                    token.type = "ARTICLE" if split_head(token.value)[1] else "NAMED_ARTICLE"
                else:
                    token.type = "DIVISION"
                position += 1
            elif token.type in HEAD_TYPES:
                token.type = "TEXT"

    @staticmethod
    def _check_heads(tokens: list[Token]) -> None:
        """An article or division line that reads as a sentence, or falls out of the numbering, is a reference."""
        numbered: list[tuple[Token, tuple[int, ...]]] = []  # the numbered article lines since the last division
        open_named = ""
        with_body = {id(token) for token, following in zip(tokens, tokens[1:]) if following.type not in HEAD_TYPES}
        for token in tokens:
            if token.type == "NAMED_ARTICLE":
                if _squash(token.value) == open_named:
                    token.type = "TEXT"  # "Preamble" … "PREAMBLE": the heading repeated inside the preamble itself
                open_named = _squash(token.value)
                continue
            if token.type in HEAD_TYPES:
                open_named = ""
            if token.type not in ("ARTICLE", "DIVISION"):
                continue
            keyword, number, rest = split_head(token.value)
            first = rest.lstrip("(\"'")
            # "Annex 3 (Rules of Origin) of the Agreement shall …": the title in brackets names it, the sentence reads on.
            after_title = BRACKETED_TITLE.sub("", rest, count=1)
            # ("Annex to the Memorandum of Understanding" names what the annex belongs to.)
            if (first[:1].islower() and not (keyword in ANNEXES and not number)) or after_title[:1].islower() \
                    or LIST_ENTRY_END.search(rest):
                token.type = "TEXT"  # "Chapter 4 (Customs Procedures);" is an entry in a list of references
            elif (TERMINAL.search(token.value) or not heading_like(rest)) and token.type == "DIVISION" \
                    and (MODAL_VERB.search(" ".join(rest.split()[:10])) or rest and keyword in ANNEXES):
                token.type = "TEXT"  # "Annex 11-A sets forth an understanding of the Parties …": a sentence about it
            elif token.type == "DIVISION":
                _keep_rising_numbers(numbered, with_body)  # numbering may restart in each chapter
                numbered = []
            else:
                key = _number_key(number)
                if key is not None and numbered and numbered[-1][1][:len(key)] == key and rest \
                        and rest != split_head(numbered[-1][0].value)[2]:
                    # A number given twice, each time with its own title ("Article 9: Scope" / "Article 9: Exchange
                    # of Concessions"), is a numbering slip of the text: both are articles, the second just after.
                    key = numbered[-1][1] + (0,)
                if key is not None:
                    numbered.append((token, key))
        _keep_rising_numbers(numbered, with_body)

    @staticmethod
    def _mark_headings(tokens: list[Token]) -> None:
        """A short line after a bare article or division line is its heading; one before a bare article line heads it
        too ("Export Duties" / "Article 2.4"), on the XML path as well: a title the corpus left at the end of the article
        before ("… decisive step." / "Free Movement of Goods") heads the next, unnamed article."""
        for position, token in enumerate(tokens):
            if not _bare_head(token):
                continue
            after = tokens[position + 1] if position + 1 < len(tokens) else None
            # (Under a statement's numeral alone, "II." / "The two sides agreed … in the following areas:", a line ending in a
            # colon leads into the list below it.)
            if after is not None and after.type == "TEXT" and heading_like(after.value) \
                    and not (after.value.endswith(":") and NUMBERED_TITLE.fullmatch(token.value)):
                after.type = "HEADING"
            elif token.type == "ARTICLE" and position:
                before = tokens[position - 1]
                claimed = position >= 2 and tokens[position - 2].type in HEAD_TYPES and before.type == "HEADING"
                # "HAVE AGREED as follows:" introduces the articles: a line ending in a colon is no heading.
                if before.type == "TEXT" and heading_like(before.value) and not claimed \
                        and not before.value.rstrip().endswith(":"):
                    before.type = "LEADING_HEADING"

    @staticmethod
    def _join_wrapped_headings(tokens: list[Token]) -> None:
        """A heading wrapped over two lines is one heading ("ARTICLE 3" / "National and Most-Favoured-Nation" /
        "Treatment"): the line after a heading continues it where the heading breaks off (a hyphen, a minor word) or
        where both read as one title (in capitals, or in title case), short enough together."""
        position = 0
        while position < len(tokens) - 1:
            token, after = tokens[position], tokens[position + 1]
            if token.type == "HEADING" and after.type == "TEXT" and _continues_heading(token.value, after.value):
                joined = token.value + after.value if token.value.endswith("-") else f"{token.value} {after.value}"
                tokens[position] = NEW_TOKEN("HEADING", joined, token.start_pos, token.line, token.column,
                                             after.end_line, after.end_column, after.end_pos)
                del tokens[position + 1]
            position += 1

    @staticmethod
    def _settle_items(tokens: list[Token]) -> None:
        """(i), (v), (x) … are letters when they continue a letter list ((h), (i)), roman numerals otherwise; a capital
        "(A)" below a roman numeral is an item of the level below it."""
        last_letter = ""
        last_roman = ""
        last_capital = ""
        for position, token in enumerate(tokens):
            if token.type in HEAD_TYPES or token.type == "PARA":
                last_letter, last_roman, last_capital = "", "", ""
                continue
            if token.type == "TEXT" and position and tokens[position - 1].type in ("SUBITEM", "SUBSUBITEM") \
                    and (capital := CAPITAL_ITEM.match(token.value)) is not None:
                label = capital.group(1)
                # Right below a roman sub-item or its last capital item, the list's first entry or the next letter of it:
                # "(A)" opens it, "(B)" goes on.
                if label == "A" if not last_capital else len(label) == 1 and ord(label) == ord(last_capital) + 1:
                    token.type = "SUBSUBITEM"
                    last_capital = label
                continue
            if token.type != "ITEM":
                continue
            last_capital = ""
            label = ITEM_LABEL.match(token.value).group(1)
            is_roman = bool(ROMAN.match(label))
            continues_letters = len(label) == 1 and last_letter and ord(label) == ord(last_letter[-1]) + 1
            continues_romans = is_roman and last_roman and _roman_value(label) == _roman_value(last_roman) + 1
            if is_roman and (continues_romans or (not continues_letters and (len(label) > 1 or label == "i"))):
                token.type = "SUBITEM"
                last_roman = label
            elif len(label) > 2 or (len(label) == 2 and label[0] != label[1]):
                token.type = "TEXT"  # "(ab)" is neither a letter pair like "(aa)" nor a roman numeral
            else:
                last_letter, last_roman = label, ""


def _bracketed_run(tokens: list[Token], position: int) -> list[Token]:
    """The paragraphs numbered "(1)", "(2)" … one after another from ``position``; none unless the first is "(1)"."""
    run: list[Token] = []
    for token in tokens[position:]:
        number = BRACKETED_NUMBER.match(token.value) if token.type == "PARA" else None
        if number is None or int(number.group(1)) != len(run) + 1:
            break
        run.append(token)
    return run


def _list_ended(entries: list[Token], tokens: list[Token], position: int) -> bool:
    """Whether the numbered list of ``entries`` ends before the line at ``position``: the line above closes with a full
    stop, no entry numbered on follows, and the other entries ended as list entries do ("…;", "…; and") or the line opens
    a sentence."""
    if not FULL_STOP.search(tokens[position - 1].value) or _numbers_on(entries[-1], tokens, position + 1):
        return False
    listed = len(entries) > 1 and all(LIST_ENTRY_END.search(entry.value) for entry in entries[:-1])
    return listed or tokens[position].value[:1].isupper()


def _numbers_on(entry: Token, tokens: list[Token], position: int) -> bool:
    """Whether the next numbered paragraph from ``position`` on numbers on from ``entry`` ("2." after "1.", "1.1." after
    "1.", "(3)" after "(2)")."""
    following = next((tokens[index] for index in range(position, len(tokens)) if tokens[index].type == "PARA"), None)
    if following is None:
        return False
    before = tuple(int(part) for part in PARA_LABEL.match(entry.value).group(1).split("."))
    after = tuple(int(part) for part in PARA_LABEL.match(following.value).group(1).split("."))
    # "1.1" after "1", "2" after "1" or after "1.3".
    return after == (*before, 1) or any(after == (*before[:depth], before[depth] + 1) for depth in range(len(before)))


def _para_key(line: str) -> tuple[int, ...]:
    """``"1.2 The Sub-committee …"`` → ``(1, 2)``, ``"(3) …"`` → ``(3,)``."""
    return tuple(int(part) for part in PARA_LABEL.match(line).group(1).split("."))


def _ordinal_value(line: str) -> int | None:
    """``"SEGUNDO. MODALIDADES"`` → ``2``; ``None`` where the line is no clause head (see ``_ordinal_head``)."""
    head = _ordinal_head(line)
    return ORDINAL_WORDS[ORDINAL_HEAD.fullmatch(line.strip()).group("ordinal").lower()] if head is not None else None


def _ordinal_head(line: str) -> tuple[str, str] | None:
    """A clause's head line by its ordinal ("PRIMERO. OBJETIVO", "CLÁUSULA TERCERA") → its unit and its title; ``None``
    for a sentence ("Segundo, los Participantes …", "Primero. El objetivo del presente Memorando es …") or a word in
    lower case ("segundo")."""
    head = ORDINAL_HEAD.fullmatch(line.strip())
    if head is None or not head.group("unit")[0].isupper():
        return None
    title = (head.group("title") or "").strip(HEADING_TRIM)
    return (head.group("unit"), title) if not title or heading_like(title) else None


def _unit_head(line: str) -> tuple[str, str] | None:
    """A unit's head line ("Paragraph 1", "Paragraph 6 Commencement, Modification and Termination", "PRIMERO. OBJETIVO") →
    its unit and its title ("" where none follows); ``None`` for a sentence opening with one ("Paragraph 3 of Article 5
    shall …")."""
    ordinal = _ordinal_head(line)
    if ordinal is not None:
        return ordinal
    head = UNIT_HEAD.fullmatch(line.strip())
    if head is None:
        return None
    title = head.group("title") or ""
    return (head.group("unit"), title.strip(HEADING_TRIM)) if not title or heading_like(title) else None


def _continues_heading(heading: str, line: str) -> bool:
    """Whether ``line`` is the second line of the ``heading`` above it (see ``_join_wrapped_headings``)."""
    if not heading_like(line) or line.endswith(":") or len(WORD.findall(f"{heading} {line}")) > MAX_HEADING_WORDS:
        return False
    if heading.endswith("-") or heading.rsplit(" ", 1)[-1].lower() in MINOR_WORDS:
        return True
    return (heading.isupper() and line.isupper()) or (_title_case_heading(heading) and _title_case_heading(line))


def _bare_head(token: Token) -> bool:
    """A head line without a title of its own, which looks to its neighbours for one: "Article 5", "Chapter 2", and a
    named article's line that only numbers its unit ("Paragraph 1", a lone "Article")."""
    if token.type == "NAMED_ARTICLE":
        stripped = token.value.strip(HEADING_TRIM)
        return UNIT_LINE.fullmatch(stripped) is not None or stripped.lower() == "article" \
            or _ordinal_head(stripped) == (stripped, "")
    return token.type in ("ARTICLE", "DIVISION") and not split_head(token.value)[2]


def _keep_rising_numbers(numbered: list[tuple[Token, tuple[int, ...]]], with_body: set[int]) -> None:
    """Keep as articles the longest run of rising numbers (``rising_run``); the other article lines are references, such
    as a line "Article 27" that OCR split out of "As regards Article 27 (Fulfilment of Obligations)" between articles 22
    and 23.  A line out of the run that has a title of its own and a body, numbered close to the article before it, is a
    numbering slip of the text, an article all the same ("Article 81: Amendments" / "Article 84: Additional Parties" /
    "Article 83: Withdrawal")."""
    keys = [key for _, key in numbered]
    kept = set(rising_run(keys))
    last_kept: tuple[int, ...] | None = None
    for position, (token, key) in enumerate(numbered):
        if position in kept:
            last_kept = key
        elif not _numbering_slip(token, key, last_kept, with_body):
            token.type = "TEXT"


def _numbering_slip(token: Token, key: tuple[int, ...], before: tuple[int, ...] | None, with_body: set[int]) -> bool:
    return (before is not None and id(token) in with_body and bool(split_head(token.value)[2])
            and len(key) == len(before) and key[:-1] == before[:-1] and abs(key[-1] - before[-1]) <= MAX_SLIP)


def _number_key(number: str) -> tuple[int, ...] | None:
    """``"2.4"`` → ``(2, 4)``, ``"V"`` → ``(5,)``; ``None`` for numbers that do not order ("bis", letters)."""
    key = number_key(number)
    if key is not None:
        return key
    if ROMAN.match(number.lower()):
        return (_roman_value(number.lower()),)
    return None


def _roman_key(number: str) -> tuple[int] | None:
    return (_roman_value(number.lower()),) if ROMAN.match(number.lower()) else None


def _letter_key(number: str) -> tuple[int] | None:
    return (ord(number) - ord("A") + 1,) if len(number) == 1 else None


def _roman_value(label: str) -> int:
    values = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
    total = 0
    for position, char in enumerate(label):
        value = values[char]
        if position + 1 < len(label) and values[label[position + 1]] > value:
            total -= value
        else:
            total += value
    return total


class NodeBuilder(Transformer):
    """Bottom-up: each grammar rule becomes a ``Node``; a unit adopts its children one by one as they are parsed.

    TEXT and BULLET lines are units of their own: they become nodes as the parser shifts them.
    """

    def TEXT(self, token: Token) -> Node:
        return Node(kind="line", start=token.start_pos, end=token.end_pos, lead_end=token.end_pos)

    def BULLET(self, token: Token) -> Node:
        return Node(kind="bullet", start=token.start_pos, end=token.end_pos, lead_end=token.end_pos)

    SUBBULLET = BULLET

    def division(self, children):
        head = children[0]
        keyword, number, title = split_head(head.value)
        node = Node(kind=_division_kind(keyword), start=head.start_pos, end=head.end_pos, label=number, heading=title or None,
                    level=DIVISION_LEVELS.get(keyword, 4), name=keyword or None)
        if len(children) > 1:
            node.heading = children[1].value.strip(HEADING_TRIM)
            node.end = children[1].end_pos
        node.lead_end = node.end
        return node

    def article(self, tokens):
        head = next(token for token in tokens if token.type in HEAD_TYPES)
        name = None
        if head.type == "NAMED_ARTICLE":
            label, heading = None, head.value.strip(HEADING_TRIM)
            name = heading
            unit = _unit_head(head.value)
            if unit is not None and unit[1]:
                name, heading = unit  # "Paragraph 6 Termination": the unit "Paragraph 6", headed "Termination"
        else:
            _, label, heading = split_head(head.value)
        extra = [token for token in tokens if token is not head]
        if extra:
            heading = extra[0].value.strip(HEADING_TRIM)
        elif heading and not heading_like(heading):
            heading = None  # "Article 1 The Parties hereby establish …": the line carries body text, not a heading
        start = min(token.start_pos for token in tokens)
        lead_end = max(token.end_pos for token in tokens)
        return Node(kind="article", start=start, end=lead_end, label=label, heading=heading or None, lead_end=lead_end,
                    name=name)

    def conclusion(self, children):
        closing = self.TEXT(children[0])
        return Node(kind="article", start=closing.start, end=closing.end, lead_end=closing.start, name="Conclusion",
                    children=[closing], ends_divisions=True)

    def paragraph(self, children):
        head = children[0]
        return Node(kind="paragraph", start=head.start_pos, end=head.end_pos, lead_end=head.end_pos,
                    label=PARA_LABEL.match(head.value).group(1))

    def item(self, children, label_pattern: re.Pattern[str] = ITEM_LABEL):
        head = children[0]
        return Node(kind="item", start=head.start_pos, end=head.end_pos, lead_end=head.end_pos,
                    label=label_pattern.match(head.value).group(1))

    def subitem(self, children):
        return self.item(children)

    def subparagraph(self, children):
        return self.paragraph(children)

    def subsubitem(self, children):
        return self.item(children, CAPITAL_ITEM)

    def block(self, children):
        line = children[0]
        if isinstance(line, Token):  # AFTER_LIST, a type only the postlexer gives: lark calls no terminal callback for it
            line = self.TEXT(line)
        return Node(kind="block", start=line.start, end=line.end, lead_end=line.lead_end)

    def adopt(self, children):
        node, child = children
        node.children.append(child)
        # Children arrive in document order, so the last one adopted ends the unit.
        node.end = max(node.end, child.end)
        return node

    def start(self, children):
        return []

    def append(self, children):
        units, unit = children
        units.append(unit)
        return units


def _division_kind(keyword: str) -> str:
    return DIVISION_KINDS.get(keyword, "section")


@lru_cache(maxsize=1)
def _parser() -> Lark:
    # The transformer runs inside the LALR parser: no intermediate parse tree is built.
    parser = Lark.open("provisions.lark", rel_to=__file__, parser="lalr", lexer=LineLexer, postlex=LineRetyper(),
                       transformer=NodeBuilder())
    for rule in parser.rules:
        # Each reduction looks its rule's name up in the parse table, whose keys are plain strings; lark names
        # rules with Tokens, whose Python-level __eq__ would run on every lookup. Same text, same hash.
        rule.origin.name = str(rule.origin.name)
    return parser


def parse_provisions(text: str, *, skipped_starts: frozenset[int] = frozenset(), outline=()) -> list[Node]:
    """Parse normalized ``text`` (skipping the lines that start at ``skipped_starts``) into top-level nodes."""
    token = CONTEXT.set(LexContext(frozenset(skipped_starts), tuple(outline)))
    try:
        return _parser().parse(text)
    finally:
        CONTEXT.reset(token)
