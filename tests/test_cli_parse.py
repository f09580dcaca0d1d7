"""``treaty parse``: the JSON contract, the text outline, and batches with bad files."""
from __future__ import annotations

import json

from compare.cli import main
from tests.conftest import SEEDS_DIR, seed_path

PROVISION_KEYS = {"ref", "kind", "heading", "text", "start", "end", "actor", "modality", "polarity"}
DOCUMENT_KEYS = {"path", "title", "parties", "dates", "instrument", "minerals", "text", "provisions", "skipped"}


def test_json_contract(capsys):
    assert main(["parse", str(SEEDS_DIR), "--format", "json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert "version" in payload
    assert len(payload["documents"]) == 5
    for document in payload["documents"]:
        assert DOCUMENT_KEYS <= document.keys()
        for provision in document["provisions"]:
            assert PROVISION_KEYS <= provision.keys()
            assert document["text"][provision["start"] : provision["end"]] == provision["text"]
        for span in document["skipped"]:
            assert {"start", "end", "reason"} <= span.keys()


def test_text_outline_shows_ref_kind_modality_and_first_words(capsys):
    assert main(["parse", str(seed_path("002"))]) == 0
    out = capsys.readouterr().out
    assert "¶3 • 1" in out and "bullet" in out and "commitment NOT" in out and "Non-imposition of export duties" in out


def test_batch_with_a_bad_file_processes_the_others(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    code = main(["parse", str(seed_path("000")), str(empty), str(tmp_path / "missing.txt"), str(seed_path("001")), "--format", "json"])
    captured = capsys.readouterr()
    assert code == 2
    paths = [document["path"] for document in json.loads(captured.out)["documents"]]
    assert paths == [str(seed_path("000")), str(seed_path("001"))]
    errors = [line for line in captured.err.splitlines() if str(tmp_path) in line]
    assert len(errors) == 2 and "empty" in errors[0] and "missing.txt" in errors[1]
    assert "Traceback" not in captured.err


def test_stdin(monkeypatch, capsys):
    import io
    import sys

    data = "Article 1: Scope\n1. Each Party shall eliminate export duties.\n".encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert main(["parse", "-", "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)["documents"][0]
    assert [p["ref"] for p in document["provisions"]] == ["Art. 1", "Art. 1(1)"]
    assert document["provisions"][1]["modality"] == "binding"


def test_output_file(tmp_path, capsys):
    target = tmp_path / "out.json"
    assert main(["parse", str(seed_path("003")), "--format", "json", "-o", str(target)]) == 0
    assert json.loads(target.read_text())["documents"][0]["path"].endswith(".txt")
    assert capsys.readouterr().out == ""
