"""Nothing lost: every character of every document is in a provision or a recorded skipped span."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from grammar import load_document, parse_source
from grammar.models import Source
from tests.conftest import EXTRA_TOTA_PATHS, SEED_PATHS, TOTA_PATHS
from tests.invariants import coverage_problems


@pytest.mark.parametrize("path", SEED_PATHS, ids=lambda path: path.name[:3])
def test_seed_loses_nothing(path):
    assert coverage_problems(load_document(str(path))) == []


@pytest.mark.parametrize("path", TOTA_PATHS + EXTRA_TOTA_PATHS, ids=lambda path: path.stem)
def test_tota_treaty_loses_nothing(path):
    assert coverage_problems(load_document(str(path))) == []


def test_tota_plain_text_rendering_loses_nothing(tota_paths):
    from tests.render_tota import render_tota_as_plain_text

    for path in tota_paths:
        document = parse_source(Source(path=f"{path.name}.txt", format="text", raw=render_tota_as_plain_text(path)))
        assert coverage_problems(document) == [], path.name


# Text built from the pieces agreements are made of, so the generator reaches the grammar's corners.
LINE_PIECES = st.sampled_from([
    "Article 5", "ARTICLE V", "Art. 2.4: Export Duties", "Article 2.4 Export Duties", "Chapter ONE: General",
    "PART II", "Section A", "Preamble", "1.", "1) ", "(1)", "(a)", "(i)", "(iv)", "(h)", "(ii)", "• ", "- ", "* ",
    "The Parties shall ", "Each Party may ", "Neither Party shall not ", "Export Duties", "Definitions",
    "Subscribe now", "MORE NEWS", "Posted on 29 March 2023", "© Reuters", "{{count}} free articles",
    "cooperate on critical minerals.", "U.S. and Japan agreed.", "Sept. 21", "\u00a0", "\u200b", "\u201cquoted\u201d",
    "elimi-", "nate", ":", ";", ".", "", "  ", "\t",
])
LINES = st.lists(st.one_of(LINE_PIECES, st.text(max_size=30)), max_size=6).map("".join)
DOCUMENTS = st.lists(LINES, max_size=25).map("\n".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCUMENTS)
# A lower-case line after skipped lines runs on from the line before them: the skipped span lies inside a sentence that
# is its paragraph's only one (same span), and belongs to the sentence.
@example("• \nSubscribe now\nSubscribe now1.\nb\nArticle 5")
# … and the boilerplate lines inside it (here with "Art. 2.4" in them) never end one of its sentences.
@example("Article 5Article 5Article 5\nArticle 5Article 5\nSection A\n1) Subscribe now\nARTICLE VArt. 2.4: Export Duties\n"
         "Article 5Article 5{{count}} free articles\nArticle 5Article 5:\ncooperate on critical minerals.")
def test_arbitrary_text_parses_and_loses_nothing(raw):
    document = parse_source(Source(path="generated.txt", format="text", raw=raw))
    assert coverage_problems(document) == []


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_any_unicode_parses_and_loses_nothing(raw):
    document = parse_source(Source(path="generated.txt", format="text", raw=raw))
    assert coverage_problems(document) == []
