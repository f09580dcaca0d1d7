"""The taxonomy file: the default loads, user files extend it, and each malformed file gets one clear message."""
from __future__ import annotations

import textwrap
import time
from pathlib import Path

import pytest

from clauses import classify_document, load_taxonomy
from clauses.classify import classify_text, compile_taxonomy, find_hits
from grammar import parse_source
from grammar.models import Source
from grammar.errors import TaxonomyError

DEFAULT_IDS = [
    "export_duties", "investment_screening", "circular_economy", "labor_rights", "cooperation_council",
    "environmental_standards", "non_market_practices", "investment_finance", "technology_cooperation",
    "stockpiling", "information_sharing", "supply_chain_security", "trade_facilitation", "energy_security",
    "dispute_consultation", "final_provisions",
]

MAGNETS = """
    extends = "default"

    [[category]]
    id = "rare_earth_magnets"
    label = "Rare-earth permanent magnets"
    description = "Production and supply of NdFeB and other rare-earth permanent magnets."
    parent = "technology_cooperation"
    phrases = ["{rare earth|rare-earth|neodymium} {permanent|} magnet", "=ndfeb"]
    examples = ["The Participants will cooperate on the production of rare earth permanent magnets."]
    counter_examples = ["The Parties will cooperate on battery recycling."]
"""


def write(tmp_path: Path, text: str) -> str:
    path = tmp_path / "taxonomy.toml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return str(path)


def test_default_has_exactly_the_sixteen_categories():
    assert load_taxonomy().ids == DEFAULT_IDS


@pytest.mark.parametrize("category_id", DEFAULT_IDS)
def test_every_default_category_has_examples_and_counter_examples(category_id):
    category = load_taxonomy().category(category_id)
    assert category.examples and category.counter_examples and category.description


def test_user_file_adds_a_sub_category_used_by_classify(tmp_path):
    taxonomy = load_taxonomy(write(tmp_path, MAGNETS))
    assert taxonomy.ids == DEFAULT_IDS + ["rare_earth_magnets"]
    categories = classify_text("Japan will invest in NdFeB rare-earth magnet plants.", taxonomy)
    # The parent comes with its sub-category.
    assert {"rare_earth_magnets", "technology_cooperation"} <= set(categories)
    assert taxonomy.source.endswith("taxonomy.toml")


def test_user_file_overrides_vocabulary_and_removes_a_category(tmp_path):
    taxonomy = load_taxonomy(write(tmp_path, """
        extends = "default"
        remove = ["energy_security"]

        [[category]]
        id = "stockpiling"
        phrases = ["strategic reserve"]
    """))
    assert "energy_security" not in taxonomy.ids
    stockpiling = taxonomy.category("stockpiling")
    assert stockpiling.phrases == ["strategic reserve"] and stockpiling.label == "Stockpiles and emergency supply"
    assert classify_text("Each Party shall hold a strategic reserve of cobalt.", taxonomy) == ["stockpiling"]
    assert classify_text("The Parties will build up stockpiles.", taxonomy) == []


def magnets_taxonomy(tmp_path: Path, vocabulary: str):
    """The default taxonomy extended by a category "magnets" with ``vocabulary`` (TOML lines: phrases, patterns …)."""
    return load_taxonomy(write(tmp_path, """
        extends = "default"

        [[category]]
        id = "magnets"
        label = "Magnets"
        description = "Permanent magnets."
    """ + vocabulary))


def test_layout_scoped_vocabulary_counts_only_in_documents_of_its_layout(tmp_path):
    taxonomy = magnets_taxonomy(tmp_path, """
        phrases = [{ phrase = "magnet plant", layout = "structured" }, { phrase = "magnet factory", layout = "prose" }]
        ignore = [{ phrase = "magnet factory tour", layout = "prose" }]
    """)
    tagged = lambda document: {ref for ref, tags in classify_document(document, taxonomy).tags.items()  # noqa: E731
                               if any(tag.category == "magnets" for tag in tags)}
    structured = parse_source(Source(path="t.txt", format="text", raw=(
        "Article 1: Plants\nThe Parties shall build a magnet plant.\nArticle 2: Factories\nThe Parties shall build a magnet factory.")))
    prose = parse_source(Source(path="n.txt", format="text", raw=(
        "Japan will build a magnet plant.\n\nJapan will build a magnet factory.\n\nJapan will end the magnet factory tour.")))
    assert structured.layout == "structured" and prose.layout == "prose"
    assert tagged(structured) == {"Art. 1"}
    assert tagged(prose) == {"¶2.1"}  # the sentence; its paragraph holds no text of its own
    # A sentence classified on its own reads as prose.
    assert classify_text("Japan will build a magnet factory.", taxonomy) == ["magnets"]
    assert classify_text("Japan will build a magnet plant.", taxonomy) == []


def test_a_pattern_of_one_layout_does_not_hide_a_pattern_of_the_other_starting_at_the_same_character(tmp_path):
    # The patterns are combined into one expression, which finds one match per position: each layout has its own.
    taxonomy = magnets_taxonomy(tmp_path, """
        patterns = [{ pattern = '\\bMagnet\\b', layout = "prose" }, { pattern = '\\bMagnet\\s+Plant\\b', layout = "structured" }]
    """)
    compiled = compile_taxonomy(taxonomy)
    text = "The Magnet Plant opens."
    assert [text[hit.start:hit.end] for hit in find_hits(text, compiled, "structured") if hit.entry.category == "magnets"] == ["Magnet Plant"]
    assert [text[hit.start:hit.end] for hit in find_hits(text, compiled, "prose") if hit.entry.category == "magnets"] == ["Magnet"]


def test_user_file_without_extends_replaces_the_default(tmp_path):
    taxonomy = load_taxonomy(write(tmp_path, """
        [[category]]
        id = "water"
        label = "Water"
        description = "Water resources."
        phrases = ["water {resource|management}"]
    """))
    assert taxonomy.ids == ["water"]


MALFORMED = [
    pytest.param('extends = "default"\n[[category]]\nid = "x_y"\nlabel = "X"\ndescription = "d"\nphrases = ["x"]\ncolour = "red"\n',
                 ["category 'x_y'", "field 'colour'", "unknown key 'colour'", ":7"], id="unknown-key"),
    pytest.param('extends = "default"\nflavour = 1\n', ["unknown top-level key 'flavour'", ":2"], id="unknown-top-level-key"),
    pytest.param('[[category]]\nid = "a"\nlabel = "A"\ndescription = "d"\nphrases = ["a"]\n'
                 '[[category]]\nid = "a"\nlabel = "B"\ndescription = "d"\nphrases = ["b"]\n',
                 ["category 'a'", "field 'id'", "duplicate category id", ":7"], id="duplicate-id"),
    pytest.param('extends = "default"\n[[category]]\nid = "magnets"\nlabel = "M"\ndescription = "d"\nparent = "nowhere"\nphrases = ["magnet"]\n',
                 ["category 'magnets'", "field 'parent'", "parent 'nowhere' does not exist", ":6"], id="missing-parent"),
    pytest.param('extends = "default"\n[[category]]\nid = "magnets"\nlabel = "M"\ndescription = "d"\npatterns = ["magnet(s"]\n',
                 ["category 'magnets'", "field 'patterns'", "invalid regular expression", ":6"], id="invalid-regex"),
    pytest.param('extends = "default"\n[[category]]\nid = "export_duties"\nexclusions = ["(?P<x>a)"]\n',
                 ["category 'export_duties'", "field 'exclusions'", "named groups"], id="named-group"),
    pytest.param('extends = "default"\n[[category]]\nid = "export_duties"\ncontext_exclusions = ["exports (rose"]\n',
                 ["category 'export_duties'", "field 'context_exclusions'"], id="context-exclusion-regex"),
    pytest.param('extends = "default"\n[[category]]\nid = "magnets"\nlabel = "M"\ndescription = "d"\n',
                 ["category 'magnets'", "field 'phrases'", "empty vocabulary"], id="empty-vocabulary"),
    pytest.param('extends = "default"\n[[category]]\nid = "magnets"\ndescription = "d"\nphrases = ["magnet"]\n',
                 ["category 'magnets'", "field 'label'", "field required"], id="missing-label"),
    pytest.param('extends = "default"\n[[category]]\nid = "magnets"\nlabel = "M"\ndescription = "d"\nphrases = [{ phrase = "magnet", weight = 2 }]\n',
                 ["category 'magnets'", "field 'phrases.0.weight'", "less than or equal to 1", ":6"], id="weight-out-of-range"),
    pytest.param('extends = "default"\n[[category]]\nid = "magnets"\nlabel = "M"\ndescription = "d"\nphrases = [{ phrase = "magnet", layout = "treaty" }]\n',
                 ["category 'magnets'", "field 'phrases.0.layout'", "'prose' or 'structured'", ":6"], id="unknown-layout"),
    pytest.param('extends = "default"\n[[category]]\nid = "Magnets!"\nlabel = "M"\ndescription = "d"\nphrases = ["m"]\n',
                 ["category 'Magnets!'", "field 'id'", "should match pattern"], id="bad-id"),
    pytest.param('extends = "default"\nremove = ["gold_prices"]\n', ["category 'gold_prices'", "field 'remove'", "default does not have"], id="remove-unknown"),
    pytest.param('extends = "default"\n[[category]]\nid = "a" "b"\n', ["not valid TOML", ":3:"], id="toml-syntax"),
    pytest.param('extends = "somewhere-else"\n', ["field 'extends'", 'only extends = "default"'], id="bad-extends"),
    # A phrase opening with a gap would try five words at every word of every text; an all-optional one matches nothing.
    pytest.param('extends = "default"\n[[category]]\nid = "magnets"\nlabel = "M"\ndescription = "d"\nphrases = [\n  "magnet",\n  "{|the} * magnet council",\n]\n',
                 ["category 'magnets'", "field 'phrases'", "phrase '{|the} * magnet council' can start with *", ":8:"], id="phrase-opening-gap"),
    pytest.param('extends = "default"\n[[category]]\nid = "export_duties"\nignore = ["{|magnet}"]\n',
                 ["category 'export_duties'", "field 'ignore'", "phrase '{|magnet}' can be empty"], id="empty-phrase"),
    pytest.param('extends = "default"\n[[category]]\nid = "magnets"\nlabel = "M"\ndescription = "d"\nphrases = [\n  "magnet",\n  { phrase = "Magnet", weight = 0.5 },\n]\n',
                 ["category 'magnets'", "field 'phrases'", "phrase 'Magnet' is given twice"], id="duplicate-phrase"),
    pytest.param('extends = "default"\n[[category]]\nid = "export_duties"\nanaphors = ["export ban"]\n',
                 ["category 'export_duties'", "field 'anaphors'", "anaphor 'export ban' must be one word"], id="anaphor-not-a-word"),
    pytest.param('extends = "default"\n[[category]]\nid = "export_duties"\ncontext = ["{|the} * quotas"]\n',
                 ["category 'export_duties'", "field 'context'", "can start with *", ":4"], id="context-phrase-starts-with-a-gap"),
    pytest.param('extends = "default"\n[[category]]\nid = "energy_security"\nfields = ["energy", "energy"]\n',
                 ["category 'energy_security'", "field 'fields'", "is given twice"], id="field-phrase-given-twice"),
    # Issue 6: a pattern that backtracks exponentially would hang classification (tests/test_regex_safety.py has every shape).
    pytest.param('extends = "default"\n[[category]]\nid = "magnets"\nlabel = "M"\ndescription = "d"\npatterns = [\n  "magnet",\n  \'(a+)+$\',\n]\n',
                 ["category 'magnets'", "field 'patterns'", "pattern '(a+)+$' can backtrack exponentially", ":8:"], id="catastrophic-regex"),
]


@pytest.mark.parametrize(("text", "fragments"), MALFORMED)
def test_malformed_taxonomy_is_rejected_with_one_message(tmp_path, text, fragments):
    path = write(tmp_path, text)
    with pytest.raises(TaxonomyError) as raised:
        load_taxonomy(path)
    message = str(raised.value)
    assert message.startswith(path)
    for fragment in fragments:
        assert fragment in message, message


def test_missing_file_is_a_taxonomy_error(tmp_path):
    with pytest.raises(TaxonomyError, match="no such taxonomy file"):
        load_taxonomy(str(tmp_path / "absent.toml"))


# ----------------------------------------------------------------------------- treaty taxonomy check|show

from compare.cli import main  # noqa: E402


@pytest.mark.parametrize(("text", "code", "fragment"), [
    pytest.param(None, 0, "ok: default taxonomy: 16 categories", id="default-passes"),
    pytest.param(MAGNETS, 0, "17 categories", id="extension-passes"),
    pytest.param(MAGNETS.replace("cooperate on battery recycling", "cooperate on NdFeB magnets"), 1,
                 "FAIL rare_earth_magnets: counter-example classified", id="failing-counter-example"),
    pytest.param(MAGNETS.replace("production of rare earth permanent magnets", "production of lithium"), 1,
                 "FAIL rare_earth_magnets: example not classified", id="failing-example"),
])
def test_taxonomy_check_runs_every_example(tmp_path, capsys, text, code, fragment):
    argv = ["taxonomy", "check"] + ([write(tmp_path, text)] if text else [])
    assert main(argv) == code
    assert fragment in capsys.readouterr().out


def test_taxonomy_check_of_a_malformed_file_is_trouble(tmp_path, capsys):
    path = write(tmp_path, 'extends = "default"\n[[category]]\nid = "magnets"\nlabel = "M"\ndescription = "d"\nparent = "nowhere"\nphrases = ["m"]\n')
    assert main(["taxonomy", "check", path]) == 2
    assert "parent 'nowhere' does not exist" in capsys.readouterr().err


def test_taxonomy_check_of_a_catastrophic_regex_is_trouble(tmp_path, capsys):
    path = write(tmp_path, 'extends = "default"\ncommon_exclusions = [\'(\\w|\\d)+\\s+means\']\n')
    assert main(["taxonomy", "check", path]) == 2
    assert capsys.readouterr().err == (f"treaty: {path}:2: field 'common_exclusions': pattern '(\\\\w|\\\\d)+\\\\s+means' can backtrack "
                                       "exponentially: a character set in an unbounded repeat has overlapping members, as in (\\w|\\d)+\n")


def test_taxonomy_show_prints_the_merged_tree(tmp_path, capsys):
    assert main(["taxonomy", "show", write(tmp_path, MAGNETS), "--format", "json"]) == 0
    tree = __import__("json").loads(capsys.readouterr().out)
    technology = next(node for node in tree["categories"] if node["id"] == "technology_cooperation")
    assert [child["id"] for child in technology["children"]] == ["rare_earth_magnets"]
    assert main(["taxonomy", "show", write(tmp_path, MAGNETS)]) == 0
    shown = capsys.readouterr().out
    assert "\n  rare_earth_magnets" in shown
    assert any(line.startswith("energy_security") and " fields)" in line for line in shown.splitlines())


def test_a_10000_category_taxonomy_loads_and_compiles_in_seconds(tmp_path):
    # Issue 6: a large user taxonomy must not make every CLI run and pool worker wait; phrase tails compile on first use.
    categories = "".join(f'''
        [[category]]
        id = "topic_{number}"
        label = "Topic {number}"
        description = "Trade in widget {number}."
        phrases = ["{{supply|export}} of widget{number}", "widget{number} {{quota|licence}}"]
        patterns = ['\\bw{number}-\\d+\\b']
        ''' for number in range(10_000))
    path = tmp_path / "large.toml"
    path.write_text(textwrap.dedent(categories), encoding="utf-8")
    started = time.process_time()
    taxonomy = load_taxonomy(str(path))
    compile_taxonomy(taxonomy)
    assert len(taxonomy.categories) == 10_000
    assert time.process_time() - started < 15
    assert classify_text("A widget7 quota applies.", taxonomy) == ["topic_7"]
