"""Benchmark: parse + clause-grammar throughput over the ToTA treaties, against a same-run tokenisation ceiling.

Prints MB/s for ``grammar.parse_source`` (normalize, boilerplate, provision grammar, clause grammar,
metadata) over the five ToTA treaties rendered as text, the time for the largest treaty, and, in the same
run over the same bytes, ``re.findall(r"\\w+", text.lower())``: the pure-Python ceiling that any parser
touching every word pays. Machines are noisy, so the ratio between the two is the figure to compare.
A per-phase breakdown follows, each phase's time also as a multiple of that ceiling.

Usage: python bench/parse.py [--repeat N] [--tota DIR]   (DIR may hold the XML or the plain-text renderings)
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOTA_DIR = ROOT.parent / "shared" / "data" / "tota"
sys.path.insert(0, str(ROOT))

from grammar import load_source, parse_source  # noqa: E402
from grammar.boilerplate import find_boilerplate, split_lines  # noqa: E402
from grammar.clause import read_clause  # noqa: E402
from grammar.gc_pause import gc_paused  # noqa: E402
from grammar.metadata import extract_metadata  # noqa: E402
from grammar.models import Source  # noqa: E402
from grammar.normalize import normalize_text  # noqa: E402
from grammar.parse import HEAD_LINE, _read_clauses  # noqa: E402
from grammar.provisions import parse_provisions  # noqa: E402
from grammar.refs import name_provisions  # noqa: E402

PHASES = ("normalize", "split_lines", "boilerplate", "provisions", "refs", "clauses", "metadata")
CEILING = "ceiling"


def best_of(repeat: int, action) -> float:
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return min(timings)


def phase_seconds(sources: list[Source], repeat: int) -> dict[str, float]:
    """Best-of time of each phase of ``parse_source`` over all the sources, each phase fed the real output of the last.

    The ceiling is timed in the same loop, source by source, so that a busy machine slows both alike.
    """
    best = dict.fromkeys((*PHASES, CEILING), float("inf"))
    for _ in range(repeat):
        totals = dict.fromkeys(best, 0.0)
        for source in sources:
            with gc_paused():  # as parse_source runs: the collector paused for one document
                timed_phases = _time_phases(source)
            for phase, seconds in timed_phases.items():
                totals[phase] += seconds
        best = {phase: min(best[phase], totals[phase]) for phase in best}
    return best


def _time_phases(source: Source) -> dict[str, float]:
    timings: dict[str, float] = {}

    def timed(phase: str, action):
        start = time.perf_counter()
        result = action()
        timings[phase] = time.perf_counter() - start
        return result

    text = timed("normalize", lambda: normalize_text(source.raw, frozenset(entry.line for entry in source.outline)))
    lines = timed("split_lines", lambda: split_lines(text))
    if source.outline:
        reasons: dict[int, str] = {}
        timings["boilerplate"] = 0.0
    else:
        structured = HEAD_LINE.search(text) is not None
        reasons = timed("boilerplate", lambda: find_boilerplate(lines, prose=not structured)).reasons
    skipped = frozenset(lines[index].start for index in reasons)
    nodes = timed("provisions", lambda: parse_provisions(text, skipped_starts=skipped, outline=source.outline))
    drafts = timed("refs", lambda: name_provisions(nodes, text))
    timed("clauses", lambda: _read_clauses(drafts, text))
    timed("metadata", lambda: extract_metadata(text, [(0, len(text))], declared=dict(source.declared)))
    timed(CEILING, lambda: re.findall(r"\w+", source.raw.lower()))
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement; the best is kept (default 3)")
    parser.add_argument("--tota", type=Path, default=TOTA_DIR, help=f"directory of ToTA .xml or .txt files (default {TOTA_DIR})")
    args = parser.parse_args()
    paths = sorted(path for path in args.tota.glob("*") if path.suffix in (".xml", ".txt"))
    if not paths:
        print(f"ToTA treaties not found in {args.tota}: nothing to measure", file=sys.stderr)
        return 0
    sources = [load_source(str(path)) for path in paths]
    megabytes = sum(len(source.raw.encode("utf-8")) for source in sources) / 1e6

    parse_all = lambda: [parse_source(source) for source in sources]  # noqa: E731
    parse_all()  # warm: grammars are compiled once per process
    parse_seconds = best_of(args.repeat, parse_all)
    ceiling_seconds = best_of(args.repeat, lambda: [re.findall(r"\w+", source.raw.lower()) for source in sources])

    largest = max(sources, key=lambda source: len(source.raw))
    largest_seconds = best_of(args.repeat, lambda: parse_source(largest))
    load_seconds = best_of(args.repeat, lambda: load_source(largest.path))
    largest_document = parse_source(largest)
    content = [(0, len(largest_document.text))]
    metadata_seconds = best_of(args.repeat, lambda: extract_metadata(largest_document.text, content, declared=dict(largest.declared)))
    documents = parse_all()
    provisions = [p for document in documents for p in document.provisions]
    parents = {p.parent for p in provisions}
    leaves = [p.text for p in provisions if p.ref not in parents]
    clause_seconds = best_of(args.repeat, lambda: [read_clause(text) for text in leaves])
    phases = phase_seconds(sources, args.repeat)

    print(f"corpus: {len(sources)} ToTA treaties, {megabytes:.2f} MB of text, {len(provisions)} provisions")
    print(f"parse + clause grammar:   {parse_seconds:.3f} s  = {megabytes / parse_seconds:6.2f} MB/s (one core)")
    print(f"tokenisation ceiling:     {ceiling_seconds:.3f} s  = {megabytes / ceiling_seconds:6.2f} MB/s  "
          "(re.findall(r'\\w+', text.lower()), same bytes, same run)")
    print(f"ratio parse / ceiling:    {parse_seconds / ceiling_seconds:.1f}x slower than tokenising")
    print(f"largest treaty:           {largest.path and Path(largest.path).name} ({len(largest.raw) / 1e6:.2f} MB) in {largest_seconds:.3f} s")
    print(f"  of which reading the XML: {load_seconds:.3f} s, metadata: {metadata_seconds:.3f} s")
    print(f"clause grammar alone:     {clause_seconds:.3f} s over the {len(leaves)} leaf provisions' text")
    print("phases (best of each over all treaties, with the ceiling timed in the same loop):")
    for phase, seconds in phases.items():
        print(f"  {phase:12} {seconds:.3f} s  = {megabytes / seconds if seconds else float('inf'):7.2f} MB/s  "
              f"{seconds / phases[CEILING]:5.2f}x the ceiling")
    return 0


if __name__ == "__main__":
    sys.exit(main())
