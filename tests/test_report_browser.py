"""The HTML report in a real browser: Debian's headless chromium driven by playwright, offline and inert.

Skips with a reason when chromium or playwright is missing on a developer machine; fails instead when the
environment variable ``CI`` is set, because CI must run them (``make test`` installs chromium as root).
"""
from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import pytest

from tests.conftest import SEED_PATHS

CHROMIUM = Path("/usr/bin/chromium")
#: Offline, quiet, sandbox-free flags for a container; playwright must never fetch a browser of its own.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
GENERATED = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
#: Pairwise alignment of every two agreements, as the report of a handful does; 50 agreements get coverage only.
ALIGN_UP_TO = 5
HOSTILE_MARKUP = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>"]


def _missing_browser() -> str | None:
    if not CHROMIUM.is_file():
        return f"{CHROMIUM} not found: install the Debian package chromium (make test does so as root)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed: pip install -e '.[test]'"
    return None


def give_up_without_browser(reason: str) -> None:
    """Skip on a developer machine; fail under CI, where a missing browser must not pass unnoticed."""
    if os.environ.get("CI"):
        pytest.fail(f"browser tests must run under CI: {reason}")
    pytest.skip(reason)


@pytest.mark.parametrize(("ci", "outcome"), [("1", pytest.fail.Exception), ("", pytest.skip.Exception),
                                             (None, pytest.skip.Exception)],
                         ids=["ci-fails", "empty-ci-skips", "no-ci-skips"])
def test_missing_browser_skips_except_under_ci(monkeypatch, ci, outcome):
    if ci is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", ci)
    with pytest.raises(outcome, match="chromium"):
        give_up_without_browser("/usr/bin/chromium not found")


@pytest.fixture(scope="module")
def browser():
    reason = _missing_browser()
    if reason:
        give_up_without_browser(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class Visit:
    """An opened report and everything it did while loading: console errors, requests, dialogs."""

    page: object
    url: str
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    @property
    def outside_requests(self) -> list[str]:
        return [url for url in self.requests if url != self.url and not url.startswith("data:")]


@pytest.fixture
def open_report(browser, tmp_path):
    pages = []

    def open_(html: str, name: str = "report.html", *, width: int = 1280) -> Visit:
        path = tmp_path / name
        path.write_text(html, encoding="utf-8")
        page = browser.new_page(viewport={"width": width, "height": 900})
        pages.append(page)
        visit = Visit(page=page, url=path.as_uri())
        page.on("console", lambda message: visit.errors.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: visit.errors.append(str(error)))
        page.on("request", lambda request: visit.requests.append(request.url))
        page.on("dialog", lambda dialog: (visit.dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(visit.url, wait_until="load")
        return visit

    yield open_
    for page in pages:
        page.close()


def report_of(paths: list[Path]) -> tuple[str, int, int]:
    """The HTML report of the agreements at ``paths``, with its number of categories and of agreements."""
    from clauses import classify_document, load_taxonomy
    from compare.coverage import compare_documents
    from grammar import load_document
    from reports.render import render_report

    taxonomy = load_taxonomy()
    documents = [classify_document(load_document(str(path)), taxonomy) for path in paths]
    comparison = compare_documents(documents, align=len(documents) <= ALIGN_UP_TO)
    labels = {category.id: category.label for category in taxonomy.categories}
    html = render_report(documents, comparison, fmt="html", title=None, taxonomy_name="default", generated=GENERATED,
                         category_labels=labels)
    return html, len(comparison.coverage), len(documents)


@pytest.fixture(scope="module")
def seed_report():
    return report_of(SEED_PATHS)


def test_seed_report_loads_without_errors_or_network(open_report, seed_report):
    html, _, _ = seed_report
    visit = open_report(html)
    assert visit.errors == []
    assert visit.outside_requests == []
    assert visit.page.title()


def test_matrix_has_a_row_per_category_and_a_column_per_agreement(open_report, seed_report):
    html, categories, agreements = seed_report
    page = open_report(html).page
    assert page.locator("table.matrix tbody tr").count() == categories
    assert page.locator("table.matrix thead th.agreement").count() == agreements
    assert page.locator("table.matrix tbody tr:first-child td").count() == agreements


def test_hostile_markup_is_shown_as_text_and_nothing_runs(open_report, tmp_path):
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(
        "Agreement on Critical Minerals " + HOSTILE_MARKUP[0] + "\n\n"
        "Article 1 " + HOSTILE_MARKUP[1] + "\n\n"
        "1. Neither Party shall impose export duties on critical minerals " + HOSTILE_MARKUP[0] + ".\n\n"
        "2. The Parties shall establish a council " + HOSTILE_MARKUP[1] + " to review cooperation.\n",
        encoding="utf-8",
    )
    html, _, _ = report_of([hostile, SEED_PATHS[0]])
    visit = open_report(html)
    text = visit.page.inner_text("body")
    assert visit.dialogs == []
    assert visit.errors == []
    assert visit.outside_requests == []
    assert all(markup in text for markup in HOSTILE_MARKUP)
    assert visit.page.locator("img").count() == 0
    assert visit.page.locator("script").count() == 1


def test_the_readable_hostile_corpus_renders_inert(open_report, tmp_path):
    """The odd inputs the CLI must read (tests/test_cli_hostile.py: encodings, line endings, navigation pages,
    XML of another shape), plus a page whose markup tries to run, in one report: shown, never run."""
    from tests.test_cli_hostile import HEAVY, READ

    paths = [Path(row.values[0](tmp_path)) for row in READ if row.id not in HEAVY]
    page = tmp_path / "page.html"
    page.write_text("<html><head><script>alert(1)</script></head><body onload='alert(2)'><p>Article 1 Neither "
                    "Party shall impose export duties &lt;script&gt;alert(3)&lt;/script&gt;.</p>"
                    "<a href='javascript:alert(4)'>more</a></body></html>", encoding="utf-8")
    html, _, agreements = report_of([*paths, page])
    visit = open_report(html)
    assert agreements == len(paths) + 1
    assert (visit.dialogs, visit.errors, visit.outside_requests) == ([], [], [])
    assert "<script>alert(3)</script>" in visit.page.inner_text("body")
    assert visit.page.locator("script").count() == 1
    assert visit.page.locator("a[href^='javascript:']").count() == 0


def test_screenshot_is_written(open_report, seed_report, tmp_path):
    visit = open_report(seed_report[0])
    screenshot = tmp_path / "seeds-report.png"
    visit.page.screenshot(path=str(screenshot), full_page=True)
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_fifty_agreements_scroll_inside_the_matrix_not_the_page(open_report, tmp_path):
    copies = []
    for number in range(50):
        source = SEED_PATHS[number % len(SEED_PATHS)]
        copy = tmp_path / f"{number:02d}_{source.name}"
        shutil.copyfile(source, copy)
        copies.append(copy)
    html, categories, agreements = report_of(copies)
    page = open_report(html, width=1024).page
    assert page.locator("table.matrix thead th.agreement").count() == 50
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert page.evaluate("(() => { const box = document.querySelector('#coverage .scroll');"
                         " return box.scrollWidth > box.clientWidth; })()")


def test_keyboard_reaches_the_links(open_report, seed_report):
    page = open_report(seed_report[0]).page
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.tagName") == "A"
    unreachable = page.evaluate("[...document.querySelectorAll('#coverage a')].filter(a => a.tabIndex < 0).length")
    assert unreachable == 0


def test_print_opens_the_skipped_spans(open_report, seed_report):
    page = open_report(seed_report[0]).page
    if page.locator("details").count() == 0:
        pytest.skip("the seeds' report has no skipped span to open")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.locator("details:not([open])").count() == 0
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert page.locator("details[open]").count() == 0


@pytest.mark.parametrize(("media", "overflow", "header_position", "contents"), [
    ("screen", "auto", "sticky", "block"),
    ("print", "visible", "static", "none"),
], ids=["screen-scrolls-with-sticky-headers", "print-unrolls-tables-and-drops-navigation"])
def test_layout_per_medium(open_report, seed_report, media, overflow, header_position, contents):
    page = open_report(seed_report[0]).page
    page.emulate_media(media=media)
    style = page.evaluate("""() => ({
        overflow: getComputedStyle(document.querySelector('#coverage .scroll')).overflowX,
        header: getComputedStyle(document.querySelector('table.matrix thead th')).position,
        contents: getComputedStyle(document.querySelector('nav.contents')).display,
    })""")
    assert style == {"overflow": overflow, "header": header_position, "contents": contents}
