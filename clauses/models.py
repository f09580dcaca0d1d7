"""The vocabulary of the classification stage: category tags with the evidence for each."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from grammar.models import Document


class Model(BaseModel):
    model_config = ConfigDict(frozen=True)


class Evidence(Model):
    """One match that supports a tag: the text matched, its offsets in the document's normalized text."""

    match: str
    start: int
    end: int
    #: The taxonomy phrase or pattern that matched.
    pattern: str
    score: float = 1.0


class Tag(Model):
    """A category given to a provision, with a score in [0, 1] and the evidence behind it."""

    category: str
    score: float
    evidence: list[Evidence]


class ClassifiedDocument(Model):
    """A parsed document plus the tags of each provision, keyed by provision ``ref``."""

    document: Document
    tags: dict[str, list[Tag]]
    #: "default" or the path of the user's taxonomy file.
    taxonomy: str = "default"

    def categories(self, ref: str) -> list[str]:
        return [tag.category for tag in self.tags.get(ref, [])]


# ----------------------------------------------------------------------------- the taxonomy


class StrictModel(Model):
    """A model read from a user's file: unknown keys are errors, never silently dropped."""

    model_config = ConfigDict(frozen=True, extra="forbid")


#: Where a vocabulary entry counts: in ``structured`` documents (articles, chapters: treaties and trade agreements)
#: or in ``prose`` (news, statements, MOUs without articles, and a sentence classified on its own).
Layout = Literal["prose", "structured"]


class WeightedPhrase(StrictModel):
    """A vocabulary phrase that counts for less than a full match (``weight`` < 1): it needs company; with
    ``layout``, it counts only in documents of that layout."""

    phrase: str
    weight: float = Field(1.0, gt=0, le=1)
    layout: Layout | None = None


class WeightedPattern(StrictModel):
    """A regular expression with a weight, for wording that phrases with variants cannot express; with
    ``layout``, it counts only in documents of that layout."""

    pattern: str
    weight: float = Field(1.0, gt=0, le=1)
    layout: Layout | None = None


class LayoutPhrase(StrictModel):
    """An ``ignore`` phrase that applies only in documents of one layout."""

    phrase: str
    layout: Layout


class Category(StrictModel):
    """One clause category: what it covers, the vocabulary that finds it, and the sentences that test it."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    label: str
    description: str
    parent: str | None = None
    #: Phrases matched with inflection, spelling and hyphenation variants (see ``clauses.vocabulary.word_forms``).
    phrases: list[str | WeightedPhrase] = []
    #: Regular expressions, matched case-insensitively, where phrases are not enough.
    patterns: list[str | WeightedPattern] = []
    #: Regular expressions that veto this category when they match the provision's own text.
    exclusions: list[str] = []
    #: Phrases that contain the vocabulary but mean something else ("date of entry into force"): where
    #: they match, the category's phrases inside them do not count.
    ignore: list[str | LayoutPhrase] = []
    #: Regular expressions matched against the end of a list's lead-in ("The Joint Committee shall:"): every item and
    #: bullet of that list gets the category, the lead-in's match as its evidence.
    lead_ins: list[str] = []
    #: Nouns that, after "the", "this", "that", "these", "those" or "such", refer back to the category's evidence in an
    #: earlier provision of the same prose document ("The ban is indefinite." after "… banned the export of bauxite"):
    #: the provision naming one gets the category too.
    anaphors: list[str] = []
    #: Phrases that count for the category only in a prose document where an earlier provision already has it from its
    #: own vocabulary: words a report of the measure uses once its subject is set ("the review is capped at 30 days"
    #: in a report on investment screening).
    context: list[str] = []
    #: Regular expressions that keep a ``context`` phrase from giving the category where they match the provision's own
    #: text: a report on an export tax names exports in its figures too ("Coke exports surged to 14.5 million tons").
    context_exclusions: list[str] = []
    #: Phrases that name the category as a field of cooperation and count only where they are a short list entry of their
    #: own ("(k) mining and energy;", "- competition policy", "a) trade and investment"), as an agreement lists its areas.
    fields: list[str] = []
    #: The sum of evidence weights a provision needs to get the category.
    threshold: float = Field(1.0, gt=0)
    examples: list[str] = []
    counter_examples: list[str] = []


class Taxonomy(StrictModel):
    """The merged, validated taxonomy: categories in order plus the vocabulary rules shared by all of them."""

    #: "default" or the path of the user's file.
    source: str = "default"
    #: Spelling variants applied to every vocabulary word: ``labour = ["labor"]``.
    spellings: dict[str, list[str]] = {}
    #: Words never inflected ("of", "the", "esg").
    fixed_words: list[str] = []
    #: Regular expressions that veto every category when they match a provision's own text (definitions).
    common_exclusions: list[str] = []
    #: Regular expressions that veto every category for provisions under a matching heading ("Definitions").
    heading_exclusions: list[str] = []
    categories: list[Category]

    def category(self, category_id: str) -> Category:
        return next(category for category in self.categories if category.id == category_id)

    @property
    def ids(self) -> list[str]:
        return [category.id for category in self.categories]


# ----------------------------------------------------------------------------- explanations


class Candidate(Model):
    """A category the vocabulary pointed at in a text, whether or not it was given: score, evidence, veto."""

    category: str
    score: float
    evidence: list[Evidence]
    #: The exclusion pattern (and the text it matched) that vetoed the category, if any.
    vetoed_by: str | None = None
    tagged: bool


class Explanation(Model):
    """Why a text gets its categories: every candidate with its evidence, plus the clause reading."""

    text: str
    categories: list[str]
    candidates: list[Candidate]
    modality: str = "none"
    polarity: str = "positive"
    actor: str | None = None
    modality_cue: str | None = None
    polarity_cue: str | None = None
