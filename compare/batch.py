"""Parse and classify a corpus of agreements: a process pool, a disk cache, results in input order.

A batch never stops on one bad file: each input becomes a ``BatchItem`` holding either the classified
document or the one-line error that names the file. Results come back in the order of the inputs
whatever the number of jobs, and ``jobs=1`` and ``jobs=N`` give byte-identical documents, because every
document travels the same way: classified (or found in the cache) as JSON (``cache.document_entry``),
then validated back into a ``ClassifiedDocument`` in the calling process.

A caller that needs only the coverage matrix asks for ``product="coverage"``: each item then carries the
document's ``DocumentCoverage``, a few kilobytes. Workers reduce the document themselves and send only
that back, and the cache keeps only that, so a warm run reads neither the megabytes of a classified
document nor compiles the taxonomy. A document already cached whole (by ``report``, ``diff`` or
``classify``) is reduced to its coverage rather than parsed again.

Memory stays bounded: at most ``2 × jobs`` documents are in flight, and each is yielded as soon as it
and every input before it are done, so a caller that does not keep the documents holds only a few::

    for item in classify_paths(["corpus/"], taxonomy_path=None, jobs=2):
        print(item.path, item.error or len(item.classified.tags))
"""
from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from clauses import classify_document, load_taxonomy
from clauses.classify import compile_taxonomy
from clauses.models import ClassifiedDocument, Taxonomy
from compare.cache import DocumentCache, default_cache_dir, document_entry, read_document_entry
from compare.coverage import DocumentCoverage, document_coverage
from compare.progress import progress_bar
from grammar import expand_paths, load_document, load_source, parse_source
from grammar.errors import InputError, TreatyError, UsageError
from grammar.gc_pause import gc_paused
from grammar.load import STDIN
from grammar.models import Document

#: Documents submitted ahead of the one being yielded, per job: enough to keep every worker busy.
IN_FLIGHT_PER_JOB = 2

#: What a batch yields of each document: the whole classified document, or only its coverage.
Product = Literal["document", "coverage"]
#: How each product travels and is cached as JSON, and is read back (a ``ValueError`` when corrupt).
PRODUCT_WRITERS: dict[str, Callable[[ClassifiedDocument], str]] = {
    "document": document_entry, "coverage": lambda classified: document_coverage(classified).model_dump_json(),
}
PRODUCT_READERS: dict[str, Callable[[str | bytes], ClassifiedDocument | DocumentCoverage]] = {
    "document": read_document_entry, "coverage": DocumentCoverage.model_validate_json,
}


@dataclass(frozen=True)
class BatchItem:
    """One input of a batch: its classified document (or its coverage), or the error that stopped it, plus warnings."""

    path: str
    classified: ClassifiedDocument | None = None
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    #: True when the document came from the cache rather than being parsed and classified now.
    cached: bool = False
    #: The document's coverage, instead of ``classified``, when the batch was asked for ``product="coverage"``.
    coverage: DocumentCoverage | None = None


@dataclass(frozen=True)
class _Outcome:
    """What a worker sends back: the document as JSON (cheaper to ship than the object graph) or an error."""

    path: str
    payload: str | bytes | None = None
    error: str | None = None
    cached: bool = False
    cache_key: str | None = None


@dataclass(frozen=True)
class _Settings:
    """What every document of a batch is read with; sent once to each worker process."""

    taxonomy: Taxonomy
    cache: DocumentCache | None
    product: Product


def classify_paths(
    paths: list[str],
    *,
    taxonomy_path: str | None,
    jobs: int | None = None,
    cache_dir: str | None = None,
    use_cache: bool = True,
    progress: bool = False,
    product: Product = "document",
) -> Iterator[BatchItem]:
    """Parse and classify every file under ``paths`` (``-`` is stdin), yielding one item per input in order.

    ``jobs`` is the number of worker processes (``None`` or 0: one per CPU; ``1``: no pool). A bad taxonomy
    or a bad ``jobs`` raises ``TreatyError`` here, before any document is read; a bad document never raises.
    ``product="coverage"`` yields each document's ``coverage`` rather than the ``classified`` document.
    """
    workers = _job_count(jobs)
    taxonomy = load_taxonomy(taxonomy_path)
    cache = DocumentCache(cache_dir or default_cache_dir(), taxonomy) if use_cache else None
    inputs = list(expand_paths(paths))
    return _stream(inputs, _Settings(taxonomy, cache, product), workers, progress)


def _stream(inputs: list[str | InputError], settings: _Settings, workers: int, progress: bool) -> Iterator[BatchItem]:
    with progress_bar(len(inputs), enabled=progress) as bar:
        for item in _run(inputs, settings, workers):
            bar.update(1)
            yield item


def _job_count(jobs: int | None) -> int:
    if jobs is None or jobs == 0:
        return os.cpu_count() or 1
    if jobs < 0:
        raise UsageError(f"--jobs must be a positive number of processes, not {jobs}")
    return jobs


def _run(inputs: list[str | InputError], settings: _Settings, workers: int) -> Iterator[BatchItem]:
    files = sum(1 for item in inputs if isinstance(item, str) and item != STDIN)
    if workers == 1 or files <= 1:
        for item in inputs:
            yield _finish(_outcome_here(item, settings), settings)
        return
    yield from _run_pool(inputs, settings, workers)


def _run_pool(inputs: list[str | InputError], settings: _Settings, workers: int) -> Iterator[BatchItem]:
    """Keep up to ``IN_FLIGHT_PER_JOB × workers`` files in the pool; yield the oldest as soon as it is done.

    Cache hits are settled in this process: shipping a cached document through the pool costs more than
    reading it. The pool starts only when a file has to be parsed, so a warm run starts no process.
    """
    pending: deque[tuple[str | InputError, Future | _Outcome]] = deque()
    remaining = iter(inputs)
    pool = _LazyPool(settings, workers)
    try:
        while True:
            while len(pending) < IN_FLIGHT_PER_JOB * workers and (item := next(remaining, None)) is not None:
                pending.append((item, _submit(pool, item, settings)))
            if not pending:
                return
            item, work = pending.popleft()
            try:
                outcome = work if isinstance(work, _Outcome) else work.result()
            except BrokenProcessPool:
                # A worker died (killed, out of memory, a crash in a C extension) and took the pool and every
                # file in flight with it. Which file killed it is unknown, so each of them is run again
                # alone in a fresh process: only the culprit fails, and the batch goes on in a new pool.
                pool.restart()
                outcome = pool.run_alone(item)
                pending = deque((queued, _settle_alone(pool, queued, queued_work)) for queued, queued_work in pending)
            yield _finish(outcome, settings)
    finally:
        pool.shutdown()


class _LazyPool:
    """A process pool of ``workers`` processes started on the first file to parse; restartable after a crash."""

    def __init__(self, settings: _Settings, workers: int) -> None:
        self._settings = settings
        self._workers = workers
        self._executor: ProcessPoolExecutor | None = None

    def submit(self, path: str) -> Future:
        if self._executor is None:
            self._executor = self._new_executor(self._workers)
        try:
            return self._executor.submit(_outcome_in_worker, path)
        except BrokenProcessPool as error:
            # A worker died since the last submission: this file joins those in flight, which are redone alone.
            broken: Future = Future()
            broken.set_exception(error)
            return broken

    def run_alone(self, path: str) -> _Outcome:
        """Classify one file in a fresh process of its own: if that process dies, this file killed it."""
        with self._new_executor(1) as solo:
            try:
                return solo.submit(_outcome_in_worker, path).result()
            except BrokenProcessPool:
                return _Outcome(path=path, error=f"{path}: the worker process reading this file crashed")

    def _new_executor(self, workers: int) -> ProcessPoolExecutor:
        # Compiled here, the vocabulary's first-word scan is inherited by forked workers instead of compiled
        # once in each; the phrase tails are compiled where a text first needs them, in each worker.
        compile_taxonomy(self._settings.taxonomy)
        return ProcessPoolExecutor(max_workers=workers, initializer=_start_worker, initargs=(self._settings,))

    def restart(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None

    def shutdown(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None


def _submit(pool: _LazyPool, item: str | InputError, settings: _Settings) -> Future | _Outcome:
    # Path errors, stdin (it belongs to this process) and cache hits are settled here.
    if isinstance(item, str) and item != STDIN:
        cached = _cached_outcome(item, _cache_key(item, settings.cache), settings)
        return cached if cached is not None else pool.submit(item)
    return _outcome_here(item, settings)


def _settle_alone(pool: _LazyPool, item: str | InputError, work: Future | _Outcome) -> _Outcome:
    """The outcome of work caught in a broken pool: kept if it had finished, else redone in a process of its own."""
    if isinstance(work, _Outcome):
        return work
    if work.done() and not work.cancelled() and work.exception() is None:
        return work.result()
    return pool.run_alone(item)


def _outcome_here(item: str | InputError, settings: _Settings) -> _Outcome:
    """Settle one input in this process: a path error as it is, stdin read here, a file as a worker would."""
    if isinstance(item, TreatyError):
        return _Outcome(path=item.path or "", error=str(item))
    if item == STDIN:
        try:
            classified = classify_document(parse_source(load_source(STDIN)), settings.taxonomy)
        except TreatyError as error:
            return _Outcome(path=STDIN, error=str(error))
        return _Outcome(path=classified.document.path, payload=PRODUCT_WRITERS[settings.product](classified))
    return _outcome_for(item, settings)


def _finish(outcome: _Outcome, settings: _Settings) -> BatchItem:
    """Turn a worker's JSON back into a document (or coverage) that carries this input's own path (a cached copy may not)."""
    if outcome.error is not None:
        return BatchItem(path=outcome.path, error=outcome.error)
    try:
        product = PRODUCT_READERS[settings.product](outcome.payload)
    except ValueError as error:  # pydantic's ValidationError and a malformed JSON entry alike
        if outcome.cached and settings.cache is not None:
            # A cache entry truncated, edited or written by an incompatible model: drop it and redo the file.
            settings.cache.discard(outcome.cache_key, settings.product)
            return _finish(_outcome_for(outcome.path, settings), settings)
        return BatchItem(path=outcome.path, error=f"{outcome.path}: internal error: {settings.product} does not validate: {error}")
    if isinstance(product, DocumentCoverage):
        return BatchItem(path=outcome.path, coverage=_coverage_at(product, outcome.path), warnings=list(product.warnings),
                         cached=outcome.cached)
    classified = _classified_at(product, outcome.path, settings.taxonomy)
    return BatchItem(path=outcome.path, classified=classified, warnings=list(classified.document.warnings), cached=outcome.cached)


def _classified_at(classified: ClassifiedDocument, path: str, taxonomy: Taxonomy) -> ClassifiedDocument:
    document = classified.document
    if document.path == path and classified.taxonomy == taxonomy.source:
        return classified
    return classified.model_copy(update={"document": document.model_copy(update={"path": path}), "taxonomy": taxonomy.source})


def _coverage_at(coverage: DocumentCoverage, path: str) -> DocumentCoverage:
    if coverage.agreement.path == path:
        return coverage
    return coverage.model_copy(update={"agreement": coverage.agreement.model_copy(update={"path": path})})


# ----------------------------------------------------------------------------- the worker side

#: Set once per worker process by ``_start_worker`` (and in the calling process when there is no pool).
_worker_settings: _Settings | None = None


def _start_worker(settings: _Settings) -> None:
    global _worker_settings
    _worker_settings = settings


def _outcome_in_worker(path: str) -> _Outcome:
    return _outcome_for(path, _worker_settings)


def _outcome_for(path: str, settings: _Settings) -> _Outcome:
    """Classify one file, or take it from the cache; every failure becomes an error naming the file."""
    try:
        return _classify_file(path, settings)
    except TreatyError as error:
        return _Outcome(path=path, error=str(error))
    except RecursionError:
        return _Outcome(path=path, error=f"{path}: document is nested too deeply to read")
    except MemoryError:
        return _Outcome(path=path, error=f"{path}: document is too large to read in the memory available")
    except Exception as error:  # noqa: BLE001 — one file's bug must not end the batch; name the file instead
        return _Outcome(path=path, error=f"{path}: internal error: {type(error).__name__}: {error}")


# One pause over a document's whole work: with the collector back on between parsing, classifying and writing
# the product, it walked the live document again each time (2.4% of the time, timed with gc.callbacks).
@gc_paused()
def _classify_file(path: str, settings: _Settings) -> _Outcome:
    key = _cache_key(path, settings.cache)
    cached = _cached_outcome(path, key, settings) or _coverage_of_cached_document(path, key, settings)
    if cached is not None:
        return cached
    if settings.product == "coverage":
        classified = _classified_for_coverage(path, settings.taxonomy)
    else:
        classified = classify_document(load_document(path), settings.taxonomy)
    payload = PRODUCT_WRITERS[settings.product](classified)
    if key is None:
        return _Outcome(path=path, payload=payload)
    # Only the product asked for is cached. Writing the whole document beside a coverage as well made a
    # cold ``treaty compare`` about 28% slower (bench/corpus.py), far more than its serialisation costs.
    settings.cache.store(key, payload, settings.product)
    return _Outcome(path=path, payload=payload, cache_key=key)


def _classified_for_coverage(path: str, taxonomy: Taxonomy) -> ClassifiedDocument:
    """The document classified, with the clauses of its tagged provisions read and no others: all that its
    coverage needs (the untagged provisions' modality is never looked at); a cold ``treaty compare`` took
    8-12% less time for it (bench/corpus.py, 100 documents)."""
    classified: ClassifiedDocument | None = None

    def tagged_refs(document: Document) -> list[str]:
        nonlocal classified
        classified = classify_document(document, taxonomy)  # tags never depend on clause readings
        return [ref for ref, tags in classified.tags.items() if tags]

    document = load_document(path, read_clauses_of=tagged_refs)
    return classified.model_copy(update={"document": document})


def _cached_outcome(path: str, key: str | None, settings: _Settings) -> _Outcome | None:
    payload = settings.cache.load(key, settings.product) if key is not None else None
    return _Outcome(path=path, payload=payload, cached=True, cache_key=key) if payload is not None else None


def _coverage_of_cached_document(path: str, key: str | None, settings: _Settings) -> _Outcome | None:
    """The coverage of a document cached whole (by ``report`` or ``classify``), now cached as coverage too."""
    if key is None or settings.product != "coverage" or (payload := settings.cache.load(key, "document")) is None:
        return None
    try:
        classified = read_document_entry(payload)
    except ValueError:
        settings.cache.discard(key, "document")
        return None
    coverage = document_coverage(classified).model_dump_json()
    settings.cache.store(key, coverage, "coverage")
    return _Outcome(path=path, payload=coverage, cached=True, cache_key=key)


def _cache_key(path: str, cache: DocumentCache | None) -> str | None:
    content = _read_bytes(path) if cache is not None else None
    return cache.key(content, Path(path).suffix) if content is not None else None


def _read_bytes(path: str) -> bytes | None:
    """The file's bytes for its cache key, or ``None``: an unreadable file is left to the loader's own error."""
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError:
        return None
