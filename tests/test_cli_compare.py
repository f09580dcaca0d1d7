"""``treaty diff``, ``treaty compare`` and ``treaty report`` through the CLI: exit codes, formats, defaults."""
from __future__ import annotations

import csv
import io
import json

import pytest

from compare.cli import main
from tests.conftest import SEEDS_DIR, seed_path

CANADA_JAPAN, US_JAPAN = str(seed_path("000")), str(seed_path("002"))


DIFF_EXITS = [
    # (id, arguments, exit code, stderr fragment)
    ("identical agreements", [US_JAPAN, US_JAPAN], 0, ""),
    ("different agreements", [CANADA_JAPAN, US_JAPAN], 1, ""),
    ("missing file", [CANADA_JAPAN, "no/such/file.txt"], 2, "no/such/file.txt"),
    ("unknown category", [CANADA_JAPAN, US_JAPAN, "--category", "no_such_category"], 2, "unknown category"),
    ("directory of five", [str(SEEDS_DIR), US_JAPAN], 2, "two agreements"),
]


@pytest.mark.parametrize("arguments, code, message", [row[1:] for row in DIFF_EXITS], ids=[row[0] for row in DIFF_EXITS])
def test_diff_exit_codes_follow_diff1(arguments, code, message, capsys):
    assert main(["diff", *arguments, "--jobs", "1"]) == code
    captured = capsys.readouterr()
    assert message in captured.err
    assert "Traceback" not in captured.err


def test_diff_json_carries_documents_coverage_pairs_and_gaps(capsys):
    assert main(["diff", CANADA_JAPAN, US_JAPAN, "--format", "json", "--jobs", "1"]) == 1
    payload = json.loads(capsys.readouterr().out)
    assert {"version", "agreements", "coverage", "gaps", "alignments"} <= payload.keys()
    assert [a["path"] for a in payload["agreements"]] == [CANADA_JAPAN, US_JAPAN]
    alignment = payload["alignments"][0]
    assert {"pairs", "unpaired_a", "unpaired_b"} <= alignment.keys()
    for pair in alignment["pairs"]:
        assert {"a_ref", "b_ref", "a_text", "b_text", "score", "relation"} <= pair.keys()


def test_diff_text_without_colour_uses_plain_markers(capsys, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    main(["diff", CANADA_JAPAN, US_JAPAN, "--jobs", "1"])
    out = capsys.readouterr().out
    assert "\x1b[" not in out
    assert "export_duties" in out and "only B" in out


def test_compare_csv_has_one_row_per_agreement_and_category(capsys):
    assert main(["compare", str(SEEDS_DIR), "--format", "csv", "--jobs", "1"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    categories = {row["category"] for row in rows}
    assert len(categories) == 16
    assert len(rows) == 5 * 16
    stockpiling = {row["agreement"]: row for row in rows if row["category"] == "stockpiling"}
    assert stockpiling[str(seed_path("004"))]["covered"] == "1"


def test_compare_text_matrix(capsys):
    assert main(["compare", str(SEEDS_DIR), "--jobs", "1"]) == 0
    out = capsys.readouterr().out
    assert "export_duties" in out and "gaps:" in out


def test_report_defaults_to_the_seeds_and_writes_in_the_current_folder(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["report", "--jobs", "1"]) == 0
    report = (tmp_path / "treaty-report.html").read_text(encoding="utf-8")
    assert report.startswith("<!DOCTYPE html>") or report.lstrip().lower().startswith("<!doctype html>")
    assert str(tmp_path / "treaty-report.html") in capsys.readouterr().err


def test_report_is_byte_identical_with_source_date_epoch_whatever_jobs(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first, second = tmp_path / "one.html", tmp_path / "two.html"
    assert main(["report", str(SEEDS_DIR), "-o", str(first), "--jobs", "1", "--no-cache"]) == 0
    assert main(["report", str(SEEDS_DIR), "-o", str(second), "--jobs", "2"]) == 0
    assert first.read_bytes() == second.read_bytes()


def test_report_markdown_to_stdout(capsys):
    assert main(["report", str(seed_path("002")), "--format", "md", "-o", "-", "--jobs", "1"]) == 0
    assert "export" in capsys.readouterr().out.lower()


# ----------------------------------------------------------------------------- the cache and jobs (issue 6)

def run_cli(arguments: list[str], capsys) -> tuple[int, str, str]:
    code = main(arguments)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("output_format", ["csv", "json"])
def test_compare_warm_run_gives_the_cold_output_with_every_document_cached(tmp_path, capsys, output_format):
    arguments = ["compare", str(SEEDS_DIR), "--format", output_format, "--cache-dir", str(tmp_path / "corpus-cache"), "-v"]
    cold = run_cli([*arguments, "--jobs", "2"], capsys)
    warm = run_cli([*arguments, "--jobs", "1"], capsys)
    assert cold[0] == warm[0] == 0
    assert warm[1] == cold[1]
    assert "treaty: 0 of 5 documents from the cache" in cold[2]
    assert "treaty: 5 of 5 documents from the cache" in warm[2]


@pytest.mark.parametrize("command", ["compare", "classify"])
def test_corpus_output_is_byte_identical_whatever_jobs_and_cache(command, tmp_path, capsys):
    output_format = "csv" if command == "compare" else "jsonl"
    arguments = [command, str(SEEDS_DIR), "--format", output_format]
    uncached = run_cli([*arguments, "--no-cache", "--jobs", "1"], capsys)
    outputs = [run_cli([*arguments, "--cache-dir", str(tmp_path / "cache"), "--jobs", jobs], capsys)[1] for jobs in ["2", "1", "2"]]
    assert uncached[0] == 0
    assert outputs == [uncached[1]] * 3


def test_compare_with_an_edited_taxonomy_misses_the_cache(tmp_path, capsys):
    arguments = ["compare", str(SEEDS_DIR), "--format", "csv", "--cache-dir", str(tmp_path / "cache"), "-v", "--jobs", "1"]
    run_cli(arguments, capsys)
    edited = tmp_path / "mine.toml"
    edited.write_text('extends = "default"\n\n[[category]]\nid = "export_duties"\nphrases = ["critical minerals"]\n', encoding="utf-8")
    code, _, err = run_cli([*arguments, "--taxonomy", str(edited)], capsys)
    assert code == 0
    assert "treaty: 0 of 5 documents from the cache" in err
