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
    start = time.perf_counter()
    result = action()
    return result, time.perf_counter() - start


def render_all(documents, comparison, labels) -> dict[str, tuple[str, float]]:
    return {fmt: timed(lambda fmt=fmt: render_report(documents, comparison, fmt=fmt, title=None, taxonomy_name="default",
                                                     generated=GENERATED, category_labels=labels))
            for fmt in ("html", "md", "json")}


def verdict(seconds: float, target: float) -> str:
    return f"{'OK' if seconds < target else 'OVER'} (target < {target:.0f} s)"


def bench_seeds(taxonomy) -> None:
    def pipeline():
        documents = [classify_document(load_document(str(path)), taxonomy) for path in SEEDS]
        return documents, compare_documents(documents, align=True)

    (documents, comparison), analysis_s = timed(pipeline)
    rendered = render_all(documents, comparison, {c.id: c.label for c in taxonomy.categories})
    total = analysis_s + rendered["html"][1]
    print(f"seeds: {len(documents)} agreements, {sum(len(d.document.provisions) for d in documents)} provisions")
    print(f"  parse + classify + compare (every pair aligned)   {analysis_s:8.3f} s")
    for fmt, (text, seconds) in rendered.items():
        print(f"  render {fmt:<5}                {seconds:8.3f} s   {len(text.encode()) / 1e3:10.1f} kB")
    print(f"  report end to end (html)     {total:8.3f} s   {verdict(total, SEEDS_TARGET_S)}")


def bench_fifty(taxonomy) -> None:
    if not TOTA:
        print("50 agreements: skipped, ../shared/data/tota is absent")
        return
    (originals, parse_s) = timed(lambda: [classify_document(load_document(str(path)), taxonomy) for path in TOTA])
    documents = [
        original.model_copy(update={"document": original.document.model_copy(
            update={"path": f"{original.document.path}#copy{copy + 1}"})})
        for copy in range(COPIES // len(originals)) for original in originals
    ]
    comparison, compare_s = timed(lambda: compare_documents(documents))
    rendered = render_all(documents, comparison, {c.id: c.label for c in taxonomy.categories})
    total = compare_s + rendered["html"][1]
    provisions = sum(len(d.document.provisions) for d in documents)
    print(f"\n{len(documents)} agreements: the {len(TOTA)} ToTA treaties used {COPIES // len(originals)} times each "
          f"(renamed copies), {provisions} provisions")
    print(f"  parse + classify the {len(TOTA)} originals   {parse_s:8.3f} s (once)")
    print(f"  compare (coverage and gaps; pairs are aligned only for a handful of agreements)   {compare_s:8.3f} s")
    for fmt, (text, seconds) in rendered.items():
        print(f"  render {fmt:<5}                {seconds:8.3f} s   {len(text.encode()) / 1e6:10.2f} MB")
    print(f"  compare + render html        {total:8.3f} s   {verdict(total, FIFTY_TARGET_S)}")


def main() -> None:
    taxonomy = load_taxonomy()
    bench_seeds(taxonomy)
    bench_fifty(taxonomy)


if __name__ == "__main__":
    main()
