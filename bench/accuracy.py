"""Measure the classifier on the labelled set: precision, recall and F1 per category, macro-F1 (over all categories,
then over those with labelled positives), micro precision/recall/F1, modality accuracy.

The labelled set lives in ``tests/data/labelled/``: sentences written for this project (``written.jsonl``, and
``written_es.jsonl`` in Spanish),
sentences of the seed corpus (``seeds.jsonl``), sentences of eight White House critical-minerals texts
(``whitehouse.jsonl``: MOUs, frameworks, joint statements and fact sheets of 2023-2025, public-domain US
government works, labelled by a second annotator who had not seen the classifier) and references into the
ToTA treaties (``tota.jsonl``: file,
article number and the words a sentence starts with; the text is read from ``../shared/data/tota`` at run
time and never stored here, and those rows are skipped where that directory is absent).

    python bench/accuracy.py [--taxonomy FILE] [--errors] [--labelled DIR] [--documents DIR ...]

With ``--documents``, a row whose ``source`` file is in one of those folders is scored *in its document*, as a user
meets the classifier: the document is parsed and classified whole, and the row gets the categories of the
provisions its text lies in (their own text: a container's heading and lead-in, not its children's). Paragraphs of
several sentences are split into sentence provisions, in prose and agreements alike; a row that is only part of a
provision (a clause of a long sentence, a list item's words) gets that provision's categories, so this figure measures
the parse's granularity along with the classifier. A row held by list items or bullets takes their modality, which comes from
their lead-in ("The Participants intend to: … (b) Support resilient supply chains."), and so does a row that is one
provision's whole text (a sentence, or an entry of a list without markers); other rows are read alone.
Rows whose text is found in no document keep their sentence-alone results.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from defusedxml import ElementTree  # noqa: E402

from clauses import classify_document, load_taxonomy  # noqa: E402
from clauses.classify import classify_text  # noqa: E402
from clauses.models import ClassifiedDocument  # noqa: E402
from grammar import load_document  # noqa: E402
from grammar.models import MODALITY_STRENGTH, Document, Provision  # noqa: E402
from grammar.normalize import bullet_marks, normalize_line  # noqa: E402

LABELLED_DIR = ROOT / "tests" / "data" / "labelled"
TOTA_DIR = ROOT.parent / "shared" / "data" / "tota"
#: A sentence ends at a full stop or semicolon followed by a new numbered paragraph, item or capitalised word.
SENTENCE_END = re.compile(r"[.;](?=\s+(?:\d+\.|\([a-z0-9]+\)|[A-Z])|\s*$)")


def load_labelled(directory: Path = LABELLED_DIR, tota_dir: Path = TOTA_DIR) -> tuple[list[dict], int]:
    """Every labelled row with its ``text`` resolved, and how many ToTA rows were skipped (no treaty files)."""
    rows: list[dict] = []
    skipped = 0
    articles: dict[tuple[str, str], str] = {}
    for path in sorted(directory.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            if "categories" not in row:
                continue  # a companion file's row (provenance, notes), not a label
            if "tota" in row:
                if not tota_dir.is_dir():
                    skipped += 1
                    continue
                row["text"] = tota_sentence(tota_dir / row["tota"], row["article"], row["anchor"], articles)
            rows.append(row)
    return rows, skipped


def tota_sentence(path: Path, article: str, anchor: str, cache: dict[tuple[str, str], str]) -> str:
    """The sentence of a ToTA article that starts with ``anchor`` (whitespace collapsed)."""
    if (str(path), article) not in cache:
        for element in ElementTree.parse(path).getroot().iter("article"):
            cache[(str(path), element.get("number") or "")] = " ".join((element.text or "").split())
    text = cache.get((str(path), article))
    if text is None or anchor not in text:
        raise LookupError(f"{path.name} {article}: no sentence starts with {anchor!r}")
    start = text.index(anchor)
    end = SENTENCE_END.search(text, start + len(anchor))
    return text[start:end.end() if end else len(text)]


def read_modality(row: dict, seed_documents: dict) -> str | None:
    """The grammar stage's modality for a row, or None while that stage has no clause reader.

    A seed row takes the modality of the parsed seed's provision holding its text, so a bullet gets the
    modality its lead-in gives it ("commitments … related to:"); other rows are read on their own, as a provision
    without a lead-in is.
    """
    try:
        from grammar.clause import read_provision
    except ImportError:
        return None
    if "seed" in row:
        from grammar import load_document

        path = next((ROOT / "seeds").glob(f"{row['seed']}_*.txt"))
        document = seed_documents.setdefault(row["seed"], load_document(str(path)))
        words = " ".join(row["text"].split())
        holding = [(p.end - p.start, -index, p) for index, p in enumerate(document.provisions)
                   if words in " ".join(p.text.split())]
        if holding:
            return min(holding, key=lambda entry: entry[:2])[2].modality
    return read_provision(row["text"]).modality


class InDocument:
    """The categories labelled rows get inside their classified source documents (see the module's docstring)."""

    def __init__(self, folders: list[Path], taxonomy) -> None:
        self.folders = folders
        self.taxonomy = taxonomy
        self.classified: dict[Path, ClassifiedDocument] = {}
        self.located = self.unlocated = 0

    def holding(self, row: dict) -> tuple[ClassifiedDocument, list[Provision]] | None:
        """The row's classified source document and the provisions holding its text; None where no source
        document holds it."""
        path = next((folder / row["source"] for folder in self.folders if (folder / row.get("source", "")).is_file()), None)
        if path is None:
            return None
        if path not in self.classified:
            self.classified[path] = classify_document(load_document(str(path)), self.taxonomy)
        classified = self.classified[path]
        span = locate(row["text"], classified.document.text)
        if span is None:
            self.unlocated += 1
            return None
        self.located += 1
        return classified, holding_provisions(classified.document, span)

    @staticmethod
    def categories(held: tuple[ClassifiedDocument, list[Provision]]) -> set[str]:
        classified, holding = held
        return {category for provision in holding for category in classified.categories(provision.ref)}

    @staticmethod
    def held_modality(held: tuple[ClassifiedDocument, list[Provision]], text: str) -> str | None:
        """The modality of a row held by list items or bullets only, which take their lead-in's ("The
        Participants intend to: … (b) Support resilient supply chains."), or by one provision that is the row
        (an entry of a list without markers takes its lead-in's too: "we discussed the deliverables, which
        include:" / "advancing best practices …"); None for other rows: a paragraph's modality is its strongest
        sentence's, not the row's (one sentence of it)."""
        _, holding = held
        if len(holding) == 1 and holding[0].text.split() == text.split():
            return holding[0].modality
        if not holding or any(provision.kind not in ("item", "bullet") for provision in holding):
            return None
        return min((provision.modality for provision in holding), key=MODALITY_STRENGTH.index)


def locate(text: str, document_text: str) -> tuple[int, int] | None:
    """Where a row's text (whitespace collapsed, characters as written) lies in a document's normalized text."""
    words = normalize_line(text).split()
    if words and words[0] in bullet_marks():
        # A bullet's marker is normalized in its document ("- " → "• "), not in a row copied from the raw text.
        words = words[1:]
    match = re.search(r"\s+".join(map(re.escape, words)), document_text) if words else None
    return match.span() if match else None


def holding_provisions(document: Document, span: tuple[int, int]) -> list[Provision]:
    """The provisions whose own text the span reaches: a container counts only for what lies outside its children."""
    def overlap(start: int, end: int) -> int:
        return max(0, min(end, span[1]) - max(start, span[0]))

    reached = [provision for provision in document.provisions if overlap(provision.start, provision.end)]
    return [provision for provision in reached
            if overlap(provision.start, provision.end) > sum(overlap(child.start, child.end) for child in document.children(provision.ref))]


def precision_recall_f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision and recall (1.0 where nothing was predicted or expected) and their harmonic mean."""
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def evaluate(rows: list[dict], taxonomy, in_document: InDocument | None = None) -> dict:
    """Per-category counts and scores, macro-F1, modality accuracy, and the rows that went wrong."""
    counts = {category_id: {"tp": 0, "fp": 0, "fn": 0} for category_id in taxonomy.ids}
    errors = []
    modality_right = modality_total = 0
    seed_documents: dict = {}
    for row in rows:
        held = in_document.holding(row) if in_document is not None else None
        predicted = InDocument.categories(held) if held is not None else set(classify_text(row["text"], taxonomy))
        expected = set(row["categories"])
        for category_id in counts:
            if category_id in predicted and category_id in expected:
                counts[category_id]["tp"] += 1
            elif category_id in predicted:
                counts[category_id]["fp"] += 1
            elif category_id in expected:
                counts[category_id]["fn"] += 1
        modality = (held and InDocument.held_modality(held, row["text"])) or read_modality(row, seed_documents)
        if modality is not None and "modality" in row:
            modality_total += 1
            modality_right += modality == row["modality"]
        if predicted != expected or (modality is not None and modality != row.get("modality", modality)):
            errors.append({"id": row["id"], "missed": sorted(expected - predicted), "extra": sorted(predicted - expected),
                           "modality": modality, "expected_modality": row.get("modality"), "text": row["text"]})
    scores = {}
    for category_id, count in counts.items():
        precision, recall, f1 = precision_recall_f1(count["tp"], count["fp"], count["fn"])
        scores[category_id] = {**count, "precision": precision, "recall": recall, "f1": f1}
    # A category with no labelled positives and no false positives scores 1.0 in the macro-F1 above: a set that lacks
    # some categories looks better than it is, so the mean over the categories it has and the pooled counts come too.
    present = [score["f1"] for score in scores.values() if score["tp"] + score["fn"]]
    tp, fp, fn = (sum(score[key] for score in scores.values()) for key in ("tp", "fp", "fn"))
    return {
        "rows": len(rows),
        "scores": scores,
        "macro_f1": sum(score["f1"] for score in scores.values()) / len(scores),
        "present_categories": len(present),
        "present_macro_f1": sum(present) / len(present) if present else None,
        "micro": precision_recall_f1(tp, fp, fn),
        "modality_accuracy": modality_right / modality_total if modality_total else None,
        "errors": errors,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--taxonomy", metavar="FILE", help="a taxonomy file instead of the default")
    parser.add_argument("--errors", action="store_true", help="list every row the classifier got wrong")
    parser.add_argument("--labelled", metavar="DIR", type=Path, default=LABELLED_DIR,
                        help="a folder of labelled *.jsonl rows ({\"id\", \"text\", \"categories\", \"modality\"}) "
                             "instead of the project's own, e.g. a held-out set labelled by someone else")
    parser.add_argument("--documents", metavar="DIR", type=Path, action="append", default=[],
                        help="a folder holding the rows' source files: score each row inside its classified document")
    args = parser.parse_args(argv)
    rows, skipped = load_labelled(args.labelled)
    if not rows:
        print(f"no labelled rows in {args.labelled} (*.jsonl rows with text and categories): nothing to measure", file=sys.stderr)
        return 2
    taxonomy = load_taxonomy(args.taxonomy)
    in_document = InDocument(args.documents, taxonomy) if args.documents else None
    result = evaluate(rows, taxonomy, in_document)
    print(f"labelled rows: {result['rows']}" + (f" ({skipped} ToTA rows skipped: {TOTA_DIR} absent)" if skipped else ""))
    if in_document is not None:
        print(f"scored in their documents: {in_document.located} rows; found in no document, scored alone: "
              f"{result['rows'] - in_document.located} ({in_document.unlocated} with a source file but text not found)")
    print(f"{'category':<26} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>10} {'recall':>7} {'f1':>6}")
    for category_id, score in result["scores"].items():
        print(f"{category_id:<26} {score['tp']:>4} {score['fp']:>4} {score['fn']:>4} "
              f"{score['precision']:>10.2f} {score['recall']:>7.2f} {score['f1']:>6.2f}")
    print(f"macro-F1: {result['macro_f1']:.3f}")
    if result["present_macro_f1"] is not None:
        print(f"macro-F1 over the {result['present_categories']} categories with labelled positives: {result['present_macro_f1']:.3f}")
    print("micro precision {:.3f}, recall {:.3f}, F1 {:.3f}".format(*result["micro"]))
    accuracy = result["modality_accuracy"]
    print(f"modality accuracy: {accuracy:.3f}" if accuracy is not None else "modality accuracy: not yet measurable (no grammar.clause)")
    if args.errors:
        for error in result["errors"]:
            print(f"\n{error['id']}: missed {error['missed']} extra {error['extra']} "
                  f"modality {error['modality']} (expected {error['expected_modality']})\n  {error['text']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
