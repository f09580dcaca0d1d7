"""Compare several agreements category by category: the coverage matrix, its gaps, and pairwise alignments.

A category is covered by an agreement when at least one of its provisions carries the category's tag and
states some commitment (a modality other than ``none``);
the cell keeps those provisions' refs and the strongest modality among them (``MODALITY_STRENGTH`` order:
binding > commitment > best_effort > aspirational > none). Across agreements a category is covered by
``all``, ``some`` (more than one, not all), ``only`` one, or ``none``.

Gaps, in the order a reader wants them:
- ``missing``: some agreements cover the category and these do not;
- ``strength``: several cover it, some more weakly (A ``shall``, B only ``intends to``);
- ``uncovered``: no agreement covers it (only listed when the category list comes from the taxonomy).
"""
from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict

from clauses.models import ClassifiedDocument
from compare.align import DEFAULT_MIN_SCORE, agreement_info, align_documents
from compare.models import AgreementInfo, CategoryCoverage, Comparison, CoverageCell, Gap, Status
from grammar.models import MODALITY_STRENGTH, Modality


class DocumentCoverage(BaseModel):
    """One agreement as the coverage matrix sees it: its header, and per category its committing provisions.

    A few kilobytes where the classified document is megabytes: ``treaty compare`` keeps (and caches)
    only these, so hundreds of treaties fit in bounded memory and a warm run reads little.
    """

    model_config = ConfigDict(frozen=True)

    agreement: AgreementInfo
    #: Category id → refs of the provisions tagged with it that commit to something, in document order.
    refs: dict[str, list[str]] = {}
    #: Category id → the strongest modality among those provisions.
    strongest: dict[str, Modality] = {}
    #: The document's reading warnings, which a command still reports about each agreement.
    warnings: list[str] = []


def document_coverage(doc: ClassifiedDocument, agreement: AgreementInfo | None = None) -> DocumentCoverage:
    """What the coverage matrix needs of ``doc`` (``agreement`` defaults to ``agreement_info(doc)``)."""
    refs: dict[str, list[str]] = {}
    modalities: dict[str, list[Modality]] = {}
    for provision in doc.document.provisions:
        # Background and facts (modality none: "China restricted exports through duties in the past", a bare
        # article heading) mention a subject without committing anyone to it, so they do not cover it.
        if provision.modality == "none":
            continue
        for category in dict.fromkeys(doc.categories(provision.ref)):
            refs.setdefault(category, []).append(provision.ref)
            modalities.setdefault(category, []).append(provision.modality)
    strongest = {category: strongest_modality(found) for category, found in modalities.items()}
    return DocumentCoverage(agreement=agreement or agreement_info(doc), refs=refs, strongest=strongest,
                            warnings=doc.document.warnings)


def compare_documents(
    docs: list[ClassifiedDocument],
    *,
    categories: Sequence[str] | None = None,
    min_score: float = DEFAULT_MIN_SCORE,
    align: bool | None = None,
) -> Comparison:
    """The coverage matrix and gaps of ``docs``, plus the alignment of every pair of them when ``align``.

    ``categories`` fixes the rows (e.g. every id of the taxonomy, so that categories nobody covers show up);
    by default they are the taxonomy's categories the documents were classified with, plus any other tag found.
    ``align`` defaults to true for exactly two documents (``treaty diff``) and false otherwise.
    """
    rows = list(categories) if categories is not None else _default_categories(docs)
    comparison = compare_coverage([document_coverage(doc) for doc in docs], categories=rows)
    if align if align is not None else len(docs) == 2:
        alignments = [align_documents(docs[i], docs[j], min_score=min_score)
                      for i in range(len(docs)) for j in range(i + 1, len(docs))]
        comparison = comparison.model_copy(update={"alignments": alignments})
    return comparison


def compare_coverage(coverages: list[DocumentCoverage], *, categories: Sequence[str]) -> Comparison:
    """The coverage matrix (one row per category of ``categories``) and gaps of agreements, without alignments."""
    coverage = [_category_coverage(category, coverages) for category in categories]
    agreements = [summary.agreement for summary in coverages]
    return Comparison(agreements=agreements, coverage=coverage, gaps=find_gaps(coverage), alignments=[])


def find_gaps(coverage: list[CategoryCoverage]) -> list[Gap]:
    """Missing categories, then strength gaps, then categories no agreement covers, each in row order."""
    missing, strength, uncovered = [], [], []
    for row in coverage:
        lacking = [cell.agreement for cell in row.cells if not cell.covered]
        if row.status == "none":
            uncovered.append(Gap(kind="uncovered", category=row.category, lacking=lacking))
            continue
        if lacking:
            missing.append(Gap(kind="missing", category=row.category, covered_by=row.covered_by, lacking=lacking))
        modalities = {cell.agreement: cell.strongest for cell in row.cells if cell.covered}
        ranks = {agreement: MODALITY_STRENGTH.index(modality) for agreement, modality in modalities.items()}
        if len(set(ranks.values())) > 1:
            best = min(ranks.values())
            strength.append(Gap(
                kind="strength",
                category=row.category,
                covered_by=[agreement for agreement, rank in ranks.items() if rank == best],
                lacking=[agreement for agreement, rank in ranks.items() if rank != best],
                modalities=modalities,
            ))
    return missing + strength + uncovered


def strongest_modality(modalities: list[Modality]) -> Modality | None:
    """The strongest of ``modalities`` (``binding`` beats ``aspirational``); ``None`` for none at all."""
    return min(modalities, key=MODALITY_STRENGTH.index) if modalities else None


def _category_coverage(category: str, coverages: list[DocumentCoverage]) -> CategoryCoverage:
    cells = [
        CoverageCell(agreement=summary.agreement.path, category=category, refs=summary.refs.get(category, []),
                     strongest=summary.strongest.get(category))
        for summary in coverages
    ]
    covered_by = [cell.agreement for cell in cells if cell.covered]
    return CategoryCoverage(category=category, cells=cells, status=_status(len(covered_by), len(cells)), covered_by=covered_by)


def _status(covering: int, total: int) -> Status:
    if covering == 0:
        return "none"
    if covering == total:
        return "all"
    return "only" if covering == 1 else "some"


def _default_categories(docs: list[ClassifiedDocument]) -> list[str]:
    """The taxonomy's category ids in taxonomy order, then any other tag the documents carry, sorted."""
    ids: list[str] = []
    if docs:
        from clauses import load_taxonomy  # the taxonomy is optional here: hand-tagged documents need none

        source = docs[0].taxonomy
        if all(doc.taxonomy == source for doc in docs):
            ids = [category.id for category in load_taxonomy(None if source == "default" else source).categories]
    tagged = {tag.category for doc in docs for tags in doc.tags.values() for tag in tags}
    return ids + sorted(tagged - set(ids))
