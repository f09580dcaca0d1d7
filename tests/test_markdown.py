"""Markdown input: the text a reader sees, front matter as declared metadata (grammar/markdown_text.py)."""
from __future__ import annotations

import pytest

from grammar import load_document, load_source
from grammar.errors import InputError
from grammar.markdown_text import read_markdown
from tests.invariants import coverage_problems

# Written for these tests in the shape of converted statements: YAML front matter with a folded, escaped
# title, bold section lines, ordered items with bold leads, a stray "** " the converter left, HTML comments
# between lists, a link and bullets.
FRAMEWORK = """---
date: '2025-03-14'
tags: statements
title: "Ruritania \\u2013 Freedonia Framework for Securing the Supply of Critical\\
  \\ Minerals"
---

**FRAMEWORK**

Whereas, the Participants intend to support the supply of processed
critical minerals;

**Section I**

**Critical Minerals**

1.  **Securing supply:**  The Participants intend to accelerate the
    secure supply of lithium and cobalt.

<!-- -->

2.  **Ministerial: **The Participants will establish a Critical
    Minerals Ministerial that meets once a year.

- Scrap: The Participants commit to invest in recycling, as set out in
  the [annex](https://example.org/annex).
- Prices: The Participants shall refrain from price manipulation.
"""


def test_markup_is_read_as_the_text_a_reader_sees():
    reading = read_markdown(FRAMEWORK)
    assert reading.text == (
        "FRAMEWORK\n\n"
        "Whereas, the Participants intend to support the supply of processed\ncritical minerals;\n\n"
        "Section I\n\nCritical Minerals\n\n"
        "1. Securing supply:  The Participants intend to accelerate the\nsecure supply of lithium and cobalt.\n\n"
        "2. Ministerial: The Participants will establish a Critical\nMinerals Ministerial that meets once a year.\n\n"
        "• Scrap: The Participants commit to invest in recycling, as set out in\nthe annex.\n\n"
        "• Prices: The Participants shall refrain from price manipulation.\n"
    )
    assert reading.declared == {
        "name": "Ruritania – Freedonia Framework for Securing the Supply of Critical Minerals",
        "date_published": "2025-03-14",
    }
    assert reading.warnings == []


def test_markdown_document_parses_into_sections_paragraphs_and_bullets(tmp_path):
    path = tmp_path / "framework.md"
    path.write_text(FRAMEWORK, encoding="utf-8")
    document = load_document(str(path))
    assert document.format == "markdown"
    assert document.title == "Ruritania – Freedonia Framework for Securing the Supply of Critical Minerals"
    assert document.instrument == "framework"
    assert [(date.kind, date.date) for date in document.dates][:1] == [("published", "2025-03-14")]
    assert {"lithium", "cobalt"} <= set(document.minerals)
    readings = {p.text.split(":")[0]: (p.kind, p.modality, p.polarity) for p in document.provisions}
    assert readings["1. Securing supply"] == ("paragraph", "aspirational", "positive")
    assert readings["2. Ministerial"] == ("paragraph", "commitment", "positive")
    assert readings["• Prices"] == ("bullet", "binding", "negative")
    assert not any("**" in p.text or "<!--" in p.text for p in document.provisions)
    assert coverage_problems(document) == []


def test_front_matter_title_wins_over_a_title_looking_line(tmp_path):
    path = tmp_path / "mou.md"
    path.write_text("---\ntitle: Memorandum of Understanding on Minerals\n---\n"
                    "The Government of Ruritania and the Government of Freedonia,\n\n"
                    "1. The Participants intend to cooperate.\n", encoding="utf-8")
    document = load_document(str(path))
    assert document.title == "Memorandum of Understanding on Minerals"
    assert document.instrument == "memorandum"
    assert document.skipped == []  # the opening line is the preamble, not a title to set aside


@pytest.mark.parametrize("front", ["title: [unclosed\n", "- just\n- a list\n"], ids=["bad-yaml", "not-a-mapping"])
def test_front_matter_that_declares_nothing_is_ignored(tmp_path, front):
    path = tmp_path / "statement.md"
    path.write_text(f"---\n{front}---\nThe Parties shall cooperate.\n", encoding="utf-8")
    source = load_source(str(path))
    assert source.declared == {} and source.raw == "The Parties shall cooperate.\n"
    assert all("front matter" in warning for warning in source.warnings)


def test_front_matter_alone_is_a_clear_error(tmp_path):
    path = tmp_path / "empty.md"
    path.write_text("---\ntitle: Nothing else\n---\n\n<!-- -->\n", encoding="utf-8")
    with pytest.raises(InputError, match="empty.md: Markdown document has no text beyond its front matter"):
        load_source(str(path))


def test_ordered_items_are_numbered_as_shown_whatever_number_they_are_written_with():
    # Markdown writers often put "1." before every item and let the renderer count; a list starting at 4 counts from 4.
    text = read_markdown("1. First.\n\n1. Second.\n\n1. Third.\n\n- a bullet\n\n4. Fourth.\n9. Fifth.\n").text
    assert [line.split(" ", 1)[0] for line in text.split("\n") if line] == ["1.", "2.", "3.", "•", "4.", "5."]


def test_nested_ordered_items_are_lettered_and_an_empty_item_lends_no_number():
    markup = ("1.  **Supply:** The Participants will act.\n"
              "2.  **Investment:** The Participants will mobilize support via guarantees, loans, or equity;\n"
              "    finalization of offtake arrangements; or insurance.\n"
              "    1.  **Project selection:** The Participants will identify projects.\n"
              "    2.  **Financing:** The Participants will provide financing.\n"
              "3.  **Permitting:** The Participants will streamline permits.\n\n"
              "<!-- -->\n\n1.  \n\n**Section II**\n")
    lines = [line for line in read_markdown(markup).text.split("\n") if line]
    assert [line.split(" ", 1)[0] for line in lines] == ["1.", "2.", "finalization", "(a)", "(b)", "3.", "Section"]


def test_a_bulleted_list_inside_a_bullet_is_marked_nested():
    assert read_markdown("- To adopt labour laws:\n  - freedom of association;\n  - collective bargaining.\n- To enforce them.\n").text \
        == "• To adopt labour laws:\n\n◦ freedom of association;\n\n◦ collective bargaining.\n\n• To enforce them.\n"
