"""ToTA treaties: the XML path and the plain-text path recover the same articles and the same child refs.

The plain text is rendered by ``tests/render_tota.py`` (chapter lines, ``Article N: Name`` headings, the article
text hard-wrapped and indented as in the XML), then parsed with no help from the XML.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree

import pytest

from grammar import load_document, parse_source
from grammar.models import Document, Source
from tests.conftest import EXTRA_TOTA_PATHS, TOTA_PATHS
from tests.render_tota import render_tota_as_plain_text

# A heading line inside an article's own XML text: a conversion error of the corpus (an article or section
# the XML did not split out), where the plain-text parser rightly sees a heading the XML path does not.
# A title in capitals ("FREE MOVEMENT OF GOODS") counts too. A heading line starts the text, follows a blank
# line or follows a line that ends a sentence or lead-in: "… referred to in\n    Article 5 of this Agreement" is
# a reference that a hard wrap put at the start of a line, and so is "Article 17 of the Association Agreement, …" after
# a blank line a page break left: an article heading is the number alone or the number and a title.
EMBEDDED_HEADING = re.compile(
    r"(?:\A|\n[ \t]*\n|[.;:][ \t]*\n)[ \t]*(?:"
    r"(?i:article|art[íi]culo|artigo)[ \t]+(?:\d[\w.\-]*|(?i:transitorio|[úu]nico)\b)(?=[ \t]*[^\w\s]?[ \t]*$|[ \t]*[:.\-–—][^\w\n]*[A-Z]|[ \t]+[A-Z][^\n.;,]*$)"
    r"|(?i:(?:sub-?)?section[ \t]+[A-Z0-9]|secci[óo]n[ \t]+[A-Z0-9]|se[çc][ãa]o[ \t]+[A-Z0-9]|(?:chapter|cap[íi]tulo|chapitre)[ \t]+\d|(?:annexe?|anexo|appendix|schedule)[ \t]+[A-Z0-9])"
    r"|(?i:chapter)[ \t]+[A-Z][ \t]*$|[A-Z]{3,}(?: [A-Z]{2,})+[ \t]*$)",
    re.MULTILINE)


def _articles(document: Document) -> list[str]:
    return [p.ref for p in document.provisions if p.kind == "article"]


def _descendants(document: Document) -> dict[str, list[str]]:
    """Article ref → the refs of everything below it, in order."""
    owner: dict[str, str] = {}
    below: dict[str, list[str]] = {}
    for provision in document.provisions:
        if provision.kind == "article":
            owner[provision.ref] = provision.ref
            below[provision.ref] = []
        elif provision.parent in owner:
            owner[provision.ref] = owner[provision.parent]
            below[owner[provision.ref]].append(provision.ref)
    return below


@pytest.fixture(scope="module", params=TOTA_PATHS + EXTRA_TOTA_PATHS, ids=lambda path: path.stem)
def both_paths(request):
    path = request.param
    from_xml = load_document(str(path))
    from_text = parse_source(Source(path=f"{path.stem}.txt", format="text", raw=render_tota_as_plain_text(str(path))))
    xml_articles = ElementTree.parse(path).getroot().findall(".//article")
    return path, from_xml, from_text, xml_articles


def test_xml_path_has_one_article_provision_per_xml_article(both_paths):
    _, from_xml, _, xml_articles = both_paths
    assert len(_articles(from_xml)) == len(xml_articles)


def test_text_path_recovers_every_xml_article_in_order(both_paths):
    _, from_xml, from_text, xml_articles = both_paths
    text_articles = _articles(from_text)
    iterator = iter(text_articles)
    assert all(ref in iterator for ref in _articles(from_xml)), "an XML article is missing from the text parse"
    extra = len(text_articles) - len(xml_articles)
    embedded = sum(len(EMBEDDED_HEADING.findall("".join(article.itertext()))) for article in xml_articles)
    assert 0 <= extra <= embedded


def test_text_path_recovers_the_same_child_refs(both_paths):
    _, from_xml, from_text, xml_articles = both_paths
    xml_below, text_below = _descendants(from_xml), _descendants(from_text)
    # A title the corpus left at the end of an article, before a bare next article, heads that article on both paths.
    clean = [ref for ref, article in zip(_articles(from_xml), xml_articles) if not EMBEDDED_HEADING.search("".join(article.itertext()))]
    same = [ref for ref in clean if xml_below[ref] == text_below.get(ref)]
    assert len(xml_articles) - len(clean) <= max(2, 0.1 * len(xml_articles))
    assert same == clean


def test_numbered_paragraphs_and_items_become_children(both_paths):
    path, from_xml, _, _ = both_paths
    refs = {p.ref: p for p in from_xml.provisions}
    items = [p for p in from_xml.provisions if p.kind == "item" and re.fullmatch(r"(?:.* )?Art\. [\d.\-]+\(\d+\)\([a-z]\)", p.ref)]
    if not items and path in EXTRA_TOTA_PATHS:
        pytest.skip("this treaty has no lettered items in numbered paragraphs")
    assert items, "expected refs like Art. 7(2)(b)"
    for item in items:
        paragraph = refs[item.parent]
        assert paragraph.kind == "paragraph" and item.ref.startswith(paragraph.ref)
        assert refs[paragraph.parent].kind == "article"


def test_chapter_lines_with_the_keyword_written_twice_parse_the_same(both_paths):
    """A rendering that puts "Chapter" before every number attribute writes "Chapter CHAPTER ONE: …" or "Chapter TITLE I:
    …": those lines are still the chapters' (or titles') heads, and the articles and their children come out the same."""
    path, _, from_text, _ = both_paths
    doubled = parse_source(Source(path=f"{path.stem}.txt", format="text",
                                  raw=render_tota_as_plain_text(str(path), chapter_keyword_always=True)))
    assert [(p.ref, p.kind) for p in doubled.provisions] == [(p.ref, p.kind) for p in from_text.provisions]
