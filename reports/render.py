"""Render a comparison of agreements as one self-contained HTML page, as Markdown, or as JSON.

Every format shows the same content, prepared once in Python as a plain view model (dicts, lists,
strings and numbers): the templates in ``reports/templates/`` only place values, they compute nothing.
Document text is untrusted, so the one jinja2 Environment escapes every value in every ``.jinja``
template, and the HTML page carries a Content-Security-Policy that allows no network access and no
script but its own (pinned by hash).

    >>> html = render_report(documents, comparison, fmt="html", title=None,   # doctest: +SKIP
    ...                      taxonomy_name="default", generated=datetime.now(timezone.utc))
"""
from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Mapping, Sequence
from datetime import datetime, timezone
from functools import cache
from importlib import resources
from pathlib import PurePath
from typing import Literal

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from clauses.models import ClassifiedDocument
from compare.models import Alignment, Comparison, Pair
from grammar.models import MODALITY_STRENGTH, Document, Provision
from grammar.version import PROGRAM_VERSION

Format = Literal["html", "md", "json"]

MODALITY_LABELS: dict[str, str] = {
    "binding": "binding",
    "commitment": "commitment",
    "best_effort": "best effort",
    "aspirational": "aspirational",
    "none": "no obligation",
}
#: One letter per modality, printed in matrix cells so the matrix reads without colour (print, colour blindness).
MODALITY_CODES: dict[str, str] = {"binding": "B", "commitment": "C", "best_effort": "E", "aspirational": "A", "none": "N"}

_TEMPLATES = {"html": "report.html.jinja", "md": "report.md.jinja"}
_TITLE_LENGTH = 40
#: How much of an untitled document's opening words stand for its title.
_OPENING_LENGTH = 80
#: Up to this many agreements each unpaired provision gets its own side-by-side row (gaps beside it).
SEPARATE_UNPAIRED_ROWS_UP_TO = 3
#: Up to this many agreements that shared row shows each provision in full; beyond, its first ``EXCERPT_WORDS``.
FULL_UNPAIRED_TEXT_UP_TO = 10
EXCERPT_WORDS = 30


def render_report(
    documents: Sequence[ClassifiedDocument],
    comparison: Comparison,
    *,
    fmt: Format = "html",
    title: str | None = None,
    taxonomy_name: str = "default",
    generated: datetime,
    category_labels: Mapping[str, str] | None = None,
) -> str:
    """The report of ``comparison`` over ``documents`` (same agreements, matched by path) as HTML, Markdown or JSON.

    ``generated`` is printed as the generation date (the caller honours ``SOURCE_DATE_EPOCH``);
    ``category_labels`` maps taxonomy ids to readable labels (ids are humanized where missing).
    """
    report = build_report_view(
        documents, comparison, title=title, taxonomy_name=taxonomy_name, generated=generated,
        category_labels=category_labels or {},
    )
    if fmt == "json":
        return json.dumps(report, ensure_ascii=False, indent=2) + "\n"
    if fmt not in _TEMPLATES:
        raise ValueError(f"unknown report format {fmt!r}; expected html, md or json")
    template = report_environment().get_template(_TEMPLATES[fmt])
    return template.render(report=report, assets=_html_assets() if fmt == "html" else {})


@cache
def report_environment() -> Environment:
    """The one jinja2 Environment of the report templates, escaping every value in ``.jinja`` templates.

    ``select_autoescape``'s defaults cover only ``.html``/``.xml`` names, so ``report.html.jinja`` would
    go unescaped; the extension is named here and the default is on for anything else.
    """
    environment = Environment(
        loader=PackageLoader("reports", "templates"),
        autoescape=select_autoescape(enabled_extensions=("jinja",), default_for_string=True, default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters["md"] = markdown_text
    environment.filters["md_cell"] = markdown_cell
    return environment


# ----------------------------------------------------------------------------- the view model

def build_report_view(
    documents: Sequence[ClassifiedDocument],
    comparison: Comparison,
    *,
    title: str | None,
    taxonomy_name: str,
    generated: datetime,
    category_labels: Mapping[str, str],
) -> dict:
    """Every string and number the report shows, in the order it shows them; JSON-able as it is."""
    agreements = [_agreement_view(index, classified) for index, classified in enumerate(documents, start=1)]
    by_path = {agreement["path"]: agreement for agreement in agreements}
    labels = _CategoryLabels(category_labels)
    anchors = [_provision_anchors(agreement["id"], classified) for agreement, classified in zip(agreements, documents)]
    anchors_by_path = {agreement["path"]: table for agreement, table in zip(agreements, anchors)}
    generated_utc = generated.astimezone(timezone.utc) if generated.tzinfo else generated.replace(tzinfo=timezone.utc)
    categories = [row.category for row in comparison.coverage]
    provisions = {agreement["path"]: {provision.ref: provision for provision in classified.document.provisions}
                  for agreement, classified in zip(agreements, documents)}
    return _View({
        "version": PROGRAM_VERSION,
        "title": title or _default_title(agreements),
        "summary": (f"{_plural(len(agreements), 'agreement')} compared over {_plural(len(categories), 'category', 'categories')} "
                    f"of the {taxonomy_name} taxonomy"),
        "taxonomy": taxonomy_name,
        "generated": generated_utc.isoformat(),
        "generated_display": generated_utc.strftime("%Y-%m-%d %H:%M UTC"),
        "agreements": agreements,
        "legend": [_View({"modality": modality, "code": MODALITY_CODES[modality], "label": MODALITY_LABELS[modality]})
                   for modality in MODALITY_STRENGTH],
        "matrix": [_matrix_row(row, agreements, by_path, labels) for row in comparison.coverage],
        "gaps": _gaps_view(comparison, agreements, by_path, labels),
        "side_by_side": [_side_by_side(row, comparison.alignments, agreements, provisions, anchors_by_path, labels)
                         for row in comparison.coverage if row.covered_by],
        "texts": [_text_view(agreement, classified, table, labels)
                  for agreement, classified, table in zip(agreements, documents, anchors)],
    })


class _View(dict):
    """A view-model record whose keys templates read as attributes (``entry.text``).

    jinja tries ``getattr`` before ``[]`` for ``entry.text``; on a plain dict that costs an exception per
    lookup, a third of the rendering time of a 50-agreement report.
    """

    __slots__ = ()

    def __getattr__(self, name: str):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


class _CategoryLabels:
    """Readable category labels: the taxonomy's where given, else the id humanized (``export_duties`` → Export duties)."""

    def __init__(self, given: Mapping[str, str]) -> None:
        self._labels = dict(given)

    def __call__(self, category: str) -> str:
        label = self._labels.get(category)
        if label is None:
            label = self._labels[category] = category.replace("_", " ").capitalize()
        return label


def _agreement_view(index: int, classified: ClassifiedDocument) -> dict:
    document = classified.document
    title = document.title or _untitled(document)
    signatories = [party for party in document.parties if party.role == "signatory"]
    short = "–".join(party.code for party in signatories) or _shorten(title, 24)
    agreement_id = f"a{index}"
    return _View({
        "id": agreement_id,
        "label": f"{index} · {short}",
        "title": title,
        "path": document.path,
        "parties": [_View({"code": party.code, "name": party.name, "role": party.role}) for party in document.parties],
        "date": _headline_date(classified),
        "instrument": document.instrument.replace("_", " "),
        "genre": document.genre.replace("_", " "),
        "minerals": list(document.minerals),
        "minerals_display": ", ".join(document.minerals) or "–",
        "provision_count": len(document.provisions),
        "skipped_count": len(document.skipped),
        "text_anchor": f"{agreement_id}-text",
    })


def _untitled(document: Document) -> str:
    """What to call a document without a title: its opening words (a news item without its headline starts "TOKYO: The
    leaders of Japan and Peru will sign …"), else its file name."""
    opening = next((provision.text for provision in document.provisions if provision.text.strip()), "")
    if not opening:
        return PurePath(document.path).stem
    words = " ".join(opening.split())
    if len(words) > _OPENING_LENGTH:
        words = words[:_OPENING_LENGTH].rsplit(" ", 1)[0].rstrip(",;:") + " …"
    return "Untitled: " + words


def _headline_date(classified: ClassifiedDocument) -> str:
    """The signature date if the text gives one, else the publication date, else the first date mentioned."""
    dates = classified.document.dates
    for kind in ("signed", "published", "in_force", "mentioned"):
        for event in dates:
            if event.kind == kind:
                return f"{event.date} ({kind.replace('_', ' ')})"
    return "–"


def _provision_anchors(agreement_id: str, classified: ClassifiedDocument) -> dict[str, str]:
    """HTML ids for an agreement's provisions by ref: ``a2-p17`` for its 17th provision (refs hold spaces and ¶)."""
    return {provision.ref: f"{agreement_id}-p{number}"
            for number, provision in enumerate(classified.document.provisions, start=1)}


# ----------------------------------------------------------------------------- 2. coverage matrix

def _matrix_row(row, agreements: list[dict], by_path: dict[str, dict], labels: _CategoryLabels) -> dict:
    cells = {cell.agreement: cell for cell in row.cells}
    views = []
    for agreement in agreements:
        cell = cells.get(agreement["path"])
        count = len(cell.refs) if cell else 0
        modality = (cell.strongest or "none") if count else None
        if count:
            description = (f"{labels(row.category)} in {agreement['label']}: {_plural(count, 'provision')}, "
                           f"strongest {MODALITY_LABELS[modality]}")
        else:
            description = f"{labels(row.category)}: not covered by {agreement['label']}"
        views.append(_View({
            "agreement": agreement["id"],
            "count": count,
            "modality": modality,
            "code": MODALITY_CODES[modality] if modality else "",
            "modality_label": MODALITY_LABELS[modality] if modality else "not covered",
            "description": description,
            "target": _column_id(row.category, agreement["id"]) if count else "",
        }))
    return _View({"category": row.category, "label": labels(row.category), "status": _status_text(row, by_path),
            "cells": views})


def _status_text(row, by_path: dict[str, dict]) -> str:
    if row.status == "only" and row.covered_by:
        return f"only {_agreement_label(row.covered_by[0], by_path)}"
    return {"all": "all", "some": f"{len(row.covered_by)} of {len(row.cells)}", "none": "none"}.get(row.status, row.status)


def _column_id(category: str, agreement_id: str) -> str:
    return f"{category}--{agreement_id}"


def _agreement_label(path: str, by_path: dict[str, dict]) -> str:
    agreement = by_path.get(path)
    return agreement["label"] if agreement else path


# ----------------------------------------------------------------------------- 3. gaps

def _gaps_view(comparison: Comparison, agreements: list[dict], by_path: dict[str, dict], labels: _CategoryLabels) -> dict:
    missing: dict[str, list[dict]] = {agreement["path"]: [] for agreement in agreements}
    uncovered: list[dict] = []
    strength: list[dict] = []
    for gap in comparison.gaps:
        if gap.kind == "missing":
            for path in gap.lacking:
                missing.setdefault(path, []).append(_View({
                    "id": gap.category,
                    "label": labels(gap.category),
                    "covered_by": ", ".join(_agreement_label(other, by_path) for other in gap.covered_by),
                    "target": gap.category,
                }))
        elif gap.kind == "uncovered":
            uncovered.append(_View({"id": gap.category, "label": labels(gap.category)}))
        else:
            ranked = sorted(gap.modalities.items(), key=lambda item: MODALITY_STRENGTH.index(item[1]))
            strength.append(_View({
                "id": gap.category,
                "label": labels(gap.category),
                "target": gap.category,
                "modalities": [_View({"agreement": _agreement_label(path, by_path), "modality": modality,
                                "modality_label": MODALITY_LABELS[modality]}) for path, modality in ranked],
            }))
    return _View({
        "missing": [_View({"agreement": _agreement_label(path, by_path), "agreement_id": by_path[path]["id"] if path in by_path else "",
                     "categories": categories}) for path, categories in missing.items() if categories],
        "uncovered": uncovered,
        "strength": strength,
    })


# ----------------------------------------------------------------------------- 4. side by side

def _side_by_side(row, alignments: Sequence[Alignment], agreements: list[dict], provisions: dict[str, dict[str, Provision]],
                  anchors_by_path: dict[str, dict[str, str]], labels: _CategoryLabels) -> dict:
    """One category's provisions in one column per agreement, aligned provisions sharing a row.

    Pairs from every pairwise alignment join provisions into groups (a provision paired with B's ``Art. 3``
    and B's ``Art. 3`` paired with C's ``¶2`` sit in one row); a provision in no pair gets a row of its own,
    with gaps in the other columns, or beyond three agreements a place in one closing row of unpaired provisions.
    """
    refs = {cell.agreement: list(cell.refs) for cell in row.cells}
    column_of = {agreement["path"]: column for column, agreement in enumerate(agreements)}
    groups = _ProvisionGroups()
    for path, cell_refs in refs.items():
        for ref in cell_refs:
            if ref in provisions.get(path, {}):
                groups.add((path, ref))
    pairs: dict[frozenset, tuple[Pair, str, str]] = {}
    for alignment in alignments:
        for pair in alignment.pairs:
            a_node, b_node = (alignment.a.path, pair.a_ref), (alignment.b.path, pair.b_ref)
            # Alignment pairs leaf provisions, which may inherit the category of the article that carries the tag.
            if (a_node in groups and b_node in groups) or row.category in pair.categories:
                if a_node[1] in provisions.get(a_node[0], {}) and b_node[1] in provisions.get(b_node[0], {}):
                    groups.add(a_node)
                    groups.add(b_node)
                    groups.union(a_node, b_node)
                    pairs[frozenset((a_node, b_node))] = (pair, alignment.a.path, alignment.b.path)

    def reading_order(node: tuple[str, str]) -> tuple[int, int]:
        return column_of.get(node[0], len(agreements)), provisions[node[0]][node[1]].start

    ordered = sorted((sorted(group, key=reading_order) for group in groups.groups()), key=lambda g: reading_order(g[0]))
    # Beyond a few agreements a row per unpaired provision is mostly gap cells: they share one closing row.
    gather_unpaired = len(agreements) > SEPARATE_UNPAIRED_ROWS_UP_TO
    unpaired = [members[0] for members in ordered if len(members) == 1] if gather_unpaired else []
    rows = [_aligned_row(members, agreements, pairs, provisions, anchors_by_path)
            for members in ordered if not (gather_unpaired and len(members) == 1)]
    if unpaired:
        rows.append(_aligned_row(unpaired, agreements, {}, provisions, anchors_by_path,
                                 summary="not aligned with any other agreement",
                                 excerpts=len(agreements) > FULL_UNPAIRED_TEXT_UP_TO))
    columns = []
    for agreement in agreements:
        table = anchors_by_path.get(agreement["path"], {})
        columns.append(_View({
            "id": _column_id(row.category, agreement["id"]),
            "agreement": agreement["label"],
            "provisions": [_View({"ref": ref, "target": table.get(ref, agreement["text_anchor"])})
                           for ref in refs.get(agreement["path"], [])],
        }))
    paired_rows = sum(1 for members in ordered if len(members) > 1)
    return _View({
        "id": row.category,
        "label": labels(row.category),
        "summary": f"{_plural(len(rows), 'row')}, {paired_rows} aligned across agreements",
        "columns": columns,
        "rows": rows,
    })


def _aligned_row(members, agreements, pairs, provisions, anchors_by_path, *, summary: str | None = None,
                 excerpts: bool = False) -> dict:
    """One row of a side-by-side table: each agreement's provisions among ``members``, redlined against the first.

    With ``excerpts`` each provision shows its first words only (its ref links to the full text): at 50
    agreements the closing row of unpaired provisions would otherwise repeat every tagged article in full.
    """
    leader = members[0]
    by_agreement: dict[str, list[tuple[str, str]]] = {}
    for node in members:
        if node[1] in provisions.get(node[0], {}):
            by_agreement.setdefault(node[0], []).append(node)
    cells = [_View({"agreement": agreement["label"],
              "provisions": [_aligned_provision(node, leader, pairs, provisions, anchors_by_path, excerpt=excerpts)
                             for node in by_agreement.get(agreement["path"], [])]})
             for agreement in agreements]
    return _View({"summary": summary or f"in {len(by_agreement)} of {_plural(len(agreements), 'agreement')}", "cells": cells})


def _aligned_provision(node, leader, pairs, provisions, anchors_by_path, *, excerpt: bool = False) -> dict:
    path, ref = node
    provision: Provision = provisions[path][ref]
    text = _first_words(provision.text, EXCERPT_WORDS) if excerpt else provision.text
    view = _View({
        "ref": ref,
        "target": anchors_by_path[path].get(ref, ""),
        "modality": provision.modality,
        "modality_label": MODALITY_LABELS[provision.modality],
        "negative": provision.polarity == "negative",
        "relation": "",
        "segments": [_View({"op": "equal", "text": text})],
    })
    found = pairs.get(frozenset((node, leader))) if node != leader else None
    if found is None:
        return view
    pair, a_path, _ = found
    view["relation"] = _relation_text(pair, leader_ref=leader[1])
    if pair.relation == "reworded" and pair.redline:
        leader_is_a = a_path == leader[0]
        view["segments"] = _segments(pair.redline, invert=not leader_is_a)
    return view


def _relation_text(pair: Pair, *, leader_ref: str) -> str:
    """How a provision relates to its row's first one: ``reworded from Art. 2 (score 0.82); modality binding vs aspirational``."""
    text = f"{pair.relation} {_RELATION_LINKS.get(pair.relation, 'to')} {leader_ref} (score {pair.score:.2f})"
    if pair.modality_differs:
        text += f"; modality {MODALITY_LABELS[pair.a_modality]} vs {MODALITY_LABELS[pair.b_modality]}"
    if pair.polarity_differs:
        text += f"; polarity {pair.a_polarity} vs {pair.b_polarity}"
    return text


_RELATION_LINKS = {"same": "as", "reworded": "from", "related": "to"}


def _segments(redline, *, invert: bool) -> list[dict]:
    """Redline chunks as display segments with the spaces between them, from the row leader's wording to this one."""
    flip = {"insert": "delete", "delete": "insert", "equal": "equal"} if invert else {}
    last = len(redline) - 1
    return [_View({"op": flip.get(chunk.op, chunk.op), "text": chunk.text + ("" if position == last else " ")})
            for position, chunk in enumerate(redline)]


class _ProvisionGroups:
    """Union-find over (agreement path, ref): the provisions that pairwise alignments tie together."""

    def __init__(self) -> None:
        self._parent: dict[tuple[str, str], tuple[str, str]] = {}

    def __contains__(self, node) -> bool:
        return node in self._parent

    def add(self, node) -> None:
        self._parent.setdefault(node, node)

    def _root(self, node):
        while self._parent[node] != node:
            self._parent[node] = self._parent[self._parent[node]]
            node = self._parent[node]
        return node

    def union(self, first, second) -> None:
        self._parent[self._root(second)] = self._root(first)

    def groups(self) -> list[list[tuple[str, str]]]:
        members: dict = {}
        for node in self._parent:
            members.setdefault(self._root(node), []).append(node)
        return list(members.values())


# ----------------------------------------------------------------------------- 5. full texts

def _text_view(agreement: dict, classified: ClassifiedDocument, anchors: dict[str, str], labels: _CategoryLabels) -> dict:
    """The agreement as parsed, in text order: provisions with refs and tags, skipped spans with their reason."""
    document = classified.document
    depth: dict[str, int] = {}
    heading: dict[str, str | None] = {}
    entries: list[tuple[int, dict]] = []
    first_child: dict[str, int] = {}
    for provision in document.provisions:
        if provision.parent is not None:
            first_child[provision.parent] = min(first_child.get(provision.parent, provision.start), provision.start)
    for provision in document.provisions:
        depth[provision.ref] = depth[provision.parent] + 1 if provision.parent in depth else 0
        heading[provision.ref] = provision.heading
        inherited = heading.get(provision.parent) if provision.parent else None
        # A container's span covers its children's: it shows only its own words, those before its first child.
        own_end = max(provision.start, min(provision.end, first_child.get(provision.ref, provision.end)))
        entries.append((provision.start, _View({
            "skipped": False,
            "id": anchors[provision.ref],
            "ref": provision.ref,
            "kind": provision.kind,
            # The nearest heading repeats on every child provision: shown only where it changes.
            "heading": provision.heading if provision.heading != inherited else None,
            "depth": depth[provision.ref],
            "modality": provision.modality,
            "modality_label": MODALITY_LABELS[provision.modality],
            "negative": provision.polarity == "negative",
            "categories": [labels(category) for category in classified.categories(provision.ref)],
            "text": document.text[provision.start:own_end].strip() if provision.ref in first_child else provision.text,
        })))
    for span in document.skipped:
        text = document.text[span.start:span.end]
        entries.append((span.start, _View({
            "skipped": True,
            "reason": span.reason,
            "size": _plural(len(text), "character"),
            "text": text.strip("\n"),
        })))
    entries.sort(key=lambda entry: entry[0])
    tagged = sum(1 for provision in document.provisions if classified.tags.get(provision.ref))
    return _View({
        "id": agreement["text_anchor"],
        "agreement_id": agreement["id"],
        "label": agreement["label"],
        "title": agreement["title"],
        "summary": (f"{_plural(len(document.provisions), 'provision')} ({tagged} tagged), "
                    f"{_plural(len(document.skipped), 'skipped span')}; read as {document.format}, {document.layout} layout."),
        "entries": [entry for _, entry in entries],
    })


# ----------------------------------------------------------------------------- small helpers

def _default_title(agreements: list[dict]) -> str:
    if 1 <= len(agreements) <= 3:
        return "Comparison: " + " / ".join(_shorten(agreement["title"], _TITLE_LENGTH) for agreement in agreements)
    return f"Comparison of {len(agreements)} agreements"


def _first_words(text: str, count: int) -> str:
    """The first ``count`` words of ``text`` with an ellipsis when there are more: ``"Each Party shall …"``."""
    words = text.split(maxsplit=count)
    return " ".join(words[:count]) + (" …" if len(words) > count else "")


def _shorten(text: str, limit: int) -> str:
    words = " ".join(text.split())
    return words if len(words) <= limit else words[: limit - 1].rstrip() + "…"


def _plural(count: int, singular: str, plural: str | None = None) -> str:
    return f"{count} {singular if count == 1 else (plural or singular + 's')}"


@cache
def _html_assets() -> dict[str, str]:
    """The stylesheet and script inlined into the page, and the Content-Security-Policy that admits exactly them."""
    templates = resources.files("reports") / "templates"
    css = (templates / "report.css").read_text(encoding="utf-8")
    script = (templates / "report.js").read_text(encoding="utf-8")
    script_hash = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    policy = (f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{script_hash}'; "
              "img-src data:; base-uri 'none'; form-action 'none'")
    return {"css": Markup(css), "script": Markup(script), "content_security_policy": policy}


# ----------------------------------------------------------------------------- Markdown escaping

#: HTML's three markup characters as entities, Markdown's punctuation backslash-escaped, in one pass.
_MARKDOWN_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;",
                                   **{char: "\\" + char for char in "\\`*_[]|~"}})


def markdown_text(value: object) -> Markup:
    """Untrusted text for a Markdown line: whitespace runs made one space, HTML and Markdown punctuation escaped.

    >>> str(markdown_text("Art. 2 | <b>*not*</b>\\n  bold "))
    'Art. 2 \\\\| &lt;b&gt;\\\\*not\\\\*&lt;/b&gt; bold '
    """
    text = str(value)
    words = " ".join(text.split())
    # Keep one space at either edge: redline segments are placed side by side.
    if words and text[0].isspace():
        words = " " + words
    if words and text[-1].isspace():
        words += " "
    return Markup(words.translate(_MARKDOWN_ESCAPES))


def markdown_cell(value: object) -> Markup:
    """Like ``markdown_text``, for a table cell: an empty value becomes a dash so the table keeps its shape."""
    return markdown_text(str(value).strip()) if str(value).strip() else Markup("–")
