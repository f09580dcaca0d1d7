"""Alignment: labelled pairs, symmetry, one-to-one, threshold, relations, normalization and word redlines (issue 4)."""
from __future__ import annotations

from collections import Counter, defaultdict

import pytest

from compare import align_documents
from compare.align import normalize_text
from compare.redline import redline_words
from tests.factories import Spec, article_digits, article_keys, load_tota_pairs, load_written_cases, make_classified, read_tota

WRITTEN = load_written_cases()


def pair_set(alignment) -> set[tuple[str, str]]:
    return {(pair.a_ref, pair.b_ref) for pair in alignment.pairs}


@pytest.mark.parametrize("case", WRITTEN, ids=[case.id for case in WRITTEN])
def test_written_case_pairs_exactly_the_labelled_pairs(case):
    assert pair_set(align_documents(case.a, case.b)) == case.pairs


@pytest.mark.parametrize("case", WRITTEN, ids=[case.id for case in WRITTEN])
def test_swapping_the_agreements_mirrors_the_pairs(case):
    forward = align_documents(case.a, case.b)
    backward = align_documents(case.b, case.a)
    assert {(b, a) for a, b in pair_set(backward)} == pair_set(forward)
    assert sorted(pair.score for pair in backward.pairs) == sorted(pair.score for pair in forward.pairs)


@pytest.mark.parametrize("case", WRITTEN, ids=[case.id for case in WRITTEN])
def test_each_provision_pairs_at_most_once_and_every_leaf_is_accounted_for(case):
    alignment = align_documents(case.a, case.b)
    a_refs = [pair.a_ref for pair in alignment.pairs] + [item.ref for item in alignment.unpaired_a]
    b_refs = [pair.b_ref for pair in alignment.pairs] + [item.ref for item in alignment.unpaired_b]
    assert max(Counter(a_refs).values()) == 1 and max(Counter(b_refs).values()) == 1
    containers = {p.parent for p in case.a.document.provisions} | {p.parent for p in case.b.document.provisions}
    assert set(a_refs) == {p.ref for p in case.a.document.provisions if p.ref not in containers}
    assert set(b_refs) == {p.ref for p in case.b.document.provisions if p.ref not in containers}


def test_pairs_below_min_score_stay_unpaired():
    case = WRITTEN[0]
    assert align_documents(case.a, case.b, min_score=1.01).pairs == []
    loose = align_documents(case.a, case.b, min_score=0.9)
    assert all(pair.score >= 0.9 for pair in loose.pairs)


EXPORT_DUTY = "Neither Party shall adopt or maintain any duty, tax or other charge on the export of critical minerals."

RELATION_CASES = [
    # (id, A provision, B provision, relation, modality differs, polarity differs)
    ("equal-after-normalization", Spec("a", "1. " + EXPORT_DUTY, modality="binding", polarity="negative"),
     Spec("b", "(a)  neither party shall adopt or maintain any duty, tax or other charge on the export of critical minerals",
          modality="binding", polarity="negative"), "same", False, False),
    ("reworded-binding-vs-best-effort", Spec("a", "Each Party shall eliminate its customs duties on originating goods of the other Party.", modality="binding"),
     Spec("b", "Each Party shall endeavour to eliminate its customs duties on originating goods of the other Party.", modality="best_effort"),
     "reworded", True, False),
    ("prohibits-vs-permits", Spec("a", "A Party shall not restrict the export of critical minerals to the other Party.", modality="binding", polarity="negative"),
     Spec("b", "A Party may restrict the export of critical minerals to the other Party.", modality="none"), "reworded", True, True),
    ("same-category-different-commitment", Spec("a", "Non-imposition of export duties on critical minerals;", categories=["export_duties"]),
     Spec("b", EXPORT_DUTY, modality="binding", polarity="negative", categories=["export_duties"]), "related", True, True),
]


@pytest.mark.parametrize("a, b, relation, modality_differs, polarity_differs",
                         [case[1:] for case in RELATION_CASES], ids=[case[0] for case in RELATION_CASES])
def test_relation_and_differences_of_a_pair(a, b, relation, modality_differs, polarity_differs):
    alignment = align_documents(make_classified([a]), make_classified([b]))
    [pair] = alignment.pairs
    assert (pair.relation, pair.modality_differs, pair.polarity_differs) == (relation, modality_differs, polarity_differs)
    assert (pair.redline == []) == (relation == "same")


def test_shared_words_without_shared_meaning_do_not_pair():
    a = make_classified([Spec("a", "Each Party shall designate a contact point for matters covered by this Chapter.", categories=["cooperation_council"])])
    b = make_classified([Spec("b", "Nothing in this Chapter shall require a Party to designate critical minerals.", categories=["export_duties"])])
    alignment = align_documents(a, b)
    assert alignment.pairs == [] and len(alignment.unpaired_a) == len(alignment.unpaired_b) == 1


def test_identical_agreements_have_no_differences():
    case = WRITTEN[0]
    alignment = align_documents(case.a, case.a)
    assert not alignment.has_differences()
    assert all(pair.relation == "same" and pair.a_ref == pair.b_ref for pair in alignment.pairs)


NORMALIZATION_CASES = [
    ("numbered-paragraph", "2. Each Party shall", "each party shall"),
    ("lettered-item", "(b) to that end,", "to that end"),
    ("roman-item", "iv) the Parties", "the parties"),
    ("bullet", "  • Non-imposition of export duties;", "non imposition of export duties"),
    ("article-label", "Article 2.4: Export Duties", "export duties"),
    ("whitespace-and-case", "Each\n   PARTY\tshall", "each party shall"),
    ("only-leading-numbering-goes", "1. Article III of GATT 1994 (a) applies", "article iii of gatt 1994 a applies"),
]


@pytest.mark.parametrize("text, expected", [case[1:] for case in NORMALIZATION_CASES], ids=[case[0] for case in NORMALIZATION_CASES])
def test_normalize_text(text, expected):
    assert normalize_text(text) == expected


REDLINE_CASES = [
    ("modal-change", "Each Party shall eliminate duties", "Each Party may eliminate duties",
     [("equal", "Each Party"), ("delete", "shall"), ("insert", "may"), ("equal", "eliminate duties")]),
    ("insertion-only", "the export of minerals", "the export of critical minerals",
     [("equal", "the export of"), ("insert", "critical"), ("equal", "minerals")]),
    ("case-and-punctuation-are-not-changes", "Party, shall", "party shall", [("equal", "party shall")]),
]


@pytest.mark.parametrize("a, b, expected", [case[1:] for case in REDLINE_CASES], ids=[case[0] for case in REDLINE_CASES])
def test_redline_words(a, b, expected):
    assert [(chunk.op, chunk.text) for chunk in redline_words(a, b)] == expected


# ----------------------------------------------------------------------------- real treaties (ToTA)

def read_with_parser(path):
    from clauses import classify_document, load_taxonomy
    from grammar import load_document

    return classify_document(load_document(str(path)), load_taxonomy())


@pytest.mark.parametrize("read", [read_tota, read_with_parser], ids=["xml-paragraphs", "parser-and-classifier"])
def test_same_heading_articles_of_tota_treaties_pair(tota_paths, read):
    """Treaties sharing a template: labelled same-heading articles pair (article F1 ≥ 0.85 over labelled articles).

    Each A article's partner is the B article that received most of its provisions' pairs.
    """
    by_name = {path.name: path for path in tota_paths}
    true = false_pos = false_neg = 0
    for name_a, name_b, labelled in load_tota_pairs():
        gold = {(article_digits(a), article_digits(b)) for a, b in labelled}
        a, b = read(by_name[name_a]), read(by_name[name_b])
        keys_a, keys_b = article_keys(a), article_keys(b)
        votes: dict[str, Counter] = defaultdict(Counter)
        for pair in align_documents(a, b, redlines=False).pairs:
            votes[keys_a[pair.a_ref]][keys_b[pair.b_ref]] += 1
        predicted = {(article, counter.most_common(1)[0][0]) for article, counter in votes.items()}
        labelled_a, labelled_b = {x for x, _ in gold}, {y for _, y in gold}
        considered = {pair for pair in predicted if pair[0] in labelled_a or pair[1] in labelled_b}
        true += len(considered & gold)
        false_pos += len(considered - gold)
        false_neg += len(gold - considered)
    f1 = 2 * true / (2 * true + false_pos + false_neg)
    assert f1 >= 0.85, (true, false_pos, false_neg)


def test_tota_alignment_is_symmetric(tota_paths):
    by_name = {path.name: path for path in tota_paths}
    a, b = read_tota(by_name["pta_396.xml"]), read_tota(by_name["pta_398.xml"])
    forward = pair_set(align_documents(a, b, redlines=False))
    backward = pair_set(align_documents(b, a, redlines=False))
    assert {(y, x) for x, y in backward} == forward
