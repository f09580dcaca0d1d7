"""OCR damage: vocabulary words misread by a scanner's text layer are read as the words they damage."""
from __future__ import annotations

import re
import textwrap
from collections import Counter
from pathlib import Path

import pytest

from clauses import classify_document, explain_text, load_taxonomy
from clauses.classify import classify_text, compile_taxonomy
from clauses.vocabulary import vocabulary_words
from clauses.ocr import OcrLexicon, confusions
from grammar import load_document
from tests.conftest import SEED_PATHS, TOTA_PATHS

LABELLED_DIR = Path(__file__).parent / "data" / "labelled"


@pytest.fixture(scope="module")
def taxonomy():
    return load_taxonomy()


@pytest.fixture(scope="module")
def lexicon(taxonomy):
    return compile_taxonomy(taxonomy).ocr_lexicon()


@pytest.mark.parametrize(("sentence", "category"), [
    ("Neither Party shall impose export dut1es on critical minerals.", "export_duties"),   # l/i read as 1
    ("The Parties shall establish a Joint Comrnittee.", "cooperation_council"),            # m read as rn
    ("The Participants will cooperate on the recyc|ing of batteries.", "circular_economy"),  # l read as |
    ("Each Party shall protect freedorn of association.", "labor_rights"),
    ("Neither Party shall impose export dut!es.", "export_duties"),                         # no listed confusion: edit distance
    ("The Parties shall exchange inforrnation on supply chains.", "information_sharing"),
])
def test_a_damaged_vocabulary_word_counts_as_the_word(taxonomy, sentence, category):
    assert category in classify_text(sentence, taxonomy)


def test_letter_swaps_count_only_in_a_text_that_shows_ocr_damage(taxonomy):
    # "dutics" (e read as c) could be a real word; a text with no damage only OCR does is taken as written.
    assert "export_duties" not in classify_text("Neither Party shall impose export dutics.", taxonomy)
    assert "export_duties" in classify_text("Neither Party shall impose export dutics. See Artic1e 5.", taxonomy)


def test_the_evidence_points_at_the_damaged_words(taxonomy):
    explanation = explain_text("Neither Party shall impose EXPORT DUT1ES on lithium.", taxonomy)
    evidence = next(c for c in explanation.candidates if c.category == "export_duties").evidence
    assert [(item.match, item.start, item.end) for item in evidence] == [("EXPORT DUT1ES", 27, 40)]


def test_damaged_words_in_a_document_keep_their_offsets(tmp_path, taxonomy):
    path = tmp_path / "scan.txt"
    path.write_text("Article 1\nNeither Party shall impose export dut1es or other charges on the export of lithium.\n\n"
                    "Article 2\nThe Parties shall establish a Joint Comrnittee to review implementation.\n", encoding="utf-8")
    classified = classify_document(load_document(str(path)), taxonomy)
    text = classified.document.text
    found = {(tag.category, item.match) for tags in classified.tags.values() for tag in tags for item in tag.evidence}
    assert ("export_duties", "export dut1es") in found
    assert any(category == "cooperation_council" and "Comrnittee" in match for category, match in found)
    for tags in classified.tags.values():
        for tag in tags:
            for item in tag.evidence:
                assert text[item.start:item.end] == item.match


def test_a_repaired_phrase_hides_the_shorter_phrase_it_holds(taxonomy):
    """In "export dut1es" the repaired "export duties" is one piece of evidence, as in undamaged text."""
    clean = explain_text("Neither Party shall impose export duties. See Article 5.", taxonomy)
    damaged = explain_text("Neither Party shall impose export dut1es. See Artic1e 5.", taxonomy)
    scores = [{c.category: c.score for c in explanation.candidates} for explanation in (clean, damaged)]
    assert scores[0] == scores[1]


def damaged(text: str) -> str:
    """Every word of five letters or more with an l, i or o gets its first one misread as 1 or 0."""
    return re.sub(r"[^\W\d_]{5,}", lambda match: re.sub(r"[lio]", lambda letter: "0" if letter.group() == "o" else "1",
                                                     match.group(), count=1), text)


@pytest.mark.parametrize("seed", SEED_PATHS, ids=lambda path: path.name[:3])
def test_a_damaged_seed_gets_its_clean_tags_back(tmp_path, taxonomy, seed):
    scan = tmp_path / seed.name
    scan.write_text(damaged(seed.read_text(encoding="utf-8")), encoding="utf-8")
    clean = classify_document(load_document(str(seed)), taxonomy)
    repaired = classify_document(load_document(str(scan)), taxonomy)
    # Damage may move a boundary (a damaged title line reads as prose), so refs can differ: the categories are
    # compared as a multiset over the document.
    clean_tags = Counter(category for ref in clean.tags for category in clean.categories(ref))
    repaired_tags = Counter(category for ref in repaired.tags for category in repaired.categories(ref))
    # Only words of four letters or fewer, which are left alone, may be lost.
    assert (clean_tags & repaired_tags).total() >= 0.9 * clean_tags.total(), clean_tags - repaired_tags
    assert (repaired_tags - clean_tags).total() <= 1, repaired_tags - clean_tags


def test_clean_texts_get_no_repairs(lexicon):
    """The seeds, the labelled rows and (where ../shared is present) the ToTA treaties."""
    texts = [load_document(str(path)).text for path in [*SEED_PATHS, *TOTA_PATHS]]
    texts += [line for path in LABELLED_DIR.glob("*.jsonl") for line in path.read_text(encoding="utf-8").splitlines()]
    found = [(text[r.start:r.end], r.word) for text in texts for r in lexicon.repairs(text.lower())]
    assert found == []


def test_a_damage_of_two_words_repairs_neither():
    lexicon = OcrLexicon(["lines", "iines"])
    assert lexicon.repairs("the 1ines of artic1e") == []


def test_short_words_and_codes_are_left_alone():
    lexicon = OcrLexicon(["trade", "tariff", "paragraph"])
    assert lexicon.repairs("g20 co2 h1n1 covid-19 paragraph1 1bis c0st") == []
    assert [repair.word for repair in lexicon.repairs("c0st of tracle")] == ["trade"]


def test_every_confusion_is_a_pair_of_short_strings():
    assert confusions() and all(0 < len(right) <= 2 and 0 < len(wrong) <= 2 and right != wrong for right, wrong in confusions())


def test_a_user_categorys_words_are_repaired_too(tmp_path):
    path = tmp_path / "taxonomy.toml"
    path.write_text(textwrap.dedent("""
        extends = "default"

        [[category]]
        id = "rare_earth_magnets"
        label = "Rare-earth permanent magnets"
        description = "Production and supply of rare-earth permanent magnets."
        parent = "technology_cooperation"
        phrases = ["{rare earth|rare-earth|neodymium} {permanent|} magnet"]
    """), encoding="utf-8")
    taxonomy = load_taxonomy(str(path))
    assert "magnets" in vocabulary_words(taxonomy)
    assert "rare_earth_magnets" in classify_text("The sides will cooperate on neodyrnium perrnanent magnets.", taxonomy)


def test_a_sign_no_confusion_explains_is_repaired_by_one_edit():
    assert [repair.word for repair in OcrLexicon(["duties", "labour"]).repairs("export dut7es; 1abour")] == ["duties", "labour"]
    # Two words one edit away: neither.
    assert [repair.word for repair in OcrLexicon(["duties", "dutoes", "labour"]).repairs("export dut7es; 1abour")] == ["labour"]


def test_words_full_of_signs_are_codes_not_ocr_damage():
    """In a text where many words carry digits among their letters (identifiers, base64), none is repaired by an edit;
    the listed confusions ("1abour") still are."""
    lexicon = OcrLexicon(["duties", "labour"])
    codes = " ".join(f"x{index % 10}y{'abcdefghij'[index // 10 % 10]}{'abcdefghij'[index // 100]}" for index in range(200))
    assert [repair.word for repair in lexicon.repairs(f"artic1e 5: dut7es and 1abour {codes}")] == ["labour"]
    assert [repair.word for repair in lexicon.repairs("artic1e 5: dut7es and 1abour")] == ["duties", "labour"]
