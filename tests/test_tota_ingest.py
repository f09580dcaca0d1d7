"""ToTA treaty XML: canonical rendering, outline and declared metadata, on small cases and the real corpus."""
from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from grammar.load import load_source
from grammar.models import OutlineEntry
from tests.render_tota import render_tota_as_plain_text

META = """<meta><name>A - B</name><type>Free Trade Agreement</type><date_signed>2020-01-02</date_signed>
<date_into_force>2021-03-04</date_into_force><date_inactive/><parties><partyisocode n="1">AAA</partyisocode>
<partyisocode n="2">BBB</partyisocode></parties></meta>"""

RENDERING = [
    pytest.param(
        '<chapter name="Preamble"><article>\n\n  The Parties,\n\n  RESOLVED to:\n\n</article></chapter>',
        "Preamble\n  The Parties,\n\n  RESOLVED to:\n",
        [("article", "Preamble")],
        id="unnumbered-article-takes-chapter-name",
    ),
    pytest.param(
        '<chapter number="CHAPTER ONE" name="Initial Provisions"><article number="ARTICLE 1.1" name="Establishment">'
        "The Parties hereby establish\n   a free trade area.</article>"
        '<article number="ARTICLE 1.2">Text\u00a0with a non-breaking space.</article></chapter>',
        "CHAPTER ONE: Initial Provisions\n\nARTICLE 1.1: Establishment\nThe Parties hereby establish\n   a free trade area.\n\n"
        "ARTICLE 1.2\nText\u00a0with a non-breaking space.\n",
        [("chapter", "CHAPTER ONE: Initial Provisions"), ("article", "ARTICLE 1.1: Establishment"), ("article", "ARTICLE 1.2")],
        id="numbered-chapter-and-articles",
    ),
    pytest.param(
        '<chapter number="TITLE II" name="Institutional Framework"><article name="Final Act">Done.</article></chapter>'
        '<chapter number="PART III"><article number="ARTICLE 9"/></chapter>'
        '<chapter number="SECTION A" name="Goods"><article number="ARTICLE 10" name="Scope">x</article></chapter>',
        "TITLE II: Institutional Framework\n\nFinal Act\nDone.\n\nPART III\n\nARTICLE 9\n\nSECTION A: Goods\n\nARTICLE 10: Scope\nx\n",
        [("part", "TITLE II: Institutional Framework"), ("article", "Final Act"), ("part", "PART III"),
         ("article", "ARTICLE 9"), ("section", "SECTION A: Goods"), ("article", "ARTICLE 10: Scope")],
        id="title-part-section-and-empty-article",
    ),
    pytest.param(
        '<chapter name="Conclusion"><article>IN WITNESS WHEREOF\n\n\n  DONE at Lima.  \n \n</article></chapter>',
        "Conclusion\nIN WITNESS WHEREOF\n\n\n  DONE at Lima.  \n",
        [("article", "Conclusion")],
        id="inner-blank-lines-and-trailing-spaces-kept",
    ),
]


@pytest.mark.parametrize("body, expected_text, expected_outline", RENDERING)
def test_tota_renders_canonically(tmp_path, body, expected_text, expected_outline):
    path = tmp_path / "pta_test.xml"
    path.write_text(f'<?xml version="1.0" encoding="UTF-8"?>\n<treaty>{META}<body>{body}</body></treaty>', encoding="utf-8")
    source = load_source(str(path))
    assert source.format == "tota_xml"
    assert source.raw == expected_text
    assert source.outline == [OutlineEntry(kind=kind, line=line) for kind, line in expected_outline]
    assert source.declared == {
        "name": "A - B",
        "type": "Free Trade Agreement",
        "date_signed": "2020-01-02",
        "date_into_force": "2021-03-04",
        "parties": ["AAA", "BBB"],
    }
    assert source.warnings == []


# ----------------------------------------------------------------------------- the real corpus

DECLARED = {
    "pta_156.xml": ("US - Peru", "2006-04-12", ["PER", "USA"]),
    "pta_388.xml": ("EU - Central America", "2012-06-29", None),
    "pta_396.xml": ("Canada - Ukraine", "2016-07-11", ["CAN", "UKR"]),
    "pta_398.xml": ("China - Rep. of Korea", "2015-06-01", ["CHN", "KOR"]),
    "pta_436.xml": ("New Zealand - Chinese Taipei", "2013-07-10", ["NZL", "TWN"]),
}
CENTRAL_AMERICA = {"CRI", "GTM", "HND", "NIC", "PAN", "SLV"}


def _loaded(tota_paths: list[Path]):
    return [(path, load_source(str(path))) for path in tota_paths]


@pytest.fixture(scope="module")
def tota_sources(tota_paths):
    return _loaded(tota_paths)


def test_outline_has_one_article_heading_per_xml_article(tota_sources):
    for path, source in tota_sources:
        articles = ElementTree.parse(path).getroot().findall("./body/chapter/article")
        headings = [entry for entry in source.outline if entry.kind == "article"]
        assert len(headings) == len(articles), path.name
        assert source.format == "tota_xml" and source.warnings == [], path.name


def test_declared_metadata(tota_sources):
    for path, source in tota_sources:
        name, signed, parties = DECLARED[path.name]
        assert (source.declared["name"], source.declared["date_signed"]) == (name, signed), path.name
        if parties is None:  # the EU agreement lists 27 member states and the six Central American parties
            assert CENTRAL_AMERICA <= set(source.declared["parties"]) and len(source.declared["parties"]) == 33
        else:
            assert source.declared["parties"] == parties, path.name


def test_every_outline_line_is_a_heading_line_after_a_blank_line(tota_sources):
    for path, source in tota_sources:
        lines = source.raw.split("\n")
        position = 0
        for entry in source.outline:
            position = lines.index(entry.line, position)
            assert position == 0 or lines[position - 1] == "", (path.name, entry.line)
            position += 1


def test_plain_text_rendering_differs_only_in_article_keywords(tota_sources):
    """The independent renderer in tests/render_tota.py agrees line by line, up to ``ARTICLE`` → ``Article``."""
    for path, source in tota_sources:
        plain = render_tota_as_plain_text(str(path)).split("\n")
        canonical = source.raw.split("\n")
        assert len(plain) == len(canonical), path.name
        headings = {entry.line for entry in source.outline if entry.kind == "article"}
        differing = [(ours, theirs) for ours, theirs in zip(canonical, plain) if ours != theirs]
        assert differing, path.name  # the keyword recasing must show somewhere
        for ours, theirs in differing:
            assert ours in headings and ours.split(" ", 1)[1] == theirs.split(" ", 1)[1], (path.name, ours, theirs)
