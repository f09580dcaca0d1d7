"""Normalization: the guarantees grammar/normalize.py documents, one table row each."""
from __future__ import annotations

import pytest

from grammar.normalize import normalize_text

CASES = [
    # (id, raw, normalized)
    ("smart quotes", "\u201cgoods\u201d and \u2018services\u2019", "\"goods\" and 'services'"),
    ("nbsp and zero width", "critical\u00a0minerals\u200b agreement", "critical minerals agreement"),
    ("soft hyphen dropped", "co\u00adoperation", "cooperation"),
    ("bullet dot", "\u2022 Non-imposition of export duties;", "• Non-imposition of export duties;"),
    ("bullet black circle", "\u25cf  Cobalt", "• Cobalt"),
    ("bullet square", "\u25aa Nickel", "• Nickel"),
    ("bullet private use", "\uf0b7 Lithium", "• Lithium"),
    ("bullet star", "* Graphite", "• Graphite"),
    ("bullet hyphen", "- Manganese", "• Manganese"),
    ("bullet en dash", "\u2013 Zinc", "• Zinc"),
    ("hyphenation rejoined", "shall elimi-\nnate duties", "shall eliminate duties"),
    ("prefix hyphen kept", "address non-\nmarket policies", "address non-market policies"),
    ("wrap before lowercase", "The Parties shall\ncooperate.", "The Parties shall cooperate."),
    ("wrap after dangling word", "duties on\n\"goods\".", "duties on \"goods\"."),
    ("wrap across blank line", "between them and\n\npromote integration;", "between them and promote integration;"),
    ("sentence end keeps line", "The Parties agree.\nEach Party shall act.", "The Parties agree.\nEach Party shall act."),
    ("numbered paragraph not glued", "as follows\n1. Each Party", "as follows\n1. Each Party"),
    ("item not glued", "the following\n(a) goods", "the following\n(a) goods"),
    ("heading not glued", "Article 2.4\nExport Duties", "Article 2.4\nExport Duties"),
    ("wrapped cross reference glued", "as referred to in\nArticle 5 of the GATT", "as referred to in Article 5 of the GATT"),
    ("titled heading never glued", "Investments, done at , on\n\nARTICLE 1-5: Relation To Other Agreements",
     "Investments, done at , on\n\nARTICLE 1-5: Relation To Other Agreements"),
    ("initial before lowercase glued", '(the "United States" or "U.S.")\nand Japan intend', '(the "United States" or "U.S.") and Japan intend'),
    ("semicolon before lowercase kept", "exclusives on Asia;\nthe most dynamic market", "exclusives on Asia;\nthe most dynamic market"),
    ("numbered paragraphs run together set apart", "1. The Parties shall strive. 2. The Parties shall act; 3. Each Party may.",
     "1. The Parties shall strive.\n2. The Parties shall act;\n3. Each Party may."),
    ("number out of sequence kept in its sentence", "1. Within 30 days. 3. No.", "1. Within 30 days. 3. No."),
    ("lettered items run into their lead-in set apart", "Where compliance leads to:  (a) re-export of a product; or (b) a serious shortage; or (c) a loss.",
     "Where compliance leads to:\n(a) re-export of a product; or\n(b) a serious shortage; or\n(c) a loss."),
    ("items run into an item (a) of their own line set apart", "(a) to the land territory of a Party; and (b) beyond the territorial sea.",
     "(a) to the land territory of a Party; and\n(b) beyond the territorial sea."),
    ("dashed entries run into their lead-in set apart", "2. Taking account of: -the role of agriculture; -the development of trade.",
     "2. Taking account of:\n• the role of agriculture;\n• the development of trade."),
    ("recitals run together set apart",
     'Canada and Chile, CONSIDERING that the expansion of their trade is vital to development, BELIEVING that it must be '
     'achieved by making optimum use of resources; HAVE AGREED as follows:',
     'Canada and Chile,\nCONSIDERING that the expansion of their trade is vital to development,\nBELIEVING that it must be '
     'achieved by making optimum use of resources;\nHAVE AGREED as follows:'),
    ("a title run into its preamble set apart at a rule",
     "MERCOSUR AGREEMENT _______________ The States, CONSIDERING that the expansion of their domestic markets is vital, "
     "BELIEVING that this objective must be achieved,",
     "MERCOSUR AGREEMENT _______________\nThe States,\nCONSIDERING that the expansion of their domestic markets is vital,\n"
     "BELIEVING that this objective must be achieved,"),
    ("one word in capitals is no recital", "The Parties, NOTING the report, shall act together on the matters listed in the Annex to this Agreement without delay.",
     "The Parties, NOTING the report, shall act together on the matters listed in the Annex to this Agreement without delay."),
    ("a first item run into its lead-in set apart when the second has a line of its own",
     "The aim of this Agreement is: (a) to promote trade,\n(b) to provide fair conditions of competition,",
     "The aim of this Agreement is:\n(a) to promote trade,\n(b) to provide fair conditions of competition,"),
    ("a first roman item set apart the same way", "The Agreement shall apply to products: (i) which fall within Chapters 25 to 99,\n(ii) which are specified in Protocol 2.",
     "The Agreement shall apply to products:\n(i) which fall within Chapters 25 to 99,\n(ii) which are specified in Protocol 2."),
    ("a dash before a figure is no entry", "The rate fell: -5% in 2020; -3% in 2021.", "The rate fell: -5% in 2020; -3% in 2021."),
    ("a lettered reference kept in its sentence", "as set out in subparagraph (a) of paragraph 2; and (b) below", "as set out in subparagraph (a) of paragraph 2; and (b) below"),
    # A period written in words then figures, hard-wrapped before the bracket: the figures number no paragraph.
    ("figures after the number in words continue it", "at least six\n(6) months prior", "at least six (6) months prior"),
    ("a paragraph number after another number word stays apart", "paragraphs one to five\n(6) Each Party shall notify.",
     "paragraphs one to five\n(6) Each Party shall notify."),
    # A centred page number between dashes: its first dash is no bullet mark (grammar/page_furniture.py skips the line).
    ("a dashed page number is no bullet", "The Sides agree.\n\n- 12 -\n\nThe Sides meet.", "The Sides agree.\n\n- 12 -\n\nThe Sides meet."),
    ("a dash before a figure and a word is a bullet", "- 5 tonnes of cobalt", "• 5 tonnes of cobalt"),
    # Roman labels without brackets: after "iv. …; and" the next numeral opens the next item.
    ("a roman item after the numeral before it stays apart", "areas:\ni. geology;\nii. mining; and\niii. recycling.",
     "areas:\ni. geology;\nii. mining; and\niii. recycling."),
    ("a roman numeral not following on is glued", "the report of the Committee and\nvi. items", "the report of the Committee and vi. items"),
    # A sentence opening with an annex and its bracketed title reads on, as "Article 5 of the GATT shall …" does.
    ("a sentence opening with a bracketed annex title reads on",
     "Annex 3 (Rules of Origin) of the Agreement shall be replaced by the Annex\nattached to this Protocol.",
     "Annex 3 (Rules of Origin) of the Agreement shall be replaced by the Annex attached to this Protocol."),
    ("an annex heading with its bracketed title stays apart", "Annex 3 (Rules of Origin)\nThe rules below apply.",
     "Annex 3 (Rules of Origin)\nThe rules below apply."),
    # A statement's roman numeral alone on its line numbers a section (grammar/provisions.py), a capital letter its text.
    ("a roman numeral alone stays apart", "II.\nThe two sides agreed to meet.", "II.\nThe two sides agreed to meet."),
    ("a letter alone is glued to its text", "B.\nThe two sides agreed to meet.", "B. The two sides agreed to meet."),
    ("indentation and spaces", "   Each   Party\t shall", "Each Party shall"),
    ("crlf and cr", "One.\r\nTwo.\rThree.", "One.\nTwo.\nThree."),
    ("blank lines collapse to one", "One.\n\n\n\nTwo.", "One.\n\nTwo."),
    ("lone period joins", "in the world\n.", "in the world."),
]


@pytest.mark.parametrize("raw, expected", [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_normalize(raw, expected):
    assert normalize_text(raw) == expected


def test_hard_wrapped_treaty_paragraph_is_one_line():
    raw = "\n".join([
        "  1. The Parties shall promote a dialogue in the areas of environment",
        "  and sustainable development by exchanging information and encouraging",
        "  initiatives on local and global environmental issues, recognising the",
        "  principle of shared but differentiated responsibilities, as set forth",
        "  in the 1992 Rio Declaration on Environment and Development.",
        "",
        "  2. This dialogue shall be aimed, inter alia, at fighting the threat of",
        "  climate change, biodiversity conservation, the protection and",
        "  sustainable management of forests.",
        "  Other text that is long enough to count as wrapped text in this place",
        "  Trade Organization members shall notify.",
    ])
    lines = normalize_text(raw).split("\n")
    assert lines[0].startswith("1. The Parties") and lines[0].endswith("Environment and Development.")
    assert lines[2].startswith("2. This dialogue") and lines[2].endswith("management of forests.")
    assert lines[3].endswith("Trade Organization members shall notify.")


def test_a_full_line_ending_in_a_semicolon_is_continued_by_a_lowercase_line_but_a_list_entry_is_not():
    raw = "\n".join([
        "The Participants will mobilize government and private sector support,",
        "including for capital and operational expenditures via grants, loans,",
        "guarantees, equity, and other instruments as appropriate; the Participants",
        "will also coordinate the financing of projects in both countries and",
        "with other partners, via guarantees, loans, offtakes, or equity stakes;",
        "finalization of offtake arrangements; insurance; or regulatory facilitation.",
        "",
        "The following goods are covered by this paragraph and are listed here:",
        "copper ores;",
        "nickel mattes;",
        "cobalt.",
    ])
    lines = normalize_text(raw).split("\n")
    assert lines[0].endswith("or equity stakes; finalization of offtake arrangements; insurance; or regulatory facilitation.")
    assert lines[-3:] == ["copper ores;", "nickel mattes;", "cobalt."]


def test_normalizing_twice_changes_nothing():
    raw = "\u201cA\u201d \u2022 b\n\u25cf  Cobalt and\nnickel.\n\n1. Each Party shall elimi-\nnate duties."
    once = normalize_text(raw)
    assert normalize_text(once) == once


def test_declared_headings_are_never_glued():
    """An article the corpus cut off mid-sentence ends in a dangling word; the declared heading after it stays apart."""
    raw = "an investment of an investor of Canada or from the\n\nFinal Provisions\nThe Parties shall meet."
    assert normalize_text(raw).split("\n")[0].endswith("or from the Final Provisions")
    assert normalize_text(raw, frozenset({"Final Provisions"})).split("\n") == [
        "an investment of an investor of Canada or from the", "", "Final Provisions", "The Parties shall meet."]


def test_a_line_opening_with_an_article_reference_continues_the_sentence():
    """"… in particular\nArticle XXIV of the GATT 1994": "Article XXIV of" reads on as a phrase, it heads nothing."""
    raw = ("Article 2\nThis Agreement shall be fully compatible with and implemented in a\n"
           "  manner consistent with the relevant WTO provisions, in particular\n"
           "  Article XXIV of the General Agreement on Tariffs and Trade 1994 (GATT\n"
           "  1994) and Article V of the General Agreement on Trade in Services\n  (GATS).\n")
    lines = normalize_text(raw).split("\n")
    assert lines[0] == "Article 2"
    assert "the relevant WTO provisions, in particular Article XXIV of the General Agreement" in lines[1]


def test_an_article_heading_after_a_finished_sentence_stays_a_heading():
    lines = normalize_text("The Parties shall cooperate.\nArticle 3 of the Protocol\nEach Party shall act.\n").split("\n")
    assert "Article 3 of the Protocol" in lines


def test_double_spaced_wrapped_text_is_rejoined_but_keeps_its_entries_and_headings():
    """A conversion that left a blank line after every wrapped line: the blank lines no longer end paragraphs, but a
    line ending in a comma before a capital still ends a recital, and a line in capitals stays a line of its own."""
    lines = [
        "THE GOVERNMENTS OF THE FORUM,",
        "Having regard to the application for membership made by the Parties,",
        "Conscious of the importance of removing barriers to trade over a wide area,",
        "The objectives of this Agreement are to achieve progressively in favour of Forum",
        "Island countries duty free and unrestricted access to the markets of Australia",
        "and New Zealand over as wide a range of products as possible within the period",
        "agreed by the Parties, the development of research,",
        "and the training of personnel in the fields of trade.",
        "ARTICLE II",
    ]
    text = normalize_text("\n\n\n".join(lines))
    assert [line for line in text.split("\n") if line] == [
        "THE GOVERNMENTS OF THE FORUM,",
        "Having regard to the application for membership made by the Parties,",
        "Conscious of the importance of removing barriers to trade over a wide area,",
        " ".join(lines[3:8]),
        "ARTICLE II",
    ]


def test_a_title_in_capitals_wrapped_over_two_lines_is_not_continued_by_the_preamble_below_it():
    """Double-spaced text (one-line entries set apart by blank lines): the title's two lines join, but the paragraph after the
    blank line is the preamble's, not the title's, as after a title of one line."""
    title = ["MEMORANDUM OF COOPERATION BETWEEN THE MINISTRY OF ECONOMY, TRADE AND INDUSTRY OF JAPAN AND THE",
             "MINISTRY OF ENERGY OF THE REPUBLIC OF CHILE IN THE FIELD OF MINERAL RESOURCES"]
    preamble = ["The Ministry of Economy, Trade and Industry of Japan and the Ministry of Energy of the Republic",
                "of Chile (hereinafter referred to as the \"Sides\");"]
    entries = ["Have reached the following understanding:", "Section 1 Areas of Cooperation",
               "The Sides will cooperate in the following areas:", "(a) exchange of information on mineral resources policies;",
               "(b) promotion of investment in exploration and mining projects; and", "(c) capacity building in mining technology."]
    text = normalize_text("\n\n".join(["\n".join(title), "\n".join(preamble), *entries]))
    assert [line for line in text.split("\n") if line][:2] == [" ".join(title), " ".join(preamble)]


def test_blank_lines_between_paragraphs_still_end_them():
    """Ordinary hard-wrapped text, paragraphs set apart by blank lines, is not double-spaced."""
    paragraph = ["The Parties shall cooperate in the field of customs procedures and shall", "exchange information on"
                 " the measures they adopt to that end without delay", "and in good faith"]
    text = normalize_text("\n\n".join(["\n".join(paragraph)] * 4))
    assert text.split("\n\n") == [" ".join(paragraph)] * 4


def test_lowercase_recitals_of_a_preamble_are_lines_of_their_own():
    """A memorandum may open its recitals in lower case ("striving for …,", "acknowledging …,"): before the first
    heading each is a paragraph of its own; after it, such a line goes on the sentence before it."""
    from grammar.normalize import normalize_text
    text = normalize_text("The Ministries of A and B,\nstriving for closer cooperation in energy efficiency,\n"
                          "acknowledging the role of energy saving,\nhave come to the following understanding:\n\n"
                          "Article 1\nThe origin of goods shall be determined,\ntaking into account transport costs.\n")
    lines = text.split("\n")
    assert "striving for closer cooperation in energy efficiency," in lines
    assert any(line.startswith("acknowledging the role of energy saving,") for line in lines)
    assert "The origin of goods shall be determined, taking into account transport costs." in lines



def test_a_preamble_heading_opens_the_preamble_whose_lowercase_recitals_stay_apart():
    """A treaty read from XML starts with its "Preamble" heading: the recitals below it, each after a blank line and in
    lower case ("guided by …,", "intending to …,", "have agreed as follows:"), are paragraphs of their own (ToTA pta_431)."""
    from grammar.normalize import normalize_text
    text = normalize_text("Preamble\n\nThe Government of A and the Government of B,\n\nguided by the Treaty of\n"
                          "friendship between them,\n\nintending to promote a common market,\n\nhave agreed as follows:\n")
    lines = [line for line in text.split("\n") if line]
    assert lines[2:] == ["guided by the Treaty of friendship between them,", "intending to promote a common market,",
                         "have agreed as follows:"]



def test_a_bullet_with_another_mark_inside_a_list_is_marked_nested_until_a_paragraph_ends_the_list():
    from grammar.normalize import normalize_text
    text = normalize_text("• To adopt labour laws. These rights are:\n\no Freedom of association;\n\no Collective bargaining.\n\n"
                          "• Not to waive labour laws.\n\nA paragraph.\n\no A new list;\n\n- its nested entry.")
    assert [line[:2] for line in text.split("\n") if line] == ["• ", "◦ ", "◦ ", "• ", "A ", "• ", "◦ "]
    assert normalize_text(text) == text


WRAPPED = ["The Parties shall cooperate in the field of customs procedures and shall",
           "exchange information on the measures they adopt to that end without delay",
           "and in good faith, and each Party shall notify the other Party of any change"] * 3

PAGE_FURNITURE_LINES = [
    # (id, the lines set into a hard-wrapped paragraph, the normalized paragraph's lines)
    # An unambiguous page number never continues the line above nor is continued by the line below.
    ("a dashed page number", ["without delay and in", "- 5 -", "good faith."], ["without delay and in", "- 5 -", "good faith."]),
    ("a page x of y number", ["without delay and in", "Page 3 of 28", "good faith."],
     ["without delay and in", "Page 3 of 28", "good faith."]),
    ("a page number with a bar", ["without delay and in", "3 | Page", "good faith."], ["without delay and in", "3 | Page", "good faith."]),
    # A rule across the page sets the running header below it apart ("____" / "AfCFTA Protocol on Investment …").
    ("a rule above a running header", ["without delay.", "Page 3 of 28", "_" * 70, "AfCFTA Protocol on Investment Adopted February 2023"],
     ["without delay.", "Page 3 of 28", "_" * 70, "AfCFTA Protocol on Investment Adopted February 2023"]),
    # Counter-examples: a bare number wrapped inside a sentence, and "5 of Article 3", stay in the sentence.
    ("a bare number inside a sentence", ["as referred to in paragraph", "5", "of Article 3 without delay."],
     ["as referred to in paragraph 5 of Article 3 without delay."]),
    ("a number opening a wrapped line", ["as referred to in paragraph", "5 of Article 3 without delay."],
     ["as referred to in paragraph 5 of Article 3 without delay."]),
    ("the word page in a sentence", ["as set out on", "page 3 of the Annex."], ["as set out on page 3 of the Annex."]),
]


@pytest.mark.parametrize("inserted, expected", [row[1:] for row in PAGE_FURNITURE_LINES], ids=[row[0] for row in PAGE_FURNITURE_LINES])
def test_page_furniture_is_a_line_of_its_own_and_a_number_in_a_sentence_is_not(inserted, expected):
    lines = normalize_text("\n".join(["Article 1", *WRAPPED[:4], *inserted, *WRAPPED[4:]])).split("\n")
    first, last = " ".join(WRAPPED[:4]), " ".join(WRAPPED[4:])
    assert lines[0] == "Article 1"
    glued = [lines[1].removeprefix(first).strip(), *lines[2:-1], lines[-1].removesuffix(last).strip()]
    assert [line for line in glued if line] == expected


def test_a_running_header_beside_bare_page_numbers_is_a_line_of_its_own():
    """A header repeated verbatim beside the page number on two pages or more ("1" / "" / "Bilateral Investment Treaty
    India - Kazakhstan") is a line of its own, and so are the page numbers, the last one too; the wrapped sentence on
    either side of them is not glued to them. (On the first page, with no page number beside it, the header is the
    title's business: grammar/metadata.py.)"""
    header = "Bilateral Investment Treaty India - Kazakhstan"
    text = normalize_text("\n".join(f"{header}\n" + "\n".join(WRAPPED) + "\nNo Party shall subject investments of the other\n"
                                    f"{number}\n" for number in (1, 2, 3)) + "Party to measures.")
    lines = text.split("\n")
    assert [line for line in lines if line in ("1", "2", "3")] == ["1", "2", "3"]
    assert lines.count(header) == 2
    assert all(not line.endswith((" 1", " 2", " 3")) and not line.startswith(header + " ") for line in lines[1:])


def test_a_line_repeated_away_from_page_numbers_is_still_wrapped_text():
    """Counter-example: the same wrapped line twice, with no page number beside it, goes on its paragraph."""
    text = normalize_text("\n\n".join(["\n".join(WRAPPED)] * 2))
    assert text.split("\n\n") == [" ".join(WRAPPED)] * 2
