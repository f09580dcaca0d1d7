"""Tag provisions with clause categories: one scan of the compiled vocabulary over the document's text.

The taxonomy's phrases are compiled once per taxonomy (``VocabularyCompiler``): a trie of every form of
every phrase's first word, scanned over the lower-cased text, and, per first word and category, one
expression for the rest of its phrases (inflection, spelling, hyphenation and ``*`` gaps included),
tried only where a first word occurs. The regex ``patterns`` form a second expression. Matches go to the
provision whose own text holds them (a container owns its heading and lead-in, not its children's
text); weights add up per category, and exclusions veto::

    "Neither Party shall impose export duties."  →  export_duties  ('export duties' at 27-40)
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from collections.abc import Iterable
from typing import NamedTuple

from rapidfuzz import fuzz, process

from clauses.short_names import tag_short_names
from clauses.deadline import classification_seconds, time_limit
from clauses.exclusions import Exclusions
from clauses.models import Candidate, Category, ClassifiedDocument, Evidence, Explanation, Tag, Taxonomy
from clauses.ocr import OcrLexicon, Repair
from clauses.patterns import PatternScan, layout_patterns
from clauses.vocabulary import (SCAN_FOLD, Vocabulary, VocabularyCompiler, VocabularyEntry, phrase_variants,
                                vocabulary_words)
from grammar.errors import TimeLimitError
from grammar.clause import read_provision
from grammar.gc_pause import gc_paused
from grammar.models import Document, Provision, trusted
from grammar.normalize import normalize_text
from grammar.trie import trie_regex

#: The owner of the text of a skipped span in ``_own_segments``: no provision.
SKIPPED = "\x00skipped"
#: Headings are short and often OCR-damaged: a heading this similar (fuzz.ratio) to a phrase counts as that phrase.
FUZZY_HEADING_CUTOFF = 90
FUZZY_WEIGHT = 1.0
# A paragraph numbered as a list's entry: "1) To ensure the proper functioning …", "2. To consider …".
NUMBERED_PARAGRAPH = re.compile(r"\s*\(?\d{1,2}[.)]\s")
# A list entry naming only a field of cooperation: at most this many words after its label ("(d) trade and investment;").
FIELD_ENTRY_WORDS = 6
# A lead-in listing fields of cooperation, in its last words: "… shall cooperate in the following areas:", "Cooperation may
# include:", "… may concern the following areas.", "The areas of cooperation shall include:".
FIELDS_LEAD_IN = re.compile(r"(?i)\b(?:co-?operat\w*|collaborat\w*|areas?|fields?|sectors?|spheres?|domains?|priorit\w*)\b[^.;:]*[:.]$")
FIELDS_LEAD_IN_REACH = 200
# How a list's lead-in ends: a colon, or a full stop after "the following areas" ("… may concern the following areas.").
FIELDS_LEAD_IN_END = re.compile(r"(?i)(?::|\bfollowing(?:\s+[a-z-]+){0,3}\s*\.)$")
# An item's or bullet's label at its start: "(k)", "a)", "iv.", "1.", "-", "•".
ENTRY_LABEL = re.compile(r"^\s*(?:\(?(?:[0-9]{1,3}|[a-zA-Z]{1,2}|[ivxlcdm]{1,7})[.)]|[-–•◦▪●*])\s*")


@dataclass
class CompiledTaxonomy:
    """A taxonomy ready to match: two combined regular expressions and the tables to read their matches."""

    taxonomy: Taxonomy
    vocabulary: Vocabulary
    #: The patterns that count in each layout, combined; one expression serves both when none counts in one layout only.
    layout_patterns: dict[str, PatternScan | None]
    pattern_entries: dict[str, VocabularyEntry]
    exclusions: dict[str, Exclusions]
    common_exclusions: Exclusions
    heading_exclusions: Exclusions
    ancestors: dict[str, list[str]]
    #: Plain phrase variants by first letter, sorted by length, for fuzzy heading matching, and their entries.
    heading_choices: dict[str, list[str]] = field(default_factory=dict)
    heading_entries: dict[str, list[VocabularyEntry]] = field(default_factory=dict)
    heading_lengths: dict[str, list[int]] = field(default_factory=dict)
    categories: dict[str, Category] = field(default_factory=dict)
    #: Each category's position in the taxonomy: tags come out in that order.
    order: dict[str, int] = field(default_factory=dict)
    fuzzy_cache: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: The vocabulary's words as OCR damages them, built where a text is first classified (``ocr_lexicon``).
    ocr: OcrLexicon | None = None
    #: Whether some entry counts in one layout only (``VocabularyEntry.layout``): hits are then filtered by layout.
    layout_scoped: bool = False
    #: Each category's ``lead_ins``: a list introduced by a match gives the category to its entries.
    lead_ins: dict[str, list[re.Pattern]] = field(default_factory=dict)
    #: Each category's ``anaphors`` in all their forms, as one expression ("the ban", "such restrictions"), with the forms.
    anaphors: dict[str, tuple[re.Pattern, dict[str, str]]] = field(default_factory=dict)
    #: The categories' ``context`` phrases, compiled as the vocabulary is; None when no category has any.
    context: Vocabulary | None = None
    context_categories: frozenset[str] = frozenset()
    #: Each category's ``context_exclusions``: where one matches, its context phrases give nothing.
    context_exclusions: dict[str, Exclusions] = field(default_factory=dict)
    #: The categories' ``fields`` phrases, compiled as the vocabulary is; None when no category has any.
    fields: Vocabulary | None = None

    def pattern_scan(self, layout: str) -> PatternScan | None:
        return self.layout_patterns[layout]

    def ocr_lexicon(self) -> OcrLexicon:
        if self.ocr is None:
            self.ocr = OcrLexicon(vocabulary_words(self.taxonomy))
        return self.ocr


#: Compiled taxonomies by object and by content: loading the same file twice compiles it once.
_COMPILED: dict[int, tuple[Taxonomy, CompiledTaxonomy]] = {}
_COMPILED_BY_CONTENT: dict[str, CompiledTaxonomy] = {}


def compile_taxonomy(taxonomy: Taxonomy) -> CompiledTaxonomy:
    """Compile the taxonomy's vocabulary once; later calls with the same taxonomy (or an equal one) reuse it."""
    cached = _COMPILED.get(id(taxonomy))
    if cached is not None and cached[0] is taxonomy:
        return cached[1]
    content = taxonomy.model_dump_json(exclude={"source"})
    if content in _COMPILED_BY_CONTENT:
        compiled = _COMPILED_BY_CONTENT[content]
        _COMPILED[id(taxonomy)] = (taxonomy, compiled)
        return compiled
    compiler = VocabularyCompiler(taxonomy.spellings, frozenset(taxonomy.fixed_words))
    heading_entries: dict[str, list[VocabularyEntry]] = {}
    pattern_entries: dict[str, VocabularyEntry] = {}
    pattern_groups: list[tuple[str, str | None]] = []
    for category in taxonomy.categories:
        for phrase in category.phrases:
            text, weight, layout = (phrase, 1.0, None) if isinstance(phrase, str) else (phrase.phrase, phrase.weight, phrase.layout)
            entry = VocabularyEntry(category.id, text, weight, layout=layout)
            compiler.add(text, entry)
            for plain in phrase_variants(text.translate(SCAN_FOLD).replace("=", "")):
                # Headings name things in the plural ("Export Duties"): offer the last word's forms too.
                *head, last = plain.split(" ")
                for form in compiler.forms_of(last) if "*" not in plain else ():
                    heading_entries.setdefault(" ".join([*head, form]), []).append(entry)
        for phrase in category.ignore:
            text, layout = (phrase, None) if isinstance(phrase, str) else (phrase.phrase, phrase.layout)
            compiler.add(text, VocabularyEntry(category.id, text, 0.0, ignore=True, layout=layout))
        for pattern in category.patterns:
            text, weight, layout = (pattern, 1.0, None) if isinstance(pattern, str) else (pattern.pattern, pattern.weight, pattern.layout)
            group = f"p{len(pattern_groups)}"
            pattern_groups.append((f"(?P<{group}>{text})", layout))
            pattern_entries[group] = VocabularyEntry(category.id, text, weight, layout=layout)
    vocabulary = compiler.compile()
    heading_choices: dict[str, list[str]] = {}
    for plain in sorted(heading_entries, key=len):
        heading_choices.setdefault(plain[0], []).append(plain)
    parents = {category.id: category.parent for category in taxonomy.categories}
    ancestors = {}
    for category_id in parents:
        chain, current = [], parents[category_id]
        while current is not None:
            chain.append(current)
            current = parents.get(current)
        ancestors[category_id] = chain
    compiled = CompiledTaxonomy(
        taxonomy=taxonomy,
        vocabulary=vocabulary,
        layout_patterns=layout_patterns(pattern_groups),
        pattern_entries=pattern_entries,
        # Kept apart, not combined: each pattern alone keeps the engine's literal-prefix shortcuts.
        exclusions={c.id: Exclusions.compile(c.exclusions, re.IGNORECASE | re.MULTILINE) for c in taxonomy.categories},
        common_exclusions=Exclusions.compile(taxonomy.common_exclusions, re.IGNORECASE | re.MULTILINE),
        heading_exclusions=Exclusions.compile(taxonomy.heading_exclusions, re.IGNORECASE),
        ancestors=ancestors,
        heading_choices=heading_choices,
        heading_entries=heading_entries,
        heading_lengths={letter: [len(plain) for plain in plains] for letter, plains in heading_choices.items()},
        categories={category.id: category for category in taxonomy.categories},
        order={category.id: index for index, category in enumerate(taxonomy.categories)},
        layout_scoped=any(getattr(item, "layout", None) is not None for category in taxonomy.categories
                          for item in (*category.phrases, *category.patterns, *category.ignore)),
        lead_ins={category.id: [re.compile(pattern, re.IGNORECASE) for pattern in category.lead_ins]
                  for category in taxonomy.categories if category.lead_ins},
        anaphors={category.id: _anaphor_expression(category.anaphors, compiler) for category in taxonomy.categories
                  if category.anaphors},
        context=_phrase_vocabulary(taxonomy, "context"),
        fields=_phrase_vocabulary(taxonomy, "fields"),
        context_categories=frozenset(category.id for category in taxonomy.categories if category.context),
        context_exclusions={category.id: Exclusions.compile(category.context_exclusions, re.IGNORECASE | re.MULTILINE)
                            for category in taxonomy.categories if category.context_exclusions},
    )
    _COMPILED[id(taxonomy)] = (taxonomy, compiled)
    _COMPILED_BY_CONTENT[content] = compiled
    return compiled


# ----------------------------------------------------------------------------- matching

class Hit(NamedTuple):
    start: int
    end: int
    entry: VocabularyEntry
    fuzzy: bool = False


def find_hits(text: str, compiled: CompiledTaxonomy, layout: str = "prose") -> list[Hit]:
    """Every vocabulary match in ``text``, in order of position: one phrase scan and one pattern scan. Entries
    written for the other ``layout`` (``structured`` or ``prose``) are left out."""
    lowered = _lowered(text)
    hits = _scan(text, lowered, compiled, layout)
    repairs = compiled.ocr_lexicon().repairs(lowered)
    if repairs:
        hits = _with_repaired_hits(hits, text, lowered, repairs, compiled, layout)
    if compiled.layout_scoped:
        hits = [hit for hit in hits if hit.entry.layout is None or hit.entry.layout == layout]
    hits.sort(key=lambda hit: hit.start)
    ignored = [hit for hit in hits if hit.entry.ignore]
    if not ignored:
        return hits
    return _without_ignored(hits, ignored)


def _lowered(text: str) -> str:
    lowered = text.lower()
    if len(lowered) != len(text):
        # str.lower can change the length (İ → i̇): lower character by character to keep every offset.
        lowered = "".join(character.lower()[0] for character in text)
    return lowered


def _scan(text: str, lowered: str, compiled: CompiledTaxonomy, layout: str) -> list[Hit]:
    hits = [Hit(start, end, entry) for start, end, entries in compiled.vocabulary.finditer(lowered) for entry in entries]
    patterns = compiled.pattern_scan(layout)
    if patterns is not None:
        hits += [Hit(start, end, compiled.pattern_entries[group]) for start, end, group in patterns.finditer(text, lowered)]
    return hits


def _with_repaired_hits(hits: list[Hit], text: str, lowered: str, repairs: list[Repair], compiled: CompiledTaxonomy,
                        layout: str) -> list[Hit]:
    """``hits`` plus those of the text with its OCR-damaged words repaired: each line holding one is scanned
    again with the words repaired, and its hits on a repaired word join (``fuzzy``), at the damaged word's
    offsets. A shorter hit of the same category inside one of them goes, as the longer match hides it in
    undamaged text."""
    lines: list[tuple[int, int, list[Repair]]] = []
    for repair in repairs:
        if lines and repair.start < lines[-1][1]:
            lines[-1][2].append(repair)
            continue
        start = lowered.rfind("\n", 0, repair.start) + 1
        end = lowered.find("\n", repair.end)
        lines.append((start, len(lowered) if end < 0 else end, [repair]))
    added = [hit for start, end, line_repairs in lines for hit in _line_hits(text, lowered, start, end, line_repairs, compiled, layout)
             if hit.fuzzy]
    # Per category: the repaired hits' starts in order, and the furthest end reached by any starting so far.
    starts: dict[str, list[int]] = {}
    reach: dict[str, list[int]] = {}
    for hit in sorted(added, key=lambda hit: hit.start):
        category = hit.entry.category
        starts.setdefault(category, []).append(hit.start)
        reach.setdefault(category, []).append(max(hit.end, reach[category][-1] if reach.get(category) else 0))
    return [hit for hit in hits if not _inside_one(hit, starts.get(hit.entry.category), reach.get(hit.entry.category))] + added


def _inside_one(hit: Hit, starts: list[int] | None, reach: list[int] | None) -> bool:
    if not starts:
        return False
    index = bisect_right(starts, hit.start) - 1
    return index >= 0 and reach[index] >= hit.end


def _line_hits(text: str, lowered: str, start: int, end: int, repairs: list[Repair], compiled: CompiledTaxonomy,
               layout: str) -> list[Hit]:
    """The hits of ``text[start:end]`` with ``repairs`` made, moved back to ``text``'s offsets."""
    pieces, lowered_pieces = [], []
    #: (start, end) of each repaired word in the repaired line, and (start, end) of the damaged word in ``text``.
    spans: list[tuple[int, int, int, int]] = []
    position, length = start, 0
    for repair in repairs:
        damaged = text[repair.start:repair.end]
        word = repair.word.upper() if damaged.isupper() else repair.word.capitalize() if damaged[:1].isupper() else repair.word
        pieces += [text[position:repair.start], word]
        lowered_pieces += [lowered[position:repair.start], repair.word]
        length += repair.start - position
        spans.append((length, length + len(word), repair.start, repair.end))
        length += len(word)
        position = repair.end
    pieces.append(text[position:end])
    lowered_pieces.append(lowered[position:end])
    repaired_starts = [span[0] for span in spans]

    def moved(offset: int, is_end: bool) -> int:
        index = bisect_right(repaired_starts, offset - 1 if is_end else offset) - 1
        if index < 0:
            return start + offset
        repaired_start, repaired_end, damaged_start, damaged_end = spans[index]
        if offset < repaired_end or (is_end and offset == repaired_end):
            return damaged_end if is_end else damaged_start
        return damaged_end + offset - repaired_end

    def on_a_repair(hit: Hit) -> bool:
        # The repaired words do not overlap: only the last one starting before the hit's end can reach into it.
        index = bisect_left(repaired_starts, hit.end) - 1
        return index >= 0 and spans[index][1] > hit.start

    line_hits = _scan("".join(pieces), "".join(lowered_pieces), compiled, layout)
    return [Hit(moved(hit.start, False), moved(hit.end, True), hit.entry, fuzzy=on_a_repair(hit)) for hit in line_hits]


def _without_ignored(hits: list[Hit], ignored: list[Hit]) -> list[Hit]:
    """The hits outside their category's ignore phrases ("Security Council" hides ``Council``), ignores dropped.

    One sweep in order of start: for each category, the furthest end of the ignore phrases started so far.
    """
    reach: dict[str, int] = {}
    kept = []
    next_ignored = 0
    for hit in hits:
        while next_ignored < len(ignored) and ignored[next_ignored].start <= hit.start:
            span = ignored[next_ignored]
            reach[span.entry.category] = max(reach.get(span.entry.category, -1), span.end)
            next_ignored += 1
        if not hit.entry.ignore and reach.get(hit.entry.category, -1) <= hit.start:
            kept.append(hit)
    return kept


def fuzzy_heading_hits(heading: str, offset: int, compiled: CompiledTaxonomy) -> list[Hit]:
    """A heading close to a phrase (``Export Dutles`` for ``export duties``) when exact matching found nothing."""
    wanted = " ".join(re.findall(r"[^\W\d_]+", heading.lower()))
    if wanted not in compiled.fuzzy_cache:
        # fuzz.ratio ≥ 90 needs lengths within about 20% of each other: compare only phrases that long,
        # and only those with the same first letter (OCR damage rarely hits the first letter of a heading).
        choices = compiled.heading_choices.get(wanted[:1], [])
        lengths = compiled.heading_lengths.get(wanted[:1], [])
        low = bisect_left(lengths, int(len(wanted) * 0.8))
        high = bisect_right(lengths, int(len(wanted) * 1.25) + 1)
        found = process.extractOne(wanted, choices[low:high], scorer=fuzz.ratio, score_cutoff=FUZZY_HEADING_CUTOFF) if wanted else None
        compiled.fuzzy_cache[wanted] = (found[0],) if found else ()
    return [Hit(offset, offset + len(heading), VocabularyEntry(entry.category, "~" + entry.source, entry.weight * FUZZY_WEIGHT), fuzzy=True)
            for plain in compiled.fuzzy_cache[wanted] for entry in compiled.heading_entries[plain]]


class Scored(NamedTuple):
    """A category's verdict on one provision (the light form of ``Candidate``, built per provision)."""

    category: str
    score: float
    evidence: list[Evidence]
    vetoed_by: str | None
    tagged: bool


def score_hits(hits: list[Hit], owner_texts: list[str], headings: list[str], text: str,
               compiled: CompiledTaxonomy, untagged: bool = False) -> list[Scored]:
    """Weigh the hits of one provision per category, apply exclusions, and add implied parent categories.

    A category's total is the sum over its distinct phrases/patterns of their weight; it is given when the
    total reaches the category's threshold, with score ``1 - 0.5 ** (total / threshold)`` (0.5 at the
    threshold, approaching 1 with more evidence). Candidates that fall short are kept only if ``untagged``.
    """
    by_category: dict[str, list[Hit]] = {}
    for hit in hits:
        by_category.setdefault(hit.entry.category, []).append(hit)
    totals: dict[str, float] = {}
    for category_id, category_hits in by_category.items():
        weights: dict[str, float] = {}
        for hit in category_hits:
            weights[hit.entry.source] = max(weights.get(hit.entry.source, 0.0), hit.entry.weight)
        totals[category_id] = sum(weights.values())
    # Exclusions only matter where a category reaches its threshold: skip the searches elsewhere.
    reaching = [c for c, total in totals.items() if total >= compiled.categories[c].threshold]
    veto_common = None
    if reaching:
        veto_common = compiled.common_exclusions.first_veto(owner_texts) or compiled.heading_exclusions.first_veto(headings)
    candidates: dict[str, Scored] = {}
    for category_id, category_hits in by_category.items():
        threshold = compiled.categories[category_id].threshold
        total = totals[category_id]
        if not untagged and category_id not in reaching:
            continue
        evidence = [trusted(Evidence, match=text[hit.start:hit.end], start=hit.start, end=hit.end,
                             pattern=hit.entry.source, score=hit.entry.weight) for hit in category_hits]
        veto = None
        if category_id in reaching:
            veto = veto_common or compiled.exclusions[category_id].first_veto(owner_texts)
        candidates[category_id] = Scored(category_id, round(1 - 0.5 ** (total / threshold), 3), evidence, veto,
                                         total >= threshold and veto is None)
    for candidate in list(candidates.values()):
        if not candidate.tagged:
            continue
        for ancestor in compiled.ancestors[candidate.category]:
            if ancestor not in candidates or not candidates[ancestor].tagged:
                candidates[ancestor] = Scored(ancestor, candidate.score, candidate.evidence, None, True)
    return list(candidates.values())


def _tags(candidates: list[Scored], compiled: CompiledTaxonomy) -> list[Tag]:
    if not any(candidate.tagged for candidate in candidates):
        return []
    order = compiled.order
    tagged = sorted((c for c in candidates if c.tagged), key=lambda c: order[c.category])
    return [trusted(Tag, category=c.category, score=c.score, evidence=c.evidence) for c in tagged]


# ----------------------------------------------------------------------------- documents

@gc_paused()
def classify_document(document: Document, taxonomy: Taxonomy) -> ClassifiedDocument:
    """Tag every provision of ``document`` with the taxonomy's categories, with evidence offsets in ``document.text``.

    A container (an article with paragraphs, a paragraph with items) is classified on its own text: its
    heading and lead-in, not its children's text, which carry their own tags. Raises ``TimeLimitError`` when a
    taxonomy pattern runs past the document's time limit (``clauses.deadline``).
    """
    # Compiling the taxonomy and its OCR lexicon is one-off work (1.5 s here) that a loaded machine can stretch past
    # the limit, which is there for the matching a document's text and a user's patterns control: done first.
    compiled = compile_taxonomy(taxonomy)
    compiled.ocr_lexicon()
    seconds = classification_seconds(len(document.text))
    overrun = TimeLimitError(f"classifying took longer than its {seconds:.1f} s time limit: a pattern of taxonomy "
                             f"{taxonomy.source!r} backtracks on this text", path=document.path)
    with time_limit(seconds, overrun):
        return _tag_document(document, taxonomy, compiled)


def _tag_document(document: Document, taxonomy: Taxonomy, compiled: CompiledTaxonomy) -> ClassifiedDocument:
    text = document.text
    by_ref = {provision.ref: provision for provision in document.provisions}
    # A provision's heading is its own only where its parent's differs: children repeat their article's heading,
    # and that heading's words belong to the article, not to whichever child lies nearest to them.
    own_headings = [_own_heading(provision, by_ref) for provision in document.provisions]
    heading_spans = [_heading_span(provision, text) if own else None for provision, own in zip(document.provisions, own_headings)]
    segments = _own_segments(document, heading_spans)
    hits_by_ref = _by_owner(find_hits(text, compiled, document.layout), segments)
    owner_spans: dict[str, list[tuple[int, int]]] = {}
    for start, end, ref in segments:
        owner_spans.setdefault(ref, []).append((start, end))
    tags: dict[str, list[Tag]] = {}
    for provision, located in zip(document.provisions, heading_spans):
        hits = hits_by_ref.get(provision.ref, [])
        if located is not None and not any(h.start >= located[0] and h.end <= located[1] for h in hits):
            hits = hits + fuzzy_heading_hits(provision.heading, located[0], compiled)
        if not hits:
            continue
        headings = _heading_chain(provision, by_ref)
        owner_texts = [text[start:end] for start, end in owner_spans.get(provision.ref, [])]
        candidates = score_hits(hits, owner_texts, headings, text, compiled)
        provision_tags = _tags(candidates, compiled)
        if provision_tags:
            tags[provision.ref] = provision_tags
    if compiled.lead_ins or compiled.fields is not None:
        _tag_list_entries(document.provisions, owner_spans, text, compiled, tags)
    tag_short_names(document.provisions, owner_spans, text, tags, _context_tag,
                    lambda ref, given: _add_tags(tags, ref, given, compiled))
    if compiled.anaphors and document.layout == "prose":
        _tag_anaphors(document.provisions, owner_spans, text, compiled, tags)
    if compiled.context is not None and document.layout == "prose":
        _tag_in_context(document.provisions, segments, owner_spans, text, compiled, tags, _title_categories(document, compiled))
    return ClassifiedDocument(document=document, tags=tags, taxonomy=taxonomy.source)


def _tag_list_entries(provisions: list[Provision], owner_spans: dict[str, list[tuple[int, int]]], text: str,
                      compiled: CompiledTaxonomy, tags: dict[str, list[Tag]]) -> None:
    """Give each item and bullet the categories its list's lead-in introduces (a category's ``lead_ins``): the entries
    of "The Joint Committee shall: (a) review the implementation …; (b) …" are the Committee's functions.

    The lead-in is the parent's own text right before the entry, ending in a colon, or the paragraph before the entry
    under the same parent, where it is nearer ("Article 1" / "The Contracting Parties shall establish the Joint Committee
    …. It shall undertake the following functions:" / "(a) to exchange views …").

    An entry of a list of the fields of cooperation ("The Parties shall cooperate in the following areas:" / "(k) mining and
    energy;") that only names its field gets the categories whose ``fields`` phrases it holds (``_field_tags``)."""
    introduced: dict[tuple[str, int], list[Tag]] = {}
    lists_fields: dict[tuple[str, int], bool] = {}
    # Each parent's own spans that hold words (not the blank runs between its entries), in order, with their ends.
    worded: dict[str, tuple[list[tuple[int, int]], list[int]]] = {}
    last_paragraph: dict[str, Provision] = {}  # by parent: its latest paragraph child so far
    for provision in provisions:
        numbered = provision.kind == "paragraph" and NUMBERED_PARAGRAPH.match(provision.text) is not None
        if (provision.kind not in ("item", "bullet") and not numbered) or provision.parent is None:
            if provision.kind == "paragraph" and provision.parent is not None:
                last_paragraph[provision.parent] = provision
            continue
        sibling = last_paragraph.get(provision.parent)
        if numbered:
            # A numbered paragraph's lead-in is the unnumbered paragraph before it, never its article's heading; one that has
            # none is a paragraph of the article's own, which may lead the items after it.
            if sibling is None or sibling.end > provision.start or not _ends_as_lead_in(text, sibling):
                last_paragraph[provision.parent] = provision
                continue
            start, end = sibling.start, sibling.end
        else:
            if provision.parent not in worded:
                spans = [span for span in owner_spans.get(provision.parent, []) if not text[span[0]:span[1]].isspace()]
                worded[provision.parent] = spans, [end for _, end in spans]
            spans, ends = worded[provision.parent]
            # The parent's own text right before the entry: the lead-in, or words between lists.
            index = bisect_right(ends, provision.start) - 1
            if sibling is not None and sibling.end <= provision.start and (index < 0 or spans[index][1] <= sibling.start) \
                    and _ends_as_lead_in(text, sibling):
                start, end = sibling.start, sibling.end
            elif index < 0:
                continue
            else:
                start, end = spans[index]
        key = (provision.parent, start)
        if key not in introduced:
            lead_in = text[start:end].rstrip()
            introduced[key] = _introduced_tags(lead_in, start, compiled) if lead_in.endswith(":") else []
            lists_fields[key] = FIELDS_LEAD_IN.search(lead_in[-FIELDS_LEAD_IN_REACH:]) is not None
        given = introduced[key]
        if lists_fields[key] and compiled.fields is not None:
            given = [*given, *_field_tags(provision, owner_spans, text, compiled)]
        _add_tags(tags, provision.ref, given, compiled)


def _ends_as_lead_in(text: str, paragraph: Provision) -> bool:
    """Whether a paragraph ends as a list's lead-in: in a colon, or "… the following areas." (``FIELDS_LEAD_IN_END``)."""
    tail = text[max(paragraph.start, paragraph.end - FIELDS_LEAD_IN_REACH):paragraph.end].rstrip()
    return tail.endswith(":") or (tail.endswith(".") and "ollowing" in tail and FIELDS_LEAD_IN_END.search(tail) is not None)


def _field_tags(entry: Provision, owner_spans: dict[str, list[tuple[int, int]]], text: str,
                compiled: CompiledTaxonomy) -> list[Tag]:
    """The categories whose ``fields`` phrases an entry holds, where it names only its field: at most ``FIELD_ENTRY_WORDS``
    words after its label ("(k) mining and energy;"), and no exclusion vetoes the category there."""
    spans = owner_spans.get(entry.ref, [])
    owner_texts = [text[start:end] for start, end in spans]
    if len(ENTRY_LABEL.sub("", " ".join(owner_texts), count=1).split()) > FIELD_ENTRY_WORDS:
        return []
    hits = [(start + begin, start + finish, found) for start, end in spans
            for begin, finish, entries in compiled.fields.finditer(_lowered(text[start:end])) for found in entries]
    if not hits or compiled.common_exclusions.first_veto(owner_texts):
        return []
    given: dict[str, Tag] = {}
    for begin, finish, found in hits:
        if found.category not in given and not compiled.exclusions[found.category].first_veto(owner_texts):
            given[found.category] = _context_tag(found.category, text[begin:finish], begin, finish, f"field: {found.source}")
    return list(given.values())


def _anaphor_expression(nouns: list[str], compiler: VocabularyCompiler) -> tuple[re.Pattern, dict[str, str]]:
    """"the ban", "this reserve", "such restrictions", "the proposed ban", "China's new restrictions": a determiner or a
    possessive and up to two modifiers, then one of the nouns in any of its forms (each form mapped back to its noun),
    with no complement of its own after it ("the ban on smoking" is another ban)."""
    forms = {form: noun for noun in nouns for form in compiler.forms_of(noun)}
    # (The modifiers are words before the noun, not a phrase it ends nor a verb it follows: "the availability of funds"
    # names no fund, and in "the neighbor might control supplies" control is a verb.)
    return re.compile(rf"\b(?:the|this|that|these|those|such|its|their|[a-z][\w-]*['’]s)\s+(?:(?!(?:of|in|for|to|on|and|or|from|with|by|"
                      rf"might|may|will|would|could|should|can|must|shall|not|also|further)\b)[a-z][\w-]*\s+){{0,2}}?"
                      rf"({trie_regex(forms)})\b(?!\s+(?:on|of|against|for|in|to)\b)", re.IGNORECASE), forms


def _tag_anaphors(provisions: list[Provision], owner_spans: dict[str, list[tuple[int, int]]], text: str,
                  compiled: CompiledTaxonomy, tags: dict[str, list[Tag]]) -> None:
    """In a prose document, a provision that names "the ban" after an earlier one tagged export_duties gets export_duties
    too (a category's ``anaphors``), with the anaphor as its evidence: a report names its measure once and then refers
    back to it by any of its nouns ("China will require export permits for some graphite products" / "China is
    implementing the curbs")."""
    mentioned = dict.fromkeys(compiled.anaphors, False)
    for provision in sorted(provisions, key=lambda provision: provision.start):
        own = tags.get(provision.ref, [])
        given = []
        for category_id, (expression, forms) in compiled.anaphors.items():
            tag = next((tag for tag in own if tag.category == category_id), None)
            if tag is not None:
                mentioned[category_id] = True
                continue
            if not mentioned[category_id]:
                continue
            for start, end in owner_spans.get(provision.ref, []):
                found = next(expression.finditer(text, start, end), None)
                if found is not None:
                    given.append(_context_tag(category_id, found.group(), found.start(), found.end(),
                                              f"anaphor: {forms[found.group(1).lower()]}"))
                    break
        _add_tags(tags, provision.ref, given, compiled)


def _title_categories(document: Document, compiled: CompiledTaxonomy) -> set[str]:
    """The categories of a prose document's headline (set aside as a skipped span), which sets a report's subject too."""
    categories: set[str] = set()
    for span in document.skipped:
        if span.reason != "title":
            continue
        title = document.text[span.start:span.end]
        hits = find_hits(title, compiled, document.layout)
        categories |= {scored.category for scored in score_hits(hits, [title], [], title, compiled) if scored.tagged}
    return categories


def _phrase_vocabulary(taxonomy: Taxonomy, key: str) -> Vocabulary | None:
    """The categories' phrases under ``key`` (``context``, ``fields``), compiled as their phrases are, or None when no
    category has any."""
    if not any(getattr(category, key) for category in taxonomy.categories):
        return None
    compiler = VocabularyCompiler(taxonomy.spellings, frozenset(taxonomy.fixed_words))
    for category in taxonomy.categories:
        for phrase in getattr(category, key):
            compiler.add(phrase, VocabularyEntry(category.id, phrase, 1.0))
    return compiler.compile()


def _tag_in_context(provisions: list[Provision], segments: list[tuple[int, int, str]],
                    owner_spans: dict[str, list[tuple[int, int]]], text: str, compiled: CompiledTaxonomy,
                    tags: dict[str, list[Tag]], title: set[str] = frozenset()) -> None:
    """In a prose document, once its headline (``title``: the headline's categories) or a provision has a category (from
    its own text, a lead-in or an anaphor), a later provision without it gets it from one of the category's ``context``
    phrases, unless an exclusion vetoes it there. Tags given here establish nothing: the subject is set by what a
    report says outright. (``segments``: the document's own-text segments, as ``_own_segments`` gives them.)"""
    with_context = compiled.context_categories
    ordered = sorted(provisions, key=lambda provision: provision.start)
    owns = [{tag.category for tag in tags.get(provision.ref, [])} & with_context for provision in ordered]
    # Most reports never set a subject that has context phrases: only from the first provision that could get one on
    # is the text scanned, once, as for the vocabulary (a scan per provision cost a fifth of classifying a report).
    established = set(title) & with_context
    first = None
    for index, own in enumerate(owns):
        if established - own:
            first = index
            break
        established |= own
    if first is None:
        return
    offset = ordered[first].start
    scanned = compiled.context.finditer(_lowered(text[offset:]))
    hits_by_ref = _by_owner(((begin + offset, end + offset, entries) for begin, end, entries in scanned), segments)
    for provision, own in zip(ordered[first:], owns[first:]):
        wanted = established - own
        established |= own
        if not wanted or provision.ref not in hits_by_ref:
            continue
        owner_texts = [text[start:end] for start, end in owner_spans[provision.ref]]
        given = []
        for begin, end, entries in hits_by_ref[provision.ref]:
            for entry in entries:
                if entry.category not in wanted:
                    continue
                wanted.discard(entry.category)
                context_vetoes = compiled.context_exclusions.get(entry.category)
                if not (compiled.common_exclusions.first_veto(owner_texts)
                        or compiled.exclusions[entry.category].first_veto(owner_texts)
                        or context_vetoes is not None and context_vetoes.first_veto(owner_texts)):
                    given.append(_context_tag(entry.category, text[begin:end], begin, end, f"context: {entry.source}"))
        _add_tags(tags, provision.ref, given, compiled)


def _introduced_tags(lead_in: str, offset: int, compiled: CompiledTaxonomy) -> list[Tag]:
    """The categories a lead-in (at ``offset`` in the document's text) gives its list, each with the first match."""
    tags = []
    for category_id, expressions in compiled.lead_ins.items():
        found = next((match for expression in expressions if (match := expression.search(lead_in))), None)
        if found is not None:
            tags.append(_context_tag(category_id, found.group(), offset + found.start(), offset + found.end(), found.re.pattern))
    return tags


def _context_tag(category_id: str, match: str, start: int, end: int, pattern: str) -> Tag:
    """A tag a provision gets from its context (a list's lead-in, an anaphor, a context phrase), with the text that
    gave it (``match``, at ``start``-``end`` in the document's text) as its one piece of evidence."""
    evidence = trusted(Evidence, match=match, start=start, end=end, pattern=pattern)
    return trusted(Tag, category=category_id, score=1.0, evidence=[evidence])


def _add_tags(tags: dict[str, list[Tag]], ref: str, given: list[Tag], compiled: CompiledTaxonomy) -> None:
    """Add to a provision's tags those of ``given`` whose category it lacks, keeping the taxonomy's order."""
    own = tags.get(ref, [])
    new = [tag for tag in given if all(tag.category != other.category for other in own)]
    if new:
        tags[ref] = sorted([*own, *new], key=lambda tag: compiled.order[tag.category])


def _by_owner(matches: Iterable[tuple], segments: list[tuple[int, int, str]]) -> dict[str, list[tuple]]:
    """Matches (tuples that start with their start and end offsets, as ``Hit`` does) by the ref of the own-text segment
    (``_own_segments``) holding them whole; a match across two segments belongs to neither."""
    starts = [segment[0] for segment in segments]
    by_ref: dict[str, list[tuple]] = {}
    for match in matches:
        index = bisect_right(starts, match[0]) - 1
        if index >= 0 and match[1] <= segments[index][1]:
            by_ref.setdefault(segments[index][2], []).append(match)
    return by_ref


def _own_segments(document: Document, heading_spans: list[tuple[int, int] | None]) -> list[tuple[int, int, str]]:
    """Non-overlapping ``(start, end, ref)`` spans: each character goes to the innermost provision holding it.

    One sweep over the spans sorted by start (longest first), with the open spans on a stack::

        article [0, 100) ⊃ para [10, 50), para [50, 100)  →  (0, 10, article) (10, 50, para 1) (50, 100, para 2)

    A heading outside its provision's span (some parsers keep it apart) becomes a segment of that provision
    when it is found just before the span (``heading_spans``: each provision's, from ``_heading_span``).
    Skipped spans inside a provision (a page's running header between two paragraphs) belong to no provision:
    boilerplate is never classified.
    """
    spans: list[tuple[int, int, str]] = []
    for provision, heading in zip(document.provisions, heading_spans):
        spans.append((provision.start, provision.end, provision.ref))
        if heading is not None and not provision.start <= heading[0] < provision.end:
            spans.append((heading[0], heading[1], provision.ref))
    spans += [(span.start, span.end, SKIPPED) for span in document.skipped]
    spans.sort(key=lambda span: (span[0], -span[1]))
    segments: list[tuple[int, int, str]] = []
    stack: list[tuple[int, str]] = []
    position = 0

    def give(upto: int) -> None:
        nonlocal position
        if stack and upto > position:
            ref = stack[-1][1]
            if segments and segments[-1][2] == ref and segments[-1][1] == position:
                segments[-1] = (segments[-1][0], upto, ref)
            else:
                segments.append((position, upto, ref))
        position = max(position, upto)

    for start, end, ref in spans:
        while stack and stack[-1][0] <= start:
            give(stack[-1][0])
            stack.pop()
        give(start)
        stack.append((end, ref))
    while stack:
        give(stack[-1][0])
        stack.pop()
    return [segment for segment in segments if segment[2] != SKIPPED]


def _with_depth(provisions: list[Provision]) -> list[tuple[int, Provision]]:
    depth: dict[str, int] = {}
    result = []
    for provision in provisions:
        level = depth.get(provision.parent, -1) + 1 if provision.parent is not None else 0
        depth[provision.ref] = level
        result.append((level, provision))
    return result


def _own_heading(provision: Provision, by_ref: dict[str, Provision]) -> bool:
    parent = by_ref.get(provision.parent) if provision.parent else None
    return bool(provision.heading) and (parent is None or parent.heading != provision.heading)


def _heading_span(provision: Provision, text: str) -> tuple[int, int] | None:
    if not provision.heading:
        return None
    inside = text.find(provision.heading, provision.start, provision.end)
    if inside >= 0:
        return inside, inside + len(provision.heading)
    before = text.rfind(provision.heading, max(0, provision.start - len(provision.heading) - 200), provision.start)
    return (before, before + len(provision.heading)) if before >= 0 else None


def _heading_chain(provision: Provision, by_ref: dict[str, Provision]) -> list[str]:
    headings, current = [], provision
    while current is not None:
        if current.heading:
            headings.append(current.heading)
        current = by_ref.get(current.parent) if current.parent else None
    return headings


# ----------------------------------------------------------------------------- one text

def explain_text(text: str, taxonomy: Taxonomy) -> Explanation:
    """Why ``text`` gets its categories: every candidate with evidence, score and veto, plus its clause reading."""
    compiled = compile_taxonomy(taxonomy)
    scored = score_hits(find_hits(text, compiled), [text], [], text, compiled, untagged=True)
    candidates = [Candidate(**candidate._asdict()) for candidate in scored]
    order = {category_id: index for index, category_id in enumerate(taxonomy.ids)}
    candidates.sort(key=lambda candidate: order[candidate.category])
    reading = _read_clause(text)
    return Explanation(text=text, categories=[c.category for c in candidates if c.tagged], candidates=candidates, **reading)


def classify_text(text: str, taxonomy: Taxonomy) -> list[str]:
    """The category ids ``text`` gets on its own, in taxonomy order (what examples and the labelled set test)."""
    compiled = compile_taxonomy(taxonomy)
    return [tag.category for tag in _tags(score_hits(find_hits(text, compiled), [text], [], text, compiled), compiled)]


def _read_clause(text: str) -> dict:
    """The grammar stage's clause reading of ``text`` normalized as a document's text is (wrapped lines joined:
    the clause grammar ends a sentence at a line break), read as a provision without a lead-in."""
    reading = read_provision(normalize_text(text))
    return {"modality": reading.modality, "polarity": reading.polarity, "actor": reading.actor,
            "modality_cue": reading.modality_cue, "polarity_cue": reading.polarity_cue}
