"""Exclusions: the strings a pattern's matches must hold, and the checks built on them veto what a plain search vetoes."""
from __future__ import annotations

import re
from re import _parser

import pytest

from clauses import load_taxonomy
from clauses.exclusions import Exclusion, Exclusions, _required_strings
from grammar import load_document
from tests.conftest import TOTA_PATHS, seed_path

FLAGS = re.IGNORECASE | re.MULTILINE


def plain_first_veto(patterns: list[str], texts: list[str], flags: int = FLAGS) -> str | None:
    """What ``Exclusions.first_veto`` must return: each pattern searched in order over every text, no pre-check."""
    for pattern in patterns:
        for text in texts:
            match = re.search(pattern, text, flags)
            if match:
                return f"{pattern} ({match.group().strip()!r})"
    return None


@pytest.mark.parametrize(("pattern", "strings"), [
    pytest.param(r"\bfor\s+(?:the\s+)?purposes?\s+of", [{"for", "purpose", "of"}], id="every-run"),
    pytest.param(r"^\W*\w+\s+(?:means|shall\s+mean|refers\s+to)\b", [{"means"}, {"shall", "mean"}, {"refers", "to"}],
                 id="alternation"),
    pytest.param(r"the (?:aa|bb|cc|dd|ee) x", [{"the ", " x"}], id="too-many-sets-left-out"),
    pytest.param(r"(?:Foo)+x?", [{"foo"}], id="repeated-group-lower-cased"),
    pytest.param(r"a|b*", None, id="optional-alternative-promises-nothing"),
    pytest.param(r"x?(?=abc)", None, id="look-ahead-promises-nothing"),
    pytest.param(r"caf\u00e9s", [{"caf", "s"}], id="non-ascii-literal-ends-a-run"),
])
def test_required_strings_of_a_pattern(pattern, strings):
    found = _required_strings(_parser.parse(pattern).data)
    assert found == (None if strings is None else [frozenset(each) for each in strings])


@pytest.mark.parametrize(("pattern", "texts"), [
    pytest.param(r"\bthe\s+terms?\s+\w+\s+means\b", ["The term X means Y.", "no definition here"], id="ascii"),
    pytest.param(r"\bdefinitions?\b", ["DEFINITIONS", "Definitions \u2014 general"], id="upper-case"),
    # re.IGNORECASE matches ſ (long s) for s, which str.lower does not: non-ASCII texts skip the pre-check.
    pytest.param(r"\bmeans\b", ["it mean\u017f that"], id="long-s"),
    pytest.param(r"\bdefinition\b", ["DEF\u0130NITION"], id="dotted-capital-i"),
    pytest.param(r"\w+ (?:means|shall mean)\b", ["it shall apply", "it shall mean"], id="all-strings-of-a-set"),
])
def test_exclusion_pre_check_vetoes_what_the_plain_search_vetoes(pattern, texts):
    expected = plain_first_veto([pattern], texts)
    assert Exclusions.compile([pattern], FLAGS).first_veto(texts) == expected
    assert expected is not None


def test_a_needle_set_is_checked_uncommon_words_first():
    exclusion = Exclusion.compile(r"\w+\s+shall\s+mean\b", FLAGS)
    assert exclusion.needles == (("mean", "shall"),)


def test_the_gate_holds_one_string_per_alternative_and_no_string_holding_another():
    exclusions = Exclusions.compile([r"\w+\s+(?:means|shall\s+mean)\b", r"\bthe\s+terms?\b", r"\bdefinitions?\b"], FLAGS)
    assert sorted(exclusions.gate) == ["definition", "mean", "term"]
    assert exclusions.first_veto(["Each Party shall notify the other."]) is None


def test_a_pattern_that_promises_no_string_leaves_the_list_without_a_gate():
    exclusions = Exclusions.compile([r"\bmeans\b", r"^\W*\w+$"], FLAGS)
    assert exclusions.gate is None
    assert exclusions.first_veto(["Export"]) == plain_first_veto([r"\bmeans\b", r"^\W*\w+$"], ["Export"])


def test_the_first_pattern_in_order_vetoes_whichever_text_it_matches():
    patterns = [r"\bdefinitions?\b", r"\bmeans\b"]
    texts = ["'duty' means a charge", "Definitions"]
    assert Exclusions.compile(patterns, FLAGS).first_veto(texts) == plain_first_veto(patterns, texts)
    assert Exclusions.compile(patterns, FLAGS).first_veto(texts).startswith(r"\bdefinitions?\b")


def _default_exclusion_lists() -> list[tuple[list[str], int]]:
    """Each list of the default taxonomy with the flags the classifier compiles it with."""
    taxonomy = load_taxonomy()
    return [(taxonomy.common_exclusions, FLAGS), (taxonomy.heading_exclusions, re.IGNORECASE),
            *((category.exclusions, FLAGS) for category in taxonomy.categories if category.exclusions)]


def test_the_default_taxonomys_lists_veto_every_provision_as_a_plain_search_does():
    paths = [seed_path(prefix) for prefix in ("000", "001", "002", "003", "004")] + TOTA_PATHS
    provisions = [provision for path in paths for provision in load_document(str(path)).provisions]
    texts = [provision.text for provision in provisions] + list({p.heading for p in provisions if p.heading})
    # The taxonomy's own sentences hold definitions and the other vetoed forms: without the ToTA treaties (a
    # user's clone) the seeds alone meet no exclusion at all.
    taxonomy = load_taxonomy()
    texts += [sentence for category in taxonomy.categories for sentence in (*category.examples, *category.counter_examples)]
    vetoed = 0
    for patterns, flags in _default_exclusion_lists():
        compiled = Exclusions.compile(patterns, flags)
        for text in texts:
            expected = plain_first_veto(patterns, [text], flags)
            assert compiled.first_veto([text]) == expected, (patterns, text)
            vetoed += expected is not None
    assert vetoed > (100 if TOTA_PATHS else 0), "too few provisions vetoed: the comparison would prove little"
