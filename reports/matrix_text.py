"""Render a coverage matrix and its gaps as a plain-text table for a terminal (``treaty compare``)."""
from __future__ import annotations

from pathlib import Path

from compare.models import Comparison

#: One letter per modality keeps a cell narrow: "3 B" is three provisions, the strongest binding.
MODALITY_LETTER = {"binding": "B", "commitment": "C", "best_effort": "E", "aspirational": "A", "none": "-"}


def render_coverage_text(comparison: Comparison) -> str:
    """Categories down, agreements across; each cell is the count of provisions and the strongest modality."""
    names = [Path(info.path).name for info in comparison.agreements]
    columns = [f"[{index + 1}]" for index in range(len(names))]
    category_width = max([len("category")] + [len(row.category) for row in comparison.coverage])
    widths = [max(5, len(column)) for column in columns]
    lines = [f"[{index + 1}] {name}: {info.title or '-'}" for index, (name, info) in enumerate(zip(names, comparison.agreements))]
    lines.append("")
    lines.append("  ".join([f"{'category':<{category_width}}", *(f"{c:>{w}}" for c, w in zip(columns, widths)), "status"]))
    for row in comparison.coverage:
        cells = []
        for cell, width in zip(row.cells, widths):
            text = f"{len(cell.refs)} {MODALITY_LETTER[cell.strongest]}" if cell.covered else "."
            cells.append(f"{text:>{width}}")
        status = row.status if row.status != "only" else f"only [{_column(comparison, row.covered_by[0])}]"
        lines.append("  ".join([f"{row.category:<{category_width}}", *cells, status]))
    lines.append("")
    lines.append("cell: provisions and strongest modality (B binding, C commitment, E best effort, A aspirational, - none)")
    if comparison.gaps:
        lines.append("")
        lines.append("gaps:")
        for gap in comparison.gaps:
            lines.append("  " + _gap_line(comparison, gap))
    return "\n".join(lines) + "\n"


def _column(comparison: Comparison, path: str) -> int:
    return next(index + 1 for index, info in enumerate(comparison.agreements) if info.path == path)


def _gap_line(comparison: Comparison, gap) -> str:
    refer = lambda paths: ", ".join(f"[{_column(comparison, path)}]" for path in paths)  # noqa: E731
    if gap.kind == "missing":
        return f"{gap.category}: covered by {refer(gap.covered_by)}, missing from {refer(gap.lacking)}"
    if gap.kind == "strength":
        strengths = ", ".join(f"[{_column(comparison, path)}] {modality}" for path, modality in gap.modalities.items())
        return f"{gap.category}: strength differs ({strengths})"
    return f"{gap.category}: covered by no agreement"
