"""Pair precision, recall and F1 of ``align_documents`` against the labelled pairs, with a difflib baseline.

Two labelled sets (``tests/data/align``):
- written: agreement language written for the project, scored at provision level;
- ToTA: same-heading articles of real treaties (needs ``../shared/data/tota``), scored at article level:
  each A article's partner is the B article that received most of its paragraphs' pairs. Only pairs touching
  a labelled article count, since the labels say nothing about the rest. The ToTA run is repeated with the
  headings removed, so the figure does not just echo the heading signal the labels were built from.

The baseline pairs every unit with ``difflib.SequenceMatcher(...).ratio()`` on the same normalized texts and
the same greedy one-to-one assignment, at its best threshold on each set (an upper bound on difflib);
on ToTA it sees only the labelled articles, as the full matrix would take over an hour; ``align_documents``
is scored on that same restricted task too, beside its full-document figure.

    .venv/bin/python bench/align_accuracy.py [--scorers]
"""
from __future__ import annotations

import argparse
import difflib
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from clauses.models import ClassifiedDocument  # noqa: E402
from grammar.errors import TreatyError  # noqa: E402
from compare.align import DEFAULT_MIN_SCORE, DEFAULT_SCORER, SCORERS, align_documents, leaf_provisions, normalize_text  # noqa: E402
from tests.factories import article_digits, article_keys, load_tota_pairs, load_written_cases, read_tota  # noqa: E402

TOTA_DIR = ROOT.parent / "shared" / "data" / "tota"
DIFFLIB_THRESHOLDS = [round(0.30 + 0.05 * step, 2) for step in range(12)]


def f1_figures(predicted: set, gold: set, relevant=lambda pair: True) -> tuple[int, int, int]:
    """(true positives, false positives, false negatives); predictions outside ``relevant`` are ignored."""
    considered = {pair for pair in predicted if relevant(pair)}
    true = len(considered & gold)
    return true, len(considered) - true, len(gold) - true


def summary(counts: tuple[int, int, int]) -> str:
    true, false_pos, false_neg = counts
    precision = true / (true + false_pos) if true + false_pos else 0.0
    recall = true / (true + false_neg) if true + false_neg else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f"P={precision:.3f} R={recall:.3f} F1={f1:.3f} (tp={true} fp={false_pos} fn={false_neg})"


def add(total: tuple[int, int, int], counts: tuple[int, int, int]) -> tuple[int, int, int]:
    return tuple(x + y for x, y in zip(total, counts))


def difflib_scores(a: ClassifiedDocument, b: ClassifiedDocument, keep_a=lambda ref: True, keep_b=lambda ref: True):
    """difflib ratio of every pair of (kept) leaves reaching the lowest threshold tried, as (ratio, ref A, ref B), best first."""
    units_a = [(p.ref, normalize_text(p.text)) for p in leaf_provisions(a) if keep_a(p.ref)]
    units_b = [(p.ref, normalize_text(p.text)) for p in leaf_provisions(b) if keep_b(p.ref)]
    lowest = DIFFLIB_THRESHOLDS[0]
    scored = []
    for ref_a, text_a in units_a:
        matcher = difflib.SequenceMatcher(None, b=text_a, autojunk=False)
        for ref_b, text_b in units_b:
            matcher.set_seq1(text_b)
            if matcher.real_quick_ratio() >= lowest and matcher.quick_ratio() >= lowest:
                ratio = matcher.ratio()
                if ratio >= lowest:
                    scored.append((ratio, ref_a, ref_b))
    scored.sort(key=lambda row: (-row[0], row[1], row[2]))
    return scored


def difflib_pairs(scored: list[tuple[float, str, str]], threshold: float) -> set:
    """Greedy one-to-one pairs from ``difflib_scores`` at ``threshold``."""
    taken_a, taken_b, pairs = set(), set(), set()
    for ratio, ref_a, ref_b in scored:
        if ratio >= threshold and ref_a not in taken_a and ref_b not in taken_b:
            taken_a.add(ref_a)
            taken_b.add(ref_b)
            pairs.add((ref_a, ref_b))
    return pairs


def article_pairs(leaf_pairs: set, keys_a: dict[str, str], keys_b: dict[str, str]) -> set:
    """Each A article paired with the B article that got most of its leaves' partners (ties: none)."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for ref_a, ref_b in leaf_pairs:
        votes[keys_a[ref_a]][keys_b[ref_b]] += 1
    result = set()
    for article_a, counter in votes.items():
        ranked = counter.most_common(2)
        if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
            result.add((article_a, ranked[0][0]))
    return result


def without_headings(classified: ClassifiedDocument) -> ClassifiedDocument:
    provisions = [p.model_copy(update={"heading": None}) for p in classified.document.provisions]
    return classified.model_copy(update={"document": classified.document.model_copy(update={"provisions": provisions})})


def restricted(classified: ClassifiedDocument, keep) -> ClassifiedDocument:
    """The document with only the provisions ``keep`` accepts (by ref)."""
    provisions = [p for p in classified.document.provisions if keep(p.ref)]
    return classified.model_copy(update={"document": classified.document.model_copy(update={"provisions": provisions})})


def run_written(scorers: list[str]) -> None:
    cases = load_written_cases()
    print(f"written set: {len(cases)} cases, {sum(len(case.pairs) for case in cases)} labelled pairs")
    for scorer in scorers:
        total = (0, 0, 0)
        for case in cases:
            alignment = align_documents(case.a, case.b, scorer=scorer, redlines=False)
            total = add(total, f1_figures({(p.a_ref, p.b_ref) for p in alignment.pairs}, case.pairs))
        print(f"  align_documents {scorer:<16} min_score={DEFAULT_MIN_SCORE}: {summary(total)}")
    scores = [difflib_scores(case.a, case.b) for case in cases]
    best = max(
        ((threshold, _sum(add, [f1_figures(difflib_pairs(scored, threshold), case.pairs) for scored, case in zip(scores, cases)]))
         for threshold in DIFFLIB_THRESHOLDS),
        key=lambda row: _f1(row[1]),
    )
    print(f"  difflib ratio   best threshold={best[0]}: {summary(best[1])}")


def load_real(path: Path) -> ClassifiedDocument:
    from clauses import classify_document, load_taxonomy
    from grammar import load_document

    return classify_document(load_document(str(path)), load_taxonomy())


def run_tota(scorers: list[str], loader: str, difflib_baseline: bool) -> None:
    if not TOTA_DIR.is_dir():
        print("ToTA set: skipped, ../shared/data/tota is absent")
        return
    labelled = [(a, b, {(article_digits(x), article_digits(y)) for x, y in gold}) for a, b, gold in load_tota_pairs()]
    read = load_real if loader == "real" else read_tota
    try:
        documents = {name: read(TOTA_DIR / name) for entry in labelled for name in entry[:2]}
    except TreatyError as error:
        print(f"ToTA set via the {loader} pipeline: skipped, it fails: {error}")
        return
    keys = {name: article_keys(document) for name, document in documents.items()}
    how = "grammar.load_document + clauses.classify_document" if loader == "real" else "XML articles split into paragraphs, no tags"
    print(f"ToTA set ({how}): {len(labelled)} agreement pairs, {sum(len(pairs) for *_, pairs in labelled)} labelled article pairs")
    for headings in (True, False):
        for scorer in scorers:
            total = (0, 0, 0)
            for name_a, name_b, gold in labelled:
                a, b = documents[name_a], documents[name_b]
                if not headings:
                    a, b = without_headings(a), without_headings(b)
                alignment = align_documents(a, b, scorer=scorer, redlines=False)
                predicted = article_pairs({(p.a_ref, p.b_ref) for p in alignment.pairs}, keys[name_a], keys[name_b])
                labelled_a, labelled_b = {x for x, _ in gold}, {y for _, y in gold}
                total = add(total, f1_figures(predicted, gold, lambda pair: pair[0] in labelled_a or pair[1] in labelled_b))
            label = "with headings   " if headings else "without headings"
            print(f"  align_documents {label} {scorer:<16} full documents: {summary(total)}")
    total = (0, 0, 0)
    for name_a, name_b, gold in labelled:
        in_a, in_b = {x for x, _ in gold}, {y for _, y in gold}
        a = restricted(documents[name_a], lambda ref: keys[name_a][ref] in in_a)
        b = restricted(documents[name_b], lambda ref: keys[name_b][ref] in in_b)
        alignment = align_documents(a, b, redlines=False)
        total = add(total, f1_figures(article_pairs({(p.a_ref, p.b_ref) for p in alignment.pairs}, keys[name_a], keys[name_b]), gold))
    print(f"  align_documents labelled articles only (as difflib below): {summary(total)}")
    if not difflib_baseline:
        return
    scores = []
    for name_a, name_b, gold in labelled:
        in_a, in_b = {x for x, _ in gold}, {y for _, y in gold}
        scores.append(difflib_scores(documents[name_a], documents[name_b],
                                     keep_a=lambda ref: keys[name_a][ref] in in_a, keep_b=lambda ref: keys[name_b][ref] in in_b))
    results = []
    for threshold in DIFFLIB_THRESHOLDS:
        total = (0, 0, 0)
        for scored, (name_a, name_b, gold) in zip(scores, labelled):
            total = add(total, f1_figures(article_pairs(difflib_pairs(scored, threshold), keys[name_a], keys[name_b]), gold))
        results.append((threshold, total))
    threshold, total = max(results, key=lambda row: _f1(row[1]))
    print(f"  difflib ratio   labelled articles only, best threshold={threshold}: {summary(total)}")


def _sum(combine, items):
    total = (0, 0, 0)
    for item in items:
        total = combine(total, item)
    return total


def _f1(counts: tuple[int, int, int]) -> float:
    true, false_pos, false_neg = counts
    return 2 * true / (2 * true + false_pos + false_neg) if true else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scorers", action="store_true", help="compare every rapidfuzz scorer, not just the default")
    parser.add_argument("--loader", choices=["real", "xml", "both"], default="both",
                        help="ToTA documents through the parser and classifier, straight from the XML, or both")
    parser.add_argument("--no-difflib", action="store_true", help="skip the (slow) difflib baseline on ToTA")
    args = parser.parse_args()
    scorers = list(SCORERS) if args.scorers else [DEFAULT_SCORER]
    run_written(scorers)
    for loader in (["real", "xml"] if args.loader == "both" else [args.loader]):
        run_tota(scorers, loader, difflib_baseline=not args.no_difflib)
    return 0


if __name__ == "__main__":
    sys.exit(main())
