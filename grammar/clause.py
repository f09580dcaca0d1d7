"""Read who acts in a provision, how strongly (modality) and whether it is a prohibition (polarity).

The grammar in ``clause.lark`` runs over cues, not words.  The scanner (``grammar/cue_scan.py``) finds the cues
of a provision with the grammar's own terminal patterns, indexed by the words and characters they can start with
(see there for why not one big regex); the text between two cues becomes a ``FEW`` token (one or two
words right after a verb cue) or a ``WORDS`` token, so a sentence reaches the LALR parser as a dozen tokens or so.  The reading of
a sentence depends only on the types of its cues, so each distinct cue-type sequence is parsed once and its
reading kept as a *plan* (which cue decided what, which tokens make the subject), replayed on every later
sentence of the same shape.  ``read_clauses`` reads a document's provisions from one scan of them all.

Worked example::

    >>> read_clause("Each Party shall endeavour to publish its measures.")
    ClauseReading(actor='Each Party', modality='best_effort', polarity='positive', modality_cue='endeavour to', polarity_cue=None)

    cues:  ACTOR "Each Party" · BINDING "shall" · BEST_EFFORT "endeavour to" · WORDS "publish its measures" · STOP "."
    tree:  sentence(clause(subject(ACTOR), chained_verbs(BINDING, BEST_EFFORT), WORDS), STOP)
    plan:  modality best_effort decided by cue 2, no polarity cue, subject = cue 0
"""
from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from lark import Lark, Token, Transformer
from lark.exceptions import LarkError
from lark.lexer import Lexer

from grammar.errors import ParseError
from grammar.models import MODALITY_STRENGTH, ClauseReading, Modality
from grammar.cue_scan import GAP_TYPES, Cue, Sentence, build_scanner
from grammar.trie import trie_regex

__all__ = ["read_clause", "read_clause_shapes", "read_clauses", "read_provision", "scan_cues", "scan_texts", "strongest_reading"]

#: The modality each verb cue expresses on its own (see the reading rules in clause.lark's header).
VERB_MODALITY: dict[str, Modality] = {
    "BINDING": "binding",
    "BINDING_NEG": "binding",
    "COMMITMENT": "commitment",
    "COMMITMENT_NEG": "commitment",
    "BEST_EFFORT": "best_effort",
    "BEST_EFFORT_NEG": "best_effort",
    "PERMISSION": "best_effort",
    "ASPIRATION": "aspirational",
    "CONSIDER": "aspirational",
    "ENCOURAGE": "aspirational",
    "AIM_LIST": "aspirational",
    "ESTABLISH": "binding",
    "DISCRETION": "best_effort",
    "SCOPE": "none",
    "DEEM": "none",
    "AGREE_THAT": "commitment",
    "REPORT": "none",
    "DEFINE": "none",
    "MEETING": "none",
}
NEGATIVE_VERBS = frozenset({"BINDING_NEG", "COMMITMENT_NEG", "BEST_EFFORT_NEG"})
NEGATIVE_SUBJECTS = frozenset({"NEITHER", "NO_SUBJECT"})
NEGATIVE_MARKERS = frozenset({"REFRAIN", "PROHIBIT", "NON"})
# The verb cues of a duty: a "shall" or "must" found elsewhere in a sentence can lift a weaker main verb.
DUTIES = frozenset({"BINDING", "BINDING_NEG"})
# Past these, the rest of a clause is a that-clause or relative clause and says nothing about its polarity.
CLAUSE_LINKS = frozenset({"THAT", "RELATIVE", "SUBORD", "BACKGROUND"})
# The second cues of a chained verb group (clause.lark's _lesser_cue): "shall endeavour", "will consider".
LESSER_CUES = frozenset({"BEST_EFFORT", "ASPIRATION", "CONSIDER"})
# Cues that are modal verbs only, always followed by the verb they govern ("shall agree", "may decide").
MODALS = frozenset({"BINDING", "BINDING_NEG", "PERMISSION", "WOULD"})
NOT_ACTORS = frozenset({"NOTHING", "NO_SUBJECT", "QUALIFIER", "ADVERB", "REFRAIN", "PROHIBIT", "NON"})
NAMED_ACTORS = frozenset({"ACTOR", "NEITHER"})
# What clause.lark's _subject_part allows: the tokens a subject is made of.
SUBJECT_PARTS = frozenset({"WORDS", "FEW", "ACTOR", "NEITHER", "NOTHING", "NO_SUBJECT", "ADVERB", "QUALIFIER",
                           "WOULD", "REFRAIN", "PROHIBIT", "NON"})
# An item that opens with an infinitive: "To consider and submit …".
INFINITIVE_START = re.compile(r"(?i)to\s")
# The labels before an item's first word: "(b) ", "1. (a) ".
ITEM_LABELS = re.compile(r"\s*(?:\(?(?:[0-9]{1,3}|[a-zA-Z]{1,2}|[ivxlcdm]{1,7})[.)]\s+)+")
# What may stand before the "that" of a complement in an item without a main verb: its words and its label.
PLAIN_WORDS = frozenset({"_ENUM", "WORDS", "FEW"})
#: A text's shape: the cue names of each of its sentences.
Shape = tuple[tuple[str, ...], ...]
#: How a cue reads inside reported speech, where it differs: what someone said they would do, they will do.
REPORTED_AS = {"WOULD": "COMMITMENT"}
RANK = {modality: rank for rank, modality in enumerate(MODALITY_STRENGTH)}
# A subject longer than this is a run of prose the scanner found no cue in, not a noun phrase.
MAX_ACTOR_WORDS = 10
# A subject never ends in a conjunction: "The agreement builds on X and will strengthen" coordinates two
# predicates, and the text before the verb is not the actor.
COORDINATORS = frozenset({"and", "or", "but"})
# Auxiliaries, their negation and the adverbs that sit among them, between a subject and its verb cue ("Japan has
# already pledged", "the two sides had agreed", "The Parties have not yet decided").
AUXILIARIES = frozenset({"have", "has", "had", "having", "is", "are", "was", "were", "be", "been", "being", "do", "does",
                         "did", "would", "could", "might", "not", "never", "already", "yet", "still", "now",
                         # Spanish: the reflexive "se" of "se reunirá", "también", "ya" ("El Consejo se reunirá").
                         "se", "también", "ya"})
# A subject cut short before its noun ("The [purpose of … is to]": the cue took the noun), or the "It" of "It shall
# be open for …", names no one.
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their", "our", "his", "her", "it"})
# "These policies [will contribute …]": a subject pointing back at things the sentence before named.
DEMONSTRATIVES = frozenset({"this", "these", "that", "those", "such"})
# Inside what precedes a verb cue, a form of "be" makes it a clause of its own, not the actor's name.
FINITE_BE = frozenset({"is", "are", "was", "were"})
# "the Canadian government": a lowercase subject still names someone when a capitalised word follows "the".
PROPER_AFTER_THE = re.compile(r"the\s+[A-Z]")
# A role forecast, whoever plays it: "will play a vital role", "will continue to play an important role in our industry".
PLAYS_A_ROLE = re.compile(r"(?i)\s+(?:(?:continue|continues)\s+to\s+|also\s+|further\s+)?play\s+(?:a|an|the|their|its)\s+(?:[\w-]+\s+){0,3}?roles?\b")
# Verbs by which a report has a speaker state something, and the speakers that are neither party nor government.
STATING_VERB = re.compile(r"(?i)(?:also\s+)?(?:noted|notes|underscored|underscores|stressed|stresses|emphasi[sz]ed|emphasi[sz]es|"
                          r"highlighted|highlights|confirmed|confirms|pointed\s+out|points\s+out|acknowledged|acknowledges)"
                          r"(?:\s+(?:that|the|a|an|their|its|his|her))?")
SPEAKERS = frozenset({"he", "she", "sources", "source", "officials", "official", "spokesperson", "spokesman",
                      "spokeswoman", "analysts", "analyst", "experts", "expert", "executives", "executive"})
# One office-holder, named by title, speaking for no party ("Minister Chan noted the Track's key achievements", "Nepal Prime
# Minister Dahal noted that this was a milestone"), unless the subject joins several ("The President and the Prime Minister
# noted …" speak as the parties) or a plural names the parties' ministers.
SPEAKER_TITLES = frozenset({"minister", "secretary", "president", "chairman", "chairwoman", "chairperson", "ambassador",
                            "director", "governor", "commissioner", "ceo", "premier", "chancellor", "treasurer"})
# The pronouns by which a reported clause names people, who act: "said they will focus on …".
PERSONAL_PRONOUNS = frozenset({"we", "they", "he", "she", "i"})
# What a speaker advocates rather than states: "highlighted the need for continued strong cooperation".
ADVOCACY = re.compile(r"(?i)\s*(?:that\s+)?the\s+(?:need|importance|necessity|urgency)\b")
# What a savings clause says the instrument does not do, after "shall not".
SAVINGS_VERB = re.compile(r"(?i)\s+(?:affect|prejudice|impair|nullify|derogate\s+from)\b")
# … and what names the instrument, its parts or what is done under it, or an instrument's short name in capitals.
SAVING_SUBJECT = re.compile(r"(?i:\b(?:agreement|treaty|protocol|convention|memorandum|annex(?:es)?|provisions|(?:action|actions|"
                            r"measures?|decisions?)\s+taken\s+under)\b)|\b[A-Z]{3,}\b")
# The verb by which an instrument requires something ("the deal calls for …").
CALLS_FOR = re.compile(r"(?i)(?:calls|call|called)\s+for")
# … and by which it states its aim ("The MoU seeks to promote …").
SEEKS_TO = re.compile(r"(?i)(?:also\s+)?(?:seeks|seek|sought)\s+to")
# Instruments that are also the group of their members, who act: "The partnership seeks to enhance the resilience of …".
MEMBERSHIPS = frozenset({"partnership", "partnerships", "alliance", "initiative", "cooperation", "collaboration", "relationship"})
# Words after a noun phrase's head: prepositions and a participle ("the MOU [on key minerals]", "the agreement [signed in …]").
HEAD_ENDS = frozenset({"on", "of", "for", "between", "with", "in", "regarding", "concerning", "like", "signed", "to"})
# A cue that opens a participle clause ("…, agreeing to", "…, committing to").
PARTICIPLE_CUE = re.compile(r"(?i)[a-z]+ing\b")
PLAN_CACHE_SIZE = 1 << 16
# The instrument and the events of its life, as the subject of a sentence that states a consequence (``_is_consequence``).
INSTRUMENT_EVENTS = frozenset({"agreement", "memorandum", "mou", "treaty", "protocol", "convention", "arrangement", "withdrawal",
                               "termination", "denunciation", "amendment", "amendments", "modification", "modifications",
                               "suspension", "expiry", "expiration"})
# The parties, as the head noun of a subject (``_is_consequence``).
PARTY_NOUNS = frozenset({"party", "parties", "state", "states", "member", "members", "participant", "participants", "side",
                         "sides", "signatory", "signatories", "government", "governments", "country", "countries"})
# A paragraph's number before its subject, where no full stop ends it: "2.1", "3.2.1", "4)".
NUMBER_LABEL = re.compile(r"\d{1,3}(?:\.\d{1,3})+\.?|\d{1,3}\)")
#: Where the cues leave a provision unread, the words of an action plan's instruction ("Expand exchanges between
#: personnel"), of a list's objective ("Enhancing the resilience of supply chains") and of a forecast ("It will help cut
#: subsidies"): see ``as_instruction`` and ``_predicts_an_effect``, and the file's comments.
OPENINGS_FILE = Path(__file__).with_name("data") / "openings.toml"
# A provision's number or bullet before its first word: "(1) Strengthen …", "• Enhancing …".
_LABEL = r"\s*(?:\(?(?:\d{1,3}|[a-z]{1,3})[.)]\s+|[•▪●◦*-]\s*)?"


class _Openings(NamedTuple):
    instruction: re.Pattern[str]
    objective: re.Pattern[str]
    finite_verb: re.Pattern[str]
    forecast_modals: frozenset[str]
    predicted_effect: re.Pattern[str]
    forecast_subjects: frozenset[str]
    instruments: frozenset[str]
    measure_passive: re.Pattern[str]
    process_ending: re.Pattern[str]
    agents: frozenset[str]
    concession: re.Pattern[str]


def _opening_patterns() -> _Openings:
    with OPENINGS_FILE.open("rb") as handle:
        data = tomllib.load(handle)
    instruction, objective, forecast = data["instruction"], data["objective"], data["forecast"]

    def alternatives(words: list[str]) -> str:  # a space in a phrase ("carry out") stands for any whitespace
        return trie_regex(words, space=r"\s+")

    return _Openings(
        re.compile(_LABEL + rf"(?:(?P<ordinal>{alternatives(instruction['ordinals'])}),\s*)?"
                   rf"(?:(?:{alternatives(instruction['adverbs'])})\s+)?"
                   rf"(?P<verb>(?:{alternatives(instruction['verbs'])})(?![\w-])"
                   rf"(?!\s+(?:{alternatives(instruction['not_before'])})\b))", re.IGNORECASE),
        re.compile(_LABEL + rf"(?P<verb>(?:{alternatives(objective['gerunds'])})(?![\w-])"
                   rf"(?!\s+(?:{alternatives(objective['not_before'])})\b))", re.IGNORECASE),
        re.compile(rf"\b(?:{alternatives(objective['finite_verbs'])})\b"),
        frozenset(forecast["modals"]),
        # (A quotation may open before the verb: 'the partnership would "catalyze domestic production …"'. An instrument
        # that "will go into effect" is scheduled, not an effect foretold: it reads as "will enter into force" does.)
        re.compile(rf"\s+(?:(?:{alternatives(forecast['adverbs'])})\s+)?[\"“']?(?:{alternatives(forecast['effects'])})\b"
                   r"(?!\s+into\s+(?:full\s+)?(?:force|effect)\b)", re.IGNORECASE),
        frozenset(forecast["subjects"]),
        frozenset(forecast["instruments"]),
        re.compile(rf"\s+(?:(?:{alternatives(forecast['adverbs'])})\s+)?be\s+(?:[a-z]+ly\s+)?(?:{alternatives(forecast['measures'])})\b",
                   re.IGNORECASE),
        re.compile(rf"\w(?:{alternatives(forecast['process_endings'])})s?$"),
        frozenset(forecast["agents"]),
        re.compile(rf"\b(?:{alternatives(forecast['concessions'])})\b", re.IGNORECASE),
    )


(INSTRUCTION, OBJECTIVE, FINITE_VERB, FORECAST_MODALS, PREDICTED_EFFECT, FORECAST_SUBJECTS, INSTRUMENTS, MEASURE_PASSIVE,
 PROCESS_ENDING, AGENTS, CONCESSION) = _opening_patterns()


class _CueTypeLexer(Lexer):
    """Feed the parser a sentence's cue types; each token's position is its index in the sentence."""

    def __init__(self, lexer_conf) -> None:
        pass

    def lex(self, names: tuple[str, ...]) -> Iterator[Token]:  # type: ignore[override]
        for index, name in enumerate(names):
            yield Token(name, name, index)


# ----------------------------------------------------------------------------- plans


@dataclass(frozen=True)
class Plan:
    """How one sentence shape reads: the modality, and which cues (by index) decided it and make the subject."""

    modality: Modality = "none"
    modality_cue: int | None = None
    polarity_cue: int | None = None
    subject: tuple[int, ...] = ()
    #: True when the subject starts at a known actor phrase ("Each Party"), which needs no capital letter.
    named_actor: bool = False


@dataclass(frozen=True)
class _Verb:
    modality: Modality
    cue: int
    negative_cue: int | None = None
    #: The deciding cue's terminal name, for a single verb cue; a chained verb group ("shall endeavour") has none.
    kind: str = ""
    #: Position of a single verb cue's group's last cue: the cue, or the adverb after it ("said today"), not the words of
    #: an object; a chained group (never a reporting verb) leaves it unset.
    last: int = -1

    @property
    def defines(self) -> bool:
        """A definition's subject is the defined term, and what precedes a list's "priority areas:" its owner, not an actor."""
        return self.kind in ("DEFINE", "AIM_LIST")

    @property
    def permits(self) -> bool:
        """"may": discretion, unless the subject is negated ("Neither Party may" forbids)."""
        return self.kind == "PERMISSION"


@dataclass(frozen=True)
class _Segment:
    """One comma-delimited piece of a sentence, as the grammar typed it."""

    kind: str  # clause, verbless, condition, relative, opener, quotation
    subject: tuple[Token, ...] = ()
    verb: _Verb | None = None
    tail: tuple[Token, ...] = ()


class ClausePlanner(Transformer):
    """Turn the parse tree of one sentence's cue types into its Plan (methods named after the grammar's rules)."""

    def start(self, sentences: list[Plan]) -> list[Plan]:
        return sentences

    def sentence(self, pieces: list) -> Plan:
        segments = [piece for piece in pieces if isinstance(piece, _Segment)]
        plan = (_main_clause_plan(segments) or _swallowed_plan(pieces) or _opener_plan(segments)
                or _binding_plan(_swallowed_plan(pieces, before_comma=True)) or _verbless_plan(segments))
        if plan.modality == "none":
            plan = _reported_plan(pieces, segments) or plan
        qualifier = next((token for segment in segments if segment.kind != "quotation"
                          for token in segment.subject + segment.tail if token.type == "QUALIFIER"), None)
        # A qualifier caps a duty, and gives a sentence without a verb of its own its leeway: "(f) as appropriate, issue
        # interpretations" under "The Commission shall:" is a best effort (``with_lead_in``).
        if qualifier is not None and (RANK[plan.modality] < RANK["best_effort"] or plan.modality_cue is None):
            plan = Plan("best_effort", qualifier.start_pos, plan.polarity_cue, plan.subject, plan.named_actor)
        return plan

    def clause(self, children: list) -> _Segment:
        subject = tuple(children.pop(0)) if isinstance(children[0], list) else ()
        verb, *tail = children
        return _Segment("clause", subject, verb, tuple(tail))

    def verbless(self, children: list) -> _Segment:
        return _Segment("verbless", tuple(children[0]))

    def subject(self, tokens: list[Token]) -> list[Token]:
        return tokens

    def condition(self, tokens: list[Token]) -> _Segment:
        return _Segment("condition", tail=tuple(tokens))

    def relative(self, tokens: list[Token]) -> _Segment:
        return _Segment("relative", tail=tuple(tokens))

    def opener(self, tokens: list[Token]) -> _Segment:
        return _Segment("opener", tail=tuple(tokens))

    def quotation(self, tokens: list[Token]) -> _Segment:
        return _Segment("quotation", tail=tuple(tokens))

    def verb_group(self, tokens: list[Token]) -> _Verb:
        cue = tokens[0]
        return _Verb(VERB_MODALITY[cue.type], cue.start_pos, cue.start_pos if cue.type in NEGATIVE_VERBS else None,
                     kind=cue.type, last=tokens[-1].start_pos if tokens[-1].type == "ADVERB" else cue.start_pos)

    def chained_verbs(self, tokens: list[Token]) -> _Verb:
        """A modal and a second verb cue close behind it: the weaker one decides ("shall endeavour")."""
        modal, lesser = tokens[0], tokens[-1]
        negative = next((token.start_pos for token in (modal, lesser) if token.type in NEGATIVE_VERBS | {"REFRAIN"}), None)
        if _weakens(modal, lesser):
            return _Verb(VERB_MODALITY[lesser.type], lesser.start_pos, negative)
        return _Verb(VERB_MODALITY[modal.type], modal.start_pos, negative)


def _main_clause_plan(segments: list[_Segment]) -> Plan | None:
    """The first plain clause with a verb decides; without a subject of its own it borrows the sentence's first."""
    main = _main_clause(segments)
    if main is None:
        return None
    first = next(segment for segment in segments if segment.kind in ("clause", "verbless"))
    subject = main.subject or (first.subject if first is not main else ())
    verb = main.verb
    if verb.defines:
        subject = ()
    negative_subject = _negative_subject(main.subject)
    after = segments[segments.index(main) + 1:]
    if verb.kind == "AGREE_THAT":
        # The that-clause runs on past commas: "agree that their legislation, provisions and procedures shall …".
        complement = main.tail + _unquoted_tokens(after)
        duty = _first_duty(complement)
        quoted = any(segment.kind == "quotation" for segment in after)
        if duty is None and not quoted and _states_a_fact(complement):
            # "The Parties agree that administrative cooperation is essential": agreeing on a fact recognises it.
            return Plan("aspirational", verb.cue, _negative_marker(main.tail), *_actor_tokens(subject))
        if duty is not None:
            before_duty = tuple(token for token in complement if token.start_pos < duty.start_pos)
            polarity_cue = _first(duty.start_pos if duty.type in NEGATIVE_VERBS else None,
                                  _negative_subject(before_duty), negative_subject)
            return Plan("binding", duty.start_pos, polarity_cue, *_actor_tokens(subject))
    # (A complement that opens with a negative subject forbids: "The two sides undertake that neither side will apply …".)
    complement_negative = main.tail[0].start_pos if main.tail and main.tail[0].type in NEGATIVE_SUBJECTS else None
    polarity_cue = _first(verb.negative_cue, negative_subject, _negative_marker(main.tail), complement_negative)
    modality = _forbidding(verb.modality, verb.permits, negative_subject)
    if modality == "binding" and _is_savings_subject(main.subject):
        modality = "none"  # "Nothing in this Agreement shall prevent …": a savings clause, no one's duty
    elif verb.kind == "SCOPE" and (_actor_tokens(subject)[1] or negative_subject is not None):
        # "Each Party shall apply to …": the Party's duty, not the agreement's reach; "No restrictive measures shall
        # apply to transfers related to investments": a prohibition.
        modality = "binding"
    elif verb.kind in ("SCOPE", "DEEM"):
        duty = _first_duty(main.tail, stop_at_links=True)
        if duty is not None:  # "an amendment shall constitute an integral part … and shall enter into force"
            return Plan("binding", duty.start_pos, duty.start_pos if duty.type in NEGATIVE_VERBS else None)
        subject = ()  # what a rule is about ("The following goods shall be considered …") is no actor
    elif modality in ("commitment", "best_effort", "aspirational"):
        later = after if not any(token.type in CLAUSE_LINKS for token in main.tail) else []
        # A "shall" coordinated with the main verb ("… and shall provide"), or in a later plain clause.
        duty = _first_duty(main.tail, stop_at_links=True) or _later_duty(later)
        if duty is not None:  # "Either Participant may discontinue … and shall provide written notice"
            return Plan("binding", duty.start_pos, duty.start_pos if duty.type in NEGATIVE_VERBS else polarity_cue,
                        *_actor_tokens(subject))
        pledge = _coordinated_pledge(main.tail) if modality == "aspirational" else None
        if pledge is not None:  # "The leaders welcomed the progress and reaffirmed their commitment to …"
            return Plan("commitment", pledge.start_pos, polarity_cue, *_actor_tokens(subject))
        later_pledge = _later_pledge(later) if modality == "aspirational" else None
        if later_pledge is not None:
            verb, own_subject = later_pledge
            return Plan("commitment", verb.start_pos, polarity_cue, *_actor_tokens(own_subject or subject))
    return Plan(modality, verb.cue, polarity_cue, *_actor_tokens(subject))


def _reported_plan(pieces: list, segments: list[_Segment]) -> Plan | None:
    """Reported speech reads as what it reports: the words after a reporting main verb ("Officials said Japan will
    sign …"), else a quotation ("“We will work together,” the minister said"; a sentence that is all quotation)."""
    main = _main_clause(segments)
    if main is not None and main.verb.kind != "REPORT":
        return None
    reported: list[tuple[Token, ...]] = []
    # "said that Japan will …" reports; "announced deals that will …" names an object and a relative clause about it.
    # ("said today that …": the time word belongs to the verb group, whose last cue ``last`` is.)
    if main is not None and not (main.tail and main.tail[0].type in CLAUSE_LINKS and main.tail[0].start_pos > main.verb.last + 1):
        after = pieces[pieces.index(main) + 1:]
        reported.append(main.tail + _unquoted_tokens(after))
    quotations = [segment for segment in segments if segment.kind == "quotation"]
    if main is None:
        # Without a reporting verb only a quotation that ends the sentence is speech: '"Each Party shall …" is the
        # first sentence of Article 3' mentions a sentence.
        quotations = [segment for segment in quotations if segment is segments[-1]]
    reported += [segment.tail for segment in quotations]
    for tokens in reported:
        tokens = tuple(token for token in tokens if token.type not in ("QUOTE", "STOP"))
        if tokens and tokens[0].type == "THAT":
            # "stated that X aim to …, …": what follows "that" is reported as a sentence of its own, whose clause
            # may run on past commas; read as a that-clause it would be a relative clause that a comma ends.
            tokens = tokens[1:]
        if not tokens or any(not token.type for token in tokens):  # a chained verb group has no single cue type
            continue
        plan = plan_sentence((*(REPORTED_AS.get(token.type, token.type) for token in tokens), "STOP"))
        # "announced deals that will deliver billions": a verb inside a relative clause reports no commitment.
        links = [token.type for token in tokens[1:plan.modality_cue]] if plan.modality_cue is not None else []
        if plan.modality != "none" and plan.modality_cue is not None and not CLAUSE_LINKS.intersection(links):
            def at(index: int | None) -> int | None:
                return tokens[index].start_pos if index is not None else None
            return Plan(plan.modality, at(plan.modality_cue), at(plan.polarity_cue),
                        tuple(tokens[index].start_pos for index in plan.subject), plan.named_actor)
    return None


def _later_duty(segments: list[_Segment]) -> Token | None:
    """The "shall" or "must" of a later plain clause of the sentence ("A Party may request consultations, and the
    other Party shall reply"): a provision reads as the strongest obligation it states.  Not after a that-clause or
    relative clause, whose continuation the later clauses may be ("may require that, …, investors must adopt")."""
    for segment in segments:
        verb = segment.verb
        if segment.kind == "clause" and verb is not None and verb.kind in DUTIES and not _is_savings_subject(segment.subject):
            return _verb_token(verb)
    return None


def _later_pledge(segments: list[_Segment]) -> tuple[Token, tuple[Token, ...]] | None:
    """The commitment of a later plain clause ("We share the goal of net zero by 2050, and commit to working toward
    our 2030 targets"): a sentence that recognises and then pledges reads as its pledge, as it would as two sentences.
    Returned with the clause's own subject from its known actor phrase on ("…, and the two sides agreed to …"), if any."""
    for segment in segments:
        if segment.kind == "clause" and segment.verb is not None and segment.verb.kind == "COMMITMENT":
            named = next((index for index, token in enumerate(segment.subject) if token.type in NAMED_ACTORS), None)
            return _verb_token(segment.verb), segment.subject[named:] if named is not None else ()
    return None


def _first_verb_cue(tokens: tuple[Token, ...], *, stop_at_links: bool = False) -> int | None:
    """Where the first verb cue of ``tokens`` is; with ``stop_at_links``, None when a that-clause, relative clause or
    condition comes before it."""
    for index, token in enumerate(tokens):
        if stop_at_links and token.type in CLAUSE_LINKS:
            return None
        if token.type in VERB_MODALITY:
            return index
    return None


def _first_duty(tokens: tuple[Token, ...], *, stop_at_links: bool = False) -> Token | None:
    """The first verb cue of ``tokens`` if it is a "shall" or "must": in an agreed that-clause ("agreed that the
    issues shall be regulated"), or, with ``stop_at_links``, coordinated with the main verb ("… and shall enter into
    force") before any that-clause, relative clause or condition."""
    index = _first_verb_cue(tokens, stop_at_links=stop_at_links)
    return tokens[index] if index is not None and tokens[index].type in DUTIES else None


def _coordinated_pledge(tokens: tuple[Token, ...]) -> Token | None:
    """The first verb cue of a main clause's ``tokens`` if it is a commitment with the main verb's object before it and
    no that-clause, relative clause or condition: a verb coordinated with the main one ("welcomed the progress and
    reaffirmed their commitment"), not the content of an aim ("The objectives are to establish cooperation")."""
    index = _first_verb_cue(tokens, stop_at_links=True)
    if index is None or tokens[index].type != "COMMITMENT" or not any(token.type == "WORDS" for token in tokens[:index]):
        return None
    return tokens[index]


def _main_clause(segments: list[_Segment]) -> _Segment | None:
    """The first plain clause with a verb of its own: the one that decides a sentence."""
    return next((segment for segment in segments if segment.kind in ("clause", "verbless") and segment.verb is not None), None)


def _unquoted_tokens(pieces: list) -> tuple[Token, ...]:
    """The tokens of a run of segments (and breaks, where ``pieces`` has them) in order, quotations left out."""
    return tuple(token for piece in pieces if not (isinstance(piece, _Segment) and piece.kind == "quotation")
                 for token in (_segment_tokens(piece) if isinstance(piece, _Segment) else (piece,)))


def _segment_tokens(segment: _Segment) -> tuple[Token, ...]:
    """A segment's tokens in order, its verb group as one token of the verb's kind."""
    return (*segment.subject, *((_verb_token(segment.verb),) if segment.verb else ()), *segment.tail)


def _verb_token(verb: _Verb) -> Token:
    return Token(verb.kind, "", verb.cue)


def _is_savings_subject(subject: tuple[Token, ...]) -> bool:
    """"Nothing in this Agreement …": the subject of a savings clause, which obliges no one."""
    return any(token.type == "NOTHING" for token in subject)


def _states_a_fact(tail: tuple[Token, ...]) -> bool:
    """An agreed that-clause with words but no verb cue ("… that X is essential"), or one that only identifies or
    deems ("… that transit freedom shall be the most important condition")."""
    return any(token.type in GAP_TYPES for token in tail) and not any(token.type in VERB_MODALITY and token.type != "DEEM"
                                                                      for token in tail)


def _forbidding(modality: Modality, permits: bool, negative_subject: int | None) -> Modality:
    """"Neither Party may impose", "no Party may adopt": a permission denied to every party is a prohibition."""
    return "binding" if permits and negative_subject is not None else modality


def _swallowed_plan(pieces: list, before_comma: bool = False) -> Plan | None:
    """A condition or relative clause with no comma after it has swallowed the main clause: its second verb
    cue is the main verb ("A Party that adopts a measure shall notify it"), or its only one.

    With ``before_comma``, the last resort when no clause of the sentence has a verb of its own, a comma after
    it does not stop it (a comma before it still does): "The present Treaty is subject to ratification and
    shall enter into force on the date on which …, but …", "treatment accorded to workers who are legally
    employed … shall be free of any discrimination, as regards …".
    """
    for index, segment in enumerate(pieces):
        if isinstance(segment, _Segment) and segment.kind == "opener" and segment.tail[0].type == "PURPOSE" and not before_comma:
            plan = _swallowing_opener_plan(segment)
            if plan is not None:
                return plan
        if not isinstance(segment, _Segment) or segment.kind not in ("condition", "relative"):
            continue
        following = pieces[index + 1] if index + 1 < len(pieces) else None
        if isinstance(following, Token) and following.type == "BREAK" and not before_comma:
            continue
        preceding = pieces[index - 1] if index > 0 else None
        if isinstance(preceding, Token) and preceding.type == "BREAK" and (before_comma or segment.tail[0].type == "RELATIVE"):
            # ", which aimed to ease tensions" comments on what comes before it: a relative clause after a comma has
            # swallowed no main clause, so its verb is not the sentence's, and in the last resort no segment after a comma
            # is. (", that duty rate shall apply" is no relative clause: "that" opens it as a determiner.)
            continue
        groups = _verb_groups(segment.tail)
        if not groups:
            continue
        position = _deciding_cue(segment.tail, groups[1] if len(groups) > 1 else groups[0])
        subject = _subject_before(segment.tail, position)
        if segment.kind == "relative" and index > 0 and isinstance(pieces[index - 1], _Segment):
            subject = pieces[index - 1].subject or subject
        return _tail_verb_plan(segment.tail, position, subject)
    return None


def _verb_groups(tail: tuple[Token, ...]) -> list[list[int]]:
    """The positions of the verb cues in ``tail`` in groups: a modal and the verb cue right after it ("shall agree"),
    or a verb and a weaker one chained to it ("will endeavour"), are one group.  "In order to facilitate … the Parties
    shall agree upon …" has one verb group, not a condition's verb and then the main one; "steps that the Parties
    consider will assist them" has two."""
    groups: list[list[int]] = []
    for position, token in enumerate(tail):
        if token.type in VERB_MODALITY:
            if (groups and groups[-1][-1] == position - 1
                    and (tail[position - 1].type in MODALS or token.type in LESSER_CUES)):
                groups[-1].append(position)
            else:
                groups.append([position])
    return groups


def _deciding_cue(tail: tuple[Token, ...], group: list[int]) -> int:
    """The cue that decides a verb group, as ``chained_verbs`` does: a weaker second verb ("shall endeavour"), else the first."""
    first = group[0]
    return next((position for position in group[1:] if _weakens(tail[first], tail[position])), first)


def _weakens(verb: Token, second: Token) -> bool:
    """Whether ``second``, chained to ``verb``, decides their group: a weaker verb only the modal binds the Parties to
    ("shall endeavour" → best_effort, "will consider" → aspirational); "refrain from" only adds a negative polarity.
    A duty to consider stays a duty: treaties' "shall consider" binds, as their "shall examine" does."""
    if second.type == "CONSIDER" and verb.type in DUTIES:
        return False
    return second.type in LESSER_CUES and RANK[VERB_MODALITY[second.type]] > RANK[VERB_MODALITY[verb.type]]


def _swallowing_opener_plan(opener: _Segment) -> Plan | None:
    """A purpose opener with no comma after it has swallowed the main clause: "To enhance the flow of goods the customs
    administration of each Party shall review …".  Not past a that-clause.  A recital never does ("RECOGNIZING that
    states must maintain …", "EXPRESSING their preparedness … to seek ways and means …")."""
    for position, token in enumerate(opener.tail):
        if token.type in CLAUSE_LINKS:
            return None
        if token.type in VERB_MODALITY:
            return _tail_verb_plan(opener.tail, position, _subject_before(opener.tail, position))
    return None


def _tail_verb_plan(tail: tuple[Token, ...], position: int, subject: tuple[Token, ...]) -> Plan:
    """The reading of a sentence whose main verb is ``tail[position]``, inside a segment that swallowed it."""
    verb = tail[position]
    negative_subject = _negative_subject(subject)
    polarity_cue = _first(verb.start_pos if verb.type in NEGATIVE_VERBS else None, negative_subject,
                          _negative_marker(tail[position + 1:]))
    modality = _forbidding(VERB_MODALITY[verb.type], verb.type == "PERMISSION", negative_subject)
    return Plan(modality, verb.start_pos, polarity_cue, *_actor_tokens(subject))


def _binding_plan(plan: Plan | None) -> Plan | None:
    """Only a duty ("shall", "must") found inside a condition or relative clause can stand for a sentence with no verb
    of its own: an item's "that may be employed" or "which will support" only qualifies, and the item keeps its
    lead-in's reading."""
    return plan if plan is not None and plan.modality == "binding" else None


def _subject_before(tokens: tuple[Token, ...], position: int) -> tuple[Token, ...]:
    """The run of subject tokens right before ``tokens[position]`` ("If a Party adopts X *it* shall")."""
    start = position
    while start > 0 and tokens[start - 1].type in SUBJECT_PARTS:
        start -= 1
    return tokens[start:position]


def _opener_plan(segments: list[_Segment]) -> Plan | None:
    """A preamble recital ("RECOGNISING that …") with no main clause after it (a numbered one: ``_numbered_recital``)."""
    if not segments or segments[0].kind != "opener":
        return None
    opener = segments[0]
    return Plan("aspirational", opener.tail[0].start_pos, _negative_marker(opener.tail[1:]))


def _verbless_plan(segments: list[_Segment]) -> Plan:
    """No main verb (a bullet, a heading, a fact): only a prohibition marker can say something."""
    markers = (_negative_marker(segment.subject) for segment in segments if segment.kind == "verbless")
    return Plan(polarity_cue=next((cue for cue in markers if cue is not None), None))


def _actor_tokens(subject: tuple[Token, ...]) -> tuple[tuple[int, ...], bool]:
    """The subject's tokens that name the actor (without time or linking words), and whether a known actor
    phrase ("Each Party", "the two sides") starts them."""
    named = [token for token in subject if token.type not in NOT_ACTORS]
    return tuple(token.start_pos for token in named), bool(named) and named[0].type in NAMED_ACTORS


def _negative_subject(subject: tuple[Token, ...]) -> int | None:
    return next((token.start_pos for token in subject if token.type in NEGATIVE_SUBJECTS), None)


def _negative_marker(tokens: tuple[Token, ...]) -> int | None:
    """The first prohibition marker before the clause hands over to a that-clause or relative clause."""
    for token in tokens:
        if token.type in CLAUSE_LINKS:
            return None
        if token.type in NEGATIVE_MARKERS:
            return token.start_pos
    return None


def _first(*candidates: int | None) -> int | None:
    return next((candidate for candidate in candidates if candidate is not None), None)


# ----------------------------------------------------------------------------- entry point

# The planner runs inside the LALR parser (no tree is built): plans are made on every new sentence shape.
_PARSER = Lark.open("clause.lark", rel_to=__file__, parser="lalr", lexer=_CueTypeLexer, transformer=ClausePlanner())
QUALIFIER_CUE = re.compile(_PARSER.get_terminal("QUALIFIER").pattern.to_regexp())
RECITAL_CUE = re.compile(_PARSER.get_terminal("PARTICIPLE").pattern.to_regexp())
# "are to be made": an arrangement a sentence states of its subject, not of a condition's or a list item's.
ARRANGEMENT_CUE = re.compile(r"(?i)(?:is|are)\s+(?:\w+\s+)?to\s+be\s+\w+")
_SCANNER = build_scanner(_PARSER, frozenset(VERB_MODALITY))


@lru_cache(maxsize=PLAN_CACHE_SIZE)
def plan_sentence(names: tuple[str, ...]) -> Plan:
    """Parse one sentence's cue types with the clause grammar and return how it reads."""
    try:
        plans = _PARSER.parse(names)
    except LarkError as error:  # the grammar accepts every cue sequence: failing here is our bug, not the user's
        raise ParseError(f"clause grammar cannot read the cue sequence {' '.join(names)}: {error}") from error
    return plans[0]


def scan_cues(text: str) -> list[Sentence]:
    """The cues of ``text`` sentence by sentence, with the gaps between them named (``grammar.cue_scan.Scanner.scan_cues``).

    >>> [names for names, _ in scan_cues("The Parties may agree. Each Party shall act promptly. Done")]
    [('ACTOR', 'PERMISSION', 'COMMITMENT', 'STOP'), ('ACTOR', 'BINDING', 'FEW', 'STOP'), ('WORDS', 'STOP')]
    """
    return _SCANNER.scan_cues(text)


def scan_texts(texts: list[str]) -> tuple[str, Iterator[list[Sentence]]]:
    """The cues of many texts from one scan of them all, offsets in the texts joined by ``TEXT_SEPARATOR``, returned
    first (``grammar.cue_scan.Scanner.scan_texts``).

    >>> joined, scanned = scan_texts(["Each Party shall act.", "(a) the Parties may agree"])
    >>> scanned = list(scanned)
    >>> [[names for names, _ in sentences] for sentences in scanned]
    [[('ACTOR', 'BINDING', 'FEW', 'STOP')], [('_ENUM', 'ACTOR', 'PERMISSION', 'COMMITMENT', 'STOP')]]
    >>> [joined[start:end] for start, end, _ in scanned[1][0][1]]
    ['(a)', 'the Parties', 'may', 'agree', '']
    """
    return _SCANNER.scan_texts(texts)


def read_clause(text: str, lead_in: ClauseReading | None = None) -> ClauseReading:
    """Read one provision's actor, modality and polarity.

    An item without a modal cue of its own (a bullet: "Non-imposition of export duties;") takes the
    modality and actor of ``lead_in``, the reading of the provision that introduces its list, and keeps
    its own polarity.
    """
    sentences = scan_cues(text)
    return with_lead_in(_read_sentences(text, sentences), lead_in, text, tuple(names for names, _ in sentences))


def read_provision(text: str) -> ClauseReading:
    """``read_clause`` of a provision that no lead-in reads, as the parse reads one: an instruction or an objective
    that opens it decides when no cue does (``as_instruction``)."""
    return as_instruction(read_clause(text), text)


def read_clauses(texts: list[str]) -> list[ClauseReading]:
    """``read_clause`` of each text, without lead-ins, from one scan of them all (see ``scan_texts``)."""
    return [reading for reading, _ in read_clause_shapes(texts)]


def read_clause_shapes(texts: list[str]) -> list[tuple[ClauseReading, Shape]]:
    """``read_clauses``, each reading with its text's shape (the cue names of its sentences), which ``with_lead_in``
    takes instead of scanning an item's text again."""
    joined, scanned = scan_texts(texts)
    return [(_read_sentences(joined, sentences), tuple(names for names, _ in sentences)) for sentences in scanned]


def as_instruction(reading: ClauseReading, text: str) -> ClauseReading:
    """``reading`` of a provision without a lead-in, or, when it has no verb cue, a commitment if it opens with an
    instruction's verb (``INSTRUCTION``: "Expand exchanges between personnel at all levels on both sides.") and an
    aspiration if it opens with an objective's gerund and states nothing (``OBJECTIVE``: "Enhancing the resilience of
    supply chains and fostering dialogue", as a list of aims has it; not "Securing growth is our first mission")."""
    if reading.modality_cue is not None or reading.modality != "none":
        return reading
    match = INSTRUCTION.match(text)
    # Capitalised as a sentence's first word, or after "One, ": not a verb inside a run-on fragment ("reduce costs").
    if match is not None and (match.group("verb")[0].isupper() or match.group("ordinal")):
        return _reading(reading.actor, "commitment", reading.polarity_cue, match.group("verb"))
    match = OBJECTIVE.match(text)
    if match is not None and match.group("verb")[0].isupper() and not FINITE_VERB.search(text, match.end()):
        return _reading(reading.actor, "aspirational", reading.polarity_cue, match.group("verb"))
    return reading


def with_lead_in(reading: ClauseReading, lead_in: ClauseReading | None, text: str | None = None,
                 shape: Shape | None = None) -> ClauseReading:
    """An item's reading given the reading of its list's lead-in (see ``read_clause``).

    With the item's ``text`` and ``shape`` (the cue names of its sentences), an item whose own cues do not make a main clause of its own reads under the lead-in's
    verb (``_own_cues_yield``): a verb cue that only a that-clause or relative clause of its words holds ("(b) a
    transparent system to provide notice to a patent holder that another person is seeking to market …", under "Each
    Party shall provide:"), a qualifier alone, or a verb that chains to the lead-in's modal ("consider", "encourage").
    """
    if lead_in is None:
        return reading
    if reading.modality_cue is None:
        return _reading(reading.actor or lead_in.actor, lead_in.modality, reading.polarity_cue, lead_in.modality_cue)
    if text is None or shape is None or lead_in.modality_cue is None:
        return reading
    return _own_cues_yield(reading, lead_in, text, shape) or reading


def _own_cues_yield(reading: ClauseReading, lead_in: ClauseReading, text: str, sentences: Shape) -> ClauseReading | None:
    """The reading of an item with a cue of its own under a lead-in with a verb, where the lead-in's verb governs it."""
    qualifier_only = QUALIFIER_CUE.fullmatch(reading.modality_cue.lower()) is not None
    unlabelled = ITEM_LABELS.sub("", text, count=1)
    lower_case = unlabelled[:1].islower()
    if lower_case and RECITAL_CUE.fullmatch(lead_in.modality_cue.lower()):
        # "ACKNOWLEDGING that: … secure and resilient supply chains must be developed …;": a preamble's entry states what
        # the parties acknowledge, whatever its own verb.
        return _reading(None, lead_in.modality, reading.polarity_cue, lead_in.modality_cue)
    if lower_case and ARRANGEMENT_CUE.fullmatch(reading.modality_cue):
        # "unless: … (c) the goods are to be examined by any agency …": an item in lower case goes on with the lead-in's
        # sentence, which its "are to be" describes rather than arranges.
        return _reading(reading.actor or lead_in.actor, lead_in.modality, reading.polarity_cue, lead_in.modality_cue)
    if not (qualifier_only or lower_case or reading.modality != "binding"):
        return None
    if qualifier_only and not any(name in VERB_MODALITY for names in sentences for name in names):
        # "(f) as appropriate, issue interpretations": the lead-in's verb, with the item's leeway.
        modality = lead_in.modality if RANK[lead_in.modality] > RANK["best_effort"] else "best_effort"
        return _reading(reading.actor or lead_in.actor, modality, reading.polarity_cue, reading.modality_cue)
    if lower_case and _decided_in_complement(sentences):
        return _reading(lead_in.actor, lead_in.modality, reading.polarity_cue, lead_in.modality_cue)
    names = [name for name in sentences[0] if name != "_ENUM"] if sentences else []
    if names and names[0] == "WORDS" and INFINITIVE_START.match(unlabelled):
        names = names[1:]  # "2) To consider and submit …": the infinitive's "to" (and a label the scan read as words)
    opening = names[0] if names else None
    if opening == "CONSIDER" and lead_in.modality == "binding" and reading.modality == "aspirational":
        # "The Commission shall: … (e) consider and adopt any amendment": a duty to consider stays a duty, as "shall
        # consider" does (``_weakens``).
        return _reading(reading.actor or lead_in.actor, "binding", reading.polarity_cue, reading.modality_cue)
    if opening == "ENCOURAGE" and reading.modality != "binding":
        # "Areas of cooperation may include: … (b) Encourage and promote trade and investment": the lead-in's modal
        # governs the item's verb, as "may encourage" and "shall encourage" read.
        return _reading(reading.actor or lead_in.actor, lead_in.modality, reading.polarity_cue, lead_in.modality_cue)
    return None


def _decided_in_complement(sentences: Shape) -> bool:
    """Whether an item (a fragment that goes on in lower case after its label) takes its modality from a verb cue after
    a "that" or relative pronoun that only words precede ("a transparent system to provide notice … that another person
    is seeking to"): not from a named actor's own relative clause ("a Party that adopts a measure shall notify it"), nor
    after a condition or a comma, where the item's own main clause may follow ("when …, that Party may seek …")."""
    for names in sentences:
        plan = plan_sentence(names)
        if plan.modality_cue is None:
            continue
        link = next((index for index, name in enumerate(names[:plan.modality_cue]) if name in ("THAT", "RELATIVE")), None)
        # "such other matters as the Parties may agree": the relative "as" holds the item's words.
        return link is not None and ("WORDS" in names[:link] or names[link] == "RELATIVE") \
            and all(name in PLAIN_WORDS for name in names[:link])
    return False


def _read_sentences(text: str, sentences: list[Sentence]) -> ClauseReading:
    """The reading of a provision's scanned sentences: its strongest sentence, else its first negative one;
    ``text`` is what the cues' offsets index."""
    best: tuple[Plan, list[Cue]] | None = None
    negative: tuple[Plan, list[Cue]] | None = None
    first: tuple[Plan, list[Cue]] | None = None  # the first sentence with a modality cue
    for names, cues in sentences:
        plan = plan_sentence(names)
        if plan.modality == "commitment" and _predicts_an_effect(text, plan, cues):
            plan = Plan(polarity_cue=plan.polarity_cue, subject=plan.subject, named_actor=plan.named_actor)
        elif plan.modality == "aspirational" and _a_speaker_notes(text, plan, cues):
            plan = Plan("none", plan.modality_cue, plan.polarity_cue, plan.subject, plan.named_actor)
        elif plan.modality == "aspirational" and _an_instrument_requires(text, plan, cues):
            plan = Plan("commitment", plan.modality_cue, plan.polarity_cue, plan.subject, plan.named_actor)
        elif plan.modality == "best_effort" and _an_instrument_seeks(text, plan, cues):
            plan = Plan("aspirational", plan.modality_cue, plan.polarity_cue, plan.subject, plan.named_actor)
        elif plan.modality == "binding" and not plan.named_actor and _saves(text, plan, cues):
            plan = Plan("none", plan.modality_cue, plan.polarity_cue)  # the instrument it saves is no actor
        elif plan.modality == "commitment" and _arrangement_in_a_clause_link(text, plan, cues):
            plan = Plan(polarity_cue=plan.polarity_cue)
        elif plan.modality == "aspirational" and _run_in_heading(text, plan, cues):
            plan = Plan(polarity_cue=plan.polarity_cue)
        elif RANK[plan.modality] < RANK["aspirational"] and (recital := _opening_recital(text, cues)) is not None:
            # "Whereas the Parties are committed to liberalize trade": a recital states the background of the duties
            # that follow, and commits to nothing itself, as a preamble's "RECOGNIZING …" does.
            plan = Plan("aspirational", recital, plan.polarity_cue, plan.subject, plan.named_actor)
        if plan.modality_cue is None and _numbered_recital(text, cues):
            plan = Plan("aspirational", 1, plan.polarity_cue, plan.subject, plan.named_actor)
        if plan.modality_cue is not None and (best is None or RANK[plan.modality] < RANK[best[0].modality]):
            best = (plan, cues)
        if plan.modality_cue is not None and plan.modality != "none" and first is None:
            first = (plan, cues)
        if plan.polarity_cue is not None and negative is None:
            negative = (plan, cues)
    plan, cues = best or negative or (Plan(), [])
    actor = _actor(text, plan, cues)
    if best is not None and first is not None and best is not first and _is_consequence(actor):
        first_actor = _actor(text, *first)
        if not _is_consequence(first_actor):
            (plan, cues), actor = first, first_actor
    return _reading(actor, plan.modality, _cue_text(text, cues, plan.polarity_cue), _cue_text(text, cues, plan.modality_cue))


def _is_consequence(actor: str | None) -> bool:
    """Whether a sentence with this subject states what follows from an act of the parties' for the instrument itself:
    "Either Party may terminate this Agreement by written notice. This Agreement shall expire twelve months after …", "The
    withdrawal shall take effect six months after …". Such a sentence after a party's own does not outrank it: the
    provision gives the party leeway, and its consequence follows."""
    if actor is None:
        return False
    words = _lowered_words(actor)
    head = _head_noun(words)
    # A party named with the instrument is still a party: "Either Party to this Agreement may denounce this Agreement …".
    return head not in PARTY_NOUNS and (head in INSTRUMENT_EVENTS or words[-1] in INSTRUMENT_EVENTS)


def _arrangement_in_a_clause_link(text: str, plan: Plan, cues: list[Cue]) -> bool:
    """Whether an arrangement ("is to be awarded") is a condition's or a relative clause's verb, whatever the clause
    grammar makes of it: "(b) the results of any evaluation where the contract is to be awarded on the basis of …", "the
    basic duty, to which successive reductions … are to be applied, shall be …" state no arrangement of their own."""
    start, end, _ = cues[plan.modality_cue]
    return ARRANGEMENT_CUE.fullmatch(text[start:end]) is not None \
        and any(name in CLAUSE_LINKS for _, _, name in cues[:plan.modality_cue])


def _run_in_heading(text: str, plan: Plan, cues: list[Cue]) -> bool:
    """Whether the opener that decided the sentence is a heading set in capitals before a colon, as fact sheets label their
    paragraphs ("BUILDING ON PRESIDENT TRUMP'S AGENDA: This agreement follows similar frameworks …"): a label is no recital,
    and the sentence after it reads on its own words.  A recital's capitals stop at its participle ("RECOGNIZING the need …")."""
    index = plan.modality_cue
    if index is None or cues[index][2] != "PARTICIPLE":
        return False
    colon = next((position for position in range(index + 1, len(cues))
                  if cues[position][2] == "BREAK" and text[cues[position][0]:cues[position][1]].strip() == ":"), None)
    if colon is None or not any(name not in ("BREAK", "STOP") for _, _, name in cues[colon + 1:]):
        return False
    return text[cues[index][0]:cues[colon][0]].isupper()


def _numbered_recital(text: str, cues: list[Cue]) -> bool:
    """A preamble's numbered recital: "(ii) Being aware of the growth in their trade;", "(iv) Recognizing the need …". The
    participle is capitalised, as a recital's is; a list's item in lower case ("(d) considering any other matter referred to
    it") is a function its lead-in names."""
    return len(cues) > 1 and cues[0][2] == "_ENUM" and cues[1][2] == "PARTICIPLE" and text[cues[1][0]].isupper()


def _opening_recital(text: str, cues: list[Cue]) -> int | None:
    """The index of the "Whereas" that opens a sentence as a preamble recital (the scanner names it BREAK), if one does,
    or of the participle that opens an unnumbered recital ending in a semicolon or comma as a preamble's recitals do ("Considering
    that the institutional, technical and scientific cooperation … shall contribute to …;": the comma inside its
    that-clause does not make what follows a main clause; "Recognizing that …, the Parties undertake to …;" names its actor)."""
    for index, (start, end, name) in enumerate(cues):
        if name in ("WORDS", "_ENUM"):  # a paragraph's number or an item's letter may come first
            continue
        if name == "BREAK" and text[start:end].lower() == "whereas":
            return index
        if name == "PARTICIPLE" and index == 0 and cues[-1][2] == "STOP" and text[:cues[-1][1]].rstrip().endswith((";", ",")) \
                and not any(cue_name in NAMED_ACTORS for _, _, cue_name in cues):
            return index
        return None
    return None


def strongest_reading(readings: list[ClauseReading]) -> ClauseReading:
    """The reading of a provision made of these sentence readings, as ``_read_sentences`` reads its sentences: the
    strongest with a modality cue, else the first negative one, else none."""
    best = first = None
    for reading in readings:
        if reading.modality_cue is not None and (best is None or RANK[reading.modality] < RANK[best.modality]):
            best = reading
        if reading.modality_cue is not None and reading.modality != "none" and first is None:
            first = reading
    if best is not None and first is not None and best is not first and _is_consequence(best.actor) \
            and not _is_consequence(first.actor):
        return first  # "Either Party may terminate this Agreement …. The Agreement shall expire …" (``_is_consequence``)
    if best is not None:
        return best
    negative = next((reading for reading in readings if reading.polarity_cue is not None), None)
    return negative if negative is not None else _reading(None, "none", None, None)


def _predicts_an_effect(text: str, plan: Plan, cues: list[Cue]) -> bool:
    """"It will help cut harmful subsidies", "This will mark a new era", "the power line will enable reductions in
    emissions": a bare "will" or "would" before a verb of effect, with no one named as the subject, forecasts what
    something will do; it commits no one. So does any "will" of a plant, a project or a market ("The refinery will produce
    10,000 tonnes a year"), and an instrument's "will" of effect ("This partnership will help build new supply chains")."""
    start, end, _ = cues[plan.modality_cue]
    if text[start:end].strip().lower() not in FORECAST_MODALS:
        return False
    if CONCESSION.search(text, end, cues[-1][0]) is not None:
        return False  # "… exports will progressively become tariff-free": the deal's term, not a forecast
    if PLAYS_A_ROLE.match(text, end):
        return True  # "… battery supply chains will play a vital role", "Foreign capital will continue to play an important role"
    actor = _actor(text, plan, cues)
    if actor is not None:
        words = actor.split()
    else:
        # Reported, the clause's own subject decides: "He said the project will create 500 jobs" forecasts, "The companies
        # said in a statement they will focus on …" commits (a person acts; "it" may be the deal, and stays unnamed).
        reported = _lowered_words(_words_before_verb(text, plan, cues))
        if reported and reported[-1] in PERSONAL_PRONOUNS:
            return False
        if _head_noun(reported) in FORECAST_SUBJECTS:
            return MEASURE_PASSIVE.match(text, end) is None
        words = []
    # No one named, or things the sentence before named ("These policies will also contribute to …", "This will not only boost
    # India's quest …"): a verb of effect forecasts.
    if not words or (words[0].lower() in DEMONSTRATIVES and (len(words) == 1 or words[1][:1].islower()) and not plan.named_actor):
        return PREDICTED_EFFECT.match(text, end) is not None
    head = _head_noun(_lowered_words(actor))
    # "The project will create 500 jobs": what a thing will do, whatever the verb; "This partnership will help build …",
    # "Agreements like today's will make …": an instrument's effect.
    # "Exports of copper will also be stopped" is a measure taken on the thing, whoever takes it, not a forecast of it.
    if head in FORECAST_SUBJECTS:
        return MEASURE_PASSIVE.match(text, end) is None
    return _names_an_instrument_or_a_process(head) and PREDICTED_EFFECT.match(text, end) is not None


def _names_an_instrument_or_a_process(head: str) -> bool:
    """An instrument ("deal", "partnership", "financing") or a process or an act named by its noun ("enrichment",
    "development"), not a body ("government", "commission")."""
    return head in INSTRUMENTS or (PROCESS_ENDING.search(head) is not None and head not in AGENTS)


def _a_speaker_notes(text: str, plan: Plan, cues: list[Cue]) -> bool:
    """"He also noted the benefits of …", "He confirmed the proclamation was signed", "Trade officials highlighted the
    unusually fast implementation": a speaker or a source a report quotes notes a fact; the parties recognising something
    ("The Ministers noted the progress …") aspire as before."""
    start, end, _ = cues[plan.modality_cue]
    if not STATING_VERB.fullmatch(text[start:end].strip()) or not plan.subject:
        return False
    subject = _lowered_words(_subject_text(text, plan, cues))
    if subject and subject[-1] in SPEAKERS:
        return True
    return bool(SPEAKER_TITLES.intersection(subject)) and "and" not in subject and ADVOCACY.match(text, end) is None


def _an_instrument_requires(text: str, plan: Plan, cues: list[Cue]) -> bool:
    """"The deal calls for a $1 billion contribution from each side": what an instrument calls for, it requires of its
    parties; a person or a statement calling for something ("The ministers called for restraint") only urges."""
    return _cue_is(CALLS_FOR, text, plan, cues) and _subject_is_an_instrument(text, plan, cues)


def _an_instrument_seeks(text: str, plan: Plan, cues: list[Cue]) -> bool:
    """"The MoU also seeks to promote the exchange of knowledge": what an instrument seeks is its aim, as "aims to" is;
    a party seeking to act ("The Parties shall seek to promote …") makes an effort."""
    return _cue_is(SEEKS_TO, text, plan, cues) and _subject_is_an_instrument(text, plan, cues, but=MEMBERSHIPS)


def _cue_is(verb: re.Pattern, text: str, plan: Plan, cues: list[Cue]) -> bool:
    start, end, _ = cues[plan.modality_cue]
    return verb.fullmatch(text[start:end].strip()) is not None


def _subject_is_an_instrument(text: str, plan: Plan, cues: list[Cue], but: frozenset[str] = frozenset()) -> bool:
    """Whether the subject of ``plan``'s verb is an instrument ("the MOU on key minerals", "The deal"), one not named in ``but``."""
    head = _head_noun(_lowered_words(_words_before_verb(text, plan, cues)))
    return head in INSTRUMENTS and head not in but


def _head_noun(words: list[str]) -> str:
    """The head noun of a subject's lower-cased words: the word before its first preposition ("the MOU [on key minerals]",
    "the structure [for purchasing crude oil …]"), else its last word; "" for no words."""
    head = next((index for index, word in enumerate(words) if word in HEAD_ENDS), len(words))
    return words[head - 1] if head > 0 else ""


def _lowered_words(subject: str) -> list[str]:
    """A subject's words as the word lists above hold them: lower-cased, without a trailing comma."""
    return [word.lower().strip(",") for word in subject.split()]


def _words_before_verb(text: str, plan: Plan, cues: list[Cue]) -> str:
    """The subject of ``plan``'s verb as the text has it, named or not: the plan's subject, or, reported ("Albanese said the
    deal calls for …"), the words right before the verb; "" when there are none."""
    if plan.subject:
        return _subject_text(text, plan, cues)
    if plan.modality_cue and cues[plan.modality_cue - 1][2] in ("WORDS", "FEW"):
        return text[cues[plan.modality_cue - 1][0]:cues[plan.modality_cue - 1][1]]
    return ""


def _saves(text: str, plan: Plan, cues: list[Cue]) -> bool:
    """"The CEPA and provisions in its Annexes shall not affect the ability of …", "any action taken under it shall not
    affect or nullify the rights of either side": what no party is named to do, a savings clause, obliges no one (with a
    party named, "Each Party shall not impair …" binds)."""
    start, end, _ = cues[plan.modality_cue]
    if SAVINGS_VERB.match(text, end) is None or text[start:end].split()[-1].lower() != "not" or not plan.subject:
        return False
    return SAVING_SUBJECT.search(_subject_text(text, plan, cues)) is not None


def _subject_text(text: str, plan: Plan, cues: list[Cue]) -> str:
    """The words of ``plan``'s subject as the text has them (``plan.subject`` must not be empty)."""
    return text[cues[plan.subject[0]][0]:cues[plan.subject[-1]][1]]


def _actor(text: str, plan: Plan, cues: list[Cue]) -> str | None:
    """The subject as written, if it looks like a noun phrase: a known actor phrase or capitalised and short."""
    if not plan.subject:
        return None
    cue = plan.modality_cue
    if cue and cues[cue - 1][2] == "BREAK" and text[cues[cue - 1][0]:cues[cue - 1][1]].strip() == "," \
            and PARTICIPLE_CUE.match(text, cues[cue][0]):
        return None  # "The two ministries signed an MOU, agreeing to …": a clause before the participle, not its subject
    actor = " ".join(_subject_text(text, plan, cues).split()).strip(" ,;:")
    words = actor.split()
    while len(words) > 1 and NUMBER_LABEL.fullmatch(words[0]):
        words.pop(0)  # "2.1 The Participants intend to …": the paragraph's number, which no full stop set apart
    while len(words) > 1 and words[-1].lower() in AUXILIARIES:
        words.pop()  # "The Parties have [agreed]": the auxiliary belongs to the verb
    if len(words) == 1 and words[0].lower() in AUXILIARIES:
        return None  # "HAVE AGREED as follows:" after the recitals: the subject was named before them
    if words and words[-1].endswith(("'s", "’s")) and len(words[-1]) > 2:
        words[-1] = words[-1][:-2]  # "OFREMI's [mission is to]": the cue took the noun the possessor owns
    actor = " ".join(words)
    if not words or len(words) > MAX_ACTOR_WORDS or words[-1].lower() in COORDINATORS or words[-1].lower() in DETERMINERS:
        return None
    if any(word.lower() in FINITE_BE for word in words[1:]):
        return None  # "The partnership is centred around five [areas of collaboration:]": a clause, not a noun phrase
    if plan.named_actor or actor[0].isupper() or PROPER_AFTER_THE.match(actor):
        return actor
    return None


def _cue_text(text: str, cues: list[Cue], index: int | None) -> str | None:
    if index is None:
        return None
    start, end, _ = cues[index]
    return text[start:end].strip()


@lru_cache(maxsize=PLAN_CACHE_SIZE)
def _reading(actor: str | None, modality: Modality, polarity_cue: str | None, modality_cue: str | None) -> ClauseReading:
    return ClauseReading(actor=actor, modality=modality, polarity="negative" if polarity_cue else "positive",
                         modality_cue=modality_cue, polarity_cue=polarity_cue)
