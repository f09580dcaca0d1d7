"""Stage 2: the clause taxonomy and the classifier that tags provisions with categories.

    >>> from clauses import load_taxonomy, explain_text
    >>> explain_text("Neither Party shall impose export duties on lithium.", load_taxonomy()).categories
    ['export_duties']
"""
from clauses.classify import classify_document, explain_text
from clauses.taxonomy import load_taxonomy

__all__ = ["load_taxonomy", "classify_document", "explain_text"]
