"""The classifier: taxonomy examples, the seeds' provisions, precision cases, tolerance, evidence offsets."""
from __future__ import annotations

import gc
import json
import re
import subprocess
import sys
from pathlib import Path
from re import _parser

import pytest

from clauses import classify_document, explain_text, load_taxonomy
from clauses.classify import classify_text, compile_taxonomy
from clauses.patterns import UNLOWERED_MATCHES, combined_patterns, first_characters, grouped_heads, head_branches, pattern_head
from clauses import vocabulary as vocabulary_module
from clauses.vocabulary import (GAP, GAP_ORDER_LENGTH, Vocabulary, VocabularyCompiler, VocabularyEntry, expression_length,
                                phrase_variants, word_forms)
from grammar import load_document
from grammar.models import Document, Provision
from grammar.trie import trie_regex
from tests.conftest import TOTA_PATHS, seed_path

LABELLED_DIR = Path(__file__).parent / "data" / "labelled"
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def taxonomy():
    return load_taxonomy()


def taxonomy_cases(kind: str) -> list:
    default = load_taxonomy()
    return [pytest.param(category.id, sentence, id=f"{category.id}-{index}")
            for category in default.categories for index, sentence in enumerate(getattr(category, kind))]


@pytest.mark.parametrize(("category_id", "sentence"), taxonomy_cases("examples"))
def test_each_category_classifies_its_examples(taxonomy, category_id, sentence):
    assert category_id in classify_text(sentence, taxonomy)


@pytest.mark.parametrize(("category_id", "sentence"), taxonomy_cases("counter_examples"))
def test_each_category_rejects_its_counter_examples(taxonomy, category_id, sentence):
    assert category_id not in classify_text(sentence, taxonomy)


# ----------------------------------------------------------------------------- the seeds

SEED_PROVISIONS = [
    # (seed, words the provision contains, category a reader gives it)
    pytest.param("002", "Non-imposition of export duties", "export_duties", id="002-export-duties"),
    pytest.param("002", "non-market policies and practices", "non_market_practices", id="002-non-market"),
    pytest.param("002", "review of investments within their territories", "investment_screening", id="002-screening"),
    pytest.param("002", "circular economy approaches", "circular_economy", id="002-circular"),
    pytest.param("002", "enforcement actions related to labor rights", "labor_rights", id="002-labor-enforcement"),
    pytest.param("002", "Remedying violations of labor rights", "labor_rights", id="002-labor-remedy"),
    pytest.param("002", "employer neutrality in union organizing", "labor_rights", id="002-labor-neutrality"),
    pytest.param("002", "entered into force immediately upon signature", "final_provisions", id="002-entry-into-force"),
    pytest.param("003", "new working council on core minerals", "cooperation_council", id="003-working-council"),
    pytest.param("004", "expand its reserves of metals", "stockpiling", id="004-reserves"),
    pytest.param("004", "raise stockpiles", "stockpiling", id="004-stockpiles"),
    pytest.param("000", "sustainable and reliable global battery supply chains", "supply_chain_security", id="000-supply-chains"),
]


def innermost_provision(document: Document, words: str) -> Provision:
    holding = [(provision.end - provision.start, -index, provision)
               for index, provision in enumerate(document.provisions) if words in provision.text]
    assert holding, f"no provision of {document.path} contains {words!r}"
    # Equal spans (a paragraph of one sentence): the later, deeper provision owns the text.
    return min(holding, key=lambda entry: entry[:2])[2]


@pytest.mark.parametrize(("seed", "words", "category_id"), SEED_PROVISIONS)
def test_seed_provisions_get_the_categories_a_reader_gives_them(taxonomy, seed, words, category_id):
    document = load_document(str(seed_path(seed)))
    classified = classify_document(document, taxonomy)
    provision = innermost_provision(document, words)
    assert category_id in classified.categories(provision.ref), [(p.ref, classified.categories(p.ref)) for p in document.provisions]


def test_the_seven_commitments_of_002_get_exactly_their_category(taxonomy):
    document = load_document(str(seed_path("002")))
    classified = classify_document(document, taxonomy)
    bullets = [provision for provision in document.provisions if provision.kind in ("bullet", "item")]
    main = [classified.categories(bullet.ref)[:1] for bullet in bullets]
    assert len(bullets) == 7
    assert [categories[0] if categories else None for categories in main] == [
        "export_duties", "non_market_practices", "investment_screening", "circular_economy",
        "labor_rights", "labor_rights", "labor_rights"]


def test_gold_price_news_gets_nothing(taxonomy):
    document = load_document(str(seed_path("000")))
    classified = classify_document(document, taxonomy)
    gold = [provision for provision in document.provisions if "Gold fell" in provision.text]
    assert all(not classified.categories(provision.ref) for provision in gold)


@pytest.mark.parametrize("enabled", [True, False], ids=["collector-on", "collector-off"])
def test_classifying_leaves_the_garbage_collector_as_it_found_it(taxonomy, enabled):
    document = load_document(str(seed_path("002")))
    was_enabled = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        classify_document(document, taxonomy)
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was_enabled else gc.disable)()


@pytest.mark.parametrize("path", sorted(Path(__file__).resolve().parent.parent.joinpath("seeds").glob("*.txt")), ids=lambda p: p.name[:3])
def test_evidence_offsets_point_into_the_document_text(taxonomy, path):
    document = load_document(str(path))
    classified = classify_document(document, taxonomy)
    spans = {provision.ref: provision for provision in document.provisions}
    for ref, tags in classified.tags.items():
        for tag in tags:
            assert tag.evidence and 0.5 <= tag.score <= 1
            for evidence in tag.evidence:
                assert document.text[evidence.start:evidence.end] == evidence.match
                assert spans[ref].start <= evidence.start < evidence.end <= spans[ref].end


# ----------------------------------------------------------------------------- precision and tolerance

PRECISION = [
    # (text, category it must NOT get)
    pytest.param("customs duty means a duty or charge of any kind imposed on exports or imports;", "export_duties", id="definition-means"),
    pytest.param("For purposes of this Chapter: export duty includes any charge on goods for export;", "export_duties", id="definitions-list"),
    pytest.param("“Export duty” means a duty imposed on a good when it is exported.", "export_duties", id="quoted-definition"),
    pytest.param("Each Party has a duty to cooperate in good faith.", "export_duties", id="duty-alone"),
    pytest.param("The Parties recall the resolutions of the United Nations Security Council.", "cooperation_council", id="security-council"),
    pytest.param("The Council of the European Union adopted its conclusions.", "cooperation_council", id="eu-council"),
    pytest.param("The Parties shall review this Agreement after five years.", "investment_screening", id="review-alone"),
    pytest.param("Each Party shall apply international standards to its technical regulations.", "technology_cooperation", id="standards-alone"),
    pytest.param("The Parties shall cooperate on critical minerals.", "cooperation_council", id="cooperation-is-not-a-body"),
    pytest.param("The Parties will create a favourable business environment.", "environmental_standards", id="business-environment"),
    pytest.param("Peru has large mineral reserves of copper.", "stockpiling", id="geological-reserves"),
    pytest.param("The Parties shall consult the public on the draft regulations after the date of entry into force of this Agreement.",
                 "final_provisions", id="date-of-entry-into-force"),
    pytest.param("The Parties shall cooperate to prevent forced technology transfer.", "technology_cooperation", id="forced-technology-transfer"),
]


@pytest.mark.parametrize(("text", "category_id"), PRECISION)
def test_precision_cases_do_not_get_the_category(taxonomy, text, category_id):
    assert category_id not in classify_text(text, taxonomy)


TOLERANCE = [
    pytest.param("Neither Party shall impose EXPORT-DUTIES on lithium.", "export_duties", id="case-and-hyphen"),
    pytest.param("Neither party shall impose export\n   duties on lithium.", "export_duties", id="line-break"),
    pytest.param("The sides will promote the re-use and recycled content of batteries.", "circular_economy", id="re-use"),
    pytest.param("The Parties will promote recyclability and reuse.", "circular_economy", id="reuse"),
    pytest.param("Each Party shall enforce its labor laws.", "labor_rights", id="labor-spelling"),
    pytest.param("Each Party shall enforce its labour laws.", "labor_rights", id="labour-spelling"),
    pytest.param("The Parties will address nonmarket practices.", "non_market_practices", id="nonmarket-joined"),
    pytest.param("The Participants will organise a working group on batteries.", "cooperation_council", id="working-group"),
    pytest.param("Both sides will be imposing no export taxes.", "export_duties", id="inflection"),
    pytest.param("The Parties will harmonize their technical standards.", "technology_cooperation", id="ize-spelling"),
]


@pytest.mark.parametrize(("text", "category_id"), TOLERANCE)
def test_matching_tolerates_real_text(taxonomy, text, category_id):
    assert category_id in classify_text(text, taxonomy)


def test_ocr_damaged_heading_is_matched_fuzzily(taxonomy):
    text = "Export Dutles\nThe provisions of Annex 2 apply."
    document = Document(path="ocr.txt", format="text", layout="structured", title=None, parties=[], dates=[],
                        instrument="agreement", genre="legal_text", minerals=[], text=text, skipped=[],
                        provisions=[Provision(ref="art_1", kind="article", heading="Export Dutles", text=text, start=0, end=len(text))])
    tags = classify_document(document, taxonomy).tags["art_1"]
    assert [tag.category for tag in tags] == ["export_duties"]
    assert tags[0].evidence[0].pattern.startswith("~") and tags[0].evidence[0].match == "Export Dutles"


def test_container_is_classified_on_its_own_text_only(taxonomy):
    lead_in = "The Parties shall establish a Joint Committee, which shall address:"
    item = "(a) export duties on lithium."
    text = f"{lead_in}\n{item}"
    document = Document(path="nested.txt", format="text", layout="structured", title=None, parties=[], dates=[],
                        instrument="agreement", genre="legal_text", minerals=[], text=text, skipped=[], provisions=[
                            Provision(ref="art_1", kind="article", text=text, start=0, end=len(text)),
                            Provision(ref="art_1__item_a", kind="item", parent="art_1", text=item, start=len(lead_in) + 1, end=len(text))])
    classified = classify_document(document, taxonomy)
    assert classified.categories("art_1") == ["cooperation_council"]
    assert classified.categories("art_1__item_a") == ["export_duties"]


def classified_text(text: str, taxonomy, tmp_path):
    """The document parsed from ``text`` (written to a file, as a user's would be) and its classification."""
    path = tmp_path / "agreement.txt"
    path.write_text(text, encoding="utf-8")
    document = load_document(str(path))
    return document, classify_document(document, taxonomy)


def test_a_bodys_functions_listed_after_it_are_the_bodys(taxonomy, tmp_path):
    """A category's lead_ins: "The Joint Committee shall:" gives its items cooperation_council; a list introduced by
    the Parties does not, nor does one whose lead-in only names the body in passing."""
    document, classified = classified_text(
        "Article 20\nJoint Committee\n\n1. A Joint Committee is hereby established.\n\n2. The Joint Committee shall:\n\n"
        "(a) review the implementation of this Agreement;\n\n(b) keep under review the removal of barriers to trade.\n\n"
        "3. The Parties shall, after notifying the Joint Committee:\n\n(a) publish their laws.\n",
        taxonomy, tmp_path)
    assert "cooperation_council" in classified.categories("Art. 20(2)(a)")
    assert "cooperation_council" in classified.categories("Art. 20(2)(b)")
    assert classified.categories("Art. 20(3)(a)") == []
    [evidence] = next(tag for tag in classified.tags["Art. 20(2)(b)"] if tag.category == "cooperation_council").evidence
    assert document.text[evidence.start:evidence.end].endswith("The Joint Committee shall:")


def test_a_body_named_in_the_paragraph_before_its_function_list_gives_the_list_its_category(taxonomy, tmp_path):
    """"Article 1" / "The Contracting Parties shall establish the Joint Committee …. It shall undertake the following
    functions:" / "(a) to exchange views …": the lead-in is the article's unnumbered paragraph, the items' sibling, and
    "It" is the body named before it."""
    _, classified = classified_text(
        "Article 1\n\nThe Contracting Parties shall establish the Joint Committee for Economic Cooperation. It shall undertake "
        "the following functions:\n\n(a) to exchange views on measures to encourage cooperation;\n\n"
        "(b) to make recommendations to the respective governments.\n\nArticle 2\n\nThe Parties shall publish their laws in "
        "the following languages:\n\n(a) English.\n",
        taxonomy, tmp_path)
    assert "cooperation_council" in classified.categories("Art. 1(a)")
    assert "cooperation_council" in classified.categories("Art. 1(b)")
    assert classified.categories("Art. 2(a)") == []


def test_numbered_paragraphs_listing_a_bodys_functions_are_the_bodys(taxonomy, tmp_path):
    """"The Joint Administration Committee … shall have the following functions, inter alia:" / "1) To ensure …" / "2) To
    consider …": paragraphs numbered as the list's entries get the body's category and read under its "shall", as items do;
    a numbered paragraph after an article's heading alone is no entry."""
    document, classified = classified_text(
        "Article 26\n\nThe Joint Administration Committee shall adopt its decisions by consensus and shall have the following "
        "functions, inter alia:\n\n1) To ensure the proper functioning of this Agreement.\n\n2) To consider and submit to the "
        "Parties any modifications to this Agreement.\n\n3) To perform other functions that may arise from this Agreement.\n\n"
        "Article 27\n\n1. Each Party shall publish its laws.\n\n2. Each Party shall notify its tariffs.\n",
        taxonomy, tmp_path)
    readings = {provision.ref: provision.modality for provision in document.provisions}
    for ref in ("Art. 26(1)", "Art. 26(2)", "Art. 26(3)"):
        assert "cooperation_council" in classified.categories(ref), ref
        assert readings[ref] == "binding", ref
    assert "cooperation_council" not in classified.categories("Art. 27(2)")


def test_an_entry_that_only_names_a_field_of_cooperation_gets_its_category(taxonomy, tmp_path):
    """A category's ``fields``: "(k) mining and energy;" under "… shall cooperate in the following areas:" is energy
    cooperation, and "(m) competition;" competition policy; the same words in a list that is no list of areas ("(a) fuel and
    energy;" among the materials a good is made with) or in a longer entry give nothing."""
    _, classified = classified_text(
        "Article 15.1\n\nThe Parties shall cooperate in the following areas:\n\n(a) trade and investment;\n\n(b) mining and "
        "energy;\n\n(c) competition;\n\n(d) agriculture, forestry and fisheries, including matters of mutual interest to "
        "both Parties and energy;\n\nArticle 3.10\n\nThe value of a good includes the value of:\n\n(a) fuel and energy;\n",
        taxonomy, tmp_path)
    assert classified.categories("Art. 15.1(a)") == ["investment_finance", "trade_facilitation"]
    assert classified.categories("Art. 15.1(b)") == ["energy_security"]
    assert classified.categories("Art. 15.1(c)") == ["non_market_practices"]
    assert "energy_security" not in classified.categories("Art. 15.1(d)")
    assert classified.categories("Art. 3.10(a)") == []
    [evidence] = classified.tags["Art. 15.1(b)"][0].evidence
    assert evidence.pattern.startswith("field: ")


def categories_by_sentence(document, classified) -> dict[str, list[str]]:
    return {provision.text: classified.categories(provision.ref) for provision in document.provisions if provision.kind == "sentence"}


def sentence_categories(document, classified) -> list[list[str]]:
    """Each sentence's categories, in reading order."""
    return [classified.categories(provision.ref) for provision in document.provisions if provision.kind == "sentence"]


def test_a_report_referring_back_to_a_measure_keeps_its_category(taxonomy, tmp_path):
    """A category's anaphors: in a prose document "The ban is indefinite." after an export ban is an export-duty
    sentence; "the ban on smoking" is another ban, and nothing refers back before the measure is named."""
    path = tmp_path / "guinea.txt"
    path.write_text("Guinea bans bauxite exports\n\nThe ban was announced on Monday. Guinea's government imposed an export "
                    "ban on bauxite from the Boke region. The ban is indefinite, officials said.\n\nThe ban on smoking in "
                    "restaurants was not discussed.\n", encoding="utf-8")
    document = load_document(str(path))
    classified = classify_document(document, taxonomy)
    by_text = categories_by_sentence(document, classified)
    assert by_text["The ban is indefinite, officials said."] == ["export_duties"]
    assert by_text["The ban was announced on Monday."] == []
    assert by_text["The ban on smoking in restaurants was not discussed."] == []
    [tag] = [tag for provision in document.provisions if provision.text.startswith("The ban is")
             for tag in classified.tags[provision.ref]]
    assert [(evidence.match, evidence.pattern) for evidence in tag.evidence] == [("The ban", "anaphor: ban")]


def test_an_anaphor_may_carry_a_possessive_or_modifiers(taxonomy, tmp_path):
    """"the proposed ban" and "Namibia's new ban" refer back to the export ban named before, as "the ban" does."""
    path = tmp_path / "namibia.txt"
    path.write_text("Namibia bans lithium exports\n\nNamibia has banned the export of unprocessed lithium. The minister did not "
                    "say when the proposed ban will apply. Namibia's new ban covers cobalt too.\n", encoding="utf-8")
    document = load_document(str(path))
    classified = classify_document(document, taxonomy)
    by_text = categories_by_sentence(document, classified)
    assert "export_duties" in by_text["The minister did not say when the proposed ban will apply."]
    assert "export_duties" in by_text["Namibia's new ban covers cobalt too."]


def test_a_report_refers_back_to_controls_only_after_naming_them(taxonomy, tmp_path):
    """"The controls take effect Dec. 1" refers back to export controls named before; "the restrictions" refers to
    nothing named (no earlier export-restriction evidence held that noun), so it stays untagged."""
    path = tmp_path / "graphite.txt"
    path.write_text("China tightens graphite exports\n\nThe restrictions were criticised by importers. China announced "
                    "export controls on graphite on Friday. The controls take effect Dec. 1, the ministry said.\n",
                    encoding="utf-8")
    document = load_document(str(path))
    classified = classify_document(document, taxonomy)
    by_text = categories_by_sentence(document, classified)
    assert "export_duties" in by_text["The controls take effect Dec. 1, the ministry said."]
    assert by_text["The restrictions were criticised by importers."] == []


def test_a_reports_details_keep_the_subject_it_set(taxonomy, tmp_path):
    """Context phrases: once a report has named an investment-screening regime, "This review process is capped at 30
    days." is about it; the same sentence before the subject is set, or in a report about something else, is not."""
    review = "This review process is capped at 30 days."
    screening = tmp_path / "screening.txt"
    screening.write_text(f"Belgium screens investments\n\n{review} Belgium introduced a screening mechanism for foreign "
                         f"direct investment in 2023. {review}\n", encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text(f"Belgium builds a port\n\nBelgium will build a new container port. {review}\n", encoding="utf-8")
    for path, expected in ((screening, [[], ["investment_screening"], ["investment_screening"]]), (other, [[], []])):
        document = load_document(str(path))
        classified = classify_document(document, taxonomy)
        assert sentence_categories(document, classified) == expected, path.name
        if path is screening:
            sentences = [provision for provision in document.provisions if provision.kind == "sentence"]
            [tag] = classified.tags[sentences[-1].ref]
            [evidence] = tag.evidence
            assert (evidence.match, evidence.pattern.split(":")[0]) == ("review", "context")
            assert document.text[evidence.start:evidence.end] == "review"


def test_a_reports_figures_on_exports_do_not_carry_its_export_tax(taxonomy, tmp_path):
    """Context exclusions: in a report on an export tax, "exporters will need licences" is about the measure, while
    "Coke exports surged to 14.5 million tons" and the export price are background figures, with no category; a figure
    does not veto the category where the sentence's own vocabulary names the measure."""
    document, classified = classified_text(
        "China raises coke export tax\n\nChina raised the export tax on coke to 40 percent. Coke exports surged to 14.5 "
        "million tons in 2006. The export price was 4,000 yuan per ton. Exporters will need licences from May. The export "
        "tax on coking coal rose to 10 percent.\n", taxonomy, tmp_path)
    assert sentence_categories(document, classified) == [["export_duties"], [], [], ["export_duties"], ["export_duties"]]


def test_a_financing_reports_terms_keep_its_subject(taxonomy, tmp_path):
    """Context phrases of project finance: once a report names a loan, its terms ("repayment", "financial close") are
    about it; the same sentence in a report on something else is not."""
    terms = "The repayment term is 15 years and financial close is expected in June."
    loan = f"Bank backs lithium mine\n\nThe bank approved a $200 million loan for the lithium mine. {terms}\n"
    other = f"Mine opens\n\nThe lithium mine opened on Monday. {terms}\n"
    for text, expected in ((loan, True), (other, False)):
        last = sentence_categories(*classified_text(text, taxonomy, tmp_path))[-1]
        assert ("investment_finance" in last) is expected, text


def test_context_exclusions_of_a_users_category_veto_only_its_context_phrases(tmp_path):
    path = tmp_path / "magnets.toml"
    path.write_text('extends = "default"\n[[category]]\nid = "magnets"\nlabel = "Magnets"\ndescription = "d"\n'
                    'phrases = ["magnet quota"]\ncontext = ["magnets"]\ncontext_exclusions = [\'\\bmagnets\\s+rose\\b\']\n',
                    encoding="utf-8")
    taxonomy = load_taxonomy(str(path))
    document, classified = classified_text("Magnet rules\n\nThe government set a magnet quota. Magnets rose in price. "
                                           "Magnets need a permit. The magnet quota rose again.\n", taxonomy, tmp_path)
    assert ["magnets" in categories for categories in sentence_categories(document, classified)] == [True, False, True, True]


def test_a_headline_sets_the_subject_of_a_report(taxonomy, tmp_path):
    """The headline, set aside from the provisions as the title, still sets the report's subject for context phrases."""
    path = tmp_path / "belgium.txt"
    path.write_text("Belgium tightens screening of foreign investments\n\nBelgium said on Monday that the review process "
                    "for foreign investments in sensitive companies is now capped at 30 days.\n\nThe government in Brussels "
                    "expects about 60 notifications a year from investors outside the European Union.\n", encoding="utf-8")
    document = load_document(str(path))
    assert [span.reason for span in document.skipped] == ["title"]
    classified = classify_document(document, taxonomy)
    assert sentence_categories(document, classified) == [["investment_screening"]] * 2


def test_an_article_heading_is_the_articles_not_its_nearest_childs(taxonomy):
    """Children repeat their article's heading; its words still belong to the article alone."""
    heading_line = "ARTICLE 4: Customs Duties On Imports"
    first = "1. No new charges shall be introduced in trade between the Parties."
    second = "2. Paragraph 1 does not apply to fish."
    text = f"{heading_line}\n{first}\n{second}"
    second_start = text.index(second)
    heading = "Customs Duties On Imports"
    document = Document(path="headed.txt", format="text", layout="structured", title=None, parties=[], dates=[],
                        instrument="agreement", genre="legal_text", minerals=[], text=text, skipped=[], provisions=[
                            Provision(ref="Art. 4", kind="article", heading=heading, text=text, start=0, end=len(text)),
                            Provision(ref="Art. 4(1)", kind="paragraph", heading=heading, parent="Art. 4", text=first,
                                      start=len(heading_line) + 1, end=len(heading_line) + 1 + len(first)),
                            Provision(ref="Art. 4(2)", kind="paragraph", heading=heading, parent="Art. 4", text=second,
                                      start=second_start, end=len(text))])
    classified = classify_document(document, taxonomy)
    assert classified.categories("Art. 4") == ["trade_facilitation"]
    assert classified.categories("Art. 4(1)") == [] and classified.categories("Art. 4(2)") == []


def test_explain_reports_vetoes_and_evidence(taxonomy):
    explanation = explain_text("For purposes of this Chapter: export duty means a charge on exports;", taxonomy)
    assert explanation.categories == []
    candidate = next(c for c in explanation.candidates if c.category == "export_duties")
    assert not candidate.tagged and "purposes" in candidate.vetoed_by
    assert candidate.evidence[0].match == "export duty"


@pytest.mark.parametrize("text", [
    pytest.param("Each Party\n      shall not impose any duty on the export of cobalt.", id="hard-wrapped"),
    pytest.param("Each Party shall not impose any duty on the export of cobalt.", id="one-line"),
])
def test_explain_reads_a_pasted_clause_as_a_document_line(taxonomy, text):
    explanation = explain_text(text, taxonomy)
    assert (explanation.actor, explanation.modality, explanation.polarity) == ("Each Party", "binding", "negative")


@pytest.mark.parametrize(("word", "forms"), [
    pytest.param("duty", {"duty", "duties"}, id="y-plural"),
    pytest.param("impose", {"impose", "imposed", "imposing", "imposes"}, id="e-verb"),
    pytest.param("labour", {"labour", "labor", "labours", "labors"}, id="spelling"),
    pytest.param("tax", {"tax", "taxes", "taxed"}, id="x-plural"),
    pytest.param("organise", {"organise", "organize", "organising", "organizing"}, id="ise-ize"),
])
def test_word_forms_include_inflection_and_spelling(taxonomy, word, forms):
    assert forms <= word_forms(word, taxonomy.spellings, frozenset(taxonomy.fixed_words))


def test_phrase_variants_expand_alternatives_and_optional_slots():
    assert phrase_variants("{impose|levy} {|an} export duty") == {
        "impose export duty", "impose an export duty", "levy export duty", "levy an export duty"}


# ----------------------------------------------------------------------------- the phrase scan finds what every first word's tails find

def _unchecked(vocabulary: Vocabulary) -> Vocabulary:
    """The vocabulary with every first-word hit handed to its tails (no check of the next word in the engine)."""
    forms = set(vocabulary.form_tails.form_words)
    return Vocabulary(re.compile(rf"(?<!\w)({trie_regex(forms)})(?!\w)"), vocabulary.form_tails)


def _scanned(vocabulary: Vocabulary, text: str) -> list:
    return [(start, end, [entry.source for entry in entries]) for start, end, entries in vocabulary.finditer(text.lower())]


def _vocabulary_of(phrases, fixed_words: set[str], spellings: dict[str, list[str]] | None = None) -> Vocabulary:
    """The compiled phrases, each an entry of its own in one category."""
    compiler = VocabularyCompiler(spellings or {}, frozenset(fixed_words))
    for phrase in phrases:
        compiler.add(phrase, VocabularyEntry("c", phrase, 1.0))
    return compiler.compile()


PHRASES = ["export {duty|tax}", "export ban", "supply-chain mapping", "supply * vulnerability", "{not|no} * legally binding",
           "review {of|} {this|the} agreement", "labour rights", "re-use", "screening"]


@pytest.mark.parametrize("text", [
    pytest.param("Export duties, exports ban; export-tax and export\u00adduty; exportduties; export of goods.", id="separators"),
    pytest.param("supply chains mapping, supply chain vulnerability, supply of goods; supply-chain mapping", id="longer-first-word"),
    pytest.param("not legally binding; no, not, in any way legally binding; not binding", id="gaps"),
    pytest.param("review of the agreement, review this agreement, review the text, reviewing", id="optional-slot"),
    pytest.param("labour’s rights, labour rights, labor, re-use, reuse and re use, screening", id="apostrophe-and-compounds"),
])
def test_phrase_scan_checks_drop_no_match(text):
    vocabulary = _vocabulary_of(PHRASES, {"of", "the", "this", "no", "not"}, {"labour": ["labor"]})
    assert _scanned(vocabulary, text) == _scanned(_unchecked(vocabulary), text)


#: The gap word as first written, retried at every split between its letters: the possessive one must find the same.
BACKTRACKING_GAP = r"(?:(?:[^\S\n]|,)+[\w\-'’–—]+(?:(?:\.\w+)+\.?)?){0,5}?,?"
GAP_PHRASES = ["consultations * committee", "duties * equivalent", "{not|no} * legally binding", "amendments * chapter",
               "amendments to this {chapter|annex}", "key * supply chains", "workers * rights", "export * * ban"]


def _gap_scan(gap: str, text: str, monkeypatch) -> list:
    monkeypatch.setattr(vocabulary_module, "GAP", gap)
    return _scanned(_vocabulary_of(GAP_PHRASES, {"to", "this", "not", "no"}), text)


@pytest.mark.parametrize("text", [
    pytest.param("consultations in the Sub-Committee; consultations in the joint-committee", id="before-a-hyphen"),
    pytest.param("duties—equivalent; duties – equivalent; duties on goods -equivalent", id="dashes"),
    pytest.param("not - in any way - legally binding; no, it's-not legally binding", id="punctuation-words"),
    pytest.param("amendments to this chapter; amendments, if any, to the chapter", id="tail-order"),
    pytest.param("key U.S. supply chains; workers' and employers' rights; export of all goods--ban", id="abbreviations"),
])
def test_the_gap_word_finds_what_the_backtracking_one_found(text, monkeypatch):
    assert _gap_scan(GAP, text, monkeypatch) == _gap_scan(BACKTRACKING_GAP, text, monkeypatch)


def test_a_phrase_word_run_together_with_a_gap_word_is_not_found(monkeypatch):
    # Finding it meant retrying every split of every gap word's letters, three quarters of the tail-matching time.
    assert _gap_scan(BACKTRACKING_GAP, "consultations in thecommittee", monkeypatch) == [
        (0, 29, ["consultations * committee"])]
    assert _gap_scan(GAP, "consultations in thecommittee", monkeypatch) == []


def test_a_gap_counts_for_its_first_length_in_the_order_of_tails():
    assert expression_length(GAP + "duty") == GAP_ORDER_LENGTH + len("duty")
    assert expression_length("duty") == len("duty")


def test_a_first_word_with_punctuation_does_not_hide_the_bare_word():
    """"environmental, social and governance" must not stop "environmental" matching before any other comma."""
    vocabulary = _vocabulary_of(["environmental", "environmental, social and governance"], {"and"})
    scanned = _scanned(vocabulary, "high environmental, labour and governance standards; environmental, social and governance")
    assert scanned == [(5, 18, ["environmental"]), (53, 89, ["environmental, social and governance"])]


def test_an_ignore_phrase_wins_over_a_longer_alternation_of_the_same_first_word():
    """'fair {market|markets|market practices}' must not hide the ignore phrase 'fair market value'."""
    compiler = VocabularyCompiler({}, frozenset())
    compiler.add("fair {market|markets|market practices}", VocabularyEntry("c", "fair market", 1.0))
    compiler.add("fair market value", VocabularyEntry("c", "fair market value", 1.0, ignore=True))
    scanned = _scanned(compiler.compile(), "the fair market value; fair markets")
    assert scanned == [(4, 21, ["fair market value"]), (23, 35, ["fair market"])]


def test_an_ignore_phrase_wins_a_tie_with_a_phrase_of_another_first_word():
    """'exchanged views' (ignored) and '{exchange|exchanges} views' match the same words from different first words: the
    ignore phrase hides the other, as it would with the same first word; the present tense still counts."""
    compiler = VocabularyCompiler({}, frozenset())
    compiler.add("{exchange|exchanges} views", VocabularyEntry("c", "exchange views", 1.0))
    compiler.add("exchanged views", VocabularyEntry("c", "exchanged views", 1.0, ignore=True))
    scanned = _scanned(compiler.compile(), "they exchanged views; they will exchange views")
    assert scanned == [(5, 20, ["exchanged views"]), (32, 46, ["exchange views"])]


def test_the_longest_match_of_a_category_at_a_start_wins_whatever_the_first_word_form():
    """'=gas' (a literal first word) and 'gas {storage|deal}' are compiled apart: the bare word must not hide the phrase."""
    compiler = VocabularyCompiler({}, frozenset())
    compiler.add("=gas", VocabularyEntry("energy", "=gas", 0.5))
    compiler.add("gas {storage|deal}", VocabularyEntry("energy", "gas storage", 1.0))
    scanned = _scanned(compiler.compile(), "Gas storage and gas prices")
    assert scanned == [(0, 11, ["gas storage"]), (16, 19, ["=gas"])]


def test_phrase_scan_checks_drop_no_match_in_the_seeds(taxonomy):
    vocabulary = compile_taxonomy(taxonomy).vocabulary
    for path in sorted(Path(__file__).resolve().parent.parent.joinpath("seeds").glob("*.txt")):
        text = load_document(str(path)).text
        assert _scanned(vocabulary, text) == _scanned(_unchecked(vocabulary), text), path.name


# ----------------------------------------------------------------------------- the pattern scan finds what the plain search finds

@pytest.mark.parametrize(("patterns", "text"), [
    pytest.param([r"\bfoo"], "foo foofoo x-foo", id="at-text-start"),
    pytest.param([r"\bab\s"], "ab ab ab", id="match-ends-on-the-next-matchs-non-word-character"),
    pytest.param([r"\bb[ ,]+", r"(?-i:\bA\w*)"], "b, Ab b A a", id="case-sensitive-beside-insensitive"),
    pytest.param([r"\b\d+ ?", r"\bca?b\b"], "12 cab 3cb cb", id="alternatives-in-order"),
    pytest.param([r"\b(?<=x )foo"], "x foo y foo", id="look-behind-before-the-scan"),
    pytest.param([r"\b\w?x", r"\bfoo"], "ax x foo", id="first-character-unknown"),
    pytest.param([r"(?-i:\bA)", r"\b[b-c]"], "a A b c", id="case-sensitive-first-character"),
    pytest.param([r"\bsigned\s+at\s+[A-Z]\w*", r"\b\d+[\s-]*days?"], "Signed at Lima; 30-days, 5 Days, signed at 5",
                 id="heads-through-whitespace-and-classes"),
    pytest.param([r"\bsigned"], "\u017figned SIGNED", id="long-s-matches-s"),
    pytest.param([r"\bimport"], "\u0131mport \u0130MPORT", id="dotless-and-dotted-i"),
    pytest.param([r"\bkey\b"], "\u212aEY key", id="kelvin-sign-lowers-to-k"),
    pytest.param([r"\bba\u03c3is"], "ba\u03c2is BA\u03a3IS", id="final-sigma-matches-sigma"),
    pytest.param([r"\bab", r"\bb\w"], "ab abab bb", id="a-match-hides-the-starts-inside-it"),
])
def test_pattern_scan_finds_what_the_combined_regex_finds(patterns, text):
    scan = combined_patterns([f"(?P<p{index}>{pattern})" for index, pattern in enumerate(patterns)])
    assert scan.after_non_word is not None
    expected = [(m.start(), m.end(), m.lastgroup) for m in scan.regex.finditer(text)]
    assert list(scan.finditer(text)) == expected
    lowered = "".join(character.lower()[0] for character in text)
    assert list(scan.finditer(text, lowered)) == expected


@pytest.mark.parametrize("layout", ["prose", "structured"])
def test_the_default_patterns_are_found_at_their_heads_as_the_combined_regex_finds_them(taxonomy, layout):
    scan = compile_taxonomy(taxonomy).pattern_scan(layout)
    assert scan.starts is not None
    paths = sorted(Path(__file__).resolve().parent.parent.joinpath("seeds").glob("*.txt")) + TOTA_PATHS
    found = 0
    for path in paths:
        text = load_document(str(path)).text
        expected = [(m.start(), m.end(), m.lastgroup) for m in scan.regex.finditer(text)]
        assert list(scan.finditer(text, text.lower())) == expected, path.name
        found += len(expected)
    assert found > (100 if TOTA_PATHS else 0)


def test_the_lowered_scan_knows_every_character_lower_casing_hides_from_it():
    """Every non-ASCII character that an ASCII letter matches case-insensitively lower-cases to ASCII, or is listed."""
    everything = "".join(chr(code) for code in range(128, 0x110000) if not 0xD800 <= code < 0xE000)
    matched = set(re.findall("[a-z]", everything, re.IGNORECASE))
    assert {char for char in matched if not char.lower()[0].isascii()} == set(UNLOWERED_MATCHES)


@pytest.mark.parametrize(("pattern", "head", "whole"), [
    pytest.param(r"\b(?:Review|screen)\w*\s+of", r"(?:review|screen)(?:[\w]){0,}(?:[\s]){1,}of", True, id="branch-and-repeats"),
    pytest.param(r"\bin\s+duplicate\b", r"in(?:[\s]){1,}duplicate", True, id="assertions-left-out"),
    pytest.param(r"\b\d+ (?:[\w-]+\s+){0,2}days", r"(?:[\d]){1,}\ ", False, id="stops-at-an-optional-group"),
    pytest.param(r"[A-C]x.y", "[A-Ca-c]x", False, id="upper-case-range-lowered-and-stops-at-any"),
    pytest.param(r"(?:a|b?)c", "(?:a|(?:b){0,1})c", True, id="an-optional-character-copied"),
    pytest.param(r"(?:a|.)c", "", False, id="an-alternative-that-promises-nothing"),
    pytest.param("ab\u03c3c", "ab", False, id="stops-at-a-non-ascii-letter"),
])
def test_head_of_a_pattern(pattern, head, whole):
    assert pattern_head(_parser.parse(pattern).data) == (head, whole)


@pytest.mark.parametrize(("pattern", "branches"), [
    pytest.param(r"\b(?:Review|screen)\w*", [("r", r"eview(?:[\w]){0,}"), ("s", r"creen(?:[\w]){0,}")], id="branch"),
    pytest.param(r"\b\d+ days", [(r"[\d]", r"(?:[\d]){0,}\ days")], id="repeat-of-a-class"),
    pytest.param(r"(?:ab)+c.", [("a", "b")], id="repeated-group-stops-the-head"),
    pytest.param(r"\b(?:a)?b", None, id="optional-start-cannot-be-split"),
])
def test_head_of_a_pattern_split_at_its_first_character(pattern, branches):
    assert head_branches(_parser.parse(pattern).data) == branches


def test_heads_grouped_by_first_character_find_what_the_heads_find():
    patterns = [r"\bexport", r"\bexpel", r"\bban\w*", r"\bb", r"(?:x)?yz"]
    assert grouped_heads([_parser.parse(pattern) for pattern in patterns]) == r"(?:b|e(?:xport|xpel)|(?:x){0,1}yz)"


@pytest.mark.parametrize(("pattern", "first"), [
    pytest.param(r"\b(?:review|screen)\w*", "rs", id="branch"),
    pytest.param(r"\b\d+ days", r"\d", id="repeat-of-a-class"),
    pytest.param(r"\b[a-c_]", "a-c_", id="range"),
    pytest.param(r"\b(?:a)?b", None, id="optional-start-is-unknown"),
    pytest.param(r"[^a]x", None, id="negated-class-is-unknown"),
])
def test_first_characters_of_a_pattern(pattern, first):
    assert first_characters(_parser.parse(pattern).data) == first


# ----------------------------------------------------------------------------- the labelled set

def labelled_rows() -> list[dict]:
    rows = []
    for name in ("written.jsonl", "seeds.jsonl", "whitehouse.jsonl"):
        rows += [json.loads(line) for line in (LABELLED_DIR / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows


def test_labelled_set_is_large_and_covers_every_category(taxonomy):
    rows = labelled_rows()
    written = [row for row in rows if row["id"].startswith("w")]
    assert len(written) >= 150
    for category_id in taxonomy.ids:
        assert sum(category_id in row["categories"] for row in rows) >= 8, category_id
    assert sum(not row["categories"] for row in rows) >= 20


def test_labelled_set_macro_f1_stays_above_the_bar(taxonomy):
    counts = {category_id: [0, 0, 0] for category_id in taxonomy.ids}
    for row in labelled_rows():
        predicted, expected = set(classify_text(row["text"], taxonomy)), set(row["categories"])
        for category_id, count in counts.items():
            count[0] += category_id in predicted and category_id in expected
            count[1] += category_id in predicted and category_id not in expected
            count[2] += category_id in expected and category_id not in predicted
    f1 = [2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0 for tp, fp, fn in counts.values()]
    assert sum(f1) / len(f1) >= 0.9


# ----------------------------------------------------------------------------- the ToTA treaties

def test_tota_treaties_classify_with_honest_evidence(taxonomy, tota_paths):
    for path in tota_paths:
        document = load_document(str(path))
        classified = classify_document(document, taxonomy)
        assert classified.tags, path.name
        for tags in classified.tags.values():
            for tag in tags:
                for evidence in tag.evidence:
                    if not evidence.pattern.startswith("~"):
                        assert document.text[evidence.start:evidence.end] == evidence.match


def test_tota_definitions_get_no_export_duties(taxonomy, tota_paths):
    document = load_document(str(next(path for path in tota_paths if path.name == "pta_156.xml")))
    classified = classify_document(document, taxonomy)
    definitions = [p for p in document.provisions if p.heading and p.heading.strip().endswith("Definitions")]
    assert definitions
    for provision in definitions:
        assert "export_duties" not in classified.categories(provision.ref), provision.text[:200]
    export_taxes = [p for p in document.provisions if p.heading and "Export Taxes" in p.heading]
    assert any("export_duties" in classified.categories(p.ref) for p in export_taxes)


# ----------------------------------------------------------------------------- treaty classify|explain

from compare.cli import main  # noqa: E402


def test_classify_jsonl_rows_carry_categories_and_evidence(capsys):
    assert main(["classify", str(seed_path("002")), "--format", "jsonl", "--category", "export_duties"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rows and all("export_duties" in row["categories"] for row in rows)
    row = rows[0]
    assert {"path", "ref", "start", "end", "categories", "evidence", "modality", "polarity", "actor", "text"} <= row.keys()
    assert row["evidence"]["export_duties"][0]["match"].lower() == "export duties"


def test_classify_text_has_one_row_per_provision(capsys):
    assert main(["classify", str(seed_path("004"))]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split("\t")[:5] == ["path", "ref", "start", "end", "categories"]
    assert len(lines) - 1 == len(load_document(str(seed_path("004"))).provisions)


def test_classify_with_a_user_taxonomy(tmp_path, capsys):
    path = tmp_path / "magnets.toml"
    path.write_text('extends = "default"\n[[category]]\nid = "rare_earth_magnets"\nlabel = "Magnets"\n'
                    'description = "Rare-earth magnets."\nparent = "technology_cooperation"\nphrases = ["rare earth"]\n', encoding="utf-8")
    assert main(["classify", str(seed_path("004")), "--taxonomy", str(path), "--format", "jsonl", "--category", "rare_earth_magnets"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rows and all({"rare_earth_magnets", "technology_cooperation"} <= set(row["categories"]) for row in rows)


def test_classify_unknown_category_is_a_usage_error(capsys):
    assert main(["classify", str(seed_path("002")), "--category", "gold_prices"]) == 2
    assert "unknown category 'gold_prices'" in capsys.readouterr().err


def test_explain_reads_stdin_and_shows_why(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO("Neither Party shall impose export duties on lithium."))
    assert main(["explain", "-"]) == 0
    out = capsys.readouterr().out
    assert "categories: export_duties" in out and "'export duties' at" in out and "modality:" in out


def test_explain_json_is_versioned(capsys):
    assert main(["explain", "The Parties hereby establish a Joint Committee.", "--format", "json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["version"] and payload["categories"] == ["cooperation_council"]


def test_explain_empty_text_is_trouble(capsys):
    assert main(["explain", "   "]) == 2
    assert "nothing to explain" in capsys.readouterr().err


# ----------------------------------------------------------------------------- bench/accuracy.py on a folder of one's own

def _run_bench(script: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "bench" / script), *args], capture_output=True, text=True, check=False)


def _run_accuracy(*args: str) -> subprocess.CompletedProcess:
    return _run_bench("accuracy.py", *args)


def _write_rows(path: Path, rows: list[dict]) -> None:
    """Labelled rows as a ``*.jsonl`` file, one JSON object per line."""
    path.write_text("\n".join(json.dumps(row) for row in rows) + "\n", encoding="utf-8")


def test_accuracy_bench_measures_a_labelled_folder_given_to_it(tmp_path):
    rows = [{"id": "x1", "text": "Neither Party shall impose export duties on cobalt.", "categories": ["export_duties"], "modality": "binding"},
            {"id": "x2", "text": "Gold prices fell on Monday.", "categories": ["stockpiling"], "modality": "none"}]
    _write_rows(tmp_path / "mine.jsonl", rows)
    (tmp_path / "notes.jsonl").write_text(json.dumps({"id": "x1", "note": "a companion row"}) + "\n", encoding="utf-8")
    finished = _run_accuracy("--labelled", str(tmp_path))
    assert finished.returncode == 0, finished.stderr
    assert "labelled rows: 2" in finished.stdout
    assert re.search(r"export_duties\s+1\s+0\s+0\s", finished.stdout)
    assert re.search(r"stockpiling\s+0\s+0\s+1\s", finished.stdout)
    assert "macro-F1 over the 2 categories with labelled positives: 0.500" in finished.stdout
    assert "micro precision 1.000, recall 0.500, F1 0.667" in finished.stdout
    assert "modality accuracy: 1.000" in finished.stdout


def test_accuracy_bench_scores_rows_inside_their_documents(tmp_path):
    labelled, documents = tmp_path / "labels", tmp_path / "documents"
    labelled.mkdir(), documents.mkdir()
    (documents / "treaty.txt").write_text("Article 1\n\n1. The Joint Committee shall:\n(a) adopt its rules of procedure;\n"
                                          "(b) meet once a year.\n", encoding="utf-8")
    rows = [{"id": "x1", "source": "treaty.txt", "text": "(a) adopt its rules of procedure;", "categories": ["cooperation_council"],
             "modality": "binding"},
            {"id": "x2", "source": "elsewhere.txt", "text": "(a) adopt its rules of procedure;", "categories": [],
             "modality": "binding"}]
    _write_rows(labelled / "mine.jsonl", rows)
    alone = _run_accuracy("--labelled", str(labelled))
    inside = _run_accuracy("--labelled", str(labelled), "--documents", str(documents))
    assert re.search(r"cooperation_council\s+0\s+0\s+1\s", alone.stdout)
    # In its document the item lists a function of the Joint Committee its lead-in names; the row without a document is
    # read alone.
    assert "scored in their documents: 1 rows; found in no document, scored alone: 1 (0 with a source file but text not found)" in inside.stdout
    assert re.search(r"cooperation_council\s+1\s+0\s+0\s", inside.stdout)


def test_accuracy_bench_refuses_a_folder_without_labels(tmp_path):
    finished = _run_accuracy("--labelled", str(tmp_path))
    assert finished.returncode == 2
    assert "nothing to measure" in finished.stderr


def test_agreement_bench_compares_two_annotators_of_the_same_rows(tmp_path):
    text = "Neither Party shall impose export duties on cobalt."
    first = [{"id": "x1", "text": text, "categories": ["export_duties"], "modality": "binding"},
             {"id": "x2", "text": "Gold prices fell.", "categories": [], "modality": "none"}]
    second = [{"id": "x1", "text": text, "categories": ["export_duties", "trade_facilitation"], "modality": "binding"},
              {"id": "x2", "text": "Gold prices fell.", "categories": [], "modality": "aspirational"},
              {"id": "x3", "text": "A row only B labelled.", "categories": [], "modality": "none"}]
    _write_rows(tmp_path / "a.jsonl", first)
    _write_rows(tmp_path / "b.jsonl", second)
    finished = _run_bench("agreement.py", str(tmp_path / "a.jsonl"), str(tmp_path / "b.jsonl"))
    assert finished.returncode == 0, finished.stderr
    assert "rows labelled by both: 2 (only A: 0, only B: 1)" in finished.stdout
    assert re.search(r"export_duties\s+1\s+0\s+0\s+1\.00", finished.stdout)
    assert re.search(r"trade_facilitation\s+0\s+1\s+0\s+0\.00", finished.stdout)
    assert "macro-F1 over the 2 categories either gave: 0.500" in finished.stdout
    # Observed 0.5; chance 0.25 (both say binding half the time): kappa (0.5 - 0.25) / 0.75.
    assert "modality agreement: 0.500 (1 of 2), Cohen's kappa 0.333" in finished.stdout


def test_a_phrase_starting_inside_a_hyphenated_first_word_is_found():
    # "free-trade zone" makes "free trade" one first word; "trade regime" starts at its second word.
    compiler = VocabularyCompiler({}, frozenset())
    compiler.add("free-trade zone", VocabularyEntry("zones", "free-trade zone", 1.0))
    compiler.add("trade regime", VocabularyEntry("regimes", "trade regime", 1.0))
    compiler.add("trade", VocabularyEntry("zones", "trade", 0.5))
    vocabulary = compiler.compile()
    assert sorted(_scanned(vocabulary, "a free-trade regime; a free trade zone")) == [
        (7, 12, ["trade"]), (7, 19, ["trade regime"]), (23, 38, ["free-trade zone"])]
    # The longer match hides its own category's shorter one inside it ("trade" of the zone), never another's.
    assert _scanned(vocabulary, "free-trade zone") == [(0, 15, ["free-trade zone"])]


def test_unicode_hyphens_and_apostrophes_separate_words_as_the_ascii_ones_do():
    # Normalization keeps U+2010 and U+2011 (a non-breaking hyphen between "tariff" and "rate"), and a phrase or a
    # text read without it may hold a typographic apostrophe: the scan reads each as its ASCII form, offsets unchanged.
    compiler = VocabularyCompiler({}, frozenset())
    compiler.add("tariff-rate quota", VocabularyEntry("quotas", "tariff-rate quota", 1.0))
    compiler.add("workers’ rights", VocabularyEntry("labour", "workers’ rights", 1.0))
    vocabulary = compiler.compile()
    text = "tariff\u2011rate quotas and tariff\u2010rate quota, workers' rights and workers\u2019 rights"
    assert _scanned(vocabulary, text) == [(0, 18, ["tariff-rate quota"]), (23, 40, ["tariff-rate quota"]),
                                          (42, 57, ["workers’ rights"]), (62, 77, ["workers’ rights"])]


def test_a_report_refers_back_to_its_measure_by_any_of_the_category_nouns(taxonomy, tmp_path):
    """Once the measure is named ("export permits"), "the curbs" refers back to it; a noun ending a phrase ("the
    availability of funds") or a verb after a modal ("the neighbour might control supplies") refers to nothing."""
    by_text = categories_by_sentence(*classified_text(
        "China to curb graphite exports\n\nThe curbs were criticised by importers. China will require export permits for some "
        "graphite products from Dec 1. China is implementing the curbs as pressure grows. Japan worries that the neighbour "
        "might control supplies.\n", taxonomy, tmp_path))
    assert by_text["The curbs were criticised by importers."] == []
    assert by_text["China is implementing the curbs as pressure grows."] == ["export_duties"]
    assert by_text["Japan worries that the neighbour might control supplies."] == []


def test_a_body_short_name_carries_the_categories_of_its_full_name(taxonomy, tmp_path):
    """"a Joint Economic Commission (hereinafter referred to as the JEC)": later "The JEC shall …" is about that body; a
    short name that is a common noun ("Labor Affairs Council (Council)") or names the agreement itself does not carry."""
    document, classified = classified_text(
        "Article 1\n\nThe Parties shall establish a Joint Economic Commission (hereinafter referred to as the JEC) to promote "
        "cooperation.\n\nThe JEC shall explore ways and means to promote trade.\n\nArticle 2\n\nThe Parties hereby establish a "
        "Labor Affairs Council (Council). The Council shall meet once a year.\n\nArticle 3\n\nThis Preferential Trade "
        "Arrangement (PTA) shall be reviewed. The PTA shall be open to other States.\n", taxonomy, tmp_path)
    by_text = {provision.text: classified.categories(provision.ref) for provision in document.provisions}
    assert "cooperation_council" in by_text["The JEC shall explore ways and means to promote trade."]
    [evidence] = [evidence for provision in document.provisions if provision.text.startswith("The JEC")
                  for tag in classified.tags[provision.ref] for evidence in tag.evidence if tag.category == "cooperation_council"]
    assert (evidence.match, evidence.pattern) == ("JEC", "short name of: Joint Economic Commission")
    assert "labor_rights" not in by_text["The Council shall meet once a year."]
    assert by_text["The PTA shall be open to other States."] == []


def test_a_short_name_after_a_body_named_with_a_phrase_after_its_noun_carries_its_categories(taxonomy, tmp_path):
    """"the Council on Trade and Competitiveness (CTC)": the name goes on past its body word, in lower-case joiners and
    capitalised words, before the short name is defined."""
    document, classified = classified_text(
        "The ministers met in Lima. Convening as the Council on Trade and Competitiveness (CTC), they adopted a work plan.\n\n"
        "The CTC also reviewed proposals for a pilot project.\n", taxonomy, tmp_path)
    [later] = [provision for provision in document.provisions if provision.text.startswith("The CTC") and provision.kind == "sentence"]
    assert "cooperation_council" in classified.categories(later.ref)


def test_the_functions_of_a_body_named_in_the_lead_in_before_its_list_are_the_body_s(taxonomy, tmp_path):
    document, classified = classified_text(
        "Article 2\n\nA Joint Commission, composed of representatives of both Parties, is established. It convenes annually. Its "
        "function shall be, amongst others:\n\na) to review periodically the development of economic relations;\n\nb) to make "
        "proposals.\n", taxonomy, tmp_path)
    assert all("cooperation_council" in classified.categories(provision.ref)
               for provision in document.provisions if provision.kind == "item")
