"""Issue 6: a user's taxonomy regex must not hang classification: refused when it backtracks exponentially, cut off when it runs too long."""
from __future__ import annotations

import re
import signal
import textwrap
import threading
import time
from pathlib import Path

import pytest

from clauses import load_taxonomy
from clauses.deadline import time_limit
from clauses.regex_safety import backtracking_hazard
from compare.batch import classify_paths
from grammar.errors import TaxonomyError, TimeLimitError

NESTED = "holds repeats that can split its text in many ways"
ALTERNATIVES = "alternatives in an unbounded repeat can match the same text"
MEMBERS = "a character set in an unbounded repeat has overlapping members"

CATASTROPHIC = [
    pytest.param(r"(a+)+$", NESTED, id="plus-in-plus"),
    pytest.param(r"(a*)*b", NESTED, id="star-in-star"),
    pytest.param(r"(\w+\s?)+$", NESTED, id="word-optional-space"),
    pytest.param(r"(.*a){20}", NESTED, id="many-counted-iterations"),
    pytest.param(r"(?:x(?:y?(b+))+)", NESTED, id="nested-three-groups-deep"),
    pytest.param(r"(?=(a+))+", NESTED, id="inside-a-lookahead"),
    pytest.param(r"(?:\s\w+\w?)*x", NESTED, id="repeat-then-optional-of-the-same"),
    pytest.param(r"(?:aa+)*b", NESTED, id="repeat-takes-next-iteration-start"),
    pytest.param(r"(?:a?a?)+$", NESTED, id="two-optional-characters"),
    pytest.param(r"\b(?:(?<=\s)(?:[a-z]+-?)+)\b", NESTED, id="inside-a-lookbehind-group"),
    pytest.param(r"(a+)\1{20}", NESTED, id="repeated-backreference"),
    pytest.param(r"((a)|\2)+", NESTED, id="backreference-in-alternatives"),
    pytest.param(r"(a|a)*b", ALTERNATIVES, id="identical-alternatives"),
    pytest.param(r"(a|aa)+", ALTERNATIVES, id="prefix-alternatives"),
    pytest.param(r"(?:x|x\w)+$", ALTERNATIVES, id="same-first-character"),
    pytest.param(r"(?:A|ab)+c", ALTERNATIVES, id="same-first-character-ignoring-case"),
    pytest.param(r"(?:(?!q)(?:a|ab|abc))+c", ALTERNATIVES, id="alternatives-after-a-lookahead"),
    pytest.param(r"(\w|\d)+", MEMBERS, id="word-or-digit"),
    pytest.param(r"(?:[a-z]|\d|x)+", MEMBERS, id="class-or-letter"),
]

SAFE = [
    pytest.param(r"\bexport\s+(?:dut|tax)", id="plain-alternatives"),
    pytest.param(r"(?:\s+\w+){0,5}", id="few-iterations-around-a-repeat"),
    pytest.param(r"^\W*(?:[\w\-]+\s+){0,5}[\w\-]+,?\s+means\b", id="default-definition-shape"),
    pytest.param(r"\w+(?:\s\w+)*", id="words-one-space-apart"),
    pytest.param(r"(?:\s+\w+)*$", id="each-iteration-starts-where-the-last-ends"),
    pytest.param(r"(?:,\s*\w+)+x", id="delimited-iterations"),
    pytest.param(r"(?:\b[-\s]\w+\b)+", id="delimited-with-anchors"),
    pytest.param(r"(?:ab?)+c", id="optional-character-before-a-different-one"),
    pytest.param(r"(?:a|b)+", id="disjoint-alternatives"),
    pytest.param(r"(?:ab|cd)+", id="disjoint-two-letter-alternatives"),
    pytest.param(r"(a|ab)*c", id="prefix-alternative-not-restarting"),
    pytest.param(r"[a-zA-Z]+", id="case-ranges"),
    pytest.param(r"(?:a++)+", id="possessive-inner-repeat"),
    pytest.param(r"\s+$", id="polynomial-trailing-space"),
    pytest.param(r"\d+\d+\d+x", id="polynomial-adjacent-repeats"),
]


@pytest.mark.parametrize(("pattern", "reason"), CATASTROPHIC)
def test_catastrophic_shapes_are_found(pattern, reason):
    assert reason in backtracking_hazard(pattern)


@pytest.mark.parametrize("pattern", SAFE)
def test_safe_shapes_pass(pattern):
    assert backtracking_hazard(pattern) is None


def test_every_default_pattern_passes():
    taxonomy = load_taxonomy()
    patterns = taxonomy.common_exclusions + taxonomy.heading_exclusions
    for category in taxonomy.categories:
        patterns += [getattr(pattern, "pattern", pattern) for pattern in category.patterns] + category.exclusions
    assert len(patterns) > 10
    assert [pattern for pattern in patterns if backtracking_hazard(pattern)] == []


# ----------------------------------------------------------------------------- refused when the file is loaded

def toml_literal(pattern: str) -> str:
    return f"'{pattern}'"


FIELDS = [
    pytest.param("patterns", "magnets", id="patterns"),
    pytest.param("exclusions", "magnets", id="exclusions"),
    pytest.param("common_exclusions", None, id="common-exclusions"),
    pytest.param("heading_exclusions", None, id="heading-exclusions"),
]


def taxonomy_with(field: str, pattern: str) -> str:
    """A user file with ``pattern`` second in ``field``'s list, at the top level or in category ``magnets``."""
    listing = f"{field} = [\n    '\\bfoo\\b',\n    {toml_literal(pattern)},\n]\n"
    shared, own = (listing, "") if field in ("common_exclusions", "heading_exclusions") else ("", listing)
    return f'extends = "default"\n{shared}\n[[category]]\nid = "magnets"\nlabel = "M"\ndescription = "d"\nphrases = ["magnet"]\n{own}'


@pytest.mark.parametrize(("field", "category"), FIELDS)
@pytest.mark.parametrize(("pattern", "reason"), CATASTROPHIC[:4] + CATASTROPHIC[12:14] + CATASTROPHIC[17:18])
def test_a_catastrophic_pattern_is_refused_naming_file_line_category_field_and_pattern(tmp_path, field, category, pattern, reason):
    path = tmp_path / "user.toml"
    path.write_text(taxonomy_with(field, pattern), encoding="utf-8")
    with pytest.raises(TaxonomyError) as raised:
        load_taxonomy(str(path))
    message = str(raised.value)
    pattern_line = next(number for number, line in enumerate(path.read_text().splitlines(), 1) if toml_literal(pattern) in line)
    assert message.startswith(f"{path}:{pattern_line}: ")
    assert (f"category '{category}', " in message) == (category is not None)
    assert f"field '{field}'" in message and repr(pattern) in message and reason in message
    assert "\n" not in message


def test_a_basic_string_pattern_is_found_on_its_line(tmp_path):
    path = tmp_path / "user.toml"
    path.write_text(textwrap.dedent('''\
        extends = "default"
        [[category]]
        id = "magnets"
        label = "M"
        description = "d"
        patterns = ["\\\\bmagnet", "(\\\\w+\\\\s?)+$"]
        exclusions = [
            "\\\\bfridge\\\\b",
            "(a|aa)+",
        ]
        '''), encoding="utf-8")
    with pytest.raises(TaxonomyError, match=r"user\.toml:6: category 'magnets', field 'patterns'"):
        load_taxonomy(str(path))
    path.write_text(path.read_text().replace('"(\\\\w+\\\\s?)+$"', '"x"'), encoding="utf-8")
    with pytest.raises(TaxonomyError, match=r"user\.toml:9: category 'magnets', field 'exclusions'"):
        load_taxonomy(str(path))


# ----------------------------------------------------------------------------- the time limit

RUNAWAY = re.compile(r"\d+\d+\d+x")
DIGITS = "1" * 3000


def test_a_runaway_match_is_interrupted():
    started = time.monotonic()
    with pytest.raises(TimeLimitError, match="too slow"):
        with time_limit(0.3, TimeLimitError("too slow")):
            RUNAWAY.search(DIGITS)
    assert time.monotonic() - started < 3


def test_the_previous_handler_and_alarm_are_restored():
    fired = []
    previous = signal.signal(signal.SIGALRM, lambda signum, frame: fired.append(signum))
    try:
        signal.setitimer(signal.ITIMER_REAL, 30)
        with time_limit(5, TimeLimitError("unused")):
            pass
        remaining, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 25 < remaining <= 30
        assert signal.getsignal(signal.SIGALRM) is not None and not fired
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_an_earlier_outer_alarm_stays_in_charge():
    previous = signal.signal(signal.SIGALRM, lambda signum, frame: (_ for _ in ()).throw(KeyboardInterrupt))
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.2)
        with pytest.raises(KeyboardInterrupt):
            with time_limit(30, TimeLimitError("not this one")):
                RUNAWAY.search(DIGITS)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_compiling_the_taxonomy_does_not_count_against_the_limit(tmp_path, monkeypatch):
    """The one-off work of a first document (compiling the taxonomy, building its OCR lexicon) may run long on a loaded
    machine; only matching is limited."""
    import clauses.classify as classify
    from grammar import load_document

    compiled = classify.compile_taxonomy(load_taxonomy(None))
    real_lexicon = classify.OcrLexicon

    def slow_lexicon(words):
        time.sleep(0.5)
        return real_lexicon(words)

    monkeypatch.setattr(compiled, "ocr", None)
    monkeypatch.setattr(classify, "OcrLexicon", slow_lexicon)
    monkeypatch.setattr(classify, "classification_seconds", lambda characters: 0.3)
    source = tmp_path / "short.txt"
    source.write_text("The Parties shall not impose export duties on critical minerals.\n", encoding="utf-8")
    classified = classify.classify_document(load_document(str(source)), load_taxonomy(None))
    assert any(tag.category == "export_duties" for tags in classified.tags.values() for tag in tags)


def test_outside_the_main_thread_there_is_no_limit():
    outcome = []

    def run():
        with time_limit(0.01, TimeLimitError("never")):
            time.sleep(0.1)
        outcome.append("finished")

    worker = threading.Thread(target=run)
    worker.start()
    worker.join()
    assert outcome == ["finished"]


@pytest.fixture
def slow_taxonomy(tmp_path, monkeypatch) -> str:
    """A taxonomy whose pattern is polynomial (it passes the static check), and a limit of half a second."""
    monkeypatch.setattr("clauses.deadline.BASE_SECONDS", 0.5)
    monkeypatch.setattr("clauses.deadline.SECONDS_PER_MILLION_CHARACTERS", 0.0)
    path = tmp_path / "slow.toml"
    path.write_text(f'extends = "default"\n[[category]]\nid = "digits"\nlabel = "D"\ndescription = "d"\npatterns = [{toml_literal(RUNAWAY.pattern)}]\n')
    return str(path)


def hostile_agreement(tmp_path: Path) -> str:
    path = tmp_path / "hostile.txt"
    path.write_text(f"Article 1\nScope\n\n1. The Parties shall cooperate on {DIGITS} minerals.\n", encoding="utf-8")
    return str(path)


def test_a_batch_lists_the_timed_out_document_and_goes_on(tmp_path, slow_taxonomy):
    good = tmp_path / "good.txt"
    good.write_text("Article 1\nScope\n\n1. Neither Party shall impose export duties.\n", encoding="utf-8")
    hostile = hostile_agreement(tmp_path)
    started = time.monotonic()
    items = list(classify_paths([str(good), hostile, str(good)], taxonomy_path=slow_taxonomy, jobs=2, use_cache=False))
    assert time.monotonic() - started < 20
    assert [item.error is None for item in items] == [True, False, True]
    assert items[1].error.startswith(f"{hostile}: classifying took longer than its 0.5 s time limit")
