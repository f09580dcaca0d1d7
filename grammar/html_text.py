"""Extract the visible text of an HTML page: the article, without scripts, menus, page chrome or forms.

The tag lists live in ``grammar/data/html.toml``. Rules:

- elements in ``hidden`` (script, style, nav, aside …), elements with a ``hidden`` attribute,
  ``aria-hidden="true"``, ``display:none`` or a chrome ARIA role are dropped with their content;
- ``header``/``footer`` are dropped outside ``<article>``/``<main>`` (site banner) and kept inside (title block);
- a ``<form>`` is dropped unless it holds real text (ASP.NET wraps whole pages in one form);
- a line made almost only of hyperlink text (a menu, a list of related stories) is dropped;
- block elements start a new paragraph (a blank line), ``<br>`` a new line, table cells are tab-separated;
- a cell holding only a list marker shares its line with the next cell, paragraphs inside them or not (EUR-Lex
  sets each definition out as ``<td><p>(a)</p></td><td><p>‘wine’ means …</p></td>``);
- list items get the marker a browser shows (``1.``, ``a.``, ``iv.``, ``•``) unless their text starts with one;
- whitespace collapses to one space except in ``<pre>``; entities are decoded;
- the page's main ``<h1>`` (the first inside ``<main>``/``<article>``, else the first on a page without them) is its
  title, which ``grammar/load.py`` declares: a cookie banner, a skip link or a site's name above it is not the title.

The parser is ``html.parser``: it streams tags to flat handlers, and every state here is a counter or a flag,
so a page nested 100,000 levels deep costs no recursion (open lists and forms are flat stacks).

Worked example::

    >>> extract_visible_text('<nav><a href="/">Home</a></nav><h1>Accord</h1><p>The Parties<br>shall&nbsp;act.</p>').text
    'Accord\\n\\nThe Parties\\nshall\\xa0act.'
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

DATA_FILE = Path(__file__).with_name("data") / "html.toml"
COLLAPSIBLE_SPACE = re.compile(r"[ \t\n\r\f]+")
DOUBLE_SPACE = re.compile(r" {2,}")
HIDING_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
NO_LIST_MARKERS = re.compile(r"list-style(?:-type)?\s*:\s*none", re.IGNORECASE)
# Item text that brings its own marker ("1.", "(a)", "iv)", "•"): a second, generated one would double it.
OWN_MARKER = re.compile(
    r"\s*(?:\(?\d{1,3}[.)]|\(?[A-Za-z][.)]|\([ivxlcdm]{1,6}\)|[ivxlcdm]{1,6}[.)]|[•·▪◦●‣*–-])\s", re.IGNORECASE
)
# A list marker alone in a table cell: "(a)", "1.", "iv)", "—".
BARE_MARKER = re.compile(r"\((?:\d{1,3}|[A-Za-z]{1,2}|[ivxlcdmIVXLCDM]{1,6})\)|(?:\d{1,3}|[A-Za-z]|[ivxlcdm]{1,6})[.)]|[—–•-]")
ROMAN_DIGITS = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
PARAGRAPH, LINE = 2, 1


@dataclass(frozen=True)
class TagRules:
    """The tag lists of ``html.toml`` as sets, plus the two thresholds."""

    hidden: frozenset[str]
    page_chrome: frozenset[str]
    main_content: frozenset[str]
    hidden_roles: frozenset[str]
    blocks: frozenset[str]
    line_breaks: frozenset[str]
    cells: frozenset[str]
    preformatted: frozenset[str]
    void: frozenset[str]
    code: frozenset[str]
    form_content_min_chars: int
    link_line_min_share: float


@lru_cache(maxsize=1)
def tag_rules() -> TagRules:
    with DATA_FILE.open("rb") as handle:
        data = tomllib.load(handle)
    return TagRules(**{key: frozenset(value) if isinstance(value, list) else value for key, value in data.items()})


@dataclass(frozen=True)
class VisibleText:
    """The visible text of a page and how much was dropped as chrome (navigation, link lists, forms)."""

    text: str
    kept_chars: int
    dropped_chars: int
    warnings: list[str] = field(default_factory=list)
    heading: str | None = None  # the page's main <h1>, whitespace collapsed


def extract_visible_text(markup: str) -> VisibleText:
    """Visible text of an HTML page, one paragraph per block element (see the module docstring)."""
    extractor = _VisibleTextExtractor(tag_rules())
    extractor.feed(markup)
    extractor.close()
    return extractor.result()


def list_marker(number: int, style: str) -> str:
    """The marker a browser draws for item ``number`` of ``<ol type=style>``.

    (4, "i") → ``iv.``; (28, "a") → ``ab.``; (3, "A") → ``C.``; (5, "1") → ``5.``
    """
    if style in ("a", "A") and number > 0:
        letters = ""
        while number:
            number, rest = divmod(number - 1, 26)
            letters = chr(ord("a") + rest) + letters
        label = letters
    elif style in ("i", "I") and 0 < number < 4000:
        label = ""
        for value, digits in ROMAN_DIGITS:
            count, number = divmod(number, value)
            label += digits * count
    else:
        label = str(number)
    return (label.upper() if style in ("A", "I") else label) + "."


@dataclass
class _OpenList:
    ordered: bool
    style: str
    shown: bool  # False for list-style: none
    count: int = 0


@dataclass
class _OpenForm:
    out_length: int
    kept_chars: int


class _VisibleTextExtractor(HTMLParser):
    def __init__(self, rules: TagRules) -> None:
        super().__init__(convert_charrefs=True)
        self.rules = rules
        self.out: list[str] = []
        self.line: list[str] = []
        self.line_chars = 0
        self.line_link_chars = 0
        self.line_pre = False  # the line holds <pre> text, whose spaces and line breaks are kept
        self.pending_break = 0
        self.skipping: str | None = None  # tag name of the dropped element we are inside
        self.skip_depth = 0  # how many elements of that name are open inside it
        self.main_depth = 0
        self.pre_depth = 0
        self.in_link = False
        self.forms: list[_OpenForm] = []
        self.lists: list[_OpenList] = []
        self.pending_marker = ""  # the marker of a list item, written before its first words
        self.kept_chars = 0
        self.dropped_chars = 0
        self.heading_parts: list[str] | None = None  # the words of the <h1> being read
        self.main_heading: str | None = None  # the first <h1> inside <main>/<article>
        self.page_heading: str | None = None  # the first <h1> anywhere
        self.has_main = False
        self.row_start = -1  # len(self.out) when the table row opened
        self.marker_cell = False  # the line holds a marker cell's text, waiting for the next cell's words

    # ------------------------------------------------------------------ tags

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skipping:
            self.skip_depth += tag == self.skipping
            return
        if tag not in self.rules.void and self._hides(tag, attrs):
            self.skipping, self.skip_depth = tag, 1
            return
        self._open(tag, attrs)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """``<div/>`` in XHTML: a boundary, never an open element."""
        if not self.skipping:
            self._boundary(tag, opening=True)

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            if tag == self.skipping:
                self.skip_depth -= 1
                if self.skip_depth == 0:
                    self.skipping = None
            return
        if tag == "a":
            self.in_link = False
        elif tag == "h1" and self.heading_parts is not None:
            self._end_heading()
        elif tag in self.rules.main_content:
            self.main_depth = max(self.main_depth - 1, 0)
        elif tag in self.rules.preformatted:
            self.pre_depth = max(self.pre_depth - 1, 0)
        elif tag == "form" and self.forms:
            self._close_form(self.forms.pop())
            return
        if tag in ("li", "ol", "ul"):
            self.pending_marker = ""  # an empty item
            if tag != "li" and self.lists:
                self.lists.pop()
        self._boundary(tag, opening=False)

    def handle_data(self, data: str) -> None:
        chars = len(data) - data.count(" ") - data.count("\n") - data.count("\t")
        if self.skipping:
            if self.skipping not in self.rules.code:
                self.dropped_chars += chars
            return
        if self.pre_depth:
            self.line_pre = True
        else:
            data = COLLAPSIBLE_SPACE.sub(" ", data)
        if chars:
            self.marker_cell = False
        if self.pending_marker and chars:
            if not OWN_MARKER.match(data + " "):
                self.line.append(self.pending_marker + " ")
            self.pending_marker = ""
        self.line.append(data)
        self.line_chars += chars
        if self.heading_parts is not None:
            self.heading_parts.append(data)
        if self.in_link:
            self.line_link_chars += chars

    def close(self) -> None:
        super().close()
        self._flush_line()
        while self.forms:
            self._close_form(self.forms.pop())

    def result(self) -> VisibleText:
        text = "".join(self.out)
        warnings = []
        if self.dropped_chars > self.kept_chars:
            warnings.append(
                f"HTML page is mostly navigation or page chrome: kept {self.kept_chars} characters of text, "
                f"dropped {self.dropped_chars}"
            )
        heading = self.main_heading if self.has_main else self.page_heading
        return VisibleText(text=text, kept_chars=self.kept_chars, dropped_chars=self.dropped_chars, warnings=warnings,
                           heading=heading)

    # ------------------------------------------------------------------ helpers

    def _hides(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        if tag in self.rules.hidden:
            return True
        if tag in self.rules.page_chrome and not self.main_depth:
            return True
        if not attrs:
            return False
        values = {name: (value or "") for name, value in attrs}
        return (
            "hidden" in values
            or values.get("aria-hidden", "").lower() == "true"
            or values.get("role", "").lower() in self.rules.hidden_roles
            or bool(HIDING_STYLE.search(values.get("style", "")))
        )

    def _open(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            href = dict(attrs).get("href") or ""
            # An in-page anchor (#art5) is how legal HTML links headings to its table of contents; a bare "#" is a
            # scripted control (a menu's "Help"), no anchor.
            self.in_link = bool(href) and (not href.startswith("#") or href == "#")
            return
        if tag in self.rules.main_content:
            self.main_depth += 1
            self.has_main = True
        elif tag == "h1" and self.heading_parts is None:
            self.heading_parts = []
        if tag == "form":
            self._break(PARAGRAPH)
            self.forms.append(_OpenForm(out_length=len(self.out), kept_chars=self.kept_chars))
            return
        self._boundary(tag, opening=True)
        if tag in self.rules.preformatted:
            self.pre_depth += 1
        elif tag in ("ol", "ul"):
            values = {name: (value or "") for name, value in attrs}
            start = values.get("start", "1").strip()
            self.lists.append(_OpenList(
                ordered=tag == "ol",
                style=values.get("type", "1"),
                shown=not NO_LIST_MARKERS.search(values.get("style", "")),
                count=int(start) - 1 if start.lstrip("-").isdigit() else 0,
            ))
        elif tag == "li" and self.lists and self.lists[-1].shown:
            self._start_item(self.lists[-1], dict(attrs).get("value") or "")

    def _end_heading(self) -> None:
        heading = " ".join("".join(self.heading_parts or []).split()) or None
        self.heading_parts = None
        if heading is None:
            return
        if self.main_depth and self.main_heading is None:
            self.main_heading = heading
        if self.page_heading is None:
            self.page_heading = heading

    def _start_item(self, open_list: _OpenList, value: str) -> None:
        if not open_list.ordered:
            # A bulleted list inside another's item is a nested list: its mark tells grammar/normalize.py so.
            nested = sum(1 for outer in self.lists[:-1] if not outer.ordered and outer.shown)
            self.pending_marker = "◦" if nested else "•"
            return
        open_list.count = int(value) if value.strip().isdigit() else open_list.count + 1
        self.pending_marker = list_marker(open_list.count, open_list.style)

    def _boundary(self, tag: str, *, opening: bool) -> None:
        if tag in ("tr", "table"):
            self.marker_cell = False  # (a marker cell with no cell after it in its row stays alone)
            self.row_start = len(self.out) if opening else -1
        if tag in self.rules.blocks:
            if not self.marker_cell:
                self._break(PARAGRAPH)
        elif opening and tag in self.rules.cells and not self.line and self._reopen_marker_cell():
            self.line.append("\t")
            self.marker_cell = True
        elif tag in self.rules.line_breaks:
            self._break(LINE)
            if self.heading_parts is not None:
                self.heading_parts.append(" ")
        elif opening and tag in self.rules.cells and self.line_chars:
            self.line.append("\t")

    def _reopen_marker_cell(self) -> bool:
        """Take the row's first cell back onto the open line when it is a lone list marker already written out."""
        written = self.out[self.row_start:] if self.row_start >= 0 else []
        if not written or len(written) > 2 or not BARE_MARKER.fullmatch(written[-1]):
            return False
        marker = self.out.pop()
        separator = self.out.pop() if len(written) == 2 else ""
        self.pending_break = len(separator)
        chars = len(marker)
        self.kept_chars -= chars
        self.line, self.line_chars = [marker], chars
        return True

    def _close_form(self, form: _OpenForm) -> None:
        self._break(PARAGRAPH)
        inside = self.kept_chars - form.kept_chars
        if inside < self.rules.form_content_min_chars:
            del self.out[form.out_length:]
            self.kept_chars = form.kept_chars
            self.dropped_chars += inside

    def _break(self, level: int) -> None:
        self._flush_line()
        self.pending_break = max(self.pending_break, level)

    def _flush_line(self) -> None:
        if not self.line:
            return
        text = "".join(self.line)
        chars, link_chars, pre = self.line_chars, self.line_link_chars, self.line_pre
        self.line, self.line_chars, self.line_link_chars, self.line_pre = [], 0, 0, False
        text = text.strip("\n").rstrip() if pre else DOUBLE_SPACE.sub(" ", text).strip(" \t")
        if not text.strip():
            return
        if link_chars >= self.rules.link_line_min_share * chars:
            self.dropped_chars += chars
            return
        if self.out:
            self.out.append("\n" * max(self.pending_break, LINE))
        self.out.append(text)
        self.pending_break = 0
        self.kept_chars += chars
