"""Render the coverage matrix of ``treaty compare``: CSV for spreadsheets and R/pandas, or an aligned text table.

CSV has one row per (agreement, category). Columns: agreement (path), title, category, covered (1/0), provisions (count), strongest (modality, empty
when not covered), status (all/some/only/none across the agreements compared), refs (space-separated).

    >>> print(render_coverage_csv(comparison))   # doctest: +SKIP
    agreement,title,category,covered,provisions,strongest,status,refs
    seeds/002.txt,US and Japan sign critical minerals agreement,export_duties,1,1,binding,only,s3__item_1
"""
from __future__ import annotations

import csv
import io

from compare.models import Comparison

COLUMNS = ("agreement", "title", "category", "covered", "provisions", "strongest", "status", "refs")
#: One letter per modality in text cells, so the matrix reads without colour.
MODALITY_LETTERS = {"binding": "B", "commitment": "C", "best_effort": "E", "aspirational": "A", "none": "N"}


def render_coverage_csv(comparison: Comparison) -> str:
    """The coverage matrix as CSV text with a header row, agreements in input order, categories in row order."""
    titles = {info.path: info.title or "" for info in comparison.agreements}
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for info in comparison.agreements:
        for row in comparison.coverage:
            cell = next(cell for cell in row.cells if cell.agreement == info.path)
            writer.writerow([
                info.path, titles[info.path], row.category, int(cell.covered), len(cell.refs),
                cell.strongest or "", row.status, " ".join(cell.refs),
            ])
    return buffer.getvalue()


def render_coverage_table(comparison: Comparison) -> str:
    """The coverage matrix as a text table (categories × agreements, cell = count and strongest modality), then the gaps.

    A cell reads ``2 B``: two provisions, the strongest binding (B binding, C commitment, E best effort,
    A aspirational, N none); ``-`` when the agreement does not cover the category.
    """
    names = [f"[{index}]" for index in range(1, len(comparison.agreements) + 1)]
    header = ["category", *names, "status"]
    rows = []
    for row in comparison.coverage:
        cells = [f"{len(cell.refs)} {MODALITY_LETTERS[cell.strongest]}" if cell.covered else "-" for cell in row.cells]
        status = row.status
        if status == "only":
            status = f"only {names[[info.path for info in comparison.agreements].index(row.covered_by[0])]}"
        rows.append([row.category, *cells, status])
    widths = [max(len(line[column]) for line in [header, *rows]) for column in range(len(header))]
    lines = [f"{name} {info.title or info.path} ({info.path})" for name, info in zip(names, comparison.agreements)]
    lines.append("")
    lines.extend("  ".join(value.ljust(width) for value, width in zip(line, widths)).rstrip() for line in [header, *rows])
    lines.append("cells: provisions and strongest modality (B binding, C commitment, E best effort, A aspirational, N none)")
    label = dict(zip((info.path for info in comparison.agreements), names))
    for gap in comparison.gaps:
        if gap.kind == "missing":
            lines.append(f"gap: {gap.category} covered by {' '.join(label[p] for p in gap.covered_by)}, "
                         f"not by {' '.join(label[p] for p in gap.lacking)}")
        elif gap.kind == "strength":
            modalities = ", ".join(f"{label[p]} {m}" for p, m in gap.modalities.items())
            lines.append(f"strength gap: {gap.category}: {modalities}")
        else:
            lines.append(f"uncovered: {gap.category}")
    return "\n".join(lines) + "\n"
