"""Read the text layer of a PDF agreement with pypdf: page texts joined by blank lines.

Refused with an ``InputError``: encrypted files that the empty password does not open, files without a
text layer (scans: run OCR first), and truncated or damaged files. pypdf's own log messages about
repairs are kept out of the user's terminal and summarized as one warning.
"""
from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError, PyPdfError

from grammar.errors import InputError

PDF_MAGIC = b"%PDF-"
# The PDF standard lets the header start anywhere in the first 1024 bytes, and readers accept that.
HEADER_WINDOW = 1024
# Writers end a file with %%EOF; a file without one near its end was cut off (an interrupted download).
EOF_MARKER, EOF_WINDOW = b"%%EOF", 2048


@dataclass(frozen=True)
class PdfText:
    """The text of a PDF's pages, joined by blank lines, and what the reader had to overlook."""

    text: str
    pages: int
    warnings: list[str] = field(default_factory=list)


def looks_like_pdf(data: bytes) -> bool:
    """Whether ``data`` starts (within the allowed 1024 bytes) with the ``%PDF-`` header."""
    return PDF_MAGIC in data[:HEADER_WINDOW]


def read_pdf_text(data: bytes, *, path: str) -> PdfText:
    """Text layer of a PDF, or an ``InputError`` for encrypted, scanned, truncated or damaged files."""
    if EOF_MARKER not in data[-EOF_WINDOW:]:
        raise InputError("damaged PDF: truncated (no %%EOF marker at the end)", path=path)
    with _pypdf_log_captured() as repairs:
        try:
            reader = PdfReader(io.BytesIO(data))
            _unlock(reader, path)
            page_texts = [page.extract_text() or "" for page in reader.pages]
        except InputError:
            raise
        except DependencyError as error:
            raise InputError(f"encrypted PDF needs an extra package to decrypt: {error}", path=path) from None
        except FileNotDecryptedError:
            raise InputError("encrypted PDF: a password is required", path=path) from None
        except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError) as error:
            # pypdf signals malformed objects with its own errors and, deeper down, with plain built-in ones.
            raise InputError(f"damaged PDF: {_one_line(error)}", path=path) from None
    if not page_texts:
        raise InputError("PDF has no pages", path=path)
    empty = sum(1 for text in page_texts if not text.strip())
    if empty == len(page_texts):
        raise InputError("PDF has no text layer (scanned?); run OCR first", path=path)
    warnings = []
    if empty:
        warnings.append(f"{empty} of {len(page_texts)} PDF pages have no text layer (scanned?); their text is missing")
    if repairs:
        warnings.append(f"PDF has {len(repairs)} defect(s) the reader worked around; first: {repairs[0]}")
    text = "\n\n".join(text.strip("\n") for text in page_texts if text.strip())
    return PdfText(text=text, pages=len(page_texts), warnings=warnings)


def _unlock(reader: PdfReader, path: str) -> None:
    """Open an encrypted PDF with the empty user password (owner-only protection), or refuse it."""
    if reader.is_encrypted and not reader.decrypt(""):
        raise InputError("encrypted PDF: a password is required to read it", path=path)


class _ListHandler(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(_one_line(record.getMessage()))


@contextmanager
def _pypdf_log_captured() -> Iterator[list[str]]:
    """Route pypdf's log warnings into a list instead of stderr, for the duration of one read."""
    logger = logging.getLogger("pypdf")
    handler = _ListHandler()
    saved = logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield handler.messages
    finally:
        logger.removeHandler(handler)
        logger.propagate = saved


def _one_line(error: object) -> str:
    return " ".join(str(error).split()) or type(error).__name__
