"""Align two agreements: pair each provision of A with at most one provision of B that says the same thing.

Units are the leaves of each document's provision tree (provisions without children): a container's text
repeats its children's, so pairing containers too would count every commitment twice. A leaf inherits the
heading and, when it has no tags of its own, the categories of its nearest ancestor that has them.

Steps:
1. Normalize each unit's text once (``normalize_text``).
2. Generate candidates: every pair when both agreements are small (``EXHAUSTIVE_PAIRS``); otherwise each
   unit's best partners by shared rare words (an inverted index), plus small category and heading blocks.
3. Score candidates: wording similarity from rapidfuzz (``token_sort_ratio`` by default: best F1 of the four
   scorers on both labelled sets in ``bench/align_accuracy.py``, and it reduces to ``ratio`` over words sorted
   once per unit) plus a bonus for a shared category (smaller for categories common on both sides) and for
   the same or a closely spelled heading, minus a penalty when both units are tagged and share no category.
4. Assign greedily by descending score: take the best remaining pair whose units are both still free.
   Ties break on the refs, sorted, so swapping A and B gives the same pairs. Pairs under ``min_score``
   stay unpaired.
"""
from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable
from itertools import chain
from operator import itemgetter
from dataclasses import dataclass

from rapidfuzz import fuzz

from clauses.models import ClassifiedDocument
from compare.models import AgreementInfo, Alignment, Pair, Relation, Unpaired
from compare.redline import redline_words
from grammar.models import Provision

#: Default pairing threshold, tuned on ``tests/data/align`` (see ``bench/align_accuracy.py``).
DEFAULT_MIN_SCORE = 0.62
#: A shared category lifts a pair this much: differently worded clauses on one subject must still meet.
CATEGORY_BONUS = 0.25
#: Both units are tagged but share no category: the texts likely share words, not meaning.
CATEGORY_CONFLICT_PENALTY = 0.15
#: Same article heading (agreements built on one template number and phrase articles differently).
HEADING_BONUS = 0.2
#: Headings less alike than this (token_sort_ratio / 100: spelling variants, reordered words) earn no heading bonus.
HEADING_MIN_SIMILARITY = 0.85
#: A category shared by at most this many leaves per side (geometric mean) earns the full category bonus.
SPECIFIC_CATEGORY_UNITS = 12
#: Wording at or above this similarity is the same commitment reworded; below it, merely related.
REWORDED_MIN_TEXT_SCORE = 0.75

#: Up to this many unit pairs every pair is scored: exact, and still a few milliseconds.
EXHAUSTIVE_PAIRS = 40_000
#: Per unit, this many best-overlapping partners from the word index become candidates.
CANDIDATES_PER_UNIT = 3
#: A unit is indexed by this many of its rarest words.
SIGNATURE_WORDS = 6
#: A word links units only when the other agreement uses it in at most this many times √(leaves) units.
MOST_FACTOR = 0.5
#: Category or heading blocks up to this many pairs are scored in full.
BLOCK_PAIRS = 400

#: Each scorer as (rapidfuzz function, the unit's text form it reads). ``token_sort_ratio`` is ``ratio`` over
#: the words in sorted order, so the sorted form is computed once per unit rather than once per pair.
SCORERS: dict[str, tuple[Callable[..., float], str]] = {
    "token_set_ratio": (fuzz.token_set_ratio, "norm"),
    "token_sort_ratio": (fuzz.ratio, "sorted_words"),
    "WRatio": (fuzz.WRatio, "norm"),
    "ratio": (fuzz.ratio, "norm"),
}
DEFAULT_SCORER = "token_sort_ratio"

# Enumerators a provision opens with: "1.", "2.4", "(a)", "iv)", "•", "-", "Article 5:".
_LEADING_NUMBERING = re.compile(
    r"^\s*(?:(?:article|art\.|section|paragraph)\s+[\w.-]+\s*[:.)–-]\s*"
    r"|\(?(?:\d+(?:\.\d+)*|[a-z]{1,2}|[ivxlc]+)[.)]\s+|\(\s*[\w.]+\s*\)\s*|[•·▪◦‣*–—-]\s*)+"
)
_NO_CATEGORIES: frozenset[str] = frozenset()
_SECOND = itemgetter(1)
_WORD = re.compile(r"[^\W_]+")


def normalize_text(text: str) -> str:
    """Lowercase, drop leading numbering and punctuation, collapse whitespace: the form every scorer sees.

    >>> normalize_text("  2. (a) Each Party shall,\\n   in accordance with Article III of the GATT 1994, accord…")
    'each party shall in accordance with article iii of the gatt 1994 accord'
    """
    return " ".join(_normalized_words(text))


def _normalized_words(text: str) -> list[str]:
    text = text.lower() if text.isascii() else unicodedata.normalize("NFKC", text).casefold()
    return _WORD.findall(_LEADING_NUMBERING.sub("", text, count=1))


@dataclass(frozen=True, slots=True)
class _Unit:
    provision: Provision
    norm: str
    sorted_words: str
    words: frozenset[str]
    heading: str
    heading_text: str | None
    categories: frozenset[str]


def align_documents(
    a: ClassifiedDocument,
    b: ClassifiedDocument,
    *,
    min_score: float = DEFAULT_MIN_SCORE,
    scorer: str = DEFAULT_SCORER,
    redlines: bool = True,
) -> Alignment:
    """Pair A's provisions one-to-one with B's; pairs scoring under ``min_score`` stay unpaired.

    ``scorer`` names a rapidfuzz scorer in ``SCORERS``; ``redlines=False`` skips the word-level diffs
    (for callers that only need the pairing).
    """
    score_text, form = SCORERS[scorer]
    units_a, units_b = _units(a), _units(b)
    scored = _score_candidates(units_a, units_b, _candidates(units_a, units_b), score_text, form, min_score)
    # Greedy by descending score; ties break on the refs in sorted order so that A↔B and B↔A agree.
    refs_a = [unit.provision.ref for unit in units_a]
    refs_b = [unit.provision.ref for unit in units_b]
    scored.sort(key=lambda row: (-row[0], -row[1], min(refs_a[row[2]], refs_b[row[3]]), max(refs_a[row[2]], refs_b[row[3]])))
    taken_a: set[int] = set()
    taken_b: set[int] = set()
    pairs: list[tuple[float, float, int, int]] = []
    for score, text_score, i, j in scored:
        if i in taken_a or j in taken_b:
            continue
        taken_a.add(i)
        taken_b.add(j)
        pairs.append((score, text_score, i, j))
    pairs.sort(key=lambda row: (row[2], row[3]))
    return Alignment(
        a=agreement_info(a),
        b=agreement_info(b),
        pairs=[_pair(units_a[i], units_b[j], score, text_score, redlines) for score, text_score, i, j in pairs],
        unpaired_a=[_unpaired(unit) for index, unit in enumerate(units_a) if index not in taken_a],
        unpaired_b=[_unpaired(unit) for index, unit in enumerate(units_b) if index not in taken_b],
        min_score=min_score,
        scorer=scorer,
    )


def agreement_info(classified: ClassifiedDocument) -> AgreementInfo:
    """The header facts of one agreement: title, parties, dates, instrument."""
    document = classified.document
    signatories = [party.name for party in document.parties if party.role == "signatory"]
    return AgreementInfo(
        path=document.path,
        title=document.title,
        parties=signatories or [party.name for party in document.parties],
        dates=[f"{event.kind} {event.date}" for event in document.dates],
        instrument=document.instrument,
        genre=document.genre,
        provisions=len(document.provisions),
    )


def leaf_provisions(classified: ClassifiedDocument) -> list[Provision]:
    """The provisions that have no children, in document order: the units alignment and coverage count."""
    parents = {provision.parent for provision in classified.document.provisions}
    return [provision for provision in classified.document.provisions if provision.ref not in parents]


def unit_categories(classified: ClassifiedDocument) -> dict[str, frozenset[str]]:
    """Each provision's categories: its own tags, else those of its nearest tagged ancestor."""
    return _inherited(classified)[1]


def _inherited(classified: ClassifiedDocument) -> tuple[dict[str, str | None], dict[str, frozenset[str]]]:
    """Each provision's heading and categories, its own or else its nearest ancestor's (one pass, parents first)."""
    headings: dict[str, str | None] = {}
    categories: dict[str, frozenset[str]] = {}
    for provision in classified.document.provisions:
        own_tags = classified.tags.get(provision.ref)
        headings[provision.ref] = provision.heading or headings.get(provision.parent)
        categories[provision.ref] = (frozenset(tag.category for tag in own_tags) if own_tags
                                     else categories.get(provision.parent, _NO_CATEGORIES))
    return headings, categories


def _units(classified: ClassifiedDocument) -> list[_Unit]:
    headings, categories = _inherited(classified)
    normalized_headings: dict[str | None, str] = {None: ""}
    units = []
    for leaf in leaf_provisions(classified):
        words = _normalized_words(leaf.text)
        if not words:
            continue
        heading = headings[leaf.ref]
        if heading not in normalized_headings:
            normalized_headings[heading] = normalize_text(heading)
        units.append(_Unit(leaf, " ".join(words), " ".join(sorted(words)), frozenset(words),
                           normalized_headings[heading], heading, categories[leaf.ref]))
    return units


def _candidates(units_a: list[_Unit], units_b: list[_Unit]) -> set[tuple[int, int]]:
    """Index pairs worth scoring: all of them for small agreements, else word-index, category and heading blocks."""
    if len(units_a) * len(units_b) <= EXHAUSTIVE_PAIRS:
        return {(i, j) for i in range(len(units_a)) for j in range(len(units_b))}
    candidates = _shared_rare_words(units_a, units_b)
    for key in (lambda unit: unit.categories, lambda unit: {unit.heading} if unit.heading else set()):
        block_a, block_b = _blocks(units_a, key), _blocks(units_b, key)
        for name in block_a.keys() & block_b.keys():
            if len(block_a[name]) * len(block_b[name]) <= BLOCK_PAIRS:
                candidates.update((i, j) for i in block_a[name] for j in block_b[name])
    return candidates


def _blocks(units: list[_Unit], key: Callable[[_Unit], set[str] | frozenset[str]]) -> dict[str, list[int]]:
    blocks: dict[str, list[int]] = defaultdict(list)
    for index, unit in enumerate(units):
        for name in key(unit):
            blocks[name].append(index)
    return blocks


def _shared_rare_words(units_a: list[_Unit], units_b: list[_Unit]) -> set[tuple[int, int]]:
    """Each unit's best partners on the other side: those sharing most of its rarest words.

    A unit's signature is its ``SIGNATURE_WORDS`` rarest words (by how many units of either agreement use them);
    words used by more than ``most`` units of the other agreement are left out, as they link too many units to
    tell any apart. Counting runs inside ``Counter`` (C), which keeps two 2,000-leaf treaties fast.
    """
    frequency: Counter[str] = Counter()
    for unit in units_a:
        frequency.update(unit.words)
    for unit in units_b:
        frequency.update(unit.words)
    most = max(8, int(MOST_FACTOR * math.sqrt(max(len(units_a), len(units_b)))))
    postings_a, postings_b = _postings(units_a), _postings(units_b)
    linkable_a = {word for word, posting in postings_a.items() if len(posting) <= most}
    linkable_b = {word for word, posting in postings_b.items() if len(posting) <= most}
    candidates: set[tuple[int, int]] = set()
    for index, unit in enumerate(units_a):
        candidates.update((index, other) for other in _best_partners(unit, linkable_b, postings_b, frequency))
    for index, unit in enumerate(units_b):
        candidates.update((other, index) for other in _best_partners(unit, linkable_a, postings_a, frequency))
    return candidates


def _best_partners(unit: _Unit, linkable: set[str], postings: dict[str, list[int]], frequency: Counter[str]) -> list[int]:
    # Sorting by word, then (stably) by frequency, makes ties break the same way in every run.
    signature = sorted(sorted(linkable.intersection(unit.words)), key=frequency.__getitem__)[:SIGNATURE_WORDS]
    shared = Counter(chain.from_iterable(map(postings.__getitem__, signature)))
    best = sorted(shared.items(), key=_SECOND, reverse=True)[:CANDIDATES_PER_UNIT]
    return [other for other, _ in best]


def _postings(units: list[_Unit]) -> dict[str, list[int]]:
    postings: dict[str, list[int]] = defaultdict(list)
    for index, unit in enumerate(units):
        for word in unit.words:
            postings[word].append(index)
    return postings


def _score_candidates(
    units_a: list[_Unit],
    units_b: list[_Unit],
    candidates: set[tuple[int, int]],
    score_text: Callable[..., float],
    form: str,
    min_score: float,
) -> list[tuple[float, float, int, int]]:
    """(pairing score, wording score, i, j) of every candidate reaching ``min_score``; both scores in [0, 1].

    Pairing score = wording similarity + ``CATEGORY_BONUS`` for a shared category (or − ``CATEGORY_CONFLICT_PENALTY``
    when both are tagged and share none) + ``HEADING_BONUS`` for the same heading, capped at 1.
    """
    texts_a = [getattr(unit, form) for unit in units_a]
    texts_b = [getattr(unit, form) for unit in units_b]
    category_bonus = _category_bonuses(units_a, units_b)
    heading_similarity: dict[tuple[str, str], float] = {}
    scored = []
    for i, j in candidates:
        unit_a, unit_b = units_a[i], units_b[j]
        bonus = 0.0
        if unit_a.categories and unit_b.categories:
            shared = unit_a.categories & unit_b.categories
            bonus = max(category_bonus[name] for name in shared) if shared else -CATEGORY_CONFLICT_PENALTY
        if unit_a.heading and unit_b.heading:
            key = (unit_a.heading, unit_b.heading)
            if key not in heading_similarity:
                heading_similarity[key] = _heading_similarity(*key)
            bonus += HEADING_BONUS * heading_similarity[key]
        # The scorer stops early (returning 0) once the wording cannot reach the threshold even with the bonus.
        text_score = score_text(texts_a[i], texts_b[j], score_cutoff=max(0.0, (min_score - bonus) * 100)) / 100
        score = min(1.0, text_score + bonus)
        if text_score and score >= min_score:
            scored.append((score, text_score, i, j))
    return scored


def _category_bonuses(units_a: list[_Unit], units_b: list[_Unit]) -> dict[str, float]:
    """``CATEGORY_BONUS`` per category, shrunk for categories so common on both sides that sharing one says little.

    Up to ``SPECIFIC_CATEGORY_UNITS`` units per side (geometric mean) a shared category earns the full bonus;
    beyond that the bonus falls in proportion (a category on 400 × 300 leaves earns about a twentieth).
    """
    count_a = Counter(name for unit in units_a for name in unit.categories)
    count_b = Counter(name for unit in units_b for name in unit.categories)
    return {
        name: CATEGORY_BONUS * min(1.0, SPECIFIC_CATEGORY_UNITS / math.sqrt(count_a[name] * count_b[name]))
        for name in count_a.keys() & count_b.keys()
    }


def _heading_similarity(heading_a: str, heading_b: str) -> float:
    """1 for the same heading, the similarity for close variants ("anti dumping" ~ "antidumping"), else 0."""
    if heading_a == heading_b:
        return 1.0
    similarity = fuzz.token_sort_ratio(heading_a, heading_b) / 100
    return similarity if similarity >= HEADING_MIN_SIMILARITY else 0.0


def _relation(unit_a: _Unit, unit_b: _Unit, text_score: float) -> Relation:
    if unit_a.norm == unit_b.norm:
        return "same"
    return "reworded" if text_score >= REWORDED_MIN_TEXT_SCORE else "related"


def _pair(unit_a: _Unit, unit_b: _Unit, score: float, text_score: float, redlines: bool) -> Pair:
    a, b = unit_a.provision, unit_b.provision
    relation = _relation(unit_a, unit_b, text_score)
    return Pair(
        a_ref=a.ref,
        b_ref=b.ref,
        a_text=a.text,
        b_text=b.text,
        a_heading=unit_a.heading_text,
        b_heading=unit_b.heading_text,
        score=round(score, 4),
        text_score=round(text_score, 4),
        relation=relation,
        categories=sorted(unit_a.categories & unit_b.categories),
        a_modality=a.modality,
        b_modality=b.modality,
        a_polarity=a.polarity,
        b_polarity=b.polarity,
        redline=redline_words(a.text, b.text) if redlines and relation != "same" else [],
    )


def _unpaired(unit: _Unit) -> Unpaired:
    provision = unit.provision
    return Unpaired(
        ref=provision.ref,
        text=provision.text,
        heading=unit.heading_text,
        categories=sorted(unit.categories),
        modality=provision.modality,
        polarity=provision.polarity,
    )
