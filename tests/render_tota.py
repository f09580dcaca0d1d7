"""Render a ToTA treaty XML file as the plain-text treaty it came from, independently of ``grammar.tota``.

Used to check that the plain-text provision parser recovers the same articles as the XML path. The layout
is the canonical one (``grammar/tota.py``) except that article keywords read as in a printed treaty::

    CHAPTER TWO: National Treatment And Market Access For Goods

    Article 2.4: Export Duties            ← number="ARTICLE 2.4" name="Export Duties"
    Article 12: Review                    ← number="12" name="Review": a bare number gets the keyword
    Preamble                              ← no number or name, nor a chapter name: named by its place
    1. Except as otherwise provided …     ← article text, hard wraps and indentation as in the XML

Usage: ``python tests/render_tota.py ../shared/data/tota/pta_156.xml > pta_156.txt``
(ElementTree without defusedxml is fine here: the input is trusted test data, never user input.)
"""
from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ElementTree


def render_tota_as_plain_text(xml_path: str, *, chapter_keyword_always: bool = False) -> str:
    """The treaty's body as plain text: chapter lines, ``Article N: Name`` headings, article texts.

    A chapter line is ``Chapter K: NAME``: the number attribute as it is when it names its level ("CHAPTER ONE",
    "TITLE I"), else after the word "Chapter" ("I" → "Chapter I"). With ``chapter_keyword_always`` the word is put
    before every number, as a rendering that does not look at the attribute writes it ("Chapter CHAPTER ONE").
    """
    body = ElementTree.parse(xml_path).getroot().find("body")
    if body is None:
        raise ValueError(f"{xml_path}: not a ToTA treaty (no <body>)")
    blocks: list[str] = []
    numbered = [index for index, article in enumerate(body.iter("article")) if _flat(article.get("number"))]
    position = 0
    for chapter in body.iter("chapter"):
        chapter_number = _flat(chapter.get("number"))
        chapter_name = _flat(chapter.get("name"))
        if chapter_number:
            if chapter_keyword_always or not DIVISION_KEYWORD.match(chapter_number):
                chapter_number = f"Chapter {chapter_number}"
            blocks.append(f"{chapter_number}: {chapter_name}" if chapter_name else chapter_number)
        for article in chapter.iter("article"):
            heading = (_article_heading(_flat(article.get("number")), _flat(article.get("name"))) or chapter_name
                       or _place_name(position, numbered))
            position += 1
            text = _without_blank_edges("".join(article.itertext()))
            blocks.append(f"{heading}\n{text}" if text else heading)
    return "\n\n".join(blocks) + "\n"


# The words a chapter's number attribute may start with, naming its level (the corpus's English and Spanish ones).
DIVISION_KEYWORD = re.compile(r"(?i)(?:chapter|title|part|section|sub-?section|cap[íi]tulo|t[íi]tulo|parte|secci[óo]n)\b")


def _article_heading(number: str, name: str) -> str:
    """``ARTICLE 2.4`` + ``Export Duties`` → ``Article 2.4: Export Duties``; only the keyword is recased."""
    if number and re.fullmatch(r"\d+(?:\.\d+)*[A-Za-z]?|[IVXLC]+", number):
        number = f"Article {number}"
    elif number:
        keyword, _, rest = number.partition(" ")
        number = f"{keyword.capitalize()} {rest}".strip()
    if number and name:
        return f"{number}: {name}"
    return number or name


def _place_name(position: int, numbered: list[int]) -> str:
    """An article without number or name in a chapter without either: ToTA's preamble or closing formula."""
    if not numbered or position < numbered[0]:
        return "Preamble"
    return "Conclusion" if position > numbered[-1] else "Unnumbered article"


def _flat(value: str | None) -> str:
    return " ".join((value or "").split("\n")).strip()


def _without_blank_edges(text: str) -> str:
    lines = text.replace("\r\n", "\n").split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return "\n".join(lines)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python tests/render_tota.py TREATY.xml")
    sys.stdout.write(render_tota_as_plain_text(sys.argv[1]))
