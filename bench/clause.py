"""Measure read_clause throughput (MB/s, one core) over the article texts of the ToTA treaties.

    .venv/bin/python bench/clause.py [--repeat N] [--tota DIR]

Each article's text is split on blank lines into pieces, roughly the paragraphs the provision grammar
hands to the clause grammar; the time (CPU time of this process, so other load on the machine counts less)
covers read_clause over every piece, nothing else.  It also times read_clauses, the document path, over
each treaty's pieces at once (one scan per treaty), normalized first as grammar/parse.py's provisions are
(raw pieces with tabs would take its one-by-one fallback).
"""
from __future__ import annotations

import argparse
import re
import sys
import time
import xml.etree.ElementTree as ElementTree
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOTA_DIR = ROOT.parent / "shared" / "data" / "tota"
BLANK_LINE = re.compile(r"\n\s*\n")
WORD = re.compile(r"\w+")

sys.path.insert(0, str(ROOT))
from grammar.clause import read_clause, read_clauses  # noqa: E402
from grammar.normalize import normalize_text  # noqa: E402


def article_pieces(path: Path) -> list[str]:
    """The non-blank pieces of every article in one ToTA treaty, split on blank lines."""
    root = ElementTree.parse(path).getroot()
    return [piece.strip() for article in root.iter("article") for piece in BLANK_LINE.split(article.text or "")
            if piece.strip()]


def _time(action) -> float:
    started = time.process_time()
    action()
    return time.process_time() - started


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--repeat", type=int, default=4, help="runs to time (default: 4); the first is reported "
                         "apart, since it parses every new sentence shape, then the best of the rest")
    options.add_argument("--tota", type=Path, default=TOTA_DIR, help=f"directory of ToTA .xml files (default {TOTA_DIR})")
    arguments = options.parse_args()
    repeat, tota_dir = arguments.repeat, arguments.tota
    if not tota_dir.is_dir():
        print(f"skipped: {tota_dir} is absent (the ToTA treaties are only on the project's own machines)")
        return 0
    treaties = [article_pieces(path) for path in sorted(tota_dir.glob("*.xml"))]
    pieces = [piece for treaty in treaties for piece in treaty]
    megabytes = sum(len(piece.encode("utf-8")) for piece in pieces) / 1e6
    timings = []
    for _ in range(max(repeat, 2)):
        started = time.process_time()
        readings = [read_clause(piece) for piece in pieces]
        timings.append(time.process_time() - started)
    first, best = timings[0], min(timings[1:])
    normalized = [[normalize_text(piece) for piece in treaty] for treaty in treaties]
    normalized_megabytes = sum(len(piece.encode("utf-8")) for treaty in normalized for piece in treaty) / 1e6
    by_treaty = min(_time(lambda: [read_clauses(treaty) for treaty in normalized]) for _ in range(max(repeat - 1, 1)))
    ceiling = min(_time(lambda: [WORD.findall(piece.lower()) for piece in pieces]) for _ in range(3))
    modalities = Counter(reading.modality for reading in readings)
    negative = sum(reading.polarity == "negative" for reading in readings)
    print(f"{len(pieces)} pieces, {megabytes:.2f} MB, CPU time of one core")
    print(f"  first run (every sentence shape parsed): {first:.2f} s, {megabytes / first:.1f} MB/s")
    print(f"  best later run (shapes already planned): {best:.2f} s, {megabytes / best:.1f} MB/s")
    print(f"  read_clauses, one scan per treaty:        {by_treaty:.2f} s, {normalized_megabytes / by_treaty:.1f} MB/s "
          f"(normalized pieces, {normalized_megabytes:.2f} MB)")
    print(f"  tokenisation ceiling, same pieces and run: {ceiling:.2f} s, {megabytes / ceiling:.1f} MB/s "
          f"(re.findall(r'\\w+', piece.lower()); read_clause takes {best / ceiling:.1f}x as long)")
    print("modalities: " + ", ".join(f"{name} {count}" for name, count in modalities.most_common()) + f"; negative {negative}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
