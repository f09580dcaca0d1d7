"""Document ingest: every kind of bad input becomes one clear InputError; good input loads faithfully."""
from __future__ import annotations

import html
import io
import random
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfWriter

from grammar.errors import InputError
from grammar.load import expand_paths, load_source
from grammar import load_document
from grammar.models import Source
from tests.conftest import SEED_PATHS
from tests.invariants import coverage_problems

AGREEMENT = "Article 1\nThe Parties shall cooperate on critical minerals.\n"


# ----------------------------------------------------------------------------- input builders

def minimal_text_pdf(*page_texts: str) -> bytes:
    """A PDF with one page per text, shown in Helvetica, a text's lines one under another; an empty text makes a
    page without a text layer.

    pypdf's writer cannot lay out text, so the file is written by hand: catalog, page tree, then
    per page a page object and its content stream, then the font, the xref table and the trailer.
    """
    count = len(page_texts)
    font = 3 + 2 * count
    kids = b" ".join(b"%d 0 R" % (3 + 2 * index) for index in range(count))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count)]
    for index, text in enumerate(page_texts):
        shown = b" T* ".join(b"(" + line.encode("latin-1") + b") Tj" for line in text.split("\n"))
        stream = b"BT /F1 12 Tf 14 TL 72 720 Td " + shown + b" ET" if text else b""
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R"
            b" /Resources << /Font << /F1 %d 0 R >> >> >>" % (4 + 2 * index, font)
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


def with_wrong_startxref(pdf: bytes) -> bytes:
    """The same PDF with a wrong xref offset: pypdf repairs it and logs a warning about it."""
    head, _, tail = pdf.rpartition(b"startxref\n")
    return head + b"startxref\n99999" + tail[tail.index(b"\n"):]


def blank_pdf(password: str | None = None) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    if password is not None:
        writer.encrypt(user_password=password, owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def owner_locked_pdf(text: str) -> bytes:
    """A text PDF encrypted with an owner password only: readers open it with the empty user password."""
    writer = PdfWriter(clone_from=io.BytesIO(minimal_text_pdf(text)))
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def word_document() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def seeded_random_bytes(size: int) -> bytes:
    return random.Random(20231121).randbytes(size)


def navigation_page(content: str) -> str:
    menu = "".join(f'<li><a href="/section/{n}">Section {n} news and analysis</a></li>' for n in range(200))
    related = "".join(f'<p><a href="/story/{n}">Another story number {n}</a></p>' for n in range(100))
    return (
        f"<html><head><title>Site</title><script>var x = 1;</script></head><body>"
        f"<header><div class='logo'>Daily Metals</div></header><nav><ul>{menu}</ul></nav>"
        f"<main><p>{content}</p></main><div class='related'>{related}</div>"
        f"<footer>&copy; 2023 Daily Metals. All rights reserved.</footer></body></html>"
    )


XXE = b"""<?xml version="1.0"?>
<!DOCTYPE treaty [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<treaty><body><chapter><article>&secret;</article></chapter></body></treaty>"""

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]>
<lolz>&lol2;</lolz>"""

AKOMA_NTOSO = b"""<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso><act><body>
  <article eId="art_1"><num>1</num><heading>Scope</heading><paragraph><content><p>The Parties shall cooperate.</p></content></paragraph></article>
</body></act></akomaNtoso>"""

MALFORMED_XML = b"""<?xml version="1.0"?>
<treaty><body>
  <chapter name="One"><article>text</chapter>
</body></treaty>"""


# ----------------------------------------------------------------------------- the bad-input table

Build = Callable[[Path], str]


def file_with(name: str, data: bytes | str | Callable[[], bytes | str]) -> Build:
    """A builder writing ``data`` (or what the callable makes, for big inputs) to ``name`` in the temporary folder."""
    def build(tmp_path: Path) -> str:
        content = data() if callable(data) else data
        path = tmp_path / name
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return str(path)

    return build


def directory_with(*names: str) -> Build:
    def build(tmp_path: Path) -> str:
        folder = tmp_path / "folder"
        folder.mkdir()
        for name in names:
            (folder / name).write_bytes(b"\x89PNG\r\n\x1a\n" if name.endswith(".png") else b"text")
        return str(folder)

    return build


def missing(tmp_path: Path) -> str:
    return str(tmp_path / "no-such-treaty.txt")


def raw_is(expected: str) -> Callable[[Source], bool]:
    return lambda source: source.raw == expected


def warns(fragment: str, raw: str | None = None) -> Callable[[Source], bool]:
    return lambda source: any(fragment in warning for warning in source.warnings) and (raw is None or source.raw == raw)


SMART_QUOTES = "The \u201cParties\u201d shall \u2013 where appropriate \u2013 cooperate.\n"
JAPANESE = "第1条 締約国は、重要鉱物の供給網について協力する。\n" * 20

BAD_INPUTS = [
    pytest.param(missing, "no such file or directory", id="nonexistent-path"),
    pytest.param(directory_with(), "directory has no supported files", id="empty-directory"),
    pytest.param(directory_with("scan.png", "notes.docx"), "directory has no supported files", id="directory-without-supported-files"),
    pytest.param(file_with("empty.txt", b""), "empty file", id="empty-file"),
    pytest.param(file_with("blank.txt", b"  \n\t\r\n  "), "empty file", id="whitespace-only"),
    pytest.param(file_with("zeros.txt", bytes(4096)), "binary file", id="file-of-zeros"),
    pytest.param(file_with("noise.txt", seeded_random_bytes(4096)), "binary file", id="random-bytes"),
    pytest.param(file_with("noise-small.txt", bytes(range(1, 9)) * 20), "binary file (mostly control characters)", id="control-characters"),
    pytest.param(file_with("image.txt", b"\x89PNG\r\n\x1a\n" + seeded_random_bytes(512)), "binary file (PNG image), not text", id="png-renamed-txt"),
    pytest.param(file_with("photo.md", b"\xff\xd8\xff\xe0" + seeded_random_bytes(512)), "binary file (JPEG image)", id="jpeg-renamed-md"),
    pytest.param(file_with("treaty.txt", word_document()), "Word document (DOCX)", id="docx-renamed-txt"),
    pytest.param(file_with("treaty.txt.gz", b"\x1f\x8b\x08\x00" + seeded_random_bytes(64)), "gzip archive", id="gzip"),
    pytest.param(file_with("utf16-odd.txt", "Article 1".encode("utf-16-le")[:-1]), "binary file", id="utf16-without-bom-odd-length"),
    pytest.param(file_with("bad-utf16.txt", b"\xff\xfe" + b"\x00\xd8A\x00"), "not valid UTF-16-LE", id="utf16-with-bom-lone-surrogate"),
    pytest.param(file_with("all-nav.html", navigation_page("")), "HTML page has no visible text", id="html-only-navigation"),
    pytest.param(file_with("scripts.htm", "<script>alert(1)</script><style>p{}</style>"), "HTML page has no visible text", id="html-only-scripts"),
    pytest.param(file_with("locked.pdf", blank_pdf(password="secret")), "encrypted PDF", id="encrypted-pdf"),
    pytest.param(file_with("scan.pdf", blank_pdf()), "PDF has no text layer (scanned?); run OCR first", id="pdf-without-text-layer"),
    pytest.param(file_with("cut.pdf", minimal_text_pdf("Article 1")[:300]), "damaged PDF", id="truncated-pdf"),
    pytest.param(file_with("garbage.pdf", b"%PDF-1.7\n" + seeded_random_bytes(2000) + b"\n%%EOF\n"), "damaged PDF", id="corrupt-pdf"),
    pytest.param(file_with("fake.pdf", AGREEMENT), "not a PDF (no %PDF- header); it looks like text", id="text-named-pdf"),
    pytest.param(file_with("download.pdf", "<!DOCTYPE html><title>404</title>"), "it is an HTML page", id="html-error-page-named-pdf"),
    pytest.param(file_with("xxe.xml", XXE), "external entity ('secret')", id="xml-external-entity"),
    pytest.param(file_with("lolz.xml", BILLION_LAUGHS), "entity expansion and external entities are refused", id="xml-billion-laughs"),
    pytest.param(file_with("broken.xml", MALFORMED_XML), "malformed XML: mismatched tag", id="malformed-xml"),
    pytest.param(file_with("empty-root.xml", b"<?xml version='1.0'?><treaty><body/></treaty>"), "XML document has no text content", id="tota-without-articles"),
]


def ingest(path: str) -> Source:
    """Expand then load, the way the CLI does: expansion errors come back as values and are raised here."""
    items = list(expand_paths([path]))
    for item in items:
        if isinstance(item, InputError):
            raise item
    assert len(items) == 1, items
    return load_source(items[0])


@pytest.mark.parametrize("build, fragment", BAD_INPUTS)
def test_bad_input_is_one_line_error_naming_the_file(tmp_path, build, fragment):
    path = build(tmp_path)
    with pytest.raises(InputError) as caught:
        ingest(path)
    message = str(caught.value)
    assert fragment in message
    assert caught.value.path == path
    assert message.startswith(path + ":")
    assert "\n" not in message


# ----------------------------------------------------------------------------- the good-input table

GOOD_INPUTS = [
    pytest.param(file_with("plain.txt", AGREEMENT), "text", raw_is(AGREEMENT), id="utf8"),
    pytest.param(file_with("bom.txt", b"\xef\xbb\xbf" + AGREEMENT.encode()), "text", raw_is(AGREEMENT), id="utf8-with-bom"),
    pytest.param(file_with("notes.md", "# Accord\n\n" + AGREEMENT), "markdown", raw_is("Accord\n\n" + AGREEMENT), id="markdown"),
    pytest.param(file_with("quotes.txt", SMART_QUOTES.encode("cp1252")), "text", warns("decoded as cp1252", SMART_QUOTES), id="cp1252-smart-quotes"),
    pytest.param(file_with("accord.txt", "Accord de coopération économique\n".encode("latin-1")), "text",
                 warns("not valid UTF-8", "Accord de coopération économique\n"), id="latin1"),
    pytest.param(file_with("pasted.txt", "Café, São Paulo – Ñ: ".encode() + b"\x93quoted\x94\n"), "text",
                 warns("2 stray byte(s) read as cp1252", "Café, São Paulo – Ñ: \u201cquoted\u201d\n"), id="utf8-with-stray-cp1252"),
    pytest.param(file_with("c1.txt", b"Article\x81 1\n"), "text", warns("decoded as latin-1", "Article\x81 1\n"), id="latin1-byte-undefined-in-cp1252"),
    pytest.param(file_with("le.txt", "\ufeffAccord – Artículo 1\n".encode("utf-16-le")), "text", raw_is("Accord – Artículo 1\n"), id="utf16-le-bom"),
    pytest.param(file_with("be.txt", "\ufeffAccord – Artículo 1\n".encode("utf-16-be")), "text", raw_is("Accord – Artículo 1\n"), id="utf16-be-bom"),
    pytest.param(file_with("le-nobom.txt", AGREEMENT.encode("utf-16-le")), "text", raw_is(AGREEMENT), id="utf16-le-without-bom"),
    pytest.param(file_with("be-nobom.txt", AGREEMENT.encode("utf-16-be")), "text", raw_is(AGREEMENT), id="utf16-be-without-bom"),
    pytest.param(file_with("sjis.txt", JAPANESE.encode("shift_jis")), "text", warns("may be garbled"), id="shift-jis-fallback"),
    pytest.param(file_with("mixed.txt", b"Article 1\r\nThe Parties\rshall act.\n"), "text",
                 raw_is("Article 1\nThe Parties\nshall act.\n"), id="mixed-line-endings"),
    pytest.param(file_with("long.txt", "word " * 1_000_000), "text", lambda s: len(s.raw) == 5_000_000, id="5mb-single-line"),
    pytest.param(file_with("deep.html", "<div>" * 100_000 + "Article 1 deep" + "</div>" * 100_000), "html",
                 raw_is("Article 1 deep"), id="html-nested-100000-levels"),
    pytest.param(file_with("unclosed.html", "<p>" * 100_000 + "Article 1 deep"), "html", raw_is("Article 1 deep"), id="html-100000-unclosed"),
    pytest.param(file_with("news.html", navigation_page("The Parties shall cooperate.")), "html",
                 warns("mostly navigation", "The Parties shall cooperate."), id="html-99-percent-navigation"),
    pytest.param(file_with("meta.html", '<html><head><meta charset="shift_jis"></head><body><p>第1条</p></body></html>'.encode("shift_jis")),
                 "html", lambda s: s.raw == "第1条" and not s.warnings, id="html-declared-charset"),
    pytest.param(file_with("text.pdf", minimal_text_pdf("Article 1 The Parties shall cooperate.")), "pdf",
                 raw_is("Article 1 The Parties shall cooperate."), id="pdf-with-text"),
    pytest.param(file_with("two-pages.pdf", minimal_text_pdf("Article 1 Scope", "Article 2 Definitions")), "pdf",
                 raw_is("Article 1 Scope\n\nArticle 2 Definitions"), id="pdf-pages-joined-by-blank-line"),
    pytest.param(file_with("half-scanned.pdf", minimal_text_pdf("Article 1 Scope", "")), "pdf",
                 warns("1 of 2 PDF pages have no text layer", "Article 1 Scope"), id="pdf-partly-scanned"),
    pytest.param(file_with("repaired.pdf", with_wrong_startxref(minimal_text_pdf("Article 1"))), "pdf",
                 warns("the reader worked around", "Article 1"), id="pdf-repaired-by-reader"),
    pytest.param(file_with("owner-locked.pdf", owner_locked_pdf("Article 1 Scope")), "pdf", raw_is("Article 1 Scope"),
                 id="pdf-encrypted-with-empty-user-password"),
    pytest.param(file_with("really-a-pdf.txt", minimal_text_pdf("Article 1")), "pdf", warns("is a PDF", "Article 1"), id="pdf-renamed-txt"),
    pytest.param(file_with("akn.xml", AKOMA_NTOSO), "text",
                 warns("not a ToTA treaty", "1\nScope\nThe Parties shall cooperate.\n"), id="xml-not-tota"),
    pytest.param(file_with("deep.xml", "<doc>" + "<div>" * 100_000 + "deep" + "</div>" * 100_000 + "</doc>"), "text",
                 warns("not a ToTA treaty", "deep\n"), id="xml-nested-100000-levels"),
    pytest.param(file_with("latin1.html", '<meta charset="iso-8859-1"><p>\u201cAccord\u201d</p>'.encode("cp1252")), "html",
                 lambda s: s.raw == "\u201cAccord\u201d" and not s.warnings, id="html-latin1-label-means-cp1252"),
    pytest.param(file_with("latin.xml", '<?xml version="1.0" encoding="windows-1252"?><doc>\u201cAccord\u201d</doc>'.encode("cp1252")),
                 "text", lambda s: s.raw == "\u201cAccord\u201d\n", id="xml-declared-cp1252"),
    pytest.param(file_with("page.aspx", "<!DOCTYPE html><html><body><p>Article 1</p></body></html>"), "html", raw_is("Article 1"), id="sniff-html"),
    pytest.param(file_with("treaty.dat", b'<?xml version="1.0"?><treaty><body><chapter name="Preamble"><article>We agree.</article></chapter></body></treaty>'),
                 "tota_xml", raw_is("Preamble\nWe agree.\n"), id="sniff-tota-xml"),
    pytest.param(file_with("README", AGREEMENT), "text", raw_is(AGREEMENT), id="sniff-text"),
]


@pytest.mark.parametrize("build, expected_format, check", GOOD_INPUTS)
def test_good_input_loads(tmp_path, build, expected_format, check):
    path = build(tmp_path)
    source = ingest(path)
    assert source.path == path
    assert source.format == expected_format
    assert check(source), (source.raw[:200], source.warnings)


@pytest.mark.parametrize("path", SEED_PATHS, ids=[path.name[:3] for path in SEED_PATHS])
def test_seed_loads_unchanged(path):
    source = load_source(str(path))
    assert source.format == "text"
    assert source.raw == path.read_text(encoding="utf-8")
    assert source.warnings == []


def test_pdf_reader_log_stays_off_the_terminal(tmp_path, caplog, capfd):
    source = load_source(file_with("repaired.pdf", with_wrong_startxref(minimal_text_pdf("Article 1")))(tmp_path))
    assert source.raw == "Article 1"
    assert caplog.records == []
    assert capfd.readouterr().err == ""


@pytest.mark.parametrize("path", SEED_PATHS, ids=[path.name[:3] for path in SEED_PATHS])
def test_seed_published_as_web_page_loads_as_its_paragraphs(tmp_path, path):
    """Each seed line as a <p> inside a typical news page: the page chrome goes, the paragraphs stay."""
    paragraphs = [line.strip() for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]
    body = "".join(f"<p>{html.escape(paragraph)}</p>\n" for paragraph in paragraphs)
    page = navigation_page("").replace("<main><p></p></main>", f"<main><article>{body}</article></main>")
    assert load_source(file_with("page.html", page)(tmp_path)).raw == "\n\n".join(paragraphs)


def test_malformed_xml_error_points_at_line_and_column(tmp_path):
    path = file_with("broken.xml", MALFORMED_XML)(tmp_path)
    with pytest.raises(InputError) as caught:
        load_source(path)
    # expat points at the name in the end tag that does not match: "</chapter>" starts at column 36.
    assert (caught.value.line, caught.value.column) == (3, 38)
    assert str(caught.value).startswith(f"{path}:3:38: malformed XML: mismatched tag")


def test_html_keeps_article_content_and_structure(tmp_path):
    page = (
        "<html><body><header>Site banner</header><form action='/search'><input name='q'> Search</form>"
        "<article><header><h1>Joint Statement</h1></header><p>The Parties\n   will <b>explore</b>&nbsp;cooperation"
        " &amp; <a href='#art2'>Article 2</a>.</p><ul><li>lithium</li><li>cobalt</li></ul>"
        "<table><tr><td>HS 2836</td><td>0%</td></tr></table><pre>  1. kept\n     as is</pre>"
        "<div hidden>hidden text</div><div style='display: none'>gone</div><aside>Related</aside></article>"
        "<footer>Footer</footer></body></html>"
    )
    assert load_source(file_with("page.html", page)(tmp_path)).raw == (
        "Joint Statement\n\nThe Parties will explore\xa0cooperation & Article 2.\n\n• lithium\n\n• cobalt\n\n"
        "HS 2836\t0%\n\n  1. kept\n     as is"
    )


LIST_MARKERS = [
    pytest.param("<ol><li>Scope</li><li>Definitions</li></ol>", "1. Scope\n\n2. Definitions", id="numbered"),
    pytest.param('<ol type="a" start="3"><li>goods<li>services</ol>', "c. goods\n\nd. services", id="lettered-from-start"),
    pytest.param('<ol type="i"><li>one</li><li value="4">four</li></ol>', "i. one\n\niv. four", id="roman-with-value"),
    pytest.param('<ol type="I"><li><p>nested paragraph</p></li></ol>', "I. nested paragraph", id="item-holding-a-paragraph"),
    pytest.param("<ol><li>(a) its own marker</li><li>2. its own number</li></ol>", "(a) its own marker\n\n2. its own number",
                 id="own-markers-not-doubled"),
    pytest.param("<ul><li>cobalt<ul><li>refined</li></ul></li></ul>", "• cobalt\n\n◦ refined", id="nested-bullets"),
    pytest.param("<ol><li>goods<ul><li>cobalt</li></ul></li></ol>", "1. goods\n\n• cobalt", id="bullets-in-a-numbered-list"),
    pytest.param('<ol style="list-style: none"><li>unmarked</li></ol>', "unmarked", id="list-style-none"),
    pytest.param("<ol><li></li></ol><p>after an empty item</p>", "after an empty item", id="empty-item"),
]


@pytest.mark.parametrize("markup, expected", LIST_MARKERS)
def test_html_list_items_get_the_markers_a_browser_shows(tmp_path, markup, expected):
    assert load_source(file_with("list.html", f"<html><body>{markup}</body></html>")(tmp_path)).raw == expected


def test_asp_net_page_wrapped_in_one_form_keeps_its_text(tmp_path):
    body = "<p>" + "The Parties shall notify each other of measures. " * 20 + "</p>"
    page = f"<html><body><form id='aspnetForm'><div>{body}</div></form></body></html>"
    assert "shall notify" in load_source(file_with("aspx.htm", page)(tmp_path)).raw


# ----------------------------------------------------------------------------- stdin

STDIN_CASES = [
    pytest.param(AGREEMENT.encode(), "text", AGREEMENT, id="text"),
    pytest.param(b"<!doctype html><p>Article 1</p><nav>Menu</nav>", "html", "Article 1", id="html"),
    pytest.param(b'<treaty><body><chapter name="Preamble"><article>We agree.</article></chapter></body></treaty>',
                 "tota_xml", "Preamble\nWe agree.\n", id="tota-xml"),
    pytest.param(minimal_text_pdf("Article 1"), "pdf", "Article 1", id="pdf"),
]


@pytest.mark.parametrize("data, expected_format, expected_raw", STDIN_CASES)
def test_stdin_is_sniffed(monkeypatch, data, expected_format, expected_raw):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    source = load_source("-")
    assert (source.path, source.format, source.raw) == ("<stdin>", expected_format, expected_raw)


def test_empty_stdin_is_an_error(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    with pytest.raises(InputError, match="^<stdin>: empty file$"):
        load_source("-")


# ----------------------------------------------------------------------------- expand_paths

def test_directory_expands_to_supported_files_sorted_recursively_skipping_hidden(tmp_path):
    for name in ["b.txt", "a.PDF", "notes.docx", ".hidden.txt", "sub/c.html", "sub/d.md", ".git/e.txt", "z/f.xml"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    found = [Path(item).relative_to(tmp_path).as_posix() for item in expand_paths([str(tmp_path)])]
    assert found == ["a.PDF", "b.txt", "sub/c.html", "sub/d.md", "z/f.xml"]


def test_batch_goes_on_after_a_missing_path(tmp_path):
    present = tmp_path / "present.txt"
    present.write_text(AGREEMENT)
    items = list(expand_paths([str(tmp_path / "gone.txt"), "-", str(present)]))
    assert isinstance(items[0], InputError) and str(items[0]).endswith("gone.txt: no such file or directory")
    assert items[1:] == ["-", str(present)]


def test_the_blocks_of_an_html_page_stay_paragraphs_however_short(tmp_path):
    """Short blocks set apart by blank lines look like double-spaced text, whose blank lines say nothing; in HTML each
    block is a paragraph, so the page's banner does not run into its headline, nor the headline into its first heading."""
    page = ("<html><body><div class='header'><span>Ministry of Commerce and Industry<br>Government of India</span></div>"
            "<div id='maincontent'><h1>India-EU Trade and Technology Council: Action Plan on Critical Raw Materials</h1>"
            "<h2>I. Introduction</h2><p>1. The co-chairs endorsed the following Action Plan.</p><h2>II. Actions</h2>"
            "<h3>A. Critical raw materials</h3><p>2. India and the EU will exchange information on their critical minerals lists."
            "</p><p>*****</p><p>AD/VN</p><p>(Release ID: 2107311)</p></div></body></html>")
    document = load_document(file_with("plan.html", page)(tmp_path))
    lines = [line for line in document.text.split("\n") if line]
    assert lines[2:5] == ["India-EU Trade and Technology Council: Action Plan on Critical Raw Materials", "I. Introduction",
                          "1. The co-chairs endorsed the following Action Plan."]


PAGE_TITLES = [
    # (id, page, expected title, a text that must not be a provision)
    # A cookie banner above the <h1>: the banner is set aside, the heading names the page.
    ("a cookie banner above the main heading",
     "<html><body><div id='cookie'><p>Cookies on GOV.UK</p><p>We use some essential cookies to make this website work.</p>"
     "</div><main><h1>UK and Saudi Arabia sign critical minerals partnership</h1><p>The UK and Saudi Arabia have today "
     "signed a Memorandum of Understanding on critical minerals.</p></main></body></html>",
     "UK and Saudi Arabia sign critical minerals partnership", "cookies"),
    # A skip link (an in-page anchor, so not dropped as a link line) and the site's name above the heading.
    ("a skip link and the site's name above the main heading",
     "<html><body><a href='#main'>Skip to main content</a><div class='header'>Ministry of Commerce and Industry<br>"
     "Government of India</div><div id='main'><h1>Action Plan on Critical Raw Materials</h1><p>1. India and the EU will "
     "exchange information on their critical minerals lists.</p></div></body></html>",
     "Action Plan on Critical Raw Materials", "Ministry of Commerce"),
    # The <h1> inside <main> wins over a site's <h1> outside it.
    ("the heading inside <main> over the site's heading",
     "<html><body><div><h1>Treaty Database</h1></div><main><h1>Agreement on Trade in Wine</h1><p>The Parties shall "
     "facilitate trade in wine and spirit drinks originating in their territories.</p></main></body></html>",
     "Agreement on Trade in Wine", "Treaty Database"),
    # Counter-example: a page without <h1> keeps the guessed title, and a paragraph of prose above it stays content.
    ("no main heading: the title is guessed from the text as before",
     "<html><body><p>Joint Statement on Critical Minerals</p><p>The ministers of Canada and Australia will meet every year "
     "to review their cooperation on critical minerals.</p></body></html>",
     "Joint Statement on Critical Minerals", None),
    # A site menu whose last entry is a scripted control (href="#") is a line of links: dropped.
    ("a menu line ending in a scripted control",
     "<html><body><div><a href='/'>EUR-Lex</a> | <a href='/search'>Advanced search</a> | <a href='#'>Help</a></div>"
     "<p>AGREEMENT</p><p>between the European Union and the Republic of Moldova on trade in wine</p><p>Article 1</p>"
     "<p>The Parties shall facilitate trade in wine.</p></body></html>",
     "AGREEMENT between the European Union and the Republic of Moldova on trade in wine", "EUR-Lex"),
]


@pytest.mark.parametrize("page, title, absent", [row[1:] for row in PAGE_TITLES], ids=[row[0] for row in PAGE_TITLES])
def test_an_html_pages_main_heading_is_its_title_and_the_chrome_above_it_is_skipped(tmp_path, page, title, absent):
    document = load_document(file_with("page.html", page)(tmp_path))
    assert document.title == title
    assert not any(title == p.text for p in document.provisions)
    if absent:
        assert not any(absent.lower() in p.text.lower() for p in document.provisions)
    assert any("The " in p.text or p.text.startswith("1. ") for p in document.provisions)  # the body stays
    assert coverage_problems(document) == []


MARKER_CELLS = [
    # (id, the second cell's paragraph, expected item text)
    # EUR-Lex: each definition is a table row, marker and text in cells of their own, each in a <p>.
    ("a definition opening with a quote mark", "<p>‘wine’ means the beverage of fresh grapes;</p>",
     "(a) 'wine' means the beverage of fresh grapes;"),
    ("a definition without a quote mark", "<p>wine means the beverage of fresh grapes;</p>",
     "(a) wine means the beverage of fresh grapes;"),
]


@pytest.mark.parametrize("cell, item", [row[1:] for row in MARKER_CELLS], ids=[row[0] for row in MARKER_CELLS])
def test_a_table_cell_holding_only_a_list_marker_shares_the_next_cells_line(tmp_path, cell, item):
    page = (f"<html><body><p>Article 2</p><p>For the purposes of this Agreement:</p><table><tr><td><p>(a)</p></td><td>{cell}"
            "</td></tr></table><table><tr><td><p>(b)</p></td><td><p>‘spirit drinks’ means the products in Annex I.</p></td></tr>"
            "</table><p>Article 3</p><p>The Parties shall cooperate.</p></body></html>")
    document = load_document(file_with("eurlex.html", page)(tmp_path))
    items = [p.text for p in document.provisions if p.kind == "item"]
    assert items == [item, "(b) 'spirit drinks' means the products in Annex I."]
    assert coverage_problems(document) == []


def test_a_table_row_of_a_marker_cell_and_a_text_cell_of_several_cells_keeps_its_other_rows_apart(tmp_path):
    """Counter-example: a cell of words ("HS 2836") is no marker, and a marker cell ends with its row."""
    page = ("<html><body><table><tr><td><p>HS 2836</p></td><td><p>0%</p></td></tr><tr><td><p>(c)</p></td></tr>"
            "<tr><td><p>Lithium carbonate</p></td></tr></table></body></html>")
    assert load_source(file_with("t.html", page)(tmp_path)).raw == "HS 2836\n\n0%\n\n(c)\n\nLithium carbonate"


def test_a_breadcrumb_trail_from_home_is_site_chrome_not_the_title(tmp_path):
    """"Home » Media Center » Bilateral Documents" above a statement (its "»" becomes '"' once quotes are normalized) was the
    page's title; a sentence opening with "Home" is text."""
    page = ("<html><body><div class='breadcrumb'><a href='/'>Home</a> &raquo; <a href='/m'>Media Center</a> &raquo; "
            "Bilateral Documents</div><p>India-Indonesia Joint Statement on the State Visit of the President of Indonesia</p>"
            "<p>Home Affairs Minister Amit Shah met the delegation on January 25, 2026.</p>"
            "<p>1. The leaders agreed to expand trade in critical minerals.</p></body></html>")
    document = load_document(file_with("statement.html", page)(tmp_path))
    skipped = {document.text[span.start:span.end]: span.reason for span in document.skipped}
    assert skipped.get('Home " Media Center " Bilateral Documents') == "site chrome"
    assert any(p.text.startswith("Home Affairs Minister") for p in document.provisions)
