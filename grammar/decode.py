"""Turn a document's bytes into text: detect binaries, pick the encoding, normalize line endings.

Order of the checks, and why:

1. Known magic numbers first, so a PNG renamed ``.txt`` is named as a PNG, not as "undecodable".
2. Byte-order marks (UTF-8, UTF-32, UTF-16) are authoritative.
3. UTF-16 without a BOM shows as NUL bytes in every other position; any other NUL byte means binary.
4. Strict UTF-8; then an encoding the document declares (``<meta charset>``, ``<?xml encoding?>``);
   then UTF-8 with stray cp1252 bytes (mostly UTF-8); then cp1252, then latin-1; each fallback
   reported as a warning naming the encoding.
5. A decoded text with many C0 control characters is binary after all (random bytes decode as latin-1).

Worked example::

    >>> decode_text("Art\\u00edculo 1\\r\\n".encode("cp1252"), path="a.txt").text
    'Artículo 1\\n'
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from grammar.errors import InputError

# Signatures of formats people mistake for text (or rename); checked at offset 0 unless stated.
MAGIC_NUMBERS: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh91AY&SY", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Microsoft Office document (DOC/XLS/PPT)"),
    (b"\x7fELF", "ELF executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\x00asm", "WebAssembly module"),
    (b"OggS", "Ogg media"),
    (b"ID3\x03", "MP3 audio"),
    (b"ID3\x04", "MP3 audio"),
    (b"fLaC", "FLAC audio"),
)
# ZIP containers that are office documents: the member name tells which.
ZIP_MEMBERS: tuple[tuple[bytes, str], ...] = (
    (b"word/", "Word document (DOCX)"),
    (b"xl/", "Excel workbook (XLSX)"),
    (b"ppt/", "PowerPoint presentation (PPTX)"),
    (b"application/vnd.oasis.opendocument", "OpenDocument file"),
    (b"application/epub+zip", "EPUB e-book"),
)
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: its BOM starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
SINGLE_BYTE_FALLBACKS = ("cp1252", "latin-1")
# WHATWG: documents labelled latin-1 or ASCII are decoded as windows-1252 by every browser.
LABELS_MEANING_CP1252 = {"latin_1", "iso8859-1", "ascii"}
# Tabs, line feeds, vertical tabs, form feeds and carriage returns occur in real text; other C0 controls do not.
NON_TEXT_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
MAX_CONTROL_SHARE = 0.05
# surrogateescape decoding turns each byte that is not valid UTF-8 into one of these lone surrogates.
STRAY_BYTE = re.compile("[\udc80-\udcff]")
SNIFF_BYTES = 4096
DECLARED_ENCODING = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)|<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DecodedText:
    """Text decoded from bytes, with line endings normalized to ``\\n``, and what the decoder had to guess."""

    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def decode_text(data: bytes, *, path: str) -> DecodedText:
    """Decode a text document's bytes, or raise ``InputError`` for empty, binary or undecodable input."""
    if not data:
        raise InputError("empty file", path=path)
    kind = binary_kind(data)
    if kind:
        raise InputError(f"binary file ({kind}), not text", path=path)
    encoding, text, warnings = _decode(data, path)
    controls = len(NON_TEXT_CONTROLS.findall(text, 0, 100_000))
    if controls > MAX_CONTROL_SHARE * min(len(text), 100_000):
        raise InputError("binary file (mostly control characters), not text", path=path)
    if not text.strip():
        raise InputError("empty file (whitespace only)", path=path)
    return DecodedText(text=normalize_line_endings(text), encoding=encoding, warnings=warnings)


def binary_kind(data: bytes) -> str | None:
    """Name the binary format ``data`` starts with (``"PNG image"``), or ``None`` if it may be text."""
    for magic, name in MAGIC_NUMBERS:
        if data.startswith(magic):
            if name == "ZIP archive":
                return next((member for marker, member in ZIP_MEMBERS if marker in data[:SNIFF_BYTES]), name)
            return name
    if data[12:16] == b"WEBP" and data.startswith(b"RIFF"):
        return "WebP image"
    if data[4:8] == b"ftyp":
        return "MP4/QuickTime media"
    return None


def normalize_line_endings(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` become ``\\n``: ``"a\\r\\nb\\rc"`` → ``"a\\nb\\nc"``."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def declared_encoding(data: bytes) -> str | None:
    """The Python codec a document's head declares (``<meta charset=…>``, ``<?xml … encoding=…?>``), if known."""
    match = DECLARED_ENCODING.search(data[:SNIFF_BYTES])
    if not match:
        return None
    label = (match.group(1) or match.group(2)).decode("ascii")
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return "cp1252" if name in LABELS_MEANING_CP1252 else name


def _decode(data: bytes, path: str) -> tuple[str, str, list[str]]:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return encoding, _strict(data[len(bom):], encoding, path), []
    utf16 = _utf16_without_bom(data)
    if utf16:
        return utf16, _strict(data, utf16, path), []
    if b"\x00" in data:
        raise InputError("binary file (contains NUL bytes), not text", path=path)
    try:
        return "utf-8", data.decode("utf-8"), []
    except UnicodeDecodeError as error:
        utf8_problem = f"not valid UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start})"
    declared = declared_encoding(data)
    if declared and declared != "utf-8":
        try:
            return declared, data.decode(declared), []
        except UnicodeDecodeError:
            pass  # a wrong declaration is common; fall through to the guesses
    mixed = _utf8_with_stray_bytes(data)
    if mixed:
        text, stray = mixed
        return "utf-8", text, [f"{utf8_problem}; decoded as UTF-8 with {stray} stray byte(s) read as cp1252"]
    for encoding in SINGLE_BYTE_FALLBACKS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return encoding, text, [f"{utf8_problem}; decoded as {encoding}{_garble_note(text)}"]
    raise AssertionError("latin-1 decodes every byte string")  # pragma: no cover


def _utf8_with_stray_bytes(data: bytes) -> tuple[str, int] | None:
    """UTF-8 text with a few cp1252 bytes pasted in (common in scraped news): decode each part as what it is.

    Chosen only when valid multi-byte UTF-8 characters outnumber the stray bytes, so a cp1252 file
    (where every non-ASCII byte is stray) still goes to the single-byte fallback as a whole.
    ``b"\x93Caf\xc3\xa9\x94 caf\xc3\xa9"`` → ``"“Café” café"``, 2 stray bytes.
    """
    text = data.decode("utf-8", errors="surrogateescape")
    stray = len(STRAY_BYTE.findall(text))
    valid_non_ascii = sum(1 for char in text if ord(char) > 127) - stray
    if valid_non_ascii <= stray:
        return None
    return STRAY_BYTE.sub(_stray_byte_as_cp1252, text), stray


def _stray_byte_as_cp1252(match: re.Match[str]) -> str:
    byte = bytes([ord(match.group()) - 0xDC00])
    try:
        return byte.decode("cp1252")
    except UnicodeDecodeError:
        return byte.decode("latin-1")


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 LE or BE, recognized by NULs in every other byte (the high byte of Latin-script characters)."""
    head = data[: SNIFF_BYTES - SNIFF_BYTES % 2]
    if len(data) % 2 or len(head) < 4:
        return None
    pairs = len(head) // 2
    even_nuls = head[0::2].count(0)
    odd_nuls = head[1::2].count(0)
    if odd_nuls > 0.4 * pairs and even_nuls < 0.05 * pairs:
        return "utf-16-le"
    if even_nuls > 0.4 * pairs and odd_nuls < 0.05 * pairs:
        return "utf-16-be"
    return None


def _strict(data: bytes, encoding: str, path: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError(f"not valid {encoding.upper()} (bad bytes at offset {error.start})", path=path) from None


def _garble_note(text: str) -> str:
    """Flag a fallback decoding that is probably wrong: agreement text is mostly ASCII in Latin scripts."""
    sample = text[:100_000]
    non_ascii = sum(1 for char in sample if ord(char) > 127)
    share = non_ascii / max(len(sample), 1)
    if share > 0.2:
        return f" (guessed; {share:.0%} of characters are non-ASCII, the text may be garbled)"
    return " (guessed)"
