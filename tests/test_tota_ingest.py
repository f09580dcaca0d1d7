"""ToTA treaty XML: canonical rendering, outline and declared metadata, on small cases and the real corpus."""
from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from grammar.load import load_source
from grammar.models import OutlineEntry, Source
from grammar.parse import parse_source
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
    pytest.param(
        '<chapter number="CHAPTER VI" name="National Treatment"><article>Article 13 On matters relating to taxes, the'
        ' products shall receive national treatment.</article></chapter>'
        '<chapter number="CHAPTER XVIII" name="Transitory Provision"><article>Article 35\nAnnexes I to V shall be'
        ' negotiated.</article></chapter>',
        "CHAPTER VI: National Treatment\n\nArticle 13\nOn matters relating to taxes, the products shall receive national"
        " treatment.\n\nCHAPTER XVIII: Transitory Provision\n\nArticle 35\nAnnexes I to V shall be negotiated.\n",
        [("chapter", "CHAPTER VI: National Treatment"), ("article", "Article 13"),
         ("chapter", "CHAPTER XVIII: Transitory Provision"), ("article", "Article 35")],
        id="number-less-article-takes-the-number-its-text-opens-with",
    ),
    pytest.param(
        # ToTA's EFTA-Mexico agreement numbers its chapters "II", "III" …: without the keyword the line was no division.
        '<chapter number="II" name="Trade In Goods"><article number="ARTICLE 4" name="Coverage">x</article></chapter>',
        "Chapter II: Trade In Goods\n\nARTICLE 4: Coverage\nx\n",
        [("chapter", "Chapter II: Trade In Goods"), ("article", "ARTICLE 4: Coverage")],
        id="bare-chapter-number-gets-its-keyword",
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


# Older ToTA records (1960s-1990s agreements): the preamble and the closing formula sit in chapters with no
# number or name, article numbers may lack their keyword, and <parties> may be empty beside <parties_original>.
OLDER_RECORD = """<?xml version="1.0" encoding="UTF-8"?>
<treaty><meta><name>Ghana - Upper Volta Trade Agreement</name><date_signed>1961-06-28</date_signed>
<parties_original><partyisocode n="1">BFA</partyisocode><partyisocode n="2">GHA</partyisocode></parties_original>
<parties><partyisocode n="1"/></parties></meta><body>
<chapter chapter_identifier="1"><article article_identifier="1">TRADE AGREEMENT
The Government of Ghana and the Government of the Republic of Upper Volta,

HAVE AGREED as follows:</article></chapter>
<chapter chapter_identifier="2"><article number="1" name="Application Of Concessions" article_identifier="2">The concessions
shall apply to all participating countries.</article>
<article number="ARTICLE 2" article_identifier="3">1. Both Contracting Parties shall facilitate trade.
2. Each Party shall notify the other.</article></chapter>
<chapter chapter_identifier="3"><article article_identifier="4">Done at Accra on the 28th day of June, 1961.</article></chapter>
</body></treaty>
"""


def test_older_record_gives_every_xml_article_an_article_provision(tmp_path):
    path = tmp_path / "pta_old.xml"
    path.write_text(OLDER_RECORD, encoding="utf-8")
    source = load_source(str(path))
    assert [entry.line for entry in source.outline] == [
        "Preamble", "Article 1: Application Of Concessions", "ARTICLE 2", "Conclusion"]
    assert source.declared["parties"] == ["BFA", "GHA"]
    document = parse_source(source)
    assert [p.ref for p in document.provisions if p.kind == "article"] == ["Preamble", "Art. 1", "Art. 2", "Conclusion"]
    assert document.signatories == ["BFA", "GHA"]


def test_older_record_plain_text_rendering_recovers_the_same_articles(tmp_path):
    path = tmp_path / "pta_old.xml"
    path.write_text(OLDER_RECORD, encoding="utf-8")
    from_xml = parse_source(load_source(str(path)))
    text = render_tota_as_plain_text(str(path))
    assert "\nArticle 1: Application Of Concessions\n" in text and text.startswith("Preamble\n")
    from_text = parse_source(Source(path="pta_old.txt", format="text", raw=text))
    articles = [[(p.ref, p.kind) for p in document.provisions if p.kind in ("article", "paragraph")]
                for document in (from_xml, from_text)]
    assert articles[0] == articles[1]
    # "HAVE AGREED as follows:" ends the preamble: it is not the heading of the article below it.
    assert next(p for p in from_text.provisions if p.ref == "Art. 1").text.startswith("Article 1")


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


def test_article_names_with_typographic_quotes_still_head_their_articles(tmp_path):
    """Normalization straightens the quote in "Eaeu’s": the declared heading must be matched as the text spells it."""
    body = ('<chapter number="SECTION IV" name="Budget"><article number="ARTICLE 20" name="Budget Of The Eaeu">1. Funding'
            ' shall be provided.</article><article number="ARTICLE 21" name="Audit Of The Eaeu’s Bodies">1. An audit'
            ' shall be held.</article><article number="ARTICLE 22" name="“External” Audit">1. It shall be held.</article>'
            '</chapter>')
    path = tmp_path / "pta_test.xml"
    path.write_text(f'<?xml version="1.0" encoding="UTF-8"?>\n<treaty>{META}<body>{body}</body></treaty>', encoding="utf-8")
    document = parse_source(load_source(str(path)))
    assert [(p.ref, p.heading) for p in document.provisions if p.kind == "article"] == [
        ("Art. 20", "Budget Of The Eaeu"), ("Art. 21", "Audit Of The Eaeu's Bodies"), ("Art. 22", '"External" Audit')]


def test_a_title_stranded_at_the_end_of_an_article_heads_the_next_bare_article(tmp_path):
    """The corpus sometimes leaves a title ("Free Movement of Goods") at the end of the article before it: on both paths it
    heads the next article when that article has no name of its own, and is no unnumbered paragraph of the last one."""
    body = ('<chapter number="TITLE I" name="General Principles"><article number="ARTICLE 1">1. The Parties shall cooperate.'
            '\n\n\n2. The Parties regard this Agreement as a decisive step. \nFree Movement of Goods</article>'
            '<article number="ARTICLE 2">1. The Parties shall establish a free trade area.</article></chapter>')
    path = tmp_path / "pta_test.xml"
    path.write_text(f'<?xml version="1.0" encoding="UTF-8"?>\n<treaty>{META}<body>{body}</body></treaty>', encoding="utf-8")
    from_xml = parse_source(load_source(str(path)))
    from_text = parse_source(Source(path="pta_test.txt", format="text", raw=render_tota_as_plain_text(str(path))))
    for document in (from_xml, from_text):
        assert [(p.ref, p.kind, p.heading) for p in document.provisions if p.kind in ("article", "paragraph")] == [
            ("Art. 1", "article", "General Principles"), ("Art. 1(1)", "paragraph", "General Principles"),
            ("Art. 1(2)", "paragraph", "General Principles"),
            ("Art. 2", "article", "Free Movement of Goods"), ("Art. 2(1)", "paragraph", "Free Movement of Goods")]
