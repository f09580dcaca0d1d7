"""Stage 1: read agreement texts and parse them into provisions with metadata.

    >>> from grammar import load_document
    >>> document = load_document("seeds/002_b68c110a14118c9d.txt")   # doctest: +SKIP
"""
from grammar.load import expand_paths, load_source
from grammar.parse import parse_source

__all__ = ["load_document", "parse_source", "load_source", "expand_paths"]


def load_document(path: str, **options):
    """Read one file (or ``-`` for stdin) and parse it into a ``Document`` (``options``: see ``parse_source``)."""
    return parse_source(load_source(path), **options)
