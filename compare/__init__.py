"""Stage 3: align provisions across agreements, compute coverage and gaps; the ``treaty`` CLI.

    >>> from compare import align_documents, compare_documents
    >>> comparison = compare_documents([classified_a, classified_b])   # doctest: +SKIP
"""
from compare.align import align_documents
from compare.coverage import compare_documents

__all__ = ["align_documents", "compare_documents"]
