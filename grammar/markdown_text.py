"""Read a Markdown document as the plain text it shows, and its YAML front matter as declared metadata.

Agreements and statements arrive as Markdown when someone converted a web page or a PDF (a site's archive of
press releases, a notes folder). Read as plain text, its markup gets in the grammar's way: ``**Section I**``
is no division heading, ``1.  **Securing supply:**`` no numbered paragraph that starts with its words, and an
``<!-- -->`` between two lists a line of content. markdown-it-py (the CommonMark reference port, kept up to
date) parses the blocks and inlines; this module writes back what a reader sees::

    ---                                        front matter: title → declared name, date → published date
    title: "United States \\u2013 Japan Framework"
    date: '2025-10-27'
    ---
    **Section I**                              Section I
                                               (blank line between blocks)
    1.  **Securing supply:**  The Participants 1. Securing supply: The Participants
        are intensifying their efforts         are intensifying their efforts
    <!-- -->                                   (dropped)
    - [MOU](https://…) signed                  • MOU signed

Line breaks inside a paragraph are kept (normalization re-joins wrapped lines, and a heading written on the line
above its text stays a heading); a list item starts with its own marker, a bullet as ``•`` and an ordered item
with the number it is shown with (its list's first number, counted up).
"""
from __future__ import annotations

import re
import string
from dataclasses import dataclass, field

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from grammar.html_text import extract_visible_text

FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
# Front-matter keys that carry the document's name and its publication date, best first.
TITLE_KEYS = ("title", "name")
DATE_KEYS = ("date", "published_time", "published", "date_published")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
STRAY_EMPHASIS = re.compile(r"\*\*|__")
ROMAN = ["", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv", "xvi", "xvii",
         "xviii", "xix", "xx"]


@dataclass(frozen=True)
class MarkdownReading:
    """The text a Markdown document shows, with what its front matter declares."""

    text: str
    declared: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def read_markdown(markup: str) -> MarkdownReading:
    """The document's visible text (see the module docstring) and its front matter's title and date."""
    declared: dict[str, str] = {}
    warnings: list[str] = []
    front = FRONT_MATTER.match(markup)
    if front:
        declared, problem = _front_matter(front.group(1))
        if problem:
            warnings.append(f"Markdown front matter is not valid YAML ({problem}); its fields are ignored")
        markup = markup[front.end():]
    parser = MarkdownIt("commonmark").enable("table")
    return MarkdownReading(text=_Writer().write(parser.parse(markup)), declared=declared, warnings=warnings)


def _front_matter(source: str) -> tuple[dict[str, str], str | None]:
    try:
        fields = yaml.safe_load(source)
    except yaml.YAMLError as error:
        return {}, str(error).split("\n", 1)[0]
    if not isinstance(fields, dict):
        return {}, None
    declared: dict[str, str] = {}
    title = next((fields[key] for key in TITLE_KEYS if isinstance(fields.get(key), str) and fields[key].strip()), None)
    if title:
        declared["name"] = " ".join(title.split())
    for key in DATE_KEYS:
        found = ISO_DATE.match(str(fields.get(key) or ""))
        if found:
            declared["date_published"] = found.group()
            break
    return declared, None


class _Writer:
    """Walks markdown-it's block tokens and writes each block's text on its own lines."""

    def __init__(self) -> None:
        self.blocks: list[str] = []
        self.lists: list[list[int | None]] = []  # per open list: the next item number, None for bullets
        self.marker = ""  # the marker the next paragraph of a list item starts with
        self.row: list[str] | None = None

    def write(self, tokens: list[Token]) -> str:
        for token in tokens:
            self._block(token)
        return "\n\n".join(block for block in self.blocks if block.strip()) + "\n" if self.blocks else ""

    def _block(self, token: Token) -> None:
        kind = token.type
        if kind == "bullet_list_open":
            self.lists.append([None])
        elif kind == "ordered_list_open":
            self.lists.append([int(token.attrGet("start") or 1)])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            self.lists.pop()
        elif kind == "list_item_open":
            self.marker = self._item_marker(token)
        elif kind == "list_item_close":
            self.marker = ""  # an empty item: its number must not land on the next block
        elif kind == "inline" and self.row is not None:
            self.row.append(_inline_text(token.children or []).strip())
        elif kind == "inline":
            self._add(_inline_text(token.children or []))
        elif kind in ("fence", "code_block"):
            self._add(token.content.rstrip("\n"))
        elif kind == "html_block":
            self._add(extract_visible_text(token.content).text)
        elif kind == "tr_open":
            self.row = []
        elif kind == "tr_close" and self.row is not None:
            self._add("  ".join(cell for cell in self.row if cell))
            self.row = None

    def _item_marker(self, token: Token) -> str:
        numbering = self.lists[-1] if self.lists else [None]
        if numbering[0] is None:
            # A bulleted list inside another's item is a nested list: its mark tells grammar/normalize.py so.
            return "◦ " if any(entry[0] is None for entry in self.lists[:-1]) else "• "
        # The number a reader sees: a list counts up from its first number whatever the later items say
        # ("1." before every item is the usual way to let Markdown number them).
        number = numbering[0]
        numbering[0] = number + 1
        depth = sum(1 for entry in self.lists[:-1] if entry[0] is not None)
        return _nested_marker(number, depth) or f"{number}{token.markup or '.'} "

    def _add(self, text: str) -> None:
        if self.marker:
            text, self.marker = self.marker + text, ""
        self.blocks.append(text)


def _nested_marker(number: int, depth: int) -> str | None:
    """The marker of an ordered item inside ``depth`` ordered lists: "(b)" one level down, "(ii)" two levels down.

    On screen the indentation shows that "1. Project selection" belongs to item 2; plain text has no
    indentation, so the item takes the marker of the level below a numbered paragraph instead.
    """
    if depth == 1 and number <= len(string.ascii_lowercase):
        return f"({string.ascii_lowercase[number - 1]}) "
    if depth >= 2 and number < len(ROMAN):
        return f"({ROMAN[number]}) "
    return None


def _inline_text(children: list[Token]) -> str:
    """The text of a block's inline tokens. An ``html_inline`` token is a single tag or comment (the text
    between two tags is a text token of its own), so it gives nothing."""
    parts: list[str] = []
    for child in children:
        kind = child.type
        if kind == "text":
            # "**Ministerial: **" is no emphasis to CommonMark (space before the closing run): its stars stay text.
            parts.append(STRAY_EMPHASIS.sub("", child.content))
        elif kind == "code_inline":
            parts.append(child.content)
        elif kind in ("softbreak", "hardbreak"):
            # Kept: normalization re-joins wrapped lines, and "Article 5\nExport Duties" stays a heading.
            parts.append("\n")
        elif kind == "image":
            parts.append(_inline_text(child.children or []))
    return "".join(parts)
