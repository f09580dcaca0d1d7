"""The provision grammar: article forms, numbering, items, bullets, headings and refs, as tables."""
from __future__ import annotations

import pytest

from grammar import parse_source
from grammar.load import load_source
from grammar.models import Source
from grammar.provisions import _title_case_heading, parse_provisions
from grammar.refs import name_provisions


def parse(text: str):
    return parse_source(Source(path="table.txt", format="text", raw=text))


def outline(text: str) -> list[tuple[str, str]]:
    return [(p.ref, p.kind) for p in parse(text).provisions]


ARTICLE_FORMS = [
    # (id, heading line, expected ref, expected heading)
    ("article arabic", "Article 5\nCooperation", "Art. 5", "Cooperation"),
    ("article roman upper", "ARTICLE V\nFinal Provisions", "Art. V", "Final Provisions"),
    ("abbreviated", "Art. 5: Cooperation", "Art. 5", "Cooperation"),
    ("dotted with colon", "Article 2.4: Export Duties", "Art. 2.4", "Export Duties"),
    ("dotted with space", "Article 2.4 Export Duties", "Art. 2.4", "Export Duties"),
    ("dash separator", "Article 7 - Transparency", "Art. 7", "Transparency"),
    ("heading on the line above", "Export Duties\nArticle 2.4", "Art. 2.4", "Export Duties"),
    ("hyphenated number", "ARTICLE 1-4: Investment", "Art. 1-4", "Investment"),
    ("chapter-letter number", "Article C-12: Export Taxes", "Art. C-12", "Export Taxes"),
    ("four-digit number", "Article 1101: Scope and Coverage", "Art. 1101", "Scope and Coverage"),
    ("bis article", "Article 5 bis: Review", "Art. 5 bis", "Review"),
    ("inserted article, letter in parentheses", "ARTICLE 140 (A): Budget", "Art. 140A", "Budget"),
    ("colon after the keyword", "Article: 8.4: Valuation of Contracts", "Art. 8.4", "Valuation of Contracts"),
    ("number in words", "Article ONE: The Customs Union", "Art. ONE", "The Customs Union"),
    ("heading in parentheses", "Article 1 (Definitions)", "Art. 1", "Definitions"),
    # India's treaties with Bhutan and Nepal: a dash between the keyword and the number.
    ("dash before the number", "ARTICLE - V\nTransit", "Art. V", "Transit"),
    ("en dash before the number", "Article – 12: Duration", "Art. 12", "Duration"),
    # Scanned treaties: the keyword misread by character recognition.
    ("ocr digit one", "Artic1e 8: Consultations", "Art. 8", "Consultations"),
    ("ocr t for l", "ARTICTE 8: Consultations", "Art. 8", "Consultations"),
    ("ocr l for i", "Artlcle 8 Consultations", "Art. 8", "Consultations"),
    ("ocr d for cl", "Artide 8: Consultations", "Art. 8", "Consultations"),
]


@pytest.mark.parametrize("head, ref, heading", [c[1:] for c in ARTICLE_FORMS], ids=[c[0] for c in ARTICLE_FORMS])
def test_article_forms(head, ref, heading):
    document = parse(f"{head}\n1. Neither Party shall adopt any duty on exports.\n2. Each Party may cooperate.\n"
                     f"Article 99: Other\nThe Parties shall meet.")
    first = document.provisions[0]
    assert (first.ref, first.kind, first.heading) == (ref, "article", heading)
    assert [p.ref for p in document.children(ref)] == [f"{ref}(1)", f"{ref}(2)"]
    assert document.provisions[1].heading == heading  # children carry the nearest article heading


PARAGRAPH_FORMS = [
    ("period", "1. The Parties shall cooperate.\n2. Each Party shall notify.", ["Art. 1(1)", "Art. 1(2)"]),
    ("parenthesis", "1) The Parties shall cooperate.\n2) Each Party shall notify.", ["Art. 1(1)", "Art. 1(2)"]),
    ("enclosed", "(1) The Parties shall cooperate.\n(2) Each Party shall notify.", ["Art. 1(1)", "Art. 1(2)"]),
]


@pytest.mark.parametrize("body, refs", [c[1:] for c in PARAGRAPH_FORMS], ids=[c[0] for c in PARAGRAPH_FORMS])
def test_numbered_paragraph_forms(body, refs):
    assert [ref for ref, kind in outline(f"Article 1: Scope\n{body}\nArticle 2: End\nText.") if kind == "paragraph"] == refs


def test_labels_alone_on_their_lines_head_the_text_below_them():
    """PDF conversions print a paragraph number and its first item's letter on lines of their own ("5." / "(a)" / "The
    competent authority …"); a stray number before a one-word heading ("3." / "Conclusion") joins nothing."""
    text = ("Article 3: Verification\n4. The importing Party may assist in a verification.\n\n5.\n\n(a)\n\n"
            "The competent authority shall provide a written request.\n\n(b)\n\nThe exporting Party shall respond "
            "within ten days.\n\n6.\n\nThe Parties shall cooperate in verifications.\n\n3.\n\nConclusion\n"
            "IN WITNESS WHEREOF the undersigned have signed this Agreement.\n")
    refs = outline(text)
    assert [ref for ref, kind in refs if kind in ("paragraph", "item")][:5] == [
        "Art. 3(4)", "Art. 3(5)", "Art. 3(5)(a)", "Art. 3(5)(b)", "Art. 3(6)"]
    assert ("Conclusion", "article") in refs
    items = {p.ref: p.text for p in parse(text).provisions}
    assert items["Art. 3(5)(a)"] == "(a) The competent authority shall provide a written request."


def test_items_lettered_with_a_full_stop_hang_from_their_lead_in():
    """Memoranda letter their items "a." / "b.": items of the paragraph above, reading under its lead-in; "e.g." is no item."""
    text = ("MEMORANDUM OF COOPERATION\n\nThe Participants will seek to achieve the following objectives:\n"
            "a. Share information on critical minerals policies.\nb. Closely cooperate on environmental standards.\n\n"
            "The Participants note e.g. the role of stockpiles.\n")
    document = parse(text)
    items = [(p.ref, p.kind, p.modality) for p in document.provisions if p.kind == "item"]
    assert items == [("¶1(a)", "item", "best_effort"), ("¶1(b)", "item", "best_effort")]


def test_paragraph_lines_are_the_units_of_a_memorandum_without_articles():
    """Japanese ministries' memoranda head their units "Paragraph 1", "Paragraph 2": each holds the text below it."""
    text = ("Memorandum of Cooperation\n\nThe Participants have reached the following recognition:\n\nParagraph 1\n\n"
            "The Participants will cooperate on critical minerals.\n\nParagraph 2\n\nThe Participants will seek to achieve "
            "the following objectives:\n\na. Share information on policies.\n\nb. Explore joint projects.\n")
    refs = outline(text)
    assert ("Paragraph 1", "article") in refs and ("Paragraph 2", "article") in refs
    assert ("Paragraph 2(a)", "item") in refs
    assert parse(text).provisions[0].modality == "commitment"  # "have reached the following recognition"


def test_the_title_line_under_a_unit_line_is_its_heading():
    """"Paragraph 1" / "Objective" / text: the short line heads the unit, as it would under a bare "Article 1"."""
    text = ("Paragraph 1\n\nObjective\n\nThe Participants will cooperate on critical minerals.\n\nParagraph 2\n\n"
            "Final Provisions\n\n1. This Memorandum will come into effect on signature.\n")
    provisions = parse(text).provisions
    by_ref = {p.ref: p for p in provisions}
    assert by_ref["Paragraph 1"].heading == "Objective"
    assert by_ref["Paragraph 2"].heading == "Final Provisions"
    assert by_ref["Paragraph 2(1)"].heading == "Final Provisions"
    assert not any(p.text in ("Objective", "Final Provisions") for p in provisions)  # no paragraph of its own


def test_prose_under_a_section_heading_is_numbered_within_the_section():
    text = ("Section 1: Purpose\n\nThe purpose of this Framework is to secure supply chains.\n\n"
            "Section 2: Reserves\n\nThe Participants intend to cooperate on reserves.\n\nThey will meet in May.\n")
    refs = dict(outline(text))
    assert refs["Sec. 1 ¶1"] == "paragraph" and refs["Sec. 2 ¶1"] == "paragraph" and refs["Sec. 2 ¶2"] == "paragraph"
    assert "Sec. 2 ¶2.1" in refs


def test_items_subitems_and_letter_i_after_h():
    text = "\n".join([
        "Article 7: Definitions",
        "1. For the purposes of this Article:",
        "(a) goods means goods;",
        "(b) measures include:",
        "(i) laws;",
        "(ii) regulations; and",
        "(iv) practices;",
        "(h) person means a person;",
        "(i) territory means territory.",
        "2. Each Party shall notify the other Party.",
        "Article 8: End",
        "The Parties shall meet.",
    ])
    refs = dict(outline(text))
    for ref in ["Art. 7(1)(a)", "Art. 7(1)(b)", "Art. 7(1)(b)(i)", "Art. 7(1)(b)(ii)", "Art. 7(1)(b)(iv)",
                "Art. 7(1)(h)", "Art. 7(1)(i)", "Art. 7(2)"]:
        assert ref in refs, ref
    assert refs["Art. 7(1)(b)(ii)"] == "item"



def test_capital_items_below_a_roman_item_are_its_items():
    # The United States' and Korea's agreements letter a third level "(A)", "(B)" below "(i)".
    text = "\n".join([
        "Article 2.4: Export Duties",
        "1. Neither Party may adopt any duty on the export of any good, unless the duty is adopted on:",
        "(a) any such good when destined for domestic consumption; or",
        "(b) goods exported under the following conditions:",
        "(i) the good is listed in Annex 2-A, provided that:",
        "(A) the duty does not exceed the rate in the Schedule; and",
        "(B) the Party notifies the other Party; or",
        "(ii) the good is a remanufactured good.",
        "2. Each Party shall publish its export duties.",
    ])
    refs = dict(outline(text))
    for ref in ["Art. 2.4(1)(b)(i)", "Art. 2.4(1)(b)(i)(A)", "Art. 2.4(1)(b)(i)(B)", "Art. 2.4(1)(b)(ii)", "Art. 2.4(2)"]:
        assert refs.get(ref) == "item" if "(b)" in ref else refs.get(ref) == "paragraph", ref


def test_capital_labels_outside_a_roman_list_stay_paragraphs():
    # "(A)" right under a numbered paragraph, or "(C)" that does not follow "(B)", opens no third level.
    text = "\n".join([
        "Article 3",
        "1. The following shall apply:",
        "(A) Goods of Chapter 1.",
        "(b) measures include:",
        "(i) laws;",
        "(C) a stray line.",
    ])
    refs = outline(text)
    assert ("Art. 3(1)(b)(i)", "item") in refs
    assert not any(ref.endswith(("(A)", "(C)")) for ref, _ in refs)
def test_chapter_part_section_nesting():
    text = "\n".join([
        "PART I: General", "CHAPTER ONE: Initial Provisions", "Article 1.1: Objectives", "The Parties shall cooperate.",
        "Section A: Goods", "Article 1.2: Scope", "This Chapter applies to goods.",
        "CHAPTER TWO: Trade", "Article 2.1: Tariffs", "Each Party shall eliminate tariffs.",
    ])
    document = parse(text)
    parents = {p.ref: p.parent for p in document.provisions}
    kinds = {p.ref: p.kind for p in document.provisions}
    assert kinds["Part I"] == "part" and kinds["Ch. 1"] == "chapter" and kinds["Sec. A"] == "section"
    assert parents["Ch. 1"] == "Part I" and parents["Art. 1.1"] == "Ch. 1"
    assert parents["Sec. A"] == "Ch. 1" and parents["Art. 1.2"] == "Sec. A"
    assert parents["Ch. 2"] == "Part I" and parents["Art. 2.1"] == "Ch. 2"


def test_annexes_are_divisions_level_with_chapters_that_hold_their_own_numbering():
    text = "\n".join([
        "CHAPTER 2: Trade in Goods", "Article 2.1: Export Duties", "1. No Party shall adopt any duty on exports.",
        "2. Paragraph 1 shall not apply to the goods listed in Annex 2-A.",
        "ANNEX 2-A", "EXCEPTIONS TO EXPORT DUTIES", "1. Party A may maintain export duties on the following goods:",
        "(a) copper ores;", "(b) nickel.", "Annex 2-B: Contact Points", "The contact points are the ministries of trade.",
        "CHAPTER 3: Customs", "Article 3.1: Cooperation", "The Parties shall cooperate.",
        "Annex 11-A sets forth an understanding of the Parties related to this Article.",
        "Appendix I", "Rules of origin apply.", "Schedule 2: Tariff Commitments", "Tariffs are set out below.",
    ])
    document = parse(text)
    parents = {p.ref: p.parent for p in document.provisions}
    kinds = {p.ref: p.kind for p in document.provisions}
    headings = {p.ref: p.heading for p in document.provisions}
    assert kinds["Annex 2-A"] == "part" and headings["Annex 2-A"] == "EXCEPTIONS TO EXPORT DUTIES"
    assert parents["Annex 2-A"] is None and parents["Ch. 3"] is None  # level with the chapters: it closes Ch. 2, Ch. 3 closes it
    assert parents["Annex 2-A Para. 1"] == "Annex 2-A" and parents["Annex 2-A Para. 1(b)"] == "Annex 2-A Para. 1"
    assert headings["Annex 2-B"] == "Contact Points" and parents["Annex 2-B ¶1"] == "Annex 2-B"
    # A sentence about an annex is the article's text, not an annex.
    assert "Annex 11-A" not in kinds and parents["Art. 3.1 ¶2"] == "Art. 3.1"
    assert kinds["Appendix I"] == kinds["Schedule 2"] == "part"


def test_titles_numbered_in_roman_numerals_or_letters_head_sections_of_a_memorandum():
    document = parse("\n\n".join([
        "Have reached the following understanding:", "I. OBJECTIVE",
        "1. The objective of this Memorandum is to strengthen cooperation on critical minerals.",
        "II. Areas of Cooperation", "2. The Participants intend to cooperate in the following areas:",
        "a) exchange of geological data;", "b) recovery of minerals from end-of-life batteries.",
        "III. FINAL PROVISIONS", "3. This Memorandum will come into effect on the date of its signature.",
    ]))
    kinds = {p.ref: (p.kind, p.heading) for p in document.provisions}
    assert [ref for ref, (kind, _) in kinds.items() if kind == "section"] == ["Sec. I", "Sec. II", "Sec. III"]
    assert kinds["Sec. II"] == ("section", "Areas of Cooperation")
    assert {p.ref: p.parent for p in document.provisions}["Sec. II Para. 2(b)"] == "Sec. II Para. 2"
    # One such line, or lines out of order, head nothing: "A. Smith" opening a sentence is no section either.
    lone = parse("The Parties met in Lima.\n\nI. OBJECTIVE\n\nThe Parties shall cooperate.\n\nA. Smith chaired the meeting.")
    assert not [p for p in lone.provisions if p.kind == "section"]
    letters = parse("A. TRADE IN GOODS\n\nThe Parties shall cut tariffs.\n\nB. INVESTMENT\n\nThe Parties shall screen investments.")
    assert [p.ref for p in letters.provisions if p.kind == "section"] == ["Sec. A", "Sec. B"]


def test_an_unnumbered_annex_is_a_division_and_a_sentence_about_one_is_not():
    document = parse("\n\n".join([
        "Article 1", "The Participants will cooperate.", "ANNEX", "CONTACT POINTS", "1. For Peru: the Ministry of Energy and Mines.",
        "Annex to the Memorandum: the Participants shall meet yearly.", "ANNEX TO THE MEMORANDUM OF UNDERSTANDING",
        "2. The Participants will meet yearly.", "ANNEX A: Minerals", "3. Lithium and cobalt.",
    ]))
    parts = {p.ref: p.heading for p in document.provisions if p.kind == "part"}
    assert parts == {"Annex": "CONTACT POINTS", "Annex #2": "TO THE MEMORANDUM OF UNDERSTANDING", "Annex A": "Minerals"}
    parents = {p.ref: p.parent for p in document.provisions}
    assert parents["Annex Para. 1"] == "Annex" and parents["Annex #2 Para. 2"] == "Annex #2"


def test_a_hard_wrapped_line_opening_with_scheduled_is_no_schedule_heading():
    text = "Article 1: Scope\n(e) air transport services, whether\n    scheduled or non-scheduled, other than:\n(i) repair services."
    item = next(p for p in parse(text).provisions if p.ref == "Art. 1(e)")
    assert item.text.startswith("(e) air transport services, whether scheduled or non-scheduled, other than:")


def test_section_sign_articles_are_cited_by_the_sign():
    document = parse("§ 1 Objectives\nThe Parties shall promote trade.\n§ 2 Export duties\n(1) Neither Party shall adopt "
                     "any duty on exports.\n(2) Paragraph 1 shall not apply to gold.")
    assert [(p.ref, p.kind, p.heading) for p in document.provisions if p.parent is None] == [
        ("§ 1", "article", "Objectives"), ("§ 2", "article", "Export duties")]
    assert [p.ref for p in document.children("§ 2")] == ["§ 2(1)", "§ 2(2)"]


def test_article_numbers_restarting_per_chapter_are_qualified():
    text = "Chapter 1: A\nArticle 1: Scope\nText one.\nChapter 2: B\nArticle 1: Scope\nText two."
    assert [ref for ref, kind in outline(text) if kind == "article"] == ["Ch. 1 Art. 1", "Ch. 2 Art. 1"]


REFERENCES_IN_TEXT = [
    ("lowercase continuation", "Article 5 of the GATT 1994 applies."),
    ("lower number than current", "Article 1 The Parties shall apply it."),
    ("section of a statute", "Section 232 tariffs shall be reviewed by the Parties."),
]


@pytest.mark.parametrize("line", [c[1] for c in REFERENCES_IN_TEXT], ids=[c[0] for c in REFERENCES_IN_TEXT])
def test_article_references_in_running_text_are_not_headings(line):
    document = parse(f"Article 3: Scope\n1. The Parties shall cooperate.\n{line}\nArticle 4: End\nThe Parties shall meet.")
    assert [p.ref for p in document.provisions if p.kind == "article"] == ["Art. 3", "Art. 4"]


def test_prose_paragraphs_split_into_sentences_and_bullets_hang_from_their_paragraph():
    text = ("Japan and Peru agreed on Sept. 21 to cooperate. The U.S. welcomed the move.\n\n"
            "The agreement covers:\n\n\u2022 Lithium;\n\u2022 Cobalt; and\n\u2022 Nickel.\n\nIt entered into force.")
    assert outline(text) == [
        ("¶1", "paragraph"), ("¶1.1", "sentence"), ("¶1.2", "sentence"),
        ("¶2", "paragraph"), ("¶2.1", "sentence"), ("¶2 • 1", "bullet"), ("¶2 • 2", "bullet"), ("¶2 • 3", "bullet"),
        ("¶3", "paragraph"), ("¶3.1", "sentence"),
    ]


def test_unplaceable_lines_become_paragraphs():
    text = "(zz) ??\n))) ((( \n1.\n•\nArticle\n:::"
    document = parse(text)
    assert document.provisions
    assert all(p.kind in ("paragraph", "sentence", "item", "bullet") for p in document.provisions)


def test_refs_are_unique():
    text = "Article 1: A\n1. One.\n1. One again.\n(a) x\n(a) y\nArticle 1: A\nText."
    refs = [p.ref for p in parse(text).provisions]
    assert len(refs) == len(set(refs))


def test_lettered_items_after_a_bullet_lead_in_take_its_modality_and_the_next_bullet_does_not():
    text = "\n".join([
        "Article 2",
        "Shortage Situation",
        "- In the event of a critical shortage, the oil exporting members commit to supply that amount of crude oil less:",
        "(a) the amount contractually committed to traditional buyers",
        "(b) domestic consumption;",
        "(c) exports by refiners serving mainly international markets.",
        "- If the above quantity is less than 80 percent of normal requirements, the members may convene.",
    ])
    readings = {p.ref: p.modality for p in parse(text).provisions}
    assert readings["Art. 2(b)"] == readings["Art. 2(c)"] == "commitment"
    assert readings["Art. 2 • 2"] == "best_effort"


def test_items_after_an_unnumbered_lead_in_paragraph_take_its_modality():
    """The lead-in is the items' sibling here (the article's first paragraph), not their parent."""
    document = parse("\n".join([
        "Article 34: Co-operation in Agriculture",
        "The Parties shall co-operate in the following fields:",
        "(a) exchange of scientific and technical information;",
        "(b) reciprocal exchange of experts.",
        "Article 35: Review",
        "The Joint Committee may review this Article.",
        "(a) any matter raised by a Party.",
    ]))
    readings = {p.ref: (p.kind, p.modality, p.actor) for p in document.provisions}
    assert readings["Art. 34(a)"] == ("item", "binding", "The Parties")
    assert readings["Art. 34(b)"] == ("item", "binding", "The Parties")
    # A paragraph that does not end in a lead-in gives its siblings nothing.
    assert readings["Art. 35(a)"][1] == "none"


def test_instructions_commit_where_no_lead_in_reads_them_and_keep_their_lead_in_where_one_does():
    document = parse("\n".join([
        "Article 1: Joint Action Plan",
        "1. Expand exchanges between personnel at all levels.",
        "2. The Parties shall:",
        "(a) establish a joint committee;",
        "(b) promote trade in critical minerals.",
    ]))
    readings = {p.ref: (p.modality, p.modality_cue) for p in document.provisions}
    assert readings["Art. 1(1)"] == ("commitment", "Expand")
    assert readings["Art. 1(2)(a)"] == ("binding", "shall")
    assert readings["Art. 1(2)(b)"] == ("binding", "shall")


def kind_and_modality(*lines: str) -> dict[str, tuple[str, str]]:
    """Each provision's kind and modality, by ref, in the document of ``lines``."""
    return {p.ref: (p.kind, p.modality) for p in parse("\n".join(lines)).provisions}


SUBHEADED_LISTS = [
    # (id, the list's lead-in, two sub-headings, then a paragraph that is none)
    ("colon sub-headings", "The two governments welcomed closer cooperation across the following areas:",
     "Batteries and Storage:", "Quantum Science:", "The ministers will meet again next year."),
    ("numbered titles", "The ministers welcomed a joint statement, recognising the following areas of work:",
     "1. Support to Ukraine", "2. Secure supply chains", "3. The ministers will meet again next year."),
]


@pytest.mark.parametrize("lead_in, first, second, closing", [c[1:] for c in SUBHEADED_LISTS], ids=[c[0] for c in SUBHEADED_LISTS])
def test_bullets_under_sub_headings_of_a_list_read_under_the_list_lead_in(lead_in, first, second, closing):
    document = parse("\n\n".join([
        lead_in, first, "- Expand joint research on solid-state batteries.", second,
        "- Launch a researcher exchange programme.", closing, "- Expand exchanges between personnel.",
    ]))
    readings = {p.text.lstrip("-• "): p.modality for p in document.provisions if p.kind == "bullet"}
    assert readings["Expand joint research on solid-state batteries."] == "aspirational"
    assert readings["Launch a researcher exchange programme."] == "aspirational"
    # A paragraph that is no sub-heading (a sentence, numbered or not) closes the list: the bullet after it is an
    # instruction of its own.
    assert readings["Expand exchanges between personnel."] == "commitment"


def test_a_nested_list_hangs_from_its_bullet_and_reads_under_that_bullet_not_the_heading():
    document = parse("\n\n".join([
        "Strong Labor Commitments under the Agreement",
        "The two governments published the following fact sheet on the agreement's labour chapter.",
        "• To adopt and maintain in domestic law the fundamental labor rights. These rights are:",
        "o Freedom of association;", "o Elimination of all forms of forced labor.",
        "• Not to waive or otherwise fail to apply labor laws in a manner affecting trade.",
        "• To effectively enforce labor laws.",
    ]))
    readings = {p.ref: (p.parent, p.modality) for p in document.provisions if p.kind == "bullet"}
    nested = [ref for ref, (parent, _) in readings.items() if parent is not None and parent.endswith("• 1")]
    assert len(nested) == 2 and all(readings[ref][1] == "none" for ref in nested)  # "These rights are:" names rights
    # A heading that names commitments is the lead-in of the list under it.
    assert [modality for ref, (_, modality) in readings.items() if ref not in nested][1:] == ["commitment", "commitment"]


def test_a_bullet_of_several_sentences_is_split_into_them_as_a_paragraph_is():
    readings = kind_and_modality(
        "Joint statement on energy security",
        "",
        "- The Commission will coordinate gas storage with the Member States. The EU is preparing a new regulation.",
        "- The two sides will meet annually.",
    )
    first, second = [ref for ref, (kind, _) in readings.items() if kind == "bullet"]
    assert readings[f"{first}.1"] == ("sentence", "commitment")
    assert readings[f"{first}.2"] == ("sentence", "none")
    assert readings[first] == ("bullet", "commitment")  # a provision split into sentences reads as its strongest
    assert f"{second}.1" not in readings  # one sentence: no split


def test_an_item_whose_only_verb_is_in_a_that_or_relative_clause_reads_under_its_lead_in():
    readings = kind_and_modality(
        "Article 16.10: Pharmaceutical Products",
        "3. Each Party shall provide:",
        "(a) a transparent system to provide notice to a patent holder that another person is seeking to market the product;",
        "(b) procedures for the review of measures which the Party may adopt;",
        "(c) a Party that adopts a measure may notify it;",
        "(d) when a Party identifies a problem, that Party may seek clarification; and",
        "(e) Each notice that is published may be corrected.",
    )
    assert readings["Art. 16.10(3)(a)"] == readings["Art. 16.10(3)(b)"] == ("item", "binding")
    # A named actor's own relative clause, a condition before the item's main clause, or a whole sentence: its own verb.
    assert readings["Art. 16.10(3)(c)"] == readings["Art. 16.10(3)(d)"] == readings["Art. 16.10(3)(e)"] == ("item", "best_effort")


def test_a_lead_in_ending_in_the_following_areas_and_a_full_stop_leads_its_items():
    readings = kind_and_modality(
        "Article 2",
        "The Parties may cooperate in the following areas.",
        "a) trade and investment",
        "b) energy",
    )
    assert readings["Art. 2(a)"] == readings["Art. 2(b)"] == ("item", "best_effort")


def test_an_item_reads_its_own_verb_in_a_that_clause_under_a_lead_in_without_a_verb():
    readings = kind_and_modality(
        "Article 2: Definitions",
        "For the purposes of this Agreement:",
        "(a) goods that are originating may be imported free of duty;",
    )
    assert readings["Art. 2(a)"] == ("item", "best_effort")


def test_items_of_a_verbless_item_take_the_modality_it_took_from_its_own_lead_in():
    readings = kind_and_modality(
        "Article 17.4: Commercial Considerations",
        "1. Each Party shall ensure that each of its state-owned enterprises, when engaging in commercial activities:",
        "(a) acts in accordance with commercial considerations;",
        "(b) in its purchase of a good or service:",
        "(i) accords to a good supplied by an enterprise of another Party treatment no less favourable; and",
        "(ii) accords to a good supplied by a covered investment treatment no less favourable; and",
        "(c) in its sale of a good accords to an enterprise of another Party treatment no less favourable.",
    )
    assert readings["Art. 17.4(1)(b)"] == ("item", "binding")
    assert readings["Art. 17.4(1)(b)(i)"] == ("item", "binding")
    assert readings["Art. 17.4(1)(b)(ii)"] == ("item", "binding")


def test_items_in_the_middle_of_their_sentence_take_the_verb_after_the_list():
    readings = kind_and_modality(
        "Article 21: Re-export and serious shortage",
        "1. Where compliance with the provisions of Articles 7 and 8 leads to:",
        "(a) re-export towards a third country against which the exporting Party maintains export duties; or",
        "(b) a serious shortage, or threat thereof, of a product essential to the exporting Party;",
        "and where the situations referred to above give rise to major difficulties for the exporting Party, that Party may"
        " take appropriate measures in accordance with Article 23. The measures shall be non-discriminatory.",
        "Article 22: Shortage of supplies",
        "1. Where the situations referred to in paragraph 1 arise:",
        "(a) a serious shortage of a product;",
        "as the case may be for each product concerned.",
    )
    assert readings["Art. 21(1)(a)"] == ("item", "best_effort")
    assert readings["Art. 21(1)(b)"] == ("item", "best_effort")
    # Words after the list with no verb of a kind leave the items as their lead-in has them.
    assert readings["Art. 22(1)(a)"] == ("item", "none")


def test_the_words_after_a_list_run_on_into_its_last_item_still_give_the_items_their_verb():
    readings = kind_and_modality(
        "Article 29: Re-export and serious shortage",
        "Where compliance with the provisions of Articles 7 and 9 leads to:",
        "(a) re-export towards a third country against which the exporting Party maintains export duties; or",
        "(b) a serious shortage, or threat thereof, of a product essential to the exporting Party; and where the situations"
        " referred to above give rise to major difficulties for the exporting Party, that Party may take appropriate measures.",
    )
    assert readings["Art. 29(a)"] == ("item", "best_effort")
    assert readings["Art. 29(b)"] == ("item", "best_effort")


def test_entries_under_a_lead_in_paragraph_take_its_modality_and_the_next_numbered_paragraph_does_not():
    readings = kind_and_modality(
        "Article 19: Procedure of Dispute Settlement",
        "1. Any disputes between the Contracting Parties shall be settled by:",
        "-the interested Contracting Parties conducting consultations;",
        "-in the Economic Court of the CIS.",
        "2. Transition to the subsequent procedure is possible by mutual consent of the Contracting Parties.",
    )
    assert readings["Art. 19(1) ¶1"] == readings["Art. 19(1) ¶2"] == ("paragraph", "binding")
    assert readings["Art. 19(2)"] == ("paragraph", "none")


def test_numbered_entries_restarting_under_a_numbered_lead_in_take_its_modality():
    readings = kind_and_modality(
        "Article 17: Areas of Cooperation",
        "1. The two sides will promote cooperation in the following areas:",
        "1. trade and investment promotion;",
        "2. customs clearance facilitation;",
        "3. electronic business.",
    )
    assert readings["Art. 17(2)"] == readings["Art. 17(3)"] == ("paragraph", "commitment")


def test_spanish_portuguese_and_french_headings_are_structure():
    document = parse("\n".join([
        "CAPÍTULO II: Preferencias Arancelarias",
        "ARTÍCULO 4: Programa de Liberación",
        "1. Las Partes acuerdan eliminar los aranceles.",
        "Sección B: Dumping y Subvenciones",
        "Artículo 5",
        "Las Partes reconocen sus derechos.",
        "Artigo 6: Entrada em vigor",
        "O presente Acordo entrará em vigor.",
        "Chapitre 3: Dispositions finales",
        "Article 7",
        "Le présent Accord entre en vigueur.",
    ]))
    assert [(p.ref, p.kind) for p in document.provisions] == [
        ("Ch. II", "chapter"), ("Art. 4", "article"), ("Art. 4(1)", "paragraph"), ("Sec. B", "section"),
        ("Art. 5", "article"), ("Art. 6", "article"), ("Ch. 3", "chapter"), ("Art. 7", "article")]


def test_ordinal_marks_and_first_articles_of_french_spanish_and_portuguese_headings_are_structure():
    document = parse("\n".join([
        "ACUERDO ENTRE LAS PARTES",
        "",
        "Capítulo 1º: Disposiciones generales",
        "Artículo 1º",
        "Objeto",
        "",
        "Las Partes cooperarán en el sector minero.",
        "",
        "Artículo 2°.- Ámbito",
        "1. Las Partes establecen un Comité Conjunto.",
        "Artigo 3.º Vigência",
        "O presente Acordo entrará em vigor.",
        "Chapitre 1er: Dispositions générales",
        "Article 1er",
        "Le présent Accord entre en vigueur.",
        "",
        "Article premier",
        "Objet",
        "",
        "Les Parties coopèrent.",
    ]))
    assert [(p.ref, p.heading) for p in document.provisions if p.kind in ("chapter", "article")] == [
        ("Ch. 1", "Disposiciones generales"), ("Ch. 1 Art. 1", "Objeto"), ("Ch. 1 Art. 2", "Ámbito"),
        ("Ch. 1 Art. 3", "Vigência"), ("Ch. 1 #2", "Dispositions générales"),
        ("Ch. 1 #2 Art. 1", "Dispositions générales"), ("Ch. 1 #2 Art. premier", "Objet")]
    assert document.provisions[-1].text.endswith("Les Parties coopèrent.")


def test_a_line_ending_in_a_colon_is_not_the_heading_of_the_article_below():
    document = parse("Preamble\nThe Parties,\n\nHAVE AGREED as follows:\n\nArticle 1\nThe Parties shall establish a free trade area.")
    article = next(p for p in document.provisions if p.ref == "Art. 1")
    assert article.text.startswith("Article 1") and article.heading != "HAVE AGREED as follows:"


def test_dates_listed_after_a_lead_in_are_content_not_datelines():
    document = parse("\n".join([
        "Article 3",
        "1. Customs duties shall be abolished.",
        "2. Four further reductions of 20% each shall be made on:",
        "",
        "1 January 1974",
        "1 January 1975",
        "1 January 1976",
        "1 July 1977.",
        "",
        "Article 4",
        "The Parties shall meet.",
    ]))
    assert document.skipped == []
    listed = [p.text for p in document.provisions if p.parent == "Art. 3(2)"]
    assert listed[:3] == ["1 January 1974", "1 January 1975", "1 January 1976"]


@pytest.mark.parametrize("line", [
    "Chapter 4 (Customs Procedures);",
    "Chapter 17 (Consultations and Dispute Settlement) shall not apply to any matter arising under this Chapter.",
], ids=["entry-of-a-list", "sentence-after-a-parenthesis"])
def test_chapter_references_opening_a_line_are_text(line):
    document = parse(f"Article 1: Scope\n1. This Agreement covers:\n\n{line}\n\nArticle 2: Other\nThe Parties shall meet.")
    assert [p.ref for p in document.provisions if p.kind in ("article", "chapter")] == ["Art. 1", "Art. 2"]


MOU = "\n".join([
    "MEMORANDUM OF UNDERSTANDING",
    "ON CRITICAL MINERALS",
    "The Government of Ruritania and the Government of Freedonia (the Participants),",
    "have reached the following understandings:",
    "OBJECTIVE",
    "The purpose of this Memorandum is to strengthen cooperation on critical minerals.",
    "AREAS OF COOPERATION",
    "1. The Participants intend to share information on mineral supply chains.",
    "2. Cooperation may include exchanges of experts.",
    "COMMENCEMENT AND DISCONTINUATION",
    "1. This Memorandum is intended to become operative upon signature.",
])


def test_titles_in_capitals_are_the_units_of_a_document_without_articles():
    refs = outline(MOU)
    assert [ref for ref, kind in refs if kind == "article"] == [
        "Objective", "Areas of Cooperation", "Commencement and Discontinuation"]
    assert ("Areas of Cooperation(2)", "paragraph") in refs and ("Commencement and Discontinuation(1)", "paragraph") in refs
    # The title page's lines in capitals stay what they were: the first is no unit, the second continues it.
    assert not any(ref.startswith(("Memorandum", "On Critical")) for ref, _ in refs)


def test_one_line_in_capitals_makes_no_unit():
    refs = outline("TOKYO TALKS\nJapan and Peru will sign a statement.\n\nThe two sides agreed to cooperate.")
    assert all(kind != "article" for _, kind in refs)



ACTION_PLAN = "\n".join([
    "We, the Leaders of the G7, recognize that critical minerals are the building blocks of a strong economy.",
    "",
    "Building Responsible Supply Chains",
    "",
    "We will work together to promote standards-based markets for critical minerals.",
    "",
    "We will explore ways to invest in projects in partner countries.",
    "",
    "Investment and Innovation",
    "",
    "The G7 will mobilize private capital for responsible projects.",
    "",
    "For the Government of Canada",
    "Jonathan Wilkinson",
    "Minister of Natural Resources",
])


def test_titles_in_title_case_are_the_units_of_a_document_without_articles():
    document = parse(ACTION_PLAN)
    units = [p for p in document.provisions if p.kind == "article"]
    assert [p.ref for p in units] == ["Building Responsible Supply Chains", "Investment and Innovation"]
    paragraphs = [p for p in document.provisions if p.parent == "Building Responsible Supply Chains"]
    assert [p.heading for p in paragraphs] == ["Building Responsible Supply Chains"] * 2
    # A signature block's lines in title case follow one another: none heads a unit; nor does a sentence in title case.
    assert not any(p.ref.startswith(("For the Government", "Jonathan", "Minister")) for p in document.provisions)


def test_one_line_in_title_case_makes_no_unit():
    refs = outline("Tokyo Talks\nJapan and Peru will sign a statement.\n\nThe two sides agreed to cooperate.")
    assert all(kind != "article" for _, kind in refs)


@pytest.mark.parametrize(("line", "expected"), [
    ("Investment and Innovation", True), ("Building Responsible Supply Chains", True), ("Objective", True),
    ("Recycling & Circularity", True), ("The Parties Will Cooperate", False), ("Japan, Peru and Chile", False),
    ("Areas of cooperation", False), ("AREAS OF COOPERATION", False), ("Supply Chains.", False), ("Go", False),
])
def test_a_title_case_heading_is_short_capitalised_and_verbless(line, expected):
    assert _title_case_heading(line) is expected

def test_a_bare_article_keyword_among_numbered_articles_heads_an_article():
    # ToTA's Kyrgyz Republic-Russia agreement lost its first article's number: its text is that article's own.
    refs = outline("Article\n1. The Parties shall not apply customs duties.\n2. Goods shall originate.\n"
                   "Article 2\nThe Parties will not restrict exports.")
    assert [ref for ref, kind in refs if kind == "article"] == ["Article", "Art. 2"]
    assert ("Article(1)", "paragraph") in refs and ("Article(2)", "paragraph") in refs


def test_a_bare_article_keyword_in_prose_is_text():
    refs = outline("Article\nJapan and Peru agreed to cooperate on critical minerals.")
    assert all(kind != "article" for _, kind in refs)


def test_a_line_repeating_its_chapter_title_heads_the_chapters_one_article():
    refs = outline("Article 12: Commercial Policy\nThe Parties shall consult.\n\nCHAPTER 4: Safeguard Clauses\n\n"
                   "Safeguard Clauses\n1. If serious disturbances occur, a Party may take measures.\n\n"
                   "CHAPTER 5: General Provisions\nArticle 14\nThe Parties shall cooperate.")
    articles = [ref for ref, kind in refs if kind == "article"]
    assert articles == ["Art. 12", "Safeguard Clauses", "Art. 14"]
    assert ("Safeguard Clauses(1)", "paragraph") in refs


def test_a_bracketed_item_label_run_into_its_first_word_is_an_item():
    # ToTA's Pakistan-China agreement: "(a)reviewing the implementation of this Chapter;".
    refs = outline("Article 56\n1. The representatives shall hold meetings for:\n(a)reviewing the implementation;\n"
                   "(b)exchanging legal information;\n(ii)give favourable consideration to requests.\nArticle 57\nThe Parties shall consult.")
    assert ("Art. 56(1)(a)", "item") in refs and ("Art. 56(1)(b)", "item") in refs
    # A letter and a bracket with no bracket before it still needs its space: "a)b" is no label.
    assert all(kind != "item" for _, kind in outline("Article 1\nThe Parties agree:\na)reviewing the implementation."))


def test_an_article_number_out_of_the_run_is_a_reference_even_when_it_jumps_ahead():
    # ToTA's Latvia-Switzerland agreement, its text OCR-split one word per line: "As regards\n\nArticle 27\n\n(Fulfilment
    # of Obligations), …" sits between articles 22 and 23. The longest rising run of numbers is the articles.
    refs = outline("Article 22: Safeguards\n1. A Party may act.\n(c)\n\nAs\n\nregards\n\nArticle 27\n\n(Fulfilment\n\n"
                   "of Obligations), the Party shall inform.\n\nArticle 23: Security\nNothing shall prevent it.\n\n"
                   "Article 24: Committee\nA Committee is established.\n\nArticle 27: Fulfilment\nThe Parties shall comply.")
    assert [ref for ref, kind in refs if kind == "article"] == ["Art. 22", "Art. 23", "Art. 24", "Art. 27"]


def test_articles_numbered_after_a_dash_are_the_structure_of_an_agreement_without_other_headings():
    # With no other heading, the document was read as prose and its first "Article - I" line set aside as site chrome.
    document = parse("AGREEMENT ON TRADE\n\nThe two Governments have agreed as follows:\n\nArticle - I\nThere shall be free trade.\n\n"
                     "Article - II\nEither Party may impose restrictions.\n\nArticle - III\nThe Parties shall consult.")
    assert [p.ref for p in document.provisions if p.kind == "article"] == ["Art. I", "Art. II", "Art. III"]
    assert not any("Article" in document.text[span.start:span.end] for span in document.skipped)


def test_a_titled_article_numbered_out_of_order_is_a_numbering_slip_not_a_reference():
    # ToTA's EFTA-Mexico agreement: "Article 84: Additional Parties" stands between articles 81 and 83 (it is 82).
    refs = outline("Article 81: Amendments\nThe Parties may amend it.\n\nArticle 84: Additional Parties\nAny State may "
                   "accede.\n\nArticle 83: Withdrawal\nA Party may withdraw.\n\nArticle 84: Entry into Force\nIt enters into force.")
    assert [ref for ref, kind in refs if kind == "article"] == ["Art. 81", "Art. 84", "Art. 83", "Art. 84 #2"]
    # Far from its neighbours, without a body, or without a title, such a line stays a reference.
    for stray in ("Article 40: Scope\nAny State may accede.", "Article 84: Additional Parties", "Article 84\nAny State may accede."):
        refs = outline(f"Article 81: Amendments\nThe Parties may amend it.\n\n{stray}\n\nArticle 83: Withdrawal\n"
                       "A Party may withdraw.\n\nArticle 84: Entry into Force\nIt enters into force.")
        assert [ref for ref, kind in refs if kind == "article"] == ["Art. 81", "Art. 83", "Art. 84"], stray


def test_an_article_number_given_twice_with_two_titles_heads_two_articles():
    # ToTA's Croatia-FYR Macedonia agreement numbers two articles 9 ("Scope", "Exchange of Concessions").
    refs = outline("Article 8: Technical Barriers\nThe Parties shall cooperate.\n\nArticle 9: Scope\nThis Chapter applies to "
                   "agricultural products.\n\nArticle 9: Exchange of Concessions\n1. The Parties grant concessions.\n\n"
                   "Article 10: Safeguards\nA Party may act.")
    assert [ref for ref, kind in refs if kind == "article"] == ["Art. 8", "Art. 9", "Art. 9 #2", "Art. 10"]
    assert ("Art. 9 #2(1)", "paragraph") in refs
    # Without a title of its own, the line is a reference, as it was.
    refs = outline("Article 9: Scope\nThis Chapter applies.\n\nArticle 9\n\nArticle 10: Safeguards\nA Party may act.")
    assert [ref for ref, kind in refs if kind == "article"] == ["Art. 9", "Art. 10"]


def test_a_bare_article_line_after_a_blank_line_heads_an_article_though_the_sentence_before_runs_on():
    # ToTA's EC-Syria agreement: the corpus cut article 1's sentence at the heading of article 2.
    refs = outline("Article 1\nThe object of this Agreement is to contribute to the\n\nArticle 2\neconomic development of Syria.\n\n"
                   "Article 3\nThe Parties shall cooperate.")
    assert [ref for ref, kind in refs if kind == "article"] == ["Art. 1", "Art. 2", "Art. 3"]


def test_a_line_of_digits_above_an_article_is_no_heading():
    # The last cell of a table ("100") before "Article 10" stays in the article before.
    document = parse("Article 9\nThe duties shall be reduced as follows:\n\n80\nFrom 1 July 1977\n\n100\n\nArticle 10\nThe Parties shall meet.")
    article = next(p for p in document.provisions if p.ref == "Art. 10")
    assert article.heading is None or "100" not in article.heading
    assert "100" in next(p for p in document.provisions if p.ref == "Art. 9").text


def test_a_list_without_markers_takes_its_lead_ins_modality():
    document = parse("Under these principles, the partners will support projects that:\n\n"
                     "Demonstrate responsible stewardship of the natural environment;\n\n"
                     "Engage with local communities;\n\n"
                     "Provide economic benefit for workers.\n\n"
                     "The announcement was made in Cape Town.")
    modality = {p.text: p.modality for p in document.provisions if p.kind == "paragraph"}
    assert modality["Demonstrate responsible stewardship of the natural environment;"] == "commitment"
    assert modality["Engage with local communities;"] == "commitment"
    assert modality["Provide economic benefit for workers."] == "commitment"
    # The entry ending in a full stop closes the list.
    assert modality["The announcement was made in Cape Town."] == "none"


def test_a_dashed_list_after_a_lead_in_naming_its_entries_takes_its_modality(tmp_path):
    """"… on the following issues:" names its entries, as numbered lists do; entries set off by dashes are its entries too
    (a ToTA article whose dashes stand on lines of their own, as pta_97's do)."""
    body = ('<chapter number="1" name="Social Sphere"><article number="ARTICLE 44">Integration Committee in coordinated action '
            "with Governments of the Parties shall be studying and analyzing problems concerning social sphere and according to "
            "their results shall provide conclusions and recommendations to the Council of Governments’ Heads on the following "
            "issues: \n\n-\n\nemployment; \n-\n\nlabour legislation and labour conditions; \n-\n\nlabour hygiene.</article>"
            "</chapter>")
    path = tmp_path / "dashed.xml"
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<treaty><meta><name>A - B</name><parties><partyisocode n="1">AAA'
                    f'</partyisocode><partyisocode n="2">BBB</partyisocode></parties></meta><body>{body}</body></treaty>',
                    encoding="utf-8")
    document = parse_source(load_source(str(path)))
    modality = {p.text: p.modality for p in document.provisions if p.kind == "paragraph"}
    assert modality["- employment;"] == "binding"
    assert modality["- labour legislation and labour conditions;"] == "binding"


def test_unmarked_entries_joined_into_one_long_paragraph_take_the_lead_ins_modality():
    entries = ", ".join(["the promotion of renewable energies", "the promotion of energy-saving and energy efficiency",
                         "applied research into data bank networks in the economic and social sectors",
                         "linking the electricity networks of the two Parties and supporting the modernisation and the"
                         " development of their energy networks and interconnections with neighbouring countries",
                         "the training of staff working in the sector and the exchange of experts between the utilities"])
    document = parse(f"ARTICLE 53: Energy\nThe priority areas of cooperation shall be:\n\n{entries}.")
    entry = next(p for p in document.provisions if p.text.startswith("the promotion of renewable energies"))
    assert len(entry.text) > 300 and entry.modality == "binding"


def test_a_lead_in_with_bullets_opens_no_list_without_markers():
    document = parse("The agreement includes commitments related to:\n\n• Refraining from export duties;\n"
                     "• Promoting labor rights.\n\nThe agreement entered into force upon signature.")
    last = [p for p in document.provisions if p.text == "The agreement entered into force upon signature."]
    assert last and all(p.modality == "none" for p in last)


def test_a_related_stories_heading_ends_where_the_report_goes_on():
    """A page extraction that dropped a mid-article widget's links leaves its heading ("Recommended articles") before
    the rest of the report: the report's own paragraphs after it are provisions, and the other stories after a second
    heading are set aside."""
    document = parse("\n".join([
        "African nations clamp down on raw mineral exports",
        "African nations are shifting towards local processing of mineral resources, stepping away from raw exports.",
        "Global powers including the USA, China and Russia are competing to secure strategic minerals for their industries.",
        "Recommended articles",
        "The United States, China and Russia are all moving to secure strategic minerals for their defense industries.",
        "More news",
        "Gold fell more than 2% after hitting an all-time high on Monday as traders trimmed bets on a rate cut by the Fed.",
    ]))
    related = [document.text[span.start:span.end] for span in document.skipped if span.reason == "related stories"]
    assert related == ["Recommended articles", "More news\nGold fell more than 2% after hitting an all-time high on Monday as "
                                               "traders trimmed bets on a rate cut by the Fed."]
    assert any(provision.text.startswith("The United States, China and Russia") for provision in document.provisions)


def test_an_agreement_paragraph_of_several_sentences_is_split_into_them():
    """Each sentence of a numbered paragraph is a provision of its own, with its own modality; the paragraph's number
    stays with its first sentence, and a paragraph of one sentence has no sentence children."""
    document = parse("Article 4\nConsultations\n"
                     "1. Each Party may request consultations. The other Party shall reply within 30 days.\n"
                     "2. The Parties shall meet once a year.")
    by_ref = {provision.ref: provision for provision in document.provisions}
    assert [(ref, by_ref[ref].kind, by_ref[ref].text, by_ref[ref].modality) for ref in ("Art. 4(1).1", "Art. 4(1).2")] == [
        ("Art. 4(1).1", "sentence", "1. Each Party may request consultations.", "best_effort"),
        ("Art. 4(1).2", "sentence", "The other Party shall reply within 30 days.", "binding"),
    ]
    assert by_ref["Art. 4(1)"].modality == "binding"  # the paragraph reads as its strongest sentence
    assert not any(ref.startswith("Art. 4(2).") for ref in by_ref)


def test_an_article_of_one_paragraph_keeps_its_heading_line_out_of_its_first_sentence():
    document = parse("Article 9: Termination\nEither Party may terminate this Agreement. Termination shall take effect "
                     "six months after the notice.")
    sentences = [provision for provision in document.provisions if provision.kind == "sentence"]
    assert [(provision.ref, provision.text) for provision in sentences] == [
        ("Art. 9.1", "Either Party may terminate this Agreement."),
        ("Art. 9.2", "Termination shall take effect six months after the notice."),
    ]


def test_the_sentences_of_an_item_read_under_its_lead_in():
    document = parse("Article 3\n1. The Parties shall:\n(a) exchange statistics on trade. This covers mineral ores;\n"
                     "(b) meet once a year.")
    by_ref = {provision.ref: provision for provision in document.provisions}
    assert by_ref["Art. 3(1)(a).1"].text == "(a) exchange statistics on trade."
    assert by_ref["Art. 3(1)(a).1"].modality == "binding"


def test_a_document_symbol_or_a_spanish_abbreviation_ends_no_sentence():
    document = parse("Article 2\n1. The Parties refer to document WT/L/139/Rev. 1 of the Council. The núm. 3 list applies.")
    sentences = [provision.text for provision in document.provisions if provision.kind == "sentence"]
    assert sentences == ["1. The Parties refer to document WT/L/139/Rev. 1 of the Council.", "The núm. 3 list applies."]


def test_a_footnote_mark_after_a_paragraph_is_no_sentence_of_its_own():
    document = parse("Article 83\n1. The Parties shall cooperate. Each Party shall designate a contact point. [2]")
    sentences = [provision.text for provision in document.provisions if provision.kind == "sentence"]
    assert sentences == ["1. The Parties shall cooperate.", "Each Party shall designate a contact point. [2]"]


def test_lettered_items_going_on_in_lower_case_are_items_after_a_colon_and_after_each_other():
    """A committee's functions, hard-wrapped as ToTA prints them: "a. reviewing …;" after the lead-in's colon and each letter
    after the one before are items (before, "b." ran on into "a." as a wrapped line); "i. e." opens no item."""
    readings = kind_and_modality(
        "ARTICLE 17: Joint Committee",
        "  2. The functions of the Joint Committee shall include, inter",
        "  alia:",
        "",
        "  a. reviewing the general functioning of this Agreement;",
        "",
        "  b. holding consultations with respect to any matter",
        "  affecting the operation of this Agreement;",
        "",
        "  c. reviewing the Declaration on Trade in Services.",
        "",
        "  3. The Joint Committee shall meet once a year to review trade in goods,",
        "  i. e. the exchange of goods between the Parties.",
    )
    assert readings["Art. 17(2)(a)"] == readings["Art. 17(2)(b)"] == readings["Art. 17(2)(c)"] == ("item", "binding")
    assert [ref for ref in readings if ref.startswith("Art. 17(3)")] == ["Art. 17(3)"]


def test_the_lower_case_entries_of_a_preamble_lead_in_read_as_its_recital_whatever_their_own_verb():
    """"ACKNOWLEDGING that:" and its entries without markers: what the parties acknowledge, not a duty ("must be
    developed") or leeway ("may be due to"); an entry may run long when it ends in a semicolon."""
    entry = "supply chain disruptions may be due to, among other causes, " + "pandemics, weather events and cyber incidents, " * 6 + "or armed conflict;"
    assert len(entry) > 300
    readings = kind_and_modality(
        "The Parties to this Agreement:",
        "",
        "ACKNOWLEDGING that:",
        "",
        "resilience and transparency are indispensable considerations in the development of supply chains;",
        "",
        entry,
        "",
        "secure and resilient supply chains must be developed, maintained, and prepared to respond to unexpected events;",
    )
    assert [modality for ref, (kind, modality) in readings.items() if kind == "paragraph"] == ["none"] + ["aspirational"] * 4


def test_numbered_entries_ending_in_a_full_stop_stay_in_a_list_whose_lead_in_names_them_while_the_numbers_run_on():
    """"… may implement the following programs and activities:" / "1. Sharing of information …." / "2. Joint development …."
    are its entries; "2. Details …" after "3." goes back to the article's own numbering. Without a lead-in naming its entries
    in the plural ("HAVE REACHED the following understanding:"), an entry ending in a full stop is the list's last."""
    readings = kind_and_modality(
        "In pursuance of the objective of this MOU, the Parties may, among others, implement the following programs and activities:",
        "",
        "1. Sharing of information on existing policies and programs.",
        "",
        "2. Joint development of new technical and vocational courses.",
        "",
        "3. Exchange of visits of vocational training instructors.",
        "",
        "2. Details on the areas of cooperation listed above are set out in the Annex.",
    )
    modalities = [modality for ref, (kind, modality) in readings.items() if ref.startswith("Para.") and "." not in ref[5:]]
    assert modalities == ["best_effort", "best_effort", "best_effort", "none"]
    singular = kind_and_modality(
        "HAVE REACHED the following understanding:",
        "",
        "1. Objective of this cooperation.",
        "",
        "2. Scope of this cooperation.",
    )
    assert [modality for ref, (kind, modality) in singular.items() if ref.startswith("Para.") and "." not in ref[5:]] == ["commitment", "none"]


def test_an_instruments_long_title_is_the_documents_title_and_a_recital_ending_in_a_comma_is_not():
    """"Memorandum of Understanding between the Department of … of the Republic of … on …" runs past the 25 words of a
    headline; it is still the title, and "RESPECTING the principle of equality," below it is a recital, never the title."""
    title = ("Memorandum of Understanding between the Department of Labor and Employment of the Republic of the Philippines "
             "and the Ministry of Employment and Labor of the Republic of Korea on the Sending and Receiving of Workers")
    assert len(title.split()) > 25
    document = parse(f"{title}\n\nThe Department and the Ministry (hereinafter the \"Parties\"),\n\n"
                     "RESPECTING the principle of equality and mutual benefit,\n\n"
                     "HAVE REACHED the following understanding:\n\n1. The Parties will cooperate on the sending of workers.\n")
    assert document.title == title
    assert not any(provision.text.startswith("Memorandum of Understanding") for provision in document.provisions)
    recitals = [p for p in document.provisions if p.text.startswith("RESPECTING") and p.kind == "paragraph"]
    assert [p.modality for p in recitals] == ["aspirational"]
    headline_recital = parse("RESPECTING the principle of equality and mutual benefit,\n\nThe Parties will cooperate.\n")
    assert headline_recital.title is None


def test_a_legal_databases_controls_and_the_title_repeated_in_capitals_are_set_aside_in_an_agreement():
    """An agreement copied from a legal database: its "View printer friendly version" and its title repeated in capitals
    are skipped spans, not provisions, though the agreement's own text keeps lone marker words ("print")."""
    title = "Memorandum of Understanding on Economic Cooperation between the Philippines and the Netherlands"
    document = parse(f"{title}\n\nView printer friendly version\n\n{title.upper()}\n\nArticle 1\n\n"
                     "The Parties shall print and publish their regulations.\n\nArticle 2\n\nThe Parties will cooperate.\n")
    assert document.layout == "structured"
    assert document.title == title
    reasons = sorted(span.reason for span in document.skipped)
    assert reasons == ["duplicate of the title", "site chrome", "title"]
    assert not any("printer friendly" in p.text or p.text == title.upper() for p in document.provisions)
    assert any("print and publish" in p.text for p in document.provisions)


CLOSINGS = [
    # (id, text, expected refs and kinds of the whole document)
    # The testimonium and the signing line after the last article are the agreement's conclusion, not part of its last paragraph.
    ("testimonium after numbered paragraphs",
     "Article 9\nEntry into Force\n\n1. This Agreement shall enter into force on signature.\n\n2. Either Party may terminate it.\n\n"
     "IN WITNESS WHEREOF, the undersigned have signed this Agreement.\n\nDONE in duplicate at Lima, this 14th day of November, 2006.",
     [("Art. 9", "article"), ("Art. 9(1)", "paragraph"), ("Art. 9(2)", "paragraph"),
      ("Conclusion", "article"), ("Conclusion ¶1", "paragraph"), ("Conclusion ¶2", "paragraph")]),
    # A memorandum of numbered paragraphs, signed: the signatures belong to the conclusion too.
    ("signing line after a memorandum's paragraphs",
     "1. The Participants intend to cooperate.\n\n2. This Memorandum will become effective on signature.\n\n"
     "Signed at Kuala Lumpur on October 26, 2025, in duplicate.\n\nFor the Government of Japan:",
     [("Para. 1", "paragraph"), ("Para. 2", "paragraph"), ("Conclusion", "article"), ("Conclusion ¶1", "paragraph"),
      ("Conclusion ¶2", "paragraph")]),
    # Spanish: "EN FE DE LO CUAL" / "HECHO en".
    ("spanish closing formula",
     "Artículo 20\nVigencia\n\nEl presente Acuerdo entrará en vigor en la fecha de su firma.\n\n"
     "EN FE DE LO CUAL, los suscritos firman el presente Acuerdo.\n\nHECHO en la ciudad de Lima, el 6 de mayo de 2008.",
     [("Art. 20", "article"), ("Conclusion", "article"), ("Conclusion ¶1", "paragraph"), ("Conclusion ¶2", "paragraph")]),
    # A "Conclusion" line already heads the closing formula (ToTA's layout): one conclusion, not two.
    ("conclusion line above the formula",
     "Article 3\nThe Parties shall consult.\n\nConclusion\n\nIN WITNESS WHEREOF, the undersigned have signed.\n\n"
     "Done at Brussels on 9 December 2023.",
     [("Art. 3", "article"), ("Conclusion", "article"), ("Conclusion ¶1", "paragraph"), ("Conclusion ¶2", "paragraph")]),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CLOSINGS], ids=[c[0] for c in CLOSINGS])
def test_a_closing_formula_after_the_articles_opens_the_conclusion(text, expected):
    assert [(ref, kind) for ref, kind in outline(text) if kind != "sentence"] == expected


def test_a_report_of_a_signing_in_prose_is_a_sentence_not_a_conclusion():
    text = ("Japan and Peru signed a memorandum on critical minerals on Friday.\n\n"
            "Signed in Tokyo on Friday, the memorandum covers exploration and processing.")
    assert outline(text) == [("¶1", "paragraph"), ("¶1.1", "sentence"), ("¶2", "paragraph"), ("¶2.1", "sentence")]


def test_the_sentences_of_an_article_start_at_its_body_after_a_blank_line():
    document = parse("Article 7\n\nThe present Agreement shall enter into force on signature. It will remain in force indefinitely.")
    first = next(p for p in document.provisions if p.ref == "Art. 7.1")
    assert first.text == "The present Agreement shall enter into force on signature."


ARTICLES = "Article 1\n\nThe Parties shall promote investment.\n\nArticle 2\n\nThis Agreement shall enter into force on signature.\n"
PARAGRAPHS = "1. The Participants intend to cooperate on critical minerals.\n\n2. This Memorandum will come into effect on signature.\n"
NEWS = ("Canada and Peru signed an investment agreement in Lima on Tuesday, officials of both governments said.\n\n"
        "The agreement protects investors in mining and energy, the ministers said.\n")

TITLE_BLOCKS = [
    # (id, the document's opening, its body, expected title, the first provision's opening)
    ("a treaty's title over four lines, each opening with a linking word",
     "AGREEMENT\nBETWEEN THE GOVERNMENT OF CANADA\nAND THE GOVERNMENT OF THE REPUBLIC OF PERU\n"
     "FOR THE PROMOTION AND PROTECTION OF INVESTMENTS\n\n"
     "The Government of Canada and the Government of the Republic of Peru, hereinafter referred to as the \"Parties\",\n\n",
     ARTICLES, "AGREEMENT BETWEEN THE GOVERNMENT OF CANADA AND THE GOVERNMENT OF THE REPUBLIC OF PERU FOR THE PROMOTION AND "
     "PROTECTION OF INVESTMENTS", "The Government of Canada"),
    # The parties' names stand alone under a bare "BETWEEN" and "AND"; the memorandum has no articles (a prose layout).
    ("a memorandum's title with the parties on lines of their own",
     "MEMORANDUM OF UNDERSTANDING\nBETWEEN\nTHE MINISTRY OF ECONOMY, TRADE AND INDUSTRY OF JAPAN\nAND\n"
     "THE MINISTRY OF ENERGY AND MINES OF THE REPUBLIC OF PERU\nON COOPERATION IN THE FIELD OF CRITICAL MINERALS\n\n",
     PARAGRAPHS, "MEMORANDUM OF UNDERSTANDING BETWEEN THE MINISTRY OF ECONOMY, TRADE AND INDUSTRY OF JAPAN AND THE MINISTRY "
     "OF ENERGY AND MINES OF THE REPUBLIC OF PERU ON COOPERATION IN THE FIELD OF CRITICAL MINERALS", "1. The Participants"),
    # EUR-Lex: the title's second line in lower case; the parties' block under it ("THE EUROPEAN UNION," / "and" / …) is
    # the preamble's, not the title's.
    ("a title over two paragraphs, then the parties' block",
     "AGREEMENT\n\nbetween the European Union and the Republic of Chile on critical raw materials\n\n"
     "THE EUROPEAN UNION,\n\nand\n\nTHE REPUBLIC OF CHILE,\n\nRECOGNISING the importance of secure supply chains,\n\n",
     ARTICLES, "AGREEMENT between the European Union and the Republic of Chile on critical raw materials", "THE EUROPEAN UNION,"),
    ("the instrument's name after its kind, a two-word linking phrase",
     "FREE TRADE AGREEMENT\nBETWEEN CANADA AND THE REPUBLIC OF PERU\nRELATING TO TRADE IN MINERALS\n\nThe Parties,\n\n",
     ARTICLES, "FREE TRADE AGREEMENT BETWEEN CANADA AND THE REPUBLIC OF PERU RELATING TO TRADE IN MINERALS", "The Parties,"),
    ("a protocol to an agreement", "PROTOCOL\nTO THE AGREEMENT ON TRADE AND ECONOMIC COOPERATION\n\nThe Parties,\n\n",
     ARTICLES, "PROTOCOL TO THE AGREEMENT ON TRADE AND ECONOMIC COOPERATION", "The Parties,"),
    # Counter-examples: lines that follow a title without continuing it.
    ("a recital in capitals ends the title",
     "AGREEMENT ON ECONOMIC COOPERATION\nRECOGNIZING the importance of trade between the Parties,\n\n",
     ARTICLES, "AGREEMENT ON ECONOMIC COOPERATION", "RECOGNIZING the importance"),
    ("a lone instrument word over the preamble is no title, as before",
     "AGREEMENT\n\nThe Government of Canada and the Government of Peru, hereinafter the \"Parties\",\n\n",
     ARTICLES, None, "AGREEMENT"),
    # The parties' list after a bare "BETWEEN" ends in commas: the list is the preamble's, and the "BETWEEN" leads into it.
    ("a bare linking word over the parties' list stays with the list",
     "AGREEMENT ON TRADE\nBETWEEN\nTHE EUROPEAN UNION,\nAND\nTHE REPUBLIC OF CHILE,\n\n", ARTICLES, "AGREEMENT ON TRADE", "BETWEEN"),
    ("a preamble's line naming the parties opens with a linking word but is no title",
     "AGREEMENT ON TRADE\nBETWEEN THE GOVERNMENT OF CANADA\nAND THE GOVERNMENT OF PERU (HEREINAFTER THE \"PARTIES\")\n\n",
     ARTICLES, "AGREEMENT ON TRADE BETWEEN THE GOVERNMENT OF CANADA", "AND THE GOVERNMENT OF PERU"),
    # (A report's layout: the date under the headline is set aside as chrome.)
    ("a date under a statement's title",
     "Joint Statement by Canada and Australia on Critical Minerals\nOn 5 March 2024\n\n",
     "Canada and Australia will deepen their cooperation on critical minerals, the ministers said in a statement.\n\n"
     "Officials of Canada and Australia will meet every year to review the critical minerals cooperation.\n",
     "Joint Statement by Canada and Australia on Critical Minerals", "Canada and Australia will deepen"),
    # A journal's masthead above the title (EUR-Lex): the first line naming the instrument under a few short labels.
    # A memorandum in Spanish: its title on one line, its clauses headed by ordinals (set aside as chrome before, so that the
    # first clause's text ran on under the title).
    ("a Spanish memorandum's title on one line over its ordinal clauses",
     "MEMORANDO DE ENTENDIMIENTO ENTRE EL MINISTERIO DE MINERÍA DE LA REPÚBLICA DE CHILE Y EL MINISTERIO DE ECONOMÍA DE LA "
     "REPÚBLICA ARGENTINA SOBRE COOPERACIÓN EN MATERIA DE LITIO\n\n",
     "PRIMERO. OBJETIVO\n\nEl objetivo del presente Memorando es establecer un marco de cooperación.\n\n"
     "SEGUNDO. MODALIDADES\n\n1. La cooperación se llevará a cabo mediante reuniones técnicas.\n\n"
     "2. Los Participantes procurarán realizar al menos una reunión anual.\n",
     "MEMORANDO DE ENTENDIMIENTO ENTRE EL MINISTERIO DE MINERÍA DE LA REPÚBLICA DE CHILE Y EL MINISTERIO DE ECONOMÍA DE LA "
     "REPÚBLICA ARGENTINA SOBRE COOPERACIÓN EN MATERIA DE LITIO", "PRIMERO. OBJETIVO"),
    # Counter-example: a "Preamble" line is the text's first unit, no masthead; the title lines under it are the preamble's.
    ("a preamble's heading above the instrument's name",
     "Preamble\nAgreement between New Zealand\n\nand\n\nthe Separate Customs Territory of Taiwan, Penghu, Kinmen, and Matsu\n\n",
     ARTICLES, None, "Preamble"),
    ("a journal's masthead above the title",
     "30.4.2021\nEN\nOfficial Journal of the European Union\nL 149/10\nAGREEMENT\n"
     "between the European Union and the Republic of Moldova on trade in wine\n\n", ARTICLES,
     "AGREEMENT between the European Union and the Republic of Moldova on trade in wine", "30.4.2021"),
    # A publication's cover around the title (its blocks set apart by several blank lines): its series number,
    # presentation line and imprint are set aside.
    ("a command paper's series number, presentation and imprint",
     "Treaty Series No. 4 (2024)\n\n\n\n          Agreement\n          between the United Kingdom and Saudi Arabia on Critical "
     "Minerals\n\n          Riyadh, 14 January 2024\n\n\n\n          Presented to Parliament\n          by Command of His "
     "Majesty\n          July 2024\n\n\n\nISBN 978-1-5286-4999-1\n\nPrinted on paper containing 40% recycled fibre content "
     "minimum.\n\n\n",
     "Article 1\nThe Parties shall cooperate on critical minerals.\n\nArticle 2\nThis Agreement enters into force on signature.\n",
     "Agreement between the United Kingdom and Saudi Arabia on Critical Minerals", "Riyadh, 14 January 2024"),
    ("the treaty series' masthead",
     "UNITED NATIONS TREATY SERIES\nVol. 2871, I-50213\n\nCONVENTION ON THE TRADE OF TROPICAL TIMBER\n\n", ARTICLES,
     "CONVENTION ON THE TRADE OF TROPICAL TIMBER", "Article 1"),
    # Counter-example: a sentence above the instrument's name is no masthead; and a lone word under the masthead no title.
    ("a sentence above an instrument's name is no masthead",
     "The following text was adopted by the Council.\nAGREEMENT\nON TRADE IN WINE\n\n", ARTICLES, None, "The following"),
    ("a lone instrument word under a masthead is no title",
     "30.4.2021\nOfficial Journal of the European Union\nAGREEMENT\n\n"
     "The European Union and the Republic of Moldova, hereinafter the \"Parties\",\n\n", ARTICLES, None, "30.4.2021"),
    ("a news headline naming no instrument keeps its own line",
     "Canada and Peru sign investment pact\nAnd what it means for miners\n\n", NEWS,
     "Canada and Peru sign investment pact", "And what it means"),
    # A document code above the title (slashes, no spaces) is set aside; an instrument made under another is named on
    # the line under the other's title, both in capitals.
    ("a document code above a protocol's title under its parent agreement's",
     "AfCFTA/PROT/INV/EN\n\nAGREEMENT ESTABLISHING THE AFRICAN CONTINENTAL\nFREE TRADE AREA\n\nPROTOCOL ON INVESTMENT\n\n"
     "WE, the State Parties to this Protocol,\n\n", ARTICLES,
     "AGREEMENT ESTABLISHING THE AFRICAN CONTINENTAL FREE TRADE AREA PROTOCOL ON INVESTMENT", "WE, the State Parties"),
    # Counter-example: a heading in mixed case under the title opens the text, instrument word or not.
    ("a mixed-case protocol heading under a title",
     "AGREEMENT ON TRADE\n\nProtocol on Rules of Origin\n\nThe Parties,\n\n", ARTICLES,
     "AGREEMENT ON TRADE", "Protocol on Rules of Origin"),
]


@pytest.mark.parametrize("opening, body, title, first", [row[1:] for row in TITLE_BLOCKS], ids=[row[0] for row in TITLE_BLOCKS])
def test_an_instruments_title_printed_over_several_lines_is_one_title(opening, body, title, first):
    document = parse(opening + body)
    assert document.title == title
    assert document.provisions[0].text.startswith(first)
    titled = [document.text[span.start:span.end] for span in document.skipped if span.reason == "title"]
    assert " ".join(" ".join(titled).split()) == (title or "")


ARTICLE_BODIES = [
    # (id, text, the article's sentences)
    # The heading on its own line is no part of the body's first sentence.
    ("heading line", "Article 5\nTransparency\n\nEach Party shall publish its laws. Each Party shall respond to questions.",
     ["Each Party shall publish its laws.", "Each Party shall respond to questions."]),
    ("heading in capitals", "ARTICLE V\nSETTLEMENT OF DISPUTES\n\nAny dispute shall be referred to the Council. Its decisions "
     "shall be final.", ["Any dispute shall be referred to the Council.", "Its decisions shall be final."]),
    ("heading on the line above", "Movement of Capital\n\nARTICLE 46\nThe Parties shall consult. They shall report.",
     ["The Parties shall consult.", "They shall report."]),
    # Counter-example: a head line that carries the body keeps it as the first sentence.
    ("body on the head line", "Article 1 The Parties hereby establish a Council for Critical Minerals Cooperation, which "
     "shall meet once every year. It shall adopt rules.\nThe Council shall report.",
     ["Article 1 The Parties hereby establish a Council for Critical Minerals Cooperation, which shall meet once every year.",
      "It shall adopt rules.", "The Council shall report."]),
]


@pytest.mark.parametrize("text, sentences", [row[1:] for row in ARTICLE_BODIES], ids=[row[0] for row in ARTICLE_BODIES])
def test_an_articles_sentences_start_at_its_body(text, sentences):
    assert [p.text for p in parse(text).provisions if p.kind == "sentence"] == sentences


WRAPPED_HEADINGS = [
    # (id, text, the article's heading, its first child)
    ("title case over two lines", "ARTICLE 3\nNational and Most-Favoured-Nation\nTreatment\n\n1. Each Party shall accord it.",
     "National and Most-Favoured-Nation Treatment", "Art. 3(1)"),
    ("broken at a hyphen", "ARTICLE 3\nMost-Favoured-\nNation Treatment\n\n1. Each Party shall accord it.",
     "Most-Favoured-Nation Treatment", "Art. 3(1)"),
    ("capitals over two lines", "ARTICLE 3\nNATIONAL TREATMENT AND\nMARKET ACCESS\n\n1. Each Party shall accord it.",
     "NATIONAL TREATMENT AND MARKET ACCESS", "Art. 3(1)"),
    # Counter-examples: a lead-in ending in a colon, and a sentence, are the body's.
    ("a lead-in after the heading", "ARTICLE 5\nDefinitions\nFor the Purposes of This Agreement:\n(a) goods means goods.",
     "Definitions", "Art. 5 ¶1"),
    ("a sentence after the heading", "ARTICLE 4\nTRANSPARENCY\nEACH PARTY SHALL PUBLISH ITS LAWS.", "TRANSPARENCY", None),
]


@pytest.mark.parametrize("text, heading, child", [row[1:] for row in WRAPPED_HEADINGS], ids=[row[0] for row in WRAPPED_HEADINGS])
def test_a_heading_wrapped_over_two_lines_is_one_heading(text, heading, child):
    document = parse(text)
    article = document.provisions[0]
    assert article.heading == heading
    children = [p.ref for p in document.children(article.ref) if p.kind != "sentence"]
    assert children[:1] == ([child] if child else [])


def test_figures_after_a_number_in_words_wrapped_onto_a_line_number_no_paragraph():
    document = parse("ARTICLE 7\nFinal\n\n1. This Agreement shall remain in force unless either Party notifies the other at "
                     "least six\n(6) months prior to its expiration.\n\n2. This Agreement may be amended.")
    assert [p.ref for p in document.provisions if p.kind == "paragraph"] == ["Art. 7(1)", "Art. 7(2)"]


@pytest.mark.parametrize("line, annex", [
    ("Annex 3 (Rules of Origin) of the Agreement shall be replaced by the Annex attached to this Protocol.", False),
    # Counter-example: the annex's heading with its title in brackets.
    ("Annex 3 (Rules of Origin)", True),
], ids=["sentence-after-a-bracketed-title", "heading-with-a-bracketed-title"])
def test_a_line_opening_with_an_annex_and_its_bracketed_title_is_text_when_the_sentence_reads_on(line, annex):
    document = parse(f"ARTICLE 3\nAmendment to Annex 3\n\n{line}\n\nARTICLE 4\nFinal Provisions\n\nThis Protocol shall enter "
                     "into force on signature.")
    parents = {p.ref: p.parent for p in document.provisions}
    assert ("Annex 3" in parents) == annex
    assert parents["Art. 4"] == ("Annex 3" if annex else None)


def test_roman_numerals_alone_on_their_lines_head_the_sections_of_a_statement():
    document = parse("The two sides issued the following joint statement:\n\nI.\nThe two sides agreed to deepen cooperation."
                     "\n\nII.\nThe two sides agreed to cooperate in the following areas:\n1. batteries;\n2. solar equipment."
                     "\n\nIII.\nThe two sides shall hold a dialogue in 2025.")
    parents = {p.ref: p.parent for p in document.provisions if p.kind != "sentence"}
    assert [p.ref for p in document.provisions if p.kind == "section"] == ["Sec. I", "Sec. II", "Sec. III"]
    assert parents["Sec. II ¶1"] == parents["Sec. II Para. 2"] == "Sec. II"  # the lead-in is no heading
    # Counter-example: one numeral alone heads nothing.
    lone = parse("The two sides met.\n\nI.\nThe two sides agreed to deepen cooperation.")
    assert not [p for p in lone.provisions if p.kind == "section"]


def test_lettered_titles_between_roman_titles_head_sections_too():
    document = parse("\n".join([
        "Joint Statement", "I. Introduction", "The sides met in Delhi on 3 March 2025 to review the partnership between them.",
        "II. Actions", "The sides agreed on the following actions for the next two years of their work.",
        "A. Critical raw materials", "The sides will cooperate on the mapping of supply chains for critical minerals.",
        "B. Batteries", "The sides will invest in the recycling of batteries and their components.",
        "III. Next Steps", "The sides will meet again in Brussels in the second half of next year.",
    ]))
    assert [p.ref for p in document.provisions if p.kind == "section"] == ["Sec. I", "Sec. II", "Sec. A", "Sec. B", "Sec. III"]
    # Counter-example: a single lettered line under them is no run.
    single = parse("I. Introduction\nThe sides met.\nII. Actions\nThe sides agreed.\nA. Smith Report\nThe sides read it.")
    assert [p.ref for p in single.provisions if p.kind == "section"] == ["Sec. I", "Sec. II"]


def test_paragraph_units_titled_on_their_own_line_head_a_memorandum():
    document = parse("Paragraph 5 Legal Status\n\nThis Memorandum is not intended to create any legally binding rights.\n\n"
                     "Paragraph 6 Commencement, Modification and Termination\n\n1. This Memorandum will commence on signature."
                     "\n2. Either Side may terminate this Memorandum.")
    headings = {p.ref: p.heading for p in document.provisions if p.kind == "article"}
    assert headings == {"Paragraph 5": "Legal Status", "Paragraph 6": "Commencement, Modification and Termination"}
    # Counter-example: a sentence opening with a paragraph reference is no unit.
    prose = parse("Paragraph 3 of Article 5 shall apply.\n\nParagraph 4 of Article 6 shall apply too.")
    assert not [p for p in prose.provisions if p.kind == "article"]


# Prose after a numbered list under a lead-in: whose it is (the parent of the line that ends the table's ``probe``), by layout.
LIST_ENDS = [
    # A press release: the list ended (its last entry closes with a full stop, the others with ";"): the prose is a
    # paragraph of its own, not the last entry's.
    ("press_release_list_ended",
     ["Under the MoU, the two governments commit to:", "1. share information on critical minerals policy;",
      "2. explore joint research on recycling.", "The MoU will remain in effect for five years."], None, -1),
    # A note: its entries are sentences, and a sentence in capitals after the last one is no part of it.
    ("note_sentence_after_last_entry",
     ["I have the honour to propose the following arrangement:", "1. The Governments will exchange information.",
      "2. This arrangement may be terminated on notice.", "If the foregoing proposal is acceptable, this Note shall do."], None, -1),
    # Counter-example: a line between two entries continues the entry above it ("1." … "2." numbers on).
    ("continuation_before_next_entry",
     ["Have reached the following understanding:", "1. The Working Group is to be headed by the Co-Chairs.",
      "The Co-Chairs shall designate the Coordinators.", "2. The Sides will meet once a year."], "Para. 1", -2),
    # Counter-example: a sub-number numbers on too ("1.1." after "1.").
    ("continuation_before_sub_entry",
     ["Have reached the following understanding:", "1. The Working Group is to be headed by the Co-Chairs.",
      "The Co-Chairs shall designate the Coordinators.", "1.1. The Sides will meet once a year."], "Para. 1", -2),
    # Counter-example: the last entry ends in a semicolon: the list goes on in the line below it.
    ("last_entry_not_closed",
     ["The two governments commit to:", "1. share information;", "2. explore joint research;",
      "Recycling and refining are among its subjects."],
     "Para. 2", -1),
    # Counter-example: in an agreement with articles the paragraph keeps the lines below it.
    ("treaty_paragraph_keeps_its_lines",
     ["Article 3: Cooperation", "The Parties shall cooperate as follows:", "1. share information;", "2. hold meetings.",
      "The Joint Committee shall review this Article."], "Art. 3(2)", -1),
]


@pytest.mark.parametrize("lines, parent, probe", [c[1:] for c in LIST_ENDS], ids=[c[0] for c in LIST_ENDS])
def test_prose_after_a_finished_list_under_a_lead_in_is_no_part_of_its_last_entry(lines, parent, probe):
    document = parse("\n".join(lines))
    line = next(p for p in document.provisions if p.kind != "sentence" and document.text[p.start:].startswith(lines[probe]))
    assert line.parent == parent


# Entries numbered "(1)" under a lead-in: items of the lead-in, read under it, or paragraphs (kind; modality where given).
BRACKETED_NUMBER_LISTS = [
    # A memorandum's unit: "(1)" … under a lead-in are its items, as "(a)" … would be, and take its modality.
    ("memorandum_unit",
     ["Paragraph 1 Objective", "The objective is cooperation.", "Paragraph 2 Scope",
      "The Sides will endeavour to promote cooperation in the following fields:",
      "(1) exchange of information on policies;", "(2) promotion of investment; and", "(3) human resource development."],
     ("item", "best_effort")),
    # Prose without units.
    ("prose",
     ["The Sides will endeavour to promote cooperation in the following fields:", "(1) exchange of information;",
      "(2) human resource development."], ("item", "best_effort")),
    # Counter-example: an article's "(1)" … are its paragraphs, lead-in or not.
    ("treaty_article",
     ["Article 2: Scope", "The Parties shall cooperate in the following fields:", "(1) exchange of information;",
      "(2) human resource development."], ("paragraph", None)),
    # Counter-example: after a numbered paragraph of the unit, "(1)" numbers paragraphs, not items.
    ("after_a_numbered_paragraph",
     ["(1) The Sides will meet once a year.", "(2) The Sides will endeavour to cooperate in these fields:",
      "(1) exchange of information;", "(2) human resource development."], ("paragraph", None)),
]


@pytest.mark.parametrize("lines, expected", [c[1:] for c in BRACKETED_NUMBER_LISTS], ids=[c[0] for c in BRACKETED_NUMBER_LISTS])
def test_entries_numbered_in_brackets_under_a_lead_in_are_its_items_outside_articles(lines, expected):
    document = parse("\n".join(lines))
    entry = next(p for p in document.provisions if p.kind != "sentence" and document.text[p.start:].startswith(lines[-1]))
    kind, modality = expected
    assert entry.kind == kind
    assert modality is None or entry.modality == modality


DECIMAL_SUBPARAGRAPHS = [
    # (id, article body, expected (ref, parent) of its paragraphs)
    # "1.1" "1.2" right under "1." are paragraph 1's own; "2." is the article's again.
    ("decimal paragraphs under their paragraph",
     "1. The Parties hereby establish a Sub-committee.\n\n1.1 The Sub-committee shall be composed of senior officials.\n\n"
     "1.2 The Sub-committee shall meet within the first year.\n\n2. The Sub-committee shall report to the Committee.",
     [("Art. 10(1)", "Art. 10"), ("Art. 10(1)(1.1)", "Art. 10(1)"), ("Art. 10(1)(1.2)", "Art. 10(1)"), ("Art. 10(2)", "Art. 10")]),
    # Counter-example: without a "1." above them, "1.1" "1.2" are the article's paragraphs, as before.
    ("decimal paragraphs without a paragraph 1",
     "1.1 The Sub-committee shall be composed of senior officials.\n\n1.2 The Sub-committee shall meet within the first year.",
     [("Art. 10(1.1)", "Art. 10"), ("Art. 10(1.2)", "Art. 10")]),
    # Counter-example: "2.1" under "1." numbers on from no paragraph above it: a sibling.
    ("decimal paragraph of another number",
     "1. The Parties hereby establish a Sub-committee.\n\n2.1 The Sub-committee shall be composed of senior officials.",
     [("Art. 10(1)", "Art. 10"), ("Art. 10(2.1)", "Art. 10")]),
]


@pytest.mark.parametrize("body, expected", [c[1:] for c in DECIMAL_SUBPARAGRAPHS], ids=[c[0] for c in DECIMAL_SUBPARAGRAPHS])
def test_decimal_paragraphs_hang_from_the_paragraph_they_number_on_from(body, expected):
    document = parse(f"Article 10\nSub-committee\n\n{body}")
    assert [(p.ref, p.parent) for p in document.provisions if p.kind == "paragraph"] == expected


def test_the_conclusion_a_closing_formula_opens_ends_the_chapter_and_section_above_it():
    document = parse("CHAPTER V — FINAL PROVISIONS\n\nSection 10 — Withdrawal\n\n(1) This Arrangement will come into effect upon "
                     "signature.\n\n(2) A Participant may withdraw from it.\n\nSigned in two originals in the English language.")
    by_ref = {p.ref: p for p in document.provisions}
    assert by_ref["Conclusion"].parent is None
    assert by_ref["Sec. 10"].end <= by_ref["Conclusion"].start and by_ref["Ch. V"].end <= by_ref["Conclusion"].start


def test_a_unit_headed_conclusion_inside_a_chapter_stays_in_it():
    # Counter-example: only the conclusion a closing formula opens ends the divisions; a "Conclusion" line is a unit as any.
    document = parse("CHAPTER 2 — FINAL PROVISIONS\n\nArticle 5\nThe Parties shall consult.\n\nConclusion\n\n"
                     "The Parties shall review this Chapter.")
    assert next(p for p in document.provisions if p.ref.endswith("Conclusion")).parent == "Ch. 2"



def grammar_outline(text: str) -> list[tuple[str, str]]:
    """The provision grammar's units of normalized ``text``, sentences aside, before any line is set aside as boilerplate."""
    return [(draft.ref, draft.kind) for draft in name_provisions(parse_provisions(text), text) if draft.kind != "sentence"]


ORDINAL_CLAUSES = [
    # (id, normalized text, expected refs and kinds, sentences aside)
    # Spanish clauses headed by their ordinal are the memorandum's units; the "1." "2." under one are its paragraphs.
    ("ordinal clause heads",
     "PRIMERO. OBJETIVO\n\nEl objetivo del presente Memorando es establecer la cooperación.\n\n"
     "SEGUNDO. MODALIDADES\n\n1. La cooperación se llevará a cabo mediante reuniones.\n\n"
     "2. Los Participantes procurarán realizar una reunión anual.\n\n"
     "TERCERO. VIGENCIA\n\nEl presente Memorando entrará en vigor en la fecha de su firma.",
     [("Primero", "article"), ("Segundo", "article"), ("Segundo(1)", "paragraph"), ("Segundo(2)", "paragraph"),
      ("Tercero", "article")]),
    # "CLÁUSULA PRIMERA" alone on its line, its title below it; feminine ordinals.
    ("clause keyword and feminine ordinals",
     "CLÁUSULA PRIMERA\nObjeto\n\nEl presente Convenio establece la cooperación.\n\n"
     "CLÁUSULA SEGUNDA\nVigencia\n\nEl presente Convenio entrará en vigor en la fecha de su firma.",
     [("Cláusula Primera", "article"), ("Cláusula Segunda", "article")]),
    # Counter-example: one ordinal head alone numbers on from nothing: the text stays prose.
    ("one ordinal head alone",
     "PRIMERO. OBJETIVO\n\nEl objetivo del presente Memorando es establecer la cooperación.",
     [("¶1", "paragraph"), ("¶2", "paragraph")]),
    # Counter-example: ordinals opening sentences ("Primero, …", "Segundo. El objetivo … es …") head nothing.
    ("ordinals opening sentences",
     "Primero, los Participantes intercambiarán información.\n\n"
     "Segundo. El objetivo del presente Memorando es establecer la cooperación en minería.",
     [("¶1", "paragraph"), ("¶2", "paragraph")]),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in ORDINAL_CLAUSES], ids=[c[0] for c in ORDINAL_CLAUSES])
def test_clauses_headed_by_their_ordinals_are_units_where_two_or_more_number_on(text, expected):
    assert grammar_outline(text) == expected
