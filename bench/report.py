"""Time the comparison report: the five seeds end to end, and 50 ToTA-sized agreements; print the HTML size.

Targets (issue 5): the seeds' report in under 1 s, 50 agreements in under 20 s.
The 50 agreements are the five ToTA treaties of ../shared/data/tota used ten times each (renamed copies),
parsed and classified once: the 50-agreement figure times comparing (coverage and gaps, as
``compare_documents`` does by default beyond two agreements) and rendering, the stages that grow with
the number of agreements.

    .venv/bin/python bench/report.py
"""
from __future__ import annotations

import sys
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from clauses import classify_document, load_taxonomy  # noqa: E402
from compare.coverage import compare_documents  # noqa: E402
from grammar import load_document  # noqa: E402
from reports.render import render_report  # noqa: E402

SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
TOTA = sorted((ROOT.parent / "shared" / "data" / "tota").glob("*.xml"))
GENERATED = datetime(2026, 1, 1, tzinfo=timezone.utc)
COPIES = 50
SEEDS_TARGET_S = 1.0
FIFTY_TARGET_S = 20.0


def timed(action):
    """``action()``'s result and its wall-clock seconds."""
    start = time.perf_counter()
    result = action()
    return result, time.perf_counter() - start


def cpu_timed(action):
    """``action()``'s result, wall-clock and CPU seconds (CPU time stays honest on a busy shared machine)."""
    cpu_start = time.process_time()
    result, wall = timed(action)
    return result, wall, time.process_time() - cpu_start


def render_all(documents, comparison, labels) -> dict[str, tuple[str, float]]:
    return {fmt: timed(lambda fmt=fmt: render_report(documents, comparison, fmt=fmt, title=None, taxonomy_name="default",
                                                     generated=GENERATED, category_labels=labels))
            for fmt in ("html", "md", "json")}


def verdict(seconds: float, target: float) -> str:
    return f"{'OK' if seconds < target else 'OVER'} (target < {target:.0f} s)"


def bench_seeds(taxonomy) -> None:
    labels = {category.id: category.label for category in taxonomy.categories}

    def report():
        documents = [classify_document(load_document(str(path)), taxonomy) for path in SEEDS]
        comparison = compare_documents(documents, align=True)
        return documents, render_report(documents, comparison, fmt="html", title=None, taxonomy_name="default",
                                        generated=GENERATED, category_labels=labels)

    (_, _), cold_s, cold_cpu = cpu_timed(report)
    (documents, html), warm_s, warm_cpu = cpu_timed(report)
    comparison = compare_documents(documents, align=True)
    rendered = render_all(documents, comparison, labels)
    print(f"seeds: {len(documents)} agreements, {sum(len(d.document.provisions) for d in documents)} provisions, "
          f"every pair aligned")
    print(f"  report end to end, first run (grammar and taxonomy compiled)  {cold_s:7.3f} s wall {cold_cpu:7.3f} s CPU")
    print(f"  report end to end, warm                                        {warm_s:7.3f} s wall {warm_cpu:7.3f} s CPU"
          f"   {verdict(warm_s, SEEDS_TARGET_S)}")
    for fmt, (text, seconds) in rendered.items():
        print(f"  render {fmt:<5} alone  {seconds:7.3f} s   {len(text.encode()) / 1e3:8.1f} kB")


def bench_fifty(taxonomy) -> None:
    if not TOTA:
        print("50 agreements: skipped, ../shared/data/tota is absent")
        return
    originals, parse_s = timed(lambda: [classify_document(load_document(str(path)), taxonomy) for path in TOTA])
    documents = [
        original.model_copy(update={"document": original.document.model_copy(
            update={"path": f"{original.document.path}#copy{copy + 1}"})})
        for copy in range(COPIES // len(originals)) for original in originals
    ]
    labels = {category.id: category.label for category in taxonomy.categories}

    def report():
        comparison = compare_documents(documents)
        return comparison, render_report(documents, comparison, fmt="html", title=None, taxonomy_name="default",
                                         generated=GENERATED, category_labels=labels)

    (comparison, html), total, total_cpu = cpu_timed(report)
    compare_s = timed(lambda: compare_documents(documents))[1]
    rendered = render_all(documents, comparison, labels)
    provisions = sum(len(d.document.provisions) for d in documents)
    print(f"\n{len(documents)} agreements: the {len(TOTA)} ToTA treaties used {COPIES // len(originals)} times each "
          f"(renamed copies), {provisions} provisions")
    print(f"  parse + classify the {len(TOTA)} originals   {parse_s:8.3f} s (once)")
    print(f"  compare + render html        {total:8.3f} s wall {total_cpu:7.3f} s CPU   {verdict(total, FIFTY_TARGET_S)}")
    print(f"  compare alone (coverage and gaps; pairs are aligned only for two agreements)  {compare_s:7.3f} s")
    for fmt, (text, seconds) in rendered.items():
        print(f"  render {fmt:<5} alone  {seconds:7.3f} s   {len(text.encode()) / 1e6:8.2f} MB")


def main() -> None:
    taxonomy = load_taxonomy()
    bench_seeds(taxonomy)
    bench_fifty(taxonomy)


if __name__ == "__main__":
    main()
