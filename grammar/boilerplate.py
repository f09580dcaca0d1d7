"""Find the lines of a normalized document that are not agreement content: chrome, paywalls, teasers, repeats.

The rules are general, never a seed's exact strings:

* vocabulary: each line is checked against the markers in ``data/boilerplate.toml`` (short lines only:
  a long paragraph that mentions "subscription" is still prose);
* density: a stretch where marked lines outweigh prose (max-sum segment, prose weighted by length)
  is one boilerplate region, unmarked lines inside it included (a paywall's sales pitch);
* section openers: "More metals news", "Related stories" … open a list of other stories that runs to the end;
* line shape: in a news report, the headline that best matches the body is the title, other headline-shaped
  lines whose words the body does not share are teasers for other stories;
* title block: an instrument's title printed over several lines ("AGREEMENT" / "BETWEEN …" / "AND …" / "ON …") is
  one title, its lines continued by the linking words in ``data/boilerplate.toml``;
* repetition: a paragraph repeated verbatim (or a block of lines, in any document) counts once;
* page furniture: page numbers, and the running headers and footers beside them (``grammar.page_furniture``).
"""
from __future__ import annotations

import re
import tomllib
# The standard library's own regex parser (the one behind re.compile): it shows which fixed text a pattern needs.
from re import _constants as sre_constants, _parser as sre_parser
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from grammar.numbering import ARTICLE_KEYWORD, KEYWORD_DASH, NUMBER_WORD, ORDINAL, ORDINAL_WORDS, division_keyword
from grammar.page_furniture import find_page_furniture

DATA_FILE = Path(__file__).with_name("data") / "boilerplate.toml"

WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
HEADLINE_WORDS, HEADLINE_CHARACTERS = 25, 200
LONG_TITLE_WORDS, LONG_TITLE_CHARACTERS = 50, 400
# The opening of an instrument's title: "Memorandum of Understanding between …", "Agreement between the Government of …".
# (Spanish and Portuguese titles too: "MEMORANDO DE ENTENDIMIENTO ENTRE …", "ACUERDO DE COOPERACIÓN …".)
_INSTRUMENT = (r"(?:memorandum|agreement|treaty|convention|protocol|joint\s+(?:statement|declaration)|framework|arrangement|"
               r"exchange\s+of\s+(?:notes|letters)|accord|memorando|memor[áa]ndum|acuerdo|acordo|tratado|convenio|"
               r"conv[êe]nio|protocolo|declaraci[óo]n\s+conjunta|declara[çc][ãa]o\s+conjunta)")
INSTRUMENT_TITLE = re.compile(rf"(?i)(?:the\s+)?{_INSTRUMENT}\b")
# A line that only names the instrument, the first line of a title printed over several: "AGREEMENT", "MEMORANDUM OF
# UNDERSTANDING", "FREE TRADE AGREEMENT".
INSTRUMENT_NAME_LINE = re.compile(rf"(?i)(?:[^\W\d][\w'’–-]*\s+){{0,5}}{_INSTRUMENT}(?:\s+of\s+(?:understanding|co-?operation|intent))?")
TERMINAL = re.compile(r"[.;:!?][\"')\]]*$")
_UNIT_NUMBER = rf"(?:{ARTICLE_KEYWORD}|{division_keyword()}|annex|paragraph|clause)(?::?\s+|{KEYWORD_DASH})(?:[0-9]+{ORDINAL}?|[ivxlcdm]+|{NUMBER_WORD})(?!\w)"
# (A section title numbered in roman numerals, "II. AREAS OF COOPERATION", is structure too.)
# A clause headed by its ordinal, as Spanish and Portuguese memoranda head theirs: "PRIMERO. OBJETIVO", "CLÁUSULA TERCERA".
_ORDINAL_CLAUSE = rf"(?:cl[áa]usula[ ])?(?:{'|'.join(sorted(ORDINAL_WORDS, key=len, reverse=True))})(?:[ ]?[:.\-–—]|$)"
STRUCTURAL = re.compile(rf"(?i)^(?:[•◦]|\(?\d{{1,3}}[.)]|\([a-z]{{1,4}}\)|{_UNIT_NUMBER}|{_ORDINAL_CLAUSE}|(?-i:(?:[IVX]{{1,5}}|[A-Z])\.[ ][A-Z]))")
# A unit's number alone on its line ("Paragraph 1", "ARTICLE V"): a short line after it is the unit's title.
UNIT_NUMBER_LINE = re.compile(rf"(?i){_UNIT_NUMBER}[.:]?\s*$")
# Short function words carry no topic: they are ignored when measuring how much two texts share.
TOPIC_WORD = re.compile(r"[a-z]{4,}")
TITLE_REASON = "title"
#: A document's code printed above its title: "AfCFTA/PROT/INV/EN", "UNEP/EA.5/Res.8", "A/RES/70/1": one token of
#: letters and figures cut by two slashes or more. No title: it names no instrument.
DOCUMENT_CODE = re.compile(r"\s*(?=[^\s/]*[A-Za-z])[\w.-]+(?:/[\w.-]+){2,}\s*")
DOCUMENT_CODE_REASON = "document code"
MIN_REGION_SCORE = 2.0
MASTHEAD_LINES = 6
# A unit named, not numbered, as agreements head their preamble and their closing formula.
NAMED_UNIT = re.compile(r"(?i)(?:preamble|conclusion)\s*$")
CONTAINMENT_WINDOW = 12


class Line(NamedTuple):
    """One non-blank line of normalized text and its ``[start, end)`` offsets.

    A named tuple, built once per line: several times faster to build than a frozen dataclass.
    """

    index: int  # (shadows tuple.index, which nothing here uses)
    start: int
    end: int
    text: str

    @property
    def words(self) -> int:
        return _count_words(self.text)


# Several rules ask for a line's word count: count each line once per document (find_boilerplate clears it).
@lru_cache(maxsize=1 << 16)
def _count_words(text: str) -> int:
    return len(WORD.findall(text))


def split_lines(text: str) -> list[Line]:
    """The non-blank lines of ``text`` with their offsets (``text[line.start:line.end] == line.text``)."""
    lines: list[Line] = []
    position = 0
    for raw in text.split("\n"):
        end = position + len(raw)
        if raw and not raw.isspace():  # what ``raw.strip()`` would say, without building the stripped copy
            lines.append(Line(len(lines), position, end, raw))
        position = end + 1
    return lines


@dataclass(frozen=True)
class Verdict:
    """Which lines to skip (line index → reason) and which lines are the document's title (in order; none: no title)."""

    reasons: dict[int, str]
    title: tuple[int, ...]
    declared: bool = False  # the title lines spell the name the format declared (an HTML page's <h1>)


class _Marker:
    """A boilerplate marker's patterns, grouped by how cheaply a line can be ruled out (the groups' union is exact).

    * patterns anchored at the line start (``^…``) are tried at position 0 only;
    * patterns that require some fixed ASCII text ("subscri", "your comment", one of "home", "about" …) are
      searched only in lines that contain one of those texts, lowercased, or that are not ASCII (where
      case-insensitive matching is more than ``lower``);
    * the rest are searched in every line short enough.

    A case-insensitive search tries every pattern at every position of a line, which on a long treaty costs
    more than the rest of the parse; most lines hold none of the runs.
    """

    def __init__(self, reason: str, max_words: int, patterns: list[str], in_agreements: bool = False) -> None:
        self.reason = reason
        self.max_words = max_words
        #: Whether the marker sets a line aside in an agreement's own text too, outside regions dense with chrome.
        self.in_agreements = in_agreements
        groups: dict[str, list[str]] = {"at_start": [], "keyed": [], "anywhere": []}
        keys: list[str] = []
        for pattern in patterns:
            parsed = sre_parser.parse(pattern, re.IGNORECASE).data
            required = _required_text(parsed)
            if parsed and parsed[0] == (sre_constants.AT, sre_constants.AT_BEGINNING):
                groups["at_start"].append(pattern)
            elif required:
                groups["keyed"].append(pattern)
                keys.extend(required)
            else:
                groups["anywhere"].append(pattern)
        self.at_start, self.keyed, self.anywhere = (_union(groups[name]) for name in ("at_start", "keyed", "anywhere"))
        self.keys = tuple(keys)
        # Case-sensitive literals: the regex engine skips ahead to their first letters.
        self.key_texts = re.compile("|".join(map(re.escape, keys)))

    def matches(self, text: str, lowered: str) -> bool:
        """Whether one of the marker's patterns occurs in ``text`` (``lowered`` is ``text.lower()``), as a search
        of all of them would say."""
        if self.at_start is not None and self.at_start.match(text):
            return True
        if self.keyed is not None and (not text.isascii() or self.key_texts.search(lowered)):
            if self.keyed.search(text):
                return True
        return self.anywhere is not None and self.anywhere.search(text) is not None


def _required_text(items) -> tuple[str, ...]:
    """Texts, lowercased ASCII, of which every match of the parsed pattern contains one; () if none is known.

    A run of literal characters at the top level is required (top-level items are all required and
    consecutive), and so is, in turn, what a group, a repeat of at least one, or every branch requires.
    The candidate whose shortest text is longest is kept: it rules out the most lines.
    """
    best: tuple[str, ...] = ()
    run = ""
    for op, value in items:
        if op is sre_constants.LITERAL:
            run += chr(value)
            candidate: tuple[str, ...] = (run,)
        else:
            run = ""
            candidate = _required_inside(op, value)
        if _shortest(candidate) > _shortest(best):
            best = candidate
    return tuple(text.lower() for text in best) if all(text.isascii() for text in best) else ()


def _required_inside(op, value) -> tuple[str, ...]:
    if op is sre_constants.SUBPATTERN:
        return _required_text(value[-1].data)
    if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT) and value[0] >= 1:
        return _required_text(value[2].data)
    if op is sre_constants.BRANCH:
        options = [_required_text(branch.data) for branch in value[1]]
        return () if not all(options) else tuple(text for option in options for text in option)
    return ()


def _shortest(texts: tuple[str, ...]) -> int:
    return min(map(len, texts)) if texts else 0


def _union(patterns: list[str]) -> re.Pattern | None:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE) if patterns else None


@lru_cache(maxsize=1)
def _data() -> dict:
    with DATA_FILE.open("rb") as handle:
        return tomllib.load(handle)


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[list[_Marker], str, re.Pattern]:
    data = _data()
    markers = [_Marker(marker["reason"], marker["max_words"], marker["patterns"], marker.get("in_agreements", False))
               for marker in data["marker"]]
    related = data["related"]
    return markers, related["reason"], _union(related["patterns"])


@lru_cache(maxsize=1)
def _title_vocabulary() -> tuple[re.Pattern, re.Pattern]:
    """The words that continue a title over a line break ("BETWEEN …", "relating to …") and the lines that never do."""
    block = _data()["title_block"]
    words = "|".join(r"\s+".join(map(re.escape, word.split())) for word in block["linking_words"])
    return re.compile(rf"(?i)(?:{words})(?:\s|$)"), _union(block["not_title_patterns"])


def find_boilerplate(lines: list[Line], *, prose: bool, declared_title: str | None = None) -> Verdict:
    """Decide, line by line, what is boilerplate; ``prose`` enables the news-report rules (title, teasers).

    ``declared_title`` is the name the format gives the document (an HTML page's main ``<h1>``): the lines that spell
    it are the title, wherever a guess would have put it (under a cookie banner, a skip link, a site's name).
    """
    try:
        return _judge_lines(lines, prose=prose, declared_title=declared_title)
    finally:
        _count_words.cache_clear()  # keep no line of this document alive after it


def _judge_lines(lines: list[Line], *, prose: bool, declared_title: str | None = None) -> Verdict:
    markers, related_reason, related = _vocabulary()
    reasons: dict[int, str] = {}
    everywhere: set[int] = set()  # lines set aside by a marker that holds in an agreement's own text too
    for line in lines:
        marker = _marker_of(line, markers)
        if marker is not None:
            reasons[line.index] = marker.reason
            if marker.in_agreements:
                everywhere.add(line.index)
    if prose:
        _mark_related_lists(lines, reasons, related, related_reason)
    _mark_page_end(lines, reasons)
    # In an agreement, the lines set aside everywhere stay so without a region; as seeds of one, a publication's cover
    # ("Treaty Series No. 4" / short title / "Presented to Parliament" / "ISBN …") would swallow the title between them.
    regions = _mark_dense_regions(lines, reasons, neutral=frozenset() if prose else frozenset(everywhere))
    if not prose:
        # In an agreement's own text a lone marker word ("subscription services") is content, not chrome.
        reasons = {index: reason for index, reason in reasons.items()
                   if index in regions or index in everywhere or reason in _END_REASONS}
        _free_listed_lines(lines, reasons)
    _mark_sandwiched(lines, reasons)
    reasons.update(find_page_furniture(lines, reasons))
    title = _lines_spelling(lines, declared_title) if declared_title else ()
    declared = bool(title)
    if declared:
        _mark_above_heading(lines, reasons, title[0])
    else:
        _mark_document_codes(lines, reasons)
    title = title or _find_title(lines, reasons, prose=prose)
    for index in title:
        reasons[index] = TITLE_REASON
    if prose:
        _mark_head_chrome(lines, reasons, title[0] if title else None)
        _mark_teasers(lines, reasons)
        # Treaties repeat whole paragraphs on purpose (the same exception in two chapters): only prose is deduplicated.
        _mark_repeats(lines, reasons, title)
    elif title:
        # But an agreement's title repeated (a database's heading, then the instrument's own title in capitals) is one title.
        _mark_title_repeats(lines, reasons, title)
    return Verdict(reasons, title, declared)


def _mark_document_codes(lines: list[Line], reasons: dict[int, str]) -> None:
    """Document codes above the first body paragraph are set aside, so that the title under them is found."""
    for line in lines:
        if _is_body_paragraph(line) and line.index not in reasons:
            return
        if line.index not in reasons and DOCUMENT_CODE.fullmatch(line.text):
            reasons[line.index] = DOCUMENT_CODE_REASON


def _mark_above_heading(lines: list[Line], reasons: dict[int, str], first: int) -> None:
    """Above a page's own heading, what is not a paragraph of prose is the site's: its name ("Ministry of Commerce and
    Industry" / "Government of India"), breadcrumbs, a label ("Press release")."""
    for line in lines[:first]:
        if line.index not in reasons and not _is_body_paragraph(line):
            reasons[line.index] = "site chrome"


def _lines_spelling(lines: list[Line], name: str, most: int = 4) -> tuple[int, ...]:
    """The first run of up to ``most`` consecutive lines that together read ``name`` (case and spacing aside)."""
    wanted = _squash(name)
    for position, line in enumerate(lines):
        if not wanted.startswith(_squash(line.text)):
            continue
        for end in range(position + 1, min(position + most, len(lines)) + 1):
            joined = _squash(" ".join(other.text for other in lines[position:end]))
            if joined == wanted:
                return tuple(other.index for other in lines[position:end])
            if not wanted.startswith(joined):
                break
    return ()


@lru_cache(maxsize=1)
def _end_vocabulary() -> tuple[re.Pattern, str, re.Pattern, str]:
    """A page's end-matter headings and a press release's sign-off lines, with their reasons."""
    data = _data()
    end, sign_off = data["page_end"], data["sign_off"]
    return _union(end["patterns"]), end["reason"], _union(sign_off["patterns"]), sign_off["reason"]


_END_REASONS = frozenset(("page end matter", "press release sign-off"))


def _mark_page_end(lines: list[Line], reasons: dict[int, str]) -> None:
    """The sign-off lines ending a release, and from an end-matter heading on, what no paragraph of prose follows."""
    end, end_reason, sign_off, sign_off_reason = _end_vocabulary()
    for line in reversed(lines):
        if sign_off.match(line.text.strip()):
            reasons[line.index] = sign_off_reason
        elif line.index not in reasons:  # (chrome below the sign-off, "Share this: …", does not end it)
            break
    opening: int | None = None
    for position in range(len(lines) - 1, -1, -1):
        line = lines[position]
        if _is_body_paragraph(line) and line.index not in reasons:
            break  # prose below: the end matter opens under it, if anywhere
        if line.words <= 4 and end.match(line.text.strip()) \
                and not (position and UNIT_NUMBER_LINE.match(lines[position - 1].text)):  # "Annex 2" / "Contacts": content
            opening = line.index
    if opening is not None:
        for line in lines[opening:]:
            reasons.setdefault(line.index, end_reason)


def _free_listed_lines(lines: list[Line], reasons: dict[int, str]) -> None:
    """Lines listed after a lead-in ("… reductions shall be made on:" then "1 January 1974" …) are the
    agreement's own content, however much they look like datelines or chrome."""
    listed = False
    for line in lines:
        if listed and line.index in reasons:
            del reasons[line.index]
            continue
        listed = line.index not in reasons and line.text.rstrip().endswith(":")


def _marker_of(line: Line, markers: list[_Marker]) -> _Marker | None:
    words = line.words
    lowered = line.text.lower()
    for marker in markers:
        if words <= marker.max_words and marker.matches(line.text, lowered):
            return marker
    return None


# The share of a paragraph's topic words the report used before a related-stories heading above which the paragraph
# is the report going on, not another story (the gold-price items after seed 000's "MORE METALS NEWS" share under 15%).
RESUMED_BODY_OVERLAP = 0.34


def _mark_related_lists(lines: list[Line], reasons: dict[int, str], related: re.Pattern, reason: str) -> None:
    """From a "More news" / "Recommended articles" line on, the lines are other stories, until a body paragraph on the
    report's own topic: a page extraction that dropped a mid-article widget's links leaves its heading before the rest
    of the article ("Recommended articles" / "The scramble by global powers to secure these resources …")."""
    body: set[str] = set()
    in_block = False
    for position, line in enumerate(lines):
        if position and line.words <= 8 and related.search(line.text):
            in_block = True
        elif in_block and _is_body_paragraph(line) and _overlap(line, body) >= RESUMED_BODY_OVERLAP:
            in_block = False
        if in_block:
            reasons[line.index] = reason
        elif line.index not in reasons:
            body |= _topic_words(line.text)



def _weight(line: Line, marked: bool) -> float:
    if marked:
        return 1.0
    words = line.words
    if words <= 3:
        return -0.3
    if words < 12:
        return -0.5
    if words <= 25:
        return -2.0
    return -4.0


def _mark_dense_regions(lines: list[Line], reasons: dict[int, str], neutral: frozenset[int] = frozenset()) -> set[int]:
    """Mark every maximal stretch where boilerplate lines outweigh prose (max-sum segments); return its lines.
    ``neutral`` lines weigh nothing either way."""
    weights = [0.0 if line.index in neutral else _weight(line, line.index in reasons) for line in lines]
    in_regions: set[int] = set()
    stack = [(0, len(lines))]
    while stack:
        low, high = stack.pop()
        best, start, end = _max_segment(weights, low, high)
        if best < MIN_REGION_SCORE:
            continue
        region = [lines[k] for k in range(start, end)]
        counts: dict[str, int] = {}
        for line in region:
            if line.index in reasons:
                counts[reasons[line.index]] = counts.get(reasons[line.index], 0) + 1
        main_reason = max(counts, key=counts.get)
        for line in region:
            reasons.setdefault(line.index, main_reason)
            in_regions.add(line.index)
        stack.extend([(low, start), (end, high)])
    return in_regions


def _max_segment(weights: list[float], low: int, high: int) -> tuple[float, int, int]:
    best, best_start, best_end = 0.0, low, low
    running, start = 0.0, low
    for k in range(low, high):
        if running <= 0:
            running, start = 0.0, k
        running += weights[k]
        if running > best:
            best, best_start, best_end = running, start, k + 1
    return best, best_start, best_end


def _mark_sandwiched(lines: list[Line], reasons: dict[int, str]) -> None:
    """A short unmarked line between two boilerplate lines ("ScrapPrices" between bylines) is boilerplate too."""
    for position in range(1, len(lines) - 1):
        line = lines[position]
        if line.index in reasons or line.words > 6 or TERMINAL.search(line.text):
            continue
        before, after = lines[position - 1].index, lines[position + 1].index
        if before in reasons and after in reasons:
            reasons[line.index] = reasons[before]


def is_headline(line: Line) -> bool:
    """Headline-shaped: a few words, capitalised start, no closing punctuation (nor a recital's comma), not a numbered or
    bullet line. An instrument's own title may run long: "Memorandum of Understanding between the Department of Labor and
    Employment of the Republic of the Philippines and the Ministry of Employment and Labor of the Republic of Korea on …"."""
    text = line.text
    long_title = INSTRUMENT_TITLE.match(text) is not None
    return (
        3 <= line.words <= (LONG_TITLE_WORDS if long_title else HEADLINE_WORDS)
        and len(text) <= (LONG_TITLE_CHARACTERS if long_title else HEADLINE_CHARACTERS)
        and (text[0].isupper() or text[0] in "\"'" or text[0].isdigit())
        and not TERMINAL.search(text)
        and not text.endswith(",")
        and not STRUCTURAL.match(text)
    )


def _is_body_paragraph(line: Line) -> bool:
    return line.words >= 12 and bool(TERMINAL.search(line.text))


def _topic_words(text: str) -> set[str]:
    return {word[:5] for word in TOPIC_WORD.findall(text.lower())}


def _overlap(line: Line, others: set[str]) -> float:
    words = _topic_words(line.text)
    return len(words & others) / len(words) if words else 0.0


def _find_title(lines: list[Line], reasons: dict[int, str], *, prose: bool) -> tuple[int, ...]:
    """The title's lines: an instrument's title opening the document, over as many lines as it runs; else, in an
    agreement, a headline-shaped first line; in a report, the headline the body shares most words with."""
    head: list[Line] = []
    for line in lines:
        if _is_body_paragraph(line) and line.index not in reasons:
            break
        if line.index not in reasons:
            head.append(line)
    if not head:
        return ()
    headline = _news_headline(lines, reasons, head) if prose else (head[0].index if is_headline(head[0]) else None)
    if headline in (None, head[0].index) and _names_instrument(head[0]):
        block = _title_block(lines, reasons, head[0])
        # (A memorandum's title on one line opens its text as a report's headline would: "MEMORANDO DE ENTENDIMIENTO
        # ENTRE …", whose words the body, written in another register, need not share.)
        if len(block) > 1 or headline is not None or is_headline(head[0]):
            return block
    if headline is None and not prose:
        first = _instrument_under_masthead(head)
        block = _title_block(lines, reasons, first) if first is not None else ()
        if len(block) > 1 or (first is not None and is_headline(first)):
            return block
    return () if headline is None else (headline,)


def _instrument_under_masthead(head: list[Line]) -> Line | None:
    """An instrument's title under a journal's masthead ("30.4.2021" / "EN" / "Official Journal of the European Union" /
    "L 149/10" / "AGREEMENT" / "between …"): the first line naming the instrument, when only a few short label lines
    (no sentence) stand above it."""
    for position, line in enumerate(head[:MASTHEAD_LINES + 1]):
        if position and _names_instrument(line):
            return line
        if line.words > 6 or TERMINAL.search(line.text) or UNIT_NUMBER_LINE.match(line.text) or NAMED_UNIT.match(line.text):
            return None  # the text has begun: "Preamble" / "Agreement between …" is the preamble's first line
    return None


def _names_instrument(line: Line) -> bool:
    """Whether the line opens with the instrument's name: "AGREEMENT", "Memorandum of Understanding between …"."""
    text = line.text.strip()
    if TERMINAL.search(text):
        return False
    return INSTRUMENT_NAME_LINE.fullmatch(text) is not None or (INSTRUMENT_TITLE.match(text) is not None and is_headline(line))


def _title_block(lines: list[Line], reasons: dict[int, str], first: Line) -> tuple[int, ...]:
    """The lines of a title printed over several, from the line naming the instrument on. Of "AGREEMENT" / "BETWEEN
    CANADA" / "AND PERU" / "THE GOVERNMENT OF CANADA," the title is the first three lines: the fourth opens the
    parties' block."""
    block = [first]
    for line in lines[first.index + 1:]:
        if line.index in reasons or not _continues_title(line, block[-1]):
            break
        block.append(line)
    # A bare "AND" left at the end led into the parties' block ("THE EUROPEAN UNION," / "and" / "THE REPUBLIC OF CHILE,").
    while len(block) > 1 and _is_bare_linking_word(block[-1]):
        block.pop()
    return tuple(line.index for line in block)


def _continues_title(line: Line, previous: Line) -> bool:
    """A line that goes on with the title above it: it opens with a linking word ("BETWEEN …", "on critical raw
    materials", "FOR THE PROMOTION …"), or names a party under a bare "BETWEEN" or "AND"; never a recital or a party
    list's line (closing punctuation, a comma, "hereinafter"), a date, a numbered line or a long sentence."""
    text = line.text.strip()
    linking, not_title = _title_vocabulary()
    if (
        TERMINAL.search(text)
        or text.endswith(",")
        or STRUCTURAL.match(text)
        or line.words > LONG_TITLE_WORDS
        or len(text) > LONG_TITLE_CHARACTERS
        or not_title.search(text)
    ):
        return False
    return (linking.match(text) is not None or (text[0].isupper() and _is_bare_linking_word(previous))
            or _instrument_under_its_parent(line, previous))


#: "PROTOCOL ON INVESTMENT", "Protocol to Amend …": an instrument's name with the link word to its subject.
_LINKED_INSTRUMENT = re.compile(rf"(?i)(?:the\s+)?{_INSTRUMENT}\s+(?:on|to|relating\s+to|concerning|regarding)\s")


def _instrument_under_its_parent(line: Line, previous: Line) -> bool:
    """An instrument made under another, named on the line under the other's title: "AGREEMENT ESTABLISHING THE
    AFRICAN CONTINENTAL FREE TRADE AREA" / "PROTOCOL ON INVESTMENT". Both lines are in capitals, as titles printed
    over several lines are; a sentence or a heading in mixed case opens the text."""
    return (previous.text.isupper() and line.text.isupper() and INSTRUMENT_TITLE.match(previous.text) is not None
            and _LINKED_INSTRUMENT.match(line.text) is not None)


def _is_bare_linking_word(line: Line) -> bool:
    return _title_vocabulary()[0].fullmatch(line.text.strip()) is not None


def _news_headline(lines: list[Line], reasons: dict[int, str], head: list[Line]) -> int | None:
    """A report's headline: among headline-shaped lines before the first body paragraph, the first the body shares
    enough words with."""
    candidates = [line for line in head if is_headline(line)]
    if not candidates:
        return None
    body = set()
    for line in lines:
        if line.index not in reasons and not is_headline(line):
            body |= _topic_words(line.text)
    return next((line.index for line in candidates if _overlap(line, body) >= 0.34), None)


def _mark_head_chrome(lines: list[Line], reasons: dict[int, str], title: int | None) -> None:
    """Before the first body paragraph, one- to three-word labels ("Technology") and off-topic headlines are chrome."""
    index = _TopicIndex(lines, reasons)
    heads_unit = False  # the line before was a unit's number line ("Paragraph 1", "Article 5"): this one may be its title
    for line in lines:
        if _is_body_paragraph(line) and line.index not in reasons:
            return
        follows_unit_line, heads_unit = heads_unit, UNIT_NUMBER_LINE.match(line.text) is not None
        if line.index in reasons or STRUCTURAL.match(line.text):
            continue
        if line.words <= 3 and not TERMINAL.search(line.text) and not follows_unit_line:
            reasons[line.index] = "site chrome"
        elif (
            is_headline(line)
            and title is not None
            and line.index < title
            and index.overlap_with_rest(line) < 0.34
        ):
            reasons[line.index] = "teaser for another story"


class _TopicIndex:
    """How many distinct content lines use each topic word: overlap with "the rest" in one lookup per word."""

    def __init__(self, lines: list[Line], reasons: dict[int, str]) -> None:
        self.counts: Counter[str] = Counter()
        for text in {line.text for line in lines if line.index not in reasons}:
            self.counts.update(_topic_words(text))

    def overlap_with_rest(self, line: Line) -> float:
        """Share of the line's topic words that some other line (not a copy of this one) uses too."""
        words = _topic_words(line.text)
        own = 1 if line.text else 0
        return sum(1 for word in words if self.counts[word] - own > 0) / len(words) if words else 0.0


def _mark_teasers(lines: list[Line], reasons: dict[int, str]) -> None:
    """In a report's body, a headline-shaped line whose words the rest of the text does not share is a teaser."""
    index = _TopicIndex(lines, reasons)
    seen_body = False
    for line in lines:
        if line.index in reasons:
            continue
        if _is_body_paragraph(line):
            seen_body = True
            continue
        if seen_body and is_headline(line) and line.words >= 4 and index.overlap_with_rest(line) < 0.34:
            reasons[line.index] = "teaser for another story"


def _squash(text: str) -> str:
    return " ".join(text.lower().split())


def _mark_title_repeats(lines: list[Line], reasons: dict[int, str], title: tuple[int, ...]) -> None:
    title_text = _squash(" ".join(lines[index].text for index in title))
    for line in lines:
        if line.index not in reasons and _squash(line.text) == title_text:
            reasons[line.index] = "duplicate of the title"


def _mark_repeats(lines: list[Line], reasons: dict[int, str], title: tuple[int, ...]) -> None:
    """Count repeated text once: the title repeated, and any paragraph repeated verbatim or inside a longer one."""
    if title:
        _mark_title_repeats(lines, reasons, title)
    content = [line for line in lines if line.index not in reasons]
    keys = [_squash(line.text) for line in content]
    first_seen: dict[str, int] = {}
    for position, key in enumerate(keys):
        if key in first_seen and len(key) >= 40:
            reasons[content[position].index] = f"duplicate of line {content[first_seen[key]].index + 1}"
        first_seen.setdefault(key, position)
    _mark_contained(content, reasons)


def _mark_contained(content: list[Line], reasons: dict[int, str]) -> None:
    """A summary paragraph repeated inside a longer one nearby (a lead before its dateline version) counts once."""
    remaining = [line for line in content if line.index not in reasons]
    keys = [_squash(line.text) for line in remaining]
    for position, key in enumerate(keys):
        if len(key) < 60:
            continue
        # Only neighbours: a lead repeats the paragraph next to it, and a window keeps long documents linear.
        for other in range(max(0, position - CONTAINMENT_WINDOW), min(len(keys), position + CONTAINMENT_WINDOW + 1)):
            if other != position and remaining[other].index not in reasons and len(keys[other]) > len(key) and key in keys[other]:
                reasons[remaining[position].index] = f"repeated in line {remaining[other].index + 1}"
                break
