"""Render the coverage matrix of ``treaty compare`` as CSV: one row per (agreement, category), for spreadsheets and R/pandas.

Columns: agreement (path), title, category, covered (1/0), provisions (count), strongest (modality, empty
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
