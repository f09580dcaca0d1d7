"""How much OCR damage costs the classifier, with and without its repair of damaged vocabulary words.

    python bench/ocr_noise.py [--rate 0.05] [--seed 1] [--tota DIR]

The damage is made here, the same for every run of a seed: each word of five letters or more is damaged,
with probability ``--rate``, by one confusion of ``clauses/ocr_confusions.toml`` that applies to it, chosen at
random, or one letter is replaced by a random letter or digit (damage no listed confusion explains). Two
measures, each on clean text, on damaged text without the repair (an empty OCR lexicon) and with it:

- the labelled rows (``tests/data/labelled``), each sentence classified alone against its labels: P/R/F1 pooled
  over categories, and macro-F1. A sentence is repaired only when it shows damage only OCR does itself;
- the seeds and the ToTA treaties (their XML text nodes damaged), classified whole: the (provision, category)
  pairs of the damaged document against those of the clean one, for provisions whose ref both have.
"""
from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.accuracy import LABELLED_DIR, TOTA_DIR, evaluate, load_labelled, precision_recall_f1  # noqa: E402
from clauses import classify_document, load_taxonomy  # noqa: E402
from clauses.classify import compile_taxonomy  # noqa: E402
from clauses.ocr import OcrLexicon, confusions  # noqa: E402
from grammar import load_document  # noqa: E402

WORD = re.compile(r"[^\W\d_]{5,}")
NOISE_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789"


def damage(text: str, rate: float, rng: random.Random) -> str:
    """``text`` with some words of five letters or more damaged once (see the module's docstring)."""
    def damaged(match: re.Match) -> str:
        word = match.group()
        if rng.random() >= rate:
            return word
        lowered = word.lower()
        options = [(at, right, wrong) for right, wrong in confusions() for at in _positions(lowered, right)]
        if options and rng.random() < 0.8:
            at, right, wrong = rng.choice(options)
            return word[:at] + wrong + word[at + len(right):]
        at = rng.randrange(len(word))
        return word[:at] + rng.choice(NOISE_CHARACTERS) + word[at + 1:]

    return WORD.sub(damaged, text)


def _positions(word: str, part: str) -> list[int]:
    return [at for at in range(len(word)) if word.startswith(part, at)]


def rows_scores(rows: list[dict], texts: list[str], taxonomy) -> tuple[float, float, float, float]:
    """Pooled precision, recall, F1 and macro-F1 (categories with labelled positives) of ``texts`` against ``rows``."""
    result = evaluate([{**row, "text": text} for row, text in zip(rows, texts)], taxonomy)
    return (*result["micro"], result["present_macro_f1"])


def ref_categories(classified) -> dict[str, set[str]]:
    """Each provision's ref and the categories it is tagged with."""
    return {provision.ref: set(classified.categories(provision.ref)) for provision in classified.document.provisions}


def document_scores(clean: list[dict[str, set[str]]], damaged: list[dict[str, set[str]]]) -> tuple[float, float, int]:
    """Precision and recall of the damaged documents' (ref, category) pairs against the clean ones', and the refs compared."""
    tp = fp = fn = compared = 0
    for clean_tags, damaged_tags in zip(clean, damaged):
        for ref in clean_tags.keys() & damaged_tags.keys():
            compared += 1
            tp += len(clean_tags[ref] & damaged_tags[ref])
            fp += len(damaged_tags[ref] - clean_tags[ref])
            fn += len(clean_tags[ref] - damaged_tags[ref])
    precision, recall, _ = precision_recall_f1(tp, fp, fn)
    return precision, recall, compared


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=0.05, help="share of words of 5+ letters damaged (default 0.05)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--tota", type=Path, default=TOTA_DIR)
    args = parser.parse_args()
    taxonomy = load_taxonomy(None)
    compiled = compile_taxonomy(taxonomy)
    repairing = compiled.ocr_lexicon()
    # The run without the repair: an OCR lexicon that knows no words finds nothing to repair.
    settings = {"no repair": OcrLexicon([]), "repair": repairing}
    rng = random.Random(args.seed)

    rows, skipped = load_labelled(LABELLED_DIR, args.tota)
    noisy = [damage(row["text"], args.rate, rng) for row in rows]
    changed = sum(a != b for a, b in zip(noisy, (row["text"] for row in rows)))
    print(f"labelled rows: {len(rows)} ({skipped} ToTA rows skipped: no treaties), {changed} damaged at rate {args.rate}")
    print(f"{'text':<9}{'OCR repair':<12}{'precision':>10}{'recall':>8}{'F1':>7}{'macro-F1':>10}")
    compiled.ocr = repairing
    print(f"{'clean':<9}{'repair':<12}" + "".join(f"{value:>{width}.3f}" for value, width in
                                              zip(rows_scores(rows, [row["text"] for row in rows], taxonomy), (10, 8, 7, 10))))
    for name, lexicon in settings.items():
        compiled.ocr = lexicon
        print(f"{'damaged':<9}{name:<12}" + "".join(f"{value:>{width}.3f}" for value, width in
                                                  zip(rows_scores(rows, noisy, taxonomy), (10, 8, 7, 10))))

    sources = sorted((ROOT / "seeds").glob("*.txt")) + (sorted(args.tota.glob("*.xml")) if args.tota.is_dir() else [])
    with tempfile.TemporaryDirectory(prefix="treaty-ocr-") as temporary:
        damaged_paths = []
        for source in sources:
            text = source.read_text(encoding="utf-8")
            if source.suffix == ".xml":
                text = re.sub(r">([^<]+)<", lambda match: ">" + damage(match.group(1), args.rate, rng) + "<", text)
            else:
                text = damage(text, args.rate, rng)
            damaged_paths.append(Path(temporary) / source.name)
            damaged_paths[-1].write_text(text, encoding="utf-8")
        compiled.ocr = repairing
        clean = [ref_categories(classify_document(load_document(str(path)), taxonomy)) for path in sources]
        print(f"\ndocuments: {len(sources)} (5 seeds, {len(sources) - 5} ToTA treaties), damaged at rate {args.rate};"
              " (ref, category) pairs against the clean documents'")
        print(f"{'OCR repair':<12}{'precision':>10}{'recall':>8}{'refs':>8}{'classify s':>12}")
        documents = [load_document(str(path)) for path in damaged_paths]
        for name, lexicon in settings.items():
            compiled.ocr = lexicon
            started = time.perf_counter()
            tags = [ref_categories(classify_document(document, taxonomy)) for document in documents]
            seconds = time.perf_counter() - started
            precision, recall, compared = document_scores(clean, tags)
            print(f"{name:<12}{precision:>10.3f}{recall:>8.3f}{compared:>8}{seconds:>12.2f}")
    compiled.ocr = repairing
    return 0


if __name__ == "__main__":
    sys.exit(main())
