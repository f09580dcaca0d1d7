"""Parse a ``Source`` into a ``Document``: normalize, set boilerplate aside, run the grammars, read metadata."""
from __future__ import annotations

import re
from collections.abc import Callable, Collection

from grammar.boilerplate import Line, find_boilerplate, split_lines
from grammar.clause import as_instruction, read_clause_shapes, strongest_reading, with_lead_in
from grammar.gc_pause import gc_paused
from grammar.metadata import extract_metadata
from grammar.models import ClauseReading, Document, Provision, Skipped, Source, trusted
from grammar.normalize import normalize_line, normalize_text
from grammar.numbering import ARTICLE_KEYWORD, ARTICLE_NUMBER, KEYWORD_SEPARATOR, NUMBER_WORD, ORDINAL, division_keyword
from grammar.provisions import parse_provisions
from grammar.refs import Draft, name_provisions
from grammar.sentences import split_sentences

# An article or chapter heading line makes a document structured rather than prose.
HEAD_LINE = re.compile(rf"""(?m)^(?i:{ARTICLE_KEYWORD}|{division_keyword("chapter", "part", "section")}){KEYWORD_SEPARATOR}(?i:{ARTICLE_NUMBER}{ORDINAL}?|[ivxlc]{{1,6}}|{NUMBER_WORD})(?!\w)(?:[ :.\-–—]+[A-Z"(][^\n]{{0,150}})?$""")
DATELINE = "byline or dateline"
#: The reading of a provision whose clauses were not read (see ``parse_source``'s ``read_clauses_of``).
UNREAD = ClauseReading()
LEAD_IN_END = re.compile(r"(?:[:—-]|\b(?:including|following|namely|to)|\b(?:the\s+following(?:\s+[a-z]+){0,2}|as\s+follows)\s*\.)\s*$",
                         re.IGNORECASE)
# An entry of a list written without markers: one line with no colon ending as list entries end. An entry ending in a
# semicolon or comma may run long (a preamble's "ACKNOWLEDGING that:" and its clauses); one ending in a full stop is
# short (at most about 300 characters), or it is a paragraph of its own.
# (An entry that opens in lower case may run longer before its full stop: a list whose unmarked entries were joined into one
# paragraph, "the promotion of renewable energies, the promotion of energy-saving and energy efficiency, … networks.")
LIST_ENTRY = re.compile(r"\s*(?:[^\s:](?:[^\n:]{0,1000}?[;,](?:\s+(?:and|or))?|[^\n:]{0,300}?\.)|[a-z][^\n:]{300,1000}?\.)\s*")
# An entry set off by a dash or a bullet character, which no numbered list has: "- employment;", "- labour hygiene;".
DASHED_ENTRY = re.compile(r"\s*[-–—•]\s*\S")
# A lead-in naming what its list holds, in the plural: "… may implement the following programs and activities:". Its
# numbered entries each end in a full stop ("1. Sharing of information on …." / "2. Joint development of …."), where an
# unnumbered entry ending so is a list's last ("HAVE REACHED the following understanding:" leads no list of provisions).
PLURAL_LIST_LEAD_IN = re.compile(r"\bthe\s+following\s+(?:[a-z-]+\s+){0,3}?[a-z-]+s(?:,?\s+(?:inter\s+alia|among\s+others))?\s*:\s*$",
                                 re.IGNORECASE)
NUMBERED_ENTRY = re.compile(r"\s*(\d{1,2})[.)]\s")
# A short title ending in a colon that heads part of a list ("… cooperation across the following domains:" /
# "Semiconductor Supply Chains and Technology:" / bullets / "Biotechnology:" / bullets): its entries read under the lead-in.
LIST_SUBHEADING = re.compile(r"\s*[A-Z][^.;:!?\n]{0,80}:\s*")
# A numbered title heading part of a list, with no colon ("… adopted a Joint Statement, agreeing on:" / "1. Support to
# Ukraine" / bullets / "2. Secure supply chains" / bullets): its entries read under the lead-in too.
NUMBERED_SUBHEADING = re.compile(r"\s*\(?\d{1,2}[.)]\s+[A-Z][^.;:!?\n]{0,80}?\s*")
# A heading naming the list under it as what the parties undertake: "Strong Labor Commitments under the Agreement", "Key
# Obligations".
COMMITMENTS_HEADING = re.compile(r"\b(?:[Cc]ommitments|COMMITMENTS|[Oo]bligations|OBLIGATIONS|[Uu]ndertakings|UNDERTAKINGS)\b")
# The end of a list's sentence run on into its last item: "…; and where the situations referred to above give rise …".
TRAILER_IN_ITEM = re.compile(r"[;,]\s+(and\s+(?:where|if|when)\b.*)", re.DOTALL)


@gc_paused()
def parse_source(source: Source, *, read_clauses_of: Callable[[Document], Collection[str]] | None = None) -> Document:
    """Parse one decoded document; never raises on odd text (a line the grammar cannot place is a paragraph).

    ``read_clauses_of`` is for a caller that needs the clause readings of a few provisions only (``treaty
    compare`` needs those of the tagged ones): it is given the document with every provision unread
    (``UNREAD``: no actor, modality ``none``) and returns the refs to read; the document returned has those
    read exactly as a full parse reads them, and the others left unread. Reading a treaty's clauses is about
    a quarter of the time of parsing and classifying it.
    """
    # The declared headings as the normalized text spells them ("Eaeu’s Bodies" becomes "Eaeu's Bodies" there).
    outline = [entry.model_copy(update={"line": normalize_line(entry.line)}) for entry in source.outline]
    text = normalize_text(source.raw, frozenset(entry.line for entry in outline), blocks=source.format == "html")
    lines = split_lines(text)
    structured = bool(outline) or HEAD_LINE.search(text) is not None
    if outline:
        reasons: dict[int, str] = {}
        title_lines: tuple[int, ...] = ()
    else:
        name = source.declared.get("name")
        verdict = find_boilerplate(lines, prose=not structured,
                                   declared_title=normalize_line(name) if isinstance(name, str) else None)
        reasons, title_lines = verdict.reasons, verdict.title
        if title_lines and name and not verdict.declared:
            # The format names the document (front matter): the lines that looked like a title are content.
            for index in title_lines:
                del reasons[index]
            title_lines = ()
    skipped = _skipped_spans(lines, reasons)
    nodes = parse_provisions(text, skipped_starts=frozenset(lines[i].start for i in reasons), outline=outline)
    drafts = name_provisions(nodes, text, [(span.start, span.end) for span in skipped])
    # A title printed over several lines reads as one: "AGREEMENT" / "BETWEEN …" → "AGREEMENT BETWEEN …".
    title = " ".join(lines[index].text.strip() for index in title_lines) or None
    provisions = _read_clauses(drafts, text, title=title) if read_clauses_of is None \
        else [_provision(draft, text, UNREAD) for draft in drafts]
    # Datelines are set aside from the provisions but still date the document.
    content = [(line.start, line.end) for line in lines if reasons.get(line.index, DATELINE) == DATELINE]
    metadata = extract_metadata(text, content, title=title, declared=dict(source.declared))
    document = Document(
        path=source.path,
        format=source.format,
        layout="structured" if structured else "prose",
        title=metadata.title,
        parties=metadata.parties,
        dates=metadata.dates,
        instrument=metadata.instrument,
        genre=metadata.genre,
        minerals=metadata.minerals,
        text=text,
        provisions=provisions,
        skipped=skipped,
        warnings=list(source.warnings),
    )
    if read_clauses_of is None:
        return document
    wanted = set(read_clauses_of(document))
    return document.model_copy(update={"provisions": _read_clauses(drafts, text, only=wanted, unread=provisions, title=title)})


def _skipped_spans(lines: list[Line], reasons: dict[int, str]) -> list[Skipped]:
    """Consecutive skipped lines with one reason become one span."""
    spans: list[Skipped] = []
    previous: Line | None = None
    for line in lines:
        reason = reasons.get(line.index)
        if reason is None:
            previous = None
            continue
        if previous is not None and spans and spans[-1].reason == reason:
            spans[-1] = Skipped(start=spans[-1].start, end=line.end, reason=reason)
        else:
            spans.append(Skipped(start=line.start, end=line.end, reason=reason))
        previous = line
    return spans


def _read_clauses(drafts: list[Draft], text: str, only: set[str] | None = None,
                  unread: list[Provision] | None = None, title: str | None = None) -> list[Provision]:
    """Attach actor, modality and polarity; items and bullets without a verb take their lead-in's reading, and those
    without a lead-in the commitment their heading (or the document's title) names ("Strong Labor Commitments under
    the Agreement" / "• To adopt and maintain in domestic law the five fundamental labor rights …").

    With ``only``, the provisions whose ref is not in it stay as ``unread`` has them (the drafts' provisions
    with the ``UNREAD`` reading) and their texts are not scanned; the others read as in a full reading:
    every lead-in is still read.
    """
    own_texts = [text[draft.start : draft.lead_end] for draft in drafts]
    lead_in_texts = {draft.ref: _last_sentence(own_text) for draft, own_text in zip(drafts, own_texts)
                     if _may_lead_in(own_text) and LEAD_IN_END.search(own_text[-24:])}
    trailers = _list_trailers(drafts, own_texts)
    # A provision split into sentences reads as its strongest sentence: its own text is not scanned a second time.
    sentences_of: dict[str, list[str]] = {}
    for draft, own_text in zip(drafts, own_texts):
        if draft.kind == "sentence":
            sentences_of.setdefault(draft.parent, []).append(own_text)
    wanted_texts: list[str] = []
    split: list[tuple[str, list[str]]] = []  # a wanted provision's own text and its sentences' texts
    for draft, own_text in zip(drafts, own_texts):
        if only is None or draft.ref in only:
            sentences = sentences_of.get(draft.ref)
            if sentences:
                split.append((own_text, sentences))
            wanted_texts += sentences or [own_text]
    # Repeated texts (recurring headings, "[Reserved]") are read once; one scan covers the whole document.
    distinct = list(dict.fromkeys([*wanted_texts, *lead_in_texts.values(), *trailers.values()]))
    shaped = dict(zip(distinct, read_clause_shapes(distinct)))
    readings = {text: reading for text, (reading, _) in shaped.items()}
    shapes = {text: shape for text, (_, shape) in shaped.items()}
    for own_text, sentences in split:
        readings.setdefault(own_text, strongest_reading([readings[sentence] for sentence in sentences]))
        shapes.setdefault(own_text, tuple(names for sentence in sentences for names in shapes[sentence]))
    lead_ins: dict[str, ClauseReading] = {}
    # A list may also follow its lead-in as a sibling: an article's unnumbered paragraph "… the Parties shall
    # co-operate in the following fields:" and then the article's items (a), (b) …
    sibling_lead_ins: dict[str | None, ClauseReading | None] = {}
    # A list without markers: the paragraphs right after a lead-in that read as its entries ("… will support projects
    # that:" / "Demonstrate responsible stewardship of the natural environment;" / …), and their sentences. A lead-in
    # followed by items or bullets has its list.
    unmarked: dict[str | None, ClauseReading] = {}
    # Holders of an open unmarked list whose lead-in names its entries (PLURAL_LIST_LEAD_IN): the number of its last entry.
    numbered_lists: dict[str | None, int | None] = {}
    # A bullet ending in a colon, followed by lettered items at its own level ("- … commit to supply … that amount of
    # indigenous crude oil … less:" / "(a) the amount contractually committed …" / "(b) domestic consumption;"): its items.
    bullet_lead_ins: dict[str | None, ClauseReading] = {}
    # The lead-in of a list split by sub-headings ("… across the following domains:" / "Biotechnology:" / bullets …): the
    # reading each later sub-heading passes on to its entries, kept past the entries of the one before.
    subheaded_lists: dict[str | None, ClauseReading] = {}
    entries: dict[str, ClauseReading] = {}
    provisions: list[Provision] = []
    parents = {draft.ref: draft.parent for draft in drafts}
    for index, (draft, own_text) in enumerate(zip(drafts, own_texts)):
        introduces = readings[lead_in_texts[draft.ref]] if draft.ref in lead_in_texts else None
        # A list in the middle of its sentence: "Where compliance with Article 7 leads to: (a) re-export …; (b) a serious
        # shortage …; and where the situations referred to above give rise to major difficulties, that Party may take
        # appropriate measures": the words after the list hold the verb its items depend on. (The lead-in holds the
        # list, or is a paragraph whose list follows it as siblings.)
        trailer_text = trailers.get(draft.ref) or (trailers.get(draft.parent) if draft.kind == "paragraph" else None)
        if introduces is not None and introduces.modality_cue is None and trailer_text is not None:
            trailer = readings[trailer_text]
            introduces = trailer if trailer.modality_cue is not None else introduces
        if draft.kind in ("item", "bullet"):
            lead_in = lead_ins.get(draft.parent) or sibling_lead_ins.get(draft.parent) \
                or (bullet_lead_ins.get(draft.parent) if draft.kind == "item" else None)
            if draft.kind == "bullet":
                bullet_lead_ins.pop(draft.parent, None)
                if introduces is not None:
                    bullet_lead_ins[draft.parent] = with_lead_in(introduces, lead_in)
            unmarked.clear()
            if lead_in is not None:
                entries[draft.ref] = lead_in  # its sentences, where it has several, read under its lead-in as it does
        elif draft.parent in entries:
            lead_in = entries[draft.ref] = entries[draft.parent]
        elif draft.parent in lead_ins and draft.kind == "paragraph" and LIST_ENTRY.fullmatch(own_text):
            # The entries of a list without markers held by their lead-in ("1. Disputes shall be settled by:" /
            # "-the interested Parties conduct consultations;" / …), as items would be; the lead-in has its list,
            # so the paragraph after it ("2. Transition to …") is no entry.
            lead_in = entries[draft.ref] = lead_ins[draft.parent]
            unmarked.pop(parents.get(draft.parent), None)
        else:
            lead_in = None
            bullet_lead_ins.pop(draft.parent, None)
            open_list = unmarked.pop(draft.parent, None)
            heading_list = subheaded_lists.pop(draft.parent, None) or open_list
            if heading_list is not None and introduces is not None and introduces.modality_cue is None \
                    and LIST_SUBHEADING.fullmatch(own_text) and len(own_text.split()) <= 10:
                introduces = subheaded_lists[draft.parent] = with_lead_in(introduces, heading_list)
            elif heading_list is not None and introduces is None and _numbered_subheading(draft, own_text, drafts, index):
                # Its bullets read under the list's lead-in; it reads as one of them, and the next title does the same.
                lead_in = entries[draft.ref] = lead_ins[draft.ref] = subheaded_lists[draft.parent] = heading_list
            sibling_lead_ins[draft.parent] = introduces
            if introduces is not None:
                unmarked[draft.parent] = introduces
                if PLURAL_LIST_LEAD_IN.search(lead_in_texts[draft.ref]):
                    numbered_lists[draft.parent] = None
                else:
                    numbered_lists.pop(draft.parent, None)
            elif open_list is not None and draft.kind == "paragraph" and LIST_ENTRY.fullmatch(own_text) \
                    and _next_in_numbered_list(own_text, numbered_lists, draft.parent):
                lead_in = entries[draft.ref] = open_list
                # An entry ending in a full stop is the list's last, unless the list is numbered under a lead-in naming its entries.
                if not own_text.rstrip().endswith(".") or draft.parent in numbered_lists:
                    unmarked[draft.parent] = open_list
        if introduces is not None:
            # A lead-in that is itself an item without a verb passes on the reading it took from its own lead-in:
            # "1. Each Party shall ensure that …: (b) in its purchase of a good: (i) accords …" binds (i) too.
            lead_ins[draft.ref] = with_lead_in(introduces, lead_in)
        if only is not None and draft.ref not in only:
            provisions.append(unread[index])
            continue
        if lead_in is None and draft.kind == "bullet":
            # Its heading stands in for a lead-in, for the bullet and its sentences only: a list nested in it keeps its own.
            lead_in = _heading_lead_in(draft.heading or title)
            if lead_in is not None:
                entries[draft.ref] = lead_in
        own_reading = readings[own_text]
        reading = with_lead_in(own_reading, lead_in, own_text, shapes[own_text]) if lead_in is not None \
            else as_instruction(own_reading, own_text)
        provisions.append(_provision(draft, text, reading))
    return provisions


def _heading_lead_in(heading: str | None) -> ClauseReading | None:
    """The reading a heading gives the list under it when it names what the list holds as commitments or obligations."""
    named = COMMITMENTS_HEADING.search(heading) if heading else None
    return ClauseReading(modality="commitment", modality_cue=named.group()) if named is not None else None


def _numbered_subheading(draft: Draft, own_text: str, drafts: list[Draft], index: int) -> bool:
    """A numbered paragraph that is a short title (``NUMBERED_SUBHEADING``, ten words at most) over entries of its own."""
    return draft.kind == "paragraph" and index + 1 < len(drafts) and drafts[index + 1].parent == draft.ref \
        and NUMBERED_SUBHEADING.fullmatch(own_text) is not None and len(own_text.split()) <= 10


def _next_in_numbered_list(own_text: str, numbered_lists: dict[str | None, int | None], holder: str | None) -> bool:
    """True for a paragraph that may be the next entry of its holder's open list: any paragraph where the list is not a
    numbered one (PLURAL_LIST_LEAD_IN), else one numbered next ("1." … "7. Industries cooperation." and then "2.
    Details on the areas of cooperation listed in paragraph 1 …" goes back to the article's own numbering). Records the
    number; a paragraph that is not the next entry closes the numbered list."""
    if holder not in numbered_lists:
        return True
    number = NUMBERED_ENTRY.match(own_text)
    previous = numbered_lists[holder]
    if number is None and previous is None and DASHED_ENTRY.match(own_text):
        del numbered_lists[holder]  # "… on the following issues:" / "- employment;": a dashed list, not a numbered one
        return True
    # One number may go missing (a scan misreads "3." as ",3"); a number that goes back starts another list.
    if number is None or (previous is not None and not previous < int(number.group(1)) <= previous + 2):
        del numbered_lists[holder]
        return False
    numbered_lists[holder] = int(number.group(1))
    return True


def _list_trailers(drafts: list[Draft], own_texts: list[str]) -> dict[str, str]:
    """The words that end a list's sentence after its items, by the ref of the list's holder: the first sentence of
    its first paragraph after an item that goes on in lower case ("and where …, that Party may take …"), or those words
    inside the last item, where they run on from it on the same line ("(b) a serious shortage …; and where the
    situations referred to above give rise to major difficulties, that Party may take appropriate measures")."""
    trailers: dict[str, str] = {}
    after_items: set[str] = set()
    for draft, own_text in zip(drafts, own_texts):
        if draft.parent is None:
            continue
        if draft.kind == "item":
            after_items.add(draft.parent)
            run_on = TRAILER_IN_ITEM.search(own_text)
            if run_on is not None and draft.parent not in trailers:
                trailers[draft.parent] = _first_sentence(run_on.group(1))
        elif draft.kind == "paragraph" and draft.parent in after_items and draft.parent not in trailers \
                and own_text[:1].islower():
            # Its first sentence only: "… that Party may take appropriate measures … The measures shall be
            # non-discriminatory" goes on about something else.
            trailers[draft.parent] = _first_sentence(own_text)
    return trailers


def _first_sentence(text: str) -> str:
    start, end = split_sentences(text)[0]
    return text[start:end]


def _may_lead_in(own_text: str) -> bool:
    """False for a text ending in a semicolon, or in a full stop that does not close "… the following areas." or "…
    as follows." (a lead-in written with a full stop), which ``LEAD_IN_END`` cannot match: most texts end so, and this
    test costs a tenth of the search it saves."""
    if own_text.endswith("."):
        return "follow" in own_text[-32:]
    return not own_text.endswith(";")


def _provision(draft: Draft, text: str, reading: ClauseReading) -> Provision:
    # Every field is given and comes from the grammar's own checked drafts: validating them cost 8% of a parse.
    return trusted(
        Provision,
        ref=draft.ref,
        kind=draft.kind,
        heading=draft.heading,
        text=text[draft.start : draft.end],
        start=draft.start,
        end=draft.end,
        parent=draft.parent,
        actor=reading.actor,
        modality=reading.modality,
        polarity=reading.polarity,
        modality_cue=reading.modality_cue,
        polarity_cue=reading.polarity_cue,
    )


def _last_sentence(text: str) -> str:
    """The sentence that introduces a list is the last one before its colon."""
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z])", text.strip())
    return parts[-1] if parts else text
