"""Read agreement XML: a ToTA treaty rendered to canonical plain text with its outline, or any XML as text.

ToTA (Texts of Trade Agreements) shape::

    <treaty><meta><name>US - Peru</name><parties><partyisocode>PER</partyisocode>…</parties>…</meta>
      <body><chapter number="CHAPTER TWO" name="National Treatment …">
              <article number="ARTICLE 2.4" name="Export Duties">text</article>…

Canonical rendering (the provision parser relies on it)::

    Preamble                              ← unnumbered article: its name, else the chapter's name, else
                                            Preamble / Conclusion by its place (see ``_place_name``)
    The Government of …

    CHAPTER TWO: National Treatment …    ← numbered chapter: "{number}: {name}"
                                          ← one blank line before every heading line
    ARTICLE 2.4: Export Duties            ← article: "{number}: {name}" (a bare number "12": "Article 12")
    text exactly as in the XML            ← hard wraps and indentation kept; outer blank lines stripped

Parsing goes through defusedxml (entity declarations and external references are refused, never
expanded) with a streaming target, so neither a huge nor a deeply nested file builds a tree.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.ElementTree import XMLParser

from grammar.errors import InputError
from grammar.models import Kind, OutlineEntry
from grammar.numbering import ARTICLE_NUMBER, DIVISION_KINDS, DIVISION_WORDS

DECLARED_FIELDS = ("name", "type", "date_signed", "date_into_force", "language")
# A number attribute without its keyword ("12", "2.4", "IV"): the article's number all the same.
BARE_NUMBER = re.compile(r"^\s*(?:\d+(?:\.\d+)*[A-Za-z]?|[IVXLC]+)\s*$")
# Where the meta lists the parties, best first: older records leave <parties> empty and fill <parties_original>.
PARTY_LISTS = ("parties", "parties_original")
PREAMBLE, CONCLUSION, UNNUMBERED = "Preamble", "Conclusion", "Unnumbered article"
# An article element without a number attribute whose text opens with its own heading ("Article 13 On matters
# relating to taxes …", "Article 35\nAnnexes I to V …"): a conversion slip of the corpus; the number is in the text.
OPENING_NUMBER = re.compile(rf"^\s*(?P<number>(?i:article)\s+(?:{ARTICLE_NUMBER}|[IVXLC]{{1,6}}))(?=\s)[ \t]*\n?")
POSITION_SUFFIX = re.compile(r":\s*line \d+, column \d+$")


@dataclass(frozen=True)
class XmlReading:
    """Text rendered from an XML document, with what the format declares outright."""

    text: str
    is_tota: bool
    declared: dict[str, str | list[str]] = field(default_factory=dict)
    outline: list[OutlineEntry] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def read_agreement_xml(markup: str, *, path: str) -> XmlReading:
    """Render ToTA XML canonically (see the module docstring); other XML becomes its text content."""
    collector = _XmlCollector()
    parser = XMLParser(target=collector, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    try:
        parser.feed(markup)
        parser.close()
    except EntitiesForbidden as error:
        kind = "an external entity" if error.sysid or error.pubid else "an entity"
        raise InputError(
            f"XML declares {kind} ({error.name!r}); entity expansion and external entities are refused", path=path
        ) from None
    except ExternalReferenceForbidden as error:
        raise InputError(f"XML refers to an external resource ({error.sysid}); refused", path=path) from None
    except DefusedXmlException as error:
        raise InputError(f"XML refused: {error}", path=path) from None
    except ParseError as error:
        line, column = error.position
        problem = POSITION_SUFFIX.sub("", str(error))
        raise InputError(f"malformed XML: {problem}", path=path, line=line, column=column + 1) from None
    if collector.is_tota:
        return _render_tota(collector)
    return XmlReading(
        text=collector.generic_text(),
        is_tota=False,
        warnings=[f"XML is not a ToTA treaty (no <treaty><body>): read its text content, root <{collector.root}>"],
    )


def container_kind(number: str) -> Kind:
    """Outline kind of a ToTA chapter from its number: ``TITLE II`` → ``part``, ``CHAPTER 3`` → ``chapter``."""
    # The first word of the number says which level of the hierarchy the container is ("CAPÍTULO II" a chapter).
    keyword = number.split(maxsplit=1)[0].lower() if number.strip() else ""
    return DIVISION_KINDS.get(DIVISION_WORDS.get(keyword, ""), "chapter")


def heading_line(number: str | None, name: str | None) -> str:
    """``{number}: {name}``, or whichever of the two exists: ``ARTICLE 2.4: Export Duties``."""
    number, name = _one_line(number), _one_line(name)
    if number and name:
        return f"{number}: {name}"
    return number or name


def strip_blank_edge_lines(text: str) -> str:
    """Drop whitespace-only lines at the start and end, keep everything between.

    ``"\\n  \\nA\\n\\n B \\n \\n"`` → ``"A\\n\\n B "``
    """
    lines = text.split("\n")
    start, end = 0, len(lines)
    while start < end and not lines[start].strip():
        start += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    return "\n".join(lines[start:end])


def _one_line(value: str | None) -> str:
    return " ".join(value.split("\n")).strip() if value else ""


@dataclass
class _Article:
    number: str | None
    name: str | None
    parts: list[str] = field(default_factory=list)


@dataclass
class _Chapter:
    number: str | None
    name: str | None
    articles: list[_Article] = field(default_factory=list)


def _number_from_text(article: _Article) -> None:
    """Give a number-less article the number its text opens with, moving that heading out of the body."""
    if _one_line(article.number) or not article.parts:
        return
    body = "".join(article.parts)
    opening = OPENING_NUMBER.match(body)
    if opening:
        article.number = opening["number"]
        article.parts = [body[opening.end():]]


def _place_name(position: int, numbered: list[int]) -> str:
    """The name of an article with no number or name in a chapter with neither, from where it stands.

    Older ToTA files wrap the preamble and the closing formula in such chapters (the newer ones name them
    "Preamble" and "Conclusion"): before the first numbered article it is the preamble, after the last the
    conclusion; between two numbered articles it is an unnumbered article.
    """
    if not numbered or position < numbered[0]:
        return PREAMBLE
    if position > numbered[-1]:
        return CONCLUSION
    return UNNUMBERED


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


class _XmlCollector:
    """ElementTree parser target: collects ToTA meta, chapters and articles, and every element's text."""

    def __init__(self) -> None:
        self.stack: list[str] = []
        self.root = ""
        self.has_body = False
        self.meta: dict[str, list[str]] = {}
        self.party_lists: dict[str, list[str]] = {}
        self.chapters: list[_Chapter] = []
        self.article: _Article | None = None
        self.article_depth = 0
        self.field: list[str] | None = None
        self.segments: list[str] = []
        self.segment: list[str] = []

    @property
    def is_tota(self) -> bool:
        return self.root == "treaty" and self.has_body

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        self._end_segment()
        name = _local(tag)
        self.stack.append(name)
        depth = len(self.stack)
        if depth == 1:
            self.root = name
        if self.root != "treaty" or self.article is not None:
            return
        parent = self.stack[-2] if depth > 1 else ""
        if depth == 2 and name == "body":
            self.has_body = True
        elif name == "chapter" and parent == "body" and depth == 3:
            self.chapters.append(_Chapter(attrib.get("number"), attrib.get("name")))
        elif name == "article" and parent in ("chapter", "body") and self.stack[1] == "body":
            if parent == "body":
                self.chapters.append(_Chapter(None, None))
            self.article = _Article(attrib.get("number"), attrib.get("name"))
            self.chapters[-1].articles.append(self.article)
            self.article_depth = depth
        elif depth == 3 and parent == "meta" and name in DECLARED_FIELDS:
            self.field = self.meta.setdefault(name, [])
        elif depth == 4 and self.stack[1] == "meta" and self.stack[2] in PARTY_LISTS:
            self.field = []

    def end(self, tag: str) -> None:
        self._end_segment()
        depth = len(self.stack)
        if self.article is not None and depth == self.article_depth:
            self.article = None
        elif self.field is not None and self.stack[1] == "meta" and self.stack[2] in PARTY_LISTS and depth == 4:
            self.party_lists.setdefault(self.stack[2], []).append("".join(self.field).strip())
            self.field = None
        elif self.field is not None and depth == 3:
            self.field = None
        self.stack.pop()

    def data(self, text: str) -> None:
        self.segment.append(text)
        if self.article is not None:
            self.article.parts.append(text)
        elif self.field is not None:
            self.field.append(text)

    def close(self) -> None:
        self._end_segment()

    def generic_text(self) -> str:
        return "\n".join(self.segments) + "\n" if self.segments else ""

    def _end_segment(self) -> None:
        if self.segment:
            text = strip_blank_edge_lines("".join(self.segment))
            if text:
                self.segments.append(text)
            self.segment = []


def article_number(number: str | None) -> str | None:
    """An article's number attribute as a heading starts it: a bare number gets its keyword (``12`` → ``Article 12``)."""
    if number and BARE_NUMBER.match(number):
        return f"Article {number.strip()}"
    return number


def chapter_number(number: str) -> str:
    """A chapter's number attribute as its heading starts it: a bare number gets its keyword (``II`` → ``Chapter II``),
    which is the level the element stands for; without it the line reads as no division at all."""
    if BARE_NUMBER.match(number):
        return f"Chapter {number.strip()}"
    return number


def _render_tota(collector: _XmlCollector) -> XmlReading:
    blocks: list[str] = []
    outline: list[OutlineEntry] = []
    articles = [article for chapter in collector.chapters for article in chapter.articles]
    for article in articles:
        _number_from_text(article)
    numbered = [index for index, article in enumerate(articles) if _one_line(article.number)]
    position = 0
    for chapter in collector.chapters:
        if chapter.number:
            line = heading_line(chapter_number(chapter.number), chapter.name)
            blocks.append(line)
            outline.append(OutlineEntry(kind=container_kind(chapter_number(chapter.number)), line=line))
        for article in chapter.articles:
            heading = (heading_line(article_number(article.number), article.name) or _one_line(chapter.name)
                       or _one_line(chapter.number) or _place_name(position, numbered))
            position += 1
            body = strip_blank_edge_lines("".join(article.parts))
            if heading:
                outline.append(OutlineEntry(kind="article", line=heading))
                blocks.append(f"{heading}\n{body}" if body else heading)
            elif body:
                blocks.append(body)
    declared: dict[str, str | list[str]] = {}
    for name, parts in collector.meta.items():
        value = "".join(parts).strip()
        if value:
            declared[name] = value
    parties = next((codes for codes in ([code for code in collector.party_lists.get(name, []) if code]
                                        for name in PARTY_LISTS) if codes), [])
    if parties:
        declared["parties"] = parties
    warnings = [] if blocks else ["ToTA treaty has no articles in its <body>"]
    text = "\n\n".join(blocks) + "\n" if blocks else ""
    return XmlReading(text=text, is_tota=True, declared=declared, outline=outline, warnings=warnings)
