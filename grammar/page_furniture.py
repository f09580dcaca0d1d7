"""Find the page furniture of text taken from paged documents (PDF text layers, pdftotext output, scans): page
numbers and the running headers and footers printed on every page.

Three properties tell them from an agreement's own short lines, whatever their wording:

* they are spread out: one per page, so consecutive ones lie a page apart, never a table row apart;
* a page number counts up one page at a time: "17-3", "Page 4 of 12", "- 5 -" (the numbers of one line shape rise
  along the text, mostly by one: footnote markers left on lines of their own rise too, but by leaps);
* a running header or footer repeats, and sits next to the page numbers ("TRANS-PACIFIC PARTNERSHIP
  AGREEMENT - CHAPTER 17" above "17-3"): on two pages is enough, beside page numbers on both;
* a number set between dashes at the end of its line ("- 1 -", "UNTS Vol. 2871 -14-") is a page number whatever the
  page count: no heading, list entry or sentence is written so.

Headings are never furniture: "Article 5", "Chapter 2" and "1." rise along the text too, but they are structure.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from typing import Protocol

from grammar.numbering import ARTICLE_KEYWORD, division_keyword, rising_run

PAGE_NUMBER_REASON = "page number"
RUNNING_LINE_REASON = "running header or footer"

MAX_CHARS = 120
MAX_WORDS = 15
#: Characters between two pieces of furniture of one shape: a page of an agreement holds more than this.
PAGE_SPACING = 400
MIN_PAGES = 3
#: Share of a shape's lines that must rise (page numbers) and of its gaps that must be page-sized.
MOST = 0.8
#: Share of a page-number run's steps that go to the next page (a page without a number, or without text, skips one).
PAGE_TURNS = 0.8
#: A running line sits this many lines or fewer from a page number, on at least two pages.
NEAR_LINES = 2

DIGITS = re.compile(r"\d+")
# "of 12", "/ 12": the page count after the page number, which does not rise.
PAGE_COUNT = re.compile(r"(?i)\s*(?:of|/)\s*\d+\s*$")
WORD = re.compile(r"[^\W\d_]+")
# A page number that gives the page count, as its line's shape has it (digits as "#"): "Page 3 of 12", "PAGE 3/12".
COUNTED_PAGE = re.compile(r"(?i)page\s?#\s?(?:of|/)\s?#")
STRUCTURE = re.compile(
    rf"(?i)^\s*(?:[•◦]|\(?\d{{1,3}}[.)]|\([a-z]{{1,4}}\)|(?:{ARTICLE_KEYWORD}|{division_keyword()}|paragraph|annex"
    rf"|appendix|schedule|protocol|rule|regulation)\b)")
#: A page number ends in a digit, a dash or a letter, never in the punctuation of a sentence ("4;" is a list's rest).
SENTENCE_END = re.compile(r"[.;,:]\s*$")
# A line shape (digits as "#") ending in a number framed by dashes: "- # -", "UNTS Vol. # -#-".
FRAMED_NUMBER = re.compile(r"(?:^|\s)[-–—]\s?#\s?[-–—]$")
#: A running line repeats on this many pages at least, each time beside a page number.
MIN_RUNNING_PAGES = 2


class _Line(Protocol):
    index: int
    start: int
    end: int
    text: str


def find_page_furniture(lines: Sequence[_Line], taken: dict[int, str]) -> dict[int, str]:
    """Page numbers and running headers or footers among ``lines`` (none of those already ``taken``): line index → reason."""
    groups: dict[str, list[_Line]] = {}
    for line in lines:
        if line.index in taken:
            continue
        text = line.text.strip()
        if len(text) > MAX_CHARS or len(WORD.findall(text)) > MAX_WORDS or SENTENCE_END.search(text) \
                or STRUCTURE.match(text):
            continue
        groups.setdefault(DIGITS.sub("#", " ".join(text.split())), []).append(line)
    found: dict[int, str] = {}
    for shape, members in groups.items():
        if COUNTED_PAGE.fullmatch(shape) and _counted_pages(members):
            found.update((line.index, PAGE_NUMBER_REASON) for line in members)
        elif "#" in shape and len(members) >= (pages := 1 if FRAMED_NUMBER.search(shape) else MIN_PAGES) and _spread(members):
            # "17-3" → (17, 3); "Page 4 of 12" → (4,): the numbers must rise along the text.
            keys = [tuple(int(number) for number in DIGITS.findall(PAGE_COUNT.sub("", line.text))) for line in members]
            run = rising_run(keys)
            # A framed number is a page number however far apart its pages (an excerpt's "- 5 -" … "- 12 -").
            if len(run) >= pages and len(run) >= MOST * len(members) and (pages == 1 or _page_by_page([keys[i] for i in run])):
                found.update((members[i].index, PAGE_NUMBER_REASON) for i in run)
    if not found:
        return found
    numbered = sorted(found)
    for members in groups.values():
        if len(members) < MIN_RUNNING_PAGES or members[0].index in found or not _spread(members):
            continue
        near = sum(1 for line in members if _near(line.index, numbered))
        if near >= 2 and near * 2 >= len(members):
            found.update((line.index, RUNNING_LINE_REASON) for line in members)
    return found


def _counted_pages(members: list[_Line]) -> bool:
    """Whether lines saying "Page 1 of 2", "Page 2 of 2" number pages: one page count, numbers rising up to it (an excerpt
    skips pages: "Page 3 of 28", "Page 9 of 28"). With the page count given, two pages (or one) are enough to tell them
    from text."""
    pairs = [tuple(int(number) for number in DIGITS.findall(line.text)) for line in members]
    numbers, counts = [number for number, _ in pairs], {count for _, count in pairs}
    return (len(counts) == 1 and all(earlier < later for earlier, later in zip(numbers, numbers[1:]))
            and numbers[-1] <= min(counts) and _spread(members))


def _spread(members: list[_Line]) -> bool:
    """Whether most of the gaps between consecutive lines of one shape are a page long."""
    gaps = [later.start - earlier.end for earlier, later in zip(members, members[1:])]
    return sum(gap >= PAGE_SPACING for gap in gaps) >= MOST * len(gaps)


def _page_by_page(keys: list[tuple[int, ...]]) -> bool:
    """Whether most steps of a rising run of numbers go to the next page: the last number up by one, or a new
    chapter's numbering ("17-9" → "18-1") starting again."""
    steps = list(zip(keys, keys[1:]))
    turning = sum(1 for earlier, later in steps
                  if later[-1] == earlier[-1] + 1 and later[:-1] == earlier[:-1] or later[:-1] != earlier[:-1] and later[-1] <= 2)
    return turning >= PAGE_TURNS * len(steps)


def _near(index: int, numbered: list[int]) -> bool:
    at = bisect_left(numbered, index - NEAR_LINES)
    return at < len(numbered) and numbered[at] <= index + NEAR_LINES
