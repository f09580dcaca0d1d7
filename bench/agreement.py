"""How far two annotators of the same rows agree, and how the classifier scores against each: the ceiling that
label noise puts on any accuracy figure.

Both files hold the same rows (matched by ``id``) labelled independently, as ``bench/accuracy.py`` reads them
(``{"id", "source", "text", "categories", "modality"}``). Annotator A is read as the reference and B as a prediction
of it; the category scores are symmetric in the pair but for precision and recall trading places. Modality agreement
comes with Cohen's kappa (agreement beyond what the two annotators' own label frequencies give by chance).

With ``--documents``, the classifier is scored as ``bench/accuracy.py --documents`` scores it: against A, against B,
and against the rows on which A and B agree (categories and modality each)::

    python bench/agreement.py A.jsonl B.jsonl [--documents DIR]
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from accuracy import InDocument, evaluate, precision_recall_f1  # bench/ is this script's own folder

from clauses import load_taxonomy


def read_rows(path: Path) -> dict[str, dict]:
    """The labelled rows of one annotator's file, by id."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {row["id"]: row for row in rows}


def category_agreement(reference: list[dict], other: list[dict], categories: list[str]) -> dict:
    """Per category tp/fp/fn of ``other`` against ``reference`` (rows in the same order), and the macro-F1 over the
    categories either annotator gave at least once."""
    scores = {}
    for category in categories:
        tp = sum(category in a["categories"] and category in b["categories"] for a, b in zip(reference, other))
        fp = sum(category not in a["categories"] and category in b["categories"] for a, b in zip(reference, other))
        fn = sum(category in a["categories"] and category not in b["categories"] for a, b in zip(reference, other))
        if tp + fp + fn:
            scores[category] = (tp, fp, fn, *precision_recall_f1(tp, fp, fn))
    macro = sum(score[5] for score in scores.values()) / len(scores) if scores else None
    return {"scores": scores, "macro_f1": macro}


def cohen_kappa(first: list[str], second: list[str]) -> float | None:
    """Agreement of two labellings beyond chance: 1 is perfect, 0 what their label frequencies give at random.

    >>> cohen_kappa(["a", "a", "b", "b"], ["a", "a", "b", "b"])
    1.0
    >>> cohen_kappa(["a", "b", "a", "b"], ["a", "a", "b", "b"])
    0.0
    """
    total = len(first)
    if not total:
        return None
    observed = sum(x == y for x, y in zip(first, second)) / total
    first_counts, second_counts = Counter(first), Counter(second)
    expected = sum(first_counts[label] * second_counts[label] for label in first_counts) / total ** 2
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reference", type=Path, help="annotator A's labels (*.jsonl)")
    parser.add_argument("other", type=Path, help="annotator B's labels of the same rows (*.jsonl)")
    parser.add_argument("--documents", metavar="DIR", type=Path, action="append", default=[],
                        help="a folder holding the rows' source files: also score the classifier in each document")
    args = parser.parse_args(argv)
    reference_rows, other_rows = read_rows(args.reference), read_rows(args.other)
    shared = [row_id for row_id in reference_rows if row_id in other_rows]
    if not shared:
        print(f"{args.reference} and {args.other} share no row id: nothing to compare", file=sys.stderr)
        return 2
    first = [reference_rows[row_id] for row_id in shared]
    second = [other_rows[row_id] for row_id in shared]
    taxonomy = load_taxonomy(None)
    agreement = category_agreement(first, second, taxonomy.ids)
    print(f"rows labelled by both: {len(shared)} (only A: {len(reference_rows) - len(shared)}, "
          f"only B: {len(other_rows) - len(shared)})")
    print(f"{'category':<26} {'both':>5} {'B only':>7} {'A only':>7} {'f1':>6}")
    for category, (tp, fp, fn, _, _, f1) in agreement["scores"].items():
        print(f"{category:<26} {tp:>5} {fp:>7} {fn:>7} {f1:>6.2f}")
    if agreement["macro_f1"] is not None:
        print(f"annotator agreement, macro-F1 over the {len(agreement['scores'])} categories either gave: "
              f"{agreement['macro_f1']:.3f}")
    print(f"rows with the same categories: {sum(set(a['categories']) == set(b['categories']) for a, b in zip(first, second))}"
          f" of {len(shared)}")
    modalities = [(a["modality"], b["modality"]) for a, b in zip(first, second) if "modality" in a and "modality" in b]
    if modalities:
        same = sum(x == y for x, y in modalities)
        kappa = cohen_kappa([x for x, _ in modalities], [y for _, y in modalities])
        print(f"modality agreement: {same / len(modalities):.3f} ({same} of {len(modalities)}), Cohen's kappa {kappa:.3f}")
    if args.documents:
        in_document = InDocument(args.documents, taxonomy)
        categories_agreed = [a for a, b in zip(first, second) if set(a["categories"]) == set(b["categories"])]
        modality_agreed = [a for a, b in zip(first, second) if a.get("modality") == b.get("modality")]
        for name, rows in (("A", first), ("B", second), ("rows whose categories A and B agree on", categories_agreed),
                           ("rows whose modality A and B agree on", modality_agreed)):
            result = evaluate(rows, taxonomy, in_document)
            present = result["present_macro_f1"]
            print(f"classifier against {name} ({len(rows)} rows): present-category macro-F1 "
                  f"{'-' if present is None else f'{present:.3f}'}, modality accuracy {result['modality_accuracy']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
