"""Read a document's metadata: who makes the agreement and who is only named, its dates, its instrument,
its genre and the minerals it covers.

Only the ``content`` spans count (the parser has already set aside related-story lists, paywalls and
comment forms); the title is read separately. What a structured format declares outright wins.

    >>> text = "Canada and Japan on Thursday agreed to cooperate on lithium, the Canadian government said."
    >>> metadata = extract_metadata(text, [(0, len(text))])
    >>> [(party.code, party.role) for party in metadata.parties], metadata.minerals, metadata.genre
    ([('CAN', 'signatory'), ('JPN', 'signatory')], ['lithium'], 'news_report')

Vocabulary lives beside this module in ``data/countries.toml``, ``data/minerals.toml``,
``data/instruments.toml`` and ``data/dates.toml``; each vocabulary is compiled once into one regex.
"""
from __future__ import annotations

import re
import tomllib
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from itertools import chain
from pathlib import Path

from grammar.numbering import ARTICLE_KEYWORD, division_keyword
from grammar.models import DatedEvent, Metadata, Party
from grammar.trie import trie_regex

DATA_DIR = Path(__file__).with_name("data")


def extract_metadata(text: str, content: list[tuple[int, int]], *, title: str | None = None,
                     declared: dict | None = None) -> Metadata:
    """Metadata of one document: parties with roles, dates, instrument, genre and minerals.

    ``text`` is the normalized text, ``content`` the half-open spans that are real content, ``title`` the
    headline read apart from the content, and ``declared`` what a structured format states outright
    (ToTA ``<meta>``: ``name``, ``date_signed``, ``date_into_force``, ``parties``, ``type``).
    """
    declared = declared or {}
    title = title if title is not None else _declared_text(declared, "name")
    passages = ([_Passage(title, 0, is_title=True)] if title else []) + [
        _Passage(text[start:end], start) for start, end in _merge_spans(content, text)]
    scans = [_scan(passage) for passage in passages]
    # A format that declares parties, dates or a type (ToTA) carries an agreement's own text.
    treaty_record = any(declared.get(key) for key in ("parties", "date_signed", "date_into_force", "type"))
    genre = "legal_text" if treaty_record else _read_genre(text)
    parties, makers, unilateral_actor = _read_parties(scans, declared)
    instrument = _read_instrument(scans, declared, genre, makers, unilateral_actor)
    if instrument == "unilateral_policy" and unilateral_actor and not declared.get("parties"):
        parties = _with_single_signatory(parties, unilateral_actor)
    return Metadata(
        title=title,
        parties=parties,
        dates=_read_dates(text, scans, declared, genre),
        instrument=instrument,
        genre=genre,
        minerals=list(dict.fromkeys(match.value for scan in scans for match in scan.minerals)),
    )


# ============================================================================ passages and vocabularies

@dataclass(frozen=True)
class _Passage:
    """A stretch of text read for metadata: the title, or one content span at ``offset`` in the document."""

    text: str
    offset: int
    is_title: bool = False


@dataclass(frozen=True)
class _Match:
    """A vocabulary phrase found in a passage: ``[start, end)`` within the passage, and what it names."""

    start: int
    end: int
    value: str
    form: str = ""


def _merge_spans(spans: Iterable[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Sorted, clipped content spans, joined where only whitespace parts them.

    Content often comes line by line; a phrase or a sentence may run across lines
    ("THE GOVERNMENT OF THE PEOPLE'S" ⏎ "REPUBLIC OF CHINA"), so spans parted by whitespace alone join:

    >>> _merge_spans([(10, 15), (0, 4), (5, 9), (3, 6)], "abcd efgh|ijkl--mnop")
    [(0, 9), (10, 15)]
    """
    merged: list[list[int]] = []
    for start, end in sorted((max(0, s), min(len(text), e)) for s, e in spans):
        if start >= end:
            continue
        if merged and (start <= merged[-1][1] or not text[merged[-1][1]:start].strip()):
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(start, end) for start, end in merged]


def _declared_text(declared: dict, key: str) -> str | None:
    value = declared.get(key)
    return value.strip() or None if isinstance(value, str) else None


def _load(name: str) -> dict:
    with open(DATA_DIR / name, "rb") as handle:
        return tomllib.load(handle)


def _trie_pattern(phrases: Iterable[str]) -> str:
    """``trie_regex`` of ``phrases`` in which a space stands for any run of whitespace: ToTA texts break
    "Central\n  America" across lines.

    >>> _trie_pattern(["Guinea", "Guinea-Bissau", "Ghana"])
    'G(?:hana|uinea(?:\\\\-Bissau)?)'
    """
    return trie_regex(phrases, space=r"\s+")


def _phrase_regex(phrases: Iterable[str], flags: int = 0) -> re.Pattern[str]:
    """Whole-word matches of any phrase (no letter or digit may touch either end)."""
    return re.compile(r"(?<!\w)(?:" + _trie_pattern(set(phrases)) + r")(?!\w)", flags)


@dataclass(frozen=True)
class _Entry:
    """What a vocabulary phrase names: a party, mineral, instrument, unilateral-policy word or signing verb."""

    category: str
    value: str
    #: party: name, demonym or capital; instrument: generic or specific
    form: str = ""


@dataclass(frozen=True)
class _Lexicon:
    """Every vocabulary as two regexes: phrases with capitals match as written ("US" never matches "us"),
    lowercase phrases match the lowercased text ("Rare-earth", "MEMORANDUM of understanding")."""

    exact: re.Pattern[str]
    folded: re.Pattern[str]
    exact_entries: dict[str, _Entry]
    folded_entries: dict[str, _Entry]
    party_names: dict[str, str]
    #: a dissolved state → the states that succeeded it ("CSK" → CZE, SVK)
    successors: dict[str, frozenset[str]]
    person_names: frozenset[str]
    shouting: frozenset[str]
    #: after a demonym: the rest of a list of languages ("…, French and Ukrainian languages")
    language_list: re.Pattern[str]
    #: before a demonym: a language and a list joiner ("either English or Spanish")
    language_before: re.Pattern[str]


@cache
def _lexicon() -> _Lexicon:
    """Parties, minerals, instruments, policy words and signing verbs as one phrase table, split by case."""
    entries: dict[str, _Entry] = {}
    countries = _load("countries.toml")
    for phrase in countries.pop("not_parties")["phrases"]:
        entries[phrase] = _Entry("blocked", "")
    shouting = frozenset(countries.pop("shouting")["ambiguous"])
    languages = countries.pop("languages")
    for code, entry in countries.items():
        forms = [(entry["name"], "name")] + [(alias, "name") for alias in entry.get("aliases", [])]
        forms += [(word, "demonym") for word in entry.get("demonyms", [])]
        forms += [(city, "capital") for city in entry.get("capitals", [])]
        for phrase, form in forms:
            entries.setdefault(phrase, _Entry("party", code, form))
            # Treaty title pages shout: "THE GOVERNMENT OF THE REPUBLIC OF KOREA".
            if len(phrase) > 3 and not phrase.isupper():
                entries.setdefault(phrase.upper(), _Entry("party", code, form))
    for canonical, entry in _load("minerals.toml").items():
        for phrase in [canonical, *entry.get("variants", [])]:
            entries.setdefault(phrase, _Entry("mineral", canonical))
    instruments = _load("instruments.toml")
    for phrase in instruments["not_instruments"]["phrases"]:
        entries.setdefault(phrase, _Entry("blocked", ""))
    for kind, entry in instruments["kinds"].items():
        for phrase in entry["phrases"]:
            entries.setdefault(phrase, _Entry("instrument", kind, "generic" if entry.get("generic") else "specific"))
    for phrase in instruments["unilateral"]["phrases"]:
        entries.setdefault(phrase, _Entry("unilateral", phrase))
    for phrase in instruments["cues"]["sign_verbs"]:
        entries.setdefault(phrase, _Entry("signing", phrase))
    for phrase in _load("dates.toml")["upon_signature"]["phrases"]:
        entries.setdefault(phrase, _Entry("upon_signature", phrase))
    exact = {phrase: entry for phrase, entry in entries.items() if phrase != phrase.lower()}
    folded = {phrase: entry for phrase, entry in entries.items() if phrase == phrase.lower()}
    return _Lexicon(
        # No lookaround: a lookbehind would stop the regex engine from skipping ahead to possible first
        # letters (tens of milliseconds on a 0.5 MB treaty), and a lookahead would let "US$" fall back to
        # "US". ``_scan`` checks both edges.
        exact=re.compile("(?:" + _trie_pattern(exact) + ")"),
        # The leading non-letter lets the engine skip ahead to word starts; it is stripped from each match.
        folded=re.compile("[^a-z0-9_](?:" + _trie_pattern(folded) + r")(?![a-z0-9_])"),
        exact_entries=exact,
        folded_entries=folded,
        party_names={code: entry["name"] for code, entry in countries.items()},
        successors={code: frozenset(entry["succeeded_by"]) for code, entry in countries.items() if "succeeded_by" in entry},
        person_names=frozenset(entry["name"] for entry in countries.values() if entry.get("person_name")),
        shouting=shouting,
        language_list=re.compile(
            r"(?:\s*(?:,|and|or)\s*(?:the\s+)?[A-Z][\w-]*)*\s+(?:" + _trie_pattern(languages["nouns"]) + r")(?!\w)"
            r"|(?:\s*(?:,|and|or)\s*)+(?:" + _trie_pattern(languages["beside"]) + r")(?!\w)"),
        language_before=re.compile(
            r"(?<!\w)(?:" + _trie_pattern(languages["beside"]) + r")(?:\s*(?:,|and|or)\s*)+$"),
    )


@dataclass(frozen=True)
class _Scan:
    """What one passage holds, each list in reading order."""

    passage: _Passage
    parties: list[_Match]
    minerals: list[_Match]
    instruments: list[_Match]
    signing: list[_Match]
    unilateral: int
    #: "entered into force immediately upon signature"
    in_force_on_signature: bool


def _scan(passage: _Passage) -> _Scan:
    """Find every vocabulary phrase in a passage with two regex passes (case-sensitive, then lowercased).

    >>> scan = _scan(_Passage("Tokyo and Ottawa signed a MoC on rare-earth minerals in Ottawa.", 0))
    >>> [m.value for m in scan.parties], [m.value for m in scan.instruments], [m.value for m in scan.minerals]
    (['JPN', 'CAN'], ['memorandum'], ['rare earths'])
    """
    lexicon = _lexicon()
    text = passage.text
    found: dict[str, list[_Match]] = {category: [] for category in
                                      ("party", "mineral", "instrument", "signing", "unilateral", "upon_signature")}
    for hit in lexicon.exact.finditer(text):
        start, end = hit.start(), hit.end()
        if _inside_word(text, start - 1) or (_inside_word(text, end - 1) and _inside_word(text, end)):
            continue
        entry = lexicon.exact_entries[_single_spaced(hit.group())]
        if entry.category == "party" and not _is_party_reading(text, hit, entry.form, lexicon):
            continue
        if entry.category != "blocked":
            found[entry.category].append(_Match(start, end, entry.value, entry.form))
    folded = _fold(text)
    for hit in lexicon.folded.finditer(" " + folded):
        start, end = hit.start(), hit.end() - 1           # shift back past the leading character
        entry = lexicon.folded_entries[_single_spaced(hit.group()[1:])]
        if entry.category == "mineral" and text[start:end].isupper() and end - start <= 3:
            continue                                       # "TIN" is a taxpayer identification number
        if entry.category != "blocked":
            found[entry.category].append(_Match(start, end, entry.value, entry.form))
    ordered = {category: sorted(matches, key=lambda m: m.start) for category, matches in found.items()}
    return _Scan(passage, ordered["party"], ordered["mineral"], ordered["instrument"], ordered["signing"],
                 len(ordered["unilateral"]), bool(ordered["upon_signature"]))


def _inside_word(text: str, index: int) -> bool:
    return 0 <= index < len(text) and (text[index].isalnum() or text[index] == "_")


def _single_spaced(phrase: str) -> str:
    return phrase if "  " not in phrase and "\n" not in phrase and "\t" not in phrase else " ".join(phrase.split())


def _fold(text: str) -> str:
    """Lowercase ``text`` keeping every offset (``"İ".lower()`` has two characters; such letters stay)."""
    folded = text.lower()
    if len(folded) == len(text):
        return folded
    return "".join(char.lower() if len(char.lower()) == 1 else char for char in text)


def _find_parties(text: str) -> list[_Match]:
    """Party mentions in ``text``: names, abbreviations and demonyms, and capitals acting as governments.

    >>> [(m.value, m.form) for m in _find_parties("Tokyo and Ottawa signed it in Ottawa; LET US KNOW, says US.")]
    [('JPN', 'capital'), ('CAN', 'capital'), ('USA', 'name')]
    """
    return _scan(_Passage(text, 0)).parties


_NEXT_WORD_CAPITALIZED = re.compile(r"\s+[A-Z][a-z]")
_CAPITAL_ACTS = re.compile(r"['’]s(?!\w)|\s+[a-z]")
_PREVIOUS_WORD = re.compile(r"(\w+)\W*$")
_NEXT_WORD = re.compile(r"\W*(\w+)")


def _is_party_reading(text: str, hit: re.Match[str], form: str, countries: _Lexicon) -> bool:
    """Whether a matched phrase names the party here, not a person, a place or a shouted English word."""
    phrase, start, end = hit.group(), hit.start(), hit.end()
    if phrase in countries.shouting:
        # "LET US KNOW": a neighbouring word in capitals too means English in capitals, not the United States.
        previous = _PREVIOUS_WORD.search(text, max(0, start - 30), start)
        following = _NEXT_WORD.match(text, end)
        if any(word and len(word.group(1)) > 1 and word.group(1).isupper() for word in (previous, following)):
            return False
    if phrase in countries.person_names and _NEXT_WORD_CAPITALIZED.match(text, end):
        return False
    if form == "demonym" and (countries.language_list.match(text, end)
                              or countries.language_before.search(text, max(0, start - 30), start)):
        return False
    if form == "capital":
        # "OTTAWA, Sept 21 (Reuters)" is a dateline and "a visit to Tokyo" a place; "Tokyo looks to …" a government.
        if phrase.isupper() or not _CAPITAL_ACTS.match(text, end):
            return False
        previous = _PREVIOUS_WORD.search(text, max(0, start - 30), start)
        if previous and previous.group(1).lower() in _cues().place_prepositions:
            return False
    return True


# ============================================================================ parties: roles

@dataclass(frozen=True)
class _Cues:
    """The words that tell who makes an instrument, compiled once from ``instruments.toml`` ``[cues]``."""

    commit_verbs: re.Pattern[str]
    sign_verbs: re.Pattern[str]
    partner_nouns: re.Pattern[str]
    subject_bridge: frozenset[str]
    partner_bridge: frozenset[str]
    company_markers: frozenset[str]
    place_prepositions: frozenset[str]
    list_markers: frozenset[str]
    party_clauses: re.Pattern[str]
    passive_signing: re.Pattern[str]
    abbreviations: frozenset[str]
    line_continuations: frozenset[str]
    #: what follows a state acting by itself: a verb, maybe after its government ("'s trade ministry will")
    acts_next: re.Pattern[str]


@cache
def _cues() -> _Cues:
    cues = _load("instruments.toml")["cues"]
    return _Cues(
        commit_verbs=_phrase_regex(cues["commit_verbs"], re.IGNORECASE),
        sign_verbs=_phrase_regex(cues["sign_verbs"], re.IGNORECASE),
        partner_nouns=_phrase_regex(cues["partner_nouns"]),
        subject_bridge=frozenset(cues["subject_bridge"]),
        partner_bridge=frozenset(cues["partner_bridge"]),
        company_markers=frozenset(cues["company_markers"]),
        place_prepositions=frozenset(cues["place_prepositions"]),
        list_markers=frozenset(cues["list_markers"]),
        party_clauses=_phrase_regex(cues["party_clauses"]),
        passive_signing=_phrase_regex(cues["passive_signing"], re.IGNORECASE),
        abbreviations=frozenset(cues["abbreviations"]),
        line_continuations=frozenset(cues["line_continuations"]),
        # "Japan will", "Tokyo's trade ministry said", "The U.S. Commerce Department on Friday added".
        acts_next=re.compile(r"(?:['’]s)?(?:(?:\s+[A-Z][\w.-]*){0,3}?\s+(?:" + _trie_pattern(cues["government_nouns"])
                             + r")(?:\s+of(?:\s+[A-Z][\w-]*)+)?)?(?:\s+on\s+[A-Z]\w+day)?"
                             r"\s+(?!and\b|or\b|nor\b)[a-z]"),
    )


@dataclass(frozen=True)
class _Token:
    """A word of a sentence at ``[start, end)``; a party mention is one token with its ``code``."""

    text: str
    start: int
    end: int
    code: str = ""


_WORD = re.compile(r"['’]s(?!\w)|[^\W\d_][\w'’.-]*|\d+|\S")
#: Tokens that may stand inside a list of parties or a title-and-name chain.
_JOINERS = frozenset({",", "(", ")", "-", "–", "—", "’", "'", "'s", "’s", "“", "”", '"', "&", "/"})


def _tokens(sentence: str, mentions: list[_Match]) -> list[_Token]:
    """Words of a sentence, with each party mention as one token carrying its code.

    >>> [(t.text, t.code) for t in _tokens("Japan’s envoy met", [_Match(0, 5, "JPN")])]
    [('Japan', 'JPN'), ('’s', ''), ('envoy', ''), ('met', '')]
    """
    tokens, position = [], 0
    for mention in mentions:
        tokens += [_Token(w.group(), w.start(), w.end()) for w in _WORD.finditer(sentence, position, mention.start)]
        tokens.append(_Token(sentence[mention.start:mention.end], mention.start, mention.end, mention.value))
        position = mention.end
    tokens += [_Token(w.group(), w.start(), w.end()) for w in _WORD.finditer(sentence, position)]
    return tokens


def _chain(tokens: list[_Token], indices: Iterable[int], bridge: frozenset[str]) -> tuple[list[str], int]:
    """Party codes along a chain of parties, titles, names and bridge words; and the index where it broke.

    A company marker inside the chain ("South Korea's Solus Advanced Materials") means a company acts,
    not a state: no codes then.
    """
    codes, stop = [], -1
    cues = _cues()
    for count, index in enumerate(indices):
        token = tokens[index]
        if count > 60:  # a long list of signatories ("released by the Governments of A, B, … and the European Union")
            break
        if token.code:
            codes.append(token.code)
        elif token.text in cues.company_markers:
            return [], index
        elif token.text[0].isupper() or token.text.lower() in bridge or token.text in _JOINERS:
            continue
        else:
            stop = index
            break
    return codes, stop


def _is_list_of_examples(tokens: list[_Token], stop: int) -> bool:
    """Whether the chain begins right after "such as", "including", "members" …: examples, not makers."""
    if stop < 0:
        return False
    words = [tokens[i].text.lower() for i in range(max(0, stop - 1), stop + 1)]
    return words[-1] in _cues().list_markers or " ".join(words) in _cues().list_markers


def _makers_in_sentence(sentence: str, mentions: list[_Match], instruments: list[_Match]) -> list[str]:
    """Codes of the parties a sentence presents as making the commitment.

    Subjects of commitment verbs ("Canada and Japan on Thursday agreed"), subjects of signing an
    instrument ("the leaders of Japan and Peru will sign a joint statement"), partners after "with"
    ("cooperation … with Japan and Canada"), parties "between X and Y" of an instrument, pairs naming an
    instrument ("US-Japan Trade Agreement") and the parties a legal text introduces ("…, hereinafter").
    """
    if _PREAMBLE_SUBJECT.match(sentence) and sentence.rstrip().endswith(","):
        # A preamble opens with its makers and leaves them to "HAVE AGREED": "The Governments of Brunei Darussalam,
        # …, Member States of ASEAN, and the Republic of India,". An aside in brackets ("India") names no one new.
        return [mention.value for mention in mentions if not _in_brackets(sentence, mention.start)]
    cues = _cues()
    has_partner_noun = cues.partner_nouns.search(sentence) is not None
    subject_cues = [verb.start() for verb in cues.commit_verbs.finditer(sentence)]
    subject_cues += [verb.start() for verb in cues.sign_verbs.finditer(sentence)
                     if _instrument_after(sentence, verb.end(), instruments)]
    subject_cues += [clause.start() for clause in cues.party_clauses.finditer(sentence)]
    partner_cues = [after.end() for noun in cues.partner_nouns.finditer(sentence)
                    if (after := _WITH.match(sentence, noun.end()))] if has_partner_noun else []
    if instruments or has_partner_noun:
        partner_cues += [between.end() for between in _BETWEEN.finditer(sentence)]
    partner_cues += [passive.end() for passive in cues.passive_signing.finditer(sentence)]
    makers = _instrument_pairs(sentence, mentions) if instruments or has_partner_noun else []
    if not subject_cues and not partner_cues:
        return makers
    tokens = _tokens(sentence, mentions)
    starts = [token.start for token in tokens]
    for position in subject_cues:
        index = bisect_left(starts, position)
        codes, stop = _chain(tokens, range(index - 1, -1, -1), cues.subject_bridge)
        makers += [] if _is_list_of_examples(tokens, stop) else codes
    for position in partner_cues:
        index = bisect_left(starts, position)
        makers += _chain(tokens, range(index, len(tokens)), cues.partner_bridge)[0]
    return makers


_PREAMBLE_SUBJECT = re.compile(r"\s*(?:The|THE)\s+(?:Governments?|GOVERNMENTS?)\s+(?:of|OF)\s")


def _in_brackets(text: str, position: int) -> bool:
    return text.rfind("(", 0, position) > text.rfind(")", 0, position)


_WITH = re.compile(r"[^.;!?]{0,60}?\bwith\s+")
_BETWEEN = re.compile(r"\b(?:between|entre)\s+", re.IGNORECASE)
_PAIR_JOINER = re.compile(r"\s?[-–/]\s?")
_INSTRUMENT_GAP = re.compile(r"(?:\W+\w+){0,5}?\W+$")


def _instrument_after(text: str, position: int, instruments: list[_Match]) -> _Match | None:
    """The instrument named within five words after ``position`` ("signed a memorandum of cooperation")."""
    index = bisect_left(instruments, position, key=_start_of)
    if index == len(instruments):
        return None
    gap = text[position:instruments[index].start]
    if gap and (_INSTRUMENT_GAP.fullmatch(gap) is None or any(char in gap for char in ".;!?")):
        return None
    return instruments[index]


def _instrument_pairs(sentence: str, mentions: list[_Match]) -> list[str]:
    """Parties joined by a hyphen before an instrument or talks: "the US-Japan Trade Agreement"."""
    codes = []
    for first, second in zip(mentions, mentions[1:]):
        if _PAIR_JOINER.fullmatch(sentence[first.end:second.start]) and first.value != second.value:
            tail = sentence[second.end:second.end + 60]
            if _scan(_Passage(tail, 0)).instruments or _cues().partner_nouns.search(tail):
                codes += [first.value, second.value]
    return codes


_SENTENCE_END = re.compile(r"[.!?;][\"”’')\]]*(?=\s)|\n")


def _sentences(passage: _Passage, mentions: list[_Match]) -> Iterator[tuple[int, int]]:
    """``[start, end)`` of each sentence in a passage that holds a party mention (a title is one sentence).

    A dot ends a sentence unless it closes a party's abbreviation ("the U.S. and the EU"), a listed
    abbreviation ("Nov. 15", "Corp. in order to") or an initial ("J. Smith").
    """
    text = passage.text
    if passage.is_title:
        if mentions:
            yield 0, len(text)
        return
    mention_ends = {mention.end for mention in mentions}
    # A name may itself hold a line break or a dot ("PEOPLE'S⏎REPUBLIC OF CHINA", "U.S."): no boundary there.
    inside = {index for mention in mentions for index in range(mention.start, mention.end - 1)}
    covered = 0
    for mention in mentions:
        if mention.start < covered:
            continue
        start = max(covered, mention.start - 1500)
        for boundary in reversed(list(_SENTENCE_END.finditer(text, start, mention.start))):
            if _ends_sentence(text, boundary, mention_ends, inside):
                start = boundary.end()
                break
        end = len(text)
        for boundary in _SENTENCE_END.finditer(text, mention.start):
            if _ends_sentence(text, boundary, mention_ends, inside):
                end = boundary.end()
                break
        yield start, end
        covered = end


def _ends_sentence(text: str, boundary: re.Match[str], mention_ends: set[int], inside: set[int]) -> bool:
    if boundary.start() in inside:
        return False
    if boundary.group() == "\n":
        # Sources keep their line breaks: a line ending in "OF" or going on in lowercase runs on.
        word = _PREVIOUS_WORD.search(text, max(0, boundary.start() - 20), boundary.start())
        following = _NEXT_WORD.match(text, boundary.end())
        return not ((word and word.group(1).lower() in _cues().line_continuations)
                    or (following and following.group(1)[0].islower()))
    if boundary.group()[0] != ".":
        return True
    if boundary.start() + 1 in mention_ends:
        return False
    word = _PREVIOUS_WORD.search(text, max(0, boundary.start() - 20), boundary.start())
    return not word or (word.group(1) not in _cues().abbreviations and len(word.group(1)) > 1)


def _read_parties(scans: list[_Scan], declared: dict) -> tuple[list[Party], int, str | None]:
    """Parties in first-appearance order, signatories first; how many makers the sentences show; and the
    state most often acting alone.

    Declared parties are the signatories outright (plus any party the declared name adds); otherwise the
    sentences decide (see ``_makers_in_sentence``), falling back on the parties a title names.
    """
    makers: list[str] = []
    acting: Counter[str] = Counter()
    declared_codes = _declared_parties(declared)
    for scan in scans if not declared_codes else []:
        text = scan.passage.text
        for start, end in _sentences(scan.passage, scan.parties):
            local = _within(scan.parties, start, end)
            sentence = text[start:end]
            makers += _makers_in_sentence(sentence, local, _within(scan.instruments, start, end))
            for code in _acting_subjects(sentence, local):
                acting[code] += 2 if scan.passage.is_title else 1
        makers += _signature_block_parties(scan)
    order = list(dict.fromkeys(match.value for scan in scans for match in scan.parties))
    if declared_codes:
        signatories = declared_codes + [code for code in _declared_name_parties(declared) if code not in declared_codes]
    else:
        signatories = [code for code in order if code in set(makers)]
        if not signatories and scans and scans[0].passage.is_title:
            signatories = list(dict.fromkeys(m.value for m in scans[0].parties if m.form != "demonym"))
    names = _lexicon().party_names
    parties = [Party(code=code, name=names.get(code, code), role="signatory") for code in signatories]
    parties += [Party(code=code, name=names[code], role="mentioned") for code in order if code not in signatories]
    actor = max(acting, key=lambda code: (acting[code], -order.index(code))) if acting else None
    return parties, len(set(makers)), actor


#: A signature block's line: one cell or several side by side, each "For <a party>:" ("FOR AUSTRALIA: FOR JAPAN:",
#: "For the Government of the Republic of Peru:"). A cell names its signer in a few words and ends in a colon.
#: Its words are a name's: "For the purposes of cooperation with Chile:" opens a list, and signs for no one.
_SIGNATURE_LINE = re.compile(r"^[^\S\n]*(?:(?:FOR|For)[^\S\n]+[^:\n]{2,80}?:[^\S\n]*)+$", re.MULTILINE)
_NAME_WORDS = frozenset({"for", "of", "the", "and"})


def _signature_block_parties(scan: _Scan) -> list[str]:
    """The parties a signature block signs for, one "For …:" cell each."""
    text = scan.passage.text
    spans = [(line.start(), line.end()) for line in _SIGNATURE_LINE.finditer(text)
             if not set(_LOWERCASE_WORD.findall(line.group())) - _NAME_WORDS]
    return [match.value for start, end in spans for match in _within(scan.parties, start, end) if match.form != "demonym"]


def _within(matches: list[_Match], start: int, end: int) -> list[_Match]:
    """The matches inside ``[start, end)``, shifted to offsets within that span."""
    first = bisect_left(matches, start, key=_start_of)
    last = bisect_left(matches, end, lo=first, key=_start_of)
    return [_Match(m.start - start, m.end - start, m.value, m.form) for m in matches[first:last]]


def _start_of(match: _Match) -> int:
    return match.start


def _acting_subjects(sentence: str, mentions: list[_Match]) -> Iterator[str]:
    """States that act in a sentence by themselves: "Japan will expand …", "Tokyo looks to …"."""
    place_prepositions = _cues().place_prepositions
    for mention in mentions:
        if mention.form == "demonym" or not _cues().acts_next.match(sentence, mention.end):
            continue
        previous = _PREVIOUS_WORD.search(sentence, max(0, mention.start - 30), mention.start)
        if previous and previous.group(1).lower() in place_prepositions | {"and", "or"}:
            continue
        yield mention.value


def _declared_parties(declared: dict) -> list[str]:
    parties = declared.get("parties") or []
    return [parties] if isinstance(parties, str) else [str(code).strip().upper() for code in parties]


def _declared_name_parties(declared: dict) -> list[str]:
    """Parties the declared name adds to the declared codes: "EU - Central America" adds the EU itself, but "EFTA -
    Czechoslovakia" not Czechoslovakia where its successors are declared (ToTA codes the parties as they are now)."""
    name = _declared_text(declared, "name")
    successors = _lexicon().successors
    declared_codes = set(_declared_parties(declared))
    return [m.value for m in _find_parties(name) if not successors.get(m.value, frozenset()) & declared_codes] if name else []


def _with_single_signatory(parties: list[Party], actor: str) -> list[Party]:
    """A unilateral policy has one maker: ``actor`` signs, every other party is only mentioned."""
    ordered = sorted(parties, key=lambda party: party.code != actor)
    return [party.model_copy(update={"role": "signatory" if party.code == actor else "mentioned"}) for party in ordered]


# ============================================================================ instrument and genre

_SELF_REFERENCES = 3


def _read_instrument(scans: list[_Scan], declared: dict, genre: str, makers: int,
                     unilateral_actor: str | None) -> str:
    """The instrument the document is or reports on.

    The declared type decides first. Otherwise the instrument the parties sign or conclude: a specific
    one ("signed a memorandum of cooperation") directly; a generic "agreement" gives way to a specific
    kind the text names too ("concluded an agreement … the MOU"). With no signed instrument and fewer
    than two makers, policy words (stockpiles, regulations) make it a unilateral policy. Failing all
    that, the kind named most often (a specific kind first in reports: "agreement" is what they call anything).
    """
    declared_type = _declared_text(declared, "type")
    if declared_type:
        kinds = [match.value for match in _scan(_Passage(declared_type, 0)).instruments]
        if kinds:
            return kinds[0]
    title_scan = next((scan for scan in scans if scan.passage.is_title), None)
    head = _title_head(title_scan) if title_scan else None
    opens_title = head and title_scan.passage.text[:head.start].strip(" \"'“‘").lower() in ("", "the", "text of the")
    # A generic head opens an agreement's title ("PROTOCOL TO AMEND …"); further on it is a headline's ("US, Mongolia ink
    # pact for …").
    linked = genre == "legal_text" and title_scan and _linked_head(title_scan)
    if head and (opens_title or linked or (genre == "legal_text" and head.form == "specific")):
        # The title names the document by its head noun: "Joint Statement … on a Strategic Partnership", "MINERALS
        # SECURITY PARTNERSHIP Communiqué", "PROTOCOL TO AMEND THE AGREEMENT … UNDER THE FRAMEWORK AGREEMENT". A
        # report's headline names its own instrument only when it opens with it ("Joint Statement by …").
        return head.value
    titled = [match.value for scan in scans if scan.passage.is_title for match in scan.instruments
              if match.form == "specific"]
    if genre == "legal_text" and titled:
        # The instrument's own title says what it is ("Joint Statement from …", "… Framework for …"), whatever
        # instrument its text goes on to announce.
        return titled[0]
    mentions = [match for scan in scans for match in scan.instruments]
    most_named = Counter(match.value for match in mentions).most_common(1)
    if genre == "legal_text" and most_named and most_named[0][1] >= _SELF_REFERENCES:
        # An agreement's own text names itself throughout ("this Agreement"); what it signs is another's.
        return most_named[0][0]
    signed = [instrument for scan in scans for verb in scan.signing
              if (instrument := _instrument_after(scan.passage.text, verb.end, scan.instruments))]
    specific = Counter(match.value for match in mentions if match.form == "specific")
    if signed:
        named = [match.value for match in signed if match.form == "specific"]
        if named:
            return named[0]
        return specific.most_common(1)[0][0] if specific else signed[0].value
    if makers < 2 and unilateral_actor and any(scan.unilateral for scan in scans):
        return "unilateral_policy"
    if mentions:
        counts = specific if specific and genre == "news_report" else Counter(match.value for match in mentions)
        return counts.most_common(1)[0][0]
    return "news_report" if genre == "news_report" else "unknown"


#: Words after which a title goes on to the parties or the subject: "Agreement between …", "Statement on …".
_TITLE_LINK = re.compile(r"(?<!\w)(?i:on|to|between|by|for|of|concerning|regarding|under|from|with|among|amongst|"
                         r"in|at|establishing|amending)(?!\w)|[:–—(]")


#: Link words that only a title's head noun takes: "Agreement Relating to …", "Memorandum … on …", "Protocol to Amend".
#: "for" is not one: it also ends proper names ("Indo-Pacific Economic Framework for Prosperity Agreement …").
_HEAD_LINK = re.compile(r"\s+(?i:relating\s+to|on|to|between|among|amongst|concerning|regarding|establishing|"
                        r"amending)(?!\w)")


def _linked_head(scan: _Scan) -> _Match | None:
    """The first instrument in a title directly followed by a head link, after a proper name at most: "Indo-Pacific
    Economic Framework for Prosperity Agreement Relating to …". Not after a sentence's words ("… have reached an
    agreement on …") nor after another link ("Joint Statement by … on a Strategic Partnership on …")."""
    text = scan.passage.text
    linked = next((match for match in scan.instruments if _HEAD_LINK.match(text, match.end)), None)
    if linked is None:
        return None
    links = [link.group().lower() for link in _TITLE_LINK.finditer(text, 0, linked.start)
             if not any(match.start <= link.start() < match.end for match in scan.instruments)]
    lowercase = _LOWERCASE_WORD.findall(text, 0, linked.start)
    if set(links) - _NAME_LINKS or set(lowercase) - _NAME_LINKS - {"and", "the"}:
        return None
    return linked


#: Link words that also stand inside proper names ("Framework for Prosperity", "Bank of …").
_NAME_LINKS = frozenset({"for", "of"})
_LOWERCASE_WORD = re.compile(r"(?<![\w'’-])[a-z][\w'’-]*")


def _title_head(scan: _Scan) -> _Match | None:
    """The instrument a title names before its first link word: its head noun, what the document is.

    An instrument word directly followed by a head link wins over one inside a name before it.

    >>> [_title_head(_scan(_Passage(t, 0, is_title=True))).value for t in (
    ...     "Joint Statement on a Strategic Partnership", "MINERALS SECURITY PARTNERSHIP Communiqué",
    ...     "Protocol to Amend the Framework Agreement",
    ...     "Economic Framework for Prosperity Agreement Relating to Supply Chain Resilience")]
    ['joint_statement', 'joint_statement', 'agreement', 'agreement']
    """
    text = scan.passage.text
    linked = _linked_head(scan)
    if linked:
        return linked
    links = [link for link in _TITLE_LINK.finditer(text)
             if not any(match.start <= link.start() < match.end for match in scan.instruments)]
    cut = links[0].start() if links else len(text)
    heads = [match for match in scan.instruments if match.end <= cut]
    return heads[-1] if heads else None


@cache
def _genre_cues() -> tuple[re.Pattern[str], dict[str, str]]:
    """One regex for news and legal cues, so the longer reading wins: "the said Party" is legal, "said" news."""
    cues = _load("instruments.toml")["genre"]
    genre_of = {phrase: "legal_text" for phrase in cues["legal"]}
    genre_of.update({phrase: "news_report" for phrase in cues["news"] if phrase not in genre_of})
    return _phrase_regex(genre_of), genre_of


#: Agency datelines: "OTTAWA, Sept 21 (Reuters) - …", "TOKYO: …", "TOKYO -- …"; not an agreement's headings in capitals
#: ("ANNEX II: CONTACT POINTS", "CHAPTER ONE - INITIAL PROVISIONS"). The story goes on on the dateline's own line,
#: so no space here spans a line break: "HAVE AGREED AS FOLLOWS:" ⏎ "Article 1" is a formula ending its line.
#: Nor a signature block's columns: "FOR AUSTRALIA:      FOR JAPAN:".
_DATELINE = re.compile(rf"^(?!(?i:{ARTICLE_KEYWORD}|{division_keyword()})\b|FOR\s)[A-Z][A-Z .'-]{{2,30}}(?:,[^\n]{{1,25}}?)?"
                       r"[^\S\n]*(?:\([A-Za-z ]+\))?[^\S\n]*(?::|--|—|–|-)[^\S\n]+[A-Z]", re.MULTILINE)
_GENRE_SAMPLE = 30_000


def _read_genre(text: str) -> str:
    """news_report when the text reports in the third person (said, according to, datelines), else legal_text.

    Page furniture counts too ("Published by", "Posted on"): it tells a news page from an agreement's text.
    Legal wording outweighs stray reporting words ("according to Article 5") tenfold.
    """
    regex, genre_of = _genre_cues()
    if len(text) > _GENRE_SAMPLE:
        # Bylines, datelines, preambles and closing formulae sit at either end; a long middle adds nothing.
        text = text[:_GENRE_SAMPLE * 2 // 3] + "\n" + text[-_GENRE_SAMPLE // 3:]
    scores = Counter(genre_of[_single_spaced(cue)] for cue in regex.findall(text))
    news_score = scores["news_report"] + 3 * len(_DATELINE.findall(text))
    return "news_report" if news_score and news_score * 10 >= scores["legal_text"] else "legal_text"


# ============================================================================ dates

@dataclass(frozen=True)
class _DateVocabulary:
    """How dates are written and what marks their kind, compiled once from ``dates.toml``."""

    regex: re.Pattern[str]
    months: dict[str, int]
    ordinals: dict[str, int]
    markers: re.Pattern[str]
    marker_kinds: dict[str, str]
    #: a year written as words: its century phrase ("one thousand nine hundred") and the words after it
    centuries: dict[str, int]
    year_numbers: dict[str, int]
    #: where the scan of the closing lines looks for a date: a four-digit year, or the word ending a century
    closing_year: re.Pattern[str]
    #: "the [Free Trade] Agreement …," right before a signing marker: a named instrument, then a comma
    named_instrument_then_comma: re.Pattern[str]


@cache
def _dates() -> _DateVocabulary:
    data = _load("dates.toml")
    months = {}
    for table in ("months", "months_lowercase"):
        for number, names in data[table].items():
            for name in names:
                months[name] = months[name.upper()] = int(number)
    month = r"(?P<{}>" + _trie_pattern(months) + r")\.?"
    day = r"(?P<{}>\d{{1,2}})(?:st|nd|rd|th|º|°)?"
    ordinals = {word: int(number) for number, words in data["ordinal_days"].items() for word in words}
    # Closing formulae write the day in any case: "this twenty-sixth day of", "this Twenty-Sixth Day of", "THIS … DAY OF".
    ordinal_pattern = "(?i:" + _trie_pattern(ordinals) + ")"
    year_before = _trie_pattern(data["years"]["before"])
    centuries = {phrase: int(year) for year, phrases in data["year_centuries"].items() for phrase in phrases}
    year_numbers = {word: int(number) for number, words in data["year_numbers"].items() for word in words}
    regex = "|".join([
        # 29 March 2023 · 12th of April 2006 · 12th day of April, 2006 · 15 de abril de 2024 · 22-23 November 2025
        # (a meeting's first day, as with "Nov. 15-16")
        day.format("dmy_day") + r"(?:[^\S\n]*[-–][^\S\n]*\d{1,2}(?!\d))?\s+(?i:day\s+)?(?i:of\s+|de\s+)?"
        + month.format("dmy_month")
        + _year_pattern("dmy", centuries, year_numbers),
        # the twelfth day of April, 2006 · the ninth day of December in the year two thousand and twenty-three
        # (closing formulae of treaties)
        r"(?P<word_day>" + ordinal_pattern + r")\s+(?i:day\s+of)\s+" + month.format("word_month")
        + _year_pattern("word", centuries, year_numbers),
        # September 21,2023 · Sept 21 · Nov. 15-16 · March 29th, 2023
        month.format("mdy_month") + r"\s+" + day.format("mdy_day") + r"(?:\s*[-–]\s*\d{1,2})?(?!\d)"
        r"(?:(?:,\s*|\s+)(?P<mdy_year>\d{4}))?",
        # March 2023
        month.format("my_month") + r",?\s+(?P<my_year>\d{4})",
        # 2023-03-29 · 2024/03/06 · 2023.03.29
        r"(?P<iso_year>\d{4})(?P<sep>[-/.])(?P<iso_month>\d{1,2})(?P=sep)(?P<iso_day>\d{1,2})",
        # in 2022 · since 2019
        r"(?<!\w)(?:" + year_before + r")\s+(?P<bare_year>(?:19|20)\d{2})(?![\d/.-]\d)",
    ])
    marker_kinds = {}
    for kind, phrases in data["markers"].items():
        for phrase in phrases:
            marker_kinds[phrase] = kind
    return _DateVocabulary(
        regex=re.compile(r"(?<![\w/.-])(?:" + regex + r")(?![\w/])"),
        months=months,
        ordinals={word.lower(): number for word, number in ordinals.items()},
        markers=_phrase_regex(marker_kinds),
        marker_kinds=marker_kinds,
        centuries=centuries,
        year_numbers=year_numbers,
        closing_year=re.compile(_YEAR.pattern + "|(?i:" + _trie_pattern({c.split()[-1] for c in centuries}) + ")"),
        named_instrument_then_comma=re.compile(r"(?<!\w)the\s+(?:[A-Z][\w'’-]*\s+)*(?:"
                                               + _trie_pattern(data["references"]["instruments"]) + r")(?!\w)[^.;]*,\s*$"),
    )


def _year_pattern(branch: str, centuries: dict[str, int], numbers: dict[str, int]) -> str:
    """The year after a day and month, in digits (group ``<branch>_year``) or in words (``<branch>_year_words``):
    ", 2006", " in the year 2006", ", one thousand nine hundred and ninety-eight", " IN THE YEAR TWO THOUSAND AND SIX".
    """
    tens = _trie_pattern(word for word, number in numbers.items() if number >= 20)
    units = _trie_pattern(word for word, number in numbers.items() if number < 10)
    below_twenty = _trie_pattern(word for word, number in numbers.items() if number < 20)
    below_hundred = rf"(?:{tens})(?:[-\s](?:{units}))?|(?:{below_twenty})"
    in_words = rf"(?i:(?:{_trie_pattern(centuries)})(?:\s+(?:and\s+)?(?:{below_hundred}))?)"
    # A year in words closes its clause ("…, in duplicate"), so "the first day of May, two thousand tonnes" is no date.
    closes = r"(?=[^\S\n]*(?:[,.;:)]|\n|$)|\s+(?i:in)\s)"
    return (rf",?\s+(?:(?i:in\s+the\s+year|del?)\s+)?"
            rf"(?:(?P<{branch}_year>\d{{4}})|(?P<{branch}_year_words>{in_words}){closes})")


@dataclass(frozen=True)
class _FoundDate:
    """A date as written: year, month and day where given (0 when the text leaves it out)."""

    start: int
    end: int
    year: int
    month: int
    day: int
    text: str
    kind: str
    #: Where the marker word that gave the kind begins in the document ("Published on …"); -1 where the date's place in
    #: the text gave it.
    marker_start: int = -1

    @property
    def by_marker(self) -> bool:
        return self.marker_start >= 0


def _read_dates(text: str, scans: list[_Scan], declared: dict, genre: str) -> list[DatedEvent]:
    """Publication, signature, entry-into-force and other dates, ISO 8601 as precise as the text.

    In an agreement's own text, other instruments' signatures fill the body ("the New York Convention,
    done at New York on 10 June 1958"); its own signature is in the closing formula ("IN WITNESS WHEREOF
    … DONE at Washington, this twelfth day of April, 2006").
    """
    passages = [scan.passage for scan in scans if not scan.passage.is_title]
    found = [date for passage in passages for date in _dates_in(passage.text, passage.offset)]
    # Bylines and page furniture sit outside the content, yet "Published on …" still dates the report;
    # they stand at the top or the bottom of a page.
    ends = [(0, min(len(text), _BYLINE_REACH))]
    if len(text) > 2 * _BYLINE_REACH:
        ends.append((len(text) - _BYLINE_REACH, len(text)))
    found += [date for start, end in ends for date in _dates_in(text[start:end], start)
              if date.kind == "published" and date.by_marker]
    published_years = [date.year for date in found if date.kind == "published" and date.year]
    closing = _closing_formula_start(text)
    events: list[DatedEvent] = []
    for found_date in found:
        year = found_date.year or (published_years[0] if published_years else 0)
        iso = _iso(year, found_date.month, found_date.day)
        kind = found_date.kind
        if kind == "issued":
            kind = _issued_kind(text, found_date.start, genre)
        elif genre == "legal_text" and kind == "signed" and (
                (found_date.start < closing and not _signature_line_on_top(text, found_date.marker_start))
                or _signs_another_instrument(text, found_date.marker_start)):
            kind = "mentioned"
        if iso:
            events.append(DatedEvent(kind=kind, date=iso, text=found_date.text))
    events = _with_declared_dates(events, declared)
    signed = next((event for event in events if event.kind == "signed"), None)
    if signed and not any(event.kind == "in_force" for event in events) and any(
            scan.in_force_on_signature for scan in scans if not scan.passage.is_title):
        events.append(DatedEvent(kind="in_force", date=signed.date, text=signed.text))
    return _unique_dates(events)


_CLOSING_REACH = 1_500
#: How far from the top a place-and-date line dates the document it heads.
_ISSUED_REACH = 600


def _issued_kind(text: str, start: int, genre: str) -> str:
    """What a place-and-date line ("Beijing, 9 November 2024") heading or closing the document dates: an agreement's
    or statement's issue, as a closing formula's "Done at" does; a report's publication. Elsewhere it is only
    mentioned (an annex lists other instruments so: "Montreal, 16 September 1987")."""
    if start < _ISSUED_REACH:
        return "signed" if genre == "legal_text" else "published"
    if start >= len(text) - _CLOSING_REACH and genre == "legal_text":
        return "signed"
    return "mentioned"


#: Where the closing formula is looked for, from the end: past it a signature would not be the agreement's own.
_CLOSING_TAIL = 20 * _CLOSING_REACH
_WITNESS = re.compile(r"in\s+witness\s+whereof", re.IGNORECASE)


def _closing_formula_start(text: str) -> int:
    """Where an agreement's closing formula begins: its last "IN WITNESS WHEREOF", else near the very end."""
    tail_start = max(0, len(text) - _CLOSING_TAIL)
    witnesses = list(_WITNESS.finditer(text, tail_start))
    return witnesses[-1].start() if witnesses else max(0, len(text) - _CLOSING_REACH)


#: The first article or numbered paragraph: the text proper begins there.
_FIRST_PROVISION = re.compile(rf"^[^\S\n]*(?:(?i:{ARTICLE_KEYWORD})[^\S\n]+[\dIVXLC]|1\.[^\S\n])", re.MULTILINE)


def _signature_line_on_top(text: str, marker_start: int) -> bool:
    """Whether a signing marker opens a paragraph of its own above the first provision: "Signed at Paris, 12 February
    2025" under the title dates the document as its closing formula would. A wrapped line of a preamble's
    sentence ("Recalling the Convention …," ⏎ "signed at …") runs on from the line before.
    """
    if marker_start < 0 or marker_start > _BYLINE_REACH:
        return False
    line_start = text.rfind("\n", 0, marker_start) + 1
    if text[line_start:marker_start].strip():
        return False
    before = text[:line_start].rstrip(" \t")
    if before and not before.endswith("\n\n") and before.rstrip():
        return False
    first = _FIRST_PROVISION.search(text, 0, _BYLINE_REACH)
    return not first or marker_start < first.start()


_REFERENCE_REACH = 400


def _signs_another_instrument(text: str, marker_start: int) -> bool:
    """Whether a signing marker dates an earlier instrument the sentence names, not the document itself: "Having
    regard to the Agreement establishing an association …, signed in Brussels on 18 November 2002", "the Free Trade
    Agreement between Canada and Korea, done at Ottawa on …". The document's own closing formula stands alone
    ("DONE at Jakarta, this …") or names "this Agreement".
    """
    if marker_start < 0:
        return False
    window = text[max(0, marker_start - _REFERENCE_REACH):marker_start]
    sentence = window[max(window.rfind(". "), window.rfind(".\n"), window.rfind(";"), window.rfind("\n\n")) + 1:]
    return bool(_dates().named_instrument_then_comma.search(sentence)) and not _WITNESS.search(sentence)


_BYLINE_REACH = 5_000
_FULL_SCAN = 20_000
_YEAR = re.compile(r"(?:19|20)\d\d(?!\d)")
#: How far a date reaches around its year, before and after: in digits "the twenty-seventh day of September, 2006";
#: in words, from "thousand" or "hundred", "… in the year one thousand nine hundred and seventy-seven".
_YEAR_REACH = (60, 12)
_YEAR_WORDS_REACH = (90, 40)


def _date_hits(text: str) -> Iterator[re.Match[str]]:
    """Every written date in ``text``: the first 20,000 characters in full, beyond them only dates with a year.

    Past the opening, the scan starts from each four-digit year and looks a little way back and on, which keeps
    a 0.5 MB treaty fast; year-less dates ("Sept 21") matter in datelines and bylines, which come first. In the
    closing lines it starts from years in words too ("… one thousand nine hundred and ninety-eight"): closing
    formulae write their year so, and a word scan over the whole text would take as long again.
    """
    vocabulary = _dates()
    regex = vocabulary.regex
    last_end = 0
    for hit in regex.finditer(text, 0, min(len(text), _FULL_SCAN)):
        last_end = hit.end()
        yield hit
    closing = max(_FULL_SCAN, len(text) - _CLOSING_TAIL)
    # The first scan runs 4 characters into the closing lines so that a year across the border is found.
    years = chain(_YEAR.finditer(text, _FULL_SCAN, closing + 4), vocabulary.closing_year.finditer(text, closing))
    for year in years:
        if year.start() < last_end:
            continue
        before, after = _YEAR_REACH if year.group()[0].isdigit() else _YEAR_WORDS_REACH
        for hit in regex.finditer(text, max(last_end, year.start() - before), year.end() + after):
            if hit.start() <= year.start() < hit.end():
                last_end = hit.end()
                yield hit
                break


def _dates_in(text: str, offset: int) -> Iterator[_FoundDate]:
    vocabulary = _dates()
    for hit in _date_hits(text):
        groups = {name: value for name, value in hit.groupdict().items() if value}
        words = next((groups[g] for g in ("dmy_year_words", "word_year_words") if g in groups), None)
        year = _year_in_words(words) if words else int(next((groups[g] for g in _YEAR_GROUPS if g in groups), 0))
        month_name = next((groups[g] for g in _MONTH_GROUPS if g in groups), None)
        month = vocabulary.months[month_name] if month_name else int(groups.get("iso_month", 0))
        if "word_day" in groups:
            day = vocabulary.ordinals[groups["word_day"].lower()]
        else:
            day = int(next((groups[g] for g in ("dmy_day", "mdy_day", "iso_day") if g in groups), 0))
        written = hit.group() if "bare_year" not in groups else groups["bare_year"]
        kind, marker_start = _date_kind(text, hit)
        yield _FoundDate(offset + hit.start(), offset + hit.end(), year, month, day, written, kind,
                         offset + marker_start if marker_start >= 0 else -1)


def _year_in_words(words: str) -> int:
    """The year a date writes in words: its century, plus the number words after it ("and" adds nothing).

    >>> _year_in_words("one thousand nine hundred and ninety-eight"), _year_in_words("TWO THOUSAND AND SIX")
    (1998, 2006)
    """
    vocabulary = _dates()
    phrase = " ".join(words.lower().replace("-", " ").split())
    century = next(century for century in vocabulary.centuries if phrase.startswith(century))
    rest = phrase[len(century):].split()
    return vocabulary.centuries[century] + sum(vocabulary.year_numbers[word] for word in rest if word != "and")


_YEAR_GROUPS = ("dmy_year", "word_year", "mdy_year", "my_year", "iso_year", "bare_year")
_MONTH_GROUPS = ("dmy_month", "word_month", "mdy_month", "my_month")
_TIMESTAMP = re.compile(r",?\s*\d{1,2}:\d{2}")
_DATELINE_BEFORE = re.compile(r"(?:^|\n)[A-Z][A-Z .'-]{2,30},\s*$")
#: "Brussels, 13 December 2023 - The European Union …": a place, then the date, then a dash.
_PLACE_BEFORE = re.compile(r"(?:^|\n)[A-Z][\w .'-]{1,30},\s*$")
#: "Beijing, 9 November 2024" ending its line: where and when a communiqué or statement was issued. The place may
#: end a heading the line runs on from ("… JOINT COMMUNIQUÉ Toronto, 4 March 2025").
_PLACE_BEFORE_DATE = re.compile(r"(?:(?:^|\n)[^\S\n]*|\b[A-Z][A-ZÀ-Þ]+[^\S\n]+)[A-Z][\w'’.-]*(?:[^\S\n][A-Z][\w'’.-]*){0,2},"
                                # and the country: "Johannesburg, South Africa, 22-23 November 2025"
                                r"(?:[^\S\n]*[A-Z][\w'’.-]*(?:[^\S\n][A-Z][\w'’.-]*){0,2},)?[^\S\n]*$")
_DATELINE_AFTER = re.compile(r"\s*(?:\([^)\n]{1,20}\)\s*)?(?:-|–|—|:)\s")
_PUBLISHED_GAP = re.compile(r"[\s:,]*(?:on\s+)?")


#: How far back a marker word may stand before its date; farther, up to the second figure, when it opens the sentence
#: ("ADOPTED by the 36th Ordinary Session of the Assembly …, held in Addis Ababa, Ethiopia, on this 19th day of …").
_MARKER_REACH = (120, 240)


def _date_kind(text: str, hit: re.Match[str]) -> tuple[str, int]:
    """What a date is the date of, from the words just before it and where it stands; and where the word that
    said so begins (-1 if none did).

    "Published on September 21,2023" and "2024/03/06 08:01 KST" (a timestamp) are publication dates, as is a
    date alone on a line near the top or in a dateline ("OTTAWA, Sept 21 (Reuters)"); "signed … on 12 April
    2006" a signature date; "entered into force on 1 February 2009" an entry into force.
    """
    vocabulary = _dates()
    start = hit.start()
    before = text[max(0, start - _MARKER_REACH[1]):start]
    sentence_start = max(before.rfind("\n"), before.rfind(". ")) + 1
    closest = None
    for marker in vocabulary.markers.finditer(before, sentence_start):
        closest = marker
    if closest and closest.start() < len(before) - _MARKER_REACH[0] and before[sentence_start:closest.start()].strip():
        closest = None
    if closest:
        kind = vocabulary.marker_kinds[closest.group()]
        if kind != "published" or _PUBLISHED_GAP.fullmatch(before, closest.end()):
            return kind, start - len(before) + closest.start()
    if (_TIMESTAMP.match(text, hit.end()) or _DATELINE_BEFORE.search(before)
            or (_PLACE_BEFORE.search(before) and _DATELINE_AFTER.match(text, hit.end()))):
        return "published", -1
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", hit.end())
    line = text[line_start:line_end if line_end >= 0 else len(text)].strip()
    if _PLACE_BEFORE_DATE.search(before) and (line_end < 0 or not text[hit.end():line_end].strip()):
        return "issued", -1
    if start < 400 and line == hit.group():
        return "published", -1
    return "mentioned", -1


def _iso(year: int, month: int, day: int) -> str | None:
    """ISO 8601 as precise as the text: ``2023``, ``2023-09`` or ``2023-09-21``; ``None`` if no real date."""
    if not year:
        return None
    if not month:
        return f"{year:04d}"
    try:
        date(year, month, day or 1)
    except ValueError:
        return None
    return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")


def _with_declared_dates(events: list[DatedEvent], declared: dict) -> list[DatedEvent]:
    """Declared publication, signature and entry-into-force dates replace any read from the text."""
    for key, kind in (("date_published", "published"), ("date_signed", "signed"), ("date_into_force", "in_force")):
        value = _declared_text(declared, key)
        if value:
            events = [DatedEvent(kind=kind, date=value, text="declared")] + [e for e in events if e.kind != kind]
    return events


_KIND_ORDER = {"published": 0, "signed": 1, "in_force": 2, "mentioned": 3}


def _unique_dates(events: list[DatedEvent]) -> list[DatedEvent]:
    """One event per kind and date, published first; a date already given a kind is not also "mentioned"."""
    ordered = sorted(events, key=lambda event: _KIND_ORDER[event.kind])
    seen_dates: set[str] = set()
    seen: set[tuple[str, str]] = set()
    unique = []
    for event in ordered:
        if (event.kind, event.date) in seen or (event.kind == "mentioned" and event.date in seen_dates):
            continue
        seen.add((event.kind, event.date))
        seen_dates.add(event.date)
        unique.append(event)
    return unique
