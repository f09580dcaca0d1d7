"""Short names an agreement or a report defines for the bodies it sets up: "a Joint Economic Commission (hereinafter
referred to as the JEC)", "the Trade and Technology Council (TTC)". A later provision that uses the short name alone
("The JEC shall explore ways and means …") is about that body, and gets the categories its full name was tagged with,
the short name as its evidence.

Only bodies: the short name of the agreement itself ("South Asian Preferential Trade Arrangement (SAPTA)"), of an
international organisation ("World Customs Organization (WCO)") or of a concept is used throughout a text for much
else than what its full name's words are about.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from clauses.models import Tag
from grammar.models import Provision

# Right after a tagged name (perhaps with a few more words of it: the evidence may be "Economic Commission" in "Joint
# Economic Commission", or "Council" in "Council on Trade and Competitiveness"), the definition in parentheses: "(JEC)",
# "(the “Committee”)", "(hereinafter referred to as the JEC)", "(hereinafter called 'the Council')".
DEFINITION = re.compile(
    r"(?P<rest>(?:[ ]+(?:(?:and|of|on|for|in|the|&)[ ]+)?[A-Z][\w'’&-]*){0,4})[ ]*\(\s*(?:hereinafter(?:\s*[-–,])?\s+(?:referred\s+to\s+as|called|the)\s+)?(?:the\s+)?"
    r"[\"“'‘]?(?P<short>[A-Z][A-Za-z&-]{1,11})[\"”'’]?\s*\)")
# The last word of a body's name.
BODY_WORDS = frozenset({"commission", "committee", "council", "dialogue", "forum", "group", "force", "mechanism", "network",
                        "secretariat", "board", "centre", "center", "platform", "team", "panel", "subcommittee", "sub-committee",
                        # A standing ministerial: "the ASEAN Ministers on Energy Meeting (AMEM)", "Conference of the Parties (COP)".
                        "meeting", "ministerial", "conference"})
# Words a body's name holds in lower case: "Trade and Technology Council", "Committee on Trade in Goods".
NAME_JOINERS = frozenset({"and", "of", "on", "for", "in", "the", "&"})
# Short names that name a party, not a body: "the United States (US)".
PARTY_NAMES = frozenset({"US", "USA", "UK", "EU", "EC", "UAE", "PRC", "ROK", "DPRK"})


def tag_short_names(provisions: list[Provision], owner_spans: dict[str, list[tuple[int, int]]], text: str,
                    tags: dict[str, list[Tag]], make_tag: Callable[[str, str, int, int, str], Tag],
                    add_tags: Callable[[str, list[Tag]], None]) -> None:
    """Give each provision using a defined short name the categories its full name was tagged with (``make_tag``
    builds a tag from category, match, start, end and pattern; ``add_tags`` adds a provision's new tags)."""
    defined = _definitions(provisions, text, tags)
    if not defined:
        return
    finder = re.compile(r"\b(" + "|".join(re.escape(short) for short in sorted(defined, key=len, reverse=True)) + r")\b")
    for provision in provisions:
        given: list[Tag] = []
        for start, end in owner_spans.get(provision.ref, []):
            for match in finder.finditer(text, start, end):
                short = match.group(1)
                definition_end, full_name, categories = defined[short]
                if match.start() < definition_end:
                    continue  # the definition itself, or a mention before it
                given += [make_tag(category, short, match.start(), match.end(), f"short name of: {full_name}")
                          for category in categories if all(tag.category != category for tag in given)]
        if given:
            add_tags(provision.ref, given)


def _proper_name(words: list[str]) -> list[str]:
    """The name at the end of ``words``, as a title writes it: "establish a Joint Economic Commission" → "Joint Economic
    Commission", "Trade and Technology Council" whole."""
    start = len(words)
    while start and (words[start - 1][:1].isupper() or words[start - 1] in NAME_JOINERS):
        start -= 1
    while start < len(words) and words[start] in NAME_JOINERS:
        start += 1
    return words[start:]


def _is_acronym(short: str) -> bool:
    """"JEC", "TTC", "MoU", not "Council" or "Committee": a common noun a text uses for several bodies ("Labor Affairs
    Council (Council)" and "Environmental Affairs Council (Council)" in one agreement) names none of them alone."""
    return sum(1 for char in short if char.isupper()) >= 2


def _definitions(provisions: list[Provision], text: str, tags: dict[str, list[Tag]]) -> dict[str, tuple[int, str, list[str]]]:
    """short name → (where its definition ends, the full name's evidence, the categories that evidence gave)."""
    defined: dict[str, tuple[int, str, list[str]]] = {}
    for provision in provisions:
        for tag in tags.get(provision.ref, []):
            for evidence in tag.evidence:
                definition = DEFINITION.match(text, evidence.end)
                if definition is None or not _is_acronym(definition.group("short")) or definition.group("short") in PARTY_NAMES:
                    continue
                full_name = _proper_name((evidence.match + definition.group("rest")).split())
                # The body's word may end its name or head a phrase after it ("Committee on Trade in Goods").
                if not any(word.lower() in BODY_WORDS for word in full_name):
                    continue
                short = definition.group("short")
                end, name, categories = defined.get(short, (definition.end(), " ".join(full_name), []))
                if tag.category not in categories:
                    categories.append(tag.category)
                defined[short] = (min(end, definition.end()), name, categories)
    return defined
