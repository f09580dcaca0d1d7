"""Name provision nodes with stable hierarchical references, in the style lawyers cite them.

Worked examples (the node kinds come from ``grammar/provisions.py``)::

    Chapter TWO                      → Ch. 2
    Article 2.4 › 1. › (b) › (iv)    → Art. 2.4, Art. 2.4(1), Art. 2.4(1)(b), Art. 2.4(1)(b)(iv)
    second unnumbered line of Art. 7 → Art. 7 ¶2
    news paragraph 3, its sentence 2 → ¶3, ¶3.2
    third bullet hanging from ¶4     → ¶4 • 3
    Article 1 of Chapter 2, when several chapters restart at Article 1 → Ch. 2 Art. 1

A reference is unique within its document; if the text itself repeats a number, the later one gets "#2".
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from typing import NamedTuple

from grammar.numbering import value_of_words
from grammar.provisions import MINOR_WORDS, Node, split_head
from grammar.sentences import BOUNDARY, split_sentences

DIVISION_LEVEL = {"part": 1, "chapter": 2, "section": 3}
DIVISION_ABBREVIATION = {"part": "Part", "title": "Title", "chapter": "Ch.", "section": "Sec.", "annex": "Annex",
                         "appendix": "Appendix", "schedule": "Schedule"}
HEADED_KINDS = frozenset({"article", "part", "chapter", "section"})
# The agreement units whose own text is split into sentences where it holds several (prose blocks always are).
SENTENCED_KINDS = frozenset({"line", "paragraph", "item", "bullet", "article"})
# A paragraph's number and an item's letter before its first sentence ("1. a. A Party may …"): never a sentence of its own.
LEADING_LABELS = re.compile(r"\s*(?:\(?(?:\d{1,3}|[a-z]{1,4}|[ivxlc]{1,6})[.)]\s+){1,3}", re.IGNORECASE)
# The first character of an article's body after its head line.
NON_SPACE = re.compile(r"\S")
# Unnumbered lines and prose blocks are paragraphs to the reader.
DRAFT_KIND = {"line": "paragraph", "block": "paragraph"}


class Draft(NamedTuple):
    """A named provision before its clause reading: everything ``Provision`` needs but actor and modality.

    A named tuple: one is built per provision, and a tuple is built several times faster than a frozen dataclass.
    """

    ref: str
    kind: str
    heading: str | None
    start: int
    end: int
    parent: str | None
    #: End of the provision's own text, before its first child.
    lead_end: int




def number_from_words(label: str) -> str:
    """``"TWENTY TWO"`` → ``"22"``; anything else is returned unchanged."""
    value = value_of_words(label)
    return label if value is None else str(value)


def nest_divisions(nodes: list[Node]) -> list[Node]:
    """Put each node under the nearest open division of a higher level (chapters in parts, articles in chapters); an
    agreement's conclusion opened by its closing formula stands at the top, after them all."""
    roots: list[Node] = []
    stack: list[Node] = []
    last_end = 0
    for node in nodes:
        if node.level or node.ends_divisions:
            while stack and (node.ends_divisions or stack[-1].level >= node.level):
                _close_division(stack.pop(), last_end)
        (stack[-1].children if stack else roots).append(node)
        if node.level:
            stack.append(node)
        last_end = node.end
    for division in stack:
        _close_division(division, last_end)
    return roots


def _close_division(division: Node, last_end: int) -> None:
    # Nodes come in document order, so the last one placed while the division was open ends it: one update
    # when it closes instead of one per node for every open division.
    division.end = max(division.end, last_end)


def name_provisions(nodes: list[Node], text: str, skipped: Iterable[tuple[int, int]] = ()) -> list[Draft]:
    """Every provision in document order (parents before children), each with a unique reference.

    ``skipped`` are the ``[start, end)`` spans set aside as boilerplate. One may lie inside a prose paragraph (a page
    number between the halves of a sentence a page break cut): it never decides where a sentence of it ends.
    """
    roots = nest_divisions(nodes)
    repeated = _repeated_kinds(roots)
    namer = _Namer(text, _blanked(text, skipped), qualify_articles="article" in repeated,
                   qualify_divisions=any(kind in repeated for kind in DIVISION_LEVEL))
    for node in roots:
        namer.visit(node, None, None, None, None, 0, None)
    return namer.drafts


def _repeated_kinds(roots: list[Node]) -> set[str]:
    """The kinds (article, part, chapter, section) of which two nodes of one level share a number (chapters that
    restart at Article 1 in each Part), found in one walk over the tree."""
    seen: set[tuple[str, str]] = set()
    repeated: set[str] = set()
    stack = list(roots)
    while stack:
        node = stack.pop()
        if node.label and (node.kind == "article" or node.kind in DIVISION_LEVEL) and node.kind not in repeated:
            # By the level the keyword names: "Chapter 1" and "Annex 1" (a part) are told apart by their refs already.
            key = (node.name if node.level and node.name else node.kind, number_from_words(node.label).lower())
            if key in seen:
                repeated.add(node.kind)
            seen.add(key)
        if node.level:
            stack.extend(node.children)  # articles and divisions only ever hang from divisions
    return repeated


def _blanked(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` with the spans' characters as spaces (offsets kept)."""
    pieces, position = [], 0
    for start, end in sorted(spans):
        pieces += [text[position:start], " " * (end - start)]
        position = end
    return "".join(pieces) + text[position:] if pieces else text


class _Namer:
    def __init__(self, text: str, sentence_text: str, *, qualify_articles: bool, qualify_divisions: bool) -> None:
        self.text = text
        #: The text with its skipped spans blanked, where prose paragraphs are split into sentences.
        self.sentence_text = sentence_text
        #: Where a sentence may end inside the text (``BOUNDARY``), found in one scan for prose paragraphs and agreement
        #: units alike: most of the latter hold one sentence, and a look-up here spares them a scan of their own.
        found = [(match.start(), match.end()) for match in BOUNDARY.finditer(sentence_text)]
        self.boundary_starts = [start for start, _ in found]
        self.boundaries = [end for _, end in found]
        self.qualify_articles = qualify_articles
        self.qualify_divisions = qualify_divisions
        self.drafts: list[Draft] = []
        self.used: dict[str, int] = {}
        self.blocks = 0
        self.top_bullets = 0

    def unique(self, ref: str) -> str:
        count = self.used.get(ref, 0) + 1
        self.used[ref] = count
        return ref if count == 1 else f"{ref} #{count}"

    def visit(self, node: Node, parent: str | None, parent_kind: str | None, heading: str | None, division: str | None,
              position: int, anchor: str | None) -> None:
        kind = node.kind
        ref = self.unique(self.ref_for(node, anchor or parent, parent_kind, division, position))
        own_heading = node.heading if node.heading and kind in HEADED_KINDS else heading
        children = node.children
        if kind == "article" and len(children) == 1 and children[0].kind == "line":
            children = []  # an article of one unnumbered paragraph is that paragraph
        lead_end = node.lead_end if children else node.end
        self.drafts.append(Draft(ref, DRAFT_KIND.get(kind, kind), own_heading, node.start, node.end, parent, lead_end))
        if kind in DIVISION_LEVEL:
            division = ref
        elif kind == "block":
            self.sentences(node, ref, own_heading)
        elif kind in SENTENCED_KINDS:
            self.sentences_of_several(node, ref, own_heading, lead_end)
        if children:
            self.visit_children(node, children, ref, own_heading, division)

    def visit_children(self, node: Node, children: list[Node], ref: str, heading: str | None, division: str | None) -> None:
        counters: dict[str, int] = {}
        labels_seen: set[str] = set()
        latest_line: str | None = None
        anchor: str | None = None
        for child in children:
            counters[child.kind] = counters.get(child.kind, 0) + 1
            if child.kind == "item":
                # A second "(a)" list in one article (a definitions article) hangs from the line that introduces it.
                if child.label in labels_seen and latest_line:
                    anchor = latest_line
                labels_seen.add(child.label)
            self.visit(child, ref, node.kind, heading, division, counters[child.kind], anchor if child.kind == "item" else None)
            if child.kind == "line":
                latest_line, anchor = self.drafts[-1].ref, None

    def sentences(self, node: Node, ref: str, heading: str | None) -> None:
        lead = self.sentence_text[node.start : node.lead_end]
        following = bisect_right(self.boundaries, node.start)
        self.add_sentences(ref, heading, node.start,
                           split_sentences(lead, self.candidates(node.start, node.lead_end, following)))

    def sentences_of_several(self, node: Node, ref: str, heading: str | None, end: int) -> None:
        """The sentences of an agreement's paragraph, item or article, where its own text holds two or more: "4. On the
        request of any Party, … shall consult … . The consulting Parties shall notify …" reads as two provisions, each
        with its own categories and modality. A paragraph's number stays with the first; an article's head and heading lines
        open none (``body_start``)."""
        begin = self.body_start(node, end) if node.kind == "article" else node.start
        following = bisect_right(self.boundaries, begin)
        if following == len(self.boundaries) or self.boundaries[following] >= end:
            return  # one sentence, the common case: no split to make
        label = LEADING_LABELS.match(self.sentence_text, begin, end)
        after_label = label.end() - begin if label else 0
        base = begin + after_label
        following = bisect_right(self.boundaries, base, lo=following)
        if following == len(self.boundaries) or self.boundaries[following] >= end:
            return  # a paragraph's number and one sentence
        spans = [(start + after_label, stop + after_label)
                 for start, stop in split_sentences(self.sentence_text[base:end], self.candidates(base, end, following))]
        if len(spans) < 2:
            return
        spans[0] = (0, spans[0][1])  # the number opens the first sentence
        self.add_sentences(ref, heading, begin, spans)

    def body_start(self, node: Node, end: int) -> int:
        """Where an article's body starts: after its head and heading lines ("Article 5" / "Transparency" / "Each Party
        …"), the body perhaps after a blank line; at the head line itself where that line carries the body ("Article 1
        The Parties hereby establish …", no heading), the number opening the first sentence as a paragraph's does."""
        if node.heading is None and node.label and node.lead_end > node.start \
                and split_head(self.text[node.start : node.lead_end])[2]:
            return node.start
        head_end = node.lead_end if node.lead_end > node.start else self.sentence_text.find("\n", node.start, end)
        body = NON_SPACE.search(self.sentence_text, head_end, end) if head_end >= 0 else None
        return body.start() if body else end

    def candidates(self, base: int, end: int, following: int) -> list[tuple[int, int]]:
        """The boundary candidates of ``sentence_text[base:end]`` as offsets into it, from the document's one scan
        (``following``: the index of the first candidate ending after ``base``). One whose punctuation starts before
        ``base`` (a paragraph number's full stop) is not the text's."""
        last = bisect_right(self.boundaries, end, lo=following)
        return [(self.boundary_starts[index] - base, self.boundaries[index] - base) for index in range(following, last)
                if self.boundary_starts[index] >= base]

    def add_sentences(self, ref: str, heading: str | None, begin: int, spans: list[tuple[int, int]]) -> None:
        for number, (start, end) in enumerate(spans, start=1):
            self.drafts.append(Draft(self.unique(f"{ref}.{number}"), "sentence", heading, begin + start, begin + end,
                                     ref, begin + end))

    def ref_for(self, node: Node, parent: str | None, parent_kind: str | None, division: str | None, position: int) -> str:
        kind = node.kind
        if kind in DIVISION_LEVEL:
            # The head line's keyword as the provision grammar read it ("Capítulo" a chapter, "Chapter TITLE I" a title).
            keyword = split_head(self.text[node.start : node.lead_end])[0]
            abbreviation = DIVISION_ABBREVIATION.get(keyword, DIVISION_ABBREVIATION[kind])
            own = f"{abbreviation} {number_from_words(node.label or '')}".strip()
            return f"{division} {own}" if self.qualify_divisions and division else own
        if kind == "article":
            if node.label:
                # "§ 3" is cited by its sign, as the text numbers it; every other keyword as "Art."
                sign = split_head(self.text[node.start : node.lead_end])[0] == "§"
                name = f"{'§' if sign else 'Art.'} {node.label}"
            else:
                name = _title_case(node.name or node.heading or "Article")
            return f"{division} {name}" if self.qualify_articles and division else name
        if kind == "block":
            if parent is not None and parent_kind in DIVISION_LEVEL:
                return f"{parent} ¶{position}"  # "Section 1: Purpose" / "The purpose of this Framework is …"
            self.blocks += 1
            return f"¶{self.blocks}"
        if kind == "bullet":
            if parent is None or parent_kind in DIVISION_LEVEL:
                self.top_bullets += 1
                return f"{parent + ' ' if parent else ''}• {self.top_bullets}"
            return f"{parent} • {position}"
        if kind == "line":
            return f"{parent} ¶{position}" if parent else f"¶{position}"
        label = f"({node.label})"
        if parent is None:
            return f"Para. {node.label}" if kind == "paragraph" else label
        if parent_kind in DIVISION_LEVEL:
            return f"{parent} Para. {node.label}" if kind == "paragraph" else f"{parent} {label}"
        return f"{parent}{label}"


def _title_case(name: str) -> str:
    """A named unit's ref as a reader would write the title: "AREAS OF COOPERATION" → "Areas of Cooperation"."""
    if not name.isupper():
        return name
    words = name.lower().split()
    return " ".join(word if position and word in MINOR_WORDS else word.capitalize() for position, word in enumerate(words))
