"""Corpus scale: parse + classify 400 ToTA-sized agreements cold and warm (cached), at --jobs 1 and 2.

The five ToTA treaties in ../shared/data/tota are replicated to N documents in a temporary folder. Each
replica gets a distinct trailing XML comment, so its bytes differ and the content-keyed cache cannot
fold the replicas into five entries: a cold run really parses and classifies N documents.

Each jobs setting runs in its own process (cold, then warm), so that its peak memory (ru_maxrss of the
process and of its largest pool worker) is its own. Cold and warm share that process because the cache
key includes a fingerprint of the grammar and classifier sources, which change whenever someone edits
them; in one process the fingerprint is computed once. Documents are consumed as they stream out of ``classify_paths``: only a
category × document coverage count is kept, as ``treaty compare`` would keep its matrix.

Targets (issue 6, 2-core machine): cold ≤ 60 s, warm ≤ 6 s, peak memory ≤ 1 GB.

    python bench/corpus.py                 # 400 documents, jobs 1 and 2
    python bench/corpus.py --documents 40  # a quicker look
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOTA_DIR = ROOT.parent / "shared" / "data" / "tota"
DEFAULT_TAXONOMY = ROOT / "clauses" / "taxonomy.toml"
TARGETS = {"cold": 60.0, "warm": 6.0}
MEMORY_TARGET_MB = 1024


def replicate_corpus(count: int, into: Path) -> list[Path]:
    """``count`` byte-distinct copies of the ToTA treaties, cycling through them in order."""
    treaties = sorted(TOTA_DIR.glob("*.xml"))
    copies = []
    for index in range(count):
        source = treaties[index % len(treaties)]
        copy = into / f"{index:04d}_{source.name}"
        copy.write_bytes(source.read_bytes() + f"\n<!-- replica {index} -->\n".encode())
        copies.append(copy)
    return copies


def measure_jobs(corpus: str, cache_dir: str, jobs: int, taxonomy_path: str) -> list[dict]:
    """A cold then a warm run of the classify stage over ``corpus`` with an empty cache in ``cache_dir``."""
    sys.path.insert(0, str(ROOT))
    from compare.batch import classify_paths

    results = []
    for run in ("cold", "warm"):
        coverage: Counter[str] = Counter()
        documents = failures = cached = 0
        started, cpu_before = time.perf_counter(), _cpu_seconds()
        for item in classify_paths([corpus], taxonomy_path=taxonomy_path, jobs=jobs, cache_dir=cache_dir):
            if item.error:
                failures += 1
                continue
            documents += 1
            cached += item.cached
            coverage.update({tag.category for tags in item.classified.tags.values() for tag in tags})
        seconds = time.perf_counter() - started
        cpu_seconds = _cpu_seconds() - cpu_before
        # Linux reports ru_maxrss in kilobytes; it is the peak so far, so warm shows max(cold, warm).
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        results.append({"run": run, "seconds": seconds, "cpu_seconds": cpu_seconds, "documents": documents, "failures": failures,
                        "cached": cached, "categories": len(coverage), "parent_mb": own, "worker_mb": children})
    return results


def _cpu_seconds() -> float:
    """User + system CPU time of this process and its finished pool workers."""
    own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime


def run_measurement(corpus: Path, cache_dir: Path, jobs: int, taxonomy_path: Path) -> list[dict]:
    command = [sys.executable, __file__, "--measure", str(corpus), "--cache-dir", str(cache_dir), "--jobs", str(jobs),
               "--taxonomy", str(taxonomy_path)]
    finished = subprocess.run(command, capture_output=True, text=True, check=False)
    if finished.returncode != 0:
        raise SystemExit(f"bench/corpus.py: measurement failed:\n{finished.stderr}")
    return json.loads(finished.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=400)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--measure", metavar="CORPUS", help=argparse.SUPPRESS)
    parser.add_argument("--cache-dir", help=argparse.SUPPRESS)
    parser.add_argument("--taxonomy", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure_jobs(args.measure, args.cache_dir, args.jobs[0], args.taxonomy)))
        return 0
    if not TOTA_DIR.is_dir():
        print(f"bench/corpus.py: skipped: {TOTA_DIR} is absent (the ToTA treaties are not in the repo)")
        return 0
    with tempfile.TemporaryDirectory(prefix="treaty-corpus-") as temporary:
        corpus = Path(temporary) / "corpus"
        corpus.mkdir()
        copies = replicate_corpus(args.documents, corpus)
        # A snapshot of the default taxonomy: an edit to the repository's copy while the bench runs would
        # change the cache key between the cold and the warm run.
        taxonomy_path = Path(temporary) / "taxonomy.toml"
        shutil.copy(DEFAULT_TAXONOMY, taxonomy_path)
        size_mb = sum(path.stat().st_size for path in copies) / 2**20
        print(f"corpus: the 5 ToTA treaties replicated to {len(copies)} byte-distinct documents ({size_mb:.0f} MB) in {corpus}")
        print("stage: parse + classify (compare.batch.classify_paths), documents streamed, coverage counts kept")
        print(f"{'run':<6}{'jobs':>5}{'seconds':>10}{'target':>8}{'cpu s':>8}{'docs':>6}{'cached':>8}{'failed':>8}{'parent MB':>11}{'worker MB':>11}")
        for jobs in args.jobs:
            cache_dir = Path(temporary) / f"cache-jobs{jobs}"
            for result in run_measurement(corpus, cache_dir, jobs, taxonomy_path):
                run = result["run"]
                verdict = "ok" if result["seconds"] <= TARGETS[run] else "OVER"
                memory = "" if max(result["parent_mb"], result["worker_mb"]) <= MEMORY_TARGET_MB else "  memory OVER 1 GB"
                print(f"{run:<6}{jobs:>5}{result['seconds']:>10.1f}{TARGETS[run]:>6.0f} {verdict:<4}{result['cpu_seconds']:>6.0f}{result['documents']:>6}"
                      f"{result['cached']:>8}{result['failures']:>8}{result['parent_mb']:>11.0f}{result['worker_mb']:>11.0f}{memory}",
                      flush=True)
        print(f"load average while measuring: {' '.join(f'{value:.1f}' for value in os.getloadavg())} on {os.cpu_count()} CPUs"
              " (a shared machine: cpu s, the CPU time used, does not depend on what else runs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
