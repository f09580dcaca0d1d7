"""Batch classification at corpus scale: order, determinism across jobs, failures, the cache, progress."""
from __future__ import annotations

import io
import multiprocessing
import os
import shutil
import sys
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

from compare import batch
from compare.batch import classify_paths
from compare.cache import DocumentCache, document_entry, read_document_entry
from compare.coverage import document_coverage
from clauses import classify_document, load_taxonomy
from clauses import taxonomy as taxonomy_module
from grammar import load_document
from grammar.errors import TreatyError, UsageError
from grammar.parse import UNREAD
from tests.conftest import EXTRA_TOTA_PATHS, SEED_PATHS, TOTA_PATHS

GENERATED_AGREEMENTS = {
    "minerals_mou.txt": (
        "MEMORANDUM OF UNDERSTANDING ON CRITICAL MINERALS\n\n"
        "Article 1\nObjective\n\n"
        "1. The Participants shall cooperate on the exploration, extraction and processing of critical minerals.\n"
        "2. Neither Participant shall impose export duties on lithium, cobalt or nickel.\n\n"
        "Article 2\nLabour standards\n\n"
        "The Participants will endeavour to promote labour rights, including:\n"
        "(a) the elimination of forced labour;\n(b) the effective abolition of child labour.\n"
    ),
    "trade_chapter.md": (
        "# Chapter 3: Trade in Goods\n\n"
        "Article 3.1 Export Restrictions\n\n"
        "1. No Party may adopt or maintain any prohibition or restriction on the exportation of any good.\n"
        "2. Each Party shall establish a stockpile of critical raw materials and share information on reserves.\n\n"
        "Article 3.2 Investment\n\n"
        "The Parties shall facilitate investment in refining and recycling capacity.\n"
    ),
    "joint_statement.html": (
        "<html><head><title>Joint Statement</title></head><body><nav><a href='/'>Home</a></nav>"
        "<h1>Joint Statement on Supply Chain Resilience</h1>"
        "<p>The two governments intend to coordinate investment screening of foreign acquisitions of mines.</p>"
        "<ul><li>They will set up a cooperation council that meets each year.</li>"
        "<li>They will promote recycling and the circular economy for batteries.</li></ul></body></html>"
    ),
}

FORK_ONLY = pytest.mark.skipif(
    multiprocessing.get_start_method() != "fork",
    reason="a monkeypatched worker needs forked processes (the default on Linux)",
)


@pytest.fixture(autouse=True)
def pinned_default_taxonomy(tmp_path, monkeypatch):
    """A snapshot of the default taxonomy, so that an edit to it during the test cannot change cache keys."""
    snapshot = tmp_path / "default-taxonomy.toml"
    shutil.copy(taxonomy_module.DEFAULT_PATH, snapshot)
    monkeypatch.setattr(taxonomy_module, "DEFAULT_PATH", snapshot)


@pytest.fixture
def corpus(tmp_path: Path) -> list[str]:
    """The seeds plus a few generated agreements in other formats, copied to a folder of their own."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for seed in SEED_PATHS:
        shutil.copy(seed, folder / seed.name)
    for name, text in GENERATED_AGREEMENTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return sorted(str(path) for path in folder.iterdir())


def run(paths: list[str], cache_dir: Path | None = None, **options) -> list[batch.BatchItem]:
    return list(classify_paths(paths, taxonomy_path=options.pop("taxonomy_path", None), cache_dir=str(cache_dir) if cache_dir else None,
                               use_cache=cache_dir is not None, **options))


def dumps(items: list[batch.BatchItem]) -> list[str]:
    return [(item.classified or item.coverage).model_dump_json() if item.error is None else f"ERROR {item.error}" for item in items]


def coverage_entries(cache_dir: Path) -> list[Path]:
    return sorted(cache_dir.rglob("*.coverage.json"))


def document_entries(cache_dir: Path) -> list[Path]:
    return sorted(path for path in cache_dir.rglob("*.json") if not path.name.endswith(".coverage.json"))


def no_parsing(path, **options):
    raise AssertionError(f"parsed {path} despite the cache")


# ----------------------------------------------------------------------------- determinism and order

@pytest.mark.parametrize(
    "jobs, cached_runs",
    [
        pytest.param(2, 0, id="two-jobs-no-cache"),
        pytest.param(1, 1, id="one-job-from-cache"),
        pytest.param(2, 1, id="two-jobs-from-cache"),
        pytest.param(3, 1, id="three-jobs-from-a-cache-written-by-one"),
    ],
)
def test_results_are_byte_identical_whatever_jobs_and_cache(corpus, tmp_path, jobs, cached_runs):
    baseline = dumps(run(corpus, jobs=1))
    cache_dir = tmp_path / "cache" if cached_runs else None
    for _ in range(cached_runs):
        run(corpus, cache_dir, jobs=1)
    assert dumps(run(corpus, cache_dir, jobs=jobs)) == baseline


@pytest.mark.parametrize("jobs", [1, 2], ids=["one-job", "two-jobs"])
def test_bad_files_in_the_middle_are_reported_and_the_rest_processed_in_order(corpus, tmp_path, jobs):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    png = tmp_path / "picture.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    missing = str(tmp_path / "missing.txt")
    paths = [corpus[0], str(empty), corpus[1], missing, str(png), *corpus[2:]]

    items = run(paths, tmp_path / "cache", jobs=jobs)

    assert [item.path for item in items] == paths
    failed = {item.path: item.error for item in items if item.error}
    assert set(failed) == {str(empty), missing, str(png)}
    assert all(path in error for path, error in failed.items())
    assert all(item.classified is not None and item.classified.document.path == item.path for item in items if not item.error)


def test_a_directory_expands_to_its_files_in_sorted_order(corpus):
    folder = str(Path(corpus[0]).parent)
    assert [item.path for item in run([folder], jobs=2)] == corpus


@FORK_ONLY
def test_an_unexpected_exception_in_a_worker_names_the_file_and_the_batch_goes_on(corpus, monkeypatch):
    victim = corpus[2]
    real_load = batch.load_document

    def load_or_fail(path):
        if path == victim:
            raise ValueError("bug in a parser")
        return real_load(path)

    monkeypatch.setattr(batch, "load_document", load_or_fail)
    items = run(corpus, jobs=2)
    assert [item.path for item in items] == corpus
    assert items[2].error == f"{victim}: internal error: ValueError: bug in a parser"
    assert all(item.classified is not None for index, item in enumerate(items) if index != 2)


@FORK_ONLY
def test_a_worker_that_dies_is_reported_and_the_pool_replaced(corpus, monkeypatch):
    victim = corpus[3]
    real_classify = batch._classify_file

    def classify_or_die(path, settings):
        if path == victim:
            os._exit(70)  # as a segfault or the out-of-memory killer would end the worker
        return real_classify(path, settings)

    monkeypatch.setattr(batch, "_classify_file", classify_or_die)
    items = run(corpus, jobs=2)
    assert [item.path for item in items] == corpus
    assert items[3].error == f"{victim}: the worker process reading this file crashed"
    assert all(item.classified is not None for index, item in enumerate(items) if index != 3)


def test_a_pool_that_breaks_between_two_submissions_redoes_the_files_in_flight(corpus, monkeypatch):
    # A worker can die while files are still being handed out: the next submit raises at once.
    real_new_executor = batch._LazyPool._new_executor
    submissions = []

    def executor_that_breaks_on_the_third_submit(self, workers):
        executor = real_new_executor(self, workers)
        real_submit = executor.submit

        def submit(function, *args):
            submissions.append(args)
            if len(submissions) == 3:
                raise BrokenProcessPool("a worker died")
            return real_submit(function, *args)

        executor.submit = submit
        return executor

    monkeypatch.setattr(batch._LazyPool, "_new_executor", executor_that_breaks_on_the_third_submit)
    items = run(corpus, jobs=2)
    assert [item.path for item in items] == corpus
    assert all(item.error is None for item in items)


@pytest.mark.parametrize("jobs", [1, 2], ids=["one-job", "two-jobs"])
def test_stdin_is_read_in_the_calling_process_in_its_place(corpus, monkeypatch, jobs):
    text = GENERATED_AGREEMENTS["minerals_mou.txt"]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8")), encoding="utf-8"))
    items = run([corpus[0], "-", corpus[1]], jobs=jobs)
    assert [item.path for item in items] == [corpus[0], "<stdin>", corpus[1]]
    assert items[1].classified.document.text.startswith("MEMORANDUM OF UNDERSTANDING")


@pytest.mark.parametrize("jobs", [1, 2], ids=["one-job", "two-jobs"])
def test_documents_stream_with_a_bounded_number_in_flight(corpus, monkeypatch, jobs):
    started: list[str] = []
    real_outcome = batch._outcome_for
    real_submit = batch._LazyPool.submit
    monkeypatch.setattr(batch, "_outcome_for", lambda path, *rest: started.append(path) or real_outcome(path, *rest))
    monkeypatch.setattr(batch._LazyPool, "submit", lambda pool, path: started.append(path) or real_submit(pool, path))
    consumed = 0
    for _ in classify_paths(corpus * 3, taxonomy_path=None, jobs=jobs, use_cache=False):
        consumed += 1
        assert len(started) - consumed <= batch.IN_FLIGHT_PER_JOB * jobs
    assert consumed == len(corpus) * 3


@pytest.mark.parametrize(
    "options, error, fragment",
    [
        pytest.param({"jobs": -1}, UsageError, "--jobs must be a positive number", id="negative-jobs"),
        pytest.param({"taxonomy_path": "no/such/taxonomy.toml"}, TreatyError, "no/such/taxonomy.toml", id="missing-taxonomy"),
    ],
)
def test_bad_batch_options_raise_when_called_before_any_document_is_read(corpus, options, error, fragment):
    with pytest.raises(error) as raised:
        classify_paths(corpus, use_cache=False, **{"taxonomy_path": None, **options})
    assert fragment in str(raised.value)


def test_a_path_error_is_an_item_not_an_exception(tmp_path):
    items = run([str(tmp_path / "nothing-here")], jobs=2)
    assert [item.error for item in items] == [f"{tmp_path / 'nothing-here'}: no such file or directory"]


# ----------------------------------------------------------------------------- the cache

def test_a_second_run_over_an_unchanged_corpus_parses_nothing(corpus, tmp_path, monkeypatch):
    cache_dir = tmp_path / "cache"
    first = run(corpus, cache_dir, jobs=1)
    assert not any(item.cached for item in first)
    monkeypatch.setattr(batch, "load_document", no_parsing)
    second = run(corpus, cache_dir, jobs=2)
    assert all(item.cached for item in second)
    assert dumps(second) == dumps(first)


def test_a_second_run_over_the_tota_treaties_comes_from_the_cache(tota_paths, tmp_path):
    # How much faster the warm run is, is a benchmark's figure (bench/corpus.py), not a timed test.
    paths = [str(path) for path in tota_paths]
    cold = run(paths, tmp_path / "cache", jobs=1)
    warm = run(paths, tmp_path / "cache", jobs=1)
    assert all(item.cached for item in warm) and not any(item.cached for item in cold)
    assert [item.classified for item in warm] == [item.classified for item in cold]


def test_a_cached_copy_carries_the_path_it_was_read_from(corpus, tmp_path):
    cache_dir = tmp_path / "cache"
    run([corpus[0]], cache_dir)
    renamed = tmp_path / "same-bytes-other-name.txt"
    shutil.copy(corpus[0], renamed)
    [item] = run([str(renamed)], cache_dir)
    assert item.cached
    assert item.path == item.classified.document.path == str(renamed)


def test_a_changed_file_misses_the_cache_and_the_others_hit(corpus, tmp_path):
    cache_dir = tmp_path / "cache"
    run(corpus, cache_dir, jobs=1)
    changed = Path(corpus[1])
    changed.write_text(changed.read_text(encoding="utf-8") + "\nArticle 99\nThe Parties shall meet annually.\n", encoding="utf-8")
    items = run(corpus, cache_dir, jobs=2)
    assert [item.cached for item in items] == [path != str(changed) for path in corpus]
    assert "Article 99" in items[1].classified.document.text


def test_a_changed_taxonomy_misses_the_cache(corpus, tmp_path):
    cache_dir = tmp_path / "cache"
    run(corpus, cache_dir, jobs=1)
    category = load_taxonomy().categories[0].id
    user_taxonomy = tmp_path / "mine.toml"
    user_taxonomy.write_text(f'extends = "default"\n\n[[category]]\nid = "{category}"\nphrases = ["critical minerals"]\n', encoding="utf-8")

    items = run(corpus, cache_dir, jobs=1, taxonomy_path=str(user_taxonomy))

    assert not any(item.cached for item in items)
    assert all(item.classified.taxonomy == str(user_taxonomy) for item in items)
    assert all(item.cached for item in run(corpus, cache_dir, jobs=1, taxonomy_path=str(user_taxonomy)))


def test_a_document_entry_leaves_out_provision_texts_and_reads_back_exactly(corpus):
    for item in run(corpus, jobs=1):
        entry = document_entry(item.classified)
        assert entry.startswith('{"sliced":true,')
        assert len(entry) < len(item.classified.model_dump_json())
        assert read_document_entry(entry).model_dump_json() == item.classified.model_dump_json()


def test_a_document_whose_provision_text_is_not_its_span_is_cached_whole(corpus):
    classified = run(corpus[:1], jobs=1)[0].classified
    provisions = list(classified.document.provisions)
    provisions[1] = provisions[1].model_copy(update={"text": ""})  # empty over a non-empty span: not a slice
    odd = classified.model_copy(update={"document": classified.document.model_copy(update={"provisions": provisions})})
    entry = document_entry(odd)
    assert entry.startswith('{"sliced":false,')
    assert read_document_entry(entry).model_dump_json() == odd.model_dump_json()


def test_the_same_bytes_under_another_suffix_are_another_entry(tmp_path):
    cache = DocumentCache(tmp_path, load_taxonomy())
    assert cache.key(b"<p>Article 1</p>", ".txt") != cache.key(b"<p>Article 1</p>", ".html")
    assert cache.key(b"<p>Article 1</p>", ".HTML") == cache.key(b"<p>Article 1</p>", ".html")


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda text: text[: len(text) // 2], id="truncated"),
        pytest.param(lambda text: "", id="emptied"),
        pytest.param(lambda text: '{"document": 42, "tags": {}}', id="valid-json-wrong-shape"),
        pytest.param(lambda text: "\x00\xff garbage", id="garbage"),
        pytest.param(lambda text: b"\xff\xfe{\x00\x80", id="not-utf-8"),
    ],
)
def test_a_corrupt_cache_entry_is_ignored_and_rewritten(corpus, tmp_path, damage):
    cache_dir = tmp_path / "cache"
    expected = dumps(run(corpus, cache_dir, jobs=1))
    entries = sorted(cache_dir.rglob("*.json"))
    assert len(entries) == len(corpus)
    for entry in entries:
        damaged = damage(entry.read_text(encoding="utf-8"))
        entry.write_bytes(damaged if isinstance(damaged, bytes) else damaged.encode("utf-8"))

    survived = run(corpus, cache_dir, jobs=2)

    assert dumps(survived) == expected
    assert not any(item.cached for item in survived if item.path != "")
    assert all(item.cached for item in run(corpus, cache_dir, jobs=1))


# ----------------------------------------------------------------------------- the coverage product (treaty compare)

@pytest.mark.parametrize("jobs", [1, 2], ids=["one-job", "two-jobs"])
def test_a_coverage_run_caches_only_coverages_and_a_warm_one_equals_it(corpus, tmp_path, monkeypatch, jobs):
    cache_dir = tmp_path / "cache"
    cold = run(corpus, cache_dir, jobs=jobs, product="coverage")
    assert not any(item.cached for item in cold)
    assert len(coverage_entries(cache_dir)) == len(corpus)
    assert document_entries(cache_dir) == []
    monkeypatch.setattr(batch, "load_document", no_parsing)

    warm = run(corpus, cache_dir, jobs=3 - jobs, product="coverage")

    assert all(item.cached and item.classified is None for item in warm)
    assert dumps(warm) == dumps(cold)


def test_the_coverage_of_a_document_is_the_same_cold_warm_or_without_cache(corpus, tmp_path):
    expected = [document_coverage(item.classified).model_dump_json() for item in run(corpus, jobs=1)]
    assert dumps(run(corpus, jobs=2, product="coverage")) == expected
    assert dumps(run(corpus, tmp_path / "cache", jobs=2, product="coverage")) == expected
    assert dumps(run(corpus, tmp_path / "cache", jobs=1, product="coverage")) == expected


def test_reading_only_the_tagged_provisions_gives_the_coverage_of_a_full_reading(corpus):
    """``compare`` reads the clauses of tagged provisions only (the others' modality is never used)."""
    taxonomy = load_taxonomy(None)
    paths = [*corpus, *map(str, TOTA_PATHS), *map(str, EXTRA_TOTA_PATHS)]
    for path in paths:
        full = classify_document(load_document(path), taxonomy)
        lazy = batch._classified_for_coverage(path, taxonomy)
        assert document_coverage(lazy) == document_coverage(full), path
        assert lazy.tags == full.tags
        tagged = {ref for ref, tags in full.tags.items() if tags}
        for read, complete in zip(lazy.document.provisions, full.document.provisions):
            assert read == (complete if read.ref in tagged else complete.model_copy(update=dict(UNREAD))), (path, read.ref)


def test_a_coverage_run_after_a_document_run_reduces_the_cached_documents(corpus, tmp_path, monkeypatch):
    cache_dir = tmp_path / "cache"
    documents = run(corpus, cache_dir, jobs=1)
    assert coverage_entries(cache_dir) == []
    monkeypatch.setattr(batch, "load_document", no_parsing)

    items = run(corpus, cache_dir, jobs=2, product="coverage")

    assert all(item.cached for item in items)
    assert dumps(items) == [document_coverage(item.classified).model_dump_json() for item in documents]
    assert len(coverage_entries(cache_dir)) == len(corpus)


def test_a_cached_coverage_carries_the_path_it_was_read_from(corpus, tmp_path):
    cache_dir = tmp_path / "cache"
    run([corpus[0]], cache_dir, product="coverage")
    renamed = tmp_path / "same-bytes-other-name.txt"
    shutil.copy(corpus[0], renamed)
    [item] = run([str(renamed)], cache_dir, product="coverage")
    assert item.cached
    assert item.path == item.coverage.agreement.path == str(renamed)


def test_a_changed_taxonomy_misses_the_coverage_cache(corpus, tmp_path):
    cache_dir = tmp_path / "cache"
    run(corpus, cache_dir, jobs=1, product="coverage")
    user_taxonomy = tmp_path / "mine.toml"
    user_taxonomy.write_text('extends = "default"\n\n[[category]]\nid = "battery_passports"\nlabel = "Battery passports"\n'
                             'description = "Digital records of a battery."\nphrases = ["battery passport"]\n', encoding="utf-8")

    items = run(corpus, cache_dir, jobs=2, taxonomy_path=str(user_taxonomy), product="coverage")

    assert not any(item.cached for item in items)
    assert all(item.cached for item in run(corpus, cache_dir, jobs=1, taxonomy_path=str(user_taxonomy), product="coverage"))


DAMAGES = [
    pytest.param(lambda text: text[: len(text) // 2], id="truncated"),
    pytest.param(lambda text: '{"agreement": 42}', id="valid-json-wrong-shape"),
    pytest.param(lambda text: b"\xff\xfe{\x00\x80", id="not-utf-8"),
]


def damage_entries(entries: list[Path], damage) -> None:
    for entry in entries:
        damaged = damage(entry.read_text(encoding="utf-8"))
        entry.write_bytes(damaged if isinstance(damaged, bytes) else damaged.encode("utf-8"))


@pytest.mark.parametrize("damage", DAMAGES)
def test_a_corrupt_coverage_entry_is_rebuilt_from_the_cached_document(corpus, tmp_path, monkeypatch, damage):
    cache_dir = tmp_path / "cache"
    run(corpus, cache_dir, jobs=1)
    expected = dumps(run(corpus, cache_dir, jobs=1, product="coverage"))
    damage_entries(coverage_entries(cache_dir), damage)
    monkeypatch.setattr(batch, "load_document", no_parsing)

    assert dumps(run(corpus, cache_dir, jobs=2, product="coverage")) == expected
    assert dumps(run(corpus, cache_dir, jobs=1, product="coverage")) == expected  # rewritten, valid again


@pytest.mark.parametrize("damage", DAMAGES)
def test_corrupt_coverage_and_document_entries_are_ignored_and_rewritten(corpus, tmp_path, damage):
    cache_dir = tmp_path / "cache"
    documents = dumps(run(corpus, cache_dir, jobs=1))
    expected = dumps(run(corpus, cache_dir, jobs=1, product="coverage"))
    damage_entries(coverage_entries(cache_dir) + document_entries(cache_dir), damage)

    survived = run(corpus, cache_dir, jobs=2, product="coverage")

    assert dumps(survived) == expected
    assert not any(item.cached for item in survived)
    assert all(item.cached for item in run(corpus, cache_dir, jobs=1, product="coverage"))
    assert dumps(run(corpus, cache_dir, jobs=1)) == documents
    assert all(item.cached for item in run(corpus, cache_dir, jobs=1))


def test_an_unwritable_cache_is_not_an_error(corpus, tmp_path):
    blocker = tmp_path / "a-file-not-a-folder"
    blocker.write_text("", encoding="utf-8")
    items = run(corpus, blocker / "cache", jobs=1)
    assert all(item.classified is not None and not item.cached for item in items)


def test_no_temporary_files_are_left_in_the_cache(corpus, tmp_path):
    cache_dir = tmp_path / "cache"
    run(corpus, cache_dir, jobs=2)
    assert sorted(path.name for path in cache_dir.rglob("*") if path.is_file() and path.name.startswith(".tmp")) == []


# ----------------------------------------------------------------------------- progress

class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    "progress, terminal, drawn",
    [
        pytest.param(True, True, True, id="asked-on-a-terminal"),
        pytest.param(True, False, False, id="asked-but-stderr-is-a-pipe"),
        pytest.param(False, True, False, id="quiet-on-a-terminal"),
    ],
)
def test_the_progress_bar_is_drawn_on_stderr_only_on_a_terminal(corpus, monkeypatch, capsys, progress, terminal, drawn):
    stderr = FakeTerminal() if terminal else io.StringIO()
    monkeypatch.setattr(sys, "stderr", stderr)
    items = list(classify_paths(corpus, taxonomy_path=None, jobs=1, use_cache=False, progress=progress))
    assert len(items) == len(corpus)
    assert (f"/{len(corpus)} [" in stderr.getvalue()) is drawn
    assert drawn or stderr.getvalue() == ""
    assert capsys.readouterr().out == ""
