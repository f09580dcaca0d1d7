"""Coverage matrix, statuses, gaps, and the diff/CSV renderings of a comparison (issue 4)."""
from __future__ import annotations

import csv
import io
import json

import pytest

from compare import compare_documents
from reports.diff_text import render_diff
from reports.table_csv import COLUMNS, render_coverage_csv, render_coverage_table
from tests.conftest import seed_path
from tests.factories import Spec, make_classified

BINDING = make_classified([
    Spec("art_1", "Neither Party shall impose any duty on the export of critical minerals to the other Party.",
         modality="binding", polarity="negative", categories=["export_duties"]),
    Spec("art_2", "The Parties shall exchange information on their critical minerals policies.",
         modality="binding", categories=["information_sharing"]),
    Spec("art_3", "This Agreement shall enter into force on the date of signature.", modality="binding",
         categories=["final_provisions"]),
], path="fta.txt", title="Binding agreement", parties=[("USA", "United States"), ("JPN", "Japan")])

ASPIRATIONAL = make_classified([
    Spec("p1", "The Participants intend to refrain from imposing duties on the export of critical minerals to each other.",
         modality="aspirational", polarity="negative", categories=["export_duties"]),
    Spec("p2", "The Participants will exchange information on their critical minerals policies.",
         modality="commitment", categories=["information_sharing"]),
    Spec("p3", "The Participants intend to cooperate on stockpiling critical minerals.", modality="aspirational",
         categories=["stockpiling"]),
], path="mou.txt", title="Memorandum", parties=[("CAN", "Canada"), ("JPN", "Japan")], instrument="memorandum")

NEWS = make_classified([
    Spec("s1", "The two countries agreed to share information on critical minerals policies.",
         modality="commitment", categories=["information_sharing"]),
], path="news.txt", title="News report")

CATEGORIES = ["export_duties", "information_sharing", "stockpiling", "final_provisions", "labor_rights"]


def test_status_of_each_category_across_three_agreements():
    comparison = compare_documents([BINDING, ASPIRATIONAL, NEWS], categories=CATEGORIES)
    statuses = {row.category: (row.status, row.covered_by) for row in comparison.coverage}
    assert statuses == {
        "export_duties": ("some", ["fta.txt", "mou.txt"]),
        "information_sharing": ("all", ["fta.txt", "mou.txt", "news.txt"]),
        "stockpiling": ("only", ["mou.txt"]),
        "final_provisions": ("only", ["fta.txt"]),
        "labor_rights": ("none", []),
    }
    assert not comparison.alignments  # three agreements: alignments only on request


def test_cells_hold_the_provisions_and_the_strongest_modality():
    comparison = compare_documents([BINDING, ASPIRATIONAL], categories=CATEGORIES)
    cells = {(cell.agreement, cell.category): (cell.refs, cell.strongest) for row in comparison.coverage for cell in row.cells}
    assert cells[("fta.txt", "export_duties")] == (["art_1"], "binding")
    assert cells[("mou.txt", "export_duties")] == (["p1"], "aspirational")
    assert cells[("mou.txt", "final_provisions")] == ([], None)


GAP_CASES = [
    # (id, kind, category, covered_by, lacking)
    ("binding-vs-aspirational-is-a-strength-gap", "strength", "export_duties", ["fta.txt"], ["mou.txt"]),
    ("binding-vs-commitment-is-a-strength-gap", "strength", "information_sharing", ["fta.txt"], ["mou.txt"]),
    ("only-the-mou-stockpiles", "missing", "stockpiling", ["mou.txt"], ["fta.txt"]),
    ("only-the-fta-has-final-provisions", "missing", "final_provisions", ["fta.txt"], ["mou.txt"]),
    ("neither-covers-labour", "uncovered", "labor_rights", [], ["fta.txt", "mou.txt"]),
]


@pytest.mark.parametrize("kind, category, covered_by, lacking", [case[1:] for case in GAP_CASES], ids=[case[0] for case in GAP_CASES])
def test_gaps(kind, category, covered_by, lacking):
    gaps = compare_documents([BINDING, ASPIRATIONAL], categories=CATEGORIES).gaps
    assert [(gap.covered_by, gap.lacking) for gap in gaps if gap.kind == kind and gap.category == category] == [(covered_by, lacking)]


def test_equal_strength_is_no_strength_gap():
    gaps = compare_documents([ASPIRATIONAL, NEWS], categories=CATEGORIES).gaps
    assert not [gap for gap in gaps if gap.kind == "strength"]


def test_two_agreements_are_aligned_and_the_binding_clause_pairs_with_its_aspirational_version():
    comparison = compare_documents([BINDING, ASPIRATIONAL], categories=CATEGORIES)
    [alignment] = comparison.alignments
    pairs = {(pair.a_ref, pair.b_ref): pair for pair in alignment.pairs}
    assert set(pairs) == {("art_1", "p1"), ("art_2", "p2")}
    assert pairs[("art_1", "p1")].modality_differs and not pairs[("art_1", "p1")].polarity_differs
    assert comparison.has_differences()


def test_an_agreement_compared_with_itself_has_no_differences():
    assert not compare_documents([BINDING, BINDING], categories=CATEGORIES).has_differences()


def test_an_agreement_without_provisions_covers_nothing_and_pairs_nothing():
    empty = make_classified([], path="empty.txt")
    comparison = compare_documents([BINDING, empty], categories=CATEGORIES)
    assert comparison.alignments[0].pairs == [] and len(comparison.alignments[0].unpaired_a) == 3
    assert {row.category: row.status for row in comparison.coverage}["export_duties"] == "only"


def test_default_categories_come_from_the_taxonomy_plus_any_other_tag():
    rows = [row.category for row in compare_documents([BINDING, ASPIRATIONAL]).coverage]
    assert {"export_duties", "stockpiling", "labor_rights"} <= set(rows)
    assert len(rows) == len(set(rows))


# ----------------------------------------------------------------------------- renderings

def test_diff_text_shows_header_sections_redline_and_unpaired():
    text = render_diff(compare_documents([BINDING, ASPIRATIONAL], categories=CATEGORIES), fmt="text", color=False)
    for expected in ("--- A  Binding agreement  (fta.txt)", "+++ B  Memorandum  (mou.txt)", "United States, Japan",
                     "memorandum (legal text)", "== export_duties", "strength    A binding; B aspirational",
                     "art_1 <-> p1", "[-Neither Party shall impose any duty-]", "{+The Participants intend to refrain from imposing duties+}",
                     "- only A art_3 (binding)", "+ only B p3 (aspirational)", "covered by neither: labor_rights"):
        assert expected in text
    assert "\x1b[" not in text


def test_diff_coverage_line_names_provisions_that_mention_a_category_without_committing_to_it():
    report = make_classified([
        Spec("s1", "The agreement entered into force upon signature.", modality="none", categories=["final_provisions"]),
    ], path="report.txt", instrument="joint_statement")
    text = render_diff(compare_documents([ASPIRATIONAL, report], categories=CATEGORIES), fmt="text", color=False)
    assert "coverage    neither (A: -; B: mentioned in 1 provision (s1), no commitment)" in text
    assert "+++ B  (untitled)  (report.txt)" in text and "B: joint statement" in text
    assert "coverage    only A (A: 1 provision (p3), strongest aspirational; B: -)" in text


def test_diff_text_in_colour_uses_ansi_instead_of_markers():
    text = render_diff(compare_documents([BINDING, ASPIRATIONAL], categories=CATEGORIES), fmt="text", color=True)
    assert "\x1b[31;9m" in text and "\x1b[32m" in text and "[-" not in text


def test_diff_category_filter_keeps_one_section():
    text = render_diff(compare_documents([BINDING, ASPIRATIONAL], categories=CATEGORIES), category="stockpiling")
    assert "== stockpiling" in text and "== export_duties" not in text


def test_diff_markdown_escapes_document_text():
    hostile = make_classified([Spec("x", "<script>alert(1)</script> *all* duties", categories=["export_duties"])], path="x.txt")
    markdown = render_diff(compare_documents([hostile, ASPIRATIONAL], categories=CATEGORIES), fmt="md")
    assert "<script>" not in markdown and "&lt;script&gt;" in markdown and "# Diff:" in markdown


def test_diff_json_carries_documents_coverage_pairs_and_gaps():
    payload = json.loads(render_diff(compare_documents([BINDING, ASPIRATIONAL], categories=CATEGORIES), fmt="json"))
    assert payload["differences"] is True and payload["version"]
    assert [agreement["path"] for agreement in payload["agreements"]] == ["fta.txt", "mou.txt"]
    pair = next(pair for pair in payload["alignments"][0]["pairs"] if pair["a_ref"] == "art_1")
    assert pair["b_ref"] == "p1" and pair["a_text"].startswith("Neither") and pair["redline"][0]["op"] in {"equal", "delete", "insert"}
    assert (pair["modality_differs"], pair["polarity_differs"]) == (True, False)
    assert {gap["kind"] for gap in payload["gaps"]} == {"missing", "strength", "uncovered"}
    assert {row["category"] for row in payload["coverage"]} == set(CATEGORIES)


def test_coverage_csv_has_one_row_per_agreement_and_category():
    comparison = compare_documents([BINDING, ASPIRATIONAL, NEWS], categories=CATEGORIES)
    rows = list(csv.DictReader(io.StringIO(render_coverage_csv(comparison))))
    assert tuple(rows[0]) == COLUMNS and len(rows) == 3 * len(CATEGORIES)
    row = next(row for row in rows if row["agreement"] == "mou.txt" and row["category"] == "export_duties")
    assert row == {"agreement": "mou.txt", "title": "Memorandum", "category": "export_duties", "covered": "1",
                   "provisions": "1", "strongest": "aspirational", "status": "some", "refs": "p1"}


def test_coverage_table_shows_counts_modalities_statuses_and_gaps():
    table = render_coverage_table(compare_documents([BINDING, ASPIRATIONAL, NEWS], categories=CATEGORIES))
    lines = table.splitlines()
    assert lines[0] == "[1] Binding agreement (fta.txt)"
    assert next(line for line in lines if line.startswith("export_duties")).split() == ["export_duties", "1", "B", "1", "A", "-", "some"]
    assert next(line for line in lines if line.startswith("stockpiling")).split() == ["stockpiling", "-", "1", "A", "-", "only", "[2]"]
    assert "strength gap: export_duties: [1] binding, [2] aspirational" in lines
    assert "uncovered: labor_rights" in lines


# ----------------------------------------------------------------------------- seeds through the real pipeline

@pytest.fixture(scope="module")
def classified_seeds():
    from clauses import classify_document, load_taxonomy
    from grammar import load_document

    taxonomy = load_taxonomy()
    return {prefix: classify_document(load_document(str(seed_path(prefix))), taxonomy)
            for prefix in ("000", "001", "002", "003", "004")}


def test_seed_us_japan_export_duty_commitment_is_covered_only_there(classified_seeds):
    """Seed 002 (US–Japan) commits to the non-imposition of export duties; 003 and 004 only mention export
    controls and duties as background (China's past practice), which covers nothing."""
    comparison = compare_documents([classified_seeds[prefix] for prefix in ("002", "000", "001", "003", "004")])
    row = next(row for row in comparison.coverage if row.category == "export_duties")
    assert row.status == "only" and row.covered_by == [classified_seeds["002"].document.path]


def test_seed_canada_japan_and_japan_peru_both_carry_supply_chain_cooperation(classified_seeds):
    comparison = compare_documents([classified_seeds["000"], classified_seeds["001"]])
    row = next(row for row in comparison.coverage if row.category == "supply_chain_security")
    assert row.status == "all"
    [alignment] = comparison.alignments
    assert any("supply_chain_security" in pair.categories for pair in alignment.pairs)


def test_coverage_records_give_the_matrix_of_the_full_documents(classified_seeds):
    """``treaty compare`` keeps one small DocumentCoverage per document (bounded memory); the matrix must not change."""
    from compare.coverage import compare_coverage, document_coverage

    docs = list(classified_seeds.values())
    full = compare_documents(docs, align=False)
    records = [document_coverage(doc) for doc in docs]
    assert compare_coverage(records, categories=[row.category for row in full.coverage]) == full
    assert sum(len(r.model_dump_json()) for r in records) < sum(len(d.model_dump_json()) for d in docs) / 10

