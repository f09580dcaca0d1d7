"""A disk cache of classified documents, keyed by what decides the result: the bytes, the taxonomy and the program.

An entry's key is the sha256 of

- the file's bytes and its lower-cased suffix (``.txt`` and ``.html`` read the same bytes differently),
- the merged taxonomy (its model JSON, so a user file and the default it extends both count),
- the program version and a fingerprint of the grammar, classifier and compare sources and data files, so
  that editing a grammar, a vocabulary file, the code that reads them or the shape of an entry invalidates
  every entry.

Under one key sit the products made from the file: the ``ClassifiedDocument`` (as ``document_entry``
writes it) and its ``DocumentCoverage`` (all that ``treaty compare`` reads, a few kilobytes instead of
megabytes), each as JSON text: loading JSON runs no code, unlike pickle. They are written atomically (temporary file, then
rename), so a reader never sees half an entry, and a corrupt or unreadable entry is treated as missing
and rewritten. Layout::

    ~/.cache/treaty-compare/3f/3fa4…e1.json            the classified document
    ~/.cache/treaty-compare/3f/3fa4…e1.coverage.json   its coverage
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from functools import lru_cache
from pathlib import Path

from clauses.models import ClassifiedDocument, Taxonomy
from grammar.version import PROGRAM_VERSION

APPLICATION = "treaty-compare"
#: The packages whose code and data decide a classified document, and (compare) the shape of its entries.
FINGERPRINTED_PACKAGES = ("grammar", "clauses", "compare")
FINGERPRINTED_SUFFIXES = (".py", ".lark", ".toml")


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/treaty-compare``, else ``~/.cache/treaty-compare`` (the XDG base directory default)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / APPLICATION


@lru_cache(maxsize=1)
def program_fingerprint() -> str:
    """A hash of the program version and of every source and data file of the grammar, clause and compare stages."""

    digest = hashlib.sha256(f"version {PROGRAM_VERSION}\n".encode())
    root = Path(__file__).resolve().parent.parent
    for package in FINGERPRINTED_PACKAGES:
        for path in sorted((root / package).rglob("*")):
            if path.suffix in FINGERPRINTED_SUFFIXES and path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(root).as_posix().encode() + b"\0")
                digest.update(path.read_bytes())
    return digest.hexdigest()


def taxonomy_fingerprint(taxonomy: Taxonomy) -> str:
    """A hash of the merged taxonomy's content; its ``source`` (where it was read from) does not count."""
    content = taxonomy.model_dump_json(exclude={"source"})
    return hashlib.sha256(content.encode()).hexdigest()


class DocumentCache:
    """Classified documents on disk, as JSON text, under one directory."""

    def __init__(self, directory: str | Path, taxonomy: Taxonomy) -> None:
        self.directory = Path(directory)
        self._salt = f"{program_fingerprint()}\n{taxonomy_fingerprint(taxonomy)}\n".encode()

    def key(self, content: bytes, suffix: str) -> str:
        """The entry key of a file's bytes read under ``suffix`` with this cache's taxonomy and program."""
        digest = hashlib.sha256(self._salt)
        digest.update(suffix.lower().encode() + b"\0")
        digest.update(content)
        return digest.hexdigest()

    def entry_path(self, key: str, product: str = "document") -> Path:
        """Where the ``product`` (``document`` or ``coverage``) of the file with ``key`` is stored."""
        suffix = ".json" if product == "document" else f".{product}.json"
        return self.directory / key[:2] / f"{key}{suffix}"

    def load(self, key: str, product: str = "document") -> bytes | None:
        """The stored JSON for ``key`` as UTF-8 bytes (pydantic validates bytes without decoding), or ``None``."""
        try:
            return self.entry_path(key, product).read_bytes()
        except OSError:
            return None

    def store(self, key: str, payload: str, product: str = "document") -> bool:
        """Write an entry atomically; ``False`` when the cache directory cannot be written (caching is best effort)."""
        target = self.entry_path(key, product)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".json")
        except OSError:
            # A read-only or missing cache directory must not fail the batch.
            return False
        try:
            with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                handle.write(payload)
            os.replace(temporary, target)
        except OSError:
            Path(temporary).unlink(missing_ok=True)
            return False
        return True

    def discard(self, key: str, product: str = "document") -> None:
        """Remove an entry found corrupt, so that the next store replaces it."""
        self.entry_path(key, product).unlink(missing_ok=True)


#: Leaves out each provision's text: the document's text over the provision's span gives it back.
WITHOUT_PROVISION_TEXTS = {"document": {"provisions": {"__all__": {"text"}}}}


def document_entry(classified: ClassifiedDocument) -> str:
    """The JSON a classified document is cached (and sent from a worker) as: without its provisions' texts.

    Nested provisions repeat their children's text, so a ToTA treaty's JSON is ~7 times its text; without
    them the entry is ~2.5 times smaller and faster to write. They are left out only when each provision's
    text is exactly ``document.text[start:end]`` (``"sliced": true``), else the document is kept whole::

        {"sliced":true,"classified":{"document":{..., "text":"Article 1 The Parties shall ...",
         "provisions":[{"ref":"art_1","kind":"article",...,"start":0,"end":31,...}]},"tags":{...}}}
    """
    text = classified.document.text
    sliced = all(text[provision.start:provision.end] == provision.text for provision in classified.document.provisions)
    # One pass of pydantic's serializer: the ``exclude`` tree drops the texts without copying any model.
    body = classified.model_dump_json(exclude=WITHOUT_PROVISION_TEXTS if sliced else None)
    return f'{{"sliced":{"true" if sliced else "false"},"classified":{body}}}'


def read_document_entry(payload: str | bytes) -> ClassifiedDocument:
    """The classified document ``document_entry`` wrote, texts restored; ``ValueError`` when the entry is corrupt."""
    try:
        entry = json.loads(payload)
        classified = entry["classified"]
        if entry["sliced"] is True:
            document = classified["document"]
            for provision in document["provisions"]:
                provision["text"] = document["text"][provision["start"]:provision["end"]]
    except (KeyError, TypeError, AttributeError) as error:
        raise ValueError(f"not a cached document entry: {type(error).__name__}: {error}") from None
    return ClassifiedDocument.model_validate(classified)
