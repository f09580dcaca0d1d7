"""The five seed reports, with expectations written by reading them."""
from __future__ import annotations

import pytest

from grammar import load_document
from tests.conftest import seed_path


@pytest.fixture(scope="module")
def seeds():
    return {prefix: load_document(str(seed_path(prefix))) for prefix in ("000", "001", "002", "003", "004")}


def skipped_text(document) -> str:
    return "\n".join(document.text[span.start : span.end] for span in document.skipped)


def provision_texts(document) -> str:
    return "\n".join(p.text for p in document.provisions)


SIGNATORIES = [
    ("000", {"CAN", "JPN"}),
    ("001", {"JPN", "PER"}),
    ("002", {"USA", "JPN"}),
    ("003", {"KOR", "JPN", "CAN"}),
    ("004", {"JPN"}),
]


@pytest.mark.parametrize("prefix, codes", SIGNATORIES, ids=[row[0] for row in SIGNATORIES])
def test_signatories(seeds, prefix, codes):
    assert set(seeds[prefix].signatories) == codes


def test_000_gold_price_items_are_skipped_as_other_stories(seeds):
    document = seeds["000"]
    assert "Gold fell" in skipped_text(document)
    assert "Gold" not in provision_texts(document)
    assert any(span.reason == "related stories" for span in document.skipped)
    assert document.title == "Canada, Japan agree to work more closely on battery supply chains"


def test_000_agreement_sentence_is_a_commitment_of_canada_and_japan(seeds):
    sentence = next(p for p in seeds["000"].provisions if p.kind == "sentence" and "agreed to work more closely" in p.text)
    assert sentence.modality == "commitment"
    assert sentence.actor == "Canada and Japan"


def test_001_duplicated_article_yields_each_provision_once(seeds):
    document = seeds["001"]
    sentences = [p.text for p in document.provisions if p.kind == "sentence"]
    assert len(sentences) == len(set(sentences)) == 6
    assert sum("will sign a joint statement" in text for text in sentences) == 1
    assert any(span.reason.startswith("duplicate") for span in document.skipped)


def test_001_unrelated_headline_is_a_teaser(seeds):
    document = seeds["001"]
    assert "wooden satellite" in skipped_text(document)
    assert "wooden satellite" not in provision_texts(document)


SEVEN_COMMITMENTS = [
    # (bullet, opening words, polarity)
    ("¶3 • 1", "Non-imposition of export duties", "negative"),
    ("¶3 • 2", "Domestic measures to address non-market", "positive"),
    ("¶3 • 3", "Best practices regarding review of investments", "positive"),
    ("¶3 • 4", "Measures that promote more resource efficient", "positive"),
    ("¶3 • 5", "Engagement, information-sharing, and enforcement", "positive"),
    ("¶3 • 6", "Remedying violations of labor rights", "positive"),
    ("¶3 • 7", "Promoting employer neutrality", "positive"),
]


def test_002_seven_bullet_commitments(seeds):
    document = seeds["002"]
    bullets = [p for p in document.provisions if p.kind == "bullet"]
    assert [(b.ref, b.text[2:].split(" ", 1)[0]) for b in bullets] == [(r, w.split(" ", 1)[0]) for r, w, _ in SEVEN_COMMITMENTS]
    for bullet, (_, words, polarity) in zip(bullets, SEVEN_COMMITMENTS):
        assert bullet.text.startswith("• " + words)
        assert bullet.modality == "commitment", bullet.ref
        assert bullet.polarity == polarity, bullet.ref
        assert bullet.parent == "¶3"


def test_002_site_chrome_teasers_and_comment_form_are_skipped(seeds):
    document = seeds["002"]
    skipped = skipped_text(document)
    for fragment in ("Home About Contact", "Cummins", "Post a comment", "Verify your Comment", "Name is required"):
        assert fragment in skipped
    assert document.title == "US and Japan sign critical minerals agreement"
    assert "Posted on" not in provision_texts(document)


def test_003_working_council_is_a_commitment(seeds):
    sentence = next(p for p in seeds["003"].provisions if "working council" in p.text and p.kind == "sentence")
    assert sentence.modality == "commitment"
    assert "Copyrights" in skipped_text(seeds["003"])


def test_004_paywall_is_skipped_and_the_policy_is_read(seeds):
    document = seeds["004"]
    skipped = skipped_text(document)
    for fragment in ("free article", "subscription", "Offer ends", "Stay ahead with our exclusives", "Sponsored Content"):
        assert fragment in skipped
    for fragment in ("subscription", "free article", "Sponsored"):
        assert fragment not in provision_texts(document)
    expand = next(p for p in document.provisions if p.kind == "sentence" and "will expand its reserves" in p.text)
    assert expand.modality == "commitment"
    assert "cobalt" in document.minerals and "lithium" in document.minerals


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seeds_are_prose_news_reports(seeds, prefix):
    assert seeds[prefix].layout == "prose"
    assert seeds[prefix].genre == "news_report"
