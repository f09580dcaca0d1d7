"""Hostile and broken input through the ``treaty`` command: exact exit code, one line naming the file, no traceback.

The loader's own tests (``test_load.py``) check what each input decodes to; these check what a user sees.
Large and binary inputs are generated in the test's temporary folder, never committed.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from compare.cli import EXIT_OK, EXIT_TROUBLE, main
from tests.conftest import SEED_PATHS
from tests.test_load import BILLION_LAUGHS, XXE, Build, blank_pdf, file_with, minimal_text_pdf, navigation_page, seeded_random_bytes

AGREEMENT = "Article 1\nScope\n\n1. The Parties shall cooperate on critical minerals.\n2. Neither Party shall impose export duties.\n"
COMMANDS = ["parse", "classify"]


def folder_with(*names: str) -> Build:
    def build(tmp_path: Path) -> str:
        folder = tmp_path / "downloads"
        folder.mkdir()
        for name in names:
            (folder / name).write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
        return str(folder)

    return build


def nonexistent(tmp_path: Path) -> str:
    return str(tmp_path / "no-such-treaty.txt")


def run_treaty(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# ----------------------------------------------------------------------------- input that must be refused

REFUSED = [
    pytest.param(nonexistent, "no such file or directory", id="nonexistent-path"),
    pytest.param(folder_with("scan.png", "notes.docx"), "directory has no supported files", id="directory-without-supported-files"),
    pytest.param(folder_with(), "directory has no supported files", id="empty-directory"),
    pytest.param(file_with("empty.txt", b""), "empty file", id="empty-file"),
    pytest.param(file_with("zeros.txt", bytes(65536)), "binary file", id="zeros"),
    pytest.param(file_with("zeros-50mb.txt", lambda: bytes(50 * 2**20)), "binary file", id="zeros-50mb"),
    pytest.param(file_with("noise.txt", seeded_random_bytes(65536)), "binary file", id="random-bytes"),
    pytest.param(file_with("photo.txt", b"\x89PNG\r\n\x1a\n" + seeded_random_bytes(4096)), "PNG image", id="png-renamed-txt"),
    pytest.param(file_with("cut.pdf", minimal_text_pdf("Article 1 The Parties shall cooperate.")[:300]), "damaged PDF", id="truncated-pdf"),
    pytest.param(file_with("locked.pdf", lambda: blank_pdf(password="secret")), "encrypted PDF", id="encrypted-pdf"),
    pytest.param(file_with("scan.pdf", blank_pdf), "no text layer", id="scanned-pdf"),
    pytest.param(file_with("lolz.xml", BILLION_LAUGHS), "entity expansion and external entities are refused", id="xml-billion-laughs"),
    pytest.param(file_with("xxe.xml", XXE), "external entity", id="xml-external-entity"),
    pytest.param(file_with("menu.html", navigation_page("")), "HTML page has no visible text", id="html-only-navigation"),
]


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("build, fragment", REFUSED)
def test_refused_input_is_one_line_naming_the_file_and_exit_2(tmp_path, capsys, command, build, fragment):
    path = build(tmp_path)
    code, out, err = run_treaty(capsys, command, path)
    assert code == EXIT_TROUBLE
    assert out == "" or command == "classify" and out.count("\n") <= 1  # at most a header row, no data
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(f"treaty: {path}: ") and fragment in lines[0]
    assert "Traceback" not in err


def test_refused_input_with_debug_still_has_no_traceback_for_input_errors(tmp_path, capsys):
    # --debug shows tracebacks for the CLI's own failures; a bad file in a batch is data, not a bug.
    code, _, err = run_treaty(capsys, "parse", "--debug", nonexistent(tmp_path))
    assert code == EXIT_TROUBLE and "Traceback" not in err


# ----------------------------------------------------------------------------- odd input that must be read

def nested_html(levels: int) -> str:
    return "<html><body>" + "<div>" * levels + "Article 1 The Parties shall cooperate." + "</div>" * levels + "</body></html>"


READ = [
    pytest.param(file_with("one-line.txt", lambda: "The Parties shall cooperate " * 180_000), "", id="single-5mb-line"),
    pytest.param(file_with("deep.html", lambda: nested_html(100_000)), "", id="html-nested-100000-levels"),
    pytest.param(file_with("news.html", navigation_page("The Parties shall cooperate on the processing of lithium.")),
                 "mostly navigation", id="html-99-percent-navigation"),
    pytest.param(file_with("utf16.txt", AGREEMENT.encode("utf-16-le")), "", id="utf16-without-bom"),
    pytest.param(file_with("utf16-bom.txt", "\ufeff".encode("utf-16-be") + AGREEMENT.encode("utf-16-be")), "", id="utf16-be-with-bom"),
    pytest.param(file_with("cp1252.txt", (AGREEMENT + "The \u201cParties\u201d \u2013 both of them.\n").encode("cp1252")),
                 "decoded as cp1252", id="cp1252"),
    pytest.param(file_with("mixed.txt", AGREEMENT.replace("\n", "\r\n", 2).replace("Scope\r\n", "Scope\r").encode()), "", id="mixed-line-endings"),
    pytest.param(file_with("other.xml", "<?xml version='1.0'?><doc><title>Accord</title><p>Article 1 The Parties shall cooperate.</p></doc>"),
                 "not a ToTA treaty", id="xml-not-tota-shaped"),
]


#: Inputs that take seconds to parse run through ``parse`` only; ``classify`` adds nothing hostile to them.
HEAVY = {"single-5mb-line", "html-nested-100000-levels"}


@pytest.mark.parametrize(
    "command, build, warning",
    [
        pytest.param(command, *row.values, id=f"{row.id}-{command}")
        for row in READ
        for command in COMMANDS
        if command == "parse" or row.id not in HEAVY
    ],
)
def test_odd_but_readable_input_succeeds(tmp_path, capsys, command, build, warning):
    path = build(tmp_path)
    code, out, err = run_treaty(capsys, command, path)
    assert code == EXIT_OK, err
    assert path in out
    assert warning in err
    assert "Traceback" not in err


def big_agreement(size: int) -> str:
    """Agreement-shaped text of at least ``size`` characters: numbered articles, paragraphs and lettered items."""
    block = (
        "Article {n}\nCooperation on critical minerals\n\n"
        "1. The Parties shall cooperate on the exploration and processing of critical minerals, including lithium.\n"
        "2. Neither Party shall impose export duties on such goods, except:\n"
        "(a) where necessary to protect human health;\n(b) to relieve critical shortages.\n\n"
    )
    blocks, total, number = [], 0, 1
    while total < size:
        blocks.append(block.format(n=number))
        total += len(blocks[-1])
        number += 1
    return "".join(blocks)


def test_a_50_mb_agreement_is_parsed(tmp_path, capsys):
    # About 150 s and 2.4 GB on the 2-core machine: slow, but the issue asks for it in every run.
    path = tmp_path / "omnibus.txt"
    path.write_text(big_agreement(50 * 2**20), encoding="utf-8")
    code, out, err = run_treaty(capsys, "parse", str(path))
    assert code == EXIT_OK, err
    assert "Art. 1 " in out and "Art. 2 " in out


# ----------------------------------------------------------------------------- a batch with failures

@pytest.mark.parametrize("command", COMMANDS)
def test_a_batch_with_bad_files_prints_the_good_ones_lists_the_failures_and_exits_2(tmp_path, capsys, command):
    empty = file_with("empty.txt", b"")(tmp_path)
    png = file_with("photo.txt", b"\x89PNG\r\n\x1a\n" + seeded_random_bytes(512))(tmp_path)
    good = [str(path) for path in SEED_PATHS[:2]]
    code, out, err = run_treaty(capsys, command, good[0], empty, nonexistent(tmp_path), png, good[1])
    assert code == EXIT_TROUBLE
    assert good[0] in out and good[1] in out
    assert out.index(good[0]) < out.index(good[1])
    for bad, fragment in ((empty, "empty file"), (nonexistent(tmp_path), "no such file"), (png, "PNG image")):
        assert any(line.startswith(f"treaty: {bad}: ") and fragment in line for line in err.splitlines()), err
    assert "3 of 5 inputs failed" in err
    assert "Traceback" not in err


# ----------------------------------------------------------------------------- a hostile taxonomy (issue 6)

#: ``(\w+\s?)+$`` backtracks exponentially and is refused on load; ``\d+\d+\d+x`` is only polynomial, so it
#: passes the check and is stopped by the time limit on a long run of digits.
CATASTROPHIC_TAXONOMY = 'extends = "default"\n[[category]]\nid = "runaway"\nlabel = "R"\ndescription = "d"\npatterns = [\'(\\w+\\s?)+$\']\n'
POLYNOMIAL_TAXONOMY = CATASTROPHIC_TAXONOMY.replace("(\\w+\\s?)+$", "\\d+\\d+\\d+x")
DIGIT_RUN = AGREEMENT + "3. The Parties shall cooperate on " + "1" * 3000 + " minerals.\n"
TAXONOMY_COMMANDS = [["classify", "AGREEMENT"], ["compare", "AGREEMENT", "AGREEMENT"], ["taxonomy", "check"]]


def taxonomy_file(tmp_path: Path, text: str) -> str:
    path = tmp_path / "user-taxonomy.toml"
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("command", [pytest.param(command, id=command[0]) for command in TAXONOMY_COMMANDS])
def test_a_catastrophic_taxonomy_regex_is_one_line_naming_the_file_and_exit_2(tmp_path, capsys, command):
    taxonomy = taxonomy_file(tmp_path, CATASTROPHIC_TAXONOMY)
    agreement = file_with("agreement.txt", AGREEMENT)(tmp_path)
    argv = [agreement if word == "AGREEMENT" else word for word in command]
    code, out, err = run_treaty(capsys, *argv, *(["--taxonomy", taxonomy] if command[0] != "taxonomy" else [taxonomy]))
    assert code == EXIT_TROUBLE and out == ""
    assert err == (f"treaty: {taxonomy}:6: category 'runaway', field 'patterns': pattern '(\\\\w+\\\\s?)+$' can backtrack "
                   "exponentially: a repeat that iterates many times holds repeats that can split its "
                   "text in many ways, as in (a+)+ or (a?a?)+\n")


@pytest.fixture
def half_second_limit(monkeypatch):
    monkeypatch.setattr("clauses.deadline.BASE_SECONDS", 0.5)
    monkeypatch.setattr("clauses.deadline.SECONDS_PER_MILLION_CHARACTERS", 0.0)


@pytest.mark.parametrize("command", ["classify", "compare"])
def test_a_runaway_taxonomy_regex_ends_in_the_time_limit_naming_the_document(tmp_path, capsys, half_second_limit, command):
    taxonomy = taxonomy_file(tmp_path, POLYNOMIAL_TAXONOMY)
    hostile = file_with("digits.txt", DIGIT_RUN)(tmp_path)
    code, _, err = run_treaty(capsys, command, hostile, "--taxonomy", taxonomy)
    assert code == EXIT_TROUBLE
    assert err == (f"treaty: {hostile}: classifying took longer than its 0.5 s time limit: a pattern of taxonomy "
                   f"{taxonomy!r} backtracks on this text\n")
