"""Read documents from disk or stdin into ``Source`` models (placeholder until the ingest work lands)."""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

from grammar.errors import InputError
from grammar.models import Source

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".xml", ".pdf")


def expand_paths(paths: Iterable[str]) -> Iterator[str | InputError]:
    for path in paths:
        if path != "-" and os.path.isdir(path):
            names = sorted(n for n in os.listdir(path) if n.lower().endswith(SUPPORTED_SUFFIXES))
            if not names:
                yield InputError("directory has no supported files", path=path)
            for name in names:
                yield os.path.join(path, name)
        else:
            yield path


def load_source(path: str) -> Source:
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        raise InputError("no such file", path=path) from None
    return Source(path=path, format="text", raw=data.decode("utf-8-sig"))
