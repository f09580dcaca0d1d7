"""Normalize decoded text into the text every span refers to: one logical paragraph per line.

Guarantees that hold afterwards (the provision grammar relies on them):

1. Only ``\\n`` ends lines; no tabs, form feeds, zero-width characters, soft hyphens or exotic spaces remain.
2. Quotes are ASCII (``'`` and ``"``); a bullet line starts with ``• `` whatever bullet the source used.
3. No line has leading or trailing spaces, and no line holds two spaces in a row.
4. Hard-wrapped lines are joined into one line per paragraph; a word split by a hyphen at a line end is
   rejoined (the hyphen kept after prefixes such as ``non-``).
5. Paragraphs the source separated by blank lines stay separated by exactly one blank line.

Worked example::

    >>> normalize_text("  1. Each Party shall elimi-\\n  nate duties on\\n  \\u201cgoods\\u201d.\\n\\n\\u25cf  Cobalt")
    '1. Each Party shall eliminate duties on "goods".\\n\\n• Cobalt'
"""
from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path

DATA_FILE = Path(__file__).with_name("data") / "normalize.toml"

NUMBER = r"(?:[0-9]+|[ivxlcdm]+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty)"
HEADING_LINE = re.compile(rf"(?:article|art\.|chapter|part|section|title|annex)\s*{NUMBER}\b|preamble$", re.IGNORECASE)
# A line that opens a new structural unit is never glued to the line before it.
STRUCTURAL_START = re.compile(
    r"""(?:•\ |\(?\d{1,3}(?:\.\d{1,3})*[.)]\ |\([a-z]{1,2}\)|[a-z]\)\ |\((?:[ivxlcdm]{1,6})\)|\(\d{1,3}\))""",
    re.IGNORECASE,
)
# A line ending like this completes a sentence, a list item or a heading lead-in.
TERMINAL_PUNCTUATION = re.compile(r"[.;:!?][\"')\]]*$")
SPACE_RUN = re.compile(r" {2,}")
HYPHENATED_END = re.compile(r"([A-Za-z]+)-$")


@lru_cache(maxsize=1)
def _tables() -> tuple[tuple[re.Pattern, dict[str, str]], frozenset[str], frozenset[str], frozenset[str]]:
    with DATA_FILE.open("rb") as handle:
        data = tomllib.load(handle)
    replacements: dict[str, str] = dict(data["replace"])
    replacements.update({char: "" for char in data["drop"]["chars"]})
    # One regex over the rare characters is far faster than str.translate on long texts.
    pattern = re.compile("[" + "".join(re.escape(char) for char in replacements) + "]")
    return (
        (pattern, replacements),
        frozenset(data["bullets"]["chars"]),
        frozenset(data["hyphenation"]["keep_after"]),
        frozenset(data["continuation"]["dangling_words"]),
    )


def normalize_text(raw: str) -> str:
    """Return the normalized form of ``raw`` (see the module docstring for the guarantees)."""
    translate, bullets, keep_hyphen, dangling = _tables()
    pattern, replacements = translate
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    cleaned = SPACE_RUN.sub(" ", pattern.sub(lambda match: replacements[match.group()], raw))
    lines = [_clean_line(line, bullets) for line in cleaned.split("\n")]
    wrap_width = _wrap_width(lines)
    paragraphs: list[str] = []
    blank_before: list[bool] = []
    pending_blank = False
    for line in lines:
        if not line:
            pending_blank = True
            continue
        if paragraphs and _continues(paragraphs[-1], line, pending_blank, wrap_width, dangling):
            paragraphs[-1] = _join(paragraphs[-1], line, keep_hyphen)
        else:
            paragraphs.append(line)
            blank_before.append(pending_blank and len(paragraphs) > 1)
        pending_blank = False
    out: list[str] = []
    for paragraph, blank in zip(paragraphs, blank_before):
        if blank:
            out.append("")
        out.append(paragraph)
    return "\n".join(out)


def _clean_line(line: str, bullets: frozenset[str]) -> str:
    line = line.strip()
    if len(line) > 2 and line[1] == " " and line[0] in bullets:
        return "• " + line[2:].lstrip()
    return line


def _wrap_width(lines: list[str]) -> int:
    """The width the source was hard-wrapped at, or 0 when its paragraphs are not hard-wrapped."""
    lengths = sorted(len(line) for line in lines if line)
    if len(lengths) < 8:
        return 0
    width = lengths[int(len(lengths) * 0.9)]
    return width if width <= 160 else 0


def _continues(previous: str, line: str, blank_between: bool, wrap_width: int, dangling: frozenset[str]) -> bool:
    """Whether ``line`` is the wrapped continuation of the paragraph ending in ``previous``."""
    if _is_heading_line(previous):
        return False
    if HEADING_LINE.match(line) and not previous.endswith(",") and previous.rsplit(" ", 1)[-1].lower() not in dangling:
        return False  # "… referred to in\nArticle 5 …" is a wrapped cross-reference, not a heading
    if STRUCTURAL_START.match(line):
        return False
    if line[0] in ".,;:)" and len(line) <= 3:
        return True  # a lone punctuation mark pushed onto its own line
    if TERMINAL_PUNCTUATION.search(previous):
        return False
    if previous.endswith("-") and line[0].islower():
        return True
    if line[0].islower():
        return True
    if previous.rsplit(" ", 1)[-1].lower() in dangling:
        return True
    if blank_between or not wrap_width:
        return False
    return len(previous) >= 0.6 * wrap_width


def _is_heading_line(line: str) -> bool:
    return bool(HEADING_LINE.match(line)) and len(line) < 160


def _join(previous: str, line: str, keep_hyphen: frozenset[str]) -> str:
    if line[0] in ".,;:)" and len(line) <= 3:
        return previous + line
    match = HYPHENATED_END.search(previous)
    if match and line[0].islower():
        if match.group(1).lower() in keep_hyphen:
            return previous + line
        return previous[:-1] + line
    return previous + " " + line
