"""Corpus scale: ``treaty compare DIR --format csv`` over 400 ToTA-sized agreements, cold and warm, at --jobs 1 and 2.

The five ToTA treaties in ../shared/data/tota are replicated to N documents in a temporary folder. Each
replica gets a distinct trailing XML comment, so its bytes differ and the content-keyed cache cannot
fold the replicas into five entries: a cold run really parses and classifies N documents.

Each run is the real command, started as a subprocess from an intermediate process of its own, so that
the wall time counts the interpreter's start, the imports, the taxonomy and hashing every file, and the
peak memory (``ru_maxrss`` of the intermediate process's children: the command and its pool workers) is
this run's alone. Per jobs setting: a cold run into an empty cache folder, then a warm run over it. The
warm CSV must equal the cold one, and every jobs setting must give the same CSV byte for byte.

Targets (issue 6, 2-core machine): cold ≤ 60 s, warm ≤ 6 s, peak memory ≤ 1 GB.

    python bench/corpus.py                 # 400 documents, jobs 1 and 2
    python bench/corpus.py --documents 40  # a quicker look
"""
from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOTA_DIR = ROOT.parent / "shared" / "data" / "tota"
TARGETS = {"cold": 60.0, "warm": 6.0}
MEMORY_TARGET_MB = 1024


def replicate_corpus(count: int, into: Path, tota_dir: Path) -> list[Path]:
    """``count`` byte-distinct copies of the ToTA treaties, cycling through them in order."""
    treaties = sorted(tota_dir.glob("*.xml"))
    copies = []
    for index in range(count):
        source = treaties[index % len(treaties)]
        copy = into / f"{index:04d}_{source.name}"
        copy.write_bytes(source.read_bytes() + f"\n<!-- replica {index} -->\n".encode())
        copies.append(copy)
    return copies


def compare_command(corpus: str, cache_dir: str, jobs: int, csv_path: str) -> list[str]:
    """``treaty compare`` as a user runs it, with ``-v`` so that it says how many documents came from the cache."""
    return [sys.executable, "-m", "compare.cli", "compare", corpus, "--format", "csv", "--jobs", str(jobs),
            "--cache-dir", cache_dir, "-o", csv_path, "-v"]


def measure_run(command: list[str]) -> dict:
    """Run ``command`` once (in this intermediate process): wall time, CPU time and peak memory of it and its workers."""
    started = time.perf_counter()
    finished = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    # Linux reports ru_maxrss in kilobytes: the largest of the waited-for descendants (command or pool worker).
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    cached = re.search(r"(\d+) of (\d+) documents from the cache", finished.stderr)
    return {"seconds": seconds, "cpu_seconds": usage.ru_utime + usage.ru_stime, "peak_mb": usage.ru_maxrss / 1024,
            "exit": finished.returncode, "cached": int(cached[1]) if cached else 0,
            "documents": int(cached[2]) if cached else 0, "stderr": finished.stderr[-2000:]}


def run_measured(command: list[str]) -> dict:
    """``measure_run`` in a fresh intermediate process, so that the peak memory is this run's only."""
    finished = subprocess.run([sys.executable, __file__, "--measure", json.dumps(command)],
                              capture_output=True, text=True, check=True)
    return json.loads(finished.stdout)


def print_row(run: str, jobs: int, result: dict, size_mb: float, ceilings: tuple[float, float]) -> None:
    verdict = "ok" if result["seconds"] <= TARGETS[run] else "OVER"
    memory = "ok" if result["peak_mb"] <= MEMORY_TARGET_MB else "OVER"
    speed = size_mb / result["seconds"]
    ceiling = sum(ceilings) / 2
    print(f"{run:<6}{jobs:>5}{result['seconds']:>10.1f}{TARGETS[run]:>6.0f} {verdict:<4}{speed:>8.1f}{speed / ceiling:>9.3f}"
          f"{ceilings[0]:>7.1f}/{ceilings[1]:<5.1f}"
          f"{result['cpu_seconds']:>6.0f}{result['documents']:>6}{result['cached']:>8}{result['peak_mb']:>9.0f} {memory:<4}"
          f"{result['exit']:>5}", flush=True)
    if result["exit"] != 0:
        print(f"  treaty compare exited {result['exit']}:\n{result['stderr']}")


def word_ceiling(copies: list[Path], size_mb: float) -> float:
    """Same-run ceiling: ``re.findall(r"\\w+", text.lower())`` over the given files' bytes, in MB/s (best of three)."""
    texts = [path.read_text(encoding="utf-8", errors="replace") for path in copies]
    timings = []
    for _ in range(3):
        started = time.perf_counter()
        for text in texts:
            re.findall(r"\w+", text.lower())
        timings.append(time.perf_counter() - started)
    return size_mb / min(timings)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=400)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--tota", type=Path, default=TOTA_DIR, help=f"the ToTA treaties (default: {TOTA_DIR})")
    parser.add_argument("--measure", metavar="COMMAND", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure_run(json.loads(args.measure))))
        return 0
    if not args.tota.is_dir():
        print(f"bench/corpus.py: skipped: {args.tota} is absent (the ToTA treaties are not in the repo)")
        return 0
    with tempfile.TemporaryDirectory(prefix="treaty-corpus-") as temporary:
        corpus = Path(temporary) / "corpus"
        corpus.mkdir()
        copies = replicate_corpus(args.documents, corpus, args.tota)
        size_mb = sum(path.stat().st_size for path in copies) / 2**20
        print(f"corpus: the 5 ToTA treaties replicated to {len(copies)} byte-distinct documents ({size_mb:.0f} MB) in {corpus}")
        ceiling = word_ceiling(copies, size_mb)
        print(f"same-run ceiling (re.findall(r'\\w+', text.lower()) over the same bytes): {ceiling:.1f} MB/s")
        # This machine's speed drifts by a third within minutes (a shared VM): the ceiling is measured again, over
        # the five distinct treaties (a fraction of a second), just before and just after each run.
        originals, originals_mb = copies[:5], sum(path.stat().st_size for path in copies[:5]) / 2**20
        print("command: treaty compare CORPUS --format csv --jobs N --cache-dir DIR (a subprocess per run; cold: empty cache)")
        print("x ceil: MB/s over the mean of the ceilings measured just before and just after the run (shown as before/after)")
        print(f"{'run':<6}{'jobs':>5}{'seconds':>10}{'target':>8}{'MB/s':>10}{'x ceil':>9}{'ceil before/after':>18}"
              f"{'cpu s':>6}{'docs':>6}{'cached':>8}{'peak MB':>9}{'':<5}{'exit':>5}")
        matrices = {}
        for jobs in args.jobs:
            cache_dir = Path(temporary) / f"cache-jobs{jobs}"
            for run in ("cold", "warm"):
                csv_path = Path(temporary) / f"{run}-jobs{jobs}.csv"
                before = word_ceiling(originals, originals_mb)
                result = run_measured(compare_command(str(corpus), str(cache_dir), jobs, str(csv_path)))
                print_row(run, jobs, result, size_mb, (before, word_ceiling(originals, originals_mb)))
                matrices[run, jobs] = csv_path.read_bytes() if csv_path.exists() else b""
        print(f"CSV matrices byte-identical (cold = warm, jobs {' = '.join(map(str, args.jobs))}): "
              f"{'yes' if len(set(matrices.values())) == 1 else 'NO'}")
        print(f"load average while measuring: {' '.join(f'{value:.1f}' for value in os.getloadavg())} on {os.cpu_count()} CPUs"
              " (a shared machine: cpu s, the CPU time used, varies with the host's load too)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
