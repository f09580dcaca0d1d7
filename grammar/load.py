"""Read agreement documents from disk or stdin into ``Source`` models, whatever their format.

The format comes from the suffix (``.txt`` ``.md`` ``.html`` ``.htm`` ``.xml`` ``.pdf``); stdin and unknown
suffixes are sniffed: PDF header, then ``<?xml``/``<treaty`` (XML), ``<html``/``<!doctype html`` (HTML),
else plain text. A PDF header wins over any suffix, since a PDF saved as ``.txt`` is still a PDF.
Every failure is an ``InputError`` naming the file, one line, no traceback.
"""
from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable, Iterator

from grammar.decode import binary_kind, decode_text
from grammar.errors import InputError
from grammar.html_text import extract_visible_text
from grammar.markdown_text import read_markdown
from grammar.models import Source
from grammar.pdf_text import looks_like_pdf, read_pdf_text
from grammar.tota import read_agreement_xml

STDIN = "-"
STDIN_NAME = "<stdin>"
FORMAT_BY_SUFFIX: dict[str, str] = {
    ".txt": "text",
    ".md": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xml": "xml",
    ".pdf": "pdf",
}
SUPPORTED_SUFFIXES = tuple(FORMAT_BY_SUFFIX)
# Markup is recognized by its first tag, after any BOM, whitespace and comments.
LEADING_MARKUP = re.compile(
    r"\A\ufeff?(?:\s|<!--.*?-->)*<(!doctype\s+html|html|head|body|\?xml|treaty)\b", re.IGNORECASE | re.DOTALL
)
XHTML_ROOT = re.compile(r"<html[\s>]", re.IGNORECASE)


def expand_paths(paths: Iterable[str]) -> Iterator[str | InputError]:
    """Each path as given, directories replaced by their supported files (sorted walk, hidden ones skipped).

    Problems are yielded, not raised, so that a batch goes on: a missing path, a directory without
    a single supported file.
    """
    for path in paths:
        if path == STDIN:
            yield path
        elif os.path.isdir(path):
            found = list(_supported_files(path))
            if not found:
                yield InputError(f"directory has no supported files ({' '.join(SUPPORTED_SUFFIXES)})", path=path)
            yield from found
        elif os.path.exists(path):
            yield path
        else:
            yield InputError("no such file or directory", path=path)


def load_source(path: str) -> Source:
    """Read one document (``-`` for stdin) and decode it to text, with warnings and declared structure."""
    shown = STDIN_NAME if path == STDIN else path
    data = _read_stdin() if path == STDIN else _read_file(path)
    if not data:
        raise InputError("empty file", path=shown)
    suffix_format = None if path == STDIN else FORMAT_BY_SUFFIX.get(os.path.splitext(path)[1].lower())
    if looks_like_pdf(data):
        renamed = suffix_format not in (None, "pdf")
        warnings = [f"file named {os.path.basename(path)} is a PDF; read as PDF"] if renamed else []
        pdf = read_pdf_text(data, path=shown)
        return Source(path=shown, format="pdf", raw=_normalize(pdf.text), warnings=warnings + pdf.warnings)
    if suffix_format == "pdf":
        raise InputError(f"not a PDF (no %PDF- header){_what_it_is_instead(data)}", path=shown)
    decoded = decode_text(data, path=shown)
    fmt = suffix_format or sniff_markup(decoded.text)
    if fmt == "xml" and sniff_markup(decoded.text) == "html":
        fmt = "html"  # XHTML saved as .xml
    if fmt == "xml":
        return _source_from_xml(decoded.text, decoded.warnings, shown)
    if fmt == "html":
        return _source_from_html(decoded.text, decoded.warnings, shown)
    if fmt == "markdown":
        return _source_from_markdown(decoded.text, decoded.warnings, shown)
    return Source(path=shown, format="text", raw=decoded.text, warnings=decoded.warnings)


def sniff_markup(text: str) -> str:
    """``"xml"``, ``"html"`` or ``"text"`` from how a document starts: ``<?xml …><html>`` is HTML (XHTML)."""
    match = LEADING_MARKUP.match(text[:4096])
    if not match:
        return "text"
    first = match.group(1).lower()
    if first == "?xml":
        return "html" if XHTML_ROOT.search(text, 0, 4096) else "xml"
    return "xml" if first == "treaty" else "html"


def _source_from_xml(text: str, warnings: list[str], path: str) -> Source:
    reading = read_agreement_xml(text, path=path)
    _require_text(reading.text, "XML document has no text content", path)
    return Source(
        path=path,
        format="tota_xml" if reading.is_tota else "text",
        raw=reading.text,
        warnings=warnings + reading.warnings,
        declared=reading.declared,
        outline=reading.outline,
    )


def _source_from_html(text: str, warnings: list[str], path: str) -> Source:
    visible = extract_visible_text(text)
    _require_text(visible.text, "HTML page has no visible text", path)
    # The page's main heading names it: a cookie banner or a site's name above it is no title.
    declared = {"name": visible.heading} if visible.heading else {}
    return Source(path=path, format="html", raw=_normalize(visible.text), warnings=warnings + visible.warnings,
                  declared=declared)


def _source_from_markdown(text: str, warnings: list[str], path: str) -> Source:
    reading = read_markdown(text)
    _require_text(reading.text, "Markdown document has no text beyond its front matter", path)
    return Source(path=path, format="markdown", raw=reading.text, warnings=warnings + reading.warnings,
                  declared=reading.declared)


def _what_it_is_instead(data: bytes) -> str:
    """What a file named ``.pdf`` holds instead: often the HTML error page of a failed download."""
    kind = binary_kind(data)
    if kind:
        return f"; it is a {kind}"
    head = data[:4096].decode("utf-8", errors="replace")
    markup = sniff_markup(head)
    return "; it is an HTML page (a failed download?)" if markup == "html" else f"; it looks like {markup}"


def _supported_files(directory: str) -> Iterator[str]:
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(name for name in dirs if not name.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and name.lower().endswith(SUPPORTED_SUFFIXES):
                yield os.path.join(root, name)


def _read_file(path: str) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        raise InputError("no such file or directory", path=path) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a file", path=path) from None
    except PermissionError:
        raise InputError("permission denied", path=path) from None
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}", path=path) from None


def _read_stdin() -> bytes:
    stream = sys.stdin
    if stream is None:
        raise InputError("no standard input", path=STDIN_NAME)
    buffer = getattr(stream, "buffer", None)
    # A test harness or an embedding program may install a text-only stdin without a byte buffer.
    return buffer.read() if buffer is not None else stream.read().encode("utf-8")


def _normalize(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _require_text(text: str, problem: str, path: str) -> None:
    if not text.strip():
        raise InputError(problem, path=path)
