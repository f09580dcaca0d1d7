"""Measure parse + classify throughput (MB/s, one core) over the ToTA treaties, beside a tokenisation ceiling.

    .venv/bin/python bench/classify.py [--repeat N] [--taxonomy FILE] [--tota DIR]

For each treaty: ``load_document`` (read + parse), then ``classify_document``. The ceiling is
``re.findall(r"\\w+", text.lower())`` over the same normalized text in the same run: no classifier that
looks at every word can beat it by much, so the ratio to it is comparable across machines. For scale, a
plain classifier (one regex per category, searched in every provision's text) is timed in the same run.
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

from clauses import classify_document, load_taxonomy  # noqa: E402
from clauses.classify import compile_taxonomy  # noqa: E402
from grammar import load_document  # noqa: E402


#: The plain baseline: one small regex per category, searched in every provision (containers included).
PLAIN_REGEXES = [re.compile(pattern, re.IGNORECASE) for pattern in (
    r"\bexport\s+(?:dut|tax)", r"\bscreening\b", r"\brecycl", r"\blabou?r\b", r"\bcommittee\b", r"\benvironment",
    r"\bsubsid", r"\bfinanc", r"\btechnolog", r"\bstockpil", r"\binformation\b", r"\bsupply\s+chain",
    r"\bcustoms\b", r"\benergy\b", r"\bdisput", r"\bentry\s+into\s+force")]


def classify_plainly(documents) -> None:
    for document in documents:
        for provision in document.provisions:
            for regex in PLAIN_REGEXES:
                regex.search(provision.text)


def best_time(action, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        action()
        best = min(best, time.process_time() - started)
    return best


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--repeat", type=int, default=3, help="runs to time; the best one counts (default: 3)")
    options.add_argument("--taxonomy", metavar="FILE", help="a taxonomy file instead of the default")
    options.add_argument("--tota", metavar="DIR", type=Path, default=TOTA_DIR,
                         help="the ToTA treaties' folder, for a git worktree outside the checkout (default: ../shared/data/tota)")
    args = options.parse_args()
    if not args.tota.is_dir():
        print(f"skipped: {args.tota} is absent (the ToTA treaties are only on the project's own machines)")
        return 0
    started = time.process_time()
    taxonomy = load_taxonomy(args.taxonomy)
    compile_taxonomy(taxonomy)
    print(f"taxonomy load + compile: {time.process_time() - started:.2f} s (once per process)")
    paths = [str(path) for path in sorted(args.tota.glob("*.xml"))]
    documents = [load_document(path) for path in paths]
    megabytes = sum(len(document.text.encode("utf-8")) for document in documents) / 1e6
    parse = best_time(lambda: [load_document(path) for path in paths], args.repeat)
    # The first run also compiles the phrase tails it meets (they are compiled lazily): shown apart.
    cold = best_time(lambda: [classify_document(document, taxonomy) for document in documents], 1)
    classify = best_time(lambda: [classify_document(document, taxonomy) for document in documents], args.repeat)
    ceiling = best_time(lambda: [re.findall(r"\w+", document.text.lower()) for document in documents], args.repeat)
    plain = best_time(lambda: classify_plainly(documents), args.repeat)
    tags = sum(len(tags) for document in documents for tags in classify_document(document, taxonomy).tags.values())
    provisions = sum(len(document.provisions) for document in documents)
    print(f"{len(documents)} treaties, {megabytes:.2f} MB, {provisions} provisions, {tags} tags")
    print(f"tokenisation ceiling:  {megabytes / ceiling:7.1f} MB/s")
    print(f"classify:              {megabytes / classify:7.1f} MB/s  ({classify / ceiling:.1f}x the ceiling's time; target 8 MB/s)")
    print(f"first classify:        {megabytes / cold:7.1f} MB/s  (compiles the phrase tails it meets)")
    print(f"plain 16-regex:        {megabytes / plain:7.1f} MB/s  (baseline, same run)")
    print(f"parse:                 {megabytes / parse:7.1f} MB/s")
    print(f"parse + classify:      {megabytes / (parse + classify):7.1f} MB/s  (target 3 MB/s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
