"""The comparison report: content of each section, escaping of untrusted text, and golden Markdown/JSON of the seeds.

Golden files live in ``tests/golden/``; they are rewritten only when ``UPDATE_GOLDEN=1`` is set.
"""
from __future__ import annotations

import base64
import hashlib
import json
import os
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from clauses.models import ClassifiedDocument, Tag
from compare.models import (AgreementInfo, Alignment, CategoryCoverage, Comparison, CoverageCell, Gap, Pair,
                            RedlineChunk)
from grammar.models import Document, Party, Provision, Skipped
from reports.render import markdown_text, render_report, report_environment

from tests.conftest import ROOT, SEED_PATHS

GOLDEN_DIR = Path(__file__).parent / "golden"
GENERATED = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
SCRIPT = "<script>alert(1)</script>"
IMAGE = "<img src=x onerror=alert(1)>"


# ----------------------------------------------------------------------------- hand-built inputs

def build_document(path: str, provisions: list[dict], *, title: str | None = None, skipped: list[tuple[str, str]] = (),
                   parties: list[Party] = ()) -> Document:
    """A document from provision rows (ref, text, optional parent/heading/modality/polarity), then skipped (text, reason)."""
    text, built = "", []
    for row in provisions:
        start = len(text)
        text += row["text"] + "\n\n"
        built.append(Provision(ref=row["ref"], kind=row.get("kind", "article"), text=row["text"], start=start,
                               end=start + len(row["text"]), parent=row.get("parent"), heading=row.get("heading"),
                               modality=row.get("modality", "none"), polarity=row.get("polarity", "positive")))
    spans = []
    for chunk, reason in skipped:
        spans.append(Skipped(start=len(text), end=len(text) + len(chunk), reason=reason))
        text += chunk + "\n\n"
    return Document(path=path, format="text", layout="structured", title=title, parties=list(parties), dates=[],
                    instrument="agreement", genre="legal_text", minerals=["cobalt"], text=text, provisions=built,
                    skipped=spans)


def classified(document: Document, tags: dict[str, list[str]]) -> ClassifiedDocument:
    return ClassifiedDocument(document=document, tags={ref: [Tag(category=category, score=1.0, evidence=[])
                                                             for category in categories]
                                                       for ref, categories in tags.items()})


def two_agreements(hostile: str = "", hostile_field: str = "") -> tuple[list[ClassifiedDocument], Comparison]:
    """Agreement A binds on export duties and sets up a council; B only aspires on export duties; nobody stockpiles.

    ``hostile`` is planted in the field named ``hostile_field`` to check it is escaped wherever it appears.
    """
    plant = lambda field, value: value + hostile if field == hostile_field else value  # noqa: E731
    a = build_document(
        plant("path", "a.txt"),
        [
            {"ref": "Art. 1", "text": "Export Duties", "heading": plant("heading", "Export Duties"), "modality": "none"},
            {"ref": plant("ref", "Art. 1(1)"), "parent": "Art. 1", "kind": "paragraph", "heading": "Export Duties",
             "text": plant("text", "Neither Party shall impose export duties on critical minerals."),
             "modality": "binding", "polarity": "negative"},
            {"ref": "Art. 2", "text": "The Parties shall establish a Council on Critical Minerals.", "modality": "binding"},
        ],
        title=plant("title", "Agreement A"),
        skipped=[(plant("skipped", "Subscribe to our newsletter"), plant("reason", "boilerplate"))],
        parties=[Party(code="USA", name=plant("party", "United States"), role="signatory"),
                 Party(code="JPN", name="Japan", role="signatory")],
    )
    b = build_document(
        "b.txt",
        [{"ref": "¶1", "kind": "sentence", "text": "The Parties intend not to impose export duties on minerals.",
          "modality": "aspirational", "polarity": "negative"}],
        title="Agreement B",
    )
    category = plant("category", "export_duties")
    documents = [classified(a, {a.provisions[1].ref: [category], "Art. 2": ["cooperation_council"]}),
                 classified(b, {"¶1": [category]})]
    info_a, info_b = AgreementInfo(path=a.path), AgreementInfo(path=b.path)
    pair = Pair(a_ref=a.provisions[1].ref, b_ref="¶1", a_text=a.provisions[1].text, b_text=b.provisions[0].text,
                score=0.71, text_score=0.6, relation="reworded", categories=[category], a_modality="binding",
                b_modality="aspirational", a_polarity="negative", b_polarity="negative",
                redline=[RedlineChunk(op="delete", text="Neither Party shall"),
                         RedlineChunk(op="insert", text="The Parties intend not to"),
                         RedlineChunk(op="equal", text="impose export duties on"),
                         RedlineChunk(op="delete", text="critical"),
                         RedlineChunk(op="equal", text="minerals.")])
    comparison = Comparison(
        agreements=[info_a, info_b],
        coverage=[
            CategoryCoverage(category=category, status="all", covered_by=[a.path, b.path], cells=[
                CoverageCell(agreement=a.path, category=category, refs=[a.provisions[1].ref], strongest="binding"),
                CoverageCell(agreement=b.path, category=category, refs=["¶1"], strongest="aspirational")]),
            CategoryCoverage(category="cooperation_council", status="only", covered_by=[a.path], cells=[
                CoverageCell(agreement=a.path, category="cooperation_council", refs=["Art. 2"], strongest="binding"),
                CoverageCell(agreement=b.path, category="cooperation_council")]),
            CategoryCoverage(category="stockpiling", status="none", cells=[
                CoverageCell(agreement=a.path, category="stockpiling"), CoverageCell(agreement=b.path, category="stockpiling")]),
        ],
        gaps=[
            Gap(kind="missing", category="cooperation_council", covered_by=[a.path], lacking=[b.path]),
            Gap(kind="uncovered", category="stockpiling", lacking=[a.path, b.path]),
            Gap(kind="strength", category=category, covered_by=[a.path], lacking=[b.path],
                modalities={a.path: "binding", b.path: "aspirational"}),
        ],
        alignments=[Alignment(a=info_a, b=info_b, pairs=[pair], unpaired_a=[], unpaired_b=[], min_score=0.6,
                              scorer="token_set_ratio")],
    )
    return documents, comparison


def render(fmt: str, **overrides) -> str:
    documents, comparison = two_agreements(overrides.pop("hostile", ""), overrides.pop("hostile_field", ""))
    options = {"title": None, "taxonomy_name": "default", "generated": GENERATED} | overrides
    return render_report(documents, comparison, fmt=fmt, **options)


def visible_text(html: str) -> str:
    """The page's text with tags dropped and the five HTML entities decoded, as a reader sees it."""
    text = re.sub(r"<[^>]+>", "", html)
    for entity, char in (("&lt;", "<"), ("&gt;", ">"), ("&#34;", '"'), ("&#39;", "'"), ("&amp;", "&")):
        text = text.replace(entity, char)
    return text


# ----------------------------------------------------------------------------- the environment

@pytest.mark.parametrize("name", ["report.html.jinja", "report.md.jinja", "anything.jinja", "page.html", "notes.txt"],
                         ids=["html-template", "md-template", "any-jinja", "plain-html", "other-extension"])
def test_environment_escapes_every_template(name):
    assert report_environment().autoescape(name) is True


def test_environment_is_built_once():
    assert report_environment() is report_environment()


# ----------------------------------------------------------------------------- untrusted text stays text

HOSTILE_FIELDS = ["title", "party", "path", "ref", "heading", "text", "skipped", "reason", "category"]


@pytest.mark.parametrize("field", HOSTILE_FIELDS, ids=HOSTILE_FIELDS)
@pytest.mark.parametrize("payload", [SCRIPT, IMAGE, '"><svg onload=alert(1)>'], ids=["script", "img-onerror", "attribute-break"])
def test_html_escapes_hostile_text_in_every_field(field, payload):
    html = render("html", hostile=payload, hostile_field=field)
    assert payload not in html
    assert "<svg" not in html and "<img" not in html and html.count("<script>") == 1
    assert payload in visible_text(html)


@pytest.mark.parametrize("field", HOSTILE_FIELDS, ids=HOSTILE_FIELDS)
def test_markdown_escapes_hostile_text_in_every_field(field):
    markdown = render("md", hostile=SCRIPT, hostile_field=field)
    assert "<script" not in markdown
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markdown


@pytest.mark.parametrize(("value", "expected"), [
    ("plain words", "plain words"),
    ("a | b", r"a \| b"),
    ("*bold* and _it_", r"\*bold\* and \_it\_"),
    ("[link](http://x)", r"\[link\](http://x)"),
    ("line\n  break", "line break"),
    ("Japan's \"deal\" & <b>", "Japan's \"deal\" &amp; &lt;b&gt;"),
], ids=["plain", "pipe", "emphasis", "link", "newline", "html"])
def test_markdown_text_escapes_markup(value, expected):
    assert str(markdown_text(value)) == expected


# ----------------------------------------------------------------------------- self-contained page

def test_html_loads_nothing_from_outside():
    html = render("html")
    assert not re.search(r"""(?:src|href|action)\s*=\s*(?!["']?#)""", html, re.IGNORECASE)
    assert not re.search(r"@import|url\(|https?://", html, re.IGNORECASE)


def test_html_content_security_policy_admits_exactly_its_own_script():
    html = render("html")
    script = re.search(r"<script>(.*?)</script>", html, re.DOTALL).group(1)
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1).replace("&#39;", "'")
    assert f"script-src 'sha256-{digest}'" in policy
    assert "default-src 'none'" in policy


def test_every_in_page_link_has_a_target():
    html = render("html")
    ids = set(re.findall(r'\sid="([^"]+)"', html))
    targets = set(re.findall(r'href="#([^"]*)"', html))
    assert targets and targets <= ids


# ----------------------------------------------------------------------------- section content

def matrix_cells(html: str) -> list[list[str]]:
    body = re.search(r'<table class="matrix">.*?<tbody>(.*?)</tbody>', html, re.DOTALL).group(1)
    return [[" ".join(visible_text(cell).split()[:2]) if "<a" in cell else "–"
             for cell in re.findall(r"<td.*?</td>", row, re.DOTALL)]
            for row in re.findall(r"<tr>(.*?)</tr>", body, re.DOTALL)]


def test_matrix_cells_show_count_and_strongest_modality():
    assert matrix_cells(render("html")) == [["1 B", "1 A"], ["1 B", "–"], ["–", "–"]]


@pytest.mark.parametrize(("fragment", "fmt"), [
    ('<td class="mod-binding"><a href="#export_duties--a1"', "html"),
    ('<td class="mod-aspirational"><a href="#export_duties--a2"', "html"),
    ("| Export duties | all | 1 B | 1 A |", "md"),
    ("| Cooperation council | only 1 · USA–JPN | 1 B | – |", "md"),
    ("| Stockpiling | none | – | – |", "md"),
], ids=["html-binding-cell", "html-aspirational-cell", "md-all", "md-only", "md-none"])
def test_matrix_rows(fragment, fmt):
    assert fragment in render(fmt)


@pytest.mark.parametrize(("fragment", "fmt"), [
    ("- **2 · Agreement B** lacks:\n  - Cooperation council (covered by 1 · USA–JPN)", "md"),
    ("- Stockpiling (stockpiling)", "md"),
    ("- Export duties: 1 · USA–JPN binding; 2 · Agreement B aspirational", "md"),
], ids=["missing", "uncovered", "strength"])
def test_gaps(fragment, fmt):
    assert fragment in render(fmt)


def test_side_by_side_redlines_the_reworded_partner_and_shows_gaps():
    html = render("html")
    section = html[html.index('id="side-by-side"'):html.index('id="texts"')]
    assert "<del>Neither Party shall </del><ins>The Parties intend not to </ins>impose export duties on <del>critical </del>minerals." in section
    assert "reworded from Art. 1(1) (score 0.71); modality binding vs aspirational" in section
    council = section[section.index('id="cooperation_council"'):]
    assert council.count('<td class="gap">gap</td>') == 1


def test_full_text_shows_containers_once_and_skipped_spans_collapsed():
    html = render("html")
    texts = html[html.index('id="texts"'):]
    assert texts.count("Neither Party shall impose export duties") == 1
    assert '<details class="skipped">\n<summary>Skipped: boilerplate (27 characters)</summary>' in texts
    assert 'style="--depth: 1"' in texts


@pytest.mark.parametrize(("generated", "shown"), [
    (GENERATED, "2026-01-02 03:04 UTC"),
    (datetime(2026, 1, 2, 5, 4, tzinfo=timezone(timedelta(hours=2))), "2026-01-02 03:04 UTC"),
    (datetime(2026, 1, 2, 3, 4), "2026-01-02 03:04 UTC"),
], ids=["utc", "other-zone", "naive-is-utc"])
def test_footer_shows_generation_date_in_utc(generated, shown):
    assert f"generated {shown}" in render("md", generated=generated)


def test_title_and_taxonomy_given_by_caller():
    html = render("html", title="Minerals deals 2023", taxonomy_name="my-taxonomy.toml")
    assert "<title>Minerals deals 2023</title>" in html
    assert "<dt>Taxonomy</dt><dd>my-taxonomy.toml</dd>" in html


def test_category_labels_from_taxonomy_replace_ids():
    markdown = render("md", category_labels={"export_duties": "Export restrictions and duties"})
    assert "| Export restrictions and duties | all |" in markdown


def test_json_carries_every_section():
    report = json.loads(render("json"))
    assert set(report) >= {"version", "title", "taxonomy", "generated", "agreements", "matrix", "gaps", "side_by_side", "texts"}
    assert [row["category"] for row in report["matrix"]] == ["export_duties", "cooperation_council", "stockpiling"]
    assert report["generated"] == "2026-01-02T03:04:05+00:00"


def test_unknown_format_is_refused():
    with pytest.raises(ValueError, match="unknown report format"):
        render("pdf")


# ----------------------------------------------------------------------------- golden reports of the seeds

def seed_report_inputs() -> tuple[list[ClassifiedDocument], Comparison, dict[str, str]]:
    """The seeds parsed, classified with the default taxonomy and compared, with paths relative to the repository."""
    from clauses import classify_document, load_taxonomy
    from compare.coverage import compare_documents
    from grammar import load_document

    taxonomy = load_taxonomy()
    documents = []
    for path in SEED_PATHS:
        document = load_document(str(path))
        document = document.model_copy(update={"path": str(path.relative_to(ROOT))})
        documents.append(classify_document(document, taxonomy))
    labels = {category.id: category.label for category in taxonomy.categories}
    return documents, compare_documents(documents, align=True), labels


@pytest.fixture(scope="module")
def seed_inputs():
    return seed_report_inputs()


@pytest.mark.parametrize("fmt", ["md", "json"], ids=["markdown", "json"])
def test_seed_report_matches_golden(fmt, seed_inputs):
    documents, comparison, labels = seed_inputs
    rendered = render_report(documents, comparison, fmt=fmt, title=None, taxonomy_name="default", generated=GENERATED,
                             category_labels=labels)
    golden = GOLDEN_DIR / f"seeds-report.{fmt}"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        GOLDEN_DIR.mkdir(exist_ok=True)
        golden.write_text(rendered, encoding="utf-8")
    assert golden.exists(), f"{golden} is missing: run with UPDATE_GOLDEN=1 to create it"
    assert rendered == golden.read_text(encoding="utf-8"), f"{golden.name} differs: review, then UPDATE_GOLDEN=1"


@pytest.mark.parametrize(("agreements", "rows"), [(2, 2), (3, 3), (4, 1), (12, 1)],
                         ids=["two-rows-of-their-own", "three-rows-of-their-own", "four-share-a-row", "twelve-share-a-row"])
def test_unpaired_provisions_share_one_row_beyond_three_agreements(agreements, rows):
    documents = [classified(build_document(f"{number}.txt", [{"ref": "¶1", "text": f"Export duty rule {number}."}]),
                            {"¶1": ["export_duties"]}) for number in range(agreements)]
    comparison = Comparison(
        agreements=[AgreementInfo(path=f"{number}.txt") for number in range(agreements)],
        coverage=[CategoryCoverage(category="export_duties", status="all",
                                   covered_by=[f"{number}.txt" for number in range(agreements)],
                                   cells=[CoverageCell(agreement=f"{number}.txt", category="export_duties", refs=["¶1"],
                                                       strongest="none") for number in range(agreements)])],
        gaps=[],
    )
    report = json.loads(render_report(documents, comparison, fmt="json", generated=GENERATED))
    table = report["side_by_side"][0]
    assert len(table["rows"]) == rows
    assert sum(len(cell["provisions"]) for row in table["rows"] for cell in row["cells"]) == agreements


@pytest.mark.parametrize(("agreements", "shown_in_full"), [(4, True), (10, True), (11, False)],
                         ids=["four-in-full", "ten-in-full", "eleven-as-excerpts"])
def test_unpaired_row_shows_excerpts_only_for_many_agreements(agreements, shown_in_full):
    long_text = "Each Party shall " + " ".join(f"word{number}" for number in range(60)) + "."
    documents = [classified(build_document(f"{number}.txt", [{"ref": "¶1", "text": long_text}]), {"¶1": ["export_duties"]})
                 for number in range(agreements)]
    paths = [f"{number}.txt" for number in range(agreements)]
    comparison = Comparison(
        agreements=[AgreementInfo(path=path) for path in paths],
        coverage=[CategoryCoverage(category="export_duties", status="all", covered_by=paths, cells=[
            CoverageCell(agreement=path, category="export_duties", refs=["¶1"], strongest="binding") for path in paths])],
        gaps=[],
    )
    report = json.loads(render_report(documents, comparison, fmt="json", generated=GENERATED))
    shown = report["side_by_side"][0]["rows"][0]["cells"][0]["provisions"][0]["segments"][0]["text"]
    assert (shown == long_text) is shown_in_full
    assert shown_in_full or shown.endswith("word26 …")


def test_seed_report_links_all_land_and_every_provision_is_shown(seed_inputs):
    documents, comparison, labels = seed_inputs
    html = render_report(documents, comparison, fmt="html", generated=GENERATED, category_labels=labels)
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids))
    assert set(re.findall(r'href="#([^"]*)"', html)) <= set(ids)
    assert html.count('<div class="provision"') == sum(len(d.document.provisions) for d in documents)
    assert html.count('<details class="skipped">') == sum(len(d.document.skipped) for d in documents)
