"""Render ``treaty diff``: two agreements compared category by category, for a terminal, Markdown or JSON.

Layout: a header (both agreements' titles, parties, dates, instruments), then one section per category
that either agreement covers: coverage (both / only A / only B), the strength difference, aligned pairs
with refs, score, relation and a word-level redline, and the provisions left unpaired. Pairs and unpaired
provisions without a category close the output under "other provisions".

Redlines: ANSI colour when ``color`` (red deleted, green inserted), else wdiff-style markers
``[-deleted-]{+inserted+}``; Markdown uses ``~~deleted~~`` and ``**inserted**``. The view is built here in
Python; the templates in ``reports/templates/diff.*.jinja`` only lay it out.

    >>> print(render_diff(comparison, fmt="text", color=False))   # doctest: +SKIP
"""
from __future__ import annotations

import json
from functools import cache
from typing import Literal

from jinja2 import Environment, PackageLoader, StrictUndefined

from grammar.version import PROGRAM_VERSION
from compare.models import AgreementInfo, Alignment, CategoryCoverage, Comparison, Pair, RedlineChunk, Unpaired

DiffFormat = Literal["text", "json", "md"]
OTHER = "other provisions"

_ANSI = {"delete": "\x1b[31;9m", "insert": "\x1b[32m", "heading": "\x1b[1m", "reset": "\x1b[0m"}
_PLAIN_MARKERS = {"delete": ("[-", "-]"), "insert": ("{+", "+}")}
_MARKDOWN_MARKERS = {"delete": ("~~", "~~"), "insert": ("**", "**")}
_EXCERPT_LENGTH = 160
_REFS_SHOWN = 4


def render_diff(
    comparison_or_alignment: Comparison | Alignment,
    *,
    fmt: DiffFormat = "text",
    color: bool = False,
    category: str | None = None,
) -> str:
    """``treaty diff`` output for a two-agreement ``Comparison`` (or a bare ``Alignment``) as text, Markdown or JSON.

    ``category`` limits the sections to that category id; ``color`` adds ANSI colour to text output.
    """
    comparison = _as_comparison(comparison_or_alignment)
    if fmt == "json":
        payload = {"version": PROGRAM_VERSION, "differences": comparison.has_differences(),
                   **comparison.model_dump(mode="json")}
        return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    if fmt not in ("text", "md"):
        raise ValueError(f"unknown diff format {fmt!r}; expected text, md or json")
    view = build_diff_view(comparison, fmt=fmt, color=color and fmt == "text", category=category)
    return _environment().get_template(f"diff.{'txt' if fmt == 'text' else 'md'}.jinja").render(view=view)


def build_diff_view(comparison: Comparison, *, fmt: DiffFormat, color: bool, category: str | None = None) -> dict:
    """The plain view (strings, lists, dicts) both templates lay out."""
    if len(comparison.agreements) != 2:
        raise ValueError(f"a diff compares two agreements, not {len(comparison.agreements)}")
    a, b = comparison.agreements
    alignment = comparison.alignments[0] if comparison.alignments else None
    rows = {row.category: row for row in comparison.coverage}
    strength = {gap.category: gap for gap in comparison.gaps if gap.kind == "strength"}
    pairs_by_category, unpaired_by_category = _group_by_category(alignment, rows)
    names = [name for name, row in rows.items() if row.covered_by]
    names += [name for name in list(pairs_by_category) + list(unpaired_by_category) if name not in names and name != OTHER]
    if OTHER in pairs_by_category or OTHER in unpaired_by_category:
        names.append(OTHER)
    if category is not None:
        names = [name for name in names if name == category]
    style = _Style(fmt, color)
    sections = []
    for name in names:
        row = rows.get(name)
        sections.append({
            "category": name,
            "title": style.heading(name),
            "coverage": _coverage_line(row, a, b, _mentions(alignment, name)) if row else None,
            "strength": _strength_line(strength[name], a, b) if name in strength else None,
            "pairs": [_pair_view(pair, style) for pair in pairs_by_category.get(name, [])],
            "only_a": [_unpaired_view(item, style) for item in unpaired_by_category.get(name, {}).get("a", [])],
            "only_b": [_unpaired_view(item, style) for item in unpaired_by_category.get(name, {}).get("b", [])],
        })
    uncovered = [row.category for row in comparison.coverage if not row.covered_by]
    return {
        "a": _agreement_view(a),
        "b": _agreement_view(b),
        "summary": _summary(alignment),
        "sections": sections,
        "uncovered": uncovered if category is None else [name for name in uncovered if name == category],
        "differences": comparison.has_differences(),
    }


def render_redline(chunks: list[RedlineChunk], *, fmt: DiffFormat = "text", color: bool = False) -> str:
    """One line of redline: kept words plain, deletions and insertions marked by colour or by markers.

    >>> render_redline([RedlineChunk(op="equal", text="Each Party"), RedlineChunk(op="delete", text="shall"),
    ...                 RedlineChunk(op="insert", text="may")])
    'Each Party [-shall-] {+may+}'
    """
    return " ".join(_Style(fmt, color).chunk(chunk) for chunk in chunks)


class _Style:
    """How one output marks headings and redline chunks: ANSI colour, wdiff markers or Markdown emphasis."""

    def __init__(self, fmt: DiffFormat, color: bool) -> None:
        self.fmt, self.color = fmt, color

    def chunk(self, chunk: RedlineChunk) -> str:
        text = _markdown_safe(chunk.text) if self.fmt == "md" else chunk.text
        if chunk.op == "equal":
            return text
        if self.color:
            return f"{_ANSI[chunk.op]}{text}{_ANSI['reset']}"
        opening, closing = (_MARKDOWN_MARKERS if self.fmt == "md" else _PLAIN_MARKERS)[chunk.op]
        return f"{opening}{text}{closing}"

    def text(self, text: str) -> str:
        return _markdown_safe(text) if self.fmt == "md" else text

    def heading(self, text: str) -> str:
        return f"{_ANSI['heading']}{text}{_ANSI['reset']}" if self.color else text


def _as_comparison(value: Comparison | Alignment) -> Comparison:
    if isinstance(value, Comparison):
        return value
    return Comparison(agreements=[value.a, value.b], coverage=[], gaps=[], alignments=[value])


def _group_by_category(alignment: Alignment | None, rows: dict[str, CategoryCoverage]):
    """Pairs under their first shared category; unpaired provisions under their first category; the rest under OTHER."""
    pairs: dict[str, list[Pair]] = {}
    unpaired: dict[str, dict[str, list[Unpaired]]] = {}
    if alignment is None:
        return pairs, unpaired
    for pair in alignment.pairs:
        pairs.setdefault(_first_category(pair.categories, rows), []).append(pair)
    for side, items in (("a", alignment.unpaired_a), ("b", alignment.unpaired_b)):
        for item in items:
            unpaired.setdefault(_first_category(item.categories, rows), {}).setdefault(side, []).append(item)
    return pairs, unpaired


def _first_category(categories: list[str], rows: dict[str, CategoryCoverage]) -> str:
    """The first of ``categories`` in row order (the taxonomy's), else the first at all, else OTHER."""
    for name in rows:
        if name in categories:
            return name
    return categories[0] if categories else OTHER


def _agreement_view(info: AgreementInfo) -> dict:
    return {
        "title": info.title or "(untitled)",
        "path": info.path,
        "parties": ", ".join(info.parties) or "-",
        "dates": ", ".join(info.dates) or "-",
        "instrument": f"{info.instrument.replace('_', ' ')} ({info.genre.replace('_', ' ')})",
    }


def _summary(alignment: Alignment | None) -> str:
    if alignment is None:
        return "no alignment"
    counts = {relation: sum(1 for pair in alignment.pairs if pair.relation == relation) for relation in ("same", "reworded", "related")}
    return (f"{len(alignment.pairs)} aligned pairs ({counts['same']} same, {counts['reworded']} reworded, "
            f"{counts['related']} related); {len(alignment.unpaired_a)} only in A, {len(alignment.unpaired_b)} only in B")


def _coverage_line(row: CategoryCoverage, a: AgreementInfo, b: AgreementInfo, mentions: tuple[list[str], list[str]]) -> str:
    """Where the category is covered, and per side its committing provisions, or the provisions that mention it
    without committing anyone to it (background, a fact such as "entered into force upon signature")."""
    cells = {cell.agreement: cell for cell in row.cells}
    covered = [info.path in row.covered_by for info in (a, b)]
    where = {(True, True): "both", (True, False): "only A", (False, True): "only B", (False, False): "neither"}[tuple(covered)]
    details = []
    for label, info, mentioned in (("A", a, mentions[0]), ("B", b, mentions[1])):
        cell = cells.get(info.path)
        if cell and cell.covered:
            details.append(f"{label}: {_refs_phrase(cell.refs)}, strongest {cell.strongest}")
        elif mentioned:
            details.append(f"{label}: mentioned in {_refs_phrase(mentioned)}, no commitment")
        else:
            details.append(f"{label}: -")
    return f"{where} ({'; '.join(details)})"


def _refs_phrase(refs: list[str]) -> str:
    count = len(refs)
    shown = " ".join(refs[:_REFS_SHOWN]) + (" …" if count > _REFS_SHOWN else "")
    return f"{count} provision{'s' if count != 1 else ''} ({shown})"


def _mentions(alignment: Alignment | None, category: str) -> tuple[list[str], list[str]]:
    """The refs on each side that the diff shows under ``category``: paired provisions that share it, unpaired ones that carry it."""
    if alignment is None:
        return [], []
    paired = [pair for pair in alignment.pairs if category in pair.categories]
    return ([pair.a_ref for pair in paired] + [item.ref for item in alignment.unpaired_a if category in item.categories],
            [pair.b_ref for pair in paired] + [item.ref for item in alignment.unpaired_b if category in item.categories])


def _strength_line(gap, a: AgreementInfo, b: AgreementInfo) -> str:
    label = {a.path: "A", b.path: "B"}
    return "; ".join(f"{label.get(path, path)} {modality}" for path, modality in gap.modalities.items()) + \
        f" (weaker: {', '.join(label.get(path, path) for path in gap.lacking)})"


def _pair_view(pair: Pair, style: _Style) -> dict:
    flags = []
    if pair.modality_differs:
        flags.append(f"modality {pair.a_modality} → {pair.b_modality}")
    if pair.polarity_differs:
        flags.append(f"polarity {pair.a_polarity} → {pair.b_polarity}")
    return {
        "a_ref": pair.a_ref,
        "b_ref": pair.b_ref,
        "score": f"{pair.score:.2f}",
        "relation": pair.relation,
        "flags": "; ".join(flags),
        "text": style.text(_excerpt(pair.a_text)) if pair.relation == "same" else None,
        "redline": render_redline(pair.redline, fmt=style.fmt, color=style.color) if pair.redline else None,
    }


def _unpaired_view(item: Unpaired, style: _Style) -> dict:
    polarity = " negative" if item.polarity == "negative" else ""
    return {"ref": item.ref, "modality": item.modality + polarity, "text": style.text(_excerpt(item.text))}


def _excerpt(text: str) -> str:
    words = " ".join(text.split())
    return words if len(words) <= _EXCERPT_LENGTH else words[: _EXCERPT_LENGTH - 1] + "…"


def _markdown_safe(text: str) -> str:
    # Document text is untrusted: no raw HTML or emphasis markers of its own in the Markdown output.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("*", "\\*").replace("~", "\\~")


@cache
def _environment() -> Environment:
    """Text and Markdown are not HTML: no autoescaping; every value is prepared (and made safe for Markdown) above."""
    return Environment(
        loader=PackageLoader("reports", "templates"),
        autoescape=False,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
