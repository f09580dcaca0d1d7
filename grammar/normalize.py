"""Normalize decoded text into the text every span refers to: one logical paragraph per line.

Guarantees that hold afterwards (the provision grammar relies on them):

1. Only ``\\n`` ends lines; no tabs, form feeds, zero-width characters, soft hyphens or exotic spaces remain.
2. Quotes are ASCII (``'`` and ``"``); a bullet line starts with ``• `` whatever bullet the source used.
3. No line has leading or trailing spaces, and no line holds two spaces in a row.
4. Hard-wrapped lines are joined into one line per paragraph; a word split by a hyphen at a line end is
   rejoined (the hyphen kept after prefixes such as ``non-``).
5. Paragraphs the source separated by blank lines stay separated by exactly one blank line.

Worked example::

    >>> normalize_text("  1. Each Party shall elimi-\\n  nate duties on\\n  \\u201cgoods\\u201d.\\n\\n\\u25cf  Cobalt")
    '1. Each Party shall eliminate duties on "goods".\\n\\n• Cobalt'
"""
from __future__ import annotations

import re
import tomllib
from bisect import bisect_left
from collections import Counter
from itertools import takewhile
from functools import lru_cache
from pathlib import Path

from grammar.numbering import ARTICLE_KEYWORD, ARTICLE_NUMBER, KEYWORD_SEPARATOR, NUMBER_WORD, ORDINAL, division_keyword, roman_numeral, value_of_words

DATA_FILE = Path(__file__).with_name("data") / "normalize.toml"

NUMBER = r"(?:[0-9]+|[ivxlcdm]+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty)"
# A division word runs into no letter: "scheduled or …" is no "Schedule D".
HEADING_LINE = re.compile(rf"(?:article|art\.|art[íi]culo|artigo|(?:{division_keyword()})(?![^\W\d_])){KEYWORD_SEPARATOR}(?:{NUMBER}{ORDINAL}?|{NUMBER_WORD})(?!\w)|preamble$", re.IGNORECASE)
# "ARTICLE 1-5: Relation To Multilateral Environmental Agreements": a heading with its title, never a wrapped
# cross-reference, whatever the line before ends with.
TITLED_HEADING = re.compile(
    rf"(?i:{ARTICLE_KEYWORD}|{division_keyword('chapter', 'part', 'section')}){KEYWORD_SEPARATOR}(?:{ARTICLE_NUMBER}{ORDINAL}?|[IVXLC]{{1,6}}|[A-Z])\s*[:\-–—]\s*[A-Z\"(][^\n]{{0,150}}$")
# An initial's full stop ("U.S.", "(the “U.S.”)"): before a lowercase line it ends no sentence.
INITIAL_END = re.compile(r"\b[A-Z]\.[\"')\]]*$")
# A paragraph number after a sentence end inside a paragraph ("… barriers. 2. The Parties"): the space before it.
RUN_TOGETHER_NUMBER = re.compile(r"(?<=[.;:]) (?=([0-9]{1,3})\. [A-Z])")
# A lettered item run into the sentence that introduces it ("… leads to:  (a) re-export …; or (b) a serious shortage …"):
# the spaces before its label, after a colon, a semicolon, or "; or" / ", and" closing the item before.
RUN_TOGETHER_ITEM = re.compile(r"(?:[:;]|[;,] (?:or|and))(\s+)(?=\(([a-z])\) \S)")
# A first item after its lead-in's colon, by the label of the second item, which is on a line of its own.
FIRST_ITEM_AFTER_COLON = {"(b)": re.compile(r"(?<=:)\s+(?=\(a\) \S)"), "(ii)": re.compile(r"(?<=:)\s+(?=\(i\) \S)")}
# Dashed entries run into their lead-in, as the EU's association agreements print them ("… in particular: -participation
# by the Community …; -industrial cooperation …"): the spaces and the dash before each, after a colon or a semicolon.
RUN_TOGETHER_DASH = re.compile(r"(?<=[:;])\s+[-–]\s?(?=[a-z])")
# The share of a hard-wrapped text's lines that follow a blank line above which the text counts as double-spaced.
DOUBLE_SPACED_SHARE = 0.7
_DASHED_LEAD_IN = re.compile(r":\s[-–]")
# A preamble whose recitals a conversion ran together: "…, hereinafter the "States Parties", CONSIDERING that …,
# BELIEVING that …; HAVE AGREED as follows:". Treaties set a recital's opening word in capitals; the run is split
# before each such word that follows a comma, semicolon or colon (and before a separator line of underscores).
RUN_TOGETHER_RECITAL = re.compile(
    r"(?<=[,;:]) (?=(?:and |AND )?(?:BEARING IN MIND|HAVING REGARD|HAVING RESOLVED|HAVING DECIDED|HAVE AGREED|"
    r"HAVE DECIDED|HAVE RESOLVED|HEREBY AGREE|TAKING INTO ACCOUNT|TAKING NOTE|(?:RE)?AFFIRMING|RECOGNI[SZ]ING|"
    r"CONSIDERING|DESIRING|DESIROUS|ACKNOWLEDGING|RECALLING|NOTING|CONVINCED|DETERMINED|RESOLVED|MINDFUL|CONSCIOUS|"
    r"AWARE|WISHING|BELIEVING|EMPHASI[SZ]ING|STRESSING|UNDERLINING|WELCOMING|EXPRESSING|SEEKING|INSPIRED|CONFIRMING|"
    r"COMMITTED|ANXIOUS|REALI[SZ]ING|AGREE|DECIDE|DECIDES)\b)|(?<=_{5}) (?=\S)"
)
# "Article XXIV of the General Agreement …": a heading keyword and number read on as a phrase, so the line is a wrapped
# cross-reference whatever the line before ends with ("… in particular\nArticle XXIV of the GATT 1994").
# So does one whose title in brackets comes first: "Annex 3 (Rules of Origin) of the Agreement shall be replaced by …".
REFERENCE_START = re.compile(rf"(?:{ARTICLE_KEYWORD}|{division_keyword('chapter', 'part', 'section')}|annex)\s*{NUMBER}\s+(?:\([^()\n]{{1,80}}\)\s+)?(?:of|to|and|or|in|under)\b", re.IGNORECASE)
# An article keyword and number alone on a line.
BARE_ARTICLE_LINE = re.compile(rf"(?i:{ARTICLE_KEYWORD}){KEYWORD_SEPARATOR}(?:{ARTICLE_NUMBER}{ORDINAL}?|{NUMBER_WORD})\.?")
# A line that opens a new structural unit is never glued to the line before it.
STRUCTURAL_START = re.compile(
    r"""(?:[•◦]\ |\(?\d{1,3}(?:\.\d{1,3})*[.)]\ |\([a-z]{1,2}\)|[a-z]\)\ |(?-i:(?:[a-z]|[ivx]{1,5})\.\ (?=[A-Z]))|\((?:[ivxlcdm]{1,6})\)|\(\d{1,3}\))""",
    re.IGNORECASE,
)
# A number in figures after the same number in words, as agreements write their periods ("six (6) months"): hard-wrapped
# before its bracket, it goes on from the line above and numbers no paragraph.
FIGURES_IN_BRACKETS = re.compile(r"\((\d{1,3})\)")
# A lettered item going on in lower case ("a. reviewing the general functioning of this Agreement;"), or one numbered in
# roman numerals ("v. promotion of investment."): its label, read as one only after its lead-in's colon (for "a." and
# "i.") or after the item labelled before it (see ``_next_lower_item``).
LOWER_ITEM = re.compile(r"([a-z]|[ivx]{2,5})\. (?![a-z]\.)[a-z]")
# The roman label before each one, as a list numbers its items "i." … "xxx.".
ROMAN_BEFORE = {roman_numeral(value): roman_numeral(value - 1) for value in range(2, 31)}
# A paragraph number or item letter alone on its line, as PDF conversions print them ("5." / "(a)" / "The competent
# authority …"): the text that follows on its own line, after blank lines too, is that unit's.
BARE_LABEL = re.compile(r"\(?(?:\d{1,3}(?:\.\d{1,3})*|[a-z]{1,2}|[ivxlcdm]{1,6}|[A-Z])[.)]|\((?:\d{1,3}|[a-z]{1,2}|[ivxlcdm]{1,6}|[A-Z])\)")
# … but a roman numeral in capitals alone numbers a section of a statement, not its first paragraph ("I." / "The two
# sides agreed …"): grammar/provisions.py reads it so.
SECTION_NUMERAL = re.compile(r"[IVX]{1,6}\.")
# The two never both match a line's start, so one match tells which (if any) applies.
LINE_START = re.compile(rf"(?P<heading>{HEADING_LINE.pattern})|(?P<structural>{STRUCTURAL_START.pattern})", re.IGNORECASE)
# A recital's opening word in lower case, as some memoranda write their preambles ("striving for …,", "acknowledging …,").
LOWERCASE_RECITAL = re.compile(
    r"(?:and )?(?:recogni[sz]ing|acknowledging|considering|desiring|desirous|noting|mindful|conscious|convinced|determined|"
    r"striving|bearing in mind|taking into account|taking note|(?:re)?affirming|recalling|welcoming|emphasi[sz]ing|stressing|"
    r"underlining|expressing|seeking|wishing|believing|aware|reali[sz]ing|confirming|having regard|guided|intending|"
    r"taking into consideration|resolv(?:ed|ing)|anxious|have agreed)\b")
# A line ending like this completes a sentence, a list item or a heading lead-in.
TERMINAL_PUNCTUATION = re.compile(r"[.;:!?][\"')\]]*$")
# Lines a page prints on every page: a page number ("17-3", "- 5 -", "Page 4 of 12"), and after it a running header in
# capitals.  A sentence that goes on after a blank line does not go on from them (grammar/page_furniture.py skips them).
PAGE_NUMBER_LINE = re.compile(r"[-–—\s]*(?:(?i:page)\s+)?\d+(?:[-–./]\d+)*(?:\s+(?i:of)\s+\d+)?[-–—\s]*")
# A page number between dashes, centred at a page's foot ("- 12 -"): its first dash marks no bullet.
DASHED_PAGE_NUMBER = re.compile(r"[-–—] ?\d{1,4} ?[-–—]")
# A page number no sentence wraps to: between dashes ("- 5 -"), or with the word page ("Page 3 of 28", "PAGE 3/28",
# "3 | Page").  Such a line never continues a paragraph nor is continued, in any mode.
UNAMBIGUOUS_PAGE_NUMBER = re.compile(
    DASHED_PAGE_NUMBER.pattern + r"|(?i:page) \d{1,4}(?: ?(?i:of|/) ?\d{1,4})?|\d{1,4} ?\| ?(?i:page)|(?i:page) ?\| ?\d{1,4}")
# A rule drawn across the page ("______", "------"): it separates, so it is a line of its own.
RULE_LINE = re.compile(r"[_=\-–—*.]{5,}")
FURNITURE_STARTS = frozenset("_=-–—*.pP0123456789")
# A running header or footer prints the same short line on several pages, beside the page number on two at least.
RUNNING_LINE_REPEATS = 2
RUNNING_PAGES = 2
RUNNING_LINE_CHARS = 120
# Lines within this many lines of a running line (blank ones included): a bare page number there is the page's.
NEAR_RUNNING_LINE = 3
LONG_CAPITALS_LINE = 400
CAPITALS_LINE = re.compile(r"[^a-z\n]{0,40}[A-Z]{2}[^a-z\n]{0,80}")
SPACE_RUN = re.compile(r" {2,}")
HYPHENATED_END = re.compile(r"([A-Za-z]+)-$")
LONE_PUNCTUATION = ".,;:)"


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], frozenset[str], frozenset[str], frozenset[str]]:
    with DATA_FILE.open("rb") as handle:
        data = tomllib.load(handle)
    replacements: dict[str, str] = dict(data["replace"])
    replacements.update({char: "" for char in data["drop"]["chars"]})
    return (
        replacements,
        frozenset(data["bullets"]["chars"]),
        frozenset(data["hyphenation"]["keep_after"]),
        frozenset(data["continuation"]["dangling_words"]),
    )


def normalize_text(raw: str, headings: frozenset[str] = frozenset(), *, blocks: bool = False) -> str:
    """Return the normalized form of ``raw`` (see the module docstring for the guarantees).

    ``headings`` are the heading lines the format declares (a ToTA outline): each stays a line of its own,
    even after a line that looks unfinished (an article the corpus cut off mid-sentence). ``blocks``: the text
    comes from a format's blocks (HTML's paragraphs, headings and list items, set apart by blank lines), so a
    blank line always ends a paragraph, however many short blocks make it look double-spaced.
    """
    replacements, bullets, keep_hyphen, dangling = _tables()
    lines = _clean_lines(_replace_characters(raw, replacements), bullets)
    declared = frozenset(SPACE_RUN.sub(" ", heading.strip()) for heading in headings)
    wrap_width = _wrap_width(lines)
    double_spaced = bool(wrap_width) and not blocks and _double_spaced(lines)
    joiner = _Joiner(wrap_width, keep_hyphen, dangling, declared, double_spaced=double_spaced)
    return "\n".join(joiner.paragraphs(lines, _page_furniture_lines(lines)))


def bullet_marks() -> frozenset[str]:
    """The characters a bullet line may start with (``normalize.toml``), and the "•" they are all rewritten to."""
    return _tables()[1] | {"•"}


def normalize_line(line: str) -> str:
    """One line as ``normalize_text`` writes it: characters replaced, stripped, space runs collapsed (a declared
    heading must match its line in the normalized text: "Eaeu’s Bodies" is "Eaeu's Bodies" there)."""
    return SPACE_RUN.sub(" ", _replace_characters(line, _tables()[0]).strip())


def _replace_characters(raw: str, replacements: dict[str, str]) -> str:
    # Most texts hold few of the rare characters: a C-level ``in`` scan per character, and a replace only
    # for those present, beats one regex or ``str.translate`` over the whole text several times over.
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    for char, replacement in replacements.items():
        if char in raw:
            raw = raw.replace(char, replacement)
    return raw


def _clean_lines(text: str, bullets: frozenset[str]) -> list[str]:
    """Stripped lines without space runs, bullets rewritten to ``• ``, or to ``◦ `` in a list nested in another.

    A list's first bullet mark is its own; a bullet with another mark after it ("• … These rights are:" / "o Freedom of
    association;") is an entry of a nested list, until a paragraph after a blank line ends the list.
    """
    lines = [line.strip() for line in text.split("\n")]
    list_mark = None
    blank_before = False
    for position, line in enumerate(lines):
        # Collapsing space runs after stripping gives the same line as before it, and only a few lines have any.
        if "  " in line:
            line = lines[position] = SPACE_RUN.sub(" ", line)
        if len(line) > 2 and line[1] == " " and line[0] in bullets and DASHED_PAGE_NUMBER.fullmatch(line) is None:
            if list_mark is None:
                list_mark = line[0]
            lines[position] = ("• " if line[0] == list_mark else "◦ ") + line[2:].lstrip()
        elif line and blank_before:
            list_mark = None
        blank_before = not line
    return lines


def _wrap_width(lines: list[str]) -> int:
    """The width the source was hard-wrapped at, or 0 when its paragraphs are not hard-wrapped."""
    lengths = sorted(map(len, filter(None, lines)))
    if len(lengths) < 8:
        return 0
    width = lengths[int(len(lengths) * 0.9)]
    return width if width <= 160 else 0


def _double_spaced(lines: list[str]) -> bool:
    """Whether a hard-wrapped text has a blank line after nearly every line, as some PDF and corpus conversions leave it
    ("… in favour of Forum\n\n\nIsland countries duty free …"): its blank lines then say nothing about paragraphs."""
    adjacent = spaced = 0
    previous_blank = True
    for line in lines:
        if line:
            if previous_blank:
                spaced += 1
            else:
                adjacent += 1
        previous_blank = not line
    return spaced >= 8 and spaced >= DOUBLE_SPACED_SHARE * (spaced + adjacent)



def _page_furniture_lines(lines: list[str]) -> frozenset[int]:
    """Indices of lines a page prints apart from the text: unambiguous page numbers ("- 5 -", "Page 3 of 28"), rules across
    the page, a running header or footer repeated verbatim on several pages, and a bare page number beside one ("1" /
    "Bilateral Investment Treaty India - Kazakhstan"). grammar/page_furniture.py decides which of them to skip; here each
    stays a line of its own, so that no paragraph takes them in.

        >>> sorted(_page_furniture_lines(["- 5 -", "Treaty text", "in paragraph", "5", "of Article 3"]))
        [0]
    """
    # (The first character spares most lines the two regex scans.)
    alone = {index for index, line in enumerate(lines) if line and line[0] in FURNITURE_STARTS
             and (UNAMBIGUOUS_PAGE_NUMBER.fullmatch(line) or RULE_LINE.fullmatch(line))}
    repeated = {line for line, count in Counter(lines).items()
                if count >= RUNNING_LINE_REPEATS and line and len(line) <= RUNNING_LINE_CHARS and _may_run(line)}
    if not repeated:
        return frozenset(alone)
    numbers = [index for index, line in enumerate(lines) if line and PAGE_NUMBER_LINE.fullmatch(line)]
    beside: dict[str, list[int]] = {}
    for index, line in enumerate(lines):
        if line in repeated:
            at = bisect_left(numbers, index - NEAR_RUNNING_LINE)
            near = list(takewhile(lambda number: number <= index + NEAR_RUNNING_LINE, numbers[at:at + 2 * NEAR_RUNNING_LINE + 1]))
            if near:
                beside.setdefault(line, []).extend([index, *near])
    # A running line sits beside a page number on two pages at least, as grammar/page_furniture.py reads it.
    pages: set[int] = set()
    for line, indices in beside.items():
        if sum(lines[index] == line for index in indices) >= RUNNING_PAGES:
            alone.update(indices)
            pages.update(index for index in indices if lines[index] != line)
    return frozenset(alone | _numbering_goes_on(lines, numbers, pages))


def _numbering_goes_on(lines: list[str], numbers: list[int], pages: set[int]) -> set[int]:
    """The bare page numbers after the last of ``pages`` that go on counting one page at a time ("1", "2" beside the
    running header, then "3" at the foot of the last page, where no header follows)."""
    found = sorted(index for index in pages if lines[index].isdigit())
    if not found:
        return set()
    going_on, last, value = set(), found[-1], int(lines[found[-1]])
    for index in numbers:
        if index > last and lines[index].isdigit() and int(lines[index]) == value + 1:
            going_on.add(index)
            value += 1
    return going_on


def _may_run(line: str) -> bool:
    """Whether a repeated line may be a running header or footer: words, opening in no lower case and ending in no
    sentence's punctuation, and no heading or numbered unit (which repeat as structure: "Article 1" in each annex)."""
    return (any(char.isalpha() for char in line) and not line[0].islower() and not TERMINAL_PUNCTUATION.search(line)
            and not line.endswith(",") and LINE_START.match(line) is None and line[0] not in "•◦")


def _in_capitals(line: str) -> bool:
    """A line in capitals, however long (an instrument's title: "MEMORANDUM OF UNDERSTANDING BETWEEN THE MINISTRY OF …")."""
    return len(line) <= LONG_CAPITALS_LINE and CAPITALS_LINE.match(line) is not None and not any(char.islower() for char in line)

class _Joiner:
    """Glues wrapped lines into paragraphs, one line at a time, and keeps source blank lines as one blank line.

    The open paragraph is kept as its pieces (joined by single spaces when it closes), so that gluing a line
    costs the same however long the paragraph already is: every check on "the paragraph so far" only needs
    its last piece (no test looks across a space), its length, or, for a heading, all of it while it is short.
    """

    def __init__(self, wrap_width: int, keep_hyphen: frozenset[str], dangling: frozenset[str],
                 headings: frozenset[str] = frozenset(), *, double_spaced: bool = False) -> None:
        self.double_spaced = double_spaced
        self.wrap_width = wrap_width
        self.keep_hyphen = keep_hyphen
        self.dangling = dangling
        self.headings = headings
        self.out: list[str] = []
        self.pieces: list[str] = []
        self.length = 0
        #: Until the first heading line, lines are a preamble's, whose recitals may open in lower case.
        self.in_preamble = True

    def paragraphs(self, lines: list[str], alone: frozenset[int] = frozenset()) -> list[str]:
        """One line per paragraph, with an empty line where the source had blank lines between two; the lines at the
        indices ``alone`` (page furniture) are paragraphs of their own."""
        blank_before = False
        after_alone = False
        for index, line in enumerate(lines):
            if not line:
                blank_before = True
                continue
            if self.in_preamble and HEADING_LINE.match(line) and line[:8].lower() != "preamble":
                self.in_preamble = False  # (the preamble's own heading opens it)
            is_alone = index in alone
            if self.pieces and not is_alone and not after_alone and self._continues(line, blank_before):
                self._glue(line)
            else:
                self._close(blank_before)
                if line.startswith(("(b) ", "(ii) ")):
                    self._set_first_item_apart(line[:line.index(" ")])
                self.pieces, self.length = [line], len(line)
            blank_before = False
            after_alone = is_alone
        self._close(False)
        return self.out

    def _close(self, blank_after: bool) -> None:
        if self.pieces:
            paragraph = " ".join(self.pieces)
            pieces = _numbered_run_apart(paragraph) if paragraph.startswith("1. ") else [paragraph]
            # Few paragraphs hold run-in items: two substring checks spare the rest the regex scans (2-3% of a parse).
            if "(a) " in paragraph:
                pieces = [item for piece in pieces for item in _lettered_run_apart(piece)]
            if _DASHED_LEAD_IN.search(paragraph):
                pieces = [line for piece in pieces for line in _dashed_run_apart(piece)]
            if len(paragraph) > 160 and ("ING " in paragraph or "_____ " in paragraph):
                pieces = [line for piece in pieces for line in _recitals_run_apart(piece)]
            self.out.extend(pieces)
            if blank_after:
                self.out.append("")

    def _set_first_item_apart(self, second: str) -> None:
        """A first item run into its lead-in while the second starts a line of its own ("The aim of this Agreement is:
        (a) to promote …," / "(b) to provide …"): the last paragraph is split before its one "(a)" (or "(i)") after a colon."""
        last = next((index for index in range(len(self.out) - 1, -1, -1) if self.out[index]), None)
        if last is None:
            return
        paragraph = self.out[last]
        found = FIRST_ITEM_AFTER_COLON[second].search(paragraph)
        if found is not None and f"{second} " not in paragraph:
            self.out[last:last + 1] = [paragraph[:found.start()], paragraph[found.end():]]

    def _continues(self, line: str, blank_between: bool) -> bool:
        """Whether ``line`` is the wrapped continuation of the open paragraph."""
        if self.double_spaced and blank_between:
            # Blank lines say nothing there, but a line ending in a comma, semicolon or colon before a capital still ends
            # an entry ("Having regard to …," / "Conscious of …"), and a paragraph in capitals is a heading, a title (wrapped
            # over two lines or more) or a party's name, which the next line does not continue either (a title, then "The
            # Parties,"). Nor does a page number at a page's foot continue the last line of text above it.
            if (self.pieces[-1][-1:] in ",;:" and not line[0].islower()) or CAPITALS_LINE.fullmatch(line) \
                    or PAGE_NUMBER_LINE.fullmatch(line) \
                    or (self.length <= LONG_CAPITALS_LINE and all(_in_capitals(piece) for piece in self.pieces)):
                return False
            blank_between = False
        last = self.pieces[-1]
        if self.headings and (line in self.headings or last in self.headings):
            return False  # a declared heading is a line of its own
        # (A line of a word or two after a stray number is a heading: "3." / "Conclusion".)
        if len(self.pieces) == 1 and BARE_LABEL.fullmatch(last) and not SECTION_NUMERAL.fullmatch(last) and line[0].isalpha() \
                and LINE_START.match(line) is None \
                and line.count(" ") >= 2:
            return True
        if self.length < 160 and HEADING_LINE.match(last if len(self.pieces) == 1 else " ".join(self.pieces)) \
                and not (line[0].islower() and REFERENCE_START.match(self.pieces[0])):
            return False  # a heading line is never continued, but a sentence opening with a reference reads on
        if self._next_lower_item(line, last):
            return False
        if line[0] == "(" and not blank_between and _figures_after_words(line, last):
            return True
        start = LINE_START.match(line)
        if start is not None:
            if start.lastgroup == "structural":
                return False
            if start.lastgroup == "heading" and REFERENCE_START.match(line) and not TERMINAL_PUNCTUATION.search(last):
                return True  # "… in particular\nArticle XXIV of the GATT 1994": a reference reads on
            if not last.endswith(",") and _last_word(last).lower() not in self.dangling:
                return False  # "… referred to in\nArticle 5 …" is a wrapped cross-reference, not a heading
            if blank_between and BARE_ARTICLE_LINE.fullmatch(line):
                return False  # "… contributing to the\n\nArticle 2\neconomic and …": a heading set between the halves of a sentence
            if start.lastgroup == "heading" and TITLED_HEADING.match(line):
                return False
        first = line[0]
        if first in LONE_PUNCTUATION and len(line) <= 3:
            return True  # a lone punctuation mark pushed onto its own line
        if blank_between and len(self.pieces) == 1 and self._page_furniture(last):
            return False  # "17-3" / "TRADE AGREEMENT – CHAPTER 17" / "favourable than …": the page turned between
        if TERMINAL_PUNCTUATION.search(last) and not (first.islower() and (INITIAL_END.search(last) or self._wrapped_at_semicolon(last))):
            return False  # but '(the "United States" or "U.S.")\nand Japan' ends on an initial, not a sentence
        if first.islower():
            # "…, based on the principles of equality and mutual benefit," / "acknowledging the role of …": a preamble's
            # next recital, which a memorandum may open in lower case.
            return not (self.in_preamble and last[-1:] in ",;" and LOWERCASE_RECITAL.match(line))
        if _last_word(last).lower() in self.dangling:
            return True
        if blank_between or not self.wrap_width:
            return False
        return self.length >= 0.6 * self.wrap_width

    def _next_lower_item(self, line: str, last: str) -> bool:
        """Whether ``line`` opens a lettered or roman item in lower case: "a." or "i." after a colon, or the label after the
        open paragraph's ("iv. research; and" / "v. promotion …")."""
        item = LOWER_ITEM.match(line)
        if item is None:
            return False
        label = item.group(1)
        if label in ("a", "i"):
            return last.endswith(":")
        before = [ROMAN_BEFORE.get(label)] if len(label) > 1 else [chr(ord(label) - 1), ROMAN_BEFORE.get(label)]
        return any(f"{previous}. " == self.pieces[0][:len(previous) + 2] for previous in before if previous)

    def _page_furniture(self, line: str) -> bool:
        """A page number, or a line in capitals right after one (the next page's running header)."""
        if PAGE_NUMBER_LINE.fullmatch(line):
            return True
        if not CAPITALS_LINE.fullmatch(line):
            return False
        previous = next((paragraph for paragraph in reversed(self.out) if paragraph), "")
        return PAGE_NUMBER_LINE.fullmatch(previous) is not None

    def _wrapped_at_semicolon(self, last: str) -> bool:
        """A full-width line ending in ";" before a lower-case line: a sentence wrapped after one of its
        semicolons ("… via guarantees, loans, or equity;" / "finalization of offtake arrangements"), where the
        entries of a list without markers ("copper ores;" / "nickel mattes;") are short lines."""
        return bool(self.wrap_width) and last.endswith(";") and len(last) >= 0.8 * self.wrap_width

    def _glue(self, line: str) -> None:
        last = self.pieces[-1]
        if line[0] in LONE_PUNCTUATION and len(line) <= 3:
            self.pieces[-1] = last + line
            self.length += len(line)
            return
        match = HYPHENATED_END.search(last) if line[0].islower() and last.endswith("-") else None
        if match is None:
            self.pieces.append(line)
            self.length += 1 + len(line)
        elif match.group(1).lower() in self.keep_hyphen:
            self.pieces[-1] = last + line
            self.length += len(line)
        else:
            self.pieces[-1] = last[:-1] + line
            self.length += len(line) - 1


def _numbered_run_apart(paragraph: str) -> list[str]:
    """Numbered paragraphs a conversion ran together, one per line: "1. … barriers. 2. The Parties …".

    Only the next number in sequence after a sentence end, before a capital, starts a paragraph, so a
    cross-reference ("as set out in Article 5. The …") never does.
    """
    lines: list[str] = []
    start, number = 0, 2
    for found in RUN_TOGETHER_NUMBER.finditer(paragraph):
        if int(found.group(1)) == number:
            lines.append(paragraph[start:found.start()])
            start = found.end()
            number += 1
    return lines + [paragraph[start:]]


def _lettered_run_apart(paragraph: str) -> list[str]:
    """Lettered items run into their lead-in, one per line: "… leads to: (a) re-export …; or (b) a serious shortage …".

    Only a run from (a), each next letter in sequence after a colon or a semicolon, starts items, so a reference ("as
    provided in subparagraph (a) of paragraph 2") never does.
    """
    if "(a) " not in paragraph or "(b) " not in paragraph:
        return [paragraph]
    lines: list[str] = []
    # An item (a) on its own line may have run the next ones into it: "(a) to the land territory …; and (b) beyond …".
    first = "b" if paragraph.startswith("(a) ") else "a"
    start, letter = 0, first
    for found in RUN_TOGETHER_ITEM.finditer(paragraph):
        if found.group(2) == letter:
            lines.append(paragraph[start:found.start(1)])
            start = found.end(1)
            letter = chr(ord(letter) + 1)
    if letter < "c":
        return [paragraph]  # one label alone is no list: (a) and (b) at least, wherever (a) stands
    return lines + [paragraph[start:]]


def _recitals_run_apart(paragraph: str) -> list[str]:
    """Recitals run together in one paragraph, one per line (``RUN_TOGETHER_RECITAL``): only where two or more
    recital openings are found, so that a word in capitals inside one sentence never starts a line."""
    cuts = [found.start() for found in RUN_TOGETHER_RECITAL.finditer(paragraph)]
    if len(cuts) < 2:
        return [paragraph]
    return [paragraph[start:end].strip() for start, end in zip([0, *cuts], [*cuts, len(paragraph)])]


def _dashed_run_apart(paragraph: str) -> list[str]:
    """Dashed entries run into their lead-in, one bullet per line: "… of the following: - the objectives …; - the …".

    Only where a colon introduces the first and at least two follow, so that a dash in a sentence never starts one.
    """
    found = list(RUN_TOGETHER_DASH.finditer(paragraph))
    if len(found) < 2 or paragraph[found[0].start() - 1] != ":":
        return [paragraph]
    lines = [paragraph[: found[0].start()]]
    for here, after in zip(found, found[1:] + [None]):
        lines.append("• " + paragraph[here.end() : after.start() if after else len(paragraph)])
    return lines


def _figures_after_words(line: str, last: str) -> bool:
    """Whether ``line`` opens with the figures of the number ``last`` ends in words: "… at least six" / "(6) months"."""
    figures = FIGURES_IN_BRACKETS.match(line)
    return figures is not None and value_of_words(_last_word(last)) == int(figures.group(1))


def _last_word(piece: str) -> str:
    return piece[piece.rfind(" ") + 1 :]
