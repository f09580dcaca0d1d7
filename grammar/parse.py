"""Parse a ``Source`` into a ``Document`` (placeholder until the provision grammar lands)."""
from __future__ import annotations

from grammar.models import Document, Provision, Source


def parse_source(source: Source) -> Document:
    text = source.raw
    provisions = [Provision(ref="¶1", kind="paragraph", text=text, start=0, end=len(text))] if text.strip() else []
    return Document(path=source.path, format=source.format, layout="prose", title=None, parties=[], dates=[],
                    instrument="unknown", genre="legal_text", minerals=[], text=text, provisions=provisions, skipped=[])
