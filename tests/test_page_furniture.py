"""Page furniture of paged documents (PDF text layers, pdftotext output) is skipped, and nothing else is."""
from __future__ import annotations

import pytest

from grammar import load_document, parse_source
from grammar.models import Document, Source
from grammar.page_furniture import PAGE_NUMBER_REASON, RUNNING_LINE_REASON
from tests.invariants import coverage_problems
from tests.test_load import minimal_text_pdf

HEADER = "TRANS-PACIFIC PARTNERSHIP AGREEMENT - CHAPTER 17"
FILLER = ("Each Party shall ensure that its state-owned enterprises act in accordance with commercial considerations "
          "in their purchases and sales of goods and services, and that they accord non-discriminatory treatment. ")


def articles(count: int) -> list[str]:
    """``count`` pages' worth of articles, each article a heading and two paragraphs of a few hundred characters."""
    pages = []
    for number in range(1, count + 1):
        pages.append(f"Article 17.{number}: Obligation {number}\n1. {FILLER * 2}\n2. {FILLER}")
    return pages


def parse_text(text: str) -> Document:
    return parse_source(Source(path="paged.txt", format="text", raw=text))


def skipped_texts(document: Document) -> dict[str, str]:
    return {document.text[span.start:span.end]: span.reason for span in document.skipped}


def assert_skipped_after_each_page(furniture, pages: int, expected: dict[str, str]) -> None:
    """``pages`` pages of articles, each followed by ``furniture(page number)``: exactly ``expected`` is skipped, and
    nothing is lost."""
    text = "\n\n".join(f"{page}\n\n{furniture(number)}" for number, page in enumerate(articles(pages), 1))
    document = parse_text(text)
    assert skipped_texts(document) == expected
    assert coverage_problems(document) == []


def test_page_numbers_and_the_running_header_beside_them_are_skipped():
    pages = articles(5)
    text = "\n\n".join(f"{HEADER}\n\n{page}\n\n17-{number}" for number, page in enumerate(pages, 1))
    document = parse_text(text)
    skipped = skipped_texts(document)
    assert all(skipped.get(f"17-{number}") == PAGE_NUMBER_REASON for number in range(1, 6)), skipped
    assert skipped.get(HEADER) == RUNNING_LINE_REASON
    assert [p.ref for p in document.provisions if p.kind == "article"] == [f"Art. 17.{n}" for n in range(1, 6)]
    assert not any(HEADER in p.text or "17-3" in p.text for p in document.provisions if p.kind == "paragraph")
    assert coverage_problems(document) == []


def test_page_x_of_y_footers_are_skipped_and_a_list_runs_on_across_the_page_break():
    lead_in = "3. Each Party shall ensure that its designated monopolies:"
    text = "\n\n".join([
        articles(1)[0], lead_in, "(a) act in accordance with commercial considerations;", "Page 1 of 4",
        "(b) accord non-discriminatory treatment.", articles(2)[1], "Page 2 of 4", articles(3)[2], "Page 3 of 4",
        articles(4)[3], "Page 4 of 4"])
    document = parse_text(text)
    skipped = skipped_texts(document)
    assert [text for text, reason in skipped.items() if reason == PAGE_NUMBER_REASON] == [f"Page {n} of 4" for n in range(1, 5)]
    readings = {p.ref: (p.kind, p.modality) for p in document.provisions}
    assert readings["Art. 17.1(3)(a)"] == readings["Art. 17.1(3)(b)"] == ("item", "binding")
    assert coverage_problems(document) == []


def test_a_two_page_memorandum_numbered_page_x_of_y_has_its_page_numbers_skipped():
    """With the page count printed, two pages are enough (three are needed otherwise); the last page number is not run
    into the signature line above it, though blank lines separate every line of this double-spaced text."""
    paragraphs = [f"{number}. {FILLER}" for number in range(1, 5)]
    text = "\n\n".join(["Article 1", *paragraphs[:2], "Page 1 of 2", "Article 2", *paragraphs[2:],
                         "Done at Tokyo on 1 March 2024.", "For the Government of Japan", "Page 2 of 2"])
    document = parse_text(text)
    skipped = skipped_texts(document)
    assert [text for text, reason in skipped.items() if reason == PAGE_NUMBER_REASON] == ["Page 1 of 2", "Page 2 of 2"]
    assert document.provisions[-1].text == "For the Government of Japan"
    assert coverage_problems(document) == []


def test_page_x_of_y_lines_that_do_not_count_the_pages_one_by_one_are_text():
    # Counts that disagree, or numbers that do not step page by page: no page numbering.
    for numbers in (("Page 1 of 3", "Page 2 of 5"), ("Page 1 of 2", "Page 1 of 2")):
        paragraphs = [f"{number}. {FILLER}" for number in range(1, 5)]
        document = parse_text("\n\n".join([*paragraphs[:2], numbers[0], *paragraphs[2:], numbers[1]]))
        assert not any(span.reason == PAGE_NUMBER_REASON for span in document.skipped)


def test_footnote_markers_rising_by_leaps_are_not_page_numbers():
    # Superscript footnote numbers that a PDF reader left on lines of their own: they rise, but not page by page.
    pages = articles(5)
    text = "\n".join(f"{page}\n{marker}" for page, marker in zip(pages, (2, 7, 9, 16, 30)))
    document = parse_text(text)
    assert not any(span.reason == PAGE_NUMBER_REASON for span in document.skipped)


def test_article_and_paragraph_numbers_are_structure_not_page_numbers():
    document = parse_text("\n\n".join(f"Article {n}\n{FILLER * 3}" for n in range(1, 7)))
    assert document.skipped == []
    assert [p.ref for p in document.provisions if p.kind == "article"] == [f"Art. {n}" for n in range(1, 7)]


def test_a_column_of_numbers_in_a_table_is_content():
    rows = "\n".join(f"{n}\nTariff line {n} of the schedule" for n in range(1, 30))
    document = parse_text(f"Article 1\nThe Parties shall apply the following schedule:\n{rows}\nArticle 2\n{FILLER}")
    assert not any(span.reason == PAGE_NUMBER_REASON for span in document.skipped)


def test_a_pdf_page_numbers_and_running_header_are_skipped(tmp_path):
    pages = articles(4)
    path = tmp_path / "chapter17.pdf"
    path.write_bytes(minimal_text_pdf(*(f"{HEADER}\n{page}\n17-{number}" for number, page in enumerate(pages, 1))))
    document = load_document(str(path))
    reasons = set(skipped_texts(document).values())
    assert {PAGE_NUMBER_REASON, RUNNING_LINE_REASON} <= reasons
    assert [p.ref for p in document.provisions if p.kind == "article"] == [f"Art. 17.{n}" for n in range(1, 5)]
    assert coverage_problems(document) == []


def test_a_sentence_cut_by_a_page_break_is_one_provision_again():
    pages = [f"Article 17.{n}: Obligation {n}\n1. {FILLER * 2}\n2. Each Party shall ensure that its designated monopolies "
             "accord treatment no less" for n in range(1, 5)]
    text = "\n\n".join(f"{HEADER}\n\n{page}\n\n17-{number}\n\nfavourable than that accorded to like goods."
                         for number, page in enumerate(pages, 1))
    document = parse_text(text)
    cut = next(p for p in document.provisions if p.ref == "Art. 17.2(2)")
    assert cut.text.startswith("2. Each Party") and cut.text.endswith("favourable than that accorded to like goods.")
    assert cut.modality == "binding"
    assert not any(p.parent == cut.ref for p in document.provisions)  # the page number and header stay skipped spans
    assert {span.reason for span in document.skipped} == {PAGE_NUMBER_REASON, RUNNING_LINE_REASON}
    assert coverage_problems(document) == []


def test_a_reader_appeal_at_the_end_of_a_press_release_is_skipped():
    document = parse_text("\n\n".join([
        "Canada signs investment agreements with three African countries",
        "Canada today signed foreign investment promotion and protection agreements with Mali and Senegal.",
        "Now that these agreements have been signed, countries will proceed with their ratification processes.",
        "Did you find this information helpful? If you did, consider donating.",
    ]))
    skipped = skipped_texts(document)
    assert skipped["Did you find this information helpful? If you did, consider donating."] == "reader appeal"
    assert not any("ratification" in text for text in skipped)


SHORT_DOCUMENTS = [
    # (id, the furniture printed at each page break (given the page number), pages, the skipped texts and their reasons)
    # A two-page treaty: "- 1 -" is a page number whatever the page count; the running footer beside it on both pages.
    ("dashed page numbers of a two-page treaty and its running footer",
     lambda n: f"- {n} -\nFinland - Kenya BIT 2008", 2,
     {"- 1 -": PAGE_NUMBER_REASON, "- 2 -": PAGE_NUMBER_REASON, "Finland - Kenya BIT 2008": RUNNING_LINE_REASON}),
    # A running header on two pages only, beside numbers the three-page rule already finds.
    ("a running header on two pages beside chapter page numbers",
     lambda n: f"2-{n}\nKORUS FTA Final Text Chapter Two" if n < 3 else f"2-{n}", 3,
     {"2-1": PAGE_NUMBER_REASON, "2-2": PAGE_NUMBER_REASON, "2-3": PAGE_NUMBER_REASON,
      "KORUS FTA Final Text Chapter Two": RUNNING_LINE_REASON}),
    # A series' running header and the page number between dashes on one line.
    ("a running header with its page number between dashes",
     lambda n: f"UNTS Vol. 2871 -{n + 13}-", 2, {"UNTS Vol. 2871 -14-": PAGE_NUMBER_REASON, "UNTS Vol. 2871 -15-": PAGE_NUMBER_REASON}),
    # Counter-example: a line beside a page number once, on a one-page text, may be the text's own: it stays.
    ("a one-page text's line beside its page number",
     lambda n: f"- {n} -\nFinland - Kenya BIT 2008", 1, {"- 1 -": PAGE_NUMBER_REASON}),
    # Counter-examples: numbers that are not framed by dashes on both sides, on fewer than three pages, are text.
    ("a dash before a number only", lambda n: f"- {n * 5} years", 2, {}),
    ("bare page numbers of two pages", lambda n: f"{n}", 2, {}),
]


@pytest.mark.parametrize("furniture, pages, expected", [row[1:] for row in SHORT_DOCUMENTS],
                         ids=[row[0] for row in SHORT_DOCUMENTS])
def test_the_furniture_of_a_short_document_is_skipped_where_its_shape_is_unambiguous(furniture, pages, expected):
    assert_skipped_after_each_page(furniture, pages, expected)


PRESS_RELEASE = ("Canada and Germany sign declaration on critical minerals\n\n"
                 "Canada and Germany today signed a joint declaration of intent on critical minerals cooperation in Berlin.\n\n"
                 "Under the declaration, the two governments intend to promote investment in critical minerals projects.\n\n")

RELEASE_ENDS = [
    # (id, the release's end, the texts skipped there (reason), a text that stays a provision)
    # India PIB: a row of asterisks, the officers' initials and the release number close the release.
    ("a release's sign-off", "*****\n\nAD/VN\n\n(Release ID: 2107311)",
     {"*****\n\nAD/VN\n\n(Release ID: 2107311)": "press release sign-off"}, None),
    # Canada.ca: the quotes are the release's (content); from "Associated links" on, the page's end matter.
    ("a release's end matter after its quotes",
     "Quotes\n\n\"Canada has the critical minerals the world needs, and Germany is a trusted partner in building supply chains.\"\n\n"
     "Associated links\n\n- Canadian Critical Minerals Strategy\n\nContacts\n\nMedia Relations\n\n343-292-6100\n\nPage details\n\n"
     "Date modified: 2025-03-18",
     {"Associated links\n\n• Canadian Critical Minerals Strategy\n\nContacts\n\nMedia Relations\n\n343-292-6100\n\nPage details\n\n"
      "Date modified: 2025-03-18": "page end matter"}, "trusted partner"),
    # Counter-example: an agreement's article headed "Contacts" goes on with its text: no end matter.
    ("an article headed Contacts", "Article 5\n\nContacts\n\nEach Participant will designate a contact point for the "
     "implementation of this Memorandum and will notify the other Participant of it.", {}, "contact point"),
    # Counter-example: asterisks between two parts of a text are no sign-off.
    ("asterisks between parts", "*****\n\nThe ministers will meet again in Ottawa next year to review the declaration.", {},
     "meet again"),
]


@pytest.mark.parametrize("end, skipped, kept", [row[1:] for row in RELEASE_ENDS], ids=[row[0] for row in RELEASE_ENDS])
def test_a_press_releases_sign_off_and_page_end_matter_are_skipped_and_its_quotes_are_not(end, skipped, kept):
    document = parse_text(PRESS_RELEASE + end)
    found = {text: reason for text, reason in skipped_texts(document).items() if reason != "title"}
    assert found == skipped
    if kept:
        assert any(kept in p.text for p in document.provisions)
    assert coverage_problems(document) == []


def test_an_annex_headed_contacts_is_the_agreements_own():
    """Counter-example: an annex listing contact points under "Annex" / "Contacts" is content, though short lines follow."""
    document = parse_text(PRESS_RELEASE + "Annex 1\n\nContacts\n\nMinistry of Natural Resources\n\nDepartment of Mines")
    assert not [span for span in document.skipped if span.reason == "page end matter"]
    assert any("Department of Mines" in p.text for p in document.provisions)


EXCERPT_PAGE_NUMBERS = [
    # (id, the furniture at each page break (given the page's rank), pages, the skipped texts and their reasons)
    # An excerpt of a long PDF skips pages: "Page 3 of 28" then "Page 9 of 28" still count pages up to the page count.
    ("page x of y numbers of an excerpt", lambda n: f"Page {n * 6 - 3} of 28", 2,
     {"Page 3 of 28": PAGE_NUMBER_REASON, "Page 9 of 28": PAGE_NUMBER_REASON}),
    # … and dashed numbers "- 5 -" then "- 12 -" are page numbers however far apart.
    ("dashed page numbers of an excerpt", lambda n: f"- {n * 7 - 2} -", 2, {"- 5 -": PAGE_NUMBER_REASON, "- 12 -": PAGE_NUMBER_REASON}),
    # The rule and running header under the page number, on both pages, go with it.
    ("a rule and a running header under the page number", lambda n: f"Page {n * 6 - 3} of 28\n{'_' * 60}\nAfCFTA Protocol on Investment Adopted February 2023", 2,
     {"Page 3 of 28": PAGE_NUMBER_REASON, "Page 9 of 28": PAGE_NUMBER_REASON,
      f"{'_' * 60}\nAfCFTA Protocol on Investment Adopted February 2023": RUNNING_LINE_REASON}),
    # Counter-examples: page numbers that fall, or that pass the page count, are text.
    ("page x of y numbers falling", lambda n: f"Page {12 - n * 3} of 28", 2, {}),
    ("page x of y numbers past the page count", lambda n: f"Page {n * 20} of 28", 2, {}),
    ("dashed numbers falling", lambda n: f"- {14 - n * 4} -", 2, {}),
]


@pytest.mark.parametrize("furniture, pages, expected", [row[1:] for row in EXCERPT_PAGE_NUMBERS],
                         ids=[row[0] for row in EXCERPT_PAGE_NUMBERS])
def test_the_page_numbers_of_an_excerpt_are_skipped_where_they_rise(furniture, pages, expected):
    assert_skipped_after_each_page(furniture, pages, expected)


def test_bare_page_numbers_beside_a_running_header_are_skipped_and_the_cut_sentence_joins():
    """A PDF text layer with the page number alone at each page's foot and the running header at the next page's top
    ("other" / "1" / "" / "Bilateral Investment Treaty India - Kazakhstan" / "Party to measures …"): both are skipped and the
    sentence cut by them is one provision again."""
    header = "Bilateral Investment Treaty India - Kazakhstan"
    cut = "2. No Party shall subject investments made by investors of the other"
    pages = [f"{page}\n{cut}\n{number}\n\n{header}\nParty to measures which violate customary international law."
             for number, page in enumerate(articles(3), 1)]
    document = parse_text(f"{header}\n\n" + "\n".join(pages))
    skipped = skipped_texts(document)
    assert {text: reason for text, reason in skipped.items() if text != header} == {str(n): PAGE_NUMBER_REASON for n in (1, 2, 3)}
    assert skipped.get(header) == RUNNING_LINE_REASON
    joined = [p for p in document.provisions if p.text.startswith("2. No Party")]
    assert len(joined) == 3 and all(p.text.endswith("customary international law.") for p in joined)
    assert not any(header in p.text.replace("\n", " ").split("2. No Party")[0] for p in joined)
    assert coverage_problems(document) == []
