"""Document metadata: parties and their roles, dates, instrument, genre and minerals (grammar/metadata.py)."""
from __future__ import annotations

import doctest
from pathlib import Path

import pytest
from defusedxml import ElementTree
from hypothesis import given, settings
from hypothesis import strategies as st

import grammar.metadata
from grammar.metadata import extract_metadata
from tests.conftest import TOTA_DIR, seed_path


def whole(text: str) -> list[tuple[int, int]]:
    return [(0, len(text))]


def roles(metadata) -> list[tuple[str, str]]:
    return [(party.code, party.role) for party in metadata.parties]


def signatories(metadata) -> list[str]:
    return [party.code for party in metadata.parties if party.role == "signatory"]


def mentioned(metadata) -> set[str]:
    return {party.code for party in metadata.parties if party.role == "mentioned"}


def events(metadata) -> list[tuple[str, str]]:
    return [(event.kind, event.date) for event in metadata.dates]


# ----------------------------------------------------------------------------- the seeds

# title: the headline line passed apart; cut: content ends where the page's boilerplate begins
# (related stories, comment forms, paywall), as the parser would set it aside.
SEEDS = [
    pytest.param("000", "Canada, Japan agree to work more closely on battery supply chains", "MORE METALS NEWS",
                 ["CAN", "JPN"], {"KOR"}, "memorandum", ["lithium", "nickel", "cobalt", "copper"],
                 ("published", "2023-09-21"), id="000-canada-japan-memorandum-of-cooperation"),
    pytest.param("001", None, None,
                 ["JPN", "PER"], set(), "joint_statement", ["copper", "zinc"], None,
                 id="001-japan-peru-joint-statement-not-roadmap"),
    pytest.param("002", "US and Japan sign critical minerals agreement", "Comments\n",
                 ["USA", "JPN"], set(), "agreement", [], ("published", "2023-03-29"),
                 id="002-us-japan-agreement"),
    pytest.param("003", None, "Copyrights(C)",
                 ["KOR", "JPN", "CAN"],
                 {"USA", "GBR", "SWE", "FRA", "AUS", "FIN", "DEU", "NOR", "ITA", "IND", "EU", "EST", "CHN"},
                 "memorandum", [], ("published", "2024-03-06"), id="003-korea-meets-japan-and-canada-msp-members-mentioned"),
    pytest.param("004", "Japan to lift stockpiles of metals for EVs, wary of China's clout", "Sponsored Content",
                 ["JPN"], {"CHN", "COD", "USA", "EU"}, "unilateral_policy", ["lithium", "cobalt", "rare earths", "nickel"],
                 None, id="004-japan-stockpiles-unilateral"),
]


@pytest.mark.parametrize("prefix, title, cut, makers, others, instrument, minerals, dated", SEEDS)
def test_seed_metadata(prefix, title, cut, makers, others, instrument, minerals, dated):
    text = seed_path(prefix).read_text(encoding="utf-8")
    end = text.index(cut) if cut else len(text)
    metadata = extract_metadata(text, [(0, end)], title=title)
    assert signatories(metadata) == makers
    assert mentioned(metadata) == others
    assert metadata.instrument == instrument
    assert metadata.genre == "news_report"
    assert metadata.minerals == minerals
    assert metadata.title == title
    if dated:
        assert dated in events(metadata)


def test_seed_000_ignores_related_stories_outside_content():
    text = seed_path("000").read_text(encoding="utf-8")
    metadata = extract_metadata(text, [(0, text.index("MORE METALS NEWS"))])
    assert "USA" not in {party.code for party in metadata.parties}
    assert "gold" not in metadata.minerals
    assert all(event.date.startswith("2023-09") for event in metadata.dates)


# ----------------------------------------------------------------------------- parties

PARTIES = [
    pytest.param("Japanese and Canadian officials signed a memorandum of understanding.",
                 [("JPN", "signatory"), ("CAN", "signatory")], id="demonyms-as-subjects"),
    pytest.param("Japan's Ambassador to the United States, Tomita Koji, signed the agreement.",
                 [("JPN", "signatory"), ("USA", "signatory")], id="possessive-title-and-name-chain"),
    pytest.param("Let us know what US officials think of China.",
                 [("USA", "mentioned"), ("CHN", "mentioned")], id="US-not-us"),
    pytest.param("LET US KNOW WHAT YOU THINK", [], id="US-in-shouted-english-is-no-party"),
    pytest.param("The following statement was released by the Governments of the United States of America and Australia, "
                 "Canada, Estonia, Finland, France, Germany, India, Italy, Japan, the Republic of Korea, Norway, Sweden, "
                 "the United Kingdom, and the European Union.",
                 [(code, "signatory") for code in ("USA", "AUS", "CAN", "EST", "FIN", "FRA", "DEU", "IND", "ITA", "JPN", "KOR",
                                                   "NOR", "SWE", "GBR", "EU")], id="long-list-of-issuers"),
    pytest.param("The MSP will be adopted by the US Department of State in 2022.", [("USA", "mentioned")],
                 id="adopting-a-programme-is-no-signing"),
    pytest.param("Tokyo and Ottawa signed a memorandum on Thursday.",
                 [("JPN", "signatory"), ("CAN", "signatory")], id="capitals-as-governments"),
    pytest.param("The summit was held in Tokyo, where traders said prices in Seoul fell.", [],
                 id="capitals-as-places"),
    pytest.param("TOKYO: Japan and India agreed to cooperate on rare earths.",
                 [("JPN", "signatory"), ("IND", "signatory")], id="capital-in-dateline-is-a-place"),
    pytest.param("Japan and Australia agreed to work with partners such as India, France and Germany.",
                 [("JPN", "signatory"), ("AUS", "signatory"), ("IND", "mentioned"), ("FRA", "mentioned"),
                  ("DEU", "mentioned")], id="example-list-only-mentioned"),
    pytest.param("Currently Korea, the USA, the UK, Japan and Canada have joined the partnership.",
                 [("KOR", "mentioned"), ("USA", "mentioned"), ("GBR", "mentioned"), ("JPN", "mentioned"),
                  ("CAN", "mentioned")], id="member-list-only-mentioned"),
    pytest.param("Officials in Atlanta, Georgia welcomed the news from Latin America.", [],
                 id="us-state-and-region-are-no-parties"),
    pytest.param("Analyst Chad Smith said Chad and Niger signed an accord.",
                 [("TCD", "signatory"), ("NER", "signatory")], id="chad-the-name-and-the-country"),
    pytest.param("Cobalt from Congo and oil from the Republic of the Congo and Papua New Guinea.",
                 [("COD", "mentioned"), ("COG", "mentioned"), ("PNG", "mentioned")], id="congo-and-guinea-variants"),
    pytest.param("North Korea fired a missile as Korea and Japan held talks.",
                 [("KOR", "signatory"), ("JPN", "signatory"), ("PRK", "mentioned")], id="korea-alone-is-south-korea"),
    pytest.param("A unit of South Korea's Solus Advanced Materials Co. signed a deal with a firm in Canada.",
                 [("KOR", "mentioned"), ("CAN", "mentioned")], id="company-acts-not-its-home-state"),
    pytest.param("The agreement between the European Union and Chile entered into force.",
                 [("EU", "signatory"), ("CHL", "signatory")], id="between-x-and-y"),
    pytest.param("It builds on the 2019 US-Japan Trade Agreement.",
                 [("USA", "signatory"), ("JPN", "signatory")], id="x-y-agreement"),
    pytest.param("Director-General Yu met with Deborah Yu, Director-General of Canada's Ministry of Natural "
                 "Resources, and the two countries concluded an agreement. Germany was not there.",
                 [("CAN", "signatory"), ("DEU", "mentioned")], id="met-with-an-official-of-x"),
    pytest.param("The Government of the United States of America and the Government of the Republic of Peru, "
                 "resolved to: STRENGTHEN the special bonds", [("USA", "signatory"), ("PER", "signatory")],
                 id="treaty-preamble"),
    pytest.param("The memorandum, signed by Japan's trade minister and Chile's ambassador, covers copper.",
                 [("JPN", "signatory"), ("CHL", "signatory")], id="passive-signed-by"),
    pytest.param("Officials from Indonesia and Australia met in Jakarta, and America's envoy watched.",
                 [("IDN", "signatory"), ("AUS", "signatory"), ("USA", "mentioned")], id="officials-from-x-and-y-met"),
    pytest.param("The leaders of Japan and the United States reaffirmed their commitment to cooperate.",
                 [("JPN", "signatory"), ("USA", "signatory")], id="joint-statement-voice"),
    pytest.param("The English, French and Ukrainian texts are equally authentic; submissions in either English or "
                 "Spanish. Ukrainian exporters and French firms benefit.",
                 [("UKR", "mentioned"), ("FRA", "mentioned")], id="languages-are-no-parties"),
    pytest.param("Chinese and Japanese officials met.", [("CHN", "signatory"), ("JPN", "signatory")],
                 id="demonym-list-without-english-stays-parties"),
    pytest.param("Türkiye and Turkey-based exporters", [("TUR", "mentioned")], id="turkiye-and-turkey"),
    # A signature block's cells sign for their parties, side by side in two columns too.
    pytest.param("Article 7\nThe Council shall meet.\n\nFOR AUSTRALIA: FOR BRUNEI DARUSSALAM:\n\nFOR JAPAN: FOR THE "
                 "UNITED STATES OF AMERICA:", [("AUS", "signatory"), ("BRN", "signatory"), ("JPN", "signatory"),
                                               ("USA", "signatory")], id="two-column-signature-block"),
    # Counter-example: "For …:" opening a list in the text's own words signs for no one.
    pytest.param("Article 2\nFor the purposes of this Article, goods of Japan:\n(a) shall be listed.",
                 [("JPN", "mentioned")], id="for-the-purposes-line-is-no-signature-block"),
]


@pytest.mark.parametrize("text, expected", PARTIES)
def test_parties(text, expected):
    assert roles(extract_metadata(text, whole(text))) == expected


def test_unilateral_policy_has_the_acting_state_as_only_signatory():
    text = ("China will impose export controls on gallium and germanium. Beijing announced the rules on Monday, "
            "prompting Japan and the United States to protest.")
    metadata = extract_metadata(text, whole(text))
    assert metadata.instrument == "unilateral_policy"
    assert roles(metadata) == [("CHN", "signatory"), ("JPN", "mentioned"), ("USA", "mentioned")]
    assert metadata.minerals == ["gallium", "germanium"]


def test_title_parties_come_first_and_title_is_passed_through():
    text = "The two sides signed the memorandum. Peru's leader attended."
    metadata = extract_metadata(text, whole(text), title="Japan, Chile sign memorandum on copper")
    assert signatories(metadata) == ["JPN", "CHL"]
    assert mentioned(metadata) == {"PER"}
    assert metadata.title == "Japan, Chile sign memorandum on copper"
    assert metadata.minerals == ["copper"]


def test_mentions_outside_content_are_ignored():
    text = "Canada and Japan signed an MOU on nickel. RELATED: U.S. gold prices fell as China cut rates."
    metadata = extract_metadata(text, [(0, text.index("RELATED"))])
    assert roles(metadata) == [("CAN", "signatory"), ("JPN", "signatory")]
    assert metadata.minerals == ["nickel"]


def test_content_given_line_by_line_still_reads_phrases_across_lines():
    text = "FREE TRADE AGREEMENT BETWEEN THE GOVERNMENT OF THE PEOPLE'S\nREPUBLIC OF CHINA AND THE GOVERNMENT OF\nKOREA"
    lines, start = [], 0
    for line in text.split("\n"):
        lines.append((start, start + len(line)))
        start += len(line) + 1
    assert roles(extract_metadata(text, lines)) == [("CHN", "signatory"), ("KOR", "signatory")]


def test_declared_parties_win():
    text = "Japan and Peru agreed to cooperate with China."
    metadata = extract_metadata(text, whole(text), declared={"name": "EU - Peru", "parties": ["PER", "DEU"]})
    assert roles(metadata) == [("PER", "signatory"), ("DEU", "signatory"), ("EU", "signatory"),
                               ("JPN", "mentioned"), ("CHN", "mentioned")]
    assert metadata.title == "EU - Peru"


PREAMBLE_PARTIES = [
    # A regional organisation's member states named at the head of the preamble make the agreement with the partner.
    pytest.param("The Governments of Brunei Darussalam, the Kingdom of Cambodia and the Socialist Republic of Viet Nam, "
                 "Member States of ASEAN, and the Republic of India (\"India\"),\n\nHAVE AGREED AS FOLLOWS:\n\nArticle 1\n"
                 "The Parties shall reduce tariffs.",
                 [("BRN", "signatory"), ("KHM", "signatory"), ("VNM", "signatory"), ("IND", "signatory")],
                 id="member-states-in-the-preamble-are-parties"),
    # Counter-example: a sentence about a government that is no preamble's list of makers names no new maker.
    pytest.param("The Government of Canada welcomed the visit of the Minister of Japan.\nArticle 1\n"
                 "The Parties shall cooperate.", [("CAN", "mentioned"), ("JPN", "mentioned")],
                 id="a-government-in-a-plain-sentence-is-only-named"),
]


@pytest.mark.parametrize("text, expected", PREAMBLE_PARTIES)
def test_preamble_names_the_parties(text, expected):
    assert roles(extract_metadata(text, whole(text))) == expected


# ----------------------------------------------------------------------------- dates

DATES = [
    pytest.param("Published on September 21,2023 07:00 AM Metals", [("published", "2023-09-21")],
                 id="published-on-month-day-comma-year"),
    pytest.param("OTTAWA, Sept 21 (Reuters) - Canada said. Published on September 21,2023",
                 [("published", "2023-09-21")], id="dateline-without-year-takes-publication-year"),
    pytest.param("Brussels, 13 December 2023 - The EU and Chile today signed an agreement.",
                 [("published", "2023-12-13")], id="title-case-dateline-with-year"),
    pytest.param("date 2023-03-29 Home About Contact", [("published", "2023-03-29")], id="iso-after-date"),
    pytest.param("Posted on 29 March 2023 in Japan, Materials", [("published", "2023-03-29")], id="posted-on"),
    pytest.param("Both countries will cooperate.\n2024/03/06 08:01 KST\nCopyright", [("published", "2024-03-06")],
                 id="slashed-timestamp"),
    pytest.param("US and Japan sign agreement\n\n29 March 2023\n\nThe agreement builds on earlier work.",
                 [("published", "2023-03-29")], id="date-alone-on-a-line-near-the-top"),
    pytest.param("The Agreement was signed in Washington on 12 April 2006. It entered into force on 1 February 2009.",
                 [("signed", "2006-04-12"), ("in_force", "2009-02-01")], id="signed-and-in-force"),
    pytest.param("The agreement was signed on March 28, 2023 and entered into force immediately upon signature.",
                 [("signed", "2023-03-28"), ("in_force", "2023-03-28")], id="in-force-upon-signature"),
    pytest.param("The memorandum was signed in March 2023.", [("signed", "2023-03")], id="month-and-year"),
    pytest.param("DONE, at Washington, District of Columbia, in duplicate, this twelfth day of April, 2006.",
                 [("signed", "2006-04-12")], id="treaty-closing-formula-with-ordinal-words"),
    pytest.param("Done at Lima this 21st day of May 2015.", [("signed", "2015-05-21")], id="numeric-day-of"),
    # Closing formulae write the year in words too, 1900-2099.
    pytest.param("Done at Brussels on the ninth day of December in the year two thousand and twenty-three.",
                 [("signed", "2023-12-09")], id="year-in-words-after-in-the-year"),
    pytest.param("Signed in Tokyo on the twenty-first day of September, two thousand and twenty-three, in duplicate",
                 [("signed", "2023-09-21")], id="year-in-words-before-in-duplicate"),
    pytest.param("DONE at Geneva, this twenty-fifth day of June, one thousand nine hundred and ninety-eight",
                 [("signed", "1998-06-25")], id="year-in-words-one-thousand-nine-hundred"),
    pytest.param("Done at Lima on the first day of May in the year nineteen hundred and ninety-nine.",
                 [("signed", "1999-05-01")], id="year-in-words-nineteen-hundred"),
    pytest.param("Done at Lima on the first day of May, two thousand nine.", [("signed", "2009-05-01")],
                 id="year-in-words-without-and"),
    pytest.param("DONE AT LIMA ON THE FIRST DAY OF MAY IN THE YEAR TWO THOUSAND AND SIX.", [("signed", "2006-05-01")],
                 id="year-in-words-in-capitals"),
    pytest.param("Done at Lima on the 1st day of May, two thousand and six.", [("signed", "2006-05-01")],
                 id="year-in-words-after-a-numeric-day"),
    # ASEAN closing formulae write the day, "Day", "of" and "in the Year" in title case.
    pytest.param("DONE at Jakarta, this Twenty-Sixth Day of October in the Year Two Thousand and Twenty-Five.",
                 [("signed", "2025-10-26")], id="closing-formula-in-title-case"),
    # Counter-example: in title case too, a quantity in words after a date without a year is no year.
    pytest.param("From the First Day of January, Two Thousand Tonnes of copper may be exported.", [],
                 id="title-case-quantity-in-words-is-no-year"),
    # Counter-example: a quantity in words after a date without a year is no year.
    pytest.param("From the first day of January, two thousand tonnes of copper may be exported.", [],
                 id="quantity-in-words-after-a-day-is-no-year"),
    pytest.param("Leaders meet at the summit on Nov. 15-16, 2024.", [("mentioned", "2024-11-15")],
                 id="abbreviated-month-and-day-range"),
    pytest.param("The MSP was launched in 2022 by the partners.", [("mentioned", "2022")], id="bare-year-after-in"),
    pytest.param("Talks resume on the 5th; 2500 tonnes were shipped.", [], id="ordinal-alone-and-quantities-skipped"),
    pytest.param("It was signed on 31 February 2023.", [], id="impossible-date-skipped"),
    pytest.param("Leaders meet on Nov. 15-16.", [], id="year-unknown-skipped"),
    # A range of days dates its first, as "Nov. 15-16" does.
    pytest.param("We met in Johannesburg on 22-23 November 2025.", [("mentioned", "2025-11-22")],
                 id="day-range-before-the-month"),
    # Counter-example: a number before a range of days is no part of the date.
    pytest.param("Paragraph 2-3 applies from 5 May 2024.", [("mentioned", "2024-05-05")], id="range-needs-a-day-next"),
    # Spanish, Portuguese and French month names, with "de" / "del" between the parts.
    pytest.param("Firmado en Santiago de Chile, el 15 de abril de 2024, en dos ejemplares.", [("signed", "2024-04-15")],
                 id="spanish-signed-date"),
    pytest.param("Hecho en Lima, el 3 de marzo del 2023.", [("signed", "2023-03-03")], id="spanish-hecho-del"),
    pytest.param("Feito em Brasília, em 1º de julho de 2022.", [("signed", "2022-07-01")], id="portuguese-feito-em"),
    pytest.param("Fait à Paris, le 12 février 2025.", [("signed", "2025-02-12")], id="french-fait-a"),
    # Counter-example: "fait à" inside a sentence is no closing formula.
    pytest.param("Le ministre a fait à Paris, le 12 février 2025, une déclaration.", [("mentioned", "2025-02-12")],
                 id="french-fait-a-in-a-sentence"),
    # Counter-example: foreign month names are matched in lowercase only: "Mars 2020" is a space mission.
    pytest.param("The Mars 2020 rover used a nuclear battery.", [], id="capitalised-mars-is-no-month"),
    # Counter-example: "hecho" in a running Spanish sentence marks no signature.
    pytest.param("Es un hecho que el 15 de abril de 2024 llovió.", [("mentioned", "2024-04-15")],
                 id="spanish-hecho-as-a-noun"),
]


@pytest.mark.parametrize("text, expected", DATES)
def test_dates(text, expected):
    assert events(extract_metadata(text, whole(text))) == expected


def test_publication_marker_outside_content_still_dates_the_report():
    text = "Published on 5 May 2024\nJapan and Peru signed a roadmap.\nMORE NEWS\nDecember 05,2023 08:00 AM Gold fell."
    metadata = extract_metadata(text, [(text.index("Japan"), text.index("MORE NEWS"))])
    assert events(metadata) == [("published", "2024-05-05")]


def test_legal_text_takes_its_signature_date_from_the_closing_formula():
    text = ("Article 1\nThe Parties shall apply the Convention done at New York on 10 June 1958.\n" + "The Parties shall "
            "cooperate.\n" * 200 + "IN WITNESS WHEREOF the undersigned have signed this Agreement.\n"
            "DONE at Lima, this twenty-first day of May, 2015.")
    assert events(extract_metadata(text, whole(text))) == [("signed", "2015-05-21"), ("mentioned", "1958-06-10")]


SHORT_LEGAL_DATES = [
    # An earlier instrument named before its signing marker is that instrument's date, even in the last lines.
    pytest.param("1. This arrangement shall enter into effect on signature.\n2. Nothing in this arrangement shall affect "
                 "the Free Trade Agreement between Canada and the Republic of Korea, done at Ottawa on 22 September 2014.",
                 [("mentioned", "2014-09-22")], id="named-agreement-done-at-is-another-instruments-date"),
    pytest.param("Having regard to the Agreement establishing an association between the European Community and the "
                 "Republic of Chile, signed in Brussels on 18 November 2002,\nHAS ADOPTED THIS DECISION:\nArticle 1\n"
                 "The Parties shall cooperate.\nDone at Santiago, 18 April 2023.",
                 [("signed", "2023-04-18"), ("mentioned", "2002-11-18")], id="having-regard-to-a-signed-agreement"),
    # Counter-example: the document's own closing formula names "this Agreement" and still dates it.
    pytest.param("Article 1\nThe Parties shall cooperate.\nIN WITNESS WHEREOF the undersigned have signed this Agreement, "
                 "done at Ottawa on 22 September 2014.", [("signed", "2014-09-22")], id="this-agreement-done-at"),
    # A communiqué's or statement's place-and-date line, at its head or at its foot, is when it was issued.
    pytest.param("JOINT COMMUNIQUÉ\nToronto, 4 March 2025\n\n1. We, the Ministers, met in Toronto.",
                 [("signed", "2025-03-04")], id="place-and-date-line-heading-a-communique"),
    pytest.param("Article 1\nThe Parties shall cooperate.\n\nBeijing, 9 November 2024", [("signed", "2024-11-09")],
                 id="place-and-date-line-closing-a-statement"),
    # Counter-example: a place named in a running line ("Government of India, 28 February 2025") is no place-and-date line.
    pytest.param("Source: Press Information Bureau, Government of India, 28 February 2025\nArticle 1\nThe Parties shall "
                 "cooperate.", [("mentioned", "2025-02-28")], id="place-inside-a-running-line-is-no-issue-line"),
    # Counter-example: a place and date in a list of instruments inside a long text is another instrument's date.
    pytest.param("Article 1\n" + "The Parties shall cooperate.\n" * 100 + "Montreal Protocol\nMontreal, 16 September "
                 "1987\n" + "The Parties shall cooperate.\n" * 100, [("mentioned", "1987-09-16")],
                 id="place-and-date-line-in-the-middle-is-mentioned"),
    # A signature line of its own under the title, before the first article, signs however long the text.
    pytest.param("ARRANGEMENT AMONG JAPAN AND FRANCE\n\nSigned at Paris, 12 February 2025\n\nThe Participants,\n\n"
                 "Article 1\n" + "The Participants will cooperate.\n" * 100, [("signed", "2025-02-12")],
                 id="signed-at-line-under-the-title"),
    # Counter-example: a preamble's wrapped line opening with "signed" dates the instrument it names.
    pytest.param("ARRANGEMENT AMONG JAPAN AND FRANCE\n\nRecalling the Convention on Nuclear Safety,\nsigned at Vienna, "
                 "20 September 1994,\n\nArticle 1\n" + "The Participants will cooperate.\n" * 100,
                 [("mentioned", "1994-09-20")], id="wrapped-preamble-line-signed-at"),
    # Counter-example: past the first article a "Signed at" paragraph is no heading's signature line.
    pytest.param("Article 1\nThe Participants will cooperate.\n\nSigned at Vienna, 20 September 1994\n\n"
                 + "The Participants will cooperate.\n" * 100, [("mentioned", "1994-09-20")],
                 id="signed-at-paragraph-inside-the-text"),
    # An assembly adopts what states sign: its closing formula dates the instrument, its marker a long way back.
    pytest.param("Article 1\nThe Parties shall cooperate.\n\nADOPTED by the 36th Ordinary Session of the Assembly of "
                 "Heads of State and Government of the African Union, held in Addis Ababa, Ethiopia, on this 19th day of "
                 "February 2023.", [("signed", "2023-02-19")], id="adopted-by-the-assembly"),
    # Counter-example: a running header "Adopted February 2023" is no formula.
    pytest.param("Article 1\nThe Parties shall cooperate.\n\nProtocol on Investment Adopted February 2023",
                 [("mentioned", "2023-02")], id="adopted-month-in-a-running-header"),
    # A place, its country and a range of days heading a declaration: issued on the first day.
    pytest.param("Leaders' Declaration\nJohannesburg, South Africa, 22-23 November 2025\n\n1. We, the Leaders, met.",
                 [("signed", "2025-11-22")], id="place-country-and-day-range-line"),
]


@pytest.mark.parametrize("text, expected", SHORT_LEGAL_DATES)
def test_short_legal_texts_date_themselves_only_by_their_own_formula(text, expected):
    assert events(extract_metadata(text, whole(text))) == expected


def test_a_long_agreement_takes_its_signature_date_in_words_from_its_last_lines():
    """The scan past the first 20,000 characters starts from years, and a year in words has no digits to start from."""
    text = ("Article 1\n" + "From the first day of January, two thousand tonnes of copper may be exported.\n" * 800
            + "IN WITNESS WHEREOF the undersigned have signed this Agreement.\n"
            "DONE at Geneva, this twenty-fifth day of June, one thousand nine hundred and ninety-eight.")
    assert len(text) > 60_000
    assert events(extract_metadata(text, whole(text))) == [("signed", "1998-06-25")]


def test_declared_dates_win():
    text = "The Agreement was signed on 1 January 1999."
    metadata = extract_metadata(text, whole(text), declared={"date_signed": "2006-04-12", "date_into_force": "2009-02-01"})
    assert events(metadata) == [("signed", "2006-04-12"), ("in_force", "2009-02-01")]


# ----------------------------------------------------------------------------- instrument and genre

INSTRUMENTS = [
    pytest.param("Japan and Australia signed a memorandum of understanding on critical minerals.", "memorandum",
                 id="memorandum-of-understanding"),
    pytest.param("Canada and Japan signed a MoC on batteries.", "memorandum", id="moc-abbreviation"),
    pytest.param("The leaders of Japan and Peru will sign a joint statement on mining.", "joint_statement",
                 id="joint-statement"),
    pytest.param("Japan and India agreed on a framework for cooperation on rare earths.", "framework",
                 id="framework"),
    pytest.param("The United States and Australia launched a critical minerals partnership.", "partnership",
                 id="partnership"),
    pytest.param("Japan and Peru plan to compile a 10-year roadmap.", "roadmap", id="roadmap"),
    pytest.param("Canada and the EU concluded a free trade agreement.", "agreement", id="free-trade-agreement"),
    pytest.param("The two countries concluded an agreement. Both will set up a council under the MOU.", "memorandum",
                 id="generic-agreement-gives-way-to-the-mou"),
    pytest.param("Japan will expand its stockpiles of rare metals, the ministry said.", "unilateral_policy",
                 id="unilateral-policy"),
    pytest.param("BEIJING (Reuters) - China will restrict exports of gallium, the commerce ministry said, in a move "
                 "seen as retaliation against U.S. chip curbs.", "unilateral_policy", id="export-restrictions"),
    pytest.param("The U.S. Commerce Department on Friday added four minerals to its critical minerals list, "
                 "citing China's dominance.", "unilateral_policy", id="department-acts-for-its-state"),
    pytest.param("Chile's government said it would nationalize its lithium industry.", "unilateral_policy",
                 id="nationalization"),
    pytest.param("Copper prices rose on Monday, traders said.", "news_report", id="report-about-no-instrument"),
    pytest.param("Nothing here names an instrument.", "unknown", id="unknown"),
]


@pytest.mark.parametrize("text, expected", INSTRUMENTS)
def test_instrument(text, expected):
    assert extract_metadata(text, whole(text)).instrument == expected


TITLED_INSTRUMENTS = [
    # The title's head noun is what the document is, whatever its body repeats.
    pytest.param("Joint Statement by Prime Minister Albanese and President Lula on a Strategic Partnership",
                 "The partnership will grow. The partnership is strong, the leaders said. The partnership, reporters "
                 "said.", "joint_statement", id="joint-statement-on-a-partnership"),
    pytest.param("MINERALS SECURITY PARTNERSHIP Communiqué", "The Partnership shall meet. The Partnership shall act. "
                 "The Partnership shall report.", "joint_statement", id="a-communique-is-a-joint-statement"),
    pytest.param("PROTOCOL TO AMEND THE AGREEMENT ON TRADE IN GOODS UNDER THE FRAMEWORK AGREEMENT",
                 "The Framework Agreement shall apply. The Framework Agreement shall govern. The Parties shall "
                 "cooperate under the framework.", "agreement", id="a-protocol-is-an-agreement"),
    # Counter-example: a headline that does not open with an instrument leaves a report to its text.
    pytest.param("Australia and Brazil hail joint statement", "Australia and Brazil signed a memorandum of "
                 "understanding, officials said.", "memorandum", id="headline-naming-an-instrument-in-passing"),
    # Counter-example: a generic head further on in a headline is the headline's word, not the document's kind.
    pytest.param("US, Mongolia ink pact for critical minerals", "The Parties intend to cooperate under this "
                 "Memorandum of Understanding. The Memorandum of Understanding takes effect on signature.",
                 "memorandum", id="generic-head-inside-a-headline"),
    # Counter-example: a compound head keeps its longest reading ("Framework Agreement" is a framework).
    pytest.param("Framework Agreement between Japan and Chile", "The Parties shall cooperate.", "framework",
                 id="framework-agreement-title"),
    # An instrument word directly followed by a head link beats one inside the name before it.
    pytest.param("INDO-PACIFIC ECONOMIC FRAMEWORK FOR PROSPERITY AGREEMENT RELATING TO SUPPLY CHAIN RESILIENCE",
                 "The Parties shall cooperate under the Framework.", "agreement", id="framework-inside-a-name"),
    pytest.param("Memorandum of Agreement between the Philippines and Pakistan on a Joint Commission",
                 "The Parties shall cooperate.", "memorandum", id="memorandum-of-agreement"),
    # Counter-example: after a link the linked instrument is the subject ("… by … on a Strategic Partnership on …").
    pytest.param("JOINT STATEMENT BY THE PRIME MINISTERS ON A STRATEGIC PARTNERSHIP ON CRITICAL MINERALS",
                 "The Parties shall cooperate.", "joint_statement", id="linked-instrument-after-a-link"),
    # Counter-example: a sentence-shaped headline's "agreement on" is no head.
    pytest.param("The United States and China have reached an agreement on trade", "The Joint Statement follows. "
                 "This Joint Statement shall apply. The Joint Statement says.", "joint_statement",
                 id="agreement-on-inside-a-sentence-headline"),
    # Leaders or ministers declaring together issue a joint statement, whatever framework the body names.
    pytest.param("G20 Johannesburg Leaders' Declaration", "We welcome the Critical Minerals Framework. The framework "
                 "will guide us. The framework is voluntary.", "joint_statement", id="leaders-declaration"),
]


@pytest.mark.parametrize("title, text, expected", TITLED_INSTRUMENTS)
def test_title_head_names_the_instrument(title, text, expected):
    assert extract_metadata(text, whole(text), title=title).instrument == expected


def test_declared_type_decides_the_instrument():
    metadata = extract_metadata("The Parties shall cooperate.", whole("The Parties shall cooperate."),
                                declared={"type": "Free Trade Agreement & Economic Integration Agreement"})
    assert (metadata.instrument, metadata.genre) == ("agreement", "legal_text")


GENRES = [
    pytest.param("OTTAWA, Sept 21 (Reuters) - Canada and Japan agreed to cooperate.", "news_report", id="reuters-dateline"),
    pytest.param("Japan will sign the accord, according to the Nikkei.", "news_report", id="according-to"),
    pytest.param("Article 1\nThe Parties, hereinafter the Parties, shall cooperate. Each Party shall notify "
                 "the said Party.", "legal_text", id="treaty-text-with-the-said"),
    pytest.param("Canada and Japan signed a memorandum.", "legal_text", id="no-cue-at-all"),
    pytest.param("TOKYO: Japan and India agreed to cooperate on rare earths.", "news_report", id="colon-dateline"),
    pytest.param("WASHINGTON -- The United States and Japan signed a deal.", "news_report", id="double-dash-dateline"),
    pytest.param("LIMA, Peru (AP) — Peru and Japan agreed to cooperate.", "news_report", id="agency-dateline-em-dash"),
    # Counter-examples: a dateline's story goes on on its own line; a formula in capitals ends its line.
    pytest.param("The European Union and Chile,\n\nHAVE AGREED AS FOLLOWS:\n\nArticle 1\n\nThe Parties shall cooperate.",
                 "legal_text", id="agreed-as-follows-ends-its-line"),
    pytest.param("NOW, THEREFORE, THE PARTIES AGREE AS FOLLOWS:\nArticle 1\nThe Parties shall cooperate.",
                 "legal_text", id="now-therefore-formula-ends-its-line"),
    pytest.param("The Republic of Chile and Japan,\nTHE PARTIES AGREE AS FOLLOWS:\nArticle 1\nThe Parties shall cooperate.",
                 "legal_text", id="parties-agree-formula-ends-its-line"),
    pytest.param("HAVE REACHED THE FOLLOWING UNDERSTANDING:\nParagraph 1\nThe Participants will cooperate.",
                 "legal_text", id="understanding-formula-ends-its-line"),
    # Counter-example: a signature block's columns in capitals are no datelines.
    pytest.param("Article 7\nThe Council shall meet.\n\nFOR AUSTRALIA:          FOR BRUNEI DARUSSALAM:\n\n"
                 "FOR JAPAN:              FOR THE UNITED STATES OF AMERICA:", "legal_text",
                 id="two-column-signature-block"),
]


@pytest.mark.parametrize("text, expected", GENRES)
def test_genre(text, expected):
    assert extract_metadata(text, whole(text)).genre == expected


# ----------------------------------------------------------------------------- minerals

MINERALS = [
    pytest.param("rare-earth elements, REEs and neodymium", ["rare earths"], id="rare-earth-variants"),
    pytest.param("Aluminum smelters need bauxite; aluminium prices", ["aluminium"], id="aluminium-spellings"),
    pytest.param("lithium-ion batteries use Cobalt and NICKEL", ["lithium", "cobalt", "nickel"], id="case-and-compounds"),
    pytest.param("Platinum group metals (PGMs) and iron ore", ["platinum group metals", "iron ore"], id="multiword"),
    pytest.param("Enter your TIN and lead the team; iron the shirt", [], id="everyday-words-are-no-minerals"),
    pytest.param("tin, tungsten and tantalum", ["tin", "tungsten", "tantalum"], id="order-of-first-appearance"),
]


@pytest.mark.parametrize("text, expected", MINERALS)
def test_minerals(text, expected):
    assert extract_metadata(text, whole(text)).minerals == expected


# ----------------------------------------------------------------------------- ToTA treaties

TOTA = [
    pytest.param("pta_156.xml", ["PER", "USA"], "2006-04-12", id="us-peru"),
    pytest.param("pta_388.xml", None, "2012-06-29", id="eu-central-america"),
    pytest.param("pta_396.xml", ["CAN", "UKR"], "2016-07-11", id="canada-ukraine"),
    pytest.param("pta_398.xml", ["CHN", "KOR"], "2015-06-01", id="china-korea"),
    pytest.param("pta_436.xml", ["NZL", "TWN"], "2013-07-10", id="new-zealand-chinese-taipei"),
]


def read_tota(path: Path) -> tuple[str, dict]:
    """The articles' text joined by blank lines, and the ``<meta>`` fields a loader would declare."""
    root = ElementTree.parse(path).getroot()
    meta = root.find("meta")
    declared = {key: meta.findtext(key) or "" for key in ("name", "date_signed", "date_into_force", "type")}
    declared["parties"] = [code.text for code in meta.find("parties")]
    text = "\n\n".join("".join(article.itertext()) for article in root.iter("article"))
    return text, declared


@pytest.mark.parametrize("name, bilateral, signed", TOTA)
def test_tota_with_declared_metadata(tota_paths, name, bilateral, signed):
    text, declared = read_tota(TOTA_DIR / name)
    metadata = extract_metadata(text, whole(text), declared=declared)
    assert signatories(metadata)[:len(declared["parties"])] == declared["parties"]
    assert (metadata.instrument, metadata.genre, metadata.title) == ("agreement", "legal_text", declared["name"])
    assert ("signed", signed) in events(metadata)
    assert ("in_force", declared["date_into_force"]) in events(metadata)


def test_tota_eu_agreement_adds_the_eu_from_its_name(tota_paths):
    text, declared = read_tota(TOTA_DIR / "pta_388.xml")
    assert "EU" in signatories(extract_metadata(text, whole(text), declared=declared))


@pytest.mark.parametrize("name, bilateral, signed", [case for case in TOTA if case.values[1]])
def test_tota_bilateral_treaty_read_from_text_alone(tota_paths, name, bilateral, signed):
    text, _ = read_tota(TOTA_DIR / name)
    metadata = extract_metadata(text, whole(text))
    assert sorted(signatories(metadata)) == bilateral
    assert (metadata.instrument, metadata.genre) == ("agreement", "legal_text")
    # Only the closing formula dates the signature; most ToTA closings leave the date blank.
    assert {date for kind, date in events(metadata) if kind == "signed"} <= {signed}


# Odd input never raises: words from the vocabularies mixed with noise, spans anywhere (even reversed or outside).
AGREEMENT_WORDS = st.sampled_from([
    "Japan", "US", "us", "U.S.", "Korea", "Tokyo", "signed", "agreed", "with", "between", "and", ",", ".", "\n",
    "MOU", "memorandum", "29 March 2023", "Sept 21", "2024/03/06", "in 2022", "lithium", "rare-earth", "İ", "’s",
    "IN WITNESS WHEREOF", "DONE", "twelfth day of April, 2006", "such as", "Chad", "Georgia", "(Reuters)", "said",
])


@settings(max_examples=150, deadline=None)
@given(words=st.lists(st.one_of(AGREEMENT_WORDS, st.text(max_size=6)), max_size=40),
       spans=st.lists(st.tuples(st.integers(-5, 400), st.integers(-5, 400)), max_size=4),
       title=st.one_of(st.none(), st.text(max_size=20)))
def test_odd_input_never_raises(words, spans, title):
    text = " ".join(words)
    metadata = extract_metadata(text, spans, title=title)
    assert all(len(party.code) in (2, 3) for party in metadata.parties)
    assert len({party.code for party in metadata.parties}) == len(metadata.parties)


def test_worked_examples_in_docstrings_hold():
    assert doctest.testmod(grammar.metadata).failed == 0


def test_spanish_agreement_names_its_instrument_and_minerals():
    title = "Acuerdo de Complementación Económica entre la República de Chile y la República del Perú"
    text = "Ninguna Parte adoptará impuestos sobre la exportación de cobre, litio o tierras raras."
    metadata = extract_metadata(text, whole(text), title=title)
    assert metadata.instrument == "agreement"
    assert metadata.minerals == ["copper", "lithium", "rare earths"]
    assert set(signatories(metadata)) == {"CHL", "PER"}


def test_spanish_parties_between_are_signatories():
    text = "Acuerdo de Complementación Económica entre la República de Chile y la República del Perú."
    assert signatories(extract_metadata(text, whole(text))) == ["CHL", "PER"]


def test_a_plain_text_agreement_keeps_its_capital_title_and_its_annex_headings_are_no_datelines():
    """"ANNEX II: CONTACT POINTS" has a news dateline's shape ("TOKYO: …"); a title in capitals is not continued by the
    first recital of a double-spaced text."""
    from grammar import parse_source
    from grammar.models import Source
    text = ("AGREEMENT BETWEEN THE REPUBLIC OF CHILE AND THE REPUBLIC OF KOREA ON ECONOMIC COOPERATION\n\nThe Parties,\n\n"
            "Recognising the importance of trade,\n\nHave agreed as follows:\n\nArticle 1\n\nThe Parties shall promote trade.\n\n"
            "ANNEX I: EXCEPTIONS\n\nChile may maintain export duties on copper.\n\nANNEX II: CONTACT POINTS\n\n"
            "The contact points are the ministries of trade.\n")
    document = parse_source(Source(path="agreement.txt", format="text", raw=text))
    assert document.title == "AGREEMENT BETWEEN THE REPUBLIC OF CHILE AND THE REPUBLIC OF KOREA ON ECONOMIC COOPERATION"
    assert document.genre == "legal_text" and document.instrument == "agreement"
    assert [p.ref for p in document.provisions if p.kind == "part"] == ["Annex I", "Annex II"]


def test_a_long_title_in_capitals_is_not_continued_by_the_parties_line():
    from grammar import parse_source
    from grammar.models import Source
    title = ("MEMORANDUM OF UNDERSTANDING BETWEEN THE MINISTRY OF MINES OF THE REPUBLIC OF PERU AND THE DEPARTMENT OF ENERGY "
             "OF THE UNITED STATES ON COOPERATION IN CRITICAL MINERALS")
    text = (f"{title}\n\nThe Ministry of Mines of the Republic of Peru and the Department of Energy of the United States,\n\n"
            "Have reached the following understanding:\n\nI. OBJECTIVE\n\n1. The Participants intend to cooperate.\n\n"
            "II. FINAL PROVISIONS\n\n2. This Memorandum will come into effect on signature.\n")
    document = parse_source(Source(path="mou.txt", format="text", raw=text))
    assert document.title == title and document.instrument == "memorandum"


def test_a_dissolved_state_is_a_party_by_its_iso_3166_3_code_unless_its_successors_are_declared():
    from grammar import parse_source
    from grammar.models import Source
    text = ("Agreement on economic co-operation between the Kingdom of the Netherlands and the Czechoslovak Socialist "
            "Republic\n\nThe Government of the Kingdom of the Netherlands and the Government of the Czechoslovak Socialist "
            "Republic have agreed as follows:\n\nArticle 1\n\nThe Contracting Parties shall promote trade.\n")
    document = parse_source(Source(path="1975.txt", format="text", raw=text))
    assert [(party.code, party.role) for party in document.parties] == [("NLD", "signatory"), ("CSK", "signatory")]
    declared = parse_source(Source(path="x.xml", format="text", raw=text,
                                   declared={"name": "EFTA - Czechoslovakia", "parties": ["CHE", "CZE", "SVK"]}))
    assert [party.code for party in declared.parties if party.role == "signatory"] == ["CHE", "CZE", "SVK"]
